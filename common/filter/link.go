package filter

import (
	"fmt"

	"github.com/goclues/goclues/common/capture"
)

// Link-layer type tests: "is the payload of this frame protocol P", for
// each supported link type, as libpcap's gen_linktype builds them.

func (c *compiler) linktypeTest(proto uint32) *block {
	if c.labelStackDepth > 0 {
		return c.mplsLinktype(proto)
	}
	if name, ok := noFilteringNames[capture.LinkTypeName(c.linktype)]; ok {
		fail("%s link-layer type filtering not implemented", name)
	}
	if c.noLinkFiltering {
		fail("%s link-layer type filtering not implemented", linktypeDescription(c.linktype))
	}
	if isJuniper(c.linktype) {
		return c.juniperMagic()
	}
	if llcBased(c.linktype) || c.linktype == dltATMRFC1483 || c.linktype == dltATMCLIP {
		return c.llcLinktype(proto)
	}
	if c.linktype == dltSunATM {
		b0 := c.atmFieldCode(atmProtoType, sunATMPTLLC, jmpJEQ, false)
		b1 := c.llcLinktype(proto)
		and(b0, b1)
		return b1
	}
	if isWLAN(c.linktype) {
		b0 := c.checkDataFrame()
		b1 := c.llcLinktype(proto)
		and(b0, b1)
		return b1
	}
	switch c.linktype {
	case dltEN10MB, dltNetAnalyzer, dltNetAnalyzerTransparent:
		var b0 *block
		if !c.isGeneve {
			b0 = c.prevLinkHdrCheck()
		}
		b1 := c.etherLinktype(proto)
		if b0 != nil {
			and(b0, b1)
		}
		return b1
	case dltLINUXSLL:
		return c.sllLinktype(proto)
	case dltPPP, dltPPPPPPD, dltPPPSerial, dltPPPEther:
		if v, ok := pppTypes[proto]; ok {
			proto = v
		}
		return c.cmp(orLinkType, 0, szH, proto)
	case dltPPPBSDOS:
		if proto == ethertypeIP {
			b0 := c.cmp(orLinkType, 0, szH, pppIP)
			b1 := c.cmp(orLinkType, 0, szH, pppVJC)
			or(b0, b1)
			b0 = c.cmp(orLinkType, 0, szH, pppVJNC)
			or(b1, b0)
			return b0
		}
		if v, ok := pppTypes[proto]; ok {
			proto = v
		}
		return c.cmp(orLinkType, 0, szH, proto)
	case dltIPNET:
		return c.ipnetLinktype(proto)
	case dltPFLOG:
		return c.pflogLinktype(proto)
	case dltARCNET, dltARCNETLinux:
		return c.arcLinktype(proto)
	case dltCHDLC:
		if proto == llcsapISONS {
			proto = proto<<8 | llcsapISONS
		}
		return c.cmp(orLinkType, 0, szH, proto)
	case dltFRELAY:
		switch proto {
		case ethertypeIP:
			return c.cmp(orLinkHdr, 2, szH, 0x03<<8|0xcc)
		case ethertypeIPV6:
			return c.cmp(orLinkHdr, 2, szH, 0x03<<8|0x8e)
		case llcsapISONS:
			b0 := c.cmp(orLinkHdr, 2, szH, 0x03<<8|isoCLNP)
			b1 := c.cmp(orLinkHdr, 2, szH, 0x03<<8|isoESIS)
			b2 := c.cmp(orLinkHdr, 2, szH, 0x03<<8|isoISIS)
			or(b1, b2)
			or(b0, b2)
			return b2
		}
		return genFalse()
	case dltRAW, dltSLIP, dltSLIPBSDOS:
		switch proto {
		case ethertypeIP:
			return c.mcmp(orLinkHdr, 0, szB, 0x40, 0xf0)
		case ethertypeIPV6:
			return c.mcmp(orLinkHdr, 0, szB, 0x60, 0xf0)
		}
		return genFalse()
	case dltIPV4:
		if proto == ethertypeIP {
			return genTrue()
		}
		return genFalse()
	case dltIPV6:
		if proto == ethertypeIPV6 {
			return genTrue()
		}
		return genFalse()
	case dltNULL, dltLOOP, dltENC:
		switch proto {
		case ethertypeIP:
			return c.loopbackLinktype(2)
		case ethertypeIPV6:
			if c.readingFile {
				// BSD, FreeBSD and Darwin values of AF_INET6.
				b0 := c.loopbackLinktype(24)
				b1 := c.loopbackLinktype(28)
				or(b0, b1)
				b0 = c.loopbackLinktype(30)
				or(b0, b1)
				return b1
			}
			return c.loopbackLinktype(10)
		}
		return genFalse()
	case dltLTALK:
		if proto == ethertypeATALK {
			return genTrue()
		}
		return genFalse()
	case dltBACnetMSTP:
		// Only the MS/TP preamble can be checked.
		return c.mcmp(orLinkHdr, 0, szW, 0x55ff0000, 0xffff0000)
	}
	// LINUX_SLL2 and others with a plain 16-bit protocol field.
	if c.offLinkType.constant == offsetNotSet {
		fail("%s link-layer type filtering not implemented", linktypeDescription(c.linktype))
	}
	return c.cmp(orLinkType, 0, szH, proto)
}

// noFilteringNames are the short names libpcap uses when it refuses
// protocol tests on a link type, keyed by DLT name.
var noFilteringNames = map[string]string{
	"MFR": "Multi-link Frame Relay", "LINUX_IRDA": "IrDA", "DOCSIS": "DOCSIS",
	"MTP2": "MTP2", "MTP2_WITH_PHDR": "MTP2", "ERF": "ERF", "PFSYNC": "PFSYNC",
	"LINUX_LAPD": "LAPD", "USB_FREEBSD": "USB", "USB_LINUX": "USB",
	"USB_LINUX_MMAPPED": "USB", "USBPCAP": "USB", "BLUETOOTH_HCI_H4": "Bluetooth",
	"BLUETOOTH_HCI_H4_WITH_PHDR": "Bluetooth", "CAN20B": "CAN", "CAN_SOCKETCAN": "CAN",
	"IEEE802_15_4": "IEEE 802.15.4", "IEEE802_15_4_LINUX": "IEEE 802.15.4",
	"IEEE802_15_4_NONASK_PHY": "IEEE 802.15.4", "IEEE802_15_4_NOFCS": "IEEE 802.15.4",
	"IEEE802_15_4_TAP": "IEEE 802.15.4", "IEEE802_16_MAC_CPS_RADIO": "IEEE 802.16",
	"SITA": "SITA", "RAIF1": "RAIF1", "IPMB_KONTRON": "IPMB", "IPMB_LINUX": "IPMB",
	"AX25_KISS": "AX.25", "NFLOG": "NFLOG",
}

// PPP protocol numbers of IP and Van Jacobson compressed TCP/IP.
const (
	pppIP   = 0x0021
	pppVJC  = 0x002d
	pppVJNC = 0x002f
)

// pppTypes maps Ethernet types to PPP protocol numbers.
var pppTypes = map[uint32]uint32{
	ethertypeIP: 0x0021, ethertypeIPV6: 0x0057, ethertypeDN: 0x0027,
	ethertypeATALK: 0x0029, 0x0600: 0x0025, llcsapISONS: 0x0023,
	llcsap8021D: 0x0031, llcsapIPX: 0x002b,
}

func (c *compiler) loopbackLinktype(af uint32) *block {
	if (c.linktype == dltNULL || c.linktype == dltENC) && !c.swappedFile {
		// DLT_NULL carries the family in the capturing host's byte
		// order: little-endian here, unless the savefile says
		// otherwise.
		af = af>>24 | af>>8&0xff00 | af<<8&0xff0000 | af<<24
	}
	return c.cmp(orLinkHdr, 0, szW, af)
}

func (c *compiler) notGT1500() *block {
	b := c.cmpGT(orLinkType, 0, szH, etherMTU)
	not(b)
	return b
}

func (c *compiler) etherLinktype(proto uint32) *block {
	switch proto {
	case llcsapISONS, llcsapIP, llcsapNETBEUI:
		b0 := c.notGT1500()
		b1 := c.cmp(orLLC, 0, szH, proto<<8|proto)
		and(b0, b1)
		return b1
	case llcsapIPX:
		b0 := c.cmp(orLLC, 0, szB, llcsapIPX)
		b1 := c.cmp(orLLC, 0, szH, 0xffff)
		or(b0, b1)
		b0 = c.snap(0x000000, ethertypeIPX)
		or(b0, b1)
		b0 = c.notGT1500()
		and(b0, b1)
		b0 = c.cmp(orLinkType, 0, szH, ethertypeIPX)
		or(b0, b1)
		return b1
	case ethertypeATALK, ethertypeAARP:
		b0 := c.notGT1500()
		var b1 *block
		if proto == ethertypeATALK {
			b1 = c.snap(0x080007, ethertypeATALK)
		} else {
			b1 = c.snap(0x000000, ethertypeAARP)
		}
		and(b0, b1)
		b0 = c.cmp(orLinkType, 0, szH, proto)
		or(b0, b1)
		return b1
	}
	if proto <= etherMTU {
		b0 := c.notGT1500()
		b1 := c.cmp(orLinkType, 2, szB, proto)
		and(b0, b1)
		return b1
	}
	return c.cmp(orLinkType, 0, szH, proto)
}

func (c *compiler) sllLinktype(proto uint32) *block {
	switch proto {
	case llcsapISONS, llcsapIP, llcsapNETBEUI:
		b0 := c.cmp(orLinkType, 0, szH, linuxSLLP8022)
		b1 := c.cmp(orLLC, 0, szH, proto<<8|proto)
		and(b0, b1)
		return b1
	case llcsapIPX:
		b0 := c.cmp(orLLC, 0, szB, llcsapIPX)
		b1 := c.snap(0x000000, ethertypeIPX)
		or(b0, b1)
		b0 = c.cmp(orLinkType, 0, szH, linuxSLLP8022)
		and(b0, b1)
		b0 = c.cmp(orLinkType, 0, szH, linuxSLLP8023)
		or(b0, b1)
		b0 = c.cmp(orLinkType, 0, szH, ethertypeIPX)
		or(b0, b1)
		return b1
	case ethertypeATALK, ethertypeAARP:
		b0 := c.cmp(orLinkType, 0, szH, linuxSLLP8022)
		var b1 *block
		if proto == ethertypeATALK {
			b1 = c.snap(0x080007, ethertypeATALK)
		} else {
			b1 = c.snap(0x000000, ethertypeAARP)
		}
		and(b0, b1)
		b0 = c.cmp(orLinkType, 0, szH, proto)
		or(b0, b1)
		return b1
	}
	if proto <= etherMTU {
		b0 := c.cmp(orLinkType, 0, szH, linuxSLLP8022)
		b1 := c.cmp(orLinkHdr, c.offLinkPl.constant, szB, proto)
		and(b0, b1)
		return b1
	}
	return c.cmp(orLinkType, 0, szH, proto)
}

func (c *compiler) snap(orgcode, ptype uint32) *block {
	v := []byte{llcsapSNAP, llcsapSNAP, 0x03,
		byte(orgcode >> 16), byte(orgcode >> 8), byte(orgcode),
		byte(ptype >> 8), byte(ptype)}
	return c.bcmp(orLLC, 0, v)
}

// prevLinkHdrCheck is only non-nil inside an encapsulation: a Geneve
// frame, or LAN emulation over raw ATM (whose frames must not be LE
// control frames, marked 0xff00).
func (c *compiler) prevLinkHdrCheck() *block {
	if c.isGeneve {
		return c.geneveLLCheck()
	}
	if c.prevLinktype == dltSunATM {
		b := c.cmp(orPrevLinkHdr, sunATMPayload, szH, 0xff00)
		not(b)
		return b
	}
	return nil
}

func (c *compiler) mplsLinktype(proto uint32) *block {
	var v uint32
	switch proto {
	case ethertypeIP:
		v = 0x40
	case ethertypeIPV6:
		v = 0x60
	default:
		fail("unsupported protocol over mpls")
	}
	b0 := c.mcmp(orLinkPl, 0xfffffffe, szB, 0x01, 0x01)
	b1 := c.mcmp(orLinkPl, 0, szB, v, 0xf0)
	and(b0, b1)
	return b1
}

// llcTest is libpcap's gen_llc_internal.
func (c *compiler) llcTest() *block {
	if isWLAN(c.linktype) {
		return c.checkDataFrame()
	}
	switch c.linktype {
	case dltFDDI, dltIEEE802, dltATMRFC1483:
		return genTrue()
	case dltSunATM:
		b := c.atmFieldCode(atmProtoType, sunATMPTLLC, jmpJEQ, false)
		c.linktype = c.prevLinktype
		return b
	}
	if c.linktype != dltEN10MB {
		fail("'llc' not supported for %s", linktypeDescription(c.linktype))
	}
	b0 := c.notGT1500()
	b1 := c.cmp(orLLC, 0, szH, 0xffff)
	not(b1)
	and(b0, b1)
	return b1
}

func linktypeDescription(lt int) string {
	if d := capture.LinkTypeDescription(lt); d != "" {
		return d
	}
	return fmt.Sprintf("DLT %d", lt)
}
