package dissect

// LDP, the Label Distribution Protocol (RFC 5036, tcpdump's
// print-ldp.c): hellos over UDP, sessions over TCP, both on port 646.

func init() {
	registerTCPPort("ldp", ldpPortPrint, 646)
	registerUDPPort("ldp", ldpPortPrint, 646)
}

const (
	ldpCommonHdrLen = 10
	ldpMsgHdrLen    = 8
	ldpTLVHdrLen    = 4
)

var ldpMsgNames = []tok{
	{0x0001, "Notification"}, {0x0100, "Hello"}, {0x0200, "Initialization"},
	{0x0201, "Keepalive"}, {0x0300, "Address"}, {0x0301, "Address Withdraw"},
	{0x0400, "Label Mapping"}, {0x0401, "Label Request"}, {0x0402, "Label Withdraw"},
	{0x0403, "Label Release"}, {0x0404, "Label Abort Request"},
}

// ldpDecodedMsgs are the message types whose TLVs tcpdump decodes.
var ldpDecodedMsgs = map[uint16]bool{
	0x0001: true, 0x0100: true, 0x0200: true, 0x0201: true, 0x0300: true,
	0x0400: true, 0x0301: true, 0x0402: true,
}

// TLV types.
const (
	ldpTLVFEC           = 0x0100
	ldpTLVAddressList   = 0x0101
	ldpTLVGenericLabel  = 0x0200
	ldpTLVStatus        = 0x0300
	ldpTLVCommonHello   = 0x0400
	ldpTLVIPv4Transport = 0x0401
	ldpTLVConfigSeq     = 0x0402
	ldpTLVIPv6Transport = 0x0403
	ldpTLVCommonSession = 0x0500
	ldpTLVFTSession     = 0x0503
	ldpTLVMTU           = 0x0601
)

var ldpTLVNames = []tok{
	{ldpTLVFEC, "FEC"}, {ldpTLVAddressList, "Address List"}, {0x0103, "Hop Count"},
	{0x0104, "Path Vector"}, {ldpTLVGenericLabel, "Generic Label"}, {0x0201, "ATM Label"},
	{0x0202, "Frame-Relay Label"}, {ldpTLVStatus, "Status"}, {0x0301, "Extended Status"},
	{0x0302, "Returned PDU"}, {0x0303, "Returned Message"}, {ldpTLVCommonHello, "Common Hello Parameters"},
	{ldpTLVIPv4Transport, "IPv4 Transport Address"}, {ldpTLVConfigSeq, "Configuration Sequence Number"},
	{ldpTLVIPv6Transport, "IPv6 Transport Address"}, {ldpTLVCommonSession, "Common Session Parameters"},
	{0x0501, "ATM Session Parameters"}, {0x0502, "Frame-Relay Session Parameters"},
	{ldpTLVFTSession, "Fault-Tolerant Session Parameters"}, {0x0600, "Label Request Message ID"},
	{ldpTLVMTU, "MTU"},
}

var (
	ldpFECNames      = []tok{{1, "Wildcard"}, {2, "Prefix"}, {3, "Host address"}, {0x80, "Martini VC"}}
	ldpIfParamNames  = []tok{{1, "MTU"}, {3, "Description"}, {0x0c, "VCCV"}}
	ldpVCCVCCNames   = []tok{{1, "PWE3 control word"}, {2, "MPLS Router Alert Label"}, {4, "MPLS inner label TTL = 1"}}
	ldpVCCVCVNames   = []tok{{1, "ICMP Ping"}, {2, "LSP Ping"}, {4, "BFD"}}
	ldpPWTypeNames   = mplsPWTypes
	ldpDownstreamOpt = [2]string{"Unsolicited", "On Demand"}
)

// mplsPWTypes names MPLS pseudowire types (RFC 4446) as tcpdump 4.99
// does.
var mplsPWTypes = []tok{
	{0x0000, "Reserved"}, {0x0001, "Frame Relay DLCI (Martini Mode)"},
	{0x0002, "ATM AAL5 SDU VCC transport"}, {0x0003, "ATM transparent cell transport"},
	{0x0004, "Ethernet VLAN"}, {0x0005, "Ethernet"}, {0x0006, "Cisco-HDLC"}, {0x0007, "PPP"},
	{0x0008, "SONET/SDH Circuit Emulation Service over MPLS"},
	{0x0009, "ATM n-to-one VCC cell transport"}, {0x000a, "ATM n-to-one VPC cell transport"},
	{0x000b, "IP Layer2 Transport"}, {0x000c, "ATM one-to-one VCC Cell Mode"},
	{0x000d, "ATM one-to-one VPC Cell Mode"}, {0x000e, "ATM AAL5 PDU VCC transport"},
	{0x000f, "Frame-Relay Port mode"}, {0x0010, "SONET/SDH Circuit Emulation over Packet"},
	{0x0011, "Structure-agnostic E1 over Packet"}, {0x0012, "Structure-agnostic T1 (DS1) over Packet"},
	{0x0013, "Structure-agnostic E3 over Packet"}, {0x0014, "Structure-agnostic T3 (DS3) over Packet"},
	{0x0015, "CESoPSN basic mode"}, {0x0016, "TDMoIP basic mode"}, {0x0017, "CESoPSN TDM with CAS"},
	{0x0018, "TDMoIP TDM with CAS"}, {0x0019, "Frame Relay DLCI"}, {0x0040, "IP-interworking"},
}

func ldpPortPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	ldpPrint(nd, b, length)
}

// ldpPrint prints the LDP PDUs of a payload.
func ldpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("ldp")
	for off := 0; length > ldpCommonHdrLen+ldpMsgHdrLen; {
		n := nd.ldpPDUPrint(b, off)
		if n == 0 {
			return
		}
		if length < n {
			nd.Printf(" [remaining length %d < %d]", length, n)
			nd.PrintInvalid()
			return
		}
		length -= n
		off += n
	}
}

// ldpSep is what starts a PDU's line: a new line with -v.
func (nd *ND) ldpSep() string {
	if nd.Verbose < 1 {
		return ""
	}
	return "\n\t"
}

func (nd *ND) ldpPDUPrint(b []byte, off int) int {
	tcheck(b, off, ldpCommonHdrLen)
	if v := getBE16(b, off); v != 1 {
		nd.Printf("%sLDP version %d packet not supported", nd.ldpSep(), v)
		return 0
	}
	pduLen := getBE16(b, off+2)
	if pduLen < ldpCommonHdrLen-4 {
		nd.Printf("%sLDP, pdu-length: %d (too short, < %d)", nd.ldpSep(), pduLen, ldpCommonHdrLen-4)
		return 0
	}
	nd.Printf("%sLDP, Label-Space-ID: %s:%d, pdu-length: %d", nd.ldpSep(), nd.getIP4(b, off+4), getBE16(b, off+8), pduLen)
	if nd.Verbose < 1 {
		return 0
	}
	t := off + ldpCommonHdrLen
	// tcpdump keeps the remaining length in a u_short.
	tlen := pduLen - (ldpCommonHdrLen - 4)
	for tlen > 0 {
		tcheck(b, t, ldpMsgHdrLen)
		msgLen := getBE16(b, t+2)
		typ := getBE16(b, t) & 0x7fff
		name := tok2strNoAlloc(ldpMsgNames, "Unknown", uint32(typ))
		if msgLen < ldpMsgHdrLen-4 {
			nd.Printf("\n\t  %s Message (0x%04x), length: %d (too short, < %d)", name, typ, msgLen, ldpMsgHdrLen-4)
			return 0
		}
		unknown := "ignore"
		if getBE16(b, t)&0x8000 != 0 {
			unknown = "continue processing"
		}
		nd.Printf("\n\t  %s Message (0x%04x), length: %d, Message ID: 0x%08x, Flags: [%s if unknown]",
			name, typ, msgLen, getBE32(b, t+4), unknown)
		msgT := t + ldpMsgHdrLen
		msgTLen := int(msgLen) - (ldpMsgHdrLen - 4)
		tcheck(b, t, int(msgLen))
		if ldpDecodedMsgs[typ] {
			for msgTLen >= 4 {
				n := nd.ldpTLVPrint(b, msgT, msgTLen)
				if n == 0 {
					break
				}
				// msg_tlen is a u_int: a TLV longer than what is left
				// makes it wrap and the loop go on.
				msgTLen = int(uint32(msgTLen - n))
				msgT += n
			}
		} else if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, msgT, "\n\t  ", msgTLen)
		}
		if nd.Verbose > 1 {
			unknownDataPrint(nd, b, t+ldpMsgHdrLen, "\n\t  ", int(msgLen))
		}
		t += int(msgLen) + 4
		tlen -= msgLen + 4
	}
	return int(pduLen) + 4
}

// ldpTLVPrint prints the TLV at b[off:] within msgTLen bytes and
// returns its length with header, 0 to stop.
func (nd *ND) ldpTLVPrint(b []byte, off, msgTLen int) int {
	tcheck(b, off, ldpTLVHdrLen)
	tlvLen := getBE16(b, off+2)
	if int(tlvLen)+4 > msgTLen {
		nd.Print("\n\t\t TLV contents go past end of message")
		return 0
	}
	raw := getBE16(b, off)
	typ := raw & 0x3fff
	cont, fwd := "ignore", "don't"
	if raw&0x8000 != 0 {
		cont = "continue processing"
	}
	if raw&0x4000 != 0 {
		fwd = "do"
	}
	nd.Printf("\n\t    %s TLV (0x%04x), length: %d, Flags: [%s and %s forward if unknown]",
		tok2strNoAlloc(ldpTLVNames, "Unknown", uint32(typ)), typ, tlvLen, cont, fwd)
	t := off + ldpTLVHdrLen
	tlen := tlvLen // a u_short in tcpdump
	done := int(tlvLen) + 4
	// need is tcpdump's TLV_TCHECK: too short a TLV is reported and
	// skipped.
	need := func(min uint16) bool {
		if tlen < min {
			nd.Printf(" [tlv length %d < %d]", tlen, min)
			nd.PrintInvalid()
			return false
		}
		return true
	}
	switch typ {
	case ldpTLVCommonHello:
		if !need(4) {
			return done
		}
		hold, flags := getBE16(b, t), getBE16(b, t+2)
		kind, req := "Link", ""
		if flags&0x8000 != 0 {
			kind = "Targeted"
		}
		if flags&0x4000 != 0 {
			req = ", Request for targeted Hellos"
		}
		nd.Printf("\n\t      Hold Time: %ds, Flags: [%s Hello%s]", hold, kind, req)
	case ldpTLVIPv4Transport:
		if !need(4) {
			return done
		}
		nd.Printf("\n\t      IPv4 Transport Address: %s", nd.getIP4(b, t))
	case ldpTLVIPv6Transport:
		if !need(16) {
			return done
		}
		nd.Printf("\n\t      IPv6 Transport Address: %s", nd.getIP6(b, t))
	case ldpTLVConfigSeq:
		if !need(4) {
			return done
		}
		nd.Printf("\n\t      Sequence Number: %d", getBE32(b, t))
	case ldpTLVAddressList:
		if !need(2) {
			return done
		}
		af := getBE16(b, t)
		t += 2
		tlen -= 2
		nd.Printf("\n\t      Address Family: %s, addresses", tok2strOr(bgpAFNames, "Unknown (%d)", uint32(af)))
		size, text := 0, nd.getIP4
		switch af {
		case afIPv4:
			size = 4
		case afIPv6:
			size, text = 16, nd.getIP6
		}
		for size != 0 && int(tlen) >= size {
			nd.Print(" " + text(b, t))
			tlen -= uint16(size)
			t += size
		}
	case ldpTLVCommonSession:
		// tcpdump 4.99 takes the A and D bits from the Max PDU Length
		// field and prints nothing after them.
		if !need(8) {
			return done
		}
		ver, ka, flags := getBE16(b, t), getBE16(b, t+2), getBE16(b, t+6)
		ds, loop := ldpDownstreamOpt[0], "Disabled"
		if flags&0x8000 != 0 {
			ds = ldpDownstreamOpt[1]
		}
		if flags&0x4000 != 0 {
			loop = "Enabled"
		}
		nd.Printf("\n\t      Version: %d, Keepalive: %ds, Flags: [Downstream %s, Loop Detection %s]", ver, ka, ds, loop)
	case ldpTLVFEC:
		if !need(1) {
			return done
		}
		return nd.ldpFECPrint(b, t, tlen, done)
	case ldpTLVGenericLabel:
		if !need(4) {
			return done
		}
		nd.Printf("\n\t      Label: %d", getBE32(b, t)&0xfffff)
	case ldpTLVStatus:
		if !need(8) {
			return done
		}
		ui := getBE32(b, t)
		sev, fw := "Advisory Notification", "don't"
		if ui&0x80000000 != 0 {
			sev = "Fatal error"
		}
		if ui&0x40000000 != 0 {
			fw = "do"
		}
		nd.Printf("\n\t      Status: 0x%02x, Flags: [%s and %s forward]", ui&0x3fffffff, sev, fw)
		if ui = getBE32(b, t+4); ui != 0 {
			nd.Printf(", causing Message ID: 0x%08x", ui)
		}
	case ldpTLVFTSession:
		if !need(12) {
			return done
		}
		f := getBE16(b, t)
		pick := func(bit uint16, yes, no string) string {
			if f&bit != 0 {
				return yes
			}
			return no
		}
		nd.Printf("\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s Checkpoint, %sRe-Learn State]",
			pick(0x8000, "", "No "), pick(0x8, "", "Don't "), pick(0x4, "", "No "),
			pick(0x2, "Sequence Numbered Label", "All Labels"), pick(0x1, "", "Don't "))
		if ui := getBE32(b, t+4); ui != 0 {
			nd.Printf(", Reconnect Timeout: %dms", ui)
		}
		if ui := getBE32(b, t+8); ui != 0 {
			nd.Printf(", Recovery Time: %dms", ui)
		}
	case ldpTLVMTU:
		if !need(2) {
			return done
		}
		nd.Printf("\n\t      MTU: %d", getBE16(b, t))
	default:
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, t, "\n\t      ", int(tlen))
		}
	}
	return done
}

// ldpFECPrint prints a FEC TLV's element.
func (nd *ND) ldpFECPrint(b []byte, t int, tlen uint16, done int) int {
	fec := getU8(b, t)
	nd.Printf("\n\t      %s FEC (0x%02x)", tok2strNoAlloc(ldpFECNames, "Unknown", uint32(fec)), fec)
	t++
	tlen--
	// needNow is TLV_TCHECK against the length as it is counted down.
	needNow := func(min uint16) bool {
		if tlen < min {
			nd.Printf(" [tlv length %d < %d]", tlen, min)
			nd.PrintInvalid()
			return false
		}
		return true
	}
	switch fec {
	case 2:
		if !needNow(2) {
			return done
		}
		af := getBE16(b, t)
		t += 2
		tlen -= 2
		var buf bgpBuf
		switch af {
		case afIPv4:
			switch nd.bgpDecodePrefix4(b, t, int(tlen), &buf) {
			case -2:
				trunc()
			case -1:
				nd.Print(": IPv4 prefix (invalid length)")
			default:
				nd.Print(": IPv4 prefix " + buf.String())
			}
		case afIPv6:
			switch nd.bgpDecodePrefix6(b, t, int(tlen), &buf) {
			case -2:
				trunc()
			case -1:
				nd.Print(": IPv6 prefix (invalid length)")
			default:
				nd.Print(": IPv6 prefix " + buf.String())
			}
		default:
			nd.Printf(": Address family %d prefix", af)
		}
	case 0x80:
		if !needNow(7) {
			return done
		}
		infoLen := int(getU8(b, t+2))
		pw := getBE16(b, t)
		cw := "no "
		if pw&0x8000 != 0 {
			cw = ""
		}
		pwName := tok2strNoAlloc(ldpPWTypeNames, "Unknown", uint32(pw&0x7fff))
		if infoLen == 0 {
			nd.Printf(": %s, %scontrol word, group-ID %d, VC-info-length: %d", pwName, cw, getBE32(b, t+3), infoLen)
			return done
		}
		if !needNow(11) {
			return done
		}
		nd.Printf(": %s, %scontrol word, group-ID %d, VC-ID %d, VC-info-length: %d", pwName, cw, getBE32(b, t+3), getBE32(b, t+7), infoLen)
		if infoLen < 4 {
			nd.Print(" (invalid, < 4")
			return done
		}
		infoLen -= 4
		t += 11
		tlen -= 11
		if !needNow(uint16(infoLen)) {
			return done
		}
		for infoLen > 2 {
			ptype, plen := getU8(b, t), int(getU8(b, t+1))
			if plen < 2 || infoLen < plen {
				break
			}
			nd.Printf("\n\t\tInterface Parameter: %s (0x%02x), len %d", tok2strNoAlloc(ldpIfParamNames, "Unknown", uint32(ptype)), ptype, plen)
			switch ptype {
			case 1:
				nd.Printf(": %d", getBE16(b, t+2))
			case 3:
				nd.Print(": ")
				for i := 2; i < plen; i++ {
					nd.printChar(getU8(b, t+i))
				}
			case 0x0c:
				cc := getU8(b, t+2)
				nd.Printf("\n\t\t  Control Channels (0x%02x) = [%s]", cc, bittok2str(ldpVCCVCCNames, "none", uint32(cc)))
				cv := getU8(b, t+3)
				nd.Printf("\n\t\t  CV Types (0x%02x) = [%s]", cv, bittok2str(ldpVCCVCVNames, "none", uint32(cv)))
			default:
				unknownDataPrint(nd, b, t+2, "\n\t\t  ", plen-2)
			}
			infoLen -= plen
			t += plen
		}
	}
	return done
}
