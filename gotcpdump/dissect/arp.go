package dissect

// ARP, RARP and inverse ARP (RFC 826, 903, 2390) and ATM ARP (RFC 2225),
// as tcpdump's print-arp.c prints them.

func init() {
	registerEtherType(etherTypeARP, arpPrint)
	registerEtherType(etherTypeRARP, arpPrint)
}

const (
	arpHrdFrameRelay = 15
	arpHrdATM2225    = 19

	arpOpRequest    = 1
	arpOpReply      = 2
	arpOpRevRequest = 3
	arpOpRevReply   = 4
	arpOpInvRequest = 8
	arpOpInvReply   = 9
	arpOpNAK        = 10
)

var arpOpNames = []tok{
	{arpOpRequest, "Request"},
	{arpOpReply, "Reply"},
	{arpOpRevRequest, "Reverse Request"},
	{arpOpRevReply, "Reverse Reply"},
	{arpOpInvRequest, "Inverse Request"},
	{arpOpInvReply, "Inverse Reply"},
	{arpOpNAK, "NACK Reply"},
}

var arpHrdNames = []tok{
	{1, "Ethernet"},
	{6, "TokenRing"},
	{7, "ArcNet"},
	{arpHrdFrameRelay, "FrameRelay"},
	{23, "Strip"},
	{24, "IEEE 1394"},
	{arpHrdATM2225, "ATM"},
	{32, "InfiniBand"},
}

// arpIsIPv4 reports whether the protocol addresses are IPv4 ones tcpdump
// prints as such (ETHERTYPE_IP or the old trailer type).
func arpIsIPv4(pro uint16) bool { return pro == etherTypeIPv4 || pro == etherTypeTrail }

// arpLinkAddrPrint prints a hardware address of any length
// (GET_LINKADDR_STRING): "<empty>", a Frame Relay DLCI when fr is set,
// a MAC address as names print it, or colon-separated hex bytes.
func arpLinkAddrPrint(nd *ND, b []byte, off, n int, fr bool) {
	tcheck(b, off, n)
	switch {
	case n == 0:
		nd.Print("<empty>")
	case fr:
		q922AddrPrint(nd, b[off:off+n])
	case n == 6:
		nd.PrintEtherAddr(b, off)
	default:
		nd.out = appendMAC(nd.out, b[off:off+n])
	}
}

// atmAddrPrint prints an ATM number or subaddress as hex bytes.
func atmAddrPrint(nd *ND, b []byte, off, n int) {
	tcheck(b, off, n)
	nd.out = appendMAC(nd.out, b[off:off+n])
}

// q922AddrPrint prints a Q.922 address as tcpdump's q922_string does:
// "DLCI n", or why it is not one.
func q922AddrPrint(nd *ND, a []byte) {
	const ea = 0x01 // address extension bit: set in the last byte
	if len(a) < 1 {
		nd.Print("<Truncated>")
		return
	}
	if a[0]&ea != 0 {
		nd.Print("<Invalid DLCI>")
		return
	}
	if len(a) < 2 {
		nd.Print("<Truncated>")
		return
	}
	dlci := uint64(a[0]&0xfc)<<2 | uint64(a[1]&0xf0)>>4
	if a[1]&ea == 0 {
		i := 2
		if len(a) <= i {
			nd.Print("<Truncated>")
			return
		}
		if a[i]&ea == 0 {
			dlci = dlci<<7 | uint64(a[i]>>1)
			i++
		}
		if len(a) <= i {
			nd.Print("<Truncated>")
			return
		}
		if a[i]&ea == 0 {
			nd.Print("<Invalid DLCI>")
			return
		}
		dlci = dlci<<6 | uint64(a[i]>>2)
	}
	nd.Print("DLCI ")
	nd.PrintUint(dlci)
}

// arpProtoAddrPrint prints a protocol address: the IPv4 address, or why
// it is not one.
func arpProtoAddrPrint(nd *ND, b []byte, off int, pro uint16, plen int, badLen string) {
	switch {
	case !arpIsIPv4(pro):
		nd.Print("<wrong proto type>")
	case plen != 4:
		nd.Print(badLen)
	default:
		nd.PrintIPAddr(b, off)
	}
}

// arpPrint prints an ARP or RARP packet (arp_print); b holds the captured
// bytes, length the length on the wire.
func arpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("arp")
	tcheck(b, 0, 8)
	hrd := getBE16(b, 0)
	pro := getBE16(b, 2)
	hln := int(getU8(b, 4))
	pln := int(getU8(b, 5))
	op := getBE16(b, 6)
	if hrd == arpHrdATM2225 {
		atmARPPrint(nd, b, length)
		return
	}
	fr := hrd == arpHrdFrameRelay
	sha := 8
	spa := sha + hln
	tha := spa + pln
	tpa := tha + hln
	tcheck(b, tpa, pln)

	if !nd.LinkHeader {
		nd.Print("ARP, ")
	}
	if !arpIsIPv4(pro) || pln != 4 || hln == 0 || nd.Verbose > 0 {
		nd.Print(tok2str(arpHrdNames, "Unknown Hardware (%d)", uint32(hrd)))
		nd.Print(" (len ")
		nd.PrintUint(uint64(hln))
		nd.Print("), ")
		nd.Print(tok2str(etherTypeNames, "Unknown Protocol (0x%04x)", uint32(pro)))
		nd.Print(" (len ")
		nd.PrintUint(uint64(pln))
		nd.Print(")")
		if nd.Verbose == 0 {
			arpLengthPrint(nd, length)
			return
		}
		nd.Print(", ")
	}
	nd.Print(tok2str(arpOpNames, "Unknown (%d)", uint32(op)))
	nd.Print(" ")

	switch op {
	case arpOpRequest:
		nd.Print("who-has ")
		arpProtoAddrPrint(nd, b, tpa, pro, pln, "<wrong len>")
		if arpNonZero(b, tha, hln) {
			nd.Print(" (")
			arpLinkAddrPrint(nd, b, tha, hln, fr)
			nd.Print(")")
		}
		nd.Print(" tell ")
		arpProtoAddrPrint(nd, b, spa, pro, pln, "<wrong len>")
	case arpOpReply:
		arpProtoAddrPrint(nd, b, spa, pro, pln, "<wrong len>")
		nd.Print(" is-at ")
		arpLinkAddrPrint(nd, b, sha, hln, fr)
	case arpOpRevRequest, arpOpInvRequest:
		nd.Print("who-is ")
		arpLinkAddrPrint(nd, b, tha, hln, fr)
		nd.Print(" tell ")
		arpLinkAddrPrint(nd, b, sha, hln, fr)
	case arpOpRevReply:
		arpLinkAddrPrint(nd, b, tha, hln, fr)
		nd.Print(" at ")
		arpProtoAddrPrint(nd, b, tpa, pro, pln, "<wrong len>")
	case arpOpInvReply:
		arpLinkAddrPrint(nd, b, sha, hln, fr)
		nd.Print(" at ")
		arpProtoAddrPrint(nd, b, spa, pro, pln, "<wrong len>")
	default:
		nd.HexASCIIPrint("\n\t", b)
		return
	}
	arpLengthPrint(nd, length)
}

func arpLengthPrint(nd *ND, length int) {
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
}

// arpNonZero reports whether any of the n bytes at off is set.
func arpNonZero(b []byte, off, n int) bool {
	for i := 0; i < n; i++ {
		if getU8(b, off+i) != 0 {
			return true
		}
	}
	return false
}

// atmARPPrint prints an ATM ARP packet (atmarp_print): type/length
// fields give each ATM number and subaddress its own length.
func atmARPPrint(nd *ND, b []byte, length int) {
	tcheck(b, 0, 12)
	hrd := getBE16(b, 0)
	pro := getBE16(b, 2)
	shl := int(getU8(b, 4) & 0x3f)
	ssl := int(getU8(b, 5) & 0x3f)
	op := getBE16(b, 6)
	spl := int(getU8(b, 8))
	thl := int(getU8(b, 9) & 0x3f)
	tsl := int(getU8(b, 10) & 0x3f)
	tpl := int(getU8(b, 11))
	sha := 12
	ssa := sha + shl
	spa := ssa + ssl
	tha := spa + spl
	tsa := tha + thl
	tpa := tsa + tsl
	tcheck(b, tpa, tpl)

	if !nd.LinkHeader {
		nd.Print("ARP, ")
	}
	if !arpIsIPv4(pro) || spl != 4 || tpl != 4 || nd.Verbose > 0 {
		nd.Print(tok2str(arpHrdNames, "Unknown Hardware (%d)", uint32(hrd)))
		nd.Print(", ")
		nd.Print(tok2str(etherTypeNames, "Unknown Protocol (0x%04x)", uint32(pro)))
		nd.Printf(" (len %d/%d)", spl, tpl)
		if nd.Verbose == 0 {
			arpLengthPrint(nd, length)
			return
		}
		nd.Print(", ")
	}
	nd.Print(tok2str(arpOpNames, "Unknown (%d)", uint32(op)))
	nd.Print(" ")

	addr := func(ha, hl, sa, sl int) {
		if hl == 0 {
			nd.Print("<No address>")
			return
		}
		atmAddrPrint(nd, b, ha, hl)
		if sl != 0 {
			nd.Print(",")
			atmAddrPrint(nd, b, sa, sl)
		}
	}
	switch op {
	case arpOpRequest:
		nd.Print("who-has ")
		arpProtoAddrPrint(nd, b, tpa, pro, tpl, "<wrong tplen>")
		if thl != 0 {
			nd.Print(" (")
			addr(tha, thl, tsa, tsl)
			nd.Print(")")
		}
		nd.Print(" tell ")
		arpProtoAddrPrint(nd, b, spa, pro, spl, "<wrong splen>")
	case arpOpReply:
		arpProtoAddrPrint(nd, b, spa, pro, spl, "<wrong splen>")
		nd.Print(" is-at ")
		addr(sha, shl, ssa, ssl)
	case arpOpInvRequest:
		nd.Print("who-is ")
		addr(tha, thl, tsa, tsl)
		nd.Print(" tell ")
		addr(sha, shl, ssa, ssl)
	case arpOpInvReply:
		addr(sha, shl, ssa, ssl)
		nd.Print("at ")
		arpProtoAddrPrint(nd, b, spa, pro, spl, "<wrong splen>")
	case arpOpNAK:
		nd.Print("for ")
		arpProtoAddrPrint(nd, b, spa, pro, spl, "<wrong splen>")
	default:
		nd.HexASCIIPrint("\n\t", b)
		return
	}
	arpLengthPrint(nd, length)
}
