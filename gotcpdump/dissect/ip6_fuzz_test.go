package dissect

import (
	"math/rand"
	"testing"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// FuzzIPv6 prints arbitrary bytes as raw IPv6 datagrams at every -v
// level, seeded with the differential tests' datagrams (extension header
// chains, ICMPv6, DHCPv6, mobility, Babel, AHCP, RIPng, HNCP): the
// printers may stop at the truncation marker but must never panic
// otherwise.
func FuzzIPv6(f *testing.F) {
	g := ip6Gen{r: rand.New(rand.NewSource(1))}
	for i := 0; i < 200; i++ {
		f.Add(uint16(0), g.datagram(0))
	}
	// UDP payloads of the IPv6 routing and configuration protocols,
	// without the Ethernet header.
	for i := 0; i < 20; i++ {
		f.Add(uint16(0), g.udp6Frame(6696, 6696, g.babelMessage())[14:])
		f.Add(uint16(0), g.udp6Frame(5359, 5359, g.ahcpMessage())[14:])
		f.Add(uint16(0), g.udp6Frame(521, 521, g.ripngMessage())[14:])
		f.Add(uint16(0), g.udp6Frame(8231, 8231, g.hncpTLV(0))[14:])
	}
	f.Fuzz(func(t *testing.T, extra uint16, data []byte) {
		for v := 0; v <= 3; v++ {
			opts := Options{NoResolve: 1, Verbose: v, Time: format.Timestamper{Loc: time.UTC}}
			nd := New(opts, capture.DLTIPv6)
			nd.PrintPacket(&capture.Packet{Caplen: uint32(len(data)), Len: uint32(len(data)) + uint32(extra), Data: data})
		}
	})
}
