package dissect

// GRE (RFC 1701, 1702, 2784, 2890) and the PPTP flavour of RFC 2637, as
// tcpdump 4.99.3's print-gre.c prints them.

func init() {
	registerIPProto(47, func(nd *ND, b []byte, length int, _ *ipInfo) { grePrint(nd, b, length) })
	registerPrinter("gre_print", grePrint)
}

const (
	greCP = 0x8000 // checksum present
	greRP = 0x4000 // routing present
	greKP = 0x2000 // key present
	greSP = 0x1000 // sequence number present
	greAP = 0x0080 // acknowledgment number present

	greVersMask = 0x0007

	greSREIP  = 0x0800
	greSREASN = 0xfffe
)

var greFlagNames = []tok{
	{greCP, "checksum present"},
	{greRP, "routing present"},
	{greKP, "key present"},
	{greSP, "sequence# present"},
	{0x0800, "source routing present"},
	{greAP, "ack present"},
}

// grePrint prints a GRE packet (gre_print); length is the GRE length the
// enclosing header declares.
func grePrint(nd *ND, b []byte, length int) {
	defer catchSoftStop(nd)
	nd.SetProto("gre")
	if length < 2 {
		panic(errSoftStop)
	}
	softCheck(b, 0, 2)
	vers := getBE16(b, 0) & greVersMask
	nd.Print("GREv")
	nd.PrintUint(uint64(vers))
	switch vers {
	case 0:
		greV0Print(nd, b, length)
	case 1:
		greV1Print(nd, b, length)
	default:
		nd.Print(" ERROR: unknown-version")
	}
}

// greCursor walks the GRE header's optional fields: off is the next
// byte in b, len what the GRE length leaves from there. Reads stop the
// printer softly when either the capture or the length runs out
// (tcpdump's ND_TCHECK plus "len < n goto trunc").
type greCursor struct {
	b   []byte
	off int
	len int
}

// need stops the packet unless n more bytes are there.
func (c *greCursor) need(n int) {
	softCheck(c.b, c.off, n)
	if c.len < n {
		panic(errSoftStop)
	}
}

// u16 reads a 16-bit field and moves past it.
func (c *greCursor) u16() uint16 {
	c.need(2)
	v := getBE16(c.b, c.off)
	c.off += 2
	c.len -= 2
	return v
}

// u32 reads a 32-bit field and moves past it.
func (c *greCursor) u32() uint32 {
	c.need(4)
	v := getBE32(c.b, c.off)
	c.off += 4
	c.len -= 4
	return v
}

func greFlagsPrint(nd *ND, flags uint16) {
	if nd.Verbose > 0 {
		nd.Print(", Flags [")
		printBitNames(nd, greFlagNames, uint32(flags), ", ", "none")
		nd.Print("]")
	}
}

// greTrailerPrint prints what follows the optional fields: the protocol
// with -e, the length, and the separator before the payload.
func greTrailerPrint(nd *ND, prot uint16, length int) {
	if nd.LinkHeader {
		nd.Print(", proto ")
		nd.Print(tok2strNoAlloc(etherTypeNames, "unknown", uint32(prot)))
		nd.Print(" (0x")
		nd.PrintHex(uint64(prot), 4)
		nd.Print(")")
	}
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
}

func greDemarc(nd *ND) {
	if nd.Verbose < 1 {
		nd.Print(": ")
	} else {
		nd.Print("\n\t")
	}
}

func greUnknownProto(nd *ND, prot uint16) {
	nd.Print("gre-proto-0x")
	nd.PrintHex(uint64(prot), 0)
}

func greV0Print(nd *ND, b []byte, length int) {
	c := greCursor{b: b, len: length}
	flags := c.u16()
	greFlagsPrint(nd, flags)
	prot := c.u16()

	if flags&(greCP|greRP) != 0 {
		sum := c.u16()
		if nd.Verbose > 0 {
			nd.Print(", sum 0x")
			nd.PrintHex(uint64(sum), 0)
		}
		off := c.u16()
		nd.Print(", off 0x")
		nd.PrintHex(uint64(off), 0)
	}
	if flags&greKP != 0 {
		key := c.u32()
		nd.Print(", key=0x")
		nd.PrintHex(uint64(key), 0)
	}
	if flags&greSP != 0 {
		seq := c.u32()
		nd.Print(", seq ")
		nd.PrintUint(uint64(seq))
	}
	if flags&greRP != 0 {
		for {
			af := c.u16()
			c.need(2)
			sreoff := int(getU8(b, c.off))
			srelen := int(getU8(b, c.off+1))
			c.off += 2
			c.len -= 2
			if af == 0 && srelen == 0 {
				break
			}
			if !greSREPrint(nd, af, sreoff, srelen, b[c.off:], c.len) || c.len < srelen {
				panic(errSoftStop)
			}
			c.off += srelen
			c.len -= srelen
		}
	}
	greTrailerPrint(nd, prot, length)
	greDemarc(nd)

	p := rest(b, c.off)
	n := c.len
	switch prot {
	case etherTypeIPv4:
		ipPrint(nd, p, n)
	case etherTypeIPv6, etherTypeMPLS:
		if !ethertypePrint(nd, prot, p, n) {
			greUnknownProto(nd, prot)
		}
	case etherTypeIPX:
		callPrinter(nd, "ipx_print", p, n)
	case etherTypeAppleTalk:
		callPrinter(nd, "atalk_print", p, n)
	case etherTypeGREISO:
		callPrinter(nd, "isoclns_print", p, n)
	case etherTypeTEB:
		etherEncapPrint(nd, p, n)
	default:
		greUnknownProto(nd, prot)
	}
}

func greV1Print(nd *ND, b []byte, length int) {
	c := greCursor{b: b, len: length}
	flags := c.u16()
	greFlagsPrint(nd, flags)
	prot := c.u16()

	if flags&greKP != 0 {
		k := c.u32()
		nd.Print(", call ")
		nd.PrintUint(uint64(k & 0xffff))
	}
	if flags&greSP != 0 {
		seq := c.u32()
		nd.Print(", seq ")
		nd.PrintUint(uint64(seq))
	}
	if flags&greAP != 0 {
		ack := c.u32()
		nd.Print(", ack ")
		nd.PrintUint(uint64(ack))
	}
	if flags&greSP == 0 {
		nd.Print(", no-payload")
	}
	greTrailerPrint(nd, prot, length)
	if flags&greSP == 0 {
		return
	}
	greDemarc(nd)
	if prot == etherTypePPP && callPrinter(nd, "ppp_print", rest(b, c.off), c.len) {
		return
	}
	greUnknownProto(nd, prot)
}

// greSREPrint prints one source route entry and reports whether it was
// well formed.
func greSREPrint(nd *ND, af uint16, sreoff, srelen int, b []byte, length int) bool {
	switch af {
	case greSREIP:
		nd.Print(", (rtaf=ip")
		ok := greSREListPrint(nd, sreoff, srelen, b, length, 4)
		nd.Print(")")
		return ok
	case greSREASN:
		nd.Print(", (rtaf=asn")
		ok := greSREListPrint(nd, sreoff, srelen, b, length, 2)
		nd.Print(")")
		return ok
	}
	nd.Print(", (rtaf=0x")
	nd.PrintHex(uint64(af), 0)
	nd.Print(")")
	return true
}

// greSREListPrint prints the IPv4 addresses (size 4) or AS numbers (size
// 2) of a source route, marking the current one with '*'. A malformed
// entry is reported and skipped; false means it ran past the capture or
// the GRE length.
func greSREListPrint(nd *ND, sreoff, srelen int, b []byte, length, size int) bool {
	if sreoff&(size-1) != 0 {
		nd.Print(", badoffset=")
		nd.PrintUint(uint64(sreoff))
		return true
	}
	if srelen&(size-1) != 0 {
		nd.Print(", badlength=")
		nd.PrintUint(uint64(srelen))
		return true
	}
	if sreoff >= srelen {
		nd.Printf(", badoff/len=%d/%d", sreoff, srelen)
		return true
	}
	for off := 0; srelen != 0; off += size {
		if !ttest(b, off, size) || length < size {
			return false
		}
		nd.Print(" ")
		if off == sreoff {
			nd.Print("*")
		}
		if size == 4 {
			nd.out = appendIPv4(nd.out, b[off:off+4])
		} else {
			nd.PrintHex(uint64(getBE16(b, off)), 0)
		}
		length -= size
		srelen -= size
	}
	return true
}
