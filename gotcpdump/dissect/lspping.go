package dissect

// MPLS LSP ping and traceroute (RFC 4379, tcpdump's print-lspping.c):
// the common header, then TLVs; the Target FEC Stack's sub-TLVs and the
// Downstream Mapping's addresses are decoded, the rest is dumped.

func init() {
	registerUDPPort("mpls-lsp-ping", lsppingPortPrint, 3503)
}

const (
	lsppingHdrLen    = 32
	lsppingTLVHdrLen = 4

	lsppingTLVTargetFEC      = 1
	lsppingTLVDownstreamMap  = 2
	lsppingTLVVendor         = 5
	lsppingTLVBFDDiscrim     = 15
	lsppingDownstreamHdrLen  = 4 // MTU, address type, flags
	lsppingDownstreamInfoLen = 4 // multipath type, depth limit, multipath length
)

var (
	lsppingMsgTypes   = []tok{{1, "MPLS Echo Request"}, {2, "MPLS Echo Reply"}}
	lsppingReplyModes = []tok{
		{1, "Do not reply"}, {2, "Reply via an IPv4/IPv6 UDP packet"},
		{3, "Reply via an IPv4/IPv6 UDP packet with Router Alert"},
		{4, "Reply via application level control channel"},
	}
	lsppingReturnCodes = []tok{
		{0, "No return code or return code contained in the Error Code TLV"},
		{1, "Malformed echo request received"},
		{2, "One or more of the TLVs was not understood"},
		{3, "Replying router is an egress for the FEC at stack depth"},
		{4, "Replying router has no mapping for the FEC at stack depth"},
		{5, "Reserved"}, {6, "Reserved"}, {7, "Reserved"},
		{8, "Label switched at stack-depth"},
		{9, "Label switched but no MPLS forwarding at stack-depth"},
		{10, "Mapping for this FEC is not the given label at stack depth"},
		{11, "No label entry at stack-depth"},
		{12, "Protocol not associated with interface at FEC stack depth"},
		{13, "Premature termination of ping due to label stack shrinking to a single label"},
	}
	lsppingTLVNames = []tok{
		{lsppingTLVTargetFEC, "Target FEC Stack"}, {lsppingTLVDownstreamMap, "Downstream Mapping"},
		{3, "Pad"}, {9, "Error Code"}, {lsppingTLVVendor, "Vendor Enterprise Code"},
		{7, "Interface Label Stack"}, {10, "Reply TOS Byte"},
		{lsppingTLVBFDDiscrim, "BFD Discriminator"}, {0xfc00, "Vendor Private Code"},
	}
	lsppingFECNames = []tok{
		{1, "LDP IPv4 prefix"}, {2, "LDP IPv6 prefix"}, {3, "RSVP IPv4 Session Query"},
		{4, "RSVP IPv6 Session Query"}, {5, "Reserved"}, {6, "VPN IPv4 prefix"},
		{7, "VPN IPv6 prefix"}, {8, "L2 VPN endpoint"}, {9, "FEC 128 pseudowire (old)"},
		{10, "FEC 128 pseudowire"}, {12, "BGP labeled IPv4 prefix"}, {13, "BGP labeled IPv6 prefix"},
	}
	lsppingDownstreamAddrNames = []tok{{1, "IPv4"}, {2, "Unnumbered IPv4"}, {3, "IPv6"}, {4, "IPv6"}}
)

// lsppingReturnCodesWithSubcode are the return codes whose text ends
// with the stack depth, which is the subcode.
var lsppingReturnCodesWithSubcode = map[uint8]bool{3: true, 4: true, 8: true, 10: true, 11: true, 12: true}

// lsppingFEC describes a Target FEC sub-TLV: the length it must have and
// the printer of its value.
type lsppingFEC struct {
	length int
	print  func(nd *ND, b []byte, off int)
}

var lsppingFECs = map[uint16]lsppingFEC{
	1:  {5, lsppingPrefix4},
	2:  {17, lsppingPrefix6},
	3:  {20, lsppingRSVP4},
	4:  {56, lsppingRSVP6},
	6:  {13, lsppingVPN4},
	7:  {25, lsppingVPN6},
	8:  {14, lsppingL2VPNEndpoint},
	9:  {10, lsppingFEC128Old},
	10: {14, lsppingFEC128},
	12: {5, lsppingPrefix4},
	13: {17, lsppingPrefix6},
}

// lsppingDownstream describes the address part of a Downstream Mapping
// TLV by address type: its length and its printer.
type lsppingDownstream struct {
	length int
	print  func(nd *ND, b []byte, off int)
}

var lsppingDownstreams = map[uint8]lsppingDownstream{
	1: {12, func(nd *ND, b []byte, off int) { lsppingDownstreamPrint(nd, b, off, 4, true) }},
	2: {12, func(nd *ND, b []byte, off int) { lsppingDownstreamPrint(nd, b, off, 4, false) }},
	3: {36, func(nd *ND, b []byte, off int) { lsppingDownstreamPrint(nd, b, off, 16, true) }},
	4: {24, func(nd *ND, b []byte, off int) { lsppingDownstreamPrint(nd, b, off, 16, false) }},
}

func lsppingPortPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	lsppingPrint(nd, b, length)
}

// lsppingPrint prints an LSP ping message of length bytes.
func lsppingPrint(nd *ND, b []byte, length int) {
	nd.SetProto("lspping")
	if length < lsppingHdrLen {
		nd.Print("\n\t\t packet is too short")
		return
	}
	tcheck(b, 0, lsppingHdrLen)
	if v := getBE16(b, 0); v != 1 {
		nd.Printf("LSP-PING version %d packet not supported", v)
		return
	}
	msgType := uint32(getU8(b, 4))
	if nd.Verbose < 1 {
		nd.Printf("LSP-PINGv1, %s, seq %d, length: %d",
			tok2str(lsppingMsgTypes, "unknown (%d)", msgType), getBE32(b, 12), uint32(length))
		return
	}
	replyMode := uint32(getU8(b, 5))
	nd.Printf("\n\tLSP-PINGv1, msg-type: %s (%d), length: %d\n\t  reply-mode: %s (%d)",
		tok2str(lsppingMsgTypes, "unknown", msgType), msgType, uint32(length),
		tok2str(lsppingReplyModes, "unknown", replyMode), replyMode)
	code, subcode := getU8(b, 6), getU8(b, 7)
	nd.Printf("\n\t  Return Code: %s", tok2str(lsppingReturnCodes, "unknown", uint32(code)))
	if lsppingReturnCodesWithSubcode[code] {
		nd.Printf(" %d", subcode)
	}
	nd.Printf(" (%d)\n\t  Return Subcode: (%d)", code, subcode)
	nd.Printf("\n\t  Sender Handle: 0x%08x, Sequence: %d", getBE32(b, 8), getBE32(b, 12))
	nd.Print("\n\t  Sender Timestamp: ")
	ntpTimestamp(nd, b, 16)
	nd.Print(" Receiver Timestamp: ")
	if getBE32(b, 24) != 0 || getBE32(b, 28) != 0 {
		ntpTimestamp(nd, b, 24)
	} else {
		nd.Print("no timestamp")
	}

	off := lsppingHdrLen
	tlen := length - lsppingHdrLen
	for tlen != 0 {
		if tlen < lsppingTLVHdrLen {
			nd.Print("\n\t\t packet is too short")
			return
		}
		typ, tlvLen := getBE16(b, off), int(getBE16(b, off+2))
		nd.Printf("\n\t  %s TLV (%d), length: %d", tok2str(lsppingTLVNames, "Unknown", uint32(typ)), typ, tlvLen)
		if tlvLen == 0 {
			off += lsppingTLVHdrLen
			tlen -= lsppingTLVHdrLen
			continue
		}
		if tlen < tlvLen+lsppingTLVHdrLen {
			nd.Print("\n\t\t packet is too short")
			return
		}
		val := off + lsppingTLVHdrLen
		tcheck(b, val, tlvLen)
		if !lsppingTLVPrint(nd, b, typ, val, tlvLen) {
			return
		}
		// TLVs are padded to four bytes.
		if tlvLen%4 != 0 {
			tlvLen += 4 - tlvLen%4
			if tlen < tlvLen+lsppingTLVHdrLen {
				nd.Print("\n\t\t packet is too short")
				return
			}
		}
		off += tlvLen + lsppingTLVHdrLen
		tlen -= tlvLen + lsppingTLVHdrLen
	}
}

// lsppingTLVPrint prints the value of a TLV of type typ at b[val:] of
// tlvLen bytes, and its dump with -vv or where tcpdump falls back to
// one. It reports false when printing the message must stop.
func lsppingTLVPrint(nd *ND, b []byte, typ uint16, val, tlvLen int) bool {
	hexdump := false
	switch typ {
	case lsppingTLVTargetFEC:
		var ok bool
		hexdump, ok = lsppingFECStackPrint(nd, b, val, tlvLen)
		if !ok {
			return false
		}
	case lsppingTLVDownstreamMap:
		hexdump = true
		if tlvLen < lsppingDownstreamHdrLen {
			nd.Print("\n\t      TLV is too short")
			break
		}
		tcheck(b, val, lsppingDownstreamHdrLen)
		addrType := getU8(b, val+2)
		nd.Printf("\n\t    MTU: %d, Address-Type: %s (%d)", getBE16(b, val),
			tok2str(lsppingDownstreamAddrNames, "unknown", uint32(addrType)), addrType)
		rest := tlvLen
		if d, ok := lsppingDownstreams[addrType]; ok {
			if rest < d.length {
				nd.Print("\n\t      TLV is too short")
				break
			}
			tcheck(b, val, d.length)
			d.print(nd, b, val)
			rest -= d.length
		}
		if rest < lsppingDownstreamInfoLen {
			nd.Print("\n\t      TLV is too short")
		}
	case lsppingTLVBFDDiscrim:
		if tlvLen < 4 {
			nd.Print("\n\t      TLV is too short")
			hexdump = true
			break
		}
		nd.Printf("\n\t    BFD Discriminator 0x%08x", getBE32(b, val))
	case lsppingTLVVendor:
		if tlvLen < 4 {
			nd.Print("\n\t      TLV is too short")
			hexdump = true
			break
		}
		vendor := getBE32(b, val)
		nd.Printf("\n\t    Vendor: %s (0x%04x)", tok2str(smiEnterprises, "Unknown", vendor), vendor)
	default:
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, val, "\n\t    ", tlvLen)
		}
	}
	if nd.Verbose > 1 || hexdump {
		unknownDataPrint(nd, b, val, "\n\t    ", tlvLen)
	}
	return true
}

// lsppingFECStackPrint prints the sub-TLVs of a Target FEC Stack TLV. It
// reports whether the TLV must be dumped, and false in ok when printing
// the message must stop.
func lsppingFECStackPrint(nd *ND, b []byte, off, tlen int) (hexdump, ok bool) {
	for tlen != 0 {
		if tlen < lsppingTLVHdrLen {
			nd.Print("\n\t      TLV is too short")
			return true, true
		}
		typ, subLen := getBE16(b, off), int(getBE16(b, off+2))
		if tlen < subLen+lsppingTLVHdrLen {
			nd.Print("\n\t      TLV is too short")
			return true, true
		}
		val := off + lsppingTLVHdrLen
		tcheck(b, val, subLen)
		nd.Printf("\n\t    %s subTLV (%d), length: %d", tok2str(lsppingFECNames, "Unknown", uint32(typ)), typ, subLen)
		subHexdump := true
		if fec, known := lsppingFECs[typ]; known {
			if subLen != fec.length {
				nd.Printf("\n\t      invalid subTLV length, should be %d", fec.length)
			} else {
				fec.print(nd, b, val)
				subHexdump = false
			}
		}
		if nd.Verbose > 1 || subHexdump {
			unknownDataPrint(nd, b, val, "\n\t      ", subLen)
		}
		// Sub-TLVs are padded to four bytes.
		if subLen%4 != 0 {
			subLen += 4 - subLen%4
			if tlen < subLen+lsppingTLVHdrLen {
				nd.Print("\n\t\t TLV is too short")
				return false, false
			}
		}
		// tcpdump steps over the value but not the sub-TLV header: the
		// next header is read 4 bytes early.
		off += subLen
		tlen -= subLen + lsppingTLVHdrLen
	}
	return false, true
}

func lsppingPrefix4(nd *ND, b []byte, off int) {
	nd.Print("\n\t      ")
	nd.PrintIPAddr(b, off)
	nd.Printf("/%d", getU8(b, off+4))
}

func lsppingPrefix6(nd *ND, b []byte, off int) {
	nd.Print("\n\t      ")
	nd.PrintIP6Addr(b, off)
	nd.Printf("/%d", getU8(b, off+16))
}

// lsppingRSVP prints an RSVP session query whose addresses are alen
// bytes long.
func lsppingRSVP(nd *ND, b []byte, off, alen int) {
	addr := nd.PrintIPAddr
	if alen == 16 {
		addr = nd.PrintIP6Addr
	}
	nd.Print("\n\t      tunnel end-point ")
	addr(b, off)
	nd.Print(", tunnel sender ")
	addr(b, off+2*alen+4)
	nd.Printf(", lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id ",
		getBE16(b, off+3*alen+6), getBE16(b, off+alen+2))
	addr(b, off+alen+4)
}

func lsppingRSVP4(nd *ND, b []byte, off int) { lsppingRSVP(nd, b, off, 4) }
func lsppingRSVP6(nd *ND, b []byte, off int) { lsppingRSVP(nd, b, off, 16) }

func lsppingVPN4(nd *ND, b []byte, off int) {
	nd.Printf("\n\t      RD: %s, ", bgpRDText(nd, b, off))
	nd.PrintIPAddr(b, off+8)
	nd.Printf("/%d", getU8(b, off+12))
}

func lsppingVPN6(nd *ND, b []byte, off int) {
	nd.Printf("\n\t      RD: %s, ", bgpRDText(nd, b, off))
	nd.PrintIP6Addr(b, off+8)
	nd.Printf("/%d", getU8(b, off+24))
}

func lsppingL2VPNEndpoint(nd *ND, b []byte, off int) {
	encaps := uint32(getBE16(b, off+12))
	nd.Printf("\n\t      RD: %s, Sender VE ID: %d, Receiver VE ID: %d\n\t      Encapsulation Type: %s (%d)",
		bgpRDText(nd, b, off), getBE16(b, off+8), getBE16(b, off+10),
		tok2str(mplsPWTypes, "unknown", encaps), encaps)
}

func lsppingFEC128Old(nd *ND, b []byte, off int) {
	nd.Print("\n\t      Remote PE: ")
	nd.PrintIPAddr(b, off)
	lsppingPWPrint(nd, b, off+4)
}

func lsppingFEC128(nd *ND, b []byte, off int) {
	nd.Print("\n\t      Sender PE: ")
	nd.PrintIPAddr(b, off)
	nd.Print(", Remote PE: ")
	nd.PrintIPAddr(b, off+4)
	lsppingPWPrint(nd, b, off+8)
}

// lsppingPWPrint prints a pseudowire ID and type.
func lsppingPWPrint(nd *ND, b []byte, off int) {
	pwType := uint32(getBE16(b, off+4))
	nd.Printf("\n\t      PW ID: 0x%08x, PW Type: %s (%d)", getBE32(b, off),
		tok2str(mplsPWTypes, "unknown", pwType), pwType)
}

// lsppingDownstreamPrint prints a Downstream Mapping's addresses of alen
// bytes; numbered interfaces have an address, unnumbered ones an index.
func lsppingDownstreamPrint(nd *ND, b []byte, off, alen int, numbered bool) {
	addr := nd.PrintIPAddr
	if alen == 16 {
		addr = nd.PrintIP6Addr
	}
	nd.Print("\n\t    Downstream IP: ")
	addr(b, off+4)
	if numbered {
		nd.Print("\n\t    Downstream Interface IP: ")
		addr(b, off+4+alen)
		return
	}
	nd.Printf("\n\t    Downstream Interface Index: 0x%08x", getBE32(b, off+4+alen))
}
