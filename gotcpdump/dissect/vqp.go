package dissect

// VQP, Cisco's VLAN Query Protocol (tcpdump's print-vqp.c), on UDP
// port 1589.

func init() {
	registerUDPPort("vqp", vqpPrint, 1589)
}

var vqpMsgTypes = []tok{
	{0x01, "Request, Join Port"}, {0x02, "Response, VLAN"},
	{0x03, "Request, Reconfirm"}, {0x04, "Response, Reconfirm"},
}

var vqpErrorCodes = []tok{
	{0x00, "No error"}, {0x03, "Access denied"}, {0x04, "Shutdown port"},
	{0x05, "Wrong VTP domain"},
}

// VQP object types.
const (
	vqpObjIPAddress  = 0x0c01
	vqpObjPortName   = 0x0c02
	vqpObjVLANName   = 0x0c03
	vqpObjVTPDomain  = 0x0c04
	vqpObjEtherPkt   = 0x0c05
	vqpObjMACNull    = 0x0c06
	vqpObjMACAddress = 0x0c08
)

var vqpObjects = []tok{
	{vqpObjIPAddress, "Client IP Address"}, {vqpObjPortName, "Port Name"},
	{vqpObjVLANName, "VLAN Name"}, {vqpObjVTPDomain, "VTP Domain"},
	{vqpObjEtherPkt, "Ethernet Packet"}, {vqpObjMACNull, "MAC Null"},
	{vqpObjMACAddress, "MAC Address"},
}

// Sizes of the VQP common header and of an object's type/length header.
const (
	vqpHdrLen    = 8
	vqpObjHdrLen = 6
)

func vqpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("vqp")
	tcheck(b, 0, vqpHdrLen)
	if length < vqpHdrLen {
		nd.PrintInvalid()
		return
	}
	version := getU8(b, 0)
	if version != 1 {
		nd.Printf("VQP version %d packet not supported", version)
		return
	}
	msgType := tok2str(vqpMsgTypes, "unknown (%d)", uint32(getU8(b, 1)))
	errCode := uint32(getU8(b, 2))
	if nd.Verbose < 1 {
		nd.Printf("VQPv%d %s Message, error-code %s (%d), length %d", version, msgType,
			tok2str(vqpErrorCodes, "unknown", errCode), errCode, length)
		return
	}
	nitems := getU8(b, 3)
	nd.Printf("\n\tVQPv%d, %s Message, error-code %s (%d), seq 0x%08x, items %d, length %d",
		version, msgType, tok2str(vqpErrorCodes, "unknown", errCode), errCode,
		getBE32(b, 4), nitems, length)
	off := vqpHdrLen
	tlen := length - vqpHdrLen
	for nitems != 0 && tlen != 0 {
		tcheck(b, off, vqpObjHdrLen)
		if tlen < vqpObjHdrLen {
			nd.PrintInvalid()
			return
		}
		objType := getBE32(b, off)
		objLen := int(getBE16(b, off+4))
		off += vqpObjHdrLen
		tlen -= vqpObjHdrLen
		nd.Printf("\n\t  %s Object (0x%08x), length %d, value: ",
			tok2str(vqpObjects, "Unknown", objType), objType, objLen)
		if objType == 0 || objLen == 0 {
			return
		}
		tcheck(b, off, objLen)
		if objLen > tlen {
			nd.PrintInvalid()
			return
		}
		switch objType {
		case vqpObjIPAddress:
			if objLen != 4 {
				nd.PrintInvalid()
				return
			}
			nd.PrintIPAddr(b, off)
			nd.Printf(" (0x%08x)", getBE32(b, off))
		case vqpObjPortName, vqpObjVLANName, vqpObjVTPDomain, vqpObjEtherPkt:
			printjnp(nd, b, off, objLen)
		case vqpObjMACAddress, vqpObjMACNull:
			if objLen != 6 {
				nd.PrintInvalid()
				return
			}
			nd.PrintEtherAddr(b, off)
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, off, "\n\t    ", objLen)
			}
		}
		off += objLen
		tlen -= objLen
		nitems--
	}
}
