package format

import (
	"strconv"
	"time"
)

// TimeStyle is tcpdump's -t count: 0 is the default (time of day), 1 no
// time stamp (-t), 2 Unix seconds (-tt), 3 delta since the previous packet
// (-ttt), 4 date and time (-tttt), 5 delta since the first packet (-ttttt).
type TimeStyle int

// Timestamper prints tcpdump's time stamps. It keeps the reference time the
// delta styles need, so use one per output stream.
type Timestamper struct {
	Style TimeStyle
	Nano  bool           // print nanoseconds (--nano / --time-stamp-precision=nano)
	Loc   *time.Location // zone for the default and -tttt styles (tcpdump: local time)

	refSec, refFrac int64
	refSet          bool

	// cache of the last formatted second, so consecutive packets in the
	// same second only reformat the fraction.
	cacheSec  int64
	cacheDate bool
	cacheText []byte
}

// Append appends the time stamp for sec and frac (microseconds, or
// nanoseconds when Nano) followed by the separating space, exactly as
// tcpdump's ts_print does. frac may be out of range (corrupt files); it is
// printed as is, as tcpdump does.
func (t *Timestamper) Append(dst []byte, sec, frac int64) []byte {
	switch t.Style {
	case 0:
		dst = t.appendClock(dst, sec, frac, false, t.Loc)
		return append(dst, ' ')
	case 1:
		return dst
	case 2:
		if uint32(sec)&0x80000000 != 0 {
			dst = append(dst, "[Error converting time]"...)
		} else {
			dst = strconv.AppendUint(dst, uint64(uint32(sec)), 10)
			dst = t.appendFrac(dst, frac)
		}
		return append(dst, ' ')
	case 3, 5:
		if !t.refSet {
			t.refSec, t.refFrac, t.refSet = sec, frac, true
		}
		neg := sec < t.refSec || (sec == t.refSec && frac < t.refFrac)
		var ds, df int64
		if neg {
			ds, df = t.sub(t.refSec, t.refFrac, sec, frac)
			dst = append(dst, '-')
		} else {
			ds, df = t.sub(sec, frac, t.refSec, t.refFrac)
			dst = append(dst, ' ')
		}
		dst = t.appendClock(dst, ds, df, false, time.UTC)
		if t.Style == 3 {
			t.refSec, t.refFrac = sec, frac
		}
		return append(dst, ' ')
	default:
		dst = t.appendClock(dst, sec, frac, true, t.Loc)
		return append(dst, ' ')
	}
}

// sub computes a-b for (seconds, fraction) pairs with a borrow, as
// tcpdump's netdissect_timevalsub does.
func (t *Timestamper) sub(as, af, bs, bf int64) (int64, int64) {
	unit := int64(1000000)
	if t.Nano {
		unit = 1000000000
	}
	s, f := as-bs, af-bf
	if f < 0 {
		s--
		f += unit
	}
	return s, f
}

func (t *Timestamper) appendFrac(dst []byte, frac int64) []byte {
	width := 6
	if t.Nano {
		width = 9
	}
	dst = append(dst, '.')
	return AppendUintPad(dst, uint64(uint32(frac)), width)
}

func (t *Timestamper) appendClock(dst []byte, sec, frac int64, date bool, loc *time.Location) []byte {
	if uint32(sec)&0x80000000 != 0 {
		return append(dst, "[Error converting time]"...)
	}
	if loc == nil {
		loc = time.Local
	}
	// A Timestamper has one style, so loc is fixed for its lifetime and
	// (sec, date) is enough to key the cache.
	if t.cacheText == nil || t.cacheSec != sec || t.cacheDate != date {
		tm := time.Unix(sec, 0).In(loc)
		b := t.cacheText[:0]
		if date {
			y, mo, d := tm.Date()
			b = AppendUintPad(b, uint64(y), 4)
			b = append(b, '-')
			b = AppendUintPad(b, uint64(mo), 2)
			b = append(b, '-')
			b = AppendUintPad(b, uint64(d), 2)
			b = append(b, ' ')
		}
		h, m, s := tm.Clock()
		b = AppendUintPad(b, uint64(h), 2)
		b = append(b, ':')
		b = AppendUintPad(b, uint64(m), 2)
		b = append(b, ':')
		b = AppendUintPad(b, uint64(s), 2)
		t.cacheText, t.cacheSec, t.cacheDate = b, sec, date
	}
	dst = append(dst, t.cacheText...)
	return t.appendFrac(dst, frac)
}

// AppendUintPad appends v in decimal, zero-padded to at least width digits
// (printf's %0*u).
func AppendUintPad(dst []byte, v uint64, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for v >= 10 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	i--
	buf[i] = byte('0' + v)
	for n := len(buf) - i; n < width; n++ {
		dst = append(dst, '0')
	}
	return append(dst, buf[i:]...)
}
