package dissect

import "github.com/goclues/goclues/common/capture"

// Cisco HDLC (tcpdump's print-chdlc.c): a 4-byte header of address,
// control and ethertype, and SLARP, Cisco's serial-line address
// resolution and keepalive protocol.

func init() {
	registerLinkType(dltCHDLC, chdlcIfPrint)
	registerLinkType(dltCHDLCBSDOS, chdlcIfPrint)
	registerPrinter("chdlc_print", func(nd *ND, b []byte, length int) { chdlcPrint(nd, b, length) })
}

const (
	dltCHDLCBSDOS = 143 // DLT_C_HDLC's number before 104 was used

	chdlcHdrLen    = 4
	chdlcUnicast   = 0x0f
	chdlcBroadcast = 0x8f
	chdlcTypeSLARP = 0x8035

	nlpidCLNP = 0x81
	nlpidESIS = 0x82
	nlpidISIS = 0x83

	slarpRequest   = 0
	slarpReply     = 1
	slarpKeepalive = 2
	slarpMinLen    = 14
	slarpMaxLen    = 18
)

var chdlcCastNames = []tok{
	{chdlcUnicast, "unicast"},
	{chdlcBroadcast, "bcast"},
}

func chdlcIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("chdlc")
	nd.llHdrLen += chdlcPrint(nd, b, int(p.Len))
}

// chdlcPrint prints a Cisco HDLC frame and returns its header length.
func chdlcPrint(nd *ND, b []byte, length int) int {
	nd.SetProto("chdlc")
	if length < chdlcHdrLen {
		nd.PrintTrunc()
		return len(b)
	}
	proto := getBE16(b, 2)
	if nd.LinkHeader {
		nd.Print(tok2str(chdlcCastNames, "0x%02x", uint32(getU8(b, 0))))
		nd.Print(", ethertype ")
		nd.Print(tok2strNoAlloc(etherTypeNames, "Unknown", uint32(proto)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(proto), 4)
		nd.Print("), length ")
		nd.PrintUint(uint64(length))
		nd.Print(": ")
	}
	length -= chdlcHdrLen
	p := b[chdlcHdrLen:]
	switch proto {
	case etherTypeIPv4:
		ipPrint(nd, p, length)
	case etherTypeIPv6:
		ip6Print(nd, p, length)
	case chdlcTypeSLARP:
		chdlcSLARPPrint(nd, p, length)
	case etherTypeMPLS, etherTypeMPLS + 1:
		mplsPrint(nd, p, length)
	case etherTypeISO:
		if length < 2 {
			nd.PrintTrunc()
			return len(b)
		}
		// A padding byte may precede the NLPID.
		switch getU8(p, 1) {
		case nlpidCLNP, nlpidESIS, nlpidISIS:
			callPrinter(nd, "isoclns_print", p[1:], length-1)
		default:
			callPrinter(nd, "isoclns_print", p, length)
		}
	default:
		if !nd.LinkHeader {
			nd.Print("unknown CHDLC protocol (0x")
			nd.PrintHex(uint64(proto), 4)
			nd.Print(")")
		}
	}
	return chdlcHdrLen
}

// chdlcSLARPPrint prints a SLARP request, reply or keepalive.
func chdlcSLARPPrint(nd *ND, b []byte, length int) {
	nd.SetProto("chdlc_slarp")
	nd.Print("SLARP (length: ")
	nd.PrintUint(uint64(length))
	nd.Print("), ")
	if length < slarpMinLen || !ttest(b, 0, slarpMinLen) {
		nd.PrintTrunc()
		return
	}
	// tcpdump's -vv dump starts 4 bytes past its cursor, which the
	// keepalive's uptime moves 14 bytes on.
	dumpOff := 4
	switch code := getBE32(b, 0); code {
	case slarpRequest:
		nd.Print("request")
	case slarpReply:
		nd.Print("reply ")
		nd.PrintIPAddr(b, 4)
		nd.Print("/")
		nd.PrintIPAddr(b, 8)
	case slarpKeepalive:
		nd.Print("keepalive: mineseen=0x")
		nd.PrintHex(uint64(getBE32(b, 4)), 8)
		nd.Print(", yourseen=0x")
		nd.PrintHex(uint64(getBE32(b, 8)), 8)
		nd.Print(", reliability=0x")
		nd.PrintHex(uint64(getBE16(b, 12)), 4)
		if length >= slarpMaxLen {
			dumpOff += slarpMinLen
			sec := getBE32(b, slarpMinLen) / 1000
			mins := sec / 60
			sec -= mins * 60
			hrs := mins / 60
			mins -= hrs * 60
			days := hrs / 24
			hrs -= days * 24
			nd.Printf(", link uptime=%dd%dh%dm%ds", days, hrs, mins, sec)
		}
	default:
		nd.Printf("0x%02x unknown", code)
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, 4, "\n\t", length-4)
		}
	}
	if length > slarpMaxLen && nd.Verbose > 0 {
		nd.Printf(", (trailing junk: %d bytes)", length-slarpMaxLen)
	}
	if nd.Verbose > 1 {
		unknownDataPrint(nd, b, dumpOff, "\n\t", length-4)
	}
}
