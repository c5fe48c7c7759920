package dissect

import "github.com/goclues/goclues/common/capture"

// Frame Relay (tcpdump's print-fr.c): the Q.922 address, RFC 2427 NLPID
// and Cisco ethertype encapsulations, FRF.15 and FRF.16 (multilink)
// fragmentation, and Q.933 / LMI signalling.

func init() {
	registerLinkType(dltFrelay, frIfPrint)
	registerLinkType(dltMFR, mfrIfPrint)
	registerPrinter("fr_print", func(nd *ND, b []byte, length int) { frPrint(nd, b, length) })
	registerPrinter("mfr_print", func(nd *ND, b []byte, length int) { mfrPrint(nd, b, length) })
	registerPrinter("q933_print", q933Print)
}

const (
	dltFrelay = 107
	dltMFR    = 182

	frEABit   = 0x01
	frCRBit   = 0x02000000
	frDEBit   = 0x00020000
	frBECNBit = 0x00040000
	frFECNBit = 0x00080000
	frSDLCBit = 0x00000002

	mfrBBit      = 0x80
	mfrEBit      = 0x40
	mfrCBit      = 0x20
	mfrBECMask   = mfrBBit | mfrEBit | mfrCBit
	mfrCtrlFrame = mfrBBit | mfrEBit | mfrCBit
	mfrFragFrame = mfrBBit | mfrEBit

	nlpidNull  = 0x00
	nlpidQ933  = 0x08
	nlpidSNAP  = 0x80
	nlpidMFR   = 0xb1
	nlpidPPP   = 0xcf
	nlpidIP6   = 0x8e
	frf15Iface = 0x01
)

var frHeaderFlagNames = []tok{
	{frCRBit, "C!"},
	{frDEBit, "DE"},
	{frBECNBit, "BECN"},
	{frFECNBit, "FECN"},
	{frSDLCBit, "sdlcore"},
}

var frfFlagNames = []tok{
	{mfrBBit, "Begin"},
	{mfrEBit, "End"},
	{mfrCBit, "Control"},
}

var nlpidNames = []tok{
	{nlpidNull, "NULL"},
	{nlpidQ933, "Q.933"},
	{0x09, "LMI"},
	{nlpidSNAP, "SNAP"},
	{nlpidCLNP, "CLNP"},
	{nlpidESIS, "ES-IS"},
	{nlpidISIS, "IS-IS"},
	{0x84, "CONS"},
	{0x85, "IDRP"},
	{0xc1, "ISIS_SPB"},
	{nlpidMFR, "FRF.15"},
	{nlpidIP, "IPv4"},
	{nlpidPPP, "PPP"},
	{0x8a, "X25 ES-IS"},
	{nlpidIP6, "IPv6"},
}

// q922Addr is a parsed Q.922 address.
type q922Addr struct {
	dlci  uint32
	len   int
	flags uint32
}

// parseQ922 parses the Q.922 address at the start of b: 1 for a valid
// address, 0 for an invalid one, -1 when it is cut short.
func parseQ922(b []byte, length int) (q922Addr, int) {
	var a q922Addr
	if !ttest(b, 0, 1) || length < 1 {
		return a, -1
	}
	b0 := b[0]
	if b0&frEABit != 0 {
		return a, 0
	}
	if !ttest(b, 1, 1) || length < 2 {
		return a, -1
	}
	b1 := b[1]
	a.len = 2
	a.dlci = uint32(b0&0xfc)<<2 | uint32(b1&0xf0)>>4
	a.flags = uint32(b0&0x02)<<24 | uint32(b1&0x0e)<<16
	if b1&frEABit != 0 {
		return a, 1
	}
	off := 2
	length -= 2
	if !ttest(b, off, 1) || length < 1 {
		return a, -1
	}
	a.len++
	if b[off]&frEABit == 0 {
		a.dlci = a.dlci<<7 | uint32(b[off]>>1)
		a.len++
		off++
		length--
	}
	if !ttest(b, off, 1) || length < 1 {
		return a, -1
	}
	if b[off]&frEABit == 0 {
		return a, 0
	}
	a.flags |= uint32(b[off] & 0x02)
	a.dlci = a.dlci<<6 | uint32(b[off]>>2)
	return a, 1
}

func frHdrPrint(nd *ND, length int, a q922Addr, addrLen int, nlpid uint16) {
	if nd.Quick {
		nd.Printf("Q.922, DLCI %d, length %d: ", a.dlci, length)
		return
	}
	nd.Printf("Q.922, hdr-len %d, DLCI %d, Flags [%s], ", addrLen, a.dlci, bittok2str(frHeaderFlagNames, "none", a.flags))
	if nlpid <= 0xff {
		nd.Printf("NLPID %s (0x%02x), length %d: ", tok2strNoAlloc(nlpidNames, "unknown", uint32(nlpid)), nlpid, length)
	} else {
		nd.Printf("cisco-ethertype %s (0x%04x), length %d: ", tok2strNoAlloc(etherTypeNames, "unknown", uint32(nlpid)), nlpid, length)
	}
}

func frIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("fr")
	if len(b) < 4 {
		nd.PrintTrunc()
		nd.llHdrLen += len(b)
		return
	}
	nd.llHdrLen += frPrint(nd, b, int(p.Len))
}

// hexASCIIPrintLen is hex_and_ascii_print over length bytes: what was
// captured of them, then the truncation marker if that was less.
func hexASCIIPrintLen(nd *ND, b []byte, length int) {
	if length < 0 {
		length = 0
	}
	nd.HexASCIIPrint("\n\t", clip(b, length))
	if length > len(b) {
		nd.PrintTrunc()
	}
}

// frPrint prints a Frame Relay frame and returns its header length.
func frPrint(nd *ND, b []byte, length int) int {
	nd.SetProto("fr")
	a, ret := parseQ922(b, length)
	if ret == -1 {
		nd.PrintTrunc()
		return 0
	}
	if ret == 0 {
		nd.Print("Q.922, invalid address")
		return 0
	}
	addrLen := a.len
	if !ttest(b, addrLen, 1) || length < addrLen+1 {
		nd.PrintTrunc()
		return 0
	}
	if b[addrLen] != llcUI && a.dlci != 0 {
		// Cisco encapsulation: an ethertype after the address.
		if !ttest(b, addrLen, 2) || length < addrLen+2 {
			nd.Printf("UI %02x! ", b[addrLen])
		} else {
			et := getBE16(b, addrLen)
			if nd.LinkHeader {
				frHdrPrint(nd, length, a, addrLen, et)
			}
			if ethertypePrint(nd, et, b[addrLen+2:], length-addrLen-2) {
				return addrLen + 2
			}
			nd.Printf("UI %02x! ", b[addrLen])
		}
	}
	if !ttest(b, addrLen+1, 1) || length < addrLen+2 {
		nd.PrintTrunc()
		return 0
	}
	var hdrLen int
	if b[addrLen+1] == 0 {
		if addrLen != 3 {
			nd.Print("Pad! ")
		}
		hdrLen = addrLen + 3
	} else {
		if addrLen == 3 {
			nd.Print("No pad! ")
		}
		hdrLen = addrLen + 2
	}
	if !ttest(b, hdrLen-1, 1) || length < hdrLen {
		nd.PrintTrunc()
		return 0
	}
	nlpid := b[hdrLen-1]
	if nd.LinkHeader {
		frHdrPrint(nd, length, a, addrLen, uint16(nlpid))
	}
	p := b[hdrLen:]
	length -= hdrLen
	switch nlpid {
	case nlpidIP:
		ipPrint(nd, p, length)
	case nlpidIP6:
		ip6Print(nd, p, length)
	case nlpidCLNP, nlpidESIS, nlpidISIS:
		callPrinter(nd, "isoclns_print", b[hdrLen-1:], length+1)
	case nlpidSNAP:
		if !snapPrint(nd, p, length, len(p), nil, nil, 0) {
			if !nd.LinkHeader {
				frHdrPrint(nd, length+hdrLen, a, hdrLen, uint16(nlpid))
			}
			if !nd.suppressDefaultPrint() {
				hexASCIIPrintLen(nd, b, length+hdrLen)
			}
		}
	case nlpidQ933:
		q933Print(nd, p, length)
	case nlpidMFR:
		frf15Print(nd, p, length)
	case nlpidPPP:
		pppPrint(nd, p, length)
	default:
		if !nd.LinkHeader {
			frHdrPrint(nd, length+hdrLen, a, addrLen, uint16(nlpid))
		}
		if nd.HexDump == 0 {
			hexASCIIPrintLen(nd, p, length)
		}
	}
	return hdrLen
}

func mfrIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("mfr")
	if len(b) < 2 {
		nd.PrintTrunc()
		nd.llHdrLen += len(b)
		return
	}
	nd.llHdrLen += mfrPrint(nd, b, int(p.Len))
}

var mfrCtrlMsgNames = []tok{
	{1, "Add Link"},
	{2, "Add Link ACK"},
	{3, "Add Link Reject"},
	{4, "Hello"},
	{5, "Hello ACK"},
	{6, "Remove Link"},
	{7, "Remove Link ACK"},
}

const (
	mfrIEBundleID  = 1
	mfrIELinkID    = 2
	mfrIEMagicNum  = 3
	mfrIETimestamp = 5
	mfrIDMaxLen    = 50
)

var mfrCtrlIENames = []tok{
	{mfrIEBundleID, "Bundle ID"},
	{mfrIELinkID, "Link ID"},
	{mfrIEMagicNum, "Magic Number"},
	{mfrIETimestamp, "Timestamp"},
	{6, "Vendor Extension"},
	{7, "Cause"},
}

// mfrPrint prints an FRF.16 multilink frame and returns its header
// length.
func mfrPrint(nd *ND, b []byte, length int) int {
	nd.SetProto("mfr")
	if length < 4 {
		nd.Printf("[length %d < 4]", length)
		nd.PrintInvalid()
		return length
	}
	if !ttest(b, 0, 4) {
		nd.PrintTrunc()
		return length
	}
	flags := uint32(b[0] & mfrBECMask)
	if flags == mfrCtrlFrame && b[1] == 0 {
		nd.Printf("FRF.16 Control, Flags [%s], %s, length %d", bittok2str(frfFlagNames, "none", flags),
			tok2str(mfrCtrlMsgNames, "Unknown Message (0x%02x)", uint32(b[2])), length)
		if nd.Verbose == 0 {
			return 3
		}
		off, tlen := 3, length-3
		for tlen > 2 {
			if !ttest(b, off, 2) {
				nd.PrintTrunc()
				return length
			}
			ieType, ieLen := b[off], int(b[off+1])
			nd.Printf("\n\tIE %s (%d), length %d: ", tok2strNoAlloc(mfrCtrlIENames, "Unknown", uint32(ieType)), ieType, ieLen)
			if ieType == 0 || ieLen <= 2 {
				return 3
			}
			if !ttest(b, off, ieLen) {
				nd.PrintTrunc()
				return length
			}
			off += 2
			ieLen -= 2
			tlen -= 2
			switch ieType {
			case mfrIEMagicNum:
				if ieLen != 4 {
					nd.Printf("[IE data length %d != 4]", ieLen)
					nd.PrintInvalid()
					break
				}
				nd.Print("0x")
				nd.PrintHex(uint64(getBE32(b, off)), 8)
			case mfrIEBundleID, mfrIELinkID:
				for i := 0; i < ieLen && i < mfrIDMaxLen; i++ {
					c := getU8(b, off+i)
					if c == 0 {
						break
					}
					nd.printChar(c)
				}
			default:
				// Timestamps are shown as hex too: tcpdump decodes them
				// only as a host struct timeval.
				if nd.Verbose <= 1 {
					unknownDataPrint(nd, b, off, "\n\t  ", ieLen)
				}
			}
			if nd.Verbose > 1 {
				unknownDataPrint(nd, b, off, "\n\t  ", ieLen)
			}
			tlen -= ieLen
			off += ieLen
		}
		return 3
	}
	seq := uint32(b[0]&0x1e)<<7 | uint32(b[1])
	if flags == mfrFragFrame || flags == mfrBBit {
		nd.Printf("FRF.16 Frag, seq %d, Flags [%s], ", seq, bittok2str(frfFlagNames, "none", flags))
		frPrint(nd, b[2:], length-2)
		return 2
	}
	nd.Printf("FRF.16 Frag, seq %d, Flags [%s]", seq, bittok2str(frfFlagNames, "none", flags))
	unknownDataPrint(nd, b, 0, "\n\t", length)
	return 0
}

// frf15Print prints an FRF.15 end-to-end or interface fragment header.
func frf15Print(nd *ND, b []byte, length int) {
	if length < 2 {
		nd.PrintTrunc()
		return
	}
	b0 := getU8(b, 0)
	flags := uint32(b0 & mfrBECMask)
	seq := uint32(b0&0x1e)<<7 | uint32(getU8(b, 1))
	kind := "End-to-End"
	if b0&frf15Iface != 0 {
		kind = "Interface"
	}
	nd.Printf("FRF.15, seq 0x%03x, Flags [%s],%s Fragmentation, length %d", seq, bittok2str(frfFlagNames, "none", flags), kind, length)
}
