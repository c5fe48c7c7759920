package dissect

// IGMP v1, v2 and v3 (RFC 1112, 2236, 3376) and the mtrace messages, as
// tcpdump's print-igmp.c prints them. DVMRP and PIMv1 ride on IGMP; their
// printers register as "dvmrp_print" and "pimv1_print".

func init() {
	registerIPProto(2, func(nd *ND, b []byte, length int, _ *ipInfo) { igmpPrint(nd, b, length) })
	registerPrinter("igmp_print", igmpPrint)
}

var igmpV3RecordTypes = []tok{
	{1, "is_in"},
	{2, "is_ex"},
	{3, "to_in"},
	{4, "to_ex"},
	{5, "allow"},
	{6, "block"},
}

// igmpPrint prints an IGMP message (igmp_print).
func igmpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("igmp")
	if nd.Quick {
		nd.Print("igmp")
		return
	}
	typ := getU8(b, 0)
	switch typ {
	case 0x11:
		nd.Print("igmp query")
		if length >= 12 {
			igmpV3QueryPrint(nd, b, length)
			break
		}
		if mrt := getU8(b, 1); mrt != 0 {
			nd.Print(" v2")
			if mrt != 100 {
				nd.Print(" [max resp time ")
				nd.PrintUint(uint64(mrt))
				nd.Print("]")
			}
		} else {
			nd.Print(" v1")
		}
		if getBE32(b, 4) != 0 {
			nd.Print(" [gaddr ")
			nd.PrintIPAddr(b, 4)
			nd.Print("]")
		}
		igmpLenPrint(nd, length)
	case 0x12:
		tcheck(b, 4, 4)
		nd.Print("igmp v1 report ")
		nd.PrintIPAddr(b, 4)
		igmpLenPrint(nd, length)
	case 0x16:
		tcheck(b, 4, 4)
		nd.Print("igmp v2 report ")
		nd.PrintIPAddr(b, 4)
	case 0x22:
		nd.Print("igmp v3 report")
		igmpV3ReportPrint(nd, b, length)
	case 0x17:
		tcheck(b, 4, 4)
		nd.Print("igmp leave ")
		nd.PrintIPAddr(b, 4)
	case 0x13:
		nd.Print("igmp dvmrp")
		if length < 8 {
			nd.Print(" [len ")
			nd.PrintUint(uint64(length))
			nd.Print("]")
		} else {
			callPrinter(nd, "dvmrp_print", b, length)
		}
	case 0x14:
		nd.Print("igmp pimv1")
		callPrinter(nd, "pimv1_print", b, length)
	case 0x1e:
		igmpMtracePrint(nd, "mresp", b, length)
	case 0x1f:
		igmpMtracePrint(nd, "mtrace", b, length)
	default:
		nd.Print("igmp-")
		nd.PrintUint(uint64(typ))
	}

	if nd.Verbose > 0 && ttest(b, 0, length) && inCksum(b[:length]) != 0 {
		nd.Print(" bad igmp cksum ")
		nd.PrintHex(uint64(getBE16(b, 2)), 0)
		nd.Print("!")
	}
}

func igmpLenPrint(nd *ND, length int) {
	if length != 8 {
		nd.Print(" [len ")
		nd.PrintUint(uint64(length))
		nd.Print("]")
	}
}

func igmpInvalidLen(nd *ND, length int) {
	nd.Print(" [invalid len ")
	nd.PrintUint(uint64(length))
	nd.Print("]")
}

// igmpMtracePrint prints a multicast traceroute query or response.
func igmpMtracePrint(nd *ND, name string, b []byte, length int) {
	if length < 8+16 {
		igmpInvalidLen(nd, length)
		return
	}
	qid := getBE24(b, 8+13)
	tcheck(b, 8, 12)
	nd.Print(name)
	nd.Print(" ")
	nd.PrintUint(uint64(qid))
	nd.Print(": ")
	nd.PrintIPAddr(b, 8)
	nd.Print(" to ")
	nd.PrintIPAddr(b, 12)
	nd.Print(" reply-to ")
	nd.PrintIPAddr(b, 16)
	if getBE32(b, 16)&0xf0000000 == 0xe0000000 {
		nd.Print(" with-ttl ")
		nd.PrintUint(uint64(getU8(b, 8+12)))
	}
}

// igmpV3ReportPrint prints the group records of an IGMPv3 report.
func igmpV3ReportPrint(nd *ND, b []byte, length int) {
	if length < 16 || length&3 != 0 {
		igmpInvalidLen(nd, length)
		return
	}
	ngroups := int(getBE16(b, 6))
	nd.Print(", ")
	nd.PrintUint(uint64(ngroups))
	nd.Print(" group record(s)")
	if nd.Verbose == 0 {
		return
	}
	group := 8
	for i := 0; i < ngroups; i++ {
		if length < group+8 {
			nd.Print(" [invalid number of groups]")
			return
		}
		tcheck(b, group+4, 4)
		nd.Print(" [gaddr ")
		nd.PrintIPAddr(b, group+4)
		nd.Print(" ")
		nd.Print(tok2str(igmpV3RecordTypes, " [v3-report-#%d]", uint32(getU8(b, group))))
		nsrcs := int(getBE16(b, group+2))
		if length < group+8+nsrcs<<2 {
			nd.Print(" [invalid number of sources ")
			nd.PrintUint(uint64(nsrcs))
			nd.Print("]")
			return
		}
		if nd.Verbose == 1 {
			nd.Print(", ")
			nd.PrintUint(uint64(nsrcs))
			nd.Print(" source(s)")
		} else {
			nd.Print(" {")
			for j := 0; j < nsrcs; j++ {
				tcheck(b, group+8+j<<2, 4)
				nd.Print(" ")
				nd.PrintIPAddr(b, group+8+j<<2)
			}
			nd.Print(" }")
		}
		group += 8 + nsrcs<<2
		nd.Print("]")
	}
}

// igmpV3QueryPrint prints the rest of an IGMPv3 membership query.
func igmpV3QueryPrint(nd *ND, b []byte, length int) {
	nd.Print(" v3")
	if length < 12 || length&3 != 0 {
		igmpInvalidLen(nd, length)
		return
	}
	mrc := int(getU8(b, 1))
	mrt := mrc
	if mrc >= 128 {
		mrt = (mrc&0x0f | 0x10) << ((mrc&0x70)>>4 + 3)
	}
	if mrc != 100 {
		nd.Print(" [max resp time ")
		if mrt < 600 {
			nd.PrintUint(uint64(mrt / 10))
			nd.PrintByte('.')
			nd.PrintUint(uint64(mrt % 10))
			nd.PrintByte('s')
		} else {
			nd.printRelts(uint32(mrt / 10))
		}
		nd.Print("]")
	}
	if getBE32(b, 4) == 0 {
		return
	}
	nd.Print(" [gaddr ")
	nd.PrintIPAddr(b, 4)
	nsrcs := int(getBE16(b, 10))
	if nsrcs > 0 {
		switch {
		case length < 12+nsrcs<<2:
			nd.Print(" [invalid number of sources]")
		case nd.Verbose > 1:
			nd.Print(" {")
			for i := 0; i < nsrcs; i++ {
				tcheck(b, 12+i<<2, 4)
				nd.Print(" ")
				nd.PrintIPAddr(b, 12+i<<2)
			}
			nd.Print(" }")
		default:
			nd.Print(", ")
			nd.PrintUint(uint64(nsrcs))
			nd.Print(" source(s)")
		}
	}
	nd.Print("]")
}
