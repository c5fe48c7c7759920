package dissect

import (
	"testing"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// fuzzMoreLinkTypes are the link types whose printers FuzzPrintPacket
// does not reach: Cisco HDLC, Frame Relay and FRF.16, ATM (SunATM, CLIP),
// ARCNET, Juniper's PICs, PKTAP, NFLOG, ipnet, IPoIB, vsock, Token Ring
// and FDDI.
var fuzzMoreLinkTypes = []int{
	dltCHDLC, dltFrelay, dltMFR, dltSunATM, dltATMCLIP, dltATMRFC1483,
	dltARCNET, dltARCNETLinux, dltPKTAP, dltUser2, dltNFLOG, dltIPNET, dltIPoIB, dltVSOCK,
	dltJuniperATM1, dltJuniperATM2, dltJuniperES, dltJuniperGGSN, dltJuniperMFR,
	dltJuniperMLFR, dltJuniperMLPPP, dltJuniperMonitor, dltJuniperServices,
	dltJuniperPPPoE, dltJuniperPPPoEATM, dltJuniperEther, dltJuniperPPP,
	dltJuniperFrelay, dltJuniperCHDLC, capture.DLTIEEE802, capture.DLTFDDI,
}

// FuzzLinkTypes prints arbitrary bytes as a packet of one of those link
// types with several flag sets. Seeds (testdata/fuzz/FuzzLinkTypes) are
// packets from tcpdump's test captures; the first byte picks the link
// type.
func FuzzLinkTypes(f *testing.F) {
	f.Add(uint8(0), []byte{0x0f, 0x00, 0x80, 0x35, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0xff, 0xff})
	f.Add(uint8(1), []byte{0x18, 0x41, 0x03, 0xcc, 0x45, 0, 0, 20})
	f.Fuzz(func(t *testing.T, lt uint8, data []byte) {
		linkType := fuzzMoreLinkTypes[int(lt)%len(fuzzMoreLinkTypes)]
		for _, o := range optionSets {
			o.Time = format.Timestamper{Style: 2, Loc: time.UTC}
			nd := New(o, linkType)
			p := &capture.Packet{Sec: 1, Caplen: uint32(len(data)), Len: uint32(len(data)) + uint32(lt>>5), Data: data}
			nd.PrintPacket(p)
		}
	})
}
