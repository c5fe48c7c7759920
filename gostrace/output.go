package main

import (
	"os"
	"strconv"
	"time"
)

// output is one destination of trace lines: stderr, a -o file, a -o |cmd
// pipe or a -ff per-process file. It remembers which process owns a
// partly printed line so that another process's output can first close
// it with " <unfinished ...>".
type output struct {
	f     *os.File
	buf   []byte
	owner *proc // process whose line is open, nil when at line start
	col   int   // column of the open line
	ff    bool  // per-process file: never prefixed, never interleaved
}

// flush writes what is buffered.
func (o *output) flush() {
	if len(o.buf) == 0 {
		return
	}
	_, _ = o.f.Write(o.buf)
	o.col -= len(o.buf)
	o.buf = o.buf[:0]
}

// interrupt closes the line another process left open.
func (o *output) interrupt(p *proc) {
	if o.owner != nil && o.owner != p {
		o.buf = append(o.buf, " <unfinished ...>\n"...)
		o.owner.unfinished = true
		o.owner = nil
	}
}

// clock formats the -t/-tt/-ttt/--absolute-timestamps and -r prefixes.
type clock struct {
	format   int // absFormat*: none, wall-clock time or UNIX time
	prec     int // digits after the second of absolute times
	relative bool
	relPrec  int // digits of -r
	last     time.Time
}

// Absolute timestamp formats.
const (
	absNone = iota
	absTime
	absUnix
)

func (c *clock) on() bool { return c.format != absNone || c.relative }

// append writes "TIME ", "     0.000123 " or, with both,
// "TIME (+     0.000123) ".
func (c *clock) append(dst []byte, now time.Time) []byte {
	switch c.format {
	case absTime:
		dst = now.AppendFormat(dst, "15:04:05")
		dst = appendFraction(dst, int64(now.Nanosecond()), c.prec)
	case absUnix:
		dst = strconv.AppendInt(dst, now.Unix(), 10)
		dst = appendFraction(dst, int64(now.Nanosecond()), c.prec)
	}
	if c.relative {
		if c.last.IsZero() {
			c.last = now
		}
		d := now.Sub(c.last)
		c.last = now
		if c.format != absNone {
			dst = append(dst, " (+"...)
		}
		dst = appendPadded(dst, int64(d/time.Second), 6, ' ')
		dst = appendFraction(dst, int64(d%time.Second), c.relPrec)
		if c.format != absNone {
			dst = append(dst, ')')
		}
	}
	return append(dst, ' ')
}

// appendFraction appends ".ddd" with digits digits of ns nanoseconds
// (nothing for 0 digits), truncated as strace truncates.
func appendFraction(dst []byte, ns int64, digits int) []byte {
	if digits == 0 {
		return dst
	}
	for i := digits; i < 9; i++ {
		ns /= 10
	}
	dst = append(dst, '.')
	return appendPadded(dst, ns, digits, '0')
}

// appendDuration appends -T's "<S.FFFFFF>".
func appendDuration(dst []byte, d time.Duration, digits int) []byte {
	dst = append(dst, " <"...)
	dst = strconv.AppendInt(dst, int64(d/time.Second), 10)
	dst = appendFraction(dst, int64(d%time.Second), digits)
	return append(dst, '>')
}

func appendPadded(dst []byte, v int64, width int, pad byte) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], v, 10)
	for i := len(s); i < width; i++ {
		dst = append(dst, pad)
	}
	return append(dst, s...)
}
