package dissect

// RIPng (RFC 2080; tcpdump's print-ripng.c): requests and responses
// with their route entries.

func init() {
	registerUDPPort("ripng", ripngUDPPrint, 521)
}

func ripngUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	ripngPrint(nd, b, length)
}

const (
	ripngHdrLen   = 4  // command, version, reserved
	ripngEntryLen = 20 // prefix, route tag, prefix length, metric
)

// ripngPrint prints a RIPng message (ripng_print).
func ripngPrint(nd *ND, b []byte, length int) {
	nd.SetProto("ripng")
	if vers := getU8(b, 1); vers != 1 {
		nd.Printf(" [vers %d]", vers)
		nd.PrintInvalid()
		return
	}
	cmd := getU8(b, 0)
	if cmd != 1 && cmd != 2 {
		nd.Printf(" ripng-%d ?? %d", cmd, length)
		nd.PrintInvalid()
		return
	}
	if length < ripngHdrLen {
		nd.PrintInvalid()
		return
	}
	left := length - ripngHdrLen
	n := left / ripngEntryLen
	// A request for a single entry of metric 16 and prefix :: asks for
	// the whole table.
	if cmd == 1 && n == 1 && getU8(b, ripngHdrLen+19) == 16 {
		var zero [16]byte
		if tcheck(b, ripngHdrLen, 16); [16]byte(b[ripngHdrLen:ripngHdrLen+16]) == zero {
			nd.Print(" ripng-req dump")
			return
		}
	}
	word := " ripng-req "
	if cmd == 2 {
		word = " ripng-resp "
	}
	nd.Print(word)
	nd.PrintUint(uint64(n))
	if n*ripngEntryLen != left {
		nd.Printf("[%d]", length)
	}
	nd.Print(":")
	for off := ripngHdrLen; left >= ripngEntryLen; off, left = off+ripngEntryLen, left-ripngEntryLen {
		if nd.Verbose > 1 {
			nd.Print("\n\t")
		} else {
			nd.Print(" ")
		}
		ripngEntryPrint(nd, b, off, cmd == 2)
	}
	if left != 0 {
		nd.PrintInvalid()
	}
}

// ripngEntryPrint prints a route entry: prefix/length, [tag] and, in
// responses, (metric).
func ripngEntryPrint(nd *ND, b []byte, off int, withMetric bool) {
	tcheck(b, off, 19)
	nd.PrintIP6Addr(b, off)
	nd.Printf("/%d", b[off+18])
	if tag := getBE16(b, off+16); tag != 0 {
		nd.Printf(" [%d]", tag)
	}
	if metric := getU8(b, off+19); metric != 0 && withMetric {
		nd.Printf(" (%d)", metric)
	}
}
