package unwind

import "encoding/binary"

// reader decodes DWARF data with sticky failure: once a read runs past
// the end every later read fails too, so callers check ok once.
type reader struct {
	buf  []byte
	pos  int
	base uint64 // vaddr of buf[0], for pc-relative pointers
	bad  bool
}

func (r *reader) left() int { return len(r.buf) - r.pos }

func (r *reader) need(n int) bool {
	if r.bad || n < 0 || r.left() < n {
		r.bad = true
		return false
	}
	return true
}

func (r *reader) u8() uint8 {
	if !r.need(1) {
		return 0
	}
	v := r.buf[r.pos]
	r.pos++
	return v
}

func (r *reader) u16() uint16 {
	if !r.need(2) {
		return 0
	}
	v := binary.LittleEndian.Uint16(r.buf[r.pos:])
	r.pos += 2
	return v
}

func (r *reader) u32() uint32 {
	if !r.need(4) {
		return 0
	}
	v := binary.LittleEndian.Uint32(r.buf[r.pos:])
	r.pos += 4
	return v
}

func (r *reader) u64() uint64 {
	if !r.need(8) {
		return 0
	}
	v := binary.LittleEndian.Uint64(r.buf[r.pos:])
	r.pos += 8
	return v
}

func (r *reader) uleb() uint64 {
	var v uint64
	var shift uint
	for {
		b := r.u8()
		if r.bad {
			return 0
		}
		if shift < 64 {
			v |= uint64(b&0x7f) << shift
		}
		shift += 7
		if b&0x80 == 0 {
			return v
		}
	}
}

func (r *reader) sleb() int64 {
	var v int64
	var shift uint
	var b byte
	for {
		b = r.u8()
		if r.bad {
			return 0
		}
		if shift < 64 {
			v |= int64(b&0x7f) << shift
		}
		shift += 7
		if b&0x80 == 0 {
			break
		}
	}
	if shift < 64 && b&0x40 != 0 {
		v |= -1 << shift
	}
	return v
}

func (r *reader) skip(n uint64) {
	if n > uint64(r.left()) {
		r.bad = true
		r.pos = len(r.buf)
		return
	}
	r.pos += int(n)
}

// pointer decodes a DW_EH_PE encoded value. dataBase is the base of
// datarel values. Indirect pointers are returned undereferenced; they
// only appear in personality routines, which the unwinder skips.
func (r *reader) pointer(enc uint8, dataBase uint64) (uint64, bool) {
	if enc == peOmit {
		return 0, true
	}
	at := r.base + uint64(r.pos)
	var v uint64
	switch enc & 0x0f {
	case pePtr, peUdata8, peSdata8:
		v = r.u64()
	case peUleb128:
		v = r.uleb()
	case peUdata2:
		v = uint64(r.u16())
	case peUdata4:
		v = uint64(r.u32())
	case peSleb128:
		v = uint64(r.sleb())
	case peSdata2:
		v = uint64(int64(int16(r.u16())))
	case peSdata4:
		v = uint64(int64(int32(r.u32())))
	default:
		r.bad = true
	}
	switch enc & 0x70 {
	case 0:
	case pePcrel:
		v += at
	case peDatarel:
		v += dataBase
	default:
		r.bad = true
	}
	return v, !r.bad
}
