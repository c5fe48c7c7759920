package main

import (
	"bufio"
	"io"
	"testing"

	"github.com/goclues/goclues/common/capture"
	g "github.com/goclues/goclues/gongrep/internal/pktgen"
)

// BenchmarkProcess runs ngrep's per-packet path (decode, match, header,
// payload) on an HTTP request; it must not allocate.
func BenchmarkProcess(b *testing.B) {
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"blank", []string{"ngrep", "-I", "x"}},
		{"regex", []string{"ngrep", "-I", "x", "-q", "Host: [a-z]+"}},
		{"literal-i", []string{"ngrep", "-I", "x", "-q", "-i", "user-agent"}},
		{"hex", []string{"ngrep", "-I", "x", "-q", "-x", "-t"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c, req := parseOptions(bc.args)
			if req != nil {
				b.Fatal(req.stdout)
			}
			m, _, err := setupMatcher(c)
			if err != nil {
				b.Fatal(err)
			}
			w := bufio.NewWriter(io.Discard)
			e := &engine{c: c, m: m, out: newPrinter(w, c, 80)}
			e.lay.LinkOffset, e.lay.VLAN = 14, true
			payload := []byte("GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: bench\r\n\r\n")
			data := g.Ether(0x0800, g.IP4(g.IPv4{Src: [4]byte{10, 0, 0, 1}, Dst: [4]byte{10, 0, 0, 2}, Proto: g.TCP},
				g.TCPSeg(1234, 80, g.PSH|g.ACK, nil, payload)))
			p := &capture.Packet{Sec: 1700000000, Data: data, Caplen: uint32(len(data)), Len: uint32(len(data))}
			b.ReportAllocs()
			for b.Loop() {
				if err := e.process(p, e.load(p)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzProcess: no packet makes the whole per-packet path (decode, match,
// -A context, every layout, -C highlighting) panic.
func FuzzProcess(f *testing.F) {
	payload := []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	f.Add(g.Ether(0x0800, g.IP4(g.IPv4{Proto: g.TCP}, g.TCPSeg(1, 2, g.ACK, nil, payload))), uint8(0))
	f.Add(g.Ether(0x86dd, g.IP6([16]byte{}, [16]byte{}, g.Frag6, g.Frag6Hdr(g.UDP, 8, true, 1, payload))), uint8(3))
	f.Add([]byte{0x45}, uint8(7))
	layouts := []string{"normal", "byline", "single", "none"}
	f.Fuzz(func(t *testing.T, pkt []byte, knobs uint8) {
		args := []string{"ngrep", "-C", "-e", "-W", layouts[knobs%4], "-A", "2", "-S", "40"}
		if knobs&4 != 0 {
			args = []string{"ngrep", "-C", "-e", "-x", "-c", "7"}
		}
		args = append(args, "T|\\x00.|$")
		c, req := parseOptions(args)
		if req != nil {
			t.Fatal(req.stdout)
		}
		m, _, err := setupMatcher(c)
		if err != nil {
			t.Fatal(err)
		}
		e := &engine{c: c, m: m, out: newPrinter(bufio.NewWriter(io.Discard), c, 80)}
		e.lay.LinkOffset, e.lay.VLAN = 14, knobs&8 == 0
		p := &capture.Packet{Data: pkt, Caplen: uint32(len(pkt)), Len: uint32(len(pkt))}
		for range 2 {
			if err := e.process(p, e.load(p)); err != nil {
				t.Fatal(err)
			}
		}
	})
}
