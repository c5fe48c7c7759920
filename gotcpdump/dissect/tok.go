package dissect

import (
	"fmt"
	"strings"
)

// tok is one entry of a value-to-name table (tcpdump's struct tok).
type tok struct {
	v uint32
	s string
}

// tok2str returns the name of v in toks, or unknown formatted with v
// ("#%d" when unknown is empty).
func tok2str(toks []tok, unknown string, v uint32) string {
	for _, t := range toks {
		if t.v == v {
			return t.s
		}
	}
	if unknown == "" {
		unknown = "#%d"
	}
	return formatUnknown(unknown, v)
}

// bittok2str names every token all of whose bits are set in v, joined by
// ", "; unknown (default "#%08x") formats v when none is.
func bittok2str(toks []tok, unknown string, v uint32) string {
	return bittok2strSep(toks, unknown, v, ", ")
}

// bittok2strNosep is bittok2str without separators.
func bittok2strNosep(toks []tok, unknown string, v uint32) string {
	return bittok2strSep(toks, unknown, v, "")
}

func bittok2strSep(toks []tok, unknown string, v uint32, sep string) string {
	var b strings.Builder
	first := true
	for _, t := range toks {
		if t.v != 0 && v&t.v == t.v {
			if !first {
				b.WriteString(sep)
			}
			b.WriteString(t.s)
			first = false
		}
	}
	if first {
		if unknown == "" {
			unknown = "#%08x"
		}
		return formatUnknown(unknown, v)
	}
	return b.String()
}

// formatUnknown formats v with the printf-style format unknown; a format
// without a verb is returned as it is (C's printf ignores the extra
// argument, Go's fmt would append %!(EXTRA …)).
func formatUnknown(unknown string, v uint32) string {
	if !strings.Contains(unknown, "%") {
		return unknown
	}
	return fmt.Sprintf(unknown, v)
}
