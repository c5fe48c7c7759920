package main

import (
	"bufio"
	"strconv"
	"time"

	"github.com/goclues/goclues/gongrep/internal/frame"
)

// ANSI codes -C wraps each matched character in.
const (
	ansiHilite = "\x1b[01;31m"
	ansiOff    = "\x1b[00m"
)

// protoLetters are the letters ngrep starts a packet's header with.
var protoLetters = [256]byte{
	frame.ProtoTCP:    'T',
	frame.ProtoUDP:    'U',
	frame.ProtoICMP:   'I',
	frame.ProtoICMPv6: 'I',
	frame.ProtoIGMP:   'G',
}

// tcpFlagLetters in ngrep's order: ACK SYN RST FIN URG PSH ECE CWR.
var tcpFlagLetters = [...]struct {
	bit    uint8
	letter byte
}{{0x10, 'A'}, {0x02, 'S'}, {0x04, 'R'}, {0x01, 'F'}, {0x20, 'U'}, {0x08, 'P'}, {0x40, 'E'}, {0x80, 'C'}}

// printer writes ngrep's packet output.
type printer struct {
	w        *bufio.Writer
	c        *config
	width    uint8 // characters per line of the normal layout
	prevSec  int64 // -T/-TT reference
	prevUsec int64
	num      []byte // scratch for numbers
	line     []byte // scratch for a payload line
	// glyph is how each byte prints: itself when printable, else -P's
	// character; glyphNL keeps newlines (byline).
	glyph, glyphNL [256]byte
}

func newPrinter(w *bufio.Writer, c *config, cols uint32) *printer {
	p := &printer{w: w, c: c}
	p.setCols(cols)
	for i := range p.glyph {
		p.glyph[i] = byte(i)
		if !isprint(byte(i)) {
			p.glyph[i] = c.nonprint
		}
	}
	p.glyphNL = p.glyph
	p.glyphNL['\n'] = '\n'

	if c.timeMode == timeDiff {
		p.prevSec = c.diffStart.Unix()
		p.prevUsec = int64(c.diffStart.Nanosecond() / 1000)
	}
	return p
}

// setCols sets the window width (a new one after SIGWINCH); ngrep's line
// width is an unsigned byte, so it wraps.
func (p *printer) setCols(cols uint32) {
	p.width = uint8(cols - 5)
	if p.c.showHex {
		p.width = 16
	}
}

func (p *printer) uint(v uint64) {
	p.num = strconv.AppendUint(p.num[:0], v, 10)
	p.w.Write(p.num)
}

// header prints the line that introduces a shown packet.
func (p *printer) header(f *frame.Frame, sec, usec int64, seen uint32, shownLen uint32) {
	w := p.w
	w.WriteByte('\n')
	letter := protoLetters[f.Proto]
	if letter == 0 {
		letter = '?'
	}
	w.WriteByte(letter)
	if p.c.showProto {
		w.WriteByte('(')
		p.uint(uint64(f.Proto))
		w.WriteByte(')')
	}
	w.WriteByte(' ')
	p.time(sec, usec)
	w.Write(f.Src.Bytes())
	if (f.Proto == frame.ProtoTCP || f.Proto == frame.ProtoUDP) && (f.Sport != 0 || f.Dport != 0) &&
		(f.HdrOffset != 0 || f.FragOffset == 0) {
		w.WriteByte(':')
		p.uint(uint64(f.Sport))
		w.WriteString(" -> ")
		w.Write(f.Dst.Bytes())
		w.WriteByte(':')
		p.uint(uint64(f.Dport))
	} else {
		w.WriteString(" -> ")
		w.Write(f.Dst.Bytes())
	}
	if f.Proto == frame.ProtoTCP && f.Flags != 0 {
		w.WriteString(" [")
		for _, fl := range tcpFlagLetters {
			if f.Flags&fl.bit != 0 {
				w.WriteByte(fl.letter)
			}
		}
		w.WriteByte(']')
	}
	switch f.Proto {
	case frame.ProtoICMP, frame.ProtoICMPv6, frame.ProtoIGMP:
		w.WriteByte(' ')
		p.uint(uint64(f.Sport))
		w.WriteByte(':')
		p.uint(uint64(f.Dport))
	}
	if f.Fragmented {
		w.WriteByte(' ')
		if f.FragOffset != 0 {
			w.WriteByte('+')
		}
		p.uint(uint64(f.FragID))
		w.WriteByte('@')
		p.uint(uint64(f.FragOffset))
		w.WriteByte(':')
		p.uint(uint64(shownLen))
	}
	if p.c.layout == layoutSingle {
		w.WriteByte(' ')
		return
	}
	w.WriteString(" #")
	p.uint(uint64(seen))
	w.WriteByte('\n')
}

// time prints -t/-T/-TT's stamp, with C's unsigned 32-bit arithmetic.
func (p *printer) time(sec, usec int64) {
	switch p.c.timeMode {
	case timeNone:
		return
	case timeAbsolute:
		t := time.Unix(sec, 0)
		p.pad(uint64(t.Year()), 2)
		p.w.WriteByte('/')
		p.pad(uint64(t.Month()), 2)
		p.w.WriteByte('/')
		p.pad(uint64(t.Day()), 2)
		p.w.WriteByte(' ')
		p.pad(uint64(t.Hour()), 2)
		p.w.WriteByte(':')
		p.pad(uint64(t.Minute()), 2)
		p.w.WriteByte(':')
		p.pad(uint64(t.Second()), 2)
		p.w.WriteByte('.')
		p.pad(uint64(uint32(usec)), 6)
		p.w.WriteByte(' ')
		return
	}
	secs := uint32(sec - p.prevSec)
	var usecs uint32
	if usec >= p.prevUsec {
		usecs = uint32(usec - p.prevUsec)
	} else {
		secs--
		usecs = uint32(1000000 - (p.prevUsec - usec))
	}
	if p.c.timeMode == timeDiff {
		p.prevSec, p.prevUsec = sec, usec
	} else if p.prevSec == 0 && p.prevUsec == 0 {
		p.prevSec, p.prevUsec = sec, usec
		secs, usecs = 0, 0
	}
	p.w.WriteByte('+')
	p.uint(uint64(secs))
	p.w.WriteByte('.')
	p.pad(uint64(usecs), 6)
	p.w.WriteByte(' ')
}

// pad prints v with at least n digits, zero-padded (%0Nu).
func (p *printer) pad(v uint64, n int) {
	p.num = strconv.AppendUint(p.num[:0], v, 10)
	for i := len(p.num); i < n; i++ {
		p.w.WriteByte('0')
	}
	p.w.Write(p.num)
}

func isprint(c byte) bool { return c >= 0x20 && c < 0x7f }

// span is the matched part -C highlights.
type span struct {
	on         bool
	start, end int
}

func (s span) has(i int) bool { return s.on && i >= s.start && i < s.end }

// payload prints the payload in the -W layout.
func (p *printer) payload(data []byte, hl span) {
	if len(data) == 0 {
		return
	}
	switch p.c.layout {
	case layoutNormal:
		p.formatted(data, hl)
	case layoutByline:
		p.stream(data, hl, true)
	default:
		p.stream(data, hl, false)
	}
}

// stream is the byline/none/single layouts: every byte once, then a
// newline; byline keeps newlines.
func (p *printer) stream(data []byte, hl span, keepNL bool) {
	w := p.w
	if !hl.on {
		glyph := &p.glyph
		if keepNL {
			glyph = &p.glyphNL
		}
		line := p.line[:0]
		for _, c := range data {
			line = append(line, glyph[c])
		}
		line = append(line, '\n')
		w.Write(line)
		p.line = line
		return
	}
	for i, c := range data {
		if hl.on && i == hl.start {
			w.WriteString(ansiHilite)
		}
		if !isprint(c) && !(keepNL && c == '\n') {
			c = p.c.nonprint
		}
		w.WriteByte(c)
		if hl.on && i+1 == hl.end {
			w.WriteString(ansiOff)
		}
	}
	w.WriteByte('\n')
}

// formatted is the normal layout: lines of width characters (16 with
// -x, after their hex), two spaces in, padded to the full width.
func (p *printer) formatted(data []byte, hl span) {
	w := p.w
	width := int(p.width)
	if width == 0 {
		// ngrep loops forever printing empty lines here (-c 5).
		return
	}
	if !hl.on {
		p.formattedPlain(data, width)
		return
	}
	half := width / 2
	for i := 0; i < len(data); i += width {
		w.WriteString("  ")
		if p.c.showHex {
			for j := 0; j < width; j++ {
				lit := hl.has(i + j)
				if lit {
					w.WriteString(ansiHilite)
				}
				if i+j < len(data) {
					w.WriteByte(hexDigit[data[i+j]>>4])
					w.WriteByte(hexDigit[data[i+j]&0xf])
					w.WriteByte(' ')
				} else {
					w.WriteString("   ")
				}
				if (j+1)%half == 0 {
					w.WriteString("   ")
				}
				if lit {
					w.WriteString(ansiOff)
				}
			}
		}
		for j := 0; j < width; j++ {
			lit := hl.has(i + j)
			if lit {
				w.WriteString(ansiHilite)
			}
			if i+j < len(data) {
				c := data[i+j]
				if !isprint(c) {
					c = p.c.nonprint
				}
				w.WriteByte(c)
			} else {
				w.WriteByte(' ')
			}
			if lit {
				w.WriteString(ansiOff)
			}
		}
		w.WriteByte('\n')
	}
}

const hexDigit = "0123456789abcdef"

// formattedPlain is the normal layout without -C highlighting, a line at
// a time.
func (p *printer) formattedPlain(data []byte, width int) {
	for i := 0; i < len(data); i += width {
		row := data[i:min(i+width, len(data))]
		line := append(p.line[:0], ' ', ' ')
		if p.c.showHex {
			for j := 0; j < width; j++ {
				if j < len(row) {
					line = append(line, hexDigit[row[j]>>4], hexDigit[row[j]&0xf], ' ')
				} else {
					line = append(line, ' ', ' ', ' ')
				}
				if (j+1)%(width/2) == 0 {
					line = append(line, ' ', ' ', ' ')
				}
			}
		}
		for _, c := range row {
			line = append(line, p.glyph[c])
		}
		for j := len(row); j < width; j++ {
			line = append(line, ' ')
		}
		line = append(line, '\n')
		p.w.Write(line)
		p.line = line
	}
}
