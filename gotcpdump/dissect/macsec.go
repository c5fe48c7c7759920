package dissect

// IEEE 802.1AE MACsec SecTAG, as tcpdump's print-macsec.c prints it. The
// SecTAG sits between the MAC addresses and the inner type/length field,
// so the Ethernet printer calls macsecEtherPrint before it looks at VLAN
// tags.

const (
	macsecICVLen    = 16 // default integrity check value length
	macsecTagNoSCI  = 6  // SecTAG without the Secure Channel Identifier
	macsecTagWithSC = 14 // SecTAG with the SCI

	macsecTCIVersion = 0x80
	macsecTCIES      = 0x40 // end station
	macsecTCISC      = 0x20 // SCI present
	macsecTCISCB     = 0x10 // EPON single copy broadcast
	macsecTCIE       = 0x08 // encrypted
	macsecTCIC       = 0x04 // changed text
	macsecANMask     = 0x03
	macsecTCIFlags   = macsecTCIES | macsecTCISC | macsecTCISCB | macsecTCIE | macsecTCIC
	macsecTCIConfid  = macsecTCIE | macsecTCIC
	macsecSLMask     = 0x3f
)

var macsecFlagNames = []tok{
	{macsecTCIE, "E"},
	{macsecTCIC, "C"},
	{macsecTCIES, "S"},
	{macsecTCISCB, "B"},
	{macsecTCISC, "I"},
}

// macsecHeaderPrint prints "an N, pn N, flags F[, sl N][, sci X], ".
func macsecHeaderPrint(nd *ND, tag []byte, shortLength uint8) {
	tci := getU8(tag, 0)
	nd.Print("an ")
	nd.PrintUint(uint64(tci & macsecANMask))
	nd.Print(", pn ")
	nd.PrintUint(uint64(getBE32(tag, 2)))
	nd.Print(", flags ")
	nd.Print(bittok2strNosep(macsecFlagNames, "none", uint32(tci&macsecTCIFlags)))
	if shortLength != 0 {
		nd.Print(", sl ")
		nd.PrintUint(uint64(shortLength))
	}
	if tci&macsecTCISC != 0 {
		nd.Print(", sci ")
		nd.PrintHex(getBE64(tag, 6), 16)
	}
	nd.Print(", ")
}

// macsecEtherPrint handles a MACsec frame inside the Ethernet printer
// (ether_common_print's MACsec branch plus macsec_print). p, length,
// caplen and hdrlen are the Ethernet printer's cursor; on return they
// point past the SecTAG, and *lengthType holds the inner type/length
// field. It reports done when the frame has been printed completely
// (encrypted payload or a bad header), with *hdrlen what the Ethernet
// printer must return.
func macsecEtherPrint(nd *ND, p *[]byte, length, caplen, hdrlen *int, lengthType *uint16, src, dst []byte) (done bool) {
	saved := nd.proto
	nd.SetProto("macsec")
	done = macsecTagPrint(nd, p, length, caplen, hdrlen, src, dst)
	nd.SetProto(saved)
	if done {
		return true
	}
	*lengthType = getBE16(*p, 0)
	*p = rest(*p, 2)
	*length -= 2
	*caplen -= 2
	*hdrlen += 2
	return false
}

// macsecTagPrint is macsec_print: it checks and prints the SecTAG and
// moves the cursor past it (and before the ICV of a cleartext payload).
// A truncated read leaves "macsec" as the protocol, as tcpdump's longjmp
// does.
func macsecTagPrint(nd *ND, p *[]byte, length, caplen, hdrlen *int, src, dst []byte) (done bool) {
	tag := *p
	stop := func() bool {
		nd.PrintTrunc()
		*hdrlen += *caplen
		return true
	}
	if *caplen < macsecTagNoSCI || *length < macsecTagNoSCI {
		return stop()
	}
	tci := getU8(tag, 0)
	tagLen := macsecTagNoSCI
	if tci&macsecTCISC != 0 {
		tagLen = macsecTagWithSC
		if *caplen < macsecTagWithSC || *length < macsecTagWithSC {
			return stop()
		}
	}
	sl := getU8(tag, 1)
	if sl&^macsecSLMask != 0 || tci&macsecTCIVersion != 0 {
		nd.PrintInvalid()
		*hdrlen += *caplen
		return true
	}
	shortLength := sl & macsecSLMask
	if nd.LinkHeader {
		macsecHeaderPrint(nd, tag, shortLength)
	}
	*p = rest(tag, tagLen)
	*hdrlen += tagLen
	*length -= tagLen
	*caplen -= tagLen

	if tci&macsecTCIConfid != 0 {
		if !nd.LinkHeader {
			nd.PrintEtherAddr(src, 0)
			nd.Print(" > ")
			nd.PrintEtherAddr(dst, 0)
			nd.Print(" 802.1AE MACsec, ")
			macsecHeaderPrint(nd, tag, shortLength)
		}
		nd.DefaultPrint(clip(*p, *caplen))
		return true
	}

	// Cleartext payload: the ICV at the end is not part of it.
	if *length < macsecICVLen || *caplen < macsecICVLen {
		*hdrlen -= tagLen
		*caplen += tagLen
		return stop()
	}
	*length -= macsecICVLen
	*caplen -= macsecICVLen
	if shortLength != 0 {
		n := int(shortLength)
		if n > *length || n > *caplen {
			*hdrlen -= tagLen
			*caplen += tagLen
			return stop()
		}
		*length = min(*length, n)
		*caplen = min(*caplen, n)
	}
	*p = clip(*p, *caplen)
	return false
}
