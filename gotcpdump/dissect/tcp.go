package dissect

// TCP (tcpdump's print-tcp.c): the header line, relative sequence
// numbers (tcp_state.go), options (tcp_options.go), RST payloads and the
// hand-off to the protocol printers registered by port.

func init() {
	registerIPProto(6, tcpPrint)
}

// TCP header flag bits.
const (
	tcpFIN = 0x01
	tcpSYN = 0x02
	tcpRST = 0x04
	tcpPSH = 0x08
	tcpACK = 0x10
	tcpURG = 0x20
	tcpECE = 0x40
	tcpCWR = 0x80
)

const tcpHdrLen = 20

// tcpFlagLetters is tcpdump's tcp_flag_values in table order, printed
// without separators inside "Flags [...]".
var tcpFlagLetters = []tok{
	{tcpFIN, "F"},
	{tcpSYN, "S"},
	{tcpRST, "R"},
	{tcpPSH, "P"},
	{tcpACK, "."},
	{tcpURG, "U"},
	{tcpECE, "E"},
	{tcpCWR, "W"},
}

// tcpMaxRSTData is how many bytes of a RST segment's payload -v shows.
const tcpMaxRSTData = 30

// tcpPrint prints a TCP segment; length is the segment's length as the
// IP header declares it (tcp_print).
func tcpPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("tcp")
	v6 := ip.ver == 6
	if !ttest(b, 2, 2) {
		tcpAddrsPrint(nd, ip, v6)
		nd.PrintByte(':')
		nd.PrintTrunc()
		return
	}
	sport, dport := getBE16(b, 0), getBE16(b, 2)

	direct := false
	if v6 {
		direct = getU8(ip.hdr, 6) == 6
	} else {
		direct = getU8(ip.hdr, 9) == 6
	}
	if direct {
		tcpEndpointPrint(nd, ip, v6, false)
		nd.PrintByte('.')
		nd.PrintTCPPort(sport)
		nd.Print(" > ")
		tcpEndpointPrint(nd, ip, v6, true)
		nd.PrintByte('.')
		nd.PrintTCPPort(dport)
		nd.Print(": ")
	} else {
		nd.PrintTCPPort(sport)
		nd.Print(" > ")
		nd.PrintTCPPort(dport)
		nd.Print(": ")
	}

	if !ttest(b, 0, tcpHdrLen) {
		nd.PrintTrunc()
		return
	}
	hlen := uint32(b[12]>>4) * 4
	ulength := uint32(length)
	if hlen < tcpHdrLen {
		nd.Print(" tcp ")
		nd.PrintUint(uint64(ulength - hlen))
		nd.Print(" [bad hdr length ")
		nd.PrintUint(uint64(hlen))
		nd.Print(" - too short, < 20]")
		return
	}

	seq := getBE32(b, 4)
	ack := getBE32(b, 8)
	win := getBE16(b, 14)
	urp := getBE16(b, 18)

	if nd.Quick {
		nd.Print("tcp ")
		nd.PrintUint(uint64(ulength - hlen))
		if hlen > ulength {
			tcpBadHdrTooLong(nd, hlen, ulength)
		}
		return
	}

	flags := b[13]
	nd.Print("Flags [")
	tcpFlagsPrint(nd, flags)
	nd.PrintByte(']')

	var rel tcpRelSeq
	if !nd.AbsSeq && flags&tcpACK != 0 {
		rel = nd.tcp.relative(ip, sport, dport, seq, ack, flags&tcpSYN != 0)
		seq, ack = rel.seq, rel.ack
	}
	if hlen > ulength {
		tcpBadHdrTooLong(nd, hlen, ulength)
		return
	}

	if nd.Verbose > 0 && !nd.NoChecksum && !ip.fragmented && (ip.ver == 4 || ip.ver == 6) {
		if ttest(b, 0, length) {
			sum := pseudoCksum(ip, 6, b, length)
			field := getBE16(b, 16)
			nd.Print(", cksum 0x")
			nd.PrintHex(uint64(field), 4)
			if sum != 0 {
				nd.Print(" (incorrect -> 0x")
				nd.PrintHex(uint64(cksumShouldBe(field, sum)), 4)
				nd.PrintByte(')')
			} else {
				nd.Print(" (correct)")
			}
		}
	}

	ulength -= hlen
	if nd.Verbose > 1 || ulength > 0 || flags&(tcpSYN|tcpFIN|tcpRST) != 0 {
		nd.Print(", seq ")
		nd.PrintUint(uint64(seq))
		if ulength > 0 {
			nd.PrintByte(':')
			nd.PrintUint(uint64(seq + ulength))
		}
	}
	if flags&tcpACK != 0 {
		nd.Print(", ack ")
		nd.PrintUint(uint64(ack))
	}
	nd.Print(", win ")
	nd.PrintUint(uint64(win))
	if flags&tcpURG != 0 {
		nd.Print(", urg ")
		nd.PrintUint(uint64(urp))
	}

	if hlen > tcpHdrLen {
		opts := tcpOptions{
			b: b, ip: ip, flags: flags, rel: rel,
			payloadLen: ulength, hdrLen: int(hlen),
		}
		if !opts.print(nd) {
			return
		}
	}

	nd.Print(", length ")
	nd.PrintUint(uint64(ulength))
	if ulength == 0 {
		return
	}

	if !ttest(b, 0, int(hlen)) {
		nd.Print(" [remaining caplen(")
		nd.PrintUint(uint64(len(b)))
		nd.Print(") < header length(")
		nd.PrintUint(uint64(hlen))
		nd.Print(")]")
		trunc()
	}
	payload := b[hlen:]
	plen := int(ulength)
	if flags&tcpRST != 0 && nd.Verbose > 0 {
		tcpRSTDataPrint(nd, payload, plen)
		return
	}

	if nd.Type != "" {
		if fn := tcpTypes[nd.Type]; fn != nil {
			fn(nd, payload, plen, ip, sport, dport)
		}
		return
	}
	if e, ok := lookupPort(tcpPorts, sport, dport); ok {
		e.fn(nd, payload, plen, ip, sport, dport)
	}
}

// tcpEndpointPrint prints the source (or destination) address of the
// enclosing IP header, as tcpdump takes it from the header itself.
func tcpEndpointPrint(nd *ND, ip *ipInfo, v6, dst bool) {
	switch {
	case v6 && dst:
		nd.PrintIP6Addr(ip.hdr, 24)
	case v6:
		nd.PrintIP6Addr(ip.hdr, 8)
	case dst:
		nd.PrintIPAddr(ip.hdr, 16)
	default:
		nd.PrintIPAddr(ip.hdr, 12)
	}
}

// tcpAddrsPrint prints "src > dst" for a segment too short for ports.
func tcpAddrsPrint(nd *ND, ip *ipInfo, v6 bool) {
	tcpEndpointPrint(nd, ip, v6, false)
	nd.Print(" > ")
	tcpEndpointPrint(nd, ip, v6, true)
}

func tcpBadHdrTooLong(nd *ND, hlen, length uint32) {
	nd.Print(" [bad hdr length ")
	nd.PrintUint(uint64(hlen))
	nd.Print(" - too long, > ")
	nd.PrintUint(uint64(length))
	nd.PrintByte(']')
}

// tcpFlagsPrint prints the flag letters, or "none".
func tcpFlagsPrint(nd *ND, flags uint8) {
	if flags == 0 {
		nd.Print("none")
		return
	}
	for _, t := range tcpFlagLetters {
		if uint32(flags)&t.v != 0 {
			nd.Print(t.s)
		}
	}
}

// tcpRSTDataPrint prints the text a RST segment carries (RFC 1122
// 4.2.2.12 allows it to explain the reset): " [RST text]", "+" when
// shortened to 30 bytes, "!" when not all of it was captured
// (print_tcp_rst_data).
func tcpRSTDataPrint(nd *ND, b []byte, length int) {
	if ttest(b, 0, length) {
		nd.Print(" [RST")
	} else {
		nd.Print(" [!RST")
	}
	if length > tcpMaxRSTData {
		length = tcpMaxRSTData
		nd.PrintByte('+')
	}
	nd.PrintByte(' ')
	for i := 0; i < length && i < len(b); i++ {
		nd.printChar(b[i])
	}
	nd.PrintByte(']')
}
