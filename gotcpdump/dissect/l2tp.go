package dissect

// L2TP version 2 (RFC 2661; tcpdump's print-l2tp.c) on UDP port 1701:
// control messages as their AVPs, data messages as PPP.

func init() {
	registerUDPPort("l2tp", l2tpUDPPrint, 1701)
}

// Header flag bits and the version field.
const (
	l2tpFlagType     = 0x8000
	l2tpFlagLength   = 0x4000
	l2tpFlagSequence = 0x0800
	l2tpFlagOffset   = 0x0200
	l2tpFlagPriority = 0x0100
	l2tpVersionMask  = 0x000f
)

var l2tpMsgTypes = []tok{
	{1, "SCCRQ"}, {2, "SCCRP"}, {3, "SCCCN"}, {4, "StopCCN"}, {6, "HELLO"},
	{7, "OCRQ"}, {8, "OCRP"}, {9, "OCCN"}, {10, "ICRQ"}, {11, "ICRP"},
	{12, "ICCN"}, {14, "CDN"}, {15, "WEN"}, {16, "SLI"},
}

var l2tpAVPNames = []tok{
	{0, "MSGTYPE"}, {1, "RESULT_CODE"}, {2, "PROTO_VER"}, {3, "FRAMING_CAP"},
	{4, "BEARER_CAP"}, {5, "TIE_BREAKER"}, {6, "FIRM_VER"}, {7, "HOST_NAME"},
	{8, "VENDOR_NAME"}, {9, "ASSND_TUN_ID"}, {10, "RECV_WIN_SIZE"}, {11, "CHALLENGE"},
	{12, "Q931_CC"}, {13, "CHALLENGE_RESP"}, {14, "ASSND_SESS_ID"}, {15, "CALL_SER_NUM"},
	{16, "MINIMUM_BPS"}, {17, "MAXIMUM_BPS"}, {18, "BEARER_TYPE"}, {19, "FRAMING_TYPE"},
	{20, "PACKET_PROC_DELAY"}, {21, "CALLED_NUMBER"}, {22, "CALLING_NUMBER"},
	{23, "SUB_ADDRESS"}, {24, "TX_CONN_SPEED"}, {25, "PHY_CHANNEL_ID"},
	{26, "INI_RECV_LCP"}, {27, "LAST_SENT_LCP"}, {28, "LAST_RECV_LCP"},
	{29, "PROXY_AUTH_TYPE"}, {30, "PROXY_AUTH_NAME"}, {31, "PROXY_AUTH_CHAL"},
	{32, "PROXY_AUTH_ID"}, {33, "PROXY_AUTH_RESP"}, {34, "CALL_ERRORS"}, {35, "ACCM"},
	{36, "RANDOM_VECTOR"}, {37, "PRIVATE_GRP_ID"}, {38, "RX_CONN_SPEED"},
	{39, "SEQ_REQUIRED"}, {46, "PPP_DISCON_CC"},
}

var l2tpAuthTypes = []tok{
	{0, "Reserved"}, {1, "Textual"}, {2, "CHAP"}, {3, "PAP"}, {4, "No Auth"}, {5, "MS-CHAPv1"},
}

var l2tpCCDirections = []tok{{0, "global error"}, {1, "at peer"}, {2, "at local"}}

// l2tpAVPPrinter prints an AVP value of n bytes at off.
type l2tpAVPPrinter func(nd *ND, b []byte, off, n int)

var l2tpAVPs map[uint16]l2tpAVPPrinter

func init() {
	str := func(nd *ND, b []byte, off, n int) { l2tpString(nd, b, off, n) }
	oct := func(nd *ND, b []byte, off, n int) { l2tpOctets(nd, b, off, n) }
	u16 := l2tpMin(2, func(nd *ND, b []byte, off, _ int) { nd.PrintUint(uint64(getBE16(b, off))) })
	u32 := l2tpMin(4, func(nd *ND, b []byte, off, _ int) { nd.PrintUint(uint64(getBE32(b, off))) })
	bits := func(hi, lo string) l2tpAVPPrinter {
		return l2tpMin(4, func(nd *ND, b []byte, off, _ int) {
			v := getBE32(b, off)
			if v&2 != 0 {
				nd.Print(hi)
			}
			if v&1 != 0 {
				nd.Print(lo)
			}
		})
	}
	l2tpAVPs = map[uint16]l2tpAVPPrinter{
		0: l2tpMin(2, func(nd *ND, b []byte, off, _ int) {
			nd.Print(tok2str(l2tpMsgTypes, "MSGTYPE-#%d", uint32(getBE16(b, off))))
		}),
		1: l2tpResultCode,
		2: l2tpMin(2, func(nd *ND, b []byte, off, _ int) {
			v := getBE16(b, off)
			nd.Printf("%d.%d", v>>8, v&0xff)
		}),
		3: bits("A", "S"), 4: bits("A", "D"),
		5: l2tpMin(8, func(nd *ND, b []byte, off, _ int) { l2tpOctets(nd, b, off, 8) }),
		6: u16, 9: u16, 10: u16, 14: u16,
		7: str, 8: str, 22: str, 21: str, 23: str, 30: str, 37: str,
		11: oct, 26: oct, 27: oct, 28: oct, 31: oct, 33: oct, 36: oct,
		12: l2tpMin(3, func(nd *ND, b []byte, off, n int) {
			nd.PrintUint(uint64(getBE16(b, off)))
			nd.Printf(", %02x", getU8(b, off+2))
			if n > 3 {
				nd.Print(" ")
				l2tpString(nd, b, off+3, n-3)
			}
		}),
		13: l2tpMin(16, func(nd *ND, b []byte, off, _ int) { l2tpOctets(nd, b, off, 16) }),
		15: u32, 16: u32, 17: u32, 24: u32, 25: u32, 38: u32,
		18: bits("A", "D"), 19: bits("A", "S"),
		20: func(nd *ND, _ []byte, _, _ int) { nd.Print("obsolete") },
		29: l2tpMin(2, func(nd *ND, b []byte, off, _ int) {
			nd.Print(tok2str(l2tpAuthTypes, "AuthType-#%d", uint32(getBE16(b, off))))
		}),
		32: l2tpMin(2, func(nd *ND, b []byte, off, _ int) { nd.PrintUint(uint64(getBE16(b, off) & 0xff)) }),
		34: func(nd *ND, b []byte, off, n int) {
			l2tpCounters(nd, b, off, n, []string{"CRCErr=%d ", "FrameErr=%d ", "HardOver=%d ", "BufOver=%d ", "Timeout=%d ", "AlignErr=%d "})
		},
		35: func(nd *ND, b []byte, off, n int) {
			l2tpCounters(nd, b, off, n, []string{"send=%08x ", "recv=%08x "})
		},
		39: func(*ND, []byte, int, int) {},
		46: l2tpMin(5, func(nd *ND, b []byte, off, n int) {
			nd.Printf("%04x, ", getBE16(b, off))
			nd.Printf("%04x ", getBE16(b, off+2))
			nd.Print(tok2str(l2tpCCDirections, "Direction-#%d", uint32(getU8(b, off+4))))
			if n > 5 {
				nd.Print(" ")
				l2tpString(nd, b, off+5, n-5)
			}
		}),
	}
}

// l2tpMin wraps fn with tcpdump's "AVP too short" check.
func l2tpMin(min int, fn l2tpAVPPrinter) l2tpAVPPrinter {
	return func(nd *ND, b []byte, off, n int) {
		if n < min {
			nd.Print("AVP too short")
			return
		}
		fn(nd, b, off, n)
	}
}

func l2tpString(nd *ND, b []byte, off, n int) {
	for i := 0; i < n; i++ {
		nd.printChar(getU8(b, off+i))
	}
}

func l2tpOctets(nd *ND, b []byte, off, n int) {
	for i := 0; i < n; i++ {
		nd.PrintHex(uint64(getU8(b, off+i)), 2)
	}
}

func l2tpResultCode(nd *ND, b []byte, off, n int) {
	if n < 2 {
		nd.Print("AVP too short")
		return
	}
	nd.PrintUint(uint64(getBE16(b, off)))
	if n -= 2; n == 0 {
		return
	}
	if n < 2 {
		nd.Print(" AVP too short")
		return
	}
	nd.Printf("/%d", getBE16(b, off+2))
	if n -= 2; n == 0 {
		return
	}
	nd.Print(" ")
	l2tpString(nd, b, off+4, n)
}

// l2tpCounters prints the 32-bit values after a reserved 16-bit field,
// one format each, stopping at the first that does not fit.
func l2tpCounters(nd *ND, b []byte, off, n int, formats []string) {
	if n < 2 {
		nd.Print("AVP too short")
		return
	}
	off += 2
	n -= 2
	for _, f := range formats {
		if n < 4 {
			nd.Print("AVP too short")
			return
		}
		nd.Printf(f, getBE32(b, off))
		off += 4
		n -= 4
	}
}

// l2tpAVPPrint prints one AVP and returns its length, or 0 when it is
// malformed or cut short (after printing the truncation marker).
func l2tpAVPPrint(nd *ND, b []byte, off, length int) int {
	nd.Print(" ")
	hdr := getBE16(b, off)
	n := int(hdr & 0x03ff)
	if n < 6 || n > length || !ttest(b, off, n) {
		nd.PrintTrunc()
		return 0
	}
	if hdr&0x8000 != 0 {
		nd.Print("*")
	}
	hidden := hdr&0x4000 != 0
	if hidden {
		nd.Print("?")
	}
	if vendor := getBE16(b, off+2); vendor != 0 {
		nd.Printf("VENDOR%04x:ATTR%04x(", vendor, getBE16(b, off+4))
		l2tpOctets(nd, b, off+6, n-6)
		nd.Print(")")
		return n
	}
	attr := getBE16(b, off+4)
	nd.Print(tok2str(l2tpAVPNames, "AVP-#%d", uint32(attr)))
	nd.Print("(")
	if hidden {
		nd.Print("???")
	} else if fn := l2tpAVPs[attr]; fn != nil {
		fn(nd, b, off+6, n-6)
	}
	nd.Print(")")
	return n
}

func l2tpUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	l2tpPrint(nd, b, length)
}

func l2tpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("l2tp")
	hdr := getBE16(b, 0)
	switch hdr & l2tpVersionMask {
	case 2:
		nd.Print(" l2tp:")
	case 1:
		nd.Print(" l2f:")
		return
	default:
		nd.Print(" Unknown Version, neither L2F(1) nor L2TP(2)")
		return
	}
	nd.Print("[")
	for _, f := range [...]struct {
		bit  uint16
		name string
	}{{l2tpFlagType, "T"}, {l2tpFlagLength, "L"}, {l2tpFlagSequence, "S"}, {l2tpFlagOffset, "O"}, {l2tpFlagPriority, "P"}} {
		if hdr&f.bit != 0 {
			nd.Print(f.name)
		}
	}
	nd.Print("]")
	p := 2
	l2tpLen := 0
	if hdr&l2tpFlagLength != 0 {
		l2tpLen = int(getBE16(b, p))
		p += 2
	}
	nd.Printf("(%d/", getBE16(b, p))
	nd.Printf("%d)", getBE16(b, p+2))
	p += 4
	if hdr&l2tpFlagSequence != 0 {
		nd.Printf("Ns=%d,", getBE16(b, p))
		nd.Printf("Nr=%d", getBE16(b, p+2))
		p += 4
	}
	if hdr&l2tpFlagOffset != 0 {
		pad := int(getBE16(b, p))
		if !ttest(b, p+2, pad) {
			nd.PrintTrunc()
			return
		}
		p += 2 + pad
	}
	if hdr&l2tpFlagLength != 0 {
		if length < l2tpLen {
			nd.Printf(" Length %d larger than packet", l2tpLen)
			return
		}
		length = l2tpLen
	}
	if length < p {
		nd.Printf(" Length %d smaller than header length", length)
		return
	}
	if hdr&l2tpFlagType == 0 {
		nd.Print(" {")
		pppPrint(nd, sub(b, p), length-p)
		nd.Print("}")
		return
	}
	if hdr&l2tpFlagLength == 0 {
		nd.Print(" No length")
		return
	}
	if length == p {
		nd.Print(" ZLB")
		return
	}
	for length != p {
		n := l2tpAVPPrint(nd, b, p, length-p)
		if n == 0 {
			return
		}
		p += n
	}
}
