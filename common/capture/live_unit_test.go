package capture

import (
	"bytes"
	"io"
	"testing"
	"time"

	"golang.org/x/net/bpf"
)

func TestPcapngWriterRoundTrip(t *testing.T) {
	for _, prec := range []Precision{Micro, Nano} {
		var buf bytes.Buffer
		w, err := NewPcapngWriter(&buf, "test", prec)
		if err != nil {
			t.Fatal(err)
		}
		id0, _ := w.AddInterface("eth0", DLTEN10MB, 262144)
		id1, _ := w.AddInterface("lo", DLTEN10MB, 262144)
		pkts := []Packet{
			{Sec: 1700000000, Frac: 123, Len: 60, Data: bytes.Repeat([]byte{1}, 60)},
			{Sec: 1700000001, Frac: 999, Len: 1500, Data: bytes.Repeat([]byte{2}, 63)},
		}
		if err := w.WritePacket(id0, &pkts[0], EPBInbound|EPBUnicast); err != nil {
			t.Fatal(err)
		}
		if err := w.WritePacket(id1, &pkts[1], 0); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if w.Size() != int64(buf.Len()) {
			t.Errorf("Size() = %d, wrote %d", w.Size(), buf.Len())
		}
		r, err := NewReader(&buf, prec)
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range pkts {
			got, err := r.Next()
			if err != nil {
				t.Fatalf("packet %d: %v", i, err)
			}
			if got.Sec != want.Sec || got.Frac != want.Frac || got.Len != want.Len || !bytes.Equal(got.Data, want.Data) || got.Interface != i {
				t.Errorf("packet %d: got %+v, want %+v on interface %d", i, got, want, i)
			}
		}
		if _, err := r.Next(); err != io.EOF {
			t.Errorf("after the packets: %v, want EOF", err)
		}
	}
}

func TestRotationName(t *testing.T) {
	at := time.Date(2026, 11, 25, 7, 5, 9, 0, time.UTC)
	for _, tc := range []struct {
		template string
		timed    bool
		cnt, w   int
		want     string
	}{
		{"x.pcap", false, 0, 0, "x.pcap"},
		{"x.pcap", false, 3, 0, "x.pcap3"},
		{"x.pcap", false, 0, 1, "x.pcap0"},
		{"x.pcap", false, 7, 2, "x.pcap07"},
		{"d-%Y%m%d-%H%M%S.pcap", true, 0, 0, "d-20261125-070509.pcap"},
		{"%j %a %b %e %y %% %q", true, 1, 1, "329 Wed Nov 25 26 % %q1"},
	} {
		if got := RotationName(tc.template, at, tc.timed, tc.cnt, tc.w); got != tc.want {
			t.Errorf("RotationName(%q, %d, %d) = %q, want %q", tc.template, tc.cnt, tc.w, got, tc.want)
		}
	}
	for n, want := range map[int]int{0: 0, 1: 0, 2: 1, 10: 1, 11: 2, 100: 2, 101: 3} {
		if got := CountWidth(n); got != want {
			t.Errorf("CountWidth(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestFixCookedOffsets(t *testing.T) {
	// ldh [14] (SLL protocol); jeq #0x800; ldb [16+9]; ret
	prog := []bpf.RawInstruction{
		{Op: 0x28, K: 14}, {Op: 0x15, K: 0x800, Jt: 0, Jf: 2}, {Op: 0x30, K: 25}, {Op: 0x06, K: 262144}, {Op: 0x06},
	}
	got, ok := fixCookedOffsets(prog, DLTLinuxSLL)
	if !ok {
		t.Fatal("SLL protocol load not rewritten")
	}
	if got[0].K != skfAdOff+skfProto || got[2].K != 9 {
		t.Errorf("rewritten program %v", got)
	}
	if prog[0].K != 14 {
		t.Error("input program modified")
	}
	// An SLL address byte has no ancillary equivalent.
	if _, ok := fixCookedOffsets([]bpf.RawInstruction{{Op: 0x30, K: 7}, {Op: 0x06}}, DLTLinuxSLL); ok {
		t.Error("address load accepted")
	}
	got, ok = fixCookedOffsets([]bpf.RawInstruction{{Op: 0x20, K: 4}, {Op: 0x30, K: 10}, {Op: 0x06}}, DLTLinuxSLL2)
	if !ok || got[0].K != skfAdOff+skfIfidx || got[1].K != skfAdOff+skfPktTyp {
		t.Errorf("SLL2 rewrite %v %v", got, ok)
	}
}
