package main

import (
	"fmt"
	"io"
	"strconv"
	"time"
)

// printer writes ltrace's lines. A call's line is written in two halves:
// the left half (name and arguments) when the call starts and the right
// half (return value) when it returns. If anything else is printed in
// between, the left half is closed with " <unfinished ...>" (another
// call starts) or " <no return ...>" (a signal or exit line), and the
// right half starts a new line with "<... name resumed> ".
type printer struct {
	w    io.Writer
	opts *options
	// prefixPid prints "[pid N] " (or "N " into a file) before lines.
	prefixPid bool
	filePid   bool
	line      []byte
	// open is the process whose left half is waiting for its right half
	// on the current line, at call depth openDepth.
	open      *proc
	openSys   bool // the pending call is a system call
	openDepth int
	openCol   int       // length of the pending left half
	last      time.Time // previous line, for -r
	err       error
}

func newPrinter(w io.Writer, o *options, toFile bool) *printer {
	pr := &printer{w: w, opts: o}
	if o.follow || len(o.pids) > 0 {
		pr.filePid = toFile
		pr.prefixPid = o.follow && !toFile
	}
	return pr
}

func (pr *printer) flush() {
	if len(pr.line) == 0 {
		return
	}
	if _, err := pr.w.Write(pr.line); err != nil && pr.err == nil {
		pr.err = err
	}
	pr.line = pr.line[:0]
}

// closeOpen ends a pending left half.
func (pr *printer) closeOpen(text string) {
	if pr.open != nil {
		pr.line = append(pr.line, text...)
		pr.open = nil
	}
}

// begin starts a line for p: pid, time stamp and instruction pointer
// columns. It returns the column the line starts at.
func (pr *printer) begin(p *proc, ip uint64, now time.Time) int {
	start := len(pr.line)
	if p != nil {
		if pr.filePid {
			pr.line = strconv.AppendInt(pr.line, int64(p.pid), 10)
			pr.line = append(pr.line, ' ')
		} else if pr.prefixPid {
			pr.line = append(pr.line, "[pid "...)
			pr.line = strconv.AppendInt(pr.line, int64(p.pid), 10)
			pr.line = append(pr.line, "] "...)
		}
	}
	o := pr.opts
	if o.relTime {
		if pr.last.IsZero() {
			pr.last = now
		}
		d := now.Sub(pr.last)
		pr.line = fmt.Appendf(pr.line, "%3d.%06d ", int64(d/time.Second), int64(d%time.Second/time.Microsecond))
		pr.last = now
	}
	switch {
	case o.absTime == 1:
		pr.line = now.AppendFormat(pr.line, "15:04:05 ")
	case o.absTime == 2:
		pr.line = now.AppendFormat(pr.line, "15:04:05.000000 ")
	case o.absTime >= 3:
		pr.line = fmt.Appendf(pr.line, "%d.%06d ", now.Unix(), now.Nanosecond()/1000)
	}
	if o.showIP && p != nil {
		if ip == 0 {
			pr.line = append(pr.line, "[(nil)] "...)
		} else {
			pr.line = fmt.Appendf(pr.line, "[%#x] ", ip)
		}
	}
	return start
}

// event prints a whole line such as "--- SIGCHLD (Child exited) ---".
func (pr *printer) event(p *proc, ip uint64, text string) {
	if pr.opts.summary {
		return
	}
	// ltrace decides from a stale call-stack slot: a pending system call
	// whose slot above last held a function call is "unfinished".
	if o := pr.open; o != nil && pr.openSys && pr.openDepth+1 < len(o.slotFunc) && o.slotFunc[pr.openDepth+1] {
		pr.closeOpen(" <unfinished ...>\n")
	}
	pr.closeOpen(" <no return ...>\n")
	pr.begin(p, ip, time.Now())
	pr.line = append(pr.line, text...)
	pr.line = append(pr.line, '\n')
	pr.flush()
}

// left prints the first half of a call: indentation, name, '(' and the
// arguments known at entry (args, already formatted).
func (pr *printer) left(p *proc, f *frame, args []byte) {
	pr.closeOpen(" <unfinished ...>\n")
	start := pr.begin(p, f.retAddr, f.start)
	for i := 0; i < pr.opts.indent*f.depth; i++ {
		pr.line = append(pr.line, ' ')
	}
	pr.line = append(pr.line, f.prefix...)
	pr.line = append(pr.line, f.name...)
	pr.line = append(pr.line, '(')
	pr.line = append(pr.line, args...)
	pr.open, pr.openDepth, pr.openCol, pr.openSys = p, f.depth, len(pr.line)-start, f.syscall
	pr.flush()
}

// right prints the second half: the arguments printed at return (rest),
// ")", padding to the -a column, "= " and the value (ret).
func (pr *printer) right(p *proc, f *frame, rest, ret []byte, now time.Time) {
	base := 0 // column of pr.line[0] on the output line
	if pr.open != p || pr.openDepth != f.depth {
		pr.closeOpen(" <unfinished ...>\n")
		base = -pr.begin(p, f.retAddr, now)
		for i := 0; i < pr.opts.indent*f.depth; i++ {
			pr.line = append(pr.line, ' ')
		}
		pr.line = append(pr.line, "<... "...)
		pr.line = append(pr.line, f.name...)
		pr.line = append(pr.line, " resumed> "...)
	} else {
		base = pr.openCol
	}
	pr.open = nil
	pr.line = append(pr.line, rest...)
	pr.line = append(pr.line, ") "...)
	col := base + len(pr.line)
	for ; col < pr.opts.align-1; col++ {
		pr.line = append(pr.line, ' ')
	}
	pr.line = append(pr.line, "= "...)
	pr.line = append(pr.line, ret...)
	if pr.opts.callTime {
		d := now.Sub(f.start)
		pr.line = fmt.Appendf(pr.line, " <%d.%06d>", int64(d/time.Second), int64(d%time.Second/time.Microsecond))
	}
	pr.line = append(pr.line, '\n')
	pr.flush()
}
