package dissect

// Cisco Discovery Protocol (tcpdump's print-cdp.c), reached through
// SNAP: the header, and the TLVs with -v (only the Device-ID without).

func init() {
	registerPrinter("cdp_print", cdpPrint)
}

const (
	cdpHdrLen    = 4
	cdpTLVHdrLen = 4

	nlpidIP = 0xcc
)

var cdpTLVNames = []tok{
	{0x01, "Device-ID"},
	{0x02, "Address"},
	{0x03, "Port-ID"},
	{0x04, "Capability"},
	{0x05, "Version String"},
	{0x06, "Platform"},
	{0x07, "Prefixes"},
	{0x08, "Protocol-Hello option"},
	{0x09, "VTP Management Domain"},
	{0x0a, "Native VLAN ID"},
	{0x0b, "Duplex"},
	{0x0e, "ATA-186 VoIP VLAN request"},
	{0x0f, "ATA-186 VoIP VLAN assignment"},
	{0x10, "power consumption"},
	{0x11, "MTU"},
	{0x12, "AVVID trust bitmap"},
	{0x13, "AVVID untrusted ports CoS"},
	{0x14, "System Name"},
	{0x15, "System Object ID (not decoded)"},
	{0x16, "Management Addresses"},
	{0x17, "Physical Location"},
}

var cdpCapabilityNames = []tok{
	{0x01, "Router"},
	{0x02, "Transparent Bridge"},
	{0x04, "Source Route Bridge"},
	{0x08, "L2 Switch"},
	{0x10, "L3 capable"},
	{0x20, "IGMP snooping"},
	{0x40, "L1 capable"},
}

// cdpMinLen is the shortest value each fixed-layout TLV may have.
var cdpMinLen = map[uint16]int{0x04: 4, 0x0a: 2, 0x0b: 1, 0x0e: 3, 0x11: 4, 0x12: 1, 0x13: 1, 0x17: 1}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func cdpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("cdp")
	tcheck(b, 0, cdpHdrLen)
	nd.Print("CDPv")
	nd.PrintUint(uint64(getU8(b, 0)))
	nd.Print(", ttl: ")
	nd.PrintUint(uint64(getU8(b, 1)))
	nd.PrintByte('s')
	if nd.Verbose > 0 {
		nd.Print(", checksum: 0x")
		nd.PrintHex(uint64(getBE16(b, 2)), 4)
		nd.Print(" (unverified), length ")
		nd.PrintUint(uint64(length))
	}
	off := cdpHdrLen
	for off < length {
		typ, n := getBE16(b, off), int(getBE16(b, off+2))
		name := tok2str(cdpTLVNames, "unknown field type", uint32(typ))
		if n < cdpTLVHdrLen {
			if nd.Verbose > 0 {
				nd.Print("\n\t")
				nd.Print(name)
				nd.Print(" (0x")
				nd.PrintHex(uint64(typ), 2)
				nd.Print("), TLV length: ")
				nd.PrintUint(uint64(n))
				nd.Print(" byte")
				nd.Print(pluralS(n))
				nd.Print(" (too short)")
			} else {
				nd.Print(", ")
				nd.Print(name)
				nd.Print(" TLV length ")
				nd.PrintUint(uint64(n))
				nd.Print(" too short")
			}
			break
		}
		off += cdpTLVHdrLen
		n -= cdpTLVHdrLen
		tcheck(b, off, n)
		if nd.Verbose > 0 || typ == 1 {
			if nd.Verbose > 0 {
				nd.Print("\n\t")
				nd.Print(name)
				nd.Print(" (0x")
				nd.PrintHex(uint64(typ), 2)
				nd.Print("), value length: ")
				nd.PrintUint(uint64(n))
				nd.Print(" byte")
				nd.Print(pluralS(n))
				nd.Print(": ")
			}
			if !cdpTLVPrint(nd, b[off:off+n], typ) {
				nd.PrintTrunc()
				return
			}
		}
		off += n
	}
	if nd.Verbose == 0 {
		nd.Print(", length ")
		nd.PrintUint(uint64(length))
	}
}

// cdpQuoted prints 'value' with unprintable bytes escaped.
func cdpQuoted(nd *ND, v []byte) {
	nd.PrintByte('\'')
	for _, c := range v {
		nd.printChar(c)
	}
	nd.PrintByte('\'')
}

// cdpTLVPrint prints one TLV value; false means it was too short for its
// layout (tcpdump's "goto trunc").
func cdpTLVPrint(nd *ND, v []byte, typ uint16) bool {
	if min, ok := cdpMinLen[typ]; ok && len(v) < min {
		return false
	}
	switch typ {
	case 0x01:
		if nd.Verbose == 0 {
			nd.Print(", Device-ID ")
		}
		cdpQuoted(nd, v)
	case 0x03, 0x06, 0x09, 0x14:
		cdpQuoted(nd, v)
	case 0x02, 0x16:
		return cdpAddrPrint(nd, v)
	case 0x04:
		c := getBE32(v, 0)
		nd.Print("(0x")
		nd.PrintHex(uint64(c), 8)
		nd.Print("): ")
		nd.Print(bittok2str(cdpCapabilityNames, "none", c))
	case 0x05:
		nd.Print("\n\t  ")
		for _, c := range v {
			if c == '\n' {
				nd.Print("\n\t  ")
			} else {
				nd.printChar(c)
			}
		}
	case 0x07:
		if len(v)%5 != 0 {
			return false
		}
		nd.Print(" IPv4 Prefixes (")
		nd.PrintUint(uint64(len(v) / 5))
		nd.Print("):")
		for i := 0; i < len(v); i += 5 {
			nd.PrintByte(' ')
			nd.PrintIPAddr(v, i)
			nd.PrintByte('/')
			nd.PrintUint(uint64(v[i+4]))
		}
	case 0x08:
	case 0x0a:
		nd.PrintUint(uint64(getBE16(v, 0)))
	case 0x0b:
		if v[0] != 0 {
			nd.Print("full")
		} else {
			nd.Print("half")
		}
	case 0x0e:
		nd.Print("app ")
		nd.PrintUint(uint64(v[0]))
		nd.Print(", vlan ")
		nd.PrintUint(uint64(getBE16(v, 1)))
	case 0x10:
		var mw uint64
		for _, c := range v {
			mw = mw<<8 | uint64(c)
		}
		nd.Printf("%1.2fW", float64(mw)/1000.0)
	case 0x11:
		nd.PrintUint(uint64(getBE32(v, 0)))
		nd.Print(" bytes")
	case 0x12, 0x13:
		nd.Print("0x")
		nd.PrintHex(uint64(v[0]), 2)
	case 0x17:
		nd.Print("0x")
		nd.PrintHex(uint64(v[0]), 2)
		if len(v) > 1 {
			nd.PrintByte('/')
			for _, c := range v[1:] {
				nd.printChar(c)
			}
		}
	default:
		unknownDataPrint(nd, v, 0, "\n\t  ", len(v))
	}
	return true
}

// cdpIPv6Proto is the LLC/SNAP header CDP uses as the protocol of an
// IPv6 address.
var cdpIPv6Proto = [8]byte{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd}

// cdpAddrPrint prints an address list: IPv4 and IPv6 by name, anything
// else as raw protocol and address bytes.
func cdpAddrPrint(nd *ND, v []byte) bool {
	if len(v) < 4 {
		return false
	}
	num := int32(getBE32(v, 0))
	p := 4
	for p < len(v) && num >= 0 {
		if p+2 > len(v) {
			return false
		}
		pt, pl := v[p], int(v[p+1])
		p += 2
		if p+pl+2 > len(v) {
			return false
		}
		al := int(getBE16(v, p+pl))
		switch {
		case pt == 1 && pl == 1 && v[p] == nlpidIP && al == 4:
			p += 3
			if p+4 > len(v) {
				return false
			}
			nd.Print("IPv4 (")
			nd.PrintUint(uint64(uint32(num)))
			nd.Print(") ")
			nd.PrintIPAddr(v, p)
			p += 4
		case pt == 2 && pl == 8 && [8]byte(v[p:p+8]) == cdpIPv6Proto && al == 16:
			p += 10
			if p+al > len(v) {
				return false
			}
			nd.Print("IPv6 (")
			nd.PrintUint(uint64(uint32(num)))
			nd.Print(") ")
			nd.PrintIP6Addr(v, p)
			p += al
		default:
			nd.Print("pt=0x")
			nd.PrintHex(uint64(pt), 2)
			nd.Print(", pl=")
			nd.PrintUint(uint64(pl))
			nd.Print(", pb=")
			for ; pl > 0; pl-- {
				nd.PrintByte(' ')
				nd.PrintHex(uint64(v[p]), 2)
				p++
			}
			nd.Print(", al=")
			nd.PrintUint(uint64(al))
			nd.Print(", a=")
			p += 2
			if p+al > len(v) {
				return false
			}
			for ; al > 0; al-- {
				nd.PrintByte(' ')
				nd.PrintHex(uint64(v[p]), 2)
				p++
			}
		}
		num--
		if num != 0 {
			nd.PrintByte(' ')
		}
	}
	return true
}
