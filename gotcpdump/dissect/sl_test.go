package dissect

import (
	"math/rand"
	"testing"
)

// slipFrame returns a SLIP packet: the 16-byte BPF pseudo-header
// (direction, then a Van Jacobson header or a copy of the IP header's
// start) and an IPv4 TCP segment or an IPv6 datagram.
func slipFrame(g ip6Gen) []byte {
	hdr := make([]byte, slipHdrLen)
	hdr[0] = byte(g.pick(0, 1, 0, 1, 7))
	tcp := append(append(g.be16(1000), g.be16(80)...), g.bytes(8)...)
	tcp = append(tcp, byte(g.pick(5, 6, 8)<<4), 0x18)
	tcp = append(tcp, g.bytes(6)...)
	tcp = append(tcp, g.bytes(g.r.Intn(30))...)
	ip4 := []byte{0x45, 0, 0, byte(20 + len(tcp)), 0, 1, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	ip := append(ip4, tcp...)
	switch g.r.Intn(6) {
	case 0: // IP
		hdr[1] = slipTypeIP
	case 1: // uncompressed TCP, connection number in the protocol field
		hdr[1] = slipTypeUncompressedTCP | byte(g.r.Intn(16))
		hdr[10] = byte(g.r.Intn(4))
	case 2, 3: // compressed TCP
		hdr[1] = slipTypeCompressedTCP | byte(g.r.Intn(128))
		vj := []byte{hdr[1], byte(g.r.Intn(4)), 0, 0}
		for i := 0; len(vj) < slipHdrLen-1; i++ {
			if g.chance(3) {
				vj = append(vj, 0, byte(g.r.Intn(256)), byte(g.r.Intn(256)))
			} else {
				vj = append(vj, byte(1+g.r.Intn(255)))
			}
		}
		copy(hdr[1:], vj)
	case 4:
		hdr[1] = byte(g.pick(0, 0x10, 0x20))
	default:
		ip = g.datagram(0)
		hdr[1] = slipTypeIP
	}
	return append(hdr, ip...)
}

// TestSLIPAgainstTcpdump prints random SLIP packets with tcpdump and with
// this package, with and without -e, and compares the text.
func TestSLIPAgainstTcpdump(t *testing.T) {
	tcpdump := ip6LookTcpdump(t)
	g := ip6Gen{r: rand.New(rand.NewSource(3))}
	var frames [][]byte
	var wire []int
	for i := 0; i < 500; i++ {
		frame := slipFrame(g)
		wire = append(wire, len(frame))
		if g.chance(8) {
			frame = frame[:g.r.Intn(len(frame))]
		}
		frames = append(frames, frame)
	}
	path, pkts := ip6WritePcap(t, dltSLIP, frames, wire)
	for _, fs := range []struct {
		args []string
		opts Options
	}{
		{nil, Options{}},
		{[]string{"-e"}, Options{LinkHeader: true}},
		{[]string{"-e", "-v"}, Options{LinkHeader: true, Verbose: 1}},
		{[]string{"-x"}, Options{HexDump: 1}},
	} {
		ip6DiffTcpdump(t, tcpdump, path, pkts, dltSLIP, fs.args, fs.opts)
	}
}
