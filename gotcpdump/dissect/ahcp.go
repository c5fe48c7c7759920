package dissect

// The Ad-Hoc Configuration Protocol, version 1 (tcpdump's
// print-ahcp.c): the header with -v, the options with -vv. Every
// truncation stops the packet (tcpdump builds this printer with
// ND_LONGJMP_FROM_TCHECK).

import "time"

func init() {
	registerUDPPort("ahcp", ahcpUDPPrint, 5359)
}

func ahcpUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	ahcpPrint(nd, b, length)
}

var ahcpMsgTypes = []tok{
	{0, "Discover"},
	{1, "Offer"},
	{2, "Request"},
	{3, "Ack"},
	{4, "Nack"},
	{5, "Release"},
}

var ahcpOptNames = []tok{
	{0, "Pad"},
	{1, "Mandatory"},
	{2, "Origin Time"},
	{3, "Expires"},
	{4, "My-IPv6-Address"},
	{5, "My-IPv4-Address"},
	{6, "IPv6 Prefix"},
	{7, "IPv4 Prefix"},
	{8, "IPv6 Address"},
	{9, "IPv4 Address"},
	{10, "IPv6 Prefix Delegation"},
	{11, "IPv4 Prefix Delegation"},
	{12, "Name Server"},
	{13, "NTP Server"},
}

// ahcpOptDecoders print the value of each option that has one; the
// others print their length.
var ahcpOptDecoders = map[uint8]func(nd *ND, b []byte, cp, n int){
	2:  ahcpTimePrint,
	3:  ahcpSecondsPrint,
	4:  ahcpIP6AddrsPrint,
	5:  ahcpIP4AddrsPrint,
	6:  ahcpIP6PrefixesPrint,
	8:  ahcpIP6AddrsPrint,
	9:  ahcpIP4AddrsPrint,
	10: ahcpIP6PrefixesPrint,
	11: ahcpIP4PrefixesPrint,
	12: ahcpIP6AddrsPrint,
	13: ahcpIP6AddrsPrint,
}

// ahcpInvalid prints " (invalid)" for the n bytes at cp, stopping the
// packet if they were not captured.
func ahcpInvalid(nd *ND, b []byte, cp, n int) {
	nd.PrintInvalid()
	tcheck(b, cp, n)
}

// ahcpPrint prints an AHCP message (ahcp_print).
func ahcpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("ahcp")
	nd.Print("AHCP")
	if length < 2 || getU8(b, 0) != 43 {
		ahcpInvalid(nd, b, 0, length)
		return
	}
	version := getU8(b, 1)
	cp, n := 2, length-2
	if version != 1 {
		nd.Printf(" Version %d (unknown)", version)
		tcheck(b, cp, n)
		return
	}
	nd.Print(" Version 1")
	if n < 22 {
		ahcpInvalid(nd, b, cp, n)
		return
	}
	if nd.Verbose == 0 {
		tcheck(b, cp, 22)
	} else {
		nd.Printf("\n\tHopcount %d", getU8(b, cp))
		nd.Printf(", Original Hopcount %d", getU8(b, cp+1))
		nd.Printf(", Nonce 0x%08x", getBE32(b, cp+2))
		nd.Print(", Source Id ")
		ahcpIDPrint(nd, b, cp+6)
		nd.Print(", Destination Id ")
		ahcpIDPrint(nd, b, cp+14)
	}
	ahcpBodyPrint(nd, b, cp+22, n-22)
}

// ahcpIDPrint prints an 8-byte node ID as colon-separated hex.
func ahcpIDPrint(nd *ND, b []byte, off int) {
	tcheck(b, off, 8)
	for i := 0; i < 8; i++ {
		if i > 0 {
			nd.Print(":")
		}
		nd.PrintHex(uint64(b[off+i]), 2)
	}
}

func ahcpBodyPrint(nd *ND, b []byte, cp, n int) {
	if n < 4 {
		ahcpInvalid(nd, b, cp, n)
		return
	}
	typ, mbz, bodyLen := getU8(b, cp), getU8(b, cp+1), int(getBE16(b, cp+2))
	cp += 4
	n -= 4
	if nd.Verbose > 0 {
		nd.Print("\n\t")
		nd.Print(tok2str(ahcpMsgTypes, "Unknown-%d", uint32(typ)))
		if mbz != 0 {
			nd.Printf(", MBZ %d", mbz)
		}
		nd.Printf(", Length %d", bodyLen)
	}
	if bodyLen > n {
		ahcpInvalid(nd, b, cp, n)
		return
	}
	// The body length, not what the datagram holds, bounds the options.
	if nd.Verbose >= 2 {
		ahcpOptionsPrint(nd, b, cp, bodyLen)
	} else {
		tcheck(b, cp, bodyLen)
	}
}

func ahcpOptionsPrint(nd *ND, b []byte, cp, n int) {
	for n > 0 {
		opt := getU8(b, cp)
		cp++
		n--
		nd.Print("\n\t ")
		nd.Print(tok2str(ahcpOptNames, "Unknown-%d", uint32(opt)))
		if opt == 0 || opt == 1 {
			continue
		}
		if n == 0 {
			ahcpInvalid(nd, b, cp, n)
			return
		}
		optLen := int(getU8(b, cp))
		cp++
		n--
		if optLen > n {
			ahcpInvalid(nd, b, cp, n)
			return
		}
		if dec := ahcpOptDecoders[opt]; dec != nil {
			dec(nd, b, cp, optLen)
		} else {
			nd.Printf(" (Length %d)", optLen)
			tcheck(b, cp, optLen)
		}
		cp += optLen
		n -= optLen
	}
}

func ahcpTimePrint(nd *ND, b []byte, cp, n int) {
	if n != 4 {
		ahcpInvalid(nd, b, cp, n)
		return
	}
	t := time.Unix(int64(getBE32(b, cp)), 0).UTC()
	nd.Print(": ")
	nd.out = t.AppendFormat(nd.out, "2006-01-02 15:04:05")
	nd.Print(" UTC")
}

func ahcpSecondsPrint(nd *ND, b []byte, cp, n int) {
	if n != 4 {
		ahcpInvalid(nd, b, cp, n)
		return
	}
	nd.Printf(": %ds", getBE32(b, cp))
}

// ahcpListPrint prints the n bytes at cp as a list of items of size
// each, "(invalid)" if a partial item is left.
func ahcpListPrint(nd *ND, b []byte, cp, n, size int, item func(off int)) {
	sep := ": "
	for n > 0 {
		if n < size {
			ahcpInvalid(nd, b, cp, n)
			return
		}
		tcheck(b, cp, size)
		nd.Print(sep)
		item(cp)
		cp += size
		n -= size
		sep = ", "
	}
}

func ahcpIP6AddrsPrint(nd *ND, b []byte, cp, n int) {
	ahcpListPrint(nd, b, cp, n, 16, func(off int) { nd.PrintIP6Addr(b, off) })
}

func ahcpIP4AddrsPrint(nd *ND, b []byte, cp, n int) {
	ahcpListPrint(nd, b, cp, n, 4, func(off int) { nd.PrintIPAddr(b, off) })
}

func ahcpIP6PrefixesPrint(nd *ND, b []byte, cp, n int) {
	ahcpListPrint(nd, b, cp, n, 17, func(off int) {
		nd.PrintIP6Addr(b, off)
		nd.Printf("/%d", b[off+16])
	})
}

func ahcpIP4PrefixesPrint(nd *ND, b []byte, cp, n int) {
	ahcpListPrint(nd, b, cp, n, 5, func(off int) {
		nd.PrintIPAddr(b, off)
		nd.Printf("/%d", b[off+4])
	})
}
