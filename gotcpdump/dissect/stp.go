package dissect

import "strconv"

// Spanning tree BPDUs: 802.1D STP, 802.1w RSTP, 802.1s MSTP and 802.1aq
// SPB, as tcpdump 4.99.3's print-stp.c prints them.

const (
	stpProtoRegular = 0x00
	stpProtoRapid   = 0x02
	stpProtoMSTP    = 0x03
	stpProtoSPB     = 0x04

	stpTypeConfig     = 0x00
	stpTypeRSTP       = 0x02
	stpTypeTopoChange = 0x80

	stpBPDULen     = 36  // struct stp_bpdu_
	stpMSTPMinLen  = 102 // STP_BPDU_MSTP_MIN_LEN
	stpSPBMinLen   = 87  // SPB_BPDU_MIN_LEN
	stpMSTIConfLen = 64  // MST_BPDU_CONFIG_INFO_LENGTH
	stpMSTILen     = 16  // MST_BPDU_MSTI_LENGTH

	// Offsets in an MSTP BPDU.
	mstV3LenOff       = 36
	mstConfNameOff    = 39
	mstConfDigestOff  = 73
	mstIntPathCostOff = 89
	mstBridgeIDOff    = 93
	mstRemainHopsOff  = 101
	mstMSTIOff        = 102

	// Offsets in the SPB part, from its v4 length field.
	spbConfNameOff    = 3
	spbConfRevOff     = spbConfNameOff + 32
	spbConfDigestOff  = spbConfRevOff + 2
	spbAgreementOff   = spbConfDigestOff + 16
	spbAgreeFormatOff = spbAgreementOff + 2
	spbAgreeConOff    = spbAgreeFormatOff + 1
	spbAgreeEdgeOff   = spbAgreeConOff + 1
	spbAgreeDigestOff = spbAgreeEdgeOff + 2 + 8
)

var stpProtoNames = []tok{
	{stpProtoRegular, "802.1d"},
	{stpProtoRapid, "802.1w"},
	{stpProtoMSTP, "802.1s"},
	{stpProtoSPB, "802.1aq"},
}

var stpFlagNames = []tok{
	{0x01, "Topology change"},
	{0x02, "Proposal"},
	{0x10, "Learn"},
	{0x20, "Forward"},
	{0x40, "Agreement"},
	{0x80, "Topology change ACK"},
}

var stpTypeNames = []tok{
	{stpTypeConfig, "Config"},
	{stpTypeRSTP, "Rapid STP"},
	{stpTypeTopoChange, "Topology Change"},
}

var stpPortRoleNames = []tok{
	{0x00, "Unknown"},
	{0x01, "Alternate"},
	{0x02, "Root"},
	{0x03, "Designated"},
}

func stpPortRole(flags uint8) string {
	return tok2strNoAlloc(stpPortRoleNames, "Unknown", uint32(flags&0x0c>>2))
}

// stpBridgeIDPrint prints an 8-byte bridge ID as "pppp.aa:bb:cc:dd:ee:ff".
func stpBridgeIDPrint(nd *ND, b []byte, off int) {
	tcheck(b, off, 8)
	nd.PrintHex(uint64(getBE16(b, off)), 4)
	nd.PrintByte('.')
	nd.out = appendMAC(nd.out, b[off+2:off+8])
}

// stpTimePrint prints a timer in 1/256 s units as "%.2fs".
func stpTimePrint(nd *ND, v uint16) {
	nd.out = strconv.AppendFloat(nd.out, float64(v)/256, 'f', 2, 64)
	nd.PrintByte('s')
}

func stpTimersPrint(nd *ND, b []byte) {
	tcheck(b, 27, 8)
	nd.Print("\n\tmessage-age ")
	stpTimePrint(nd, getBE16(b, 27))
	nd.Print(", max-age ")
	stpTimePrint(nd, getBE16(b, 29))
	nd.Print(", hello-time ")
	stpTimePrint(nd, getBE16(b, 31))
	nd.Print(", forwarding-delay ")
	stpTimePrint(nd, getBE16(b, 33))
}

func stpFlagsPrint(nd *ND, flags uint8) {
	printBitNames(nd, stpFlagNames, uint32(flags), ", ", "none")
}

// stpPrint prints a BPDU (stp_print); length is its length on the wire.
func stpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("stp")
	if length < 4 {
		nd.PrintInvalid()
		return
	}
	if getBE16(b, 0) != 0 {
		nd.Print("unknown STP version, length ")
		nd.PrintUint(uint64(length))
		return
	}
	version := getU8(b, 2)
	nd.Print("STP ")
	nd.Print(tok2str(stpProtoNames, "Unknown STP protocol (0x%02x)", uint32(version)))
	switch version {
	case stpProtoRegular, stpProtoRapid, stpProtoMSTP, stpProtoSPB:
	default:
		return
	}
	typ := getU8(b, 3)
	nd.Print(", ")
	nd.Print(tok2str(stpTypeNames, "Unknown BPDU Type (0x%02x)", uint32(typ)))

	switch typ {
	case stpTypeConfig:
		if length < stpBPDULen-1 {
			nd.PrintInvalid()
			return
		}
		stpConfigPrint(nd, b, length, version)
	case stpTypeRSTP:
		switch version {
		case stpProtoRapid:
			if length < stpBPDULen {
				nd.PrintInvalid()
				return
			}
			stpConfigPrint(nd, b, length, version)
		case stpProtoMSTP, stpProtoSPB:
			if length < stpMSTPMinLen || getU8(b, 35) != 0 {
				nd.PrintInvalid()
				return
			}
			mstpLen := int(getBE16(b, mstV3LenOff)) + 2
			if length < stpBPDULen+mstpLen {
				nd.PrintInvalid()
				return
			}
			stpMSTPPrint(nd, b, length)
			if version == stpProtoSPB {
				spbLen := int(getBE16(b, mstV3LenOff+mstpLen)) + 2
				if length < stpBPDULen+mstpLen+spbLen || spbLen < stpSPBMinLen {
					nd.PrintInvalid()
					return
				}
				stpSPBPrint(nd, b, stpBPDULen+mstpLen)
			}
		}
	}
}

// stpConfigPrint prints a configuration or RSTP BPDU.
func stpConfigPrint(nd *ND, b []byte, length int, version uint8) {
	flags := getU8(b, 4)
	nd.Print(", Flags [")
	stpFlagsPrint(nd, flags)
	nd.Print("]")
	tcheck(b, 17, 10)
	nd.Print(", bridge-id ")
	portID := getBE16(b, 25)
	stpBridgeIDPrint(nd, b, 17)
	nd.PrintByte('.')
	nd.PrintHex(uint64(portID), 4)
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	if nd.Verbose == 0 {
		return
	}
	stpTimersPrint(nd, b)
	tcheck(b, 5, 12)
	nd.Print("\n\troot-id ")
	stpBridgeIDPrint(nd, b, 5)
	nd.Print(", root-pathcost ")
	nd.PrintUint(uint64(getBE32(b, 13)))
	if version == stpProtoRapid {
		nd.Print(", port-role ")
		nd.Print(stpPortRole(flags))
	}
}

// stpNamePrint prints a NUL-padded name of up to n bytes (nd_printjnp).
func stpNamePrint(nd *ND, b []byte, off, n int) {
	for i := 0; i < n; i++ {
		c := getU8(b, off+i)
		if c == 0 {
			return
		}
		nd.printChar(c)
	}
}

func stpDigestPrint(nd *ND, b []byte, off, words int) {
	for i := 0; i < words; i++ {
		nd.PrintHex(uint64(getBE32(b, off+4*i)), 8)
	}
}

// stpMSTPPrint prints the CIST and MSTI parts of an MSTP BPDU.
func stpMSTPPrint(nd *ND, b []byte, length int) {
	flags := getU8(b, 4)
	nd.Print(", CIST Flags [")
	stpFlagsPrint(nd, flags)
	nd.Print("], length ")
	nd.PrintUint(uint64(length))
	if nd.Verbose == 0 {
		return
	}
	nd.Print("\n\tport-role ")
	nd.Print(stpPortRole(flags))
	nd.Print(", ")
	tcheck(b, 5, 12)
	nd.Print("CIST root-id ")
	stpBridgeIDPrint(nd, b, 5)
	nd.Print(", CIST ext-pathcost ")
	nd.PrintUint(uint64(getBE32(b, 13)))
	tcheck(b, 17, 8)
	nd.Print("\n\tCIST regional-root-id ")
	stpBridgeIDPrint(nd, b, 17)
	tcheck(b, 25, 2)
	nd.Print(", CIST port-id ")
	nd.PrintHex(uint64(getBE16(b, 25)), 4)
	nd.Print(",")
	stpTimersPrint(nd, b)

	tcheck(b, mstV3LenOff, 2)
	nd.Print("\n\tv3len ")
	nd.PrintUint(uint64(getBE16(b, mstV3LenOff)))
	nd.Print(", MCID Name ")
	stpNamePrint(nd, b, mstConfNameOff, 32)
	tcheck(b, mstConfNameOff+32, 18)
	nd.Print(", rev ")
	nd.PrintUint(uint64(getBE16(b, mstConfNameOff+32)))
	nd.Print(",\n\t\tdigest ")
	stpDigestPrint(nd, b, mstConfDigestOff, 4)
	nd.Print(", ")
	tcheck(b, mstIntPathCostOff, 4)
	nd.Print("CIST int-root-pathcost ")
	nd.PrintUint(uint64(getBE32(b, mstIntPathCostOff)))
	nd.Print(",")
	tcheck(b, mstBridgeIDOff, 8)
	nd.Print("\n\tCIST bridge-id ")
	stpBridgeIDPrint(nd, b, mstBridgeIDOff)
	nd.Print(", ")
	tcheck(b, mstRemainHopsOff, 1)
	nd.Print("CIST remaining-hops ")
	nd.PrintUint(uint64(getU8(b, mstRemainHopsOff)))

	v3len := int(getBE16(b, mstV3LenOff))
	if v3len <= stpMSTIConfLen {
		return
	}
	for n, off := v3len-stpMSTIConfLen, mstMSTIOff; n >= stpMSTILen; n, off = n-stpMSTILen, off+stpMSTILen {
		mflags := getU8(b, off)
		msti := getBE16(b, off+1) & 0x0fff
		nd.Print("\n\tMSTI ")
		nd.PrintUint(uint64(msti))
		nd.Print(", Flags [")
		stpFlagsPrint(nd, mflags)
		nd.Print("], port-role ")
		nd.Print(stpPortRole(mflags))
		tcheck(b, off+1, 12)
		nd.Print("\n\t\tMSTI regional-root-id ")
		stpBridgeIDPrint(nd, b, off+1)
		nd.Print(", pathcost ")
		nd.PrintUint(uint64(getBE32(b, off+9)))
		tcheck(b, off+13, 3)
		nd.Print("\n\t\tMSTI bridge-prio ")
		nd.PrintUint(uint64(getU8(b, off+13) >> 4))
		nd.Print(", port-prio ")
		nd.PrintUint(uint64(getU8(b, off+14) >> 4))
		nd.Print(", hops ")
		nd.PrintUint(uint64(getU8(b, off+15)))
	}
}

// stpSPBPrint prints the SPB part of an 802.1aq BPDU, which starts at
// off with its v4 length.
func stpSPBPrint(nd *ND, b []byte, off int) {
	if nd.Verbose == 0 {
		return
	}
	tcheck(b, off, 2)
	nd.Print("\n\tv4len ")
	nd.PrintUint(uint64(getBE16(b, off)))
	nd.Print(", AUXMCID Name ")
	stpNamePrint(nd, b, off+spbConfNameOff, 32)
	tcheck(b, off+spbConfRevOff, 18)
	nd.Print(", Rev ")
	nd.PrintUint(uint64(getBE16(b, off+spbConfRevOff)))
	nd.Print(",\n\t\tdigest ")
	stpDigestPrint(nd, b, off+spbConfDigestOff, 4)
	tcheck(b, off+spbAgreementOff, spbAgreeDigestOff+20-spbAgreementOff)
	agreement := getU8(b, off+spbAgreementOff)
	format := getU8(b, off+spbAgreeFormatOff)
	con := getU8(b, off+spbAgreeConOff)
	nd.Print("\n\tAgreement num ")
	nd.PrintUint(uint64(agreement >> 6))
	nd.Print(", Discarded Agreement num ")
	nd.PrintUint(uint64(agreement >> 4 & 3))
	nd.Print(", Agreement valid-flag ")
	nd.PrintUint(uint64(agreement >> 3 & 1))
	nd.Print(",\n\tRestricted role-flag: ")
	nd.PrintUint(uint64(agreement >> 2 & 1))
	nd.Print(", Format id ")
	nd.PrintUint(uint64(format >> 4))
	nd.Print(" cap ")
	nd.PrintUint(uint64(format))
	nd.Print(", Convention id ")
	nd.PrintUint(uint64(con >> 4))
	nd.Print(" cap ")
	nd.PrintUint(uint64(con))
	nd.Print(",\n\tEdge count ")
	nd.PrintUint(uint64(getBE16(b, off+spbAgreeEdgeOff)))
	nd.Print(", Agreement digest ")
	stpDigestPrint(nd, b, off+spbAgreeDigestOff, 5)
}
