package dissect

import (
	"math/rand"
	"testing"

	"github.com/goclues/goclues/common/capture"
)

// hncpTLV returns a random HNCP TLV, nesting others up to depth 2.
func (g ip6Gen) hncpTLV(depth int) []byte {
	typ := g.pick(1, 2, 3, 4, 5, 8, 9, 10, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 0, 6, 100, 800, 2000)
	nested := func() []byte {
		var b []byte
		if depth < 2 {
			for i := g.r.Intn(3); i > 0; i-- {
				b = append(b, g.hncpTLV(depth+1)...)
			}
		}
		return b
	}
	prefix := func() []byte {
		if g.chance(2) {
			plen := g.pick(104, 120, 128, 140)
			return append([]byte{byte(plen), 10: 0xff, 11: 0xff, 12: 0xff}, 10, 1, 2, 3)[:1+12+(plen-96+7)/8]
		}
		plen := g.pick(0, 44, 56, 64, 129)
		return append([]byte{byte(plen)}, g.bytes(min((plen+7)/8, 16))...)
	}
	var v []byte
	switch typ {
	case 2:
		v = g.bytes(g.pick(4, 4, 3))
	case 3, 4:
		v = g.bytes(g.pick(8, 8, 6))
	case 5:
		v = append(g.bytes(20), nested()...)
	case 8:
		v = g.bytes(g.pick(12, 12, 10))
	case 9:
		v = g.bytes(8)
	case 10:
		v = append(g.bytes(36), []byte("cn")...)
	case 32:
		v = append(g.bytes(4), []byte("hnetd/1")...)
	case 33:
		v = nested()
	case 34:
		v = append(g.bytes(8), prefix()...)
	case 35:
		v = append(g.bytes(5), prefix()...)
	case 36:
		v = append(append(g.be32(7), g.addr()...), nested()...)
	case 37:
		v = []byte{6, 4, 10, 0, 0, 1, 119, 5, 3, 'l', 'a', 'n', 0}
	case 38:
		v = append(append(g.be16(23), g.be16(16)...), g.addr()...)
		v = append(append(v, g.be16(24)...), g.be16(5)...)
		v = append(v, 3, 'l', 'a', 'n', 0)
	case 39:
		v = append(append(g.addr(), byte(g.r.Intn(8))), 4, 'h', 'o', 'm', 'e', 0)
	case 40:
		v = []byte{4, 'h', 'o', 'm', 'e', 0}
	case 41:
		v = append(append(g.addr(), 4), []byte("node")...)
	case 42:
		v = g.bytes(32)
	case 43:
		switch p := g.pick(0, 64, 129, 130, 131, 200); p {
		case 64:
			v = prefix()
		case 129:
			v = []byte{129, 3, 'f', 'o', 'o', 0}
		case 130:
			v = []byte{130, 'u', 't', 'f'}
		default:
			v = []byte{byte(p)}
		}
	default:
		v = g.bytes(g.r.Intn(6))
	}
	if g.chance(15) && len(v) > 0 {
		v = v[:g.r.Intn(len(v))]
	}
	tlv := append(append(g.be16(typ), g.be16(len(v))...), v...)
	for len(tlv)%4 != 0 {
		tlv = append(tlv, 0)
	}
	return tlv
}

// TestHNCPAgainstTcpdump prints random HNCP messages with tcpdump and
// with this package at each -v level (which sets how deep the TLVs are
// printed one per line).
func TestHNCPAgainstTcpdump(t *testing.T) {
	tcpdump := ip6LookTcpdump(t)
	g := ip6Gen{r: rand.New(rand.NewSource(7))}
	var frames [][]byte
	var wire []int
	for i := 0; i < 400; i++ {
		var msg []byte
		for j := g.pick(1, 2, 3); j > 0; j-- {
			msg = append(msg, g.hncpTLV(0)...)
		}
		frame := g.udp6Frame(8231, 8231, msg)
		wire = append(wire, len(frame))
		if g.chance(8) {
			frame = frame[:62+g.r.Intn(len(frame)-62)]
		}
		frames = append(frames, frame)
	}
	path, pkts := ip6WritePcap(t, capture.DLTEN10MB, frames, wire)
	for v, args := range [][]string{{"-K"}, {"-K", "-v"}, {"-K", "-vv"}, {"-K", "-vvv"}} {
		ip6DiffTcpdump(t, tcpdump, path, pkts, capture.DLTEN10MB, args, Options{NoChecksum: true, Verbose: v})
	}
}
