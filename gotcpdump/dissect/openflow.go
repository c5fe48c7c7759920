package dissect

// OpenFlow (tcpdump's print-openflow.c): the version-independent header
// loop over the messages of a TCP segment, and the helpers the
// version-specific printers (openflow10.go, openflow13.go) share.

func init() {
	registerTCPPort("openflow", openflowPrint, 6633, 6653)
}

const ofHeaderLen = 8

// OpenFlow wire versions.
const (
	ofVer10 = 0x01
	ofVer13 = 0x04
)

var ofVersionNames = []tok{
	{0x01, "1.0"}, {0x02, "1.1"}, {0x03, "1.2"}, {0x04, "1.3"}, {0x05, "1.4"}, {0x06, "1.5"},
}

// ofONFExperimenters names the ONF experimenter IDs (vendors outside the
// OUI space).
var ofONFExperimenters = []tok{
	{0x4f4e4600, "ONF Extensions"},
	{0xff000001, "Budapest University of Technology and Economics"},
	{0xff000002, "NoviFlow"},
	{0xff000003, "L3+ Extensions, Vendor Neutral"},
	{0xff000004, "L4-L7 Extensions"},
	{0xff000005, "Wireless and Mobility Extensions"},
	{0xff000006, "Forwarding Abstractions Extensions"},
	{0xff000007, "Optical Transport Extensions"},
	{0xff000008, "Network Benchmarking Lab, NCTU"},
	{0xff000009, "Mobile Packet Core Extensions"},
	{0xff00000a, "MPLS-TP OpenFlow Extensions for SPTN"},
}

// ofLenReq is how a message type constrains its body length.
type ofLenReq int

const (
	ofReqNone ofLenReq = iota
	ofReqFix           // exactly the value
	ofReqMin           // at least the value
)

// ofMsgType describes a message type of one OpenFlow version: its name,
// the decoder of its body (nil for none) and its length constraint.
type ofMsgType struct {
	name    string
	decode  func(nd *ND, c *ofCursor)
	req     ofLenReq
	reqSize int
}

// ofCursor walks an OpenFlow structure: b holds the captured bytes, off
// is the current position and n the bytes the structure still declares
// (tcpdump's cp and len).
type ofCursor struct {
	b   []byte
	off int
	n   int
}

// fwd moves past k bytes (OF_FWD); chkFwd checks they were captured
// first (OF_CHK_FWD).
func (c *ofCursor) fwd(k int)    { c.off += k; c.n -= k }
func (c *ofCursor) chkFwd(k int) { tcheck(c.b, c.off, k); c.fwd(k) }

func (c *ofCursor) u8(at int) uint8   { return getU8(c.b, c.off+at) }
func (c *ofCursor) u16(at int) uint16 { return getBE16(c.b, c.off+at) }
func (c *ofCursor) u32(at int) uint32 { return getBE32(c.b, c.off+at) }
func (c *ofCursor) u64(at int) uint64 { return getBE64(c.b, c.off+at) }

// printU16s, printU32 and printU64s print a label and the decimal
// value at the cursor, then move past it; the plural forms do so for
// one value per label.
func (c *ofCursor) printU16s(nd *ND, labels ...string) {
	for _, label := range labels {
		v := c.u16(0)
		nd.Print(label)
		nd.PrintUint(uint64(v))
		c.fwd(2)
	}
}

func (c *ofCursor) printU32(nd *ND, label string) {
	v := c.u32(0)
	nd.Print(label)
	nd.PrintUint(uint64(v))
	c.fwd(4)
}

func (c *ofCursor) printU64s(nd *ND, labels ...string) {
	for _, label := range labels {
		v := c.u64(0)
		nd.Print(label)
		nd.PrintUint(v)
		c.fwd(8)
	}
}

// rest checks that the bytes the structure declares were captured
// (ND_TCHECK_LEN(cp, len)).
func (c *ofCursor) rest() { tcheck(c.b, c.off, c.n) }

// invalid prints " (invalid)" and checks the rest was captured: how
// tcpdump skips a structure it cannot decode.
func (c *ofCursor) invalid(nd *ND) {
	nd.PrintInvalid()
	c.rest()
}

// openflowPrint prints the OpenFlow messages of a TCP payload that
// starts on a message boundary.
func openflowPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("openflow")
	nd.Print(": OpenFlow")
	c := &ofCursor{b: b, n: length}
	for c.n > 0 {
		version := c.u8(0)
		c.fwd(1)
		nd.Print("\n\tversion ")
		nd.printTok(ofVersionNames, "unknown (0x%02x)", uint32(version))
		if c.n < 1 {
			ofPartialHeader(nd, c)
			return
		}
		typ := c.u8(0)
		c.fwd(1)
		var mt *ofMsgType
		switch version {
		case ofVer10:
			if int(typ) < len(of10MsgTypes) {
				mt = &of10MsgTypes[typ]
			}
		case ofVer13:
			if int(typ) < len(of13MsgTypes) {
				mt = &of13MsgTypes[typ]
			}
		}
		if mt != nil {
			nd.Print(", type ")
			nd.Print(mt.name)
		} else {
			nd.Printf(", type unknown (0x%02x)", typ)
		}
		if c.n < 2 {
			ofPartialHeader(nd, c)
			return
		}
		msgLen := int(c.u16(0))
		c.fwd(2)
		nd.Print(", length ")
		nd.PrintUint(uint64(msgLen))
		if msgLen < ofHeaderLen {
			nd.Print(" (too short!)")
		}
		if c.n < 4 {
			ofPartialHeader(nd, c)
			return
		}
		xid := c.u32(0)
		nd.Print(", xid 0x")
		nd.PrintHex(uint64(xid), 8)
		c.fwd(4)
		if msgLen < ofHeaderLen {
			c.invalid(nd)
			return
		}
		body := &ofCursor{b: b, off: c.off, n: msgLen - ofHeaderLen}
		ofMessagePrint(nd, body, mt)
		// A message may go on in the next segment: decode what is
		// here, but only move on when it ends inside this one.
		if msgLen-ofHeaderLen > c.n {
			break
		}
		c.fwd(msgLen - ofHeaderLen)
	}
}

func ofPartialHeader(nd *ND, c *ofCursor) {
	nd.Print(" (end of TCP payload)")
	c.rest()
}

// ofMessagePrint checks a message body against its type's length
// constraint and decodes it with -v.
func ofMessagePrint(nd *ND, c *ofCursor, mt *ofMsgType) {
	if mt == nil {
		c.rest()
		return
	}
	if mt.req == ofReqFix && c.n != mt.reqSize || mt.req == ofReqMin && c.n < mt.reqSize {
		c.invalid(nd)
		return
	}
	if nd.Verbose == 0 || mt.decode == nil {
		c.rest()
		return
	}
	mt.decode(nd, c)
}

// printTok prints the name of v in toks, or v formatted with unknown
// (tok2str with a format; the formats are fmt's, so %d for %u).
func (nd *ND) printTok(toks []tok, unknown string, v uint32) {
	for _, t := range toks {
		if t.v == v {
			nd.Print(t.s)
			return
		}
	}
	nd.Printf(unknown, v)
}

// ofVendorName names an OpenFlow vendor or experimenter ID: an OUI, or
// one of ONF's IDs.
func ofVendorName(v uint32) string {
	if v&0xff000000 == 0 {
		return tok2strNoAlloc(ouiNames, "unknown", v)
	}
	return tok2strNoAlloc(ofONFExperimenters, "unknown", v)
}

// ofVendorPrint prints "<label> 0x%08x (<name>)".
func ofVendorPrint(nd *ND, label string, v uint32) {
	nd.Print(label)
	nd.Print(" 0x")
	nd.PrintHex(uint64(v), 8)
	nd.Print(" (")
	nd.Print(ofVendorName(v))
	nd.PrintByte(')')
}

// ofBitmapPrint prints the names of the assigned bits set in v, and
// " (bogus)" when unassigned bits are set (u is the unassigned mask).
func ofBitmapPrint(nd *ND, toks []tok, v, u uint32) {
	if v&^u != 0 {
		nd.Print(" (")
		sep := ""
		for _, t := range toks {
			if v&t.v != 0 {
				nd.Print(sep)
				nd.Print(t.s)
				sep = ", "
			}
		}
		nd.PrintByte(')')
	}
	if v&u != 0 {
		nd.Print(" (bogus)")
	}
}

// ofHex32Print prints label, then v as 0x%08x, then its bitmap names.
func ofHex32Print(nd *ND, label string, v uint32, toks []tok, u uint32) {
	nd.Print(label)
	nd.Print(" 0x")
	nd.PrintHex(uint64(v), 8)
	ofBitmapPrint(nd, toks, v, u)
}

// ofDataPrint prints the length of trailing data, and with -vv the
// data itself.
func ofDataPrint(nd *ND, c *ofCursor) {
	if c.n == 0 {
		return
	}
	nd.Print("\n\t data (")
	nd.PrintUint(uint64(c.n))
	nd.Print(" octets)")
	if nd.Verbose >= 2 {
		hexASCIIPrintAvail(nd, "\n\t  ", c.b, c.off, c.n)
	} else {
		c.rest()
	}
}

// ofStringPrint prints up to n bytes of a NUL-padded string field in
// quotes after label (nd_printjnp).
func ofStringPrint(nd *ND, label string, c *ofCursor, at, n int) {
	nd.Print(label)
	nd.PrintByte('\'')
	for i := 0; i < n; i++ {
		ch := c.u8(at + i)
		if ch == 0 {
			break
		}
		nd.printChar(ch)
	}
	nd.PrintByte('\'')
}

// ofErrorPrint prints an ERROR message body: the type, the code named
// by the type's table, and the data (shared by 1.0 and 1.3).
func ofErrorPrint(nd *ND, c *ofCursor, types []tok, codes map[uint16][]tok) {
	typ := c.u16(0)
	c.fwd(2)
	nd.Print("\n\t type ")
	nd.printTok(types, "invalid (0x%04x)", uint32(typ))
	code := c.u16(0)
	c.fwd(2)
	if names, ok := codes[typ]; ok && names != nil {
		nd.Print(", code ")
		nd.printTok(names, "invalid (0x%04x)", uint32(code))
	} else {
		nd.Printf(", code invalid (0x%04x)", code)
	}
	ofDataPrint(nd, c)
}
