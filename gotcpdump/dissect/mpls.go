package dissect

// MPLS label stacks (RFC 3032) over Ethernet and over UDP (RFC 7510), as
// tcpdump's print-mpls.c prints them, with its guess of the payload.

func init() {
	registerEtherType(etherTypeMPLS, mplsPrint)
	registerEtherType(etherTypeMPLSMulti, mplsPrint)
	registerPrinter("mpls_print", mplsPrint)
	registerUDPPort("mpls", func(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
		mplsPrint(nd, b, length)
	}, 6635)
}

// mplsLabelNames names the reserved labels 0-15.
var mplsLabelNames = [16]string{
	"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL",
	"implicit NULL", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
	"rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
}

// mplsPayload is what mplsPrint guesses follows the bottom of the stack.
type mplsPayload int

const (
	mplsUnknown mplsPayload = iota
	mplsIPv4
	mplsIPv6
	mplsOSI
)

// mplsPrint prints an MPLS label stack and the packet under it
// (mpls_print).
func mplsPrint(nd *ND, b []byte, length int) {
	nd.SetProto("mpls")
	nd.Print("MPLS")
	off := 0
	var entry uint32
	for depth := 0; ; depth++ {
		if length < 4 {
			nd.PrintInvalid()
			tcheck(b, off, length)
			return
		}
		entry = getBE32(b, off)
		label := entry >> 12
		if depth > 0 && nd.Verbose > 0 {
			nd.Print("\n\t")
		} else {
			nd.Print(" ")
		}
		nd.Print("(label ")
		nd.PrintUint(uint64(label))
		if nd.Verbose > 0 && label < uint32(len(mplsLabelNames)) {
			nd.Print(" (")
			nd.Print(mplsLabelNames[label])
			nd.Print(")")
		}
		nd.Print(", tc ")
		nd.PrintUint(uint64(entry >> 9 & 7))
		if entry&0x100 != 0 {
			nd.Print(", [S]")
		}
		nd.Print(", ttl ")
		nd.PrintUint(uint64(entry & 0xff))
		nd.Print(")")
		off += 4
		length -= 4
		if entry&0x100 != 0 {
			break
		}
	}

	pt := mplsUnknown
	switch entry >> 12 {
	case 0, 3:
		pt = mplsIPv4
	case 2:
		pt = mplsIPv6
	default:
		// No protocol field: guess from the first byte, as Cisco's
		// control-plane traffic and draft-hsmit-isis-aal5mux-00 allow.
		if length < 1 {
			return
		}
		switch first := getU8(b, off); {
		case first >= 0x45 && first <= 0x4f:
			pt = mplsIPv4
		case first >= 0x60 && first <= 0x6f:
			pt = mplsIPv6
		case first >= 0x81 && first <= 0x83:
			pt = mplsOSI
		}
	}
	p := rest(b, off)
	if pt == mplsUnknown {
		defaultPrintLen(nd, p, length)
		return
	}
	if nd.Verbose > 0 {
		nd.Print("\n\t")
	} else {
		nd.Print(" ")
	}
	switch pt {
	case mplsIPv4:
		ipPrint(nd, p, length)
	case mplsIPv6:
		ethertypePrint(nd, etherTypeIPv6, p, length)
	case mplsOSI:
		callPrinter(nd, "isoclns_print", p, length)
	}
}

// defaultPrintLen is ND_DEFAULTPRINT for a payload of length bytes: it
// dumps what was captured of it and marks the packet truncated when that
// is less than length.
func defaultPrintLen(nd *ND, b []byte, length int) {
	if nd.suppressDefaultPrint() {
		return
	}
	if length < 0 {
		length = 0
	}
	nd.DefaultPrint(clip(b, length))
	if length > len(b) {
		nd.PrintTrunc()
	}
}
