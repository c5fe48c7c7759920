package dissect

// Broadcom lawful-intercept shim (tcpdump's print-bcm-li.c): a 4-byte
// header on UDP from port 49152, then the intercepted frame or packet.

func init() {
	registerUDPSrcPort("bcm-li", bcmLIPortPrint, 49152)
}

const (
	bcmLIShimLen        = 4
	bcmLIPktUndecided   = 4
	bcmLIPktIPv4        = 5
	bcmLIPktIPv6        = 6
	bcmLIPktEthernet    = 7
	bcmLIDirectionShift = 29
)

var (
	bcmLIDirections = []tok{{1, "unused"}, {2, "egress"}, {3, "ingress"}}
	bcmLIPktTypes   = []tok{
		{bcmLIPktUndecided, "undecided"}, {bcmLIPktIPv4, "ipv4"},
		{bcmLIPktIPv6, "ipv6"}, {bcmLIPktEthernet, "ethernet"},
	}
	bcmLIPktSubtypes = []tok{{1, "single VLAN tag"}, {2, "double VLAN tag"}, {3, "untagged"}}
)

func bcmLIPortPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	bcmLIPrint(nd, b, length)
}

func bcmLIPrint(nd *ND, b []byte, length int) {
	nd.SetProto("bcm_li")
	if length < bcmLIShimLen {
		nd.Printf(" (length %d < %d)", length, bcmLIShimLen)
		nd.PrintInvalid()
		return
	}
	shim := getBE32(b, 0)
	pktType := (shim >> 25) & 0xf
	sep := ""
	if nd.Verbose > 0 {
		sep = "\n    "
	}
	nd.Printf("%sBCM-LI-SHIM: direction %s, pkt-type %s, pkt-subtype %s, li-id %d%s", sep,
		tokOr(bcmLIDirections, "unknown", shim>>bcmLIDirectionShift),
		tokOr(bcmLIPktTypes, "unknown", pktType),
		tokOr(bcmLIPktSubtypes, "unknown", (shim>>22)&0x7),
		shim&0x3fffff, sep)
	length -= bcmLIShimLen
	p := b[bcmLIShimLen:]
	if nd.Verbose == 0 {
		tcheck(p, 0, length)
		return
	}
	switch pktType {
	case bcmLIPktEthernet:
		nd.SetProto("ether")
		etherPrint(nd, p, length, len(p))
	case bcmLIPktIPv4:
		ipPrint(nd, p, length)
	case bcmLIPktIPv6:
		ip6Print(nd, p, length)
	case bcmLIPktUndecided:
		switch getU8(p, 0) >> 4 {
		case 4:
			ipPrint(nd, p, length)
		case 6:
			ip6Print(nd, p, length)
		default:
			nd.Print("unknown payload")
		}
	default:
		nd.PrintInvalid()
	}
}
