package dissect

// Multipath TCP options (RFC 6824, RFC 8684), printed inside the TCP
// options list as tcpdump's print-mptcp.c does.

// mptcpSubtypes are the MPTCP option subtypes by number; larger numbers
// are all "unknown".
var mptcpSubtypes = []struct {
	name  string
	print func(nd *ND, opt []byte, optLen uint32, flags uint8) bool
}{
	{"capable", mptcpCapablePrint},
	{"join", mptcpJoinPrint},
	{"dss", mptcpDSSPrint},
	{"add-addr", mptcpAddAddrPrint},
	{"rem-addr", mptcpRemoveAddrPrint},
	{"prio", mptcpPrioPrint},
	{"fail", mptcpFailPrint},
	{"fast-close", mptcpFastClosePrint},
	{"unknown", func(*ND, []byte, uint32, uint8) bool { return true }},
}

// mptcpAddrVersions names the low bits of ADD_ADDR's subtype byte.
var mptcpAddrVersions = []tok{
	{0x6, "v0-ip6"},
	{0x4, "v0-ip4"},
	{0x1, "v1-echo"},
	{0x0, "v1"},
}

// mptcpPrint prints one MPTCP option; opt holds the whole option from
// its kind byte on. It reports false when the option is malformed (the
// TCP printer then prints "[bad opt]"). Like tcpdump it leaves "mptcp" as
// the protocol named by later truncation markers.
func mptcpPrint(nd *ND, opt []byte, optLen uint32, flags uint8) bool {
	nd.SetProto("mptcp")
	if optLen < 3 {
		return false
	}
	subtype := int(getU8(opt, 2) >> 4)
	if subtype >= len(mptcpSubtypes) {
		subtype = len(mptcpSubtypes) - 1
	}
	nd.PrintByte(' ')
	nd.PrintUint(uint64(optLen))
	nd.PrintByte(' ')
	nd.Print(mptcpSubtypes[subtype].name)
	return mptcpSubtypes[subtype].print(nd, opt, optLen, flags)
}

func mptcpCapablePrint(nd *ND, opt []byte, optLen uint32, flags uint8) bool {
	if !((optLen == 12 || optLen == 4) && flags&tcpSYN != 0) &&
		!((optLen == 20 || optLen == 22) && flags&(tcpSYN|tcpACK) == tcpACK) {
		return false
	}
	version := getU8(opt, 2) & 0xf
	if version > 1 {
		nd.Print(" Unknown Version (")
		nd.PrintUint(uint64(version))
		nd.PrintByte(')')
		return true
	}
	nd.Print(" v")
	nd.PrintUint(uint64(version))
	if getU8(opt, 3)&0x80 != 0 {
		nd.Print(" csum")
	}
	if optLen == 12 || optLen >= 20 {
		nd.Print(" {0x")
		nd.PrintHex(getBE64(opt, 4), 0)
		if optLen >= 20 {
			nd.Print(",0x")
			nd.PrintHex(getBE64(opt, 12), 0)
		}
		nd.PrintByte('}')
	}
	return true
}

func mptcpJoinPrint(nd *ND, opt []byte, optLen uint32, flags uint8) bool {
	if !(optLen == 12 && flags&tcpSYN != 0) &&
		!(optLen == 16 && flags&(tcpSYN|tcpACK) == tcpSYN|tcpACK) &&
		!(optLen == 24 && flags&tcpACK != 0) {
		return false
	}
	if optLen != 24 {
		if getU8(opt, 2)&0x01 != 0 {
			nd.Print(" backup")
		}
		nd.Print(" id ")
		nd.PrintUint(uint64(getU8(opt, 3)))
	}
	switch optLen {
	case 12:
		nd.Print(" token 0x")
		nd.PrintHex(uint64(getBE32(opt, 4)), 0)
		nd.Print(" nonce 0x")
		nd.PrintHex(uint64(getBE32(opt, 8)), 0)
	case 16:
		nd.Print(" hmac 0x")
		nd.PrintHex(getBE64(opt, 4), 0)
		nd.Print(" nonce 0x")
		nd.PrintHex(uint64(getBE32(opt, 12)), 0)
	case 24:
		nd.Print(" hmac 0x")
		for i := 4; i < 24; i++ {
			nd.PrintHex(uint64(getU8(opt, i)), 2)
		}
	}
	return true
}

// DSS flag bits.
const (
	mptcpDSSFin     = 0x10
	mptcpDSSSeq8    = 0x08
	mptcpDSSSeq     = 0x04
	mptcpDSSAck8    = 0x02
	mptcpDSSAckPres = 0x01
)

func mptcpDSSPrint(nd *ND, opt []byte, optLen uint32, flags uint8) bool {
	if optLen < 4 || flags&tcpSYN != 0 {
		return false
	}
	dssFlags := getU8(opt, 3)
	if dssFlags&mptcpDSSFin != 0 {
		nd.Print(" fin")
	}
	off := 4
	left := optLen - 4
	// number prints a 4- or 8-byte field and moves past it.
	number := func(wide bool) bool {
		if wide {
			if left < 8 {
				return false
			}
			nd.PrintUint(getBE64(opt, off))
			off += 8
			left -= 8
			return true
		}
		if left < 4 {
			return false
		}
		nd.PrintUint(uint64(getBE32(opt, off)))
		off += 4
		left -= 4
		return true
	}
	if dssFlags&mptcpDSSAckPres != 0 {
		nd.Print(" ack ")
		if !number(dssFlags&mptcpDSSAck8 != 0) {
			return false
		}
	}
	if dssFlags&mptcpDSSSeq != 0 {
		nd.Print(" seq ")
		if !number(dssFlags&mptcpDSSSeq8 != 0) {
			return false
		}
		if left < 4 {
			return false
		}
		nd.Print(" subseq ")
		nd.PrintUint(uint64(getBE32(opt, off)))
		off += 4
		left -= 4
		if left < 2 {
			return false
		}
		nd.Print(" len ")
		nd.PrintUint(uint64(getBE16(opt, off)))
		off += 2
		left -= 2
		if left >= 2 {
			nd.Print(" csum 0x")
			nd.PrintHex(uint64(getBE16(opt, off)), 0)
			left -= 2
		}
	}
	return left == 0
}

func mptcpAddAddrPrint(nd *ND, opt []byte, optLen uint32, _ uint8) bool {
	switch optLen {
	case 8, 10, 16, 18, 20, 22, 28, 30:
	default:
		return false
	}
	nd.PrintByte(' ')
	nd.Print(tok2strNoAlloc(mptcpAddrVersions, "[bad version/echo]", uint32(getU8(opt, 2)&0xf)))
	nd.Print(" id ")
	nd.PrintUint(uint64(getU8(opt, 3)))
	switch optLen {
	case 8, 10, 16, 18:
		nd.PrintByte(' ')
		nd.PrintIPAddr(opt, 4)
		mptcpAddAddrTail(nd, opt, optLen, 8)
	default:
		nd.PrintByte(' ')
		nd.PrintIP6Addr(opt, 4)
		mptcpAddAddrTail(nd, opt, optLen, 20)
	}
	return true
}

// mptcpAddAddrTail prints what may follow the address that ends at
// offset end of an ADD_ADDR option of length optLen: a 2-byte port, an
// 8-byte truncated HMAC, or both.
func mptcpAddAddrTail(nd *ND, opt []byte, optLen uint32, end int) {
	port, hmac := uint32(end)+2, uint32(end)+8
	if optLen == port || optLen == port+8 {
		nd.PrintByte(':')
		nd.PrintUint(uint64(getBE16(opt, end)))
		end += 2
	}
	if optLen == hmac || optLen == hmac+2 {
		nd.Print(" hmac 0x")
		nd.PrintHex(getBE64(opt, end), 0)
	}
}

func mptcpRemoveAddrPrint(nd *ND, opt []byte, optLen uint32, _ uint8) bool {
	if optLen < 4 {
		return false
	}
	nd.Print(" id")
	for i := 0; i < int(optLen-3); i++ {
		nd.PrintByte(' ')
		nd.PrintUint(uint64(getU8(opt, 3+i)))
	}
	return true
}

func mptcpPrioPrint(nd *ND, opt []byte, optLen uint32, _ uint8) bool {
	if optLen != 3 && optLen != 4 {
		return false
	}
	if getU8(opt, 2)&0x01 != 0 {
		nd.Print(" backup")
	} else {
		nd.Print(" non-backup")
	}
	if optLen == 4 {
		nd.Print(" id ")
		nd.PrintUint(uint64(getU8(opt, 3)))
	}
	return true
}

func mptcpFailPrint(nd *ND, opt []byte, optLen uint32, _ uint8) bool {
	if optLen != 12 {
		return false
	}
	nd.Print(" seq ")
	nd.PrintUint(getBE64(opt, 4))
	return true
}

func mptcpFastClosePrint(nd *ND, opt []byte, optLen uint32, _ uint8) bool {
	if optLen != 12 {
		return false
	}
	nd.Print(" key 0x")
	nd.PrintHex(getBE64(opt, 4), 0)
	return true
}
