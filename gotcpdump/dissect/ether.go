package dissect

import "github.com/goclues/goclues/common/capture"

func init() {
	registerLinkType(capture.DLTEN10MB, etherIfPrint)
}

func etherIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("ether")
	nd.llHdrLen += etherPrint(nd, b, int(p.Len), len(b))
}

// etherPrint prints an Ethernet frame (tcpdump's ether_common_print
// without switch tags) and returns the length of the link-layer headers
// it consumed.
func etherPrint(nd *ND, b []byte, length, caplen int) int {
	nd.SetProto("ether")
	return etherCommonPrint(nd, b, length, caplen, switchTag{})
}

// switchTag is a vendor tag a switch inserts between the MAC addresses
// and the type/length field (DSA, EDSA, Broadcom): its printer and its
// length. The zero value means no tag.
type switchTag struct {
	print func(nd *ND, tag []byte)
	n     int
}

// etherCommonPrint is ether_common_print: etherPrint with an optional
// switch tag, printed after the addresses whether or not -e is given.
func etherCommonPrint(nd *ND, b []byte, length, caplen int, tag switchTag) int {
	if length < caplen {
		nd.Printf("[length %d < caplen %d]", length, caplen)
		nd.PrintInvalid()
		return length
	}
	if caplen < 14+tag.n {
		nd.PrintTrunc()
		return caplen
	}
	origLength := length
	src, dst := b[6:12], b[0:6]
	length -= 12
	caplen -= 12
	p := b[12:]
	hdrlen := 12
	if nd.LinkHeader {
		etherAddressesPrint(nd, src, dst)
	}
	if tag.print != nil {
		tag.print(nd, p)
		length -= tag.n
		caplen -= tag.n
		p = p[tag.n:]
		hdrlen += tag.n
	}
	return etherTypePayloadPrint(nd, p, length, caplen, hdrlen, origLength, src, dst)
}

// etherTypePayloadPrint prints from the type/length field on and
// returns the link-layer header length (hdrlen plus what it consumed).
// Arista's vendor header makes it start over after that header, as
// ether_common_print's "goto recurse" does.
func etherTypePayloadPrint(nd *ND, p []byte, length, caplen, hdrlen, origLength int, src, dst []byte) int {
	lengthType := getBE16(p, 0)
	length -= 2
	caplen -= 2
	p = p[2:]
	hdrlen += 2

	printedLength := false
	if lengthType == etherTypeMACsec {
		if nd.LinkHeader {
			etherTypePrintName(nd, lengthType)
			nd.Print(", length ")
			nd.PrintUint(uint64(origLength))
			nd.Print(": ")
			printedLength = true
		}
		if macsecEtherPrint(nd, &p, &length, &caplen, &hdrlen, &lengthType, src, dst) {
			return hdrlen
		}
	}
	for lengthType == etherType8021Q || lengthType == etherType8021Q9100 ||
		lengthType == etherType8021Q9200 || lengthType == etherType8021QinQ {
		if caplen < 4 {
			nd.SetProto("vlan")
			nd.PrintTrunc()
			return hdrlen + caplen
		}
		if length < 4 {
			nd.SetProto("vlan")
			nd.PrintTrunc()
			return hdrlen + length
		}
		if nd.LinkHeader {
			tag := getBE16(p, 0)
			etherTypePrintName(nd, lengthType)
			if !printedLength {
				nd.Print(", length ")
				nd.PrintUint(uint64(origLength))
				nd.Print(": ")
				printedLength = true
			} else {
				nd.Print(", ")
			}
			vlanTCIPrint(nd, tag)
			nd.Print(", ")
		}
		lengthType = getBE16(p, 2)
		p = p[4:]
		length -= 4
		caplen -= 4
		hdrlen += 4
	}

	switch {
	case lengthType <= maxEthernetLengthVal:
		// An 802.3 length field only ever shortens the frame (tcpdump
		// 4.99.3 keeps the wire length when the field claims more).
		if int(lengthType) < length {
			length = int(lengthType)
		}
		if caplen > length {
			caplen = length
		}
		p = clip(p, length)
		if nd.LinkHeader {
			nd.Print("802.3")
			if !printedLength {
				nd.Print(", length ")
				nd.PrintUint(uint64(length))
				nd.Print(": ")
			}
		}
		llcLen := llcPrint(nd, p, length, caplen, src, dst)
		if llcLen < 0 {
			nd.DefaultPrint(p[:min(caplen, len(p))])
			llcLen = -llcLen
		}
		hdrlen += llcLen
	case lengthType == etherTypeArista:
		return aristaEtherPrint(nd, p, length, caplen, hdrlen, origLength, src, dst)
	default:
		if nd.LinkHeader {
			etherTypePrintName(nd, lengthType)
			if !printedLength {
				nd.Print(", length ")
				nd.PrintUint(uint64(origLength))
				nd.Print(": ")
			} else {
				nd.Print(", ")
			}
		}
		nd.etherSrc = src
		if !ethertypePrint(nd, lengthType, p, length) {
			if !nd.LinkHeader {
				etherAddressesPrint(nd, src, dst)
				etherTypePrintName(nd, lengthType)
				nd.Print(", length ")
				nd.PrintUint(uint64(origLength))
				nd.Print(": ")
			}
			nd.DefaultPrint(p)
		}
	}
	return hdrlen
}

// etherAddressesPrint prints "src > dst, ".
func etherAddressesPrint(nd *ND, src, dst []byte) {
	nd.PrintEtherAddr(src, 0)
	nd.Print(" > ")
	nd.PrintEtherAddr(dst, 0)
	nd.Print(", ")
}

// etherTypePrintName prints an ethertype as -e shows it:
// "ethertype IPv4 (0x0800)", or just the name with -q.
func etherTypePrintName(nd *ND, t uint16) {
	if !nd.Quick {
		nd.Print("ethertype ")
		nd.Print(tok2strNoAlloc(etherTypeNames, "Unknown", uint32(t)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(t), 4)
		nd.Print(")")
		return
	}
	nd.Print(tok2str(etherTypeNames, "Unknown Ethertype (0x%04x)", uint32(t)))
}

// vlanTCIPrint prints an 802.1Q tag control field:
// "vlan N, p P" and ", DEI" when the drop-eligible bit is set.
func vlanTCIPrint(nd *ND, tci uint16) {
	nd.Print("vlan ")
	nd.PrintUint(uint64(tci & 0xfff))
	nd.Print(", p ")
	nd.PrintUint(uint64(tci >> 13))
	if tci&0x1000 != 0 {
		nd.Print(", DEI")
	}
}

// tok2strNoAlloc is tok2str for a fixed fallback string.
func tok2strNoAlloc(toks []tok, unknown string, v uint32) string {
	for _, t := range toks {
		if t.v == v {
			return t.s
		}
	}
	return unknown
}
