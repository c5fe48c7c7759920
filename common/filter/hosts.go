package filter

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"
)

// Address primitives: IPv4/IPv6 hosts and networks, Ethernet addresses,
// TCP/UDP/SCTP ports and port ranges, "proto" and "protochain".

func (c *compiler) hostOp(addr, mask uint32, dir dirQual, proto, srcOff, dstOff uint32) *block {
	var offset uint32
	switch dir {
	case dSrc:
		offset = srcOff
	case dDst:
		offset = dstOff
	case dAnd:
		b0 := c.hostOp(addr, mask, dSrc, proto, srcOff, dstOff)
		b1 := c.hostOp(addr, mask, dDst, proto, srcOff, dstOff)
		and(b0, b1)
		return b1
	case dDefault, dOr:
		b0 := c.hostOp(addr, mask, dSrc, proto, srcOff, dstOff)
		b1 := c.hostOp(addr, mask, dDst, proto, srcOff, dstOff)
		or(b0, b1)
		return b1
	default:
		fail("%s", wlanDirMsg(dir, "addresses other than 802.11 MAC addresses"))
	}
	b0 := c.linktypeTest(proto)
	b1 := c.mcmp(orLinkPl, offset, szW, addr, mask)
	and(b0, b1)
	return b1
}

func (c *compiler) hostOp6(addr, mask [16]byte, dir dirQual, proto, srcOff, dstOff uint32) *block {
	var offset uint32
	switch dir {
	case dSrc:
		offset = srcOff
	case dDst:
		offset = dstOff
	case dAnd:
		b0 := c.hostOp6(addr, mask, dSrc, proto, srcOff, dstOff)
		b1 := c.hostOp6(addr, mask, dDst, proto, srcOff, dstOff)
		and(b0, b1)
		return b1
	case dDefault, dOr:
		b0 := c.hostOp6(addr, mask, dSrc, proto, srcOff, dstOff)
		b1 := c.hostOp6(addr, mask, dDst, proto, srcOff, dstOff)
		or(b0, b1)
		return b1
	default:
		fail("%s", wlanDirMsg(dir, "addresses other than 802.11 MAC addresses"))
	}
	word := func(b [16]byte, i int) uint32 { return binary.BigEndian.Uint32(b[i*4:]) }
	b1 := c.mcmp(orLinkPl, offset+12, szW, word(addr, 3), word(mask, 3))
	b0 := c.mcmp(orLinkPl, offset+8, szW, word(addr, 2), word(mask, 2))
	and(b0, b1)
	b0 = c.mcmp(orLinkPl, offset+4, szW, word(addr, 1), word(mask, 1))
	and(b0, b1)
	b0 = c.mcmp(orLinkPl, offset, szW, word(addr, 0), word(mask, 0))
	and(b0, b1)
	b0 = c.linktypeTest(ethertypeIPV6)
	and(b0, b1)
	return b1
}

// hostNotImplemented lists protocol qualifiers whose host filtering
// libpcap words as "not implemented".
var hostNotImplemented = map[protoQual]string{
	pATALK: "AppleTalk", pLAT: "LAT", pSCA: "SCA", pMOPRC: "MOPRC",
	pMOPDL: "MOPDL", pAARP: "AARP", pISO: "ISO", pIPX: "IPX",
}

func (c *compiler) host(addr, mask uint32, proto protoQual, dir dirQual, kind addrQual) *block {
	typ := "host"
	if kind == aNet {
		typ = "net"
	}
	switch proto {
	case pDefault:
		b0 := c.host(addr, mask, pIP, dir, kind)
		if c.labelStackDepth == 0 {
			b1 := c.host(addr, mask, pARP, dir, kind)
			or(b0, b1)
			b0 = c.host(addr, mask, pRARP, dir, kind)
			or(b1, b0)
		}
		return b0
	case pLink:
		fail("link-layer modifier applied to %s", typ)
	case pIP:
		return c.hostOp(addr, mask, dir, ethertypeIP, 12, 16)
	case pRARP:
		return c.hostOp(addr, mask, dir, ethertypeREVARP, 14, 24)
	case pARP:
		return c.hostOp(addr, mask, dir, ethertypeARP, 14, 24)
	case pDECNET:
		return c.dnHostOp(uint16(addr), dir)
	case pIPV6:
		fail("'ip6' modifier applied to ip host")
	}
	if what, ok := hostNotImplemented[proto]; ok {
		fail("%s host filtering not implemented", what)
	}
	fail("'%s' modifier applied to %s", protoNames[proto], typ)
	return nil
}

func (c *compiler) host6(addr, mask [16]byte, proto protoQual, dir dirQual, kind addrQual) *block {
	typ := "host"
	if kind == aNet {
		typ = "net"
	}
	switch proto {
	case pDefault, pIPV6:
		return c.hostOp6(addr, mask, dir, ethertypeIPV6, 8, 24)
	case pLink:
		fail("link-layer modifier applied to ip6 %s", typ)
	case pATALK:
		fail("AppleTalk modifier applied to ip6 %s", typ)
	}
	fail("'%s' modifier applied to ip6 %s", protoNames[proto], typ)
	return nil
}

func (c *compiler) ehostOp(ea []byte, dir dirQual) *block {
	switch dir {
	case dSrc:
		return c.bcmp(orLinkHdr, 6, ea)
	case dDst:
		return c.bcmp(orLinkHdr, 0, ea)
	case dAnd:
		b0 := c.ehostOp(ea, dSrc)
		b1 := c.ehostOp(ea, dDst)
		and(b0, b1)
		return b1
	case dDefault, dOr:
		b0 := c.ehostOp(ea, dSrc)
		b1 := c.ehostOp(ea, dDst)
		or(b0, b1)
		return b1
	}
	fail("%s only supported on 802.11 with 802.11 headers", dirNames[dir])
	return nil
}

// etherHost is an Ethernet-address primitive on an Ethernet or 802.11
// link.
func (c *compiler) etherHost(ea []byte, dir dirQual) *block {
	if isWLAN(c.linktype) {
		return c.wlanHostOp(ea, dir)
	}
	if llcBased(c.linktype) {
		return c.lanHostOp(ea, dir)
	}
	if !isEthernet(c.linktype) {
		fail("ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel")
	}
	tmp := c.prevLinkHdrCheck()
	b := c.ehostOp(ea, dir)
	if tmp != nil {
		and(tmp, b)
	}
	return b
}

func (c *compiler) ipFrag() *block {
	b := newBlock(clsJMP|jmpJSET|srcK, 0x1fff)
	b.stmts = c.loadA(orLinkPl, 6, szH)
	not(b)
	return b
}

func portDirCheck(dir dirQual, what string) {
	switch dir {
	case dSrc, dDst, dAnd, dOr, dDefault:
		return
	}
	fail("%s", wlanDirMsg(dir, what))
}

// portPair builds the src/dst alternatives of a port test.
func portPair(dir dirQual, atom func(off uint32) *block) *block {
	switch dir {
	case dSrc:
		return atom(0)
	case dDst:
		return atom(2)
	case dAnd:
		tmp := atom(0)
		b1 := atom(2)
		and(tmp, b1)
		return b1
	}
	tmp := atom(0)
	b1 := atom(2)
	or(tmp, b1)
	return b1
}

func (c *compiler) portOp(port, proto uint32, dir dirQual) *block {
	tmp := c.cmp(orLinkPl, 9, szB, proto)
	b0 := c.ipFrag()
	and(tmp, b0)
	portDirCheck(dir, "ports")
	b1 := portPair(dir, func(off uint32) *block { return c.cmp(orTranIPv4, off, szH, port) })
	and(b0, b1)
	return b1
}

func (c *compiler) portOp6(port, proto uint32, dir dirQual) *block {
	b0 := c.cmp(orLinkPl, 6, szB, proto)
	portDirCheck(dir, "ports")
	b1 := portPair(dir, func(off uint32) *block { return c.cmp(orTranIPv6, off, szH, port) })
	and(b0, b1)
	return b1
}

// overProtos applies op to one transport protocol, or to tcp, udp and
// sctp in turn when none was named.
func overProtos(ipProto int, op func(proto uint32) *block) *block {
	if ipProto != protoUndef {
		return op(uint32(ipProto))
	}
	tmp := op(protoTCP)
	b1 := op(protoUDP)
	or(tmp, b1)
	tmp = op(protoSCTP)
	or(tmp, b1)
	return b1
}

func (c *compiler) port(port uint32, ipProto int, dir dirQual) *block {
	b0 := c.linktypeTest(ethertypeIP)
	b1 := overProtos(ipProto, func(p uint32) *block { return c.portOp(port, p, dir) })
	and(b0, b1)
	return b1
}

func (c *compiler) port6(port uint32, ipProto int, dir dirQual) *block {
	b0 := c.linktypeTest(ethertypeIPV6)
	b1 := overProtos(ipProto, func(p uint32) *block { return c.portOp6(port, p, dir) })
	and(b0, b1)
	return b1
}

func (c *compiler) portRangeAtom(rel offRel, off, v1, v2 uint32) *block {
	if v1 > v2 {
		v1, v2 = v2, v1
	}
	b1 := c.cmpGE(rel, off, szH, v1)
	b2 := c.cmpLE(rel, off, szH, v2)
	and(b1, b2)
	return b2
}

func (c *compiler) portRangeOp(p1, p2, proto uint32, dir dirQual) *block {
	tmp := c.cmp(orLinkPl, 9, szB, proto)
	b0 := c.ipFrag()
	and(tmp, b0)
	portDirCheck(dir, "port ranges")
	b1 := portPair(dir, func(off uint32) *block { return c.portRangeAtom(orTranIPv4, off, p1, p2) })
	and(b0, b1)
	return b1
}

func (c *compiler) portRangeOp6(p1, p2, proto uint32, dir dirQual) *block {
	b0 := c.cmp(orLinkPl, 6, szB, proto)
	portDirCheck(dir, "port ranges")
	b1 := portPair(dir, func(off uint32) *block { return c.portRangeAtom(orTranIPv6, off, p1, p2) })
	and(b0, b1)
	return b1
}

func (c *compiler) portRange(p1, p2 uint32, ipProto int, dir dirQual) *block {
	b0 := c.linktypeTest(ethertypeIP)
	b1 := overProtos(ipProto, func(p uint32) *block { return c.portRangeOp(p1, p2, p, dir) })
	and(b0, b1)
	return b1
}

func (c *compiler) portRange6(p1, p2 uint32, ipProto int, dir dirQual) *block {
	b0 := c.linktypeTest(ethertypeIPV6)
	b1 := overProtos(ipProto, func(p uint32) *block { return c.portRangeOp6(p1, p2, p, dir) })
	and(b0, b1)
	return b1
}

// protoBogus lists qualifiers for which "Q proto N" is meaningless, with
// libpcap's wording.
var protoBogus = map[protoQual]string{
	pARP: "arp does not encapsulate another protocol", pRARP: "rarp does not encapsulate another protocol",
	pATALK: "AppleTalk encapsulation is not specifiable", pDECNET: "DECNET encapsulation is not specifiable",
	pLAT: "LAT does not encapsulate another protocol", pSCA: "SCA does not encapsulate another protocol",
	pMOPRC: "MOPRC does not encapsulate another protocol", pMOPDL: "MOPDL does not encapsulate another protocol",
	pCLNP: "'clnp proto' is not supported",
}

func (c *compiler) proto(v uint32, proto protoQual, dir dirQual) *block {
	if dir != dDefault {
		fail("direction applied to 'proto'")
	}
	switch proto {
	case pDefault:
		b0 := c.proto(v, pIP, dir)
		b1 := c.proto(v, pIPV6, dir)
		or(b0, b1)
		return b1
	case pLink:
		return c.linktypeTest(v)
	case pIP:
		b0 := c.linktypeTest(ethertypeIP)
		b1 := c.cmp(orLinkPl, 9, szB, v)
		and(b0, b1)
		return b1
	case pIPV6:
		b0 := c.linktypeTest(ethertypeIPV6)
		b2 := c.cmp(orLinkPl, 6, szB, protoFRAGMENT)
		b1 := c.cmp(orLinkPl, 40, szB, v)
		and(b2, b1)
		b2 = c.cmp(orLinkPl, 6, szB, v)
		or(b2, b1)
		and(b0, b1)
		return b1
	case pISO:
		switch c.linktype {
		case dltFRELAY:
			// The NLPID follows the Q.922 address and control byte.
			return c.cmp(orLinkHdr, 2, szH, 0x03<<8|v)
		case dltCHDLC:
			b0 := c.linktypeTest(llcsapISONS<<8 | llcsapISONS)
			b1 := c.cmp(orLinkPlNosnap, 1, szB, v)
			and(b0, b1)
			return b1
		}
		b0 := c.linktypeTest(llcsapISONS)
		b1 := c.cmp(orLinkPlNosnap, 0, szB, v)
		and(b0, b1)
		return b1
	case pISIS:
		b0 := c.proto(isoISIS, pISO, dDefault)
		b1 := c.cmp(orLinkPlNosnap, 4, szB, v)
		and(b0, b1)
		return b1
	}
	if msg, ok := protoBogus[proto]; ok {
		fail("%s", msg)
	}
	fail("'%s proto' is bogus", protoNames[proto])
	return nil
}

// protochain follows the IPv4/IPv6 extension-header chain looking for
// protocol v, with a loop built from in-block jumps.
func (c *compiler) protochain(v uint32, proto protoQual) *block {
	reg2 := c.allocReg()
	switch proto {
	case pIP, pIPV6:
	case pDefault:
		b0 := c.protochain(v, pIP)
		b := c.protochain(v, pIPV6)
		or(b0, b)
		return b
	default:
		fail("bad protocol applied for 'protochain'")
	}
	if c.offLinkPl.variable {
		fail("'protochain' not supported with variable length headers")
	}
	c.noOptimize = true
	base := c.offLinkPl.constant + c.offNl
	var s []*stmt
	add := func(code uint16, k uint32) *stmt {
		st := newStmt(code, k)
		s = append(s, st)
		return st
	}
	var b0 *block
	if proto == pIP {
		b0 = c.linktypeTest(ethertypeIP)
		add(clsLD|modeABS|szB, base+9)
		add(clsLDX|modeMSH|szB, base)
	} else {
		b0 = c.linktypeTest(ethertypeIPV6)
		add(clsLD|modeABS|szB, base+6)
		add(clsLDX|modeIMM, 40)
	}
	again := len(s)
	fix5 := add(clsJMP|jmpJEQ|srcK, v)
	fix2 := add(clsJMP|jmpJEQ|srcK, protoNONE)
	fix5.jf = fix2
	var fix3 *stmt
	if proto == pIPV6 {
		var v6 []*stmt
		prev := fix2
		for _, p := range []uint32{protoHOPOPTS, protoDSTOPTS, protoROUTING, protoFRAGMENT} {
			st := add(clsJMP|jmpJEQ|srcK, p)
			prev.jf = st
			prev = st
			v6 = append(v6, st)
		}
		fix3 = prev
		advance := add(clsLD|modeIND|szB, base)
		add(clsST, uint32(reg2))
		add(clsLD|modeIND|szB, base+1)
		add(clsALU|aluADD|srcK, 1)
		add(clsALU|aluMUL|srcK, 8)
		add(clsALU|aluADD|srcX, 0)
		add(clsMISC|miscTAX, 0)
		add(clsLD|modeMEM, uint32(reg2))
		ja := add(clsJMP|jmpJA, uint32(again-len(s)-1))
		s[len(s)-2].jf = ja
		for _, st := range v6 {
			st.jt = advance
		}
	} else {
		st := add(clsALU|aluADD|srcK, 0)
		fix2.jf = st
	}
	fix4 := add(clsJMP|jmpJEQ|srcK, protoAH)
	if fix3 != nil {
		fix3.jf = fix4
	}
	txa := add(clsMISC|miscTXA, 0)
	fix4.jt = txa
	add(clsLD|modeIND|szB, base)
	st := add(clsST, uint32(reg2))
	txa2 := add(clsMISC|miscTXA, 0)
	st.jt = txa2
	add(clsALU|aluADD|srcK, 1)
	add(clsMISC|miscTAX, 0)
	add(clsLD|modeIND|szB, base)
	add(clsALU|aluADD|srcK, 2)
	add(clsALU|aluMUL|srcK, 4)
	add(clsMISC|miscTAX, 0)
	add(clsLD|modeMEM, uint32(reg2))
	add(clsJMP|jmpJA, uint32(again-len(s)-1))
	end := add(clsALU|aluADD|srcK, 0)
	fix2.jt = end
	fix4.jf = end
	fix5.jt = end
	b := newBlock(clsJMP|jmpJEQ|srcK, v)
	b.stmts = chain(s...)
	c.freeReg(reg2)
	and(b0, b)
	return b
}

func ipv6Mask(bits int) [16]byte {
	var m [16]byte
	for i := 0; i < bits/8; i++ {
		m[i] = 0xff
	}
	if bits%8 != 0 {
		m[bits/8] = byte(0xff << (8 - bits%8))
	}
	return m
}

// ncode handles numeric primitives: dotted IPv4 prefixes and bare numbers
// (s == "" means v holds a plain number).
func (c *compiler) ncode(s string, v uint32, q qual) *block {
	vlen := 32
	if s != "" && q.proto == pDECNET {
		var ok bool
		if v, ok = atodn(s); !ok {
			fail("malformed decnet address '%s'", s)
		}
	} else if s != "" {
		var ok bool
		v, vlen, ok = atoin(s)
		if !ok {
			fail("invalid IPv4 address '%s'", s)
		}
	}
	switch q.addr {
	case aDefault, aHost, aNet:
		if q.proto == pDECNET {
			return c.host(v, 0, q.proto, q.dir, q.addr)
		}
		if q.proto == pLink {
			fail("illegal link layer address")
		}
		mask := uint32(0xffffffff)
		if s == "" && q.addr == aNet {
			for v != 0 && v&0xff000000 == 0 {
				v <<= 8
				mask <<= 8
			}
		} else {
			v <<= 32 - vlen
			mask <<= 32 - vlen
		}
		return c.host(v, mask, q.proto, q.dir, q.addr)
	case aPort, aPortrange:
		word := "port"
		if q.addr == aPortrange {
			word = "portrange"
		}
		var proto int
		switch q.proto {
		case pUDP:
			proto = protoUDP
		case pTCP:
			proto = protoTCP
		case pSCTP:
			proto = protoSCTP
		case pDefault:
			proto = protoUndef
		default:
			fail("illegal qualifier of '%s'", word)
		}
		if v > 65535 {
			fail("illegal port number %d > 65535", v)
		}
		if q.addr == aPort {
			b := c.port(v, proto, q.dir)
			or(c.port6(v, proto, q.dir), b)
			return b
		}
		b := c.portRange(v, v, proto, q.dir)
		or(c.portRange6(v, v, proto, q.dir), b)
		return b
	case aGateway:
		fail("'gateway' requires a name")
	case aProto:
		return c.proto(v, q.proto, q.dir)
	case aProtochain:
		return c.protochain(v, q.proto)
	}
	fail("syntax error in filter expression")
	return nil
}

// mcode handles "a.b.c.d/len" and "a.b.c.d mask m.m.m.m".
func (c *compiler) mcode(s1, s2 string, masklen uint32, q qual) *block {
	n, nlen, ok := atoin(s1)
	if !ok {
		fail("invalid IPv4 address '%s'", s1)
	}
	n <<= 32 - nlen
	var m uint32
	if s2 != "" {
		mm, mlen, ok := atoin(s2)
		if !ok {
			fail("invalid IPv4 address '%s'", s2)
		}
		m = mm << (32 - mlen)
		if n&^m != 0 {
			fail("non-network bits set in \"%s mask %s\"", s1, s2)
		}
	} else {
		if masklen > 32 {
			fail("mask length must be <= 32")
		}
		if masklen != 0 {
			m = 0xffffffff << (32 - masklen)
		}
		if n&^m != 0 {
			fail("non-network bits set in \"%s/%d\"", s1, masklen)
		}
	}
	if q.addr != aNet {
		fail("Mask syntax for networks only")
	}
	return c.host(n, m, q.proto, q.dir, q.addr)
}

// mcode6 handles IPv6 addresses with an optional prefix length.
func (c *compiler) mcode6(s string, masklen uint32, q qual) *block {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() {
		fail("invalid ip6 address %s", s)
	}
	if masklen > 128 {
		fail("mask length must be <= 128")
	}
	addr := a.As16()
	mask := ipv6Mask(int(masklen))
	for i := range addr {
		if addr[i]&^mask[i] != 0 {
			fail("non-network bits set in \"%s/%d\"", s, masklen)
		}
	}
	switch q.addr {
	case aDefault, aHost:
		if masklen != 128 {
			fail("Mask syntax for networks only")
		}
	case aNet:
	default:
		fail("invalid qualifier against IPv6 address")
	}
	return c.host6(addr, mask, q.proto, q.dir, q.addr)
}

// ecode handles Ethernet-address primitives.
func (c *compiler) ecode(ea []byte, q qual) *block {
	if (q.addr == aHost || q.addr == aDefault) && q.proto == pLink {
		return c.etherHost(ea, q.dir)
	}
	fail("ethernet address used in non-ether expression")
	return nil
}

// atodn parses a DECnet "area.node" address.
func atodn(s string) (uint32, bool) {
	a, n, ok := strings.Cut(s, ".")
	area, err1 := strconv.Atoi(leadingInt(a))
	node, err2 := strconv.Atoi(leadingInt(n))
	if !ok || err1 != nil || err2 != nil {
		return 0, false
	}
	return uint32(area<<10)&0o176000 | uint32(node)&0o1777, true
}

// dnHostOp matches a DECnet address in the long and short routing
// headers, with and without padding.
func (c *compiler) dnHostOp(addr uint16, dir dirQual) *block {
	var offLH, offSH uint32
	switch dir {
	case dDst:
		offSH, offLH = 1, 7
	case dSrc:
		offSH, offLH = 3, 15
	case dAnd, dDefault, dOr:
		b0 := c.dnHostOp(addr, dSrc)
		b1 := c.dnHostOp(addr, dDst)
		if dir == dAnd {
			and(b0, b1)
		} else {
			or(b0, b1)
		}
		return b1
	default:
		fail("%s", wlanDirMsg(dir, "addresses other than 802.11 MAC addresses"))
	}
	swapped := uint32(addr>>8 | addr<<8)
	b0 := c.linktypeTest(ethertypeDN)
	tmp := c.mcmp(orLinkPl, 2, szH, 0x8106, 0xff07)
	b1 := c.cmp(orLinkPl, 2+1+offLH, szH, swapped)
	and(tmp, b1)
	tmp = c.mcmp(orLinkPl, 2, szB, 0x06, 0x7)
	b2 := c.cmp(orLinkPl, 2+offLH, szH, swapped)
	and(tmp, b2)
	or(b2, b1)
	tmp = c.mcmp(orLinkPl, 2, szH, 0x8102, 0xff07)
	b2 = c.cmp(orLinkPl, 2+1+offSH, szH, swapped)
	and(tmp, b2)
	or(b2, b1)
	tmp = c.mcmp(orLinkPl, 2, szB, 0x02, 0x7)
	b2 = c.cmp(orLinkPl, 2+offSH, szH, swapped)
	and(tmp, b2)
	or(b2, b1)
	and(b0, b1)
	return b1
}
