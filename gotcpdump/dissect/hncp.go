package dissect

// The Home Networking Control Protocol (RFC 7788) and the DNCP TLVs it
// builds on (RFC 7787), as tcpdump's print-hncp.c prints them: nested
// TLVs one per line, or as a list of type names where -v asks for less
// detail than the nesting depth.

import "strings"

func init() {
	registerUDPPort("hncp", hncpUDPPrint, 8231)
}

func hncpUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	hncpPrint(nd, b, length)
}

// HNCP and DNCP TLV types, and the pseudo-types of the ranges of
// unnamed ones.
const (
	dncpRequestNetworkState = 1
	dncpRequestNodeState    = 2
	dncpNodeEndpoint        = 3
	dncpNetworkState        = 4
	dncpNodeState           = 5
	dncpPeer                = 8
	dncpKeepAliveInterval   = 9
	dncpTrustVerdict        = 10
	hncpVersion             = 32
	hncpExternalConnection  = 33
	hncpDelegatedPrefix     = 34
	hncpAssignedPrefix      = 35
	hncpNodeAddress         = 36
	hncpDHCPv4Data          = 37
	hncpDHCPv6Data          = 38
	hncpDNSDelegatedZone    = 39
	hncpDomainName          = 40
	hncpNodeName            = 41
	hncpManagedPSK          = 42
	hncpPrefixPolicy        = 43

	hncpRangeReserved   = 0x10000
	hncpRangeUnassigned = 0x10001
	hncpRangePrivateUse = 0x10002
	hncpRangeFutureUse  = 0x10003
)

var hncpTypeNames = []tok{
	{dncpRequestNetworkState, "Request network state"},
	{dncpRequestNodeState, "Request node state"},
	{dncpNodeEndpoint, "Node endpoint"},
	{dncpNetworkState, "Network state"},
	{dncpNodeState, "Node state"},
	{dncpPeer, "Peer"},
	{dncpKeepAliveInterval, "Keep-alive interval"},
	{dncpTrustVerdict, "Trust-Verdict"},
	{hncpVersion, "HNCP-Version"},
	{hncpExternalConnection, "External-Connection"},
	{hncpDelegatedPrefix, "Delegated-Prefix"},
	{hncpPrefixPolicy, "Prefix-Policy"},
	{hncpDHCPv4Data, "DHCPv4-Data"},
	{hncpDHCPv6Data, "DHCPv6-Data"},
	{hncpAssignedPrefix, "Assigned-Prefix"},
	{hncpNodeAddress, "Node-Address"},
	{hncpDNSDelegatedZone, "DNS-Delegated-Zone"},
	{hncpDomainName, "Domain-Name"},
	{hncpNodeName, "Node-Name"},
	{hncpManagedPSK, "Managed-PSK"},
	{hncpRangeReserved, "Reserved"},
	{hncpRangeUnassigned, "Unassigned"},
	{hncpRangePrivateUse, "Private use"},
	{hncpRangeFutureUse, "Future use"},
}

var hncpDHCPv4Opts = []tok{
	{6, "DNS-server"},
	{42, "NTP-server"},
	{119, "DNS-search"},
}

var hncpDHCPv6Opts = []tok{
	{23, "DNS-server"},
	{24, "DNS-search-list"},
	{31, "SNTP-servers"},
}

// hncpPrint prints an HNCP message (hncp_print).
func hncpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("hncp")
	nd.Printf("hncp (%d)", length)
	hncpTLVsPrint(nd, b, 0, length, 1)
}

// hncpTypeMask maps a TLV type to itself when tcpdump names it, else to
// the pseudo-type of its range.
func hncpTypeMask(typ uint16) uint32 {
	for _, t := range hncpTypeNames {
		if t.v > 0xffff {
			break
		}
		if t.v == uint32(typ) {
			return t.v
		}
	}
	switch {
	case typ == 0:
		return hncpRangeReserved
	case typ == 6 || typ == 7:
		return hncpRangeFutureUse
	case 44 <= typ && typ <= 511:
		return hncpRangeUnassigned
	case 768 <= typ && typ <= 1023:
		return hncpRangePrivateUse
	}
	return hncpRangeFutureUse
}

// hncpNewline starts a line indented by indent tabs.
func hncpNewline(nd *ND, indent int) {
	nd.Print("\n")
	nd.Print(strings.Repeat("\t", indent))
}

// hncpInLine tracks the list of type names printed instead of the TLVs
// (print_type_in_line): runs of one type print once with a count.
type hncpInLine struct {
	indent    int
	first     bool
	lastMask  uint32
	lastCount int
}

func (l *hncpInLine) add(nd *ND, mask uint32) {
	if l.lastMask == mask {
		l.lastCount++
		return
	}
	l.flush(nd)
	l.lastMask, l.lastCount = mask, 1
}

func (l *hncpInLine) flush(nd *ND) {
	if l.lastCount <= 0 {
		return
	}
	if l.first {
		l.first = false
		if l.indent > 1 {
			hncpNewline(nd, l.indent)
		} else {
			nd.Print(" ")
		}
	} else {
		nd.Print(", ")
	}
	nd.Print(tok2strNoAlloc(hncpTypeNames, "Easter Egg", l.lastMask))
	if l.lastCount > 1 {
		nd.Printf(" (x%d)", l.lastCount)
	}
}

// hncpTLVsPrint prints the TLVs in b[off:off+length] at nesting depth
// indent (hncp_print_rec).
func hncpTLVsPrint(nd *ND, b []byte, off, length, indent int) {
	inLine := indent-1 >= nd.Verbose && nd.Verbose < 3
	list := hncpInLine{indent: indent, first: true, lastMask: 0xffffffff, lastCount: -1}
	for i := 0; i < length; {
		tlv := off + i
		if !inLine {
			hncpNewline(nd, indent)
		}
		if !ttest(b, tlv, 4) {
			nd.PrintTrunc()
			return
		}
		if i+4 > length {
			nd.PrintInvalid()
			return
		}
		typ, bodyLen := getBE16(b, tlv), int(getBE16(b, tlv+2))
		value := tlv + 4
		if !ttest(b, value, bodyLen) {
			nd.PrintTrunc()
			return
		}
		if i+bodyLen+4 > length {
			nd.PrintInvalid()
			return
		}
		mask := hncpTypeMask(typ)
		if inLine {
			list.add(nd, mask)
		} else {
			nd.Print(tok2strNoAlloc(hncpTypeNames, "Easter Egg (42)", mask))
			if mask > 0xffff {
				nd.Printf(": type=%d", typ)
			}
			nd.Printf(" (%d)", bodyLen+4)
			if !hncpTLVPrint(nd, b, value, bodyLen, mask, indent) {
				nd.PrintInvalid()
				return
			}
		}
		i += 4 + (bodyLen+3)&^3
	}
	list.flush(nd)
}

// hncpTLVPrint prints the body of one TLV; false means the whole TLV
// list is invalid.
func hncpTLVPrint(nd *ND, b []byte, value, n int, mask uint32, indent int) bool {
	// nested prints the TLVs after the first skip bytes of the body,
	// rounded up to a multiple of four.
	nested := func(skip int) {
		skip += -skip & 3
		if n >= skip {
			hncpTLVsPrint(nd, b, value+skip, n-skip, indent+1)
		}
	}
	switch mask {
	case dncpRequestNetworkState:
		if n != 0 {
			nd.PrintInvalid()
		}
	case dncpRequestNodeState:
		if n != 4 {
			nd.PrintInvalid()
			break
		}
		nd.Print(" NID: ")
		hncpNIDPrint(nd, b, value)
	case dncpNodeEndpoint:
		if n != 8 {
			nd.PrintInvalid()
			break
		}
		tcheck(b, value, 8)
		nd.Print(" NID: ")
		hncpNIDPrint(nd, b, value)
		nd.Printf(" EPID: %08x", getBE32(b, value+4))
	case dncpNetworkState:
		if n != 8 {
			nd.PrintInvalid()
			break
		}
		nd.Printf(" hash: %016x", getBE64(b, value))
	case dncpNodeState:
		if n < 20 {
			nd.PrintInvalid()
			break
		}
		tcheck(b, value, 20)
		nd.Print(" NID: ")
		hncpNIDPrint(nd, b, value)
		nd.Printf(" seqno: %d ", getBE32(b, value+4))
		hncpInterval(nd, getBE32(b, value+8))
		nd.Printf(" hash: %016x", getBE64(b, value+12))
		hncpTLVsPrint(nd, b, value+20, n-20, indent+1)
	case dncpPeer:
		if n != 12 {
			nd.PrintInvalid()
			break
		}
		tcheck(b, value, 12)
		nd.Print(" Peer-NID: ")
		hncpNIDPrint(nd, b, value)
		nd.Printf(" Peer-EPID: %08x Local-EPID: %08x", getBE32(b, value+4), getBE32(b, value+8))
	case dncpKeepAliveInterval:
		if n < 8 {
			nd.PrintInvalid()
			break
		}
		epid, interval := getBE32(b, value), getBE32(b, value+4)
		nd.Printf(" EPID: %08x Interval: ", epid)
		hncpInterval(nd, interval)
	case dncpTrustVerdict:
		if n <= 36 {
			nd.PrintInvalid()
			break
		}
		tcheck(b, value, 36)
		nd.Printf(" Verdict: %d Fingerprint: ", getU8(b, value))
		hncp256Print(nd, b, value+4)
		nd.Print(" Common Name: ")
		printjnp(nd, b, value+36, n-36)
	case hncpVersion:
		if n < 5 {
			nd.PrintInvalid()
			break
		}
		c := getBE16(b, value+2)
		nd.Printf(" M: %d P: %d H: %d L: %d User-agent: ", c>>12&0xf, c>>8&0xf, c>>4&0xf, c&0xf)
		printjnp(nd, b, value+4, n-4)
	case hncpExternalConnection:
		hncpTLVsPrint(nd, b, value, n, indent+1)
	case hncpDelegatedPrefix:
		if n < 9 || n < 9+(int(getU8(b, value+8))+7)/8 {
			nd.PrintInvalid()
			break
		}
		vlso, plso := getBE32(b, value), getBE32(b, value+4)
		nd.Print(" VLSO: ")
		hncpInterval(nd, vlso)
		nd.Print(" PLSO: ")
		hncpInterval(nd, plso)
		nd.Print(" Prefix: ")
		l := hncpPrefixPrint(nd, b, value+8, n-8)
		if l == -1 {
			nd.Print("(length is invalid)")
			break
		}
		if l < 0 {
			nd.PrintInvalid()
			break
		}
		nested(8 + l)
	case hncpPrefixPolicy:
		if n < 1 {
			nd.PrintInvalid()
			break
		}
		policy := getU8(b, value)
		nd.Print(" type: ")
		switch {
		case policy == 0:
			if n != 1 {
				nd.PrintInvalid()
				break
			}
			nd.Print("Internet connectivity")
		case policy <= 128:
			nd.Print("Dest-Prefix: ")
			if l := hncpPrefixPrint(nd, b, value, n); l == -1 {
				nd.Print("(length is invalid)")
			} else if l < 0 {
				nd.PrintInvalid()
			}
		case policy == 129:
			nd.Print("DNS domain: ")
			hncpDNSLabelPrint(nd, b, value+1, n-1, true)
		case policy == 130:
			nd.Print("Opaque UTF-8: ")
			printjnp(nd, b, value+1, n-1)
		case policy == 131:
			if n != 1 {
				nd.PrintInvalid()
				break
			}
			nd.Print("Restrictive assignment")
		default:
			nd.Printf("Unknown (%d)", policy)
		}
	case hncpDHCPv4Data:
		if n == 0 {
			nd.PrintInvalid()
			break
		}
		if !hncpDHCPv4Print(nd, b, value, n, indent+1) {
			return false
		}
	case hncpDHCPv6Data:
		if n == 0 {
			nd.PrintInvalid()
			break
		}
		if !hncpDHCPv6Print(nd, b, value, n, indent+1) {
			nd.PrintInvalid()
		}
	case hncpAssignedPrefix:
		if n < 6 || n < 6+(int(getU8(b, value+5))+7)/8 {
			nd.PrintInvalid()
			break
		}
		prty := getU8(b, value+4) & 0xf
		nd.Printf(" EPID: %08x Prty: %d", getBE32(b, value), prty)
		nd.Print(" Prefix: ")
		l := hncpPrefixPrint(nd, b, value+5, n-5)
		if l < 0 {
			nd.PrintInvalid()
			break
		}
		nested(5 + l)
	case hncpNodeAddress:
		if n < 20 {
			nd.PrintInvalid()
			break
		}
		epid := getBE32(b, value)
		tcheck(b, value+4, 16)
		nd.Printf(" EPID: %08x IP Address: ", epid)
		hncpIP6AddrPrint(nd, b, value+4)
		hncpTLVsPrint(nd, b, value+20, n-20, indent+1)
	case hncpDNSDelegatedZone:
		if n < 17 {
			nd.PrintInvalid()
			break
		}
		tcheck(b, value, 17)
		flags := getU8(b, value+16)
		nd.Print(" IP-Address: ")
		hncpIP6AddrPrint(nd, b, value)
		nd.Print(" ")
		for _, f := range [...]struct {
			bit uint8
			c   byte
		}{{4, 'l'}, {2, 'b'}, {1, 's'}} {
			if flags&f.bit != 0 {
				nd.PrintByte(f.c)
			} else {
				nd.PrintByte('-')
			}
		}
		nd.Print(" ")
		l := hncpDNSLabelPrint(nd, b, value+17, n-17, true)
		if l < 0 {
			nd.PrintInvalid()
			break
		}
		nested(17 + l)
	case hncpDomainName:
		if n == 0 {
			nd.PrintInvalid()
			break
		}
		nd.Print(" Domain: ")
		hncpDNSLabelPrint(nd, b, value, n, true)
	case hncpNodeName:
		if n < 17 {
			nd.PrintInvalid()
			break
		}
		l := int(getU8(b, value+16))
		if n < 17+l {
			nd.PrintInvalid()
			break
		}
		tcheck(b, value, 16)
		nd.Print(" IP-Address: ")
		hncpIP6AddrPrint(nd, b, value)
		nd.Print(" Name: ")
		if l < 64 {
			nd.Print("\"")
			printjnp(nd, b, value+17, l)
			nd.Print("\"")
		} else {
			nd.PrintInvalid()
		}
		nested(17 + l)
	case hncpManagedPSK:
		if n < 32 {
			nd.PrintInvalid()
			break
		}
		nd.Print(" PSK: ")
		hncp256Print(nd, b, value)
		hncpTLVsPrint(nd, b, value+32, n-32, indent+1)
	}
	return true
}

// hncpNIDPrint prints a 4-byte node identifier.
func hncpNIDPrint(nd *ND, b []byte, off int) {
	tcheck(b, off, 4)
	for i := 0; i < 4; i++ {
		if i > 0 {
			nd.Print(":")
		}
		nd.PrintHex(uint64(b[off+i]), 2)
	}
}

// hncp256Print prints 32 bytes as 64 hex digits.
func hncp256Print(nd *ND, b []byte, off int) {
	tcheck(b, off, 32)
	for i := 0; i < 4; i++ {
		nd.PrintHex(getBE64(b, off+8*i), 16)
	}
}

// hncpInterval prints milliseconds as seconds with three decimals.
func hncpInterval(nd *ND, ms uint32) {
	nd.Printf("%d.%03ds", ms/1000, ms%1000)
}

var hncpV4Mapped = [12]byte{10: 0xff, 11: 0xff}

// hncpIP6AddrPrint prints an address, IPv4-mapped ones as IPv4.
func hncpIP6AddrPrint(nd *ND, b []byte, off int) {
	tcheck(b, off, 16)
	if [12]byte(b[off:off+12]) == hncpV4Mapped {
		nd.PrintIPAddr(b, off+12)
		return
	}
	nd.PrintIP6Addr(b, off)
}

// hncpPrefixPrint prints a length-prefixed prefix of at most maxLen
// bytes (IPv4-mapped ones as IPv4) and returns the bytes it took, -1
// for a prefix length too long for the address, or -2/-3 when the prefix
// runs past maxLen (print_prefix).
func hncpPrefixPrint(nd *ND, b []byte, off, maxLen int) int {
	plen := int(getU8(b, off))
	var addr [16]byte
	if plen >= 96 && maxLen >= 13 && ttest(b, off+1, 12) && [12]byte(b[off+1:off+13]) == hncpV4Mapped {
		plen -= 96
		if plen > 32 {
			return -1
		}
		maxLen--
		plenBytes := (plen + 7) / 8
		if maxLen < plenBytes+12 {
			return -3
		}
		tcheck(b, off+13, plenBytes)
		copy(addr[:4], b[off+13:off+13+plenBytes])
		if plen%8 != 0 {
			addr[plenBytes-1] &= byte(uint32(0xff00) >> uint(plen%8))
		}
		nd.PrintIPAddr(addr[:], 0)
		nd.Printf("/%d", plen)
		return plenBytes + 13
	}
	if maxLen < 1 {
		return -2
	}
	if plen > 128 {
		return -1
	}
	plenBytes := (plen + 7) / 8
	if maxLen-1 < plenBytes {
		return -2
	}
	tcheck(b, off+1, plenBytes)
	copy(addr[:], b[off+1:off+1+plenBytes])
	if plen%8 != 0 {
		addr[plenBytes-1] &= byte(uint32(0xff00) >> uint(plen%8))
	}
	nd.PrintIP6Addr(addr[:], 0)
	nd.Printf("/%d", plen)
	return 1 + plenBytes
}

// hncpDNSLabelPrint prints (if print) the DNS labels in the maxLen bytes
// at off, dot-separated, and returns the bytes they took, or -1 (after
// "[|DNS]") when they run past maxLen (print_dns_label).
func hncpDNSLabelPrint(nd *ND, b []byte, off, maxLen int, print bool) int {
	length := 0
	for length < maxLen {
		labLen := int(getU8(b, off+length))
		length++
		if labLen == 0 {
			return length
		}
		if length > 1 && print {
			nd.Print(".")
		}
		if length+labLen > maxLen {
			if print {
				printjnp(nd, b, off+length, maxLen-length)
			}
			break
		}
		if print {
			printjnp(nd, b, off+length, labLen)
		}
		length += labLen
	}
	if print {
		nd.Print("[|DNS]")
	}
	return -1
}

// hncpDHCPv4Print prints DHCPv4 options carried in HNCP; false means
// they are malformed (dhcpv4_print).
func hncpDHCPv4Print(nd *ND, b []byte, off, length, indent int) bool {
	for i := 0; i < length; {
		if i+2 > length {
			return false
		}
		tlv := off + i
		typ, optLen := getU8(b, tlv), int(getU8(b, tlv+1))
		value := tlv + 2
		hncpNewline(nd, indent)
		nd.Print(tok2strNoAlloc(hncpDHCPv4Opts, "Unknown", uint32(typ)))
		nd.Printf(" (%d)", optLen+2)
		if i+2+optLen > length {
			return false
		}
		switch typ {
		case 6, 42:
			if optLen < 4 || optLen%4 != 0 {
				return false
			}
			for t := 0; t < optLen; t += 4 {
				tcheck(b, value+t, 4)
				nd.Print(" ")
				nd.PrintIPAddr(b, value+t)
			}
		case 119:
			if !hncpDomainList(nd, b, value, value+optLen) {
				return false
			}
		}
		i += 2 + optLen
	}
	return true
}

// hncpDomainList prints the DNS names in b[off:end], each after a
// space; false means one is malformed.
func hncpDomainList(nd *ND, b []byte, off, end int) bool {
	d := dnsMsg{nd: nd, b: b}
	for off < end {
		nd.Print(" ")
		if off = d.printName(off, end); off < 0 {
			return false
		}
	}
	return true
}

// hncpDHCPv6Print prints DHCPv6 options carried in HNCP; false means
// they are malformed (dhcpv6_print in print-hncp.c).
func hncpDHCPv6Print(nd *ND, b []byte, off, length, indent int) bool {
	for i := 0; i < length; {
		if i+4 > length {
			return false
		}
		tlv := off + i
		typ, optLen := getBE16(b, tlv), int(getBE16(b, tlv+2))
		value := tlv + 4
		hncpNewline(nd, indent)
		nd.Print(tok2strNoAlloc(hncpDHCPv6Opts, "Unknown", uint32(typ)))
		nd.Printf(" (%d)", optLen+4)
		if i+4+optLen > length {
			return false
		}
		switch typ {
		case 23, 31:
			if optLen%16 != 0 {
				nd.PrintInvalid()
				return false
			}
			for t := 0; t < optLen; t += 16 {
				nd.printIP6After(" ", b, value+t)
			}
		case 24:
			if !hncpDomainList(nd, b, value, value+optLen) {
				return false
			}
		}
		i += 4 + optLen
	}
	return true
}
