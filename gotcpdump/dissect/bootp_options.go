package dissect

// DHCP/BOOTP vendor extensions (RFC 1048, RFC 2132 and later): the
// option table and the option printer (rfc1048_print).

// DHCP option tags with their own handling.
const (
	dhcpTagPad             = 0
	dhcpTagEnd             = 255
	dhcpTagMessageType     = 53
	dhcpTagParamRequest    = 55
	dhcpTagNetbiosNode     = 46
	dhcpTagOverload        = 52
	dhcpTagClientFQDN      = 81
	dhcpTagClientID        = 61
	dhcpTagAgentInfo       = 82
	dhcpTagUserClass       = 77
	dhcpTagClasslessRoute  = 121
	dhcpTagClasslessRouteM = 249
)

// dhcpOptions names the options tcpdump 4.99 knows. The first byte of
// each name is the format of the option's data:
//
//	i  IPv4 addresses              p  pairs of IPv4 addresses
//	l  unsigned 32-bit numbers     L  signed 32-bit numbers
//	s  unsigned 16-bit numbers     b  dotted decimal bytes
//	x  colon-separated hex bytes   a  a string
//	B  Y/N booleans                $  decoded by its own code
//	   (space) no data
var dhcpOptions = []tok{
	{0, " PAD"}, {1, "iSubnet-Mask"}, {2, "LTime-Zone"}, {3, "iDefault-Gateway"},
	{4, "iTime-Server"}, {5, "iIEN-Name-Server"}, {6, "iDomain-Name-Server"},
	{7, "iLOG"}, {8, "iCS"}, {9, "iLPR-Server"}, {10, "iIM"}, {11, "iRL"},
	{12, "aHostname"}, {13, "sBS"}, {255, " END"},
	{14, "aDP"}, {15, "aDomain-Name"}, {16, "iSS"}, {17, "aRP"}, {18, "aEP"},
	{19, "BIPF"}, {20, "BSRT"}, {21, "pPF"}, {22, "sRSZ"}, {23, "bTTL"},
	{24, "lMTU-Timeout"}, {25, "sMTU-Table"}, {26, "sMTU"}, {27, "BLSN"},
	{28, "iBR"}, {29, "BMD"}, {30, "BMS"}, {31, "BRouter-Discovery"},
	{32, "iRSA"}, {33, "pStatic-Route"}, {34, "BUT"}, {35, "lAT"}, {36, "BIE"},
	{37, "bTT"}, {38, "lKI"}, {39, "BKG"}, {40, "aYD"}, {41, "iYS"},
	{42, "iNTP"}, {43, "bVendor-Option"}, {44, "iNetbios-Name-Server"},
	{45, "iWDD"}, {46, "$Netbios-Node"}, {47, "aNetbios-Scope"}, {48, "iXFS"},
	{49, "iXDM"}, {64, "sN+D"}, {65, "iN+S"}, {68, "iMH"}, {69, "iSMTP"},
	{70, "iPOP3"}, {71, "iNNTP"}, {72, "iWWW"}, {73, "iFG"}, {74, "iIRC"},
	{75, "iSTS"}, {76, "iSTDA"},
	{50, "iRequested-IP"}, {51, "lLease-Time"}, {52, "$OO"}, {66, "aTFTP"},
	{67, "aBF"}, {53, " DHCP-Message"}, {54, "iServer-ID"},
	{55, "bParameter-Request"}, {56, "aMSG"}, {57, "sMSZ"}, {58, "lRN"},
	{59, "lRB"}, {60, "aVendor-Class"}, {61, "$Client-ID"},
	{98, "aUAP"}, {116, "BNOAUTO"}, {78, "bSLP-DA"}, {79, "bSLP-SCOPE"},
	{117, "sNSSEARCH"}, {77, "$User-Class"}, {118, "iSUBNET"},
	{121, "$Classless-Static-Route"}, {249, "$Classless-Static-Route-Microsoft"},
	{150, "iTFTP-Server-Address"},
	{80, "aSLP-NA"}, {81, "$FQDN"}, {82, "$Agent-Information"}, {83, "bARMT"},
	{88, "aTZSTR"}, {89, "bFQDNS"}, {90, "bAUTH"}, {91, "LLast-Transaction-Time"},
	{92, "iAssociated-IP"}, {93, "sARCH"}, {94, "bNDI"}, {97, "bGUID"},
	{95, "aLDAP"}, {100, "aPOSIX-TZ"}, {101, "aTZ-Name"}, {112, "iNI"},
	{113, "aNITAG"}, {114, "aURL"}, {161, "aMUD-URL"},
}

var dhcpOverloadNames = []tok{{1, "file"}, {2, "sname"}, {3, "file+sname"}}

var netbiosNodeNames = []tok{{1, "b-node"}, {2, "p-node"}, {4, "m-node"}, {8, "h-node"}}

// arpHardwareNames names the hardware types of a Client-ID.
var arpHardwareNames = []tok{
	{1, "ether"}, {6, "ieee802"}, {7, "arcnet"}, {0xf, "frelay"},
	{0x17, "strip"}, {0x18, "ieee1394"},
}

var dhcpMessageNames = []tok{
	{1, "Discover"}, {2, "Offer"}, {3, "Request"}, {4, "Decline"}, {5, "ACK"},
	{6, "NACK"}, {7, "Release"}, {8, "Inform"}, {10, "LeaseQuery"},
	{11, "LeaseUnassigned"}, {12, "LeaseUnknown"}, {13, "LeaseActive"},
}

var agentSubOptionNames = []tok{{1, "Circuit-ID"}, {2, "Remote-ID"}, {6, "Subscriber-ID"}}

var fqdnFlagNames = []tok{{1, "S"}, {2, "O"}, {4, "E"}, {8, "N"}}

// rfc1048Print prints the options after the magic cookie at b
// (rfc1048_print). Options are read to the end of the captured bytes.
func rfc1048Print(nd *ND, b []byte) {
	nd.Print("\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x")
	nd.PrintHex(uint64(getBE32(b, 0)), 8)
	off := 4
	for off < len(b) {
		tag := b[off]
		off++
		if (tag == dhcpTagPad || tag == dhcpTagEnd) && nd.Verbose < 3 {
			if tag == dhcpTagEnd {
				return
			}
			continue
		}
		name := tokOr(dhcpOptions, "?Unknown", uint32(tag))
		format, name := name[0], name[1:]
		n := 0
		if tag != dhcpTagPad && tag != dhcpTagEnd {
			n = int(getU8(b, off))
			off++
		}
		nd.Print("\n\t    ")
		nd.Print(name)
		nd.Print(" (")
		nd.PrintUint(uint64(tag))
		nd.Print("), length ")
		nd.PrintUint(uint64(n))
		if n > 0 {
			nd.Print(": ")
		}
		if tag == dhcpTagPad && nd.Verbose > 2 {
			count := 1
			for off < len(b) && b[off] == dhcpTagPad {
				off++
				count++
			}
			if count > 1 {
				nd.Print(", occurs ")
				nd.PrintUint(uint64(count))
			}
		}
		if !ttest(b, off, n) {
			nd.PrintTrunc()
			return
		}
		data := b[off : off+n]
		off += n
		if tag == dhcpTagMessageType && n == 1 {
			nd.Print(tok2str(dhcpMessageNames, "Unknown (%d)", uint32(data[0])))
			continue
		}
		if tag == dhcpTagParamRequest {
			for i, t := range data {
				if i%4 == 0 {
					nd.Print("\n\t      ")
				} else {
					nd.Print(", ")
				}
				nd.Print(tokOr(dhcpOptions, "?Unknown", uint32(t))[1:])
				nd.Print(" (")
				nd.PrintUint(uint64(t))
				nd.PrintByte(')')
			}
			continue
		}
		if left := dhcpOptionPrint(nd, tag, format, data); left > 0 {
			nd.Print("\n\t  trailing data length ")
			nd.PrintUint(uint64(left))
		}
	}
}

// dhcpOptionPrint prints the data of one option in its format and
// returns how many bytes it left unprinted.
func dhcpOptionPrint(nd *ND, tag, format byte, data []byte) int {
	if format == '?' {
		// Unknown options: guess the format from the length.
		switch {
		case len(data)&1 != 0:
			format = 'b'
		case len(data)&2 != 0:
			format = 's'
		default:
			format = 'l'
		}
	}
	switch format {
	case 'a':
		nd.PrintByte('"')
		nd.printjn(data, 0, len(data))
		nd.PrintByte('"')
		return 0
	case 'i', 'l', 'L':
		i := 0
		for ; i+4 <= len(data); i += 4 {
			if i > 0 {
				nd.PrintByte(',')
			}
			switch format {
			case 'i':
				nd.PrintIPAddr(data, i)
			case 'L':
				nd.PrintInt(int64(int32(getBE32(data, i))))
			default:
				nd.PrintUint(uint64(getBE32(data, i)))
			}
		}
		return len(data) - i
	case 'p':
		i := 0
		for ; i+8 <= len(data); i += 8 {
			if i > 0 {
				nd.PrintByte(',')
			}
			nd.PrintByte('(')
			nd.PrintIPAddr(data, i)
			nd.PrintByte(':')
			nd.PrintIPAddr(data, i+4)
			nd.PrintByte(')')
		}
		return len(data) - i
	case 's':
		i := 0
		for ; i+2 <= len(data); i += 2 {
			if i > 0 {
				nd.PrintByte(',')
			}
			nd.PrintUint(uint64(getBE16(data, i)))
		}
		return len(data) - i
	case 'B':
		for i, c := range data {
			if i > 0 {
				nd.PrintByte(',')
			}
			switch c {
			case 0:
				nd.PrintByte('N')
			case 1:
				nd.PrintByte('Y')
			default:
				nd.PrintUint(uint64(c))
				nd.PrintByte('?')
			}
		}
		return 0
	case '$':
		return dhcpSpecialPrint(nd, tag, data)
	}
	// 'b', 'x' and anything else: bytes.
	for i, c := range data {
		if i > 0 {
			if format == 'x' {
				nd.PrintByte(':')
			} else {
				nd.PrintByte('.')
			}
		}
		if format == 'x' {
			nd.PrintHex(uint64(c), 2)
		} else {
			nd.PrintUint(uint64(c))
		}
	}
	return 0
}

// dhcpSpecialPrint prints the options with a format of their own and
// returns how many bytes it left unprinted.
func dhcpSpecialPrint(nd *ND, tag byte, data []byte) int {
	switch tag {
	case dhcpTagNetbiosNode, dhcpTagOverload:
		if len(data) < 1 {
			nd.Print("[ERROR: length < 1 bytes]")
			return 0
		}
		names := netbiosNodeNames
		if tag == dhcpTagOverload {
			names = dhcpOverloadNames
		}
		nd.Print(tok2str(names, "", uint32(data[0])))
		return len(data) - 1
	case dhcpTagClientFQDN:
		if len(data) < 3 {
			nd.Print("[ERROR: length < 3 bytes]")
			return 0
		}
		if data[0]&0xf0 != 0 {
			nd.Print("[ERROR: MBZ nibble 0x")
			nd.PrintHex(uint64(data[0]>>4), 0)
			nd.Print(" != 0] ")
		}
		if data[0]&0x0f != 0 {
			nd.PrintByte('[')
			nd.Print(bittok2strNosep(fqdnFlagNames, "", uint32(data[0])))
			nd.Print("] ")
		}
		if data[1] != 0 || data[2] != 0 {
			nd.PrintUint(uint64(data[1]))
			nd.PrintByte('/')
			nd.PrintUint(uint64(data[2]))
			nd.PrintByte(' ')
		}
		nd.PrintByte('"')
		nd.printjn(data, 3, len(data)-3)
		nd.PrintByte('"')
		return 0
	case dhcpTagClientID:
		if len(data) < 1 {
			nd.Print("[ERROR: length < 1 bytes]")
			return 0
		}
		if data[0] == 0 {
			nd.PrintByte('"')
			nd.printjn(data, 1, len(data)-1)
			nd.PrintByte('"')
			return 0
		}
		nd.Print(tok2str(arpHardwareNames, "hardware-type %d,", uint32(data[0])))
		nd.PrintByte(' ')
		for i, c := range data[1:] {
			if i > 0 {
				nd.PrintByte(':')
			}
			nd.PrintHex(uint64(c), 2)
		}
		return 0
	case dhcpTagAgentInfo:
		return dhcpAgentInfoPrint(nd, data)
	case dhcpTagClasslessRoute, dhcpTagClasslessRouteM:
		dhcpClasslessRoutesPrint(nd, data)
		return 0
	case dhcpTagUserClass:
		dhcpUserClassPrint(nd, data)
		return 0
	}
	nd.Printf("[unknown special tag %d, size %d]", tag, len(data))
	return 0
}

// dhcpAgentInfoPrint prints the sub-options of a relay agent
// information option (RFC 3046).
func dhcpAgentInfoPrint(nd *ND, data []byte) int {
	for len(data) >= 2 {
		sub, n := data[0], int(data[1])
		data = data[2:]
		nd.Print("\n\t      ")
		nd.Print(tokOr(agentSubOptionNames, "Unknown", uint32(sub)))
		nd.Print(" SubOption ")
		nd.PrintUint(uint64(sub))
		nd.Print(", length ")
		nd.PrintUint(uint64(n))
		if n > len(data) {
			nd.Print(": length goes past end of option")
			return 0
		}
		nd.Print(": ")
		switch sub {
		case 1, 2, 6:
			nd.printjn(data, 0, n)
		default:
			nd.HexPrint("\n\t\t", data[:n])
		}
		data = data[n:]
	}
	return len(data)
}

// dhcpClasslessRoutesPrint prints RFC 3442 classless static routes:
// (destination/width:router), ...
func dhcpClasslessRoutesPrint(nd *ND, data []byte) {
	if len(data) < 5 {
		nd.Print("[ERROR: length < 5 bytes]")
		return
	}
	for first := true; len(data) > 0; first = false {
		if !first {
			nd.PrintByte(',')
		}
		width := int(data[0])
		data = data[1:]
		if width > 32 {
			nd.Printf("[ERROR: Mask width (%d) > 32]", width)
			return
		}
		octets := (width + 7) / 8
		if len(data) < octets+4 {
			nd.Printf("[ERROR: Remaining length (%d) < %d bytes]", len(data), octets+4)
			return
		}
		nd.PrintByte('(')
		if width == 0 {
			nd.Print("default")
		} else {
			for i := 0; i < 4; i++ {
				if i > 0 {
					nd.PrintByte('.')
				}
				if i < octets {
					nd.PrintUint(uint64(data[i]))
				} else {
					nd.PrintByte('0')
				}
			}
			nd.PrintByte('/')
			nd.PrintUint(uint64(width))
		}
		nd.PrintByte(':')
		nd.PrintIPAddr(data, octets)
		nd.PrintByte(')')
		data = data[octets+4:]
	}
}

// dhcpUserClassPrint prints the instances of an RFC 3004 user class.
func dhcpUserClassPrint(nd *ND, data []byte) {
	if len(data) < 2 {
		nd.Print("[ERROR: length < 2 bytes]")
		return
	}
	for instance := 1; len(data) > 0; instance++ {
		n := int(data[0])
		data = data[1:]
		nd.Print("\n\t      instance#")
		nd.PrintUint(uint64(instance))
		nd.Print(": ")
		if n == 0 {
			nd.Print("[ERROR: suboption length must be non-zero]")
			return
		}
		if len(data) < n {
			nd.Print("[ERROR: invalid option]")
			return
		}
		nd.PrintByte('"')
		nd.printjn(data, 0, n)
		nd.Print("\", length ")
		nd.PrintUint(uint64(n))
		data = data[n:]
	}
}
