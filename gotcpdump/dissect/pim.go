package dissect

// PIM, Protocol Independent Multicast (tcpdump's print-pim.c): PIMv2 on
// IP protocol 103 (RFC 7761, RFC 3973, RFC 5059, RFC 5015), PIMv1
// inside IGMP (called by name as "pimv1_print") and Cisco's Auto-RP.

func init() {
	registerIPProto(103, pimPrint)
	registerPrinter("pimv1_print", pimv1Print)
}

var pimv1Types = []tok{
	{0, "Query"}, {1, "Register"}, {2, "Register-Stop"}, {3, "Join/Prune"},
	{4, "RP-reachable"}, {5, "Assert"}, {6, "Graft"}, {7, "Graft-ACK"},
}

// PIMv2 message types.
const (
	pimv2Hello        = 0
	pimv2Register     = 1
	pimv2RegisterStop = 2
	pimv2JoinPrune    = 3
	pimv2Bootstrap    = 4
	pimv2Assert       = 5
	pimv2Graft        = 6
	pimv2GraftAck     = 7
	pimv2CandidateRP  = 8
	pimv2PruneRefresh = 9
	pimv2DFElection   = 10
)

var pimv2Types = []tok{
	{0, "Hello"}, {1, "Register"}, {2, "Register Stop"}, {3, "Join / Prune"},
	{4, "Bootstrap"}, {5, "Assert"}, {6, "Graft"}, {7, "Graft Acknowledgement"},
	{8, "Candidate RP Advertisement"}, {9, "Prune Refresh"}, {10, "DF Election"},
	{11, "ECMP Redirect"},
}

// PIMv2 Hello options.
const (
	pimHelloHoldTime       = 1
	pimHelloLANPruneDelay  = 2
	pimHelloDRPriorityOld  = 18
	pimHelloDRPriority     = 19
	pimHelloGenID          = 20
	pimHelloRefreshCap     = 21
	pimHelloBidirCap       = 22
	pimHelloAddressList    = 24
	pimHelloAddressListOld = 65001
)

var pimHelloOptions = []tok{
	{1, "Hold Time"}, {2, "LAN Prune Delay"}, {18, "DR Priority (Old)"},
	{19, "DR Priority"}, {20, "Generation ID"}, {21, "State Refresh Capability"},
	{22, "Bi-Directional Capability"}, {24, "Address List"}, {65001, "Address List (Old)"},
}

var pimRegisterFlags = []tok{{0x80000000, "Border"}, {0x40000000, "Null"}}

var pimDFElectionSubtypes = []tok{{1, "Offer"}, {2, "Winner"}, {3, "Backoff"}, {4, "Pass"}}

func pimPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("pim")
	tv := getU8(b, 0)
	ver, typ := tv>>4, uint32(tv&0x0f)
	if ver != 2 {
		nd.Printf("PIMv%d, length %d", ver, length)
		return
	}
	if nd.Verbose == 0 {
		nd.Printf("PIMv%d, %s, length %d", ver, tok2str(pimv2Types, "Unknown Type", typ), length)
		return
	}
	nd.Printf("PIMv%d, length %d\n\t%s", ver, length, tok2str(pimv2Types, "Unknown Type", typ))
	pimv2Print(nd, b, length, ip)
}

// pimAddrKind selects the encoding pimv2AddrPrint decodes.
type pimAddrKind int

const (
	pimUnicast pimAddrKind = iota
	pimGroup
	pimSource
)

// pimv2AddrPrint prints the encoded address at off (addrLen 0: the
// family/encoding header form; 4 or 16: RFC 2117's bare addresses) and
// returns its length, or -1 when it is malformed or cut short.
func pimv2AddrPrint(nd *ND, b []byte, off, n int, kind pimAddrKind, addrLen int) int {
	hdrLen := 0
	if addrLen == 0 {
		if n < 2 {
			return -1
		}
		switch getU8(b, off) {
		case 1:
			addrLen = 4
		case 2:
			addrLen = 16
		default:
			return -1
		}
		if getU8(b, off+1) != 0 {
			return -1
		}
		hdrLen = 2
	} else if addrLen != 4 && addrLen != 16 {
		return -1
	}
	p := off + hdrLen
	n -= hdrLen
	printAddr := func(at int) {
		if addrLen == 4 {
			nd.PrintIPAddr(b, at)
		} else {
			nd.PrintIP6Addr(b, at)
		}
	}
	if kind == pimUnicast {
		if n < addrLen || !ttest(b, p, addrLen) {
			return -1
		}
		printAddr(p)
		return hdrLen + addrLen
	}
	if n < addrLen+2 || !ttest(b, p, addrLen+2) {
		return -1
	}
	printAddr(p + 2)
	if ml := int(getU8(b, p+1)); ml != addrLen*8 {
		nd.Printf("/%d", ml)
	}
	if flags := getU8(b, p); flags != 0 {
		if kind == pimGroup {
			nd.Printf("(0x%02x)", flags)
		} else {
			nd.PrintByte('(')
			for _, f := range []struct {
				bit  uint8
				name string
			}{{0x04, "S"}, {0x02, "W"}, {0x01, "R"}} {
				if flags&f.bit != 0 {
					nd.Print(f.name)
				}
			}
			if flags&0xf8 != 0 {
				nd.Printf("+0x%02x", flags&0xf8)
			}
			nd.PrintByte(')')
		}
	}
	return hdrLen + 2 + addrLen
}

// pimCksumStatus checks the first n bytes of the message: "correct",
// "incorrect", or "unverified" when they were not all captured.
func pimCksumStatus(b []byte, n int, ip *ipInfo) string {
	if !ttest(b, 0, n) {
		return "unverified"
	}
	var sum uint16
	if ip.ver == 4 {
		sum = inCksum(b[:n])
	} else {
		sum = pseudoCksum(ip, 103, b, n)
	}
	if sum != 0 {
		return "incorrect"
	}
	return "correct"
}

// pimTrunc is the error pimv2Print reports when an address or field is
// missing, as tcpdump's "goto trunc".
type pimTrunc struct{}

func pimv2Print(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("pimv2")
	if length < 2 {
		nd.Printf("[length %d < 2]", length)
		nd.PrintInvalid()
		return
	}
	typ := getU8(b, 0) & 0x0f
	addrLen := int(getU8(b, 1) & 0x0f)
	if addrLen != 0 {
		nd.Print(", RFC2117-encoding")
	}
	if length < 4 {
		nd.Printf("[length %d < 4]", length)
		nd.PrintInvalid()
		return
	}
	cksum := getBE16(b, 2)
	nd.Printf(", cksum 0x%04x ", cksum)
	if cksum == 0 {
		nd.Print("(unverified)")
	} else {
		n := length
		if typ == pimv2Register {
			n = 8
		}
		st := pimCksumStatus(b, n, ip)
		if typ == pimv2Register && st == "incorrect" {
			st = pimCksumStatus(b, length, ip)
		}
		nd.Print("(" + st + ")")
	}
	w := &pimWalker{nd: nd, b: b, off: 4, n: length - 4, addrLen: addrLen}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(pimTrunc); !ok {
				panic(r)
			}
			nd.PrintTrunc()
		}
	}()
	switch typ {
	case pimv2Hello:
		w.hello()
	case pimv2Register:
		w.register()
	case pimv2RegisterStop:
		nd.Print(" group=")
		w.addr(pimGroup)
		nd.Print(" source=")
		w.addr(pimUnicast)
	case pimv2JoinPrune, pimv2Graft, pimv2GraftAck:
		w.joinPrune(typ)
	case pimv2Bootstrap:
		w.bootstrap()
	case pimv2Assert:
		nd.Print(" group=")
		w.addr(pimGroup)
		nd.Print(" src=")
		w.addr(pimUnicast)
		w.need(8)
		tcheck(b, w.off, 8)
		if getU8(b, w.off)&0x80 != 0 {
			nd.Print(" RPT")
		}
		nd.Printf(" pref=%d", getBE32(b, w.off)&0x7fffffff)
		nd.Printf(" metric=%d", getBE32(b, w.off+4))
	case pimv2CandidateRP:
		w.candidateRP()
	case pimv2PruneRefresh:
		nd.Print(" src=")
		w.addr(pimUnicast)
		nd.Print(" grp=")
		w.addr(pimGroup)
		nd.Print(" forwarder=")
		w.addr(pimUnicast)
		w.need(2)
		nd.Print(" TUNR ")
		nd.printRelts(uint32(getBE16(b, w.off)))
	case pimv2DFElection:
		w.dfElection()
	default:
		nd.Printf(" [type %d]", typ)
	}
}

// pimWalker walks the body of a PIMv2 message: off is the read position
// in b, n the bytes left by the message length.
type pimWalker struct {
	nd      *ND
	b       []byte
	off, n  int
	addrLen int
}

func (w *pimWalker) need(k int) {
	if w.n < k {
		panic(pimTrunc{})
	}
}

func (w *pimWalker) skip(k int) {
	w.off += k
	w.n -= k
}

func (w *pimWalker) addr(kind pimAddrKind) {
	adv := pimv2AddrPrint(w.nd, w.b, w.off, w.n, kind, w.addrLen)
	if adv < 0 {
		panic(pimTrunc{})
	}
	w.skip(adv)
}

func (w *pimWalker) hello() {
	nd, b := w.nd, w.b
	for w.n > 0 {
		w.need(4)
		otype, olen := getBE16(b, w.off), int(getBE16(b, w.off+2))
		nd.Printf("\n\t  %s Option (%d), length %d, Value: ",
			tok2str(pimHelloOptions, "Unknown", uint32(otype)), otype, olen)
		w.skip(4)
		w.need(olen)
		tcheck(b, w.off, olen)
		p := w.off
		badLen := func(want int) bool {
			if olen != want {
				nd.Printf("[option length %d != %d]", olen, want)
				nd.PrintInvalid()
				return true
			}
			return false
		}
		switch otype {
		case pimHelloHoldTime:
			if badLen(2) {
				return
			}
			nd.printRelts(uint32(getBE16(b, p)))
		case pimHelloLANPruneDelay:
			if badLen(4) {
				return
			}
			delay := getBE16(b, p)
			nd.Printf("\n\t    T-bit=%d, LAN delay %dms, Override interval %dms",
				delay>>15, delay&0x7fff, getBE16(b, p+2))
		case pimHelloDRPriorityOld, pimHelloDRPriority:
			switch olen {
			case 0:
				nd.Print("Bi-Directional Capability (Old)")
			case 4:
				nd.Printf("%d", getBE32(b, p))
			default:
				badLen(4)
				return
			}
		case pimHelloGenID:
			if badLen(4) {
				return
			}
			nd.Printf("0x%08x", getBE32(b, p))
		case pimHelloRefreshCap:
			if badLen(4) {
				return
			}
			nd.Printf("v%d", getU8(b, p))
			if iv := getU8(b, p+1); iv != 0 {
				nd.Print(", interval ")
				nd.printRelts(uint32(iv))
			}
			if r := getBE16(b, p+2); r != 0 {
				nd.Printf(" ?0x%04x?", r)
			}
		case pimHelloBidirCap:
		case pimHelloAddressList, pimHelloAddressListOld:
			if nd.Verbose > 1 {
				ptr, plen := p, w.n
				for ptr < p+olen {
					nd.Print("\n\t    ")
					adv := pimv2AddrPrint(nd, b, ptr, plen, pimUnicast, w.addrLen)
					if adv < 0 {
						panic(pimTrunc{})
					}
					ptr += adv
					plen -= adv
				}
			}
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, p, "\n\t    ", olen)
			}
		}
		if nd.Verbose > 1 {
			unknownDataPrint(nd, b, p, "\n\t    ", olen)
		}
		w.skip(olen)
	}
}

func (w *pimWalker) register() {
	nd, b := w.nd, w.b
	w.need(4)
	tcheck(b, w.off, 4)
	nd.Printf(", Flags [ %s ]\n\t", tok2str(pimRegisterFlags, "none", getBE32(b, w.off)))
	w.skip(4)
	if w.n == 0 {
		panic(pimTrunc{})
	}
	inner := rest(b, w.off)
	switch v := getU8(inner, 0) >> 4; v {
	case 0:
		tcheck(inner, 12, 8)
		nd.Print("IP-Null-header ")
		nd.PrintIPAddr(inner, 12)
		nd.Print(" > ")
		nd.PrintIPAddr(inner, 16)
	case 4:
		ipPrint(nd, clip(inner, w.n), w.n)
	case 6:
		ip6Print(nd, clip(inner, w.n), w.n)
	default:
		nd.Printf("IP ver %d", v)
	}
}

func (w *pimWalker) joinPrune(typ uint8) {
	nd, b := w.nd, w.b
	if typ != pimv2GraftAck {
		nd.Print(", upstream-neighbor: ")
		w.addr(pimUnicast)
	}
	w.need(4)
	tcheck(b, w.off, 4)
	ngroup := int(getU8(b, w.off+1))
	hold := getBE16(b, w.off+2)
	nd.Printf("\n\t  %d group(s)", ngroup)
	if typ != pimv2GraftAck {
		nd.Print(", holdtime: ")
		if hold == 0xffff {
			nd.Print("infinite")
		} else {
			nd.printRelts(uint32(hold))
		}
	}
	w.skip(4)
	for i := 0; i < ngroup; i++ {
		nd.Printf("\n\t    group #%d: ", i+1)
		w.addr(pimGroup)
		w.need(4)
		tcheck(b, w.off, 4)
		njoin, nprune := int(getBE16(b, w.off)), int(getBE16(b, w.off+2))
		nd.Printf(", joined sources: %d, pruned sources: %d", njoin, nprune)
		w.skip(4)
		for j := 0; j < njoin; j++ {
			nd.Printf("\n\t      joined source #%d: ", j+1)
			w.addr(pimSource)
		}
		for j := 0; j < nprune; j++ {
			nd.Printf("\n\t      pruned source #%d: ", j+1)
			w.addr(pimSource)
		}
	}
}

func (w *pimWalker) bootstrap() {
	nd, b := w.nd, w.b
	w.need(2)
	nd.Printf(" tag=%x", getBE16(b, w.off))
	w.skip(2)
	w.need(1)
	nd.Printf(" hashmlen=%d", getU8(b, w.off))
	w.need(2)
	tcheck(b, w.off+2, 1)
	nd.Printf(" BSRprio=%d", getU8(b, w.off+1))
	w.skip(2)
	nd.Print(" BSR=")
	w.addr(pimUnicast)
	for i := 0; w.n > 0; i++ {
		nd.Printf(" (group%d: ", i)
		w.addr(pimGroup)
		w.need(1)
		nd.Printf(" RPcnt=%d", getU8(b, w.off))
		w.need(2)
		frpcnt := int(getU8(b, w.off+1))
		nd.Printf(" FRPcnt=%d", frpcnt)
		w.need(4)
		w.skip(4)
		for j := 0; j < frpcnt && w.n > 0; j++ {
			nd.Printf(" RP%d=", j)
			w.addr(pimUnicast)
			w.need(2)
			nd.Print(",holdtime=")
			nd.printRelts(uint32(getBE16(b, w.off)))
			w.need(3)
			nd.Printf(",prio=%d", getU8(b, w.off+2))
			w.need(4)
			w.skip(4)
		}
		nd.Print(")")
	}
}

func (w *pimWalker) candidateRP() {
	nd, b := w.nd, w.b
	w.need(1)
	pfxcnt := int(getU8(b, w.off))
	nd.Printf(" prefix-cnt=%d", pfxcnt)
	w.need(2)
	nd.Printf(" prio=%d", getU8(b, w.off+1))
	w.need(4)
	nd.Print(" holdtime=")
	nd.printRelts(uint32(getBE16(b, w.off+2)))
	w.skip(4)
	nd.Print(" RP=")
	w.addr(pimUnicast)
	for i := 0; i < pfxcnt && w.n > 0; i++ {
		nd.Printf(" Group%d=", i)
		w.addr(pimGroup)
	}
}

func (w *pimWalker) dfElection() {
	nd, b := w.nd, w.b
	subtype := uint32(getU8(b, 1) >> 4)
	nd.Printf("\n\t  %s,", tok2str(pimDFElectionSubtypes, "Unknown", subtype))
	nd.Print(" rpa=")
	w.addr(pimUnicast)
	nd.Printf(" sender pref=%d", getBE32(b, w.off))
	nd.Printf(" sender metric=%d", getBE32(b, w.off+4))
	w.skip(8)
	if subtype != 3 && subtype != 4 {
		return
	}
	what := "new winner"
	if subtype == 3 {
		what = "offer"
	}
	nd.Printf("\n\t  %s addr=", what)
	w.addr(pimUnicast)
	nd.Printf(" %s pref=%d", what, getBE32(b, w.off))
	nd.Printf(" %s metric=%d", what, getBE32(b, w.off+4))
	w.skip(8)
	if subtype == 3 {
		nd.Printf(" interval %dms", getBE16(b, w.off))
	}
}

func pimv1Print(nd *ND, b []byte, length int) {
	nd.SetProto("pimv1")
	typ := getU8(b, 1)
	nd.PrintByte(' ')
	nd.Print(tok2str(pimv1Types, "[type %d]", uint32(typ)))
	switch typ {
	case 0:
		if ttest(b, 8, 1) {
			switch m := getU8(b, 8) >> 4; m {
			case 0:
				nd.Print(" Dense-mode")
			case 1:
				nd.Print(" Sparse-mode")
			case 2:
				nd.Print(" Sparse-Dense-mode")
			default:
				nd.Printf(" mode-%d", m)
			}
		}
		if nd.Verbose > 0 {
			nd.Print(" (Hold-time ")
			nd.printRelts(uint32(getBE16(b, 10)))
			nd.Print(")")
		}
	case 1:
		tcheck(b, 8, 20)
		pimv1ForPrint(nd, b, 20, 24)
	case 2:
		tcheck(b, 8, 4)
		tcheck(b, 12, 4)
		pimv1ForPrint(nd, b, 8, 12)
	case 4:
		if nd.Verbose > 0 {
			tcheck(b, 8, 4)
			nd.Print(" group ")
			nd.PrintIPAddr(b, 8)
			if getBE32(b, 12) != 0xffffffff {
				nd.Print("/")
				nd.PrintIPAddr(b, 12)
			}
			tcheck(b, 16, 4)
			nd.Print(" RP ")
			nd.PrintIPAddr(b, 16)
			nd.Print(" hold ")
			nd.printRelts(uint32(getBE16(b, 22)))
		}
	case 5:
		tcheck(b, 16, 4)
		tcheck(b, 8, 4)
		pimv1ForPrint(nd, b, 16, 8)
		if getBE32(b, 12) != 0xffffffff {
			nd.Print("/")
			nd.PrintIPAddr(b, 12)
		}
		kind := "SPT"
		if getU8(b, 20)&0x80 != 0 {
			kind = "RP-tree"
		}
		nd.Printf(" %s pref %d metric %d", kind, getBE32(b, 20)&0x7fffffff, getBE32(b, 24))
	case 3, 6, 7:
		if nd.Verbose > 0 {
			if length < 8 {
				nd.PrintTrunc()
				return
			}
			pimv1JoinPrunePrint(nd, rest(b, 8), length-8)
		}
	}
	if v := getU8(b, 4) >> 4; v != 1 {
		nd.Printf(" [v%d]", v)
	}
}

func pimv1ForPrint(nd *ND, b []byte, src, dst int) {
	nd.Print(" for ")
	nd.PrintIPAddr(b, src)
	nd.Print(" > ")
	nd.PrintIPAddr(b, dst)
}

func pimv1JoinPrunePrint(nd *ND, b []byte, n int) {
	if ttest(b, 0, 30) && getU8(b, 11) == 1 && int(getBE16(b, 20))+int(getBE16(b, 22)) == 1 {
		njoin := getBE16(b, 20)
		nd.Print(" RPF ")
		nd.PrintIPAddr(b, 0)
		nd.Print(" ")
		if hold := getBE16(b, 6); hold != 180 {
			nd.Print("Hold ")
			nd.printRelts(uint32(hold))
		}
		if njoin != 0 {
			nd.Print("Join")
		} else {
			nd.Print("Prune")
		}
		nd.Print(" (")
		nd.PrintIPAddr(b, 26)
		nd.Printf("/%d, ", getU8(b, 25)&0x3f)
		nd.PrintIPAddr(b, 12)
		if getBE32(b, 16) != 0xffffffff {
			nd.Print("/")
			nd.PrintIPAddr(b, 16)
		}
		f24, f25 := getU8(b, 24), getU8(b, 25)
		nd.Print(") ")
		nd.Print(pick(f24&0x01 != 0, "Sparse", "Dense"))
		nd.Print(pick(f25&0x80 != 0, " WC", ""))
		nd.Print(" ")
		nd.Print(pick(f25&0x40 != 0, "RP", "SPT"))
		return
	}
	if n < 4 {
		nd.PrintTrunc()
		return
	}
	if nd.Verbose > 1 {
		nd.Print("\n")
	}
	tcheck(b, 0, 4)
	nd.Print(" Upstream Nbr: ")
	nd.PrintIPAddr(b, 0)
	off := 4
	n -= 4
	if n < 4 {
		nd.PrintTrunc()
		return
	}
	if nd.Verbose > 1 {
		nd.Print("\n")
	}
	nd.Print(" Hold time: ")
	nd.printRelts(uint32(getBE16(b, off+2)))
	if nd.Verbose < 2 {
		return
	}
	off += 4
	n -= 4
	if n < 4 {
		nd.PrintTrunc()
		return
	}
	ngroups := int(getU8(b, off+3))
	off += 4
	n -= 4
	for ; ngroups != 0; ngroups-- {
		if n < 4 {
			nd.PrintTrunc()
			return
		}
		tcheck(b, off, 4)
		nd.Print("\n\tGroup: ")
		nd.PrintIPAddr(b, off)
		off += 4
		n -= 4
		if n < 4 {
			nd.PrintTrunc()
			return
		}
		if getBE32(b, off) != 0xffffffff {
			nd.Print("/")
			nd.PrintIPAddr(b, off)
		}
		off += 4
		n -= 4
		if n < 4 {
			nd.PrintTrunc()
			return
		}
		njoin, nprune := int(getBE16(b, off)), int(getBE16(b, off+2))
		nd.Printf(" joined: %d pruned: %d", njoin, nprune)
		off += 4
		n -= 4
		for njp := 0; njp < njoin+nprune; njp++ {
			if n < 6 {
				nd.PrintTrunc()
				return
			}
			typ := "Prune"
			if njp < njoin {
				typ = "Join "
			}
			f0, f1 := getU8(b, off), getU8(b, off+1)
			tcheck(b, off+2, 4)
			nd.Printf("\n\t%s %s%s%s", typ, pick(f0&0x01 != 0, "Sparse ", "Dense "),
				pick(f1&0x80 != 0, "WC ", ""), pick(f1&0x40 != 0, "RP ", "SPT "))
			nd.PrintIPAddr(b, off+2)
			nd.Printf("/%d", f1&0x3f)
			off += 6
			n -= 6
		}
	}
}

// pick returns a when cond holds, else b.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
