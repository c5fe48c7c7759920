package dissect

import (
	"encoding/binary"
	"math/rand"
	"testing"

	"github.com/goclues/goclues/common/capture"
)

// babelTLV returns one random Babel TLV.
func (g ip6Gen) babelTLV() []byte {
	typ := byte(g.r.Intn(21))
	if typ == babelPad1 {
		return []byte{0}
	}
	prefix := func(ae byte) []byte {
		switch ae {
		case 1:
			return g.bytes(g.pick(0, 2, 4))
		case 2:
			return g.bytes(g.pick(0, 8, 16))
		case 3:
			return g.bytes(8)
		}
		return nil
	}
	var body []byte
	ae := byte(g.pick(0, 1, 2, 2, 3, 4))
	switch typ {
	case babelIHU, babelNH:
		body = append([]byte{ae, 0}, g.bytes(4)...)
		body = append(body, prefix(ae)...)
	case babelUpdate:
		plen := byte(g.pick(0, 16, 64, 128, 200))
		if ae == 1 {
			plen = byte(g.pick(0, 8, 24, 32))
		}
		body = []byte{ae, byte(g.pick(0, 0x80, 0x40, 0xc0, 0x01)), plen, byte(g.pick(0, 0, 2, 8))}
		body = append(body, g.bytes(6)...)
		body = append(body, g.bytes(int(plen+7)/8)...)
	case babelRouteRequest:
		body = []byte{ae, byte(g.pick(0, 32, 64, 128))}
		body = append(body, g.bytes(g.pick(0, 4, 8, 16))...)
	case babelSeqnoRequest, babelMHRequestSrcSpec:
		body = append([]byte{ae, byte(g.pick(0, 32, 64))}, g.bytes(10)...)
		body = append(body, prefix(ae)...)
	case babelUpdateSrcSpecific, babelRequestSrcSpec:
		body = append([]byte{ae, byte(g.pick(0, 32, 64)), byte(g.pick(0, 32, 64)), 0}, g.bytes(6)...)
		body = append(body, prefix(ae)...)
		body = append(body, prefix(ae)...)
	case babelHMAC:
		body = g.bytes(g.pick(4, 18, 22))
	default:
		body = g.bytes(g.pick(0, 2, 4, 6, 8, 10))
	}
	// Sub-TLVs: pad, diversity, timestamps, unknown, mandatory.
	for i := g.pick(0, 0, 1, 2); i > 0; i-- {
		switch g.r.Intn(5) {
		case 0:
			body = append(body, 0)
		case 1:
			body = append(body, 2, 3, 0, 5, 255)
		case 2:
			n := g.pick(4, 8, 2)
			body = append(append(body, 3, byte(n)), g.bytes(n)...)
		case 3:
			body = append(body, 0x85, 1, 7)
		default:
			body = append(body, 1, 2, 0, 0)
		}
	}
	if g.chance(15) && len(body) > 0 {
		body = body[:g.r.Intn(len(body))]
	}
	return append([]byte{typ, byte(len(body))}, body...)
}

func (g ip6Gen) babelMessage() []byte {
	var body []byte
	for i := g.r.Intn(6); i > 0; i-- {
		body = append(body, g.babelTLV()...)
	}
	m := append([]byte{42, byte(g.pick(2, 2, 2, 1))}, g.be16(len(body))...)
	if g.chance(10) {
		m[0] = 41
	}
	if g.chance(10) {
		binary.BigEndian.PutUint16(m[2:], uint16(len(body)+g.pick(-3, 5)))
	}
	m = append(m, body...)
	if g.chance(4) {
		m = append(m, g.babelTLV()...) // a trailer
	}
	return m
}

func (g ip6Gen) ahcpMessage() []byte {
	var opts []byte
	for i := g.r.Intn(5); i > 0; i-- {
		opt := byte(g.r.Intn(15))
		opts = append(opts, opt)
		if opt <= 1 {
			continue
		}
		var v []byte
		switch opt {
		case 2, 3:
			v = g.bytes(g.pick(4, 4, 3))
		case 4, 8, 12, 13:
			v = g.bytes(g.pick(16, 32, 10))
		case 5, 9:
			v = g.bytes(g.pick(4, 8, 3))
		case 6, 10:
			v = g.bytes(g.pick(17, 34, 5))
		case 11:
			v = g.bytes(g.pick(5, 10, 3))
		default:
			v = g.bytes(g.r.Intn(6))
		}
		opts = append(append(opts, byte(len(v))), v...)
	}
	m := append([]byte{43, byte(g.pick(1, 1, 1, 2)), 1, 1}, g.bytes(20)...)
	m = append(m, byte(g.r.Intn(7)), byte(g.pick(0, 0, 3)))
	m = append(append(m, g.be16(len(opts)+g.pick(0, 0, 0, 4))...), opts...)
	if g.chance(10) {
		m = m[:g.r.Intn(len(m))]
	}
	return m
}

// TestBabelAHCPAgainstTcpdump prints random Babel and AHCP messages over
// IPv6/UDP with tcpdump and with this package at each -v level.
func TestBabelAHCPAgainstTcpdump(t *testing.T) {
	tcpdump := ip6LookTcpdump(t)
	g := ip6Gen{r: rand.New(rand.NewSource(4))}
	var frames [][]byte
	var wire []int
	for i := 0; i < 800; i++ {
		port, msg := 6696, g.babelMessage()
		if i%3 == 0 {
			port, msg = 5359, g.ahcpMessage()
		}
		frame := g.udp6Frame(port, port, msg)
		frames, wire = append(frames, frame), append(wire, len(frame))
	}
	path, pkts := ip6WritePcap(t, capture.DLTEN10MB, frames, wire)
	for v, args := range [][]string{{"-K"}, {"-K", "-v"}, {"-K", "-vv"}} {
		ip6DiffTcpdump(t, tcpdump, path, pkts, capture.DLTEN10MB, args, Options{NoChecksum: true, Verbose: v})
	}
}
