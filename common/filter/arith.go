package filter

// Arithmetic expressions (proto[expr:size], len, constants, + - * / % &
// | ^ << >>, negation) and relations between them. Every value lives in
// a scratch register, as libpcap allocates them.

// arth is a computed value: the statements that store it in register
// reg, plus the protocol checks (b) the loads it contains require.
type arth struct {
	s   *stmt
	b   *block
	reg int
}

func (c *compiler) loadI(v uint32) *arth {
	reg := c.allocReg()
	return &arth{s: chain(newStmt(clsLD|modeIMM, v), newStmt(clsST, uint32(reg))), reg: reg}
}

func (c *compiler) loadLen() *arth {
	reg := c.allocReg()
	return &arth{s: chain(newStmt(clsLD|modeLEN|szW, 0), newStmt(clsST, uint32(reg))), reg: reg}
}

func xferToX(a *arth) *stmt { return newStmt(clsLDX|modeMEM, uint32(a.reg)) }
func xferToA(a *arth) *stmt { return newStmt(clsLD|modeMEM, uint32(a.reg)) }

// load is proto[inst:size].
func (c *compiler) load(proto protoQual, inst *arth, size uint32) *arth {
	regno := c.allocReg()
	c.freeReg(inst.reg)
	var sz uint16
	switch size {
	case 1:
		sz = szB
	case 2:
		sz = szH
	case 4:
		sz = szW
	default:
		fail("data size must be 1, 2, or 4")
	}
	// indexed adds the variable part of off (if any) to the index in X.
	indexed := func(off *absOffset) *stmt {
		if s := c.varPart(off); s != nil {
			appendStmts(s, chain(xferToA(inst), newStmt(clsALU|aluADD|srcX, 0), newStmt(clsMISC|miscTAX, 0)))
			return s
		}
		return xferToX(inst)
	}
	switch proto {
	case pRADIO:
		switch c.linktype {
		case dltIEEE80211AVS, dltIEEE80211Radio, dltPrismHeader:
		default:
			fail("radio information not present in capture")
		}
		s := xferToX(inst)
		appendStmts(s, newStmt(clsLD|modeIND|sz, 0))
		appendStmts(inst.s, s)
	case pLink:
		s := indexed(&c.offLinkHdr)
		appendStmts(s, newStmt(clsLD|modeIND|sz, c.offLinkHdr.constant))
		appendStmts(inst.s, s)
	case pIP, pARP, pRARP, pATALK, pDECNET, pSCA, pLAT, pMOPRC, pMOPDL, pIPV6:
		s := indexed(&c.offLinkPl)
		appendStmts(s, newStmt(clsLD|modeIND|sz, c.offLinkPl.constant+c.offNl))
		appendStmts(inst.s, s)
		b := c.protoAbbrev(proto)
		if inst.b != nil {
			and(inst.b, b)
		}
		inst.b = b
	case pSCTP, pTCP, pUDP, pICMP, pIGMP, pIGRP, pPIM, pVRRP, pCARP:
		s := c.loadXIPHdrLen()
		appendStmts(s, chain(xferToA(inst), newStmt(clsALU|aluADD|srcX, 0), newStmt(clsMISC|miscTAX, 0),
			newStmt(clsLD|modeIND|sz, c.offLinkPl.constant+c.offNl)))
		appendStmts(inst.s, s)
		b := c.ipFrag()
		and(c.protoAbbrev(proto), b)
		if inst.b != nil {
			and(inst.b, b)
		}
		and(c.protoAbbrev(pIP), b)
		inst.b = b
	case pICMPV6:
		b := c.protoAbbrev(pIPV6)
		if inst.b != nil {
			and(inst.b, b)
		}
		inst.b = b
		b = c.cmp(orLinkPl, 6, szB, protoICMPV6)
		and(inst.b, b)
		inst.b = b
		s := indexed(&c.offLinkPl)
		appendStmts(s, newStmt(clsLD|modeIND|sz, c.offLinkPl.constant+c.offNl+40))
		appendStmts(inst.s, s)
	default:
		fail("unsupported index operation")
	}
	inst.reg = regno
	appendStmts(inst.s, newStmt(clsST, uint32(regno)))
	return inst
}

// relation compares a0 with a1 (code is JEQ, JGT or JGE; reversed
// negates it, for != < <=).
func (c *compiler) relation(code uint16, a0, a1 *arth, reversed bool) *block {
	s0 := xferToX(a1)
	s1 := xferToA(a0)
	var b *block
	if code == jmpJEQ {
		appendStmts(s1, newStmt(clsALU|aluSUB|srcX, 0))
		b = newBlock(clsJMP|jmpJEQ|srcK, 0)
	} else {
		b = newBlock(clsJMP|code|srcX, 0)
	}
	if reversed {
		not(b)
	}
	appendStmts(s0, s1)
	appendStmts(a1.s, s0)
	appendStmts(a0.s, a1.s)
	b.stmts = a0.s
	c.freeReg(a0.reg)
	c.freeReg(a1.reg)
	var tmp *block
	switch {
	case a0.b != nil && a1.b != nil:
		and(a0.b, a1.b)
		tmp = a1.b
	case a0.b != nil:
		tmp = a0.b
	default:
		tmp = a1.b
	}
	if tmp != nil {
		and(tmp, b)
	}
	return b
}

func (c *compiler) neg(a *arth) *arth {
	appendStmts(a.s, chain(xferToA(a), newStmt(clsALU|aluNEG, 0), newStmt(clsST, uint32(a.reg))))
	return a
}

func (c *compiler) arith(op uint16, a0, a1 *arth) *arth {
	if a1.s.code == clsLD|modeIMM {
		switch {
		case op == aluDIV && a1.s.k == 0:
			fail("division by zero")
		case op == aluMOD && a1.s.k == 0:
			fail("modulus by zero")
		case (op == aluLSH || op == aluRSH) && a1.s.k > 31:
			fail("shift by more than 31 bits")
		}
	}
	s0 := xferToX(a1)
	s1 := xferToA(a0)
	appendStmts(s1, newStmt(clsALU|srcX|op, 0))
	appendStmts(s0, s1)
	appendStmts(a1.s, s0)
	appendStmts(a0.s, a1.s)
	c.freeReg(a0.reg)
	c.freeReg(a1.reg)
	a0.reg = c.allocReg()
	appendStmts(a0.s, newStmt(clsST, uint32(a0.reg)))
	return a0
}
