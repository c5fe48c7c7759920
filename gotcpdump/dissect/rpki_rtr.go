package dissect

// The RPKI to Router protocol (RFC 6810, tcpdump's print-rpki-rtr.c).

func init() {
	registerTCPPort("rpki-rtr", rpkiRTRPrint, 323)
}

const rpkiRTRHdrLen = 8

// PDU types.
const (
	rpkiSerialNotify = 0
	rpkiSerialQuery  = 1
	rpkiResetQuery   = 2
	rpkiCacheResp    = 3
	rpkiIPv4Prefix   = 4
	rpkiIPv6Prefix   = 6
	rpkiEndOfData    = 7
	rpkiCacheReset   = 8
	rpkiErrorReport  = 10
)

var rpkiPDUNames = []tok{
	{rpkiSerialNotify, "Serial Notify"},
	{rpkiSerialQuery, "Serial Query"},
	{rpkiResetQuery, "Reset Query"},
	{rpkiCacheResp, "Cache Response"},
	{rpkiIPv4Prefix, "IPV4 Prefix"},
	{rpkiIPv6Prefix, "IPV6 Prefix"},
	{rpkiEndOfData, "End of Data"},
	{rpkiCacheReset, "Cache Reset"},
	{rpkiErrorReport, "Error Report"},
}

var rpkiErrorCodes = []tok{
	{0, "Corrupt Data"},
	{1, "Internal Error"},
	{2, "No Data Available"},
	{3, "Invalid Request"},
	{4, "Unsupported Protocol Version"},
	{5, "Unsupported PDU Type"},
	{6, "Withdrawal of Unknown Record"},
	{7, "Duplicate Announcement Received"},
}

// rpkiRTRPrint prints ", RPKI-RTR", or with -v every PDU of the payload.
func rpkiRTRPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("rpki_rtr")
	if nd.Verbose == 0 {
		nd.Print(", RPKI-RTR")
		return
	}
	for off := 0; length > 0; {
		n := rpkiPDUPrint(nd, b, off, length, true, 8)
		length -= n
		off += n
	}
}

// rpkiIndent prints a newline and indent columns of tabs and spaces
// (tcpdump's indent_string, which gives up beyond its 20-byte buffer).
func rpkiIndent(nd *ND, indent int) {
	if indent/8+indent%8+2 > 20 {
		return
	}
	nd.PrintByte('\n')
	for ; indent >= 8; indent -= 8 {
		nd.PrintByte('\t')
	}
	for ; indent > 0; indent-- {
		nd.PrintByte(' ')
	}
}

// rpkiPDUPrint prints the PDU at b[off:] within length bytes and
// returns how many bytes it covered.
func rpkiPDUPrint(nd *ND, b []byte, off, length int, recurse bool, indent int) int {
	if v := getU8(b, off); v != 0 {
		// A future version: there is no telling how long its PDUs are.
		rpkiIndent(nd, 8)
		nd.Print("RPKI-RTRv")
		nd.PrintUint(uint64(v))
		nd.Print(" (unknown)")
		return length
	}
	invalid := func() int {
		nd.PrintInvalid()
		tcheck(b, off, length)
		return length
	}
	if length < rpkiRTRHdrLen {
		nd.Printf("(%d bytes is too few to decode)", length)
		return invalid()
	}
	tcheck(b, off, rpkiRTRHdrLen)
	pduType := getU8(b, off+1)
	pduLen := int(getBE32(b, off+4))
	rpkiIndent(nd, 8)
	nd.Print("RPKI-RTRv0, ")
	nd.Print(tok2strNoAlloc(rpkiPDUNames, "Unknown", uint32(pduType)))
	nd.Print(" PDU (")
	nd.PrintUint(uint64(pduType))
	nd.Print("), length: ")
	nd.PrintUint(uint64(uint32(pduLen)))
	if pduLen < rpkiRTRHdrLen || pduLen > length {
		return invalid()
	}

	hexdump := false
	switch pduType {
	case rpkiSerialNotify, rpkiSerialQuery, rpkiEndOfData:
		if pduLen != rpkiRTRHdrLen+4 {
			return invalid()
		}
		session, serial := getBE16(b, off+2), getBE32(b, off+8)
		rpkiIndent(nd, indent+2)
		nd.Print("Session ID: 0x")
		nd.PrintHex(uint64(session), 4)
		nd.Print(", Serial: ")
		nd.PrintUint(uint64(serial))
	case rpkiResetQuery, rpkiCacheReset:
		if pduLen != rpkiRTRHdrLen {
			return invalid()
		}
	case rpkiCacheResp:
		if pduLen != rpkiRTRHdrLen {
			return invalid()
		}
		rpkiIndent(nd, indent+2)
		nd.Print("Session ID: 0x")
		nd.PrintHex(uint64(getBE16(b, off+2)), 4)
	case rpkiIPv4Prefix, rpkiIPv6Prefix:
		family, alen := "IPv4", 4
		if pduType == rpkiIPv6Prefix {
			family, alen = "IPv6", 16
		}
		if pduLen != rpkiRTRHdrLen+4+alen+4 {
			return invalid()
		}
		// tcpdump reads every field before printing the line.
		tcheck(b, off, pduLen)
		rpkiIndent(nd, indent+2)
		nd.Print(family)
		nd.Print(" Prefix ")
		if alen == 4 {
			nd.PrintIPAddr(b, off+12)
		} else {
			nd.PrintIP6Addr(b, off+12)
		}
		nd.PrintByte('/')
		nd.PrintUint(uint64(getU8(b, off+9)))
		nd.PrintByte('-')
		nd.PrintUint(uint64(getU8(b, off+10)))
		nd.Print(", origin-as ")
		nd.PrintUint(uint64(getBE32(b, off+12+alen)))
		nd.Print(", flags 0x")
		nd.PrintHex(uint64(getU8(b, off+8)), 2)
	case rpkiErrorReport:
		if !rpkiErrorReportPrint(nd, b, off, pduLen, recurse, indent) {
			return invalid()
		}
	default:
		tcheck(b, off, pduLen)
		hexdump = true
	}
	if nd.Verbose > 1 || nd.Verbose > 0 && hexdump {
		unknownDataPrint(nd, b, off, "\n\t  ", pduLen)
	}
	return pduLen
}

// rpkiErrorReportPrint prints an Error Report PDU: the code, the PDU in
// error (decoded one level deep), and the text. false means invalid.
func rpkiErrorReportPrint(nd *ND, b []byte, off, pduLen int, recurse bool, indent int) bool {
	tlen := rpkiRTRHdrLen
	if pduLen < tlen+4 {
		return false
	}
	tcheck(b, off, tlen+4)
	encapLen := int(getBE32(b, off+8))
	tlen += 4
	code := getBE16(b, off+2)
	rpkiIndent(nd, indent+2)
	nd.Print("Error code: ")
	nd.Print(tok2strNoAlloc(rpkiErrorCodes, "Unknown", uint32(code)))
	nd.Print(" (")
	nd.PrintUint(uint64(code))
	nd.Print("), Encapsulated PDU length: ")
	nd.PrintUint(uint64(uint32(encapLen)))
	if encapLen != 0 {
		if uint64(pduLen) < uint64(tlen)+uint64(uint32(encapLen)) {
			return false
		}
		if recurse {
			rpkiIndent(nd, indent+4)
			nd.Print("-----encapsulated PDU-----")
			rpkiPDUPrint(nd, b, off+tlen, encapLen, false, indent+2)
		} else {
			tcheck(b, off, tlen+encapLen)
		}
		tlen += encapLen
	}
	if pduLen < tlen+4 {
		return false
	}
	tcheck(b, off, tlen+4)
	textLen := int(getBE32(b, off+tlen))
	tlen += 4
	if textLen != 0 {
		if uint64(pduLen) < uint64(tlen)+uint64(uint32(textLen)) {
			return false
		}
		rpkiIndent(nd, indent+2)
		nd.Print("Error text: ")
		nd.printjn(b, off+tlen, textLen)
	}
	return true
}
