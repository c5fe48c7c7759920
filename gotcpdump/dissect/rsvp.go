package dissect

// RSVP (RFC 2205 and its MPLS-TE/GMPLS extensions, IP protocol 46), as
// tcpdump 4.99.3's print-rsvp.c prints it: a one-line summary without -v,
// otherwise the common header and every object, each decoded by the
// entry of rsvpObjDecoders for its class.

func init() {
	registerIPProto(46, func(nd *ND, b []byte, length int, _ *ipInfo) { rsvpPrint(nd, b, length) })
}

const (
	rsvpHdrLen    = 8
	rsvpObjHdrLen = 4

	rsvpMsgBundle = 12

	rsvpObjSession        = 1
	rsvpObjHop            = 3
	rsvpObjTimeValues     = 5
	rsvpObjStyle          = 8
	rsvpObjSenderTemplate = 11
	rsvpObjConfirm        = 15
	rsvpObjLabel          = 16
	rsvpObjERO            = 20
	rsvpObjRRO            = 21
	rsvpObjHello          = 22
	rsvpObjRecoveryLabel  = 34
	rsvpObjUpstreamLabel  = 35
	rsvpObjDetour         = 63
	rsvpObjClassType      = 66
	rsvpObjClassTypeOld   = 125
	rsvpObjSuggestedLabel = 129
	rsvpObjRestartCap     = 131
	rsvpObjCapability     = 134
	rsvpObjNotifyReq      = 195
	rsvpObjAdminStatus    = 196
	rsvpObjFastReroute    = 205
	rsvpObjSessionAttr    = 207
	rsvpObjGeneralizedUNI = 229
	rsvpObjS2L            = 50
)

var rsvpMsgTypes = []tok{
	{1, "Path"}, {2, "Resv"}, {3, "PathErr"}, {4, "ResvErr"}, {5, "PathTear"},
	{6, "ResvTear"}, {7, "ResvConf"}, {12, "Bundle"}, {13, "Acknowledgement"},
	{14, "Hello (Old)"}, {15, "Refresh"}, {20, "Hello"},
}

// rsvpObjectMessages are the message types whose body is a list of
// objects (the others are hex-dumped).
var rsvpObjectMessages = [256]bool{1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true,
	13: true, 14: true, 15: true, 20: true}

var rsvpHeaderFlags = []tok{{0x01, "Refresh reduction capable"}}

var rsvpObjNames = []tok{
	{1, "Session"}, {3, "RSVP Hop"}, {4, "Integrity"}, {5, "Time Values"}, {6, "Error Spec"},
	{7, "Scope"}, {8, "Style"}, {9, "Flowspec"}, {10, "FilterSpec"}, {11, "Sender Template"},
	{12, "Sender TSpec"}, {13, "Adspec"}, {14, "Policy Data"}, {15, "Confirm"}, {16, "Label"},
	{19, "Label Request"}, {20, "ERO"}, {21, "RRO"}, {22, "Hello"}, {23, "Message ID"},
	{24, "Message ID Ack"}, {25, "Message ID List"}, {34, "Recovery Label"},
	{35, "Upstream Label"}, {36, "Label Set"}, {130, "Acceptable Label Set"}, {63, "Detour"},
	{66, "Class Type"}, {125, "Class Type (old)"}, {129, "Suggested Label"}, {204, "Properties"},
	{205, "Fast Re-Route"}, {207, "Session Attribute"}, {229, "Generalized UNI"},
	{230, "Call-ID"}, {236, "Call Capability"}, {131, "Restart Capability"},
	{134, "Capability"}, {195, "Notify Request"}, {37, "Protection"},
	{196, "Administrative Status"}, {50, "Sub-LSP to LSP"},
}

// rsvpCTypeNames keys class-num*256 + c-type.
var rsvpCTypeNames = []tok{
	{3<<8 | 1, "IPv4"}, {3<<8 | 2, "IPv6"}, {3<<8 | 3, "IPv4 plus opt. TLVs"}, {3<<8 | 4, "IPv6 plus opt. TLVs"},
	{195<<8 | 1, "IPv4"}, {195<<8 | 2, "IPv6"}, {15<<8 | 1, "IPv4"}, {15<<8 | 2, "IPv6"},
	{5<<8 | 1, "1"}, {9<<8 | 1, "obsolete"}, {9<<8 | 2, "IntServ"}, {12<<8 | 2, "IntServ"},
	{13<<8 | 2, "IntServ"}, {10<<8 | 1, "IPv4"}, {10<<8 | 2, "IPv6"}, {10<<8 | 3, "IPv6 Flow-label"},
	{10<<8 | 7, "Tunnel IPv4"}, {10<<8 | 12, "IPv4 P2MP LSP Tunnel"}, {10<<8 | 13, "IPv6 P2MP LSP Tunnel"},
	{1<<8 | 1, "IPv4"}, {1<<8 | 2, "IPv6"}, {1<<8 | 7, "Tunnel IPv4"}, {1<<8 | 11, "UNI IPv4"},
	{1<<8 | 13, "IPv4 P2MP LSP Tunnel"}, {1<<8 | 14, "IPv6 P2MP LSP Tunnel"},
	{11<<8 | 1, "IPv4"}, {11<<8 | 2, "IPv6"}, {11<<8 | 7, "Tunnel IPv4"},
	{11<<8 | 12, "IPv4 P2MP LSP Tunnel"}, {11<<8 | 13, "IPv6 P2MP LSP Tunnel"},
	{23<<8 | 1, "1"}, {24<<8 | 1, "Message id ack"}, {24<<8 | 2, "Message id nack"}, {25<<8 | 1, "1"},
	{8<<8 | 1, "1"}, {22<<8 | 1, "Hello Request"}, {22<<8 | 2, "Hello Ack"},
	{19<<8 | 1, "without label range"}, {19<<8 | 2, "with ATM label range"},
	{19<<8 | 3, "with FR label range"}, {19<<8 | 4, "Generalized Label"},
	{16<<8 | 1, "Label"}, {16<<8 | 2, "Generalized Label"}, {16<<8 | 3, "Waveband Switching"},
	{129<<8 | 1, "Label"}, {129<<8 | 2, "Generalized Label"}, {129<<8 | 3, "Waveband Switching"},
	{35<<8 | 1, "Label"}, {35<<8 | 2, "Generalized Label"}, {35<<8 | 3, "Waveband Switching"},
	{34<<8 | 1, "Label"}, {34<<8 | 2, "Generalized Label"}, {34<<8 | 3, "Waveband Switching"},
	{20<<8 | 1, "IPv4"}, {21<<8 | 1, "IPv4"}, {6<<8 | 1, "IPv4"}, {6<<8 | 2, "IPv6"},
	{6<<8 | 3, "IPv4 plus opt. TLVs"}, {6<<8 | 4, "IPv6 plus opt. TLVs"}, {131<<8 | 1, "IPv4"},
	{134<<8 | 1, "1"}, {207<<8 | 7, "Tunnel IPv4"}, {205<<8 | 7, "Tunnel IPv4"}, {205<<8 | 1, "1"},
	{63<<8 | 7, "Tunnel IPv4"}, {204<<8 | 1, "1"}, {196<<8 | 1, "1"}, {66<<8 | 1, "1"},
	{125<<8 | 1, "1"}, {36<<8 | 1, "1"}, {229<<8 | 1, "1"}, {50<<8 | 1, "IPv4 sub-LSP"},
	{50<<8 | 2, "IPv6 sub-LSP"},
}

var (
	rsvpCapabilityFlags = []tok{
		{0x0004, "RecoveryPath Transmit Enabled"}, {0x0002, "RecoveryPath Desired"},
		{0x0001, "RecoveryPath Srefresh Capable"},
	}
	rsvpXROTypes = []tok{
		{0, "Reserved"}, {1, "IPv4 prefix"}, {2, "IPv6 prefix"}, {3, "Label"},
		{32, "Autonomous system number"}, {64, "MPLS label switched path termination"},
	}
	rsvpRROFlags = []tok{
		{0x01, "Local protection available"}, {0x02, "Local protection in use"},
		{0x04, "Bandwidth protection"}, {0x08, "Node protection"},
	}
	rsvpRROLabelFlags = []tok{{0x01, "Global"}}
	rsvpResStyles     = []tok{{17, "Wildcard Filter"}, {10, "Fixed Filter"}, {18, "Shared Explicit"}}
	rsvpSessionFlags  = []tok{
		{0x01, "Local Protection"}, {0x02, "Label Recording"}, {0x04, "SE Style"},
		{0x08, "Bandwidth protection"}, {0x10, "Node protection"},
	}
	rsvpAdminStatusFlags = []tok{
		{0x80000000, "Reflect"}, {0x00000004, "Testing"}, {0x00000002, "Admin-down"},
		{0x00000001, "Delete-in-progress"},
	}
	rsvpGenUNITypes = []tok{
		{1, "Source TNA address"}, {2, "Destination TNA address"}, {3, "Diversity"},
		{4, "Egress label"}, {5, "Service level"},
	}
)

// rsvpResult is how an object decoder ended: rsvpOK lets the object loop
// go on; the others print their error and stop the message (tcpdump's
// obj_tooshort, subobj_tooshort and invalid labels).
type rsvpResult uint8

const (
	rsvpOK rsvpResult = iota
	rsvpObjTooShort
	rsvpSubobjTooShort
	rsvpInvalid
	rsvpStop // the decoder printed its own error
)

// rsvpObj is one object handed to a decoder: its body (header excluded,
// fully captured), its c-type, the indent of the message, and the message
// it sits in (from the common header) with the body's offset there.
type rsvpObj struct {
	body    []byte
	ctype   uint8
	indent  string
	msg     []byte
	bodyOff int
}

// An rsvpDecoder prints one object class; hexdump asks for the body to be
// dumped after it (unknown c-types, undecoded trailers).
type rsvpDecoder func(nd *ND, o rsvpObj) (hexdump bool, r rsvpResult)

var rsvpObjDecoders map[uint8]rsvpDecoder

func init() {
	rsvpObjDecoders = map[uint8]rsvpDecoder{
		rsvpObjSession:        rsvpSession,
		rsvpObjHop:            rsvpHop,
		rsvpObjTimeValues:     rsvpTimeValues,
		rsvpObjStyle:          rsvpStyle,
		rsvpObjSenderTemplate: rsvpSenderTemplate,
		rsvpObjConfirm:        rsvpAddrObject("Receiver Address"),
		rsvpObjNotifyReq:      rsvpAddrObject("Notify Node Address"),
		rsvpObjLabel:          rsvpLabel,
		rsvpObjSuggestedLabel: rsvpLabel,
		rsvpObjUpstreamLabel:  rsvpLabel,
		rsvpObjRecoveryLabel:  rsvpLabel,
		rsvpObjERO:            rsvpXRO,
		rsvpObjRRO:            rsvpXRO,
		rsvpObjHello:          rsvpHello,
		rsvpObjRestartCap:     rsvpRestartCap,
		rsvpObjCapability:     rsvpCapability,
		rsvpObjSessionAttr:    rsvpSessionAttr,
		rsvpObjGeneralizedUNI: rsvpGeneralizedUNI,
		rsvpObjFastReroute:    rsvpFastReroute,
		rsvpObjDetour:         rsvpDetour,
		rsvpObjClassType:      rsvpClassType,
		rsvpObjClassTypeOld:   rsvpClassType,
		rsvpObjAdminStatus:    rsvpAdminStatus,
		rsvpObjS2L:            rsvpS2L,
	}
}

func rsvpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("rsvp")
	tcheck(b, 0, rsvpHdrLen)
	vf := getU8(b, 0)
	if vf>>4 != 1 {
		nd.Printf("ERROR: RSVP version %d packet not supported", vf>>4)
		return
	}
	msgType := getU8(b, 1)
	if nd.Verbose < 1 {
		nd.Printf("RSVPv%d %s Message, length: %d", vf>>4, tok2str(rsvpMsgTypes, "unknown (%u)", uint32(msgType)), length)
		return
	}
	tlen := int(getBE16(b, 6))
	rsvpHeaderPrint(nd, b, "\n\t")
	if tlen < rsvpHdrLen {
		nd.Printf("ERROR: common header too short %d < %d", tlen, rsvpHdrLen)
		return
	}
	off := rsvpHdrLen
	tlen -= rsvpHdrLen
	switch {
	case msgType == rsvpMsgBundle:
		rsvpBundlePrint(nd, b, off, tlen)
	case rsvpObjectMessages[msgType]:
		rsvpObjectsPrint(nd, b, "\n\t  ", tlen)
	default:
		unknownDataPrint(nd, b, off, "\n\t    ", tlen)
	}
}

// rsvpHeaderPrint prints the verbose common header at b[0:8].
func rsvpHeaderPrint(nd *ND, b []byte, indent string) {
	vf, msgType := getU8(b, 0), getU8(b, 1)
	nd.Print(indent)
	nd.Print("RSVPv")
	nd.PrintUint(uint64(vf >> 4))
	nd.Print(" ")
	nd.Print(tok2str(rsvpMsgTypes, "unknown, type: %u", uint32(msgType)))
	nd.Print(" Message (")
	nd.PrintUint(uint64(msgType))
	nd.Print("), Flags: [")
	nd.Print(bittok2str(rsvpHeaderFlags, "none", uint32(vf&0x0f)))
	nd.Print("], length: ")
	nd.PrintUint(uint64(getBE16(b, 6)))
	nd.Print(", ttl: ")
	nd.PrintUint(uint64(getU8(b, 4)))
	nd.Print(", checksum: 0x")
	nd.PrintHex(uint64(getBE16(b, 2)), 4)
}

// rsvpBundlePrint prints the sub-messages of a Bundle message.
func rsvpBundlePrint(nd *ND, b []byte, off, tlen int) {
	for tlen > 0 {
		tcheck(b, off, rsvpHdrLen)
		vf := getU8(b, off)
		if vf>>4 != 1 {
			nd.Printf("ERROR: RSVP version %d packet not supported", vf>>4)
			return
		}
		sublen := int(getBE16(b, off+6))
		rsvpHeaderPrint(nd, sub(b, off), "\n\t  ")
		if sublen < rsvpHdrLen {
			nd.Printf("ERROR: common header too short %d < %d", sublen, rsvpHdrLen)
			return
		}
		if tlen < sublen {
			nd.Printf("ERROR: common header too large %d > %d", sublen, tlen)
			return
		}
		if !rsvpObjectsPrint(nd, sub(b, off), "\n\t    ", sublen-rsvpHdrLen) {
			return
		}
		off += sublen
		tlen -= sublen
	}
}

// rsvpObjectsPrint prints the tlen bytes of objects after the common
// header of the message msg; it reports false when an error stopped it.
func rsvpObjectsPrint(nd *ND, msg []byte, indent string, tlen int) bool {
	b, off := msg, rsvpHdrLen
	for tlen >= rsvpObjHdrLen {
		tcheck(b, off, rsvpObjHdrLen)
		objLen := int(getBE16(b, off))
		class := getU8(b, off+2)
		ctype := getU8(b, off+3)
		if objLen%4 != 0 {
			nd.Printf("%sERROR: object header size %d not a multiple of 4", indent, objLen)
			return false
		}
		if objLen < rsvpObjHdrLen {
			nd.Printf("%sERROR: object header too short %d < %d", indent, objLen, rsvpObjHdrLen)
			return false
		}
		nd.Print(indent)
		nd.Print(tok2str(rsvpObjNames, "Unknown", uint32(class)))
		nd.Print(" Object (")
		nd.PrintUint(uint64(class))
		nd.Print(") Flags: [")
		switch {
		case class&0xc0 == 0xc0:
			nd.Print("ignore and forward")
		case class&0x80 != 0:
			nd.Print("ignore silently")
		default:
			nd.Print("reject")
		}
		nd.Print(" if unknown], Class-Type: ")
		nd.Print(tok2str(rsvpCTypeNames, "Unknown", uint32(class)<<8+uint32(ctype)))
		nd.Print(" (")
		nd.PrintUint(uint64(ctype))
		nd.Print("), length: ")
		nd.PrintUint(uint64(objLen))
		if tlen < objLen {
			nd.Printf("%sERROR: object goes past end of objects TLV", indent)
			return false
		}
		tcheck(b, off, objLen)
		body := b[off+rsvpObjHdrLen : off+objLen]

		hexdump := false
		if dec, ok := rsvpObjDecoders[class]; ok {
			var r rsvpResult
			hexdump, r = dec(nd, rsvpObj{body: body, ctype: ctype, indent: indent, msg: msg, bodyOff: off + rsvpObjHdrLen})
			switch r {
			case rsvpObjTooShort:
				nd.Print(indent)
				nd.Print("ERROR: object is too short")
				return false
			case rsvpSubobjTooShort:
				nd.Print(indent)
				nd.Print("ERROR: sub-object is too short")
				return false
			case rsvpInvalid:
				nd.PrintInvalid()
				return false
			case rsvpStop:
				return false
			}
		} else if nd.Verbose <= 1 {
			unknownDataPrint(nd, body, 0, "\n\t    ", len(body))
		}
		if nd.Verbose > 1 || hexdump {
			unknownDataPrint(nd, body, 0, "\n\t    ", len(body))
		}
		off += objLen
		tlen -= objLen
	}
	return true
}

// rsvpLine starts a decoded line: the indent plus two spaces.
func rsvpLine(nd *ND, o rsvpObj, label string) {
	nd.Print(o.indent)
	nd.Print("  ")
	nd.Print(label)
}

func rsvpHex32(nd *ND, v uint32) {
	nd.Print("0x")
	nd.PrintHex(uint64(v), 8)
}

func rsvpHex16(nd *ND, v uint16) {
	nd.Print("0x")
	nd.PrintHex(uint64(v), 4)
}

func rsvpSession(nd *ND, o rsvpObj) (bool, rsvpResult) {
	b := o.body
	switch o.ctype {
	case 1:
		if len(b) < 8 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "IPv4 DestAddress: ")
		nd.PrintIPAddr(b, 0)
		nd.Print(", Protocol ID: 0x")
		nd.PrintHex(uint64(b[4]), 2)
		rsvpLine(nd, o, "Flags: [0x")
		nd.PrintHex(uint64(b[5]), 2)
		nd.Print("], DestPort ")
		nd.PrintUint(uint64(getBE16(b, 6)))
	case 2:
		if len(b) < 20 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "IPv6 DestAddress: ")
		nd.PrintIP6Addr(b, 0)
		nd.Print(", Protocol ID: 0x")
		nd.PrintHex(uint64(b[16]), 2)
		rsvpLine(nd, o, "Flags: [0x")
		nd.PrintHex(uint64(b[17]), 2)
		nd.Print("], DestPort ")
		nd.PrintUint(uint64(getBE16(b, 18)))
	case 8:
		if len(b) < 36 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "IPv6 Tunnel EndPoint: ")
		nd.PrintIP6Addr(b, 0)
		nd.Print(", Tunnel ID: ")
		rsvpHex16(nd, getBE16(b, 18))
		nd.Print(", Extended Tunnel ID: ")
		nd.PrintIP6Addr(b, 20)
	case 14:
		if len(b) < 26 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "IPv6 P2MP LSP ID: ")
		rsvpHex32(nd, getBE32(b, 0))
		nd.Print(", Tunnel ID: ")
		rsvpHex16(nd, getBE16(b, 6))
		nd.Print(", Extended Tunnel ID: ")
		nd.PrintIP6Addr(b, 8)
	case 13, 7, 11:
		if len(b) < 12 {
			return false, rsvpObjTooShort
		}
		if o.ctype == 13 {
			rsvpLine(nd, o, "IPv4 P2MP LSP ID: ")
		} else {
			rsvpLine(nd, o, "IPv4 Tunnel EndPoint: ")
		}
		nd.PrintIPAddr(b, 0)
		nd.Print(", Tunnel ID: ")
		rsvpHex16(nd, getBE16(b, 6))
		nd.Print(", Extended Tunnel ID: ")
		nd.PrintIPAddr(b, 8)
	default:
		return true, rsvpOK
	}
	return false, rsvpOK
}

func rsvpHop(nd *ND, o rsvpObj) (bool, rsvpResult) {
	b := o.body
	switch o.ctype {
	case 1, 3:
		if len(b) < 8 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "Previous/Next Interface: ")
		nd.PrintIPAddr(b, 0)
		nd.Print(", Logical Interface Handle: ")
		rsvpHex32(nd, getBE32(b, 4))
		return len(b) > 8, rsvpOK
	case 2, 4:
		if len(b) < 20 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "Previous/Next Interface: ")
		nd.PrintIP6Addr(b, 0)
		nd.Print(", Logical Interface Handle: ")
		rsvpHex32(nd, getBE32(b, 16))
		return true, rsvpOK
	}
	return true, rsvpOK
}

// rsvpU32Object decodes the single-word objects of c-type 1.
func rsvpU32Object(print func(nd *ND, o rsvpObj, v uint32)) rsvpDecoder {
	return func(nd *ND, o rsvpObj) (bool, rsvpResult) {
		if o.ctype != 1 {
			return true, rsvpOK
		}
		if len(o.body) < 4 {
			return false, rsvpObjTooShort
		}
		print(nd, o, getBE32(o.body, 0))
		return false, rsvpOK
	}
}

var (
	rsvpTimeValues = rsvpU32Object(func(nd *ND, o rsvpObj, v uint32) {
		rsvpLine(nd, o, "Refresh Period: ")
		nd.PrintUint(uint64(v))
		nd.Print("ms")
	})
	rsvpStyle = rsvpU32Object(func(nd *ND, o rsvpObj, v uint32) {
		rsvpLine(nd, o, "Reservation Style: ")
		nd.Print(tok2str(rsvpResStyles, "Unknown", v&0xffffff))
		nd.Print(", Flags: [0x")
		nd.PrintHex(uint64(v>>24), 2)
		nd.Print("]")
	})
	rsvpClassType = rsvpU32Object(func(nd *ND, o rsvpObj, v uint32) {
		rsvpLine(nd, o, "CT: ")
		nd.PrintUint(uint64(v & 7))
	})
	rsvpAdminStatus = rsvpU32Object(func(nd *ND, o rsvpObj, v uint32) {
		rsvpLine(nd, o, "Flags [")
		nd.Print(bittok2str(rsvpAdminStatusFlags, "none", v))
		nd.Print("]")
	})
	rsvpCapability = rsvpU32Object(func(nd *ND, o rsvpObj, v uint32) {
		if v&^7 != 0 {
			rsvpLine(nd, o, "[reserved=")
			rsvpHex32(nd, v&^7)
			nd.Print(" must be zero]")
		}
		rsvpLine(nd, o, "Flags: [")
		nd.Print(bittok2str(rsvpCapabilityFlags, "none", v&7))
		nd.Print("]")
	})
)

// rsvpAddrObject decodes the objects holding one IPv4 (c-type 1) or
// IPv6 (c-type 2) address.
func rsvpAddrObject(what string) rsvpDecoder {
	return func(nd *ND, o rsvpObj) (bool, rsvpResult) {
		switch o.ctype {
		case 1:
			if len(o.body) < 4 {
				return false, rsvpObjTooShort
			}
			rsvpLine(nd, o, "IPv4 "+what+": ")
			nd.PrintIPAddr(o.body, 0)
		case 2:
			if len(o.body) < 16 {
				return false, rsvpObjTooShort
			}
			rsvpLine(nd, o, "IPv6 "+what+": ")
			nd.PrintIP6Addr(o.body, 0)
		default:
			return true, rsvpOK
		}
		return false, rsvpOK
	}
}

func rsvpS2L(nd *ND, o rsvpObj) (bool, rsvpResult) {
	switch o.ctype {
	case 1:
		if len(o.body) < 4 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "Sub-LSP destination address: ")
		nd.PrintIPAddr(o.body, 0)
	case 2:
		if len(o.body) < 16 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "Sub-LSP destination address: ")
		nd.PrintIP6Addr(o.body, 0)
	default:
		return true, rsvpOK
	}
	return false, rsvpOK
}

func rsvpSenderTemplate(nd *ND, o rsvpObj) (bool, rsvpResult) {
	b := o.body
	var need int
	switch o.ctype {
	case 1, 7:
		need = 8
	case 2:
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
	case 7:
		rsvpLine(nd, o, "IPv4 Tunnel Sender Address: ")
		nd.PrintIPAddr(b, 0)
		nd.Print(", LSP-ID: ")
		rsvpHex16(nd, getBE16(b, 6))
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

func rsvpLabel(nd *ND, o rsvpObj) (bool, rsvpResult) {
	b := o.body
	switch o.ctype {
	case 1:
		for off := 0; off+4 <= len(b); off += 4 {
			rsvpLine(nd, o, "Label: ")
			nd.PrintUint(uint64(getBE32(b, off)))
		}
	case 2:
		if len(b) < 4 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "Generalized Label: ")
		nd.PrintUint(uint64(getBE32(b, 0)))
	case 3:
		if len(b) < 12 {
			return false, rsvpObjTooShort
		}
		rsvpLine(nd, o, "Waveband ID: ")
		nd.PrintUint(uint64(getBE32(b, 0)))
		rsvpLine(nd, o, "Start Label: ")
		nd.PrintUint(uint64(getBE32(b, 4)))
		nd.Print(", Stop Label: ")
		nd.PrintUint(uint64(getBE32(b, 8)))
	default:
		return true, rsvpOK
	}
	return false, rsvpOK
}

// rsvpXRO decodes the subobjects of an ERO or RRO; a zero or oversized
// subobject length ends the list with an error line, a malformed IPv4 or
// label subobject ends the message as invalid.
func rsvpXRO(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 1 {
		return true, rsvpOK
	}
	b := o.body
	for len(b) >= 4 {
		typ := getU8(b, 0) & 0x7f
		length := int(getU8(b, 1))
		rsvpLine(nd, o, "Subobject Type: ")
		nd.Print(tok2str(rsvpXROTypes, "Unknown %u", uint32(typ)))
		nd.Print(", length ")
		nd.PrintUint(uint64(length))
		if len(b) < length {
			rsvpLine(nd, o, "ERROR: ERO subobject length > object length")
			break
		}
		if length == 0 {
			rsvpLine(nd, o, "ERROR: zero length ERO subtype")
			break
		}
		switch typ {
		case 1:
			if length != 8 {
				nd.Print(" ERROR: length != 8")
				return false, rsvpInvalid
			}
			if plen := getU8(b, 6); plen != 32 {
				nd.Printf(" ERROR: Prefix length %d != 32", plen)
				return false, rsvpInvalid
			}
			if b[0]&0x80 != 0 {
				nd.Print(", Loose, ")
			} else {
				nd.Print(", Strict, ")
			}
			nd.PrintIPAddr(b, 2)
			nd.Print("/32, Flags: [")
			nd.Print(bittok2str(rsvpRROFlags, "none", uint32(b[7])))
			nd.Print("]")
		case 3:
			if length != 8 {
				nd.Print(" ERROR: length != 8")
				return false, rsvpInvalid
			}
			nd.Print(", Flags: [")
			nd.Print(bittok2str(rsvpRROLabelFlags, "none", uint32(b[2])))
			nd.Printf("] (%#x), Class-Type: %s (%d), %d", b[2],
				tok2str(rsvpCTypeNames, "Unknown", uint32(b[3])+rsvpObjRRO<<8), b[3], getBE32(b, 4))
		}
		b = b[length:]
	}
	return false, rsvpOK
}

func rsvpHello(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 1 && o.ctype != 2 {
		return true, rsvpOK
	}
	if len(o.body) < 8 {
		return false, rsvpObjTooShort
	}
	rsvpLine(nd, o, "Source Instance: ")
	rsvpHex32(nd, getBE32(o.body, 0))
	nd.Print(", Destination Instance: ")
	rsvpHex32(nd, getBE32(o.body, 4))
	return false, rsvpOK
}

func rsvpRestartCap(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 1 {
		return true, rsvpOK
	}
	if len(o.body) < 8 {
		return false, rsvpObjTooShort
	}
	rsvpLine(nd, o, "Restart  Time: ")
	nd.PrintUint(uint64(getBE32(o.body, 0)))
	nd.Print("ms, Recovery Time: ")
	nd.PrintUint(uint64(getBE32(o.body, 4)))
	nd.Print("ms")
	return false, rsvpOK
}

func rsvpSessionAttr(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 7 {
		return true, rsvpOK
	}
	b := o.body
	if len(b) < 4 {
		return false, rsvpObjTooShort
	}
	n := int(b[3])
	if len(b) < 4+n {
		return false, rsvpObjTooShort
	}
	rsvpLine(nd, o, "Session Name: ")
	for _, c := range b[4 : 4+n] {
		nd.printChar(c)
	}
	rsvpLine(nd, o, "Setup Priority: ")
	nd.PrintUint(uint64(b[0]))
	nd.Print(", Holding Priority: ")
	nd.PrintUint(uint64(b[1]))
	nd.Print(", Flags: [")
	nd.Print(bittok2str(rsvpSessionFlags, "none", uint32(b[2])))
	nd.Printf("] (%#x)", b[2])
	return false, rsvpOK
}

func rsvpDetour(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 7 {
		return true, rsvpOK
	}
	for off := 0; off+8 <= len(o.body); off += 8 {
		rsvpLine(nd, o, "PLR-ID: ")
		nd.PrintIPAddr(o.body, off)
		nd.Print(", Avoid-Node-ID: ")
		nd.PrintIPAddr(o.body, off+4)
	}
	return false, rsvpOK
}

// rsvpFastReroute decodes the FAST_REROUTE object, new style (c-type 1,
// RFC 4090) or old style (c-type 7). The bandwidth is an IEEE float in
// bytes per second, printed in Mbps with C's %.10g.
func rsvpFastReroute(nd *ND, o rsvpObj) (bool, rsvpResult) {
	b := o.body
	need := 16 // old style: no Include-all
	switch o.ctype {
	case 1:
		need = 20
	case 7:
	default:
		return true, rsvpOK
	}
	if len(b) < need {
		return false, rsvpObjTooShort
	}
	rsvpLine(nd, o, "Setup Priority: ")
	nd.PrintUint(uint64(b[0]))
	nd.Print(", Holding Priority: ")
	nd.PrintUint(uint64(b[1]))
	nd.Print(", Hop-limit: ")
	nd.PrintUint(uint64(b[2]))
	nd.Printf(", Bandwidth: %.10g Mbps", lmpMbps(getBE32(b, 4)))
	if o.ctype == 1 {
		rsvpLine(nd, o, "Include-any: ")
		rsvpHex32(nd, getBE32(b, 8))
		nd.Print(", Exclude-any: ")
		rsvpHex32(nd, getBE32(b, 12))
		nd.Print(", Include-all: ")
		rsvpHex32(nd, getBE32(b, 16))
	} else {
		rsvpLine(nd, o, "Include Colors: ")
		rsvpHex32(nd, getBE32(b, 8))
		nd.Print(", Exclude Colors: ")
		rsvpHex32(nd, getBE32(b, 12))
	}
	return false, rsvpOK
}

// rsvpGeneralizedUNI walks the subobjects of the OIF GENERALIZED_UNI
// object. Like tcpdump it grows (rather than shrinks) the remaining
// object length per subobject, so only the running total bounds the walk.
func rsvpGeneralizedUNI(nd *ND, o rsvpObj) (bool, rsvpResult) {
	if o.ctype != 1 {
		return true, rsvpOK
	}
	b := o.body
	if len(b) < 4 {
		return false, rsvpObjTooShort
	}
	objLen, total, off := len(b), len(b), 0
	hexdump := false
	for total > 0 {
		if total < 4 {
			return hexdump, rsvpInvalid
		}
		subLen := int(getBE16(b, off))
		subType := getU8(b, off+2)
		af := getU8(b, off+3)
		rsvpLine(nd, o, "Subobject Type: ")
		nd.Printf("%s (%d), AF: %s (%d), length: %d",
			tok2str(rsvpGenUNITypes, "Unknown", uint32(subType)), subType,
			tok2str(bgpAFNames, "Unknown", uint32(af)), af, subLen)
		if subLen < 4 || subLen > total || objLen < subLen {
			return hexdump, rsvpInvalid
		}
		switch subType {
		case 1, 2:
			switch af {
			case afIPv4:
				if subLen < 8 {
					return hexdump, rsvpSubobjTooShort
				}
				rsvpLine(nd, o, "  UNI IPv4 TNA address: ")
				nd.PrintIPAddr(b, off+4)
			case afIPv6:
				if subLen < 20 {
					return hexdump, rsvpSubobjTooShort
				}
				rsvpLine(nd, o, "  UNI IPv6 TNA address: ")
				nd.PrintIP6Addr(b, off+4)
			case afNSAP:
				hexdump = true
			}
		case 3:
			hexdump = hexdump || subLen > 4
		case 4:
			if subLen < 16 {
				return hexdump, rsvpSubobjTooShort
			}
			w := getBE32(b, off+4)
			rsvpLine(nd, o, "  U-bit: ")
			nd.PrintHex(uint64(w>>31), 0)
			nd.Printf(", Label type: %d, Logical port id: %d, Label: %d", w&0xff, getBE32(b, off+8), getBE32(b, off+12))
		case 5:
			if subLen < 8 {
				return hexdump, rsvpSubobjTooShort
			}
			rsvpLine(nd, o, "  Service level: ")
			nd.PrintUint(uint64(getBE32(b, off+4) >> 24))
		default:
			hexdump = true
		}
		total -= subLen
		off += subLen
		objLen += subLen
	}
	return hexdump, rsvpOK
}
