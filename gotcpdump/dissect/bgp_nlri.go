package dissect

import (
	"fmt"
	"strconv"
)

// BGP network layer reachability information (tcpdump's print-bgp.c
// decode_* functions): each decoder formats one prefix into a bounded
// text buffer, as tcpdump's snprintf into buf[MAXHOSTNAMELEN + 100]
// does, and returns how many bytes it used or a negative code.

// Address family numbers (af.h).
const (
	afIPv4  = 1
	afIPv6  = 2
	afNSAP  = 3
	afVPLS  = 25
	afL2VPN = 196
)

var bgpAFNames = []tok{
	{0, "Reserved"}, {afIPv4, "IPv4"}, {afIPv6, "IPv6"}, {afNSAP, "NSAP"}, {4, "HDLC"},
	{5, "BBN 1822"}, {6, "802"}, {7, "E.163"}, {8, "E.164"}, {9, "F.69"}, {10, "X.121"},
	{11, "Novell IPX"}, {12, "Appletalk"}, {13, "Decnet IV"}, {14, "Banyan Vines"},
	{15, "E.164 with NSAP subaddress"}, {afL2VPN, "Layer-2 VPN"}, {afVPLS, "VPLS"},
}

// Subsequent address family numbers.
const (
	safiUnicast      = 1
	safiMulticast    = 2
	safiUniMulticast = 3
	safiLabUnicast   = 4
	safiMcastVPN     = 5
	safiVPLS         = 65
	safiMDT          = 66
	safiVPNUnicast   = 128
	safiVPNMulticast = 129
	safiVPNUniMcast  = 130
	safiRTRouting    = 132
)

var bgpSAFINames = []tok{
	{0, "Reserved"}, {safiUnicast, "Unicast"}, {safiMulticast, "Multicast"},
	{safiUniMulticast, "Unicast+Multicast"}, {safiLabUnicast, "labeled Unicast"},
	{64, "Tunnel"}, {safiVPLS, "VPLS"}, {safiMDT, "MDT"}, {70, "EVPN"},
	{safiVPNUnicast, "labeled VPN Unicast"}, {safiVPNMulticast, "labeled VPN Multicast"},
	{safiVPNUniMcast, "labeled VPN Unicast+Multicast"},
	{safiRTRouting, "Route Target Routing Information"}, {safiMcastVPN, "Multicast VPN"},
}

// bgpBufLen is the size of tcpdump's prefix text buffer; texts longer
// than bgpBufLen-1 bytes come out cut.
const bgpBufLen = 64 + 100

// bgpBuf is a text buffer that, like snprintf into a fixed array, keeps
// only what fits.
type bgpBuf struct {
	b    []byte
	full bool // an append did not fit (tcpdump's buflen == 0)
}

func (t *bgpBuf) add(s string) {
	if t.full {
		return
	}
	room := bgpBufLen - 1 - len(t.b)
	if len(s) > room {
		t.b = append(t.b, s[:room]...)
		t.full = true
		return
	}
	t.b = append(t.b, s...)
}

func (t *bgpBuf) addf(format string, args ...any) { t.add(fmt.Sprintf(format, args...)) }

func (t *bgpBuf) String() string { return string(t.b) }

// textOf runs a printer and returns what it printed instead of keeping
// it (for addresses formatted into buffers).
func (nd *ND) textOf(print func()) string {
	n := len(nd.out)
	print()
	s := string(nd.out[n:])
	nd.out = nd.out[:n]
	return s
}

func (nd *ND) ip4Text(a []byte) string { return nd.textOf(func() { nd.PrintIPAddr(a, 0) }) }
func (nd *ND) ip6Text(a []byte) string { return nd.textOf(func() { nd.PrintIP6Addr(a, 0) }) }
func (nd *ND) asText(as uint32) string { return bgpASText(nd.ASDot, as) }
func (nd *ND) getIP4(b []byte, off int) string {
	tcheck(b, off, 4)
	return nd.ip4Text(b[off : off+4])
}

func (nd *ND) getIP6(b []byte, off int) string {
	tcheck(b, off, 16)
	return nd.ip6Text(b[off : off+16])
}

// bgpASText formats an AS number, in asdot notation with -b.
func bgpASText(asdot bool, as uint32) string {
	if !asdot || as <= 0xffff {
		return strconv.FormatUint(uint64(as), 10)
	}
	return fmt.Sprintf("%d.%d", as>>16, as&0xffff)
}

// bgpNSAPText formats an OSI NSAP as tcpdump's isonsap_string does.
func bgpNSAPText(a []byte) string {
	if len(a) < 1 || len(a) > 20 {
		return "isonsap_string: illegal length"
	}
	var s []byte
	for i, c := range a {
		s = append(s, hexDigits[c>>4], hexDigits[c&0xf])
		if i&1 == 0 && i+1 < len(a) {
			s = append(s, '.')
		}
	}
	return string(s)
}

// bgpPrefixBytes copies the bytes of a plen-bit prefix at b[off:] into
// a zeroed address of size bytes, masking the bits past plen.
func bgpPrefixBytes(b []byte, off int, plen uint, size int) []byte {
	addr := make([]byte, size)
	n := int(plen+7) / 8
	tcheck(b, off, n)
	copy(addr, b[off:off+n])
	if plen%8 != 0 {
		addr[n-1] &= byte(uint(0xff00) >> (plen % 8))
	}
	return addr
}

// bgpLabelText is the ", label:N (bottom)" tail of labeled prefixes.
func bgpLabelText(b []byte, off int) string {
	label := getBE24(b, off+1) >> 4
	bos := "(bottom)"
	if getU8(b, off+3)&1 == 0 {
		bos = "(BOGUS: Bottom of Stack NOT set!)"
	}
	return fmt.Sprintf("label:%d %s", label, bos)
}

// bgpDecodePrefix4 decodes an IPv4 prefix: -1 for a bad length, -2 when
// itemlen is too short.
func (nd *ND) bgpDecodePrefix4(b []byte, off int, itemlen int, buf *bgpBuf) int {
	if itemlen < 1 {
		return -2
	}
	plen := uint(getU8(b, off))
	if plen > 32 {
		return -1
	}
	itemlen--
	n := int(plen+7) / 8
	if itemlen < n {
		return -2
	}
	addr := bgpPrefixBytes(b, off+1, plen, 4)
	buf.addf("%s/%d", nd.ip4Text(addr), plen)
	return 1 + n
}

func (nd *ND) bgpDecodePrefix6(b []byte, off int, itemlen int, buf *bgpBuf) int {
	if itemlen < 1 {
		return -2
	}
	plen := uint(getU8(b, off))
	if plen > 128 {
		return -1
	}
	itemlen--
	n := int(plen+7) / 8
	if itemlen < n {
		return -2
	}
	addr := bgpPrefixBytes(b, off+1, plen, 16)
	buf.addf("%s/%d", nd.ip6Text(addr), plen)
	return 1 + n
}

// bgpDecodeLabeledPrefix decodes an RFC 3107 labeled IPv4 or IPv6
// prefix: -1 bad length, -2 truncated, -3 itemlen too short.
func (nd *ND) bgpDecodeLabeledPrefix(b []byte, off int, itemlen int, buf *bgpBuf, v6 bool) int {
	if !ttest(b, off, 4) {
		return -2
	}
	if itemlen < 4 {
		return -3
	}
	plen := uint(getU8(b, off))
	if plen < 24 {
		return -1
	}
	plen -= 24
	max, size := uint(32), 4
	if v6 {
		max, size = 128, 16
	}
	if plen > max {
		return -1
	}
	itemlen -= 4
	n := int(plen+7) / 8
	if !v6 && itemlen < n {
		return -3
	}
	addr := bgpPrefixBytes(b, off+4, plen, size)
	text := nd.ip4Text
	if v6 {
		text = nd.ip6Text
	}
	buf.addf("%s/%d, %s", text(addr), plen, bgpLabelText(b, off))
	return 4 + n
}

// bgpDecodeLabeledVPNPrefix decodes a labeled VPN prefix (label, RD,
// address) of an address family of size-byte addresses.
func (nd *ND) bgpDecodeLabeledVPNPrefix(b []byte, off int, buf *bgpBuf, af int) int {
	plen := uint(getU8(b, off))
	if plen < 24+64 {
		return -1
	}
	plen -= 24 + 64
	var max uint
	var size int
	switch af {
	case afIPv4:
		max, size = 32, 4
	case afIPv6:
		max, size = 128, 16
	default:
		max, size = 152, 19
	}
	if plen > max {
		return -1
	}
	addr := bgpPrefixBytes(b, off+12, plen, size)
	var text string
	switch af {
	case afIPv4:
		text = nd.ip4Text(addr)
	case afIPv6:
		text = nd.ip6Text(addr)
	default:
		text = bgpNSAPText(addr[:(plen+7)/8])
	}
	rd := bgpRDText(nd, b, off+4)
	buf.addf("RD: %s, %s/%d, %s", rd, text, plen, bgpLabelText(b, off))
	return 12 + int(plen+7)/8
}

// bgpDecodeCLNPPrefix decodes an NSAP prefix. As in tcpdump the address
// bytes are taken from 4 bytes past the length byte.
func (nd *ND) bgpDecodeCLNPPrefix(b []byte, off int, buf *bgpBuf) int {
	plen := uint(getU8(b, off))
	if plen > 152 {
		return -1
	}
	addr := bgpPrefixBytes(b, off+4, plen, 19)
	buf.addf("%s/%d", bgpNSAPText(addr[:(plen+7)/8]), plen)
	return 1 + int(plen+7)/8
}

// bgpRDText formats an RFC 4364 route distinguisher.
func bgpRDText(nd *ND, b []byte, off int) string {
	switch getBE16(b, off) {
	case 0:
		return fmt.Sprintf("%d:%d (= %d.%d.%d.%d)", getBE16(b, off+2), getBE32(b, off+4),
			getU8(b, off+4), getU8(b, off+5), getU8(b, off+6), getU8(b, off+7))
	case 1:
		return fmt.Sprintf("%d.%d.%d.%d:%d", getU8(b, off+2), getU8(b, off+3),
			getU8(b, off+4), getU8(b, off+5), getBE16(b, off+6))
	case 2:
		return fmt.Sprintf("%s:%d (%d.%d.%d.%d:%d)", nd.asText(getBE32(b, off+2)),
			getBE16(b, off+6), getU8(b, off+2), getU8(b, off+3), getU8(b, off+4),
			getU8(b, off+5), getBE16(b, off+6))
	}
	return "unknown RD format"
}

// bgpVPNIPText formats an address of addrBits bits (32 or 128).
func (nd *ND) bgpVPNIPText(b []byte, off int, addrBits uint) string {
	switch addrBits {
	case 32:
		return nd.getIP4(b, off)
	case 128:
		return nd.getIP6(b, off)
	}
	return fmt.Sprintf("bogus address length %d", addrBits)
}

// bgpSGText appends a multicast source and group to buf and returns the
// bytes they took.
func (nd *ND) bgpSGText(b []byte, off int, buf *bgpBuf) int {
	total := 0
	for _, label := range []string{", Source ", ", Group "} {
		alen := uint(getU8(b, off))
		off++
		if !ttest(b, off, int(alen>>3)) {
			return total
		}
		total += int(alen>>3) + 1
		if alen != 0 {
			buf.add(label + nd.bgpVPNIPText(b, off, alen))
			off += int(alen >> 3)
		}
	}
	return total
}

var bgpMcastVPNRouteTypes = []tok{
	{1, "Intra-AS I-PMSI"}, {2, "Inter-AS I-PMSI"}, {3, "S-PMSI"}, {4, "Intra-AS Segment-Leaf"},
	{5, "Source-Active"}, {6, "Shared Tree Join"}, {7, "Source Tree Join"},
}

func (nd *ND) bgpDecodeMcastVPN(b []byte, off int, buf *bgpBuf) int {
	rtype := getU8(b, off)
	rlen := int(getU8(b, off+1))
	off += 2
	buf.addf("Route-Type: %s (%d), length: %d", tok2strNoAlloc(bgpMcastVPNRouteTypes, "Unknown", uint32(rtype)), rtype, rlen)
	switch rtype {
	case 1:
		if !ttest(b, off, 8) {
			return -2
		}
		// tcpdump 4.99 does not check the route length here: a short
		// one makes a huge address length (u_int arithmetic).
		rd := bgpRDText(nd, b, off)
		buf.addf(", RD: %s, Originator %s", rd, nd.bgpVPNIPText(b, off+8, uint(uint32(rlen-8)<<3)))
	case 2:
		if !ttest(b, off, 12) {
			return -2
		}
		buf.addf(", RD: %s, Source-AS %s", bgpRDText(nd, b, off), nd.asText(getBE32(b, off+8)))
	case 3:
		if !ttest(b, off, 8) {
			return -2
		}
		buf.addf(", RD: %s", bgpRDText(nd, b, off))
		off += 8
		// As in tcpdump, the originator is read from where the source
		// and group start, and a negative length fails the check.
		alen := uint32(rlen - nd.bgpSGText(b, off, buf))
		if !ttest(b, off, int(alen)) {
			return -2
		}
		buf.addf(", Originator %s", nd.bgpVPNIPText(b, off, uint(alen<<3)))
	case 5:
		if !ttest(b, off, 8) {
			return -2
		}
		buf.addf(", RD: %s", bgpRDText(nd, b, off))
		nd.bgpSGText(b, off+8, buf)
	case 6, 7:
		if !ttest(b, off, 12) {
			return -2
		}
		buf.addf(", RD: %s, Source-AS %s", bgpRDText(nd, b, off), nd.asText(getBE32(b, off+8)))
		nd.bgpSGText(b, off+12, buf)
	}
	return rlen + 2
}

const bgpMDTNLRILen = 16

func (nd *ND) bgpDecodeMDT(b []byte, off int, buf *bgpBuf) int {
	if getU8(b, off) != bgpMDTNLRILen*8 {
		return -1
	}
	off++
	if !ttest(b, off, 8) {
		return -2
	}
	rd := bgpRDText(nd, b, off)
	buf.addf("RD: %s, VPN IP Address: %s, MC Group Address: %s", rd, nd.getIP4(b, off+8), nd.getIP4(b, off+12))
	return bgpMDTNLRILen + 1
}

// bgpDecodeL2VPN decodes an L2VPN NLRI, old format or auto-discovery.
func (nd *ND) bgpDecodeL2VPN(b []byte, off int, buf *bgpBuf) int {
	plen := int(getBE16(b, off))
	tlen := plen
	off += 2
	switch {
	case plen == 12:
		if !ttest(b, off, 12) {
			return -2
		}
		buf.addf("RD: %s, BGPNH: %s", bgpRDText(nd, b, off), nd.getIP4(b, off+8))
		return plen + 2
	case plen > 17:
	default:
		return -2
	}
	if !ttest(b, off, 15) {
		return -2
	}
	buf.addf("RD: %s, CE-ID: %d, Label-Block Offset: %d, Label Base %d",
		bgpRDText(nd, b, off), getBE16(b, off+8), getBE16(b, off+10), getBE24(b, off+12)>>4)
	off += 15
	tlen -= 15
	for tlen != 0 {
		if tlen < 3 {
			buf.add("\n\t\tran past the end")
			return plen + 2
		}
		typ := getU8(b, off)
		off++
		bits := int(getBE16(b, off))
		tlvLen := (bits + 7) / 8
		off += 2
		switch typ {
		case 1:
			buf.addf("\n\t\tcircuit status vector (%d) length: %d: 0x", typ, bits)
			for ; tlvLen != 0; tlvLen-- {
				if tlen < 1 {
					buf.add(" (ran past the end)")
					return plen + 2
				}
				if !ttest(b, off, 1) {
					return -2
				}
				if !buf.full {
					buf.addf("%02x", b[off])
					off++
				}
				tlen--
			}
		default:
			buf.addf("\n\t\tunknown TLV #%d, length: %d", typ, bits)
			if tlen < tlvLen {
				buf.add(" (ran past the end)")
				return plen + 2
			}
			tlen -= tlvLen
		}
	}
	return plen + 2
}

// bgpRTPrefixText formats an RFC 4684 route target membership prefix
// of plen bits held in rt.
func (nd *ND) bgpRTPrefixText(rt []byte, plen uint) string {
	if plen == 0 {
		return "route-target: 0:0/0"
	}
	var hex []byte
	n := int(plen+7) / 8
	for i := 0; i < n; i++ {
		hex = append(hex, hexDigits[rt[i]>>4], hexDigits[rt[i]&0xf])
		if i%2 == 1 && i < n-1 {
			hex = append(hex, ' ')
		}
	}
	if plen < 16 {
		return fmt.Sprintf("route-target: partial-type: (%s/%d)", hex, plen)
	}
	be16 := func(i int) uint32 { return uint32(rt[i])<<8 | uint32(rt[i+1]) }
	be32 := func(i int) uint32 { return be16(i)<<16 | be16(i+2) }
	switch t := be16(0); t {
	case 0x0002:
		return fmt.Sprintf("route-target: %d:%d/%d (%s)", be16(2), be32(4), plen, hex)
	case 0x0102:
		return fmt.Sprintf("route-target: %d.%d.%d.%d:%d/%d (%s)", rt[2], rt[3], rt[4], rt[5], be16(6), plen, hex)
	case 0x0202:
		return fmt.Sprintf("route-target: %s:%d/%d (%s)", nd.asText(be32(2)), be16(6), plen, hex)
	default:
		return fmt.Sprintf("route target: unknown-type(%04x) (%s/%d)", t, hex, plen)
	}
}

// bgpDecodeRTRouting prints an RFC 4684 NLRI directly.
func (nd *ND) bgpDecodeRTRouting(b []byte, off int) int {
	plen := uint(getU8(b, off))
	if plen == 0 {
		nd.Print("\n\t      default route target")
		return 1
	}
	if plen < 32 {
		nd.Print("\n\t      (illegal prefix length)")
		return -1
	}
	as := nd.asText(getBE32(b, off+1))
	plen -= 32
	if plen > 64 {
		nd.Print("\n\t      (illegal prefix length)")
		return -1
	}
	rt := bgpPrefixBytes(b, off+5, plen, 8)
	nd.Printf("\n\t      origin AS: %s, %s", as, nd.bgpRTPrefixText(rt, plen))
	return 5 + int(plen+7)/8
}

// bgpCheckAddPath guesses whether NLRI carry RFC 7911 path IDs: they
// parse with them, and make no sense without.
func bgpCheckAddPath(b []byte, off, length int, maxPlen int) bool {
	if length < 5 {
		return false
	}
	o := 0
	for o < length {
		o += 4
		if !ttest(b, off+o, 1) {
			break
		}
		plen := int(b[off+o])
		if plen > maxPlen {
			return false
		}
		o += 1 + (plen+7)/8
	}
	if o > length {
		return false
	}
	for o = 0; o < length; {
		if !ttest(b, off+o, 1) {
			break
		}
		plen := int(b[off+o])
		if plen < 1 || plen > maxPlen {
			return true
		}
		o += 1 + (plen+7)/8
	}
	return o > length
}

// bgpAFSAFI packs an AFI and SAFI as tcpdump's switches do.
func bgpAFSAFI(af uint16, safi uint8) uint32 { return uint32(af)<<8 | uint32(safi) }

// bgpKnownAFSAFI lists the AFI/SAFI pairs tcpdump decodes NLRI for.
var bgpKnownAFSAFI = func() map[uint32]bool {
	m := map[uint32]bool{}
	for _, p := range [][2]int{
		{afIPv4, safiUnicast}, {afIPv4, safiMulticast}, {afIPv4, safiUniMulticast},
		{afIPv4, safiLabUnicast}, {afIPv4, safiRTRouting}, {afIPv4, safiVPNUnicast},
		{afIPv4, safiVPNMulticast}, {afIPv4, safiVPNUniMcast}, {afIPv4, safiMcastVPN},
		{afIPv4, safiMDT}, {afIPv6, safiUnicast}, {afIPv6, safiMulticast},
		{afIPv6, safiUniMulticast}, {afIPv6, safiLabUnicast}, {afIPv6, safiVPNUnicast},
		{afIPv6, safiVPNMulticast}, {afIPv6, safiVPNUniMcast}, {afNSAP, safiUnicast},
		{afNSAP, safiMulticast}, {afNSAP, safiUniMulticast}, {afNSAP, safiVPNUnicast},
		{afNSAP, safiVPNMulticast}, {afNSAP, safiVPNUniMcast}, {afL2VPN, safiVPNUnicast},
		{afL2VPN, safiVPNMulticast}, {afL2VPN, safiVPNUniMcast}, {afVPLS, safiVPLS},
	} {
		m[bgpAFSAFI(uint16(p[0]), uint8(p[1]))] = true
	}
	return m
}()

// bgpNLRIPrint prints one NLRI of the given family and returns its
// length, -2 for a truncation, or another negative value to stop.
func (nd *ND) bgpNLRIPrint(af uint16, safi uint8, b []byte, off, length int, addPath4, addPath6 bool) int {
	var buf bgpBuf
	show := func(advance int, illegal string) int {
		if advance == -1 {
			nd.Print(illegal)
		} else {
			nd.Print("\n\t      ")
			nd.Print(buf.String())
		}
		return advance
	}
	const illegalPrefix = "\n\t    (illegal prefix length)"
	switch {
	case af == afIPv4 && (safi == safiUnicast || safi == safiMulticast || safi == safiUniMulticast),
		af == afIPv6 && (safi == safiUnicast || safi == safiMulticast || safi == safiUniMulticast):
		addPath := addPath4
		decode := nd.bgpDecodePrefix4
		if af == afIPv6 {
			addPath, decode = addPath6, nd.bgpDecodePrefix6
		}
		var pathID uint32
		if addPath {
			pathID = getBE32(b, off)
			off += 4
		}
		advance := decode(b, off, length, &buf)
		switch advance {
		case -1:
			nd.Print(illegalPrefix)
		case -2:
			return -2
		default:
			nd.Print("\n\t      ")
			nd.Print(buf.String())
		}
		if addPath {
			nd.Printf("   Path Id: %d", pathID)
			advance += 4
		}
		return advance
	case safi == safiLabUnicast && (af == afIPv4 || af == afIPv6):
		advance := nd.bgpDecodeLabeledPrefix(b, off, length, &buf, af == afIPv6)
		switch advance {
		case -1:
			nd.Print(illegalPrefix)
		case -2:
			return -2
		case -3:
		default:
			nd.Print("\n\t      ")
			nd.Print(buf.String())
		}
		return advance
	case (af == afIPv4 || af == afIPv6 || af == afNSAP) &&
		(safi == safiVPNUnicast || safi == safiVPNMulticast || safi == safiVPNUniMcast):
		return show(nd.bgpDecodeLabeledVPNPrefix(b, off, &buf, int(af)), illegalPrefix)
	case af == afIPv4 && safi == safiRTRouting:
		return nd.bgpDecodeRTRouting(b, off)
	case (af == afIPv4 || af == afIPv6) && safi == safiMcastVPN:
		advance := nd.bgpDecodeMcastVPN(b, off, &buf)
		if advance == -2 {
			return -2
		}
		return show(advance, illegalPrefix)
	case af == afIPv4 && safi == safiMDT:
		advance := nd.bgpDecodeMDT(b, off, &buf)
		if advance == -2 {
			return -2
		}
		return show(advance, illegalPrefix)
	case af == afVPLS && safi == safiVPLS,
		af == afL2VPN && (safi == safiVPNUnicast || safi == safiVPNMulticast || safi == safiVPNUniMcast):
		advance := nd.bgpDecodeL2VPN(b, off, &buf)
		if advance == -2 {
			return -2
		}
		return show(advance, "\n\t    (illegal length)")
	case af == afNSAP && (safi == safiUnicast || safi == safiMulticast || safi == safiUniMulticast):
		return show(nd.bgpDecodeCLNPPrefix(b, off, &buf), illegalPrefix)
	}
	nd.Printf("\n\t    ERROR: no AFI %d / SAFI %d decoder", af, safi)
	return -4
}
