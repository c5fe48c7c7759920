package dissect

// IGRP, Cisco's Interior Gateway Routing Protocol (IP protocol 9;
// tcpdump's print-igrp.c): the header and its interior, system and
// exterior route entries.

func init() {
	registerIPProto(9, igrpPrint)
}

var igrpOps = []tok{{1, "update"}, {2, "request"}}

const (
	igrpHdrLen = 12
	igrpRteLen = 14
)

func igrpPrint(nd *ND, b []byte, length int, _ *ipInfo) {
	nd.SetProto("igrp")
	nd.Print("igrp:")
	nint := int(getBE16(b, 4))
	nsys := int(getBE16(b, 6))
	next := int(getBE16(b, 8))
	vop := getU8(b, 0)
	nd.Printf(" %s V%d edit=%d AS=%d (%d/%d/%d)",
		tok2str(igrpOps, "op-#%d", uint32(vop&0x0f)), vop>>4, getU8(b, 1),
		getBE16(b, 2), nint, nsys, next)
	if nd.Verbose > 0 {
		nd.Printf(" checksum=0x%04x", getBE16(b, 10))
	}
	off := igrpHdrLen
	for length -= igrpHdrLen; length >= igrpRteLen; length -= igrpRteLen {
		switch {
		case nint > 0:
			igrpEntryPrint(nd, b, off, "*")
			nint--
		case nsys > 0:
			igrpEntryPrint(nd, b, off, "")
			nsys--
		case next > 0:
			igrpEntryPrint(nd, b, off, "X")
			next--
		default:
			nd.Printf(" [extra bytes %d]", length)
			length = 0
		}
		off += igrpRteLen
	}
	if nint != 0 || nsys != 0 || next != 0 {
		nd.PrintTrunc()
	}
}

// igrpEntryPrint prints the route entry at off: interior routes ("*")
// as "*.a.b.c", system routes as "a.b.c.0", exterior ones ("X") as
// "Xa.b.c.0".
func igrpEntryPrint(nd *ND, b []byte, off int, kind string) {
	tcheck(b, off, igrpRteLen)
	n0, n1, n2 := getU8(b, off), getU8(b, off+1), getU8(b, off+2)
	if kind == "*" {
		nd.Printf(" *.%d.%d.%d", n0, n1, n2)
	} else {
		nd.Printf(" %s%d.%d.%d.0", kind, n0, n1, n2)
	}
	delay := getBE24(b, off+3)
	bw := getBE24(b, off+6)
	metric := min(bw+delay, 0xffffff)
	var bwKbit uint32
	if bw != 0 {
		bwKbit = 10000000 / bw
	}
	nd.Printf(" d=%d b=%d r=%d l=%d M=%d mtu=%d in %d hops",
		10*delay, bwKbit, getU8(b, off+11), getU8(b, off+12), metric,
		getBE16(b, off+9), getU8(b, off+13))
}
