package dissect

// ICMPv6 node information queries and replies (RFC 4620) and router
// renumbering (RFC 2894), from print-icmp6.c.

// Node information query types (RFC 4620).
const (
	niQtypeNoop     = 0
	niQtypeSupTypes = 1
	niQtypeDNSName  = 2
	niQtypeNodeAddr = 3
)

// niNodeAddrFlags renders the flags of a node-addresses query or reply:
// "aGSLCA", plus "T" (truncated) for replies.
func niNodeAddrFlags(nd *ND, flags uint16, reply bool) {
	nd.Print(" [")
	for _, f := range [...]struct {
		bit uint16
		c   byte
	}{{0x40, 'a'}, {0x20, 'G'}, {0x10, 'S'}, {0x08, 'L'}, {0x04, 'C'}, {0x02, 'A'}} {
		if flags&f.bit != 0 {
			nd.PrintByte(f.c)
		}
	}
	if reply && flags&0x01 != 0 {
		nd.PrintByte('T')
	}
	nd.Print("]")
}

// icmp6NodeInfoPrint prints a node information query or reply
// (icmp6_nodeinfo_print). siz, what was captured, is len(b).
func icmp6NodeInfoPrint(nd *ND, b []byte, icmp6Len int) {
	siz := len(b)
	switch getU8(b, 0) {
	case icmp6NIQuery:
		if siz == 12 {
			nd.Print(" who-are-you request")
			return
		}
		nd.Print(" node information query")
		if !ttest(b, 0, 16) {
			nd.PrintTrunc()
			return
		}
		nd.Print(" (")
		qtype := getBE16(b, 4)
		switch qtype {
		case niQtypeNoop:
			nd.Print("noop")
		case niQtypeSupTypes:
			nd.Print("supported qtypes")
			if getBE16(b, 6) != 0 {
				niSupTypesFlag(nd, getBE16(b, 6))
			}
		case niQtypeDNSName:
			nd.Print("DNS name")
		case niQtypeNodeAddr:
			nd.Print("node addresses")
			if flags := getBE16(b, 6); flags != 0 {
				niNodeAddrFlags(nd, flags, false)
			}
		default:
			nd.Print("unknown")
		}
		if qtype == niQtypeNoop || qtype == niQtypeSupTypes {
			if siz != 16 && nd.Verbose > 0 {
				nd.Print(", invalid len")
			}
			nd.Print(")")
			return
		}
		if siz == 16 {
			nd.Print(", 03 draft)")
			return
		}
		switch getU8(b, 1) {
		case 0: // subject is an IPv6 address
			if !ttest(b, 0, 32) {
				break
			}
			if siz != 32 {
				if nd.Verbose > 0 {
					nd.Print(", invalid subject len")
				}
				break
			}
			nd.printIP6After(", subject=", b, 16)
		case 1: // subject is a DNS name
			nd.Print(", subject=DNS name")
			niNamePrint(nd, b, 16)
		case 2: // subject is an IPv4 address
			if !ttest(b, 0, 20) {
				break
			}
			if siz != 20 {
				if nd.Verbose > 0 {
					nd.Print(", invalid subject len")
				}
				break
			}
			tcheck(b, 16, 4)
			nd.Print(", subject=")
			nd.PrintIPAddr(b, 16)
		default:
			nd.Print(", unknown subject")
		}
		nd.Print(")")

	case icmp6NIReply:
		if icmp6Len > siz {
			nd.PrintTrunc()
			return
		}
		if !ttest(b, 0, 16) {
			nd.PrintTrunc()
			return
		}
		nd.Print(" node information reply (")
		needComma := false
		code := getU8(b, 1)
		switch code {
		case 0:
			if nd.Verbose > 0 {
				nd.Print("success")
				needComma = true
			}
		case 1, 2:
			if code == 1 {
				nd.Print("refused")
			} else {
				nd.Print("unknown")
			}
			needComma = true
			if siz != 16 && nd.Verbose > 0 {
				nd.Print(", invalid length")
			}
		}
		if code != 0 {
			nd.Print(")")
			return
		}
		if needComma {
			nd.Print(", ")
		}
		switch getBE16(b, 4) {
		case niQtypeNoop:
			nd.Print("noop")
			if siz != 16 && nd.Verbose > 0 {
				nd.Print(", invalid length")
			}
		case niQtypeSupTypes:
			nd.Print("supported qtypes")
			if flags := getBE16(b, 6); flags != 0 {
				niSupTypesFlag(nd, flags)
			}
		case niQtypeDNSName:
			nd.Print("DNS name")
			niNamePrint(nd, b, 20)
			if getBE16(b, 6)&0x01 != 0 {
				nd.Printf(" [TTL=%d]", getBE32(b, 16))
			}
		case niQtypeNodeAddr:
			nd.Print("node addresses")
			for i := 16; i < siz && i+20 <= siz; i += 20 {
				tcheck(b, i, 20)
				nd.printIP6After(" ", b, i+4)
				nd.Printf("(%d)", getBE32(b, i))
			}
			if flags := getBE16(b, 6); flags != 0 {
				niNodeAddrFlags(nd, flags, true)
			}
		default:
			nd.Print("unknown")
		}
		nd.Print(")")
	}
}

func niSupTypesFlag(nd *ND, flags uint16) {
	if flags&0x01 != 0 {
		nd.Print(" [C]")
	} else {
		nd.Print(" []")
	}
}

// niNamePrint prints the name of a node information message at b[cp:]:
// a length-prefixed string (icmp-name-lookup-03) or DNS labels.
func niNamePrint(nd *ND, b []byte, cp int) {
	if int(getU8(b, cp)) == len(b)-cp-1 {
		if nd.Verbose > 0 {
			nd.Print(", 03 draft")
		}
		nd.Print(", \"")
		for cp++; cp < len(b); cp++ {
			nd.printChar(b[cp])
		}
		nd.Print("\"")
		return
	}
	niDNSNamePrint(nd, b, cp)
}

// niDNSNamePrint prints DNS labels without decompression, quoted
// (dnsname_print).
func niDNSNamePrint(nd *ND, b []byte, cp int) {
	nd.Print(", \"")
	niLabelsPrint(nd, b, cp)
	nd.Print("\"")
}

// niLabelsPrint prints the labels from b[cp:] to the end of b: a final
// empty label prints as a trailing dot, anything malformed as "???".
func niLabelsPrint(nd *ND, b []byte, cp int) {
	ep := len(b)
	for cp < ep {
		i := int(getU8(b, cp))
		cp++
		if i == 0 {
			switch {
			case cp == ep:
				nd.Print(".")
			case cp+1 == ep && getU8(b, cp) == 0:
				// A name cut short by the message's end.
			default:
				nd.Print("???")
			}
			return
		}
		if i > ep-cp {
			nd.Print("???")
			return
		}
		for ; i > 0; i-- {
			nd.printChar(b[cp])
			cp++
		}
		if cp+1 < ep && getU8(b, cp) != 0 {
			nd.Print(".")
		}
	}
}

// icmp6RRenumPrint prints an RFC 2894 router renumbering message.
func icmp6RRenumPrint(nd *ND, b []byte) {
	if !ttest(b, 12, 4) {
		nd.PrintTrunc()
		return
	}
	code := getU8(b, 1)
	switch code {
	case 0:
		nd.Print(", command")
	case 1:
		nd.Print(", result")
	case 255:
		nd.Print(", sequence number reset")
	default:
		nd.Printf(", code-#%d", code)
	}
	nd.Print(", seq=")
	nd.PrintUint(uint64(getBE32(b, 4)))

	if nd.Verbose > 0 {
		flags := getU8(b, 9)
		nd.Print("[")
		if flags != 0 {
			for _, f := range [...]struct {
				bit uint8
				c   byte
			}{{0x80, 'T'}, {0x40, 'R'}, {0x20, 'A'}, {0x10, 'S'}, {0x08, 'P'}} {
				if flags&f.bit != 0 {
					nd.PrintByte(f.c)
				}
			}
			nd.Print(",")
		}
		nd.Printf("seg=%d,", getU8(b, 8))
		nd.Printf("maxdelay=%d", getBE16(b, 10))
		if rsvd := getBE32(b, 12); rsvd != 0 {
			nd.Printf("rsvd=0x%x", rsvd)
		}
		nd.Print("]")
	}
	if code != 0 {
		return
	}

	sep := " "
	if nd.Verbose > 1 {
		sep = "\n\t"
	}
	const match = 16 // the match-prefix part
	if !ttest(b, match+8, 16) {
		nd.PrintTrunc()
		return
	}
	nd.Print(sep)
	nd.Print("match(")
	switch op := getU8(b, match); op {
	case 1:
		nd.Print("add")
	case 2:
		nd.Print("change")
	case 3:
		nd.Print("setglobal")
	default:
		nd.Printf("#%d", op)
	}
	if nd.Verbose > 0 {
		nd.Printf(",ord=%d,min=%d,max=%d", getU8(b, match+2), getU8(b, match+4), getU8(b, match+5))
	}
	nd.Print(",")
	nd.out = appendIPv6(nd.out, b[match+8:match+24])
	nd.Printf("/%d)", getU8(b, match+3))

	n := int(getU8(b, match+1)) - 3
	if n%4 != 0 {
		nd.PrintTrunc()
		return
	}
	for use, i := match+24, 0; i < n/4; use, i = use+32, i+1 {
		if !ttest(b, use+16, 16) {
			nd.PrintTrunc()
			return
		}
		nd.Print(sep)
		nd.Print("use(")
		if flags := getU8(b, use+12); flags != 0 {
			if flags&0x80 != 0 {
				nd.Print("V")
			}
			if flags&0x40 != 0 {
				nd.Print("P")
			}
			nd.Print(",")
		}
		if nd.Verbose > 0 {
			nd.Printf("mask=0x%x,raflags=0x%x,", getU8(b, use+2), getU8(b, use+3))
			for _, t := range [...]struct {
				name string
				off  int
			}{{"vltime", 4}, {"pltime", 8}} {
				if v := getBE32(b, use+t.off); v == 0xffffffff {
					nd.Print(t.name + "=infty,")
				} else {
					nd.Printf("%s=%d,", t.name, v)
				}
			}
		}
		nd.out = appendIPv6(nd.out, b[use+16:use+32])
		nd.Printf("/%d/%d)", getU8(b, use), getU8(b, use+1))
	}
}
