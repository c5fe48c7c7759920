package dissect

import "github.com/goclues/goclues/common/capture"

// ATM (tcpdump's print-atm.c, print-sunatm.c, print-cip.c and
// print-lane.c): the SunATM pseudo-header, Classical IP over ATM, the
// per-VC dispatch (signalling, OAM cells, ILMI, LANE, LLC), and OAM F4/F5
// cells with their CRC-10. The RFC 1483 link type is atmLLCIfPrint in
// llc.go.

func init() {
	registerLinkType(dltSunATM, sunatmIfPrint)
	registerLinkType(dltATMCLIP, cipIfPrint)
}

const (
	dltSunATM  = 123
	dltATMCLIP = 19

	sunatmHdrLen = 4
	sunatmLANE   = 0x01
	sunatmLLC    = 0x02

	atmUnknown = 0
	atmLANE    = 1
	atmLLC     = 2

	atmOAMNoHEC    = 0
	atmOAMHEC      = 1
	atmHdrLenNoHEC = 4

	vciMetaC   = 0x01
	vciBCC     = 0x02
	vciOAMF4SC = 0x03
	vciOAMF4EC = 0x04
	vciPPC     = 0x05
	vciILMIC   = 0x10

	q2931 = 0x09

	oamPayloadLen          = 48
	oamFunctionSpecificLen = 45
	oamCellTypeFM          = 0x1
	oamCellTypePM          = 0x2
	oamCellTypeAD          = 0x8
	oamCellTypeSM          = 0xf
	oamFMAIS               = 0x0
	oamFMRDI               = 0x1
	oamFMContCheck         = 0x4
	oamFMLoopback          = 0x8
)

func sunatmIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("sunatm")
	dir := getU8(b, 0)
	if nd.LinkHeader {
		if dir&0x80 != 0 {
			nd.Print("Tx: ")
		} else {
			nd.Print("Rx: ")
		}
	}
	traffic := atmUnknown
	switch dir & 0x0f {
	case sunatmLANE:
		traffic = atmLANE
	case sunatmLLC:
		traffic = atmLLC
	}
	vpi := getU8(b, 1)
	vci := getBE16(b, 2)
	nd.llHdrLen += sunatmHdrLen
	atmPrint(nd, uint32(vpi), uint32(vci), traffic, b[sunatmHdrLen:], int(p.Len)-sunatmHdrLen)
}

// rfc1483LLC is the LLC/SNAP header with a zero OUI that marks an
// LLC-encapsulated CLIP packet.
var rfc1483LLC = [6]byte{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00}

func cipIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("cip")
	length := int(p.Len)
	if nd.LinkHeader {
		nd.PrintUint(uint64(length))
		nd.Print(": ")
	}
	tcheck(b, 0, len(rfc1483LLC))
	if [6]byte(b[:6]) != rfc1483LLC {
		ipPrint(nd, b, length)
		return
	}
	n := llcPrint(nd, b, length, len(b), nil, nil)
	if n < 0 {
		nd.DefaultPrint(b)
		n = -n
	}
	nd.llHdrLen += n
}

// atmLLCPrint prints an LLC frame, or dumps it when its type is unknown,
// and returns the LLC header length.
func atmLLCPrint(nd *ND, b []byte, length int) int {
	n := llcPrint(nd, b, length, len(b), nil, nil)
	if n < 0 {
		nd.DefaultPrint(b)
		n = -n
	}
	return n
}

// atmPrint prints the payload of one VC (atm_print).
func atmPrint(nd *ND, vpi, vci uint32, traffic int, b []byte, length int) {
	nd.SetProto("atm")
	if nd.LinkHeader {
		nd.Printf("VPI:%d VCI:%d ", vpi, vci)
	}
	if vpi == 0 {
		switch vci {
		case vciPPC:
			atmSigPrint(nd, b)
			return
		case vciBCC:
			nd.Print("broadcast sig: ")
			return
		case vciOAMF4SC, vciOAMF4EC:
			oamPrint(nd, b, length, atmOAMHEC)
			return
		case vciMetaC:
			nd.Print("meta: ")
			return
		case vciILMIC:
			nd.Print("ilmi: ")
			callPrinter(nd, "snmp_print", b, length)
			return
		}
	}
	if traffic == atmLANE {
		lanePrint(nd, b, length)
		return
	}
	atmLLCPrint(nd, b, length)
}

var atmMsgTypeNames = []tok{
	{0x02, "Call_proceeding"},
	{0x07, "Connect"},
	{0x0f, "Connect_ack"},
	{0x05, "Setup"},
	{0x4d, "Release"},
	{0x5a, "Release_complete"},
	{0x46, "Restart"},
	{0x4e, "Restart_ack"},
	{0x7d, "Status"},
	{0x75, "Status_enquiry"},
	{0x80, "Add_party"},
	{0x81, "Add_party_ack"},
	{0x82, "Add_party_reject"},
	{0x83, "Drop_party"},
	{0x84, "Drop_party_ack"},
}

// atmSigPrint prints a UNI signalling message's type and call reference.
func atmSigPrint(nd *ND, b []byte) {
	proto := getU8(b, 0)
	if proto != q2931 {
		nd.Print("SSCOP, proto ")
		nd.PrintUint(uint64(proto))
		nd.Print(" ")
		return
	}
	nd.Print("Q.2931:")
	nd.Print(tok2str(atmMsgTypeNames, "msgtype#%d", uint32(getU8(b, 5))))
	nd.Print(" CALL_REF:0x")
	nd.PrintHex(uint64(getBE24(b, 2)), 6)
}

var oamFNames = []tok{
	{vciOAMF4SC, "OAM F4 (segment)"},
	{vciOAMF4EC, "OAM F4 (end)"},
}

var atmPTINames = []tok{
	{0x0, "user data, uncongested, SDU 0"},
	{0x1, "user data, uncongested, SDU 1"},
	{0x2, "user data, congested, SDU 0"},
	{0x3, "user data, congested, SDU 1"},
	{0x4, "VCC OAM F5 flow segment"},
	{0x5, "VCC OAM F5 flow end-to-end"},
	{0x6, "Traffic Control and resource Mgmt"},
}

var oamCellTypeNames = []tok{
	{oamCellTypeFM, "Fault Management"},
	{oamCellTypePM, "Performance Management"},
	{oamCellTypeAD, "activate/deactivate"},
	{oamCellTypeSM, "System Management"},
}

// oamFuncTypeNames maps a cell type to the names of its function types.
var oamFuncTypeNames = map[uint8][]tok{
	oamCellTypeFM: {
		{oamFMAIS, "AIS"},
		{oamFMRDI, "RDI"},
		{oamFMContCheck, "Continuity Check"},
		{oamFMLoopback, "Loopback"},
	},
	oamCellTypePM: {
		{0x0, "Forward Monitoring"},
		{0x1, "Backward Reporting"},
		{0x2, "Monitoring and Reporting"},
	},
	oamCellTypeAD: {
		{0x0, "Performance Monitoring"},
		{0x1, "Continuity Check"},
	},
}

var oamLoopbackIndicatorNames = []tok{
	{0x0, "Reply"},
	{0x1, "Request"},
}

// oamPrint prints an OAM cell; hec is 1 when the cell header is preceded
// by a header error control byte.
func oamPrint(nd *ND, b []byte, length int, hec int) {
	nd.SetProto("oam")
	cell := getBE32(b, hec)
	typeByte := getU8(b, atmHdrLenNoHEC+hec)
	cellType := typeByte >> 4
	funcType := typeByte & 0x0f
	vpi := (cell >> 20) & 0xff
	vci := (cell >> 4) & 0xffff
	pti := (cell >> 1) & 0x7
	nd.Print(tok2strNoAlloc(oamFNames, "OAM F5", vci))
	nd.Printf(", vpi %d, vci %d, payload [ %s ], clp %d, length %d",
		vpi, vci, tok2strNoAlloc(atmPTINames, "Unknown", pti), cell&1, length)
	if nd.Verbose == 0 {
		return
	}
	nd.Printf("\n\tcell-type %s (%d)", tok2strNoAlloc(oamCellTypeNames, "unknown", uint32(cellType)), cellType)
	if names, ok := oamFuncTypeNames[cellType]; ok {
		nd.Printf(", func-type %s (%d)", tok2strNoAlloc(names, "none", uint32(funcType)), funcType)
	} else {
		nd.Printf(", func-type unknown (%d)", funcType)
	}
	p := b[atmHdrLenNoHEC+hec:]
	switch uint32(cellType)<<4 | uint32(funcType) {
	case oamCellTypeFM<<4 | oamFMLoopback:
		tcheck(p, 1, 45)
		nd.Printf("\n\tLoopback-Indicator %s, Correlation-Tag 0x%08x",
			tok2strNoAlloc(oamLoopbackIndicatorNames, "Unknown", uint32(getU8(p, 1)&1)), getBE32(p, 2))
		nd.Print("\n\tLocation-ID ")
		oamIDPrint(nd, p, 6, 12)
		nd.Print("\n\tSource-ID   ")
		oamIDPrint(nd, p, 18, 12)
	case oamCellTypeFM<<4 | oamFMAIS, oamCellTypeFM<<4 | oamFMRDI:
		tcheck(p, 1, 45)
		nd.Print("\n\tFailure-type 0x")
		nd.PrintHex(uint64(getU8(p, 1)), 2)
		nd.Print("\n\tLocation-ID ")
		oamIDPrint(nd, p, 2, 16)
	}
	cksum := getBE16(p, 1+oamFunctionSpecificLen) & 0x3ff
	tcheck(p, 0, oamPayloadLen)
	nd.Print("\n\tcksum 0x")
	nd.PrintHex(uint64(cksum), 3)
	if crc10(0, p[:oamPayloadLen]) == 0 {
		nd.Print(" (correct)")
	} else {
		nd.Print(" (incorrect)")
	}
}

// oamIDPrint prints an n-byte identifier field at off as tcpdump does:
// the 16-bit words starting at each odd index (the last one reaching one
// byte past the field).
func oamIDPrint(nd *ND, b []byte, off, n int) {
	for i := 1; i < n; i += 2 {
		nd.PrintHex(uint64(getBE16(b, off+i)), 4)
		nd.PrintByte(' ')
	}
}

// crc10Table is the table of the CRC-10 (polynomial 0x633) ATM OAM cells
// carry.
var crc10Table = func() (t [256]uint16) {
	const poly = 0x633
	for i := range t {
		accum := uint16(i) << 2
		for range 8 {
			accum <<= 1
			if accum&0x400 != 0 {
				accum ^= poly
			}
		}
		t[i] = accum
	}
	return t
}()

// crc10 runs the CRC-10 over b from accum; over a cell that includes its
// own CRC the result is 0.
func crc10(accum uint16, b []byte) uint16 {
	for _, c := range b {
		accum = (accum<<8)&0x3ff ^ crc10Table[(accum>>2)&0xff] ^ uint16(c)
	}
	return accum
}

var laneOpNames = []tok{
	{0x0001, "configure request"},
	{0x0101, "configure response"},
	{0x0002, "join request"},
	{0x0102, "join response"},
	{0x0003, "ready query"},
	{0x0103, "ready indication"},
	{0x0004, "register request"},
	{0x0104, "register response"},
	{0x0005, "unregister request"},
	{0x0105, "unregister response"},
	{0x0006, "ARP request"},
	{0x0106, "ARP response"},
	{0x0007, "flush request"},
	{0x0107, "flush response"},
	{0x0008, "NARP request"},
	{0x0009, "topology request"},
}

// lanePrint prints a LAN Emulation frame: an LE control frame, or an
// Ethernet frame after the 2-byte LEC ID.
func lanePrint(nd *ND, b []byte, length int) {
	nd.SetProto("lane")
	if getBE16(b, 0) == 0xff00 {
		nd.Printf("lec: proto %x vers %x %s", getU8(b, 2), getU8(b, 3),
			tok2str(laneOpNames, "opcode-#%d", uint32(getBE16(b, 4))))
		return
	}
	tcheck(b, 0, 2)
	if nd.LinkHeader {
		nd.Printf("lecid:%x ", getBE16(b, 0))
	}
	etherPrint(nd, b[2:], length-2, len(b)-2)
}
