package dissect

// ICMPv6 (tcpdump's print-icmp6.c): errors, echo, MLD and MLDv2,
// neighbour discovery with its options, RFC 2894 router renumbering,
// RFC 4620 node information, mobile IPv6 messages and RPL.

func init() {
	registerIPProto(ipProtoICMPv6, icmp6Print)
}

// ICMPv6 message types.
const (
	icmp6DstUnreach        = 1
	icmp6PacketTooBig      = 2
	icmp6TimeExceeded      = 3
	icmp6ParamProb         = 4
	icmp6EchoRequest       = 128
	icmp6EchoReply         = 129
	icmp6MLDQuery          = 130
	icmp6MLDReport         = 131
	icmp6MLDDone           = 132
	icmp6RouterSolicit     = 133
	icmp6RouterAdvert      = 134
	icmp6NeighborSolicit   = 135
	icmp6NeighborAdvert    = 136
	icmp6Redirect          = 137
	icmp6RouterRenumbering = 138
	icmp6NIQuery           = 139
	icmp6NIReply           = 140
	icmp6IndSolicit        = 141
	icmp6IndAdvert         = 142
	icmp6MLDv2Report       = 143
	icmp6HADiscovRequest   = 144
	icmp6HADiscovReply     = 145
	icmp6MobPrefixSolicit  = 146
	icmp6MobPrefixAdvert   = 147
	icmp6RPL               = 155
)

var icmp6TypeNames = []tok{
	{icmp6DstUnreach, "destination unreachable"},
	{icmp6PacketTooBig, "packet too big"},
	{icmp6TimeExceeded, "time exceeded in-transit"},
	{icmp6ParamProb, "parameter problem"},
	{icmp6EchoRequest, "echo request"},
	{icmp6EchoReply, "echo reply"},
	{icmp6MLDQuery, "multicast listener query"},
	{icmp6MLDReport, "multicast listener report"},
	{icmp6MLDDone, "multicast listener done"},
	{icmp6RouterSolicit, "router solicitation"},
	{icmp6RouterAdvert, "router advertisement"},
	{icmp6NeighborSolicit, "neighbor solicitation"},
	{icmp6NeighborAdvert, "neighbor advertisement"},
	{icmp6Redirect, "redirect"},
	{icmp6RouterRenumbering, "router renumbering"},
	{icmp6IndSolicit, "inverse neighbor solicitation"},
	{icmp6IndAdvert, "inverse neighbor advertisement"},
	{icmp6MLDv2Report, "multicast listener report v2"},
	{icmp6HADiscovRequest, "ha discovery request"},
	{icmp6HADiscovReply, "ha discovery reply"},
	{icmp6MobPrefixSolicit, "mobile router solicitation"},
	{icmp6MobPrefixAdvert, "mobile router advertisement"},
	{icmp6NIQuery, "who-are-you request"},
	{icmp6NIReply, "who-are-you reply"},
	{201, "mtrace message"},
	{200, "mtrace response"},
	{icmp6RPL, "RPL"},
}

var icmp6UnreachCodes = []tok{
	{0, "unreachable route"},
	{1, " unreachable prohibited"},
	{2, "beyond scope"},
	{3, "unreachable address"},
	{4, "unreachable port"},
}

var icmp6ParamProbCodes = []tok{
	{0, ", erroneous - octet "},
	{1, ", next header - octet "},
	{2, ", option - octet "},
	{3, ", incomplete header chain - octet "},
}

var icmp6RAFlags = []tok{
	{0x80, "managed"},
	{0x40, "other stateful"},
	{0x20, "home agent"},
	{0x02, "ipv6 only"},
}

var icmp6NAFlags = []tok{
	{0x80000000, "router"},
	{0x40000000, "solicited"},
	{0x20000000, "override"},
}

var icmp6PrefixFlags = []tok{
	{0x80, "onlink"},
	{0x40, "auto"},
	{0x20, "router"},
}

// Neighbour discovery option types.
const (
	ndOptSourceLinkAddr = 1
	ndOptTargetLinkAddr = 2
	ndOptPrefixInfo     = 3
	ndOptRedirectedHdr  = 4
	ndOptMTU            = 5
	ndOptAdvInterval    = 7
	ndOptHomeAgentInfo  = 8
	ndOptRouteInfo      = 24
	ndOptRDNSS          = 25
	ndOptDNSSL          = 31
)

var ndOptNames = []tok{
	{ndOptSourceLinkAddr, "source link-address"},
	{ndOptTargetLinkAddr, "destination link-address"},
	{ndOptPrefixInfo, "prefix info"},
	{ndOptRedirectedHdr, "redirected header"},
	{ndOptMTU, "mtu"},
	{ndOptRDNSS, "rdnss"},
	{ndOptDNSSL, "dnssl"},
	{ndOptAdvInterval, "advertisement interval"},
	{ndOptHomeAgentInfo, "homeagent information"},
	{ndOptRouteInfo, "route info"},
}

var mldv2RecordTypes = []tok{
	{1, "is_in"},
	{2, "is_ex"},
	{3, "to_in"},
	{4, "to_ex"},
	{5, "allow"},
	{6, "block"},
}

// icmp6RouterPref names the two-bit router preference of RFC 4191.
var icmp6RouterPref = [4]string{"medium", "high", "rsv", "low"}

func routerPref(flags uint8) string { return icmp6RouterPref[(flags&0x18)>>3] }

// icmp6Print prints an ICMPv6 message (icmp6_print). b is bounded by the
// IPv6 payload length, so len(b) is tcpdump's snapend.
func icmp6Print(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("icmp6")
	if length == 0 {
		nd.Print("ICMP6, length 0")
		nd.PrintInvalid()
		return
	}
	if nd.Verbose > 0 && !ip.fragmented && ttest(b, 0, length) {
		field := getBE16(b, 2)
		if sum := pseudoCksum(ip, ipProtoICMPv6, b, length); sum != 0 {
			nd.Print("[bad icmp6 cksum 0x")
			nd.PrintHex(uint64(field), 4)
			nd.Print(" -> 0x")
			nd.PrintHex(uint64(cksumShouldBe(field, sum)), 4)
			nd.Print("!] ")
		} else {
			nd.Print("[icmp6 sum ok] ")
		}
	}

	typ := getU8(b, 0)
	nd.Print("ICMP6, ")
	nd.Print(tok2str(icmp6TypeNames, "unknown icmp6 type (%d)", uint32(typ)))
	if nd.Verbose > 0 {
		switch typ {
		case icmp6RouterSolicit, icmp6RouterAdvert, icmp6NeighborAdvert, icmp6NeighborSolicit,
			icmp6Redirect, icmp6HADiscovReply, icmp6MobPrefixAdvert:
			nd.Print(", length ")
			nd.PrintUint(uint64(length))
		}
	}
	code := getU8(b, 1)
	const oip = 8 // the offending packet of an error message

	switch typ {
	case icmp6DstUnreach:
		nd.Print(", ")
		nd.Print(tok2str(icmp6UnreachCodes, "unknown unreach code (%d)", uint32(code)))
		switch code {
		case 0, 1, 3:
			nd.printIP6After(" ", b, oip+24)
		case 2:
			tcheck(b, oip+8, 32)
			nd.printIP6After(" ", b, oip+24)
			nd.Print(", source address ")
			nd.PrintIP6Addr(b, oip+8)
		case 4:
			icmp6PortUnreachPrint(nd, b, oip)
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, 0, "\n\t", length)
				return
			}
		}
	case icmp6PacketTooBig:
		mtu := getBE32(b, 4)
		nd.Print(", mtu ")
		nd.PrintUint(uint64(mtu))
	case icmp6TimeExceeded:
		switch code {
		case 0:
			nd.printIP6After(" for ", b, oip+24)
		case 1:
			nd.Print(" (reassembly)")
		default:
			nd.Printf(", unknown code (%d)", code)
		}
	case icmp6ParamProb:
		tcheck(b, oip+24, 16)
		if s := tok2strNoAlloc(icmp6ParamProbCodes, "", uint32(code)); s != "" {
			nd.Print(s)
			nd.PrintUint(uint64(getBE32(b, 4)))
		} else {
			nd.Printf(", code-#%d", code)
		}
	case icmp6EchoRequest, icmp6EchoReply:
		id, seq := getBE16(b, 4), getBE16(b, 6)
		nd.Print(", id ")
		nd.PrintUint(uint64(id))
		nd.Print(", seq ")
		nd.PrintUint(uint64(seq))
	case icmp6MLDQuery:
		switch {
		case length == 24:
			mld6Print(nd, b)
		case length >= 28:
			nd.Print(" v2")
			mldv2QueryPrint(nd, b, length)
		default:
			nd.Printf(" unknown-version (len %d) ", length)
		}
	case icmp6MLDReport, icmp6MLDDone:
		mld6Print(nd, b)
	case icmp6RouterSolicit:
		if nd.Verbose > 0 && !icmp6OptPrint(nd, b, 8, length-8) {
			nd.PrintTrunc()
			return
		}
	case icmp6RouterAdvert:
		if nd.Verbose > 0 {
			hopLimit, flags := getU8(b, 4), getU8(b, 5)
			lifetime, reachable, retrans := getBE16(b, 6), getBE32(b, 8), getBE32(b, 12)
			nd.Printf("\n\thop limit %d, Flags [%s], pref %s, router lifetime %ds, reachable time %dms, retrans timer %dms",
				hopLimit, bittok2str(icmp6RAFlags, "none", uint32(flags)), routerPref(flags),
				lifetime, reachable, retrans)
			if !icmp6OptPrint(nd, b, 16, length-16) {
				nd.PrintTrunc()
				return
			}
		}
	case icmp6NeighborSolicit:
		nd.printIP6After(", who has ", b, 8)
		if nd.Verbose > 0 && !icmp6OptPrint(nd, b, 24, length-24) {
			nd.PrintTrunc()
			return
		}
	case icmp6NeighborAdvert:
		nd.printIP6After(", tgt is ", b, 8)
		if nd.Verbose > 0 {
			nd.Print(", Flags [")
			nd.Print(bittok2str(icmp6NAFlags, "none", getBE32(b, 4)))
			nd.Print("]")
			if !icmp6OptPrint(nd, b, 24, length-24) {
				nd.PrintTrunc()
				return
			}
		}
	case icmp6Redirect:
		nd.printIP6After(", ", b, 24)
		nd.printIP6After(" to ", b, 8)
		if nd.Verbose > 0 && !icmp6OptPrint(nd, b, 40, length-40) {
			nd.PrintTrunc()
			return
		}
	case icmp6RouterRenumbering:
		icmp6RRenumPrint(nd, b)
	case icmp6NIQuery, icmp6NIReply:
		icmp6NodeInfoPrint(nd, b, length)
	case icmp6IndSolicit, icmp6IndAdvert:
	case icmp6MLDv2Report:
		mldv2ReportPrint(nd, b, length)
	case icmp6MobPrefixSolicit, icmp6HADiscovRequest:
		nd.Printf(", id 0x%04x", getBE16(b, 4))
	case icmp6HADiscovReply:
		if nd.Verbose > 0 {
			nd.Printf(", id 0x%04x", getBE16(b, 4))
			for p := 8; p < length; p += 16 {
				nd.printIP6After(", ", b, p)
			}
		}
	case icmp6MobPrefixAdvert:
		if nd.Verbose > 0 {
			nd.Printf(", id 0x%04x", getBE16(b, 4))
			flags := getBE16(b, 6)
			if flags&0xc000 != 0 {
				nd.Print(" ")
			}
			if flags&0x8000 != 0 {
				nd.Print("M")
			}
			if flags&0x4000 != 0 {
				nd.Print("O")
			}
			if !icmp6OptPrint(nd, b, 8, length-8) {
				nd.PrintTrunc()
				return
			}
		}
	case icmp6RPL:
		rplPrint(nd, code, rest(b, 4), length-4)
	default:
		nd.Print(", length ")
		nd.PrintUint(uint64(length))
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, 0, "\n\t", length)
		}
		return
	}
	if nd.Verbose == 0 {
		nd.Print(", length ")
		nd.PrintUint(uint64(length))
	}
}

// icmp6PortUnreachPrint prints the destination and port of the packet a
// port-unreachable error quotes, from its IPv6 header at b[off:].
func icmp6PortUnreachPrint(nd *ND, b []byte, off int) {
	uh, prot := icmp6UpperLayer(b, off)
	if uh < 0 {
		trunc()
	}
	dport := getBE16(b, uh+2)
	nd.printIP6After(", ", b, off+24)
	switch prot {
	case ipProtoTCP:
		nd.Print(" tcp port ")
		nd.PrintTCPPort(dport)
	case ipProtoUDP:
		nd.Print(" udp port ")
		nd.PrintUDPPort(dport)
	default:
		nd.Printf(" protocol %d port %d unreachable", prot, dport)
	}
}

// icmp6UpperLayer walks the extension headers of the IPv6 packet at
// b[off:] to its TCP or UDP header and returns that header's offset and
// protocol, or -1 when it cannot be reached (get_upperlayer).
func icmp6UpperLayer(b []byte, off int) (int, uint8) {
	if !ttest(b, off+6, 1) {
		return -1, 0
	}
	nh := b[off+6]
	hlen := ip6HdrLen
	for off < len(b) {
		off += hlen
		switch nh {
		case ipProtoUDP, ipProtoTCP:
			if ttest(b, off+2, 2) {
				return off, nh
			}
			return -1, 0
		case ipProtoHopOpts, ipProtoDstOpts, ipProtoRouting:
			if !ttest(b, off+1, 1) {
				return -1, 0
			}
			nh = b[off]
			hlen = (int(b[off+1]) + 1) << 3
		case ipProtoFragment:
			if !ttest(b, off+2, 2) {
				return -1, 0
			}
			if getBE16(b, off+2)&0xfff8 != 0 {
				return -1, 0
			}
			nh = b[off]
			hlen = 8
		case ipProtoAH:
			if !ttest(b, off+1, 1) {
				return -1, 0
			}
			nh = b[off]
			hlen = (int(b[off+1]) + 2) << 2
		default:
			return -1, nh
		}
	}
	return -1, 0
}

// lifetimeString formats an option lifetime: "infinity" or "Ns".
func lifetimeString(v uint32) string {
	if v == 0xffffffff {
		return "infinity"
	}
	return uitoa(v) + "s"
}

func uitoa(v uint32) string {
	var buf [10]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(buf[i:])
		}
	}
}

// icmp6OptPrint prints the neighbour discovery options from b[off:];
// resid is what the ICMPv6 length leaves for them. False means they
// were cut short (icmp6_opt_print).
func icmp6OptPrint(nd *ND, b []byte, off, resid int) bool {
	base := off
	for cp := off; cp < len(b); {
		if !ttest(b, cp+1, 1) {
			return false
		}
		if resid <= 0 {
			return true
		}
		typ, optLen := getU8(b, cp), int(getU8(b, cp+1))
		n := optLen << 3
		if optLen == 0 || cp+n > len(b) {
			return false
		}
		nd.Print("\n\t  ")
		nd.Print(tok2strNoAlloc(ndOptNames, "unknown", uint32(typ)))
		nd.Printf(" option (%d), length %d (%d): ", typ, n, optLen)

		switch typ {
		case ndOptSourceLinkAddr, ndOptTargetLinkAddr:
			for i := 2; i < n; i++ {
				if i > 2 {
					nd.Print(":")
				}
				nd.PrintHex(uint64(getU8(b, cp+i)), 2)
			}
		case ndOptPrefixInfo:
			tcheck(b, cp, 32)
			nd.PrintIP6Addr(b, cp+16)
			nd.Print("/")
			nd.PrintUint(uint64(getU8(b, cp+2)))
			if optLen != 4 {
				nd.Print("badlen")
			}
			nd.Print(", Flags [")
			nd.Print(bittok2str(icmp6PrefixFlags, "none", uint32(getU8(b, cp+3))))
			nd.Print("], valid time ")
			nd.Print(lifetimeString(getBE32(b, cp+4)))
			nd.Print(", pref. time ")
			nd.Print(lifetimeString(getBE32(b, cp+8)))
		case ndOptRedirectedHdr:
			unknownDataPrint(nd, b, base, "\n\t    ", n)
		case ndOptMTU:
			mtu := getBE32(b, cp+4)
			nd.Print(" ")
			nd.PrintUint(uint64(mtu))
			if optLen != 1 {
				nd.Print("bad option length")
			}
		case ndOptRDNSS:
			nd.Printf(" lifetime %ds,", getBE32(b, cp+4))
			for i := 0; i < (optLen-1)/2; i++ {
				nd.printIP6After(" addr: ", b, cp+8+16*i)
			}
		case ndOptDNSSL:
			nd.Printf(" lifetime %ds, domain(s):", getBE32(b, cp+4))
			d := dnsMsg{nd: nd, b: b}
			for dom := cp + 8; dom < cp+n && getU8(b, dom) != 0; {
				nd.Print(" ")
				if dom = d.printName(dom, base); dom < 0 {
					return false
				}
			}
		case ndOptAdvInterval:
			nd.Printf(" %dms", getBE32(b, cp+4))
		case ndOptHomeAgentInfo:
			pref, life := getBE16(b, cp+4), getBE16(b, cp+6)
			nd.Printf(" preference %d, lifetime %d", pref, life)
		case ndOptRouteInfo:
			if !ttest(b, cp+4, 4) {
				return false
			}
			var prefix [16]byte
			switch optLen {
			case 1:
			case 2:
				tcheck(b, cp+8, 8)
				copy(prefix[:], b[cp+8:cp+16])
			case 3:
				tcheck(b, cp+8, 16)
				copy(prefix[:], b[cp+8:cp+24])
			default:
				return false
			}
			nd.Print(" ")
			nd.PrintIP6Addr(prefix[:], 0)
			nd.Print("/")
			nd.PrintUint(uint64(getU8(b, cp+2)))
			nd.Print(", pref=")
			nd.Print(routerPref(getU8(b, cp+3)))
			nd.Print(", lifetime=")
			nd.Print(lifetimeString(getBE32(b, cp+4)))
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, cp+2, "\n\t  ", n-2)
				return true
			}
		}
		if nd.Verbose > 1 {
			unknownDataPrint(nd, b, cp+2, "\n\t    ", n-2)
		}
		cp += n
		resid -= n
	}
	return true
}

// mld6Print prints an MLDv1 message: maximum response delay and group.
func mld6Print(nd *ND, b []byte) {
	if len(b) < 24 {
		return
	}
	delay := getBE16(b, 4)
	nd.Print("max resp delay: ")
	nd.PrintUint(uint64(delay))
	nd.Print(" ")
	nd.printIP6After("addr: ", b, 8)
}

// mldv2ReportPrint prints an MLDv2 report: the group records with -v,
// their sources with -vv.
func mldv2ReportPrint(nd *ND, b []byte, length int) {
	if length < 8 {
		nd.Printf(" [invalid len %d]", length)
		return
	}
	ngroups := int(getBE16(b, 6))
	nd.Printf(", %d group record(s)", ngroups)
	if nd.Verbose == 0 {
		return
	}
	group := 8
	for i := 0; i < ngroups; i++ {
		if length < group+20 {
			nd.Print(" [invalid number of groups]")
			return
		}
		nd.printIP6After(" [gaddr ", b, group+4)
		nd.Print(" ")
		nd.Print(tok2str(mldv2RecordTypes, " [v2-report-#%d]", uint32(getU8(b, group))))
		nsrcs := int(getBE16(b, group+2))
		if length < group+20+nsrcs*16 {
			nd.Printf(" [invalid number of sources %d]", nsrcs)
			return
		}
		if nd.Verbose == 1 {
			nd.Printf(", %d source(s)", nsrcs)
		} else {
			nd.Print(" {")
			for j := 0; j < nsrcs; j++ {
				nd.printIP6After(" ", b, group+20+16*j)
			}
			nd.Print(" }")
		}
		group += 20 + nsrcs*16
		nd.Print("]")
	}
}

// mldv2QueryPrint prints an MLDv2 query.
func mldv2QueryPrint(nd *ND, b []byte, length int) {
	if length < 28 {
		nd.Printf(" [invalid len %d]", length)
		return
	}
	mrc := uint32(getBE16(b, 4))
	mrt := mrc
	if mrc >= 32768 {
		mrt = (mrc&0x0fff | 0x1000) << ((mrc&0x7000)>>12 + 3)
	}
	if nd.Verbose > 0 {
		nd.Printf(" [max resp delay=%d]", mrt)
	}
	nd.printIP6After(" [gaddr ", b, 8)
	if nd.Verbose > 0 {
		sqrv := getU8(b, 24)
		if sqrv&0x08 != 0 {
			nd.Print(" sflag")
		}
		if sqrv&0x07 != 0 {
			nd.Printf(" robustness=%d", sqrv&0x07)
		}
		qqic := uint32(getU8(b, 25))
		qqi := qqic
		if qqic >= 128 {
			qqi = (qqic&0x0f | 0x10) << ((qqic&0x70)>>4 + 3)
		}
		nd.Printf(" qqi=%d", qqi)
	}
	if nsrcs := int(getBE16(b, 26)); nsrcs > 0 {
		switch {
		case length < 28+nsrcs*16:
			nd.Print(" [invalid number of sources]")
		case nd.Verbose > 1:
			nd.Print(" {")
			for i := 0; i < nsrcs; i++ {
				nd.printIP6After(" ", b, 28+16*i)
			}
			nd.Print(" }")
		default:
			nd.Printf(", %d source(s)", nsrcs)
		}
	}
	nd.Print("]")
}

// Node information query types (RFC 4620).
const (
	niQtypeNoop     = 0
	niQtypeSupTypes = 1
	niQtypeDNSName  = 2
	niQtypeNodeAddr = 3
)

// niNodeAddrFlags renders the flags of a node-addresses query or reply:
// "aGSLCA", plus "T" (truncated) for replies.
func niNodeAddrFlags(nd *ND, flags uint16, reply bool) {
	nd.Print(" [")
	for _, f := range [...]struct {
		bit uint16
		c   byte
	}{{0x40, 'a'}, {0x20, 'G'}, {0x10, 'S'}, {0x08, 'L'}, {0x04, 'C'}, {0x02, 'A'}} {
		if flags&f.bit != 0 {
			nd.PrintByte(f.c)
		}
	}
	if reply && flags&0x01 != 0 {
		nd.PrintByte('T')
	}
	nd.Print("]")
}

// icmp6NodeInfoPrint prints a node information query or reply
// (icmp6_nodeinfo_print). siz, what was captured, is len(b).
func icmp6NodeInfoPrint(nd *ND, b []byte, icmp6Len int) {
	siz := len(b)
	switch getU8(b, 0) {
	case icmp6NIQuery:
		if siz == 12 {
			nd.Print(" who-are-you request")
			return
		}
		nd.Print(" node information query")
		if !ttest(b, 0, 16) {
			nd.PrintTrunc()
			return
		}
		nd.Print(" (")
		qtype := getBE16(b, 4)
		switch qtype {
		case niQtypeNoop:
			nd.Print("noop")
		case niQtypeSupTypes:
			nd.Print("supported qtypes")
			if getBE16(b, 6) != 0 {
				niSupTypesFlag(nd, getBE16(b, 6))
			}
		case niQtypeDNSName:
			nd.Print("DNS name")
		case niQtypeNodeAddr:
			nd.Print("node addresses")
			if flags := getBE16(b, 6); flags != 0 {
				niNodeAddrFlags(nd, flags, false)
			}
		default:
			nd.Print("unknown")
		}
		if qtype == niQtypeNoop || qtype == niQtypeSupTypes {
			if siz != 16 && nd.Verbose > 0 {
				nd.Print(", invalid len")
			}
			nd.Print(")")
			return
		}
		if siz == 16 {
			nd.Print(", 03 draft)")
			return
		}
		switch getU8(b, 1) {
		case 0: // subject is an IPv6 address
			if !ttest(b, 0, 32) {
				break
			}
			if siz != 32 {
				if nd.Verbose > 0 {
					nd.Print(", invalid subject len")
				}
				break
			}
			nd.printIP6After(", subject=", b, 16)
		case 1: // subject is a DNS name
			nd.Print(", subject=DNS name")
			niNamePrint(nd, b, 16)
		case 2: // subject is an IPv4 address
			if !ttest(b, 0, 20) {
				break
			}
			if siz != 20 {
				if nd.Verbose > 0 {
					nd.Print(", invalid subject len")
				}
				break
			}
			tcheck(b, 16, 4)
			nd.Print(", subject=")
			nd.PrintIPAddr(b, 16)
		default:
			nd.Print(", unknown subject")
		}
		nd.Print(")")

	case icmp6NIReply:
		if icmp6Len > siz {
			nd.PrintTrunc()
			return
		}
		if !ttest(b, 0, 16) {
			nd.PrintTrunc()
			return
		}
		nd.Print(" node information reply (")
		needComma := false
		code := getU8(b, 1)
		switch code {
		case 0:
			if nd.Verbose > 0 {
				nd.Print("success")
				needComma = true
			}
		case 1, 2:
			if code == 1 {
				nd.Print("refused")
			} else {
				nd.Print("unknown")
			}
			needComma = true
			if siz != 16 && nd.Verbose > 0 {
				nd.Print(", invalid length")
			}
		}
		if code != 0 {
			nd.Print(")")
			return
		}
		if needComma {
			nd.Print(", ")
		}
		switch getBE16(b, 4) {
		case niQtypeNoop:
			nd.Print("noop")
			if siz != 16 && nd.Verbose > 0 {
				nd.Print(", invalid length")
			}
		case niQtypeSupTypes:
			nd.Print("supported qtypes")
			if flags := getBE16(b, 6); flags != 0 {
				niSupTypesFlag(nd, flags)
			}
		case niQtypeDNSName:
			nd.Print("DNS name")
			niNamePrint(nd, b, 20)
			if getBE16(b, 6)&0x01 != 0 {
				nd.Printf(" [TTL=%d]", getBE32(b, 16))
			}
		case niQtypeNodeAddr:
			nd.Print("node addresses")
			for i := 16; i < siz && i+20 <= siz; i += 20 {
				tcheck(b, i, 20)
				nd.printIP6After(" ", b, i+4)
				nd.Printf("(%d)", getBE32(b, i))
			}
			if flags := getBE16(b, 6); flags != 0 {
				niNodeAddrFlags(nd, flags, true)
			}
		default:
			nd.Print("unknown")
		}
		nd.Print(")")
	}
}

func niSupTypesFlag(nd *ND, flags uint16) {
	if flags&0x01 != 0 {
		nd.Print(" [C]")
	} else {
		nd.Print(" []")
	}
}

// niNamePrint prints the name of a node information message at b[cp:]:
// a length-prefixed string (icmp-name-lookup-03) or DNS labels.
func niNamePrint(nd *ND, b []byte, cp int) {
	if int(getU8(b, cp)) == len(b)-cp-1 {
		if nd.Verbose > 0 {
			nd.Print(", 03 draft")
		}
		nd.Print(", \"")
		for cp++; cp < len(b); cp++ {
			nd.printChar(b[cp])
		}
		nd.Print("\"")
		return
	}
	niDNSNamePrint(nd, b, cp)
}

// niDNSNamePrint prints DNS labels without decompression, quoted
// (dnsname_print).
func niDNSNamePrint(nd *ND, b []byte, cp int) {
	nd.Print(", \"")
	niLabelsPrint(nd, b, cp)
	nd.Print("\"")
}

// niLabelsPrint prints the labels from b[cp:] to the end of b: a final
// empty label prints as a trailing dot, anything malformed as "???".
func niLabelsPrint(nd *ND, b []byte, cp int) {
	ep := len(b)
	for cp < ep {
		i := int(getU8(b, cp))
		cp++
		if i == 0 {
			switch {
			case cp == ep:
				nd.Print(".")
			case cp+1 == ep && getU8(b, cp) == 0:
				// A name cut short by the message's end.
			default:
				nd.Print("???")
			}
			return
		}
		if i > ep-cp {
			nd.Print("???")
			return
		}
		for ; i > 0; i-- {
			nd.printChar(b[cp])
			cp++
		}
		if cp+1 < ep && getU8(b, cp) != 0 {
			nd.Print(".")
		}
	}
}

// icmp6RRenumPrint prints an RFC 2894 router renumbering message.
func icmp6RRenumPrint(nd *ND, b []byte) {
	if !ttest(b, 12, 4) {
		nd.PrintTrunc()
		return
	}
	code := getU8(b, 1)
	switch code {
	case 0:
		nd.Print(", command")
	case 1:
		nd.Print(", result")
	case 255:
		nd.Print(", sequence number reset")
	default:
		nd.Printf(", code-#%d", code)
	}
	nd.Print(", seq=")
	nd.PrintUint(uint64(getBE32(b, 4)))

	if nd.Verbose > 0 {
		flags := getU8(b, 9)
		nd.Print("[")
		if flags != 0 {
			for _, f := range [...]struct {
				bit uint8
				c   byte
			}{{0x80, 'T'}, {0x40, 'R'}, {0x20, 'A'}, {0x10, 'S'}, {0x08, 'P'}} {
				if flags&f.bit != 0 {
					nd.PrintByte(f.c)
				}
			}
			nd.Print(",")
		}
		nd.Printf("seg=%d,", getU8(b, 8))
		nd.Printf("maxdelay=%d", getBE16(b, 10))
		if rsvd := getBE32(b, 12); rsvd != 0 {
			nd.Printf("rsvd=0x%x", rsvd)
		}
		nd.Print("]")
	}
	if code != 0 {
		return
	}

	sep := " "
	if nd.Verbose > 1 {
		sep = "\n\t"
	}
	const match = 16 // the match-prefix part
	if !ttest(b, match+8, 16) {
		nd.PrintTrunc()
		return
	}
	nd.Print(sep)
	nd.Print("match(")
	switch op := getU8(b, match); op {
	case 1:
		nd.Print("add")
	case 2:
		nd.Print("change")
	case 3:
		nd.Print("setglobal")
	default:
		nd.Printf("#%d", op)
	}
	if nd.Verbose > 0 {
		nd.Printf(",ord=%d,min=%d,max=%d", getU8(b, match+2), getU8(b, match+4), getU8(b, match+5))
	}
	nd.Print(",")
	nd.out = appendIPv6(nd.out, b[match+8:match+24])
	nd.Printf("/%d)", getU8(b, match+3))

	n := int(getU8(b, match+1)) - 3
	if n%4 != 0 {
		nd.PrintTrunc()
		return
	}
	for use, i := match+24, 0; i < n/4; use, i = use+32, i+1 {
		if !ttest(b, use+16, 16) {
			nd.PrintTrunc()
			return
		}
		nd.Print(sep)
		nd.Print("use(")
		if flags := getU8(b, use+12); flags != 0 {
			if flags&0x80 != 0 {
				nd.Print("V")
			}
			if flags&0x40 != 0 {
				nd.Print("P")
			}
			nd.Print(",")
		}
		if nd.Verbose > 0 {
			nd.Printf("mask=0x%x,raflags=0x%x,", getU8(b, use+2), getU8(b, use+3))
			for _, t := range [...]struct {
				name string
				off  int
			}{{"vltime", 4}, {"pltime", 8}} {
				if v := getBE32(b, use+t.off); v == 0xffffffff {
					nd.Print(t.name + "=infty,")
				} else {
					nd.Printf("%s=%d,", t.name, v)
				}
			}
		}
		nd.out = appendIPv6(nd.out, b[use+16:use+32])
		nd.Printf("/%d/%d)", getU8(b, use), getU8(b, use+1))
	}
}

// RPL (RFC 6550) message codes and option names.
var rplModes = []tok{
	{0, "nonstoring"},
	{1, "storing"},
	{2, "nonstoring-multicast"},
	{3, "storing-multicast"},
}

var rplSubopts = []tok{
	{0, "pad1"},
	{1, "padN"},
	{2, "metrics"},
	{3, "routinginfo"},
	{4, "config"},
	{5, "rpltarget"},
	{6, "transitinfo"},
	{8, "destprefix"},
	{9, "rpltargetdesc"},
}

// rplPrint prints an RPL control message; b starts after the ICMPv6
// type, code and checksum.
func rplPrint(nd *ND, code uint8, b []byte, length int) {
	if code&0x80 != 0 {
		nd.Print(", (SEC) [worktodo]")
		return
	}
	nd.Print(", (CLR)")
	switch code & 0x7f {
	case 0:
		nd.Print("DODAG Information Solicitation")
	case 1:
		nd.Print("DODAG Information Object")
		if nd.Verbose > 0 {
			rplDIOPrint(nd, b, length)
		}
	case 2:
		nd.Print("Destination Advertisement Object")
		if nd.Verbose > 0 {
			rplDAOPrint(nd, b, length, false)
		}
	case 3:
		nd.Print("Destination Advertisement Object Ack")
		if nd.Verbose > 0 {
			rplDAOPrint(nd, b, length, true)
		}
	default:
		nd.Printf("RPL message, unknown code %d", code)
	}
}

func rplDIOPrint(nd *ND, b []byte, length int) {
	if length < 24 {
		nd.PrintInvalid()
		return
	}
	tcheck(b, 0, 24)
	mopprf := getU8(b, 4)
	nd.Print(" [dagid:")
	nd.PrintIP6Addr(b, 8)
	nd.Printf(",seq:%d,instance:%d,rank:%d,", getU8(b, 5), getU8(b, 0), getBE16(b, 2))
	if mopprf&0x80 != 0 {
		nd.Print("grounded,")
	}
	nd.Printf("mop:%s,prf:%d]", tok2str(rplModes, "mop%d", uint32((mopprf>>3)&7)), mopprf&7)
	if nd.Verbose > 1 {
		rplOptsPrint(nd, rest(b, 24), length-24)
	}
}

// rplDAOPrint prints a DAO or (ack) a DAO-ACK: both have a 4-byte fixed
// part and a DODAG ID when their D flag is set.
func rplDAOPrint(nd *ND, b []byte, length int, ack bool) {
	tooShort := " [|length too short]"
	dFlag := uint8(0x40)
	fixed := 20 // tcpdump checks for the DODAG ID even when elided
	if ack {
		tooShort = " [|dao-length too short]"
		dFlag = 0x80
		fixed = 4
	}
	if !ttest(b, 0, fixed) {
		nd.PrintTrunc()
		return
	}
	if length < 4 {
		nd.Print(tooShort)
		return
	}
	off := 4
	length -= 4
	flags := getU8(b, 1)
	dagid := -1
	if flags&dFlag != 0 {
		if !ttest(b, 4, 16) {
			nd.PrintTrunc()
			return
		}
		if length < 16 {
			nd.Print(tooShort)
			return
		}
		dagid = 4
		off += 16
		length -= 16
	}
	nd.Print(" [dagid:")
	if dagid < 0 {
		nd.Print("<elided>")
	} else {
		nd.PrintIP6Addr(b, dagid)
	}
	if ack {
		nd.Printf(",seq:%d,instance:%d,status:%d]", getU8(b, 2), getU8(b, 0), getU8(b, 3))
	} else {
		nd.Printf(",seq:%d,instance:%d", getU8(b, 3), getU8(b, 0))
		if flags&0x80 != 0 {
			nd.Print(",acK")
		}
		if flags&0x40 != 0 {
			nd.Print(",Dagid")
		}
		nd.Printf(",%02x]", flags)
	}
	if nd.Verbose > 1 {
		rplOptsPrint(nd, rest(b, off), length)
	}
}

func rplOptsPrint(nd *ND, b []byte, length int) {
	for off := 0; length > 0; {
		typ := getU8(b, off)
		optLen := 1
		if typ == 0 {
			nd.Print(" opt:pad1")
		} else {
			if length < 2 {
				nd.PrintTrunc()
				return
			}
			optLen = int(getU8(b, off+1)) + 2
			nd.Printf(" opt:%s len:%d ", tok2str(rplSubopts, "subopt:%d", uint32(typ)), optLen)
			if !ttest(b, off, optLen) || length < optLen {
				nd.PrintTrunc()
				return
			}
			if nd.Verbose > 2 {
				nd.HexPrint(" ", b[off+2:off+optLen])
			}
		}
		off += optLen
		length -= optLen
	}
}
