// Package rtnl decodes rtnetlink messages (routes, neighbours, links,
// addresses) without dropping attributes: every attribute the kernel sent is
// kept by type so printers can show them in iproute2's order.
package rtnl

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrTruncated reports an attribute header or payload running past its buffer.
var ErrTruncated = errors.New("rtnl: truncated attribute")

// AttrDecoder walks a run of netlink attributes (struct rtattr / nlattr).
// Errors are sticky: after the first malformed attribute Next returns false
// and Err reports what went wrong, so callers check once at the end.
type AttrDecoder struct {
	b    []byte
	typ  uint16
	data []byte
	err  error
}

// NewAttrDecoder returns a decoder over b.
func NewAttrDecoder(b []byte) AttrDecoder { return AttrDecoder{b: b} }

// Next advances to the next attribute.
func (d *AttrDecoder) Next() bool {
	if d.err != nil || len(d.b) < 4 {
		return false
	}
	l := int(binary.NativeEndian.Uint16(d.b))
	if l < 4 || l > len(d.b) {
		d.err = fmt.Errorf("%w: length %d with %d bytes left", ErrTruncated, l, len(d.b))
		return false
	}
	d.typ = binary.NativeEndian.Uint16(d.b[2:])
	d.data = d.b[4:l]
	adv := align4(l)
	if adv > len(d.b) {
		adv = len(d.b)
	}
	d.b = d.b[adv:]
	return true
}

// Type is the current attribute's type with the nested/byte-order bits cleared.
func (d *AttrDecoder) Type() uint16 { return d.typ & 0x3fff }

// Data is the current attribute's payload.
func (d *AttrDecoder) Data() []byte { return d.data }

// Err reports the first decoding error.
func (d *AttrDecoder) Err() error { return d.err }

func align4(n int) int { return (n + 3) &^ 3 }

// MaxAttr bounds the attribute types a Table indexes directly.
const MaxAttr = 64

// Table holds a message's attributes indexed by type. As in iproute2's
// parse_rtattr the first occurrence of a type wins; types beyond MaxAttr and
// repeated types are kept in Extra, in arrival order.
type Table struct {
	present uint64
	data    [MaxAttr][]byte
	Extra   []Attr
}

// Attr is one raw attribute.
type Attr struct {
	Type uint16
	Data []byte
}

// Parse fills t from the attributes in b, replacing previous contents.
func (t *Table) Parse(b []byte) error {
	t.present = 0
	t.Extra = t.Extra[:0]
	d := NewAttrDecoder(b)
	for d.Next() {
		typ := d.Type()
		if typ < MaxAttr && t.present&(1<<typ) == 0 {
			t.present |= 1 << typ
			t.data[typ] = d.Data()
			continue
		}
		t.Extra = append(t.Extra, Attr{Type: typ, Data: d.Data()})
	}
	return d.Err()
}

// Has reports whether an attribute of type typ was present.
func (t *Table) Has(typ int) bool { return typ < MaxAttr && t.present&(1<<uint(typ)) != 0 }

// Get returns the payload of type typ and whether it was present.
func (t *Table) Get(typ int) ([]byte, bool) {
	if !t.Has(typ) {
		return nil, false
	}
	return t.data[typ], true
}

// Bytes returns the payload of type typ (nil when absent).
func (t *Table) Bytes(typ int) []byte {
	b, _ := t.Get(typ)
	return b
}

// Uint32 returns a native-endian u32 payload; short payloads read as zero-padded.
func (t *Table) Uint32(typ int) uint32 { return U32(t.Bytes(typ)) }

// Uint8 returns the first byte of the payload, or zero.
func (t *Table) Uint8(typ int) uint8 {
	b := t.Bytes(typ)
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// String returns a NUL-terminated string payload without its terminator.
func (t *Table) String(typ int) string { return CString(t.Bytes(typ)) }

// U32 decodes a native-endian u32, tolerating short input.
func U32(b []byte) uint32 {
	if len(b) >= 4 {
		return binary.NativeEndian.Uint32(b)
	}
	var v uint32
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint32(b[i])
	}
	return v
}

// U64 decodes a native-endian u64, or zero when short.
func U64(b []byte) uint64 {
	if len(b) >= 8 {
		return binary.NativeEndian.Uint64(b)
	}
	return uint64(U32(b))
}

// CString cuts b at its first NUL.
func CString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
