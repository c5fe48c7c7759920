package dissect

import "github.com/goclues/goclues/common/capture"

// Linux netfilter NFLOG captures (tcpdump's print-nflog.c): a 4-byte
// header (family, version, resource ID) and TLVs in host (little-endian)
// byte order, one of which holds the packet.

func init() {
	registerLinkType(dltNFLOG, nflogIfPrint)
}

const (
	dltNFLOG = 239

	nflogHdrLen     = 4
	nflogTLVLen     = 4
	nflogTLVPayload = 9

	linuxAFInet  = 2
	linuxAFInet6 = 10
)

var nflogFamilyNames = []tok{
	{linuxAFInet, "IPv4"},
	{linuxAFInet6, "IPv6"},
}

func nflogHdrPrint(nd *ND, b []byte, length int) {
	nd.Print("version ")
	nd.PrintUint(uint64(getU8(b, 1)))
	nd.Print(", resource ID ")
	nd.PrintUint(uint64(getBE16(b, 2)))
	family := uint32(getU8(b, 0))
	if !nd.Quick {
		nd.Print(", family ")
		nd.Print(tok2strNoAlloc(nflogFamilyNames, "Unknown", family))
		nd.Print(" (")
		nd.PrintUint(uint64(family))
		nd.Print(")")
	} else {
		nd.Print(", ")
		nd.Print(tok2str(nflogFamilyNames, "Unknown NFLOG (0x%02x)", family))
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

func nflogIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("nflog")
	length, caplen := int(p.Len), len(b)
	if caplen < nflogHdrLen {
		nd.PrintTrunc()
		nd.llHdrLen += caplen
		return
	}
	nd.llHdrLen += nflogHdrLen
	if v := getU8(b, 1); v != 0 {
		nd.Print("version ")
		nd.PrintUint(uint64(v))
		nd.Print(" (unknown)")
		return
	}
	if nd.LinkHeader {
		nflogHdrPrint(nd, b, length)
	}
	off := nflogHdrLen
	length -= nflogHdrLen
	caplen -= nflogHdrLen
	for length > 0 {
		if caplen < nflogTLVLen {
			nd.PrintTrunc()
			nd.llHdrLen += off - nflogHdrLen
			return
		}
		size := int(getLE16(b, off))
		if size%4 != 0 {
			size += 4 - size%4
		}
		if size < nflogTLVLen || caplen < size {
			nd.PrintTrunc()
			nd.llHdrLen += off - nflogHdrLen
			return
		}
		if getLE16(b, off+2) == nflogTLVPayload {
			off += nflogTLVLen
			length -= nflogTLVLen
			break
		}
		off += size
		length -= size
		caplen -= size
	}
	payload := b[off:]
	switch getU8(b, 0) {
	case linuxAFInet:
		ipPrint(nd, payload, length)
	case linuxAFInet6:
		ip6Print(nd, payload, length)
	default:
		if !nd.LinkHeader {
			nflogHdrPrint(nd, b, length+nflogHdrLen)
		}
		nd.DefaultPrint(payload)
	}
	nd.llHdrLen += off - nflogHdrLen
}
