package dissect

import "strconv"

// OLSR, the Optimized Link State Routing protocol (RFC 3626 and the
// olsr.org link-quality, name service and smart-gateway extensions;
// tcpdump's print-olsr.c), on UDP port 698 over IPv4 and IPv6.

func init() {
	registerUDPPort("olsr", olsrPrint, 698)
}

// OLSR message types.
const (
	olsrHello       = 1
	olsrTC          = 2
	olsrMID         = 3
	olsrHNA         = 4
	olsrNameService = 130
	olsrHelloLQ     = 201
	olsrTCLQ        = 202
)

var olsrMsgTypes = []tok{
	{1, "Hello"}, {2, "TC"}, {3, "MID"}, {4, "HNA"}, {128, "Powerinfo"},
	{130, "Nameservice"}, {201, "Hello-LQ"}, {202, "TC-LQ"},
}

var olsrLinkTypes = []tok{{0, "Unspecified"}, {1, "Asymmetric"}, {2, "Symmetric"}, {3, "Lost"}}

var olsrNeighborTypes = []tok{{0, "Not-Neighbor"}, {1, "Symmetric"}, {2, "Symmetric-MPR"}}

// olsrGWFlags are the smart-gateway flags carried in an HNA netmask.
var olsrGWFlags = []struct {
	bit  uint8
	name string
}{{0x01, " LINKSPEED"}, {0x02, " IPV4"}, {0x04, " IPV4-NAT"}, {0x08, " IPV6"}, {0x10, " IPv6-PREFIX"}}

const olsrMaxGWSpeed = 320000000

// olsrGWSpeed decodes a smart-gateway speed (5-bit mantissa, 3-bit
// decimal exponent) in kbit/s.
func olsrGWSpeed(v uint8) uint32 {
	switch v {
	case 0:
		return 0
	case 0xff:
		return olsrMaxGWSpeed
	}
	speed := uint32(v>>3) + 1
	for e := v & 7; e != 0; e-- {
		speed *= 10
	}
	return speed
}

// olsrTime decodes the mantissa/exponent validity and interval times.
func olsrTime(me uint8) string {
	v := 0.0625 * (1 + float64(me>>4)/16) * float64(uint32(1)<<(me&0x0f))
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func olsrPercent(q uint8) string {
	return strconv.FormatFloat(float64(q)/2.55, 'f', 2, 64)
}

func olsrPrint(nd *ND, b []byte, length int, ip *ipInfo, _, _ uint16) {
	nd.SetProto("olsr")
	is6 := ip.ver == 6
	nd.Print("OLSR")
	nd.Print(pick(is6, "v6", "v4"))
	if length < 4 {
		nd.PrintTrunc()
		return
	}
	tcheck(b, 0, 4)
	length = min(length, int(getBE16(b, 0)))
	nd.Printf(", seq 0x%04x, length %d", getBE16(b, 2), length)
	if nd.Verbose < 1 {
		return
	}
	addrSize, hdrLen := 4, 12
	if is6 {
		addrSize, hdrLen = 16, 24
	}
	printAddr := func(off int) {
		tcheck(b, off, addrSize)
		if is6 {
			nd.PrintIP6Addr(b, off)
		} else {
			nd.PrintIPAddr(b, off)
		}
	}
	for off := 4; off < length; {
		tcheck(b, off, hdrLen)
		typ := getU8(b, off)
		msgLen := int(getBE16(b, off+2))
		valid := msgLen >= hdrLen && msgLen <= length
		if typ == 0 || msgLen == 0 {
			return
		}
		nd.Printf("\n\t%s Message (0x%02x), originator ", tok2str(olsrMsgTypes, "Unknown", uint32(typ)), typ)
		printAddr(off + 4)
		nd.Printf(", ttl %d, hop %d\n\t  vtime %ss, msg-seq 0x%04x, length %d%s",
			getU8(b, off+4+addrSize), getU8(b, off+5+addrSize), olsrTime(getU8(b, off+1)),
			getBE16(b, off+6+addrSize), msgLen, pick(valid, "", " (invalid)"))
		if !valid {
			return
		}
		p := off + hdrLen
		n := msgLen - hdrLen
		if !olsrMessage(nd, b, typ, p, n, addrSize, printAddr) {
			nd.PrintTrunc()
			return
		}
		off += msgLen
	}
}

// olsrMessage prints a message body; false means truncated.
func olsrMessage(nd *ND, b []byte, typ uint8, p, n, addrSize int, printAddr func(int)) bool {
	lqLen := addrSize + 4
	lqNeighbors := func(p, n int) {
		for ; n >= lqLen; p, n = p+lqLen, n-lqLen {
			tcheck(b, p, lqLen)
			nd.Print("\n\t      neighbor ")
			printAddr(p)
			nd.Printf(", link-quality %s%%, neighbor-link-quality %s%%",
				olsrPercent(getU8(b, p+addrSize)), olsrPercent(getU8(b, p+addrSize+1)))
		}
	}
	neighbors := func(p, n int) {
		nd.Print("\n\t      neighbor\n\t\t")
		for ; n >= 4; p, n = p+4, n-4 {
			tcheck(b, p, 4)
			nd.PrintIPAddr(b, p)
			nd.Print(" ")
		}
	}
	switch typ {
	case olsrHello, olsrHelloLQ:
		if n < 4 {
			return false
		}
		tcheck(b, p, 4)
		nd.Printf("\n\t  hello-time %ss, MPR willingness %d", olsrTime(getU8(b, p+2)), getU8(b, p+3))
		p += 4
		n -= 4
		for n >= 4 {
			tcheck(b, p, 4)
			hlen := int(getBE16(b, p+2))
			code := getU8(b, p)
			valid := hlen <= n && hlen >= 4
			nd.Printf("\n\t    link-type %s, neighbor-type %s, len %d%s",
				tok2str(olsrLinkTypes, "Unknown", uint32(code&3)),
				tok2str(olsrNeighborTypes, "Unknown", uint32(code>>2)), hlen, pick(valid, "", " (invalid)"))
			if !valid {
				break
			}
			p += 4
			n -= 4
			hlen -= 4
			tcheck(b, p, hlen)
			if typ == olsrHello {
				neighbors(p, hlen)
			} else {
				lqNeighbors(p, hlen)
			}
			p += hlen
			n -= hlen
		}
	case olsrTC, olsrTCLQ:
		if n < 4 {
			return false
		}
		tcheck(b, p, 4)
		nd.Printf("\n\t    advertised neighbor seq 0x%04x", getBE16(b, p))
		p += 4
		n -= 4
		if typ == olsrTC {
			neighbors(p, n)
		} else {
			lqNeighbors(p, n)
		}
	case olsrMID:
		for ; n >= addrSize; p, n = p+addrSize, n-addrSize {
			nd.Print("\n\t  interface address ")
			printAddr(p)
		}
	case olsrHNA:
		olsrHNAPrint(nd, b, p, n, addrSize == 16)
	case olsrNameService:
		return olsrNameServicePrint(nd, b, p, n, addrSize, printAddr)
	default:
		unknownDataPrint(nd, b, p, "\n\t    ", n)
	}
	return true
}

func olsrHNAPrint(nd *ND, b []byte, p, n int, is6 bool) {
	if is6 {
		nd.Printf("\n\t  Advertised networks (total %d)", n/32)
		for ; n >= 32; p, n = p+32, n-32 {
			tcheck(b, p, 32)
			nd.Print("\n\t    #0: ")
			nd.PrintIP6Addr(b, p)
			nd.Printf("/%d", uint32(mask62plen(b, p+16)))
		}
		return
	}
	nd.Printf("\n\t  Advertised networks (total %d)", n/8)
	for col := 0; n >= 8; p, n, col = p+8, n-8, (col+1)%4 {
		tcheck(b, p, 8)
		nd.Print(pick(col == 0, "\n\t    ", ", "))
		flags := getU8(b, p+5)
		if getBE32(b, p) == 0 && getU8(b, p+4) == 0 && flags != 0 {
			nd.Print("Smart-Gateway:")
			for _, f := range olsrGWFlags {
				if flags&f.bit != 0 {
					nd.Print(f.name)
				}
			}
			var up, down uint32
			if flags&0x01 != 0 {
				up, down = olsrGWSpeed(getU8(b, p+6)), olsrGWSpeed(getU8(b, p+7))
			}
			nd.Printf(" %d/%d", up, down)
			continue
		}
		nd.PrintIPAddr(b, p)
		nd.Printf("/%d", uint32(mask2plen(getBE32(b, p+4))))
	}
}

// mask62plen returns the prefix length of the contiguous IPv6 netmask at
// off, or -1 when it is not contiguous.
func mask62plen(b []byte, off int) int {
	plen := 0
	for i := 0; i < 16; i++ {
		switch m := getU8(b, off+i); m {
		case 0xff:
			plen += 8
		case 0xfe, 0xfc, 0xf8, 0xf0, 0xe0, 0xc0, 0x80, 0x00:
			for ; m != 0; m <<= 1 {
				plen++
			}
			for i++; i < 16; i++ {
				if getU8(b, off+i) != 0 {
					return -1
				}
			}
			return plen
		default:
			return -1
		}
	}
	return plen
}

func olsrNameServicePrint(nd *ND, b []byte, p, n, addrSize int, printAddr func(int)) bool {
	if n < 4 {
		return false
	}
	entries := int(getBE16(b, p+2))
	valid := entries > 0 && entries*(4+addrSize) <= n
	nd.Printf("\n\t  Version %d, Entries %d%s", getBE16(b, p), entries, pick(valid, "", " (invalid)"))
	if !valid {
		return true
	}
	p += 4
	n -= 4
	for i := 0; i < entries; i++ {
		if n < 4 {
			break
		}
		etype, elen := getBE16(b, p), int(getBE16(b, p+2))
		p += 4
		n -= 4
		lenValid := elen > 0 && addrSize+elen <= n
		nd.Printf("\n\t    #%d: type 0x%04x, length %d%s", i, etype, elen, pick(lenValid, "", " (invalid)"))
		if !lenValid {
			break
		}
		pad := (4 - elen%4) % 4
		if n < addrSize+elen+pad {
			return false
		}
		tcheck(b, p, addrSize+elen+pad)
		nd.Print(", address ")
		printAddr(p)
		nd.Print(", name \"")
		nd.printn(b, p+addrSize, elen)
		nd.Print("\"")
		p += addrSize + elen + pad
		n -= addrSize + elen + pad
	}
	return true
}
