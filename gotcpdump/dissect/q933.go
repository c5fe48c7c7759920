package dissect

// Q.933 / ANSI T1.617 Annex D signalling over Frame Relay (the q933 part
// of tcpdump's print-fr.c): call reference, message type, and the
// information elements, with LMI report type, link verify and PVC status
// decoded in codesets 0 and 5.

var q933MsgNames = []tok{
	{0x00, "ESC to National"},
	{0x01, "Alert"},
	{0x02, "Call proceeding"},
	{0x07, "Connect"},
	{0x0f, "Connect ACK"},
	{0x03, "Progress"},
	{0x05, "Setup"},
	{0x45, "Disconnect"},
	{0x4d, "Release"},
	{0x5a, "Release Complete"},
	{0x46, "Restart"},
	{0x4e, "Restart ACK"},
	{0x7d, "Status Reply"},
	{0x75, "Status Enquiry"},
}

const (
	lmiANSIReportType   = 0x01
	lmiANSILinkVerify91 = 0x19
	lmiANSILinkVerify   = 0x03
	lmiANSIPVCStatus    = 0x07
	lmiCCITTReportType  = 0x51
	lmiCCITTLinkVerify  = 0x53
	lmiCCITTPVCStatus   = 0x57
)

var q933IENamesCodeset05 = []tok{
	{lmiANSIReportType, "ANSI Report Type"},
	{lmiANSILinkVerify91, "ANSI Link Verify"},
	{lmiANSILinkVerify, "ANSI Link Verify"},
	{lmiANSIPVCStatus, "ANSI PVC Status"},
	{lmiCCITTReportType, "CCITT Report Type"},
	{lmiCCITTLinkVerify, "CCITT Link Verify"},
	{lmiCCITTPVCStatus, "CCITT PVC Status"},
}

var lmiReportTypeNames = []tok{
	{0, "Full Status"},
	{1, "Link verify"},
	{2, "Async PVC Status"},
}

func q933IsShift(ie uint8) bool        { return ie&0xf0 == 0x90 }
func q933ShiftIsLocking(ie uint8) bool { return ie&0x08 == 0 }
func q933ShiftCodeset(ie uint8) uint8  { return ie & 0x07 }
func q933CodesetDecoded(cs uint8) bool { return cs == 0 || cs == 5 }
func q933IsSingleOctet(ie uint8) bool  { return ie&0x80 != 0 }
func q933IEName(cs, ie uint8) string {
	if q933CodesetDecoded(cs) {
		return tok2strNoAlloc(q933IENamesCodeset05, "unknown", uint32(ie))
	}
	return "unknown"
}

// q933Print prints a Q.933 message.
func q933Print(nd *ND, b []byte, length int) {
	nd.SetProto("q.933")
	if !nd.LinkHeader {
		nd.Print("Q.933")
	}
	olen := length
	short := func(n int) {
		if !nd.LinkHeader {
			nd.Print(", ")
		}
		nd.Print("length ")
		nd.PrintUint(uint64(n))
		nd.PrintTrunc()
	}
	if length == 0 || !ttest(b, 0, 1) {
		short(length)
		return
	}
	callRefLen := int(b[0] & 0x0f)
	off := 1
	length--
	var callRef [15]byte
	for i := range callRefLen {
		if length == 0 || !ttest(b, off, 1) {
			short(olen)
			return
		}
		callRef[i] = b[off]
		off++
		length--
	}
	if length == 0 || !ttest(b, off, 1) {
		short(olen)
		return
	}
	msgType := b[off]
	off++
	length--

	var codeset, unshiftCodeset uint8
	ansi := false
	nonLockingShift := 0
	if length != 0 {
		if !ttest(b, off, 1) {
			short(olen)
			return
		}
		if ie := b[off]; q933IsShift(ie) {
			off++
			length--
			codeset = q933ShiftCodeset(ie)
			if q933ShiftIsLocking(ie) {
				ansi = codeset == 5
			} else {
				nonLockingShift = 1
				unshiftCodeset = 0
			}
		}
	}
	if !nd.LinkHeader {
		nd.Print(", ")
	}
	if ansi {
		nd.Print("ANSI")
	} else {
		nd.Print("CCITT")
	}
	nd.Print(", codeset ")
	nd.PrintUint(uint64(codeset))
	if callRefLen != 0 && (callRefLen > 1 || getU8(b, off) != 0) {
		nd.Print(", Call Ref: 0x")
		for i := range callRefLen {
			nd.PrintHex(uint64(callRef[i]), 2)
		}
	}
	if nd.Verbose > 0 {
		nd.Printf(", %s (0x%02x), length %d", tok2strNoAlloc(q933MsgNames, "unknown message", uint32(msgType)), msgType, olen)
	} else {
		nd.Print(", ")
		nd.Print(tok2str(q933MsgNames, "unknown message 0x%02x", uint32(msgType)))
	}
	truncLen := func() {
		if nd.Verbose == 0 {
			nd.Printf(", length %d", olen)
		}
		nd.PrintTrunc()
	}
	for length != 0 {
		switch nonLockingShift {
		case 1:
			nonLockingShift = 2
		case 2:
			codeset = unshiftCodeset
			nonLockingShift = 0
		}
		if !ttest(b, off, 1) {
			truncLen()
			return
		}
		ie := b[off]
		off++
		length--
		if q933IsSingleOctet(ie) {
			if q933IsShift(ie) {
				if q933ShiftIsLocking(ie) {
					nonLockingShift = 0
				} else {
					nonLockingShift = 1
					unshiftCodeset = codeset
				}
				codeset = q933ShiftCodeset(ie)
			}
			continue
		}
		if length == 0 || !ttest(b, off, 1) {
			truncLen()
			return
		}
		ieLen := int(b[off])
		off++
		length--
		if nd.Verbose > 0 {
			nd.Printf("\n\t%s IE (0x%02x), length %d: ", q933IEName(codeset, ie), ie, ieLen)
		}
		if ie == 0 || ieLen == 0 {
			return
		}
		if length < ieLen || !ttest(b, off, ieLen) {
			truncLen()
			return
		}
		known := q933CodesetDecoded(codeset) && q933IEPrint(nd, ie, b[off:off+ieLen])
		switch {
		case known && nd.Verbose > 1:
			unknownDataPrint(nd, b, off, "\n\t  ", ieLen)
		case !known && nd.Verbose >= 1:
			unknownDataPrint(nd, b, off, "\n\t", ieLen)
		}
		length -= ieLen
		off += ieLen
	}
	if nd.Verbose == 0 {
		nd.Printf(", length %d", olen)
	}
}

// q933IEPrint prints an IE of codeset 0 or 5 and reports whether it is
// one it decodes.
func q933IEPrint(nd *ND, ie uint8, p []byte) bool {
	n := len(p)
	switch ie {
	case lmiANSIReportType, lmiCCITTReportType:
		if nd.Verbose > 0 {
			nd.Printf("%s (%d)", tok2strNoAlloc(lmiReportTypeNames, "unknown", uint32(p[0])), p[0])
		}
	case lmiANSILinkVerify, lmiCCITTLinkVerify, lmiANSILinkVerify91:
		if nd.Verbose == 0 {
			nd.Print(", ")
		}
		if n < 2 {
			nd.Print("Invalid LINK VERIFY IE")
			return true
		}
		nd.Printf("TX Seq: %3d, RX Seq: %3d", p[0], p[1])
	case lmiANSIPVCStatus, lmiCCITTPVCStatus:
		if nd.Verbose == 0 {
			nd.Print(", ")
		}
		if n < 3 || n > 5 || p[0]&0x80 != 0 ||
			(n == 3 && p[1]&0x80 == 0) ||
			(n == 4 && (p[1]&0x80 != 0 || p[2]&0x80 == 0)) ||
			(n == 5 && (p[1]&0x80 != 0 || p[2]&0x80 != 0 || p[3]&0x80 == 0)) ||
			p[n-1]&0x80 == 0 {
			nd.Print("Invalid DLCI in PVC STATUS IE")
			return true
		}
		dlci := uint32(p[0]&0x3f)<<4 | uint32(p[1]&0x78)>>3
		switch n {
		case 4:
			dlci = dlci<<6 | uint32(p[2]&0x7e)>>1
		case 5:
			dlci = dlci<<13 | uint32(p[2]&0x7f) | uint32(p[3]&0x7e)>>1
		}
		nd.Printf("DLCI %d: status ", dlci)
		if p[n-1]&0x8 != 0 {
			nd.Print("New, ")
		}
		if p[n-1]&0x2 != 0 {
			nd.Print("Active")
		} else {
			nd.Print("Inactive")
		}
	default:
		return false
	}
	return true
}
