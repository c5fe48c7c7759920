package dissect

import "github.com/goclues/goclues/common/capture"

// IP over InfiniBand (RFC 4391) captures (tcpdump's print-ipoib.c): a
// 44-byte pseudo-header whose last 4 bytes hold the ethertype.

func init() {
	registerLinkType(dltIPoIB, ipoibIfPrint)
}

const (
	dltIPoIB = 242

	ipoibHdrLen       = 44
	ipoibEtherTypeOff = 40
)

func ipoibHdrPrint(nd *ND, b []byte, length int) {
	t := getBE16(b, ipoibEtherTypeOff)
	nd.Print(", ethertype ")
	nd.Print(tok2strNoAlloc(etherTypeNames, "Unknown", uint32(t)))
	if !nd.Quick {
		nd.Print(" (0x")
		nd.PrintHex(uint64(t), 4)
		nd.Print(")")
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

func ipoibIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("ipoib")
	length, caplen := int(p.Len), len(b)
	if caplen < ipoibHdrLen {
		nd.PrintTrunc()
		nd.llHdrLen += caplen
		return
	}
	if length < ipoibHdrLen {
		nd.PrintTrunc()
		nd.llHdrLen += length
		return
	}
	if nd.LinkHeader {
		nd.Print("IPOIB")
		ipoibHdrPrint(nd, b, length)
	}
	nd.llHdrLen += ipoibHdrLen
	t := getBE16(b, ipoibEtherTypeOff)
	payload := b[ipoibHdrLen:]
	if !ethertypePrint(nd, t, payload, length-ipoibHdrLen) {
		if !nd.LinkHeader {
			ipoibHdrPrint(nd, b, length)
		}
		nd.DefaultPrint(payload)
	}
}
