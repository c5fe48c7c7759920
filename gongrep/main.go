// Command gongrep is a drop-in reimplementation of ngrep 1.47 (Debian 12's
// build, with PCRE2) in pure Go: it greps the payloads of IP packets read
// from a capture file (-I) or captured live (-d), with ngrep's options,
// output bytes and exit codes.
//
// The flow is ngrep's: options (options.go) -> capture source and link
// layout (source.go, live.go) -> the BPF filter with ngrep's templates and
// fallbacks (bpf.go) -> the matcher (match.go, with PCRE2 patterns
// rewritten for Go's regexp in pcre.go) -> the per-packet engine
// (engine.go), which decodes headers with internal/frame and prints with
// print.go.
//
// Known differences from ngrep are listed in README.md next to this file.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/goclues/goclues/common/capture"
	"golang.org/x/sys/unix"
)

func main() {
	os.Exit(run(os.Args))
}

// session is one run: the output, the engine and how it ends.
type session struct {
	c      *config
	w      *bufio.Writer
	out    *stdoutWriter
	eng    *engine
	live   *capture.Live
	closer io.Closer
	sigs   chan os.Signal
	winch  chan os.Signal
}

func run(args []string) int {
	c, req := parseOptions(args)
	if req != nil {
		return finishEarly(req, c)
	}
	out := &stdoutWriter{}
	w := bufio.NewWriterSize(out, 64<<10)
	s := &session{c: c, w: w, out: out, eng: &engine{c: c}}
	s.sigs = make(chan os.Signal, 1)
	signal.Notify(s.sigs, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGABRT, syscall.SIGPIPE)
	if c.cols == 0 {
		s.winch = make(chan os.Signal, 1)
		signal.Notify(s.winch, syscall.SIGWINCH)
	}
	if err := s.setup(); err != nil {
		var r *exitRequest
		if errors.As(err, &r) {
			w.WriteString(r.stdout)
			w.Flush()
			os.Stderr.WriteString(r.stderr)
			return r.status
		}
		os.Stderr.WriteString(err.Error())
		return s.cleanExit()
	}
	s.loop()
	return s.cleanExit()
}

// finishEarly ends the command for a usage error, -V or -L.
func finishEarly(r *exitRequest, c *config) int {
	os.Stdout.WriteString(r.stdout)
	os.Stderr.WriteString(r.stderr)
	if r.cleanExit {
		// -L ends through clean_exit with the options seen so far: "exit"
		// unless -q came first, the live counters unless -I did.
		if c.quiet < 1 {
			os.Stdout.WriteString("exit\n")
			if c.readFile == "" {
				os.Stdout.WriteString("0 received, 0 matched\n")
			}
		}
		return 1
	}
	return r.status
}

func (r *exitRequest) Error() string { return r.stderr }

// setup does what ngrep does before its capture loop, printing its
// header lines.
func (s *session) setup() error {
	c := s.c
	if c.killCount != 0 {
		if _, err := defaultDevice(); err != nil {
			// tcpkill_init's errx: no clean_exit.
			return &exitRequest{stderr: baseProg(c.prog) + ": no suitable device found\n", status: 1}
		}
		k, err := newKiller(c.prog, c.killCount)
		if err != nil {
			return err
		}
		s.eng.kill = k
	}
	var target compileTarget
	if c.readFile != "" {
		src, closer, err := openFile(c.readFile)
		if err != nil {
			return err
		}
		s.closer = closer
		s.w.WriteString("input: " + c.readFile + "\n")
		target = compileTarget{linkType: src.LinkType(), snaplen: src.Snaplen(), file: true}
		if sw, ok := src.(capture.Swapper); ok {
			target.swapped = sw.Swapped()
		}
		s.eng.src = src
	} else {
		live, t, err := s.openLive()
		if err != nil {
			return err
		}
		s.live = live
		s.eng.src = live
		target = t
	}
	lay, err := layoutFor(target.linkType, c)
	if err != nil {
		return err
	}

	bs, req, err := setupBPF(c, target)
	if req != nil {
		return req
	}
	if err != nil {
		return err
	}
	s.eng.filter = bs.prog
	if bs.dropMatch {
		c.match = nil
	}
	if c.quiet < 2 {
		s.w.WriteString("filter: " + bs.text + "\n")
	}
	lay.VLAN = c.includeVLAN
	s.eng.lay = lay

	m, line, err := setupMatcher(c)
	if err != nil {
		return err
	}
	s.eng.m = m
	if c.quiet < 2 && line != "" {
		s.w.WriteString(line)
	}

	if c.dumpFile != "" {
		if err := s.openDump(target); err != nil {
			return err
		}
		s.w.WriteString("output: " + c.dumpFile + "\n")
	}
	s.eng.out = newPrinter(s.w, c, windowCols(c))
	if s.live != nil {
		if err := s.startLive(); err != nil {
			return err
		}
	}
	return dropPrivileges(c)
}

// setupMatcher builds the matcher and the "match:" line ngrep prints.
func setupMatcher(c *config) (matcher, string, error) {
	if c.match == nil {
		return blankMatcher{}, "", nil
	}
	expr := *c.match
	prefix := ""
	if c.invert != 0 {
		prefix = "don't "
	}
	if c.binMatch {
		if c.wordRegex || c.ignoreCase {
			return nil, "", &setupError{msg: "fatal: regex switches are incompatible with binary matching\n"}
		}
		needle, ok := hexNeedle(expr)
		if !ok {
			return nil, "", &setupError{msg: "fatal: invalid hex string specified\n"}
		}
		line := ""
		if expr != "" {
			ox := "0x"
			for i := 0; i < len(expr); i++ {
				if expr[i] == 'x' {
					ox = ""
				}
			}
			line = prefix + "match: " + ox + expr + "\n"
		}
		return &binMatcher{needle: needle}, line, nil
	}
	if c.wordRegex {
		expr = wordRegex(expr)
	}
	m, err := newRegexMatcher(expr, c.ignoreCase, c.multiline)
	if err != nil {
		return nil, "", &setupError{msg: err.Error() + "\n"}
	}
	line := ""
	if expr != "" {
		line = prefix + "match (JIT): " + expr + "\n"
	}
	return m, line, nil
}

// openDump opens -O's file as pcap_dump_open does.
func (s *session) openDump(t compileTarget) error {
	f, err := os.Create(s.c.dumpFile)
	if err != nil {
		var pe *os.PathError
		msg := err.Error()
		if errors.As(err, &pe) {
			msg = s.c.dumpFile + ": " + errnoText(pe.Err)
		}
		return &setupError{msg: "fatal: " + msg + "\n"}
	}
	pw, err := capture.NewPcapWriter(f, t.linkType, t.snaplen, capture.Micro)
	if err != nil {
		f.Close()
		return &setupError{msg: fmt.Sprintf("fatal: %s: %v\n", s.c.dumpFile, err)}
	}
	s.eng.dump = pw
	s.eng.dumpFile = f
	return nil
}

// windowCols is ngrep's idea of the terminal width: -c, else standard
// input's window size, else 80.
func windowCols(c *config) uint32 {
	if c.cols != 0 {
		return uint32(c.cols)
	}
	ws, err := unix.IoctlGetWinsize(0, unix.TIOCGWINSZ)
	if err != nil {
		return 80
	}
	return uint32(ws.Col)
}

// loop reads packets until the end, -n's limit or a signal.
func (s *session) loop() {
	e := s.eng
	for !e.done() {
		select {
		case <-s.sigs:
			return
		case <-s.winch:
			e.out.setCols(windowCols(s.c))
		default:
		}
		p, err := e.src.Next()
		if err != nil {
			return
		}
		buf := e.load(p)
		// A live socket's kernel already ran the filter.
		if s.live == nil && e.filter.Match(p.Data, int(p.Len)) == 0 {
			continue
		}
		if err := e.process(p, buf); err != nil || s.out.failed {
			return
		}
		if s.live != nil || s.c.lineBuffered {
			if s.w.Flush() != nil {
				return
			}
		}
	}
}

// cleanExit is ngrep's clean_exit: "exit", the live counters, and a
// status that says whether anything matched.
func (s *session) cleanExit() int {
	if s.c.quiet < 1 {
		s.w.WriteString("exit\n")
		if s.c.readFile == "" {
			fmt.Fprintf(s.w, "%d received, %d matched\n", s.eng.seen, s.eng.matches)
		}
	}
	s.w.Flush()
	if s.live != nil {
		s.live.Close()
	}
	if s.closer != nil {
		s.closer.Close()
	}
	s.eng.closeDump()
	if s.eng.kill != nil {
		s.eng.kill.close()
	}
	if s.eng.matches != 0 {
		return 0
	}
	return 1
}

// stdoutWriter is standard output that remembers a failed write: ngrep
// dies of SIGPIPE (through clean_exit) when its reader goes away, and
// gongrep stops reading packets then too.
type stdoutWriter struct{ failed bool }

func (w *stdoutWriter) Write(b []byte) (int, error) {
	n, err := os.Stdout.Write(b)
	if err != nil {
		w.failed = true
	}
	return n, err
}
