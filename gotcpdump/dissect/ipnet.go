package dissect

import "github.com/goclues/goclues/common/capture"

// Solaris ipnet captures (tcpdump's print-ipnet.c): a 24-byte header with
// the address family and the source and destination zone IDs.

func init() {
	registerLinkType(dltIPNET, ipnetIfPrint)
}

const (
	dltIPNET = 226

	ipnetHdrLen  = 24
	ipnetAFInet  = 2  // Solaris AF_INET
	ipnetAFInet6 = 26 // Solaris AF_INET6
)

var ipnetFamilyNames = []tok{
	{ipnetAFInet, "IPv4"},
	{ipnetAFInet6, "IPv6"},
}

func ipnetHdrPrint(nd *ND, b []byte, length int) {
	nd.PrintUint(uint64(getBE32(b, 16)))
	nd.Print(" > ")
	nd.PrintUint(uint64(getBE32(b, 20)))
	family := uint32(getU8(b, 1))
	if !nd.Quick {
		nd.Print(", family ")
		nd.Print(tok2strNoAlloc(ipnetFamilyNames, "Unknown", family))
		nd.Print(" (")
		nd.PrintUint(uint64(family))
		nd.Print(")")
	} else {
		nd.Print(", ")
		nd.Print(tok2str(ipnetFamilyNames, "Unknown Ethertype (0x%04x)", family))
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

func ipnetIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("ipnet")
	length := int(p.Len)
	tcheck(b, 0, ipnetHdrLen)
	nd.llHdrLen += ipnetHdrLen
	if nd.LinkHeader {
		ipnetHdrPrint(nd, b, length)
	}
	length -= ipnetHdrLen
	payload := b[ipnetHdrLen:]
	switch getU8(b, 1) {
	case ipnetAFInet:
		ipPrint(nd, payload, length)
	case ipnetAFInet6:
		ip6Print(nd, payload, length)
	default:
		if !nd.LinkHeader {
			ipnetHdrPrint(nd, b, length+ipnetHdrLen)
		}
		nd.DefaultPrint(payload)
	}
}
