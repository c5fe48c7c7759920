package dissect

// Geneve (RFC 8926, tcpdump's print-geneve.c): the header, its options
// with -v (their data with -vv), then the payload by protocol type.

func init() {
	registerUDPPort("geneve", geneveUDPPrint, 6081)
	registerUDPType("geneve", geneveUDPPrint)
}

var geneveFlagNames = []tok{
	{0x80, "O"}, {0x40, "C"}, {0x20, "R1"}, {0x10, "R2"}, {0x08, "R3"}, {0x04, "R4"}, {0x02, "R5"}, {0x01, "R6"},
}

func geneveUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	genevePrint(nd, b, length)
}

// geneveOptClass names an option class.
func geneveOptClass(c uint16) string {
	switch c {
	case 0x0100:
		return "Linux"
	case 0x0101:
		return "Open vSwitch"
	case 0x0102:
		return "Open Virtual Networking (OVN)"
	case 0x0103:
		return "In-band Network Telemetry (INT)"
	case 0x0104:
		return "VMware"
	}
	switch {
	case c <= 0x00ff:
		return "Standard"
	case c >= 0xfff0:
		return "Experimental"
	}
	return "Unknown"
}

func genevePrint(nd *ND, b []byte, length int) {
	nd.SetProto("geneve")
	nd.Print("Geneve")
	if !ttest(b, 0, 8) {
		nd.PrintTrunc()
		return
	}
	verOpt := b[0]
	if v := verOpt >> 6; v != 0 {
		nd.Printf(" ERROR: unknown-version %d", v)
		return
	}
	flags := b[1]
	proto := getBE16(b, 2)
	vni := getBE24(b, 4)
	reserved := b[7]
	// tcpdump's length is unsigned: a UDP length under 8 wraps.
	ulen := uint32(length) - 8
	nd.Print(", Flags [")
	nd.Print(bittok2strNosep(geneveFlagNames, "none", uint32(flags)))
	nd.Printf("], vni 0x%x", vni)
	if reserved != 0 {
		nd.Printf(", rsvd 0x%x", reserved)
	}
	if nd.LinkHeader {
		nd.Printf(", proto %s (0x%04x)", tok2strNoAlloc(etherTypeNames, "unknown", uint32(proto)), proto)
	}
	optsLen := int(verOpt&0x3f) * 4
	if ulen < uint32(optsLen) {
		nd.Printf(" truncated-geneve - %d bytes missing", uint32(optsLen)-ulen)
		return
	}
	if !ttest(b, 8, optsLen) {
		nd.PrintTrunc()
		return
	}
	if optsLen > 0 {
		nd.Print(", options [")
		if nd.Verbose > 0 {
			geneveOptsPrint(nd, b[8:], optsLen)
		} else {
			nd.Printf("%d bytes", optsLen)
		}
		nd.PrintByte(']')
	}
	payload := b[8+optsLen:]
	length = int(ulen - uint32(optsLen))
	if nd.Verbose < 1 {
		nd.Print(": ")
	} else {
		nd.Print("\n\t")
	}
	if !ethertypePrint(nd, proto, payload, length) {
		if proto == etherTypeTEB {
			etherEncapPrint(nd, payload, length)
		} else {
			nd.Printf("geneve-proto-0x%x", proto)
		}
	}
}

func geneveOptsPrint(nd *ND, b []byte, length int) {
	sep := ""
	for off := 0; length > 0; {
		nd.Print(sep)
		sep = ", "
		class := getBE16(b, off)
		typ := getU8(b, off+2)
		olen := 4 + int(getU8(b, off+3)&0x1f)*4
		crit := ""
		if typ&0x80 != 0 {
			crit = "(C)"
		}
		nd.Printf("class %s (0x%x) type 0x%x%s len %d", geneveOptClass(class), class, typ, crit, olen)
		if olen > length {
			nd.Print(" [bad length]")
			return
		}
		if nd.Verbose > 1 && olen > 4 {
			nd.Print(" data")
			for i := 4; i < olen; i += 4 {
				nd.Printf(" %08x", getBE32(b, off+i))
			}
		}
		off += olen
		length -= olen
	}
}
