package dissect

// IPv6 extension headers: hop-by-hop and destination options
// (print-ip6opts.c), routing headers (print-rt6.c), the fragment header
// (print-frag6.c) and the mobility header (print-mobility.c). Each
// printer returns the header's length, or -1 when the walk over the
// header chain must stop.

// IPv6 option types (RFC 8200 and friends).
const (
	ip6OptPad1        = 0x00
	ip6OptPadN        = 0x01
	ip6OptRouterAlert = 0x05
	ip6OptJumbo       = 0xc2
	ip6OptHomeAddress = 0xc9

	ip6OptMinLen         = 2
	ip6OptRtAlertLen     = 4
	ip6OptJumboLen       = 6
	ip6OptHomeAddrMinLen = 18
)

// hbhOptPrint prints a hop-by-hop options header. It always decodes the
// options, to find a Jumbo Payload option: a valid one sets *foundJumbo
// and replaces *payloadLen (hbhopt_process).
func hbhOptPrint(nd *ND, b []byte, foundJumbo *bool, payloadLen *uint32) int {
	nd.SetProto("hbhopt")
	n := (int(getU8(b, 1)) + 1) << 3
	if !ttest(b, 0, n) {
		nd.PrintTrunc()
		return -1
	}
	nd.Print("HBH ")
	if !ip6OptPrint(nd, b[2:n], foundJumbo, payloadLen) {
		nd.PrintTrunc()
		return -1
	}
	return n
}

// dstOptPrint prints a destination options header; its options only
// with -v (dstopt_process).
func dstOptPrint(nd *ND, b []byte) int {
	nd.SetProto("dstopt")
	n := (int(getU8(b, 1)) + 1) << 3
	if !ttest(b, 0, n) {
		nd.PrintTrunc()
		return -1
	}
	nd.Print("DSTOPT ")
	// A Jumbo Payload option is only valid hop by hop: passing no
	// payload length makes ip6OptPrint report it as misplaced.
	if nd.Verbose > 0 && !ip6OptPrint(nd, b[2:n], nil, nil) {
		nd.PrintTrunc()
		return -1
	}
	return n
}

// ip6OptLen returns the length of the option at b[i:], or -1 when it
// runs past the end of the options (length n).
func ip6OptLen(b []byte, i, n int) int {
	if getU8(b, i) == ip6OptPad1 {
		return 1
	}
	if i+1 >= n {
		return -1
	}
	l := int(getU8(b, i+1)) + 2
	if i+l > n {
		return -1
	}
	return l
}

// ip6OptPrint prints the options of a hop-by-hop or destination header;
// false means they were cut short (ip6_opt_process). payloadLen is nil
// for destination options.
func ip6OptPrint(nd *ND, b []byte, foundJumbo *bool, payloadLen *uint32) bool {
	n := len(b)
	if n == 0 {
		return true
	}
	v := nd.Verbose > 0
	seenJumbo := false
	for i, optLen := 0, 0; i < n; i += optLen {
		if optLen = ip6OptLen(b, i, n); optLen < 0 {
			return false
		}
		typ := getU8(b, i)
		switch typ {
		case ip6OptPad1:
			if v {
				nd.Print("(pad1)")
			}
		case ip6OptPadN:
			if n-i < ip6OptMinLen {
				nd.Print("(padn: trunc)")
				return false
			}
			if v {
				nd.Print("(padn)")
			}
		case ip6OptRouterAlert:
			if n-i < ip6OptRtAlertLen {
				nd.Print("(rtalert: trunc)")
				return false
			}
			if l := getU8(b, i+1); l != ip6OptRtAlertLen-2 {
				nd.Printf("(rtalert: invalid len %d)", l)
				return false
			}
			if v {
				nd.Printf("(rtalert: 0x%04x) ", getBE16(b, i+2))
			}
		case ip6OptJumbo:
			if n-i < ip6OptJumboLen {
				nd.Print("(jumbo: trunc)")
				return false
			}
			if l := getU8(b, i+1); l != ip6OptJumboLen-2 {
				nd.Printf("(jumbo: invalid len %d)", l)
				return false
			}
			jumboLen := getBE32(b, i+2)
			var note string
			switch {
			case seenJumbo:
				note = " - already seen"
			case payloadLen == nil:
				note = " - not a hop-by-hop option"
			case *payloadLen != 0:
				note = " - payload len != 0"
			case jumboLen < 65536:
				note = " - < 65536"
			default:
				*foundJumbo = true
				*payloadLen = jumboLen
			}
			seenJumbo = true
			if v {
				nd.Printf("(jumbo: %d%s) ", jumboLen, note)
			}
		case ip6OptHomeAddress:
			if n-i < ip6OptHomeAddrMinLen {
				nd.Print("(homeaddr: trunc)")
				return false
			}
			l := getU8(b, i+1)
			if l < ip6OptHomeAddrMinLen-2 {
				nd.Printf("(homeaddr: invalid len %d)", l)
				return false
			}
			if v {
				nd.printIP6After("(homeaddr: ", b, i+2)
				if l > ip6OptHomeAddrMinLen-2 && !ip6SubOptPrint(nd, rest(b, i+ip6OptHomeAddrMinLen), optLen-ip6OptHomeAddrMinLen) {
					return false
				}
				nd.Print(")")
			}
		default:
			if n-i < ip6OptMinLen {
				nd.Printf("(type %d: trunc)", typ)
				return false
			}
			if v {
				nd.Printf("(opt_type 0x%02x: len=%d)", typ, getU8(b, i+1))
			}
		}
	}
	if v {
		nd.Print(" ")
	}
	return true
}

// ip6SubOptPrint prints the sub-options of a Home Address option
// (ip6_sopt_print).
func ip6SubOptPrint(nd *ND, b []byte, n int) bool {
	for i, optLen := 0, 0; i < n; i += optLen {
		if optLen = ip6OptLen(b, i, n); optLen < 0 {
			return false
		}
		switch typ := getU8(b, i); typ {
		case ip6OptPad1:
			nd.Print(", pad1")
		case ip6OptPadN:
			if n-i < ip6OptMinLen {
				nd.Print(", padn: trunc")
				return false
			}
			nd.Print(", padn")
		default:
			if n-i < ip6OptMinLen {
				nd.Printf(", sopt_type %d: trunc)", typ)
				return false
			}
			nd.Printf(", sopt_type 0x%02x: len=%d", typ, getU8(b, i+1))
		}
	}
	return true
}

// rt6Print prints a routing header: types 0 and 2 (a list of
// addresses) and 4 (segment routing, RFC 8754) (rt6_print).
func rt6Print(nd *ND, b []byte) int {
	nd.SetProto("rt6")
	nd.Print("RT6")
	n := int(getU8(b, 1))
	nd.Print(" (len=")
	nd.PrintUint(uint64(n))
	typ := getU8(b, 2)
	nd.Print(", type=")
	nd.PrintUint(uint64(typ))
	if typ == 0 {
		nd.Print(" [Deprecated]")
	}
	segLeft := getU8(b, 3)
	nd.Print(", segleft=")
	nd.PrintUint(uint64(segLeft))

	switch typ {
	case 0, 2:
		if rsv := getBE32(b, 4); rsv != 0 || nd.Verbose > 0 {
			nd.Print(", rsv=0x")
			nd.PrintHex(uint64(rsv), 0)
		}
	case 4:
		lastEntry := getU8(b, 4)
		nd.Print(", last-entry=")
		nd.PrintUint(uint64(lastEntry))
		if flags := getU8(b, 5); flags != 0 || nd.Verbose > 0 {
			nd.Print(", flags=0x")
			nd.PrintHex(uint64(flags), 0)
		}
		tag := getBE16(b, 6)
		nd.Print(", tag=")
		nd.PrintHex(uint64(tag), 0)
	default:
		nd.Print(" (unknown type)")
		nd.PrintInvalid()
		return -1
	}
	if n%2 == 1 {
		nd.Print(" (invalid length ")
		nd.PrintUint(uint64(n))
		nd.Print(")")
		nd.PrintInvalid()
		return -1
	}
	for i, p := 0, 8; i < n/2; i, p = i+1, p+16 {
		tcheck(b, p, 16)
		nd.Print(", [")
		nd.PrintUint(uint64(i))
		nd.Print("]")
		nd.PrintIP6Addr(b, p)
	}
	nd.Print(") ")
	return (int(getU8(b, 1)) + 1) << 3
}

// frag6Print prints a fragment header at offset off of the IPv6 datagram
// ip6. Only a first fragment has a payload worth decoding (frag6_print).
func frag6Print(nd *ND, b, ip6 []byte, off int) int {
	nd.SetProto("frag6")
	// The length of the fragment's payload, computed as C's size_t
	// would: a payload length too small for the headers wraps around.
	fragLen := uint64(ip6HdrLen) + uint64(getBE16(ip6, 4)) - uint64(off) - 8
	offset := getBE16(b, 2) & 0xfff8
	var ident uint32
	if nd.Verbose > 0 {
		ident = getBE32(b, 4)
	}
	nd.Print("frag (")
	if nd.Verbose > 0 {
		nd.Print("0x")
		nd.PrintHex(uint64(ident), 8)
		nd.Print(":")
	}
	nd.PrintUint(uint64(offset))
	nd.Print("|")
	nd.PrintUint(fragLen)
	nd.Print(")")
	if offset != 0 {
		return -1
	}
	nd.Print(" ")
	return 8
}

// Mobility header message types (RFC 6275).
var mobilityTypes = []tok{
	{0, "BRR"},
	{1, "HoTI"},
	{2, "CoTI"},
	{3, "HoT"},
	{4, "CoT"},
	{5, "BU"},
	{6, "BA"},
	{7, "BE"},
}

// mobilityMinLen is the smallest header length of each message type.
var mobilityMinLen = [...]int{8, 16, 16, 24, 24, 12, 12, 24}

var mobilityBUFlags = []tok{
	{0x08, "A"},
	{0x04, "H"},
	{0x02, "L"},
	{0x01, "K"},
}

// mobilityPrint prints a mobility header (mobility_print). It is always
// the last header printed.
func mobilityPrint(nd *ND, b []byte) {
	nd.SetProto("mobility")
	if !ttest(b, 1, 1) {
		nd.PrintTrunc()
		return
	}
	mhLen := (int(getU8(b, 1)) + 1) << 3
	typ := getU8(b, 2)
	if int(typ) < len(mobilityMinLen) && mhLen < mobilityMinLen[typ] {
		nd.Printf("(header length %d is too small for type %d)", mhLen, typ)
		nd.PrintTrunc()
		return
	}
	nd.Print("mobility: ")
	nd.Print(tok2str(mobilityTypes, "type-#%d", uint32(typ)))
	hlen := 8
	v := nd.Verbose > 0
	testName := func(home bool) string {
		if home {
			return "Home"
		}
		return "Care-of"
	}
	switch typ {
	case 0:
	case 1, 2:
		if v {
			nd.Printf(" %s Init Cookie=%08x:%08x", testName(typ == 1), getBE32(b, hlen), getBE32(b, hlen+4))
		}
		hlen += 8
	case 3, 4:
		nd.Printf(" nonce id=0x%x", getBE16(b, 6))
		if v {
			nd.Printf(" %s Init Cookie=%08x:%08x", testName(typ == 3), getBE32(b, hlen), getBE32(b, hlen+4))
		}
		hlen += 8
		if v {
			nd.Printf(" %s Keygen Token=%08x:%08x", testName(typ == 3), getBE32(b, hlen), getBE32(b, hlen+4))
		}
		hlen += 8
	case 5:
		nd.Printf(" seq#=%d", getBE16(b, 6))
		if !ttest(b, hlen, 2) {
			nd.PrintTrunc()
			return
		}
		if bits := (getU8(b, hlen) & 0xf0) >> 4; bits != 0 {
			nd.Print(" ")
			nd.Print(bittok2strNosep(mobilityBUFlags, "bits-#0x%x", uint32(bits)))
		}
		hlen += 2
		nd.Printf(" lifetime=%d", uint32(getBE16(b, hlen))<<2)
		hlen += 2
	case 6:
		nd.Printf(" status=%d", getU8(b, 6))
		if getU8(b, 7)&0x80 != 0 {
			nd.Print(" K")
		}
		nd.Printf(" seq#=%d", getBE16(b, hlen))
		hlen += 2
		nd.Printf(" lifetime=%d", uint32(getBE16(b, hlen))<<2)
		hlen += 2
	case 7:
		nd.Printf(" status=%d", getU8(b, 6))
		nd.printIP6After(" homeaddr ", b, hlen)
		hlen += 16
	default:
		nd.Printf(" len=%d", getU8(b, 1))
		return
	}
	if v && !mobilityOptPrint(nd, rest(b, hlen), mhLen-hlen) {
		nd.PrintTrunc()
	}
}

// mobilityOptPrint prints the mobility options; false means they were
// cut short (mobility_opt_print).
func mobilityOptPrint(nd *ND, b []byte, n int) bool {
	for i, optLen := 0, 0; i < n; i += optLen {
		if optLen = ip6OptLen(b, i, n); optLen < 0 {
			return false
		}
		if !ttest(b, i+optLen, 1) {
			return false
		}
		switch typ := getU8(b, i); typ {
		case 0:
			nd.Print("(pad1)")
		case 1:
			if n-i < 2 {
				nd.Print("(padn: trunc)")
				return false
			}
			nd.Print("(padn)")
		case 2:
			if n-i < 4 {
				nd.Print("(refresh: trunc)")
				return false
			}
			nd.Printf("(refresh: %d)", uint32(getBE16(b, i+2))<<2)
		case 3:
			if n-i < 18 {
				nd.Print("(altcoa: trunc)")
				return false
			}
			nd.printIP6After("(alt-CoA: ", b, i+2)
			nd.Print(")")
		case 4:
			if n-i < 6 {
				nd.Print("(ni: trunc)")
				return false
			}
			nd.Printf("(ni: ho=0x%04x co=0x%04x)", getBE16(b, i+2), getBE16(b, i+4))
		case 5:
			if n-i < 12 {
				nd.Print("(auth: trunc)")
				return false
			}
			nd.Print("(auth)")
		default:
			if n-i < 2 {
				nd.Printf("(sopt_type %d: trunc)", typ)
				return false
			}
			nd.Printf("(type-0x%02x: len=%d)", typ, getU8(b, i+1))
		}
	}
	return true
}
