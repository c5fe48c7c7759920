package dissect

// PPTP control connections (RFC 2637, tcpdump's print-pptp.c). Each
// control message is a fixed layout of fields, described by a table.

func init() {
	registerTCPPort("pptp", pptpPrint, 1723)
}

const pptpMagicCookie = 0x1a2b3c4d

// Control message types.
const (
	pptpSCCRQ    = 1
	pptpSCCRP    = 2
	pptpStopCCRQ = 3
	pptpStopCCRP = 4
	pptpEchoRQ   = 5
	pptpEchoRP   = 6
	pptpOCRQ     = 7
	pptpOCRP     = 8
	pptpICRQ     = 9
	pptpICRP     = 10
	pptpICCN     = 11
	pptpCCRQ     = 12
	pptpCDN      = 13
	pptpWEN      = 14
	pptpSLI      = 15
)

var pptpMsgNames = []string{
	"NOT_DEFINED", "SCCRQ", "SCCRP", "StopCCRQ", "StopCCRP", "ECHORQ",
	"ECHORP", "OCRQ", "OCRP", "ICRQ", "ICRP", "ICCN", "CCRQ", "CDN", "WEN",
	"SLI",
}

// pptpFieldKind says how a field prints.
type pptpFieldKind int

const (
	pptpDec16      pptpFieldKind = iota // " NAME(%u)"
	pptpDec32                           // " NAME(%u)"
	pptpHex32                           // " NAME(0x%08x)"
	pptpRsv8                            // complaint unless zero
	pptpRsv16                           // complaint unless zero
	pptpVersion                         // " PROTO_VER(v.r)"
	pptpFrameCap                        // " FRAME_CAP(AS)"
	pptpBearerCap                       // " BEARER_CAP(DA)"
	pptpBearerType                      // " BEARER_TYPE(A|D|Any)"
	pptpFrameType                       // " FRAME_TYPE(A|S|E)"
	pptpResult                          // " RESULT_CODE(n[:text])"
	pptpError                           // " ERR_CODE(n[:text])"
	pptpReason                          // " REASON(n[:text])"
	pptpString                          // " NAME(text)", NUL-terminated, n bytes at most
)

// pptpField is one field of a control message body (after the 12-byte
// header): its offset, and for strings the maximum length and the
// offset of the 16-bit field that shortens it (-1 for none).
type pptpField struct {
	kind   pptpFieldKind
	off    int
	name   string
	n      int
	lenOff int
}

func pptpStr(name string, off, n, lenOff int) pptpField {
	return pptpField{kind: pptpString, off: off, name: name, n: n, lenOff: lenOff}
}

var pptpMessages = map[uint16][]pptpField{
	pptpSCCRQ: {
		{kind: pptpVersion, off: 0}, {kind: pptpRsv16, off: 2},
		{kind: pptpFrameCap, off: 4}, {kind: pptpBearerCap, off: 8},
		{kind: pptpDec16, off: 12, name: "MAX_CHAN"}, {kind: pptpDec16, off: 14, name: "FIRM_REV"},
		pptpStr("HOSTNAME", 16, 64, -1), pptpStr("VENDOR", 80, 64, -1),
	},
	pptpSCCRP: {
		{kind: pptpVersion, off: 0}, {kind: pptpResult, off: 2}, {kind: pptpError, off: 3},
		{kind: pptpFrameCap, off: 4}, {kind: pptpBearerCap, off: 8},
		{kind: pptpDec16, off: 12, name: "MAX_CHAN"}, {kind: pptpDec16, off: 14, name: "FIRM_REV"},
		pptpStr("HOSTNAME", 16, 64, -1), pptpStr("VENDOR", 80, 64, -1),
	},
	pptpStopCCRQ: {
		{kind: pptpReason, off: 0}, {kind: pptpRsv8, off: 1}, {kind: pptpRsv16, off: 2},
	},
	pptpStopCCRP: {
		{kind: pptpResult, off: 0}, {kind: pptpError, off: 1}, {kind: pptpRsv16, off: 2},
	},
	pptpEchoRQ: {
		{kind: pptpDec32, off: 0, name: "ID"},
	},
	pptpEchoRP: {
		{kind: pptpDec32, off: 0, name: "ID"}, {kind: pptpResult, off: 4},
		{kind: pptpError, off: 5}, {kind: pptpRsv16, off: 6},
	},
	pptpOCRQ: {
		{kind: pptpDec16, off: 0, name: "CALL_ID"}, {kind: pptpDec16, off: 2, name: "CALL_SER_NUM"},
		{kind: pptpDec32, off: 4, name: "MIN_BPS"}, {kind: pptpDec32, off: 8, name: "MAX_BPS"},
		{kind: pptpBearerType, off: 12}, {kind: pptpFrameType, off: 16},
		{kind: pptpDec16, off: 20, name: "RECV_WIN"}, {kind: pptpDec16, off: 22, name: "PROC_DELAY"},
		{kind: pptpDec16, off: 24, name: "PHONE_NO_LEN"}, {kind: pptpRsv16, off: 26},
		pptpStr("PHONE_NO", 28, 64, 24), pptpStr("SUB_ADDR", 92, 64, -1),
	},
	pptpOCRP: {
		{kind: pptpDec16, off: 0, name: "CALL_ID"}, {kind: pptpDec16, off: 2, name: "PEER_CALL_ID"},
		{kind: pptpResult, off: 4}, {kind: pptpError, off: 5},
		{kind: pptpDec16, off: 6, name: "CAUSE_CODE"}, {kind: pptpDec32, off: 8, name: "CONN_SPEED"},
		{kind: pptpDec16, off: 12, name: "RECV_WIN"}, {kind: pptpDec16, off: 14, name: "PROC_DELAY"},
		{kind: pptpDec32, off: 16, name: "PHY_CHAN_ID"},
	},
	pptpICRQ: {
		{kind: pptpDec16, off: 0, name: "CALL_ID"}, {kind: pptpDec16, off: 2, name: "CALL_SER_NUM"},
		{kind: pptpBearerType, off: 4}, {kind: pptpDec32, off: 8, name: "PHY_CHAN_ID"},
		{kind: pptpDec16, off: 12, name: "DIALED_NO_LEN"}, {kind: pptpDec16, off: 14, name: "DIALING_NO_LEN"},
		pptpStr("DIALED_NO", 16, 64, 12), pptpStr("DIALING_NO", 80, 64, 14),
		pptpStr("SUB_ADDR", 144, 64, -1),
	},
	pptpICRP: {
		{kind: pptpDec16, off: 0, name: "CALL_ID"}, {kind: pptpDec16, off: 2, name: "PEER_CALL_ID"},
		{kind: pptpResult, off: 4}, {kind: pptpError, off: 5},
		{kind: pptpDec16, off: 6, name: "RECV_WIN"}, {kind: pptpDec16, off: 8, name: "PROC_DELAY"},
		{kind: pptpRsv16, off: 10},
	},
	pptpICCN: {
		{kind: pptpDec16, off: 0, name: "PEER_CALL_ID"}, {kind: pptpRsv16, off: 2},
		{kind: pptpDec32, off: 4, name: "CONN_SPEED"},
		{kind: pptpDec16, off: 8, name: "RECV_WIN"}, {kind: pptpDec16, off: 10, name: "PROC_DELAY"},
		{kind: pptpFrameType, off: 12},
	},
	pptpCCRQ: {
		{kind: pptpDec16, off: 0, name: "CALL_ID"}, {kind: pptpRsv16, off: 2},
	},
	pptpCDN: {
		{kind: pptpDec16, off: 0, name: "CALL_ID"}, {kind: pptpResult, off: 2}, {kind: pptpError, off: 3},
		{kind: pptpDec16, off: 4, name: "CAUSE_CODE"}, {kind: pptpRsv16, off: 6},
		pptpStr("CALL_STATS", 8, 128, -1),
	},
	pptpWEN: {
		{kind: pptpDec16, off: 0, name: "PEER_CALL_ID"}, {kind: pptpRsv16, off: 2},
		{kind: pptpDec32, off: 4, name: "CRC_ERR"}, {kind: pptpDec32, off: 8, name: "FRAMING_ERR"},
		{kind: pptpDec32, off: 12, name: "HARDWARE_OVERRUN"}, {kind: pptpDec32, off: 16, name: "BUFFER_OVERRUN"},
		{kind: pptpDec32, off: 20, name: "TIMEOUT_ERR"}, {kind: pptpDec32, off: 24, name: "ALIGN_ERR"},
	},
	pptpSLI: {
		{kind: pptpDec16, off: 0, name: "PEER_CALL_ID"}, {kind: pptpRsv16, off: 2},
		{kind: pptpHex32, off: 4, name: "SEND_ACCM"}, {kind: pptpHex32, off: 8, name: "RECV_ACCM"},
	},
}

var (
	pptpBearerTypes = []tok{{1, "A"}, {2, "D"}, {3, "Any"}}
	pptpFrameTypes  = []tok{{1, "A"}, {2, "S"}, {3, "E"}}
	pptpErrors      = []tok{
		{0, "None"}, {1, "Not-Connected"}, {2, "Bad-Format"}, {3, "Bad-Value"},
		{4, "No-Resource"}, {5, "Bad-Call-ID"}, {6, "PAC-Error"},
	}
	pptpReasons = []tok{{1, "None"}, {2, "Stop-Protocol"}, {3, "Stop-Local-Shutdown"}}
	echoResults = []tok{{1, "OK"}, {2, "General Error"}}
	// pptpResults names result codes by the message carrying them.
	pptpResults = map[uint16][]tok{
		pptpSCCRP: {
			{1, "Successful channel establishment"},
			{2, "General error"},
			{3, "Command channel already exists"},
			{4, "Requester is not authorized to establish a command channel"},
			{5, "The protocol version of the requester is not supported"},
		},
		pptpStopCCRP: echoResults,
		pptpEchoRP:   echoResults,
		pptpOCRP: {
			{1, "Connected"}, {2, "General Error"}, {3, "No Carrier"}, {4, "Busy"},
			{5, "No Dial Tone"}, {6, "Time-out"}, {7, "Do Not Accept"},
		},
		pptpICRP: {{1, "Connect"}, {2, "General Error"}, {3, "Do Not Accept"}},
		pptpCDN:  {{1, "Lost Carrier"}, {2, "General Error"}, {3, "Admin Shutdown"}, {4, "Request"}},
	}
)

// pptpPrint prints a PPTP control message. tcpdump reads it against
// the capture alone, not the segment length.
func pptpPrint(nd *ND, b []byte, _ int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("pptp")
	nd.Print(": pptp")
	if nd.Verbose > 0 {
		length := getBE16(b, 0)
		nd.Print(" Length=")
		nd.PrintUint(uint64(length))
		switch getBE16(b, 2) {
		case 1:
			nd.Print(" CTRL-MSG")
		case 2:
			nd.Print(" MGMT-MSG")
		default:
			nd.Print(" UNKNOWN-MSG-TYPE")
		}
	}
	mc := getBE32(b, 4)
	if mc != pptpMagicCookie {
		nd.Print(" UNEXPECTED Magic-Cookie!!(")
		nd.PrintHex(uint64(mc), 8)
		nd.PrintByte(')')
	}
	if nd.Verbose > 0 || mc != pptpMagicCookie {
		nd.Print(" Magic-Cookie=")
		nd.PrintHex(uint64(mc), 8)
	}
	msgType := getBE16(b, 8)
	if int(msgType) < len(pptpMsgNames) {
		nd.Print(" CTRL_MSGTYPE=")
		nd.Print(pptpMsgNames[msgType])
	} else {
		nd.Print(" UNKNOWN_CTRL_MSGTYPE(")
		nd.PrintUint(uint64(msgType))
		nd.PrintByte(')')
	}
	pptpReservedPrint(nd, uint32(getBE16(b, 10)))
	body := sub(b, 12)
	for _, f := range pptpMessages[msgType] {
		pptpFieldPrint(nd, body, f, msgType)
	}
}

func pptpReservedPrint(nd *ND, v uint32) {
	if v != 0 {
		nd.Print(" [ERROR: reserved=")
		nd.PrintUint(uint64(v))
		nd.Print(" must be zero]")
	}
}

// pptpCodePrint prints " NAME(n" and, with -v, ":text", then ")".
func pptpCodePrint(nd *ND, name string, v uint8, names []tok) {
	nd.PrintByte(' ')
	nd.Print(name)
	nd.PrintByte('(')
	nd.PrintUint(uint64(v))
	if nd.Verbose > 0 && names != nil {
		nd.PrintByte(':')
		nd.Print(tok2strNoAlloc(names, "?", uint32(v)))
	}
	nd.PrintByte(')')
}

func pptpFieldPrint(nd *ND, b []byte, f pptpField, msgType uint16) {
	open := func() {
		nd.PrintByte(' ')
		nd.Print(f.name)
		nd.PrintByte('(')
	}
	switch f.kind {
	case pptpDec16:
		v := getBE16(b, f.off)
		open()
		nd.PrintUint(uint64(v))
		nd.PrintByte(')')
	case pptpDec32:
		v := getBE32(b, f.off)
		open()
		nd.PrintUint(uint64(v))
		nd.PrintByte(')')
	case pptpHex32:
		v := getBE32(b, f.off)
		open()
		nd.Print("0x")
		nd.PrintHex(uint64(v), 8)
		nd.PrintByte(')')
	case pptpRsv8:
		pptpReservedPrint(nd, uint32(getU8(b, f.off)))
	case pptpRsv16:
		pptpReservedPrint(nd, uint32(getBE16(b, f.off)))
	case pptpVersion:
		v := getBE16(b, f.off)
		nd.Print(" PROTO_VER(")
		nd.PrintUint(uint64(v >> 8))
		nd.PrintByte('.')
		nd.PrintUint(uint64(v & 0xff))
		nd.PrintByte(')')
	case pptpFrameCap:
		nd.Print(" FRAME_CAP(")
		v := getBE32(b, f.off)
		if v&1 != 0 {
			nd.PrintByte('A')
		}
		if v&2 != 0 {
			nd.PrintByte('S')
		}
		nd.PrintByte(')')
	case pptpBearerCap:
		v := getBE32(b, f.off)
		nd.Print(" BEARER_CAP(")
		if v&2 != 0 {
			nd.PrintByte('D')
		}
		if v&1 != 0 {
			nd.PrintByte('A')
		}
		nd.PrintByte(')')
	case pptpBearerType, pptpFrameType:
		v := getBE32(b, f.off)
		name, names := " BEARER_TYPE(", pptpBearerTypes
		if f.kind == pptpFrameType {
			name, names = " FRAME_TYPE(", pptpFrameTypes
		}
		nd.Print(name)
		nd.Print(tok2strNoAlloc(names, "?", v))
		nd.PrintByte(')')
	case pptpResult:
		pptpCodePrint(nd, "RESULT_CODE", getU8(b, f.off), pptpResults[msgType])
	case pptpError:
		pptpCodePrint(nd, "ERR_CODE", getU8(b, f.off), pptpErrors)
	case pptpReason:
		pptpCodePrint(nd, "REASON", getU8(b, f.off), pptpReasons)
	case pptpString:
		n := f.n
		if f.lenOff >= 0 {
			n = min(n, int(getBE16(b, f.lenOff)))
		}
		open()
		for i := 0; i < n; i++ {
			c := getU8(b, f.off+i)
			if c == 0 {
				break
			}
			nd.printChar(c)
		}
		nd.PrintByte(')')
	}
}
