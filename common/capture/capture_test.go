package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"
)

// pcapFile builds a little-endian micro-second pcap with the given records.
func pcapFile(snaplen uint32, recs ...[]byte) []byte {
	var b bytes.Buffer
	h := make([]byte, 24)
	binary.LittleEndian.PutUint32(h[0:], magicMicro)
	binary.LittleEndian.PutUint16(h[4:], 2)
	binary.LittleEndian.PutUint16(h[6:], 4)
	binary.LittleEndian.PutUint32(h[16:], snaplen)
	binary.LittleEndian.PutUint32(h[20:], 1)
	b.Write(h)
	for i, r := range recs {
		rh := make([]byte, 16)
		binary.LittleEndian.PutUint32(rh[0:], uint32(1000+i))
		binary.LittleEndian.PutUint32(rh[4:], 500)
		binary.LittleEndian.PutUint32(rh[8:], uint32(len(r)))
		binary.LittleEndian.PutUint32(rh[12:], uint32(len(r)+10))
		b.Write(rh)
		b.Write(r)
	}
	return b.Bytes()
}

func TestPcapRoundTrip(t *testing.T) {
	file := pcapFile(65535, []byte{1, 2, 3}, []byte{4, 5, 6, 7})
	src, err := NewReader(bytes.NewReader(file), Nano)
	if err != nil {
		t.Fatal(err)
	}
	if src.LinkType() != DLTEN10MB || src.Snaplen() != 65535 {
		t.Fatalf("link type %d snaplen %d", src.LinkType(), src.Snaplen())
	}
	var out bytes.Buffer
	w, err := NewPcapWriter(&out, src.LinkType(), src.Snaplen(), Micro)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		p, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if p.Frac != 500000 {
			t.Errorf("nanosecond fraction %d, want 500000", p.Frac)
		}
		p.Frac /= 1000
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if n != 2 || !bytes.Equal(out.Bytes(), file) {
		t.Errorf("round trip changed the file (%d packets)", n)
	}
}

// The error texts are libpcap's, as tcpdump prints them.
func TestPcapErrors(t *testing.T) {
	full := pcapFile(65535, []byte{1, 2, 3, 4, 5, 6})
	cases := []struct {
		data []byte
		open string // error from NewReader
		next string // error from the first Next
	}{
		{data: []byte("ab"), open: "truncated dump file; tried to read 4 file header bytes, only got 2"},
		{data: full[:10], open: "truncated dump file; tried to read 20 file header bytes, only got 6"},
		{data: bytes.Repeat([]byte{0x55}, 64), open: "unknown file format"},
		{data: full[:30], next: "truncated dump file; tried to read 16 header bytes, only got 6"},
		{data: full[:42], next: "truncated dump file; tried to read 6 captured bytes, only got 2"},
	}
	for _, c := range cases {
		src, err := NewReader(bytes.NewReader(c.data), Micro)
		if c.open != "" {
			if err == nil || err.Error() != c.open {
				t.Errorf("open: got %v, want %q", err, c.open)
			}
			continue
		}
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		_, err = src.Next()
		var fe *FormatError
		if !errors.As(err, &fe) || err.Error() != c.next {
			t.Errorf("next: got %v, want %q", err, c.next)
		}
	}
}

// FuzzReader feeds arbitrary bytes to the pcap and pcapng readers: they
// must return packets or errors, never panic, and never hand out more
// bytes than the record claims.
func FuzzReader(f *testing.F) {
	f.Add(pcapFile(65535, []byte{1, 2, 3}, []byte{4, 5, 6, 7}))
	f.Add(pcapFile(4, []byte{1, 2, 3, 4, 5, 6, 7, 8}))
	f.Add(pcapFile(65535)[:23])
	ng := []byte{
		0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0,
		1, 0, 0, 0, 28, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4, 0, 9, 0, 1, 0, 9, 0, 0, 0, 28, 0, 0, 0,
		6, 0, 0, 0, 36, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 1, 2, 3, 0, 36, 0, 0, 0,
	}
	f.Add(ng)
	f.Add(ng[:40])
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, prec := range []Precision{Micro, Nano} {
			src, err := NewReader(bytes.NewReader(data), prec)
			if err != nil {
				continue
			}
			for i := 0; i < 1000; i++ {
				p, err := src.Next()
				if err != nil {
					break
				}
				if int(p.Caplen) != len(p.Data) {
					t.Fatalf("caplen %d but %d bytes", p.Caplen, len(p.Data))
				}
			}
		}
	})
}
