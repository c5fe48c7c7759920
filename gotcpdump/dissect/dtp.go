package dissect

// Cisco Dynamic Trunking Protocol (tcpdump's print-dtp.c), reached
// through SNAP.

func init() {
	registerPrinter("dtp_print", dtpPrint)
}

const (
	dtpTLVDomain   = 1
	dtpTLVStatus   = 2
	dtpTLVType     = 3
	dtpTLVNeighbor = 4
)

var dtpTLVNames = []tok{
	{dtpTLVDomain, "Domain"},
	{dtpTLVStatus, "Status"},
	{dtpTLVType, "DTP type"},
	{dtpTLVNeighbor, "Neighbor"},
}

func dtpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("dtp")
	ver := getU8(b, 0)
	nd.Print("DTPv")
	nd.PrintUint(uint64(ver))
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	if nd.Verbose == 0 {
		return
	}
	off := 1
	length--
	for length > 0 {
		if length < 4 {
			ciscoTLVInvalid(nd, b, off, length)
			return
		}
		typ, n := getBE16(b, off), int(getBE16(b, off+2))
		if typ == 0 {
			return
		}
		ciscoTLVHeaderPrint(nd, dtpTLVNames, typ, n)
		if n < 4 || n > length {
			ciscoTLVInvalid(nd, b, off, length)
			return
		}
		switch typ {
		case dtpTLVDomain:
			nd.Print(", ")
			printjnp(nd, b, off+4, n-4)
			tcheck(b, off+4, n-4)
		case dtpTLVStatus, dtpTLVType:
			if n != 5 {
				ciscoTLVInvalid(nd, b, off, length)
				return
			}
			v := getU8(b, off+4)
			nd.Print(", 0x")
			nd.PrintHex(uint64(v), 0)
		case dtpTLVNeighbor:
			if n != 10 {
				ciscoTLVInvalid(nd, b, off, length)
				return
			}
			tcheck(b, off+4, 6)
			nd.Print(", ")
			nd.PrintEtherAddr(b, off+4)
		default:
			tcheck(b, off, n)
		}
		off += n
		length -= n
	}
}

// ciscoTLVHeaderPrint prints "\n\tName (0x%04x) TLV, length N", the TLV
// line DTP and UDLD share.
func ciscoTLVHeaderPrint(nd *ND, names []tok, typ uint16, n int) {
	nd.Print("\n\t")
	nd.Print(tok2str(names, "Unknown", uint32(typ)))
	nd.Print(" (0x")
	nd.PrintHex(uint64(typ), 4)
	nd.Print(") TLV, length ")
	nd.PrintUint(uint64(n))
}

// ciscoTLVInvalid marks the message invalid and checks that the rest of
// it was captured (the printers' "invalid" exit).
func ciscoTLVInvalid(nd *ND, b []byte, off, n int) {
	nd.PrintInvalid()
	tcheck(b, off, n)
}
