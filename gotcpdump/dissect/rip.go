package dissect

// RIP, the Routing Information Protocol for IPv4: version 1 (RFC 1058)
// and version 2 with its authentication entries (RFC 2453, RFC 4822);
// tcpdump's print-rip.c. UDP port 520.

func init() {
	registerUDPPort("rip", ripPrint, 520)
}

var ripCommands = []tok{
	{1, "Request"}, {2, "Response"}, {3, "Trace on"}, {4, "Trace off"},
	{5, "Poll"}, {6, "Poll Entry"},
}

const (
	ripHdrLen    = 4
	ripRouteLen  = 20
	ripAuthLen   = 16
	ripCryptoLen = 16
	ripAFInet    = 2
)

// ripBSDAFNames are the BSD address family numbers RIP entries carry
// (tcpdump's bsd_af_values).
var ripBSDAFNames = []tok{
	{2, "IPv4"}, {7, "ISO"}, {16, "Appletalk"}, {23, "IPX"}, {24, "IPv6"}, {28, "IPv6"}, {30, "IPv6"},
}

// RIP commands.
const (
	ripRequest   = 1
	ripResponse  = 2
	ripTraceOff  = 4
	ripPoll      = 5
	ripPollEntry = 6
)

func ripPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("rip")
	avail := len(b)
	if avail > length {
		avail = length
	}
	if avail < ripHdrLen {
		nd.PrintTrunc()
		return
	}
	avail -= ripHdrLen
	vers := getU8(b, 1)
	if nd.Verbose >= 1 {
		nd.Print("\n\t")
	}
	nd.Printf("RIPv%d", vers)
	if vers == 0 {
		unknownDataPrint(nd, b, 0, "\n\t", length)
		return
	}
	cmd := getU8(b, 0)
	nd.Printf(", %s, length: %d", tok2str(ripCommands, "unknown command (%d)", uint32(cmd)), length)
	if nd.Verbose < 1 {
		return
	}
	switch cmd {
	case ripRequest, ripResponse:
		entry := ripEntryV1
		switch vers {
		case 1:
			nd.Printf(", routes: %d", length/ripRouteLen)
		case 2:
			nd.Printf(", routes: %d or less", length/ripRouteLen)
			entry = ripEntryV2
		default:
			nd.Print(", unknown version")
			entry = nil
		}
		for off := ripHdrLen; entry != nil && avail != 0; {
			n := entry(nd, b, off, avail)
			if n == 0 {
				nd.PrintTrunc()
				break
			}
			if avail < n {
				nd.Printf(" [remaining entries length %d < %d]", avail, n)
				nd.PrintInvalid()
				break
			}
			off += n
			avail -= n
		}
	case ripTraceOff, ripPoll, ripPollEntry:
	default:
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, 0, "\n\t", length)
		}
	}
	if nd.Verbose > 1 {
		unknownDataPrint(nd, b, 0, "\n\t", length)
	}
}

// ripEntryV1 prints one RFC 1058 route entry at off and returns its
// length, or 0 when it does not fit in remaining or was not captured.
func ripEntryV1(nd *ND, b []byte, off, remaining int) int {
	if remaining < ripRouteLen || !ttest(b, off, ripRouteLen) {
		return 0
	}
	family := getBE16(b, off)
	if family != ripAFInet && family != 0 {
		nd.Printf("\n\t AFI %s, ", tok2str(ripBSDAFNames, "Unknown (%d)", uint32(family)))
		unknownDataPrint(nd, b, off+4, "\n\t  ", ripRouteLen-4)
		return ripRouteLen
	}
	if getBE16(b, off+2) != 0 || getBE32(b, off+8) != 0 || getBE32(b, off+12) != 0 {
		unknownDataPrint(nd, b, off, "\n\t  ", ripRouteLen)
		return ripRouteLen
	}
	nd.Print("\n\t  ")
	if family == 0 {
		nd.Print("AFI 0, ")
	}
	nd.PrintIPAddr(b, off+4)
	nd.Printf(", metric: %d", getBE32(b, off+16))
	return ripRouteLen
}

// ripEntryV2 prints one RFC 2453 entry (a route or an authentication
// entry) at off and returns its length, or 0 on error.
func ripEntryV2(nd *ND, b []byte, off, remaining int) int {
	if remaining < 4 || !ttest(b, off, 4) {
		return 0
	}
	family := getBE16(b, off)
	switch {
	case family == 0xffff:
		authType := getBE16(b, off+2)
		p := off + 4
		remaining -= 4
		switch authType {
		case 2:
			nd.Print("\n\t  Simple Text Authentication data: ")
			if ripPrintZP(nd, b, p, ripAuthLen, p+remaining) {
				return 0
			}
		case 3:
			if !ttest(b, p, ripCryptoLen) || remaining < ripCryptoLen {
				return 0
			}
			nd.Printf("\n\t  Auth header: Packet Len %d, Key-ID %d, Auth Data Len %d, SeqNo %d, MBZ %d, MBZ %d",
				getBE16(b, p), getU8(b, p+2), getU8(b, p+3), getBE32(b, p+4), getBE32(b, p+8), getBE32(b, p+12))
		case 1:
			nd.Print("\n\t  Auth trailer:")
			unknownDataPrint(nd, b, p, "\n\t  ", remaining)
			return 4 + remaining
		default:
			nd.Printf("\n\t  Unknown (%d) Authentication data:", authType)
			unknownDataPrint(nd, b, p, "\n\t  ", remaining)
			return 4 + remaining
		}
	case family != ripAFInet && family != 0:
		nd.Printf("\n\t  AFI %s", tok2str(ripBSDAFNames, "Unknown (%d)", uint32(family)))
		unknownDataPrint(nd, b, off+4, "\n\t  ", ripRouteLen-4)
	default:
		if !ttest(b, off, ripRouteLen) || remaining < ripRouteLen {
			return 0
		}
		dest := nd.textOf(func() { nd.PrintIPAddr(b, off+4) })
		nd.Printf("\n\t  AFI %s, %15s/%-2d, tag 0x%04x, metric: %d, next-hop: ",
			tok2str(ripBSDAFNames, "%d", uint32(family)), dest, mask2plen(getBE32(b, off+8)),
			getBE16(b, off+2), getBE32(b, off+16))
		if getBE32(b, off+12) != 0 {
			nd.PrintIPAddr(b, off+12)
		} else {
			nd.Print("self")
		}
	}
	return ripRouteLen
}

// ripPrintZP prints the NUL-padded string of at most n bytes at off,
// stopping at end (an offset in b) as tcpdump's nd_printzp does; it
// reports whether end cut the string short.
func ripPrintZP(nd *ND, b []byte, off, n, end int) bool {
	for ; n > 0; n, off = n-1, off+1 {
		if off >= end {
			return true
		}
		c := getU8(b, off)
		if c == 0 {
			return false
		}
		nd.printChar(c)
	}
	return false
}

// mask2plen returns the prefix length of a contiguous IPv4 netmask, or
// -1 when the mask is not contiguous.
func mask2plen(mask uint32) int {
	for plen := 32; plen >= 0; plen-- {
		var m uint32
		if plen > 0 {
			m = ^uint32(0) << (32 - plen)
		}
		if m == mask {
			return plen
		}
	}
	return -1
}
