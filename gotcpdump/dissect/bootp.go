package dissect

// The BOOTP and DHCPv4 printer (tcpdump's print-bootp.c): a summary line,
// and with -v the fixed header fields and the RFC 1048 options (or the
// CMU vendor area).

func init() {
	registerUDPPort("bootp", bootpPrint, 67, 68)
}

// Offsets of the fixed BOOTP header fields.
const (
	bootpOp     = 0
	bootpHType  = 1
	bootpHLen   = 2
	bootpHops   = 3
	bootpXid    = 4
	bootpSecs   = 8
	bootpFlags  = 10
	bootpCIAddr = 12
	bootpYIAddr = 16
	bootpSIAddr = 20
	bootpGIAddr = 24
	bootpCHAddr = 28
	bootpSName  = 44
	bootpFile   = 108
	bootpVend   = 236

	bootpSNameLen = 64
	bootpFileLen  = 128
	bootpRequest  = 1
)

var bootpOpNames = []tok{{1, "Request"}, {2, "Reply"}}

var bootpFlagNames = []tok{{0x8000, "Broadcast"}}

// bootpPrint prints a BOOTP/DHCP message (bootp_print). As in tcpdump
// 4.99.3, most fields stop the packet when missing, but a short fixed
// header (secs) or vendor area ends the message with the marker itself.
func bootpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("bootp")
	op := getU8(b, bootpOp)
	nd.Print("BOOTP/DHCP, ")
	nd.Print(tok2str(bootpOpNames, "unknown (0x%02x)", uint32(op)))
	htype, hlen := getU8(b, bootpHType), getU8(b, bootpHLen)
	ether := htype == 1 && hlen == 6
	if ether && op == bootpRequest {
		tcheck(b, bootpCHAddr, 6)
		nd.Print(" from ")
		nd.PrintEtherAddr(b, bootpCHAddr)
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	if nd.Verbose == 0 {
		return
	}
	if !ttest(b, bootpSecs, 2) {
		nd.PrintTrunc()
		return
	}
	if htype != 1 {
		nd.Print(", htype ")
		nd.PrintUint(uint64(htype))
	}
	if !ether {
		nd.Print(", hlen ")
		nd.PrintUint(uint64(hlen))
	}
	if hops := getU8(b, bootpHops); hops != 0 {
		nd.Print(", hops ")
		nd.PrintUint(uint64(hops))
	}
	if xid := getBE32(b, bootpXid); xid != 0 {
		nd.Print(", xid 0x")
		nd.PrintHex(uint64(xid), 0)
	}
	if secs := getBE16(b, bootpSecs); secs != 0 {
		nd.Print(", secs ")
		nd.PrintUint(uint64(secs))
	}
	flags := getBE16(b, bootpFlags)
	nd.Print(", Flags [")
	nd.Print(bittok2str(bootpFlagNames, "none", uint32(flags)))
	nd.PrintByte(']')
	if nd.Verbose > 1 {
		nd.Print(" (0x")
		nd.PrintHex(uint64(flags), 4)
		nd.PrintByte(')')
	}
	for _, a := range [...]struct {
		off  int
		name string
	}{
		{bootpCIAddr, "\n\t  Client-IP "},
		{bootpYIAddr, "\n\t  Your-IP "},
		{bootpSIAddr, "\n\t  Server-IP "},
		{bootpGIAddr, "\n\t  Gateway-IP "},
	} {
		if getBE32(b, a.off) != 0 {
			nd.Print(a.name)
			nd.PrintIPAddr(b, a.off)
		}
	}
	if ether {
		tcheck(b, bootpCHAddr, 6)
		nd.Print("\n\t  Client-Ethernet-Address ")
		nd.PrintEtherAddr(b, bootpCHAddr)
	}
	for _, s := range [...]struct {
		off, n int
		name   string
	}{
		{bootpSName, bootpSNameLen, "\n\t  sname \""},
		{bootpFile, bootpFileLen, "\n\t  file \""},
	} {
		if getU8(b, s.off) == 0 {
			continue
		}
		nd.Print(s.name)
		if nd.printztn(b, s.off, s.n) == 0 {
			nd.PrintByte('"')
			nd.PrintTrunc()
			return
		}
		nd.PrintByte('"')
	}

	if !ttest(b, bootpVend, 4) {
		nd.PrintTrunc()
		return
	}
	switch magic := getBE32(b, bootpVend); magic {
	case 0x63825363:
		rfc1048Print(nd, b[bootpVend:])
	case 0x434d5500: // "CMU\0"
		cmuPrint(nd, b[bootpVend:])
	default:
		if magic != 0 {
			nd.Print("\n\t  Vendor-#0x")
			nd.PrintHex(uint64(magic), 0)
		}
	}
}

// cmuFields are the addresses of the CMU vendor area, by offset.
var cmuFields = [...]struct {
	off  int
	name string
}{
	{12, "DG"}, {8, "SM"}, {16, "NS1"}, {20, "NS2"}, {24, "IEN1"}, {28, "IEN2"},
	{32, "TS1"}, {36, "TS2"},
}

// cmuPrint prints the CMU vendor area (cmu_print).
func cmuPrint(nd *ND, b []byte) {
	nd.Print(" vend-cmu")
	if !ttest(b, 4, 4) {
		nd.PrintTrunc()
		return
	}
	flags := getU8(b, 4)
	if flags&^1 != 0 {
		nd.Print(" F:0x")
		nd.PrintHex(uint64(flags), 0)
	}
	for _, f := range cmuFields {
		if !ttest(b, f.off, 4) {
			nd.PrintTrunc()
			return
		}
		if getBE32(b, f.off) == 0 {
			continue
		}
		nd.PrintByte(' ')
		nd.Print(f.name)
		if f.name == "SM" && flags&1 == 0 {
			nd.PrintByte('*')
		}
		nd.PrintByte(':')
		nd.PrintIPAddr(b, f.off)
	}
}
