package dissect

// PTP, the IEEE 1588 Precision Time Protocol (tcpdump's print-ptp.c):
// UDP ports 319 and 320, ethertype 0x88f7, -T ptp. Only version 2 is
// decoded.

func init() {
	registerUDPPort("ptp", ptpUDPPrint, 319, 320)
	registerUDPType("ptp", ptpUDPPrint)
	registerEtherType(0x88f7, ptpPrint)
}

// PTPv2 message types.
const (
	ptpSync              = 0x0
	ptpDelayReq          = 0x1
	ptpPdelayReq         = 0x2
	ptpPdelayResp        = 0x3
	ptpFollowUp          = 0x8
	ptpDelayResp         = 0x9
	ptpPdelayRespFollowU = 0xa
	ptpAnnounce          = 0xb
	ptpSignalling        = 0xc
	ptpManagement        = 0xd
)

var ptpMsgTypes = []tok{
	{ptpSync, "sync msg"}, {ptpDelayReq, "delay req msg"},
	{ptpPdelayReq, "peer delay req msg"}, {ptpPdelayResp, "peer delay resp msg"},
	{ptpFollowUp, "follow up msg"}, {ptpDelayResp, "delay resp msg"},
	{ptpPdelayRespFollowU, "pdelay resp fup msg"}, {ptpAnnounce, "announce msg"},
	{ptpSignalling, "signalling msg"}, {ptpManagement, "management msg"},
}

var ptpControls = []tok{
	{0, "Sync"}, {1, "Delay_Req"}, {2, "Follow_Up"}, {3, "Delay_Resp"},
	{4, "Management"}, {5, "Other"},
}

var ptpFlags = []tok{
	{0x1, "l1 61"}, {0x2, "l1 59"}, {0x4, "utc reasonable"}, {0x8, "timescale"},
	{0x10, "time tracable"}, {0x20, "frequency tracable"}, {0x100, "alternate master"},
	{0x200, "two step"}, {0x400, "unicast"}, {0x1000, "profile specific 1"},
	{0x2000, "profile specific 2"}, {0x4000, "security mask"}, {0x18c0, "unknown"},
}

// ptpHdrLen is the PTPv2 common header.
const ptpHdrLen = 34

func ptpUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	ptpPrint(nd, b, length)
}

func ptpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("ptp")
	if length < ptpHdrLen {
		nd.PrintInvalid()
		return
	}
	vers := getBE16(b, 0) & 0xff
	nd.Printf("PTPv%d", vers)
	switch vers {
	case 1:
		nd.Print(" (not implemented)")
	case 2:
		ptpPrint2(nd, b)
	}
}

func ptpPrint2(nd *ND, b []byte) {
	first := getU8(b, 0)
	if first&0x10 != 0 {
		nd.Print(", v1 compat : yes")
	} else {
		nd.Print(", v1 compat : no")
	}
	msgType := first & 0x0f
	nd.Printf(", msg type : %s", tok2str(ptpMsgTypes, "Reserved", uint32(msgType)))
	nd.Printf(", length : %d", getBE16(b, 2))
	nd.Printf(", domain : %d", getBE16(b, 4)>>8)
	nd.Printf(", reserved1 : %d", getBE16(b, 4)&0xff)
	nd.Printf(", Flags [%s]", bittok2str(ptpFlags, "none", uint32(getBE16(b, 6))))
	nd.Printf(", NS correction : %d", uint64(getBE16(b, 8))<<32|uint64(getBE32(b, 10)))
	nd.Printf(", sub NS correction : %d", getBE16(b, 14))
	nd.Printf(", reserved2 : %d", getBE32(b, 16))
	nd.Printf(", clock identity : 0x%x", getBE64(b, 20))
	nd.Printf(", port id : %d", getBE16(b, 28))
	nd.Printf(", seq id : %d", getBE16(b, 30))
	control := getU8(b, 32)
	nd.Printf(", control : %d (%s)", control, tok2str(ptpControls, "Reserved", uint32(control)))
	nd.Printf(", log message interval : %d", getBE16(b, 32)&0xff)
	off := ptpHdrLen
	switch msgType {
	case ptpSync, ptpDelayReq:
		ptpTimestamp(nd, b, off, "originTimeStamp", ",")
	case ptpFollowUp:
		ptpTimestamp(nd, b, off, "preciseOriginTimeStamp", ",")
	case ptpPdelayReq, ptpPdelayRespFollowU:
		ptpTimestamp(nd, b, off, "preciseOriginTimeStamp", ",")
		ptpPortID(nd, b, off+10)
	case ptpPdelayResp, ptpDelayResp:
		ptpTimestamp(nd, b, off, "receiveTimeStamp", ",")
		ptpPortID(nd, b, off+10)
	case ptpAnnounce:
		ptpAnnounce2(nd, b, off)
	case ptpSignalling:
		ptpPortID(nd, b, off)
	case ptpManagement:
		ptpPortID(nd, b, off)
		// tcpdump reads all four fields from the first byte of the
		// message body, repeating the ", " of its labels.
		v := getU8(b, off)
		nd.Printf(", , start boundary hops  %d, , boundary hops  %d, , flags  0x%x, , reserved  0x%x", v, v, v, v)
	}
}

// ptpTimestamp prints a 48-bit seconds and 32-bit nanoseconds timestamp;
// sep goes between the two.
func ptpTimestamp(nd *ND, b []byte, off int, name, sep string) {
	nd.Printf(", %s :", name)
	secs := uint64(getBE16(b, off))<<32 | uint64(getBE32(b, off+2))
	nd.Printf(" %d seconds%s", secs, sep)
	nd.Printf(" %d nanoseconds", getBE32(b, off+6))
}

func ptpPortID(nd *ND, b []byte, off int) {
	nd.Printf(", port identity : 0x%x", getBE64(b, off))
	nd.Printf(", port id : %d", getBE16(b, off+8))
}

func ptpAnnounce2(nd *ND, b []byte, off int) {
	ptpTimestamp(nd, b, off, "originTimeStamp", "")
	nd.Printf(", origin cur utc :%d", getBE16(b, off+10))
	nd.Printf(", rsvd : %d", getU8(b, off+12))
	nd.Printf(", gm priority_1 : %d", getU8(b, off+13))
	nd.Printf(", gm clock class : %d", getU8(b, off+14))
	nd.Printf(", gm clock accuracy : %d", getU8(b, off+15))
	nd.Printf(", gm clock variance : %d", getBE16(b, off+16))
	nd.Printf(", gm priority_2 : %d", getU8(b, off+18))
	nd.Printf(", gm clock id : 0x%x", getBE64(b, off+19))
	nd.Printf(", steps removed : %d", getBE16(b, off+27))
	nd.Printf(", time source : 0x%x", getU8(b, off+29))
}
