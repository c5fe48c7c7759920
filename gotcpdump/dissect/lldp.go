package dissect

// IEEE 802.1AB Link Layer Discovery Protocol (tcpdump's print-lldp.c):
// the basic TLVs and the IEEE 802.1, IEEE 802.3 and IANA
// organization-specific ones. The TIA (LLDP-MED) and DCBX TLVs are not
// decoded here: they are hex-dumped, where tcpdump decodes them.

func init() {
	registerEtherType(0x88cc, lldpPrint)
}

const (
	lldpTLVEnd       = 0
	lldpTLVChassisID = 1
	lldpTLVPortID    = 2
	lldpTLVTTL       = 3
	lldpTLVPortDescr = 4
	lldpTLVSysName   = 5
	lldpTLVSysDescr  = 6
	lldpTLVSysCap    = 7
	lldpTLVMgmtAddr  = 8
	lldpTLVPrivate   = 127

	ouiIEEE8021 = 0x0080c2
	ouiIEEE8023 = 0x00120f
	ouiIANA     = 0x00005e

	lldpIntfNumLen = 5
)

var lldpTLVNames = []tok{
	{lldpTLVEnd, "End"},
	{lldpTLVChassisID, "Chassis ID"},
	{lldpTLVPortID, "Port ID"},
	{lldpTLVTTL, "Time to Live"},
	{lldpTLVPortDescr, "Port Description"},
	{lldpTLVSysName, "System Name"},
	{lldpTLVSysDescr, "System Description"},
	{lldpTLVSysCap, "System Capabilities"},
	{lldpTLVMgmtAddr, "Management Address"},
	{lldpTLVPrivate, "Organization specific"},
}

var lldpChassisSubtypeNames = []tok{
	{1, "Chassis component"},
	{2, "Interface alias"},
	{3, "Port component"},
	{4, "MAC address"},
	{5, "Network address"},
	{6, "Interface name"},
	{7, "Local"},
}

var lldpPortSubtypeNames = []tok{
	{1, "Interface alias"},
	{2, "Port component"},
	{3, "MAC address"},
	{4, "Network Address"},
	{5, "Interface Name"},
	{6, "Agent circuit ID"},
	{7, "Local"},
}

// lldpIDKinds says how a chassis or port ID subtype's value prints.
type lldpIDKind int

const (
	lldpIDHex lldpIDKind = iota
	lldpIDMAC
	lldpIDString
	lldpIDNetAddr
)

var lldpChassisKinds = map[uint8]lldpIDKind{
	1: lldpIDString, 2: lldpIDString, 3: lldpIDString, 4: lldpIDMAC,
	5: lldpIDNetAddr, 6: lldpIDString, 7: lldpIDString,
}

var lldpPortKinds = map[uint8]lldpIDKind{
	1: lldpIDString, 2: lldpIDString, 3: lldpIDMAC, 4: lldpIDNetAddr,
	5: lldpIDString, 6: lldpIDString, 7: lldpIDString,
}

var lldpCapNames = []tok{
	{1 << 0, "Other"},
	{1 << 1, "Repeater"},
	{1 << 2, "Bridge"},
	{1 << 3, "WLAN AP"},
	{1 << 4, "Router"},
	{1 << 5, "Telephone"},
	{1 << 6, "Docsis"},
	{1 << 7, "Station Only"},
}

var lldpIntfNumberingNames = []tok{{2, "Interface Index"}, {3, "System Port Number"}}

// lldpAFNames are the address family numbers LLDP addresses use
// (tcpdump's af_values).
var lldpAFNames = []tok{
	{0, "Reserved"}, {1, "IPv4"}, {2, "IPv6"}, {3, "NSAP"}, {4, "HDLC"},
	{5, "BBN 1822"}, {6, "802"}, {7, "E.163"}, {8, "E.164"}, {9, "F.69"}, {10, "X.121"},
	{11, "Novell IPX"}, {12, "Appletalk"}, {13, "Decnet IV"}, {14, "Banyan Vines"},
	{15, "E.164 with NSAP subaddress"}, {25, "VPLS"}, {196, "Layer-2 VPN"},
}

// lldpPrint prints an LLDPDU: the TLV headers and values with -v, only
// the system name without.
func lldpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("lldp")
	nd.Print("LLDP, length ")
	nd.PrintUint(uint64(length))
	off := 0
	for length >= 2 {
		h := getBE16(b, off)
		typ, n := int(h>>9), int(h&0x1ff)
		off += 2
		length -= 2
		if nd.Verbose > 0 {
			nd.Print("\n\t")
			nd.Print(tok2str(lldpTLVNames, "Unknown", uint32(typ)))
			nd.Print(" TLV (")
			nd.PrintUint(uint64(typ))
			nd.Print("), length ")
			nd.PrintUint(uint64(n))
		}
		if typ == 0 || n == 0 {
			return
		}
		tcheck(b, off, n)
		if length < n {
			nd.PrintTrunc()
			return
		}
		v := b[off : off+n]
		hexdump, ok := lldpTLVPrint(nd, typ, v)
		if !ok {
			nd.PrintTrunc()
			return
		}
		if nd.Verbose > 1 || (nd.Verbose > 0 && hexdump) {
			unknownDataPrint(nd, v, 0, "\n\t  ", n)
		}
		off += n
		length -= n
	}
}

// lldpTLVPrint prints one TLV value. hexdump asks for a dump of the
// value; ok false is tcpdump's "goto trunc" for a value too short for
// its layout.
func lldpTLVPrint(nd *ND, typ int, v []byte) (hexdump, ok bool) {
	n := len(v)
	switch typ {
	case lldpTLVChassisID, lldpTLVPortID:
		if nd.Verbose == 0 {
			return false, true
		}
		if n < 2 {
			return false, false
		}
		names, kinds := lldpChassisSubtypeNames, lldpChassisKinds
		if typ == lldpTLVPortID {
			names, kinds = lldpPortSubtypeNames, lldpPortKinds
		}
		st := v[0]
		nd.Print("\n\t  Subtype ")
		nd.Print(tok2str(names, "Unknown", uint32(st)))
		nd.Print(" (")
		nd.PrintUint(uint64(st))
		nd.Print("): ")
		switch kinds[st] {
		case lldpIDMAC:
			if n < 7 {
				return false, false
			}
			nd.PrintEtherAddr(v, 1)
		case lldpIDString:
			lldpPrintzp(nd, v[1:])
		case lldpIDNetAddr:
			if !lldpNetAddrPrint(nd, v[1:]) {
				return false, false
			}
		default:
			return true, true
		}
	case lldpTLVTTL:
		if nd.Verbose > 0 {
			if n < 2 {
				return false, false
			}
			nd.Print(": TTL ")
			nd.PrintUint(uint64(getBE16(v, 0)))
			nd.PrintByte('s')
		}
	case lldpTLVPortDescr:
		if nd.Verbose > 0 {
			nd.Print(": ")
			lldpPrintzp(nd, v)
		}
	case lldpTLVSysName:
		nd.Print(": ")
		lldpPrintzp(nd, v)
	case lldpTLVSysDescr:
		if nd.Verbose > 0 {
			nd.Print("\n\t  ")
			lldpPrintzp(nd, v)
		}
	case lldpTLVSysCap:
		if nd.Verbose > 0 {
			if n < 4 {
				return false, false
			}
			lldpCapPrint(nd, "\n\t  System  Capabilities [", getBE16(v, 0))
			lldpCapPrint(nd, "\n\t  Enabled Capabilities [", getBE16(v, 2))
		}
	case lldpTLVMgmtAddr:
		if nd.Verbose > 0 && !lldpMgmtAddrPrint(nd, v) {
			return false, false
		}
	case lldpTLVPrivate:
		if nd.Verbose == 0 {
			return false, true
		}
		if n < 3 {
			return false, false
		}
		oui := getBE24(v, 0)
		nd.Print(": OUI ")
		nd.Print(tok2str(ouiNames, "Unknown", oui))
		nd.Print(" (0x")
		nd.PrintHex(uint64(oui), 6)
		nd.PrintByte(')')
		switch oui {
		case ouiIEEE8021:
			return lldp8021Print(nd, v), true
		case ouiIEEE8023:
			return lldp8023Print(nd, v), true
		case ouiIANA:
			return lldpIANAPrint(nd, v), true
		default:
			return true, true
		}
	default:
		return true, true
	}
	return false, true
}

// lldpPrintzp prints a string that may be NUL-padded (nd_printzp).
func lldpPrintzp(nd *ND, v []byte) {
	for _, c := range v {
		if c == 0 {
			return
		}
		nd.printChar(c)
	}
}

func lldpCapPrint(nd *ND, label string, c uint16) {
	nd.Print(label)
	nd.Print(bittok2str(lldpCapNames, "none", uint32(c)))
	nd.Print("] (0x")
	nd.PrintHex(uint64(c), 4)
	nd.PrintByte(')')
}

// lldpNetAddrPrint prints "AFI name (n): address"; false when the value
// is too short for its family.
func lldpNetAddrPrint(nd *ND, v []byte) bool {
	if len(v) < 1 {
		return false
	}
	af := v[0]
	need := map[uint8]int{1: 4, 2: 16, 6: 6}[af]
	if need != 0 && len(v)-1 < need {
		return false
	}
	nd.Print("AFI ")
	nd.Print(tok2str(lldpAFNames, "Unknown", uint32(af)))
	nd.Print(" (")
	nd.PrintUint(uint64(af))
	switch af {
	case 1:
		nd.Print("): ")
		nd.PrintIPAddr(v, 1)
	case 2:
		nd.Print("): ")
		nd.PrintIP6Addr(v, 1)
	case 6:
		nd.Print("): ")
		nd.PrintEtherAddr(v, 1)
	default:
		nd.Print("), no AF printer !")
	}
	return true
}

func lldpMgmtAddrPrint(nd *ND, v []byte) bool {
	if len(v) < 1 {
		return false
	}
	alen := int(v[0])
	p := 1
	if len(v)-p < alen {
		return false
	}
	if alen < 1 || (map[uint8]int{1: 4, 2: 16, 6: 6}[v[1]] > alen-1) {
		return false
	}
	nd.Print("\n\t  Management Address length ")
	nd.PrintUint(uint64(alen))
	nd.Print(", ")
	lldpNetAddrPrint(nd, v[p:p+alen])
	p += alen
	if len(v)-p < lldpIntfNumLen {
		return false
	}
	st := v[p]
	nd.Print("\n\t  ")
	nd.Print(tok2str(lldpIntfNumberingNames, "Unknown", uint32(st)))
	nd.Print(" Interface Numbering (")
	nd.PrintUint(uint64(st))
	nd.Print("): ")
	nd.PrintUint(uint64(getBE32(v, p+1)))
	p += lldpIntfNumLen
	if p < len(v) {
		oidLen := int(v[p])
		if len(v)-p < 1+oidLen {
			return false
		}
		if oidLen != 0 {
			nd.Print("\n\t  OID length ")
			nd.PrintUint(uint64(oidLen))
			lldpPrintzp(nd, v[p+1:p+1+oidLen])
		}
	}
	return true
}
