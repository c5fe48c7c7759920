package dissect

import (
	"crypto/md5"
	"encoding/binary"
)

// TCP options, printed as tcpdump's tcp_print does inside
// ", options [...]".

// TCP option kinds.
const (
	tcpOptEOL       = 0
	tcpOptNOP       = 1
	tcpOptMSS       = 2
	tcpOptWScale    = 3
	tcpOptSACKOK    = 4
	tcpOptSACK      = 5
	tcpOptEcho      = 6
	tcpOptEchoReply = 7
	tcpOptTS        = 8
	tcpOptCC        = 11
	tcpOptCCNew     = 12
	tcpOptCCEcho    = 13
	tcpOptMD5       = 19
	tcpOptSCPS      = 20
	tcpOptUTO       = 28
	tcpOptAO        = 29
	tcpOptMPTCP     = 30
	tcpOptFastOpen  = 34
	tcpOptExp2      = 254
)

// tcpSigLen is the length of a TCP MD5 signature (RFC 2385).
const tcpSigLen = 16

// tcpOptionNames is tcpdump's tcp_option_values (CC.ECHO really prints
// as an empty name there).
var tcpOptionNames = []tok{
	{tcpOptEOL, "eol"},
	{tcpOptNOP, "nop"},
	{tcpOptMSS, "mss"},
	{tcpOptWScale, "wscale"},
	{tcpOptSACKOK, "sackOK"},
	{tcpOptSACK, "sack"},
	{tcpOptEcho, "echo"},
	{tcpOptEchoReply, "echoreply"},
	{tcpOptTS, "TS"},
	{tcpOptCC, "cc"},
	{tcpOptCCNew, "ccnew"},
	{tcpOptCCEcho, ""},
	{tcpOptMD5, "md5"},
	{tcpOptSCPS, "scps"},
	{tcpOptUTO, "uto"},
	{tcpOptAO, "tcp-ao"},
	{tcpOptMPTCP, "mptcp"},
	{tcpOptFastOpen, "tfo"},
	{tcpOptExp2, "exp"},
}

// tcpOptions is the state of one options walk.
type tcpOptions struct {
	b          []byte // the TCP segment from its header on
	ip         *ipInfo
	flags      uint8
	rel        tcpRelSeq // for SACK blocks relative to the conversation
	payloadLen uint32
	hdrLen     int

	off    int    // next option byte
	remain uint32 // option bytes left in the header (tcpdump's hlen)
	sep    byte   // 0 before the first option, then ','
}

// tcpOptStop says why an option cut the walk short.
type tcpOptStop int

const (
	tcpOptOK    tcpOptStop = iota
	tcpOptBad              // "[bad opt]": a length that makes no sense
	tcpOptTrunc            // the option's data was not captured
)

// print walks the options and reports whether the header line should
// go on (false after "[bad opt]" or a truncation marker).
func (o *tcpOptions) print(nd *ND) bool {
	o.off = tcpHdrLen
	o.remain = uint32(o.hdrLen - tcpHdrLen)
	nd.Print(", options [")
	for o.remain > 0 {
		if o.sep != 0 {
			nd.PrintByte(o.sep)
		}
		opt := getU8(o.b, o.off)
		o.off++
		var olen uint32 = 1
		if opt != tcpOptEOL && opt != tcpOptNOP {
			olen = uint32(getU8(o.b, o.off))
			o.off++
			if olen < 2 || olen > o.remain {
				return o.stop(nd, tcpOptBad)
			}
			o.remain--
		}
		o.remain--

		tcpOptNamePrint(nd, opt)
		datalen, stop := o.printOne(nd, opt, olen)
		if stop != tcpOptOK {
			return o.stop(nd, stop)
		}
		o.off += int(datalen)
		o.remain -= datalen

		datalen++
		if opt != tcpOptEOL && opt != tcpOptNOP {
			datalen++
		}
		if datalen != olen {
			nd.Print("[len ")
			nd.PrintUint(uint64(olen))
			nd.PrintByte(']')
		}
		o.sep = ','
		if opt == tcpOptEOL {
			break
		}
	}
	nd.PrintByte(']')
	return true
}

func (o *tcpOptions) stop(nd *ND, why tcpOptStop) bool {
	if why == tcpOptBad {
		nd.Print("[bad opt]")
		if o.sep != 0 {
			nd.PrintByte(']')
		}
		return false
	}
	nd.PrintTrunc()
	if o.sep != 0 {
		nd.PrintByte('>')
	}
	return false
}

// lencheck is tcpdump's LENCHECK: n more option bytes must be declared
// by the header and captured.
func (o *tcpOptions) lencheck(n uint32) tcpOptStop {
	if n > o.remain {
		return tcpOptBad
	}
	if !ttest(o.b, o.off, int(n)) {
		return tcpOptTrunc
	}
	return tcpOptOK
}

// printNumber prints, after a space, the size-byte (1, 2 or 4)
// big-endian number that is the whole data of an option.
func (o *tcpOptions) printNumber(nd *ND, size uint32) (uint32, tcpOptStop) {
	if s := o.lencheck(size); s != tcpOptOK {
		return 0, s
	}
	var v uint32
	switch size {
	case 1:
		v = uint32(getU8(o.b, o.off))
	case 2:
		v = uint32(getBE16(o.b, o.off))
	default:
		v = getBE32(o.b, o.off)
	}
	nd.PrintByte(' ')
	nd.PrintUint(uint64(v))
	return size, tcpOptOK
}

// printOne prints the data of one option whose kind and name are
// already out, and returns how many data bytes it covered.
func (o *tcpOptions) printOne(nd *ND, opt uint8, olen uint32) (uint32, tcpOptStop) {
	cp := o.off
	b := o.b
	switch opt {
	case tcpOptMSS:
		return o.printNumber(nd, 2)

	case tcpOptWScale:
		return o.printNumber(nd, 1)

	case tcpOptSACK:
		datalen := olen - 2
		if datalen%8 != 0 {
			nd.Print(" invalid sack")
			return datalen, tcpOptOK
		}
		nd.PrintByte(' ')
		nd.PrintUint(uint64(datalen / 8))
		nd.PrintByte(' ')
		for i := uint32(0); i < datalen; i += 8 {
			if s := o.lencheck(i + 4); s != tcpOptOK {
				return 0, s
			}
			start := getBE32(b, cp+int(i))
			if s := o.lencheck(i + 8); s != tcpOptOK {
				return 0, s
			}
			end := getBE32(b, cp+int(i)+4)
			if o.rel.rev {
				start -= o.rel.baseSeq
				end -= o.rel.baseSeq
			} else {
				start -= o.rel.baseAck
				end -= o.rel.baseAck
			}
			nd.PrintByte('{')
			nd.PrintUint(uint64(start))
			nd.PrintByte(':')
			nd.PrintUint(uint64(end))
			nd.PrintByte('}')
		}
		return datalen, tcpOptOK

	case tcpOptCC, tcpOptCCNew, tcpOptCCEcho, tcpOptEcho, tcpOptEchoReply:
		return o.printNumber(nd, 4)

	case tcpOptTS:
		if s := o.lencheck(8); s != tcpOptOK {
			return 0, s
		}
		nd.Print(" val ")
		nd.PrintUint(uint64(getBE32(b, cp)))
		nd.Print(" ecr ")
		nd.PrintUint(uint64(getBE32(b, cp+4)))
		return 8, tcpOptOK

	case tcpOptMD5:
		if s := o.lencheck(tcpSigLen); s != tcpOptOK {
			return 0, s
		}
		nd.PrintByte(' ')
		o.signaturePrint(nd, cp)
		return tcpSigLen, tcpOptOK

	case tcpOptSCPS:
		if s := o.lencheck(2); s != tcpOptOK {
			return 0, s
		}
		nd.Print(" cap ")
		nd.PrintHex(uint64(getU8(b, cp)), 2)
		nd.Print(" id ")
		nd.PrintUint(uint64(getU8(b, cp+1)))
		return 2, tcpOptOK

	case tcpOptAO:
		datalen := olen - 2
		if datalen < 2 {
			nd.PrintInvalid()
			return datalen, tcpOptOK
		}
		if s := o.lencheck(1); s != tcpOptOK {
			return 0, s
		}
		nd.Print(" keyid ")
		nd.PrintUint(uint64(getU8(b, cp)))
		if s := o.lencheck(2); s != tcpOptOK {
			return 0, s
		}
		nd.Print(" rnextkeyid ")
		nd.PrintUint(uint64(getU8(b, cp+1)))
		if datalen > 2 {
			nd.Print(" mac 0x")
			for i := uint32(2); i < datalen; i++ {
				if s := o.lencheck(i + 1); s != tcpOptOK {
					return 0, s
				}
				nd.PrintHex(uint64(getU8(b, cp+int(i))), 2)
			}
		}
		return datalen, tcpOptOK

	case tcpOptEOL, tcpOptNOP, tcpOptSACKOK:
		return 0, tcpOptOK

	case tcpOptUTO:
		if s := o.lencheck(2); s != tcpOptOK {
			return 0, s
		}
		v := uint32(getBE16(b, cp))
		nd.Print(" 0x")
		nd.PrintHex(uint64(v), 0)
		if v&1 != 0 {
			v = (v >> 1) * 60
		} else {
			v >>= 1
		}
		nd.PrintByte(' ')
		nd.PrintUint(uint64(v))
		return 2, tcpOptOK

	case tcpOptMPTCP:
		datalen := olen - 2
		if s := o.lencheck(datalen); s != tcpOptOK {
			return 0, s
		}
		// The MPTCP printer sees only this option's bytes.
		if !mptcpPrint(nd, b[cp-2:cp-2+int(olen)], olen, o.flags) {
			return 0, tcpOptBad
		}
		return datalen, tcpOptOK

	case tcpOptFastOpen:
		datalen := olen - 2
		if s := o.lencheck(datalen); s != tcpOptOK {
			return 0, s
		}
		nd.PrintByte(' ')
		tcpFastOpenPrint(nd, b, cp, datalen, false)
		return datalen, tcpOptOK

	case tcpOptExp2:
		datalen := olen - 2
		if s := o.lencheck(datalen); s != tcpOptOK {
			return 0, s
		}
		if datalen < 2 {
			return 0, tcpOptBad
		}
		magic := getBE16(b, cp)
		nd.PrintByte('-')
		if magic == 0xf989 { // TCP Fast Open, RFC 7413
			tcpFastOpenPrint(nd, b, cp+2, datalen-2, true)
		} else {
			nd.PrintHex(uint64(magic), 4)
		}
		return datalen, tcpOptOK
	}

	datalen := olen - 2
	if datalen != 0 {
		nd.Print(" 0x")
	}
	for i := uint32(0); i < datalen; i++ {
		if s := o.lencheck(i + 1); s != tcpOptOK {
			return 0, s
		}
		nd.PrintHex(uint64(getU8(b, cp+int(i))), 2)
	}
	return datalen, tcpOptOK
}

// tcpOptNamePrint prints an option's name, "unknown-N" for kinds
// tcpdump has no name for.
func tcpOptNamePrint(nd *ND, opt uint8) {
	for _, t := range tcpOptionNames {
		if t.v == uint32(opt) {
			nd.Print(t.s)
			return
		}
	}
	nd.Print("unknown-")
	nd.PrintUint(uint64(opt))
}

// signaturePrint prints the MD5 signature option (RFC 2385): "valid"
// or " (invalid)" when -M gave the shared secret and the segment was
// captured whole, else why it cannot be checked and the signature.
func (o *tcpOptions) signaturePrint(nd *ND, cp int) {
	switch {
	case !ttest(o.b, o.hdrLen, int(o.payloadLen)):
		nd.Print("snaplen too short, ")
	case nd.SigSecret == "":
		nd.Print("shared secret not supplied with -M, ")
	default:
		if tcpSignature(o.ip, o.b, o.hdrLen, int(o.payloadLen), nd.SigSecret) == [tcpSigLen]byte(o.b[cp:cp+tcpSigLen]) {
			nd.Print("valid")
		} else {
			nd.PrintInvalid()
		}
		return
	}
	nd.Print("can't check - ")
	for i := 0; i < tcpSigLen; i++ {
		nd.PrintHex(uint64(getU8(o.b, cp+i)), 2)
	}
}

// tcpSignature computes the MD5 digest RFC 2385 puts in the option:
// over the pseudo-header, the fixed TCP header with a zero checksum, the
// payload and the secret.
func tcpSignature(ip *ipInfo, seg []byte, hdrLen, payloadLen int, secret string) [tcpSigLen]byte {
	h := md5.New()
	if ip.ver == 4 {
		h.Write(ip.hdr[12:20])
		tlen := binary.BigEndian.Uint16(ip.hdr[2:4]) - uint16(len(ip.hdr))
		h.Write([]byte{0, ip.hdr[9], byte(tlen >> 8), byte(tlen)})
	} else {
		h.Write(ip.hdr[8:40])
		plen := binary.BigEndian.Uint16(ip.hdr[4:6])
		h.Write([]byte{0, 0, byte(plen >> 8), byte(plen), 0, 0, 0, 6})
	}
	var hdr [tcpHdrLen]byte
	copy(hdr[:], seg[:tcpHdrLen])
	hdr[16], hdr[17] = 0, 0
	h.Write(hdr[:])
	h.Write(seg[hdrLen : hdrLen+payloadLen])
	h.Write([]byte(secret))
	var sum [tcpSigLen]byte
	h.Sum(sum[:0])
	return sum
}

// tcpFastOpenPrint prints a TCP Fast Open option's data: a cookie
// request when empty, else the cookie (print_tcp_fastopen_option).
func tcpFastOpenPrint(nd *ND, b []byte, cp int, datalen uint32, exp bool) {
	if exp {
		nd.Print("tfo")
	}
	if datalen == 0 {
		nd.Print(" cookiereq")
		return
	}
	if datalen%2 != 0 || datalen < 4 || datalen > 16 {
		nd.PrintInvalid()
		return
	}
	nd.Print(" cookie ")
	for i := 0; i < int(datalen); i++ {
		nd.PrintHex(uint64(getU8(b, cp+i)), 2)
	}
}
