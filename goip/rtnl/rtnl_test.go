package rtnl

import (
	"encoding/binary"
	"errors"
	"testing"
)

func attr(typ uint16, data []byte) []byte {
	b := make([]byte, 4, 4+len(data)+3)
	binary.NativeEndian.PutUint16(b, uint16(4+len(data)))
	binary.NativeEndian.PutUint16(b[2:], typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func TestTableKeepsFirstAndExtras(t *testing.T) {
	var b []byte
	b = append(b, attr(RTA_DST, []byte{10, 0, 0, 0})...)
	b = append(b, attr(RTA_OIF, []byte{3, 0, 0, 0})...)
	b = append(b, attr(RTA_DST, []byte{10, 9, 9, 9})...)
	b = append(b, attr(200, []byte("x"))...)
	var tb Table
	if err := tb.Parse(b); err != nil {
		t.Fatal(err)
	}
	if got := tb.Bytes(RTA_DST); string(got) != "\x0a\x00\x00\x00" {
		t.Errorf("first RTA_DST wins in iproute2, got %v", got)
	}
	if tb.Uint32(RTA_OIF) != 3 || tb.Has(RTA_GATEWAY) {
		t.Errorf("OIF %d, gateway %v", tb.Uint32(RTA_OIF), tb.Has(RTA_GATEWAY))
	}
	if len(tb.Extra) != 2 || tb.Extra[0].Type != RTA_DST || tb.Extra[1].Type != 200 {
		t.Errorf("extras %+v", tb.Extra)
	}
}

func TestTruncatedIsStickyError(t *testing.T) {
	b := attr(RTA_DST, []byte{1, 2, 3, 4})
	binary.NativeEndian.PutUint16(b, 40) // longer than the buffer
	d := NewAttrDecoder(b)
	if d.Next() {
		t.Fatal("Next accepted an attribute running past the buffer")
	}
	if !errors.Is(d.Err(), ErrTruncated) || d.Next() {
		t.Fatalf("err %v", d.Err())
	}
}

func TestRouteMsgAndNexthops(t *testing.T) {
	hdr := []byte{2, 16, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}
	var nh []byte
	for _, gw := range [][]byte{{10, 0, 0, 2}, {10, 0, 0, 3}} {
		a := attr(RTA_GATEWAY, gw)
		n := make([]byte, 8)
		binary.NativeEndian.PutUint16(n, uint16(8+len(a)))
		n[3] = 1
		binary.NativeEndian.PutUint32(n[4:], 7)
		nh = append(append(nh, n...), a...)
	}
	var r RouteMsg
	if err := r.Decode(append(hdr, attr(RTA_MULTIPATH, nh)...)); err != nil {
		t.Fatal(err)
	}
	if r.Family != 2 || r.DstLen != 16 || r.TableID() != 254 || r.Protocol != 4 {
		t.Fatalf("%+v", r)
	}
	d := NewNexthopDecoder(r.Attrs.Bytes(RTA_MULTIPATH))
	var h Nexthop
	n := 0
	for d.Next(&h) {
		n++
		if h.Ifindex != 7 || h.Hops != 1 || len(h.Attrs.Bytes(RTA_GATEWAY)) != 4 {
			t.Errorf("nexthop %d: %+v", n, h)
		}
	}
	if n != 2 || d.Err() != nil {
		t.Fatalf("%d nexthops, err %v", n, d.Err())
	}
}

func FuzzTable(f *testing.F) {
	f.Add(attr(RTA_DST, []byte{10, 0, 0, 0}))
	f.Add(append(attr(RTA_METRICS, attr(RTAX_MTU, []byte{0, 5, 0, 0})), attr(RTA_OIF, []byte{1})...))
	f.Add([]byte{4, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var tb Table
		_ = tb.Parse(b)
		for i := 0; i < MaxAttr; i++ {
			_ = tb.Uint32(i)
			_ = tb.String(i)
			_ = tb.Uint8(i)
		}
	})
}

func FuzzMessages(f *testing.F) {
	f.Add(append([]byte{2, 24, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0}, attr(RTA_DST, []byte{1, 2, 3, 0})...))
	f.Add([]byte{10, 0, 0, 0, 3, 0, 0, 0, 0x80, 0, 0, 0, 8, 0, 1, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var r RouteMsg
		if r.Decode(b) == nil {
			d := NewNexthopDecoder(r.Attrs.Bytes(RTA_MULTIPATH))
			var h Nexthop
			for d.Next(&h) {
			}
		}
		var n NeighMsg
		_ = n.Decode(b)
		var l LinkMsg
		_ = l.Decode(b)
		var a AddrMsg
		_ = a.Decode(b)
	})
}
