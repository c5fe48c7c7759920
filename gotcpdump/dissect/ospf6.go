package dissect

// OSPF version 3 for IPv6 (RFC 5340; tcpdump's print-ospf6.c): the
// header and, at -v/-vv, the packet bodies and LSAs, then the trailing
// link-local signaling and authentication trailer (RFC 5613, RFC 6506).

var ospf6Options = []tok{
	{0x01, "V6"}, {0x02, "External"}, {0x04, "Deprecated"}, {0x08, "NSSA"},
	{0x10, "Router"}, {0x20, "Demand Circuit"}, {0x0100, "AFs Support"},
	{0x0200, "LLS"}, {0x0400, "Authentication Trailer"},
}

const ospf6OptionL = 0x0200

var ospf6RLAFlags = []tok{
	{0x01, "ABR"}, {0x02, "External"}, {0x04, "Virtual-Link Endpoint"},
	{0x08, "Deprecated"}, {0x10, "NSSA Translator"},
}

var ospf6ASLAFlags = []tok{{0x80000000, "External Type 2"}, {0x02000000, "Forwarding"}, {0x01000000, "Tag"}}

var ospf6LSATypes = []tok{
	{1, "Router"}, {2, "Network"}, {3, "Inter-Area Prefix"}, {4, "Inter-Area Router"},
	{5, "External"}, {6, "Deprecated"}, {7, "NSSA"}, {8, "Link"}, {9, "Intra-Area Prefix"},
	{10, "Intra-Area TE"}, {11, "Grace"}, {12, "Router Information"}, {13, "Inter-AS-TE"},
	{14, "Layer 1 VPN"},
}

var ospf6Scopes = []tok{{0x0000, "Link Local"}, {0x2000, "Area Local"}, {0x4000, "Domain Wide"}}

var ospf6DDFlags = []tok{{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x10, "IPv6 MTU"}}

var ospf6PrefixOptions = []tok{
	{0x01, "No Unicast"}, {0x02, "Local address"}, {0x04, "Deprecated"},
	{0x08, "Propagate"}, {0x10, "Down"}, {0x20, "N-bit"},
}

var ospf6AuthTypes = []tok{{1, "HMAC"}}

// OSPFv3 LSA function codes and scopes (the ls_type field).
const (
	ospf6LSRouter   = 1
	ospf6LSNetwork  = 2
	ospf6LSInterAP  = 3
	ospf6LSASE      = 5
	ospf6LSLink     = 8
	ospf6LSIntraAP  = 9
	ospf6LSIntraATE = 10
	ospf6LSGrace    = 11
	ospf6ScopeArea  = 0x2000
	ospf6ScopeAS    = 0x4000
	ospf6HdrLen     = 16
	ospf6ATHdrLen   = 16
	ospfLLSHdrLen   = 4
)

func ospf6Print(nd *ND, b []byte, length int) {
	nd.SetProto("ospf3")
	typ := uint32(getU8(b, 1))
	name := tok2str(ospfTypes, "unknown packet type (%d)", typ)
	nd.Printf("OSPFv%d, %s, length %d", getU8(b, 0), name, length)
	if typ < 1 || typ > 5 || nd.Verbose == 0 {
		return
	}
	dataLen := int(getBE16(b, 2))
	if dataLen > length {
		nd.Printf(" [len %d]", dataLen)
		return
	}
	tcheck(b, 4, 4)
	nd.Print("\n\tRouter-ID ")
	nd.PrintIPAddr(b, 4)
	if getBE32(b, 8) != 0 {
		nd.Print(", Area ")
		nd.PrintIPAddr(b, 8)
	} else {
		nd.Print(", Backbone Area")
	}
	if inst := getU8(b, 14); inst != 0 {
		nd.Printf(", Instance %d", inst)
	}
	if getU8(b, 0) != 3 {
		return
	}
	if !ospf6DecodeV3(nd, b, dataLen) || !ospf6DecodeTrailer(nd, b, dataLen, length-dataLen) {
		nd.PrintTrunc()
	}
}

// ospf6LSType prints an LSA type with its scope and LSA ID.
func ospf6LSType(nd *ND, lsType uint16, b []byte, idOff int) {
	nd.Printf("\n\t    %s LSA (%d), %s Scope%s, LSA-ID ",
		tok2str(ospf6LSATypes, "Unknown", uint32(lsType&0x1fff)), lsType&0x1fff,
		tok2str(ospf6Scopes, "Unknown", uint32(lsType&0x6000)), pick(lsType&0x8000 != 0, ", transitive", ""))
	tcheck(b, idOff, 4)
	nd.PrintIPAddr(b, idOff)
}

// ospf6LSHdr prints the LSA header at off; false when it does not fit
// before end.
func ospf6LSHdr(nd *ND, b []byte, off, end int) bool {
	if off+lsaHdrLen > end {
		return false
	}
	tcheck(b, off, lsaHdrLen)
	nd.Print("\n\t  Advertising Router ")
	nd.PrintIPAddr(b, off+8)
	// The length is printed as C's size_t difference, so a bogus
	// length below the header's wraps around.
	nd.Printf(", seq 0x%08x, age %ds, length %d", getBE32(b, off+12), getBE16(b, off),
		uint64(getBE16(b, off+18))-lsaHdrLen)
	ospf6LSType(nd, getBE16(b, off+2), b, off+4)
	return true
}

// ospf6Prefix prints the address prefix at p and returns its length, or
// -1 when it is bogus or does not fit in n.
func ospf6Prefix(nd *ND, b []byte, p, n int) int {
	if n < 4 {
		return -1
	}
	n -= 4
	tcheck(b, p, 4)
	plen := int(getU8(b, p))
	words := (plen + 31) / 32
	if words*4 > 16 {
		nd.Printf(" bogus prefixlen /%d", plen)
		return -1
	}
	if n < words*4 {
		return -1
	}
	var prefix [16]byte
	for i := 0; i < words*4; i++ {
		prefix[i] = getU8(b, p+4+i)
	}
	nd.Print("\n\t\t")
	nd.Print(nd.ip6Text(prefix[:]))
	nd.Printf("/%d", plen)
	if opt := getU8(b, p+1); opt != 0 {
		nd.Printf(", Options [%s]", bittok2str(ospf6PrefixOptions, "none", uint32(opt)))
	}
	nd.Printf(", metric %d", getBE16(b, p+2))
	return 4 + words*4
}

// ospf6LSA prints the LSA at off; false means stop (truncated or bogus).
func ospf6LSA(nd *ND, b []byte, off, end int) bool {
	if !ospf6LSHdr(nd, b, off, end) {
		return false
	}
	length := int(getBE16(b, off+18))
	if length < lsaHdrLen || off+length > end {
		return false
	}
	n := length - lsaHdrLen
	p := off + lsaHdrLen
	prefixes := func(count int, bounded bool) bool {
		for count > 0 || (!bounded && n != 0) {
			k := ospf6Prefix(nd, b, p, n)
			if k < 0 {
				return false
			}
			count--
			n -= k
			p += k
		}
		return true
	}
	switch getBE16(b, off+2) {
	case ospf6LSRouter | ospf6ScopeArea:
		if n < 4 {
			return false
		}
		n -= 4
		nd.Printf("\n\t      Options [%s]", bittok2str(ospf6Options, "none", getBE32(b, p)))
		nd.Printf(", RLA-Flags [%s]", bittok2str(ospf6RLAFlags, "none", uint32(getU8(b, p))))
		p += 4
		for n != 0 {
			if n < 16 {
				return false
			}
			n -= 16
			tcheck(b, p, 16)
			switch lt := getU8(b, p); lt {
			case 4:
				nd.Print("\n\t      Virtual Link: Neighbor Router-ID ")
			case 1:
				nd.Print("\n\t      Neighbor Router-ID ")
			case 2:
				nd.Print("\n\t      Neighbor Network-ID ")
			default:
				nd.Printf("\n\t      Unknown Router Links Type 0x%02x", lt)
				return true
			}
			nd.PrintIPAddr(b, p+12)
			nd.Print("\n\t      Neighbor Interface-ID ")
			nd.PrintIPAddr(b, p+8)
			nd.Print(", Interface ")
			nd.PrintIPAddr(b, p+4)
			nd.Printf(", metric %d", getBE16(b, p+2))
			p += 16
		}
	case ospf6LSNetwork | ospf6ScopeArea:
		if n < 4 {
			return false
		}
		n -= 4
		nd.Printf("\n\t      Options [%s]", bittok2str(ospf6Options, "none", getBE32(b, p)))
		nd.Print("\n\t      Connected Routers:")
		p += 4
		for n != 0 {
			if n < 4 {
				return false
			}
			n -= 4
			tcheck(b, p, 4)
			nd.Print("\n\t\t")
			nd.PrintIPAddr(b, p)
			p += 4
		}
	case ospf6LSInterAP | ospf6ScopeArea:
		if n < 4 {
			return false
		}
		n -= 4
		nd.Printf(", metric %d", getBE32(b, p)&0x00ffffff)
		p += 4
		if !prefixes(0, false) {
			return false
		}
	case ospf6LSASE | ospf6ScopeAS:
		if n < 4 {
			return false
		}
		n -= 4
		flags := getBE32(b, p)
		nd.Printf("\n\t     Flags [%s]", bittok2str(ospf6ASLAFlags, "none", flags))
		nd.Printf(" metric %d", flags&0x00ffffff)
		p += 4
		prefixOff := p
		k := ospf6Prefix(nd, b, p, n)
		if k < 0 {
			return false
		}
		n -= k
		p += k
		if flags&0x02000000 != 0 {
			if n < 16 {
				return false
			}
			n -= 16
			tcheck(b, p, 16)
			nd.Print(" forward ")
			nd.PrintIP6Addr(b, p)
			p += 16
		}
		if flags&0x01000000 != 0 {
			if n < 4 {
				return false
			}
			n -= 4
			tcheck(b, p, 4)
			nd.Print(" tag ")
			nd.PrintIPAddr(b, p)
			p += 4
		}
		if getU8(b, prefixOff+2) != 0 {
			if n < 4 {
				return false
			}
			tcheck(b, p, 4)
			nd.Print(" RefLSID: ")
			nd.PrintIPAddr(b, p)
		}
	case ospf6LSLink:
		if n < 4 {
			return false
		}
		n -= 4
		tcheck(b, p, 4)
		nd.Printf("\n\t      Options [%s]", bittok2str(ospf6Options, "none", getBE32(b, p)))
		if n < 20 {
			return false
		}
		n -= 20
		count := int(getBE32(b, p+20))
		nd.Printf("\n\t      Priority %d, Link-local address ", getU8(b, p))
		tcheck(b, p+4, 16)
		nd.PrintIP6Addr(b, p+4)
		nd.Printf(", Prefixes %d:", count)
		p += 24
		if !prefixes(count, true) {
			return false
		}
	case ospf6LSIntraAP | ospf6ScopeArea:
		if n < 4 {
			return false
		}
		n -= 4
		tcheck(b, p+8, 4)
		ospf6LSType(nd, getBE16(b, p+2), b, p+4)
		if n < 2 {
			return false
		}
		n -= 2
		count := int(getBE16(b, p))
		nd.Printf("\n\t      Prefixes %d:", count)
		p += 12
		if !prefixes(count, true) {
			return false
		}
	case ospf6LSGrace:
		return ospfGracePrint(nd, b, p, n)
	case ospf6LSIntraATE:
		return ospfTEPrint(nd, b, p, n)
	default:
		if p > len(b) {
			nd.Print("\n\t      Dissector error: print_unknown_data called with pointer past end of packet")
			return false
		}
		unknownDataPrint(nd, b, p, "\n\t      ", n)
	}
	return true
}

// ospf6DecodeV3 prints the packet body; false means truncated.
func ospf6DecodeV3(nd *ND, b []byte, end int) bool {
	const h = ospf6HdrLen
	switch getU8(b, 1) {
	case ospfHello:
		nd.Printf("\n\tOptions [%s]", bittok2str(ospf6Options, "none", getBE32(b, h+4)))
		nd.Printf("\n\t  Hello Timer %ds, Dead Timer %ds, Interface-ID ", getBE16(b, h+8), getBE16(b, h+10))
		tcheck(b, h, 4)
		nd.PrintIPAddr(b, h)
		nd.Printf(", Priority %d", getU8(b, h+4))
		if getBE32(b, h+12) != 0 {
			nd.Print("\n\t  Designated Router ")
			nd.PrintIPAddr(b, h+12)
		}
		if getBE32(b, h+16) != 0 {
			nd.Print(", Backup Designated Router ")
			nd.PrintIPAddr(b, h+16)
		}
		if nd.Verbose > 1 {
			nd.Print("\n\t  Neighbor List:")
			for p := h + 20; p < end; p += 4 {
				tcheck(b, p, 4)
				nd.Print("\n\t    ")
				nd.PrintIPAddr(b, p)
			}
		}
	case ospfDD:
		nd.Printf("\n\tOptions [%s]", bittok2str(ospf6Options, "none", getBE32(b, h)))
		nd.Printf(", DD Flags [%s]", bittok2str(ospf6DDFlags, "none", uint32(getU8(b, h+7))))
		nd.Printf(", MTU %d, DD-Sequence 0x%08x", getBE16(b, h+4), getBE32(b, h+8))
		if nd.Verbose > 1 {
			for p := h + 12; p < end; p += lsaHdrLen {
				if !ospf6LSHdr(nd, b, p, end) {
					return false
				}
			}
		}
	case ospfLSReq:
		if nd.Verbose > 1 {
			for p := h; p < end; p += 12 {
				tcheck(b, p, 12)
				nd.Print("\n\t  Advertising Router ")
				nd.PrintIPAddr(b, p+8)
				ospf6LSType(nd, getBE16(b, p+2), b, p+4)
			}
		}
	case ospfLSUpdate:
		if nd.Verbose > 1 {
			count := int32(getBE32(b, h))
			p := h + 4
			for p < end {
				if count == 0 {
					break
				}
				count--
				if !ospf6LSA(nd, b, p, end) {
					return false
				}
				p += int(getBE16(b, p+18))
			}
		}
	case ospfLSAck:
		if nd.Verbose > 1 {
			for p := h; p < end; p += lsaHdrLen {
				if !ospf6LSHdr(nd, b, p, end) {
					return false
				}
			}
		}
	}
	return true
}

// ospf6DecodeTrailer prints the LLS block (Hello and DD packets with the
// L option) and the authentication trailer after the OSPFv3 data.
func ospf6DecodeTrailer(nd *ND, b []byte, p, n int) bool {
	lls := false
	switch getU8(b, 1) {
	case ospfHello:
		lls = getBE32(b, ospf6HdrLen+4)&ospf6OptionL != 0
	case ospfDD:
		lls = getBE32(b, ospf6HdrLen)&ospf6OptionL != 0
	}
	if lls && n != 0 {
		if n < ospfLLSHdrLen {
			return false
		}
		nd.Printf("\n\tLLS Checksum 0x%04x", getBE16(b, p))
		l := int(getBE16(b, p+2))
		nd.Printf(", Data Length %d", l)
		if l < ospfLLSHdrLen || l > n {
			return false
		}
		tcheck(b, p+4, l-ospfLLSHdrLen)
		p += l
		n -= l
	}
	if n == 0 {
		return true
	}
	if n < ospf6ATHdrLen {
		return false
	}
	nd.Printf("\n\tAuthentication Type %s", tok2str(ospf6AuthTypes, "unknown (0x%04x)", uint32(getBE16(b, p))))
	l := int(getBE16(b, p+2))
	nd.Printf(", Length %d", l)
	if l < ospf6ATHdrLen || l > n {
		return false
	}
	nd.Printf(", SAID %d", getBE16(b, p+6))
	nd.Printf(", CSN 0x%08x", getBE32(b, p+8))
	nd.Printf(":%08x", getBE32(b, p+12))
	tcheck(b, p+16, l-ospf6ATHdrLen)
	if nd.Verbose > 1 {
		unknownDataPrint(nd, b, p+16, "\n\tAuthentication Data ", l-ospf6ATHdrLen)
	}
	return true
}
