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

// clock formats the -t/-tt/-ttt/-r timestamp prefixes.
type clock struct {
	style    int  // number of -t flags
	relative bool // -r
	last     time.Time
}

func (c *clock) append(dst []byte, now time.Time) []byte {
	if c.relative {
		if c.last.IsZero() {
			c.last = now
		}
		d := now.Sub(c.last)
		c.last = now
		us := d.Microseconds()
		dst = appendPadded(dst, us/1e6, 6, ' ')
		dst = append(dst, '.')
		dst = appendPadded(dst, us%1e6, 6, '0')
		return append(dst, ' ')
	}
	switch c.style {
	case 0:
		return dst
	case 1:
		dst = now.AppendFormat(dst, "15:04:05")
	case 2:
		dst = now.AppendFormat(dst, "15:04:05.000000")
	default:
		dst = strconv.AppendInt(dst, now.Unix(), 10)
		dst = append(dst, '.')
		dst = appendPadded(dst, int64(now.Nanosecond()/1000), 6, '0')
	}
	return append(dst, ' ')
}

func appendPadded(dst []byte, v int64, width int, pad byte) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], v, 10)
	for i := len(s); i < width; i++ {
		dst = append(dst, pad)
	}
	return append(dst, s...)
}
