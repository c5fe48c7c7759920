package filter

// Other LAN link types: ARCnet, FDDI, Token Ring, IP over Fibre Channel,
// and the Ethernet variants (Hilscher netANALYZER).

const (
	dltARCNET                 = 7
	dltARCNETLinux            = 129
	dltNetAnalyzer            = 240
	dltNetAnalyzerTransparent = 241
	dltIEEE802                = 6
	dltFDDI                   = 10
	dltIPOverFC               = 122
)

// lanAddrs gives, for link types with plain MAC addresses, where the
// source and destination addresses are and how long they are.
var lanAddrs = map[int]struct{ src, dst, size uint32 }{
	dltARCNET: {0, 1, 1}, dltARCNETLinux: {0, 1, 1},
	dltFDDI: {7, 1, 6}, dltIEEE802: {8, 2, 6}, dltIPOverFC: {10, 2, 6},
}

// ARCnet protocol types (RFC 1051 and RFC 1201 values).
const (
	arcTypeIPOld  = 240
	arcTypeARPOld = 241
	arcTypeIP     = 212
	arcTypeARP    = 213
	arcTypeRARP   = 214
	arcTypeATalk  = 221
	arcTypeINET6  = 0xc4
)

func isARCnet(lt int) bool { return lt == dltARCNET || lt == dltARCNETLinux }

// llcBased reports whether lt's payload starts with an 802.2 LLC header.
func llcBased(lt int) bool { return lt == dltFDDI || lt == dltIEEE802 || lt == dltIPOverFC }

// lanNames is how messages name the address kind of each LAN type.
var lanNames = map[int]string{dltFDDI: "FDDI", dltIEEE802: "token ring", dltIPOverFC: "Fibre Channel"}

// isEthernet reports whether lt frames are Ethernet (possibly behind a
// capture-device header).
func isEthernet(lt int) bool {
	return lt == dltEN10MB || lt == dltNetAnalyzer || lt == dltNetAnalyzerTransparent
}

func (c *compiler) arcLinktype(proto uint32) *block {
	either := func(a, b uint32) *block {
		b0 := c.cmp(orLinkType, 0, szB, a)
		b1 := c.cmp(orLinkType, 0, szB, b)
		or(b0, b1)
		return b1
	}
	switch proto {
	case ethertypeIPV6:
		return c.cmp(orLinkType, 0, szB, arcTypeINET6)
	case ethertypeIP:
		return either(arcTypeIP, arcTypeIPOld)
	case ethertypeARP:
		return either(arcTypeARP, arcTypeARPOld)
	case ethertypeREVARP:
		return c.cmp(orLinkType, 0, szB, arcTypeRARP)
	case ethertypeATALK:
		return c.cmp(orLinkType, 0, szB, arcTypeATalk)
	}
	return genFalse()
}

// lanHostOp matches a MAC address on ARCnet, FDDI, Token Ring or
// Fibre Channel.
func (c *compiler) lanHostOp(ea []byte, dir dirQual) *block {
	at := lanAddrs[c.linktype]
	switch dir {
	case dSrc:
		return c.bcmp(orLinkHdr, at.src, ea[:at.size])
	case dDst:
		return c.bcmp(orLinkHdr, at.dst, ea[:at.size])
	case dAnd, dDefault, dOr:
		b0 := c.lanHostOp(ea, dSrc)
		b1 := c.lanHostOp(ea, dDst)
		if dir == dAnd {
			and(b0, b1)
		} else {
			or(b0, b1)
		}
		return b1
	}
	fail("%s only supported on 802.11", dirNames[dir])
	return nil
}
