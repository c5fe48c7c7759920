package dissect

import "github.com/goclues/goclues/common/capture"

// PPP (RFC 1661, tcpdump's print-ppp.c): the PPP and PPP-over-serial
// link types, PPP in Ethernet and GRE, HDLC-escaped frames, and the
// control protocols (LCP, IPCP, IP6CP, CCP, BACP), CHAP, PAP and
// multilink headers.

const (
	dltPPPSerial = 50
	dltCHDLC     = 104

	pppHdrLen = 4

	pppIP        = 0x0021
	pppOSI       = 0x0023
	pppIPX       = 0x002b
	pppVJC       = 0x002d
	pppVJNC      = 0x002f
	pppML        = 0x003d
	pppIPv6      = 0x0057
	pppComp      = 0x00fd
	pppMPLSUcast = 0x0281
	pppMPLSMcast = 0x0283
	pppIPCP      = 0x8021
	pppOSICP     = 0x8023
	pppIPv6CP    = 0x8057
	pppCCP       = 0x80fd
	pppMPLSCP    = 0x8281
	pppLCP       = 0xc021
	pppPAP       = 0xc023
	pppLQM       = 0xc025
	pppSPAP      = 0xc027
	pppBACP      = 0xc02b
	pppBAP       = 0xc02d
	pppSPAPOld   = 0xc123
	pppCHAP      = 0xc223
	pppEAP       = 0xc227
)

func init() {
	registerLinkType(capture.DLTPPP, pppIfPrint)
	registerLinkType(dltPPPSerial, pppHDLCIfPrint)
	registerEtherType(0x880b, pppEtherTypePrint)
	registerPrinter("ppp_print", func(nd *ND, b []byte, length int) { pppPrint(nd, b, length) })
}

var pppTypeNames = []tok{
	{pppIP, "IP"}, {pppOSI, "OSI"}, {0x0025, "NS"}, {0x0027, "DECNET"}, {0x0029, "APPLE"},
	{pppIPX, "IPX"}, {pppVJC, "VJC IP"}, {pppVJNC, "VJNC IP"}, {0x0031, "BRPDU"}, {0x0033, "STII"},
	{0x0035, "VINES"}, {pppMPLSUcast, "MPLS"}, {pppMPLSMcast, "MPLS"}, {pppComp, "Compressed"},
	{pppML, "MLPPP"}, {pppIPv6, "IP6"},
	{0x0201, "HELLO"}, {0x0231, "LUXCOM"}, {0x0233, "SNS"}, {pppIPCP, "IPCP"}, {pppOSICP, "OSICP"},
	{0x8025, "NSCP"}, {0x8027, "DECNETCP"}, {0x8029, "APPLECP"}, {0x802b, "IPXCP"}, {0x8033, "STIICP"},
	{0x8035, "VINESCP"}, {pppIPv6CP, "IP6CP"}, {pppMPLSCP, "MPLSCP"},
	{pppLCP, "LCP"}, {pppPAP, "PAP"}, {pppLQM, "LQM"}, {pppCHAP, "CHAP"}, {pppEAP, "EAP"},
	{pppSPAP, "SPAP"}, {pppSPAPOld, "Old-SPAP"}, {pppBACP, "BACP"}, {pppBAP, "BAP"},
	{0xc03d, "MLPPP-CP"}, {pppCCP, "CCP"},
}

// Control protocol codes.
const (
	pppCodeVendorExt = 0
	pppCodeConfReq   = 1
	pppCodeConfRej   = 4
	pppCodeTermReq   = 5
	pppCodeTermAck   = 6
	pppCodeCodeRej   = 7
	pppCodeProtRej   = 8
	pppCodeEchoReq   = 9
	pppCodeEchoRpl   = 10
	pppCodeDiscReq   = 11
	pppCodeID        = 12
	pppCodeTimeRem   = 13
)

var pppCPCodes = []tok{
	{pppCodeVendorExt, "Vendor-Extension"}, {pppCodeConfReq, "Conf-Request"}, {2, "Conf-Ack"},
	{3, "Conf-Nack"}, {pppCodeConfRej, "Conf-Reject"}, {pppCodeTermReq, "Term-Request"},
	{pppCodeTermAck, "Term-Ack"}, {pppCodeCodeRej, "Code-Reject"}, {pppCodeProtRej, "Prot-Reject"},
	{pppCodeEchoReq, "Echo-Request"}, {pppCodeEchoRpl, "Echo-Reply"}, {pppCodeDiscReq, "Disc-Req"},
	{pppCodeID, "Ident"}, {pppCodeTimeRem, "Time-Rem"}, {14, "Reset-Req"}, {15, "Reset-Ack"},
}

var pppLCPOptNames = [...]string{
	"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)", "PFC",
	"ACFC", "FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)",
	"deprecated(15)", "deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary",
	"DCE-Id", "MP+", "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision",
	"Multilink-header-Form", "I18N", "SDL-over-SONET/SDH", "PPP-Muxing",
}

var (
	pppCCPOptNames = []tok{
		{0, "OUI"}, {1, "Pred-1"}, {2, "Pred-2"}, {3, "Puddle"}, {16, "HP-PPC"}, {17, "Stac-LZS"},
		{18, "MPPC"}, {19, "Gand-FZA"}, {20, "V.42bis"}, {21, "BSD-Comp"}, {23, "LZS-DCP"},
		{24, "MVRCA"}, {25, "DEC"}, {26, "Deflate"}, {255, "Reserved"},
	}
	pppBACPOptNames = []tok{{1, "Favored-Peer"}}
	pppIPCPOptNames = []tok{
		{1, "IP-Addrs"}, {2, "IP-Comp"}, {3, "IP-Addr"}, {4, "Home-Addr"}, {129, "Pri-DNS"},
		{130, "Pri-NBNS"}, {131, "Sec-DNS"}, {132, "Sec-NBNS"},
	}
	pppIPCompProtos   = []tok{{pppVJC, "VJ-Comp"}, {0x61, "IP Header Compression"}}
	pppIPCompSubopts  = []tok{{1, "RTP-Compression"}, {2, "Enhanced RTP-Compression"}}
	pppIP6CPOptNames  = []tok{{1, "Interface-ID"}}
	pppAuthAlgs       = []tok{{5, "MD5"}, {128, "MS-CHAPv1"}, {129, "MS-CHAPv2"}}
	pppCallbackOps    = []tok{{0, "UserAuth"}, {1, "DialString"}, {2, "LocalID"}, {3, "E.164"}, {4, "X.500"}, {6, "CBCP"}}
	pppCHAPCodes      = []tok{{1, "Challenge"}, {2, "Response"}, {3, "Success"}, {4, "Fail"}}
	pppPAPCodes       = []tok{{1, "Auth-Req"}, {2, "Auth-ACK"}, {3, "Auth-NACK"}}
	pppMLFlags        = []tok{{0x80, "begin"}, {0x40, "end"}}
	pppOptionPrinters = map[uint16]pppOptionPrinter{
		pppLCP: pppLCPOptionPrint, pppIPCP: pppIPCPOptionPrint, pppIPv6CP: pppIP6CPOptionPrint,
		pppCCP: pppCCPOptionPrint, pppBACP: pppBACPOptionPrint,
	}
)

// pppOptionPrinter prints the configuration option at b[off:], given the
// message's encoded length, and returns the option's length, 0 to stop.
type pppOptionPrinter func(nd *ND, b []byte, off, length int) int

// pppIfPrint is the DLT_PPP link printer.
func pppIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("ppp")
	if len(b) < pppHdrLen {
		nd.PrintTrunc()
		nd.llHdrLen += len(b)
		return
	}
	nd.llHdrLen += pppHdrLen
	pppPrint(nd, b, int(p.Len))
}

// pppHDLCIfPrint is the DLT_PPP_SERIAL link printer: PPP in HDLC-like
// framing, or Cisco HDLC.
func pppHDLCIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("ppp_hdlc")
	length := int(p.Len)
	if len(b) < 2 {
		nd.PrintTrunc()
		nd.llHdrLen += len(b)
		return
	}
	addr := getU8(b, 0)
	if addr == 0x0f || addr == 0x8f {
		if lp := linkPrinters[dltCHDLC]; lp != nil {
			lp(nd, p, b)
			return
		}
	}
	if len(b) < 4 {
		nd.PrintTrunc()
		nd.llHdrLen += len(b)
		return
	}
	if nd.LinkHeader {
		nd.Printf("%02x %02x %d ", addr, getU8(b, 1), uint32(length))
	}
	if addr != 0xff {
		nd.Printf("unknown addr %02x; ctrl %02x", getU8(b, 2), getU8(b, 3))
		nd.llHdrLen += 2
		return
	}
	proto := getBE16(b, 2)
	nd.Print(tok2str(pppTypeNames, "unknown PPP protocol (0x%04x)", uint32(proto)))
	nd.Print(": ")
	nd.llHdrLen += 4
	pppHandle(nd, proto, b, 4, length-4)
}

// pppEtherTypePrint prints PPP carried with ethertype 0x880b.
func pppEtherTypePrint(nd *ND, b []byte, length int) {
	if length != 0 {
		nd.Print(": ")
		pppPrint(nd, b, length)
	}
}

// pppPrint prints a PPP frame from its address and control fields (when
// present) on, and returns the length of the PPP header (ppp_print).
func pppPrint(nd *ND, b []byte, length int) int {
	nd.SetProto("ppp")
	olen := length
	if length < 2 {
		nd.PrintTrunc()
		return 0
	}
	off := 0
	switch getBE16(b, 0) {
	case 0x0003:
		if nd.LinkHeader {
			nd.Print("In  ")
		}
		off = 2
	case 0x0103:
		if nd.LinkHeader {
			nd.Print("Out ")
		}
		off = 2
	case 0xff03:
		off = 2
	}
	length -= off
	if length < 2 {
		nd.PrintTrunc()
		return 0
	}
	var proto uint16
	if getU8(b, off)%2 != 0 {
		proto = uint16(getU8(b, off))
		off++
		length--
	} else {
		proto = getBE16(b, off)
		off += 2
		length -= 2
	}
	if nd.LinkHeader {
		name := tok2str(pppTypeNames, "unknown", uint32(proto))
		nd.Printf("%s (0x%04x), length %d", name, proto, uint32(olen))
		if name == "unknown" {
			return off
		}
		nd.Print(": ")
	}
	pppHandle(nd, proto, b, off, length)
	return off
}

// pppHandle prints the payload at b[off:] of a PPP frame of protocol
// proto (handle_ppp); bytes before off are the PPP header, which some
// printers look back at.
func pppHandle(nd *ND, proto uint16, b []byte, off, length int) {
	if proto&0xff00 == 0x7e00 {
		pppHDLC(nd, b, off-1, length)
		return
	}
	p := sub(b, off)
	switch proto {
	case pppLCP, pppIPCP, pppOSICP, pppMPLSCP, pppIPv6CP, pppCCP, pppBACP:
		pppCtrlProtoPrint(nd, proto, b, off, length)
	case pppML:
		pppMLPrint(nd, p, length)
	case pppCHAP:
		pppCHAPPrint(nd, p, length)
	case pppPAP:
		pppPAPPrint(nd, p, length)
	case pppBAP:
		// tcpdump does not decode BAP.
	case 0x0800, pppVJNC, pppIP:
		ipPrint(nd, p, length)
	case 0x86dd, pppIPv6:
		ip6Print(nd, p, length)
	case 0x8137, pppIPX:
		pppCallOrDump(nd, "ipx_print", proto, b, off, length)
	case pppOSI:
		pppCallOrDump(nd, "isoclns_print", proto, b, off, length)
	case pppMPLSUcast, pppMPLSMcast:
		mplsPrint(nd, p, length)
	case pppComp:
		nd.Print("compressed PPP data")
	default:
		nd.Print(tok2str(pppTypeNames, "unknown PPP protocol (0x%04x)", uint32(proto)))
		nd.PrintByte(' ')
		unknownDataPrint(nd, b, off, "\n\t", length)
	}
}

// pppCallOrDump runs a printer other files provide, or dumps the payload
// as tcpdump does for a protocol it has no printer for.
func pppCallOrDump(nd *ND, name string, proto uint16, b []byte, off, length int) {
	if callPrinter(nd, name, sub(b, off), length) {
		return
	}
	nd.Print(tok2str(pppTypeNames, "unknown PPP protocol (0x%04x)", uint32(proto)))
	nd.PrintByte(' ')
	unknownDataPrint(nd, b, off, "\n\t", length)
}

// pppHDLC undoes RFC 1662 octet escapes in the captured bytes from
// b[off:] and prints the frame they make (ppp_hdlc).
func pppHDLC(nd *ND, b []byte, off, length int) {
	src := rest(b, off)
	if len(src) == 0 || length == 0 {
		return
	}
	u := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == 0x7d {
			if i+1 >= len(src) {
				break
			}
			i++
			c = src[i] ^ 0x20
		}
		u = append(u, c)
	}
	n := len(u)
	if n < 1 {
		nd.PrintTrunc()
		return
	}
	switch u[0] {
	case pppIP:
		ipPrint(nd, u[1:], n-1)
		return
	case pppIPv6:
		ip6Print(nd, u[1:], n-1)
		return
	}
	if n < 2 {
		nd.PrintTrunc()
		return
	}
	proto, at := getBE16(u, 0), 2
	if proto == 0xff03 {
		if n < 4 {
			nd.PrintTrunc()
			return
		}
		proto, at = getBE16(u, 2), 4
	}
	if proto&0xff00 == 0x7e00 {
		nd.Printf("(protocol 0x%04x invalid)", proto)
		return
	}
	pppHandle(nd, proto, u, at, n-at)
}

// pppCtrlProtoPrint prints an LCP-style control protocol packet at
// b[off:] (handle_ctrl_proto).
func pppCtrlProtoPrint(nd *ND, proto uint16, b []byte, off, length int) {
	typ := tok2str(pppTypeNames, "unknown ctrl-proto (0x%04x)", uint32(proto))
	nd.Print(typ)
	nd.Print(", ")
	if length < 4 || !ttest(b, off, 2) {
		nd.Printf("[|%s]", typ)
		return
	}
	code := getU8(b, off)
	nd.Printf("%s (0x%02x), id %d, length %d", tok2str(pppCPCodes, "Unknown Opcode", uint32(code)),
		code, getU8(b, off+1), uint32(length+2))
	if nd.Verbose == 0 {
		return
	}
	encLen := int(getBE16(b, off+2))
	t := off + 4
	if encLen < 4 {
		nd.Printf("\n\tencoded length %d (< 4))", encLen)
		return
	}
	if encLen > length {
		nd.Printf("\n\tencoded length %d (> packet length %d))", encLen, length)
		return
	}
	length = encLen
	nd.Printf("\n\tencoded length %d (=Option(s) length %d)", encLen, encLen-4)
	if length == 4 {
		return
	}
	if nd.Verbose > 1 {
		unknownDataPrint(nd, b, off-2, "\n\t", 6)
	}
	switch code {
	case pppCodeVendorExt:
		if length < 11 {
			break
		}
		nd.Printf("\n\t  Magic-Num 0x%08x", getBE32(b, t))
		oui := getBE24(b, t+4)
		nd.Printf(" Vendor: %s (%d)", tok2str(ouiNames, "Unknown", oui), oui)
	case pppCodeConfReq, 2, 3, pppCodeConfRej:
		pfn := pppOptionPrinters[proto]
		if pfn == nil {
			break
		}
		for tlen := encLen - 4; tlen != 0; {
			adv := pfn(nd, b, t, encLen)
			if adv == 0 {
				break
			}
			if tlen < adv {
				nd.Printf(" [remaining options length %d < %d]", tlen, adv)
				nd.PrintInvalid()
				break
			}
			tlen -= adv
			t += adv
		}
	case pppCodeTermReq, pppCodeTermAck, pppCodeCodeRej:
	case pppCodeProtRej:
		if length < 6 {
			break
		}
		rej := uint32(getBE16(b, t))
		nd.Printf("\n\t  Rejected %s Protocol (0x%04x)", tok2str(pppTypeNames, "unknown", rej), rej)
		if encLen > 6 {
			nd.Print("\n\t  Rejected Packet")
			unknownDataPrint(nd, b, t+2, "\n\t    ", encLen-2)
		}
	case pppCodeEchoReq, pppCodeEchoRpl, pppCodeDiscReq:
		if length < 8 {
			break
		}
		nd.Printf("\n\t  Magic-Num 0x%08x", getBE32(b, t))
		if encLen > 8 {
			nd.Print("\n\t  -----trailing data-----")
			if !ttest(b, t+4, encLen-8) {
				nd.Printf("[|%s]", typ)
				return
			}
			unknownDataPrint(nd, b, t+4, "\n\t  ", encLen-8)
		}
	case pppCodeID:
		if length < 8 {
			break
		}
		nd.Printf("\n\t  Magic-Num 0x%08x", getBE32(b, t))
		if encLen > 8 {
			nd.Print("\n\t  Message\n\t    ")
			if nd.printn(b, t+4, encLen-4) {
				nd.Printf("[|%s]", typ)
				return
			}
		}
	case pppCodeTimeRem:
		if length < 12 {
			break
		}
		nd.Printf("\n\t  Magic-Num 0x%08x", getBE32(b, t))
		nd.Printf(", Seconds-Remaining %ds", getBE32(b, t+4))
	default:
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, off-2, "\n\t  ", length+2)
		}
	}
}

// pppOptionHeader reads an option's type and length and prints its
// header line; ok is false when the option list ends here. names gives
// the option's name.
func pppOptionHeader(nd *ND, b []byte, off, length int, trunc string, name func(uint8) string) (opt uint8, n int, ok bool) {
	if length < 2 {
		return 0, 0, false
	}
	if !ttest(b, off, 2) {
		nd.Printf("[|%s]", trunc)
		return 0, 0, false
	}
	opt, n = getU8(b, off), int(getU8(b, off+1))
	if length < n {
		return 0, 0, false
	}
	if n < 2 {
		nd.Printf("\n\t  %s Option (0x%02x), length %d (length bogus, should be >= 2)", name(opt), opt, n)
		return 0, 0, false
	}
	nd.Printf("\n\t  %s Option (0x%02x), length %d", name(opt), opt, n)
	return opt, n, true
}

// pppOptionTail dumps an option's value: unknown options at -v, every
// option at -vv.
func pppOptionTail(nd *ND, b []byte, off, n int, known bool) {
	if !known && nd.Verbose < 2 || nd.Verbose > 1 {
		unknownDataPrint(nd, b, off+2, "\n\t    ", n-2)
	}
}

func pppLCPOptionPrint(nd *ND, b []byte, off, length int) int {
	if length < 2 {
		return 0
	}
	if !ttest(b, off, 2) {
		nd.Print("[|lcp]")
		return 0
	}
	opt, n := getU8(b, off), int(getU8(b, off+1))
	if length < n {
		return 0
	}
	if int(opt) >= len(pppLCPOptNames) {
		nd.Printf("\n\tunknown LCP option 0x%02x", opt)
		if n < 2 {
			return 0
		}
		return n
	}
	name := pppLCPOptNames[opt]
	if n < 2 {
		nd.Printf("\n\t  %s Option (0x%02x), length %d (length bogus, should be >= 2)", name, opt, n)
		return 0
	}
	nd.Printf("\n\t  %s Option (0x%02x), length %d", name, opt, n)
	bogus := func(want string, ret int) int {
		nd.Printf(" (length bogus, should be %s)", want)
		return ret
	}
	known := true
	switch opt {
	case 0:
		if n < 6 {
			return bogus(">= 6", n)
		}
		oui := getBE24(b, off+2)
		nd.Printf(": Vendor: %s (%d)", tok2str(ouiNames, "Unknown", oui), oui)
	case 1, 17:
		if n != 4 {
			if opt == 1 {
				return bogus("= 4", n)
			}
			return bogus("= 4", 0)
		}
		nd.Printf(": %d", getBE16(b, off+2))
	case 2:
		if n != 6 {
			return bogus("= 6", n)
		}
		nd.Printf(": 0x%08x", getBE32(b, off+2))
	case 3:
		if n < 4 {
			return bogus(">= 4", n)
		}
		ap := getBE16(b, off+2)
		nd.Printf(": %s", tok2str(pppTypeNames, "Unknown Auth Proto (0x04x)", uint32(ap)))
		switch ap {
		case pppCHAP:
			nd.Printf(", %s", tok2str(pppAuthAlgs, "Unknown Auth Alg %d", uint32(getU8(b, off+4))))
		case pppPAP, pppEAP, pppSPAP, pppSPAPOld:
		default:
			unknownDataPrint(nd, b, off, "\n\t", n)
		}
	case 4:
		if n < 4 {
			return bogus(">= 4", 0)
		}
		if getBE16(b, off+2) == pppLQM {
			nd.Print(": LQR")
		} else {
			nd.Print(": unknown")
		}
	case 5:
		if n != 6 {
			return bogus("= 6", 0)
		}
		nd.Printf(": 0x%08x", getBE32(b, off+2))
	case 7, 8:
	case 23:
		if n != 4 {
			return bogus("= 4", 0)
		}
		nd.Printf(": 0x%04x", getBE16(b, off+2))
	case 13:
		if n < 3 {
			return bogus(">= 3", 0)
		}
		op := uint32(getU8(b, off+2))
		// tcpdump 4.99 prints the separator twice here.
		nd.Printf(": : Callback Operation %s (%d)", tok2str(pppCallbackOps, "Unknown", op), op)
	case 19:
		if n < 3 {
			return bogus(">= 3", 0)
		}
		if !pppEndDiscPrint(nd, b, off, n) {
			return 0
		}
	default:
		known = false
	}
	pppOptionTail(nd, b, off, n, known)
	return n
}

// pppEndDiscPrint prints a multilink endpoint discriminator; false means
// its length is wrong for its class.
func pppEndDiscPrint(nd *ND, b []byte, off, n int) bool {
	switch class := getU8(b, off+2); class {
	case 0:
		nd.Print(": Null")
	case 1:
		nd.Print(": Local")
	case 2:
		if n != 7 {
			nd.Print(" (length bogus, should be = 7)")
			return false
		}
		nd.Printf(": IPv4 %s", nd.getIP4(b, off+3))
	case 3:
		if n != 9 {
			nd.Print(" (length bogus, should be = 9)")
			return false
		}
		tcheck(b, off+3, 6)
		nd.Print(": MAC ")
		nd.PrintEtherAddr(b, off+3)
	case 4:
		nd.Print(": Magic-Num-Block")
	case 5:
		nd.Print(": PSNDN")
	default:
		nd.Printf(": Unknown class %d", class)
	}
	return true
}

func pppIPCPOptionPrint(nd *ND, b []byte, off, length int) int {
	opt, n, ok := pppOptionHeader(nd, b, off, length, "ipcp", func(o uint8) string {
		return tok2str(pppIPCPOptNames, "unknown", uint32(o))
	})
	if !ok {
		return 0
	}
	known := true
	// dump is where the -vv dump starts, less 2: tcpdump walks its option
	// pointer through IP header compression suboptions and dumps from
	// where that walk ended.
	dump := off
	switch opt {
	case 1:
		if n != 10 {
			nd.Print(" (length bogus, should be = 10)")
			return n
		}
		nd.Printf(": src %s, dst %s", nd.getIP4(b, off+2), nd.getIP4(b, off+6))
	case 2:
		if n < 4 {
			nd.Print(" (length bogus, should be >= 4)")
			return 0
		}
		cp := uint32(getBE16(b, off+2))
		nd.Printf(": %s (0x%02x):", tok2str(pppIPCompProtos, "Unknown", cp), cp)
		if cp == 0x61 {
			var ok bool
			if dump, ok = pppIPHCPrint(nd, b, off, n); !ok {
				return 0
			}
		}
	case 3, 4, 129, 130, 131, 132:
		if n != 6 {
			nd.Print(" (length bogus, should be = 6)")
			return 0
		}
		nd.Printf(": %s", nd.getIP4(b, off+2))
	default:
		known = false
	}
	if !known && nd.Verbose < 2 {
		unknownDataPrint(nd, b, off+2, "\n\t    ", n-2)
	}
	if nd.Verbose > 1 {
		unknownDataPrint(nd, b, dump+2, "\n\t    ", n-2)
	}
	return n
}

// pppIPHCPrint prints IP header compression parameters (RFC 3544) and
// their suboptions, and returns where its walk through them ended;
// false ends the option list.
func pppIPHCPrint(nd *ND, b []byte, off, n int) (int, bool) {
	const minLen = 14
	if n < minLen {
		nd.Printf(" (length bogus, should be >= %d)", minLen)
		return off, false
	}
	if !ttest(b, off+2, minLen) {
		nd.Print("[|ipcp]")
		return off, false
	}
	nd.Printf("\n\t    TCP Space %d, non-TCP Space %d, maxPeriod %d, maxTime %d, maxHdr %d",
		getBE16(b, off+4), getBE16(b, off+6), getBE16(b, off+8), getBE16(b, off+10), getBE16(b, off+12))
	if n <= minLen {
		return off, true
	}
	total := n - minLen
	p := off + minLen
	nd.Printf("\n\t      Suboptions, length %d", total)
	for total >= 2 {
		if !ttest(b, p, 2) {
			nd.Print("[|ipcp]")
			return p, false
		}
		so, sl := getU8(b, p), int(getU8(b, p+1))
		if so == 0 || sl == 0 {
			break
		}
		nd.Printf("\n\t\t%s Suboption #%d, length %d", tok2str(pppIPCompSubopts, "Unknown", uint32(so)), so, sl)
		if total < sl {
			nd.Printf(" [remaining suboptions length %d < %d]", total, sl)
			nd.PrintInvalid()
			break
		}
		total -= sl
		p += sl
	}
	return p, true
}

func pppIP6CPOptionPrint(nd *ND, b []byte, off, length int) int {
	opt, n, ok := pppOptionHeader(nd, b, off, length, "ip6cp", func(o uint8) string {
		return tok2str(pppIP6CPOptNames, "unknown", uint32(o))
	})
	if !ok {
		return 0
	}
	known := opt == 1
	if known {
		if n != 10 {
			nd.Print(" (length bogus, should be = 10)")
			return n
		}
		if !ttest(b, off+2, 8) {
			nd.Print("[|ip6cp]")
			return 0
		}
		nd.Printf(": %04x:%04x:%04x:%04x", getBE16(b, off+2), getBE16(b, off+4), getBE16(b, off+6), getBE16(b, off+8))
	}
	pppOptionTail(nd, b, off, n, known)
	return n
}

func pppCCPOptionPrint(nd *ND, b []byte, off, length int) int {
	opt, n, ok := pppOptionHeader(nd, b, off, length, "ccp", func(o uint8) string {
		return tok2str(pppCCPOptNames, "Unknown", uint32(o))
	})
	if !ok {
		return 0
	}
	known := true
	switch opt {
	case 21:
		if n < 3 {
			nd.Print(" (length bogus, should be >= 3)")
			return n
		}
		v := getU8(b, off+2)
		nd.Printf(": Version: %d, Dictionary Bits: %d", v>>5, v&0x1f)
	case 24:
		if n < 4 {
			nd.Print(" (length bogus, should be >= 4)")
			return n
		}
		v := getU8(b, off+2)
		pxp := "Disabled"
		if v&0x20 != 0 {
			pxp = "Enabled"
		}
		nd.Printf(": Features: %d, PxP: %s, History: %d, #CTX-ID: %d", v&0xc0>>6, pxp, v&0x1f, getU8(b, off+3))
	case 26:
		if n < 4 {
			nd.Print(" (length bogus, should be >= 4)")
			return n
		}
		v, w := getU8(b, off+2), getU8(b, off+3)
		method := "unknown"
		if v&0x0f == 8 {
			method = "zlib"
		}
		nd.Printf(": Window: %dK, Method: %s (0x%x), MBZ: %d, CHK: %d", v&0xf0>>4, method, v&0x0f, w&0xfc>>2, w&0x03)
	default:
		known = false
	}
	pppOptionTail(nd, b, off, n, known)
	return n
}

func pppBACPOptionPrint(nd *ND, b []byte, off, length int) int {
	opt, n, ok := pppOptionHeader(nd, b, off, length, "bacp", func(o uint8) string {
		return tok2str(pppBACPOptNames, "Unknown", uint32(o))
	})
	if !ok {
		return 0
	}
	known := opt == 1
	if known {
		if n != 6 {
			nd.Print(" (length bogus, should be = 6)")
			return n
		}
		nd.Printf(": Magic-Num 0x%08x", getBE32(b, off+2))
	}
	pppOptionTail(nd, b, off, n, known)
	return n
}

// pppMLPrint prints a multilink PPP header.
func pppMLPrint(nd *ND, b []byte, length int) {
	if !nd.LinkHeader {
		nd.Print("MLPPP, ")
	}
	if length < 2 || !ttest(b, 0, 2) {
		nd.Print("[|mlppp]")
		return
	}
	nd.Printf("seq 0x%03x, Flags [%s], length %d", getBE16(b, 0)&0x0fff,
		bittok2str(pppMLFlags, "none", uint32(getU8(b, 0)&0xc0)), uint32(length))
}

// pppCHAPPrint prints a CHAP packet (RFC 1994).
func pppCHAPPrint(nd *ND, b []byte, length int) {
	if length < 1 {
		nd.Print("[|chap]")
		return
	}
	if length < 4 {
		nd.Printf("[|chap 0x%02x]", getU8(b, 0))
		return
	}
	code := getU8(b, 0)
	nd.Printf("CHAP, %s (0x%02x)", tok2str(pppCHAPCodes, "unknown", uint32(code)), code)
	nd.Printf(", id %d", getU8(b, 1))
	msgLen := int(getBE16(b, 2))
	p := 4
	switch code {
	case 1, 2:
		if length-p < 1 {
			return
		}
		valSize := int(getU8(b, p))
		p++
		if length-p < valSize {
			return
		}
		nd.Print(", Value ")
		for i := 0; i < valSize; i++ {
			nd.PrintHex(uint64(getU8(b, p)), 2)
			p++
		}
		nd.Print(", Name ")
		nd.printjn(b, p, int(uint32(msgLen-p)))
	case 3, 4:
		nd.Print(", Msg ")
		nd.printjn(b, p, int(uint32(msgLen-p)))
	}
}

// pppPAPPrint prints a PAP packet (RFC 1334).
func pppPAPPrint(nd *ND, b []byte, length int) {
	if length < 1 {
		nd.Print("[|pap]")
		return
	}
	if length < 4 {
		nd.Printf("[|pap 0x%02x]", getU8(b, 0))
		return
	}
	code := getU8(b, 0)
	nd.Printf("PAP, %s (0x%02x)", tok2str(pppPAPCodes, "unknown", uint32(code)), code)
	nd.Printf(", id %d", getU8(b, 1))
	msgLen := int(getBE16(b, 2))
	if msgLen > length {
		nd.Printf(", length %d > packet size", msgLen)
		return
	}
	length = msgLen
	p := 4
	if length < p {
		nd.Printf(", length %d < PAP header length", length)
		return
	}
	// field prints a length-prefixed string; false when it does not fit.
	field := func(label string) bool {
		if length-p < 1 {
			return false
		}
		n := int(getU8(b, p))
		p++
		if length-p < n {
			return false
		}
		nd.Print(label)
		nd.printjn(b, p, n)
		p += n
		return true
	}
	switch code {
	case 1:
		if msgLen < 6 {
			nd.Print("[|pap]")
			return
		}
		if field(", Peer ") {
			field(", Name ")
		}
	case 2, 3:
		if msgLen < 5 {
			nd.Print("[|pap]")
			return
		}
		field(", Msg ")
	}
}
