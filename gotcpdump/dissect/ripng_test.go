package dissect

import (
	"math/rand"
	"testing"

	"github.com/goclues/goclues/common/capture"
)

// ripngMessage returns a random RIPng message: requests (including the
// whole-table request), responses, bad versions and commands, entries
// with tags and metrics, and lengths that are not whole entries.
func (g ip6Gen) ripngMessage() []byte {
	m := []byte{byte(g.pick(1, 2, 2, 3)), byte(g.pick(1, 1, 1, 2)), 0, 0}
	if g.chance(6) {
		return append(m, make([]byte, 15)...)
	}
	for i := g.pick(0, 1, 1, 2, 3); i > 0; i-- {
		m = append(m, g.addr()...)
		m = append(m, g.be16(g.pick(0, 0, 7))...)
		m = append(m, byte(g.pick(0, 48, 64, 128)), byte(g.pick(0, 1, 16)))
	}
	if g.chance(8) {
		m = append(m, 1, 2, 3)
	}
	return m
}

// TestRIPngAgainstTcpdump prints random RIPng messages with tcpdump and
// with this package at each -v level.
func TestRIPngAgainstTcpdump(t *testing.T) {
	tcpdump := ip6LookTcpdump(t)
	g := ip6Gen{r: rand.New(rand.NewSource(5))}
	var frames [][]byte
	var wire []int
	for i := 0; i < 300; i++ {
		frame := g.udp6Frame(521, 521, g.ripngMessage())
		wire = append(wire, len(frame))
		if g.chance(8) {
			frame = frame[:62+g.r.Intn(len(frame)-62)]
		}
		frames = append(frames, frame)
	}
	path, pkts := ip6WritePcap(t, capture.DLTEN10MB, frames, wire)
	for v, args := range [][]string{{"-K"}, {"-K", "-v"}, {"-K", "-vv"}} {
		ip6DiffTcpdump(t, tcpdump, path, pkts, capture.DLTEN10MB, args, Options{NoChecksum: true, Verbose: v})
	}
}
