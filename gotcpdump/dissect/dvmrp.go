package dissect

import "strconv"

// DVMRP, the Distance Vector Multicast Routing Protocol carried in IGMP
// type 0x13 (mrouted's messages; tcpdump's print-dvmrp.c). The IGMP
// printer calls it by name ("dvmrp_print") with the whole IGMP message.

func init() {
	registerPrinter("dvmrp_print", dvmrpPrint)
}

// DVMRP message codes (the IGMP code byte).
const (
	dvmrpProbe      = 1
	dvmrpReport     = 2
	dvmrpNeighbors  = 4
	dvmrpNeighbors2 = 6
	dvmrpPrune      = 7
	dvmrpGraft      = 8
	dvmrpGraftAck   = 9
)

var dvmrpTypes = []tok{
	{1, "Probe"}, {2, "Report"}, {3, "Ask-neighbors(old)"}, {4, "Neighbors(old)"},
	{5, "Ask-neighbors2"}, {6, "Neighbors2"}, {7, "Prune"}, {8, "Graft"}, {9, "Graft-ACK"},
}

// dvmrpNeighborFlags are the flag bits of a Neighbors2 entry, in the
// order tcpdump prints them.
var dvmrpNeighborFlags = []tok{
	{0x01, "/tunnel"}, {0x02, "/srcrt"}, {0x40, "/querier"}, {0x20, "/disabled"}, {0x10, "/down"},
}

func dvmrpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("dvmrp")
	if length < 8 {
		nd.Printf(" [length %d < 8]", length)
		nd.PrintInvalid()
		return
	}
	typ := getU8(b, 1)
	p := rest(b, 8)
	n := length - 8
	nd.PrintByte(' ')
	nd.Print(tok2str(dvmrpTypes, "[type %d]", uint32(typ)))
	switch typ {
	case dvmrpProbe:
		if nd.Verbose > 0 {
			dvmrpProbePrint(nd, p, n)
		}
	case dvmrpReport:
		if nd.Verbose > 1 {
			dvmrpReportPrint(nd, p, n)
		}
	case dvmrpNeighbors:
		dvmrpNeighborsPrint(nd, p, n)
	case dvmrpNeighbors2:
		nd.Printf(" (v %d.%d):", getU8(b, 7), getU8(b, 6))
		dvmrpNeighbors2Print(nd, p, n)
	case dvmrpPrune:
		dvmrpSrcGrpPrint(nd, p)
		nd.Print(" timer ")
		nd.printRelts(getBE32(p, 8))
	case dvmrpGraft, dvmrpGraftAck:
		dvmrpSrcGrpPrint(nd, p)
	}
}

func dvmrpSrcGrpPrint(nd *ND, p []byte) {
	tcheck(p, 0, 8)
	nd.Print(" src ")
	nd.PrintIPAddr(p, 0)
	nd.Print(" grp ")
	nd.PrintIPAddr(p, 4)
}

func dvmrpReportPrint(nd *ND, p []byte, n int) {
	off := 0
	for n != 0 {
		if n < 3 {
			nd.Printf(" [length %d < 3]", n)
			nd.PrintInvalid()
			return
		}
		m0, m1, m2 := getU8(p, off), getU8(p, off+1), getU8(p, off+2)
		width := 1
		if m0 != 0 {
			width = 2
		}
		if m1 != 0 {
			width = 3
		}
		if m2 != 0 {
			width = 4
		}
		nd.Print("\n\tMask ")
		nd.Print(dottedQuad(0xff<<24 | uint32(m0)<<16 | uint32(m1)<<8 | uint32(m2)))
		off += 3
		n -= 3
		for {
			if n < width+1 {
				nd.Print("\n\t  [Truncated Report]")
				nd.PrintInvalid()
				return
			}
			var origin uint32
			for i := 0; i < 4; i++ {
				origin <<= 8
				if i < width {
					origin |= uint32(getU8(p, off))
					off++
				}
			}
			metric := getU8(p, off)
			off++
			nd.Print("\n\t  ")
			nd.Print(dottedQuad(origin))
			nd.Printf(" metric %d", metric&0x7f)
			n -= width + 1
			if metric&0x80 != 0 {
				break
			}
		}
	}
}

// dottedQuad formats an IPv4 address held in a host-order integer
// (tcpdump's intoa).
func dottedQuad(a uint32) string {
	var buf [15]byte
	s := buf[:0]
	for i := 3; i >= 0; i-- {
		s = strconv.AppendUint(s, uint64(a>>(8*i)&0xff), 10)
		if i > 0 {
			s = append(s, '.')
		}
	}
	return string(s)
}

func dvmrpProbePrint(nd *ND, p []byte, n int) {
	if n < 4 {
		nd.Printf(" [full length %d < 4]", n)
		nd.PrintInvalid()
		return
	}
	if nd.Verbose > 1 {
		nd.Print("\n\t")
	} else {
		nd.Print(" ")
	}
	nd.Printf("genid %d", getBE32(p, 0))
	if nd.Verbose < 2 {
		return
	}
	off := 4
	n -= 4
	for n != 0 {
		if n < 4 {
			nd.Printf("[remaining length %d < 4]", n)
			nd.PrintInvalid()
			return
		}
		tcheck(p, off, 4)
		nd.Print("\n\tneighbor ")
		nd.PrintIPAddr(p, off)
		off += 4
		n -= 4
	}
}

func dvmrpNeighborsPrint(nd *ND, p []byte, n int) {
	off := 0
	for n != 0 {
		if n < 7 {
			nd.Printf(" [length %d < 7]", n)
			nd.PrintInvalid()
			return
		}
		laddr := off
		metric, thresh := getU8(p, off+4), getU8(p, off+5)
		ncount := int(getU8(p, off+6))
		off += 7
		n -= 7
		for ; ncount > 0; ncount-- {
			if n < 4 {
				nd.Printf(" [length %d < 4]", n)
				nd.PrintInvalid()
				return
			}
			tcheck(p, laddr, 4)
			tcheck(p, off, 4)
			nd.Print(" [")
			nd.PrintIPAddr(p, laddr)
			nd.Print(" -> ")
			nd.PrintIPAddr(p, off)
			nd.Printf(", (%d/%d)]", metric, thresh)
			off += 4
			n -= 4
		}
	}
}

func dvmrpNeighbors2Print(nd *ND, p []byte, n int) {
	off := 0
	for n != 0 {
		if n < 8 {
			nd.Printf(" [length %d < 8]", n)
			nd.PrintInvalid()
			return
		}
		laddr := off
		metric, thresh, flags := getU8(p, off+4), getU8(p, off+5), getU8(p, off+6)
		ncount := int(getU8(p, off+7))
		off += 8
		n -= 8
		for ncount--; ncount >= 0 && n != 0; ncount-- {
			if n < 4 {
				nd.Printf(" [length %d < 4]", n)
				nd.PrintInvalid()
				return
			}
			tcheck(p, laddr, 4)
			nd.Print(" [")
			nd.PrintIPAddr(p, laddr)
			nd.Print(" -> ")
			tcheck(p, off, 4)
			nd.PrintIPAddr(p, off)
			nd.Printf(" (%d/%d", metric, thresh)
			for _, f := range dvmrpNeighborFlags {
				if uint32(flags)&f.v != 0 {
					nd.Print(f.s)
				}
			}
			nd.Print(")]")
			off += 4
			n -= 4
		}
		if ncount != -1 {
			nd.Printf(" [ncount %d]", ncount)
			nd.PrintInvalid()
			return
		}
	}
}
