package filter

// Keyword primitives: protocol abbreviations (tcp, ip6, arp…), length
// tests, byte tests, broadcast/multicast, direction, and the
// encapsulations (vlan, mpls, pppoe, geneve) that move later offsets.

// protoViaIP maps protocol keywords to (IP protocol, proto qualifier).
var protoViaIP = map[protoQual]struct {
	v     uint32
	under protoQual
}{
	pSCTP: {protoSCTP, pDefault}, pTCP: {protoTCP, pDefault}, pUDP: {protoUDP, pDefault},
	pICMP: {protoICMP, pIP}, pIGMP: {protoIGMP, pIP}, pIGRP: {protoIGRP, pIP},
	pPIM: {protoPIM, pDefault}, pVRRP: {protoVRRP, pIP}, pCARP: {protoVRRP, pIP},
	pICMPV6: {protoICMPV6, pIPV6}, pAH: {protoAH, pDefault}, pESP: {protoESP, pDefault},
	pESIS: {isoESIS, pISO}, pISIS: {isoISIS, pISO}, pCLNP: {isoCLNP, pISO},
}

// protoViaLink maps protocol keywords to a link-layer protocol.
var protoViaLink = map[protoQual]uint32{
	pIP: ethertypeIP, pARP: ethertypeARP, pRARP: ethertypeREVARP,
	pATALK: ethertypeATALK, pAARP: ethertypeAARP, pDECNET: ethertypeDN,
	pSCA: ethertypeSCA, pLAT: ethertypeLAT, pMOPDL: ethertypeMOPDL,
	pMOPRC: ethertypeMOPRC, pIPV6: ethertypeIPV6, pISO: llcsapISONS,
	pSTP: llcsap8021D, pIPX: llcsapIPX, pNETBEUI: llcsapNETBEUI,
}

// IS-IS PDU types.
const (
	isisL1LANIIH = 15
	isisL2LANIIH = 16
	isisPTPIIH   = 17
	isisL1LSP    = 18
	isisL2LSP    = 20
	isisL1CSNP   = 24
	isisL2CSNP   = 25
	isisL1PSNP   = 26
	isisL2PSNP   = 27
)

// isisGroups lists the PDU types each IS-IS keyword accepts, in the order
// libpcap ors them together.
var isisGroups = map[protoQual][]uint32{
	pISISL1:   {isisL1LANIIH, isisPTPIIH, isisL1LSP, isisL1CSNP, isisL1PSNP},
	pISISL2:   {isisL2LANIIH, isisPTPIIH, isisL2LSP, isisL2CSNP, isisL2PSNP},
	pISISIIH:  {isisL1LANIIH, isisL2LANIIH, isisPTPIIH},
	pISISLSP:  {isisL1LSP, isisL2LSP},
	pISISSNP:  {isisL1CSNP, isisL2CSNP, isisL1PSNP, isisL2PSNP},
	pISISCSNP: {isisL1CSNP, isisL2CSNP},
	pISISPSNP: {isisL1PSNP, isisL2PSNP},
}

func (c *compiler) protoAbbrev(proto protoQual) *block {
	if p, ok := protoViaIP[proto]; ok {
		return c.proto(p.v, p.under, dDefault)
	}
	if v, ok := protoViaLink[proto]; ok {
		return c.linktypeTest(v)
	}
	if g, ok := isisGroups[proto]; ok {
		b1 := c.proto(g[0], pISIS, dDefault)
		b1, b0 := c.proto(g[1], pISIS, dDefault), b1
		or(b0, b1)
		for _, v := range g[2:] {
			b0 = c.proto(v, pISIS, dDefault)
			or(b0, b1)
		}
		return b1
	}
	switch proto {
	case pLink:
		fail("link layer applied in wrong context")
	case pRADIO:
		fail("'radio' is not a valid protocol type")
	}
	fail("syntax error")
	return nil
}

func lenTest(jmp uint16, n uint32) *block {
	b := newBlock(clsJMP|jmp|srcK, n)
	b.stmts = newStmt(clsLD|modeLEN|szW, 0)
	return b
}

func (c *compiler) greater(n uint32) *block { return lenTest(jmpJGE, n) }

func (c *compiler) less(n uint32) *block {
	b := lenTest(jmpJGT, n)
	not(b)
	return b
}

func (c *compiler) byteOp(op byte, idx, val uint32) *block {
	switch op {
	case '=':
		return c.cmp(orLinkHdr, idx, szB, val)
	case '<':
		return c.cmpLT(orLinkHdr, idx, szB, val)
	case '>':
		return c.cmpGT(orLinkHdr, idx, szB, val)
	}
	alu := uint16(aluAND)
	if op == '|' {
		alu = aluOR
	}
	b := newBlock(clsJMP|jmpJEQ|srcK, 0)
	b.stmts = newStmt(clsALU|alu|srcK, val)
	not(b)
	return b
}

func (c *compiler) broadcast(proto protoQual) *block {
	switch proto {
	case pDefault, pLink:
		if isWLAN(c.linktype) {
			return c.wlanHostOp([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, dDst)
		}
		if isARCnet(c.linktype) {
			return c.lanHostOp([]byte{0}, dDst)
		}
		if llcBased(c.linktype) {
			return c.lanHostOp([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, dDst)
		}
		if !isEthernet(c.linktype) {
			fail("not a broadcast link")
		}
		b1 := c.prevLinkHdrCheck()
		b0 := c.ehostOp([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, dDst)
		if b1 != nil {
			and(b1, b0)
		}
		return b0
	case pIP:
		if c.netmask == 0xffffffff {
			fail("netmask not known, so 'ip broadcast' not supported")
		}
		b0 := c.linktypeTest(ethertypeIP)
		hostmask := ^c.netmask
		b1 := c.mcmp(orLinkPl, 16, szW, 0, hostmask)
		b2 := c.mcmp(orLinkPl, 16, szW, hostmask, hostmask)
		or(b1, b2)
		and(b0, b2)
		return b2
	}
	fail("only link-layer/IP broadcast filters supported")
	return nil
}

func (c *compiler) multicast(proto protoQual) *block {
	switch proto {
	case pDefault, pLink:
		if isWLAN(c.linktype) {
			return c.wlanMulticast()
		}
		if isARCnet(c.linktype) {
			return c.lanHostOp([]byte{0}, dDst)
		}
		if llcBased(c.linktype) {
			// The group bit of the destination address.
			b := newBlock(clsJMP|jmpJSET|srcK, 1)
			b.stmts = c.loadA(orLinkHdr, lanAddrs[c.linktype].dst, szB)
			return b
		}
		if isEthernet(c.linktype) {
			b1 := c.prevLinkHdrCheck()
			b0 := newBlock(clsJMP|jmpJSET|srcK, 1)
			b0.stmts = c.loadA(orLinkHdr, 0, szB)
			if b1 != nil {
				and(b1, b0)
			}
			return b0
		}
	case pIP:
		b0 := c.linktypeTest(ethertypeIP)
		b1 := c.cmpGE(orLinkPl, 16, szB, 224)
		and(b0, b1)
		return b1
	case pIPV6:
		b0 := c.linktypeTest(ethertypeIPV6)
		b1 := c.cmp(orLinkPl, 24, szB, 255)
		and(b0, b1)
		return b1
	}
	fail("link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel")
	return nil
}

func (c *compiler) inbound(outbound bool) *block {
	var b *block
	switch c.linktype {
	case dltLINUXSLL:
		b = c.cmp(orLinkHdr, 0, szH, linuxSLLOut)
	case dltLINUXSLL2:
		b = c.cmp(orLinkHdr, 10, szB, linuxSLLOut)
	case dltSLIP:
		// The first byte of the SLIP pseudo-header is the direction.
		// (libpcap's compiler evaluates the right operand first.)
		zero := c.loadI(0)
		link := c.load(pLink, c.loadI(0), 1)
		return c.relation(jmpJEQ, link, zero, outbound)
	case dltPPPPPPD:
		if outbound {
			return c.cmp(orLinkHdr, 0, szB, 1)
		}
		return c.cmp(orLinkHdr, 0, szB, 0)
	case dltPFLOG:
		if outbound {
			return c.cmp(orLinkHdr, pflogDir, szB, pfOut)
		}
		return c.cmp(orLinkHdr, pflogDir, szB, pfIn)
	case dltIPNET:
		if outbound {
			return c.cmp(orLinkHdr, 2, szH, 1)
		}
		return c.cmp(orLinkHdr, 2, szH, 2)
	default:
		if isJuniper(c.linktype) {
			// The direction flag is the low bit of the fourth byte.
			if outbound {
				return c.mcmp(orLinkHdr, 3, szB, 0, 0x01)
			}
			return c.mcmp(orLinkHdr, 3, szB, 1, 0x01)
		}
		if c.readingFile {
			fail("inbound/outbound not supported on %s when reading savefiles", linktypeDescription(c.linktype))
		}
		b = c.cmp(orLinkHdr, skfAdOff+skfAdPkttype, szH, packetOutgoing)
	}
	if !outbound {
		not(b)
	}
	return b
}

func (c *compiler) ifindex(n uint32) *block {
	if c.linktype == dltLINUXSLL2 {
		return c.cmp(orLinkHdr, 4, szW, n)
	}
	if c.readingFile {
		fail("ifindex not supported on %s when reading savefiles", linktypeDescription(c.linktype))
	}
	return c.cmp(orLinkHdr, skfAdOff+skfAdIfindex, szW, n)
}

func (c *compiler) vlanTPIDTest() *block {
	b0 := c.linktypeTest(ethertype8021Q)
	b1 := c.linktypeTest(ethertype8021AD)
	or(b0, b1)
	b0 = b1
	b1 = c.linktypeTest(ethertypeQINQ)
	or(b0, b1)
	return b1
}

func (c *compiler) vlanVIDTest(num uint32) *block {
	if num > 0x0fff {
		fail("VLAN tag %d greater than maximum %d", num, 0x0fff)
	}
	return c.mcmp(orLinkPl, 0, szH, num, 0x0fff)
}

func (c *compiler) vlan(num uint32, hasNum bool) *block {
	if c.labelStackDepth > 0 {
		fail("no VLAN match after MPLS")
	}
	if !isEthernet(c.linktype) && !wlanWithoutPPI(c.linktype) {
		fail("no VLAN support for %s", linktypeDescription(c.linktype))
	}
	var b0 *block
	if isEthernet(c.linktype) && c.vlanExtensions && c.vlanStackDepth == 0 && !c.offLinkHdr.variable &&
		c.offLinkHdr.constant == c.offOutermostLinkHdr.constant {
		b0 = c.vlanWithExtensions(num, hasNum)
	} else {
		b0 = c.vlanTPIDTest()
		if hasNum {
			b1 := c.vlanVIDTest(num)
			and(b0, b1)
			b0 = b1
		}
		c.offLinkPl.constant += 4
		c.offLinkType.constant += 4
	}
	c.vlanStackDepth++
	return b0
}

// vlanWithExtensions matches the outer VLAN tag on a live Linux socket,
// where the kernel may have moved the tag out of the packet into
// metadata (SKF_AD_VLAN_TAG_PRESENT / SKF_AD_VLAN_TAG). When the tag is
// still in the packet the later offsets move by 4 at run time.
func (c *compiler) vlanWithExtensions(num uint32, hasNum bool) *block {
	b0 := newBlock(clsJMP|jmpJEQ|srcK, 1)
	b0.stmts = newStmt(clsLD|szB|modeABS, skfAdOff+skfAdVLANTagPresent)
	bTPID := c.vlanTPIDTest()
	var bVID *block
	if hasNum {
		bVID = c.vlanVIDTest(num)
	}
	// Advance the payload and type offsets when the tag is inline.
	c.isVlanVloffset = true
	var s stmt
	c.vloffsetAdd(&c.offLinkPl, 4, &s)
	c.vloffsetAdd(&c.offLinkType, 4, &s)
	appendStmts(s.next, bTPID.head.stmts)
	bTPID.head.stmts = s.next
	or(b0, bTPID)
	b0 = bTPID
	if hasNum {
		sjeq := newStmt(clsJMP|jmpJEQ|srcK, 1)
		sjeq.jf = bVID.stmts
		tci := newStmt(clsLD|szB|modeABS, skfAdOff+skfAdVLANTag)
		sjeq.jt = tci
		ja := newStmt(clsJMP|jmpJA, uint32(stmtLen(bVID.stmts)-1))
		bVID.stmts = chain(newStmt(clsLD|szB|modeABS, skfAdOff+skfAdVLANTagPresent), sjeq, tci, ja, bVID.stmts)
		and(b0, bVID)
		b0 = bVID
	}
	return b0
}

func (c *compiler) vloffsetAdd(off *absOffset, v uint32, s *stmt) {
	off.variable = true
	if off.reg == -1 {
		off.reg = c.allocReg()
	}
	appendStmts(s, chain(newStmt(clsLD|modeMEM, uint32(off.reg)), newStmt(clsALU|aluADD|srcK, v), newStmt(clsST, uint32(off.reg))))
}

// initVarOffsets prepends, to the first block, the code that computes
// the variable offsets the program uses: radio and 802.11 header
// lengths, or the offset registers VLAN extension code advances.
func (c *compiler) initVarOffsets(head *block) {
	if c.offLinkPl.reg != -1 && c.offLinkHdr.variable && c.offLinkHdr.reg == -1 {
		c.offLinkHdr.reg = c.allocReg()
	}
	var s *stmt
	switch {
	case isWLAN(c.outermostLinktype):
		s = c.headerLen80211(c.radioPrefixLen(), head.stmts)
	case c.outermostLinktype == dltPFLOG:
		s = c.pflogPrefixLen()
	}
	if s == nil && c.isVlanVloffset {
		if c.offLinkPl.reg == -1 {
			c.offLinkPl.reg = c.allocReg()
		}
		if c.offLinkType.reg == -1 {
			c.offLinkType.reg = c.allocReg()
		}
		s = chain(newStmt(clsLD|szW|modeIMM, 0), newStmt(clsST, uint32(c.offLinkPl.reg)), newStmt(clsST, uint32(c.offLinkType.reg)))
	}
	if s != nil {
		appendStmts(s, head.stmts)
		head.stmts = s
	}
}

func (c *compiler) mpls(label uint32, hasLabel bool) *block {
	var b0 *block
	if c.labelStackDepth > 0 {
		b0 = c.mcmp(orPrevMPLSHdr, 2, szB, 0, 0x01)
	} else {
		switch c.linktype {
		case dltEN10MB, dltNetAnalyzer, dltNetAnalyzerTransparent, dltCHDLC:
			b0 = c.linktypeTest(ethertypeMPLS)
		case dltPPP:
			b0 = c.linktypeTest(pppMPLSUnicast)
		default:
			fail("no MPLS support for %s", linktypeDescription(c.linktype))
		}
	}
	if hasLabel {
		if label > 0xfffff {
			fail("MPLS label %d greater than maximum %d", label, 0xfffff)
		}
		b1 := c.mcmp(orLinkPl, 0, szW, label<<12, 0xfffff000)
		and(b0, b1)
		b0 = b1
	}
	c.offNlNosnap += 4
	c.offNl += 4
	c.labelStackDepth++
	return b0
}

func (c *compiler) pppoes(sess uint32, hasSess bool) *block {
	b0 := c.linktypeTest(ethertypePPPOES)
	if hasSess {
		if sess > 0xffff {
			fail("PPPoE session number %d greater than maximum %d", sess, 0xffff)
		}
		b1 := c.mcmp(orLinkPl, 0, szW, sess, 0x0000ffff)
		and(b0, b1)
		b0 = b1
	}
	// The rest of the packet is PPP, 6 bytes past the PPPoE header.
	c.prevLinktype = c.linktype
	c.offPrevLinkHdr = c.offLinkHdr
	c.linktype = dltPPP
	c.isGeneve = false
	c.offLinkHdr = absOffset{
		constant: c.offLinkPl.constant + c.offNl + 6,
		variable: c.offLinkPl.variable,
		reg:      c.offLinkPl.reg,
	}
	c.offLinkType = c.offLinkHdr
	c.offLinkPl.constant = c.offLinkHdr.constant + 2
	c.offNl = 0
	c.offNlNosnap = 0
	return b0
}

func (c *compiler) geneveCheck(port func(uint32, int, dirQual) *block, rel offRel, vni uint32, hasVNI bool) *block {
	b0 := port(geneveport, protoUDP, dDst)
	b1 := c.mcmp(rel, 8, szB, 0, 0xc0)
	and(b0, b1)
	b0 = b1
	if hasVNI {
		if vni > 0xffffff {
			fail("Geneve VNI %d greater than maximum %d", vni, 0xffffff)
		}
		b1 = c.mcmp(rel, 12, szW, vni<<8, 0xffffff00)
		and(b0, b1)
		b0 = b1
	}
	return b0
}

func (c *compiler) geneve(vni uint32, hasVNI bool) *block {
	b0 := c.geneveCheck(c.port, orTranIPv4, vni, hasVNI)
	s := c.loadXIPHdrLen()
	appendStmts(s, newStmt(clsMISC|miscTXA, 0))
	b1 := newBlock(clsJMP|jmpJEQ|srcX, 0)
	b1.stmts = s
	and(b0, b1)
	b4 := b1

	b0 = c.geneveCheck(c.port6, orTranIPv6, vni, hasVNI)
	s = c.varPart(&c.offLinkPl)
	if s != nil {
		appendStmts(s, chain(newStmt(clsLD|modeIMM, 40), newStmt(clsALU|aluADD|srcX, 0)))
	} else {
		s = newStmt(clsLD|modeIMM, 40)
	}
	appendStmts(s, newStmt(clsMISC|miscTAX, 0))
	b1 = newBlock(clsJMP|jmpJEQ|srcX, 0)
	b1.stmts = s
	and(b0, b1)

	or(b4, b1)
	b0 = b1
	s = c.geneveOffsets()
	b1 = genTrue()
	appendStmts(s, b1.stmts)
	b1.stmts = s
	and(b0, b1)
	c.isGeneve = true
	return b1
}

// geneveOffsets computes, at run time, where the encapsulated frame and
// its payload start, and switches the compiler to those offsets.
func (c *compiler) geneveOffsets() *stmt {
	s := newStmt(clsALU|aluADD|srcK, c.offLinkPl.constant+c.offNl+8)
	appendStmts(s, chain(newStmt(clsMISC|miscTAX, 0), newStmt(clsALU|aluADD|srcK, 2)))
	c.offLinkType.reg = c.allocReg()
	c.offLinkType.variable = true
	c.offLinkType.constant = 0
	appendStmts(s, chain(
		newStmt(clsST, uint32(c.offLinkType.reg)),
		newStmt(clsLD|modeIND|szB, 0),
		newStmt(clsALU|aluAND|srcK, 0x3f),
		newStmt(clsALU|aluMUL|srcK, 4),
		newStmt(clsALU|aluADD|srcK, 8),
		newStmt(clsALU|aluADD|srcX, 0)))
	c.prevLinktype = c.linktype
	c.offPrevLinkHdr = c.offLinkHdr
	c.linktype = dltEN10MB
	c.isGeneve = false
	c.offLinkHdr = absOffset{constant: 0, variable: true, reg: c.allocReg()}
	appendStmts(s, chain(
		newStmt(clsST, uint32(c.offLinkHdr.reg)),
		newStmt(clsLD|modeIND|szH, 2),
		newStmt(clsLDX|modeMEM, uint32(c.offLinkHdr.reg))))
	c.noOptimize = true
	sProto := newStmt(clsJMP|jmpJEQ|srcK, ethertypeTEB)
	txa := newStmt(clsMISC|miscTXA, 0)
	sProto.jt = txa
	appendStmts(s, chain(sProto, txa,
		newStmt(clsALU|aluADD|srcK, 12),
		newStmt(clsST, uint32(c.offLinkType.reg)),
		newStmt(clsALU|aluADD|srcK, 2),
		newStmt(clsMISC|miscTAX, 0)))
	c.offLinkPl.reg = c.allocReg()
	c.offLinkPl.variable = true
	c.offLinkPl.constant = 0
	stx := newStmt(clsSTX, uint32(c.offLinkPl.reg))
	appendStmts(s, stx)
	sProto.jf = stx
	c.offNl = 0
	return s
}

func (c *compiler) geneveLLCheck() *block {
	b0 := newBlock(clsJMP|jmpJEQ|srcX, 0)
	b0.stmts = chain(newStmt(clsLD|modeMEM, uint32(c.offLinkHdr.reg)), newStmt(clsLDX|modeMEM, uint32(c.offLinkPl.reg)))
	not(b0)
	return b0
}

// pppMPLSUnicast is the PPP protocol number of MPLS unicast.
const pppMPLSUnicast = 0x0281

// LLC frame formats.
const (
	llcSFmt     = 1
	llcUFmt     = 3
	llcSCmdMask = 0x0f
	llcUCmdMask = 0xef
)

var llcSSubtypes = map[string]uint32{"rr": 0x01, "rnr": 0x05, "rej": 0x09}

var llcUSubtypes = map[string]uint32{
	"ui": 0x03, "ua": 0x63, "disc": 0x43, "dm": 0x0f, "sabme": 0x6f,
	"test": 0xe3, "xid": 0xaf, "frmr": 0x87,
}

// llc is "llc" optionally followed by a frame kind or subtype name.
func (c *compiler) llc(kind string) *block {
	if kind == "" {
		return c.llcTest()
	}
	switch lower(kind) {
	case "i":
		b0 := c.llcTest()
		b1 := newBlock(clsJMP|jmpJSET|srcK, 0x01)
		b1.stmts = c.loadA(orLLC, 2, szB)
		not(b1)
		and(b0, b1)
		return b1
	case "s":
		b0 := c.llcTest()
		b1 := c.mcmp(orLLC, 2, szB, llcSFmt, 0x03)
		and(b0, b1)
		return b1
	case "u":
		b0 := c.llcTest()
		b1 := c.mcmp(orLLC, 2, szB, llcUFmt, 0x03)
		and(b0, b1)
		return b1
	}
	if v, ok := llcSSubtypes[lower(kind)]; ok {
		b0 := c.llcTest()
		b1 := c.mcmp(orLLC, 2, szB, v, llcSCmdMask)
		and(b0, b1)
		return b1
	}
	if v, ok := llcUSubtypes[lower(kind)]; ok {
		b0 := c.llcTest()
		b1 := c.mcmp(orLLC, 2, szB, v, llcUCmdMask)
		and(b0, b1)
		return b1
	}
	fail("unknown LLC type name \"%s\"", kind)
	return nil
}

func lower(s string) string {
	b := []byte(s)
	for i, ch := range b {
		if ch >= 'A' && ch <= 'Z' {
			b[i] = ch + 32
		}
	}
	return string(b)
}
