package dissect

// ISAKMP / IKEv1 and IKEv2 (RFC 2408/2409, RFC 7296; tcpdump's
// print-isakmp.c) on UDP port 500, and behind the non-ESP marker on
// port 4500. IKEv2 encrypted payloads are decrypted with -E "ikev2"
// secrets.

import "strconv"

func init() {
	registerUDPPort("isakmp", isakmpUDPPrint, 500)
}

// ikeHdrLen is the fixed ISAKMP header.
const ikeHdrLen = 28

// ikeMaxInitiators is the size of the initiator cookie cache.
const ikeMaxInitiators = 20

// ikeCookies remembers which address started each IKEv1 exchange, to
// tell initiator from responder (tcpdump's cookiecache).
type ikeCookies struct {
	entries [ikeMaxInitiators]struct {
		cookie       [8]byte
		version      int
		iaddr, raddr [16]byte
	}
	next int
}

// ikePrinter is the state of one ISAKMP message being printed.
type ikePrinter struct {
	nd   *ND
	ip   *ipInfo
	base []byte // the ISAKMP header
}

// ikeStr is tcpdump's STR_OR_ID: the table entry, or "#x".
func ikeStr(x uint32, tab []string) string {
	if int(x) < len(tab) && tab[x] != "" {
		return tab[x]
	}
	return "#" + strconv.FormatUint(uint64(x), 10)
}

func ikeNPStr(np uint8) string { return ikeStr(uint32(np), ikeNPNames) }

func isakmpUDPPrint(nd *ND, b []byte, length int, ip *ipInfo, _, _ uint16) {
	isakmpPrint(nd, b, length, ip)
}

func isakmpPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("isakmp")
	if nd.ESPSecret != "" {
		nd.sas()
	}
	if len(b) < ikeHdrLen {
		nd.PrintTrunc()
		return
	}
	nd.Print("isakmp")
	vers := getU8(b, 17)
	major, minor := vers>>4, vers&0x0f
	if nd.Verbose > 0 {
		nd.Printf(" %d.%d", major, minor)
		nd.Print(" msgid ")
		ikeHex(nd, b[20:24])
	}
	if nd.Verbose > 1 {
		nd.Print(" cookie ")
		ikeHex(nd, b[0:8])
		nd.Print("->")
		ikeHex(nd, b[8:16])
	}
	nd.Print(":")
	x := &ikePrinter{nd: nd, ip: ip, base: b[:ikeHdrLen]}
	switch major {
	case 1:
		x.v1Print(b, length)
	case 2:
		x.v2Print(b, length)
	}
}

func ikeHex(nd *ND, b []byte) {
	for _, c := range b {
		nd.PrintHex(uint64(c), 2)
	}
}

// rawprint hex-dumps n bytes at off, or reports false when they were not
// captured.
func (x *ikePrinter) rawprint(b []byte, off, n int) bool {
	if n < 0 || !ttest(b, off, n) {
		return false
	}
	ikeHex(x.nd, b[off:off+n])
	return true
}

// showSomeData prints the first 10 and last 20 bytes between cp and ep.
func (x *ikePrinter) showSomeData(b []byte, cp, ep int) bool {
	end := ep - 20
	elen := 20
	n := ep - cp
	if n > 10 {
		n = 10
	}
	if end < cp+n {
		end = cp + n
		elen = ep - end
	}
	x.nd.Print(" data=(")
	if !x.rawprint(b, cp, n) {
		return false
	}
	x.nd.Print("...")
	if elen != 0 && !x.rawprint(b, end, elen) {
		return false
	}
	x.nd.Print(")")
	return true
}

func (x *ikePrinter) trunc(np uint8) int {
	x.nd.Printf(" [|%s]", ikeNPStr(np))
	return -1
}

func (x *ikePrinter) v1Print(b []byte, length int) {
	nd := x.nd
	base := x.base
	phase := uint32(1)
	if getBE32(base, 20) != 0 {
		phase = 2
	}
	if phase == 1 {
		nd.Print(" phase 1")
	} else {
		nd.Print(" phase 2/others")
	}
	c := nd.ikeCookieState()
	i := c.find(base[0:8])
	if i < 0 {
		if ikeZero(base[8:16]) {
			nd.Print(" I")
			c.record(base[0:8], x.ip)
		} else {
			nd.Print(" ?")
		}
	} else {
		switch {
		case c.sideCheck(i, x.ip, true):
			nd.Print(" I")
		case c.sideCheck(i, x.ip, false):
			nd.Print(" R")
		default:
			nd.Print(" ?")
		}
	}
	x.headerTail(b, length, phase, ikeV1Flags, x.v1SubPrint)
}

func (x *ikePrinter) v2Print(b []byte, length int) {
	nd := x.nd
	base := x.base
	phase := uint32(1)
	if getBE32(base, 20) != 0 {
		phase = 2
	}
	if phase == 1 {
		nd.Print(" parent_sa")
	} else {
		nd.Print(" child_sa ")
	}
	x.headerTail(b, length, phase, ikeV2Flags, x.v2SubPrint)
}

// The header flag letters of each version.
var (
	ikeV1Flags = []tok{{0x01, "E"}, {0x02, "C"}}
	ikeV2Flags = []tok{{0x08, "I"}, {0x10, "V"}, {0x20, "R"}}
)

// headerTail prints what both versions print after the phase: the
// exchange type, the flag letters and, with -v, the payload chain (sub
// is the version's payload printer) and a length check against IP's.
func (x *ikePrinter) headerTail(b []byte, length int, phase uint32, flagNames []tok,
	sub func(b []byte, np uint8, ext, ep int, phase, doi, proto uint32, depth int) int) {
	nd := x.nd
	base := x.base
	nd.Print(" ")
	nd.Print(ikeStr(uint32(getU8(base, 18)), ikeExchangeTypes))
	flags := getU8(base, 19)
	if flags != 0 {
		nd.Print("[")
		printBitNames(nd, flagNames, uint32(flags), "", "")
		nd.Print("]")
	}
	if nd.Verbose == 0 {
		return
	}
	nd.Print(":")
	np := getU8(base, 16)
	switch {
	case flags&0x01 != 0:
		nd.Printf(" [encrypted %s]", ikeNPStr(np))
	case len(b) < ikeHdrLen:
		nd.Printf(" [|%s]", ikeNPStr(np))
	default:
		sub(b, np, ikeHdrLen, len(b), phase, 0, 0, 0)
	}
	if l := getBE32(base, 24); int(l) != length {
		nd.Printf(" (len mismatch: isakmp %d/ip %d)", l, length)
	}
}

func ikeZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func (nd *ND) ikeCookieState() *ikeCookies {
	if nd.ike == nil {
		nd.ike = &ikeCookies{}
	}
	return nd.ike
}

func (c *ikeCookies) find(cookie []byte) int {
	for i := range c.entries {
		if string(c.entries[i].cookie[:]) == string(cookie) {
			return i
		}
	}
	return -1
}

func (c *ikeCookies) record(cookie []byte, ip *ipInfo) {
	if i := c.find(cookie); i >= 0 {
		c.next = (i + 1) % ikeMaxInitiators
		return
	}
	if ip == nil || (ip.ver != 4 && ip.ver != 6) {
		return
	}
	e := &c.entries[c.next]
	e.version = ip.ver
	e.iaddr, e.raddr = [16]byte{}, [16]byte{}
	copy(e.iaddr[:], ip.src)
	copy(e.raddr[:], ip.dst)
	copy(e.cookie[:], cookie)
	c.next = (c.next + 1) % ikeMaxInitiators
}

func (c *ikeCookies) sideCheck(i int, ip *ipInfo, initiator bool) bool {
	if ip == nil || c.entries[i].version != ip.ver {
		return false
	}
	var src [16]byte
	copy(src[:], ip.src)
	if initiator {
		return src == c.entries[i].iaddr
	}
	return src == c.entries[i].raddr
}

// indent starts a nested payload line.
func (x *ikePrinter) indent(depth int) {
	x.nd.Print("\n")
	for i := 0; i < depth; i++ {
		x.nd.Print("    ")
	}
	x.nd.Print("(")
}

// v1SubPrint prints the chain of payloads starting with type np at ext;
// it returns the offset after them, or -1.
func (x *ikePrinter) v1SubPrint(b []byte, np uint8, ext, ep int, phase, doi, proto uint32, depth int) int {
	cp := ext
	for np != 0 {
		if !ttest(b, ext, 4) {
			return x.trunc(np)
		}
		itemLen := int(getBE16(b, ext+2))
		if !ttest(b, ext, itemLen) {
			return x.trunc(np)
		}
		depth++
		x.indent(depth)
		cp = x.sub0Print(b, np, ext, ep, phase, doi, proto, depth, false)
		x.nd.Print(")")
		depth--
		if cp < 0 {
			return -1
		}
		np = getU8(b, ext)
		ext = cp
	}
	return cp
}

func (x *ikePrinter) v2SubPrint(b []byte, np uint8, ext, ep int, phase, doi, proto uint32, depth int) int {
	cp := ext
	for np != 0 {
		if !ttest(b, ext, 4) {
			return x.trunc(np)
		}
		if !ttest(b, ext, int(getBE16(b, ext+2))) {
			return x.trunc(np)
		}
		depth++
		x.indent(depth)
		cp = x.sub0Print(b, np, ext, ep, phase, doi, proto, depth, true)
		x.nd.Print(")")
		depth--
		if cp < 0 {
			return -1
		}
		np = getU8(b, ext)
		ext = cp
	}
	return cp
}

// ikePayloadPrinter prints one payload and returns the offset after it,
// or -1.
type ikePayloadPrinter func(x *ikePrinter, b []byte, tpay uint8, ext, itemLen, ep int, phase, doi, proto uint32, depth int) int

var ikePayloads [49]ikePayloadPrinter

func init() {
	ikePayloads = [49]ikePayloadPrinter{
		ikeNPSA: (*ikePrinter).v1SA, ikeNPP: (*ikePrinter).v1P, ikeNPT: (*ikePrinter).v1T,
		ikeNPKE: (*ikePrinter).v1KE, ikeNPID: (*ikePrinter).v1ID, ikeNPCert: (*ikePrinter).v1Cert,
		ikeNPCR: (*ikePrinter).v1Cert, ikeNPHash: (*ikePrinter).v1Data, ikeNPSig: (*ikePrinter).v1Data,
		ikeNPNonce: (*ikePrinter).v1Nonce, ikeNPN: (*ikePrinter).v1N, ikeNPD: (*ikePrinter).v1D,
		ikeNPVID: (*ikePrinter).v1Data,
		33:       (*ikePrinter).v2SA, 34: (*ikePrinter).v2KE, 35: (*ikePrinter).v2ID, 36: (*ikePrinter).v2ID,
		37: (*ikePrinter).v2Gen, 38: (*ikePrinter).v2Gen, 39: (*ikePrinter).v2Auth,
		40: (*ikePrinter).v2Nonce, 41: (*ikePrinter).v2N, 42: (*ikePrinter).v2Gen,
		43: (*ikePrinter).v2VID, 44: (*ikePrinter).v2Gen, 45: (*ikePrinter).v2Gen,
		47: (*ikePrinter).v2Gen, 48: (*ikePrinter).v2Gen,
	}
}

func (x *ikePrinter) sub0Print(b []byte, np uint8, ext, ep int, phase, doi, proto uint32, depth int, v2 bool) int {
	if !ttest(b, ext, 4) {
		x.nd.PrintTrunc()
		return -1
	}
	itemLen := int(getBE16(b, ext+2))
	if itemLen <= 4 {
		return -1
	}
	if v2 && np == ikeNPv2E {
		return x.v2E(b, np, ext, itemLen, phase, doi, proto, depth)
	}
	if int(np) < len(ikePayloads) && ikePayloads[np] != nil {
		return ikePayloads[np](x, b, np, ext, itemLen, ep, phase, doi, proto, depth)
	}
	x.nd.Print(ikeNPStr(np))
	return ext + itemLen
}

// attrPrint prints one data attribute at p (ikev1_attrmap_print and
// ikev1_attr_print when m is nil); it returns the offset after it, ep2+1
// when it runs past ep2, or -1.
func (x *ikePrinter) attrPrint(b []byte, p, ep2 int, m []ikeAttrMap) int {
	nd := x.nd
	totLen := 4
	if getU8(b, p)&0x80 == 0 {
		totLen = 4 + int(getBE16(b, p+2))
	}
	if ep2 < p+totLen {
		nd.Print("[|attr]")
		return ep2 + 1
	}
	nd.Print("(")
	t := uint32(getBE16(b, p) & 0x7fff)
	if m != nil && int(t) < len(m) && m[t].name != "" {
		nd.Printf("type=%s ", m[t].name)
	} else {
		nd.Printf("type=#%d ", t)
	}
	if getU8(b, p)&0x80 != 0 {
		nd.Print("value=")
		v := getBE16(b, p+2)
		if m != nil && int(t) < len(m) && int(v) < len(m[t].values) && m[t].values[v] != "" {
			nd.Print(m[t].values[v])
		} else if !x.rawprint(b, p+2, 2) {
			nd.Print(")")
			return -1
		}
	} else {
		nd.Printf("len=%d value=", totLen-4)
		if !x.rawprint(b, p+4, totLen-4) {
			nd.Print(")")
			return -1
		}
	}
	nd.Print(")")
	return p + totLen
}

func (x *ikePrinter) v1SA(b []byte, _ uint8, ext, _, ep int, phase, _, proto uint32, depth int) int {
	nd := x.nd
	nd.Print("sa:")
	if !ttest(b, ext, 12) {
		return x.trunc(ikeNPSA)
	}
	doi := getBE32(b, ext+4)
	sit := getBE32(b, ext+8)
	if doi != 1 {
		nd.Printf(" doi=%d situation=%d", doi, sit)
		return ext + 12
	}
	nd.Print(" doi=ipsec situation=")
	sep := ""
	if sit&0x01 != 0 {
		nd.Print("identity")
		sep = "+"
	}
	if sit&0x02 != 0 {
		nd.Print(sep + "secrecy")
		sep = "+"
	}
	if sit&0x04 != 0 {
		nd.Print(sep + "integrity")
	}
	np := ext + 12
	if sit != 0x01 {
		nd.Printf(" ident=%d", getBE32(b, ext+4))
		np += 4
	}
	if !ttest(b, np, 4) {
		return x.trunc(ikeNPSA)
	}
	return x.v1SubPrint(b, ikeNPP, np, ep, phase, doi, proto, depth)
}

func (x *ikePrinter) v1P(b []byte, _ uint8, ext, _, ep int, phase, doi, _ uint32, depth int) int {
	nd := x.nd
	nd.Print("p:")
	if !ttest(b, ext, 8) {
		return x.trunc(ikeNPP)
	}
	protoID := getU8(b, ext+5)
	nd.Printf(" #%d protoid=%s transform=%d", getU8(b, ext+4), ikeStr(uint32(protoID), ikeProtoIDs), getU8(b, ext+7))
	spiSize := int(getU8(b, ext+6))
	if spiSize != 0 {
		nd.Print(" spi=")
		if !x.rawprint(b, ext+8, spiSize) {
			return x.trunc(ikeNPP)
		}
	}
	next := ext + 8 + spiSize
	if !ttest(b, next, 4) {
		return x.trunc(ikeNPP)
	}
	return x.v1SubPrint(b, ikeNPT, next, ep, phase, doi, uint32(protoID), depth)
}

func (x *ikePrinter) v1T(b []byte, _ uint8, ext, itemLen, ep int, _, _, proto uint32, _ int) int {
	nd := x.nd
	nd.Print("t:")
	if !ttest(b, ext, 8) {
		return x.trunc(ikeNPT)
	}
	tID := uint32(getU8(b, ext+5))
	var idstr string
	var m []ikeAttrMap
	switch proto {
	case 1:
		idstr, m = ikeStr(tID, ikev1PMap), ikeOakleyTMap
	case 2:
		idstr, m = ikeStr(tID, ikeAHPMap), ikeIPsecTMap
	case 3:
		idstr, m = ikeStr(tID, ikeESPPMap), ikeIPsecTMap
	case 4:
		idstr, m = ikeStr(tID, ikeIPCompPMap), ikeIPsecTMap
	}
	if idstr != "" {
		nd.Printf(" #%d id=%s ", getU8(b, ext+4), idstr)
	} else {
		nd.Printf(" #%d id=%d ", getU8(b, ext+4), tID)
	}
	return x.attrs(b, ext+8, ext+itemLen, ep, m, ikeNPT)
}

// attrs prints the attributes from cp up to ep2 (captured up to ep).
func (x *ikePrinter) attrs(b []byte, cp, ep2, ep int, m []ikeAttrMap, np uint8) int {
	for cp < ep && cp < ep2 {
		cp = x.attrPrint(b, cp, ep2, m)
		if cp < 0 {
			return x.trunc(np)
		}
	}
	if ep < ep2 {
		x.nd.Print("...")
	}
	return cp
}

func (x *ikePrinter) v1KE(b []byte, _ uint8, ext, itemLen, _ int, _, _, _ uint32, _ int) int {
	x.nd.Print("ke:")
	if !ttest(b, ext, 4) {
		return x.trunc(ikeNPKE)
	}
	x.nd.Printf(" key len=%d", itemLen-4)
	if x.nd.Verbose > 2 && itemLen > 4 {
		x.nd.Print(" ")
		if !x.rawprint(b, ext+4, itemLen-4) {
			return x.trunc(ikeNPKE)
		}
	}
	return ext + itemLen
}

// v1Data prints the hash, signature and vendor ID payloads.
func (x *ikePrinter) v1Data(b []byte, tpay uint8, ext, itemLen, _ int, _, _, _ uint32, _ int) int {
	x.nd.Print(ikeNPStr(tpay))
	x.nd.Print(":")
	if !ttest(b, ext, 4) {
		return x.trunc(tpay)
	}
	x.nd.Printf(" len=%d", itemLen-4)
	if x.nd.Verbose > 2 && itemLen > 4 {
		x.nd.Print(" ")
		if !x.rawprint(b, ext+4, itemLen-4) {
			return x.trunc(tpay)
		}
	}
	return ext + itemLen
}

// v1Cert prints the certificate and certificate request payloads.
func (x *ikePrinter) v1Cert(b []byte, tpay uint8, ext, itemLen, _ int, _, _, _ uint32, _ int) int {
	x.nd.Print(ikeNPStr(tpay))
	x.nd.Print(":")
	if !ttest(b, ext, 6) {
		return x.trunc(tpay)
	}
	x.nd.Printf(" len=%d", itemLen-4)
	x.nd.Printf(" type=%s", ikeStr(uint32(getU8(b, ext+4)), ikeCertTypes))
	if x.nd.Verbose > 2 && itemLen > 4 {
		x.nd.Print(" ")
		if !x.rawprint(b, ext+4, itemLen-4) {
			return x.trunc(tpay)
		}
	}
	return ext + itemLen
}

func (x *ikePrinter) v1Nonce(b []byte, _ uint8, ext, itemLen, ep int, _, _, _ uint32, _ int) int {
	x.nd.Print("nonce:")
	if !ttest(b, ext, 4) {
		return x.trunc(ikeNPNonce)
	}
	x.nd.Printf(" n len=%d", itemLen-4)
	if itemLen > 4 {
		switch {
		case x.nd.Verbose > 2:
			x.nd.Print(" ")
			if !x.rawprint(b, ext+4, itemLen-4) {
				return x.trunc(ikeNPNonce)
			}
		case x.nd.Verbose > 1:
			x.nd.Print(" ")
			if !x.showSomeData(b, ext+4, ep) {
				return x.trunc(ikeNPNonce)
			}
		}
	}
	return ext + itemLen
}

func (x *ikePrinter) v1ID(b []byte, _ uint8, ext, itemLen, _ int, phase, _, _ uint32, _ int) int {
	nd := x.nd
	nd.Print("id:")
	if !ttest(b, ext, 8) {
		return x.trunc(ikeNPID)
	}
	data, n := -1, 0
	if itemLen > 8 {
		data, n = ext+8, itemLen-8
	}
	if phase != 1 && phase != 2 {
		nd.Printf(" idtype=%s", ikeStr(uint32(getU8(b, ext+4)), ikeIDTypes))
		nd.Printf(" doi_data=%d", getBE32(b, ext+4)&0xffffff)
	} else {
		typ := getU8(b, ext+4)
		nd.Printf(" idtype=%s", ikeStr(uint32(typ), ikeIPsecIDTypes))
		protoID := getU8(b, ext+5)
		if name := netdbProtoName(protoID); nd.NoResolve == 0 && protoID != 0 && name != "" {
			nd.Printf(" protoid=%s", name)
		} else {
			nd.Printf(" protoid=%d", protoID)
		}
		nd.Printf(" port=%d", getBE16(b, ext+6))
		if n != 0 {
			if !ttest(b, data, n) {
				return x.trunc(ikeNPID)
			}
			if x.v1IDData(b, typ, data, n) {
				n = 0
			}
		}
	}
	if data >= 0 && n != 0 {
		nd.Printf(" len=%d", n)
		if nd.Verbose > 2 {
			nd.Print(" ")
			if !x.rawprint(b, data, n) {
				return x.trunc(ikeNPID)
			}
		}
	}
	return ext + itemLen
}

// v1IDData prints the IPsec DOI identification data; true means it
// consumed it.
func (x *ikePrinter) v1IDData(b []byte, typ uint8, data, n int) bool {
	nd := x.nd
	bad := func(min int) bool {
		if n < min {
			nd.Printf(" len=%d [bad: < %d]", n, min)
			return true
		}
		nd.Printf(" len=%d ", n)
		return false
	}
	switch typ {
	case 1: // IPv4 address
		if !bad(4) {
			nd.PrintIPAddr(b, data)
		}
	case 2, 3: // FQDN, user FQDN
		nd.Printf(" len=%d ", n)
		for i := 0; i < n; i++ {
			nd.printChar(getU8(b, data+i))
		}
	case 4: // IPv4 subnet
		if !bad(8) {
			nd.PrintIPAddr(b, data)
			nd.Printf("/%d.%d.%d.%d", getU8(b, data+4), getU8(b, data+5), getU8(b, data+6), getU8(b, data+7))
		}
	case 5: // IPv6 address
		if !bad(16) {
			nd.PrintIP6Addr(b, data)
		}
	case 6: // IPv6 subnet
		if !bad(32) {
			nd.PrintIP6Addr(b, data)
			nd.Print("/0x")
			ikeHex(nd, b[data+16:data+32])
		}
	case 7: // IPv4 range
		if !bad(8) {
			nd.PrintIPAddr(b, data)
			nd.Print("-")
			nd.PrintIPAddr(b, data+4)
		}
	case 8: // IPv6 range
		if !bad(32) {
			nd.PrintIP6Addr(b, data)
			nd.Print("-")
			nd.PrintIP6Addr(b, data+16)
		}
	default:
		return false
	}
	return true
}

func (x *ikePrinter) v1N(b []byte, _ uint8, ext, itemLen, ep int, _, _, _ uint32, _ int) int {
	nd := x.nd
	nd.Print("n:")
	if !ttest(b, ext, 12) {
		return x.trunc(ikeNPN)
	}
	doi := getBE32(b, ext+4)
	proto := uint32(getU8(b, ext+8))
	typ := uint32(getBE16(b, ext+10))
	spiSize := int(getU8(b, ext+9))
	if doi != 1 {
		nd.Printf(" doi=%d proto=%d", doi, proto)
		switch {
		case typ < 8192:
			nd.Printf(" type=%s", ikeStr(typ, ikeNotifyErrors))
		case typ >= 16384 && typ < 24576:
			nd.Printf(" type=%s", ikeStr(typ-16384, ikeNotifyStatus))
		default:
			nd.Printf(" type=#%d", typ)
		}
		if spiSize != 0 {
			nd.Print(" spi=")
			if !x.rawprint(b, ext+12, spiSize) {
				return x.trunc(ikeNPN)
			}
		}
		return ext + 12 + spiSize
	}
	nd.Printf(" doi=ipsec proto=%s", ikeStr(proto, ikeProtoIDs))
	switch {
	case typ < 8192:
		nd.Printf(" type=%s", ikeStr(typ, ikeNotifyErrors))
	case typ < 16384:
		nd.Printf(" type=%s", ikeStr(typ-8192, ikeIPsecNotifyErrors))
	case typ < 24576:
		nd.Printf(" type=%s", ikeStr(typ-16384, ikeNotifyStatus))
	case typ < 32768:
		nd.Printf(" type=%s", ikeStr(typ-24576, ikeIPsecNotifyStatus))
	default:
		nd.Printf(" type=#%d", typ)
	}
	if spiSize != 0 {
		nd.Print(" spi=")
		if !x.rawprint(b, ext+12, spiSize) {
			return x.trunc(ikeNPN)
		}
	}
	cp := ext + 12 + spiSize
	ep2 := ext + itemLen
	if cp < ep {
		switch typ {
		case 24576: // responder lifetime
			nd.Print(" attrs=(")
			for cp < ep && cp < ep2 {
				cp = x.attrPrint(b, cp, ep2, ikeOakleyTMap)
				if cp < 0 {
					nd.Print(")")
					return x.trunc(ikeNPN)
				}
			}
			nd.Print(")")
		case 24577: // replay status
			nd.Print(" status=(")
			if getBE32(b, cp) != 0 {
				nd.Print("replay detection enabled")
			} else {
				nd.Print("replay detection disabled")
			}
			nd.Print(")")
		default:
			if nd.Verbose > 3 {
				nd.Print(" data=(")
				if !x.rawprint(b, cp, ep-cp) {
					return x.trunc(ikeNPN)
				}
				nd.Print(")")
			} else if !x.showSomeData(b, cp, ep) {
				return x.trunc(ikeNPN)
			}
		}
	}
	return ext + itemLen
}

func (x *ikePrinter) v1D(b []byte, _ uint8, ext, _, _ int, _, _, _ uint32, _ int) int {
	nd := x.nd
	nd.Print("d:")
	if !ttest(b, ext, 12) {
		return x.trunc(ikeNPD)
	}
	doi := getBE32(b, ext+4)
	proto := uint32(getU8(b, ext+8))
	if doi != 1 {
		nd.Printf(" doi=%d proto=%d", doi, proto)
	} else {
		nd.Printf(" doi=ipsec proto=%s", ikeStr(proto, ikeProtoIDs))
	}
	spiSize := int(getU8(b, ext+9))
	numSPI := int(getBE16(b, ext+10))
	nd.Printf(" spilen=%d nspi=%d spi=", spiSize, numSPI)
	q := ext + 12
	for i := 0; i < numSPI; i++ {
		if i != 0 {
			nd.Print(",")
		}
		if !x.rawprint(b, q, spiSize) {
			return x.trunc(ikeNPD)
		}
		q += spiSize
	}
	return q
}

// payHdr prints an IKEv2 payload's name and critical bit.
func (x *ikePrinter) payHdr(name string, critical uint8) {
	x.nd.Print(name)
	if critical&0x80 != 0 {
		x.nd.Print("[C]")
	}
	x.nd.Print(":")
}

func (x *ikePrinter) v2Gen(b []byte, tpay uint8, ext, itemLen, _ int, _, _, _ uint32, _ int) int {
	if !ttest(b, ext, 4) {
		return x.trunc(tpay)
	}
	x.payHdr(ikeNPStr(tpay), getU8(b, ext+1))
	x.nd.Printf(" len=%d", itemLen-4)
	if x.nd.Verbose > 2 && itemLen > 4 {
		x.nd.Print(" ")
		if !x.rawprint(b, ext+4, itemLen-4) {
			return x.trunc(tpay)
		}
	}
	return ext + itemLen
}

func (x *ikePrinter) v2T(b []byte, tcount int, ext, itemLen, ep int) int {
	nd := x.nd
	if !ttest(b, ext, 8) {
		return x.trunc(ikeNPT)
	}
	x.payHdr(ikeNPStr(ikeNPT), getU8(b, ext+1))
	tID := uint32(getBE16(b, ext+6))
	tType := uint32(getU8(b, ext+4))
	var idstr string
	var m []ikeAttrMap
	switch tType {
	case 1:
		idstr, m = ikeStr(tID, ikeESPPMap), ikeEncrTMap
	case 2:
		idstr = ikeStr(tID, ikePRFPMap)
	case 3:
		idstr = ikeStr(tID, ikeIntegPMap)
	case 4:
		idstr = ikeStr(tID, ikeDHGroups)
	case 5:
		idstr = ikeStr(tID, ikeESNPMap)
	}
	if idstr != "" {
		nd.Printf(" #%d type=%s id=%s ", tcount, ikeStr(tType, ikev2TTypeMap), idstr)
	} else {
		nd.Printf(" #%d type=%s id=%d ", tcount, ikeStr(tType, ikev2TTypeMap), tID)
	}
	return x.attrs(b, ext+8, ext+itemLen, ep, m, ikeNPT)
}

func (x *ikePrinter) v2P(b []byte, ext, opropLen, ep, depth int) int {
	nd := x.nd
	if !ttest(b, ext, 8) {
		return x.trunc(ikeNPP)
	}
	x.payHdr(ikeNPStr(ikeNPP), getU8(b, ext+1))
	propLen := opropLen - 4
	nd.Printf(" #%d protoid=%s transform=%d len=%d", getU8(b, ext+4),
		ikeStr(uint32(getU8(b, ext+5)), ikeProtoIDs), getU8(b, ext+7), opropLen)
	cp := ext + 8
	spiSize := int(getU8(b, ext+6))
	if spiSize != 0 {
		if propLen < spiSize {
			nd.Printf(" [|%s]", ikeNPStr(ikeNPP))
			return cp + propLen
		}
		nd.Print(" spi=")
		if !x.rawprint(b, cp, spiSize) {
			return x.trunc(ikeNPP)
		}
		cp += spiSize
		propLen -= spiSize
	}
	return x.v2Items(b, cp, propLen, ikeNPT, ikeNPP, depth, func(count, ext, itemLen int) int {
		return x.v2T(b, count, ext, itemLen, ep)
	})
}

// v2Items walks a chain of sub-payloads (the proposals of an SA, the
// transforms of a proposal) as tcpdump does: each item's header and
// length are checked against what remains of the enclosing payload
// (total) and of the capture; items of type first are printed one level
// deeper by print, which returns the offset after the item or -1, and
// any other type by name only. outer names the enclosing payload in
// truncation markers.
func (x *ikePrinter) v2Items(b []byte, cp, total int, first, outer uint8, depth int, print func(count, ext, itemLen int) int) int {
	nd := x.nd
	count := 0
	ext := cp
	for np := first; np != 0; np = getU8(b, ext) {
		count++
		ext = cp
		if total < 4 {
			nd.Printf(" [|%s]", ikeNPStr(outer))
			return cp + total
		}
		if !ttest(b, ext, 4) {
			return x.trunc(outer)
		}
		itemLen := int(getBE16(b, ext+2))
		if itemLen <= 4 {
			return x.trunc(outer)
		}
		if total < itemLen {
			nd.Printf(" [|%s]", ikeNPStr(outer))
			return cp + total
		}
		if !ttest(b, cp, itemLen) {
			return x.trunc(outer)
		}
		x.indent(depth + 1)
		if np == first {
			if cp = print(count, ext, itemLen); cp < 0 {
				return -1
			}
		} else {
			nd.Print(ikeNPStr(np))
			cp += itemLen
		}
		nd.Print(")")
		total -= itemLen
	}
	return cp
}

func (x *ikePrinter) v2SA(b []byte, tpay uint8, ext1, _, ep int, _, _, _ uint32, depth int) int {
	nd := x.nd
	if !ttest(b, ext1, 4) {
		return x.trunc(tpay)
	}
	x.payHdr("sa", getU8(b, ext1+1))
	saLen := int(getBE16(b, ext1+2)) - 4
	nd.Printf(" len=%d", saLen)
	cp := ext1 + 4
	return x.v2Items(b, cp, saLen, ikeNPP, tpay, depth, func(_, ext, itemLen int) int {
		return x.v2P(b, ext, itemLen, ep, depth+1)
	})
}

func (x *ikePrinter) v2KE(b []byte, tpay uint8, ext, itemLen, _ int, _, _, _ uint32, _ int) int {
	if !ttest(b, ext, 8) {
		return x.trunc(tpay)
	}
	x.payHdr(ikeNPStr(tpay), getU8(b, ext+1))
	if itemLen < 8 {
		x.nd.Printf(" len=%d < 8", itemLen)
		return ext + itemLen
	}
	x.nd.Printf(" len=%d group=%s", itemLen-8, ikeStr(uint32(getBE16(b, ext+4)), ikeDHGroups))
	if x.nd.Verbose > 2 && itemLen > 8 {
		x.nd.Print(" ")
		if !x.rawprint(b, ext+8, itemLen-8) {
			return x.trunc(tpay)
		}
	}
	return ext + itemLen
}

func (x *ikePrinter) v2ID(b []byte, tpay uint8, ext, itemLen, _ int, _, _, _ uint32, _ int) int {
	nd := x.nd
	if !ttest(b, ext, 8) {
		return x.trunc(tpay)
	}
	x.payHdr(ikeNPStr(tpay), getU8(b, ext+1))
	nd.Printf(" len=%d", itemLen-4)
	if nd.Verbose > 2 && itemLen > 4 {
		nd.Print(" ")
		if !x.rawprint(b, ext+4, itemLen-4) {
			return x.trunc(tpay)
		}
	}
	n := itemLen - 8
	data := ext + 8
	ascii, hexdump := false, false
	switch getU8(b, ext+4) {
	case 1:
		nd.Print(" ipv4:")
		hexdump = true
	case 2:
		nd.Print(" fqdn:")
		ascii = true
	case 3:
		nd.Print(" rfc822:")
		ascii = true
	case 5:
		nd.Print(" ipv6:")
		hexdump = true
	case 9:
		nd.Print(" dn:")
		hexdump = true
	case 10:
		nd.Print(" gn:")
		hexdump = true
	case 11:
		nd.Print(" keyid:")
		hexdump = true
	}
	if ascii {
		if n < 0 || !ttest(b, data, n) {
			return x.trunc(tpay)
		}
		for i := 0; i < n; i++ {
			c := b[data+i]
			if c < 0x20 || c > 0x7e {
				c = '.'
			}
			nd.PrintByte(c)
		}
	}
	if hexdump && !x.rawprint(b, data, n) {
		return x.trunc(tpay)
	}
	return ext + itemLen
}

func (x *ikePrinter) v2Auth(b []byte, tpay uint8, ext, itemLen, ep int, _, _, _ uint32, _ int) int {
	nd := x.nd
	if !ttest(b, ext, 8) {
		return x.trunc(tpay)
	}
	x.payHdr(ikeNPStr(tpay), getU8(b, ext+1))
	nd.Printf(" len=%d method=%s", itemLen-4, ikeStr(uint32(getU8(b, ext+4)), ikev2AuthMethod))
	if itemLen > 4 {
		switch {
		case nd.Verbose > 1:
			nd.Print(" authdata=(")
			if !x.rawprint(b, ext+8, itemLen-8) {
				return x.trunc(tpay)
			}
			nd.Print(") ")
		case nd.Verbose > 0:
			if !x.showSomeData(b, ext+8, ep) {
				return x.trunc(tpay)
			}
		}
	}
	return ext + itemLen
}

func (x *ikePrinter) v2Nonce(b []byte, tpay uint8, ext, itemLen, ep int, _, _, _ uint32, _ int) int {
	nd := x.nd
	if !ttest(b, ext, 4) {
		return x.trunc(tpay)
	}
	x.payHdr("nonce", getU8(b, ext+1))
	nd.Printf(" len=%d", itemLen-4)
	switch {
	case nd.Verbose > 1 && itemLen > 4:
		nd.Print(" nonce=(")
		if !x.rawprint(b, ext+4, itemLen-4) {
			return x.trunc(tpay)
		}
		nd.Print(") ")
	case nd.Verbose > 0 && itemLen > 4:
		if !x.showSomeData(b, ext+4, ep) {
			return x.trunc(tpay)
		}
	}
	return ext + itemLen
}

func (x *ikePrinter) v2N(b []byte, _ uint8, ext, itemLen, ep int, _, _, _ uint32, _ int) int {
	nd := x.nd
	if !ttest(b, ext, 8) {
		return x.trunc(ikeNPN)
	}
	x.payHdr(ikeNPStr(ikeNPN), getU8(b, ext+1))
	nd.Printf(" prot_id=%s", ikeStr(uint32(getU8(b, ext+4)), ikeProtoIDs))
	typ := getBE16(b, ext+6)
	showSPI, someData := true, false
	name := ""
	if n, ok := ikev2Notifies[typ]; ok {
		name, showSPI = n.name, n.showSPI
		someData = typ == 16390
	} else {
		switch {
		case typ < 8192:
			name = "error"
		case typ < 16384:
			name = "private-error"
		case typ < 40960:
			name = "status"
		default:
			name = "private-status"
		}
	}
	nd.Printf(" type=%d(%s)", typ, name)
	spiSize := int(getU8(b, ext+5))
	if showSPI && spiSize != 0 {
		nd.Print(" spi=")
		if !x.rawprint(b, ext+8, spiSize) {
			return x.trunc(ikeNPN)
		}
	}
	cp := ext + 8 + spiSize
	if cp < ep {
		if nd.Verbose > 3 || (someData && ep-cp < 30) {
			nd.Print(" data=(")
			if !x.rawprint(b, cp, ep-cp) {
				return x.trunc(ikeNPN)
			}
			nd.Print(")")
		} else if someData && !x.showSomeData(b, cp, ep) {
			return x.trunc(ikeNPN)
		}
	}
	return ext + itemLen
}

func (x *ikePrinter) v2VID(b []byte, tpay uint8, ext, itemLen, _ int, _, _, _ uint32, _ int) int {
	nd := x.nd
	if !ttest(b, ext, 4) {
		return x.trunc(tpay)
	}
	x.payHdr(ikeNPStr(tpay), getU8(b, ext+1))
	n := itemLen - 4
	nd.Printf(" len=%d vid=", n)
	if !ttest(b, ext+4, n) {
		return x.trunc(tpay)
	}
	for i := 0; i < n; i++ {
		c := b[ext+4+i]
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		nd.PrintByte(c)
	}
	if nd.Verbose > 2 && n > 4 {
		nd.Print(" ")
		if !x.rawprint(b, ext+4, n) {
			return x.trunc(tpay)
		}
	}
	return ext + itemLen
}

// v2E prints an encrypted payload and, with a matching -E secret, the
// payloads inside it. tcpdump stops the chain after it either way.
func (x *ikePrinter) v2E(b []byte, tpay uint8, ext, itemLen int, phase, doi, proto uint32, depth int) int {
	nd := x.nd
	if !ttest(b, ext, 4) {
		return x.trunc(tpay)
	}
	x.payHdr(ikeNPStr(tpay), getU8(b, ext+1))
	dlen := itemLen - 4
	nd.Printf(" len=%d", dlen)
	if nd.Verbose > 2 && dlen > 4 {
		nd.Print(" ")
		if !x.rawprint(b, ext+4, dlen) {
			return x.trunc(tpay)
		}
	}
	if !ttest(b, ext+4, dlen) {
		return x.trunc(tpay)
	}
	np := getU8(b, ext)
	if pt := x.decrypt(b[ext+4 : ext+4+dlen]); pt != nil {
		x.v2SubPrint(pt, np, 0, len(pt), phase, doi, proto, depth+1)
	}
	return -1
}

// decrypt deciphers an IKEv2 encrypted payload with the -E "ikev2" SA
// for this exchange (esp_decrypt_buffer_by_ikev2_print).
func (x *ikePrinter) decrypt(dat []byte) []byte {
	if x.nd.esp == nil {
		return nil
	}
	initiator := getU8(x.base, 19)&0x08 != 0
	var sa *espSA
	for _, e := range x.nd.esp.list {
		if e.spi == 0 && !e.daddr.IsValid() && e.initiator == initiator &&
			string(e.spii[:]) == string(x.base[0:8]) && string(e.spir[:]) == string(x.base[8:16]) {
			sa = e
			break
		}
	}
	if sa == nil || sa.cipher == nil {
		return nil
	}
	end := len(dat) - sa.authLen
	if end <= sa.ivLen {
		return nil
	}
	return sa.decrypt(dat[:sa.ivLen], dat[sa.ivLen:end])
}
