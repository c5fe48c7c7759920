package dissect

import "github.com/goclues/goclues/common/capture"

// ARCNET (tcpdump's print-arcnet.c): the BSD header (source, destination,
// type, and for "phds" types a fragmentation flag and sequence ID) and
// the Linux header (source, destination, offset, type).

func init() {
	registerLinkType(dltARCNET, arcnetIfPrint)
	registerLinkType(dltARCNETLinux, arcnetLinuxIfPrint)
}

const (
	dltARCNET      = 7
	dltARCNETLinux = 129

	arcHdrLen       = 3
	arcHdrNewLen    = 6
	arcHdrNewLenExc = 10

	arcLinuxHdrLen    = 5
	arcLinuxHdrNewLen = 8

	arcTypeIPOld    = 240
	arcTypeARPOld   = 241
	arcTypeIP       = 212
	arcTypeARP      = 213
	arcTypeRevARP   = 214
	arcTypeATalk    = 221
	arcTypeBanyan   = 247
	arcTypeIPX      = 250
	arcTypeINet6    = 0xc4
	arcTypeDiagnose = 0x80
)

var arcTypeNames = []tok{
	{arcTypeIPOld, "oldip"},
	{arcTypeARPOld, "oldarp"},
	{arcTypeIP, "ip"},
	{arcTypeARP, "arp"},
	{arcTypeRevARP, "rarp"},
	{arcTypeATalk, "atalk"},
	{arcTypeBanyan, "banyan"},
	{arcTypeIPX, "ipx"},
	{arcTypeINet6, "ipv6"},
	{arcTypeDiagnose, "diag"},
}

// arcnetHdrPrint prints the -e header. It reads the type at offset 2 as
// the BSD header has it, for the Linux header too (as tcpdump does).
func arcnetHdrPrint(nd *ND, b []byte, length int, phds bool, flag uint8, seqid uint16) {
	nd.SetProto("arcnet")
	nd.PrintHex(uint64(getU8(b, 0)), 2)
	nd.PrintByte(' ')
	nd.PrintHex(uint64(getU8(b, 1)), 2)
	nd.PrintByte(' ')
	if nd.Quick {
		nd.PrintUint(uint64(length))
		nd.Print(": ")
		return
	}
	nd.Print(tok2str(arcTypeNames, "%02x", uint32(getU8(b, 2))))
	nd.PrintByte(' ')
	if phds {
		nd.Print("seqid ")
		nd.PrintHex(uint64(seqid), 4)
		nd.PrintByte(' ')
		switch {
		case flag == 0:
		case flag&1 != 0:
			nd.Printf("(first of %d fragments) ", (uint32(flag)+3)/2)
		default:
			nd.Printf("(fragment %d) ", uint32(flag)/2+1)
		}
	}
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

// arcnetTrunc stops the packet with the captured bytes as link header.
func arcnetTrunc(nd *ND, caplen int) {
	nd.llHdrLen += caplen
	trunc()
}

func arcnetIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("arcnet")
	length, caplen := int(p.Len), len(b)
	if caplen < arcHdrLen {
		arcnetTrunc(nd, caplen)
	}
	arcType := getU8(b, 2)
	phds := true
	hdrLen := 0
	switch arcType {
	case arcTypeIPOld, arcTypeARPOld, arcTypeDiagnose:
		phds = false
		hdrLen = arcHdrLen
	}
	var flag uint8
	var seqid uint16
	if phds {
		if caplen < arcHdrNewLen {
			arcnetHdrPrint(nd, b, length, false, 0, 0)
			nd.Print(" phds")
			arcnetTrunc(nd, caplen)
		}
		flag = getU8(b, 3)
		if flag == 0xff {
			if caplen < arcHdrNewLenExc {
				arcnetHdrPrint(nd, b, length, false, 0, 0)
				nd.Print(" phds extended")
				arcnetTrunc(nd, caplen)
			}
			flag = getU8(b, 7)
			seqid = getBE16(b, 8)
			hdrLen = arcHdrNewLenExc
		} else {
			seqid = getBE16(b, 4)
			hdrLen = arcHdrNewLen
		}
	}
	if nd.LinkHeader {
		arcnetHdrPrint(nd, b, length, phds, flag, seqid)
	}
	if phds && flag != 0 && flag&1 == 0 {
		// A middle fragment: nothing to decode.
		nd.llHdrLen += hdrLen
		return
	}
	if !arcnetEncapPrint(nd, arcType, b[hdrLen:], length-hdrLen) {
		nd.DefaultPrint(b[hdrLen:])
	}
	nd.llHdrLen += hdrLen
}

func arcnetLinuxIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("arcnet_linux")
	length, caplen := int(p.Len), len(b)
	if caplen < arcLinuxHdrLen {
		arcnetTrunc(nd, caplen)
	}
	arcType := getU8(b, 4)
	hdrLen := arcLinuxHdrNewLen
	switch arcType {
	case arcTypeIPOld, arcTypeARPOld, arcTypeDiagnose:
		hdrLen = arcLinuxHdrLen
	default:
		if caplen < arcLinuxHdrNewLen {
			arcnetTrunc(nd, caplen)
		}
	}
	if nd.LinkHeader {
		arcnetHdrPrint(nd, b, length, false, 0, 0)
	}
	if !arcnetEncapPrint(nd, arcType, b[hdrLen:], length-hdrLen) {
		nd.DefaultPrint(b[hdrLen:])
	}
	nd.llHdrLen += hdrLen
}

// arcnetEncapPrint prints the payload by ARCNET type and reports whether
// the type is one it knows.
func arcnetEncapPrint(nd *ND, arcType uint8, b []byte, length int) bool {
	switch arcType {
	case arcTypeIPOld, arcTypeIP:
		ipPrint(nd, b, length)
	case arcTypeINet6:
		ip6Print(nd, b, length)
	case arcTypeARPOld, arcTypeARP, arcTypeRevARP:
		arpPrint(nd, b, length)
	case arcTypeATalk:
		if nd.Verbose > 0 {
			nd.Print("et1 ")
		}
		return callPrinter(nd, "atalk_print", b, length)
	case arcTypeIPX:
		return callPrinter(nd, "ipx_print", b, length)
	default:
		return false
	}
	return true
}
