package dissect

// Cisco UniDirectional Link Detection (tcpdump's print-udld.c), reached
// through SNAP.

func init() {
	registerPrinter("udld_print", udldPrint)
}

const (
	udldHdrLen = 4

	udldTLVDeviceID   = 1
	udldTLVPortID     = 2
	udldTLVEcho       = 3
	udldTLVMsgIntvl   = 4
	udldTLVTimeout    = 5
	udldTLVDeviceName = 6
	udldTLVSeqNumber  = 7
)

var udldTLVNames = []tok{
	{udldTLVDeviceID, "Device-ID TLV"},
	{udldTLVPortID, "Port-ID TLV"},
	{udldTLVEcho, "Echo TLV"},
	{udldTLVMsgIntvl, "Message Interval TLV"},
	{udldTLVTimeout, "Timeout Interval TLV"},
	{udldTLVDeviceName, "Device Name TLV"},
	{udldTLVSeqNumber, "Sequence Number TLV"},
}

var udldCodeNames = []tok{
	{0, "Reserved"},
	{1, "Probe message"},
	{2, "Echo message"},
	{3, "Flush message"},
}

var udldFlagNames = []tok{{0x01, "RT"}, {0x02, "RSY"}}

func udldPrint(nd *ND, b []byte, length int) {
	nd.SetProto("udld")
	if length < udldHdrLen {
		ciscoTLVInvalid(nd, b, 0, length)
		return
	}
	vc, flags := getU8(b, 0), getU8(b, 1)
	code := uint32(vc & 0x1f)
	nd.Print("UDLDv")
	nd.PrintUint(uint64(vc >> 5))
	nd.Print(", Code ")
	nd.Print(tok2str(udldCodeNames, "Reserved", code))
	nd.Print(" (")
	nd.PrintHex(uint64(code), 0)
	nd.Print("), Flags [")
	nd.Print(bittok2str(udldFlagNames, "none", uint32(flags)))
	nd.Print("] (0x")
	nd.PrintHex(uint64(flags), 2)
	nd.Print("), length ")
	nd.PrintUint(uint64(length))
	if nd.Verbose == 0 {
		return
	}
	sum := getBE16(b, 2)
	nd.Print("\n\tChecksum 0x")
	nd.PrintHex(uint64(sum), 4)
	nd.Print(" (unverified)")
	off := udldHdrLen
	length -= udldHdrLen
	for length > 0 {
		if length < 4 {
			ciscoTLVInvalid(nd, b, off, length)
			return
		}
		typ, n := getBE16(b, off), int(getBE16(b, off+2))
		ciscoTLVHeaderPrint(nd, udldTLVNames, typ, n)
		if typ == 0 || n <= 4 || n > length {
			ciscoTLVInvalid(nd, b, off, length)
			return
		}
		body, bodyLen := off+4, n-4
		switch typ {
		case udldTLVDeviceID, udldTLVPortID, udldTLVDeviceName:
			nd.Print(", ")
			printjnp(nd, b, body, bodyLen)
			tcheck(b, body, bodyLen)
		case udldTLVEcho:
			nd.Print(", ")
			nd.printjn(b, body, bodyLen)
		case udldTLVMsgIntvl, udldTLVTimeout:
			if bodyLen != 1 {
				ciscoTLVInvalid(nd, b, off, length)
				return
			}
			v := getU8(b, body)
			nd.Print(", ")
			nd.PrintUint(uint64(v))
			nd.PrintByte('s')
		case udldTLVSeqNumber:
			if bodyLen != 4 {
				ciscoTLVInvalid(nd, b, off, length)
				return
			}
			v := getBE32(b, body)
			nd.Print(", ")
			nd.PrintUint(uint64(v))
		default:
			tcheck(b, body, bodyLen)
		}
		off += n
		length -= n
	}
}
