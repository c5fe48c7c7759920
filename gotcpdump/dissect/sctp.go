package dissect

// SCTP (RFC 4960; tcpdump's print-sctp.c), IP protocol 132: the common
// header and a line per chunk. Like TCP it prints the addresses itself.
// ForCES payloads (print-forces.c) are not decoded.

func init() {
	registerIPProto(132, sctpPrint)
}

// Chunk types with decoded bodies.
const (
	sctpData    = 0x00
	sctpInit    = 0x01
	sctpInitAck = 0x02
	sctpSACK    = 0x03
)

// DATA chunk flags.
const (
	sctpDataLastFrag  = 0x01
	sctpDataFirstFrag = 0x02
	sctpDataUnordered = 0x04
)

// Payload protocol identifiers of ForCES and M3UA.
const (
	sctpPPIDM3UA     = 3
	sctpPPIDForCESHP = 21
	sctpPPIDForCESLP = 23
)

var sctpChunkIDs = []tok{
	{0x00, "DATA"}, {0x01, "INIT"}, {0x02, "INIT ACK"}, {0x03, "SACK"},
	{0x04, "HB REQ"}, {0x05, "HB ACK"}, {0x06, "ABORT"}, {0x07, "SHUTDOWN"},
	{0x08, "SHUTDOWN ACK"}, {0x09, "OP ERR"}, {0x0a, "COOKIE ECHO"},
	{0x0b, "COOKIE ACK"}, {0x0c, "ECN ECHO"}, {0x0d, "ECN CWR"},
	{0x0e, "SHUTDOWN COMPLETE"}, {0xc0, "FOR CUM TSN"}, {0xc1, "REL CTRL"},
	{0xc2, "REL CTRL ACK"},
}

var sctpForCESChannels = []tok{{6704, "ForCES HP"}, {6705, "ForCES MP"}, {6706, "ForCES LP"}}

var sctpPPIDs = []tok{
	{1, "ISDN Q.921"}, {2, "M2UA"}, {3, "M3UA"}, {4, "SUA"}, {5, "M2PA"}, {6, "V5.2"},
	{7, "H.248"}, {8, "BICC"}, {9, "TALI"}, {10, "DUA"}, {11, "ASAP"}, {12, "ENRP"},
	{13, "H.323"}, {14, "Q.IPC"}, {15, "SIMCO"}, {16, "DDPSC"}, {17, "DDPSSC"},
	{18, "S1AP"}, {19, "RUA"}, {20, "HNBAP"}, {21, "ForCES HP"}, {22, "ForCES MP"},
	{23, "ForCES LP"}, {24, "SBc-AP"}, {25, "NBAP"}, {27, "X2AP"},
}

// sctpPayloadPrinters decode DATA payloads by PPID with -vv.
var sctpPayloadPrinters = map[uint32]func(nd *ND, b []byte, length int){}

// Sizes of the SCTP structures.
const (
	sctpHdrLen      = 12
	sctpChunkHdrLen = 4
	sctpDataHdrLen  = 12
	sctpInitLen     = 16
	sctpSACKLen     = 12
)

func sctpIsForCESPort(p uint16) bool { return p >= 6704 && p <= 6706 }

func sctpPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("sctp")
	if length < sctpHdrLen {
		nd.Printf("truncated-sctp - %d bytes missing!", sctpHdrLen-length)
		return
	}
	if !ttest(b, 0, sctpHdrLen) {
		nd.PrintTrunc()
		return
	}
	sport, dport := getBE16(b, 0), getBE16(b, 2)
	ipAddrPrint(nd, ip, ip.src)
	nd.Printf(".%d > ", sport)
	ipAddrPrint(nd, ip, ip.dst)
	nd.Printf(".%d: sctp", dport)
	isForCES := false
	for _, p := range [2]uint16{sport, dport} {
		if sctpIsForCESPort(p) {
			nd.Printf("[%s]", tok2str(sctpForCESChannels, "", uint32(p)))
			isForCES = true
		}
	}
	p := sctpHdrLen
	remaining := uint32(length - sctpHdrLen)
	sep := " ("
	if nd.Verbose >= 2 {
		sep = "\n\t"
	}
	for count := 1; remaining != 0; count++ {
		if remaining < sctpChunkHdrLen {
			nd.Printf("%s%d) [chunk descriptor cut off at end of packet]", sep, count)
			return
		}
		if !ttest(b, p, sctpChunkHdrLen) {
			nd.PrintTrunc()
			return
		}
		chunkLen := uint32(getBE16(b, p+2))
		if chunkLen < sctpChunkHdrLen {
			nd.Printf("%s%d) [Bad chunk length %d, < size of chunk descriptor]", sep, count, chunkLen)
			return
		}
		align := (4 - chunkLen%4) % 4
		if remaining < align {
			nd.Printf("%s%d) [Bad chunk length %d, > remaining data in packet]", sep, count, chunkLen)
			return
		}
		if !ttest(b, p, int(chunkLen)) {
			nd.PrintTrunc()
			return
		}
		id := getU8(b, p)
		flags := getU8(b, p+1)
		chunkRem := uint16(chunkLen - sctpChunkHdrLen)
		p += sctpChunkHdrLen
		remaining -= sctpChunkHdrLen
		nd.Printf("%s%d) [%s] ", sep, count, tok2str(sctpChunkIDs, "Unknown chunk type: 0x%x", uint32(id)))
		var ok bool
		switch id {
		case sctpData:
			ok = sctpDataPrint(nd, b, p, flags, chunkRem, chunkLen, isForCES)
			isForCES = isForCES || sctpForCESData(b, p, chunkRem)
		case sctpInit, sctpInitAck:
			if ok = chunkRem >= sctpInitLen; ok {
				nd.Printf("[init tag: %d] [rwnd: %d] [OS: %d] [MIS: %d] [init TSN: %d] ",
					getBE32(b, p), getBE32(b, p+4), getBE16(b, p+8), getBE16(b, p+10), getBE32(b, p+12))
			}
		case sctpSACK:
			ok = sctpSACKPrint(nd, b, p, chunkRem)
		default:
			ok = true
		}
		if !ok {
			nd.Printf("bogus chunk length %d]", chunkLen)
			return
		}
		p += int(chunkRem)
		remaining -= uint32(chunkRem)
		if nd.Verbose < 2 {
			sep = ", ("
		}
		if align != 0 {
			if !ttest(b, p, int(align)) {
				nd.PrintTrunc()
				return
			}
			p += int(align)
			remaining -= align
		}
	}
}

// sctpForCESData reports whether a DATA chunk carries a ForCES PPID.
func sctpForCESData(b []byte, p int, chunkRem uint16) bool {
	if chunkRem < sctpDataHdrLen {
		return false
	}
	ppid := getBE32(b, p+8)
	return ppid >= sctpPPIDForCESHP && ppid <= sctpPPIDForCESLP
}

func sctpDataPrint(nd *ND, b []byte, p int, flags uint8, chunkRem uint16, chunkLen uint32, isForCES bool) bool {
	if flags&sctpDataUnordered != 0 {
		nd.Print("(U)")
	}
	if flags&sctpDataFirstFrag != 0 {
		nd.Print("(B)")
	}
	if flags&sctpDataLastFrag != 0 {
		nd.Print("(E)")
	}
	if flags&(sctpDataUnordered|sctpDataFirstFrag|sctpDataLastFrag) != 0 {
		nd.Print(" ")
	}
	if chunkRem < sctpDataHdrLen {
		return false
	}
	ppid := getBE32(b, p+8)
	nd.Printf("[TSN: %d] [SID: %d] [SSEQ %d] [PPID %s] ", getBE32(b, p), getBE16(b, p+4), getBE16(b, p+6),
		tok2str(sctpPPIDs, "0x%x", ppid))
	size := int(chunkRem - sctpDataHdrLen)
	if size == 0 {
		return false
	}
	payload := p + sctpDataHdrLen
	if isForCES || (ppid >= sctpPPIDForCESHP && ppid <= sctpPPIDForCESLP) || nd.Verbose < 2 {
		return true
	}
	if fn := sctpPayloadPrinters[ppid]; fn != nil {
		fn(nd, b[payload:payload+size], size)
		nd.SetProto("sctp")
		return true
	}
	nd.Print("[Payload")
	if !nd.suppressDefaultPrint() {
		nd.Print(":")
		nd.DefaultPrint(b[payload : payload+size])
	}
	nd.Print("]")
	return true
}

func sctpSACKPrint(nd *ND, b []byte, p int, chunkRem uint16) bool {
	if chunkRem < sctpSACKLen {
		return false
	}
	cum := getBE32(b, p)
	ngaps, ndups := int(getBE16(b, p+8)), int(getBE16(b, p+10))
	nd.Printf("[cum ack %d] [a_rwnd %d] [#gap acks %d] [#dup tsns %d] ", cum, getBE32(b, p+4), ngaps, ndups)
	q := p + sctpSACKLen
	rem := chunkRem - sctpSACKLen
	for i := 0; rem != 0 && i < ngaps; i++ {
		if rem < 4 {
			return false
		}
		nd.Printf("\n\t\t[gap ack block #%d: start = %d, end = %d] ", i+1,
			cum+uint32(getBE16(b, q)), cum+uint32(getBE16(b, q+2)))
		q += 4
		rem -= 4
	}
	for i := 0; rem != 0 && i < ndups; i++ {
		if rem < 4 {
			return false
		}
		nd.Printf("\n\t\t[dup TSN #%d: %d] ", i+1, getBE32(b, q))
		q += 4
		rem -= 4
	}
	return true
}
