package dissect

// AODV, Ad hoc On-Demand Distance Vector routing (RFC 3561, the IPv6
// draft and its older draft-01 message codes; tcpdump's print-aodv.c),
// on UDP port 654.

func init() {
	registerUDPPort("aodv", aodvPrint, 654)
}

// AODV message types.
const (
	aodvRREQ           = 1
	aodvRREP           = 2
	aodvRERR           = 3
	aodvRREPAck        = 4
	aodvDraft01RREQ    = 16
	aodvDraft01RREP    = 17
	aodvDraft01RERR    = 18
	aodvDraft01RREPAck = 19
)

// aodvLayout places the fields of the request, reply and unreachable
// destination records for one address family and draft.
type aodvLayout struct {
	alen                 int
	rreqLen              int
	rreqDA, rreqDS       int
	rreqOA, rreqOS       int
	rrepLen              int
	rrepDA, rrepDS       int
	rrepOA, rrepLife     int
	unreachLen           int
	unreachDA, unreachDS int
	v6Prefix             string
}

var (
	aodvV4 = aodvLayout{
		alen: 4, rreqLen: 24, rreqDA: 8, rreqDS: 12, rreqOA: 16, rreqOS: 20,
		rrepLen: 20, rrepDA: 4, rrepDS: 8, rrepOA: 12, rrepLife: 16,
		unreachLen: 8, unreachDA: 0, unreachDS: 4,
	}
	aodvV6 = aodvLayout{
		alen: 16, rreqLen: 48, rreqDA: 8, rreqDS: 24, rreqOA: 28, rreqOS: 44,
		rrepLen: 44, rrepDA: 4, rrepDS: 20, rrepOA: 24, rrepLife: 40,
		unreachLen: 20, unreachDA: 0, unreachDS: 16, v6Prefix: " v6",
	}
	aodvDraft01 = aodvLayout{
		alen: 16, rreqLen: 48, rreqDS: 8, rreqOS: 12, rreqDA: 16, rreqOA: 32,
		rrepLen: 44, rrepDS: 4, rrepDA: 8, rrepOA: 24, rrepLife: 40,
		unreachLen: 20, unreachDS: 0, unreachDA: 4,
	}
)

func (l *aodvLayout) addr(nd *ND, b []byte, off int) {
	tcheck(b, off, l.alen)
	if l.alen == 16 {
		nd.PrintIP6Addr(b, off)
	} else {
		nd.PrintIPAddr(b, off)
	}
}

func aodvPrint(nd *ND, b []byte, length int, ip *ipInfo, _, _ uint16) {
	nd.SetProto("aodv")
	typ := getU8(b, 0)
	nd.Print(" aodv")
	l := &aodvV4
	if ip.ver == 6 {
		l = &aodvV6
	}
	switch typ {
	case aodvRREQ:
		aodvRREQPrint(nd, b, length, l)
	case aodvRREP:
		aodvRREPPrint(nd, b, length, l)
	case aodvRERR:
		aodvRERRPrint(nd, b, length, l)
	case aodvDraft01RREQ:
		aodvRREQPrint(nd, b, length, &aodvDraft01)
	case aodvDraft01RREP:
		aodvRREPPrint(nd, b, length, &aodvDraft01)
	case aodvDraft01RERR:
		aodvRERRPrint(nd, b, length, &aodvDraft01)
	case aodvRREPAck, aodvDraft01RREPAck:
		nd.Printf(" rrep-ack %d", length)
	default:
		nd.Printf(" type %d %d", typ, length)
	}
}

func aodvRREQPrint(nd *ND, b []byte, length int, l *aodvLayout) {
	tcheck(b, 0, l.rreqLen)
	if length < l.rreqLen {
		nd.PrintTrunc()
		return
	}
	t := getU8(b, 0)
	nd.Printf("%s rreq %d %s%s%s%s%shops %d id 0x%08x\n\tdst ", l.v6Prefix, length,
		pick(t&0x80 != 0, "[J]", ""), pick(t&0x40 != 0, "[R]", ""), pick(t&0x20 != 0, "[G]", ""),
		pick(t&0x10 != 0, "[D]", ""), pick(t&0x08 != 0, "[U] ", " "), getU8(b, 3), getBE32(b, 4))
	l.addr(nd, b, l.rreqDA)
	nd.Printf(" seq %d src ", getBE32(b, l.rreqDS))
	l.addr(nd, b, l.rreqOA)
	nd.Printf(" seq %d", getBE32(b, l.rreqOS))
	if rest := length - l.rreqLen; rest >= 2 {
		aodvExtension(nd, b, l.rreqLen, rest)
	}
}

func aodvRREPPrint(nd *ND, b []byte, length int, l *aodvLayout) {
	tcheck(b, 0, l.rrepLen)
	if length < l.rrepLen {
		nd.PrintTrunc()
		return
	}
	t := getU8(b, 0)
	nd.Printf(" rrep %d %s%sprefix %d hops %d\n\tdst ", length,
		pick(t&0x80 != 0, "[R]", ""), pick(t&0x40 != 0, "[A] ", " "), getU8(b, 2)&0x1f, getU8(b, 3))
	l.addr(nd, b, l.rrepDA)
	nd.Printf(" dseq %d src ", getBE32(b, l.rrepDS))
	l.addr(nd, b, l.rrepOA)
	nd.Printf(" %d ms", getBE32(b, l.rrepLife))
	if rest := length - l.rrepLen; rest >= 2 {
		aodvExtension(nd, b, l.rrepLen, rest)
	}
}

func aodvRERRPrint(nd *ND, b []byte, length int, l *aodvLayout) {
	tcheck(b, 0, 4)
	if length < 4 {
		nd.PrintTrunc()
		return
	}
	dc := int(getU8(b, 3))
	nd.Printf(" rerr %s [items %d] [%d]:", pick(getU8(b, 1)&0x80 != 0, "[D]", ""), dc, length)
	off, left := 4, length-4
	for ; dc != 0; dc-- {
		tcheck(b, off, l.unreachLen)
		if left < l.unreachLen {
			nd.PrintTrunc()
			return
		}
		nd.Print(" {")
		l.addr(nd, b, off+l.unreachDA)
		nd.Printf("}(%d)", getBE32(b, off+l.unreachDS))
		off += l.unreachLen
		left -= l.unreachLen
	}
}

// aodvExtension prints the extension after a request or reply.
func aodvExtension(nd *ND, b []byte, off, length int) {
	tcheck(b, off, 2)
	typ, elen := getU8(b, off), getU8(b, off+1)
	if typ != 1 {
		nd.Printf("\n\text %d %d", typ, elen)
		return
	}
	tcheck(b, off, 6)
	if length < 6 {
		nd.PrintTrunc()
		return
	}
	if elen < 4 {
		nd.Printf("\n\text HELLO - bad length %d", elen)
		return
	}
	nd.Printf("\n\text HELLO %d ms", getBE32(b, off+2))
}
