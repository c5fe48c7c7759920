package dissect

// IEEE 802.2 LLC and SNAP headers and what they carry, as tcpdump's
// print-llc.c prints them.

import "github.com/goclues/goclues/common/capture"

// dltATMRFC1483 is the link type of LLC-encapsulated ATM (RFC 1483)
// captures.
const dltATMRFC1483 = 11

func init() {
	// An ATM printer file (print-atm.c's home) may register its own
	// atm_if_print; this one only fills the gap.
	if linkPrinters[dltATMRFC1483] == nil {
		registerLinkType(dltATMRFC1483, atmLLCIfPrint)
	}
	registerPrinter("stp_print", stpPrint)
}

// llcUIHeader is the 3-byte LLC header of a UI frame to and from sap.
func llcUIHeader(sap uint32) uint32 { return sap<<16 | sap<<8 | llcUI }

// atmLLCIfPrint prints an RFC 1483 LLC-encapsulated ATM frame as
// tcpdump's atm_if_print does: a Cisco NLPID frame, an LLC frame, or an
// LLC frame behind a 20-byte 802.6 MAC header from the Fore driver.
func atmLLCIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("atm")
	length, caplen := int(p.Len), len(b)
	if getU8(b, 0) == llcUI {
		if nd.LinkHeader {
			nd.Print("CNLPID ")
		}
		nd.llHdrLen++
		callPrinter(nd, "isoclns_print", b[1:], length-1)
		return
	}
	hdr := getBE24(b, 0)
	if hdr != llcUIHeader(llcSAPSNAP) && hdr != llcUIHeader(llcSAPISONS) && hdr != llcUIHeader(llcSAPIP) {
		if caplen < 20 {
			nd.PrintTrunc()
			nd.llHdrLen += caplen
			return
		}
		if nd.LinkHeader {
			for i := 0; i < 16; i += 4 {
				nd.PrintHex(uint64(getBE32(b, i)), 8)
				if i == 4 || i == 12 {
					nd.Print(" ")
				}
			}
		}
		b = b[20:]
		length -= 20
		caplen -= 20
		nd.llHdrLen += 20
	}
	n := llcPrint(nd, b, length, caplen, nil, nil)
	if n < 0 {
		nd.DefaultPrint(b)
		n = -n
	}
	nd.llHdrLen += n
}

const (
	llcSAPNull    = 0x00
	llcSAPGlobal  = 0xff
	llcSAPIP      = 0x06
	llcSAP8021D   = 0x42
	llcSAPSNAP    = 0xaa
	llcSAPIPX     = 0xe0
	llcSAPNetBEUI = 0xf0
	llcSAPISONS   = 0xfe

	llcIG    = 0x01 // group address bit of the DSAP
	llcGSAP  = 0x01 // response bit of the SSAP
	llcUFmt  = 0x03
	llcSFmt  = 0x01
	llcUPoll = 0x10
	llcIPoll = 0x0100
	llcUI    = 0x03
	llcXID   = 0xaf
	llcXIDFI = 0x81

	ouiEncapEther = 0x000000
	ouiCisco      = 0x00000c
	ouiCisco90    = 0x0000f8
	ouiRFC2684    = 0x0080c2
	ouiAppleTalk  = 0x080007
)

var llcSAPNames = []tok{
	{llcSAPNull, "Null"},
	{llcSAPGlobal, "Global"},
	{0x02, "802.1B I"},
	{0x03, "802.1B G"},
	{llcSAPIP, "IP"},
	{0x04, "SNA"},
	{0x0e, "ProWay NM"},
	{llcSAP8021D, "STP"},
	{0x4e, "RS511"},
	{0x7e, "ISO8208"},
	{0x8e, "ProWay"},
	{llcSAPSNAP, "SNAP"},
	{llcSAPIPX, "IPX"},
	{llcSAPNetBEUI, "NetBeui"},
	{llcSAPISONS, "OSI"},
}

var llcCmdNames = []tok{
	{llcUI, "ui"},
	{0xe3, "test"},
	{llcXID, "xid"},
	{0x63, "ua"},
	{0x43, "disc"},
	{0x0f, "dm"},
	{0x6f, "sabme"},
	{0x87, "frmr"},
}

var llcFlagNames = []tok{
	{0, "Command"},
	{llcGSAP, "Response"},
	{llcUPoll, "Poll"},
	{llcGSAP | llcUPoll, "Final"},
	{llcIPoll, "Poll"},
	{llcGSAP | llcIPoll, "Final"},
}

var llcIGNames = []tok{
	{0, "Individual"},
	{llcIG, "Group"},
}

var llcSupervisoryNames = []tok{
	{0, "Receiver Ready"},
	{1, "Receiver not Ready"},
	{2, "Reject"},
}

// ouiNames is tcpdump's oui_values.
var ouiNames = []tok{
	{0x000000, "Ethernet"},
	{0x00000c, "Cisco"},
	{0x00005e, "IANA"},
	{0x000081, "Nortel Networks SONMP"},
	{0x0000f8, "Cisco bridged"},
	{0x0080c2, "Ethernet bridged"},
	{0x00a03e, "ATM Forum"},
	{0x00e02f, "DOCSIS Spanning Tree"},
	{0x080007, "Appletalk"},
	{0x009069, "Juniper"},
	{0x080009, "Hewlett-Packard"},
	{0x0080c2, "IEEE 802.1 Private"},
	{0x00120f, "IEEE 802.3 Private"},
	{0x0012bb, "ANSI/TIA"},
	{0x001b21, "DCBX"},
	{0x002320, "Nicira Networks"},
	{0x5c16c7, "Big Switch Networks"},
	{0xb0d2f5, "Vello Systems"},
	{0x002481, "HP"},
	{0x0004ea, "HP-Labs"},
	{0x748771, "Infoblox Inc"},
	{0xa42305, "Open Networking Lab"},
	{0x00049f, "Freescale"},
	{0x0015ad, "Netronome"},
	{0x001018, "Broadcom"},
	{0x00e004, "PMC-Sierra"},
	{0xd0f0db, "Ericsson"},
}

// Cisco SNAP protocol IDs.
const (
	pidCiscoCDP        = 0x2000
	pidCiscoVTP        = 0x2003
	pidCiscoDTP        = 0x2004
	pidCiscoUDLD       = 0x0111
	pidCiscoPVST       = 0x010b
	pidCiscoVLANBridge = 0x010c
)

var ciscoPIDNames = []tok{
	{pidCiscoCDP, "CDP"},
	{pidCiscoVTP, "VTP"},
	{pidCiscoDTP, "DTP"},
	{pidCiscoUDLD, "UDLD"},
	{pidCiscoPVST, "PVST"},
	{pidCiscoVLANBridge, "VLAN Bridge"},
}

// RFC 2684 (bridged) protocol IDs.
var bridgedPIDNames = []tok{
	{0x0001, "Ethernet + FCS"},
	{0x0007, "Ethernet w/o FCS"},
	{0x0002, "802.4 + FCS"},
	{0x0008, "802.4 w/o FCS"},
	{0x0003, "Token Ring + FCS"},
	{0x0009, "Token Ring w/o FCS"},
	{0x0004, "FDDI + FCS"},
	{0x000a, "FDDI w/o FCS"},
	{0x0005, "802.6 + FCS"},
	{0x000b, "802.6 w/o FCS"},
	{0x000e, "BPDU"},
}

// snapPIDNames picks the table that names a SNAP protocol ID under an
// OUI (oui_to_struct_tok).
func snapPIDNames(oui uint32) []tok {
	switch oui {
	case ouiEncapEther, ouiCisco90, ouiAppleTalk:
		return etherTypeNames
	case ouiCisco:
		return ciscoPIDNames
	case ouiRFC2684:
		return bridgedPIDNames
	}
	return nil
}

// llcTrunc prints the truncation marker and dumps what there is (even
// with -q, -x, -X or -A, as tcpdump does here).
func llcTrunc(nd *ND, b []byte, caplen int) {
	nd.PrintTrunc()
	nd.HexASCIIPrint("\n\t", b[:min(caplen, len(b))])
}

// llcPrint prints an 802.2 LLC header and what it carries (llc_print).
// It returns the length of the LLC (and SNAP) header, negated when the
// payload was not decoded so that the caller dumps it. src and dst are
// the frame's MAC addresses, nil when the link layer has none.
func llcPrint(nd *ND, b []byte, length, caplen int, src, dst []byte) int {
	nd.SetProto("llc")
	if caplen < 3 {
		llcTrunc(nd, b, caplen)
		return caplen
	}
	if length < 3 {
		llcTrunc(nd, b, caplen)
		return length
	}
	dsapField := getU8(b, 0)
	ssapField := getU8(b, 1)
	control := uint16(getU8(b, 2))
	isU := control&llcUFmt == llcUFmt
	hdrlen := 3
	if !isU {
		if caplen < 4 {
			llcTrunc(nd, b, caplen)
			return caplen
		}
		if length < 4 {
			llcTrunc(nd, b, caplen)
			return length
		}
		control = getLE16(b, 2)
		hdrlen = 4
	}

	if ssapField == llcSAPGlobal && dsapField == llcSAPGlobal {
		// Ethernet_802.3 IPX: no 802.2 header, the IPX packet starts
		// with two 0xff bytes.
		if nd.LinkHeader {
			nd.Print("IPX 802.3: ")
		}
		callPrinter(nd, "ipx_print", b, length)
		return 0
	}

	dsap := dsapField &^ llcIG
	ssap := ssapField &^ llcGSAP
	if nd.LinkHeader {
		nd.Print("LLC, dsap ")
		nd.Print(tok2strNoAlloc(llcSAPNames, "Unknown", uint32(dsap)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(dsap), 2)
		nd.Print(") ")
		nd.Print(tok2strNoAlloc(llcIGNames, "Unknown", uint32(dsapField&llcIG)))
		nd.Print(", ssap ")
		nd.Print(tok2strNoAlloc(llcSAPNames, "Unknown", uint32(ssap)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(ssap), 2)
		nd.Print(") ")
		nd.Print(tok2strNoAlloc(llcFlagNames, "Unknown", uint32(ssapField&llcGSAP)))
		nd.Print(", ctrl 0x")
		if isU {
			nd.PrintHex(uint64(control), 2)
		} else {
			nd.PrintHex(uint64(control), 4)
		}
		nd.Print(": ")
	}

	p := rest(b, hdrlen)
	length -= hdrlen
	caplen -= hdrlen

	switch {
	case ssap == llcSAPSNAP && dsap == llcSAPSNAP && control == llcUI:
		if !snapPrint(nd, p, length, caplen, src, dst, 2) {
			return -(hdrlen + 5)
		}
		return hdrlen + 5
	case ssap == llcSAP8021D && dsap == llcSAP8021D && control == llcUI:
		stpPrint(nd, p, length)
		return hdrlen
	case ssap == llcSAPIP && dsap == llcSAPIP && control == llcUI:
		ipPrint(nd, p, length)
		return hdrlen
	case ssap == llcSAPIPX && dsap == llcSAPIPX && control == llcUI:
		if nd.LinkHeader {
			nd.Print("IPX 802.2: ")
		}
		callPrinter(nd, "ipx_print", p, length)
		return hdrlen
	case ssap == llcSAPISONS && dsap == llcSAPISONS && control == llcUI:
		callPrinter(nd, "isoclns_print", p, length)
		return hdrlen
	}

	if !nd.LinkHeader {
		// Nobody printed the MAC addresses: "src > dst SAP" when the
		// SAPs match, else "src SSAP > dst DSAP".
		addrs := src != nil && dst != nil
		if addrs {
			nd.PrintEtherAddr(src, 0)
			nd.Print(" ")
		}
		if ssap != dsap {
			nd.Print(tok2str(llcSAPNames, "Unknown SSAP 0x%02x", uint32(ssap)))
			nd.Print(" ")
		}
		if addrs || ssap != dsap {
			nd.Print("> ")
		}
		if addrs {
			nd.PrintEtherAddr(dst, 0)
			nd.Print(" ")
		}
		nd.Print(tok2str(llcSAPNames, "Unknown DSAP 0x%02x", uint32(dsap)))
		nd.Print(" ")
	}

	if isU {
		nd.Print("Unnumbered, ")
		nd.Print(tok2str(llcCmdNames, "%02x", uint32(control&0xef)))
		nd.Print(", Flags [")
		nd.Print(tok2strNoAlloc(llcFlagNames, "?", uint32(ssapField&llcGSAP)|uint32(control&llcUPoll)))
		nd.Print("], length ")
		nd.PrintUint(uint64(length + hdrlen))
		if control&^llcUPoll == llcXID {
			if length == 0 {
				return hdrlen
			}
			if caplen < 1 {
				nd.PrintTrunc()
				return hdrlen
			}
			if getU8(p, 0) == llcXIDFI {
				if caplen < 3 || length < 3 {
					llcTrunc(nd, p, caplen)
				} else {
					nd.Print(": ")
					nd.PrintHex(uint64(getU8(p, 1)), 2)
					nd.Print(" ")
					nd.PrintHex(uint64(getU8(p, 2)), 2)
				}
				return hdrlen
			}
		}
	} else {
		flags := tok2strNoAlloc(llcFlagNames, "?", uint32(ssapField&llcGSAP)|uint32(control&llcIPoll))
		if control&llcSFmt == llcSFmt {
			nd.Print("Supervisory, ")
			nd.Print(tok2strNoAlloc(llcSupervisoryNames, "?", uint32(control>>2&3)))
			nd.Print(", rcv seq ")
			nd.PrintUint(uint64(control >> 9 & 0x7f))
			nd.Print(", Flags [")
			nd.Print(flags)
			nd.Print("], length ")
			nd.PrintUint(uint64(length + hdrlen))
			return hdrlen
		}
		nd.Print("Information, send seq ")
		nd.PrintUint(uint64(control >> 1 & 0x7f))
		nd.Print(", rcv seq ")
		nd.PrintUint(uint64(control >> 9 & 0x7f))
		nd.Print(", Flags [")
		nd.Print(flags)
		nd.Print("], length ")
		nd.PrintUint(uint64(length + hdrlen))
	}
	return -hdrlen
}

// snapPrint prints a SNAP header and its payload (snap_print) and
// reports whether the payload was decoded. bridgePad is the padding
// before a bridged frame.
func snapPrint(nd *ND, b []byte, length, caplen int, src, dst []byte, bridgePad int) bool {
	nd.SetProto("snap")
	if !ttest(b, 0, 5) || caplen < 5 || length < 5 {
		nd.PrintTrunc()
		return true
	}
	oui := getBE24(b, 0)
	et := getBE16(b, 3)
	if nd.LinkHeader {
		nd.Print("oui ")
		nd.Print(tok2strNoAlloc(ouiNames, "Unknown", oui))
		nd.Print(" (0x")
		nd.PrintHex(uint64(oui), 6)
		nd.Print("), ")
		if oui == ouiEncapEther {
			nd.Print("ethertype ")
		} else {
			nd.Print("pid ")
		}
		nd.Print(tok2strNoAlloc(snapPIDNames(oui), "Unknown", uint32(et)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(et), 4)
		nd.Print("), length ")
		nd.PrintUint(uint64(length - 5))
		nd.Print(": ")
	}
	p := b[5:]
	length -= 5

	switch oui {
	case ouiEncapEther, ouiCisco90:
		if ethertypePrint(nd, et, p, length) {
			return true
		}
	case ouiAppleTalk:
		if et == etherTypeAppleTalk && ethertypePrint(nd, et, p, length) {
			return true
		}
	case ouiCisco:
		switch et {
		case pidCiscoCDP:
			return callPrinter(nd, "cdp_print", p, length) || snapUnknown(nd, oui, et, length, src, dst)
		case pidCiscoDTP:
			return callPrinter(nd, "dtp_print", p, length) || snapUnknown(nd, oui, et, length, src, dst)
		case pidCiscoUDLD:
			return callPrinter(nd, "udld_print", p, length) || snapUnknown(nd, oui, et, length, src, dst)
		case pidCiscoVTP:
			return callPrinter(nd, "vtp_print", p, length) || snapUnknown(nd, oui, et, length, src, dst)
		case pidCiscoPVST, pidCiscoVLANBridge:
			stpPrint(nd, p, length)
			return true
		}
	case ouiRFC2684:
		switch et {
		case 0x0001, 0x0007: // Ethernet, with or without FCS
			if !ttest(p, 0, bridgePad) {
				nd.PrintTrunc()
				return true
			}
			etherEncapPrint(nd, p[bridgePad:], length-bridgePad)
			return true
		case 0x0003, 0x0009: // 802.5 Token Ring: keep the Access Control field
			if !ttest(p, 0, bridgePad) {
				nd.PrintTrunc()
				return true
			}
			if callPrinter(nd, "token_print", p[bridgePad:], length-bridgePad) {
				return true
			}
		case 0x0004, 0x000a: // FDDI
			if !ttest(p, 0, bridgePad+1) {
				nd.PrintTrunc()
				return true
			}
			if callPrinter(nd, "fddi_print", p[bridgePad+1:], length-bridgePad-1) {
				return true
			}
		case 0x000e:
			stpPrint(nd, p, length)
			return true
		}
	}
	return snapUnknown(nd, oui, et, length, src, dst)
}

// snapUnknown prints the SNAP header of a payload nobody decodes (when
// -e has not shown it already) and reports false so the caller dumps it.
func snapUnknown(nd *ND, oui uint32, et uint16, length int, src, dst []byte) bool {
	if nd.LinkHeader {
		return false
	}
	if src != nil && dst != nil {
		nd.PrintEtherAddr(src, 0)
		nd.Print(" > ")
		nd.PrintEtherAddr(dst, 0)
		nd.Print(" ")
	}
	if oui == ouiEncapEther {
		nd.Print("SNAP, ethertype ")
		nd.Print(tok2strNoAlloc(etherTypeNames, "Unknown", uint32(et)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(et), 4)
	} else {
		nd.Print("SNAP, oui ")
		nd.Print(tok2strNoAlloc(ouiNames, "Unknown", oui))
		nd.Print(" (0x")
		nd.PrintHex(uint64(oui), 6)
		nd.Print("), pid ")
		nd.Print(tok2strNoAlloc(snapPIDNames(oui), "Unknown", uint32(et)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(et), 4)
	}
	nd.Print("), length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
	return false
}
