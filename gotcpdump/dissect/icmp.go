package dissect

// ICMP for IPv4 (RFC 792 and friends), with the RFC 4884 multi-part
// extensions and RFC 4950 MPLS label stack objects, as tcpdump's
// print-icmp.c prints it.

import "github.com/goclues/goclues/common/format"

func init() {
	registerIPProto(1, icmpPrint)
}

// printUintPad prints v zero-padded to width digits (%0*u).
func printUintPad(nd *ND, v uint64, width int) {
	nd.out = format.AppendUintPad(nd.out, v, width)
}

const (
	icmpEchoReply    = 0
	icmpUnreach      = 3
	icmpSourceQuench = 4
	icmpRedirect     = 5
	icmpEcho         = 8
	icmpRouterAdvert = 9
	icmpTimeExceeded = 11
	icmpParamProb    = 12
	icmpTstamp       = 13
	icmpTstampReply  = 14
	icmpMaskReply    = 18

	// icmpExtOffset is where a multi-part extension header starts: after
	// the 8-byte ICMP header and the 128-byte original datagram field
	// (ICMP_EXTD_MINLEN).
	icmpExtOffset = 136
)

// icmpTypeNames names the types with no fields worth printing (icmp2str).
var icmpTypeNames = []tok{
	{icmpEchoReply, "echo reply"},
	{icmpSourceQuench, "source quench"},
	{icmpEcho, "echo request"},
	{10, "router solicitation"},
	{icmpTstamp, "time stamp request"},
	{icmpTstampReply, "time stamp reply"},
	{15, "information request"},
	{16, "information reply"},
	{17, "address mask request"},
}

// icmpUnreachFormats are the "destination unreachable" texts by code,
// printed before and after the original datagram's destination. Codes
// 2, 3 and 4 have their own printers.
var icmpUnreachFormats = []struct {
	before, after string
}{
	0:  {"net ", " unreachable"},
	1:  {"host ", " unreachable"},
	5:  {"", " unreachable - source route failed"},
	6:  {"net ", " unreachable - unknown"},
	7:  {"host ", " unreachable - unknown"},
	8:  {"", " unreachable - source host isolated"},
	9:  {"net ", " unreachable - admin prohibited"},
	10: {"host ", " unreachable - admin prohibited"},
	11: {"net ", " unreachable - tos prohibited"},
	12: {"host ", " unreachable - tos prohibited"},
	13: {"host ", " unreachable - admin prohibited filter"},
	14: {"host ", " unreachable - host precedence violation"},
	15: {"host ", " unreachable - precedence cutoff"},
}

// icmpRedirectFormats are the redirect texts by code: before the
// original destination, and between it and the gateway.
var icmpRedirectFormats = []struct {
	before, mid string
}{
	{"redirect ", " to net "},
	{"redirect ", " to host "},
	{"redirect-tos ", " to net "},
	{"redirect-tos ", " to host "},
}

var icmpExtObjectNames = []tok{
	{1, "MPLS Stack Entry"},
	{2, "Interface Identification"},
}

// icmpIsError reports the types that quote the datagram that caused
// them (ICMP_ERRTYPE).
func icmpIsError(t uint8) bool {
	switch t {
	case icmpUnreach, icmpSourceQuench, icmpRedirect, icmpTimeExceeded, icmpParamProb:
		return true
	}
	return false
}

// icmpHasExtensions reports the types that may carry RFC 4884
// extensions (ICMP_MULTIPART_EXT_TYPE).
func icmpHasExtensions(t uint8) bool {
	return t == icmpUnreach || t == icmpTimeExceeded || t == icmpParamProb
}

// icmpPrint prints an ICMP message (icmp_print); length is the ICMP
// length the IP header declares.
func icmpPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	defer catchSoftStop(nd)
	nd.SetProto("icmp")
	typ := getU8(b, 0)
	code := getU8(b, 1)

	icmpDescribe(nd, b, typ, code)
	nd.Print(", length ")
	nd.PrintUint(uint64(length))

	if nd.Verbose > 0 && !ip.fragmented && ttest(b, 0, length) {
		if sum := inCksum(b[:length]); sum != 0 {
			field := getBE16(b, 2)
			nd.Print(" (wrong icmp cksum ")
			nd.PrintHex(uint64(field), 0)
			nd.Print(" (->")
			nd.PrintHex(uint64(cksumShouldBe(field, sum)), 0)
			nd.Print(")!)")
		}
	}

	if nd.Verbose > 0 && icmpIsError(typ) {
		nd.Print("\n\t")
		inner := sub(b, 8)
		ipLen := int(getBE16(inner, 2))
		if ipLen < 4 {
			// tcpdump cuts the capture at the quoted datagram's
			// length, then reads that length field again: when the
			// cut leaves the field out, it stops before the IP
			// printer starts.
			trunc()
		}
		ipPrint(nd, clip(inner, ipLen), ipLen)
	}
	nd.SetProto("icmp")

	if nd.Verbose > 0 && length > icmpExtOffset && icmpHasExtensions(typ) {
		icmpExtPrint(nd, b, length)
	}
}

// icmpDescribe prints "ICMP " and the type-specific text. tcpdump
// formats the text into a buffer before printing anything, so a truncated
// field leaves no partial output: on truncation the output is rolled
// back to where it began.
func icmpDescribe(nd *ND, b []byte, typ, code uint8) {
	mark := len(nd.out)
	defer func() {
		if r := recover(); r != nil {
			nd.out = nd.out[:mark]
			panic(r)
		}
	}()
	nd.Print("ICMP ")
	switch typ {
	case icmpEcho, icmpEchoReply:
		id, seq := getBE16(b, 4), getBE16(b, 6)
		if typ == icmpEcho {
			nd.Print("echo request, id ")
		} else {
			nd.Print("echo reply, id ")
		}
		nd.PrintUint(uint64(id))
		nd.Print(", seq ")
		nd.PrintUint(uint64(seq))
	case icmpUnreach:
		icmpUnreachPrint(nd, b, code)
	case icmpRedirect:
		tcheck(b, 24, 4)
		tcheck(b, 4, 4)
		if int(code) < len(icmpRedirectFormats) {
			f := icmpRedirectFormats[code]
			nd.Print(f.before)
			nd.PrintIPAddr(b, 24)
			nd.Print(f.mid)
		} else {
			nd.Print("redirect-#")
			nd.PrintUint(uint64(code))
			nd.Print(" ")
			nd.PrintIPAddr(b, 24)
			nd.Print(" to ")
		}
		nd.PrintIPAddr(b, 4)
	case icmpRouterAdvert:
		icmpRouterAdvertPrint(nd, b)
	case icmpTimeExceeded:
		softCheck(b, 24, 4)
		switch code {
		case 0:
			nd.Print("time exceeded in-transit")
		case 1:
			nd.Print("ip reassembly time exceeded")
		default:
			nd.Print("time exceeded-#")
			nd.PrintUint(uint64(code))
		}
	case icmpParamProb:
		if code != 0 {
			nd.Print("parameter problem - code ")
			nd.PrintUint(uint64(code))
		} else {
			ptr := getU8(b, 4)
			nd.Print("parameter problem - octet ")
			nd.PrintUint(uint64(ptr))
		}
	case icmpMaskReply:
		mask := getBE32(b, 8)
		nd.Print("address mask is 0x")
		nd.PrintHex(uint64(mask), 8)
	case icmpTstamp:
		id, seq := getBE16(b, 4), getBE16(b, 6)
		nd.Print("time stamp query id ")
		nd.PrintUint(uint64(id))
		nd.Print(" seq ")
		nd.PrintUint(uint64(seq))
	case icmpTstampReply:
		softCheck(b, 16, 4)
		id, seq := getBE16(b, 4), getBE16(b, 6)
		nd.Print("time stamp reply id ")
		nd.PrintUint(uint64(id))
		nd.Print(" seq ")
		nd.PrintUint(uint64(seq))
		nd.Print(": org ")
		icmpTstampPrint(nd, getBE32(b, 8))
		nd.Print(", recv ")
		icmpTstampPrint(nd, getBE32(b, 12))
		nd.Print(", xmit ")
		icmpTstampPrint(nd, getBE32(b, 16))
	default:
		nd.Print(tok2str(icmpTypeNames, "type-#%d", uint32(typ)))
	}
}

// icmpUnreachPrint prints a destination-unreachable message; the quoted
// datagram's IP header starts at b[8].
func icmpUnreachPrint(nd *ND, b []byte, code uint8) {
	const dst = 8 + 16
	switch code {
	case 2:
		tcheck(b, dst, 4)
		proto := getU8(b, 8+9)
		nd.PrintIPAddr(b, dst)
		nd.Print(" protocol ")
		nd.PrintUint(uint64(proto))
		nd.Print(" unreachable")
	case 3:
		softCheck(b, 8+9, 1)
		hlen := int(getU8(b, 8)&0x0f) * 4
		dport := getBE16(b, 8+hlen+2)
		proto := getU8(b, 8+9)
		tcheck(b, dst, 4)
		nd.PrintIPAddr(b, dst)
		switch proto {
		case 6:
			nd.Print(" tcp port ")
			nd.PrintTCPPort(dport)
		case 17:
			nd.Print(" udp port ")
			nd.PrintUDPPort(dport)
		default:
			nd.Print(" protocol ")
			nd.PrintUint(uint64(proto))
			nd.Print(" port ")
			nd.PrintUint(uint64(dport))
		}
		nd.Print(" unreachable")
	case 4:
		mtu := getBE16(b, 6)
		tcheck(b, dst, 4)
		nd.PrintIPAddr(b, dst)
		nd.Print(" unreachable - need to frag")
		if mtu != 0 {
			nd.Print(" (mtu ")
			nd.PrintUint(uint64(mtu))
			nd.Print(")")
		}
	default:
		tcheck(b, dst, 4)
		if int(code) < len(icmpUnreachFormats) && icmpUnreachFormats[code].after != "" {
			f := icmpUnreachFormats[code]
			nd.Print(f.before)
			nd.PrintIPAddr(b, dst)
			nd.Print(f.after)
			return
		}
		nd.PrintIPAddr(b, dst)
		nd.Print(" unreachable - #")
		nd.PrintUint(uint64(code))
	}
}

// icmpRouterAdvertPrint prints an RFC 1256 router advertisement.
func icmpRouterAdvertPrint(nd *ND, b []byte) {
	softCheck(b, 4, 4)
	num := int(getU8(b, 4))
	size := getU8(b, 5)
	lifetime := uint64(getBE16(b, 6))
	nd.Print("router advertisement lifetime ")
	switch {
	case lifetime < 60:
		nd.PrintUint(lifetime)
	case lifetime < 60*60:
		nd.PrintUint(lifetime / 60)
		nd.PrintByte(':')
		printUintPad(nd, lifetime%60, 2)
	default:
		nd.PrintUint(lifetime / 3600)
		nd.PrintByte(':')
		printUintPad(nd, lifetime%3600/60, 2)
		nd.PrintByte(':')
		printUintPad(nd, lifetime%60, 2)
	}
	nd.Print(" ")
	nd.PrintUint(uint64(num))
	nd.Print(":")
	if size != 2 {
		nd.Print(" [size ")
		nd.PrintUint(uint64(size))
		nd.Print("]")
		return
	}
	for i := 0; i < num; i++ {
		off := 8 + 8*i
		softCheck(b, off, 8)
		nd.Print(" {")
		nd.PrintIPAddr(b, off)
		nd.Print(" ")
		nd.PrintUint(uint64(getBE32(b, off+4)))
		nd.Print("}")
	}
}

// icmpTstampPrint prints milliseconds since midnight UTC as
// hh:mm:ss.mmm (icmp_tstamp_print).
func icmpTstampPrint(nd *ND, ms uint32) {
	msec := uint64(ms % 1000)
	sec := uint64(ms / 1000)
	min := sec / 60
	sec -= min * 60
	hrs := min / 60
	min -= hrs * 60
	printUintPad(nd, hrs, 2)
	nd.PrintByte(':')
	printUintPad(nd, min, 2)
	nd.PrintByte(':')
	printUintPad(nd, sec, 2)
	nd.PrintByte('.')
	printUintPad(nd, msec, 3)
}

// icmpExtPrint prints the RFC 4884 extension structure that follows the
// 128-byte original datagram field.
func icmpExtPrint(nd *ND, b []byte, length int) {
	softCheck(b, 0, icmpExtOffset+5)
	extLen := length - icmpExtOffset
	// Without the length field, only a valid checksum shows that an
	// extension structure is there at all.
	if getU8(b, 5) == 0 && ttest(b, icmpExtOffset, extLen) {
		if inCksum(b[icmpExtOffset:icmpExtOffset+extLen]) != 0 {
			return
		}
	}
	version := getU8(b, icmpExtOffset) >> 4
	nd.Print("\n\tICMP Multi-Part extension v")
	nd.PrintUint(uint64(version))
	if version != 2 {
		nd.Print(" packet not supported")
		return
	}
	if ttest(b, icmpExtOffset, extLen) {
		nd.Print(", checksum 0x")
		nd.PrintHex(uint64(getBE16(b, icmpExtOffset+2)), 4)
		if inCksum(b[icmpExtOffset:icmpExtOffset+extLen]) != 0 {
			nd.Print(" (incorrect)")
		} else {
			nd.Print(" (correct)")
		}
		nd.Print(", length ")
		nd.PrintUint(uint64(extLen))
	}

	hlen := extLen - 4
	off := icmpExtOffset + 4
	for hlen > 4 {
		softCheck(b, off, 4)
		objLen := int(getBE16(b, off))
		class := getU8(b, off+2)
		ctype := getU8(b, off+3)
		off += 4
		nd.Print("\n\t  ")
		nd.Print(tok2strNoAlloc(icmpExtObjectNames, "unknown", uint32(class)))
		nd.Print(" Object (")
		nd.PrintUint(uint64(class))
		nd.Print("), Class-Type: ")
		nd.PrintUint(uint64(ctype))
		nd.Print(", length ")
		nd.PrintUint(uint64(objLen))
		hlen -= 4
		if class == 0 || objLen < 4 {
			return
		}
		objLen -= 4
		if class == 1 && ctype == 1 {
			label := getBE32(b, off)
			nd.Print("\n\t    label ")
			nd.PrintUint(uint64(label >> 12))
			nd.Print(", tc ")
			nd.PrintUint(uint64(label >> 9 & 7))
			if label&0x100 != 0 {
				nd.Print(", [S]")
			}
			nd.Print(", ttl ")
			nd.PrintUint(uint64(label & 0xff))
		} else {
			unknownDataPrint(nd, b, off, "\n\t    ", objLen)
		}
		if hlen < objLen {
			break
		}
		hlen -= objLen
		off += objLen
	}
}

// unknownDataPrint hex-dumps n bytes at off, or as many as were
// captured (print_unknown_data).
func unknownDataPrint(nd *ND, b []byte, off int, indent string, n int) {
	if off < 0 || off > len(b) {
		nd.Print(indent)
		nd.Print("Dissector error: print_unknown_data called with pointer past end of packet")
		return
	}
	if avail := len(b) - off; avail < n {
		n = avail
	}
	if n > 0 {
		nd.HexPrint(indent, b[off:off+n])
	}
}
