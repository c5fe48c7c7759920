package dissect

import "math"

// LMP, the Link Management Protocol (RFC 4204, tcpdump's print-lmp.c),
// with the OIF UNI 1.0 service discovery objects.

func init() {
	registerUDPPort("lmp", lmpPortPrint, 701)
	registerUDPType("lmp", lmpPortPrint)
}

const (
	lmpHdrLen    = 8
	lmpObjHdrLen = 4
)

// Object classes.
const (
	lmpObjCCID             = 1
	lmpObjNodeID           = 2
	lmpObjLinkID           = 3
	lmpObjInterfaceID      = 4
	lmpObjMessageID        = 5
	lmpObjConfig           = 6
	lmpObjHello            = 7
	lmpObjVerifyBegin      = 8
	lmpObjVerifyBeginAck   = 9
	lmpObjVerifyID         = 10
	lmpObjTELink           = 11
	lmpObjDataLink         = 12
	lmpObjChannelStatus    = 13
	lmpObjChannelStatusReq = 14
	lmpObjErrorCode        = 20
	lmpObjServiceConfig    = 51
)

var (
	lmpHeaderFlags = []tok{{0x01, "Control Channel Down"}, {0x02, "LMP restart"}}
	lmpMsgTypes    = []tok{
		{1, "Config"}, {2, "Config ACK"}, {3, "Config NACK"}, {4, "Hello"},
		{5, "Begin Verify"}, {6, "Begin Verify ACK"}, {7, "Begin Verify NACK"},
		{8, "End Verify"}, {9, "End Verify ACK"}, {10, "Test"},
		{11, "Test Status Success"}, {12, "Test Status Failure"}, {13, "Test Status ACK"},
		{14, "Link Summary"}, {15, "Link Summary ACK"}, {16, "Link Summary NACK"},
		{17, "Channel Status"}, {18, "Channel Status ACK"}, {19, "Channel Status Request"},
		{20, "Channel Status Response"}, {50, "Service Config"}, {51, "Service Config ACK"},
		{52, "Service Config NACK"},
	}
	lmpObjNames = []tok{
		{lmpObjCCID, "Control Channel ID"}, {lmpObjNodeID, "Node ID"}, {lmpObjLinkID, "Link ID"},
		{lmpObjInterfaceID, "Interface ID"}, {lmpObjMessageID, "Message ID"},
		{lmpObjConfig, "Configuration"}, {lmpObjHello, "Hello"}, {lmpObjVerifyBegin, "Verify Begin"},
		{lmpObjVerifyBeginAck, "Verify Begin ACK"}, {lmpObjVerifyID, "Verify ID"},
		{lmpObjTELink, "TE Link"}, {lmpObjDataLink, "Data Link"},
		{lmpObjChannelStatus, "Channel Status"}, {lmpObjChannelStatusReq, "Channel Status Request"},
		{lmpObjErrorCode, "Error Code"}, {lmpObjServiceConfig, "Service Config"},
	}
	lmpTELinkFlags     = []tok{{0x01, "Fault Management Supported"}, {0x02, "Link Verification Supported"}}
	lmpDataLinkFlags   = []tok{{0x01, "Data Link Port"}, {0x02, "Allocated for user traffic"}, {0x04, "Failed link"}}
	lmpChannelStatuses = []tok{{1, "Signal Okay"}, {2, "Signal Degraded"}, {3, "Signal Fail"}}
	lmpVerifyFlags     = []tok{{0x0001, "Verify all links"}, {0x0002, "Data link type"}}
	lmpVerifyErrors    = []tok{
		{0x01, "Link Verification Procedure Not supported"}, {0x02, "Unwilling to verify"},
		{0x04, "Unsupported verification transport mechanism"}, {0x08, "Link-Id configuration error"},
		{0x10, "Unknown object c-type"},
	}
	lmpSummaryErrors = []tok{
		{0x01, "Unacceptable non-negotiable LINK-SUMMARY parameters"},
		{0x02, "Renegotiate LINK-SUMMARY parameters"}, {0x04, "Invalid TE-LINK Object"},
		{0x08, "Invalid DATA-LINK Object"}, {0x10, "Unknown TE-LINK Object c-type"},
		{0x20, "Unknown DATA-LINK Object c-type"},
	}
	lmpSubobjNames  = []tok{{1, "Interface Switching Type"}, {2, "Wavelength"}}
	lmpSPFlags      = []tok{{0x01, "RSVP Supported"}, {0x02, "LDP Supported"}}
	lmpCPSALinkType = []tok{{5, "SDH ITU-T G.707"}, {6, "SONET ANSI T1.105"}}
	lmpCPSASignal   = map[uint8][]tok{
		5: {{5, "VC-3"}, {6, "VC-4"}, {7, "STM-0"}, {8, "STM-1"}, {9, "STM-4"}, {10, "STM-16"}, {11, "STM-64"}, {12, "STM-256"}},
		6: {{5, "STS-1 SPE"}, {6, "STS-3c SPE"}, {7, "STS-1"}, {8, "STM-3"}, {9, "STM-12"}, {10, "STM-48"}, {11, "STM-192"}, {12, "STM-768"}},
	}
	lmpCPSATransparency = []tok{
		{0x01, "Path/VC Overhead Transparency Supported"}, {0x02, "Line/MS Overhead Transparency Supported"},
		{0x04, "Section/RS Overhead Transparency Supported"},
	}
	lmpCPSAConcat   = []tok{{0x01, "Contiguous Concatenation Types Supported"}}
	lmpNSATransp    = []tok{{0x01, "Standard SOH/RSOH Transparency Supported"}, {0x02, "Standard LOH/MSOH Transparency Supported"}}
	lmpNSATCM       = []tok{{0x01, "Transparent Tandem Connection Monitoring Supported"}}
	lmpNSADiversity = []tok{{0x01, "Node Diversity Supported"}, {0x02, "Link Diversity Supported"}, {0x04, "SRLG Diversity Supported"}}
)

// lmpCTypeNames names class-types, which are only unique within their
// class: the key is class<<8 | ctype.
var lmpCTypeNames = []tok{
	{lmpObjCCID<<8 | 1, "Local"}, {lmpObjCCID<<8 | 2, "Remote"},
	{lmpObjNodeID<<8 | 1, "Local"}, {lmpObjNodeID<<8 | 2, "Remote"},
	{lmpObjLinkID<<8 | 1, "IPv4 Local"}, {lmpObjLinkID<<8 | 2, "IPv4 Remote"},
	{lmpObjLinkID<<8 | 3, "IPv6 Local"}, {lmpObjLinkID<<8 | 4, "IPv6 Remote"},
	{lmpObjLinkID<<8 | 5, "Unnumbered Local"}, {lmpObjLinkID<<8 | 6, "Unnumbered Remote"},
	{lmpObjInterfaceID<<8 | 1, "IPv4 Local"}, {lmpObjInterfaceID<<8 | 2, "IPv4 Remote"},
	{lmpObjInterfaceID<<8 | 3, "IPv6 Local"}, {lmpObjInterfaceID<<8 | 4, "IPv6 Remote"},
	{lmpObjInterfaceID<<8 | 5, "Unnumbered Local"}, {lmpObjInterfaceID<<8 | 6, "Unnumbered Remote"},
	{lmpObjMessageID<<8 | 1, "1"}, {lmpObjMessageID<<8 | 2, "2"},
	{lmpObjConfig<<8 | 1, "1"}, {lmpObjHello<<8 | 1, "1"},
	{lmpObjVerifyBegin<<8 | 1, "1"}, {lmpObjVerifyBeginAck<<8 | 1, "1"}, {lmpObjVerifyID<<8 | 1, "1"},
	{lmpObjTELink<<8 | 1, "IPv4"}, {lmpObjTELink<<8 | 2, "IPv6"}, {lmpObjTELink<<8 | 3, "Unnumbered"},
	{lmpObjDataLink<<8 | 1, "IPv4"}, {lmpObjDataLink<<8 | 2, "IPv6"}, {lmpObjDataLink<<8 | 3, "Unnumbered"},
	{lmpObjChannelStatus<<8 | 1, "IPv4"}, {lmpObjChannelStatus<<8 | 2, "IPv6"},
	{lmpObjChannelStatus<<8 | 3, "Unnumbered"},
	{lmpObjChannelStatusReq<<8 | 1, "IPv4"}, {lmpObjChannelStatusReq<<8 | 2, "IPv6"},
	{lmpObjChannelStatusReq<<8 | 3, "Unnumbered"},
	{lmpObjErrorCode<<8 | 1, "1"}, {lmpObjErrorCode<<8 | 2, "2"},
	{lmpObjServiceConfig<<8 | 1, "1"}, {lmpObjServiceConfig<<8 | 2, "2"},
	{lmpObjServiceConfig<<8 | 3, "3"}, {lmpObjServiceConfig<<8 | 4, "4"},
}

// lmpObject is the decoder of one class-type: the length its contents
// must have (at least that length when atLeast), and the printer of the
// contents, which reports whether they must also be dumped.
type lmpObject struct {
	size    int
	atLeast bool
	print   func(nd *ND, b []byte, off, n int) bool
}

// lmpObjects are the decoded class-types, keyed by class<<8 | ctype.
var lmpObjects = map[uint16]lmpObject{
	lmpObjCCID<<8 | 1: {4, false, lmpNumberPrinter("Control Channel ID")},
	lmpObjCCID<<8 | 2: {4, false, lmpNumberPrinter("Control Channel ID")},

	lmpObjLinkID<<8 | 1:      {4, false, lmpIP4Printer("IPv4 Link ID")},
	lmpObjLinkID<<8 | 2:      {4, false, lmpIP4Printer("IPv4 Link ID")},
	lmpObjLinkID<<8 | 3:      {16, false, lmpIP6Printer("IPv6 Link ID")},
	lmpObjLinkID<<8 | 4:      {16, false, lmpIP6Printer("IPv6 Link ID")},
	lmpObjLinkID<<8 | 5:      {4, false, lmpNumberPrinter("Link ID")},
	lmpObjLinkID<<8 | 6:      {4, false, lmpNumberPrinter("Link ID")},
	lmpObjInterfaceID<<8 | 1: {4, false, lmpIP4Printer("IPv4 Link ID")},
	lmpObjInterfaceID<<8 | 2: {4, false, lmpIP4Printer("IPv4 Link ID")},
	lmpObjInterfaceID<<8 | 3: {16, false, lmpIP6Printer("IPv6 Link ID")},
	lmpObjInterfaceID<<8 | 4: {16, false, lmpIP6Printer("IPv6 Link ID")},
	lmpObjInterfaceID<<8 | 5: {4, false, lmpNumberPrinter("Link ID")},
	lmpObjInterfaceID<<8 | 6: {4, false, lmpNumberPrinter("Link ID")},

	lmpObjMessageID<<8 | 1: {4, false, lmpNumberPrinter("Message ID")},
	lmpObjMessageID<<8 | 2: {4, false, lmpNumberPrinter("Message ID Ack")},
	lmpObjNodeID<<8 | 1:    {4, false, lmpIP4Printer("Node ID")},
	lmpObjNodeID<<8 | 2:    {4, false, lmpIP4Printer("Node ID")},

	lmpObjConfig<<8 | 1: {4, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t    Hello Interval: %d\n\t    Hello Dead Interval: %d", getBE16(b, off), getBE16(b, off+2))
		return false
	}},
	lmpObjHello<<8 | 1: {8, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t    Tx Seq: %d, Rx Seq: %d", getBE32(b, off), getBE32(b, off+4))
		return false
	}},

	lmpObjTELink<<8 | 1: {12, false, func(nd *ND, b []byte, off, _ int) bool {
		lmpLinkIDsPrint(nd, b, off, lmpTELinkFlags, "Link-ID", 4)
		return false
	}},
	lmpObjTELink<<8 | 2: {36, false, func(nd *ND, b []byte, off, _ int) bool {
		lmpLinkIDsPrint(nd, b, off, lmpTELinkFlags, "Link-ID", 16)
		return false
	}},
	lmpObjTELink<<8 | 3: {12, false, func(nd *ND, b []byte, off, _ int) bool {
		lmpLinkIDsPrint(nd, b, off, lmpTELinkFlags, "Link-ID", 0)
		return false
	}},

	lmpObjDataLink<<8 | 1: {12, true, lmpDataLinkPrinter(4)},
	lmpObjDataLink<<8 | 2: {36, true, lmpDataLinkPrinter(16)},
	lmpObjDataLink<<8 | 3: {12, true, lmpDataLinkPrinter(0)},

	lmpObjVerifyBegin<<8 | 1: {20, false, lmpVerifyBeginPrint},
	lmpObjVerifyBeginAck<<8 | 1: {4, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t    Verify Dead Interval: %d\n\t    Verify Transport Response: %d", getBE16(b, off), getBE16(b, off+2))
		return false
	}},
	lmpObjVerifyID<<8 | 1: {4, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t    Verify ID: %d", getBE32(b, off))
		return false
	}},

	lmpObjChannelStatus<<8 | 1:    {0, true, lmpChannelStatusPrinter(4)},
	lmpObjChannelStatus<<8 | 2:    {0, true, lmpChannelStatusPrinter(16)},
	lmpObjChannelStatus<<8 | 3:    {0, true, lmpChannelStatusPrinter(0)},
	lmpObjChannelStatusReq<<8 | 1: {0, true, lmpInterfaceIDsPrinter(4)},
	lmpObjChannelStatusReq<<8 | 2: {0, true, lmpInterfaceIDsPrinter(16)},
	lmpObjChannelStatusReq<<8 | 3: {0, true, lmpInterfaceIDsPrinter(0)},

	lmpObjErrorCode<<8 | 1: {4, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t    Error Code: %s", bittok2str(lmpVerifyErrors, "none", getBE32(b, off)))
		return false
	}},
	lmpObjErrorCode<<8 | 2: {4, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t    Error Code: %s", bittok2str(lmpSummaryErrors, "none", getBE32(b, off)))
		return false
	}},

	lmpObjServiceConfig<<8 | 1: {4, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t Flags: %s", bittok2str(lmpSPFlags, "none", uint32(getU8(b, off))))
		nd.Printf("\n\t  UNI Version: %d", getU8(b, off+1))
		return false
	}},
	lmpObjServiceConfig<<8 | 2: {16, false, lmpCPSAPrint},
	lmpObjServiceConfig<<8 | 3: {8, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t Transparency Flags: %s", bittok2str(lmpNSATransp, "none", getBE32(b, off)))
		nd.Printf("\n\t TCM Monitoring Flags: %s", bittok2str(lmpNSATCM, "none", uint32(getU8(b, off+7))))
		return false
	}},
	lmpObjServiceConfig<<8 | 4: {4, false, func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t Diversity: Flags: %s", bittok2str(lmpNSADiversity, "none", uint32(getU8(b, off+3))))
		return false
	}},
}

func lmpPortPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	lmpPrint(nd, b, length)
}

// lmpPrint prints an LMP message of length bytes.
func lmpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("lmp")
	tcheck(b, 0, lmpHdrLen)
	version := getBE16(b, 0) >> 12
	if version != 1 {
		nd.Printf("LMP version %d packet not supported", version)
		return
	}
	msgType := uint32(getU8(b, 3))
	if nd.Verbose < 1 {
		nd.Printf("LMPv%d %s Message, length: %d", version, tok2str(lmpMsgTypes, "unknown (%d)", msgType), uint32(length))
		return
	}
	tlen := int(getBE16(b, 4))
	nd.Printf("\n\tLMPv%d, msg-type: %s, Flags: [%s], length: %d", version,
		tok2str(lmpMsgTypes, "unknown, type: %d", msgType),
		bittok2str(lmpHeaderFlags, "none", uint32(getU8(b, 2))), tlen)
	if tlen < lmpHdrLen {
		nd.Print(" (too short)")
		return
	}
	if tlen > length {
		nd.Print(" (too long)")
		tlen = length
	}
	off := lmpHdrLen
	tlen -= lmpHdrLen
	for tlen != 0 {
		objLen := int(getBE16(b, off+2))
		rawCType := getU8(b, off)
		ctype := rawCType & 0x7f
		class := getU8(b, off+1)
		key := uint16(class)<<8 | uint16(ctype)
		negotiable := "non-"
		if rawCType&0x80 != 0 {
			negotiable = ""
		}
		nd.Printf("\n\t  %s Object (%d), Class-Type: %s (%d) Flags: [%snegotiable], length: %d",
			tok2str(lmpObjNames, "Unknown", uint32(class)), class,
			tok2str(lmpCTypeNames, "Unknown", uint32(key)), ctype, negotiable, objLen)
		if objLen < lmpObjHdrLen {
			nd.Print(" (too short)")
			return
		}
		if objLen%4 != 0 {
			nd.Print(" (not a multiple of 4)")
			return
		}
		val, n := off+lmpObjHdrLen, objLen-lmpObjHdrLen
		tcheck(b, off, objLen)
		hexdump := false
		if obj, ok := lmpObjects[key]; ok {
			if n == obj.size || obj.atLeast && n >= obj.size {
				hexdump = obj.print(nd, b, val, n)
			} else {
				nd.Print(" (not correct for object)")
			}
		} else if tokOr(lmpObjNames, "", uint32(class)) != "" {
			hexdump = true
		} else if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, val, "\n\t    ", n)
		}
		if nd.Verbose > 1 || hexdump {
			unknownDataPrint(nd, b, val, "\n\t    ", n)
		}
		if tlen < objLen {
			nd.Printf(" [remaining objects length %d < %d]", tlen, objLen)
			nd.PrintInvalid()
			return
		}
		off += objLen
		tlen -= objLen
	}
}

// lmpNumberPrinter prints a 32-bit identifier in decimal and hex.
func lmpNumberPrinter(label string) func(nd *ND, b []byte, off, n int) bool {
	return func(nd *ND, b []byte, off, _ int) bool {
		v := getBE32(b, off)
		nd.Printf("\n\t    %s: %d (0x%08x)", label, v, v)
		return false
	}
}

// lmpIP4Printer prints an IPv4 identifier and its value in hex.
func lmpIP4Printer(label string) func(nd *ND, b []byte, off, n int) bool {
	return func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t    %s: %s (0x%08x)", label, nd.getIP4(b, off), getBE32(b, off))
		return false
	}
}

// lmpIP6Printer prints an IPv6 identifier and its first 32 bits in hex.
func lmpIP6Printer(label string) func(nd *ND, b []byte, off, n int) bool {
	return func(nd *ND, b []byte, off, _ int) bool {
		nd.Printf("\n\t    %s: %s (0x%08x)", label, nd.getIP6(b, off), getBE32(b, off))
		return false
	}
}

// lmpIDText formats an identifier of alen bytes (0 for an unnumbered
// one, printed as a number) at off, with its first 32 bits in hex.
func lmpIDText(nd *ND, b []byte, off, alen int) string {
	var id string
	switch alen {
	case 4:
		id = nd.getIP4(b, off)
	case 16:
		id = nd.getIP6(b, off)
	default:
		id = formatUnknown("%u", getBE32(b, off))
	}
	return id + formatUnknown(" (0x%08x)", getBE32(b, off))
}

// lmpLinkIDsPrint prints the flags and the local and remote identifiers
// of a TE link or data link object.
func lmpLinkIDsPrint(nd *ND, b []byte, off int, flags []tok, what string, alen int) {
	nd.Printf("\n\t    Flags: [%s]", bittok2str(flags, "none", uint32(getU8(b, off))))
	step := alen
	if step == 0 {
		step = 4
	}
	nd.Printf("\n\t    Local %s: %s\n\t    Remote %s: %s", what, lmpIDText(nd, b, off+4, alen),
		what, lmpIDText(nd, b, off+4+step, alen))
}

// lmpDataLinkPrinter prints a data link object with identifiers of alen
// bytes, then its sub-objects.
func lmpDataLinkPrinter(alen int) func(nd *ND, b []byte, off, n int) bool {
	hdr := 12
	if alen == 16 {
		hdr = 36
	}
	return func(nd *ND, b []byte, off, n int) bool {
		lmpLinkIDsPrint(nd, b, off, lmpDataLinkFlags, "Interface ID", alen)
		return lmpSubobjsPrint(nd, b, off+hdr, n-hdr)
	}
}

// lmpSubobjsPrint prints a data link's sub-objects; it reports true when
// an unknown one makes the object worth dumping.
func lmpSubobjsPrint(nd *ND, b []byte, off, total int) bool {
	for total > 0 {
		typ, n := getU8(b, off), int(getU8(b, off+1))
		nd.Printf("\n\t    Subobject, Type: %s (%d), Length: %d", tok2str(lmpSubobjNames, "Unknown", uint32(typ)), typ, n)
		switch {
		case n < 4:
			nd.Print(" (too short)")
			return true
		case n%4 != 0:
			nd.Print(" (not a multiple of 4)")
			return true
		case total < n:
			nd.Print(" (goes past the end of the object)")
			return true
		}
		switch typ {
		case 1:
			sw, enc := uint32(getU8(b, off+2)), uint32(getU8(b, off+3))
			nd.Printf("\n\t      Switching Type: %s (%d)", tok2str(gmplsSwitchCaps, "Unknown", sw), sw)
			nd.Printf("\n\t      Encoding Type: %s (%d)", tok2str(gmplsEncodings, "Unknown", enc), enc)
			nd.Printf("\n\t      Min Reservable Bandwidth: %.3f Mbps", lmpMbps(getBE32(b, off+4)))
			nd.Printf("\n\t      Max Reservable Bandwidth: %.3f Mbps", lmpMbps(getBE32(b, off+8)))
		case 2:
			nd.Printf("\n\t      Wavelength: %d", getBE32(b, off+4))
		default:
			return true
		}
		total -= n
		off += n
	}
	return false
}

// lmpMbps converts an IEEE float of bytes per second to megabits per
// second, in single precision as tcpdump computes it.
func lmpMbps(bits uint32) float64 {
	f := math.Float32frombits(bits)
	return float64(f * 8 / 1000000)
}

func lmpVerifyBeginPrint(nd *ND, b []byte, off, _ int) bool {
	nd.Printf("\n\t    Flags: %s", bittok2str(lmpVerifyFlags, "none", uint32(getBE16(b, off))))
	nd.Printf("\n\t    Verify Interval: %d", getBE16(b, off+2))
	nd.Printf("\n\t    Data links: %d", getBE32(b, off+4))
	nd.Printf("\n\t    Encoding type: %s", tok2str(gmplsEncodings, "Unknown", uint32(getU8(b, off+8))))
	mech := getBE16(b, off+10)
	capable := ""
	// tcpdump tests the mechanism against decimal 8000, not 0x8000.
	if mech&8000 != 0 {
		capable = " (Payload test messages capable)"
	}
	nd.Printf("\n\t    Verify Transport Mechanism: %d (0x%x)%s", mech, mech, capable)
	nd.Printf("\n\t    Transmission Rate: %.3f Mbps", lmpMbps(getBE32(b, off+12)))
	nd.Printf("\n\t    Wavelength: %d", getBE32(b, off+16))
	return false
}

// lmpChannelStatusPrinter prints <interface ID, channel status> pairs
// whose IDs are alen bytes long (0: unnumbered, 4 bytes).
func lmpChannelStatusPrinter(alen int) func(nd *ND, b []byte, off, n int) bool {
	step := alen
	if step == 0 {
		step = 4
	}
	return func(nd *ND, b []byte, off, n int) bool {
		for i := 0; i+step+4 <= n; i += step + 4 {
			nd.Printf("\n\t    Interface ID: %s", lmpIDText(nd, b, off+i, alen))
			st := getBE32(b, off+i+step)
			active, dir := "Non-allocated", "Receive"
			if st>>31 != 0 {
				active = "Allocated"
			}
			if st>>30&1 != 0 {
				dir = "Transmit"
			}
			nd.Printf("\n\t\t    Active: %s (%d)", active, st>>31)
			nd.Printf("\n\t\t    Direction: %s (%d)", dir, st>>30&1)
			nd.Printf("\n\t\t    Channel Status: %s (%d)", tok2str(lmpChannelStatuses, "Unknown", st&0x3ffffff), st&0x3ffffff)
		}
		return false
	}
}

// lmpInterfaceIDsPrinter prints a list of interface IDs of alen bytes
// (0: unnumbered, 4 bytes).
func lmpInterfaceIDsPrinter(alen int) func(nd *ND, b []byte, off, n int) bool {
	step := alen
	if step == 0 {
		step = 4
	}
	return func(nd *ND, b []byte, off, n int) bool {
		for i := 0; i+step <= n; i += step {
			nd.Printf("\n\t    Interface ID: %s", lmpIDText(nd, b, off+i, alen))
		}
		return false
	}
}

// lmpCPSAPrint prints a UNI client port service attributes object.
func lmpCPSAPrint(nd *ND, b []byte, off, _ int) bool {
	linkType := getU8(b, off)
	nd.Printf("\n\t Link Type: %s (%d)", tok2str(lmpCPSALinkType, "Unknown", uint32(linkType)), linkType)
	if signals, ok := lmpCPSASignal[linkType]; ok {
		sig := uint32(getU8(b, off+1))
		nd.Printf("\n\t Signal Type: %s (%d)", tok2str(signals, "Unknown", sig), sig)
	}
	nd.Printf("\n\t Transparency: %s", bittok2str(lmpCPSATransparency, "none", uint32(getU8(b, off+2))))
	nd.Printf("\n\t Contiguous Concatenation Types: %s", bittok2str(lmpCPSAConcat, "none", uint32(getU8(b, off+3))))
	nd.Printf("\n\t Minimum NCC: %d", getBE16(b, off+4))
	nd.Printf("\n\t Maximum NCC: %d", getBE16(b, off+6))
	nd.Printf("\n\t Minimum NVC:%d", getBE16(b, off+8))
	nd.Printf("\n\t Maximum NVC:%d", getBE16(b, off+10))
	nd.Printf("\n\t    Local Interface ID: %s (0x%08x)", nd.getIP4(b, off+12), getBE32(b, off+12))
	return false
}
