package dissect

// VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe), as tcpdump's print-vxlan-gpe.c
// prints it: the header, then the payload its Next Protocol names.

func init() {
	registerUDPPort("vxlan-gpe", func(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
		vxlanGPEPrint(nd, b, length)
	}, 4790)
}

var vxlanGPEFlagNames = []tok{
	{0x08, "I"},
	{0x04, "P"},
	{0x02, "B"},
	{0x01, "O"},
}

// vxlanGPEPrint prints a VXLAN-GPE packet (vxlan_gpe_print).
func vxlanGPEPrint(nd *ND, b []byte, length int) {
	nd.SetProto("vxlan_gpe")
	nd.Print("VXLAN-GPE, ")
	if length < vxlanHdrLen {
		nd.Printf(" (len %d < %d)", length, vxlanHdrLen)
		nd.PrintInvalid()
		tcheck(b, 0, length)
		return
	}
	flags := getU8(b, 0)
	nd.Print("flags [")
	printBitNames(nd, vxlanGPEFlagNames, uint32(flags), "", "none")
	nd.Print("], ")
	next := getU8(b, 3)
	vni := getBE24(b, 4)
	getU8(b, 7) // reserved
	nd.Print("vni ")
	nd.PrintUint(uint64(vni))
	if nd.Verbose > 0 {
		nd.Print("\n    ")
	} else {
		nd.Print(": ")
	}
	nsPayloadPrint(nd, next, b[vxlanHdrLen:], length-vxlanHdrLen, true)
}

// nsPayloadPrint prints the payload a VXLAN-GPE or NSH Next Protocol
// value names (1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH; NSH itself only
// carries the first three). tcpdump 4.99.3 calls any other VXLAN-GPE
// payload, MPLS included, invalid.
func nsPayloadPrint(nd *ND, next uint8, b []byte, length int, gpe bool) {
	switch {
	case next == 1:
		ipPrint(nd, b, length)
	case next == 2:
		if !ethertypePrint(nd, etherTypeIPv6, b, length) {
			nd.Print("ERROR: unknown-next-protocol")
		}
	case next == 3:
		etherEncapPrint(nd, b, length)
	case next == 4 && gpe:
		nshPrint(nd, b, length)
	default:
		nd.Print("ERROR: unknown-next-protocol")
		if gpe {
			nd.PrintInvalid()
		}
	}
}
