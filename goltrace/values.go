package main

import (
	"encoding/binary"
	"math"
	"strconv"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/goltrace/proto"
)

// valueCtx is what formatting a value may consult: the tracee's memory,
// the call's other arguments (length expressions such as arg3) and its
// return value.
type valueCtx struct {
	pid    int
	args   []uint64
	retval uint64
	hasRet bool
	strLen int
	arrLen int
	buf    []byte
	fmtBuf []byte
}

// appendUnknown prints a value whose type is unknown as ltrace guesses:
// decimal when it is small, hexadecimal otherwise.
func appendUnknown(dst []byte, v uint64) []byte {
	if s := int64(v); s >= -10000 && s <= 10000 {
		return strconv.AppendInt(dst, s, 10)
	}
	return appendHex(dst, v)
}

// appendHex is C's "%#lx": "0" for zero, "0x..." otherwise.
func appendHex(dst []byte, v uint64) []byte {
	if v == 0 {
		return append(dst, '0')
	}
	dst = append(dst, "0x"...)
	return strconv.AppendUint(dst, v, 16)
}

// appendOctal is ltrace's octal form: a 0 and the octal digits ("00"
// for zero).
func appendOctal(dst []byte, v uint64) []byte {
	dst = append(dst, '0')
	return strconv.AppendUint(dst, v, 8)
}

// charEscapes are the one-letter escapes ltrace uses in strings and
// characters; other unprintable bytes become three-digit octal.
var charEscapes = [256]byte{0: '0', '\a': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\\': '\\'}

func appendChar(dst []byte, c byte) []byte {
	switch {
	case charEscapes[c] != 0:
		return append(dst, '\\', charEscapes[c])
	case c >= 0x20 && c < 0x7f:
		return append(dst, c)
	}
	return append(dst, '\\', '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
}

// width is the size in bytes of a scalar kind in memory.
var width = map[proto.Kind]int{
	proto.Int: 4, proto.Uint: 4, proto.Long: 8, proto.Ulong: 8,
	proto.Short: 2, proto.Ushort: 2, proto.Char: 1, proto.Float: 4,
	proto.Double: 8, proto.Addr: 8, proto.File: 8, proto.Format: 8,
	proto.String: 8, proto.Pointer: 8,
}

// sizeAlign returns the memory size and alignment of t.
func sizeAlign(t *proto.Type) (int, int) {
	switch t.Kind {
	case proto.Struct:
		size, align := 0, 1
		for _, f := range t.Fields {
			s, a := sizeAlign(f)
			size = (size + a - 1) / a * a
			size += s
			if a > align {
				align = a
			}
		}
		return (size + align - 1) / align * align, align
	case proto.Enum, proto.Bitvec:
		return sizeAlign(t.Elem)
	case proto.Array:
		s, a := sizeAlign(t.Elem)
		if t.Len.Kind == proto.Const {
			return s * int(t.Len.N), a
		}
		return 0, a
	}
	if w, ok := width[t.Kind]; ok {
		return w, w
	}
	return 0, 1
}

// load reads a scalar of kind k from b.
func load(t *proto.Type, b []byte) uint64 {
	le := binary.LittleEndian
	switch n, _ := sizeAlign(t); n {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(le.Uint16(b))
	case 4:
		return uint64(le.Uint32(b))
	case 8:
		return le.Uint64(b)
	}
	return 0
}

// evalLen evaluates a length expression.
func (c *valueCtx) evalLen(e proto.Expr) (uint64, bool) {
	switch e.Kind {
	case proto.Const:
		return uint64(e.N), true
	case proto.Arg:
		if int(e.N) <= len(c.args) {
			return c.args[e.N-1], true
		}
	case proto.Retval:
		if c.hasRet {
			return c.retval, true
		}
	}
	return 0, false
}

// appendValue formats v of type t.
func (c *valueCtx) appendValue(dst []byte, t *proto.Type, v uint64, depth int) []byte {
	switch t.Lens {
	case proto.Hex:
		n, _ := sizeAlign(t)
		if n == 4 {
			v = uint64(uint32(v))
		}
		return appendHex(dst, v)
	case proto.Octal:
		n, _ := sizeAlign(t)
		if n == 4 {
			v = uint64(uint32(v))
		}
		return appendOctal(dst, v)
	}
	switch t.Kind {
	case proto.Void:
		return append(dst, "<void>"...)
	case proto.Int:
		return strconv.AppendInt(dst, int64(int32(v)), 10)
	case proto.Uint:
		return strconv.AppendUint(dst, uint64(uint32(v)), 10)
	case proto.Long:
		return strconv.AppendInt(dst, int64(v), 10)
	case proto.Ulong:
		return strconv.AppendUint(dst, v, 10)
	case proto.Short:
		return strconv.AppendInt(dst, int64(int16(v)), 10)
	case proto.Ushort:
		return strconv.AppendUint(dst, uint64(uint16(v)), 10)
	case proto.Char:
		dst = append(dst, '\'')
		dst = appendChar(dst, byte(v))
		return append(dst, '\'')
	case proto.Float:
		return strconv.AppendFloat(dst, float64(math.Float32frombits(uint32(v))), 'f', 6, 32)
	case proto.Double:
		return strconv.AppendFloat(dst, math.Float64frombits(v), 'f', 6, 64)
	case proto.Addr, proto.File:
		return appendHex(dst, v)
	case proto.String, proto.Format:
		return c.appendString(dst, t, v)
	case proto.Enum:
		for _, e := range t.Enum {
			if uint64(e.Value) == v || int32(e.Value) == int32(v) && t.Elem.Kind == proto.Int {
				return append(dst, e.Name...)
			}
		}
		return c.appendValue(dst, t.Elem, v, depth)
	case proto.Bitvec:
		return appendBitvec(dst, v, 8*func() int { n, _ := sizeAlign(t.Elem); return n }())
	case proto.Pointer:
		if v == 0 {
			return append(dst, "nil"...)
		}
		return c.appendMem(dst, t.Elem, v, depth)
	case proto.Struct, proto.Array:
		// Passed by value in registers: shown as the raw word.
		return appendHex(dst, v)
	}
	return appendUnknown(dst, v)
}

// appendMem formats a value of type t stored at addr in the tracee.
func (c *valueCtx) appendMem(dst []byte, t *proto.Type, addr uint64, depth int) []byte {
	if depth > 8 {
		return append(dst, "..."...)
	}
	switch t.Kind {
	case proto.Struct:
		dst = append(dst, "{ "...)
		off := uint64(0)
		for i, f := range t.Fields {
			s, a := sizeAlign(f)
			off = (off + uint64(a) - 1) / uint64(a) * uint64(a)
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = c.appendMem(dst, f, addr+off, depth+1)
			off += uint64(s)
		}
		return append(dst, " }"...)
	case proto.Array:
		n, ok := c.evalLen(t.Len)
		if !ok {
			return appendHex(dst, addr)
		}
		s, _ := sizeAlign(t.Elem)
		dst = append(dst, "[ "...)
		for i := uint64(0); i < n; i++ {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			if int(i) >= c.arrLen {
				dst = append(dst, "..."...)
				break
			}
			dst = c.appendMem(dst, t.Elem, addr+i*uint64(s), depth+1)
		}
		return append(dst, " ]"...)
	}
	n, _ := sizeAlign(t)
	if n == 0 {
		return appendHex(dst, addr)
	}
	var b [8]byte
	if _, err := ptrace.ReadMem(c.pid, addr, b[:n]); err != nil {
		return appendHex(dst, addr)
	}
	return c.appendValue(dst, t, load(t, b[:]), depth+1)
}

// appendString prints a string argument: nil for NULL, otherwise quoted
// and escaped, cut at -s characters with "..." after the closing quote.
func (c *valueCtx) appendString(dst []byte, t *proto.Type, addr uint64) []byte {
	if addr == 0 {
		return append(dst, "nil"...)
	}
	limit := c.strLen
	var data []byte
	cut := false
	if n, ok := c.evalLen(t.Len); ok {
		if int64(n) < 0 {
			n = 0
		}
		if n >= uint64(limit) {
			cut = true
			n = uint64(limit)
		}
		if cap(c.buf) < int(n) {
			c.buf = make([]byte, n)
		}
		data = c.buf[:n]
		got, _ := ptrace.ReadMem(c.pid, addr, data)
		data = data[:got]
		if t.Len.NulStop {
			for i, b := range data {
				if b == 0 {
					data, cut = data[:i], false
					break
				}
			}
		}
	} else {
		var found bool
		var err error
		data, found, err = ptrace.ReadString(c.pid, addr, limit, c.buf)
		c.buf = data[:0]
		if err != nil && len(data) == 0 {
			return appendHex(dst, addr)
		}
		// ltrace reads at most -s characters and marks the string cut
		// when no NUL came within them, even if the next byte is a NUL.
		cut = !found && len(data) == limit
	}
	dst = append(dst, '"')
	for _, b := range data {
		dst = appendChar(dst, b)
	}
	dst = append(dst, '"')
	if cut {
		dst = append(dst, "..."...)
	}
	return dst
}

// appendBitvec prints the set bits of v as "<0-2,9>", or the clear ones
// as "~<...>" when most bits are set.
func appendBitvec(dst []byte, v uint64, bits int) []byte {
	set := 0
	for i := 0; i < bits; i++ {
		if v>>i&1 != 0 {
			set++
		}
	}
	if set > bits/2 {
		dst = append(dst, '~')
		v = ^v
	}
	dst = append(dst, '<')
	first := true
	for i := 0; i < bits; {
		if v>>i&1 == 0 {
			i++
			continue
		}
		j := i
		for j+1 < bits && v>>(j+1)&1 != 0 {
			j++
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = strconv.AppendInt(dst, int64(i), 10)
		if j > i {
			dst = append(dst, '-')
			dst = strconv.AppendInt(dst, int64(j), 10)
		}
		i = j + 1
	}
	return append(dst, '>')
}
