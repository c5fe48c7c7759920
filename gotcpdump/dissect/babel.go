package dissect

// The Babel routing protocol (RFC 8966 and its extensions; tcpdump's
// print-babel.c): the message header, then one word per TLV, or with -v
// one line per TLV with its fields and sub-TLVs.

func init() {
	registerUDPPort("babel", babelUDPPrint, 6696, 6697)
}

func babelUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	babelPrint(nd, b, length)
}

// Babel TLV types.
const (
	babelPad1              = 0
	babelPadN              = 1
	babelAckReq            = 2
	babelAck               = 3
	babelHello             = 4
	babelIHU               = 5
	babelRouterID          = 6
	babelNH                = 7
	babelUpdate            = 8
	babelRouteRequest      = 9
	babelSeqnoRequest      = 10
	babelTSPC              = 11
	babelHMAC              = 12
	babelUpdateSrcSpecific = 13
	babelRequestSrcSpec    = 14
	babelMHRequestSrcSpec  = 15
	babelMAC               = 16
	babelPC                = 17
	babelChallengeRequest  = 18
	babelChallengeReply    = 19
)

// babelTLVNames are the words printed for each TLV without -v.
var babelTLVNames = map[uint8]string{
	babelPadN: " padN", babelAckReq: " ack-req", babelAck: " ack", babelHello: " hello",
	babelIHU: " ihu", babelRouterID: " router-id", babelNH: " nh", babelUpdate: " update",
	babelRouteRequest: " route-request", babelSeqnoRequest: " seqno-request", babelTSPC: " tspc",
	babelHMAC: " hmac", babelUpdateSrcSpecific: " ss-update", babelRequestSrcSpec: " ss-request",
	babelMHRequestSrcSpec: " ss-mh-request", babelMAC: " mac", babelPC: " pc",
	babelChallengeRequest: " challenge_request", babelChallengeReply: " challenge_reply",
}

// babelV4Prefix is the IPv4-mapped prefix Babel stores IPv4 addresses in.
var babelV4Prefix = [16]byte{10: 0xff, 11: 0xff}

// babelResult is how printing a TLV sequence ended.
type babelResult int

const (
	babelOK babelResult = iota
	babelTrunc
	babelInvalid
)

// babelPrint prints a Babel message (babel_print).
func babelPrint(nd *ND, b []byte, length int) {
	nd.SetProto("babel")
	nd.Print("babel")
	if !ttest(b, 0, 4) {
		nd.PrintTrunc()
		return
	}
	if getU8(b, 0) != 42 {
		nd.Print(" invalid header")
		return
	}
	version := getU8(b, 1)
	nd.Print(" ")
	nd.PrintUint(uint64(version))
	if version != 2 {
		nd.Print(" unknown version")
		return
	}
	if length < 4 {
		nd.PrintInvalid()
		return
	}
	bodyLen := int(getBE16(b, 2))
	nd.Printf(" (%d)", bodyLen)
	length -= 4
	if length < bodyLen {
		nd.PrintInvalid()
		return
	}
	p := babelPrinter{nd: nd, v4Prefix: babelV4Prefix}
	res := p.tlvs(rest(b, 4), bodyLen, length)
	if res == babelOK && length != bodyLen {
		// A trailer (RFC 8967 packet counters and MACs) follows.
		if nd.Verbose > 0 {
			nd.Print("\n\t----")
		} else {
			nd.Print(" |")
		}
		trailer := babelPrinter{nd: nd, v4Prefix: babelV4Prefix}
		res = trailer.tlvs(rest(b, 4+bodyLen), length-bodyLen, length-bodyLen)
	}
	switch res {
	case babelTrunc:
		nd.PrintTrunc()
	case babelInvalid:
		nd.PrintInvalid()
	}
}

// babelPrinter prints the TLVs of one message; updates with the prefix
// flag set make their prefix the default for later omitted bytes.
type babelPrinter struct {
	nd                 *ND
	v4Prefix, v6Prefix [16]byte
}

// tlvs prints the TLVs in the n bytes of b; remaining is what the UDP
// length leaves from b on (babel_print_v2_tlvs).
func (p *babelPrinter) tlvs(b []byte, n, remaining int) babelResult {
	nd := p.nd
	fits := func(i, l int) bool { return i+l <= n && i+l <= remaining }
	for i := 0; i < n; {
		if !fits(i, 1) {
			return babelInvalid
		}
		typ := getU8(b, i)
		if typ == babelPad1 {
			if nd.Verbose > 0 {
				nd.Print("\n\tPad 1")
			} else {
				nd.Print(" pad1")
			}
			i++
			continue
		}
		if !fits(i, 2) {
			return babelInvalid
		}
		if !ttest(b, i, 2) {
			return babelTrunc
		}
		l := int(getU8(b, i+1))
		if !fits(i, 2+l) {
			return babelInvalid
		}
		if !ttest(b, i, 2+l) {
			return babelTrunc
		}
		msg := b[i:]
		if nd.Verbose == 0 {
			if name, ok := babelTLVNames[typ]; ok {
				nd.Print(name)
			} else {
				nd.Print(" unknown")
			}
			if typ == babelUpdate {
				if l < 10 {
					return babelInvalid
				}
				babelUpdateFlags(nd, getU8(msg, 3))
			}
		} else if res := p.tlvVerbose(msg, typ, l); res != babelOK {
			return res
		}
		i += l + 2
	}
	return babelOK
}

// babelUpdateFlags prints the flags of an update: /prefix, /id and
// /unknown for any other bit.
func babelUpdateFlags(nd *ND, flags uint8) {
	if flags&0x80 != 0 {
		nd.Print("/prefix")
	}
	if flags&0x40 != 0 {
		nd.Print("/id")
	}
	if flags&0x3f != 0 {
		nd.Print("/unknown")
	}
}

// tlvVerbose prints one TLV of type typ and body length l at msg, as -v
// shows it.
func (p *babelPrinter) tlvVerbose(msg []byte, typ uint8, l int) babelResult {
	nd := p.nd
	end := 2 + l // the offset in msg where the TLV ends
	switch typ {
	case babelPadN:
		nd.Printf("\n\tPad %d", l+2)
	case babelAckReq:
		nd.Print("\n\tAcknowledgment Request ")
		if l < 6 {
			return babelInvalid
		}
		nd.Printf("%04x ", getBE16(msg, 4))
		babelInterval(nd, getBE16(msg, 6))
	case babelAck:
		nd.Print("\n\tAcknowledgment ")
		if l < 2 {
			return babelInvalid
		}
		nd.Printf("%04x", getBE16(msg, 2))
	case babelHello:
		nd.Print("\n\tHello ")
		if l < 6 {
			return babelInvalid
		}
		unicast := getBE16(msg, 2)&0x8000 != 0
		seqno, interval := getBE16(msg, 4), getBE16(msg, 6)
		if unicast {
			nd.Print("(Unicast) ")
		}
		nd.Printf("seqno %d ", seqno)
		if interval != 0 {
			nd.Print("interval ")
			babelInterval(nd, interval)
		} else {
			nd.Print("unscheduled")
		}
		if l > 6 {
			babelSubTLVs(nd, msg, 8, end, typ)
		}
	case babelIHU:
		nd.Print("\n\tIHU ")
		if l < 6 {
			return babelInvalid
		}
		rxcost, interval, ae := getBE16(msg, 4), getBE16(msg, 6), getU8(msg, 2)
		var addr [16]byte
		rc := babelNetworkPrefix(ae, -1, 0, msg, 8, nil, uint32(l-6), &addr)
		if rc < 0 {
			nd.PrintTrunc()
			break
		}
		if ae == 0 {
			nd.Print("any")
		} else {
			babelAddress(nd, &addr)
		}
		nd.Printf(" rxcost %d interval ", rxcost)
		babelInterval(nd, interval)
		if rc < l-6 {
			babelSubTLVs(nd, msg, 8+rc, end, typ)
		}
	case babelRouterID:
		nd.Print("\n\tRouter Id")
		if l < 10 {
			return babelInvalid
		}
		nd.Print(" ")
		babelID(nd, msg, 4)
	case babelNH:
		nd.Print("\n\tNext Hop")
		if l < 2 {
			return babelInvalid
		}
		ae := getU8(msg, 2)
		var nh [16]byte
		if babelNetworkPrefix(ae, -1, 0, msg, 4, nil, uint32(l-2), &nh) < 0 {
			return babelInvalid
		}
		nd.Print(" ")
		if ae == 0 {
			nd.Print("invalid AE 0")
		} else {
			babelAddress(nd, &nh)
		}
	case babelUpdate:
		return p.update(msg, l)
	case babelRouteRequest:
		nd.Print("\n\tRoute Request ")
		if l < 2 {
			return babelInvalid
		}
		ae, rawPlen := getU8(msg, 2), getU8(msg, 3)
		var prefix [16]byte
		if babelNetworkPrefix(ae, int(rawPlen), 0, msg, 4, nil, uint32(l-2), &prefix) < 0 {
			return babelInvalid
		}
		nd.Print("for ")
		if ae == 0 {
			nd.Print("any")
		} else {
			babelPrefix(nd, &prefix, babelPlen(ae, rawPlen))
		}
	case babelSeqnoRequest:
		nd.Print("\n\tSeqno Request ")
		if l < 14 {
			return babelInvalid
		}
		ae, rawPlen, seqno := getU8(msg, 2), getU8(msg, 3), getBE16(msg, 4)
		var prefix [16]byte
		if babelNetworkPrefix(ae, int(rawPlen), 0, msg, 16, nil, uint32(l-14), &prefix) < 0 {
			return babelInvalid
		}
		nd.Printf("(%d hops) for ", getU8(msg, 6))
		if ae == 0 {
			nd.Print("invalid AE 0")
		} else {
			babelPrefix(nd, &prefix, babelPlen(ae, rawPlen))
		}
		nd.Printf(" seqno %d id ", seqno)
		babelID(nd, msg, 8)
	case babelTSPC:
		nd.Print("\n\tTS/PC ")
		if l < 6 {
			return babelInvalid
		}
		nd.Printf("timestamp %d packetcounter %d", getBE32(msg, 4), getBE16(msg, 2))
	case babelHMAC:
		nd.Print("\n\tHMAC ")
		if l < 18 {
			return babelInvalid
		}
		nd.Printf("key-id %d digest-%d ", getBE16(msg, 2), l-2)
		for j := 0; j < l-2; j++ {
			nd.Printf("%02X", getU8(msg, j+4))
		}
	case babelUpdateSrcSpecific:
		return p.ssUpdate(msg, l)
	case babelRequestSrcSpec:
		return p.ssRequest(msg, l)
	case babelMHRequestSrcSpec:
		return p.ssMHRequest(msg, l)
	case babelMAC:
		nd.Printf("\n\tMAC len %d", l)
	case babelPC:
		nd.Print("\n\tPC")
		if l < 4 {
			return babelInvalid
		}
		nd.Printf(" value %d index len %d", getBE32(msg, 2), l-4)
	case babelChallengeRequest, babelChallengeReply:
		if typ == babelChallengeRequest {
			nd.Print("\n\tChallenge Request")
		} else {
			nd.Print("\n\tChallenge Reply")
		}
		if l > 192 {
			return babelInvalid
		}
		nd.Printf(" len %d", l)
	default:
		nd.Printf("\n\tUnknown message type %d", typ)
	}
	return babelOK
}

// update prints an Update TLV with -v.
func (p *babelPrinter) update(msg []byte, l int) babelResult {
	nd := p.nd
	nd.Print("\n\tUpdate")
	if l < 10 {
		return babelInvalid
	}
	ae, flags, rawPlen, omitted := getU8(msg, 2), getU8(msg, 3), getU8(msg, 4), getU8(msg, 5)
	def := &p.v6Prefix
	if ae == 1 {
		def = &p.v4Prefix
	}
	var prefix [16]byte
	rc := babelNetworkPrefix(ae, int(rawPlen), int(omitted), msg, 12, def[:], uint32(l-10), &prefix)
	if rc < 0 {
		return babelInvalid
	}
	interval, seqno, metric := getBE16(msg, 6), getBE16(msg, 8), getBE16(msg, 10)
	babelUpdateFlags(nd, flags)
	nd.Print(" ")
	if ae == 0 {
		nd.Print("any")
	} else {
		babelPrefix(nd, &prefix, babelPlen(ae, rawPlen))
	}
	nd.Printf(" metric %d seqno %d interval ", metric, seqno)
	babelIntervalUpdate(nd, interval)
	if flags&0x80 != 0 {
		*def = prefix
	}
	if rc < l-10 {
		babelSubTLVs(nd, msg, 12+rc, 2+l, babelUpdate)
	}
	return babelOK
}

// ssUpdate prints a source-specific Update TLV with -v.
func (p *babelPrinter) ssUpdate(msg []byte, l int) babelResult {
	nd := p.nd
	nd.Print("\n\tSS-Update")
	if l < 10 {
		return babelInvalid
	}
	ae, srcPlen, plen, omitted := getU8(msg, 2), getU8(msg, 3), getU8(msg, 4), getU8(msg, 5)
	interval, seqno, metric := getBE16(msg, 6), getBE16(msg, 8), getBE16(msg, 10)
	def := p.v6Prefix[:]
	if ae == 1 {
		def = p.v4Prefix[:]
	}
	var ss babelSrcSpecific
	parsed := ss.decode(msg, 10, l, ae, plen, srcPlen, int(omitted), def)
	if parsed < 0 {
		return babelInvalid
	}
	nd.Print(" ")
	ss.print(nd, " from ")
	nd.Printf(" metric %d seqno %d interval ", metric, seqno)
	babelIntervalUpdate(nd, interval)
	if parsed < l {
		babelSubTLVs(nd, msg, 2+parsed, 2+l, babelUpdateSrcSpecific)
	}
	return babelOK
}

// ssRequest prints a source-specific Route Request TLV with -v.
func (p *babelPrinter) ssRequest(msg []byte, l int) babelResult {
	nd := p.nd
	nd.Print("\n\tSS-Request ")
	if l < 3 {
		return babelInvalid
	}
	ae, plen, srcPlen := getU8(msg, 2), getU8(msg, 3), getU8(msg, 4)
	var ss babelSrcSpecific
	if ss.decode(msg, 3, l, ae, plen, srcPlen, 0, nil) < 0 {
		return babelInvalid
	}
	if ae == 0 {
		nd.Print("for any")
		return babelOK
	}
	nd.Print("for (")
	ss.print(nd, ", ")
	nd.Print(")")
	return babelOK
}

// ssMHRequest prints a source-specific Seqno Request TLV with -v.
func (p *babelPrinter) ssMHRequest(msg []byte, l int) babelResult {
	nd := p.nd
	nd.Print("\n\tSS-MH-Request ")
	if l < 14 {
		return babelInvalid
	}
	ae, plen, seqno := getU8(msg, 2), getU8(msg, 3), getBE16(msg, 4)
	hopc, srcPlen := getU8(msg, 6), getU8(msg, 7)
	var ss babelSrcSpecific
	if ss.decode(msg, 14, l, ae, plen, srcPlen, 0, nil) < 0 {
		return babelInvalid
	}
	nd.Printf("(%d hops) for (", hopc)
	ss.print(nd, ", ")
	nd.Printf(") seqno %d id ", seqno)
	babelID(nd, msg, 8)
	return babelOK
}

// babelSrcSpecific holds the destination and source prefixes of a
// source-specific TLV, with their lengths as printed.
type babelSrcSpecific struct {
	prefix, src   [16]byte
	plen, srcPlen uint8
}

// decode reads the destination prefix (its first omitted bytes taken
// from def) and then the source prefix, which start parsed bytes into
// the TLV body of length l. It returns the body bytes parsed after
// both, or -1 for an encoding error.
func (ss *babelSrcSpecific) decode(msg []byte, parsed, l int, ae, plen, srcPlen uint8, omitted int, def []byte) int {
	rc := babelNetworkPrefix(ae, int(plen), omitted, msg, 2+parsed, def, uint32(l)-uint32(parsed), &ss.prefix)
	if rc < 0 {
		return -1
	}
	parsed += rc
	rc = babelNetworkPrefix(ae, int(srcPlen), 0, msg, 2+parsed, nil, uint32(l)-uint32(parsed), &ss.src)
	if rc < 0 {
		return -1
	}
	ss.plen, ss.srcPlen = babelPlen(ae, plen), babelPlen(ae, srcPlen)
	return parsed + rc
}

// print prints the destination prefix, sep and the source prefix.
func (ss *babelSrcSpecific) print(nd *ND, sep string) {
	babelPrefix(nd, &ss.prefix, ss.plen)
	nd.Print(sep)
	babelPrefix(nd, &ss.src, ss.srcPlen)
}

// babelPlen is the prefix length as printed: IPv4 prefixes count the
// 96 bits of the mapped prefix (in a byte, as tcpdump keeps it).
func babelPlen(ae, plen uint8) uint8 {
	if ae == 1 {
		return plen + 96
	}
	return plen
}

// babelNetworkPrefix decodes the prefix of address encoding ae and
// length plen (-1 for a whole address) at msg[off:], its first omitted
// bytes taken from def, into out. It returns the bytes consumed, or -1
// for an encoding error (network_prefix).
func babelNetworkPrefix(ae uint8, plen, omitted int, msg []byte, off int, def []byte, avail uint32, out *[16]byte) int {
	var pb int
	switch {
	case plen >= 0:
		pb = (plen + 7) / 8
	case ae == 1:
		pb = 4
	default:
		pb = 16
	}
	if pb > 16 {
		return -1
	}
	var prefix [16]byte
	consumed := 0
	take := func(at, n int) {
		for k := 0; k < n; k++ {
			prefix[at+k] = getU8(msg, off+k)
		}
		consumed = n
	}
	switch ae {
	case 0:
	case 1:
		if omitted > 4 || pb > 4 || (pb > omitted && avail < uint32(pb-omitted)) {
			return -1
		}
		prefix = babelV4Prefix
		if omitted > 0 {
			if def == nil {
				return -1
			}
			copy(prefix[:12+omitted], def)
		}
		if pb > omitted {
			take(12+omitted, pb-omitted)
		}
	case 2:
		if omitted > 16 || (pb > omitted && avail < uint32(pb-omitted)) {
			return -1
		}
		if omitted > 0 {
			if def == nil {
				return -1
			}
			copy(prefix[:omitted], def)
		}
		if pb > omitted {
			take(omitted, pb-omitted)
		}
	case 3:
		if pb > 8 && avail < uint32(pb-8) {
			return -1
		}
		prefix[0], prefix[1] = 0xfe, 0x80
		if pb > 8 {
			take(8, pb-8)
		}
	default:
		return -1
	}
	*out = prefix
	return consumed
}

// babelAddress prints an address, IPv4-mapped ones as IPv4.
func babelAddress(nd *ND, a *[16]byte) {
	if [12]byte(a[:12]) == [12]byte(babelV4Prefix[:12]) {
		nd.PrintIPAddr(a[:], 12)
	} else {
		nd.PrintIP6Addr(a[:], 0)
	}
}

// babelPrefix prints a prefix and its length, IPv4-mapped ones as IPv4.
func babelPrefix(nd *ND, a *[16]byte, plen uint8) {
	if plen >= 96 && [12]byte(a[:12]) == [12]byte(babelV4Prefix[:12]) {
		nd.PrintIPAddr(a[:], 12)
		nd.Printf("/%d", plen-96)
		return
	}
	nd.PrintIP6Addr(a[:], 0)
	nd.Printf("/%d", plen)
}

// babelID prints an 8-byte router ID as colon-separated hex.
func babelID(nd *ND, b []byte, off int) {
	tcheck(b, off, 8)
	for i := 0; i < 8; i++ {
		if i > 0 {
			nd.Print(":")
		}
		nd.PrintHex(uint64(b[off+i]), 2)
	}
}

// babelInterval prints an interval in centiseconds.
func babelInterval(nd *ND, i uint16) {
	if i == 0 {
		nd.Print("0.0s (bogus)")
		return
	}
	nd.Printf("%d.%02ds", i/100, i%100)
}

func babelIntervalUpdate(nd *ND, i uint16) {
	if i == 0xffff {
		nd.Print("infinity")
		return
	}
	babelInterval(nd, i)
}

// babelSubTLVs prints the sub-TLVs in msg[cp:ep] of a TLV of type typ
// (subtlvs_print).
func babelSubTLVs(nd *ND, msg []byte, cp, ep int, typ uint8) {
	for cp < ep {
		subtype := getU8(msg, cp)
		cp++
		if subtype == 0 {
			nd.Print(" sub-pad1")
			continue
		}
		if subtype&0x80 != 0 {
			nd.Print(" (M)")
		}
		if cp == ep {
			nd.PrintInvalid()
			return
		}
		sublen := int(getU8(msg, cp))
		cp++
		if cp+sublen > ep {
			nd.PrintInvalid()
			return
		}
		switch subtype {
		case 1:
			nd.Print(" sub-padn")
		case 2:
			nd.Print(" sub-diversity")
			if sublen == 0 {
				nd.Print(" empty")
				continue
			}
			sep := " "
			for k := 0; k < sublen; k++ {
				nd.Print(sep)
				switch c := getU8(msg, cp+k); c {
				case 0:
					nd.Print("reserved")
				case 255:
					nd.Print("all")
				default:
					nd.PrintUint(uint64(c))
				}
				sep = "-"
			}
			if typ != babelUpdate && typ != babelUpdateSrcSpecific {
				nd.Print(" (bogus)")
			}
		case 3:
			nd.Print(" sub-timestamp")
			switch typ {
			case babelHello:
				if sublen < 4 {
					nd.PrintInvalid()
					return
				}
				nd.Print(" ")
				babelTimestamp(nd, getBE32(msg, cp))
			case babelIHU:
				if sublen < 8 {
					nd.PrintInvalid()
					return
				}
				nd.Print(" ")
				babelTimestamp(nd, getBE32(msg, cp))
				nd.Print("|")
				babelTimestamp(nd, getBE32(msg, cp+4))
			default:
				nd.Print(" (bogus)")
			}
		default:
			nd.Printf(" sub-unknown-0x%02x", subtype)
		}
		cp += sublen
	}
}

func babelTimestamp(nd *ND, t uint32) {
	nd.Printf("%d.%06ds", t/1000000, t%1000000)
}
