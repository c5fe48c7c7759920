package dissect

import "github.com/goclues/goclues/common/capture"

// Apple's PKTAP captures (tcpdump's print-pktap.c): a little-endian
// header naming the link type of the packet that follows, and the
// process that sent or received it.

func init() {
	registerLinkType(dltPKTAP, pktapIfPrint)
	// Darwin wrote PKTAP files with DLT_USER2's number.
	registerLinkType(dltUser2, pktapIfPrint)
}

const (
	dltPKTAP = 258
	dltUser2 = 149

	pktapHdrLen    = 108
	pktapRecNone   = 0
	pktapRecPacket = 1
)

func pktapHdrPrint(nd *ND, b []byte, length int) {
	dlt := int(getLE32(b, 8))
	name := capture.LinkTypeName(dlt)
	if name == "" {
		name = "UNKNOWN"
	}
	if !nd.Quick {
		nd.Print("DLT ")
		nd.Print(name)
		nd.Print(" (")
		nd.PrintUint(uint64(dlt))
		nd.Print(") len ")
		nd.PrintUint(uint64(getLE32(b, 0)))
	} else {
		nd.Print(name)
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

func pktapIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("pktap")
	length := int(p.Len)
	if length < pktapHdrLen {
		nd.Printf(" (packet too short, %d < %d)", length, pktapHdrLen)
		nd.PrintInvalid()
		return
	}
	dlt := int(getLE32(b, 8))
	hdrLen := int(getLE32(b, 0))
	if hdrLen < pktapHdrLen {
		nd.Printf(" (pkt_len too small, %d < %d)", hdrLen, pktapHdrLen)
		nd.PrintInvalid()
		return
	}
	if hdrLen > length {
		nd.Printf(" (pkt_len too big, %d > %d)", hdrLen, length)
		nd.PrintInvalid()
		return
	}
	tcheck(b, 0, hdrLen)
	if nd.LinkHeader {
		pktapHdrPrint(nd, b, length)
	}
	inner := b[hdrLen:]
	switch getLE32(b, 4) {
	case pktapRecNone:
		nd.Print("no data")
	case pktapRecPacket:
		if lp := linkPrinters[dlt]; lp != nil {
			np := *p
			np.Data = inner
			np.Caplen = uint32(len(inner))
			np.Len = uint32(length - hdrLen)
			lp(nd, &np, inner)
			// tcpdump adds the inner header length twice.
			hdrLen += nd.llHdrLen
		} else {
			if !nd.LinkHeader {
				pktapHdrPrint(nd, b, length)
			}
			nd.DefaultPrint(inner)
		}
	}
	nd.llHdrLen += hdrLen
}
