package filter

// ARCnet and the Ethernet variants (Hilscher netANALYZER) link types.

const (
	dltARCNET                 = 7
	dltARCNETLinux            = 129
	dltNetAnalyzer            = 240
	dltNetAnalyzerTransparent = 241
)

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

// arcHostOp matches a one-byte ARCnet address.
func (c *compiler) arcHostOp(ea []byte, dir dirQual) *block {
	switch dir {
	case dSrc:
		return c.bcmp(orLinkHdr, 0, ea[:1])
	case dDst:
		return c.bcmp(orLinkHdr, 1, ea[:1])
	case dAnd, dDefault, dOr:
		b0 := c.arcHostOp(ea, dSrc)
		b1 := c.arcHostOp(ea, dDst)
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
