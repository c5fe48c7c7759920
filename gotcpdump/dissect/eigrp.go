package dissect

// EIGRP, Cisco's Enhanced Interior Gateway Routing Protocol (IP protocol
// 88 over IPv4 and IPv6; tcpdump's print-eigrp.c): the common header and,
// at -v, its TLVs.

func init() {
	registerIPProto(88, eigrpPrint)
}

const (
	eigrpVersion   = 2
	eigrpHdrLen    = 20
	eigrpTLVHdrLen = 4
)

var eigrpOpcodes = []tok{
	{1, "Update"}, {3, "Query"}, {4, "Reply"}, {5, "Hello"}, {6, "IPX SAP"}, {7, "Probe"},
}

var eigrpHeaderFlags = []tok{
	{0x01, "Init"}, {0x02, "Conditionally Received"}, {0x04, "Restart"}, {0x08, "End-of-Table"},
}

// EIGRP TLV types.
const (
	eigrpTLVGeneralParm  = 0x0001
	eigrpTLVSWVersion    = 0x0004
	eigrpTLVIPInt        = 0x0102
	eigrpTLVIPExt        = 0x0103
	eigrpTLVATInt        = 0x0202
	eigrpTLVATExt        = 0x0203
	eigrpTLVATCableSetup = 0x0204
)

var eigrpTLVNames = []tok{
	{0x0001, "General Parameters"}, {0x0002, "Authentication"}, {0x0003, "Sequence"},
	{0x0004, "Software Version"}, {0x0005, "Next Multicast Sequence"},
	{0x0102, "IP Internal routes"}, {0x0103, "IP External routes"},
	{0x0202, "AppleTalk Internal routes"}, {0x0203, "AppleTalk External routes"},
	{0x0204, "AppleTalk Cable setup"}, {0x0302, "IPX Internal routes"},
	{0x0303, "IPX External routes"},
}

// eigrpTLVMinLen is the smallest body each decoded TLV type needs.
var eigrpTLVMinLen = map[uint16]int{
	eigrpTLVGeneralParm: 8, eigrpTLVSWVersion: 4, eigrpTLVIPInt: 22, eigrpTLVIPExt: 42,
	eigrpTLVATCableSetup: 8, eigrpTLVATInt: 24, eigrpTLVATExt: 40,
}

var eigrpExtProtoIDs = []tok{
	{0x01, "IGRP"}, {0x02, "EIGRP"}, {0x03, "Static"}, {0x04, "RIP"}, {0x05, "Hello"},
	{0x06, "OSPF"}, {0x07, "IS-IS"}, {0x08, "EGP"}, {0x09, "BGP"}, {0x0a, "IDRP"},
	{0x0b, "Connected"},
}

func eigrpPrint(nd *ND, b []byte, length int, _ *ipInfo) {
	nd.SetProto("eigrp")
	if length < eigrpHdrLen {
		nd.Printf("EIGRP %s, length: %d (too short, < %d)",
			tok2str(eigrpOpcodes, "unknown (%d)", uint32(getU8(b, 1))), length, eigrpHdrLen)
		return
	}
	tcheck(b, 0, eigrpHdrLen)
	if v := getU8(b, 0); v != eigrpVersion {
		nd.Printf("EIGRP version %d packet not supported", v)
		return
	}
	opcode := getU8(b, 1)
	if nd.Verbose < 1 {
		nd.Printf("EIGRP %s, length: %d", tok2str(eigrpOpcodes, "unknown (%d)", uint32(opcode)), length)
		return
	}
	tlen := length - eigrpHdrLen
	nd.Printf("\n\tEIGRP v%d, opcode: %s (%d), chksum: 0x%04x, Flags: [%s]\n\tseq: 0x%08x, ack: 0x%08x, VRID: %d, AS: %d, length: %d",
		getU8(b, 0), tok2str(eigrpOpcodes, "unknown, type: %d", uint32(opcode)), opcode,
		getBE16(b, 2), bittok2str(eigrpHeaderFlags, "none", getBE32(b, 4)),
		getBE32(b, 8), getBE32(b, 12), getBE16(b, 16), getBE16(b, 18), tlen)
	off := eigrpHdrLen
	for tlen > 0 {
		tcheck(b, off, eigrpTLVHdrLen)
		typ := getBE16(b, off)
		tlvLen := int(getBE16(b, off+2))
		if tlvLen < eigrpTLVHdrLen || tlvLen > tlen {
			unknownDataPrint(nd, b, off+eigrpTLVHdrLen, "\n\t    ", tlen)
			return
		}
		nd.Printf("\n\t  %s TLV (0x%04x), length: %d", tok2str(eigrpTLVNames, "Unknown", uint32(typ)), typ, tlvLen)
		body := off + eigrpTLVHdrLen
		bodyLen := tlvLen - eigrpTLVHdrLen
		tcheck(b, off, tlvLen)
		if minLen, ok := eigrpTLVMinLen[typ]; ok && bodyLen < minLen {
			nd.Printf(" (too short, < %d)", eigrpTLVHdrLen+minLen)
		} else {
			eigrpTLVPrint(nd, b, typ, body, bodyLen)
		}
		if nd.Verbose > 1 {
			unknownDataPrint(nd, b, body, "\n\t    ", bodyLen)
		}
		off += tlvLen
		tlen -= tlvLen
	}
}

// eigrpTLVPrint prints the body of one TLV, known to be long enough.
func eigrpTLVPrint(nd *ND, b []byte, typ uint16, p, n int) {
	switch typ {
	case eigrpTLVGeneralParm:
		nd.Printf("\n\t    holdtime: %ds, k1 %d, k2 %d, k3 %d, k4 %d, k5 %d",
			getBE16(b, p+6), getU8(b, p), getU8(b, p+1), getU8(b, p+2), getU8(b, p+3), getU8(b, p+4))
	case eigrpTLVSWVersion:
		nd.Printf("\n\t    IOS version: %d.%d, EIGRP version %d.%d",
			getU8(b, p), getU8(b, p+1), getU8(b, p+2), getU8(b, p+3))
	case eigrpTLVIPInt:
		if !eigrpPrefixPrint(nd, b, p, p+20) {
			return
		}
		eigrpMetricPrint(nd, b, p+4)
	case eigrpTLVIPExt:
		if !eigrpPrefixPrint(nd, b, p, p+40) {
			return
		}
		nd.Print("\n\t      origin-router ")
		nd.PrintIPAddr(b, p+4)
		nd.Printf(", origin-as %d, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %d",
			getBE32(b, p+8), tok2str(eigrpExtProtoIDs, "unknown", uint32(getU8(b, p+22))),
			getU8(b, p+23), getBE32(b, p+12), getBE32(b, p+16))
		eigrpMetricPrint(nd, b, p+24)
	case eigrpTLVATCableSetup:
		nd.Printf("\n\t    Cable-range: %d-%d, Router-ID %d", getBE16(b, p), getBE16(b, p+2), getBE32(b, p+4))
	case eigrpTLVATInt:
		eigrpATNexthopPrint(nd, b, p, p+20)
		eigrpMetricPrint(nd, b, p+4)
	case eigrpTLVATExt:
		eigrpATNexthopPrint(nd, b, p, p+36)
		nd.Printf("\n\t      origin-router %d, origin-as %d, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %d",
			getBE32(b, p+4), getBE32(b, p+8), tok2str(eigrpExtProtoIDs, "unknown", uint32(getU8(b, p+16))),
			getU8(b, p+17), getBE32(b, p+12), getBE16(b, p+18))
		eigrpMetricPrint(nd, b, p+20)
	default:
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, p, "\n\t    ", n)
		}
	}
}

// eigrpPrefixPrint prints the variable-length IPv4 prefix whose length
// byte is at plenOff, and the next hop at nh; false for a bad length.
func eigrpPrefixPrint(nd *ND, b []byte, nh, plenOff int) bool {
	bits := int(getU8(b, plenOff))
	if bits > 32 {
		nd.Printf("\n\t    illegal prefix length %d", bits)
		return false
	}
	var prefix [4]byte
	for i := 0; i < (bits+7)/8; i++ {
		prefix[i] = getU8(b, plenOff+1+i)
	}
	nd.Printf("\n\t    IPv4 prefix: %15s/%d, nexthop: ", nd.ip4Text(prefix[:]), bits)
	if getBE32(b, nh) == 0 {
		nd.Print("self")
	} else {
		nd.PrintIPAddr(b, nh)
	}
	return true
}

func eigrpATNexthopPrint(nd *ND, b []byte, nh, cable int) {
	nd.Printf("\n\t     Cable-Range: %d-%d, nexthop: ", getBE16(b, cable), getBE16(b, cable+2))
	if getBE32(b, nh) == 0 {
		nd.Print("self")
	} else {
		nd.Printf("%d.%d", getBE16(b, nh), getBE16(b, nh+2))
	}
}

// eigrpMetricPrint prints the delay, bandwidth, MTU, hop count,
// reliability and load block at off.
func eigrpMetricPrint(nd *ND, b []byte, off int) {
	nd.Printf("\n\t      delay %d ms, bandwidth %d Kbps, mtu %d, hop %d, reliability %d, load %d",
		getBE32(b, off)/100, getBE32(b, off+4), getBE24(b, off+8),
		getU8(b, off+11), getU8(b, off+12), getU8(b, off+13))
}
