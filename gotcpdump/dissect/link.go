package dissect

import (
	"encoding/binary"
	"net"

	"github.com/goclues/goclues/common/capture"
)

// The link-layer printers other than Ethernet: BSD null/loop, Linux
// cooked v1 and v2, and raw IP.

func init() {
	registerLinkType(capture.DLTNull, nullIfPrint)
	registerLinkType(capture.DLTLoop, nullIfPrint)
	registerLinkType(capture.DLTRaw, rawIfPrint)
	registerLinkType(14, rawIfPrint) // DLT_RAW on OpenBSD
	registerLinkType(capture.DLTIPv4, rawIfPrint)
	registerLinkType(capture.DLTIPv6, rawIfPrint)
	registerLinkType(capture.DLTLinuxSLL, sllIfPrint)
	registerLinkType(capture.DLTLinuxSLL2, sll2IfPrint)
}

var bsdAFNames = []tok{
	{2, "IPv4"},
	{7, "OSI"},
	{16, "Appletalk"},
	{23, "IPX"},
	{24, "IPv6"},
	{28, "IPv6"},
	{30, "IPv6"},
}

func nullHdrPrint(nd *ND, family uint32, length int) {
	if !nd.Quick {
		nd.Print("AF ")
		nd.Print(tok2strNoAlloc(bsdAFNames, "Unknown", family))
		nd.Print(" (")
		nd.PrintUint(uint64(family))
		nd.Print(")")
	} else {
		nd.Print(tok2str(bsdAFNames, "Unknown AF %d", family))
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

func nullIfPrint(nd *ND, p *capture.Packet, b []byte) {
	length, caplen := int(p.Len), len(b)
	nd.SetProto("null")
	if caplen < 4 {
		nd.llHdrLen += caplen
		nd.PrintTrunc()
		return
	}
	nd.llHdrLen += 4
	family := binary.LittleEndian.Uint32(b)
	if family&0xffff0000 != 0 {
		family = family>>24 | family>>8&0xff00 | family<<8&0xff0000 | family<<24
	}
	if nd.LinkHeader {
		nullHdrPrint(nd, family, length)
	}
	length -= 4
	b = b[4:]
	switch family {
	case 2:
		ipPrint(nd, b, length)
	case 24, 28, 30:
		if !ethertypePrint(nd, etherTypeIPv6, b, length) {
			nd.DefaultPrint(b)
		}
	default:
		if !nd.LinkHeader {
			nullHdrPrint(nd, family, length+4)
		}
		nd.DefaultPrint(b)
	}
}

func rawIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("raw")
	if nd.LinkHeader {
		nd.Print("ip: ")
	}
	ipNPrint(nd, b, int(p.Len))
}

// ipNPrint prints an IPv4 or IPv6 datagram by its version nibble.
func ipNPrint(nd *ND, b []byte, length int) {
	nd.SetProto("ipn")
	if length < 1 {
		nd.Print("truncated-ip ")
		nd.PrintUint(uint64(length))
		return
	}
	switch getU8(b, 0) & 0xf0 {
	case 0x40:
		ipPrint(nd, b, length)
	case 0x60:
		if !ethertypePrint(nd, etherTypeIPv6, b, length) {
			nd.DefaultPrint(b)
		}
	default:
		nd.Print("unknown ip ")
		nd.PrintUint(uint64(getU8(b, 0) >> 4))
	}
}

var sllPktTypes = []tok{
	{0, "In"},
	{1, "B"},
	{2, "M"},
	{3, "P"},
	{4, "Out"},
}

const (
	sllP8023 = 0x0001
	sllP8022 = 0x0004
)

// sllProtoPrint prints the protocol part shared by the -e headers of
// both cooked formats.
func sllProtoPrint(nd *ND, etherType uint16, length int) {
	if nd.Quick {
		return
	}
	if etherType <= maxEthernetLengthVal {
		switch etherType {
		case sllP8023:
			nd.Print("802.3")
		case sllP8022:
			nd.Print("802.2")
		default:
			nd.Print("ethertype Unknown (0x")
			nd.PrintHex(uint64(etherType), 4)
			nd.Print(")")
		}
	} else {
		nd.Print("ethertype ")
		nd.Print(tok2strNoAlloc(etherTypeNames, "Unknown", uint32(etherType)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(etherType), 4)
		nd.Print(")")
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

func sllHdrPrint(nd *ND, h []byte, length int) {
	nd.SetProto("sll")
	t := tok2strNoAlloc(sllPktTypes, "?", uint32(getBE16(h, 0)))
	for i := len(t); i < 3; i++ {
		nd.PrintByte(' ')
	}
	nd.Print(t)
	nd.Print(" ")
	if getBE16(h, 4) == 6 {
		nd.PrintEtherAddr(h, 6)
		nd.Print(" ")
	}
	sllProtoPrint(nd, getBE16(h, 14), length)
}

func sllIfPrint(nd *ND, p *capture.Packet, b []byte) {
	const hdrLen = 16
	nd.SetProto("sll")
	if len(b) < hdrLen {
		nd.PrintTrunc()
		nd.llHdrLen += len(b)
		return
	}
	h := b[:hdrLen]
	length := int(p.Len)
	if nd.LinkHeader {
		sllHdrPrint(nd, h, length)
	}
	hdrlen := cookedPayloadPrint(nd, b[hdrLen:], length-hdrLen, hdrLen, getBE16(h, 14), func() {
		sllHdrPrint(nd, h, length)
	})
	nd.llHdrLen += hdrlen
}

func sll2HdrPrint(nd *ND, h []byte, length int) {
	nd.SetProto("sll2")
	nd.Print("ifindex ")
	nd.PrintUint(uint64(getBE32(h, 4)))
	nd.Print(" ")
	if getU8(h, 11) == 6 {
		nd.PrintEtherAddr(h, 12)
		nd.Print(" ")
	}
	sllProtoPrint(nd, getBE16(h, 0), length)
}

func sll2IfPrint(nd *ND, p *capture.Packet, b []byte) {
	const hdrLen = 20
	nd.SetProto("sll2")
	if len(b) < hdrLen {
		nd.PrintTrunc()
		nd.llHdrLen += len(b)
		return
	}
	h := b[:hdrLen]
	length := int(p.Len)
	name := "?"
	if ifc, err := net.InterfaceByIndex(int(getBE32(h, 4))); err == nil {
		name = ifc.Name
	}
	nd.Print(name)
	for i := len(name); i < 5; i++ {
		nd.PrintByte(' ')
	}
	nd.Print(" ")
	t := tok2strNoAlloc(sllPktTypes, "?", uint32(getU8(h, 10)))
	nd.Print(t)
	for i := len(t); i < 3; i++ {
		nd.PrintByte(' ')
	}
	nd.Print(" ")
	if nd.LinkHeader {
		sll2HdrPrint(nd, h, length)
	}
	hdrlen := cookedPayloadPrint(nd, b[hdrLen:], length-hdrLen, hdrLen, getBE16(h, 0), func() {
		sll2HdrPrint(nd, h, length)
	})
	nd.llHdrLen += hdrlen
}

// cookedPayloadPrint prints what follows a Linux cooked header and
// returns the link-layer header length, including any VLAN tags and LLC
// header it consumed. hdrPrint prints the cooked header for the unknown
// ethertype case when -e did not already.
func cookedPayloadPrint(nd *ND, b []byte, length, hdrlen int, etherType uint16, hdrPrint func()) int {
	for {
		switch {
		case etherType <= maxEthernetLengthVal:
			switch etherType {
			case sllP8022:
				llcLen := llcPrint(nd, b, length, len(b), nil, nil)
				if llcLen < 0 {
					nd.DefaultPrint(b)
					return hdrlen
				}
				return hdrlen + llcLen
			default:
				nd.DefaultPrint(b)
			}
			return hdrlen
		case etherType == etherType8021Q:
			if len(b) < 4 {
				nd.SetProto("vlan")
				nd.PrintTrunc()
				return hdrlen + len(b)
			}
			if nd.LinkHeader {
				vlanTCIPrint(nd, getBE16(b, 0))
				nd.Print(", ")
			}
			etherType = getBE16(b, 2)
			if etherType <= maxEthernetLengthVal {
				etherType = sllP8022
			}
			if !nd.Quick {
				nd.Print("ethertype ")
				nd.Print(tok2strNoAlloc(etherTypeNames, "Unknown", uint32(etherType)))
				nd.Print(", ")
			}
			b = b[4:]
			length -= 4
			hdrlen += 4
		default:
			if !ethertypePrint(nd, etherType, b, length) {
				if !nd.LinkHeader {
					hdrPrint()
				}
				nd.DefaultPrint(b)
			}
			return hdrlen
		}
	}
}
