package dissect

import (
	"bytes"
	"fmt"
	"math"
)

// BGP-4 (RFC 4271, tcpdump's print-bgp.c): ": BGP", and with -v every
// message of the segment: OPEN with its capabilities, UPDATE with its
// path attributes and NLRI (bgp_nlri.go), NOTIFICATION, KEEPALIVE and
// ROUTE-REFRESH.

func init() {
	registerTCPPort("bgp", bgpPrint, 179)
}

const (
	bgpHdrLen       = 19
	bgpOpenLen      = 29
	bgpNotifyLen    = 21
	bgpRefreshLen   = 23
	bgpOptHdrLen    = 2
	bgpCapHdrLen    = 2
	bgpMPNLRIMin    = 3
	bgpVPNRDLen     = 8
	bgpMsgOpen      = 1
	bgpMsgUpdate    = 2
	bgpMsgNotify    = 3
	bgpMsgKeepalive = 4
	bgpMsgRefresh   = 5
)

var bgpMsgNames = []tok{
	{bgpMsgOpen, "Open"}, {bgpMsgUpdate, "Update"}, {bgpMsgNotify, "Notification"},
	{bgpMsgKeepalive, "Keepalive"}, {bgpMsgRefresh, "Route Refresh"},
}

// Path attribute types.
const (
	bgpAttrOrigin         = 1
	bgpAttrASPath         = 2
	bgpAttrNextHop        = 3
	bgpAttrMED            = 4
	bgpAttrLocalPref      = 5
	bgpAttrAtomicAgg      = 6
	bgpAttrAggregator     = 7
	bgpAttrCommunities    = 8
	bgpAttrOriginatorID   = 9
	bgpAttrClusterList    = 10
	bgpAttrMPReach        = 14
	bgpAttrMPUnreach      = 15
	bgpAttrExtCommunity   = 16
	bgpAttrAS4Path        = 17
	bgpAttrAggregator4    = 18
	bgpAttrPMSITunnel     = 22
	bgpAttrAIGP           = 26
	bgpAttrLargeCommunity = 32
	bgpAttrAttrSet        = 128
)

var bgpAttrNames = []tok{
	{bgpAttrOrigin, "Origin"}, {bgpAttrASPath, "AS Path"}, {bgpAttrAS4Path, "AS4 Path"},
	{bgpAttrNextHop, "Next Hop"}, {bgpAttrMED, "Multi Exit Discriminator"},
	{bgpAttrLocalPref, "Local Preference"}, {bgpAttrAtomicAgg, "Atomic Aggregate"},
	{bgpAttrAggregator, "Aggregator"}, {bgpAttrAggregator4, "Aggregator4"},
	{bgpAttrCommunities, "Community"}, {bgpAttrOriginatorID, "Originator ID"},
	{bgpAttrClusterList, "Cluster List"}, {11, "DPA"}, {12, "Advertisers"},
	{13, "RCID Path / Cluster ID"}, {bgpAttrMPReach, "Multi-Protocol Reach NLRI"},
	{bgpAttrMPUnreach, "Multi-Protocol Unreach NLRI"}, {bgpAttrExtCommunity, "Extended Community"},
	{bgpAttrPMSITunnel, "PMSI Tunnel"}, {23, "Tunnel Encapsulation"}, {24, "Traffic Engineering"},
	{25, "IPv6 Extended Community"}, {bgpAttrAIGP, "Accumulated IGP Metric"},
	{27, "PE Distinguisher Label"}, {28, "Entropy Label"}, {bgpAttrLargeCommunity, "Large Community"},
	{bgpAttrAttrSet, "Attribute Set"}, {255, "Reserved for development"},
}

var (
	bgpASSegOpen  = []tok{{2, ""}, {1, "{ "}, {3, "( "}, {4, "({ "}}
	bgpASSegClose = []tok{{2, ""}, {1, "}"}, {3, ")"}, {4, "})"}}
	bgpOptNames   = []tok{{1, "Authentication Information"}, {2, "Capabilities Advertisement"}}
)

// Capability codes.
const (
	bgpCapMP       = 1
	bgpCapRR       = 2
	bgpCapML       = 8
	bgpCapRestart  = 64
	bgpCapAS4      = 65
	bgpCapAddPath  = 69
	bgpCapLLGR     = 71
	bgpCapRRCisco  = 128
	bgpNotifyCease = 6
)

var bgpCapNames = []tok{
	{bgpCapMP, "Multiprotocol Extensions"}, {bgpCapRR, "Route Refresh"},
	{3, "Cooperative Route Filtering"}, {4, "Multiple Routes to a Destination"},
	{5, "Extended Next Hop Encoding"}, {bgpCapML, "Multiple Labels"},
	{bgpCapRestart, "Graceful Restart"}, {bgpCapAS4, "32-Bit AS Number"},
	{67, "Dynamic Capability"}, {68, "Multisession BGP"}, {bgpCapAddPath, "Multiple Paths"},
	{70, "Enhanced Route Refresh"}, {bgpCapLLGR, "Long-lived Graceful Restart"},
	{bgpCapRRCisco, "Route Refresh (Cisco)"},
}

var bgpNotifyMajors = []tok{
	{1, "Message Header Error"}, {2, "OPEN Message Error"}, {3, "UPDATE Message Error"},
	{4, "Hold Timer Expired"}, {5, "Finite State Machine Error"}, {bgpNotifyCease, "Cease"},
	{7, "Capability Message Error"},
}

// bgpNotifyMinors names subcodes by major code, with the separator
// tcpdump puts before "subcode" (a space only, for FSM and capability
// errors).
var bgpNotifyMinors = map[uint8]struct {
	sep   string
	names []tok
}{
	1: {", ", []tok{{1, "Connection Not Synchronized"}, {2, "Bad Message Length"}, {3, "Bad Message Type"}}},
	2: {", ", []tok{
		{1, "Unsupported Version Number"}, {2, "Bad Peer AS"}, {3, "Bad BGP Identifier"},
		{4, "Unsupported Optional Parameter"}, {5, "Authentication Failure"},
		{6, "Unacceptable Hold Time"}, {7, "Capability Message Error"},
	}},
	3: {", ", []tok{
		{1, "Malformed Attribute List"}, {2, "Unrecognized Well-known Attribute"},
		{3, "Missing Well-known Attribute"}, {4, "Attribute Flags Error"},
		{5, "Attribute Length Error"}, {6, "Invalid ORIGIN Attribute"}, {7, "AS Routing Loop"},
		{8, "Invalid NEXT_HOP Attribute"}, {9, "Optional Attribute Error"},
		{10, "Invalid Network Field"}, {11, "Malformed AS_PATH"},
	}},
	5: {" ", []tok{{0, "Unspecified Error"}, {1, "In OpenSent State"}, {2, "In OpenConfirm State"}, {3, "In Established State"}}},
	7: {" ", []tok{{1, "Invalid Action Value"}, {2, "Invalid Capability Length"}, {3, "Malformed Capability Value"}, {4, "Unsupported Capability Code"}}},
	bgpNotifyCease: {", ", []tok{
		{1, "Maximum Number of Prefixes Reached"}, {2, "Administrative Shutdown"},
		{3, "Peer Unconfigured"}, {4, "Administrative Reset"}, {5, "Connection Rejected"},
		{6, "Other Configuration Change"}, {7, "Connection Collision Resolution"},
	}},
}

var (
	bgpOrigins    = []tok{{0, "IGP"}, {1, "EGP"}, {2, "Incomplete"}}
	bgpPMSITunnel = []tok{
		{1, "RSVP-TE P2MP LSP"}, {2, "LDP P2MP LSP"}, {3, "PIM-SSM Tree"}, {4, "PIM-SM Tree"},
		{5, "PIM-Bidir Tree"}, {6, "Ingress Replication"}, {7, "LDP MP2MP LSP"},
	}
	bgpAIGPTypes       = []tok{{1, "AIGP"}}
	bgpAddPathRecvSend = []tok{{1, "Receive"}, {2, "Send"}, {3, "Both"}}
	bgpExtCommFlags    = []tok{{0x8000, "vendor-specific"}, {0x4000, "non-transitive"}}
	bgpExtCommTypes    = []tok{
		{0x0002, "target"}, {0x0102, "target"}, {0x0202, "target"},
		{0x0003, "origin"}, {0x0103, "origin"}, {0x0203, "origin"},
		{0x4004, "link-BW"}, {0x0005, "ospf-domain"}, {0x0105, "ospf-domain"},
		{0x0205, "ospf-domain"}, {0x8005, "ospf-domain"}, {0x0306, "ospf-route-type"},
		{0x8000, "ospf-route-type"}, {0x030c, "encapsulation"}, {0x0107, "ospf-router-id"},
		{0x8001, "ospf-router-id"}, {0x800a, "layer2-info"},
		{0x8800, "eigrp-general-route (flag, tag)"},
		{0x8801, "eigrp-route-metric (AS, delay)"},
		{0x8802, "eigrp-route-metric (reliability, nexthop, bandwidth)"},
		{0x8803, "eigrp-route-metric (load, MTU)"},
		{0x8804, "eigrp-external-route (remote-AS, remote-ID)"},
		{0x8805, "eigrp-external-route (remote-proto, remote-metric)"},
		{0x0009, "source-AS"}, {0x010b, "vrf-route-import"}, {0x000a, "l2vpn-id"},
		{0xf10a, "l2vpn-id"},
	}
	bgpEncapTunnels = []tok{
		{1, "L2TPv3 over IP"}, {2, "GRE"}, {3, "Transmit Tunnel"}, {4, "IPsec"},
		{5, "IP in IP with IPsec"}, {6, "MPLS in IP with IPsec"}, {7, "IP in IP"},
		{8, "VXLAN"}, {9, "NVGRE"}, {10, "MPLS"}, {11, "MPLS in GRE"}, {12, "VXLAN GPE"},
		{13, "MPLS in UDP"}, {14, "IPv6"}, {15, "SR TE"}, {16, "Bare"}, {17, "SR"},
	}
	bgpOSPFRouteTypes = []tok{
		{1, "Router"}, {2, "Network"}, {3, "Summary"}, {5, "External"}, {7, "NSSA External"},
		{129, "MPLS-VPN Sham"},
	}
	bgpL2Encaps = []tok{
		{0, "Reserved"}, {1, "Frame Relay"}, {2, "ATM AAL5 SDU VCC transport"},
		{3, "ATM transparent cell transport"}, {4, "Ethernet (VLAN) Tagged Mode"},
		{5, "Ethernet Raw Mode"}, {6, "Cisco HDLC"}, {7, "PPP"},
		{8, "SONET/SDH Circuit Emulation Service over MPLS"},
		{9, "ATM n-to-one VCC cell transport"}, {10, "ATM n-to-one VPC cell transport"},
		{11, "IP layer 2 transport"}, {15, "Frame Relay Port mode"},
		{17, "Structure-agnostic E1 over packet"}, {18, "Structure-agnostic T1 (DS1) over packet"},
		{19, "VPLS"}, {20, "Structure-agnostic T3 (DS3) over packet"},
		{21, "Nx64kbit/s Basic Service using Structure-aware"}, {25, "Frame Relay DLCI"},
	}
)

var bgpMarker = bytes.Repeat([]byte{0xff}, 16)

// bgpPrint prints ": BGP" and, with -v, the messages found in the
// segment by their marker.
func bgpPrint(nd *ND, b []byte, _ int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("bgp")
	nd.Print(": BGP")
	if nd.Verbose < 1 {
		return
	}
	start := 0
	for p := 0; p < len(b); {
		if b[p] != 0xff {
			p++
			continue
		}
		if !ttest(b, p, 16) {
			break
		}
		if !bytes.Equal(b[p:p+16], bgpMarker) {
			p++
			continue
		}
		tcheck(b, p, bgpHdrLen)
		if start != p {
			nd.PrintTrunc()
		}
		hlen := int(getBE16(b, p+16))
		if hlen < bgpHdrLen {
			nd.Printf("\nmessage length %d < %d", hlen, bgpHdrLen)
			nd.PrintInvalid()
			break
		}
		if !ttest(b, p, hlen) {
			nd.Printf("\n[|BGP %s]", tok2strNoAlloc(bgpMsgNames, "Unknown Message Type", uint32(b[p+18])))
			break
		}
		if !nd.bgpPDUPrint(b[p:], hlen) {
			return
		}
		p += hlen
		start = p
	}
}

func (nd *ND) bgpPDUPrint(b []byte, length int) bool {
	typ := getU8(b, 18)
	nd.Printf("\n\t%s Message (%d), length: %d", tok2strNoAlloc(bgpMsgNames, "Unknown", uint32(typ)), typ, length)
	switch typ {
	case bgpMsgOpen:
		nd.bgpOpenPrint(b, length)
	case bgpMsgUpdate:
		nd.bgpUpdatePrint(b, length)
	case bgpMsgNotify:
		nd.bgpNotificationPrint(b, length)
	case bgpMsgKeepalive:
	case bgpMsgRefresh:
		nd.bgpRouteRefreshPrint(b, length)
	default:
		nd.Printf("\n\t  no Message %d decoder", typ)
		unknownDataPrint(nd, b, 0, "\n\t  ", length)
	}
	return true
}

func (nd *ND) bgpOpenPrint(b []byte, length int) {
	if !ttest(b, 0, bgpOpenLen) || length < bgpOpenLen {
		nd.PrintTrunc()
		return
	}
	nd.Printf("\n\t  Version %d, ", b[19])
	nd.Printf("my AS %s, ", nd.asText(uint32(getBE16(b, 20))))
	nd.Printf("Holdtime %ds, ", getBE16(b, 22))
	nd.Printf("ID %s", nd.getIP4(b, 24))
	optslen := int(b[28])
	nd.Printf("\n\t  Optional parameters, length: %d", optslen)
	opt := bgpOpenLen
	length -= bgpOpenLen
	for i := 0; i < optslen; {
		if !ttest(b, opt+i, bgpOptHdrLen) || length < bgpOptHdrLen+i {
			nd.PrintTrunc()
			return
		}
		typ, olen := b[opt+i], int(b[opt+i+1])
		if bgpOptHdrLen+i+olen > optslen {
			nd.Printf("\n\t     Option %d, length: %d, goes past the end of the options", typ, olen)
			break
		}
		nd.Printf("\n\t    Option %s (%d), length: %d", tok2strNoAlloc(bgpOptNames, "Unknown", uint32(typ)), typ, olen)
		if typ == 2 {
			nd.bgpCapabilitiesPrint(b, opt+bgpOptHdrLen+i, olen)
		} else {
			nd.Printf("\n\t      no decoder for option %d", typ)
		}
		i += bgpOptHdrLen + olen
	}
}

// bgpAFISAFIText formats "AFI <name> (n), SAFI <name> (n)".
func bgpAFISAFIText(af uint16, safi uint8) string {
	return fmt.Sprintf("AFI %s (%d), SAFI %s (%d)", tok2strNoAlloc(bgpAFNames, "Unknown", uint32(af)), af,
		tok2strNoAlloc(bgpSAFINames, "Unknown", uint32(safi)), safi)
}

func (nd *ND) bgpCapabilitiesPrint(b []byte, opt, capsLen int) {
	for i := 0; i < capsLen; {
		if !ttest(b, opt+i, bgpCapHdrLen) {
			nd.PrintTrunc()
			return
		}
		typ, clen := b[opt+i], int(b[opt+i+1])
		nd.Printf("\n\t      %s (%d), length: %d", tok2strNoAlloc(bgpCapNames, "Unknown", uint32(typ)), typ, clen)
		if !ttest(b, opt+2+i, clen) {
			nd.PrintTrunc()
			return
		}
		c := opt + i + 2
		switch typ {
		case bgpCapMP:
			if clen < 4 {
				nd.Print(" (too short, < 4)")
				return
			}
			nd.Print("\n\t\t" + bgpAFISAFIText(getBE16(b, c), getU8(b, c+3)))
		case bgpCapML:
			for off, left := c, clen; left >= 4; off, left = off+4, left-4 {
				nd.Printf("\n\t\t%s, Count: %d", bgpAFISAFIText(getBE16(b, off), getU8(b, off+2)), getU8(b, off+3))
			}
		case bgpCapRestart:
			if clen < 2 {
				nd.Print(" (too short, < 2)")
				return
			}
			flags := "none"
			if getU8(b, c)&0x80 != 0 {
				flags = "R"
			}
			nd.Printf("\n\t\tRestart Flags: [%s], Restart Time %ds", flags, getBE16(b, c)&0xfff)
			for off, left := c+2, clen-2; left >= 4; off, left = off+4, left-4 {
				kept := "no"
				if getU8(b, off+3)&0x80 != 0 {
					kept = "yes"
				}
				nd.Printf("\n\t\t  %s, Forwarding state preserved: %s", bgpAFISAFIText(getBE16(b, off), getU8(b, off+2)), kept)
			}
		case bgpCapRR, bgpCapLLGR, bgpCapRRCisco:
		case bgpCapAS4:
			if clen < 4 {
				nd.Print(" (too short, < 4)")
				return
			}
			nd.Printf("\n\t\t 4 Byte AS %s", nd.asText(getBE32(b, c)))
		case bgpCapAddPath:
			if clen == 0 {
				nd.Print(" (bogus)")
				break
			}
			for off, left := c, clen; left != 0; off, left = off+4, left-4 {
				if left < 4 {
					nd.PrintInvalid()
					break
				}
				sr := getU8(b, off+3)
				nd.Printf("\n\t\t%s, Send/Receive: %s", bgpAFISAFIText(getBE16(b, off), getU8(b, off+2)),
					tok2strOr(bgpAddPathRecvSend, "Bogus (0x%02x)", uint32(sr)))
			}
		default:
			nd.Printf("\n\t\tno decoder for Capability %d", typ)
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, c, "\n\t\t", clen)
			}
		}
		if nd.Verbose > 1 && clen != 0 {
			unknownDataPrint(nd, b, c, "\n\t\t", clen)
		}
		i += bgpCapHdrLen + clen
	}
}

// tok2strOr is tok2str with a format for unknown values.
func tok2strOr(toks []tok, unknown string, v uint32) string {
	for _, t := range toks {
		if t.v == v {
			return t.s
		}
	}
	return fmt.Sprintf(unknown, v)
}

// bgpAttrFlagsPrint prints ", Flags [OTPE+x]" for nonzero flags.
func (nd *ND) bgpAttrFlagsPrint(flags uint8) {
	nd.Print(", Flags [")
	for i, c := range "OTPE" {
		if flags&(0x80>>i) != 0 {
			nd.PrintByte(byte(c))
		}
	}
	if flags&0xf != 0 {
		nd.Printf("+%x", flags&0xf)
	}
}

func (nd *ND) bgpUpdatePrint(b []byte, length int) {
	if !ttest(b, 0, bgpHdrLen) || length < bgpHdrLen {
		nd.PrintTrunc()
		return
	}
	p := bgpHdrLen
	length -= bgpHdrLen
	if !ttest(b, p, 2) || length < 2 {
		nd.PrintTrunc()
		return
	}
	wlen := int(getBE16(b, p))
	p += 2
	length -= 2
	if !ttest(b, p, wlen) || length < wlen {
		nd.PrintTrunc()
		return
	}
	if wlen > 1 {
		nd.Print("\n\t  Withdrawn routes:")
		addPath := bgpCheckAddPath(b, p, wlen, 32)
		for wlen != 0 {
			var pathID uint32
			if addPath {
				if wlen < 4 {
					p += wlen
					length -= wlen
					break
				}
				pathID = getBE32(b, p)
				p += 4
				length -= 4
				wlen -= 4
			}
			n := nd.bgpPrefix4Print(b, p, wlen, addPath, pathID)
			if n == -1 {
				break
			}
			if n == -2 {
				return
			}
			p += n
			length -= n
			wlen -= n
		}
	} else {
		p += wlen
		length -= wlen
	}

	if !ttest(b, p, 2) || length < 2 {
		nd.PrintTrunc()
		return
	}
	alen := int(getBE16(b, p))
	p += 2
	length -= 2
	if wlen == 0 && alen == 0 && length == 0 {
		nd.Print("\n\t  End-of-Rib Marker (empty NLRI)")
		return
	}
	if alen != 0 {
		if length < alen {
			nd.PrintTrunc()
			return
		}
		for alen != 0 {
			if !ttest(b, p, 2) || length < 2 {
				nd.PrintTrunc()
				return
			}
			if alen < 2 {
				nd.Print("\n\t  [path attrs too short]")
				p += alen
				length -= alen
				break
			}
			flags, typ := b[p], b[p+1]
			p += 2
			alen -= 2
			length -= 2
			lenlen := 1
			if flags&0x10 != 0 {
				lenlen = 2
			}
			if !ttest(b, p, lenlen) || length < lenlen {
				nd.PrintTrunc()
				return
			}
			if alen < lenlen {
				nd.Print("\n\t  [path attrs too short]")
				p += alen
				length -= alen
				break
			}
			attrLen := int(b[p])
			if lenlen == 2 {
				attrLen = int(getBE16(b, p))
			}
			p += lenlen
			alen -= lenlen
			length -= lenlen
			nd.Printf("\n\t  %s (%d), length: %d", tok2strNoAlloc(bgpAttrNames, "Unknown Attribute", uint32(typ)), typ, attrLen)
			if flags != 0 {
				nd.bgpAttrFlagsPrint(flags)
				nd.Print("]: ")
			}
			if alen < attrLen {
				nd.Print(" [path attrs too short]")
				p += alen
				length -= alen
				break
			}
			if length < attrLen || !nd.bgpAttrPrint(typ, b, p, attrLen, 0) {
				nd.PrintTrunc()
				return
			}
			p += attrLen
			alen -= attrLen
			length -= attrLen
		}
	}
	if length == 0 {
		return
	}
	addPath := bgpCheckAddPath(b, p, length, 32)
	nd.Print("\n\t  Updated routes:")
	for length != 0 {
		var pathID uint32
		if addPath {
			if !ttest(b, p, 4) || length < 4 {
				nd.PrintTrunc()
				return
			}
			pathID = getBE32(b, p)
			p += 4
			length -= 4
		}
		n := nd.bgpPrefix4Print(b, p, length, addPath, pathID)
		if n == -1 {
			break
		}
		if n == -2 {
			return
		}
		p += n
		length -= n
	}
}

// bgpPrefix4Print decodes and prints one IPv4 prefix at b[p:], avail
// bytes long at most, followed by its Path Id when addPath. It returns
// the bytes used, or -1 after printing an illegal prefix length, or -2
// after printing the truncation mark.
func (nd *ND) bgpPrefix4Print(b []byte, p, avail int, addPath bool, pathID uint32) int {
	var buf bgpBuf
	n := nd.bgpDecodePrefix4(b, p, avail, &buf)
	switch n {
	case -1:
		nd.Print("\n\t    (illegal prefix length)")
	case -2:
		nd.PrintTrunc()
	default:
		nd.Print("\n\t    ")
		nd.Print(buf.String())
		if addPath {
			nd.Printf("   Path Id: %d", pathID)
		}
	}
	return n
}

// bgpASSize guesses whether an AS path holds 2- or 4-byte AS numbers:
// 2 when the segments parse exactly with 2-byte numbers.
func bgpASSize(typ uint8, b []byte, off, length int) int {
	if typ == bgpAttrAS4Path {
		return 4
	}
	p := off
	for p < off+length {
		if !ttest(b, p, 2) {
			return 4
		}
		if seg := b[p]; seg < 1 || seg > 4 {
			return 4
		}
		p += 2 + int(b[p+1])*2
	}
	if p == off+length {
		return 2
	}
	return 4
}

// bgpAttrPrint prints one path attribute's value; false means the packet
// ran out (the caller prints the marker).
func (nd *ND) bgpAttrPrint(typ uint8, b []byte, off, length int, level int) bool {
	// The -vv dump covers what tcpdump's len still says when the value
	// is done: some decoders count it down as they go.
	dump, ok := nd.bgpAttrValuePrint(typ, b, off, length, level)
	if !ok {
		return false
	}
	if nd.Verbose > 1 && dump != 0 {
		if !ttest(b, off, dump) {
			return false
		}
		unknownDataPrint(nd, b, off, "\n\t    ", dump)
	}
	return true
}

func (nd *ND) bgpAttrValuePrint(typ uint8, b []byte, off, length int, level int) (int, bool) {
	t := off
	tlen := length
	switch typ {
	case bgpAttrOrigin:
		if length != 1 {
			nd.Print("invalid len")
		} else {
			nd.Print(tok2strNoAlloc(bgpOrigins, "Unknown Origin Typecode", uint32(getU8(b, t))))
		}
	case bgpAttrAS4Path, bgpAttrASPath:
		if length%2 != 0 {
			nd.Print("invalid len")
			break
		}
		if length == 0 {
			nd.Print("empty")
			break
		}
		size := bgpASSize(typ, b, off, length)
		for t < off+length {
			seg := getU8(b, t)
			nd.Print(tok2strNoAlloc(bgpASSegOpen, "?", uint32(seg)))
			n := int(getU8(b, t+1))
			for i := 0; i < n*size; i += size {
				if !ttest(b, t+2+i, size) {
					return 0, false
				}
				var as uint32
				if size == 2 {
					as = uint32(getBE16(b, t+i+2))
				} else {
					as = getBE32(b, t+i+2)
				}
				nd.Print(nd.asText(as))
				nd.PrintByte(' ')
			}
			nd.Print(tok2strNoAlloc(bgpASSegClose, "?", uint32(getU8(b, t))))
			t += 2 + int(getU8(b, t+1))*size
		}
	case bgpAttrNextHop, bgpAttrOriginatorID:
		if length != 4 {
			nd.Print("invalid len")
		} else {
			nd.Print(nd.getIP4(b, t))
		}
	case bgpAttrMED, bgpAttrLocalPref:
		if length != 4 {
			nd.Print("invalid len")
		} else {
			nd.PrintUint(uint64(getBE32(b, t)))
		}
	case bgpAttrAtomicAgg:
		if length != 0 {
			nd.Print("invalid len")
		}
	case bgpAttrAggregator:
		if length != 6 && length != 8 {
			nd.Print("invalid len")
			break
		}
		if !ttest(b, t, length) {
			return 0, false
		}
		if length == 6 {
			nd.Printf(" AS #%s, origin %s", nd.asText(uint32(getBE16(b, t))), nd.getIP4(b, t+2))
		} else {
			nd.Printf(" AS #%s, origin %s", nd.asText(getBE32(b, t)), nd.getIP4(b, t+4))
		}
	case bgpAttrAggregator4:
		if length != 8 {
			nd.Print("invalid len")
			break
		}
		as := nd.asText(getBE32(b, t))
		nd.Printf(" AS #%s, origin %s", as, nd.getIP4(b, t+4))
	case bgpAttrCommunities:
		if length%4 != 0 {
			nd.Print("invalid len")
			break
		}
		for ; tlen != 0; tlen, t = tlen-4, t+4 {
			if !ttest(b, t, 4) {
				return 0, false
			}
			comm := getBE32(b, t)
			switch comm {
			case 0xffffff01:
				nd.Print(" NO_EXPORT")
			case 0xffffff02:
				nd.Print(" NO_ADVERTISE")
			case 0xffffff03:
				nd.Print(" NO_EXPORT_SUBCONFED")
			default:
				nd.Printf("%d:%d", comm>>16, comm&0xffff)
				if tlen > 4 {
					nd.Print(", ")
				}
			}
		}
	case bgpAttrClusterList:
		if length%4 != 0 {
			nd.Print("invalid len")
			break
		}
		for ; tlen != 0; tlen, t = tlen-4, t+4 {
			nd.Print(nd.getIP4(b, t))
			if tlen > 4 {
				nd.Print(", ")
			}
		}
	case bgpAttrMPReach:
		return length, nd.bgpMPReachPrint(b, off, length)
	case bgpAttrMPUnreach:
		if !ttest(b, t, bgpMPNLRIMin) {
			return 0, false
		}
		af, safi, ret := nd.bgpMPAFPrint(b, t, tlen)
		if ret == -2 {
			return 0, false
		}
		if ret < 0 {
			break
		}
		if length == bgpMPNLRIMin {
			nd.Print("\n\t      End-of-Rib Marker (empty NLRI)")
		}
		t += 3
		addPath4 := bgpCheckAddPath(b, t, length-(t-off), 32)
		addPath6 := bgpCheckAddPath(b, t, length-(t-off), 128)
		for t < off+length {
			advance := nd.bgpNLRIPrint(af, safi, b, t, length, addPath4, addPath6)
			if advance == -2 {
				return 0, false
			}
			if advance < 0 {
				break
			}
			t += advance
		}
	case bgpAttrExtCommunity:
		if length%8 != 0 {
			nd.Print("invalid len")
			break
		}
		for ; tlen != 0; tlen, t = tlen-8, t+8 {
			if !ttest(b, t, 2) {
				return 0, false
			}
			ec := getBE16(b, t)
			nd.Printf("\n\t    %s (0x%04x), Flags [%s]", tok2strNoAlloc(bgpExtCommTypes, "unknown extd community typecode", uint32(ec)),
				ec, bittok2str(bgpExtCommFlags, "none", uint32(ec)))
			if !ttest(b, t, 8) {
				return 0, false
			}
			nd.Print(": ")
			nd.bgpExtCommunityPrint(b, t)
		}
	case bgpAttrPMSITunnel:
		if !ttest(b, t, 5) {
			return 0, false
		}
		if tlen < 5 {
			return 0, false
		}
		flags, ttype := b[t], b[t+1]
		nd.Printf("\n\t    Tunnel-type %s (%d), Flags [%s], MPLS Label %d",
			tok2strNoAlloc(bgpPMSITunnel, "Unknown", uint32(ttype)), ttype,
			bittok2str([]tok{{1, "Leaf Information required"}}, "none", uint32(flags)), getBE24(b, t+2)>>4)
		t += 5
		tlen -= 5
		switch ttype {
		case 4, 5:
			nd.Printf("\n\t      Sender %s, P-Group %s", nd.getIP4(b, t), nd.getIP4(b, t+4))
		case 3:
			nd.Printf("\n\t      Root-Node %s, P-Group %s", nd.getIP4(b, t), nd.getIP4(b, t+4))
		case 6:
			nd.Printf("\n\t      Tunnel-Endpoint %s", nd.getIP4(b, t))
		case 2, 7:
			nd.Printf("\n\t      Root-Node %s, LSP-ID 0x%08x", nd.getIP4(b, t), getBE32(b, t+4))
		case 1:
			nd.Printf("\n\t      Extended-Tunnel-ID %s, P2MP-ID 0x%08x", nd.getIP4(b, t), getBE32(b, t+4))
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, t, "\n\t      ", tlen)
			}
		}
	case bgpAttrAIGP:
		for tlen >= 3 {
			atype := getU8(b, t)
			alen := int(getBE16(b, t+1))
			t += 3
			tlen -= 3
			nd.Printf("\n\t    %s TLV (%d), length %d", tok2strNoAlloc(bgpAIGPTypes, "Unknown", uint32(atype)), atype, alen)
			if alen < 3 {
				return 0, false
			}
			alen -= 3
			if tlen < alen {
				return 0, false
			}
			if atype == 1 {
				if alen < 8 {
					return 0, false
				}
				nd.Printf(", metric %d", getBE64(b, t))
			} else if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, t, "\n\t      ", alen)
			}
			t += alen
			tlen -= alen
		}
	case bgpAttrAttrSet:
		return nd.bgpAttrSetPrint(b, off, length, level)
	case bgpAttrLargeCommunity:
		if length == 0 || length%12 != 0 {
			nd.Print("invalid len")
			break
		}
		nd.Print("\n\t    ")
		for ; length != 0; length, t = length-12, t+12 {
			a, c, d := getBE32(b, t), getBE32(b, t+4), getBE32(b, t+8)
			nd.Printf("%d:%d:%d", a, c, d)
			if length > 12 {
				nd.Print(", ")
			}
		}
	default:
		if !ttest(b, off, length) {
			return 0, false
		}
		nd.Printf("\n\t    no Attribute %d decoder", typ)
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, off, "\n\t    ", length)
		}
	}
	return length, true
}

// bgpAttrSetPrint prints an RFC 6368 ATTR_SET: an origin AS, then
// nested path attributes (ten levels deep at most). tcpdump consumes
// the attribute's length as it goes, so the -vv dump after it covers
// only what is left.
func (nd *ND) bgpAttrSetPrint(b []byte, off, length int, level int) (int, bool) {
	t := off
	if !ttest(b, t, 4) {
		return 0, false
	}
	if length < 4 {
		return 0, false
	}
	nd.Printf("\n\t    Origin AS: %s", nd.asText(getBE32(b, t)))
	t += 4
	length -= 4
	for length != 0 {
		if !ttest(b, t, 2) {
			return 0, false
		}
		if length < 2 {
			nd.Print(" [path attr too short]")
			t += length
			break
		}
		flags, typ := b[t], b[t+1]
		t += 2
		length -= 2
		lenlen := 1
		if flags&0x10 != 0 {
			lenlen = 2
		}
		if !ttest(b, t, lenlen) {
			return 0, false
		}
		if length < lenlen {
			nd.Print(" [path attr too short]")
			t += length
			break
		}
		alen := int(b[t])
		if lenlen == 2 {
			alen = int(getBE16(b, t))
		}
		t += lenlen
		length -= lenlen
		nd.Printf("\n\t      %s (%d), length: %d", tok2strNoAlloc(bgpAttrNames, "Unknown Attribute", uint32(typ)), typ, alen)
		if flags != 0 {
			nd.bgpAttrFlagsPrint(flags)
			nd.PrintByte(']')
		}
		nd.Print(": ")
		if length < alen {
			nd.Print(" [path attr too short]")
			t += length
			break
		}
		if level == 10 {
			nd.Print("(too many nested levels, not recursing)")
		} else if !nd.bgpAttrPrint(typ, b, t, alen, level+1) {
			return 0, false
		}
		t += alen
		length -= alen
	}
	return length, true
}

// bgpMPAFPrint prints the AFI and SAFI of an MP_REACH/MP_UNREACH
// attribute; it returns -1 (after a dump) when tcpdump has no decoder
// for the pair, -2 when truncated.
func (nd *ND) bgpMPAFPrint(b []byte, off, tlen int) (uint16, uint8, int) {
	af := getBE16(b, off)
	safi := getU8(b, off+2)
	vendor := ""
	if safi > 128 {
		vendor = "vendor specific "
	}
	nd.Printf("\n\t    AFI: %s (%d), %sSAFI: %s (%d)", tok2strNoAlloc(bgpAFNames, "Unknown AFI", uint32(af)), af,
		vendor, tok2strNoAlloc(bgpSAFINames, "Unknown SAFI", uint32(safi)), safi)
	if bgpKnownAFSAFI[bgpAFSAFI(af, safi)] {
		return af, safi, 0
	}
	if !ttest(b, off, tlen) {
		return af, safi, -2
	}
	nd.Printf("\n\t    no AFI %d / SAFI %d decoder", af, safi)
	if nd.Verbose <= 1 {
		unknownDataPrint(nd, b, off, "\n\t    ", tlen)
	}
	return af, safi, -1
}

func (nd *ND) bgpMPReachPrint(b []byte, off, length int) bool {
	t, tlen := off, length
	if !ttest(b, t, 3) {
		return false
	}
	if tlen < 3 {
		return false
	}
	af, safi, ret := nd.bgpMPAFPrint(b, t, tlen)
	if ret == -2 {
		return false
	}
	if ret < 0 {
		return true
	}
	t += 3
	tlen -= 3
	if !ttest(b, t, 1) {
		return false
	}
	if tlen < 1 {
		return false
	}
	nhlen := int(b[t])
	t++
	tlen--
	if nhlen != 0 {
		if tlen < nhlen {
			return false
		}
		nd.Print("\n\t    nexthop: ")
		nnh := 0
		for tnh := nhlen; tnh != 0; {
			if nnh > 0 {
				nd.Print(", ")
			}
			nnh++
			// consume moves past n bytes of next hop.
			consume := func(n int) { t += n; tlen -= n; tnh -= n }
			invalid := func() { nd.Print("invalid len"); consume(tnh) }
			k := bgpAFSAFI(af, safi)
			switch {
			case af == afIPv4 && (safi == safiUnicast || safi == safiMulticast || safi == safiUniMulticast ||
				safi == safiLabUnicast || safi == safiRTRouting || safi == safiMcastVPN || safi == safiMDT),
				k == bgpAFSAFI(afVPLS, safiVPLS),
				af == afL2VPN && (safi == safiVPNUnicast || safi == safiVPNMulticast || safi == safiVPNUniMcast):
				if tnh < 4 {
					invalid()
				} else {
					nd.Print(nd.getIP4(b, t))
					consume(4)
				}
			case af == afIPv4 && (safi == safiVPNUnicast || safi == safiVPNMulticast || safi == safiVPNUniMcast):
				if tnh < 4+bgpVPNRDLen {
					invalid()
				} else {
					rd := bgpRDText(nd, b, t)
					nd.Printf("RD: %s, %s", rd, nd.getIP4(b, t+bgpVPNRDLen))
					consume(4 + bgpVPNRDLen)
				}
			case af == afIPv6 && (safi == safiUnicast || safi == safiMulticast || safi == safiUniMulticast ||
				safi == safiLabUnicast):
				if tnh < 16 {
					invalid()
				} else {
					nd.Print(nd.getIP6(b, t))
					consume(16)
				}
			case af == afIPv6 && (safi == safiVPNUnicast || safi == safiVPNMulticast || safi == safiVPNUniMcast):
				if tnh < 16+bgpVPNRDLen {
					invalid()
				} else {
					rd := bgpRDText(nd, b, t)
					nd.Printf("RD: %s, %s", rd, nd.getIP6(b, t+bgpVPNRDLen))
					consume(16 + bgpVPNRDLen)
				}
			case af == afNSAP && (safi == safiUnicast || safi == safiMulticast || safi == safiUniMulticast):
				tcheck(b, t, tnh)
				nd.Print(bgpNSAPText(b[t : t+tnh]))
				consume(tnh)
			case af == afNSAP && (safi == safiVPNUnicast || safi == safiVPNMulticast || safi == safiVPNUniMcast):
				if tnh < bgpVPNRDLen+1 {
					invalid()
					break
				}
				if !ttest(b, t, tnh) {
					return false
				}
				nd.Printf("RD: %s, %s", bgpRDText(nd, b, t), bgpNSAPText(b[t+bgpVPNRDLen:t+tnh]))
				if getBE32(b, t+bgpVPNRDLen) == 0x47000601 {
					nd.Printf(" = %s", nd.getIP4(b, t+bgpVPNRDLen+4))
				} else if getBE24(b, t+bgpVPNRDLen) == 0x350000 {
					nd.Printf(" = %s", nd.getIP6(b, t+bgpVPNRDLen+3))
				}
				consume(tnh)
			default:
				nd.Printf("ERROR: no AFI %d/SAFI %d nexthop decoder", af, safi)
				consume(tnh)
				return true
			}
		}
	}
	nd.Printf(", nh-length: %d", nhlen)
	if tlen < 1 {
		return false
	}
	snpa := int(getU8(b, t))
	t++
	tlen--
	if snpa != 0 {
		nd.Printf("\n\t    %d SNPA", snpa)
		for ; snpa != 0; snpa-- {
			if tlen < 1 {
				return false
			}
			slen := int(getU8(b, t))
			nd.Printf("\n\t      %d bytes", slen)
			t++
			tlen--
			if tlen < slen {
				return false
			}
			if !ttest(b, t, slen) {
				return false
			}
			t += slen
			tlen -= slen
		}
	} else {
		nd.Print(", no SNPA")
	}
	addPath4 := bgpCheckAddPath(b, t, length-(t-off), 32)
	addPath6 := bgpCheckAddPath(b, t, length-(t-off), 128)
	for t < off+length {
		advance := nd.bgpNLRIPrint(af, safi, b, t, length, addPath4, addPath6)
		if advance == -2 {
			return false
		}
		if advance < 0 {
			break
		}
		t += advance
	}
	return true
}

// bgpExtCommunityPrint prints the value of an RFC 4360 extended
// community at b[off:off+8].
func (nd *ND) bgpExtCommunityPrint(b []byte, off int) {
	switch getBE16(b, off) {
	case 0x0002, 0x0003, 0x000a:
		nd.Printf("%d:%d (= %s)", getBE16(b, off+2), getBE32(b, off+4), nd.getIP4(b, off+4))
	case 0x0102, 0x0103, 0xf10a, 0x010b:
		nd.Printf("%s:%d", nd.getIP4(b, off+2), getBE16(b, off+6))
	case 0x0202, 0x0203:
		nd.Printf("%s:%d", nd.asText(getBE32(b, off+2)), getBE16(b, off+6))
	case 0x4004:
		bw := math.Float32frombits(getBE32(b, off+4))
		nd.Printf("bandwidth: %.3f Mbps", bw*8/1000000)
	case 0x0005, 0x0105, 0x0205, 0x8005, 0x0107, 0x8001:
		nd.Print(nd.getIP4(b, off+2))
	case 0x0306, 0x8000:
		area := nd.getIP4(b, off+2)
		rtype, opts := getU8(b, off+6), getU8(b, off+7)
		e2, e1 := "", ""
		if opts&1 != 0 {
			e2 = "E2"
		}
		if rtype == 5 || rtype == 7 {
			e1 = "E1"
		}
		nd.Printf("area:%s, router-type:%s, metric-type:%s%s", area,
			tok2strOr(bgpOSPFRouteTypes, "unknown (0x%02x)", uint32(rtype)), e2, e1)
	case 0x800a:
		nd.Printf("%s Control Flags [0x%02x]:MTU %d", tok2strNoAlloc(bgpL2Encaps, "unknown encaps", uint32(getU8(b, off+2))),
			getU8(b, off+3), getBE16(b, off+4))
	case 0x0009:
		nd.Printf("AS %d", getBE16(b, off+2))
	case 0x030c:
		nd.Printf("Tunnel type: %s", tok2strNoAlloc(bgpEncapTunnels, "unknown encaps", uint32(getBE16(b, off+6))))
	default:
		tcheck(b, off+2, 6)
		for i := 2; i < 8; i++ {
			nd.PrintHex(uint64(b[off+i]), 2)
		}
	}
}

func (nd *ND) bgpNotificationPrint(b []byte, length int) {
	if !ttest(b, 0, bgpNotifyLen) {
		nd.PrintTrunc()
		return
	}
	if length < bgpNotifyLen {
		return
	}
	major, minor := b[19], b[20]
	nd.Printf(", %s (%d)", tok2strNoAlloc(bgpNotifyMajors, "Unknown Error", uint32(major)), major)
	m, ok := bgpNotifyMinors[major]
	if !ok {
		return
	}
	nd.Printf("%ssubcode %s (%d)", m.sep, tok2strNoAlloc(m.names, "Unknown", uint32(minor)), minor)
	if major != bgpNotifyCease {
		return
	}
	t := bgpNotifyLen
	if minor == 1 && length >= bgpNotifyLen+7 {
		nd.Printf(", %s, Max Prefixes: %d", bgpAFISAFIText(getBE16(b, t), getU8(b, t+2)), getBE32(b, t+3))
	}
	if (minor == 2 || minor == 4) && length >= bgpNotifyLen+1 {
		clen := int(getU8(b, t))
		rem := 0
		switch {
		case clen > length-(bgpNotifyLen+1):
			nd.Print(", invalid Shutdown Communication length")
		case clen == 0:
			nd.Print(", empty Shutdown Communication")
			rem = 1
		default:
			nd.Printf(", Shutdown Communication (length: %d): \"", clen)
			nd.printjn(b, t+1, clen)
			nd.PrintByte('"')
			rem = clen + 1
		}
		if left := length - (rem + bgpNotifyLen); left > 0 {
			nd.Printf(", Data: (length: %d)", left)
			hexPrintAvail(nd, "\n\t\t", b, t+rem, left, 0)
		}
	}
}

func (nd *ND) bgpRouteRefreshPrint(b []byte, length int) {
	if !ttest(b, 0, bgpRefreshLen) {
		nd.PrintTrunc()
		return
	}
	if length < bgpRefreshLen {
		return
	}
	nd.Print("\n\t  " + bgpAFISAFIText(getBE16(b, 19), getU8(b, 22)))
	if nd.Verbose > 1 {
		tcheck(b, 0, length)
		unknownDataPrint(nd, b, 0, "\n\t  ", length)
	}
}
