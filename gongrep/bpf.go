package main

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"syscall"

	"github.com/goclues/goclues/common/filter"
	"github.com/goclues/goclues/common/sysent"
)

// ngrep's filter templates: it only looks at IP, and by default also at IP
// inside VLAN tags (its "VLAN hack").
const (
	bpfIP     = "(ip || ip6)"
	bpfIPVLAN = "(" + bpfIP + " || (vlan && " + bpfIP + "))"
)

func bpfTemplate(vlan bool) string {
	if vlan {
		return bpfIPVLAN
	}
	return bpfIP
}

// userFilter wraps a user's expression as ngrep does ("( %s) and ...").
func userFilter(expr string, vlan bool) string {
	return "( " + expr + ") and " + bpfTemplate(vlan)
}

// filterFromArgv joins words with a space after each, as ngrep does.
func filterFromArgv(words []string, vlan bool) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return userFilter(b.String(), vlan)
}

// compileTarget is what a filter is compiled for.
type compileTarget struct {
	linkType int
	snaplen  int
	netmask  uint32
	file     bool
	swapped  bool
	// live: the kernel runs the program on a packet socket, where VLAN
	// tags arrive as metadata (libpcap's BPF_SPECIAL_VLAN_HANDLING).
	live bool
}

func (t compileTarget) compile(expr string) (*filter.Program, error) {
	return filter.CompileConfig(filter.Config{
		Expr:           expr,
		LinkType:       t.linkType,
		Snaplen:        t.snaplen,
		Netmask:        t.netmask,
		ReadingFile:    t.file,
		SwappedFile:    t.swapped,
		VLANExtensions: t.live,
	})
}

// bpfSetup is the outcome of setting up the filter.
type bpfSetup struct {
	text      string // the filter ngrep prints ("" when it has none)
	prog      *filter.Program
	dropMatch bool // the match expression turned out to be part of the filter
}

// setupBPF builds and compiles the filter as ngrep does: the user's filter
// (from -F or the words after the match expression); if that does not
// compile, the match expression taken as the filter's first word; and if
// nothing compiles with the VLAN part, everything again without it.
func setupBPF(c *config, t compileTarget) (*bpfSetup, *exitRequest, error) {
	s, req, err := tryBPF(c, t)
	if req != nil || err == nil {
		return s, req, nil
	}
	c.includeVLAN = false
	s, req, err = tryBPF(c, t)
	if req != nil {
		return nil, req, nil
	}
	if err != nil {
		return nil, nil, &setupError{msg: "pcap: " + err.Error() + "\n"}
	}
	return s, nil, nil
}

func tryBPF(c *config, t compileTarget) (*bpfSetup, *exitRequest, error) {
	switch {
	case c.filterFile != "":
		line, errText := readFilterLine(c.filterFile)
		if errText != "" {
			return nil, &exitRequest{
				stderr: "fatal: unable to get filter from " + c.filterFile + ": " + errText + "\n",
				stdout: usageText,
				status: 2,
			}, nil
		}
		line = strings.Map(func(r rune) rune {
			if r == '\r' || r == '\n' {
				return ' '
			}
			return r
		}, line)
		text := userFilter(line, c.includeVLAN)
		prog, err := t.compile(text)
		return &bpfSetup{text: text, prog: prog}, nil, err
	case len(c.operands) > 0:
		text := filterFromArgv(c.operands, c.includeVLAN)
		if prog, err := t.compile(text); err == nil {
			return &bpfSetup{text: text, prog: prog}, nil, nil
		}
		text = filterFromArgv(append([]string{*c.match}, c.operands...), c.includeVLAN)
		prog, err := t.compile(text)
		return &bpfSetup{text: text, prog: prog, dropMatch: true}, nil, err
	default:
		text := bpfTemplate(c.includeVLAN)
		prog, err := t.compile(text)
		return &bpfSetup{text: text, prog: prog}, nil, err
	}
}

// readFilterLine reads the first line of a -F file as fgets into a
// 1024-byte buffer does (at most 1022 bytes, the newline kept). A failure
// comes back as the strerror text ngrep prints.
func readFilterLine(name string) (string, string) {
	f, err := os.Open(name)
	if err != nil {
		var errno syscall.Errno
		if errors.As(err, &errno) {
			return "", sysent.ErrnoText(int(errno))
		}
		return "", staleErrno
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var b []byte
	for len(b) < 1022 {
		ch, err := r.ReadByte()
		if err != nil {
			var errno syscall.Errno
			if len(b) == 0 {
				if errors.As(err, &errno) {
					return "", sysent.ErrnoText(int(errno))
				}
				return "", staleErrno
			}
			break
		}
		b = append(b, ch)
		if ch == '\n' {
			break
		}
	}
	// C strings end at the first NUL.
	if i := strings.IndexByte(string(b), 0); i >= 0 {
		b = b[:i]
	}
	return string(b), ""
}
