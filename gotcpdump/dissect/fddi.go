package dissect

import "github.com/goclues/goclues/common/capture"

// FDDI (tcpdump's print-fddi.c): frame control and the two MAC addresses
// (in canonical order on Linux, so not bit-swapped), then LLC for
// asynchronous LLC frames.

func init() {
	registerLinkType(capture.DLTFDDI, fddiIfPrint)
	registerPrinter("fddi_print", func(nd *ND, b []byte, length int) { fddiPrint(nd, b, length, len(b)) })
}

const (
	fddiHdrLen   = 13
	fddiCLFF     = 0xf0
	fddiLLCAsync = 0x50
	fddiSMT      = 0x40
)

// fddiFCNames are the frame control values with names of their own.
var fddiFCNames = []tok{
	{0x40, "void "},
	{0x80, "nrt "},
	{0xc0, "rt "},
	{0x41, "info "},
	{0x4f, "nsa "},
	{0xc2, "beacon "},
	{0xc3, "claim "},
}

// fddiFCClasses name the other values by their class, length and format
// bits; the control bits follow as one hex digit.
var fddiFCClasses = []tok{
	{0xc0, "mac"},
	{fddiSMT, "smt"},
	{fddiLLCAsync, "async"},
	{0xd0, "sync"},
	{0x60, "imp_async"},
	{0xe0, "imp_sync"},
}

func fddiIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.llHdrLen += fddiPrint(nd, b, int(p.Len), len(b))
}

func fddiFCPrint(nd *ND, fc uint8) {
	if s := tok2strNoAlloc(fddiFCNames, "", uint32(fc)); s != "" {
		nd.Print(s)
		return
	}
	if s := tok2strNoAlloc(fddiFCClasses, "", uint32(fc&fddiCLFF)); s != "" {
		nd.Print(s)
		nd.PrintHex(uint64(fc&0x0f), 1)
		nd.PrintByte(' ')
		return
	}
	nd.PrintHex(uint64(fc), 2)
	nd.PrintByte(' ')
}

func fddiHdrPrint(nd *ND, b []byte, length int) {
	if !nd.Quick {
		fddiFCPrint(nd, getU8(b, 0))
	}
	nd.PrintEtherAddr(b, 7)
	nd.Print(" > ")
	nd.PrintEtherAddr(b, 1)
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

// fddiPrint prints an FDDI frame and returns its header length.
func fddiPrint(nd *ND, b []byte, length, caplen int) int {
	nd.SetProto("fddi")
	if caplen < fddiHdrLen {
		nd.PrintTrunc()
		return caplen
	}
	fc := b[0]
	if nd.LinkHeader {
		fddiHdrPrint(nd, b, length)
	}
	p := b[fddiHdrLen:]
	switch fc & fddiCLFF {
	case fddiLLCAsync:
		n := llcPrint(nd, p, length-fddiHdrLen, caplen-fddiHdrLen, b[7:13], b[1:7])
		if n < 0 {
			nd.DefaultPrint(p)
			n = -n
		}
		return fddiHdrLen + n
	case fddiSMT:
		nd.Print("<SMT printer not yet implemented>")
	default:
		if !nd.LinkHeader {
			fddiHdrPrint(nd, b, length)
		}
		nd.DefaultPrint(p)
	}
	return fddiHdrLen
}
