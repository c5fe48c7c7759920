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

// formatUnknown formats v with the C printf-style format unknown, as
// tcpdump's snprintf(buf, fmt, v) with an unsigned v does: %u prints it
// unsigned, %d/%i as a signed int, %x/%o as they are; length modifiers
// are ignored. A format without a verb is returned as it is (C's printf
// ignores the extra argument, Go's fmt would append %!(EXTRA …)).
func formatUnknown(unknown string, v uint32) string {
	i := strings.IndexByte(unknown, '%')
	if i < 0 {
		return unknown
	}
	j := i + 1
	for j < len(unknown) && strings.IndexByte("0123456789-+# .hlz", unknown[j]) >= 0 {
		j++
	}
	if j >= len(unknown) {
		return unknown
	}
	spec := strings.NewReplacer("l", "", "h", "", "z", "").Replace(unknown[i:j])
	var arg any = v
	verb := unknown[j]
	switch verb {
	case 'u':
		verb = 'd'
	case 'd', 'i':
		verb, arg = 'd', int32(v)
	}
	return fmt.Sprintf(unknown[:i]+spec+string(verb)+unknown[j+1:], arg)
}
