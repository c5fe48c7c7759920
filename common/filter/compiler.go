package filter

import (
	"fmt"

	"github.com/goclues/goclues/common/capture"
)

// Link-layer types (DLT_* values as Linux libpcap numbers them).
const (
	dltNULL      = 0
	dltEN10MB    = 1
	dltPPP       = 9
	dltRAW       = 12
	dltRAWAlt    = 14
	dltLOOP      = 108
	dltLINUXSLL  = 113
	dltIPV4      = 228
	dltIPV6      = 229
	dltLINUXSLL2 = 276
)

// More link types with fixed-size headers.
const (
	dltSLIP      = 8
	dltSLIPBSDOS = 15
	dltPPPBSDOS  = 16
	dltPPPSerial = 50
	dltPPPEther  = 51
	dltCHDLC     = 104
	dltFRELAY    = 107
	dltENC       = 109
	dltPPPPPPD   = 166
)

// linkInfo describes a link type: where its protocol field and payload
// are, and where the network header starts in the payload (with and
// without 802.2 SNAP).
type linkInfo struct {
	offType, offPl     uint32
	offNl, offNlNosnap uint32
}

var linkInfos = map[int]linkInfo{
	dltNULL:                   {0, 4, 0, 0},
	dltEN10MB:                 {12, 14, 0, 3},
	dltARCNET:                 {2, 6, 0, 0},
	dltSymantecFirewall:       {6, 44, 0, 0},
	dltLTALK:                  {offsetNotSet, 0, 0, 0},
	dltAppleIPOverIEEE1394:    {16, 18, 0, 0},
	dltBACnetMSTP:             {offsetNotSet, offsetNotSet, offsetNotSet, offsetNotSet},
	dltPFSYNC:                 {offsetNotSet, 4, 0, 0},
	dltIEEE802:                {14, 14, 8, 3},
	dltFDDI:                   {13, 13, 8, 3},
	dltIPOverFC:               {16, 16, 8, 3},
	dltARCNETLinux:            {4, 8, 0, 0},
	dltNetAnalyzer:            {4 + 12, 4 + 14, 0, 3},
	dltNetAnalyzerTransparent: {12 + 12, 12 + 14, 0, 3},
	dltSLIP:                   {offsetNotSet, 16, 0, 0},
	dltPPP:                    {2, 4, 0, 0},
	dltRAW:                    {offsetNotSet, 0, 0, 0},
	dltSLIPBSDOS:              {offsetNotSet, 24, 0, 0},
	dltPPPBSDOS:               {5, 24, 0, 0},
	dltPPPSerial:              {2, 4, 0, 0},
	dltPPPEther:               {6, 8, 0, 0},
	dltCHDLC:                  {2, 4, 0, 0},
	dltFRELAY:                 {offsetNotSet, 0, 0, 0},
	dltLOOP:                   {0, 4, 0, 0},
	dltENC:                    {0, 12, 0, 0},
	dltLINUXSLL:               {14, 16, 0, 0},
	dltPPPPPPD:                {2, 4, 0, 0},
	dltIPV4:                   {offsetNotSet, 0, 0, 0},
	dltIPV6:                   {offsetNotSet, 0, 0, 0},
	dltLINUXSLL2:              {0, 20, 0, 0},

	dltIEEE80211:      {24, 0, 8, 3},
	dltPrismHeader:    {24, 0, 8, 3},
	dltIEEE80211Radio: {24, 0, 8, 3},
	dltIEEE80211AVS:   {24, 0, 8, 3},
	dltPPI:            {24, 0, 8, 3},
}

// Link types with a fixed header and no protocol-specific primitives.
const (
	dltSymantecFirewall    = 99
	dltLTALK               = 114
	dltAppleIPOverIEEE1394 = 138
	dltBACnetMSTP          = 165
	dltPFSYNC              = 246
)

// The range of link types whose DLT and LINKTYPE values agree.
const (
	dltMatchingMin = 104
	dltMatchingMax = 289
)

// fileLinkTypeToDLT turns a savefile link type into the DLT value the
// generators use; DLT 14 is OpenBSD's DLT_RAW.
func fileLinkTypeToDLT(lt int) int {
	if lt == dltRAWAlt {
		return dltRAW
	}
	return capture.FileLinkTypeToDLT(lt)
}

// offsetNotSet marks a header offset that does not exist on a link type.
const offsetNotSet = 0xffffffff

// Ethernet types, LLC SAPs and IP protocol numbers the generators use.
const (
	etherMTU        = 1500
	ethertypeIP     = 0x0800
	ethertypeARP    = 0x0806
	ethertypeREVARP = 0x8035
	ethertypeIPV6   = 0x86dd
	ethertypeATALK  = 0x809b
	ethertypeAARP   = 0x80f3
	ethertypeDN     = 0x6003
	ethertypeSCA    = 0x6007
	ethertypeLAT    = 0x6004
	ethertypeMOPDL  = 0x6001
	ethertypeMOPRC  = 0x6002
	ethertypeIPX    = 0x8137
	ethertype8021Q  = 0x8100
	ethertype8021AD = 0x88a8
	ethertypeQINQ   = 0x9100
	ethertypeMPLS   = 0x8847
	ethertypePPPOED = 0x8863
	ethertypePPPOES = 0x8864
	ethertypeTEB    = 0x6558

	llcsapIP      = 0x06
	llcsapISONS   = 0xfe
	llcsapNETBEUI = 0xf0
	llcsapIPX     = 0xe0
	llcsap8021D   = 0x42
	llcsapSNAP    = 0xaa

	linuxSLLP8022 = 0x0004
	linuxSLLP8023 = 0x0001
	linuxSLLOut   = 4

	protoICMP     = 1
	protoIGMP     = 2
	protoTCP      = 6
	protoIGRP     = 9
	protoUDP      = 17
	protoICMPV6   = 58
	protoFRAGMENT = 44
	protoHOPOPTS  = 0
	protoROUTING  = 43
	protoDSTOPTS  = 60
	protoNONE     = 59
	protoAH       = 51
	protoESP      = 50
	protoPIM      = 103
	protoVRRP     = 112
	protoSCTP     = 132
	protoUndef    = -1

	isoCLNP = 0x81
	isoESIS = 0x82
	isoISIS = 0x83

	geneveport = 6081

	skfAdOff            = 0xfffff000
	skfAdPkttype        = 4
	skfAdIfindex        = 8
	skfAdVLANTag        = 44
	skfAdVLANTagPresent = 48
	packetOutgoing      = 4
)

// absOffset is an offset into the packet: a constant part plus, when
// variable, the contents of a scratch register computed at run time.
type absOffset struct {
	constant uint32
	variable bool
	reg      int
}

// compileError is raised (as a panic caught by Compile) with the exact
// message libpcap would print.
type compileError struct{ msg string }

func (e *compileError) Error() string { return e.msg }

func fail(format string, args ...any) {
	panic(&compileError{fmt.Sprintf(format, args...)})
}

// compiler holds the code-generation state libpcap keeps in its
// compiler_state_t: header offsets (which vlan/mpls/pppoe/geneve move as
// the expression is parsed), scratch-register allocation and options.
type compiler struct {
	linktype          int
	outermostLinktype int
	prevLinktype      int

	offOutermostLinkHdr absOffset
	offPrevLinkHdr      absOffset
	offLinkHdr          absOffset
	offLinkPl           absOffset
	offLinkType         absOffset
	offNl               uint32
	offNlNosnap         uint32

	noLinkFiltering bool // link type without generators here
	isGeneve        bool
	isVlanVloffset  bool
	labelStackDepth int
	vlanStackDepth  int

	regUsed [memWords]bool
	curReg  int

	snaplen        uint32
	netmask        uint32
	readingFile    bool
	swappedFile    bool
	vlanExtensions bool
	noOptimize     bool
}

func newCompiler(cfg Config) (*compiler, error) {
	c := &compiler{
		linktype:       cfg.LinkType,
		snaplen:        uint32(cfg.Snaplen),
		netmask:        cfg.Netmask,
		readingFile:    cfg.ReadingFile,
		swappedFile:    cfg.ReadingFile && cfg.SwappedFile,
		vlanExtensions: cfg.VLANExtensions,
	}
	none := absOffset{reg: -1}
	c.offOutermostLinkHdr, c.offPrevLinkHdr, c.offLinkHdr = none, none, none
	c.offLinkPl, c.offLinkType = none, none
	c.linktype = fileLinkTypeToDLT(c.linktype)
	c.outermostLinktype, c.prevLinktype = c.linktype, c.linktype
	info, ok := linkInfos[c.linktype]
	if !ok {
		// Link types without generators still compile expressions that
		// need no link-layer knowledge (the empty one, len, link[…]);
		// protocol tests fail as libpcap words it for unsupported types.
		known := capture.LinkTypeName(c.linktype) != ""
		if !known && (c.linktype < dltMatchingMin || c.linktype > dltMatchingMax) {
			return nil, fmt.Errorf("unknown data link type %d (min %d, max %d)", c.linktype, dltMatchingMin, dltMatchingMax)
		}
		info = linkInfo{offsetNotSet, offsetNotSet, offsetNotSet, offsetNotSet}
		c.noLinkFiltering = true
	}
	c.offLinkType.constant, c.offLinkPl.constant = info.offType, info.offPl
	c.offNl, c.offNlNosnap = info.offNl, info.offNlNosnap
	switch c.linktype {
	case dltNetAnalyzer:
		c.offLinkHdr.constant = 4
	case dltNetAnalyzerTransparent:
		// Preamble and start-of-frame delimiter too.
		c.offLinkHdr.constant = 12
	}
	if c.linktype == dltPFLOG {
		c.offLinkPl.variable = true
	}
	if isWLAN(c.linktype) {
		// The 802.11 header, and any radio header before it, vary in
		// length.
		c.offLinkPl.variable = true
		c.offLinkHdr.variable = c.linktype != dltIEEE80211
	}
	c.offOutermostLinkHdr, c.offPrevLinkHdr = c.offLinkHdr, c.offLinkHdr
	return c, nil
}

func (c *compiler) allocReg() int {
	for n := memWords; n > 0; n-- {
		if c.regUsed[c.curReg] {
			c.curReg = (c.curReg + 1) % memWords
		} else {
			c.regUsed[c.curReg] = true
			return c.curReg
		}
	}
	fail("too many registers needed to evaluate expression")
	return 0
}

func (c *compiler) freeReg(n int) { c.regUsed[n] = false }

// offRel names what a load offset is relative to.
type offRel int

const (
	orPacket offRel = iota
	orLinkHdr
	orPrevLinkHdr
	orLLC
	orPrevMPLSHdr
	orLinkPl
	orLinkPlNosnap
	orLinkType
	orTranIPv4
	orTranIPv6
)

func (c *compiler) varPart(off *absOffset) *stmt {
	if !off.variable {
		return nil
	}
	if off.reg == -1 {
		off.reg = c.allocReg()
	}
	return newStmt(clsLDX|modeMEM, uint32(off.reg))
}

func (c *compiler) loadAbsRel(off *absOffset, offset uint32, size uint16) *stmt {
	if s := c.varPart(off); s != nil {
		appendStmts(s, newStmt(clsLD|modeIND|size, off.constant+offset))
		return s
	}
	return newStmt(clsLD|modeABS|size, off.constant+offset)
}

func (c *compiler) loadA(rel offRel, offset uint32, size uint16) *stmt {
	switch rel {
	case orPacket:
		return newStmt(clsLD|modeABS|size, offset)
	case orLinkHdr:
		return c.loadAbsRel(&c.offLinkHdr, offset, size)
	case orPrevLinkHdr:
		return c.loadAbsRel(&c.offPrevLinkHdr, offset, size)
	case orLLC:
		return c.loadAbsRel(&c.offLinkPl, offset, size)
	case orPrevMPLSHdr:
		return c.loadAbsRel(&c.offLinkPl, c.offNl-4+offset, size)
	case orLinkPl:
		return c.loadAbsRel(&c.offLinkPl, c.offNl+offset, size)
	case orLinkPlNosnap:
		return c.loadAbsRel(&c.offLinkPl, c.offNlNosnap+offset, size)
	case orLinkType:
		return c.loadAbsRel(&c.offLinkType, offset, size)
	case orTranIPv4:
		s := c.loadXIPHdrLen()
		appendStmts(s, newStmt(clsLD|modeIND|size, c.offLinkPl.constant+c.offNl+offset))
		return s
	case orTranIPv6:
		return c.loadAbsRel(&c.offLinkPl, c.offNl+40+offset, size)
	}
	panic("filter: bad offset relation")
}

// loadXIPHdrLen loads X with the IPv4 header length.
func (c *compiler) loadXIPHdrLen() *stmt {
	if s := c.varPart(&c.offLinkPl); s != nil {
		appendStmts(s, chain(
			newStmt(clsLD|modeIND|szB, c.offLinkPl.constant+c.offNl),
			newStmt(clsALU|aluAND|srcK, 0xf),
			newStmt(clsALU|aluLSH|srcK, 2),
			newStmt(clsALU|aluADD|srcX, 0),
			newStmt(clsMISC|miscTAX, 0)))
		return s
	}
	return newStmt(clsLDX|modeMSH|szB, c.offLinkPl.constant+c.offNl)
}

// ncmp compares (load & mask) against v with jump type jtype.
func (c *compiler) ncmp(rel offRel, offset uint32, size uint16, mask uint32, jtype uint16, reverse bool, v uint32) *block {
	s := c.loadA(rel, offset, size)
	if mask != 0xffffffff {
		appendStmts(s, newStmt(clsALU|aluAND|srcK, mask))
	}
	b := newBlock(clsJMP|jtype|srcK, v)
	b.stmts = s
	if reverse && (jtype == jmpJGT || jtype == jmpJGE) {
		not(b)
	}
	return b
}

func (c *compiler) cmp(rel offRel, off uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, off, size, 0xffffffff, jmpJEQ, false, v)
}
func (c *compiler) cmpGT(rel offRel, off uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, off, size, 0xffffffff, jmpJGT, false, v)
}
func (c *compiler) cmpGE(rel offRel, off uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, off, size, 0xffffffff, jmpJGE, false, v)
}
func (c *compiler) cmpLT(rel offRel, off uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, off, size, 0xffffffff, jmpJGE, true, v)
}
func (c *compiler) cmpLE(rel offRel, off uint32, size uint16, v uint32) *block {
	return c.ncmp(rel, off, size, 0xffffffff, jmpJGT, true, v)
}
func (c *compiler) mcmp(rel offRel, off uint32, size uint16, v, mask uint32) *block {
	return c.ncmp(rel, off, size, mask, jmpJEQ, false, v)
}

// bcmp compares a byte string, in 4/2/1-byte pieces from its end.
func (c *compiler) bcmp(rel offRel, offset uint32, v []byte) *block {
	var b *block
	size := uint32(len(v))
	for size >= 4 {
		p := v[size-4:]
		tmp := c.cmp(rel, offset+size-4, szW, uint32(p[0])<<24|uint32(p[1])<<16|uint32(p[2])<<8|uint32(p[3]))
		if b != nil {
			and(b, tmp)
		}
		b = tmp
		size -= 4
	}
	for size >= 2 {
		p := v[size-2:]
		tmp := c.cmp(rel, offset+size-2, szH, uint32(p[0])<<8|uint32(p[1]))
		if b != nil {
			and(b, tmp)
		}
		b = tmp
		size -= 2
	}
	if size > 0 {
		tmp := c.cmp(rel, offset, szB, uint32(v[0]))
		if b != nil {
			and(b, tmp)
		}
		b = tmp
	}
	return b
}

func uncond(rsense bool) *block {
	k := uint32(1)
	if rsense {
		k = 0
	}
	b := newBlock(clsJMP|jmpJEQ|srcK, 0)
	b.stmts = newStmt(clsLD|modeIMM, k)
	return b
}

func genTrue() *block  { return uncond(true) }
func genFalse() *block { return uncond(false) }
