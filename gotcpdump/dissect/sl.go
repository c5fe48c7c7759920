package dissect

import "github.com/goclues/goclues/common/capture"

// SLIP (tcpdump's print-sl.c): the 16-byte pseudo-header BPF puts before
// each packet (direction and, for Van Jacobson compressed TCP, the
// compressed header), then the IP datagram.

func init() {
	registerLinkType(dltSLIP, slIfPrint)
	registerLinkType(dltSLIPBSDOS, slBSDOSIfPrint)
}

const (
	dltSLIP      = 8
	dltSLIPBSDOS = 15

	slipHdrLen = 16

	// Packet types in the high bits of the compressed-header byte
	// (RFC 1144).
	slipTypeIP              = 0x40
	slipTypeUncompressedTCP = 0x70
	slipTypeCompressedTCP   = 0x80

	// What changed, in the flags of a compressed TCP header.
	slipNewC        = 0x40
	slipNewI        = 0x20
	slipNewS        = 0x08
	slipNewA        = 0x04
	slipNewW        = 0x02
	slipNewU        = 0x01
	slipSpecialI    = slipNewS | slipNewW | slipNewU
	slipSpecialD    = slipNewS | slipNewA | slipNewW | slipNewU
	slipSpecialMask = slipNewS | slipNewA | slipNewW | slipNewU
)

// slipState is what -e remembers across SLIP packets to print the data
// lengths of compressed TCP headers: the last connection number and the
// last data length per direction and connection.
type slipState struct {
	lastConn uint8
	lastLen  [2][256]uint32
}

func slIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("slip")
	tcheck(b, 0, slipHdrLen)
	nd.llHdrLen += slipHdrLen
	length := int(p.Len) - slipHdrLen
	ip := b[slipHdrLen:]
	if nd.LinkHeader {
		sliplinkPrint(nd, b, ip, length)
	}
	switch v := getU8(ip, 0) >> 4; v {
	case 4:
		ipPrint(nd, ip, length)
	case 6:
		ip6Print(nd, ip, length)
	default:
		nd.Print("ip v")
		nd.PrintUint(uint64(v))
	}
}

func slBSDOSIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("slip_bsdos")
	tcheck(b, 0, slipHdrLen)
	nd.llHdrLen += slipHdrLen
	ipPrint(nd, b[slipHdrLen:], int(p.Len)-slipHdrLen)
}

// sliplinkPrint prints the -e part: the direction and the kind of
// packet, with the compressed TCP header decoded.
func sliplinkPrint(nd *ND, b, ip []byte, length int) {
	st := &nd.slip
	dir := int(getU8(b, 0))
	switch dir {
	case 0:
		nd.Print("I ")
	case 1:
		nd.Print("O ")
	default:
		nd.Printf("Invalid direction %d ", dir)
		dir = -1
	}
	chdr := getU8(b, 1)
	switch chdr & 0xf0 {
	case slipTypeIP:
		nd.Printf("ip %d: ", length+slipHdrLen)
	case slipTypeUncompressedTCP:
		// The connection number travels in the IP protocol field of
		// the header copy.
		st.lastConn = getU8(b, 1+9)
		nd.Printf("utcp %d: ", st.lastConn)
		if dir < 0 {
			return
		}
		st.lastLen[dir][st.lastConn] = uint32(length) - slipTCPHdrLen(ip)
	default:
		if dir < 0 {
			return
		}
		if chdr&slipTypeCompressedTCP == 0 {
			nd.Printf("slip-%d!: ", chdr)
			return
		}
		compressedSLPrint(nd, b[1:], ip, length, dir)
		nd.Print(": ")
	}
}

// slipTCPHdrLen returns the length of the IP and TCP headers at ip.
func slipTCPHdrLen(ip []byte) uint32 {
	tcheck(ip, 0, 20)
	hlen := int(getU8(ip, 0)&0x0f) * 4
	tcheck(ip, hlen, 20)
	return uint32(hlen + int(getU8(ip, hlen+12)>>4)*4)
}

// compressedSLPrint prints a Van Jacobson compressed TCP header.
func compressedSLPrint(nd *ND, chdr, ip []byte, length, dir int) {
	st := &nd.slip
	flags := getU8(chdr, 0)
	cp := 1
	if flags&slipNewC != 0 {
		st.lastConn = getU8(chdr, cp)
		cp++
		nd.Printf("ctcp %d", st.lastConn)
	} else {
		nd.Print("ctcp *")
	}
	cp += 2 // the TCP checksum

	switch flags & slipSpecialMask {
	case slipSpecialI:
		nd.Printf(" *SA+%d", st.lastLen[dir][st.lastConn])
	case slipSpecialD:
		nd.Printf(" *S+%d", st.lastLen[dir][st.lastConn])
	default:
		if flags&slipNewU != 0 {
			cp = slipChangePrint(nd, "U=", chdr, cp)
		}
		if flags&slipNewW != 0 {
			cp = slipWinChangePrint(nd, chdr, cp)
		}
		if flags&slipNewA != 0 {
			cp = slipChangePrint(nd, "A+", chdr, cp)
		}
		if flags&slipNewS != 0 {
			cp = slipChangePrint(nd, "S+", chdr, cp)
		}
	}
	if flags&slipNewI != 0 {
		cp = slipChangePrint(nd, "I+", chdr, cp)
	}
	st.lastLen[dir][st.lastConn] = uint32(length) - slipTCPHdrLen(ip)
	nd.Printf(" %d (%d)", st.lastLen[dir][st.lastConn], cp)
}

// slipDelta reads a changed field: one byte, or a zero byte and two.
// Like tcpdump 4.99.3 it does not step over a one-byte field, so the
// next field is read from the same byte.
func slipDelta(b []byte, cp int) (uint16, int) {
	if v := getU8(b, cp); v != 0 {
		return uint16(v), cp
	}
	return getBE16(b, cp+1), cp + 3
}

func slipChangePrint(nd *ND, label string, b []byte, cp int) int {
	v, next := slipDelta(b, cp)
	nd.Printf(" %s%d", label, v)
	return next
}

func slipWinChangePrint(nd *ND, b []byte, cp int) int {
	v, next := slipDelta(b, cp)
	if w := int16(v); w >= 0 {
		nd.Printf(" W+%d", w)
	} else {
		nd.Printf(" W%d", w)
	}
	return next
}
