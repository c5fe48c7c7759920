package dissect

// M3UA, SS7 MTP3 User Adaptation (RFC 4666; tcpdump's print-m3ua.c),
// carried in SCTP DATA chunks with PPID 3 and decoded with -vv.

func init() {
	sctpPayloadPrinters[sctpPPIDM3UA] = m3uaPrint
}

var m3uaClasses = []tok{
	{0, "Management"}, {1, "Transfer"}, {2, "SS7"}, {3, "ASP"}, {4, "ASP"},
	{9, "Routing Key Management"},
}

// m3uaMessages names the message types of each class.
var m3uaMessages = map[uint8][]tok{
	0: {{0, "Error"}, {1, "Notify"}},
	1: {{1, "Data"}},
	2: {{1, "Destination Unavailable"}, {2, "Destination Available"}, {3, "Destination State Audit"},
		{4, "Signalling Congestion"}, {5, "Destination User Part Unavailable"}, {6, "Destination Restricted"}},
	3: {{1, "Up"}, {2, "Down"}, {3, "Heartbeat"}, {4, "Up Acknowledgement"},
		{5, "Down Acknowledgement"}, {6, "Heartbeat Acknowledgement"}},
	4: {{1, "Active"}, {2, "Inactive"}, {3, "Active Acknowledgement"}, {4, "Inactive Acknowledgement"}},
	9: {{1, "Registration Request"}, {2, "Registration Response"}, {3, "Deregistration Request"},
		{4, "Deregistration Response"}},
}

var m3uaParams = []tok{
	{0x0004, "INFO String"}, {0x0006, "Routing Context"}, {0x0007, "Diagnostic Info"},
	{0x0009, "Heartbeat Data"}, {0x000b, "Traffic Mode Type"}, {0x000c, "Error Code"},
	{0x000d, "Status"}, {0x0011, "ASP Identifier"}, {0x0012, "Affected Point Code"},
	{0x0013, "Correlation ID"}, {0x0200, "Network Appearance"}, {0x0204, "User/Cause"},
	{0x0205, "Congestion Indications"}, {0x0206, "Concerned Destination"},
	{0x0207, "Routing Key"}, {0x0208, "Registration Result"}, {0x0209, "Deregistration Result"},
	{0x020a, "Local Routing Key Identifier"}, {0x020b, "Destination Point Code"},
	{0x020c, "Service Indicators"}, {0x020e, "Originating Point Code List"},
	{0x0210, "Protocol Data"}, {0x0212, "Registration Status"}, {0x0213, "Deregistration Status"},
}

// m3uaHdrLen is the common header; parameters have a 4-byte header.
const (
	m3uaHdrLen      = 8
	m3uaParamHdrLen = 4
)

func m3uaPrint(nd *ND, b []byte, size int) {
	nd.SetProto("m3ua")
	if size < m3uaHdrLen {
		nd.PrintInvalid()
		tcheck(b, 0, size)
		return
	}
	tcheck(b, 0, m3uaHdrLen)
	if getU8(b, 0) != 1 {
		return
	}
	class := getU8(b, 2)
	nd.Printf("\n\t\t%s", tok2str(m3uaClasses, "Unknown message class %d", uint32(class)))
	if dict, ok := m3uaMessages[class]; ok {
		nd.Printf(" %s Message", tok2str(dict, "Unknown (0x%02x)", uint32(getU8(b, 3))))
	}
	if l := getBE32(b, 4); int64(size) != int64(l) {
		nd.Printf("\n\t\t\t@@@@@@ Corrupted length %d of message @@@@@@", l)
		return
	}
	m3uaTags(nd, b, m3uaHdrLen, size-m3uaHdrLen)
}

// m3uaTags prints the parameters in the size bytes from buf.
func m3uaTags(nd *ND, b []byte, buf, size int) {
	for p := buf; p < buf+size; {
		if p+m3uaParamHdrLen > buf+size {
			nd.PrintInvalid()
			tcheck(b, buf, size)
			return
		}
		tag := getBE16(b, p)
		nd.Printf("\n\t\t\t%s: ", tok2str(m3uaParams, "Unknown Parameter (0x%04x)", uint32(tag)))
		n := int(getBE16(b, p+2))
		if n < m3uaParamHdrLen {
			nd.PrintInvalid()
			tcheck(b, buf, size)
			return
		}
		align := (p + n - buf) % 4
		if align != 0 {
			align = 4 - align
		}
		tcheck(b, p, n+align)
		valueLen := n - m3uaParamHdrLen
		switch tag {
		case 0x0200, 0x0006, 0x0013: // network appearance, routing context, correlation ID
			// tcpdump reads the value from the start of the parameter
			// header, not after it.
			if valueLen < 4 {
				nd.PrintInvalid()
			} else {
				nd.Printf("0x%08x", getBE32(b, p))
			}
		default:
			nd.Printf("(length %d)", n)
		}
		tcheck(b, p, valueLen)
		p += n + align
	}
}
