package filter

// IEEE 802.11 link types: bare 802.11 headers and those behind a Prism,
// AVS, radiotap or PPI radio header. The header lengths vary per packet,
// so the payload offset is computed at run time into a register.

const (
	dltIEEE80211      = 105
	dltPrismHeader    = 119
	dltIEEE80211Radio = 127
	dltIEEE80211AVS   = 163
	dltPPI            = 192
)

// 802.11 frame control fields.
const (
	fc0TypeMask    = 0x0c
	fc0TypeMgt     = 0x00
	fc0TypeCtl     = 0x04
	fc0TypeData    = 0x08
	fc0SubtypeMask = 0xf0
	fc0SubtypeCTS  = 0xc0
	fc0SubtypeACK  = 0xd0
	fc1DirMask     = 0x03
	fc1DirDSToDS   = 0x03
)

func isWLAN(lt int) bool {
	switch lt {
	case dltIEEE80211, dltPrismHeader, dltIEEE80211Radio, dltIEEE80211AVS, dltPPI:
		return true
	}
	return false
}

// hasRadioHeader reports whether lt carries a radio header libpcap lets
// "radio[…]", "type", "subtype" and "dir" work with (PPI is excluded).
func wlanWithoutPPI(lt int) bool { return isWLAN(lt) && lt != dltPPI }

// checkDataFrame is true for 802.11 data frames.
func (c *compiler) checkDataFrame() *block {
	b0 := newBlock(clsJMP|jmpJSET|srcK, 0x08)
	b0.stmts = c.loadA(orLinkHdr, 0, szB)
	b1 := newBlock(clsJMP|jmpJSET|srcK, 0x04)
	b1.stmts = c.loadA(orLinkHdr, 0, szB)
	not(b1)
	and(b1, b0)
	return b0
}

// llcLinktype tests the protocol of an 802.2 LLC payload.
func (c *compiler) llcLinktype(proto uint32) *block {
	switch proto {
	case llcsapIP, llcsapISONS, llcsapNETBEUI:
		return c.cmp(orLLC, 0, szH, proto<<8|proto)
	case llcsapIPX:
		return c.cmp(orLLC, 0, szB, llcsapIPX)
	case ethertypeATALK:
		return c.snap(0x080007, ethertypeATALK)
	}
	if proto <= etherMTU {
		return c.cmp(orLLC, 0, szB, proto)
	}
	return c.cmp(orLLC, 6, szH, proto)
}

func (c *compiler) jset(rel offRel, off uint32, bits uint32) *block {
	b := newBlock(clsJMP|jmpJSET|srcK, bits)
	b.stmts = c.loadA(rel, off, szB)
	return b
}

// wlanHostOp matches an 802.11 address; which address fields count as
// source or destination depends on the To/From DS bits.
func (c *compiler) wlanHostOp(ea []byte, dir dirQual) *block {
	switch dir {
	case dSrc, dDst:
		// Data frames: the address field depends on To/From DS.
		var b0 *block
		if dir == dSrc {
			b1 := c.jset(orLinkHdr, 1, 0x01)
			b0 = c.bcmp(orLinkHdr, 24, ea)
			and(b1, b0)
			b2 := c.jset(orLinkHdr, 1, 0x01)
			not(b2)
			b1 = c.bcmp(orLinkHdr, 16, ea)
			and(b2, b1)
			or(b1, b0)
			b1 = c.jset(orLinkHdr, 1, 0x02)
			and(b1, b0)
			b2 = c.jset(orLinkHdr, 1, 0x02)
			not(b2)
			b1 = c.bcmp(orLinkHdr, 10, ea)
			and(b2, b1)
			or(b1, b0)
		} else {
			b1 := c.jset(orLinkHdr, 1, 0x01)
			b0 = c.bcmp(orLinkHdr, 16, ea)
			and(b1, b0)
			b2 := c.jset(orLinkHdr, 1, 0x01)
			not(b2)
			b1 = c.bcmp(orLinkHdr, 4, ea)
			and(b2, b1)
			or(b1, b0)
		}
		// Management frames carry SA at 10 and DA at 4.
		b1 := c.jset(orLinkHdr, 0, 0x08)
		and(b1, b0)
		b2 := c.jset(orLinkHdr, 0, 0x08)
		not(b2)
		off := uint32(10)
		if dir == dDst {
			off = 4
		}
		b1 = c.bcmp(orLinkHdr, off, ea)
		and(b2, b1)
		or(b1, b0)
		// Control frames have neither.
		b1 = c.jset(orLinkHdr, 0, 0x04)
		not(b1)
		and(b1, b0)
		return b0
	case dAnd, dDefault, dOr:
		b0 := c.wlanHostOp(ea, dSrc)
		b1 := c.wlanHostOp(ea, dDst)
		if dir == dAnd {
			and(b0, b1)
		} else {
			or(b0, b1)
		}
		return b1
	case dAddr1:
		return c.bcmp(orLinkHdr, 4, ea)
	case dAddr2, dTA:
		// Every frame but CTS and ACK has a transmitter address.
		b0 := c.mcmp(orLinkHdr, 0, szB, fc0TypeCtl, fc0TypeMask)
		not(b0)
		b1 := c.mcmp(orLinkHdr, 0, szB, fc0SubtypeCTS, fc0SubtypeMask)
		not(b1)
		b2 := c.mcmp(orLinkHdr, 0, szB, fc0SubtypeACK, fc0SubtypeMask)
		not(b2)
		and(b1, b2)
		or(b0, b2)
		if dir == dTA {
			b1 = c.jset(orLinkHdr, 0, 0x08)
			and(b1, b2)
		}
		b1 = c.bcmp(orLinkHdr, 10, ea)
		and(b2, b1)
		return b1
	case dAddr3:
		b0 := c.mcmp(orLinkHdr, 0, szB, fc0TypeCtl, fc0TypeMask)
		not(b0)
		b1 := c.bcmp(orLinkHdr, 16, ea)
		and(b0, b1)
		return b1
	case dAddr4:
		b0 := c.mcmp(orLinkHdr, 1, szB, fc1DirDSToDS, fc1DirMask)
		b1 := c.bcmp(orLinkHdr, 24, ea)
		and(b0, b1)
		return b1
	case dRA:
		b1 := c.jset(orLinkHdr, 0, 0x08)
		b0 := c.bcmp(orLinkHdr, 4, ea)
		and(b1, b0)
		return b0
	}
	panic("filter: bad direction qualifier")
}

// wlanMulticast tests the destination address's group bit, wherever
// the frame type puts the destination.
func (c *compiler) wlanMulticast() *block {
	mac := func(off uint32) *block {
		b := newBlock(clsJMP|jmpJSET|srcK, 1)
		b.stmts = c.loadA(orLinkHdr, off, szB)
		return b
	}
	b1 := c.jset(orLinkHdr, 1, 0x01)
	b0 := mac(16)
	and(b1, b0)
	b2 := c.jset(orLinkHdr, 1, 0x01)
	not(b2)
	b1 = mac(4)
	and(b2, b1)
	or(b1, b0)
	b1 = c.jset(orLinkHdr, 0, 0x08)
	and(b1, b0)
	b2 = c.jset(orLinkHdr, 0, 0x08)
	not(b2)
	b1 = mac(4)
	and(b2, b1)
	or(b1, b0)
	b1 = c.jset(orLinkHdr, 0, 0x04)
	not(b1)
	and(b1, b0)
	return b0
}

func (c *compiler) p80211Type(v, mask uint32) *block {
	if !wlanWithoutPPI(c.linktype) {
		fail("802.11 link-layer types supported only on 802.11")
	}
	return c.mcmp(orLinkHdr, 0, szB, v, mask)
}

func (c *compiler) p80211Dir(v uint32) *block {
	if !wlanWithoutPPI(c.linktype) {
		fail("frame direction supported only with 802.11 headers")
	}
	return c.mcmp(orLinkHdr, 1, szB, v, fc1DirMask)
}

// radioPrefixLen computes the length of the radio header into the
// link-header register (nil when no code needs it).
func (c *compiler) radioPrefixLen() *stmt {
	if c.outermostLinktype == dltPrismHeader {
		// libpcap never optimizes programs for Prism headers.
		c.noOptimize = true
	}
	if c.offLinkHdr.reg == -1 {
		return nil
	}
	reg := uint32(c.offLinkHdr.reg)
	switch c.outermostLinktype {
	case dltPrismHeader:
		// Prism, or AVS behind a Prism link type: the AVS cookie says
		// the length is at offset 4, otherwise it is 144.
		cookie := newStmt(clsJMP|jmpJEQ|srcK, 0x80211000)
		avsLen := newStmt(clsLD|szW|modeABS, 4)
		common := newStmt(clsJMP|jmpJA, 1)
		prism := newStmt(clsLD|szW|modeIMM, 144)
		st := newStmt(clsST, reg)
		cookie.jt, cookie.jf = avsLen, prism
		common.jf = st
		return chain(newStmt(clsLD|szW|modeABS, 0), newStmt(clsALU|aluAND|srcK, 0xfffff000),
			cookie, avsLen, common, prism, st, newStmt(clsMISC|miscTAX, 0))
	case dltIEEE80211AVS:
		return chain(newStmt(clsLD|szW|modeABS, 4), newStmt(clsST, reg), newStmt(clsMISC|miscTAX, 0))
	case dltIEEE80211Radio, dltPPI:
		// Little-endian 16-bit length at offset 2.
		return chain(newStmt(clsLD|szB|modeABS, 3), newStmt(clsALU|aluLSH|srcK, 8),
			newStmt(clsMISC|miscTAX, 0), newStmt(clsLD|szB|modeABS, 2),
			newStmt(clsALU|aluOR|srcX, 0), newStmt(clsST, reg), newStmt(clsMISC|miscTAX, 0))
	}
	return nil
}

// headerLen80211 computes the 802.11 header length (with QoS and
// radiotap padding) into the payload register; next is where its jumps
// continue.
func (c *compiler) headerLen80211(s, next *stmt) *stmt {
	if c.offLinkPl.reg == -1 {
		return s
	}
	c.noOptimize = true
	pl := uint32(c.offLinkPl.reg)
	if s == nil {
		s = newStmt(clsLDX|modeIMM, c.offOutermostLinkHdr.constant)
	}
	data1 := newStmt(clsJMP|jmpJSET|srcK, 0x08)
	data2 := newStmt(clsJMP|jmpJSET|srcK, 0x04)
	qos := newStmt(clsJMP|jmpJSET|srcK, 0x80)
	qosLoad := newStmt(clsLD|modeMEM, pl)
	data1.jt, data1.jf = data2, next
	data2.jt, data2.jf = next, qos
	qos.jt = qosLoad
	appendStmts(s, chain(newStmt(clsMISC|miscTXA, 0), newStmt(clsALU|aluADD|srcK, 24),
		newStmt(clsST, pl), newStmt(clsLD|modeIND|szB, 0), data1, data2, qos,
		qosLoad, newStmt(clsALU|aluADD|srcK, 2), newStmt(clsST, pl)))
	if c.linktype != dltIEEE80211Radio {
		qos.jf = next
		return s
	}
	// Radiotap: with the Flags field present and its "data pad" bit set,
	// the 802.11 header is padded to a multiple of 4.
	present := newStmt(clsLD|modeABS|szW, 4)
	flagsPresent := newStmt(clsJMP|jmpJSET|srcK, 0x02000000)
	extPresent := newStmt(clsJMP|jmpJSET|srcK, 0x00000080)
	tsftPresent := newStmt(clsJMP|jmpJSET|srcK, 0x01000000)
	flagsAfterTSFT := newStmt(clsLD|modeABS|szB, 16)
	padTSFT := newStmt(clsJMP|jmpJSET|srcK, 0x20)
	flagsNoTSFT := newStmt(clsLD|modeABS|szB, 8)
	padNoTSFT := newStmt(clsJMP|jmpJSET|srcK, 0x20)
	roundup := newStmt(clsLD|modeMEM, pl)
	qos.jf = present
	flagsPresent.jt, flagsPresent.jf = extPresent, next
	extPresent.jt, extPresent.jf = next, tsftPresent
	tsftPresent.jt, tsftPresent.jf = flagsAfterTSFT, flagsNoTSFT
	padTSFT.jt, padTSFT.jf = roundup, next
	padNoTSFT.jt, padNoTSFT.jf = roundup, next
	appendStmts(s, chain(present, flagsPresent, extPresent, tsftPresent, flagsAfterTSFT, padTSFT,
		flagsNoTSFT, padNoTSFT, roundup, newStmt(clsALU|aluADD|srcK, 3),
		newStmt(clsALU|aluAND|srcK, ^uint32(3)), newStmt(clsST, pl)))
	return s
}

// ppiDLTCheck requires the PPI header to announce an 802.11 frame.
func (c *compiler) ppiDLTCheck() *block {
	if c.linktype != dltPPI {
		return nil
	}
	b := newBlock(clsJMP|jmpJEQ|srcK, 0x69000000)
	b.stmts = newStmt(clsLD|szW|modeABS, 4)
	return b
}

// 802.11 frame type and subtype names.
var wlanTypes = []struct {
	name string
	v    uint32
}{{"data", fc0TypeData}, {"mgt", fc0TypeMgt}, {"management", fc0TypeMgt}, {"ctl", fc0TypeCtl}, {"control", fc0TypeCtl}}

type nameVal struct {
	name string
	v    uint32
}

// wlanSubtypes lists subtype names per type, in libpcap's search order.
var wlanSubtypes = []struct {
	typ   uint32
	names []nameVal
}{
	{fc0TypeMgt, []nameVal{
		{"assocreq", 0x00}, {"assoc-req", 0x00}, {"assocresp", 0x10}, {"assoc-resp", 0x10},
		{"reassocreq", 0x20}, {"reassoc-req", 0x20}, {"reassocresp", 0x30}, {"reassoc-resp", 0x30},
		{"probereq", 0x40}, {"probe-req", 0x40}, {"proberesp", 0x50}, {"probe-resp", 0x50},
		{"beacon", 0x80}, {"atim", 0x90}, {"disassoc", 0xa0}, {"disassociation", 0xa0},
		{"auth", 0xb0}, {"authentication", 0xb0}, {"deauth", 0xc0}, {"deauthentication", 0xc0}}},
	{fc0TypeCtl, []nameVal{
		{"ps-poll", 0xa0}, {"rts", 0xb0}, {"cts", 0xc0}, {"ack", 0xd0}, {"cf-end", 0xe0}, {"cf-end-ack", 0xf0}}},
	{fc0TypeData, []nameVal{
		{"data", 0x00}, {"data-cf-ack", 0x10}, {"data-cf-poll", 0x20}, {"data-cf-ack-poll", 0x30},
		{"null", 0x40}, {"cf-ack", 0x50}, {"cf-poll", 0x60}, {"cf-ack-poll", 0x70},
		{"qos-data", 0x80}, {"qos-data-cf-ack", 0x90}, {"qos-data-cf-poll", 0xa0},
		{"qos-data-cf-ack-poll", 0xb0}, {"qos", 0xc0}, {"qos-cf-poll", 0xe0}, {"qos-cf-ack-poll", 0xf0}}},
}

func lookupName(names []nameVal, s string) (uint32, bool) {
	for _, n := range names {
		if lower(s) == n.name {
			return n.v, true
		}
	}
	return 0, false
}

// p80211 parses what follows "type", "subtype" or "dir".
func (p *parser) p80211() *block {
	kw := p.cur.text
	p.advance()
	switch kw {
	case "type":
		typ := p.wlanType()
		if p.cur.kind == tOTHERKW && p.cur.text == "subtype" {
			p.advance()
			sub := p.wlanSubtype(typ)
			return p.c.p80211Type(typ|sub, fc0TypeMask|fc0SubtypeMask)
		}
		return p.c.p80211Type(typ, fc0TypeMask)
	case "subtype":
		if p.cur.kind != tID {
			p.syntax()
		}
		name := p.cur.text
		p.advance()
		for _, t := range wlanSubtypes {
			if v, ok := lookupName(t.names, name); ok {
				return p.c.p80211Type(v|t.typ, fc0TypeMask|fc0SubtypeMask)
			}
		}
		fail("unknown 802.11 type name")
	}
	// dir / direction
	switch p.cur.kind {
	case tNUM:
		return p.c.p80211Dir(p.expectNum())
	case tID:
		dirs := []nameVal{{"nods", 0}, {"tods", 1}, {"fromds", 2}, {"dstods", 3}}
		v, ok := lookupName(dirs, p.cur.text)
		if !ok {
			fail("unknown 802.11 direction")
		}
		p.advance()
		return p.c.p80211Dir(v)
	}
	p.syntax()
	return nil
}

func (p *parser) wlanType() uint32 {
	switch p.cur.kind {
	case tNUM:
		v := p.expectNum()
		if v&^fc0TypeMask != 0 {
			fail("invalid 802.11 type value 0x%02x", v)
		}
		return v
	case tID:
		name := p.cur.text
		p.advance()
		for _, t := range wlanTypes {
			if lower(name) == t.name {
				return t.v
			}
		}
		fail("unknown 802.11 type name \"%s\"", name)
	}
	p.syntax()
	return 0
}

func (p *parser) wlanSubtype(typ uint32) uint32 {
	switch p.cur.kind {
	case tNUM:
		v := p.expectNum()
		if v&^fc0SubtypeMask != 0 {
			fail("invalid 802.11 subtype value 0x%02x", v)
		}
		return v
	case tID:
		name := p.cur.text
		p.advance()
		for _, t := range wlanSubtypes {
			if t.typ == typ {
				if v, ok := lookupName(t.names, name); ok {
					return v
				}
				fail("unknown 802.11 subtype name \"%s\"", name)
			}
		}
		fail("unknown 802.11 type")
	}
	p.syntax()
	return 0
}
