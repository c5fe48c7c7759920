package dissect

// DCCP, the Datagram Congestion Control Protocol (RFC 4340; tcpdump's
// print-dccp.c), IP protocol 33. Like TCP it prints the addresses itself.

func init() {
	registerIPProto(33, dccpPrint)
}

// DCCP packet types.
const (
	dccpRequest  = 0
	dccpResponse = 1
	dccpData     = 2
	dccpReset    = 7
)

var dccpTypes = []tok{
	{0, "DCCP-Request"}, {1, "DCCP-Response"}, {2, "DCCP-Data"}, {3, "DCCP-Ack"},
	{4, "DCCP-DataAck"}, {5, "DCCP-CloseReq"}, {6, "DCCP-Close"}, {7, "DCCP-Reset"},
	{8, "DCCP-Sync"}, {9, "DCCP-SyncAck"},
}

// dccpTypeExtra is how many bytes each packet type adds to the generic
// header (-1: unknown type, nothing added).
var dccpTypeExtra = [...]int{4, 12, 0, 8, 8, 8, 8, 12, 8, 8}

var dccpResetCodes = [...]string{
	"unspecified", "closed", "aborted", "no_connection", "packet_error",
	"option_error", "mandatory_error", "connection_refused", "bad_service_code",
	"too_busy", "bad_init_cookie", "aggression_penalty",
}

var dccpFeatures = [...]string{
	"reserved", "ccid", "allow_short_seqno", "sequence_window", "ecn_incapable",
	"ack_ratio", "send_ack_vector", "send_ndp_count", "minimum checksum coverage",
	"check data checksum",
}

var dccpOptions = []tok{
	{0, "nop"}, {1, "mandatory"}, {2, "slowreceiver"}, {32, "change_l"},
	{33, "confirm_l"}, {34, "change_r"}, {35, "confirm_r"}, {36, "initcookie"},
	{37, "ndp_count"}, {38, "ack_vector0"}, {39, "ack_vector1"},
	{40, "data_dropped"}, {41, "timestamp"}, {42, "timestamp_echo"},
	{43, "elapsed_time"}, {44, "data_checksum"},
}

// Generic header lengths without and with extended sequence numbers.
const (
	dccpHdrLen    = 12
	dccpHdrExtLen = 16
)

func dccpPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("dccp")
	if len(b) < dccpHdrLen {
		nd.PrintTrunc()
		return
	}
	if length < dccpHdrLen {
		nd.Printf("truncated-dccp - %d bytes missing!", dccpHdrLen-length)
		return
	}
	ext := getU8(b, 8)&1 != 0
	fixed := dccpHdrLen
	if ext {
		fixed = dccpHdrExtLen
	}
	if length < fixed {
		nd.Printf("truncated-dccp - %d bytes missing!", fixed-length)
		return
	}
	tcheck(b, 0, fixed)
	sport, dport := getBE16(b, 0), getBE16(b, 2)
	hlen := int(getU8(b, 4)) * 4
	ipAddrPrint(nd, ip, ip.src)
	nd.PrintByte('.')
	nd.PrintUint(uint64(sport))
	nd.Print(" > ")
	ipAddrPrint(nd, ip, ip.dst)
	nd.PrintByte('.')
	nd.PrintUint(uint64(dport))
	nd.Print(": DCCP")
	if nd.Quick {
		nd.Printf(" %d", uint32(length-hlen))
		if hlen > length {
			nd.Printf(" [bad hdr length %d - too long, > %d]", hlen, length)
		}
		return
	}
	cscov := int(getU8(b, 5) & 0xf)
	if nd.Verbose > 0 {
		nd.Printf(" (CCVal %d, CsCov %d", getU8(b, 5)>>4, cscov)
		if ttest(b, 0, length) {
			field := getBE16(b, 6)
			nd.Printf(", cksum 0x%04x ", field)
			if sum := dccpCksum(ip, b, length, cscov); sum != 0 {
				nd.Printf("(incorrect -> 0x%04x)", cksumShouldBe(field, sum))
			} else {
				nd.Print("(correct)")
			}
		}
		nd.Print(")")
	}
	nd.Print(" ")
	typ := int(getU8(b, 8)>>1) & 0xf
	if typ >= len(dccpTypeExtra) {
		nd.Printf("unknown-type-%d ", typ)
	} else {
		name := dccpTypes[typ].s
		fixed += dccpTypeExtra[typ]
		if length < fixed {
			nd.Printf("truncated-%s - %d bytes missing!", name, fixed-length)
			return
		}
		switch typ {
		case dccpRequest:
			nd.Printf("%s (service=%d) ", name, getBE32(b, fixed-4))
		case dccpResponse:
			tcheck(b, fixed-12, 12)
			nd.Printf("%s (service=%d) ", name, getBE32(b, fixed-4))
		case dccpReset:
			tcheck(b, fixed-12, 12)
			code := "invalid"
			if c := int(getU8(b, fixed-4)); c < len(dccpResetCodes) {
				code = dccpResetCodes[c]
			}
			nd.Printf("%s (code=%s) ", name, code)
		default:
			nd.Print(name)
			nd.Print(" ")
		}
	}
	if typ != dccpData && typ != dccpRequest {
		var ack uint64
		if ext {
			ack = uint64(getBE16(b, dccpHdrExtLen+2))<<32 | uint64(getBE32(b, dccpHdrExtLen+4))
		} else {
			ack = uint64(getBE24(b, dccpHdrLen+1))
		}
		nd.Printf("(ack=%d) ", ack)
	}
	if nd.Verbose < 2 {
		return
	}
	var seq uint64
	if ext {
		seq = uint64(getBE16(b, 10))<<32 | uint64(getBE32(b, 12))
	} else {
		seq = uint64(getBE24(b, 9))
	}
	nd.Printf("seq %d", seq)
	if hlen > fixed {
		off := fixed
		hlen -= fixed
		nd.Print(" <")
		for {
			optlen := dccpOptionPrint(nd, b, off, hlen)
			if optlen == 0 || hlen <= optlen {
				break
			}
			hlen -= optlen
			off += optlen
			nd.Print(", ")
		}
		nd.Print(">")
	}
}

// dccpCksum is the Internet checksum over the pseudo-header and the
// first coverage bytes of the packet (CsCov 0 covers it all).
func dccpCksum(ip *ipInfo, b []byte, length, cscov int) uint16 {
	cov := length
	if cscov != 0 {
		if c := (int(getU8(b, 4)) + cscov - 1) * 4; c < cov {
			cov = c
		}
	}
	sum := cksumAdd(0, ip.src)
	dst := ip.cksumDst
	if dst == nil {
		dst = ip.dst
	}
	sum = cksumAdd(sum, dst)
	sum += uint32(length>>16) + uint32(length&0xffff) + 33
	return cksumFold(cksumAdd(sum, b[:cov]))
}

// dccpOptionPrintName names an option for the error messages.
func dccpOptionPrintName(nd *ND, t uint8) {
	if t >= 128 {
		nd.Printf("CCID option %d", t)
	} else {
		nd.Print(tok2str(dccpOptions, "Option %d", uint32(t)))
	}
}

// dccpOptionPrint prints the option at off and returns its length, or 0
// to stop.
func dccpOptionPrint(nd *ND, b []byte, off, hlen int) int {
	t := getU8(b, off)
	optlen := 1
	if t >= 32 {
		optlen = int(getU8(b, off+1))
		if optlen < 2 {
			dccpOptionPrintName(nd, t)
			nd.Print(" optlen too short")
			return 0
		}
	}
	if hlen < optlen {
		dccpOptionPrintName(nd, t)
		nd.Print(" optlen goes past header length")
		return 0
	}
	if !ttest(b, off, optlen) {
		nd.PrintTrunc()
		return 0
	}
	dccpOptionPrintName(nd, t)
	if t >= 128 {
		switch optlen {
		case 4:
			nd.Printf(" %d", getBE16(b, off+2))
		case 6:
			nd.Printf(" %d", getBE32(b, off+2))
		}
		return optlen
	}
	switch t {
	case 32, 33, 34, 35:
		if optlen < 3 {
			nd.Print(" optlen too short")
			return optlen
		}
		if f := getU8(b, off+2); int(f) < len(dccpFeatures) {
			nd.Print(" ")
			nd.Print(dccpFeatures[f])
			for i := 0; i < optlen-3; i++ {
				nd.Printf(" %d", getU8(b, off+3+i))
			}
		}
	case 36, 38, 39, 40:
		if optlen > 2 {
			nd.Print(" 0x")
			dccpHexBytes(nd, b, off+2, optlen-2)
		}
	case 37:
		for i := 0; i < optlen-2; i++ {
			nd.Printf(" %d", getU8(b, off+2+i))
		}
	case 41:
		if optlen == 6 {
			nd.Printf(" %d", getBE32(b, off+2))
		} else {
			nd.Print(" [optlen != 6]")
		}
	case 42:
		switch optlen {
		case 6:
			nd.Printf(" %d", getBE32(b, off+2))
		case 8:
			nd.Printf(" %d (elapsed time %d)", getBE32(b, off+2), getBE16(b, off+6))
		case 10:
			nd.Printf(" %d (elapsed time %d)", getBE32(b, off+2), getBE32(b, off+6))
		default:
			nd.Print(" [optlen != 6 or 8 or 10]")
		}
	case 43:
		switch optlen {
		case 6:
			nd.Printf(" %d", getBE32(b, off+2))
		case 4:
			nd.Printf(" %d", getBE16(b, off+2))
		default:
			nd.Print(" [optlen != 4 or 6]")
		}
	case 44:
		if optlen > 2 {
			nd.Print(" ")
			dccpHexBytes(nd, b, off+2, optlen-2)
		}
	}
	return optlen
}

func dccpHexBytes(nd *ND, b []byte, off, n int) {
	for i := 0; i < n; i++ {
		nd.PrintHex(uint64(getU8(b, off+i)), 2)
	}
}
