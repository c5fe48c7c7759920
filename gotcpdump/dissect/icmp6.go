package dissect

// ICMPv6 (tcpdump's print-icmp6.c): errors, echo, MLD and MLDv2,
// neighbour discovery (options in icmp6_nd.go), RFC 2894 router
// renumbering and RFC 4620 node information (icmp6_info.go), mobile IPv6
// messages and RPL (rpl.go).

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
			if !icmp6PortUnreachPrint(nd, b, oip) {
				nd.PrintTrunc()
				return
			}
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
		if !ttest(b, oip+24, 16) {
			nd.PrintTrunc()
			return
		}
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
// port-unreachable error quotes, from its IPv6 header at b[off:]; false
// when its TCP or UDP header cannot be reached.
func icmp6PortUnreachPrint(nd *ND, b []byte, off int) bool {
	uh, prot := icmp6UpperLayer(b, off)
	if uh < 0 {
		return false
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
	return true
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
