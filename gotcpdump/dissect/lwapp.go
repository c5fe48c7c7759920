package dissect

// LWAPP, Cisco's Lightweight Access Point Protocol (RFC 5412; tcpdump's
// print-lwapp.c): control on UDP port 12223, data on 12222.

func init() {
	registerUDPPort("lwapp-control", lwappControlUDPPrint, lwappControlPort)
	registerUDPPort("lwapp-data", lwappDataPrint, 12222)
}

const lwappControlPort = 12223

var lwappHeaderBits = []tok{{0x01, "Last Fragment Bit"}, {0x02, "Fragment Bit"}, {0x04, "Control Bit"}}

var lwappMsgTypes = []tok{
	{1, "Discovery req"}, {2, "Discovery resp"}, {3, "Join req"}, {4, "Join resp"},
	{5, "Join ack"}, {6, "Join confirm"}, {10, "Configure req"}, {11, "Configure resp"},
	{12, "Update req"}, {13, "Update resp"}, {14, "WTP event req"}, {15, "WTP event resp"},
	{16, "Change state event req"}, {17, "Change state event resp"}, {22, "Echo req"},
	{23, "Echo resp"}, {24, "Image data req"}, {25, "Image data resp"},
	{26, "Channel status req"}, {27, "Channel status resp"}, {30, "Key update req"},
	{31, "Key update resp"}, {32, "Primary discovery req"}, {33, "Primary discovery resp"},
	{34, "Data transfer req"}, {35, "Data transfer resp"}, {36, "Clear config ind"},
	{37, "Wlan config req"}, {38, "Wlan config resp"}, {39, "Mobile config req"},
	{40, "Mobile config resp"},
}

// Sizes of the transport and control headers.
const (
	lwappTransportLen = 6
	lwappControlLen   = 8
)

// lwappFrameKind names the frame by its control bit.
func lwappFrameKind(version uint8) string {
	if version&0x04 != 0 {
		return "Control"
	}
	return "Data"
}

// lwappShort prints the non-verbose summary line; false means the
// version is unsupported (and said so).
func lwappShort(nd *ND, version uint8, length int) bool {
	if version>>6 != 0 {
		nd.Printf("LWAPP version %d packet not supported", version>>6)
		return false
	}
	if nd.Verbose < 1 {
		nd.Printf("LWAPPv%d, %s frame, Flags [%s], length %d", version>>6, lwappFrameKind(version),
			bittok2str(lwappHeaderBits, "none", uint32(version&0x07)), length)
		return false
	}
	return true
}

func lwappControlUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, dport uint16) {
	lwappControlPrint(nd, b, length, dport == lwappControlPort)
}

func lwappControlPrint(nd *ND, b []byte, length int, hasAPIdent bool) {
	nd.SetProto("lwapp_control")
	hdr := 0
	if hasAPIdent {
		if !ttest(b, 0, 6) {
			nd.PrintTrunc()
			return
		}
		hdr = 6
	}
	if !ttest(b, hdr, lwappTransportLen) {
		nd.PrintTrunc()
		return
	}
	version := getU8(b, hdr)
	if !lwappShort(nd, version, length) {
		return
	}
	tlen := int(getBE16(b, hdr+2))
	nd.Printf("LWAPPv%d, %s frame, Radio-id %d, Flags [%s], Frag-id %d, length %d", version>>6,
		lwappFrameKind(version), (version&0x38)>>3, bittok2str(lwappHeaderBits, "none", uint32(version&0x07)),
		getU8(b, hdr+1), tlen)
	if hasAPIdent {
		nd.Print("\n\tAP identity: ")
		nd.PrintEtherAddr(b, 0)
	}
	p := hdr + lwappTransportLen
	for tlen != 0 {
		if !ttest(b, p, lwappControlLen) {
			nd.PrintTrunc()
			return
		}
		msgLen := int(getBE16(b, p+2))
		if tlen < lwappControlLen || tlen < lwappControlLen+msgLen {
			nd.Print("\n\t  Msg goes past end of PDU")
			return
		}
		msgType := uint32(getU8(b, p))
		nd.Printf("\n\t  Msg type: %s (%d), Seqnum: %d, Msg len: %d, Session: 0x%08x",
			tok2str(lwappMsgTypes, "Unknown", msgType), msgType, getU8(b, p+1), msgLen, getBE32(b, p+4))
		if !ttest(b, p, msgLen) {
			nd.PrintTrunc()
			return
		}
		p += lwappControlLen + msgLen
		tlen -= lwappControlLen + msgLen
	}
}

func lwappDataPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("lwapp_data")
	if !ttest(b, 0, lwappTransportLen) {
		nd.PrintTrunc()
		return
	}
	version := getU8(b, 0)
	if !lwappShort(nd, version, length) {
		return
	}
	tlen := int(getBE16(b, 2))
	flags := bittok2str(lwappHeaderBits, "none", uint32(version&0x07))
	if tlen < lwappTransportLen {
		nd.Printf("LWAPPv%d, %s frame, Radio-id  %d, Flags [%s], length %d < transport header length",
			version>>6, lwappFrameKind(version), (version&0x38)>>3, flags, tlen)
		return
	}
	nd.Printf("LWAPPv%d, %s frame, Radio-id  %d, Flags [%s], Frag-id  %d, length %d",
		version>>6, lwappFrameKind(version), (version&0x38)>>3, flags, getU8(b, 1), tlen)
	unknownDataPrint(nd, b, lwappTransportLen, "\n\t", tlen-lwappTransportLen)
}
