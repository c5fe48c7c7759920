package main

import (
	"os"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/filter"
	"github.com/goclues/goclues/gongrep/internal/frame"
)

// engine is ngrep's per-packet logic: hash marks, matching, -A context,
// -n limits, printing and -O dumping. Every counter that outlives a
// packet lives here.
type engine struct {
	c        *config
	out      *printer
	m        matcher
	lay      frame.Layout
	buf      frame.Buffer
	frame    frame.Frame
	src      capture.Source
	filter   *filter.Program
	dump     *capture.PcapWriter
	dumpFile *os.File
	kill     *killer
	seen     uint32 // packets that passed the filter (ngrep's #N)
	matches  uint32
	keep     uint32 // -A: packets still to show after a match
	span     span   // last match position (-C), kept like ngrep's stale locals

	delayStarted       bool
	delaySec, delayUse int64
}

// done reports whether -n's limit is reached.
func (e *engine) done() bool {
	return e.c.maxMatches != 0 && e.matches >= e.c.maxMatches
}

// load copies a packet into the packet buffer, as libpcap reads every
// packet there before its filter runs.
func (e *engine) load(p *capture.Packet) []byte { return e.buf.Load(p.Data) }

// process handles one packet that passed the filter, already loaded into
// buf.
func (e *engine) process(p *capture.Packet, buf []byte) error {
	f := &e.frame
	f.Decode(buf, uint32(len(p.Data)), e.lay)
	e.seen++
	if e.c.quiet < 1 {
		e.out.w.WriteByte('#')
	}
	if err := e.show(p, buf, f); err != nil {
		return err
	}
	if e.c.matchAfter != 0 && e.keep != 0 {
		e.keep--
	}
	return nil
}

// show is ngrep's dump_packet: whether the packet is shown, and showing it.
func (e *engine) show(p *capture.Packet, buf []byte, f *frame.Frame) error {
	if !e.c.showEmpty && f.PayloadLen == 0 {
		return nil
	}
	data := f.PayloadBytes(buf, e.c.limitlen)
	shownLen := f.PayloadLen
	if shownLen > e.c.limitlen {
		shownLen = e.c.limitlen
	}
	if shownLen > 0 {
		ok, idx, size := e.m.match(data, e.c.hilite)
		var result uint8
		if ok {
			result = 1
			e.matches++
			if e.c.matchAfter != 0 && e.keep != e.c.matchAfter {
				e.keep = e.c.matchAfter
			}
			e.span = span{on: size != 0 && e.c.hilite, start: int(uint16(idx)), end: int(uint16(idx)) + int(uint16(size))}
		}
		if result == e.c.invert && e.keep == 0 {
			return nil
		}
	}
	if e.c.delay && e.c.readFile != "" {
		e.sleep(p)
	}
	e.out.header(f, p.Sec, p.Frac, e.seen, shownLen)
	if e.c.quiet < 3 {
		e.out.payload(data, e.span)
	}
	if e.dump != nil {
		if err := e.dump.WritePacket(p); err != nil {
			return err
		}
	}
	if e.kill != nil {
		e.kill.kill(buf, uint32(len(p.Data)), e.lay.LinkOffset)
	}
	return nil
}

// sleep is -D: wait as long as the capture waited between this packet
// and the previous one shown.
func (e *engine) sleep(p *capture.Packet) {
	if !e.delayStarted {
		e.delayStarted = true
		e.delaySec, e.delayUse = p.Sec, p.Frac
	}
	secs := uint32(p.Sec - e.delaySec)
	var usecs uint32
	if p.Frac >= e.delayUse {
		usecs = uint32(p.Frac - e.delayUse)
	} else {
		secs--
		usecs = uint32(1000000 - (e.delayUse - p.Frac))
	}
	e.out.w.Flush()
	time.Sleep(time.Duration(secs)*time.Second + time.Duration(usecs)*time.Microsecond)
	e.delaySec, e.delayUse = p.Sec, p.Frac
}

// closeDump completes the -O file.
func (e *engine) closeDump() {
	if e.dump == nil {
		return
	}
	e.dump.Flush()
	e.dumpFile.Close()
}
