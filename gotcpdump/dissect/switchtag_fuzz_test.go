package dissect

import (
	"testing"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// FuzzSwitchTag prints arbitrary bytes as DSA, EDSA and Broadcom-tagged
// frames, which FuzzPrintPacket's link types do not reach.
func FuzzSwitchTag(f *testing.F) {
	frame := []byte{
		0xd6, 0x18, 0xe2, 0x69, 0xee, 0x01, 0x02, 0xf0, 0xbb, 0xed, 0x00, 0x0f,
		0xc0, 0x10, 0x05, 0x39, 0x08, 0x00, 0x45, 0x00, 0x00, 0x1c, 0, 0, 0x40, 0, 0x40, 0x01, 0, 0,
		198, 18, 10, 1, 198, 18, 10, 2, 8, 0, 0, 0, 0, 1, 0, 1,
	}
	for lt := uint8(0); lt < 4; lt++ {
		f.Add(lt, frame)
		f.Add(lt, frame[:15])
	}
	linkTypes := []int{dltDSATagDSA, dltDSATagEDSA, dltDSATagBRCM, dltDSATagBRCMPrepend}
	f.Fuzz(func(t *testing.T, lt uint8, data []byte) {
		for _, o := range optionSets {
			o.Time = format.Timestamper{Style: 2, Loc: time.UTC}
			nd := New(o, linkTypes[int(lt)%len(linkTypes)])
			nd.PrintPacket(&capture.Packet{Sec: 1, Caplen: uint32(len(data)), Len: uint32(len(data)), Data: data})
		}
	})
}
