package dissect

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// FuzzTCP prints arbitrary bytes as the TCP segment of an IPv4 or IPv6
// packet (so the fuzzer spends its time on TCP, its options and the
// port printers rather than on link and IP headers). wire is how much
// longer the segment was on the wire than captured.
func FuzzTCP(f *testing.F) {
	g := tcpSegmentGen{r: rand.New(rand.NewSource(2))}
	for i := 0; i < 64; i++ {
		frame, _ := g.frame()
		ipStart := 14
		hlen := 20
		if frame[12] == 0x86 {
			hlen = 40
		}
		if len(frame) > ipStart+hlen {
			f.Add(frame[12] == 0x86, uint8(i), frame[ipStart+hlen:])
		}
	}
	// Segments for each printer that rides on TCP, by port.
	for _, proto := range tcpPayloadSeeds {
		for _, h := range proto.seeds {
			payload, err := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
			if err != nil {
				f.Fatal(err)
			}
			frame := tcpFrameFor(proto.port, true, payload)
			f.Add(false, uint8(0), frame[14+20:])
		}
	}
	f.Fuzz(func(t *testing.T, v6 bool, wire uint8, seg []byte) {
		var pkt []byte
		if v6 {
			pkt = []byte{0x60, 0, 0, 0, 0, 0, 6, 64}
			binary.BigEndian.PutUint16(pkt[4:], uint16(len(seg)+int(wire)))
			pkt = append(pkt, make([]byte, 32)...)
			pkt[23], pkt[39] = 1, 2
		} else {
			pkt = []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
			binary.BigEndian.PutUint16(pkt[2:], uint16(20+len(seg)+int(wire)))
		}
		pkt = append(pkt, seg...)
		for _, o := range optionSets {
			o.Time = format.Timestamper{Style: 1, Loc: time.UTC}
			nd := New(o, capture.DLTRaw)
			p := &capture.Packet{Caplen: uint32(len(pkt)), Len: uint32(len(pkt) + int(wire)), Data: pkt}
			nd.PrintPacket(p)
			nd.PrintPacket(p) // again, now with conversation state
		}
	})
}
