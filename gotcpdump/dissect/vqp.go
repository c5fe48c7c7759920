package dissect

// VQP, Cisco's VLAN Query Protocol (tcpdump's print-vqp.c), on UDP port
// 1589: a header and, at -v, its objects.

func init() {
	registerUDPPort("vqp", vqpPrint, 1589)
}

var vqpMsgTypes = []tok{
	{1, "Request, Join Port"}, {2, "Response, VLAN"}, {3, "Request, Reconfirm"}, {4, "Response, Reconfirm"},
}

var vqpErrorCodes = []tok{{0, "No error"}, {3, "Access denied"}, {4, "Shutdown port"}, {5, "Wrong VTP domain"}}

var vqpObjects = []tok{
	{0x0c01, "Client IP Address"}, {0x0c02, "Port Name"}, {0x0c03, "VLAN Name"},
	{0x0c04, "VTP Domain"}, {0x0c05, "Ethernet Packet"}, {0x0c06, "MAC Null"}, {0x0c08, "MAC Address"},
}

const (
	vqpHdrLen    = 8
	vqpObjHdrLen = 6
)

func vqpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("vqp")
	tcheck(b, 0, vqpHdrLen)
	if length < vqpHdrLen {
		nd.PrintTrunc()
		return
	}
	if v := getU8(b, 0); v != 1 {
		nd.Printf("VQP version %d packet not supported", v)
		return
	}
	msg := tok2str(vqpMsgTypes, "unknown (%d)", uint32(getU8(b, 1)))
	code := getU8(b, 2)
	errName := tok2str(vqpErrorCodes, "unknown", uint32(code))
	if nd.Verbose < 1 {
		nd.Printf("VQPv1 %s Message, error-code %s (%d), length %d", msg, errName, code, length)
		return
	}
	nitems := int(getU8(b, 3))
	nd.Printf("\n\tVQPv1, %s Message, error-code %s (%d), seq 0x%08x, items %d, length %d",
		msg, errName, code, getBE32(b, 4), nitems, length)
	off, left := vqpHdrLen, length-vqpHdrLen
	for ; nitems > 0 && left > 0; nitems-- {
		tcheck(b, off, vqpObjHdrLen)
		if left < vqpObjHdrLen {
			nd.PrintTrunc()
			return
		}
		typ, olen := getBE32(b, off), int(getBE16(b, off+4))
		off += vqpObjHdrLen
		left -= vqpObjHdrLen
		nd.Printf("\n\t  %s Object (0x%08x), length %d, value: ", tok2str(vqpObjects, "Unknown", typ), typ, olen)
		if typ == 0 || olen == 0 {
			return
		}
		tcheck(b, off, olen)
		if olen > left {
			nd.PrintTrunc()
			return
		}
		switch typ {
		case 0x0c01:
			if olen != 4 {
				nd.PrintTrunc()
				return
			}
			nd.PrintIPAddr(b, off)
			nd.Printf(" (0x%08x)", getBE32(b, off))
		case 0x0c02, 0x0c03, 0x0c04, 0x0c05:
			nd.printjn(b, off, olen)
		case 0x0c08, 0x0c06:
			if olen != 6 {
				nd.PrintTrunc()
				return
			}
			nd.PrintEtherAddr(b, off)
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, off, "\n\t    ", olen)
			}
		}
		off += olen
		left -= olen
	}
}
