package dissect

// Novell IPX (tcpdump's print-ipx.c): the header's addresses and
// sockets, then SAP and RIP bodies or a socket name and length.

func init() {
	registerEtherType(etherTypeIPX, ipxPrint)
	registerPrinter("ipx_print", ipxPrint)
}

const (
	ipxHdrLen = 30

	ipxSktNCP        = 0x0451
	ipxSktSAP        = 0x0452
	ipxSktRIP        = 0x0453
	ipxSktNetBIOS    = 0x0455
	ipxSktDiags      = 0x0456
	ipxSktNWLinkDgm  = 0x0553
	ipxSktEIGRP      = 0x85be
	ipxSAPEntryLen   = 64 // type, name, network, node, socket, hops
	ipxSAPNameLen    = 48
	ipxRIPEntryLen   = 8 // network, hops, ticks
	ipxSAPMaxEntries = 8
	ipxRIPMaxEntries = 50
)

// ipxSocketLabels are the sockets tcpdump prints as a label and the
// payload length.
var ipxSocketLabels = []tok{
	{ipxSktNCP, "ipx-ncp"},
	{ipxSktNetBIOS, "ipx-netbios"},
	{ipxSktDiags, "ipx-diags"},
	{ipxSktNWLinkDgm, "ipx-nwlink-dgm"},
}

// ipxPrint prints an IPX header and its payload; the length it uses is
// the header's own length field.
func ipxPrint(nd *ND, b []byte, _ int) {
	nd.SetProto("ipx")
	if !nd.LinkHeader {
		nd.Print("IPX ")
	}
	ipxAddrPrint(nd, b, 18)
	nd.Print(" > ")
	ipxAddrPrint(nd, b, 6)
	nd.Print(": ")
	length := int(getBE16(b, 2))
	if length < ipxHdrLen {
		nd.Print("[length ")
		nd.PrintUint(uint64(length))
		nd.Print(" < 30]")
		nd.PrintInvalid()
		return
	}
	ipxDecode(nd, b, rest(b, ipxHdrLen), length-ipxHdrLen)
}

// ipxAddrPrint prints network.node.socket from the 12 bytes at off.
func ipxAddrPrint(nd *ND, b []byte, off int) {
	net := getBE32(b, off)
	tcheck(b, off+4, 6)
	skt := getBE16(b, off+10)
	ipxNetNodePrint(nd, b, net, off+4)
	nd.PrintByte('.')
	nd.PrintHex(uint64(skt), 4)
}

// ipxNetNodePrint prints "%08x.aa:bb:cc:dd:ee:ff" (ipxaddr_string).
func ipxNetNodePrint(nd *ND, b []byte, net uint32, nodeOff int) {
	nd.PrintHex(uint64(net), 8)
	nd.PrintByte('.')
	for i := 0; i < 6; i++ {
		if i > 0 {
			nd.PrintByte(':')
		}
		nd.PrintHex(uint64(getU8(b, nodeOff+i)), 2)
	}
}

func ipxDecode(nd *ND, hdr, b []byte, length int) {
	skt := getBE16(hdr, 16)
	switch skt {
	case ipxSktSAP:
		ipxSAPPrint(nd, b, length)
	case ipxSktRIP:
		ipxRIPPrint(nd, b, length)
	case ipxSktEIGRP:
		if !callPrinter(nd, "eigrp_print", b, length) {
			nd.Print("ipx-#85be ")
			nd.PrintUint(uint64(length))
		}
	default:
		nd.Print(tok2str(ipxSocketLabels, "ipx-#%x", uint32(skt)))
		nd.PrintByte(' ')
		nd.PrintUint(uint64(length))
	}
}

func ipxSAPPrint(nd *ND, b []byte, length int) {
	cmd := getBE16(b, 0)
	off := 2
	length -= 2
	switch cmd {
	case 1, 3:
		if cmd == 1 {
			nd.Print("ipx-sap-req")
		} else {
			nd.Print("ipx-sap-nearest-req")
		}
		t := getBE16(b, off)
		nd.PrintByte(' ')
		ipxSAPTypePrint(nd, t)
	case 2, 4:
		if cmd == 2 {
			nd.Print("ipx-sap-resp")
		} else {
			nd.Print("ipx-sap-nearest-resp")
		}
		for i := 0; i < ipxSAPMaxEntries && length > 0; i++ {
			t := getBE16(b, off)
			nd.PrintByte(' ')
			ipxSAPTypePrint(nd, t)
			nd.Print(" '")
			printjnp(nd, b, off+2, ipxSAPNameLen)
			tcheck(b, off+2, ipxSAPNameLen)
			nd.PrintByte('\'')
			net := getBE32(b, off+50)
			tcheck(b, off+54, 6)
			nd.Print(" addr ")
			ipxNetNodePrint(nd, b, net, off+54)
			off += ipxSAPEntryLen
			length -= ipxSAPEntryLen
		}
	default:
		nd.Print("ipx-sap-?")
		nd.PrintHex(uint64(cmd), 0)
	}
}

func ipxRIPPrint(nd *ND, b []byte, length int) {
	cmd := getBE16(b, 0)
	off := 2
	length -= 2
	switch cmd {
	case 1:
		nd.Print("ipx-rip-req")
		if length > 0 {
			ipxRIPEntryPrint(nd, b, off)
		}
	case 2:
		nd.Print("ipx-rip-resp")
		for i := 0; i < ipxRIPMaxEntries && length > 0; i++ {
			ipxRIPEntryPrint(nd, b, off)
			off += ipxRIPEntryLen
			length -= ipxRIPEntryLen
		}
	default:
		nd.Print("ipx-rip-?")
		nd.PrintHex(uint64(cmd), 0)
	}
}

// ipxRIPEntryPrint prints " network/hops.ticks".
func ipxRIPEntryPrint(nd *ND, b []byte, off int) {
	net, hops, ticks := getBE32(b, off), getBE16(b, off+4), getBE16(b, off+6)
	nd.PrintByte(' ')
	nd.PrintHex(uint64(net), 8)
	nd.PrintByte('/')
	nd.PrintUint(uint64(hops))
	nd.PrintByte('.')
	nd.PrintUint(uint64(ticks))
}

// ipxSAPTypePrint prints a SAP service type: its name unless -n, else
// four hex digits (ipxsap_string).
func ipxSAPTypePrint(nd *ND, t uint16) {
	if !nd.names.numeric {
		for _, e := range ipxSAPNames {
			if e.v == uint32(t) {
				nd.Print(e.s)
				return
			}
		}
	}
	nd.PrintHex(uint64(t), 4)
}
