package dissect

import "github.com/goclues/goclues/common/capture"

// Switch tags: the Marvell DSA/EDSA tags (print-dsa.c) and the Broadcom
// tag (print-brcmtag.c), each a link type whose frames are Ethernet with
// a vendor tag after the MAC addresses, or, for the "prepend" flavour of
// the Broadcom tag, before them.

// Link types from libpcap's dlt.h.
const (
	dltDSATagBRCM        = 281
	dltDSATagBRCMPrepend = 282
	dltDSATagDSA         = 284
	dltDSATagEDSA        = 285
)

func init() {
	registerLinkType(dltDSATagDSA, dsaIfPrint)
	registerLinkType(dltDSATagEDSA, edsaIfPrint)
	registerLinkType(dltDSATagBRCM, brcmTagIfPrint)
	registerLinkType(dltDSATagBRCMPrepend, brcmTagPrependIfPrint)
}

const (
	dsaTagLen  = 4
	edsaTagLen = 8
	brcmTagLen = 4
)

// DSA modes, the top two bits of the tag.
const (
	dsaModeToCPU     = 0
	dsaModeFromCPU   = 1
	dsaModeToSniffer = 2
	dsaModeForward   = 3
)

var dsaModeNames = []tok{
	{dsaModeToCPU, "To CPU"},
	{dsaModeFromCPU, "From CPU"},
	{dsaModeToSniffer, "To Sniffer"},
	{dsaModeForward, "Forward"},
}

var dsaCodeNames = []tok{
	{0, "BPDU (MGMT) Trap"},
	{1, "Frame2Reg"},
	{2, "IGMP/MLD Trap"},
	{3, "Policy Trap"},
	{4, "ARP Mirror"},
	{5, "Policy Mirror"},
}

func dsaIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("dsa")
	nd.llHdrLen += etherCommonPrint(nd, b, int(p.Len), len(b), switchTag{dsaTagPrint, dsaTagLen})
}

func edsaIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("edsa")
	nd.llHdrLen += etherCommonPrint(nd, b, int(p.Len), len(b), switchTag{edsaTagPrint, edsaTagLen})
}

func dsaTagPrint(nd *ND, b []byte) {
	if nd.LinkHeader {
		nd.Print("Marvell DSA ")
	} else {
		nd.Print("DSA ")
	}
	dsaTagCommonPrint(nd, b)
}

// edsaTagPrint prints the EDSA ethertype and reserved bytes, then the
// DSA tag that follows them.
func edsaTagPrint(nd *ND, b []byte) {
	etype := getBE16(b, 0)
	if nd.LinkHeader {
		r1, r2 := getU8(b, 2), getU8(b, 3)
		nd.Print("Marvell EDSA ethertype 0x")
		nd.PrintHex(uint64(etype), 4)
		nd.Print(" (")
		nd.Print(tok2str(etherTypeNames, "Unknown", uint32(etype)))
		nd.Print("), rsvd ")
		nd.PrintUint(uint64(r1))
		nd.PrintByte(' ')
		nd.PrintUint(uint64(r2))
		nd.Print(", ")
	} else {
		nd.Print("EDSA 0x")
		nd.PrintHex(uint64(etype), 4)
		nd.Print(", ")
	}
	dsaTagCommonPrint(nd, rest(b, 4))
}

// dsaTagCommonPrint prints the four-byte DSA tag: every field with -e,
// else a one-line summary.
func dsaTagCommonPrint(nd *ND, b []byte) {
	b0, b1, b2, b3 := getU8(b, 0), getU8(b, 1), getU8(b, 2), getU8(b, 3)
	mode := b0 >> 6
	tagged := b0&0x20 != 0
	dev := uint64(b0 & 0x1f)
	port := uint64(b1 >> 3)
	trunk := b1&0x04 != 0 // also To_Sniffer's Rx_Sniff
	cfi := b1&0x01 != 0
	pri := uint64(b2 >> 5)
	vid := uint64(b2&0x0f)<<8 | uint64(b3)
	code := uint32(b1&0x06) | uint32(b2&0x10)>>4

	portWord := "port"
	if trunk {
		portWord = "trunk"
	}
	if nd.LinkHeader {
		nd.Print("mode ")
		nd.Print(tok2str(dsaModeNames, "unknown", uint32(mode)))
		nd.Print(", ")
		switch mode {
		case dsaModeForward:
			nd.Print("dev ")
			nd.PrintUint(dev)
			nd.Print(", ")
			nd.Print(portWord)
			nd.PrintByte(' ')
			nd.PrintUint(port)
			nd.Print(", ")
		case dsaModeFromCPU:
			nd.Print("target dev ")
			dsaDevPortPrint(nd, dev, port, ", port ")
			nd.Print(", ")
		case dsaModeToCPU:
			nd.Print("source dev ")
			dsaDevPortPrint(nd, dev, port, ", port ")
			nd.Print(", code ")
			nd.Print(tok2str(dsaCodeNames, "reserved", code))
			nd.Print(", ")
		case dsaModeToSniffer:
			nd.Print("source dev ")
			dsaDevPortPrint(nd, dev, port, ", port ")
			if trunk {
				nd.Print(", ingress sniff, ")
			} else {
				nd.Print(", egress sniff, ")
			}
		}
		if tagged {
			nd.Print("tagged, ")
		} else {
			nd.Print("untagged, ")
		}
		if cfi {
			nd.Print("CFI, ")
		}
		nd.Print("VID ")
		nd.PrintUint(vid)
		nd.Print(", FPri ")
		nd.PrintUint(pri)
		nd.Print(", ")
		return
	}
	switch mode {
	case dsaModeForward:
		nd.Print("Forward ")
		nd.Print(portWord)
		nd.PrintByte(' ')
		dsaDevPortPrint(nd, dev, port, ".")
		nd.Print(", ")
	case dsaModeFromCPU:
		nd.Print("CPU > port ")
		dsaDevPortPrint(nd, dev, port, ".")
		nd.Print(", ")
	case dsaModeToCPU:
		nd.Print("port ")
		dsaDevPortPrint(nd, dev, port, ".")
		nd.Print(" > CPU, ")
	case dsaModeToSniffer:
		nd.Print("port ")
		dsaDevPortPrint(nd, dev, port, ".")
		if trunk {
			nd.Print(" > Rx Sniffer, ")
		} else {
			nd.Print(" > Tx Sniffer, ")
		}
	}
	nd.Print("VLAN ")
	nd.PrintUint(vid)
	if tagged {
		nd.Print("t, ")
	} else {
		nd.Print("u, ")
	}
}

func dsaDevPortPrint(nd *ND, dev, port uint64, sep string) {
	nd.PrintUint(dev)
	nd.Print(sep)
	nd.PrintUint(port)
}

var brcmTEValues = []tok{
	{0, "None"},
	{1, "Untag"},
	{2, "Header"},
	{3, "Reserved"},
}

var brcmRCValues = []tok{
	{1, "mirror"},
	{2, "MAC learning"},
	{4, "switching"},
	{8, "prot term"},
	{16, "prot snoop"},
	{32, "exception"},
}

func brcmTagIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("brcm-tag")
	nd.llHdrLen += etherCommonPrint(nd, b, int(p.Len), len(b), switchTag{brcmTagPrint, brcmTagLen})
}

// brcmTagPrependIfPrint prints a Broadcom tag placed before the
// Ethernet header (only with -e) and then the frame.
func brcmTagPrependIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("brcm-tag-prepend")
	if len(b) < brcmTagLen {
		nd.PrintTrunc()
		nd.llHdrLen += len(b)
		return
	}
	if nd.LinkHeader {
		brcmTagPrint(nd, b)
	}
	nd.llHdrLen += brcmTagLen
	nd.llHdrLen += etherPrint(nd, b[brcmTagLen:], int(p.Len)-brcmTagLen, len(b)-brcmTagLen)
}

// brcmTagPrint prints an ingress or egress Broadcom tag.
func brcmTagPrint(nd *ND, b []byte) {
	t0, t1, t2, t3 := getU8(b, 0), getU8(b, 1), getU8(b, 2), getU8(b, 3)
	nd.Print("BRCM tag OP: ")
	if t0 != 0 {
		nd.Print("IG")
	} else {
		nd.Print("EG")
	}
	if t0&(1<<5) != 0 {
		nd.Print(", TC: ")
		nd.PrintUint(uint64(t1>>2) & 7)
		nd.Print(", TE: ")
		nd.Print(tok2str(brcmTEValues, "unknown", uint32(t1&3)))
		nd.Print(", TS: ")
		nd.PrintUint(uint64(t1 >> 7))
		nd.Print(", DST map: 0x")
		nd.PrintHex((uint64(t2)<<8|uint64(t3))&0x1ff, 4)
	} else {
		nd.Print(", CID: ")
		nd.PrintUint(uint64(t1))
		nd.Print(", RC: ")
		nd.Print(tok2str(brcmRCValues, "reserved", uint32(t2)))
		nd.Print(", TC: ")
		nd.PrintUint(uint64(t3>>5) & 7)
		nd.Print(", port: ")
		nd.PrintUint(uint64(t3 & 0x1f))
	}
	nd.Print(", ")
}
