package dissect

import (
	"math"
	"strconv"
)

// OSPF version 2 (RFC 2328; tcpdump's print-ospf.c) on IP protocol 89:
// the common header, authentication, and at -v the Hello, Database
// Description, LS-Request, LS-Update and LS-Ack bodies with their LSAs
// (router, network, summary, external/NSSA, group and the opaque TE,
// Graceful Restart and Router Information LSAs), plus LLS data blocks.
// OSPFv3 over IPv6 is in ospf6.go.

func init() {
	registerIPProto(89, ospfDemux)
}

func ospfDemux(nd *ND, b []byte, length int, ip *ipInfo) {
	if ip.ver == 6 {
		ospf6Print(nd, b, length)
		return
	}
	ospfPrint(nd, b, length)
}

// OSPF packet types.
const (
	ospfHello    = 1
	ospfDD       = 2
	ospfLSReq    = 3
	ospfLSUpdate = 4
	ospfLSAck    = 5
)

var ospfTypes = []tok{
	{1, "Hello"}, {2, "Database Description"}, {3, "LS-Request"}, {4, "LS-Update"}, {5, "LS-Ack"},
}

var ospfOptions = []tok{
	{0x01, "MultiTopology"}, {0x02, "External"}, {0x04, "Multicast"}, {0x08, "NSSA"},
	{0x10, "LLS"}, {0x20, "Demand Circuit"}, {0x40, "Opaque"}, {0x80, "Up/Down"},
}

const ospfOptionL = 0x10

var ospfAuthTypes = []tok{{0, "none"}, {1, "simple"}, {2, "MD5"}}

const (
	ospfAuthNone   = 0
	ospfAuthSimple = 1
	ospfAuthMD5    = 2
	ospfAuthMD5Len = 16
	ospfHdrLen     = 24
	lsaHdrLen      = 20
)

var ospfRLAFlags = []tok{
	{0x01, "ABR"}, {0x02, "ASBR"}, {0x04, "Virtual"}, {0x08, "Wildcard"}, {0x10, "Nt"}, {0x80, "Host"},
}

// LSA types.
const (
	lsTypeRouter   = 1
	lsTypeNetwork  = 2
	lsTypeSumIP    = 3
	lsTypeSumABR   = 4
	lsTypeASE      = 5
	lsTypeGroup    = 6
	lsTypeNSSA     = 7
	lsTypeOpaqueLL = 9
	lsTypeOpaqueAL = 10
	lsTypeOpaqueDW = 11
)

var ospfLSATypes = []tok{
	{1, "Router"}, {2, "Network"}, {3, "Summary"}, {4, "ASBR Summary"}, {5, "External"},
	{6, "Multicast Group"}, {7, "NSSA"}, {9, "Link Local Opaque"}, {10, "Area Local Opaque"},
	{11, "Domain Wide Opaque"},
}

var ospfDDFlags = []tok{{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x08, "OOBResync"}}

// Opaque LSA types.
const (
	lsOpaqueTE    = 1
	lsOpaqueGrace = 3
	lsOpaqueRI    = 4
)

var ospfOpaqueTypes = []tok{{1, "Traffic Engineering"}, {3, "Graceful restart"}, {4, "Router Information"}}

var ospfTETLVs = []tok{{1, "Router Address"}, {2, "Link"}}

var ospfTELinkSubTLVs = []tok{
	{1, "Link Type"}, {2, "Link ID"}, {3, "Local Interface IP address"},
	{4, "Remote Interface IP address"}, {5, "Traffic Engineering Metric"},
	{6, "Maximum Bandwidth"}, {7, "Maximum Reservable Bandwidth"}, {8, "Unreserved Bandwidth"},
	{9, "Administrative Group"}, {11, "Link Local/Remote Identifier"},
	{14, "Link Protection Type"}, {15, "Interface Switching Capability"},
	{16, "Shared Risk Link Group"}, {17, "Bandwidth Constraints"},
}

var ospfGraceTLVs = []tok{{1, "Grace Period"}, {2, "Graceful restart Reason"}, {3, "IPv4 interface address"}}

var ospfGraceReasons = []tok{
	{0, "Unknown"}, {1, "Software Restart"}, {2, "Software Reload/Upgrade"}, {3, "Control Processor Switch"},
}

var ospfTELinkTypes = []tok{{1, "Point-to-point"}, {2, "Multi-Access"}}

var ospfRITLVs = []tok{{1, "Router Capabilities"}}

var ospfRICaps = []tok{
	{1, "Reserved"}, {2, "Reserved"}, {4, "Reserved"}, {8, "Reserved"},
	{16, "graceful restart capable"}, {32, "graceful restart helper"},
	{64, "Stub router support"}, {128, "Traffic engineering"}, {256, "p2p over LAN"},
	{512, "path computation server"},
}

var ospfLLSTLVs = []tok{{1, "Extended Options"}, {2, "MD5 Authentication"}}

var ospfLLSEOOptions = []tok{{0x00000001, "LSDB resync"}, {0x00000002, "Restart"}}

var ospfTopologies = []tok{{0, "default"}, {1, "multicast"}, {2, "management"}}

// gmplsLinkProtections are the GMPLS link protection bits (RFC 4203).
var gmplsLinkProtections = []tok{
	{0x01, "Extra Traffic"}, {0x02, "Unprotected"}, {0x04, "Shared"}, {0x08, "Dedicated 1:1"},
	{0x10, "Dedicated 1+1"}, {0x20, "Enhanced"}, {0x40, "Reserved"}, {0x80, "Reserved"},
}

// diffservTEBCModels names the bandwidth constraint models (RFC 4124).
var diffservTEBCModels = []tok{
	{0, "Russian dolls"}, {1, "Maximum Allocation"}, {2, "Maximum Allocation with Reservation"},
}

func ospfPrint(nd *ND, b []byte, length int) {
	nd.SetProto("ospf2")
	authType := getBE16(b, 14)
	if authType == ospfAuthMD5 {
		length -= ospfAuthMD5Len
		b = b[:max(0, len(b)-ospfAuthMD5Len)]
	}
	typ := getU8(b, 1)
	ver := getU8(b, 0)
	name, known := "", false
	for _, t := range ospfTypes {
		if t.v == uint32(typ) {
			name, known = t.s, true
		}
	}
	if !known {
		name = "unknown LS-type " + strconv.Itoa(int(typ))
	}
	nd.Printf("OSPFv%d, %s, length %d", ver, name, length)
	if !known || nd.Verbose == 0 {
		return
	}
	ospfLen := int(getBE16(b, 2))
	if length != ospfLen {
		nd.Printf(" [len %d]", ospfLen)
	}
	dataEnd := length
	if length > ospfLen {
		dataEnd = ospfLen
	}
	tcheck(b, 4, 4)
	nd.Print("\n\tRouter-ID ")
	nd.PrintIPAddr(b, 4)
	if getBE32(b, 8) != 0 {
		nd.Print(", Area ")
		nd.PrintIPAddr(b, 8)
	} else {
		nd.Print(", Backbone Area")
	}
	tcheck(b, 16, 8)
	nd.Printf(", Authentication Type: %s (%d)", tok2str(ospfAuthTypes, "unknown", uint32(authType)), authType)
	switch authType {
	case ospfAuthNone:
	case ospfAuthSimple:
		nd.Print("\n\tSimple text password: ")
		printjnp(nd, b, 16, 8)
	case ospfAuthMD5:
		nd.Printf("\n\tKey-ID: %d, Auth-Length: %d, Crypto Sequence Number: 0x%08x",
			getU8(b, 18), getU8(b, 19), getBE32(b, 20))
	default:
		return
	}
	if ver != 2 {
		nd.Printf(" ospf [version %d]", ver)
		return
	}
	ospfDecodeV2(nd, b, dataEnd)
	if length > ospfLen {
		ospfDecodeLLS(nd, b, length)
	}
}

func ospfDecodeV2(nd *ND, b []byte, dataEnd int) {
	switch getU8(b, 1) {
	case ospfHello:
		nd.Printf("\n\tOptions [%s]", bittok2str(ospfOptions, "none", uint32(getU8(b, 30))))
		nd.Printf("\n\t  Hello Timer %ds, Dead Timer %ds, Mask ", getBE16(b, 28), getBE32(b, 32))
		tcheck(b, 24, 4)
		nd.PrintIPAddr(b, 24)
		nd.Printf(", Priority %d", getU8(b, 31))
		if getBE32(b, 36) != 0 {
			nd.Print("\n\t  Designated Router ")
			nd.PrintIPAddr(b, 36)
		}
		if getBE32(b, 40) != 0 {
			nd.Print(", Backup Designated Router ")
			nd.PrintIPAddr(b, 40)
		}
		if 44 < dataEnd {
			nd.Print("\n\t  Neighbor List:")
		}
		for off := 44; off < dataEnd; off += 4 {
			tcheck(b, off, 4)
			nd.Print("\n\t    ")
			nd.PrintIPAddr(b, off)
		}
	case ospfDD:
		nd.Printf("\n\tOptions [%s]", bittok2str(ospfOptions, "none", uint32(getU8(b, 26))))
		nd.Printf(", DD Flags [%s]", bittok2str(ospfDDFlags, "none", uint32(getU8(b, 27))))
		if mtu := getBE16(b, 24); mtu != 0 {
			nd.Printf(", MTU: %d", mtu)
		}
		nd.Printf(", Sequence: 0x%08x", getBE32(b, 28))
		for off := 32; off < dataEnd && ospfPrintLSHdr(nd, b, off) != -1; off += lsaHdrLen {
		}
	case ospfLSReq:
		for off := 24; off < dataEnd; off += 12 {
			tcheck(b, off, 12)
			lsType := getBE32(b, off)
			nd.Print("\n\t  Advertising Router: ")
			nd.PrintIPAddr(b, off+8)
			nd.Printf(", %s LSA (%d)", tok2str(ospfLSATypes, "unknown", lsType), lsType)
			switch lsType {
			case lsTypeOpaqueLL, lsTypeOpaqueAL, lsTypeOpaqueDW:
				ot := uint32(getU8(b, off+4))
				nd.Printf(", Opaque-Type: %s LSA (%d), Opaque-ID: %d",
					tok2str(ospfOpaqueTypes, "unknown", ot), ot, getBE24(b, off+5))
			default:
				nd.Print(", LSA-ID: ")
				nd.PrintIPAddr(b, off+4)
			}
		}
	case ospfLSUpdate:
		count := getBE32(b, 24)
		nd.Printf(", %d LSA%s", count, pick(count == 1, "", "s"))
		off := 28
		for i := uint32(1); i <= count; i++ {
			nd.Printf("\n\t  LSA #%d", i)
			off = ospfPrintLSA(nd, b, off)
			if off < 0 {
				trunc()
			}
		}
	case ospfLSAck:
		// tcpdump 4.99.3 walks LSA headers until one fails to decode,
		// not up to the packet length.
		for off := 24; ospfPrintLSHdr(nd, b, off) != -1; off += lsaHdrLen {
		}
	}
}

// ospfPrintLSHdr prints the LSA header at off and returns the LSA's
// length, or -1 when that is shorter than the header.
func ospfPrintLSHdr(nd *ND, b []byte, off int) int {
	lsLen := int(getBE16(b, off+18))
	if lsLen < lsaHdrLen {
		nd.Printf("\n\t    Bogus length %d < header (%d)", lsLen, lsaHdrLen)
		return -1
	}
	tcheck(b, off, 16)
	nd.Print("\n\t  Advertising Router ")
	nd.PrintIPAddr(b, off+8)
	nd.Printf(", seq 0x%08x, age %ds, length %d", getBE32(b, off+12), getBE16(b, off), lsLen-lsaHdrLen)
	lsType := uint32(getU8(b, off+3))
	switch lsType {
	case lsTypeOpaqueLL, lsTypeOpaqueAL, lsTypeOpaqueDW:
		ot := uint32(getU8(b, off+4))
		nd.Printf("\n\t    %s LSA (%d), Opaque-Type %s LSA (%d), Opaque-ID %d",
			tok2str(ospfLSATypes, "unknown", lsType), lsType,
			tok2str(ospfOpaqueTypes, "unknown", ot), ot, getBE24(b, off+5))
	default:
		tcheck(b, off+4, 4)
		nd.Printf("\n\t    %s LSA (%d), LSA-ID: ", tok2str(ospfLSATypes, "unknown", lsType), lsType)
		nd.PrintIPAddr(b, off+4)
	}
	nd.Printf("\n\t    Options: [%s]", bittok2str(ospfOptions, "none", uint32(getU8(b, off+2))))
	return lsLen
}

// ospfPrintLSA prints the LSA at off and returns the offset past it, or
// -1 when its header is bogus.
func ospfPrintLSA(nd *ND, b []byte, off int) int {
	lsLen := ospfPrintLSHdr(nd, b, off)
	if lsLen < 0 {
		return -1
	}
	end := off + lsLen
	body := off + lsaHdrLen
	bodyLen := lsLen - lsaHdrLen
	switch getU8(b, off+3) {
	case lsTypeRouter:
		nd.Printf("\n\t    Router LSA Options: [%s]", bittok2str(ospfRLAFlags, "none", uint32(getU8(b, body))))
		count := int(getBE16(b, body+2))
		tcheck(b, body+4, 12)
		p := body + 4
		for ; count != 0; count-- {
			tcheck(b, p, 12)
			desc := ""
			switch lt := getU8(b, p+8); lt {
			case 4:
				desc = "Virtual Link: Neighbor Router-ID: "
			case 1:
				desc = "Neighbor Router-ID: "
			case 2:
				desc = "Neighbor Network-ID: "
			case 3:
				desc = "Stub Network: "
			default:
				nd.Printf("\n\t      Unknown Router Link Type (%d)", lt)
				return end
			}
			nd.Print("\n\t      ")
			nd.Print(desc)
			nd.PrintIPAddr(b, p)
			nd.Print(pick(getU8(b, p+8) == 3, ", Mask: ", ", Interface Address: "))
			nd.PrintIPAddr(b, p+4)
			tosCount := int(getU8(b, p+9))
			for i := 0; i <= tosCount; i++ {
				t := p + 8 + 4*i
				topo := uint32(0)
				if i > 0 {
					topo = uint32(getU8(b, t))
				}
				nd.Printf("\n\t\ttopology %s (%d), metric %d",
					tok2str(ospfTopologies, "Unknown", topo), topo, getBE16(b, t+2))
			}
			p += 12 + 4*tosCount
		}
	case lsTypeNetwork:
		tcheck(b, body, 4)
		nd.Print("\n\t    Mask ")
		nd.PrintIPAddr(b, body)
		nd.Print("\n\t    Connected Routers:")
		for p := body + 4; p < end; p += 4 {
			tcheck(b, p, 4)
			nd.Print("\n\t      ")
			nd.PrintIPAddr(b, p)
		}
	case lsTypeSumIP, lsTypeSumABR:
		if getU8(b, off+3) == lsTypeSumIP {
			tcheck(b, body, 4)
			nd.Print("\n\t    Mask ")
			nd.PrintIPAddr(b, body)
		}
		tcheck(b, body+4, 4)
		for p := body + 4; p < end; p += 4 {
			ul := getBE32(b, p)
			topo := (ul & 0x7f000000) >> 24
			nd.Printf("\n\t\ttopology %s (%d) metric %d",
				tok2str(ospfTopologies, "Unknown", topo), topo, ul&0x00ffffff)
		}
	case lsTypeASE, lsTypeNSSA:
		tcheck(b, body, 4)
		nd.Print("\n\t    Mask ")
		nd.PrintIPAddr(b, body)
		tcheck(b, body+4, 4)
		for p := body + 4; p < end; p += 12 {
			ul := getBE32(b, p)
			topo := (ul & 0x7f000000) >> 24
			nd.Printf("\n\t\ttopology %s (%d), type %s, metric",
				tok2str(ospfTopologies, "Unknown", topo), topo, pick(ul&0x80000000 != 0, "2", "1"))
			if ul&0xffffff == 0xffffff {
				nd.Print(" infinite")
			} else {
				nd.Printf(" %d", ul&0xffffff)
			}
			if getBE32(b, p+4) != 0 {
				nd.Print(", forward ")
				nd.PrintIPAddr(b, p+4)
			}
			if getBE32(b, p+8) != 0 {
				nd.Print(", tag ")
				nd.PrintIPAddr(b, p+8)
			}
		}
	case lsTypeGroup:
		for p := body; p < end; p += 8 {
			switch vt := getBE32(b, p); vt {
			case 1:
				tcheck(b, p+4, 4)
				nd.Print("\n\t    Router Router-ID ")
				nd.PrintIPAddr(b, p+4)
			case 2:
				tcheck(b, p+4, 4)
				nd.Print("\n\t    Network Designated Router ")
				nd.PrintIPAddr(b, p+4)
			default:
				nd.Printf("\n\t    unknown VertexType (%d)", vt)
			}
		}
	case lsTypeOpaqueLL, lsTypeOpaqueAL, lsTypeOpaqueDW:
		var ok bool
		switch getU8(b, off+4) {
		case lsOpaqueRI:
			ok = ospfRIPrint(nd, b, body, bodyLen)
		case lsOpaqueGrace:
			ok = ospfGracePrint(nd, b, body, bodyLen)
		case lsOpaqueTE:
			ok = ospfTEPrint(nd, b, body, bodyLen)
		default:
			ok = true
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, body, "\n\t    ", bodyLen)
			}
		}
		if !ok {
			return end
		}
	}
	if nd.Verbose > 1 {
		unknownDataPrint(nd, b, body, "\n\t    ", bodyLen)
	}
	return end
}

// ospfRIPrint prints Router Information TLVs; false ends the LSA early.
func ospfRIPrint(nd *ND, b []byte, p, n int) bool {
	for n != 0 {
		tcheck(b, p, 4)
		if n < 4 {
			nd.Printf("\n\t    Remaining LS length %d < 4", n)
			return false
		}
		typ, tlen := getBE16(b, p), int(getBE16(b, p+2))
		p += 4
		n -= 4
		nd.Printf("\n\t    %s TLV (%d), length: %d, value: ", tok2str(ospfRITLVs, "unknown", uint32(typ)), typ, tlen)
		if tlen > n {
			nd.Printf("\n\t    Bogus length %d > remaining LS length %d", tlen, n)
			return false
		}
		tcheck(b, p, tlen)
		switch typ {
		case 1:
			if tlen != 4 {
				nd.Printf("\n\t    Bogus length %d != 4", tlen)
				return false
			}
			nd.Printf("Capabilities: %s", bittok2str(ospfRICaps, "Unknown", getBE32(b, p)))
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, p, "\n\t      ", tlen)
			}
		}
		// tcpdump 4.99.3 does not pad Router Information TLVs.
		p += tlen
		n -= tlen
	}
	return true
}

// pad4 rounds n up to a multiple of 4 (OSPF aligns TLVs on 32 bits).
func pad4(n int) int { return (n + 3) &^ 3 }

// ospfGracePrint prints Grace LSA TLVs (RFC 3623).
func ospfGracePrint(nd *ND, b []byte, p, n int) bool {
	for n > 0 {
		if !ttest(b, p, 4) {
			return false
		}
		if n < 4 {
			nd.Printf("\n\t    Remaining LS length %d < 4", n)
			return false
		}
		typ, tlen := getBE16(b, p), int(getBE16(b, p+2))
		p += 4
		n -= 4
		nd.Printf("\n\t    %s TLV (%d), length %d, value: ", tok2str(ospfGraceTLVs, "unknown", uint32(typ)), typ, tlen)
		if tlen > n {
			nd.Printf("\n\t    Bogus length %d > %d", tlen, n)
			return false
		}
		if typ == 0 || tlen == 0 {
			return false
		}
		if !ttest(b, p, tlen) {
			return false
		}
		switch typ {
		case 1:
			if tlen != 4 {
				nd.Printf("\n\t    Bogus length %d != 4", tlen)
				return false
			}
			nd.Printf("%ds", getBE32(b, p))
		case 2:
			if tlen != 1 {
				nd.Printf("\n\t    Bogus length %d != 1", tlen)
				return false
			}
			r := uint32(getU8(b, p))
			nd.Printf("%s (%d)", tok2str(ospfGraceReasons, "Unknown", r), r)
		case 3:
			if tlen != 4 {
				nd.Printf("\n\t    Bogus length %d != 4", tlen)
				return false
			}
			nd.PrintIPAddr(b, p)
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, p, "\n\t      ", tlen)
			}
		}
		tlen = pad4(tlen)
		n -= tlen
		p += tlen
	}
	return true
}

// ospfBW formats an IEEE float of bytes per second as tcpdump does
// ("%.3f" of the single-precision value times 8 over 10^6).
func ospfBW(bits uint32) string {
	f := math.Float32frombits(bits) * 8 / 1000000
	return strconv.FormatFloat(float64(f), 'f', 3, 64)
}

// ospfTEPrint prints Traffic Engineering LSA TLVs (RFC 3630, RFC 4203).
func ospfTEPrint(nd *ND, b []byte, p, n int) bool {
	for n != 0 {
		if !ttest(b, p, 4) {
			return false
		}
		if n < 4 {
			nd.Printf("\n\t    Remaining LS length %d < 4", n)
			return false
		}
		typ, tlen := getBE16(b, p), int(getBE16(b, p+2))
		p += 4
		n -= 4
		nd.Printf("\n\t    %s TLV (%d), length: %d", tok2str(ospfTETLVs, "unknown", uint32(typ)), typ, tlen)
		if tlen > n {
			nd.Printf("\n\t    Bogus length %d > %d", tlen, n)
			return false
		}
		if typ == 0 || tlen == 0 {
			return false
		}
		switch typ {
		case 2:
			// tcpdump 4.99.3 walks the sub-TLVs with the TLV's own
			// pointer and length, so after a Link TLV the LS length
			// is not reduced and the walk resumes past it.
			for tlen != 0 {
				if tlen < 4 {
					nd.Printf("\n\t    Remaining TLV length %d < 4", tlen)
					return false
				}
				st, sl := getBE16(b, p), int(getBE16(b, p+2))
				p += 4
				tlen -= 4
				if st == 0 || sl == 0 {
					nd.PrintInvalid()
					return false
				}
				nd.Printf("\n\t      %s subTLV (%d), length: %d", tok2str(ospfTELinkSubTLVs, "unknown", uint32(st)), st, sl)
				if tlen < sl {
					nd.Printf("\n\t    Remaining TLV length %d < %d", tlen+4, sl+4)
					return false
				}
				if !ttest(b, p, sl) {
					return false
				}
				extra, ok := ospfTESubTLVPrint(nd, b, st, p, sl)
				if !ok {
					nd.PrintInvalid()
					return false
				}
				p += extra
				sl = pad4(sl)
				if tlen < sl {
					nd.Printf("\n\t    Remaining TLV length %d < %d", tlen+4, sl+4)
					return false
				}
				tlen -= sl
				p += sl
			}
		case 1:
			if tlen < 4 {
				nd.Printf("\n\t    TLV length %d < 4", tlen)
				return false
			}
			tcheck(b, p, 4)
			nd.Print(", ")
			nd.PrintIPAddr(b, p)
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, p, "\n\t      ", tlen)
			}
		}
		tlen = pad4(tlen)
		if tlen > n {
			nd.Printf("\n\t    Bogus padded length %d > %d", tlen, n)
			return false
		}
		n -= tlen
		p += tlen
	}
	return true
}

// ospfTESubTLVPrint prints one Link TLV sub-TLV; ok is false when its
// length was wrong (after printing why). extra is how far tcpdump's walk
// pointer moved inside the sub-TLV (the shared risk groups), which it
// adds on top of the sub-TLV length.
func ospfTESubTLVPrint(nd *ND, b []byte, st uint16, q, sl int) (extra int, ok bool) {
	want := func(cond bool, why string) bool {
		if !cond {
			nd.Print(why)
		}
		return cond
	}
	switch st {
	case 9:
		if !want(sl == 4, " != 4") {
			return 0, false
		}
		nd.Printf(", 0x%08x", getBE32(b, q))
	case 2, 11:
		if !want(sl == 4 || sl == 8, " != 4 && != 8") {
			return 0, false
		}
		nd.Print(", ")
		nd.PrintIPAddr(b, q)
		nd.Printf(" (0x%08x)", getBE32(b, q))
		if sl == 8 {
			nd.Print(", ")
			nd.PrintIPAddr(b, q+4)
			nd.Printf(" (0x%08x)", getBE32(b, q+4))
		}
	case 3, 4:
		if !want(sl == 4, " != 4") {
			return 0, false
		}
		nd.Print(", ")
		nd.PrintIPAddr(b, q)
	case 6, 7:
		if !want(sl == 4, " != 4") {
			return 0, false
		}
		nd.Printf(", %s Mbps", ospfBW(getBE32(b, q)))
	case 8:
		if !want(sl == 32, " != 32") {
			return 0, false
		}
		for c := 0; c < 8; c++ {
			nd.Printf("\n\t\tTE-Class %d: %s Mbps", c, ospfBW(getBE32(b, q+4*c)))
		}
	case 17:
		if !want(sl >= 4, " < 4") {
			return 0, false
		}
		m := uint32(getU8(b, q))
		nd.Printf("\n\t\tBandwidth Constraints Model ID: %s (%d)", tok2str(diffservTEBCModels, "unknown", m), m)
		if sl%4 != 0 {
			nd.Printf("\n\t\tlength %d != N x 4", sl)
			return 0, false
		}
		if sl > 36 {
			nd.Printf("\n\t\tlength %d > 36", sl)
			return 0, false
		}
		for c := 0; c < (sl-4)/4; c++ {
			nd.Printf("\n\t\t  Bandwidth constraint CT%d: %s Mbps", c, ospfBW(getBE32(b, q+4+4*c)))
		}
	case 5:
		if !want(sl == 4, " != 4") {
			return 0, false
		}
		nd.Printf(", Metric %d", getBE32(b, q))
	case 14:
		if !want(sl == 4, " != 4") {
			return 0, false
		}
		nd.Printf(", %s", bittok2str(gmplsLinkProtections, "none", uint32(getU8(b, q))))
	case 15:
		if !want(sl >= 36, " < 36") {
			return 0, false
		}
		nd.Printf("\n\t\tInterface Switching Capability: %s", tok2str(gmplsSwitchCaps, "Unknown", uint32(getU8(b, q))))
		nd.Printf("\n\t\tLSP Encoding: %s\n\t\tMax LSP Bandwidth:", tok2str(gmplsEncodings, "Unknown", uint32(getU8(b, q+1))))
		for l := 0; l < 8; l++ {
			nd.Printf("\n\t\t  priority level %d: %s Mbps", l, ospfBW(getBE32(b, q+4+4*l)))
		}
	case 1:
		if !want(sl == 1, " != 1") {
			return 0, false
		}
		t := uint32(getU8(b, q))
		nd.Printf(", %s (%d)", tok2str(ospfTELinkTypes, "unknown", t), t)
	case 16:
		if !want(sl%4 == 0, " != N x 4") {
			return 0, false
		}
		if sl > 0 {
			nd.Print("\n\t\t  Shared risk group: ")
		}
		for i := 0; i < sl/4; i++ {
			if i > 0 {
				nd.Print(", ")
			}
			nd.Printf("%d", getBE32(b, q+4*i))
		}
		extra = sl
	default:
		if nd.Verbose <= 1 {
			unknownDataPrint(nd, b, q, "\n\t\t", sl)
		}
	}
	return extra, true
}

// ospfDecodeLLS prints the link-local signaling block after the OSPF
// packet (RFC 5613), which Hello and DD packets flag with the L option.
func ospfDecodeLLS(nd *ND, b []byte, length int) {
	switch getU8(b, 1) {
	case ospfHello:
		if getU8(b, 30)&ospfOptionL == 0 {
			return
		}
	case ospfDD:
		if getU8(b, 26)&ospfOptionL == 0 {
			return
		}
	default:
		return
	}
	l2 := int(getBE16(b, 2))
	p := l2
	if getBE16(b, 14) == ospfAuthMD5 {
		a := int(getU8(b, 19))
		p += a
		l2 += a
	}
	if l2 >= length {
		nd.Print("\n\t[LLS truncated]")
		return
	}
	nd.Printf("\n\t  LLS: checksum: 0x%04x", getBE16(b, p))
	p += 2
	nd.Printf(", length: %d", getBE16(b, p))
	p += 2
	for p < length {
		typ := getBE16(b, p)
		nd.Printf("\n\t    %s (%d)", tok2str(ospfLLSTLVs, "Unknown TLV", uint32(typ)), typ)
		p += 2
		l := int(getBE16(b, p))
		nd.Printf(", length: %d", l)
		p += 2
		switch typ {
		case 1:
			if l != 4 {
				nd.Print(" [should be 4]")
				l = 4
			}
			f := getBE32(b, p)
			nd.Printf("\n\t      Options: 0x%08x [%s]", f, bittok2str(ospfLLSEOOptions, "?", f))
		case 2:
			if l != 20 {
				nd.Print(" [should be 20]")
				l = 20
			}
			nd.Printf("\n\t      Sequence number: 0x%08x", getBE32(b, p))
		}
		p += l
	}
}
