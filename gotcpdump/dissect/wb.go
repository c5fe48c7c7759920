package dissect

// wb, the LBL whiteboard's multicast protocol (tcpdump's print-wb.c), on
// UDP port 4567.

func init() {
	registerUDPPort("wb", wbPrint, 4567)
}

// wb packet types.
const (
	wbDrawOp = 0
	wbID     = 1
	wbRReq   = 2
	wbRRep   = 3
	wbKill   = 4
	wbPReq   = 5
	wbPRep   = 7
)

const (
	wbHdrLen     = 12
	wbDopLen     = 16 // page id, start and end sequence numbers
	wbDopHdrLen  = 8
	wbPgStateLen = 16
	wbIDOffLen   = 8
	wbDTSkip     = 14
	wbDTHole     = 15
)

var wbDopNames = [...]string{
	"dop-0!", "dop-1!", "RECT", "LINE", "ML", "DEL", "XFORM", "ELL", "CHAR", "STR",
	"NOP", "PSCODE", "PSCOMP", "REF", "SKIP", "HOLE",
}

func wbPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("wb")
	if length < wbHdrLen || !ttest(b, 0, wbHdrLen) {
		nd.PrintTrunc()
		return
	}
	n := length - wbHdrLen
	if getU8(b, 11) != 0 {
		nd.Print("*")
	}
	p := rest(b, wbHdrLen)
	var ok bool
	switch typ := getU8(b, 10); typ {
	case wbKill:
		nd.Print(" wb-kill")
		return
	case wbID:
		ok = wbIDPrint(nd, p, n)
	case wbRReq:
		nd.Print(" wb-rreq:")
		if ok = n >= 24 && ttest(p, 0, 24); ok {
			nd.Print(" please repair ")
			nd.PrintIPAddr(p, 0)
			nd.Print(" ")
			wbPage(nd, p, 4)
			nd.Printf("<%d:%d>", getBE32(p, 12), getBE32(p, 16))
		}
	case wbRRep:
		nd.Print(" wb-rrep:")
		if ok = n >= 4+wbDopLen && ttest(p, 0, 4+wbDopLen); ok {
			nd.Print(" for ")
			nd.PrintIPAddr(p, 0)
			nd.Print(" ")
			ok = wbDrawOpPrint(nd, p, 4)
		}
	case wbDrawOp:
		nd.Print(" wb-dop:")
		if ok = n >= wbDopLen && ttest(p, 0, wbDopLen); ok {
			nd.Print(" ")
			ok = wbDrawOpPrint(nd, p, 0)
		}
	case wbPReq:
		nd.Print(" wb-preq:")
		if ok = n >= 16 && ttest(p, 0, 16); ok {
			nd.Printf(" need %d/", getBE32(p, 8))
			wbPage(nd, p, 0)
		}
	case wbPRep:
		ok = wbPRepPrint(nd, p, n)
	default:
		nd.Printf(" wb-%d!", typ)
		nd.PrintInvalid()
		return
	}
	if !ok {
		nd.PrintTrunc()
	}
}

// wbPage prints a page id ("site:page").
func wbPage(nd *ND, b []byte, off int) {
	tcheck(b, off, 8)
	nd.PrintIPAddr(b, off)
	nd.Printf(":%d", getBE32(b, off+4))
}

func wbIDPrint(nd *ND, p []byte, n int) bool {
	const idLen = 28
	nd.Print(" wb-id:")
	if n < idLen || !ttest(p, 0, idLen) {
		return false
	}
	n -= idLen
	nd.Printf(" %d/", getBE32(p, 12))
	wbPage(nd, p, 16)
	nd.Printf(" (max %d/", getBE32(p, 0))
	wbPage(nd, p, 4)
	nd.Print(") ")
	nid := int(getBE16(p, 24))
	if n < nid*wbIDOffLen {
		return false
	}
	n -= nid * wbIDOffLen
	name := idLen + nid*wbIDOffLen
	if ttest(p, name, n) {
		nd.Print("\"")
		printjnp(nd, p, name, n)
		nd.Print("\"")
	}
	sep := byte('<')
	for i := 0; i < nid; i++ {
		io := idLen + i*wbIDOffLen
		tcheck(p, io, wbIDOffLen)
		nd.PrintByte(sep)
		nd.PrintIPAddr(p, io)
		nd.Printf(":%d", getBE32(p, io+4))
		sep = ','
	}
	nd.Print(">")
	return true
}

// wbDrawOpPrint prints a drawing-op block header at off and, at -v, its
// operations.
func wbDrawOpPrint(nd *ND, p []byte, off int) bool {
	wbPage(nd, p, off)
	ss, es := getBE32(p, off+8), getBE32(p, off+12)
	nd.Printf("<%d:%d>", ss, es)
	if nd.Verbose == 0 {
		return true
	}
	nd.Print(" <")
	dh := off + wbDopLen
	for ; ss <= es; ss++ {
		if !ttest(p, dh, wbDopHdrLen) {
			nd.PrintTrunc()
			break
		}
		t := getU8(p, dh+7)
		if int(t) >= len(wbDopNames) {
			nd.Printf(" dop-%d!", t)
		} else {
			nd.Print(" " + wbDopNames[t])
			if t == wbDTSkip || t == wbDTHole {
				ts := getBE32(p, dh)
				nd.Printf("%d", ts-ss+1)
				if ss > ts || ts > es {
					nd.Print("[|]")
					if ts < ss {
						return true
					}
				}
				ss = ts
			}
		}
		dh += (int(getBE16(p, dh+4)) + wbDopHdrLen + 3) &^ 3
		if ss == es {
			break
		}
	}
	nd.Print(" >")
	return true
}

func wbPRepPrint(nd *ND, p []byte, n int) bool {
	nd.Print(" wb-prep:")
	if n < 4 || !ttest(p, 0, 4) {
		return false
	}
	count := getBE32(p, 0)
	ps := 4
	for ; count != 0; count-- {
		tcheck(p, ps, 12)
		nd.Printf(" %d/", getBE32(p, ps))
		wbPage(nd, p, ps+4)
		nid := int(getU8(p, ps+12))
		sep := byte('<')
		io := ps + wbPgStateLen
		for i := 0; i < nid; i++ {
			tcheck(p, io, wbIDOffLen)
			nd.PrintByte(sep)
			nd.PrintIPAddr(p, io)
			nd.Printf(":%d", getBE32(p, io+4))
			sep = ','
			io += wbIDOffLen
		}
		nd.Print(">")
		ps = io
	}
	return true
}
