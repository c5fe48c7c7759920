package dissect

// ETSI GeoNetworking (tcpdump's print-geonet.c): the 36-byte common
// header with the long position vector, the extended header's size by
// header type, and the BTP header and ITS PDU header after it.

func init() {
	registerEtherType(etherTypeGeoNetOld, geonetPrint)
	registerEtherType(etherTypeGeoNet, geonetPrint)
}

const (
	etherTypeGeoNetOld = 0x0707
	etherTypeGeoNet    = 0x8947

	geonetCommonHdrLen = 36
	geonetAddrLen      = 8
)

var geonetMsgTypeNames = []tok{
	{0, "CAM"},
	{1, "DENM"},
	{101, "TPEGM"},
	{102, "TSPDM"},
	{103, "VPM"},
	{104, "SRM"},
	{105, "SLAM"},
	{106, "ecoCAM"},
	{107, "ITM"},
	{150, "SA"},
}

var geonetNextHdrNames = [...]string{"Any", "BTP-A", "BTP-B", "IPv6"}

// geonetHdrTypes names the header types and subtypes, and gives the size
// of the extended header tcpdump skips for each (-1: not decoded).
var geonetHdrTypes = map[uint8]struct {
	name string
	size int
}{
	0x00: {"Any", 0}, 0x01: {"Any", 0}, 0x02: {"Any", 0}, 0x03: {"Any", 0},
	0x10: {"Beacon", 0}, 0x11: {"Beacon", 0}, 0x12: {"Beacon", 0}, 0x13: {"Beacon", 0},
	0x30: {"GeoAnycastCircle", -1},
	0x31: {"GeoAnycastRect", -1},
	0x32: {"GeoAnycastElipse", -1},
	0x40: {"GeoBroadcastCircle", -1},
	0x41: {"GeoBroadcastRect", -1},
	0x42: {"GeoBroadcastElipse", -1},
	0x50: {"TopoScopeBcast-SH", 0},
	0x51: {"TopoScopeBcast-MH", 68 - geonetCommonHdrLen},
	0x60: {"LocService-Request", -1},
	0x61: {"LocService-Reply", -1},
}

// geonetHdrType returns the name and extended header size of a type and
// subtype.
func geonetHdrType(hdrType, subtype uint8) (string, int) {
	switch hdrType {
	case 0, 1:
		return geonetHdrTypes[hdrType<<4].name, 0
	case 2:
		return "GeoUnicast", -1
	}
	if t, ok := geonetHdrTypes[hdrType<<4|subtype]; ok {
		return t.name, t.size
	}
	return "Unknown", -1
}

// llSrcPrint prints " src:MAC" style source addresses for the printers
// tcpdump hands an lladdr_info: prefix, then the address when the frame
// had one.
func llSrcPrint(nd *ND, prefix string) {
	if nd.etherSrc != nil {
		nd.Print(prefix)
		nd.PrintEtherAddr(nd.etherSrc, 0)
	}
}

func geonetPrint(nd *ND, b []byte, length int) {
	nd.SetProto("geonet")
	nd.Print("GeoNet ")
	llSrcPrint(nd, "src:")
	nd.Print("; ")
	if length < geonetCommonHdrLen {
		nd.Printf(" (common header length %d < 36)", length)
		nd.PrintInvalid()
		return
	}
	version := getU8(b, 0) >> 4
	nextHdr := getU8(b, 0) & 0x0f
	hdrType := getU8(b, 1) >> 4
	subtype := getU8(b, 1) & 0x0f
	payloadLen := getBE16(b, 4)
	hopLimit := getU8(b, 7)
	nextName := "Unknown"
	if int(nextHdr) < len(geonetNextHdrNames) {
		nextName = geonetNextHdrNames[nextHdr]
	}
	typeName, hdrSize := geonetHdrType(hdrType, subtype)
	nd.Printf("v:%d NH:%d-%s HT:%d-%d-%s HopLim:%d Payload:%d ",
		version, nextHdr, nextName, hdrType, subtype, typeName, hopLimit, payloadLen)
	tcheck(b, 8, geonetAddrLen)
	nd.Print("GN_ADDR:")
	for i := range geonetAddrLen {
		if i > 0 {
			nd.PrintByte(':')
		}
		nd.PrintHex(uint64(b[8+i]), 2)
	}
	nd.Print(" lat:")
	nd.PrintUint(uint64(getBE32(b, 20)))
	nd.Print(" lon:")
	nd.PrintUint(uint64(getBE32(b, 24)))

	tcheck(b, 0, geonetCommonHdrLen)
	length -= geonetCommonHdrLen
	off := geonetCommonHdrLen
	if hdrSize >= 0 {
		if length < hdrSize {
			nd.Printf(" (header size %d > %d)", hdrSize, length)
			nd.PrintInvalid()
			return
		}
		tcheck(b, off, hdrSize)
		length -= hdrSize
		off += hdrSize
		if nextHdr == 1 || nextHdr == 2 {
			if length < 4 {
				nd.Printf(" (BTP length %d < 4)", length)
				nd.PrintInvalid()
				return
			}
			nd.Printf("; BTP Dst:%d Src:%d", getBE16(b, off), getBE16(b, off+2))
			length -= 4
			off += 4
			if length >= 2 {
				nd.Print("; ItsPduHeader v:")
				nd.PrintUint(uint64(getU8(b, off)))
				msgType := uint32(getU8(b, off+1))
				nd.Printf(" t:%d-%s", msgType, tok2str(geonetMsgTypeNames, "unknown (%d)", msgType))
			}
		}
	}
	if nd.Verbose > 0 {
		defaultPrintLen(nd, b[off:], length)
	}
}
