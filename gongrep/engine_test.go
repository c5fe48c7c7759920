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
