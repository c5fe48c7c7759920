package frame

import (
	"testing"

	g "github.com/goclues/goclues/gongrep/internal/pktgen"
)

// FuzzDecode: no packet, however short or strange, makes Decode panic,
// and the payload it finds lies inside the buffer.
func FuzzDecode(f *testing.F) {
	f.Add(g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.TCP}, g.TCPSeg(1, 2, g.ACK, nil, []byte("x")))), uint8(0), false)
	f.Add(g.Ether(0x86dd, g.IP6(src6, dst6, g.Frag6, g.Frag6Hdr(g.UDP, 8, true, 1, []byte("y")))), uint8(0), false)
	f.Add(g.Ether(0x8100, []byte{0x81, 0x00, 0x81, 0x00}), uint8(0), false)
	f.Add([]byte{0, 0, 0xff, 0xff, 0x45}, uint8(32), true)
	f.Add([]byte{0x4f}, uint8(0), false)
	f.Fuzz(func(t *testing.T, pkt []byte, link uint8, radiotap bool) {
		lay := Layout{LinkOffset: int(link % 64), VLAN: link%2 == 0, Radiotap: radiotap}
		var b Buffer
		buf := b.Load(pkt)
		var fr Frame
		fr.Decode(buf, uint32(len(pkt)), lay)
		data := fr.PayloadBytes(buf, 65535)
		if len(data) > len(buf) {
			t.Fatalf("payload of %d bytes in a buffer of %d", len(data), len(buf))
		}
	})
}
