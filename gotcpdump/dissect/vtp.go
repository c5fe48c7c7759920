package dissect

// Cisco VLAN Trunking Protocol (tcpdump's print-vtp.c), reached through
// SNAP.

func init() {
	registerPrinter("vtp_print", vtpPrint)
}

const (
	vtpHdrLen         = 36
	vtpDomainNameLen  = 32
	vtpVLANInfoLen    = 12
	vtpTimestampLen   = 12
	vtpMD5DigestLen   = 16
	vtpSummaryAdv     = 1
	vtpSubsetAdv      = 2
	vtpAdvRequest     = 3
	vtpVLANSTPType    = 0x03
	vtpVLANPruning    = 0x06
	vtpVLANBridgeType = 0x07
	vtpVLANSTEHops    = 0x09
	vtpVLANBackupCRF  = 0x0a
)

var vtpMessageNames = []tok{
	{vtpSummaryAdv, "Summary advertisement"},
	{vtpSubsetAdv, "Subset advertisement"},
	{vtpAdvRequest, "Advertisement request"},
	{4, "Join message"},
}

// vtpHeaderFieldNames name the header's third byte by message type.
var vtpHeaderFieldNames = []tok{
	{1, "Followers"},
	{2, "Seq number"},
	{3, "Rsvd"},
	{4, "Rsvd"},
}

var vtpVLANTypeNames = []tok{
	{1, "Ethernet"},
	{2, "FDDI"},
	{3, "TrCRF"},
	{4, "FDDI-net"},
	{5, "TrBRF"},
}

var vtpVLANStatusNames = []tok{{0, "Operational"}, {1, "Suspended"}}

var vtpVLANTLVNames = []tok{
	{0x01, "Source-Routing Ring Number TLV"},
	{0x02, "Source-Routing Bridge Number TLV"},
	{vtpVLANSTPType, "STP type TLV"},
	{0x04, "Parent VLAN TLV"},
	{0x05, "Translationally bridged VLANs TLV"},
	{vtpVLANPruning, "Pruning TLV"},
	{vtpVLANBridgeType, "Bridge Type TLV"},
	{0x08, "Max ARP Hop Count TLV"},
	{vtpVLANSTEHops, "Max STE Hop Count TLV"},
	{vtpVLANBackupCRF, "Backup CRF Mode TLV"},
}

var vtpSTPTypeNames = []tok{{1, "SRT"}, {2, "SRB"}, {3, "Auto"}}

// vtpChoice picks the name of a two-valued TLV: ifOne when the value is 1.
type vtpChoice struct{ ifOne, other string }

var vtpVLANChoices = map[uint8]vtpChoice{
	vtpVLANPruning:    {"Enabled", "Disabled"},
	vtpVLANBridgeType: {"SRB", "SRT"},
	vtpVLANBackupCRF:  {"Backup", "Not backup"},
}

func vtpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("vtp")
	if !vtpBody(nd, b, length) {
		nd.PrintInvalid()
	}
	tcheck(b, 0, length)
}

// vtpBody prints the message; false means it is malformed.
func vtpBody(nd *ND, b []byte, length int) bool {
	if length < vtpHdrLen {
		return false
	}
	tcheck(b, 0, vtpHdrLen)
	ver, typ := getU8(b, 0), getU8(b, 1)
	nd.Print("VTPv")
	nd.PrintUint(uint64(ver))
	nd.Print(", Message ")
	nd.Print(tok2str(vtpMessageNames, "Unknown message type", uint32(typ)))
	nd.Print(" (0x")
	nd.PrintHex(uint64(typ), 2)
	nd.Print("), length ")
	nd.PrintUint(uint64(length))
	if nd.Verbose == 0 {
		return true
	}
	nd.Print("\n\tDomain name: ")
	mlen := int(getU8(b, 3))
	if mlen < 1 || mlen > vtpDomainNameLen {
		nd.Print(" [MgmtD Len ")
		nd.PrintUint(uint64(mlen))
		nd.PrintByte(']')
		return false
	}
	printjnp(nd, b, 4, mlen)
	nd.Print(", ")
	nd.Print(tok2str(vtpHeaderFieldNames, "Unknown", uint32(typ)))
	nd.Print(": ")
	nd.PrintUint(uint64(getU8(b, 2)))
	off := vtpHdrLen
	switch typ {
	case vtpSummaryAdv:
		rev := getBE32(b, off)
		tcheck(b, off+4, 4)
		nd.Print("\n\t  Config Rev ")
		nd.PrintHex(uint64(rev), 0)
		nd.Print(", Updater ")
		nd.PrintIPAddr(b, off+4)
		off += 8
		tcheck(b, off, vtpTimestampLen)
		nd.Print(", Timestamp")
		for i := 0; i < vtpTimestampLen; i += 4 {
			nd.Print(" 0x")
			nd.PrintHex(uint64(getBE32(b, off+i)), 8)
		}
		off += vtpTimestampLen
		tcheck(b, off, vtpMD5DigestLen)
		nd.Print(", MD5 digest: ")
		for i := 0; i < vtpMD5DigestLen; i += 4 {
			nd.PrintHex(uint64(getBE32(b, off+i)), 8)
		}
	case vtpSubsetAdv:
		rev := getBE32(b, off)
		nd.Print(", Config Rev ")
		nd.PrintHex(uint64(rev), 0)
		off += 4
		for off < length {
			n := int(getU8(b, off))
			if n == 0 {
				break
			}
			tcheck(b, off, n)
			if n < vtpVLANInfoLen || !vtpVLANPrint(nd, b, off, n) {
				return false
			}
			off += n
		}
	case vtpAdvRequest:
		start := getBE32(b, off)
		nd.Print("\n\tStart value: ")
		nd.PrintUint(uint64(start))
	}
	return true
}

// vtpVLANPrint prints one VLAN information field of n bytes at off.
func vtpVLANPrint(nd *ND, b []byte, off, n int) bool {
	nd.Print("\n\tVLAN info status ")
	nd.Print(tok2str(vtpVLANStatusNames, "Unknown", uint32(getU8(b, off+1))))
	nd.Print(", type ")
	nd.Print(tok2str(vtpVLANTypeNames, "Unknown", uint32(getU8(b, off+2))))
	nd.Print(", VLAN-id ")
	nd.PrintUint(uint64(getBE16(b, off+4)))
	nd.Print(", MTU ")
	nd.PrintUint(uint64(getBE16(b, off+6)))
	nd.Print(", SAID 0x")
	nd.PrintHex(uint64(getBE32(b, off+8)), 8)
	nd.Print(", Name ")
	nameLen := int(getU8(b, off+3))
	n -= vtpVLANInfoLen
	p := off + vtpVLANInfoLen
	padded := 4 * ((nameLen + 3) / 4)
	if n < padded {
		return false
	}
	printjnp(nd, b, p, nameLen)
	n -= padded
	p += padded
	for n != 0 {
		if n < 2 {
			return false
		}
		typ, tlvLen := getU8(b, p), int(getU8(b, p+1))
		nd.Print("\n\t\t")
		nd.Print(tok2str(vtpVLANTLVNames, "Unknown", uint32(typ)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(typ), 4)
		nd.Print(") TLV")
		if n < tlvLen*2+2 {
			nd.Print(" (TLV goes past the end of the packet)")
			return false
		}
		tcheck(b, p, tlvLen*2+2)
		if tlvLen != 1 {
			nd.Print(" [TLV length ")
			nd.PrintUint(uint64(tlvLen))
			nd.Print(" != 1]")
			return false
		}
		v := getBE16(b, p+2)
		if c, ok := vtpVLANChoices[typ]; ok {
			name := c.other
			if v == 1 {
				name = c.ifOne
			}
			nd.Print(", ")
			nd.Print(name)
			nd.Print(" (")
			nd.PrintUint(uint64(v))
			nd.PrintByte(')')
		} else {
			switch typ {
			case vtpVLANSTEHops:
				nd.Print(", ")
				nd.PrintUint(uint64(v))
			case vtpVLANSTPType:
				nd.Print(", ")
				nd.Print(tok2str(vtpSTPTypeNames, "Unknown", uint32(v)))
				nd.Print(" (")
				nd.PrintUint(uint64(v))
				nd.PrintByte(')')
			default:
				unknownDataPrint(nd, b, p, "\n\t\t  ", 2+tlvLen*2)
			}
		}
		n -= 2 + tlvLen*2
		p += 2 + tlvLen*2
	}
	return true
}
