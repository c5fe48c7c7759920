package dissect

import "github.com/goclues/goclues/common/capture"

// Juniper's capture link types (tcpdump's print-juniper.c): a shared
// header (the "MGC" magic, flags, optional extension TLVs, and a cookie
// whose length depends on the PIC type), then one printer per PIC.

func init() {
	for _, j := range juniperLinkTypes {
		registerLinkType(j.dlt, juniperIfPrinter(j))
	}
}

const (
	dltJuniperMLPPP    = 130
	dltJuniperMLFR     = 131
	dltJuniperES       = 132
	dltJuniperGGSN     = 133
	dltJuniperMFR      = 134
	dltJuniperATM2     = 135
	dltJuniperServices = 136
	dltJuniperATM1     = 137
	dltJuniperMonitor  = 164
	dltJuniperPPPoE    = 167
	dltJuniperPPPoEATM = 168
	dltJuniperEther    = 178
	dltJuniperPPP      = 179
	dltJuniperFrelay   = 180
	dltJuniperCHDLC    = 181

	juniperPktIn   = 0x01
	juniperNoL2    = 0x02
	juniperExt     = 0x80
	juniperMagic   = 0x4d4743 // "MGC"
	juniperTLVOver = 2

	juniperLSCookieID = 0x54
	juniperASCookieID = 0x47
	juniperASCookie   = 8

	juniperLSQProtoMask = 0x17 << 4
	juniperLSQIPv4      = 0 << 4
	juniperLSQIPv6      = 1 << 4
	juniperLSQMPLS      = 2 << 4
	juniperLSQISO       = 3 << 4
	juniperLSQCookieRE  = 1 << 3
	juniperLSQCookieDir = 1 << 2

	atm2PktTypeMask  = 0x70
	atm2GapCountMask = 0x3f
	mfrBEMask        = 0xc0

	juniperProtoIPv4 = 2
	juniperProtoIPv6 = 6
)

// juniperLinkType is one Juniper DLT: its protocol name, its PIC's cookie
// (name and base length, when the PIC has one) and its payload printer.
type juniperLinkType struct {
	dlt       int
	proto     string
	pic       string
	cookieLen int
	print     func(nd *ND, l2 *juniperL2Info, b []byte)
}

var juniperLinkTypes = []juniperLinkType{
	{dltJuniperATM1, "juniper_atm1", "ATM1", 4, juniperATM1Print},
	{dltJuniperATM2, "juniper_atm2", "ATM2", 8, juniperATM2Print},
	{dltJuniperMLPPP, "juniper_mlppp", "MLPPP", 2, juniperMLPPPPrint},
	{dltJuniperMLFR, "juniper_mlfr", "MLFR", 2, juniperMLFRPrint},
	{dltJuniperMFR, "juniper_mfr", "MFR", 4, juniperMFRPrint},
	{dltJuniperPPPoE, "juniper_pppoe", "PPPoE", 0, juniperPPPoEPrint},
	{dltJuniperPPPoEATM, "juniper_pppoe_atm", "PPPoE ATM", 0, juniperPPPoEATMPrint},
	{dltJuniperGGSN, "juniper_ggsn", "GGSN", 8, juniperGGSNPrint},
	{dltJuniperMonitor, "juniper_monitor", "MONITOR", 8, juniperMonitorPrint},
	{dltJuniperServices, "juniper_services", "AS", 8, juniperServicesPrint},
	{dltJuniperES, "juniper_es", "ES", 0, juniperESPrint},
	{dltJuniperEther, "juniper_ether", "", 0, juniperEtherPrint},
	{dltJuniperPPP, "juniper_ppp", "", 0, juniperPPPPrint},
	{dltJuniperFrelay, "juniper_frelay", "", 0, juniperFrelayPrint},
	{dltJuniperCHDLC, "juniper_chdlc", "", 0, juniperCHDLCPrint},
}

// juniperL2Info is what the shared header tells the PIC printers
// (struct juniper_l2info_t).
type juniperL2Info struct {
	length, caplen int
	pictype        int
	direction      uint8
	headerLen      int
	cookieLen      int
	cookieType     uint8
	cookie         [8]byte
	bundle         uint32
	proto          uint16
	flags          uint8
	frame          []byte // the whole captured frame
}

func (l2 *juniperL2Info) cookieBE16(off int) uint16 {
	return uint16(l2.cookie[off])<<8 | uint16(l2.cookie[off+1])
}

func (l2 *juniperL2Info) cookieBE32() uint32 {
	return uint32(l2.cookieBE16(0))<<16 | uint32(l2.cookieBE16(2))
}

var juniperDirectionNames = []tok{{1, "In"}, {0, "Out"}}

var juniperFlagNames = []tok{
	{juniperExt, "Ext"},
	{0x40, "Filter"},
	{0x04, "IIF"},
	{juniperNoL2, "no-L2"},
	{juniperPktIn, "In"},
}

var juniperExtTLVNames = []tok{
	{1, "Device Interface Index"},
	{2, "Device Interface Name"},
	{3, "Device Media Type"},
	{4, "Logical Interface Index"},
	{5, "Logical Unit Number"},
	{6, "Logical Interface Encapsulation"},
	{7, "TTP derived Device Media Type"},
	{8, "TTP derived Logical Interface Encapsulation"},
}

var juniperIfMediaNames = []tok{
	{1, "Ethernet"}, {2, "FDDI"}, {3, "Token-Ring"}, {4, "PPP"}, {57, "PPP-Subordinate"},
	{5, "Frame-Relay"}, {6, "Cisco-HDLC"}, {7, "SMDS-DXI"}, {8, "ATM-PVC"}, {9, "PPP-CCC"},
	{10, "Frame-Relay-CCC"}, {48, "Extended FR-CCC"}, {11, "IP-over-IP"}, {12, "GRE"},
	{13, "PIM-Encapsulator"}, {14, "PIM-Decapsulator"}, {15, "Cisco-HDLC-CCC"}, {16, "VLAN-CCC"},
	{32, "Extended-VLAN-CCC"}, {17, "Multilink-PPP"}, {18, "Multilink-FR"},
	{39, "Multilink-FR-UNI-NNI"}, {19, "Multilink"}, {40, "LinkService"}, {20, "LSI"},
	{22, "ATM-CCC-Cell-Relay"}, {23, "IPSEC-over-IP"}, {24, "GGSN"}, {27, "PPP-TCC"},
	{28, "Frame-Relay-TCC"}, {49, "Extended FR-TCC"}, {29, "Cisco-HDLC-TCC"}, {30, "Ethernet-CCC"},
	{31, "VPN-Loopback-tunnel"}, {33, "Ethernet-over-ATM"}, {46, "Ethernet-VPLS-over-ATM"},
	{34, "Monitor"}, {35, "Ethernet-TCC"}, {36, "VLAN-TCC"}, {37, "Extended-VLAN-TCC"},
	{38, "Controller"}, {41, "VPLS"}, {42, "VLAN-VPLS"}, {43, "Extended-VLAN-VPLS"},
	{44, "Logical-tunnel"}, {45, "General-Services"}, {56, "PPPoE"},
	{52, "Flexible-Ethernet-Services"}, {50, "Flexible-FrameRelay"}, {53, "Flow-collection"},
	{60, "PIC Peer"}, {59, "Dynamic-Flow-Capture"},
}

var juniperIfEncapsNames = []tok{
	{59, "Aggregator"}, {9, "CCC over ATM"}, {32, "ATM CCC Cell Relay"},
	{26, "CISCO compatible NLPID"}, {56, "Ethernet over ATM CCC"}, {41, "Ethernet over ATM LLC"},
	{53, "Ethernet VPLS over ATM LLC"}, {5, "ATM LLC"}, {55, "MLPPP over ATM LLC"},
	{3, "ATM NLPID"}, {61, "PPPoE over ATM LLC"}, {8, "PPP over FUNI"}, {7, "PPP over ATM LLC"},
	{6, "PPP over ATM VCMUX"}, {2, "ATM SNAP"}, {43, "ATM SNAP TCC"}, {35, "ATM VCMUX TCC"},
	{4, "ATM VCMUX"}, {18, "C-HDLC"}, {25, "C-HDLC CCC"}, {65, "C-HDLC via dialer"},
	{38, "C-HDLC TCC"}, {58, "Collector"}, {33, "Crypto"}, {14, "Ethernet"}, {39, "Ethernet CCC"},
	{51, "Extended VLAN VPLS"}, {62, "PPPoE over Ethernet"}, {45, "Ethernet TCC"},
	{50, "VLAN VPLS"}, {49, "VPLS"}, {42, "Extended VLAN CCC"}, {47, "Extended VLAN TCC"},
	{13, "FR CCC"}, {10, "FR NLPID"}, {54, "FR CCC"}, {12, "FR PPP"}, {11, "FR SNAP"},
	{36, "FR TCC"}, {34, "GGSN"}, {22, "GRE NULL"}, {23, "PPP over GRE"}, {20, "IPIP"},
	{60, "LAPD"}, {30, "LSI Null"}, {57, "LT VLAN"}, {48, "MFR"}, {29, "MLFR"}, {28, "MLPPP"},
	{44, "Monitor"}, {24, "PIMd"}, {21, "PIM Null"}, {17, "PPP"}, {63, "PPPoE"}, {19, "PPP CCC"},
	{64, ""}, {37, "PPP TCC"}, {52, "General Services"}, {27, "VLAN CCC"}, {46, "VLAN TCC"},
	{40, "VT"},
}

func juniperIfPrinter(j juniperLinkType) linkPrinter {
	return func(nd *ND, p *capture.Packet, b []byte) {
		nd.SetProto(j.proto)
		l2 := juniperL2Info{pictype: j.dlt, frame: b}
		if juniperParseHeader(nd, &j, p, b, &l2) {
			j.print(nd, &l2, rest(b, l2.headerLen))
		}
		nd.llHdrLen += l2.headerLen
	}
}

// juniperTLVValue reads an extension TLV's value: little-endian below
// type 128, big-endian from it, -1 for lengths over 4.
func juniperTLVValue(b []byte, off int, typ, n uint8) int64 {
	if n == 0 || n > 4 {
		return -1
	}
	tcheck(b, off, int(n))
	var v uint32
	for i := range int(n) {
		if typ < 128 {
			v |= uint32(b[off+i]) << (8 * i)
		} else {
			v = v<<8 | uint32(b[off+i])
		}
	}
	return int64(int32(v))
}

// juniperParseHeader parses the shared header into l2 and reports
// whether the PIC printer should go on (juniper_parse_header).
func juniperParseHeader(nd *ND, j *juniperLinkType, p *capture.Packet, b []byte, l2 *juniperL2Info) bool {
	l2.length = int(p.Len)
	l2.caplen = int(p.Caplen)
	l2.flags = getU8(b, 3)
	l2.direction = l2.flags & juniperPktIn
	if getBE24(b, 0) != juniperMagic {
		nd.Print("no magic-number found!")
		return false
	}
	if nd.LinkHeader {
		nd.Printf("%3s ", tok2strNoAlloc(juniperDirectionNames, "---", uint32(l2.direction)))
	}
	hdrLen := 4
	if nd.Verbose > 1 {
		nd.Print("\n\tJuniper PCAP Flags [")
		nd.Print(bittok2str(juniperFlagNames, "none", uint32(l2.flags)))
		nd.Print("]")
	}
	if l2.flags&juniperExt != 0 {
		extLen := int(getBE16(b, hdrLen))
		hdrLen += 2
		off := hdrLen
		hdrLen += extLen
		if nd.Verbose > 1 {
			nd.Printf(", PCAP Extension(s) total length %d", extLen)
		}
		tcheck(b, off, extLen)
		for extLen > juniperTLVOver {
			typ := getU8(b, off)
			n := getU8(b, off+1)
			off += 2
			if typ == 0 || n == 0 {
				break
			}
			if extLen < int(n)+juniperTLVOver {
				nd.Printf(" [extension_length %d < %d]", extLen, int(n)+juniperTLVOver)
				nd.PrintInvalid()
				return false
			}
			if nd.Verbose > 1 {
				nd.Printf("\n\t  %s Extension TLV #%d, length %d, value ",
					tok2strNoAlloc(juniperExtTLVNames, "Unknown", uint32(typ)), typ, n)
			}
			v := juniperTLVValue(b, off, typ, n)
			if v != -1 && nd.Verbose > 1 {
				switch typ {
				case 2: // interface name: not printed
				case 3, 7:
					nd.Printf("%s (%d)", tok2strNoAlloc(juniperIfMediaNames, "Unknown", uint32(v)), v)
				case 6, 8:
					nd.Printf("%s (%d)", tok2strNoAlloc(juniperIfEncapsNames, "Unknown", uint32(v)), v)
				default:
					nd.Printf("%d", uint32(v))
				}
			}
			off += int(n)
			extLen -= int(n) + juniperTLVOver
		}
		if nd.Verbose > 1 {
			nd.Print("\n\t-----original packet-----\n\t")
		}
	}
	if l2.flags&juniperNoL2 != 0 {
		if nd.LinkHeader {
			nd.Print("no-L2-hdr, ")
		}
		tcheck(b, hdrLen+4, 1)
		if !juniperIPGuess(nd, b[hdrLen+4:], l2.length-(hdrLen+4)) {
			nd.Print("no IP-hdr found!")
		}
		l2.headerLen = hdrLen + 4
		return false
	}
	l2.headerLen = hdrLen
	l2.length -= hdrLen
	l2.caplen -= hdrLen
	c := hdrLen
	if j.pic != "" {
		l2.cookieLen += j.cookieLen
		switch getU8(b, c) {
		case juniperLSCookieID:
			l2.cookieType = juniperLSCookieID
			l2.cookieLen += 2
		case juniperASCookieID:
			l2.cookieType = juniperASCookieID
			l2.cookieLen = juniperASCookie
		default:
			l2.bundle = uint32(l2.cookie[0])
		}
		if l2.pictype == dltJuniperMFR && getU8(b, c)&mfrBEMask == mfrBEMask {
			l2.cookieLen = 0
		}
		l2.headerLen += l2.cookieLen
		l2.length -= l2.cookieLen
		l2.caplen -= l2.cookieLen
		if nd.LinkHeader {
			nd.Printf("%s-PIC, cookie-len %d", j.pic, l2.cookieLen)
		}
		if l2.cookieLen > 8 {
			nd.PrintInvalid()
			return false
		}
		if l2.cookieLen > 0 {
			tcheck(b, c, l2.cookieLen)
			if nd.LinkHeader {
				nd.Print(", cookie 0x")
			}
			for i := range l2.cookieLen {
				l2.cookie[i] = b[c+i]
				if nd.LinkHeader {
					nd.PrintHex(uint64(b[c+i]), 2)
				}
			}
		}
		if nd.LinkHeader {
			nd.Print(": ")
		}
		l2.proto = getBE16(b, c+l2.cookieLen)
	}
	c += l2.cookieLen

	switch l2.pictype {
	case dltJuniperMLPPP, dltJuniperMLFR, dltJuniperMFR:
		switch l2.cookieType {
		case juniperLSCookieID:
			l2.bundle = uint32(l2.cookie[1])
			if l2.pictype != dltJuniperMLPPP {
				l2.proto = getBE16(b, c)
				l2.headerLen += 2
				l2.length -= 2
				l2.caplen -= 2
			}
		case juniperASCookieID:
			l2.bundle = uint32(l2.cookieBE16(6)>>3) & 0xfff
			l2.proto = uint16(l2.cookie[5]) & juniperLSQProtoMask
		default:
			l2.bundle = uint32(l2.cookie[0])
			if l2.pictype == dltJuniperMLFR {
				l2.headerLen += 2
				l2.length -= 2
				l2.caplen -= 2
			}
		}
	case dltJuniperATM2:
		tcheck(b, c, 4)
		if l2.cookie[7]&atm2PktTypeMask != 0 {
			cw := getBE32(b, c)
			switch cw {
			case 0, 0x08000000, 0x08380000:
				l2.headerLen += 4
			}
			if nd.LinkHeader {
				nd.Print("control-word 0x")
				nd.PrintHex(uint64(cw), 8)
				nd.Print(" ")
			}
		}
	}
	if nd.LinkHeader {
		nd.Printf("hlen %d, proto 0x%04x, ", l2.headerLen, l2.proto)
	}
	return true
}

// juniperIPGuess prints b as IPv4 or IPv6 when its first byte looks like
// one (ip_heuristic_guess).
func juniperIPGuess(nd *ND, b []byte, length int) bool {
	switch v := getU8(b, 0); {
	case v >= 0x45 && v <= 0x4f:
		ipPrint(nd, b, length)
	case v >= 0x60 && v <= 0x6f:
		ip6Print(nd, b, length)
	default:
		return false
	}
	return true
}

// juniperPPPGuess prints b as PPP when it starts with a common PPP
// protocol number.
func juniperPPPGuess(nd *ND, b []byte, length int) bool {
	switch getBE16(b, 0) {
	case 0x0021, 0x0023, 0x0281, 0x0283, 0x8021, 0x8023, 0x8281,
		0xc021, 0xc023, 0xc223, 0x003d, 0x0057, 0x8057:
		pppPrint(nd, b, length)
		return true
	}
	return false
}

var juniperProtoNames = []tok{{1, "Null"}, {juniperProtoIPv4, "IPv4"}, {juniperProtoIPv6, "IPv6"}}

func juniperGGSNPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	proto := l2.cookie[2]
	if nd.LinkHeader {
		nd.Printf("proto %s (%d), vlan %d: ", tok2strNoAlloc(juniperProtoNames, "Unknown", uint32(proto)),
			proto, l2.cookieBE16(4))
	}
	switch proto {
	case juniperProtoIPv4:
		ipPrint(nd, b, l2.length)
	case juniperProtoIPv6:
		ip6Print(nd, b, l2.length)
	default:
		if !nd.LinkHeader {
			nd.Printf("unknown GGSN proto (%d)", proto)
		}
	}
}

var juniperIPsecTypeNames = []tok{
	{1, "ESP ENCR-AUTH"},
	{2, "ESP ENCR-AH AUTH"},
	{3, "ESP AUTH"},
	{4, "AH AUTH"},
	{5, "ESP ENCR"},
}

func juniperESPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	tcheck(b, 0, 16)
	typ := getU8(b, 3)
	rewrite, bundle := 0, false
	switch typ {
	case 1, 2:
		bundle = true
	case 3, 4, 5:
		rewrite = 16
	default:
		nd.Printf("ES Invalid type %d, length %d", typ, l2.length)
		return
	}
	l2.length -= rewrite
	if nd.LinkHeader {
		nd.Printf("ES SA, index %d, ttl %d type %s (%d), ", getBE16(b, 0), getU8(b, 2),
			tok2strNoAlloc(juniperIPsecTypeNames, "Unknown", uint32(typ)), typ)
		if !bundle {
			nd.Printf("spi %d, Tunnel ", getBE32(b, 4))
			nd.PrintIPAddr(b, 8)
			nd.Print(" > ")
			nd.PrintIPAddr(b, 12)
			nd.Print(", ")
		}
		nd.Printf("length %d\n", l2.length)
	}
	ipPrint(nd, sub(b, rewrite), l2.length)
}

func juniperMonitorPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	tcheck(b, 0, 8)
	if nd.LinkHeader {
		nd.Printf("service-id %d, iif %d, pkt-type %d: ", getBE32(b, 4), getBE16(b, 2), getU8(b, 0))
	}
	juniperIPGuess(nd, b, l2.length)
}

func juniperServicesPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	tcheck(b, 0, 8)
	if nd.LinkHeader {
		nd.Printf("service-id %d flags 0x%02x service-set-id 0x%04x iif %d: ",
			getU8(b, 0), getU8(b, 1), getBE16(b, 2), getBE24(b, 5))
	}
	juniperIPGuess(nd, b, l2.length)
}

func juniperPPPoEPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	etherPrint(nd, b, l2.length, len(b))
}

func juniperEtherPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	l2.headerLen += etherPrint(nd, b, l2.length, len(b))
}

func juniperPPPPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	pppPrint(nd, b, l2.length)
}

func juniperFrelayPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	callPrinter(nd, "fr_print", b, l2.length)
}

func juniperCHDLCPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	chdlcPrint(nd, b, l2.length)
}

func juniperPPPoEATMPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	t := getBE16(b, 0)
	if !ethertypePrint(nd, t, b[2:], l2.length-2) {
		nd.Print("unknown ethertype 0x")
		nd.PrintHex(uint64(t), 4)
	}
}

// juniperLSQPrint prints an LSQ-cookie frame by its layer-3 protocol and
// reports whether the protocol was one of those.
func juniperLSQPrint(nd *ND, l2 *juniperL2Info, b []byte) bool {
	switch l2.proto {
	case juniperLSQIPv4:
		if l2.pictype == dltJuniperMLPPP && l2.cookie[4] == juniperLSQCookieRE|juniperLSQCookieDir {
			pppPrint(nd, b, l2.length)
		} else {
			ipPrint(nd, b, l2.length)
		}
	case juniperLSQIPv6:
		ip6Print(nd, b, l2.length)
	case juniperLSQMPLS:
		mplsPrint(nd, b, l2.length)
	case juniperLSQISO:
		callPrinter(nd, "isoclns_print", b, l2.length)
	default:
		return false
	}
	return true
}

func juniperMLPPPPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	const pppOSI, pppAddrCtrl = 0x0023, 0xff03
	cookie := l2.cookieBE16(0)
	if nd.LinkHeader && cookie != pppOSI && cookie != pppAddrCtrl {
		nd.Printf("Bundle-ID %d: ", l2.bundle)
	}
	if juniperLSQPrint(nd, l2, b) {
		return
	}
	if cookie == pppOSI {
		// The cookie was the PPP protocol field: hand it back.
		pppPrint(nd, l2.back(2), l2.length+2)
		return
	}
	pppPrint(nd, b, l2.length)
}

// back returns the frame from n bytes before the payload (tcpdump's
// "p - n" for printers that want the last header bytes again).
func (l2 *juniperL2Info) back(n int) []byte {
	return rest(l2.frame, l2.headerLen-n)
}

func juniperMFRPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	if l2.cookieLen == 0 {
		callPrinter(nd, "mfr_print", b, l2.length)
		return
	}
	if l2.cookieLen == juniperASCookie {
		juniperLSQPrint(nd, l2, b)
		return
	}
	if nd.LinkHeader && l2.cookieBE32() != 1 {
		nd.Printf("Bundle-ID %d, ", l2.bundle)
	}
	switch l2.proto {
	case llcSAPISONS<<8 | llcSAPISONS:
		tcheck(b, 0, 1)
		callPrinter(nd, "isoclns_print", b[1:], l2.length-1)
	default:
		juniperFRNLPIDPrint(nd, l2, b)
	}
}

func juniperMLFRPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	if nd.LinkHeader && l2.cookieBE32() != 1 {
		nd.Printf("Bundle-ID %d, ", l2.bundle)
	}
	switch l2.proto {
	case llcUI, llcUI << 8:
		callPrinter(nd, "isoclns_print", b, l2.length)
	default:
		juniperFRNLPIDPrint(nd, l2, b)
	}
}

// juniperFRNLPIDPrint hands Q.933, IPv4 and IPv6 behind a UI byte to the
// OSI printer with the NLPID byte, or reports the protocol unknown.
func juniperFRNLPIDPrint(nd *ND, l2 *juniperL2Info, b []byte) {
	const nlpidQ933, nlpidIP, nlpidIP6 = 0x08, 0xcc, 0x8e
	switch l2.proto {
	case llcUI<<8 | nlpidQ933, llcUI<<8 | nlpidIP, llcUI<<8 | nlpidIP6:
		callPrinter(nd, "isoclns_print", l2.back(1), l2.length+1)
	default:
		nd.Printf("unknown protocol 0x%04x, length %d", l2.proto, l2.length)
	}
}

func juniperATM1Print(nd *ND, l2 *juniperL2Info, b []byte) {
	if l2.cookie[0] == 0x80 {
		oamPrint(nd, b, l2.length, atmOAMNoHEC)
		return
	}
	if juniperATMLLCPrint(nd, l2, b) {
		return
	}
	if getU8(b, 0) == 0x03 {
		callPrinter(nd, "isoclns_print", b[1:], l2.length-1)
		return
	}
	juniperIPGuess(nd, b, l2.length)
}

func juniperATM2Print(nd *ND, l2 *juniperL2Info, b []byte) {
	if l2.cookie[7]&atm2PktTypeMask != 0 {
		oamPrint(nd, b, l2.length, atmOAMNoHEC)
		return
	}
	if juniperATMLLCPrint(nd, l2, b) {
		return
	}
	if l2.direction != juniperPktIn && l2.cookieBE32()&atm2GapCountMask != 0 {
		etherPrint(nd, b, l2.length, len(b))
		return
	}
	if getU8(b, 0) == 0x03 {
		callPrinter(nd, "isoclns_print", b[1:], l2.length-1)
		return
	}
	if juniperPPPGuess(nd, b, l2.length) {
		return
	}
	juniperIPGuess(nd, b, l2.length)
}

// juniperATMLLCPrint prints an NLPID- or SNAP-encapsulated frame and
// reports whether LLC recognized it.
func juniperATMLLCPrint(nd *ND, l2 *juniperL2Info, b []byte) bool {
	if h := getBE24(b, 0); h != 0xfefe03 && h != 0xaaaa03 {
		return false
	}
	return llcPrint(nd, b, l2.length, len(b), nil, nil) > 0
}
