package dissect

import "github.com/goclues/goclues/common/capture"

// PPPoE, PPP over Ethernet (RFC 2516, tcpdump's print-pppoe.c):
// discovery packets with their tags, and session packets carrying PPP.

const (
	dltPPPEther  = 51
	pppoeHdrLen  = 6
	pppoeMaxTag  = 80 - 1 // tag bytes shown as text
	pppoeCodePAD = 0x09
)

func init() {
	registerLinkType(dltPPPEther, pppoeIfPrint)
	for _, t := range []uint16{etherTypePPPoED, etherTypePPPoES, 0x3c12, 0x3c13} {
		registerEtherType(t, func(nd *ND, b []byte, length int) { pppoePrint(nd, b, length) })
	}
}

var (
	pppoeCodes = []tok{{0x09, "PADI"}, {0x07, "PADO"}, {0x19, "PADR"}, {0x65, "PADS"}, {0xa7, "PADT"}, {0, ""}}
	pppoeTags  = []tok{
		{0, "EOL"}, {0x0101, "Service-Name"}, {0x0102, "AC-Name"}, {0x0103, "Host-Uniq"},
		{0x0104, "AC-Cookie"}, {0x0105, "Vendor-Specific"}, {0x0110, "Relay-Session-ID"},
		{0x0120, "PPP-Max-Payload"}, {0x0201, "Service-Name-Error"}, {0x0202, "AC-System-Error"},
		{0x0203, "Generic-Error"},
	}
)

// pppoeIfPrint is the DLT_PPP_ETHER link printer.
func pppoeIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.llHdrLen += pppoePrint(nd, b, int(p.Len))
}

// pppoePrint prints a PPPoE packet and returns the length of its
// headers, PPP's included.
func pppoePrint(nd *ND, b []byte, length int) int {
	nd.SetProto("pppoe")
	if length < pppoeHdrLen {
		nd.Printf(" (length %d < %d)", length, pppoeHdrLen)
		nd.PrintInvalid()
		return 0
	}
	length -= pppoeHdrLen
	tcheck(b, 0, pppoeHdrLen)
	verType := getU8(b, 0)
	code := getU8(b, 1)
	session := getBE16(b, 2)
	plen := int(getBE16(b, 4))
	if v := verType >> 4; v != 1 {
		nd.Printf(" [ver %d]", v)
	}
	if t := verType & 0x0f; t != 1 {
		nd.Printf(" [type %d]", t)
	}
	nd.Printf("PPPoE %s", tok2str(pppoeCodes, "PAD-%x", uint32(code)))
	if code == pppoeCodePAD && plen > 1484-pppoeHdrLen {
		nd.Printf(" [len %d!]", plen)
	}
	if plen > length {
		nd.Printf(" [len %d > %d!]", plen, length)
		plen = length
	}
	if session != 0 {
		nd.Printf(" [ses 0x%x]", session)
	}
	if code == 0 {
		nd.PrintByte(' ')
		return pppoeHdrLen + pppPrint(nd, sub(b, pppoeHdrLen), plen)
	}
	// Discovery packets carry tags, up to an end-of-list tag.
	end := pppoeHdrLen + plen
	tagType := uint16(0xffff)
	for p := pppoeHdrLen; tagType != 0 && p < end; {
		tagType = getBE16(b, p)
		n := int(getBE16(b, p+2))
		p += 4
		name := tok2str(pppoeTags, "TAG-0x%x", uint32(tagType))
		if n == 0 {
			nd.Printf(" [%s]", name)
			continue
		}
		tcheck(b, p, n)
		pppoeTagPrint(nd, name, b[p:p+n])
		p += n
	}
	return pppoeHdrLen
}

// pppoeTagPrint prints a tag's value as text when it is mostly printable
// (its first 79 bytes, others as dots), else in hex.
func pppoeTagPrint(nd *ND, name string, v []byte) {
	shown := v
	if len(shown) > pppoeMaxTag {
		shown = shown[:pppoeMaxTag]
	}
	printable := 0
	for _, c := range shown {
		if c >= 0x20 && c < 0x7f {
			printable++
		}
	}
	if printable > len(shown)-printable {
		nd.Printf(" [%s \"", name)
		for _, c := range shown {
			if c < 0x20 || c >= 0x7f {
				c = '.'
			}
			nd.PrintByte(c)
		}
		nd.Print("\"]")
		return
	}
	nd.Printf(" [%s 0x", name)
	for _, c := range v {
		nd.Printf("%02X", c)
	}
	nd.PrintByte(']')
}
