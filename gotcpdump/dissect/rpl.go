package dissect

// RPL control messages (RFC 6550) carried in ICMPv6, from print-icmp6.c.

// RPL (RFC 6550) message codes and option names.
var rplModes = []tok{
	{0, "nonstoring"},
	{1, "storing"},
	{2, "nonstoring-multicast"},
	{3, "storing-multicast"},
}

var rplSubopts = []tok{
	{0, "pad1"},
	{1, "padN"},
	{2, "metrics"},
	{3, "routinginfo"},
	{4, "config"},
	{5, "rpltarget"},
	{6, "transitinfo"},
	{8, "destprefix"},
	{9, "rpltargetdesc"},
}

// rplPrint prints an RPL control message; b starts after the ICMPv6
// type, code and checksum.
func rplPrint(nd *ND, code uint8, b []byte, length int) {
	if code&0x80 != 0 {
		nd.Print(", (SEC) [worktodo]")
		return
	}
	nd.Print(", (CLR)")
	switch code & 0x7f {
	case 0:
		nd.Print("DODAG Information Solicitation")
	case 1:
		nd.Print("DODAG Information Object")
		if nd.Verbose > 0 {
			rplDIOPrint(nd, b, length)
		}
	case 2:
		nd.Print("Destination Advertisement Object")
		if nd.Verbose > 0 {
			rplDAOPrint(nd, b, length, false)
		}
	case 3:
		nd.Print("Destination Advertisement Object Ack")
		if nd.Verbose > 0 {
			rplDAOPrint(nd, b, length, true)
		}
	default:
		nd.Printf("RPL message, unknown code %d", code)
	}
}

func rplDIOPrint(nd *ND, b []byte, length int) {
	if length < 24 {
		nd.PrintInvalid()
		return
	}
	tcheck(b, 0, 24)
	mopprf := getU8(b, 4)
	nd.Print(" [dagid:")
	nd.PrintIP6Addr(b, 8)
	nd.Printf(",seq:%d,instance:%d,rank:%d,", getU8(b, 5), getU8(b, 0), getBE16(b, 2))
	if mopprf&0x80 != 0 {
		nd.Print("grounded,")
	}
	nd.Printf("mop:%s,prf:%d]", tok2str(rplModes, "mop%d", uint32((mopprf>>3)&7)), mopprf&7)
	if nd.Verbose > 1 {
		rplOptsPrint(nd, rest(b, 24), length-24)
	}
}

// rplDAOPrint prints a DAO or (ack) a DAO-ACK: both have a 4-byte fixed
// part and a DODAG ID when their D flag is set.
func rplDAOPrint(nd *ND, b []byte, length int, ack bool) {
	tooShort := " [|length too short]"
	dFlag := uint8(0x40)
	fixed := 20 // tcpdump checks for the DODAG ID even when elided
	if ack {
		tooShort = " [|dao-length too short]"
		dFlag = 0x80
		fixed = 4
	}
	if !ttest(b, 0, fixed) {
		nd.PrintTrunc()
		return
	}
	if length < 4 {
		nd.Print(tooShort)
		return
	}
	off := 4
	length -= 4
	flags := getU8(b, 1)
	dagid := -1
	if flags&dFlag != 0 {
		if !ttest(b, 4, 16) {
			nd.PrintTrunc()
			return
		}
		if length < 16 {
			nd.Print(tooShort)
			return
		}
		dagid = 4
		off += 16
		length -= 16
	}
	nd.Print(" [dagid:")
	if dagid < 0 {
		nd.Print("<elided>")
	} else {
		nd.PrintIP6Addr(b, dagid)
	}
	if ack {
		nd.Printf(",seq:%d,instance:%d,status:%d]", getU8(b, 2), getU8(b, 0), getU8(b, 3))
	} else {
		nd.Printf(",seq:%d,instance:%d", getU8(b, 3), getU8(b, 0))
		if flags&0x80 != 0 {
			nd.Print(",acK")
		}
		if flags&0x40 != 0 {
			nd.Print(",Dagid")
		}
		nd.Printf(",%02x]", flags)
	}
	if nd.Verbose > 1 {
		rplOptsPrint(nd, rest(b, off), length)
	}
}

func rplOptsPrint(nd *ND, b []byte, length int) {
	for off := 0; length > 0; {
		typ := getU8(b, off)
		optLen := 1
		if typ == 0 {
			nd.Print(" opt:pad1")
		} else {
			if length < 2 {
				nd.PrintTrunc()
				return
			}
			optLen = int(getU8(b, off+1)) + 2
			nd.Printf(" opt:%s len:%d ", tok2str(rplSubopts, "subopt:%d", uint32(typ)), optLen)
			if !ttest(b, off, optLen) || length < optLen {
				nd.PrintTrunc()
				return
			}
			if nd.Verbose > 2 {
				nd.HexPrint(" ", b[off+2:off+optLen])
			}
		}
		off += optLen
		length -= optLen
	}
}
