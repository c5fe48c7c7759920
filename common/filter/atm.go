package filter

// ATM link types: LLC-encapsulated ATM (RFC 1483, Linux CLIP) and Sun's
// raw ATM with its VPI/VCI pseudo-header, whose "lane" primitive switches
// to the Ethernet frames of LAN emulation.

const (
	dltATMRFC1483 = 11
	dltATMCLIP    = 19
	dltSunATM     = 123

	// Sun raw ATM pseudo-header.
	sunATMVPIPos   = 1
	sunATMVCIPos   = 2
	sunATMProtoPos = 0 // protocol type in the low 4 bits
	sunATMPayload  = 4
	sunATMPTLANE   = 0x01
	sunATMPTLLC    = 0x02

	// Q.2931 signalling message types, at this offset in the payload.
	msgTypePos  = 5
	msgSetup    = 0x05
	msgCallProc = 0x02
	msgConnect  = 0x07
	msgConnAck  = 0x0f
	msgRelease  = 0x4d
	msgRelDone  = 0x5a
)

func init() {
	linkInfos[dltATMRFC1483] = linkInfo{0, 0, 8, 3}
	linkInfos[dltATMCLIP] = linkInfo{0, 0, 8, 3}
	linkInfos[dltSunATM] = linkInfo{sunATMPayload, sunATMPayload, 8, 3}
}

func (c *compiler) isATM() bool { return c.outermostLinktype == dltSunATM }

// atmField compares a pseudo-header field (vpi, vci, protocol type) or
// the signalling message type.
type atmField int

const (
	atmVPI atmField = iota
	atmVCI
	atmProtoType
	atmMsgType
)

func (c *compiler) atmFieldCode(f atmField, v uint32, jtype uint16, reverse bool) *block {
	switch f {
	case atmVPI:
		if !c.isATM() {
			fail("'vpi' supported only on raw ATM")
		}
		return c.ncmp(orLinkHdr, sunATMVPIPos, szB, 0xffffffff, jtype, reverse, v)
	case atmVCI:
		if !c.isATM() {
			fail("'vci' supported only on raw ATM")
		}
		return c.ncmp(orLinkHdr, sunATMVCIPos, szH, 0xffffffff, jtype, reverse, v)
	case atmProtoType:
		return c.ncmp(orLinkHdr, sunATMProtoPos, szB, 0x0f, jtype, reverse, v)
	}
	return c.ncmp(orLinkHdr, sunATMPayload+msgTypePos, szB, 0xffffffff, jtype, reverse, v)
}

// vpiVCI is "vpi = a and vci = b".
func (c *compiler) vpiVCI(vpi, vci uint32) *block {
	b0 := c.atmFieldCode(atmVPI, vpi, jmpJEQ, false)
	b1 := c.atmFieldCode(atmVCI, vci, jmpJEQ, false)
	and(b0, b1)
	return b1
}

// atmCircuits are the keywords naming a well-known VPI/VCI pair.
var atmCircuits = map[string]uint32{"metac": 1, "bcc": 2, "oamf4sc": 3, "oamf4ec": 4, "sc": 5, "ilmic": 16}

// atmKeyword generates the raw-ATM primitives; ok is false for words
// that are not ATM keywords.
func (c *compiler) atmKeyword(word string) (*block, bool) {
	if vci, ok := atmCircuits[word]; ok {
		if !c.isATM() {
			fail("%s", linkOnlyKeywords[word])
		}
		return c.vpiVCI(0, vci), true
	}
	switch word {
	case "lane":
		if !c.isATM() {
			fail("'lane' supported only on raw ATM")
		}
		b := c.atmFieldCode(atmProtoType, sunATMPTLANE, jmpJEQ, false)
		// LAN emulation frames are Ethernet, 2 bytes into the payload.
		c.prevLinktype = c.linktype
		c.offPrevLinkHdr = c.offLinkHdr
		c.linktype = dltEN10MB
		c.offLinkHdr = absOffset{constant: sunATMPayload + 2, reg: -1}
		c.isGeneve = false
		c.offLinkType.constant = c.offLinkHdr.constant + 12
		c.offLinkPl.constant = c.offLinkHdr.constant + 14
		c.offNl, c.offNlNosnap = 0, 3
		return b, true
	case "oam", "oamf4":
		if !c.isATM() {
			fail("%s", linkOnlyKeywords[word])
		}
		b0 := c.atmFieldCode(atmVCI, 3, jmpJEQ, false)
		b1 := c.atmFieldCode(atmVCI, 4, jmpJEQ, false)
		or(b0, b1)
		b0 = c.atmFieldCode(atmVPI, 0, jmpJEQ, false)
		and(b0, b1)
		return b1, true
	case "connectmsg", "metaconnect":
		if !c.isATM() {
			fail("%s", linkOnlyKeywords[word])
		}
		msgs := []uint32{msgSetup, msgCallProc, msgConnect, msgConnAck, msgRelease, msgRelDone}
		if word == "metaconnect" {
			msgs = []uint32{msgSetup, msgCallProc, msgConnect, msgRelease, msgRelDone}
		}
		b1 := c.atmFieldCode(atmMsgType, msgs[0], jmpJEQ, false)
		b1, b0 := c.atmFieldCode(atmMsgType, msgs[1], jmpJEQ, false), b1
		or(b0, b1)
		for _, m := range msgs[2:] {
			b0 = c.atmFieldCode(atmMsgType, m, jmpJEQ, false)
			or(b0, b1)
		}
		if word == "connectmsg" {
			b0 = c.vpiVCI(0, 5)
		} else {
			b0 = c.vpiVCI(0, 1)
		}
		and(b0, b1)
		return b1, true
	}
	return nil, false
}

// fieldValue parses what follows a field keyword (vpi, vci, sio, opc…):
// a number, a comparison, or a parenthesised list of numbers joined by
// "or"; gen makes each comparison.
func (p *parser) fieldValue(gen func(v uint32, jtype uint16, reverse bool) *block) *block {
	if code, rev, ok := p.relop(); ok {
		p.advance()
		return gen(p.expectNum(), code, rev)
	}
	if p.isPunct('(') {
		p.advance()
		b := gen(p.expectNum(), jmpJEQ, false)
		for p.cur.kind == tOR {
			p.advance()
			b2 := gen(p.expectNum(), jmpJEQ, false)
			or(b, b2)
			b = b2
		}
		p.expectPunct(')')
		return b
	}
	return gen(p.expectNum(), jmpJEQ, false)
}
