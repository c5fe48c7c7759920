package dissect

// IEEE 802.3 Slow Protocols (ethertype 0x8809): LACP and the Marker
// protocol, as tcpdump's print-slow.c prints them. The OAM sub-type's
// body is not decoded here: with -v it is dumped in hex, which differs
// from tcpdump's OAM decoder.

func init() {
	registerEtherType(0x8809, slowPrint)
}

const (
	slowLACP   = 1
	slowMarker = 2
	slowOAM    = 3

	lacpVersion   = 1
	markerVersion = 1

	slowTLVTerminator = 0
)

var slowProtoNames = []tok{
	{slowLACP, "LACP"},
	{slowMarker, "MARKER"},
	{slowOAM, "OAM"},
}

// slowTLVNames is keyed by sub-type<<8 | TLV type.
var slowTLVNames = []tok{
	{slowLACP<<8 | slowTLVTerminator, "Terminator"},
	{slowLACP<<8 | 0x01, "Actor Information"},
	{slowLACP<<8 | 0x02, "Partner Information"},
	{slowLACP<<8 | 0x03, "Collector Information"},
	{slowMarker<<8 | slowTLVTerminator, "Terminator"},
	{slowMarker<<8 | 0x01, "Marker Information"},
	{slowMarker<<8 | 0x02, "Marker Response Information"},
}

var lacpStateNames = []tok{
	{0x01, "Activity"},
	{0x02, "Timeout"},
	{0x04, "Aggregation"},
	{0x08, "Synchronization"},
	{0x10, "Collecting"},
	{0x20, "Distributing"},
	{0x40, "Default"},
	{0x80, "Expired"},
}

const (
	lacpActorInfoLen     = 18 // TLV body: priority, system, key, port priority, port, state, pad
	lacpCollectorInfoLen = 14 // TLV body: max delay, pad
	markerInfoLen        = 16 // TLV body: port, system, transaction id, pad
)

// slowPrint prints the sub-type header line and, with -v, the body
// (slow_print).
func slowPrint(nd *ND, b []byte, length int) {
	nd.SetProto("slow")
	if length < 1 {
		slowTooShort(nd)
		return
	}
	subtype := getU8(b, 0)
	printVersion := false
	switch subtype {
	case slowLACP, slowMarker:
		if length < 2 {
			slowTooShort(nd)
			return
		}
		want := uint8(lacpVersion)
		name := "LACP"
		if subtype == slowMarker {
			want, name = markerVersion, "MARKER"
		}
		if v := getU8(b, 1); v != want {
			nd.Print(name)
			nd.Print(" version ")
			nd.PrintUint(uint64(v))
			nd.Print(" packet not supported")
			return
		}
		printVersion = true
	}
	nd.Print(tok2str(slowProtoNames, "unknown (%d)", uint32(subtype)))
	if printVersion {
		nd.PrintByte('v')
		nd.PrintUint(uint64(getU8(b, 1)))
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	if nd.Verbose == 0 {
		return
	}
	switch subtype {
	case slowLACP, slowMarker:
		slowMarkerLACPPrint(nd, rest(b, 2), length-2, subtype)
	case slowOAM:
		unknownDataPrint(nd, b, 1, "\n\t", length-1)
	default:
		unknownDataPrint(nd, b, 0, "\n\t", length)
	}
}

func slowTooShort(nd *ND) {
	if nd.Verbose == 0 {
		nd.Print(" (packet is too short)")
	} else {
		nd.Print("\n\t\t packet is too short")
	}
}

// slowMarkerLACPPrint walks the TLVs of an LACP or Marker PDU up to the
// terminator.
func slowMarkerLACPPrint(nd *ND, b []byte, length int, subtype uint8) {
	off := 0
	for length > 0 {
		tlvType, tlvLen := getU8(b, off), int(getU8(b, off+1))
		key := uint32(subtype)<<8 | uint32(tlvType)
		nd.Print("\n\t")
		nd.Print(tok2str(slowTLVNames, "Unknown", key))
		nd.Print(" TLV (0x")
		nd.PrintHex(uint64(tlvType), 2)
		nd.Print("), length ")
		nd.PrintUint(uint64(tlvLen))
		if tlvType == slowTLVTerminator {
			return
		}
		if tlvLen < 2 {
			nd.Print("\n\t    ERROR: illegal length - should be >= 2")
			return
		}
		tcheck(b, off, tlvLen)
		body, bodyLen := off+2, tlvLen-2
		switch key {
		case slowLACP<<8 | 0x01, slowLACP<<8 | 0x02:
			if !slowBodyLen(nd, bodyLen, lacpActorInfoLen) {
				return
			}
			nd.Print("\n\t  System ")
			nd.PrintEtherAddr(b, body+2)
			nd.Print(", System Priority ")
			nd.PrintUint(uint64(getBE16(b, body)))
			nd.Print(", Key ")
			nd.PrintUint(uint64(getBE16(b, body+8)))
			nd.Print(", Port ")
			nd.PrintUint(uint64(getBE16(b, body+12)))
			nd.Print(", Port Priority ")
			nd.PrintUint(uint64(getBE16(b, body+10)))
			nd.Print("\n\t  State Flags [")
			nd.Print(bittok2str(lacpStateNames, "none", uint32(getU8(b, body+14))))
			nd.PrintByte(']')
		case slowLACP<<8 | 0x03:
			if !slowBodyLen(nd, bodyLen, lacpCollectorInfoLen) {
				return
			}
			nd.Print("\n\t  Max Delay ")
			nd.PrintUint(uint64(getBE16(b, body)))
		case slowMarker<<8 | 0x01:
			if !slowBodyLen(nd, bodyLen, markerInfoLen) {
				return
			}
			nd.Print("\n\t  Request System ")
			nd.PrintEtherAddr(b, body+2)
			nd.Print(", Request Port ")
			nd.PrintUint(uint64(getBE16(b, body)))
			nd.Print(", Request Transaction ID 0x")
			nd.PrintHex(uint64(getBE32(b, body+8)), 8)
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, body, "\n\t  ", bodyLen)
			}
		}
		if nd.Verbose > 1 {
			unknownDataPrint(nd, b, body, "\n\t  ", bodyLen)
		}
		off += tlvLen
		length -= tlvLen
	}
}

// slowBodyLen checks a fixed-size TLV body, printing tcpdump's error
// (which counts the two-byte TLV header) when it is wrong.
func slowBodyLen(nd *ND, got, want int) bool {
	if got == want {
		return true
	}
	nd.Print("\n\t    ERROR: illegal length - should be ")
	nd.PrintUint(uint64(want + 2))
	return false
}
