package dissect

// IPv6 (tcpdump's print-ip6.c): the fixed header, the walk over the
// extension headers (ip6_ext.go prints them), and the hand-off of the
// payload to ipDemuxPrint.

func init() {
	registerEtherType(etherTypeIPv6, ip6Print)
	registerIPProto(ipProtoIPv6, func(nd *ND, b []byte, length int, _ *ipInfo) { ip6Print(nd, b, length) })
	registerIPProto(ipProtoEthernet, etherInIP6Print)
}

// IP protocol numbers the IPv6 printers dispatch on.
const (
	ipProtoHopOpts     = 0
	ipProtoTCP         = 6
	ipProtoUDP         = 17
	ipProtoDCCP        = 33
	ipProtoIPv6        = 41
	ipProtoRouting     = 43
	ipProtoFragment    = 44
	ipProtoAH          = 51
	ipProtoICMPv6      = 58
	ipProtoNone        = 59
	ipProtoDstOpts     = 60
	ipProtoMobilityOld = 62
	ipProtoSCTP        = 132
	ipProtoMobility    = 135
	ipProtoEthernet    = 143
)

// ip6HdrLen is the length of the fixed IPv6 header.
const ip6HdrLen = 40

// ip6Print prints an IPv6 datagram (ip6_print). b starts at the IPv6
// header; length is the datagram's length on the wire.
func ip6Print(nd *ND, b []byte, length int) {
	nd.SetProto("ip6")
	if !ttest(b, 0, ip6HdrLen) {
		nd.PrintTrunc()
		return
	}
	if length < ip6HdrLen {
		nd.Print("truncated-ip6 ")
		nd.PrintUint(uint64(length))
		return
	}
	if !nd.LinkHeader {
		nd.Print("IP6 ")
	}
	if v := getU8(b, 0) >> 4; v != 6 {
		nd.Print("version error: ")
		nd.PrintUint(uint64(v))
		nd.Print(" != 6")
		return
	}

	// A zero payload length stands for a Jumbo Payload option: until the
	// hop-by-hop header has been read, take everything captured.
	payloadLen := uint32(getBE16(b, 4))
	var total int
	if payloadLen != 0 {
		total = int(payloadLen) + ip6HdrLen
		if length < total {
			ip6PrintMissing(nd, total-length)
		}
	} else {
		total = length + ip6HdrLen
	}

	nh := getU8(b, 6)
	if nd.Verbose > 0 {
		flow := getBE32(b, 0)
		nd.Print("(")
		if flow&0x0ff00000 != 0 {
			nd.Print("class 0x")
			nd.PrintHex(uint64(flow&0x0ff00000>>20), 2)
			nd.Print(", ")
		}
		if flow&0x000fffff != 0 {
			nd.Print("flowlabel 0x")
			nd.PrintHex(uint64(flow&0x000fffff), 5)
			nd.Print(", ")
		}
		nd.Print("hlim ")
		nd.PrintUint(uint64(getU8(b, 7)))
		nd.Print(", next-header ")
		nd.Print(tok2strNoAlloc(ipProtoNames, "unknown", uint32(nh)))
		nd.Print(" (")
		nd.PrintUint(uint64(nh))
		nd.Print(") payload length: ")
		nd.PrintUint(uint64(payloadLen))
		nd.Print(") ")
	}

	// The payload length bounds what the extension headers and the
	// payload printers may read (nd_push_snaplen).
	w := ip6Walk{b: b, inner: clip(b, total), length: length, total: total, payloadLen: payloadLen}
	w.run(nd, nh)
}

// ip6Walk is the state of the walk over an IPv6 header chain.
type ip6Walk struct {
	b            []byte // the datagram from its fixed header on
	inner        []byte // b up to the end of the payload the header declares
	length       int    // the datagram's length on the wire
	total        int    // what the payload length leaves past cp
	totalAdvance int    // bytes of headers walked so far
	payloadLen   uint32 // the header's payload length, or the jumbo one
	cp           int    // offset of the header being printed
	fragmented   bool   // a fragment header was seen
	foundExtHdr  bool   // an extension header was seen
	foundJumbo   bool   // a valid Jumbo Payload option was seen
	foundHBH     bool   // a hop-by-hop header was seen
}

// run prints the extension headers, starting with next header nh, then
// the payload.
func (w *ip6Walk) run(nd *ND, nh uint8) {
	advance := ip6HdrLen
	ph := uint8(255) // next-header value of the previous extension header
	for w.cp < len(w.inner) && advance > 0 {
		if w.total < advance {
			nd.PrintTrunc()
			return
		}
		w.cp += advance
		w.total -= advance
		w.totalAdvance += advance

		if w.cp == ip6HdrLen && nh != ipProtoTCP && nh != ipProtoUDP && nh != ipProtoDCCP && nh != ipProtoSCTP {
			nd.PrintIP6Addr(w.b, 8)
			nd.Print(" > ")
			nd.PrintIP6Addr(w.b, 24)
			nd.Print(": ")
		}

		hdr := rest(w.inner, w.cp)
		switch nh {
		case ipProtoHopOpts:
			// RFC 8200: at most one, right after the fixed header.
			if w.foundHBH {
				nd.Print("[The Hop-by-Hop Options header was already found]")
				nd.PrintInvalid()
				return
			}
			if ph != 255 {
				nd.Print("[The Hop-by-Hop Options header don't follow the IPv6 header]")
				nd.PrintInvalid()
				return
			}
			advance = hbhOptPrint(nd, hdr, &w.foundJumbo, &w.payloadLen)
			if w.payloadLen == 0 && !w.foundJumbo {
				nd.Print("[No valid Jumbo Payload Hop-by-Hop option found]")
				nd.PrintInvalid()
				return
			}
			if advance < 0 {
				return
			}
			w.foundHBH = true
		case ipProtoDstOpts:
			if advance = dstOptPrint(nd, hdr); advance < 0 {
				return
			}
		case ipProtoFragment:
			advance = frag6Print(nd, hdr, w.b, w.cp)
			if advance < 0 || len(w.inner) <= w.cp+advance {
				return
			}
			w.fragmented = true
		case ipProtoMobilityOld, ipProtoMobility:
			// RFC 6275 payloads are not piggybacked on the mobility
			// header yet: it always ends the walk.
			mobilityPrint(nd, hdr)
			return
		case ipProtoRouting:
			if !ttest(hdr, 0, 1) {
				nd.PrintTrunc()
				return
			}
			if advance = rt6Print(nd, hdr); advance < 0 {
				return
			}
		default:
			w.payload(nd, nh)
			return
		}
		w.foundExtHdr = true
		nh = getU8(w.inner, w.cp)
		ph = nh
		nd.SetProto("ip6")
	}
}

// payload settles the payload length once the extension headers are
// walked (the Jumbo Payload option, if any, replaces the header's zero
// length) and hands the payload at cp, of protocol nh, to ipDemuxPrint.
func (w *ip6Walk) payload(nd *ND, nh uint8) {
	inner, total := w.inner, w.total
	switch {
	case w.foundJumbo:
		total = int(w.payloadLen) + ip6HdrLen
		if total < w.totalAdvance {
			nd.PrintTrunc()
			return
		}
		if w.length < total {
			ip6PrintMissing(nd, total-w.length)
		}
		inner = ip6ChangeSnaplen(w.b, inner, total)
		total -= w.totalAdvance
	case w.payloadLen == 0:
		// No payload at all, so no room for an extension header.
		if w.foundExtHdr {
			nd.PrintTrunc()
			return
		}
		inner = ip6ChangeSnaplen(w.b, inner, ip6HdrLen)
		total = ip6HdrLen - w.totalAdvance
	}
	ip := nd.newIPInfo()
	*ip = ipInfo{
		ver:        6,
		hdr:        inner,
		src:        w.b[8:24],
		dst:        w.b[24:40],
		cksumDst:   ip6FindDst(inner),
		fragmented: w.fragmented,
		ttl:        getU8(w.b, 7),
		nextHdr:    nh,
	}
	ipDemuxPrint(nd, rest(inner, w.cp), total, ip)
}

// ip6ChangeSnaplen moves the end of the readable bytes to n bytes after
// the IPv6 header, unless that is past what the enclosing layers allow
// (nd_change_snaplen): then the current end stays.
func ip6ChangeSnaplen(b, cur []byte, n int) []byte {
	if n <= len(b) {
		return b[:n]
	}
	return cur
}

func ip6PrintMissing(nd *ND, n int) {
	nd.Print("truncated-ip6 - ")
	nd.PrintUint(uint64(n))
	nd.Print(" bytes missing!")
}

// ip6FindDst returns the destination the upper-layer checksum covers:
// the final one of a type 0/2 routing header or a segment routing
// header, else the header's own (ip6_finddst, used by
// nextproto6_cksum). It never stops the packet: a header cut short
// leaves the destination found so far.
func ip6FindDst(b []byte) []byte {
	dst := b[24:40]
	nh := b[6]
	switch nh {
	case ipProtoHopOpts, ipProtoDstOpts, ipProtoMobilityOld, ipProtoMobility, ipProtoFragment, ipProtoRouting:
	default:
		return dst
	}
	cp, advance := 0, ip6HdrLen
	for cp < len(b) {
		cp += advance
		switch nh {
		case ipProtoHopOpts, ipProtoDstOpts, ipProtoMobilityOld, ipProtoMobility:
			if !ttest(b, cp, 2) {
				return dst
			}
			advance = (int(b[cp+1]) + 1) << 3
			nh = b[cp]
		case ipProtoFragment:
			if !ttest(b, cp, 1) {
				return dst
			}
			advance = 8
			nh = b[cp]
		case ipProtoRouting:
			if !ttest(b, cp, 4) {
				return dst
			}
			n := int(b[cp+1])
			if n%2 == 1 {
				return dst
			}
			switch b[cp+2] {
			case 0, 2:
				for i, p := 0, cp+8; i < n/2; i, p = i+1, p+16 {
					if !ttest(b, p, 16) {
						return dst
					}
					dst = b[p : p+16]
				}
			case 4:
				// Segments are listed last hop first.
				if ttest(b, cp+8, 16) {
					dst = b[cp+8 : cp+24]
				}
			}
			return dst
		default:
			return dst
		}
	}
	return dst
}

// etherInIP6Print prints an Ethernet frame carried directly over IPv6
// (IP protocol 143, as segment routing uses it).
func etherInIP6Print(nd *ND, b []byte, length int, _ *ipInfo) {
	etherPrint(nd, b, length, len(b))
}

// printIP6After prints text and the IPv6 address at b[off:], or nothing
// when the address was not captured: tcpdump prints both with one
// ND_PRINT, which its truncation check stops as a whole.
func (nd *ND) printIP6After(text string, b []byte, off int) {
	tcheck(b, off, 16)
	nd.Print(text)
	nd.PrintIP6Addr(b, off)
}
