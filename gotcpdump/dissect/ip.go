package dissect

func init() {
	registerEtherType(etherTypeIPv4, ipPrint)
	registerIPProto(4, func(nd *ND, b []byte, length int, _ *ipInfo) { ipPrint(nd, b, length) })
}

var ipFragNames = []tok{
	{0x2000, "+"},
	{0x4000, "DF"},
	{0x8000, "rsvd"},
}

var ipOptionNames = []tok{
	{0, "EOL"},
	{1, "NOP"},
	{68, "timestamp"},
	{130, "security"},
	{7, "RR"},
	{137, "SSRR"},
	{131, "LSRR"},
	{148, "RA"},
	{82, "traceroute"},
}

// ipPrint prints an IPv4 datagram (tcpdump's ip_print).
func ipPrint(nd *ND, b []byte, length int) {
	nd.SetProto("ip")
	vhl := getU8(b, 0)
	if vhl>>4 != 4 {
		if vhl>>4 == 6 {
			nd.Print("IP6, wrong link-layer encapsulation")
		} else {
			nd.Print("IP")
			nd.PrintUint(uint64(vhl >> 4))
		}
		nd.PrintInvalid()
		return
	}
	if !nd.LinkHeader {
		nd.Print("IP ")
	}
	// ND_TCHECK_SIZE: a normal return with the marker (unlike the GET_
	// reads, it keeps the link header out of -x).
	if !ttest(b, 0, 20) {
		nd.PrintTrunc()
		return
	}
	if length < 20 {
		nd.Print("truncated-ip ")
		nd.PrintUint(uint64(length))
		return
	}
	hlen := int(vhl&0x0f) * 4
	if hlen < 20 {
		nd.Print("bad-hlen ")
		nd.PrintUint(uint64(hlen))
		return
	}
	ipLen := int(getBE16(b, 2))
	if length < ipLen {
		nd.Print("truncated-ip - ")
		nd.PrintUint(uint64(ipLen - length))
		nd.Print(" bytes missing! ")
	}
	if ipLen < hlen {
		nd.Print("bad-len ")
		nd.PrintUint(uint64(ipLen))
		return
	}
	// The IP length bounds what the payload printers may read.
	b = clip(b, ipLen)
	payloadLen := ipLen - hlen
	off := getBE16(b, 6)
	proto := getU8(b, 9)

	if nd.Verbose > 0 {
		truncated := false
		tos := getU8(b, 1)
		nd.Print("(tos 0x")
		nd.PrintHex(uint64(tos), 0)
		switch tos & 3 {
		case 1:
			nd.Print(",ECT(1)")
		case 2:
			nd.Print(",ECT(0)")
		case 3:
			nd.Print(",CE")
		}
		if ttl := getU8(b, 8); ttl >= 1 {
			nd.Print(", ttl ")
			nd.PrintUint(uint64(ttl))
		}
		nd.Print(", id ")
		nd.PrintUint(uint64(getBE16(b, 4)))
		nd.Print(", offset ")
		nd.PrintUint(uint64(off&0x1fff) * 8)
		nd.Print(", flags [")
		printBitNames(nd, ipFragNames, uint32(off&0xe000), ", ", "none")
		nd.Print("], proto ")
		nd.Print(tok2strNoAlloc(ipProtoNames, "unknown", uint32(proto)))
		nd.Print(" (")
		nd.PrintUint(uint64(proto))
		nd.Print("), length ")
		nd.PrintUint(uint64(getBE16(b, 2)))
		if hlen > 20 {
			nd.Print(", options (")
			if !ipOptPrint(nd, rest(b, 20), hlen-20) {
				nd.Print(" [truncated-option]")
				truncated = true
			}
			nd.Print(")")
		}
		if !nd.NoChecksum && len(b) >= hlen {
			if sum := inCksum(b[:hlen]); sum != 0 {
				ipSum := getBE16(b, 10)
				nd.Printf(", bad cksum %x (->%x)!", ipSum, cksumShouldBe(ipSum, sum))
			}
		}
		nd.Print(")\n    ")
		if truncated {
			nd.PrintIPAddr(b, 12)
			nd.Print(" > ")
			nd.PrintIPAddr(b, 16)
			nd.Print(": ")
			nd.PrintTrunc()
			return
		}
	}

	if off&0x1fff == 0 {
		if proto != 6 && proto != 17 && proto != 132 && proto != 33 {
			nd.PrintIPAddr(b, 12)
			nd.Print(" > ")
			nd.PrintIPAddr(b, 16)
			nd.Print(": ")
		}
		if !ttest(b, 0, hlen) {
			nd.Printf(" [remaining caplen(%d) < header length(%d)]", len(b), hlen)
			trunc()
		}
		ip := nd.newIPInfo()
		*ip = ipInfo{
			ver:        4,
			hdr:        b[:hlen],
			src:        b[12:16],
			dst:        b[16:20],
			cksumDst:   ipFindDst(b, hlen),
			fragmented: off&0x2000 != 0,
			ttl:        getU8(b, 8),
			nextHdr:    proto,
		}
		ipDemuxPrint(nd, b[hlen:], payloadLen, ip)
		return
	}
	nd.PrintIPAddr(b, 12)
	nd.Print(" > ")
	nd.PrintIPAddr(b, 16)
	nd.Print(":")
	if name := netdbProtoName(proto); name != "" && nd.NoResolve == 0 {
		nd.Print(" ")
		nd.Print(name)
	} else {
		nd.Print(" ip-proto-")
		nd.PrintUint(uint64(proto))
	}
}

// ipFindDst returns the final destination of a source-routed datagram
// (the last address of a valid LSRR/SSRR option), else the header's
// destination: what the TCP/UDP pseudo-header uses (ip_finddst).
func ipFindDst(b []byte, hlen int) []byte {
	dst := b[16:20]
	if hlen == 20 {
		return dst
	}
	opts := rest(b, 20)
	length := hlen - 20
	for i := 0; length > 0; {
		if i >= len(opts) {
			return dst
		}
		tt := opts[i]
		var olen int
		switch tt {
		case 0:
			return dst
		case 1:
			olen = 1
		default:
			if i+1 >= len(opts) {
				return dst
			}
			olen = int(opts[i+1])
			if olen < 2 {
				return dst
			}
		}
		if length < olen || i+olen > len(opts) {
			return dst
		}
		if (tt == 131 || tt == 137) && olen >= 7 {
			return opts[i+olen-4 : i+olen]
		}
		i += olen
		length -= olen
	}
	return dst
}

// ipOptPrint prints IPv4 options; false means they were cut short.
func ipOptPrint(nd *ND, b []byte, length int) (ok bool) {
	sep := ""
	for off := 0; length > 0; {
		nd.Print(sep)
		sep = ","
		// The code and length are GET_U_1 reads (a cut stops the packet);
		// only the whole option's check reports "[truncated-option]".
		code := getU8(b, off)
		nd.Print(tok2str(ipOptionNames, "unknown %d", uint32(code)))
		var olen int
		if code == 0 || code == 1 {
			olen = 1
		} else {
			olen = int(getU8(b, off+1))
			if olen < 2 {
				nd.Printf(" [bad length %d]", olen)
				return true
			}
		}
		if olen > length {
			nd.Printf(" [bad length %d]", olen)
			return true
		}
		if !ttest(b, off, olen) {
			return false
		}
		opt := b[off : off+olen]
		switch code {
		case 0:
			return true
		case 68:
			if !ipPrintTS(nd, opt, olen) {
				return false
			}
		case 7, 131, 137:
			if !ipPrintRoute(nd, opt, olen) {
				return false
			}
		case 148:
			if olen < 4 {
				nd.Printf(" [bad length %d]", olen)
				break
			}
			if v := uint16(opt[2])<<8 | uint16(opt[3]); v != 0 {
				nd.Printf(" value %d", v)
			}
		}
		off += olen
		length -= olen
	}
	return true
}

func ipPrintRoute(nd *ND, cp []byte, length int) bool {
	if length < 3 {
		nd.Printf(" [bad length %d]", length)
		return true
	}
	if (length+1)&3 != 0 {
		nd.Printf(" [bad length %d]", length)
	}
	ptr := int(cp[2]) - 1
	if ptr < 3 || (ptr+1)&3 != 0 || ptr > length+1 {
		nd.Printf(" [bad ptr %d]", cp[2])
	}
	for l := 3; l < length; l += 4 {
		if !ttest(cp, l, 4) {
			return false
		}
		nd.Print(" ")
		nd.PrintIPAddr(cp, l)
		if ptr > l {
			nd.Print(",")
		}
	}
	return true
}

func ipPrintTS(nd *ND, cp []byte, length int) bool {
	if length < 4 {
		nd.Printf("[bad length %d]", length)
		return true
	}
	nd.Print(" TS{")
	hoplen := 8
	if cp[3]&0xf == 0 { // IPOPT_TS_TSONLY
		hoplen = 4
	}
	if (length-4)&(hoplen-1) != 0 {
		nd.Printf("[bad length %d]", length)
	}
	ptr := int(cp[2]) - 1
	l := 0
	if ptr < 4 || (ptr-4)&(hoplen-1) != 0 || ptr > length+1 {
		nd.Printf("[bad ptr %d]", cp[2])
	}
	switch cp[3] & 0xf {
	case 0:
		nd.Print("TSONLY")
	case 1:
		nd.Print("TS+ADDR")
	case 3:
		nd.Print("PRESPEC")
	default:
		nd.Printf("[bad ts type %d]", cp[3]&0xf)
		goto done
	}
	{
		typ := " "
		for l = 4; l < length; l += hoplen {
			if ptr == l {
				typ = " ^ "
			}
			if !ttest(cp, l, hoplen) {
				return false
			}
			nd.Print(typ)
			nd.PrintUint(uint64(getBE32(cp, l+hoplen-4)))
			nd.Print("@")
			if hoplen == 8 {
				nd.PrintIPAddr(cp, l)
			}
			typ = " "
		}
	}
done:
	if ptr == l {
		nd.Print(" ^ ")
	}
	if cp[3]>>4 != 0 {
		nd.Printf(" [%d hops not recorded]} ", cp[3]>>4)
	} else {
		nd.Print("}")
	}
	return true
}
