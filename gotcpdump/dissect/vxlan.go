package dissect

// VXLAN (RFC 7348) and Cisco OTV, which shares its header layout, as
// tcpdump's print-vxlan.c and print-otv.c print them. Both carry an
// Ethernet frame.

func init() {
	registerUDPPort("vxlan", vxlanUDPPrint, 4789)
	registerUDPPort("otv", otvUDPPrint, 8472)
	registerUDPType("vxlan", vxlanUDPPrint)
}

const vxlanHdrLen = 8

func vxlanUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	vxlanPrint(nd, b, length)
}

func otvUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	otvPrint(nd, b, length)
}

// vxlanFlagsPrint prints "flags [I] (0x08), ": I when the VNI is valid,
// else what tcpdump calls such a header (VXLAN "invalid", OTV ".").
func vxlanFlagsPrint(nd *ND, flags uint8, noVNI string) {
	if flags&0x08 != 0 {
		nd.Print("flags [I] (0x")
	} else {
		nd.Print("flags [")
		nd.Print(noVNI)
		nd.Print("] (0x")
	}
	nd.PrintHex(uint64(flags), 2)
	nd.Print("), ")
}

// vxlanPrint prints a VXLAN header and the frame it carries
// (vxlan_print).
func vxlanPrint(nd *ND, b []byte, length int) {
	nd.SetProto("vxlan")
	nd.Print("VXLAN")
	if length < vxlanHdrLen {
		nd.PrintInvalid()
		tcheck(b, 0, length)
		return
	}
	flags := getU8(b, 0)
	nd.Print(", ")
	vxlanFlagsPrint(nd, flags, "invalid")
	vni := getBE24(b, 4)
	nd.Print("vni ")
	nd.PrintUint(uint64(vni))
	nd.Print("\n")
	getU8(b, 7) // reserved
	etherEncapPrint(nd, b[vxlanHdrLen:], length-vxlanHdrLen)
}

// otvPrint prints an OTV header and the frame it carries (otv_print).
func otvPrint(nd *ND, b []byte, length int) {
	nd.SetProto("otv")
	nd.Print("OTV, ")
	if length < vxlanHdrLen {
		nd.Printf("[length %d < %d]", length, vxlanHdrLen)
		nd.PrintInvalid()
		tcheck(b, 0, length)
		return
	}
	flags := getU8(b, 0)
	vxlanFlagsPrint(nd, flags, ".")
	// tcpdump 4.99.3 reads the overlay ID from bytes 1-3 and the
	// instance ID from bytes 4-6.
	overlay := getBE24(b, 1)
	nd.Print("overlay ")
	nd.PrintUint(uint64(overlay))
	nd.Print(", ")
	instance := getBE24(b, 4)
	nd.Print("instance ")
	nd.PrintUint(uint64(instance))
	nd.Print("\n")
	getU8(b, 7) // reserved
	etherEncapPrint(nd, b[vxlanHdrLen:], length-vxlanHdrLen)
}

// etherEncapPrint prints an Ethernet frame carried inside another
// protocol (ether_print with no encapsulation header): caplen is what was
// captured of it.
func etherEncapPrint(nd *ND, b []byte, length int) {
	nd.SetProto("ether")
	etherPrint(nd, b, length, len(b))
}
