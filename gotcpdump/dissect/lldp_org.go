package dissect

// LLDP organization-specific TLVs: IEEE 802.1 (VLANs, link aggregation,
// DCB), IEEE 802.3 (MAC/PHY, power, MTU) and IANA (MUD URL).

var lldp8021SubtypeNames = []tok{
	{1, "Port VLAN Id"},
	{2, "Port and Protocol VLAN ID"},
	{3, "VLAN name"},
	{4, "Protocol Identity"},
	{7, "Link aggregation"},
	{8, "Congestion Notification"},
	{9, "ETS Configuration"},
	{10, "ETS Recommendation"},
	{11, "Priority Flow Control Configuration"},
	{12, "Application Priority"},
	{13, "EVB"},
	{14, "CDCP"},
}

var lldp8021PPVIDFlagNames = []tok{{1 << 1, "supported"}, {1 << 2, "enabled"}}

var lldpAggregationNames = []tok{{1 << 0, "supported"}, {1 << 1, "enabled"}}

var lldpEVBModeNames = []tok{
	{0, "Not Supported"},
	{1, "EVB Bridge"},
	{2, "EVB Staion"},
	{3, "Reserved for future Standardization"},
}

var lldp8023SubtypeNames = []tok{
	{1, "MAC/PHY configuration/status"},
	{2, "Power via MDI"},
	{3, "Link aggregation"},
	{4, "Max frame size"},
}

var lldpAutonegNames = []tok{{1 << 0, "supported"}, {1 << 1, "enabled"}}

var lldpPMDCapNames = []tok{
	{1 << 14, "10BASE-T hdx"},
	{1 << 13, "10BASE-T fdx"},
	{1 << 12, "100BASE-T4"},
	{1 << 11, "100BASE-TX hdx"},
	{1 << 10, "100BASE-TX fdx"},
	{1 << 9, "100BASE-T2 hdx"},
	{1 << 8, "100BASE-T2 fdx"},
	{1 << 7, "Pause for fdx links"},
	{1 << 6, "Asym PAUSE for fdx"},
	{1 << 5, "Sym PAUSE for fdx"},
	{1 << 4, "Asym and Sym PAUSE for fdx"},
	{1 << 3, "1000BASE-{X LX SX CX} hdx"},
	{1 << 2, "1000BASE-{X LX SX CX} fdx"},
	{1 << 1, "1000BASE-T hdx"},
	{1 << 0, "1000BASE-T fdx"},
}

var lldpMAUTypeNames = []tok{
	{0, "Unknown"}, {1, "AUI"}, {2, "10BASE_5"}, {3, "FOIRL"}, {4, "10BASE2"},
	{5, "10BASET duplex mode unknown"}, {6, "10BASEFP"}, {7, "10BASEFB"},
	{8, "10BASEFL duplex mode unknown"}, {9, "10BROAD36"}, {10, "10BASET hdx"},
	{11, "10BASET fdx"}, {12, "10BASEFL hdx"}, {13, "10BASEFL fdx"}, {14, "100BASET4"},
	{15, "100BASETX hdx"}, {16, "100BASETX fdx"}, {17, "100BASEFX hdx"}, {18, "100BASEFX fdx"},
	{19, "100BASET2 hdx"}, {20, "100BASET2 fdx"}, {21, "1000BASEX hdx"}, {22, "1000BASEX fdx"},
	{23, "1000BASELX hdx"}, {24, "1000BASELX fdx"}, {25, "1000BASESX hdx"}, {26, "1000BASESX fdx"},
	{27, "1000BASECX hdx"}, {28, "1000BASECX fdx"}, {29, "1000BASET hdx"}, {30, "1000BASET fdx"},
	{31, "10GBASEX"}, {32, "10GBASELX4"}, {33, "10GBASER"}, {34, "10GBASEER"}, {35, "10GBASELR"},
	{36, "10GBASESR"}, {37, "10GBASEW"}, {38, "10GBASEEW"}, {39, "10GBASELW"}, {40, "10GBASESW"},
}

var lldpMDINames = []tok{
	{1 << 0, "PSE"},
	{1 << 1, "supported"},
	{1 << 2, "enabled"},
	{1 << 3, "can be controlled"},
}

var lldpMDIPairNames = []tok{{1, "signal"}, {2, "spare"}}

var lldpMDIClassNames = []tok{{1, "class0"}, {2, "class1"}, {3, "class2"}, {4, "class3"}, {5, "class4"}}

// lldpSubtypeHeader prints "\n\t  Name Subtype (n)" and returns the
// subtype, or false when the TLV has no subtype byte.
func lldpSubtypeHeader(nd *ND, v []byte, names []tok) (uint8, bool) {
	if len(v) < 4 {
		return 0, false
	}
	st := v[3]
	nd.Print("\n\t  ")
	nd.Print(tok2str(names, "unknown", uint32(st)))
	nd.Print(" Subtype (")
	nd.PrintUint(uint64(st))
	nd.PrintByte(')')
	return st, true
}

// lldpBitsRow prints each of the 8 bits of v, low bit first, as "%-2d ".
func lldpBitsRow(nd *ND, v uint8) {
	for i := 0; i < 8; i++ {
		nd.PrintUint(uint64(v>>i) & 1)
		nd.Print("  ")
	}
}

// lldpPadded prints v left-aligned in 3 columns (%-3d), followed by a
// separating space unless it is the last of its row.
func lldpPadded(nd *ND, v uint64, last bool) {
	width := 4
	if last {
		width = 3
	}
	start := len(nd.out)
	nd.PrintUint(v)
	for n := len(nd.out) - start; n < width; n++ {
		nd.PrintByte(' ')
	}
}

func lldpTableRow(nd *ND, vals [8]uint64) {
	for i, v := range vals {
		lldpPadded(nd, v, i == 7)
	}
}

func lldpETSTables(nd *ND, v []byte) {
	var row [8]uint64
	for i := 0; i < 4; i++ {
		row[2*i], row[2*i+1] = uint64(v[5+i]>>4), uint64(v[5+i]&0x0f)
	}
	nd.Print("\n\t    Priority Assignment Table")
	nd.Print("\n\t     Priority : 0   1   2   3   4   5   6   7")
	nd.Print("\n\t     Value    : ")
	lldpTableRow(nd, row)
	for i := range row {
		row[i] = uint64(v[9+i])
	}
	nd.Print("\n\t    TC Bandwidth Table")
	nd.Print("\n\t     TC%   : 0   1   2   3   4   5   6   7")
	nd.Print("\n\t     Value : ")
	lldpTableRow(nd, row)
	for i := range row {
		row[i] = uint64(v[17+i])
	}
	nd.Print("\n\t    TSA Assignment Table")
	nd.Print("\n\t     Traffic Class: 0   1   2   3   4   5   6   7")
	nd.Print("\n\t     Value        : ")
	lldpTableRow(nd, row)
}

// lldp8021Print prints an IEEE 802.1 TLV and reports whether it wants a
// hex dump.
func lldp8021Print(nd *ND, v []byte) bool {
	st, ok := lldpSubtypeHeader(nd, v, lldp8021SubtypeNames)
	if !ok {
		return false
	}
	n := len(v)
	switch st {
	case 1:
		if n < 6 {
			return false
		}
		nd.Print("\n\t    port vlan id (PVID): ")
		nd.PrintUint(uint64(getBE16(v, 4)))
	case 2:
		if n < 7 {
			return false
		}
		nd.Print("\n\t    port and protocol vlan id (PPVID): ")
		nd.PrintUint(uint64(getBE16(v, 5)))
		nd.Print(", flags [")
		nd.Print(bittok2str(lldp8021PPVIDFlagNames, "none", uint32(v[4])))
		nd.Print("] (0x")
		nd.PrintHex(uint64(v[4]), 2)
		nd.PrintByte(')')
	case 3:
		if n < 6 {
			return false
		}
		nd.Print("\n\t    vlan id (VID): ")
		nd.PrintUint(uint64(getBE16(v, 4)))
		if n < 7 {
			return false
		}
		l := int(v[6])
		if n < 7+l {
			return false
		}
		nd.Print("\n\t    vlan name: ")
		lldpPrintzp(nd, v[7:7+l])
	case 4:
		if n < 5 {
			return false
		}
		l := int(v[4])
		if n < 5+l {
			return false
		}
		nd.Print("\n\t    protocol identity: ")
		lldpPrintzp(nd, v[5:5+l])
	case 7:
		if n < 9 {
			return false
		}
		nd.Print("\n\t    aggregation status [")
		nd.Print(bittok2str(lldpAggregationNames, "none", uint32(v[4])))
		nd.Print("], aggregation port ID ")
		nd.PrintUint(uint64(getBE32(v, 5)))
	case 8:
		if n < 6 {
			return false
		}
		nd.Print("\n\t    Pre-Priority CNPV Indicator")
		nd.Print("\n\t     Priority : 0  1  2  3  4  5  6  7")
		nd.Print("\n\t     Value    : ")
		lldpBitsRow(nd, v[4])
		nd.Print("\n\t    Pre-Priority Ready Indicator")
		nd.Print("\n\t     Priority : 0  1  2  3  4  5  6  7")
		nd.Print("\n\t     Value    : ")
		lldpBitsRow(nd, v[5])
	case 9:
		if n < 25 {
			return false
		}
		t := v[4]
		nd.Printf("\n\t    Willing:%d, CBS:%d, RES:%d, Max TCs:%d", t>>7, (t>>6)&0x02, (t>>3)&0x07, t&0x07)
		lldpETSTables(nd, v)
	case 10:
		if n < 25 {
			return false
		}
		nd.Print("\n\t    RES: ")
		nd.PrintUint(uint64(v[4]))
		lldpETSTables(nd, v)
	case 11:
		if n < 6 {
			return false
		}
		t := v[4]
		nd.Printf("\n\t    Willing: %d, MBC: %d, RES: %d, PFC cap:%d ", t>>7, (t>>6)&0x01, (t>>4)&0x03, t&0x0f)
		nd.Print("\n\t    PFC Enable")
		nd.Print("\n\t     Priority : 0  1  2  3  4  5  6  7")
		nd.Print("\n\t     Value    : ")
		lldpBitsRow(nd, v[5])
	case 12:
		if n < 5 {
			return false
		}
		nd.Print("\n\t    RES: ")
		nd.PrintUint(uint64(v[4]))
		if n <= 5 {
			return false
		}
		sub := n - 5
		if sub%3 != 0 {
			return false
		}
		nd.Print("\n\t    Application Priority Table")
		for i := 0; i < sub; i += 3 {
			t := v[5+i]
			nd.Printf("\n\t      Priority: %d, RES: %d, Sel: %d, Protocol ID: %d", t>>5, (t>>3)&0x03, t&0x07, getBE16(v, 6+i))
		}
	case 13:
		if n < 9 {
			return false
		}
		nd.Print("\n\t    EVB Bridge Status")
		t := v[4]
		nd.Printf("\n\t      RES: %d, BGID: %d, RRCAP: %d, RRCTR: %d", t>>3, (t>>2)&1, (t>>1)&1, t&1)
		nd.Print("\n\t    EVB Station Status")
		t = v[5]
		nd.Printf("\n\t      RES: %d, SGID: %d, RRREQ: %d,RRSTAT: %d", t>>4, (t>>3)&1, (t>>2)&1, t&3)
		t = v[6]
		nd.Printf("\n\t    R: %d, RTE: %d, ", t>>5, t&0x1f)
		t = v[7]
		nd.Printf("EVB Mode: %s [%d]", tok2str(lldpEVBModeNames, "unknown", uint32(t>>6)), t>>6)
		nd.Printf("\n\t    ROL: %d, RWD: %d, ", (t>>5)&1, t&0x1f)
		t = v[8]
		nd.Printf("RES: %d, ROL: %d, RKA: %d", t>>6, (t>>5)&1, t&0x1f)
	case 14:
		if n < 8 {
			return false
		}
		t := v[4]
		nd.Printf("\n\t    Role: %d, RES: %d, Scomp: %d ", t>>7, (t>>4)&7, (t>>3)&1)
		nd.Printf("ChnCap: %d", getBE16(v, 6)&0x0fff)
		sub := n - 8
		if sub%3 != 0 {
			return false
		}
		for i := 0; i < sub; i += 3 {
			x := getBE24(v, 8+i)
			nd.Printf("\n\t    SCID: %d, SVID: %d", x>>12, x&0xfff)
		}
	default:
		return true
	}
	return false
}

// lldp8023Print prints an IEEE 802.3 TLV and reports whether it wants a
// hex dump.
func lldp8023Print(nd *ND, v []byte) bool {
	st, ok := lldpSubtypeHeader(nd, v, lldp8023SubtypeNames)
	if !ok {
		return false
	}
	n := len(v)
	switch st {
	case 1:
		if n < 9 {
			return false
		}
		nd.Print("\n\t    autonegotiation [")
		nd.Print(bittok2str(lldpAutonegNames, "none", uint32(v[4])))
		nd.Print("] (0x")
		nd.PrintHex(uint64(v[4]), 2)
		pmd := getBE16(v, 5)
		nd.Print(")\n\t    PMD autoneg capability [")
		nd.Print(bittok2str(lldpPMDCapNames, "unknown", uint32(pmd)))
		nd.Print("] (0x")
		nd.PrintHex(uint64(pmd), 4)
		mau := getBE16(v, 7)
		nd.Print(")\n\t    MAU type ")
		nd.Print(tok2str(lldpMAUTypeNames, "unknown", uint32(mau)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(mau), 4)
		nd.PrintByte(')')
	case 2:
		if n < 7 {
			return false
		}
		nd.Print("\n\t    MDI power support [")
		nd.Print(bittok2str(lldpMDINames, "none", uint32(v[4])))
		nd.Print("], power pair ")
		nd.Print(tok2str(lldpMDIPairNames, "unknown", uint32(v[5])))
		nd.Print(", power class ")
		nd.Print(tok2str(lldpMDIClassNames, "unknown", uint32(v[6])))
	case 3:
		if n < 9 {
			return false
		}
		nd.Print("\n\t    aggregation status [")
		nd.Print(bittok2str(lldpAggregationNames, "none", uint32(v[4])))
		nd.Print("], aggregation port ID ")
		nd.PrintUint(uint64(getBE32(v, 5)))
	case 4:
		if n < 6 {
			return false
		}
		nd.Print("\n\t    MTU size ")
		nd.PrintUint(uint64(getBE16(v, 4)))
	default:
		return true
	}
	return false
}

// lldpIANAPrint prints the IANA MUD-URL TLV.
func lldpIANAPrint(nd *ND, v []byte) bool {
	if len(v) < 8 {
		return false
	}
	st := v[3]
	nd.Print("\n\t  ")
	nd.Print(tok2str([]tok{{1, "MUD-URL"}}, "unknown", uint32(st)))
	nd.Print(" Subtype (")
	nd.PrintUint(uint64(st))
	nd.PrintByte(')')
	if st != 1 {
		return true
	}
	nd.Print("\n\t  MUD-URL=")
	for _, c := range v[4:] {
		nd.printChar(c)
	}
	return false
}
