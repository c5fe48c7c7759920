package dissect

// RSVP objects with richer bodies than rsvp.go's: Integrated Services
// (RFC 2210 Sender TSpec, Adspec, Flowspec), Filter Spec, Error Spec,
// Label Request, Label Set, Message ID, Integrity (RFC 2747) and
// Juniper's Properties.

import (
	"crypto/hmac"
	"crypto/md5"
	"math"
)

const (
	rsvpObjIntegrity     = 4
	rsvpObjErrorSpec     = 6
	rsvpObjFlowspec      = 9
	rsvpObjFilterspec    = 10
	rsvpObjSenderTSpec   = 12
	rsvpObjAdspec        = 13
	rsvpObjLabelReq      = 19
	rsvpObjMessageID     = 23
	rsvpObjMessageIDAck  = 24
	rsvpObjMessageIDList = 25
	rsvpObjLabelSet      = 36
	rsvpObjProperties    = 204
)

var (
	rsvpIntServServices = []tok{
		{1, "Default/Global Information"}, {2, "Guaranteed Service"}, {5, "Controlled Load"},
	}
	rsvpIntServParams = []tok{
		{4, "IS hop cnt"}, {6, "Path b/w estimate"}, {8, "Minimum path latency"},
		{10, "Composed MTU"}, {127, "Token Bucket TSpec"}, {130, "Guaranteed Service RSpec"},
		{133, "End-to-end composed value for C"}, {134, "End-to-end composed value for D"},
		{135, "Since-last-reshaping point composed C"}, {136, "Since-last-reshaping point composed D"},
	}
	rsvpPropTLVs = []tok{
		{0x01, "Cos"}, {0x02, "Metric 1"}, {0x04, "Metric 2"}, {0x08, "CCC Status"}, {0x10, "Path Type"},
	}
	rsvpErrorCodes = []tok{
		{24, "Routing Problem"}, {25, "Notify Error"}, {28, "Diffserv TE Error"},
		{125, "Diffserv TE Error (Old)"},
	}
	rsvpRoutingErrors = []tok{
		{1, "Bad EXPLICIT_ROUTE object"}, {2, "Bad strict node"}, {3, "Bad loose node"},
		{4, "Bad initial subobject"}, {5, "No route available toward destination"},
		{6, "Unacceptable label value"}, {7, "RRO indicated routing loops"},
		{8, "non-RSVP-capable router in the path"}, {9, "MPLS label allocation failure"},
		{10, "Unsupported L3PID"},
	}
	rsvpDiffservTEErrors = []tok{
		{1, "Unexpected CT object"}, {2, "Unsupported CT"}, {3, "Invalid CT value"},
		{4, "CT/setup priority do not form a configured TE-Class"},
		{5, "CT/holding priority do not form a configured TE-Class"},
		{6, "CT/setup priority and CT/holding priority do not form a configured TE-Class"},
		{7, "Inconsistency between signaled PSC and signaled CT"},
		{8, "Inconsistency between signaled PHBs and signaled CT"},
	}
	rsvpLabelSetActions = []tok{
		{0, "Inclusive list"}, {1, "Exclusive list"}, {2, "Inclusive range"}, {3, "Exclusive range"},
	}
	rsvpIntegrityFlags = []tok{{0x80, "Handshake"}}

	// gmplsPayloads is tcpdump's gmpls_payload_values (G-PID, RFC 3471).
	gmplsPayloads = []tok{
		{0, "Unknown"}, {1, "Reserved"}, {2, "Reserved"}, {3, "Reserved"}, {4, "Reserved"},
		{5, "Asynchronous mapping of E4"}, {6, "Asynchronous mapping of DS3/T3"},
		{7, "Asynchronous mapping of E3"}, {8, "Bit synchronous mapping of E3"},
		{9, "Byte synchronous mapping of E3"}, {10, "Asynchronous mapping of DS2/T2"},
		{11, "Bit synchronous mapping of DS2/T2"}, {12, "Reserved"},
		{13, "Asynchronous mapping of E1"}, {14, "Byte synchronous mapping of E1"},
		{15, "Byte synchronous mapping of 31 * DS0"}, {16, "Asynchronous mapping of DS1/T1"},
		{17, "Bit synchronous mapping of DS1/T1"}, {18, "Byte synchronous mapping of DS1/T1"},
		{19, "VC-11 in VC-12"}, {20, "Reserved"}, {21, "Reserved"}, {22, "DS1 SF Asynchronous"},
		{23, "DS1 ESF Asynchronous"}, {24, "DS3 M23 Asynchronous"},
		{25, "DS3 C-Bit Parity Asynchronous"}, {26, "VT/LOVC"}, {27, "STS SPE/HOVC"},
		{28, "POS - No Scrambling, 16 bit CRC"}, {29, "POS - No Scrambling, 32 bit CRC"},
		{30, "POS - Scrambling, 16 bit CRC"}, {31, "POS - Scrambling, 32 bit CRC"},
		{32, "ATM mapping"}, {33, "Ethernet PHY"}, {34, "SONET/SDH"},
		{35, "Reserved (SONET deprecated)"}, {36, "Digital Wrapper"}, {37, "Lambda"},
		{38, "ANSI/ETSI PDH"}, {39, "Reserved"}, {40, "Link Access Protocol SDH (X.85 and X.86)"},
		{41, "FDDI"}, {42, "DQDB (ETSI ETS 300 216)"}, {43, "FiberChannel-3 (Services)"},
		{44, "HDLC"}, {45, "Ethernet V2/DIX (only)"}, {46, "Ethernet 802.3 (only)"},
		{47, "G.709 ODUj"}, {48, "G.709 OTUk(v)"}, {49, "CBR/CBRa"}, {50, "CBRb"}, {51, "BSOT"},
		{52, "BSNT"}, {53, "IP/PPP (GFP)"}, {54, "Ethernet MAC (framed GFP)"},
		{55, "Ethernet PHY (transparent GFP)"}, {56, "ESCON"}, {57, "FICON"}, {58, "Fiber Channel"},
	}
)

func init() {
	for class, dec := range map[uint8]rsvpDecoder{
		rsvpObjIntegrity:     rsvpIntegrity,
		rsvpObjErrorSpec:     rsvpErrorSpec,
		rsvpObjFlowspec:      rsvpIntServ,
		rsvpObjSenderTSpec:   rsvpIntServ,
		rsvpObjAdspec:        rsvpIntServ,
		rsvpObjFilterspec:    rsvpFilterspec,
		rsvpObjLabelReq:      rsvpLabelRequest,
		rsvpObjMessageID:     rsvpMessageID,
		rsvpObjMessageIDAck:  rsvpMessageID,
		rsvpObjMessageIDList: rsvpMessageID,
		rsvpObjLabelSet:      rsvpLabelSet,
		rsvpObjProperties:    rsvpProperties,
	} {
		rsvpObjDecoders[class] = dec
	}
}

// rsvpIntServ decodes the Integrated Services objects (c-type 2): a
// message header, then per service a header and its parameters.
func rsvpIntServ(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 2 {
		return true, rsvpOK
	}
	b := o.body
	if len(b) < 4 {
		return false, rsvpObjTooShort
	}
	rsvpLine(nd, o, "Msg-Version: ")
	nd.PrintUint(uint64(b[0] >> 4))
	nd.Print(", length: ")
	nd.PrintUint(uint64(getBE16(b, 2)) << 2)
	off := 4
	for len(b)-off >= 4 {
		// The service length is unsigned in tcpdump: a parameter longer
		// than its service wraps it around, and parameters then run on
		// to the end of the object.
		servLen := uint32(getBE16(b, off+2)) << 2
		rsvpLine(nd, o, "Service Type: ")
		nd.Print(tok2str(rsvpIntServServices, "unknown", uint32(b[off])))
		nd.Print(" (")
		nd.PrintUint(uint64(b[off]))
		nd.Print("), break bit ")
		if b[off+1]&0x80 == 0 {
			nd.Print("not ")
		}
		nd.Print("set, Service length: ")
		nd.PrintUint(uint64(servLen))
		off += 4
		for servLen >= 4 {
			n := rsvpIntServParamPrint(nd, b[off:])
			if n == 0 {
				break
			}
			off += n
			servLen -= uint32(n)
		}
	}
	return false, rsvpOK
}

// rsvpIntServParamPrint prints one service parameter at the start of b
// and returns its size, or 0 when b is too short for it.
func rsvpIntServParamPrint(nd *ND, b []byte) int {
	if len(b) < 4 {
		return 0
	}
	id := b[0]
	plen := int(getBE16(b, 2)) << 2
	nd.Print("\n\t      Parameter ID: ")
	nd.Print(tok2str(rsvpIntServParams, "unknown", uint32(id)))
	nd.Printf(" (%d), length: %d, Flags: [0x%02x]", id, plen, b[1])
	if len(b) < plen+4 {
		return 0
	}
	mbps := func(off int) float64 { return float64(math.Float32frombits(getBE32(b, off)) / 125000) }
	switch id {
	case 4:
		if plen == 4 {
			nd.Printf("\n\t\tIS hop count: %d", getBE32(b, 4))
		}
	case 6:
		if plen == 4 {
			nd.Printf("\n\t\tPath b/w estimate: %.10g Mbps", mbps(4))
		}
	case 8:
		if plen == 4 {
			nd.Print("\n\t\tMinimum path latency: ")
			if v := getBE32(b, 4); v == 0xffffffff {
				nd.Print("don't care")
			} else {
				nd.PrintUint(uint64(v))
			}
		}
	case 10:
		if plen == 4 {
			nd.Printf("\n\t\tComposed MTU: %d bytes", getBE32(b, 4))
		}
	case 127:
		if plen == 20 {
			nd.Printf("\n\t\tToken Bucket Rate: %.10g Mbps", mbps(4))
			nd.Printf("\n\t\tToken Bucket Size: %.10g bytes", float64(math.Float32frombits(getBE32(b, 8))))
			nd.Printf("\n\t\tPeak Data Rate: %.10g Mbps", mbps(12))
			nd.Printf("\n\t\tMinimum Policed Unit: %d bytes", getBE32(b, 16))
			nd.Printf("\n\t\tMaximum Packet Size: %d bytes", getBE32(b, 20))
		}
	case 130:
		if plen == 8 {
			nd.Printf("\n\t\tRate: %.10g Mbps", mbps(4))
			nd.Printf("\n\t\tSlack Term: %d", getBE32(b, 8))
		}
	case 133, 134, 135, 136:
		if plen == 4 {
			nd.Printf("\n\t\tValue: %d", getBE32(b, 4))
		}
	default:
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, 4, "\n\t\t", plen)
		}
	}
	return plen + 4
}

func rsvpFilterspec(nd *ND, o rsvpObj) (bool, rsvpResult) {
	b := o.body
	var need int
	switch o.ctype {
	case 1, 7:
		need = 8
	case 2, 3, 8:
		need = 20
	case 12:
		need = 16
	case 13:
		need = 40
	default:
		return true, rsvpOK
	}
	if len(b) < need {
		return false, rsvpObjTooShort
	}
	switch o.ctype {
	case 1, 2:
		rsvpLine(nd, o, "Source Address: ")
		if o.ctype == 1 {
			nd.PrintIPAddr(b, 0)
		} else {
			nd.PrintIP6Addr(b, 0)
		}
		nd.Print(", Source Port: ")
		nd.PrintUint(uint64(getBE16(b, need-2)))
	case 3:
		rsvpLine(nd, o, "Source Address: ")
		nd.PrintIP6Addr(b, 0)
		nd.Print(", Flow Label: ")
		nd.PrintUint(uint64(getBE24(b, 17)))
	case 7, 8:
		// tcpdump prints the IPv6 tunnel form with an IPv4 address too.
		rsvpLine(nd, o, "Source Address: ")
		nd.PrintIPAddr(b, 0)
		nd.Print(", LSP-ID: ")
		rsvpHex16(nd, getBE16(b, need-2))
	case 12:
		rsvpLine(nd, o, "IPv4 Tunnel Sender Address: ")
		nd.PrintIPAddr(b, 0)
		nd.Print(", LSP ID: ")
		rsvpHex16(nd, getBE16(b, 6))
		rsvpLine(nd, o, "Sub-Group Originator ID: ")
		nd.PrintIPAddr(b, 8)
		nd.Print(", Sub-Group ID: ")
		rsvpHex16(nd, getBE16(b, 12))
	case 13:
		rsvpLine(nd, o, "IPv6 Tunnel Sender Address: ")
		nd.PrintIP6Addr(b, 0)
		nd.Print(", LSP ID: ")
		rsvpHex16(nd, getBE16(b, 18))
		rsvpLine(nd, o, "Sub-Group Originator ID: ")
		nd.PrintIP6Addr(b, 20)
		nd.Print(", Sub-Group ID: ")
		rsvpHex16(nd, getBE16(b, 38))
	}
	return false, rsvpOK
}

// rsvpErrorSpec decodes ERROR_SPEC; for an IPv6 node only routing
// errors get their value printed, as in tcpdump.
func rsvpErrorSpec(nd *ND, o rsvpObj) (bool, rsvpResult) {
	b := o.body
	var addrLen int
	switch o.ctype {
	case 1, 3:
		addrLen = 4
	case 2, 4:
		addrLen = 16
	default:
		return true, rsvpOK
	}
	if len(b) < addrLen+4 {
		return false, rsvpObjTooShort
	}
	code, value := b[addrLen+1], getBE16(b, addrLen+2)
	rsvpLine(nd, o, "Error Node Address: ")
	if addrLen == 4 {
		nd.PrintIPAddr(b, 0)
	} else {
		nd.PrintIP6Addr(b, 0)
	}
	nd.Printf(", Flags: [0x%02x]", b[addrLen])
	rsvpLine(nd, o, "Error Code: ")
	nd.Printf("%s (%d)", tok2str(rsvpErrorCodes, "unknown", uint32(code)), code)
	switch {
	case code == 24:
		nd.Printf(", Error Value: %s (%d)", tok2str(rsvpRoutingErrors, "unknown", uint32(value)), value)
	case addrLen == 16:
	case code == 28 || code == 125:
		nd.Printf(", Error Value: %s (%d)", tok2str(rsvpDiffservTEErrors, "unknown", uint32(value)), value)
	default:
		nd.Printf(", Unknown Error Value (%d)", value)
	}
	return false, rsvpOK
}

func rsvpLabelRequest(nd *ND, o rsvpObj) (bool, rsvpResult) {
	b := o.body
	l3 := func(off int) {
		rsvpLine(nd, o, "L3 Protocol ID: ")
		nd.Print(tok2str(etherTypeNames, "Unknown Protocol (0x%04x)", uint32(getBE16(b, off+2))))
	}
	switch o.ctype {
	case 1:
		for off := 0; off+4 <= len(b); off += 4 {
			l3(off)
		}
	case 2:
		if len(b) < 12 {
			return false, rsvpObjTooShort
		}
		l3(0)
		if b[4]&0x80 != 0 {
			nd.Print(",no merge capability")
		} else {
			nd.Print(", merge capability")
		}
		rsvpLine(nd, o, "Minimum VPI/VCI: ")
		nd.Printf("%d/%d", getBE16(b, 4)&0xfff, getBE16(b, 6)&0xfff)
		rsvpLine(nd, o, "Maximum VPI/VCI: ")
		nd.Printf("%d/%d", getBE16(b, 8)&0xfff, getBE16(b, 10)&0xfff)
	case 3:
		if len(b) < 12 {
			return false, rsvpObjTooShort
		}
		l3(0)
		dlci := (getBE16(b, 4) >> 7) & 3
		rsvpLine(nd, o, "Minimum/Maximum DLCI: ")
		nd.Printf("%d/%d, ", getBE32(b, 4)&0x7fffff, getBE32(b, 8)&0x7fffff)
		switch dlci {
		case 0:
			nd.Print("10")
		case 2:
			nd.Print("23")
		}
		nd.Print(" bit DLCI")
	case 4:
		if len(b) < 4 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "LSP Encoding Type: ")
		nd.Printf("%s (%d)", tok2str(gmplsEncodings, "Unknown", uint32(b[0])), b[0])
		rsvpLine(nd, o, "Switching Type: ")
		gpid := getBE16(b, 2)
		nd.Printf("%s (%d), Payload ID: %s (0x%04x)", tok2str(gmplsSwitchCaps, "Unknown", uint32(b[1])), b[1],
			tok2str(gmplsPayloads, "Unknown", uint32(gpid)), gpid)
	default:
		return true, rsvpOK
	}
	return false, rsvpOK
}

func rsvpMessageID(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 1 && o.ctype != 2 {
		return true, rsvpOK
	}
	b := o.body
	if len(b) < 4 {
		return false, rsvpObjTooShort
	}
	rsvpLine(nd, o, "Flags [0x")
	nd.PrintHex(uint64(b[0]), 2)
	nd.Print("], epoch: ")
	nd.PrintUint(uint64(getBE24(b, 1)))
	for off := 4; off+4 <= len(b); off += 4 {
		id := getBE32(b, off)
		rsvpLine(nd, o, "  Message-ID ")
		rsvpHex32(nd, id)
		nd.Print(" (")
		nd.PrintUint(uint64(id))
		nd.Print(")")
	}
	return false, rsvpOK
}

func rsvpLabelSet(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 1 {
		return true, rsvpOK
	}
	b := o.body
	if len(b) < 4 {
		return false, rsvpObjTooShort
	}
	action := b[0]
	rsvpLine(nd, o, "Action: ")
	nd.Printf("%s (%d), Label type: %d", tok2str(rsvpLabelSetActions, "Unknown", uint32(action)), action, getBE32(b, 0)&0x7f)
	if action == 2 || action == 3 {
		if len(b) < 12 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "Start range: ")
		nd.Printf("%d, End range: %d", getBE32(b, 4), getBE32(b, 8))
		return false, rsvpOK
	}
	for i, off := 1, 4; off+4 <= len(b); i, off = i+1, off+4 {
		rsvpLine(nd, o, "Subchannel #")
		nd.Printf("%d: %d", i, getBE32(b, off))
	}
	return false, rsvpOK
}

// rsvpProperties decodes Juniper's PROPERTIES object: TLVs, hex-dumped.
func rsvpProperties(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 1 {
		return true, rsvpOK
	}
	b := o.body
	if len(b) < 4 {
		return false, rsvpObjTooShort
	}
	pad := int(getBE16(b, 2))
	rsvpLine(nd, o, "TLV count: ")
	nd.Printf("%d, padding bytes: %d", getBE16(b, 0), pad)
	for off := 4; len(b)-off >= 2+pad; {
		t, l := b[off], int(b[off+1])
		rsvpLine(nd, o, "  ")
		nd.Printf("%s TLV (0x%02x), length: %d", tok2str(rsvpPropTLVs, "unknown", uint32(t)), t, l)
		if len(b)-off < l {
			return false, rsvpObjTooShort
		}
		if l < 2 {
			nd.Print(o.indent)
			nd.Print("ERROR: property TLV is too short")
			return false, rsvpStop
		}
		unknownDataPrint(nd, b, off+2, "\n\t\t", l-2)
		off += l
	}
	return false, rsvpOK
}

// rsvpIntegrity decodes the INTEGRITY object and, with -M, checks its
// HMAC-MD5 over the message with checksum and digest zeroed.
func rsvpIntegrity(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 1 {
		return true, rsvpOK
	}
	b := o.body
	if len(b) < 32 {
		return false, rsvpObjTooShort
	}
	rsvpLine(nd, o, "Key-ID 0x")
	nd.PrintHex(uint64(getBE16(b, 2)), 4)
	nd.PrintHex(uint64(getBE32(b, 4)), 8)
	nd.Print(", Sequence 0x")
	nd.PrintHex(uint64(getBE32(b, 8)), 8)
	nd.PrintHex(uint64(getBE32(b, 12)), 8)
	nd.Print(", Flags [")
	nd.Print(bittok2str(rsvpIntegrityFlags, "none", uint32(b[0])))
	nd.Print("]")
	rsvpLine(nd, o, "MD5-sum 0x")
	for i := 16; i < 32; i += 4 {
		nd.PrintHex(uint64(getBE32(b, i)), 8)
	}
	nd.Print(" ")
	result := rsvpSignatureVerify(nd, o.msg, o.bodyOff+16)
	nd.Print(" (")
	nd.Print(result)
	nd.Print(")")
	return false, rsvpOK
}

// rsvpSignatureVerify is tcpdump's signature_verify for RSVP: msg is the
// message from its common header, digestOff where its digest sits.
func rsvpSignatureVerify(nd *ND, msg []byte, digestOff int) string {
	if nd.SigSecret == "" || len(msg) < rsvpHdrLen {
		return "unchecked"
	}
	plen := int(getBE16(msg, 6))
	if !ttest(msg, 0, plen) || digestOff+16 > plen {
		return "unchecked"
	}
	cp := make([]byte, plen)
	copy(cp, msg)
	clear(cp[digestOff : digestOff+16])
	cp[2], cp[3] = 0, 0
	mac := hmac.New(md5.New, []byte(nd.SigSecret))
	mac.Write(cp)
	sum := mac.Sum(nil)
	if hmac.Equal(sum, msg[digestOff:digestOff+16]) {
		return "valid"
	}
	for _, c := range sum {
		nd.PrintHex(uint64(c), 2)
	}
	return "invalid"
}
