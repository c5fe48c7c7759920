package dissect

// PGM, Pragmatic General Multicast (RFC 3208, tcpdump's print-pgm.c),
// over IP (protocol 113) or UDP with -T pgm; with -T pgm_zmtp1 the data
// of ODATA/RDATA packets is printed as ZeroMQ datagrams.

func init() {
	registerIPProto(113, pgmIPPrint)
	registerUDPType("pgm", pgmUDPPrint)
	registerUDPType("pgm_zmtp1", pgmUDPPrint)
}

const pgmHdrLen = 16

// PGM packet types.
const (
	pgmSPM     = 0
	pgmPoll    = 1
	pgmPolr    = 2
	pgmODATA   = 4
	pgmRDATA   = 5
	pgmNAK     = 8
	pgmNullNAK = 9
	pgmNCF     = 10
	pgmACK     = 11
	pgmSPMR    = 12
)

var pgmNAKNames = map[uint8]string{pgmNAK: "NAK ", pgmNullNAK: "NNAK ", pgmNCF: "NCF "}

func pgmIPPrint(nd *ND, b []byte, length int, ip *ipInfo) { pgmPrint(nd, b, length, ip) }

func pgmUDPPrint(nd *ND, b []byte, length int, ip *ipInfo, _, _ uint16) { pgmPrint(nd, b, length, ip) }

// pgmNLAText reads a network layer address of family af at b[off:] and
// returns it with its size; ok is false for other families.
func pgmNLAText(b []byte, off int, af uint16) (string, int, bool) {
	switch af {
	case afIPv4:
		tcheck(b, off, 4)
		return string(appendIPv4(nil, b[off:off+4])), 4, true
	case afIPv6:
		tcheck(b, off, 16)
		return string(appendIPv6(nil, b[off:off+16])), 16, true
	}
	return "", 0, false
}

func pgmPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("pgm")
	v6 := ip.ver == 6
	if !ttest(b, 2, 2) {
		tcpAddrsPrint(nd, ip, v6)
		nd.PrintByte(':')
		nd.PrintTrunc()
		return
	}
	sport, dport := getBE16(b, 0), getBE16(b, 2)
	var direct bool
	if v6 {
		direct = getU8(ip.hdr, 6) == 113
	} else {
		direct = getU8(ip.hdr, 9) == 113
	}
	if direct {
		tcpEndpointPrint(nd, ip, v6, false)
		nd.PrintByte('.')
		nd.PrintTCPPort(sport)
		nd.Print(" > ")
		tcpEndpointPrint(nd, ip, v6, true)
		nd.PrintByte('.')
		nd.PrintTCPPort(dport)
	} else {
		nd.PrintTCPPort(sport)
		nd.Print(" > ")
		nd.PrintTCPPort(dport)
	}
	nd.Print(": ")
	tcheck(b, 0, pgmHdrLen)
	nd.Printf("PGM, length %d", getBE16(b, 14))
	if nd.Verbose == 0 {
		return
	}
	typ := b[4]
	nd.Printf(" 0x%02x%02x%02x%02x%02x%02x ", b[8], b[9], b[10], b[11], b[12], b[13])
	// bp moves past the type's fields; types without any leave it at
	// the start of the header, where tcpdump then looks for options.
	bp := 0
	stop := func() { nd.PrintTrunc() }
	switch typ {
	case pgmSPM:
		bp = pgmHdrLen
		tcheck(b, bp, 16)
		nla, n, ok := pgmNLAText(b, bp+16, getBE16(b, bp+12))
		if !ok {
			stop()
			return
		}
		nd.Printf("SPM seq %d trail %d lead %d nla %s", getBE32(b, bp), getBE32(b, bp+4), getBE32(b, bp+8), nla)
		bp += 16 + n
	case pgmPoll:
		bp = pgmHdrLen
		tcheck(b, bp, 12)
		nla, n, ok := pgmNLAText(b, bp+12, getBE16(b, bp+8))
		if !ok {
			stop()
			return
		}
		p := bp + 12 + n
		ivl, rnd, mask := getBE32(b, p), getBE32(b, p+4), getBE32(b, p+8)
		nd.Printf("POLL seq %d round %d nla %s ivl %d rnd 0x%08x mask 0x%08x",
			getBE32(b, bp), getBE16(b, bp+4), nla, ivl, rnd, mask)
		bp = p + 12
	case pgmPolr:
		bp = pgmHdrLen
		tcheck(b, bp, 8)
		nd.Printf("POLR seq %d round %d", getBE32(b, bp), getBE16(b, bp+4))
		bp += 8
	case pgmODATA, pgmRDATA:
		bp = pgmHdrLen
		tcheck(b, bp, 8)
		name := "ODATA"
		if typ == pgmRDATA {
			name = "RDATA"
		}
		nd.Printf("%s trail %d seq %d", name, getBE32(b, bp+4), getBE32(b, bp))
		bp += 8
	case pgmNAK, pgmNullNAK, pgmNCF:
		bp = pgmHdrLen
		tcheck(b, bp, 8)
		src, n, ok := pgmNLAText(b, bp+8, getBE16(b, bp+4))
		if !ok {
			stop()
			return
		}
		p := bp + 8 + n + 4
		grp, m, ok := pgmNLAText(b, p, getBE16(b, p))
		if !ok {
			stop()
			return
		}
		// As in tcpdump, the group address is read from where its
		// family field is.
		bp = p + m
		nd.Print(pgmNAKNames[typ])
		nd.Printf("(%s -> %s), seq %d", src, grp, getBE32(b, pgmHdrLen))
	case pgmACK:
		bp = pgmHdrLen
		tcheck(b, bp, 8)
		nd.Printf("ACK seq %d", getBE32(b, bp))
		bp += 8
	case pgmSPMR:
		nd.Print("SPMR")
	default:
		nd.Printf("UNKNOWN type 0x%02x", typ)
	}
	if b[5]&0x01 != 0 {
		var ok bool
		if bp, ok = pgmOptionsPrint(nd, b, bp); !ok {
			return
		}
	}
	nd.Printf(" [%d]", length)
	if nd.Type == "pgm_zmtp1" && (typ == pgmODATA || typ == pgmRDATA) {
		callPrinter(nd, "zmtp1_datagram_print", rest(b, bp), int(getBE16(b, 14)))
	}
}

// pgmFixedOpts are the options of one fixed length that print a name
// and 32-bit values.
var pgmFixedOpts = map[uint8]struct {
	name   string
	length int
	format string // for the values after the 2 reserved bytes
}{
	0x01: {"OPT_FRAGMENT", 16, " FRAG seq %d off %d len %d"},
	0x03: {"OPT_JOIN", 8, " JOIN %d"},
	0x04: {"OPT_NAK_BO_IVL", 12, " BACKOFF ivl %d ivlseq %d"},
	0x05: {"OPT_NAK_BO_RNG", 12, " BACKOFF max %d min %d"},
	0x08: {"OPT_PARITY_PRM", 8, " PARITY MAXTGS %d"},
	0x09: {"OPT_PARITY_GRP", 8, " PARITY GROUP %d"},
	0x0a: {"OPT_CURR_TGSIZE", 8, " PARITY ATGS %d"},
	0x0b: {"OPT_NBR_UNREACH", 4, " NBR_UNREACH"},
	0x0d: {"OPT_SYN", 4, " SYN"},
	0x0e: {"OPT_FIN", 4, " FIN"},
	0x0f: {"OPT_RST", 4, " RST"},
	0x11: {"OPT_CRQST", 4, " CRQST"},
}

// pgmOptionsPrint prints the options at b[bp:] and returns where they
// end; false means the line ended there.
func pgmOptionsPrint(nd *ND, b []byte, bp int) (int, bool) {
	tcheck(b, bp, 4)
	optType := b[bp]
	bp++
	if optType&0x7f != 0 {
		nd.Printf("[First option bad, should be PGM_OPT_LENGTH, is %d]", optType&0x7f)
		return bp, false
	}
	optLen := b[bp]
	bp++
	if optLen != 4 {
		nd.Printf("[Bad OPT_LENGTH option, length %d != 4]", optLen)
		return bp, false
	}
	optsLen := uint32(getBE16(b, bp))
	bp += 2
	if optsLen < 4 {
		nd.Printf("[Bad total option length %d < 4]", optsLen)
		return bp, false
	}
	nd.Printf(" OPTS LEN %d", optsLen)
	optsLen -= 4
	noRoom := "[Total option length leaves no room for final option]"
	for optsLen != 0 {
		if optsLen < 4 {
			nd.Print(noRoom)
			return bp, false
		}
		optType = getU8(b, bp)
		optLen = getU8(b, bp+1)
		bp += 2
		if optLen < 4 {
			nd.Printf("[Bad option, length %d < %d]", optLen, 4)
			break
		}
		if optsLen < uint32(optLen) {
			nd.Print(noRoom)
			return bp, false
		}
		tcheck(b, bp, int(optLen)-2)
		kind := optType & 0x7f
		if f, ok := pgmFixedOpts[kind]; ok {
			if int(optLen) != f.length {
				nd.Printf("[Bad %s option, length %d != %d]", f.name, optLen, f.length)
				return bp, false
			}
			var vals []any
			for p := bp + 2; p < bp-2+f.length; p += 4 {
				vals = append(vals, getBE32(b, p))
			}
			nd.Printf(f.format, vals...)
			bp += f.length - 2
			optsLen -= uint32(f.length)
		} else {
			switch kind {
			case 0x00:
				if optLen != 4 {
					nd.Printf("[Bad OPT_LENGTH option, length %d != %d]", optLen, 4)
					return bp, false
				}
				nd.Printf(" OPTS LEN (extra?) %d", getBE16(b, bp))
				bp += 2
				optsLen -= 4
			case 0x02:
				bp += 2
				n := optLen - 4
				nd.Print(" NAK LIST")
				for n != 0 {
					if n < 4 {
						nd.Print("[Option length not a multiple of 4]")
						return bp, false
					}
					nd.Printf(" %d", getBE32(b, bp))
					bp += 4
					n -= 4
					optsLen -= 4
				}
			case 0x07, 0x12, 0x13:
				var ok bool
				if bp, ok = pgmNLAOptPrint(nd, b, bp, kind, optLen, &optsLen); !ok {
					return bp, false
				}
			case 0x0c:
				nd.Printf(" PATH_NLA [%d]", optLen)
				bp += int(optLen)
				optsLen -= uint32(optLen)
			case 0x10:
				nd.Print(" CR")
				bp += int(optLen)
				optsLen -= uint32(optLen)
			default:
				nd.Printf(" OPT_%02X [%d] ", optType, optLen)
				bp += int(optLen)
				optsLen -= uint32(optLen)
			}
		}
		if optType&0x80 != 0 {
			break
		}
	}
	return bp, true
}

// pgmNLAOptPrint prints the REDIRECT and PGMCC options, which carry a
// network layer address.
func pgmNLAOptPrint(nd *ND, b []byte, bp int, kind, optLen uint8, optsLen *uint32) (int, bool) {
	name, fixed, label := "OPT_REDIRECT", 8, " REDIRECT"
	switch kind {
	case 0x12:
		name, fixed, label = "OPT_PGMCC_DATA", 12, " PGMCC DATA"
	case 0x13:
		name, fixed, label = "OPT_PGMCC_FEEDBACK", 12, " PGMCC FEEDBACK"
	}
	if int(optLen) < fixed {
		if kind == 0x13 {
			name = "PGM_OPT_PGMCC_FEEDBACK"
		}
		nd.Printf("[Bad %s option, length %d < %d]", name, optLen, fixed)
		return bp, false
	}
	bp += 2
	var offset uint32
	if kind != 0x07 {
		offset = getBE32(b, bp)
		bp += 4
	}
	af := getBE16(b, bp)
	bp += 4
	size := 0
	switch af {
	case afIPv4:
		size = 4
	case afIPv6:
		size = 16
	default:
		nd.PrintTrunc()
		return bp, false
	}
	if int(optLen) != fixed+size {
		nd.Printf("[Bad %s option, length %d != %d + address size]", name, optLen, fixed)
		return bp, false
	}
	nla, n, _ := pgmNLAText(b, bp, af)
	bp += n
	*optsLen -= uint32(fixed + size)
	if kind == 0x07 {
		nd.Printf("%s %s", label, nla)
	} else {
		nd.Printf("%s %d %s", label, offset, nla)
	}
	return bp, true
}
