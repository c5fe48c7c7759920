package main

import (
	"strconv"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// routeFilter is the selector state of ip route list/flush/get.
type routeFilter struct {
	tb                     uint32
	cloned                 int
	flush                  bool
	protocol, protocolmask uint32
	scope, scopemask       uint32
	typemask               uint32
	tos, tosmask           uint32
	iif, iifmask           uint32
	oif, oifmask           uint32
	mark, markmask         uint32
	metric, metricmask     uint32
	realm, realmmask       uint32
	rprefsrc, rvia         inetPrefix
	rdst, mdst, rsrc, msrc inetPrefix
	ip6MultipleTables      bool
	hasRprefsrc, hasRvia   bool
	hasRdst, hasMdst       bool
	hasRsrc, hasMsrc       bool
}

var rf routeFilter

func resetRouteFilter() {
	rf = routeFilter{}
	rf.mdst.bitlen = -1
	rf.msrc.bitlen = -1
}

// keep reports whether a route passes the filter (iproute2's filter_nlmsg).
func (f *routeFilter) keep(r *rtnl.RouteMsg) bool {
	tb := &r.Attrs
	table := r.TableID()
	family := int(r.Family)
	if opt.family != unix.AF_UNSPEC && family != opt.family {
		return false
	}
	if family == unix.AF_INET6 && table != rtnl.RT_TABLE_MAIN {
		f.ip6MultipleTables = true
	}
	if f.cloned == boolInt(r.Flags&rtnl.RTM_F_CLONED == 0) {
		return false
	}
	if family == unix.AF_INET6 && !f.ip6MultipleTables {
		if f.tb != 0 {
			switch f.tb {
			case rtnl.RT_TABLE_LOCAL:
				if r.Type != rtnl.RTN_LOCAL {
					return false
				}
			case rtnl.RT_TABLE_MAIN:
				if r.Type == rtnl.RTN_LOCAL {
					return false
				}
			default:
				return false
			}
		}
	} else if f.tb > 0 && f.tb != table {
		return false
	}
	if (f.protocol^uint32(r.Protocol))&f.protocolmask != 0 ||
		(f.scope^uint32(r.Scope))&f.scopemask != 0 ||
		(f.typemask != 0 && f.typemask&(1<<r.Type) == 0) ||
		(f.tos^uint32(r.Tos))&f.tosmask != 0 {
		return false
	}
	// A prefix given without a family ("default" with neither -4 nor -6)
	// selects by length in every family, as ip 6.1 does.
	if f.hasRdst && (f.rdst.family != 0 && family != f.rdst.family || f.rdst.bitlen > int(r.DstLen)) {
		return false
	}
	if f.hasMdst && (f.mdst.family != 0 && family != f.mdst.family || (f.mdst.bitlen >= 0 && f.mdst.bitlen < int(r.DstLen))) {
		return false
	}
	if f.hasRsrc && (f.rsrc.family != 0 && family != f.rsrc.family || f.rsrc.bitlen > int(r.SrcLen)) {
		return false
	}
	if f.hasMsrc && (f.msrc.family != 0 && family != f.msrc.family || (f.msrc.bitlen >= 0 && f.msrc.bitlen < int(r.SrcLen))) {
		return false
	}
	if f.hasRvia {
		fam := family
		if v, ok := tb.Get(rtnl.RTA_VIA); ok && len(v) >= 2 {
			fam = int(rtnl.U32(v[:2]) & 0xffff)
		}
		if fam != f.rvia.family {
			return false
		}
	}
	if f.hasRprefsrc && family != f.rprefsrc.family {
		return false
	}
	var dst [16]byte
	if d, ok := tb.Get(rtnl.RTA_DST); ok {
		copy(dst[:], d[:min(len(d), (int(r.DstLen)+7)/8)])
	}
	var src [16]byte
	if s, ok := tb.Get(rtnl.RTA_SRC); ok {
		copy(src[:], s[:min(len(s), (int(r.SrcLen)+7)/8)])
	}
	if f.hasRdst && !addrMatch(dst[:], &f.rdst, f.rdst.bitlen) {
		return false
	}
	if f.hasMdst && f.mdst.bitlen >= 0 && !addrMatch(dst[:], &f.mdst, int(r.DstLen)) {
		return false
	}
	if f.hasRsrc && !addrMatch(src[:], &f.rsrc, f.rsrc.bitlen) {
		return false
	}
	if f.hasMsrc && f.msrc.bitlen >= 0 && !addrMatch(src[:], &f.msrc, int(r.SrcLen)) {
		return false
	}
	if f.hasRvia && f.rvia.bitlen > 0 {
		var via [16]byte
		if g, ok := tb.Get(rtnl.RTA_GATEWAY); ok {
			copy(via[:], g)
		}
		if v, ok := tb.Get(rtnl.RTA_VIA); ok && len(v) > 2 {
			copy(via[:], v[2:])
		}
		if !addrMatch(via[:], &f.rvia, f.rvia.bitlen) {
			return false
		}
	}
	if f.hasRprefsrc && f.rprefsrc.bitlen > 0 {
		var ps [16]byte
		copy(ps[:], tb.Bytes(rtnl.RTA_PREFSRC))
		if !addrMatch(ps[:], &f.rprefsrc, f.rprefsrc.bitlen) {
			return false
		}
	}
	if f.realmmask != 0 && (tb.Uint32(rtnl.RTA_FLOW)^f.realm)&f.realmmask != 0 {
		return false
	}
	if f.iifmask != 0 && (tb.Uint32(rtnl.RTA_IIF)^f.iif)&f.iifmask != 0 {
		return false
	}
	if f.oifmask != 0 && (tb.Uint32(rtnl.RTA_OIF)^f.oif)&f.oifmask != 0 {
		return false
	}
	if f.markmask != 0 && (tb.Uint32(rtnl.RTA_MARK)^f.mark)&f.markmask != 0 {
		return false
	}
	if f.metricmask != 0 && (tb.Uint32(rtnl.RTA_PRIORITY)^f.metric)&f.metricmask != 0 {
		return false
	}
	if f.flush && family == unix.AF_INET6 && r.DstLen == 0 && r.Type == rtnl.RTN_UNREACHABLE &&
		tb.Has(rtnl.RTA_PRIORITY) && tb.Uint32(rtnl.RTA_PRIORITY) == 0xffffffff {
		return false
	}
	return true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rtnTypeNames is rtnl_rtntype_n2a.
var rtnTypeNames = [...]string{
	rtnl.RTN_UNSPEC: "none", rtnl.RTN_UNICAST: "unicast", rtnl.RTN_LOCAL: "local",
	rtnl.RTN_BROADCAST: "broadcast", rtnl.RTN_ANYCAST: "anycast",
	rtnl.RTN_MULTICAST: "multicast", rtnl.RTN_BLACKHOLE: "blackhole",
	rtnl.RTN_UNREACHABLE: "unreachable", rtnl.RTN_PROHIBIT: "prohibit",
	rtnl.RTN_THROW: "throw", rtnl.RTN_NAT: "nat", rtnl.RTN_XRESOLVE: "xresolve",
}

func rtnTypeName(t uint8) string {
	if int(t) < len(rtnTypeNames) {
		return rtnTypeNames[t]
	}
	return strconv.Itoa(int(t))
}

// rtnTypeID is rtnl_rtntype_a2n, with its mix of exact and prefix matches.
func rtnTypeID(s string) (uint8, bool) {
	switch {
	case s == "local":
		return rtnl.RTN_LOCAL, true
	case s == "nat":
		return rtnl.RTN_NAT, true
	case matches(s, "broadcast") || s == "brd":
		return rtnl.RTN_BROADCAST, true
	case matches(s, "anycast"):
		return rtnl.RTN_ANYCAST, true
	case matches(s, "multicast"):
		return rtnl.RTN_MULTICAST, true
	case matches(s, "prohibit"):
		return rtnl.RTN_PROHIBIT, true
	case matches(s, "unreachable"):
		return rtnl.RTN_UNREACHABLE, true
	case s == "blackhole":
		return rtnl.RTN_BLACKHOLE, true
	case matches(s, "xresolve"):
		return rtnl.RTN_XRESOLVE, true
	case matches(s, "unicast"):
		return rtnl.RTN_UNICAST, true
	case s == "throw":
		return rtnl.RTN_THROW, true
	}
	v, ok := rtnames.ParseUint(s, 255)
	return uint8(v), ok
}

// dsfieldNames caches rtnl_dsfield_n2a's answers.
var dsfieldNames [256]string

// dsfieldName is rtnl_dsfield_n2a: a name from rt_dsfield, else 0xNN.
func dsfieldName(v uint8) string {
	if n := dsfieldNames[v]; n != "" {
		return n
	}
	n, ok := rtnames.DSField.Lookup(uint32(v))
	if !ok {
		n = "0x" + string([]byte{hexd[v>>4], hexd[v&15]})
	}
	dsfieldNames[v] = n
	return n
}

// dsfieldID is rtnl_dsfield_a2n.
func dsfieldID(s string) (uint32, bool) {
	v, ok := rtnames.DSField.ID(s)
	if ok {
		return v, true
	}
	n, err := strconv.ParseUint(s, 16, 64)
	if err != nil || n > 255 {
		return 0, false
	}
	return uint32(n), true
}

var mxNames = [...]string{
	rtnl.RTAX_MTU: "mtu", rtnl.RTAX_WINDOW: "window", rtnl.RTAX_RTT: "rtt",
	rtnl.RTAX_RTTVAR: "rttvar", rtnl.RTAX_SSTHRESH: "ssthresh", rtnl.RTAX_CWND: "cwnd",
	rtnl.RTAX_ADVMSS: "advmss", rtnl.RTAX_REORDERING: "reordering",
	rtnl.RTAX_HOPLIMIT: "hoplimit", rtnl.RTAX_INITCWND: "initcwnd",
	rtnl.RTAX_FEATURES: "features", rtnl.RTAX_RTO_MIN: "rto_min",
	rtnl.RTAX_INITRWND: "initrwnd", rtnl.RTAX_QUICKACK: "quickack",
	rtnl.RTAX_CC_ALGO: "congctl", rtnl.RTAX_FASTOPEN_NO_COOKIE: "fastopen_no_cookie",
}

// cacheFlagNames are the RTCF_* bits (linux/in_route.h) in
// print_cache_flags' order.
var cacheFlagNames = []struct {
	bit  uint32
	name string
}{
	{0x80000000, "local"}, {0x40000000, "reject"}, {0x20000000, "mc"},
	{0x10000000, "brd"}, {0x08000000, "dst-nat"}, {0x00800000, "src-nat"},
	{0x00400000, "masq"}, {0x00020000, "dst-direct"}, {0x04000000, "src-direct"},
	{0x00040000, "redirected"}, {0x01000000, "redirect"}, {0x00200000, "fastroute"},
	{0x00010000, "notify"}, {0x00080000, "proxy"},
}

// routeFlagNames are print_rt_flags' words in order.
var routeFlagNames = []struct {
	bit  uint32
	name string
}{
	{rtnl.RTNH_F_DEAD, "dead"}, {rtnl.RTNH_F_ONLINK, "onlink"},
	{rtnl.RTNH_F_PERVASIVE, "pervasive"}, {rtnl.RTNH_F_OFFLOAD, "offload"},
	{rtnl.RTNH_F_TRAP, "trap"}, {rtnl.RTM_F_NOTIFY, "notify"},
	{rtnl.RTNH_F_LINKDOWN, "linkdown"}, {rtnl.RTNH_F_UNRESOLVED, "unresolved"},
	{rtnl.RTM_F_OFFLOAD, "rt_offload"}, {rtnl.RTM_F_TRAP, "rt_trap"},
	{rtnl.RTM_F_OFFLOAD_FAILED, "rt_offload_failed"},
}

func printRtFlags(flags uint32) {
	pr.openArr("flags")
	for _, f := range routeFlagNames {
		if flags&f.bit != 0 {
			pr.str("", "", f.name, " ")
		}
	}
	pr.closeArr()
}

// hostAddr formats an address attribute as format_host does (names with -r).
func hostAddr(family int, b []byte) []byte { return formatHost(family, b) }

// printRoute prints one route as iproute2's print_route does.
func printRoute(typ uint16, r *rtnl.RouteMsg) {
	tb := &r.Attrs
	family := int(r.Family)
	hostLen := afBitLen(family)
	table := r.TableID()
	b1 := &pr.scratch

	pr.openObj("")
	if typ == unix.RTM_DELROUTE {
		pr.jsonBool("deleted", true)
		pr.text("Deleted ")
	}
	if (r.Type != rtnl.RTN_UNICAST || opt.details > 0) && (rf.typemask == 0 || rf.typemask&(1<<r.Type) != 0) {
		pr.str("type", "", rtnTypeName(r.Type), " ")
	}
	var dst []byte
	if d, ok := tb.Get(rtnl.RTA_DST); ok {
		if int(r.DstLen) != hostLen {
			dst = appendAddr(b1[:0], family, d)
			dst = append(dst, '/')
			dst = strconv.AppendUint(dst, uint64(r.DstLen), 10)
		} else {
			dst = append(b1[:0], formatHost(family, d)...)
		}
	} else if r.DstLen != 0 {
		dst = append(b1[:0], "0/"...)
		dst = strconv.AppendUint(dst, uint64(r.DstLen), 10)
		dst = append(dst, ' ')
	} else {
		dst = append(b1[:0], "default"...)
	}
	dstColor := colorNone
	if tb.Has(rtnl.RTA_DST) {
		dstColor = familyColor(family)
	}
	pr.cstrBytes(dstColor, "dst", "", dst, " ")
	if s, ok := tb.Get(rtnl.RTA_SRC); ok {
		var v []byte
		if int(r.SrcLen) != hostLen {
			v = appendAddr(b1[:0], family, s)
			v = append(v, '/')
			v = strconv.AppendUint(v, uint64(r.SrcLen), 10)
		} else {
			v = append(b1[:0], formatHost(family, s)...)
		}
		pr.cstrBytes(familyColor(family), "from", "from ", v, " ")
	} else if r.SrcLen != 0 {
		v := append(b1[:0], "0/"...)
		v = strconv.AppendUint(v, uint64(r.SrcLen), 10)
		pr.strBytes("src", "from ", v, " ")
	}
	if tb.Has(rtnl.RTA_NH_ID) {
		pr.uint("nhid", "nhid ", uint64(tb.Uint32(rtnl.RTA_NH_ID)), " ")
	}
	if nd, ok := tb.Get(rtnl.RTA_NEWDST); ok {
		pr.cstrBytes(familyColor(family), "to", "as to ", hostAddr(family, nd), " ")
	}
	if e, ok := tb.Get(rtnl.RTA_ENCAP); ok {
		printEncap(tb.Bytes(rtnl.RTA_ENCAP_TYPE), e)
	}
	if r.Tos != 0 && rf.tosmask != 0xffffffff {
		pr.str("tos", "tos ", dsfieldName(r.Tos), " ")
	}
	if g, ok := tb.Get(rtnl.RTA_GATEWAY); ok && rf.rvia.bitlen != hostLen {
		pr.cstrBytes(familyColor(family), "gateway", "via ", hostAddr(family, g), " ")
	}
	if v, ok := tb.Get(rtnl.RTA_VIA); ok {
		printVia(v)
	}
	if tb.Has(rtnl.RTA_OIF) && rf.oifmask != 0xffffffff {
		pr.cstr(colorIfname, "dev", "dev ", indexToName(int32(tb.Uint32(rtnl.RTA_OIF))), " ")
	}
	if table != 0 && (table != rtnl.RT_TABLE_MAIN || opt.details > 0) && rf.tb == 0 {
		pr.str("table", "table ", rtnames.Tables.Name(table), " ")
	}
	if r.Flags&rtnl.RTM_F_CLONED == 0 {
		if (r.Protocol != rtnl.RTPROT_BOOT || opt.details > 0) && rf.protocolmask != 0xffffffff {
			pr.str("protocol", "proto ", rtnames.Protocols.Name(uint32(r.Protocol)), " ")
		}
		if (r.Scope != rtnl.RT_SCOPE_UNIVERSE || opt.details > 0) && rf.scopemask != 0xffffffff {
			pr.str("scope", "scope ", rtnames.Scopes.Name(uint32(r.Scope)), " ")
		}
	}
	if ps, ok := tb.Get(rtnl.RTA_PREFSRC); ok && rf.rprefsrc.bitlen != hostLen {
		pr.cstrBytes(familyColor(family), "prefsrc", "src ", appendAddr(pr.buf[:0], family, ps), " ")
	}
	if tb.Has(rtnl.RTA_PRIORITY) && rf.metricmask != 0xffffffff {
		pr.uint("metric", "metric ", uint64(tb.Uint32(rtnl.RTA_PRIORITY)), " ")
	}
	printRtFlags(r.Flags)
	if tb.Has(rtnl.RTA_MARK) {
		if mark := tb.Uint32(rtnl.RTA_MARK); mark != 0 {
			switch {
			case pr.json():
				pr.jsonUint("mark", uint64(mark))
			case mark >= 16:
				pr.text("mark 0x" + strconv.FormatUint(uint64(mark), 16) + " ")
			default:
				pr.text("mark " + strconv.FormatUint(uint64(mark), 10) + " ")
			}
		}
	}
	if tb.Has(rtnl.RTA_FLOW) && rf.realmmask != 0xffffffff {
		printFlow(tb.Uint32(rtnl.RTA_FLOW), "", " ")
	}
	if tb.Has(rtnl.RTA_UID) {
		pr.uint("uid", "uid ", uint64(tb.Uint32(rtnl.RTA_UID)), " ")
	}
	switch family {
	case unix.AF_INET:
		if r.Flags&rtnl.RTM_F_CLONED != 0 {
			printCacheFlags(r.Flags)
		}
		if ci, ok := tb.Get(rtnl.RTA_CACHEINFO); ok {
			printRtaCacheinfo(ci)
		}
	case unix.AF_INET6:
		if ci, ok := tb.Get(rtnl.RTA_CACHEINFO); ok {
			printRtaCacheinfo(ci)
		}
	}
	if mx, ok := tb.Get(rtnl.RTA_METRICS); ok {
		printMetrics(mx)
	}
	if tb.Has(rtnl.RTA_IIF) && rf.iifmask != 0xffffffff {
		pr.cstr(colorIfname, "iif", "iif ", indexToName(int32(tb.Uint32(rtnl.RTA_IIF))), " ")
	}
	if tb.Has(rtnl.RTA_PREF) {
		switch p := tb.Uint8(rtnl.RTA_PREF); p {
		case 3:
			pr.str("pref", "pref ", "low", "")
		case 0:
			pr.str("pref", "pref ", "medium", "")
		case 1:
			pr.str("pref", "pref ", "high", "")
		default:
			pr.uint("pref", "", uint64(p), "")
		}
	}
	if tb.Has(rtnl.RTA_TTL_PROPAGATE) {
		on := tb.Uint8(rtnl.RTA_TTL_PROPAGATE) != 0
		if pr.json() {
			pr.jsonBool("ttl-propogate", on)
		} else if on {
			pr.text("ttl-propogate enabled")
		} else {
			pr.text("ttl-propogate disabled")
		}
	}
	if tb.Has(rtnl.RTA_NH_ID) && opt.details > 0 {
		printNexthopInfo(tb.Uint32(rtnl.RTA_NH_ID))
	}
	if mp, ok := tb.Get(rtnl.RTA_MULTIPATH); ok {
		printMultipath(r, mp)
	}
	pr.text("\n")
	pr.closeObj()
}

func printVia(v []byte) {
	if len(v) < 2 {
		return
	}
	fam := int(v[0]) | int(v[1])<<8
	host := hostAddr(fam, v[2:])
	if pr.json() {
		pr.openObj("via")
		pr.jsonStr("family", familyName(fam))
		pr.jsonStr("host", string(host))
		pr.closeObj()
		return
	}
	pr.text("via " + familyName(fam) + " ")
	pr.cstrBytes(familyColor(fam), "", "", host, " ")
}

func printFlow(v uint32, pre, post string) {
	to, from := v&0xffff, v>>16
	if pr.json() {
		pr.openObj("flow")
		if from != 0 {
			pr.jsonStr("from", rtnames.Realms.Name(from))
		}
		pr.jsonStr("to", rtnames.Realms.Name(to))
		pr.closeObj()
		return
	}
	pr.text(pre)
	if from != 0 {
		pr.text("realms " + rtnames.Realms.Name(from) + "/")
	} else {
		pr.text("realm ")
	}
	pr.text(rtnames.Realms.Name(to) + post)
}

func printCacheFlags(flags uint32) {
	flags &^= 0xffff
	if pr.json() {
		pr.openArr("cache")
	} else {
		pr.text(sl)
		pr.text("    cache ")
		if flags == 0 {
			return
		}
		pr.text("<")
	}
	for _, c := range cacheFlagNames {
		if flags&c.bit == 0 {
			continue
		}
		flags &^= c.bit
		if pr.json() {
			pr.j.String(c.name)
		} else if flags != 0 {
			pr.text(c.name + ",")
		} else {
			pr.text(c.name + "> ")
		}
	}
	if flags != 0 {
		if pr.json() {
			// iproute2 prints a "flags" member inside the array here, which
			// is not JSON; goip keeps the value as an array element.
			pr.j.String(strconv.FormatUint(uint64(flags), 16))
		} else {
			pr.text(strconv.FormatUint(uint64(flags), 16) + ">")
		}
	}
	if pr.json() {
		pr.closeArr()
	}
}

// userHZ is sysconf(_SC_CLK_TCK), the unit of cacheinfo times.
const userHZ = 100

func printRtaCacheinfo(b []byte) {
	if len(b) < 32 {
		return
	}
	clntref, lastuse := rtnl.U32(b[0:]), rtnl.U32(b[4:])
	expires := int32(rtnl.U32(b[8:]))
	errv, used := rtnl.U32(b[12:]), rtnl.U32(b[16:])
	id, ts, tsage := rtnl.U32(b[20:]), rtnl.U32(b[24:]), rtnl.U32(b[28:])
	if expires != 0 {
		pr.int("expires", "expires ", int64(expires/userHZ), "sec ")
	}
	if errv != 0 {
		pr.uint("error", "error ", uint64(errv), " ")
	}
	if opt.stats > 0 {
		if clntref != 0 {
			pr.uint("users", "users ", uint64(clntref), " ")
		}
		if used != 0 {
			pr.uint("used", "used ", uint64(used), " ")
		}
		if lastuse != 0 {
			pr.uint("age", "age ", uint64(lastuse/userHZ), "sec ")
		}
	}
	if id != 0 {
		if pr.json() {
			pr.jsonStr("ipid", "0x"+pad4hex(id))
		} else {
			pr.text("ipid 0x" + pad4hex(id) + " ")
		}
	}
	if ts != 0 || tsage != 0 {
		if pr.json() {
			pr.jsonStr("ts", "0x"+strconv.FormatUint(uint64(ts), 16))
		} else {
			pr.text("ts 0x" + strconv.FormatUint(uint64(ts), 16))
		}
		pr.uint("tsage", "tsage ", uint64(tsage), "sec ")
	}
}

func pad4hex(v uint32) string {
	s := strconv.FormatUint(uint64(v), 16)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func printMetrics(b []byte) {
	var mx rtnl.Table
	_ = mx.Parse(b)
	pr.openArr("metrics")
	pr.openObj("")
	lock := mx.Uint32(rtnl.RTAX_LOCK)
	for i := 2; i <= rtnl.RTAX_MAX; i++ {
		if !mx.Has(i) && lock&(1<<uint(i)) == 0 {
			continue
		}
		var val uint32
		if mx.Has(i) && i != rtnl.RTAX_CC_ALGO {
			val = mx.Uint32(i)
		}
		if i == rtnl.RTAX_HOPLIMIT && int32(val) == -1 {
			continue
		}
		name := mxNames[i]
		if !pr.json() {
			if name != "" {
				pr.text(name)
				pr.text(" ")
			} else {
				pr.uint("", "metric ", uint64(i), " ")
			}
			if lock&(1<<uint(i)) != 0 {
				pr.text("lock ")
			}
		}
		switch i {
		case rtnl.RTAX_FEATURES:
			of := val
			if val&1 != 0 {
				pr.null("ecn", "ecn ")
				val &^= 1
			}
			if val != 0 {
				if pr.json() {
					pr.jsonStr("features", "0x"+strconv.FormatUint(uint64(of), 16))
				} else {
					pr.text("0x" + strconv.FormatUint(uint64(of), 16) + " ")
				}
			}
		case rtnl.RTAX_RTT, rtnl.RTAX_RTTVAR, rtnl.RTAX_RTO_MIN:
			if i == rtnl.RTAX_RTT {
				val /= 8
			} else if i == rtnl.RTAX_RTTVAR {
				val /= 4
			}
			if pr.json() {
				pr.jsonUint(name, uint64(val))
			} else if val >= 1000 {
				pr.text(formatG(float64(val)/1e3) + "s ")
			} else {
				pr.uint("", "", uint64(val), "ms ")
			}
		case rtnl.RTAX_CC_ALGO:
			pr.str("congestion", "", mx.String(i), " ")
		default:
			pr.uint(name, "", uint64(val), " ")
		}
	}
	pr.closeObj()
	pr.closeArr()
}

// formatG is C's printf("%g").
func formatG(v float64) string {
	s := strconv.FormatFloat(v, 'g', 6, 64)
	mant, exp, hasExp := cutAny(s, "e")
	if hasExp {
		if len(exp) == 2 {
			exp = exp[:1] + "0" + exp[1:]
		}
	}
	if containsByte(mant, '.') {
		for mant[len(mant)-1] == '0' {
			mant = mant[:len(mant)-1]
		}
		if mant[len(mant)-1] == '.' {
			mant = mant[:len(mant)-1]
		}
	}
	if hasExp {
		return mant + "e" + exp
	}
	return mant
}

func cutAny(s, sep string) (string, string, bool) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

func printMultipath(r *rtnl.RouteMsg, b []byte) {
	family := int(r.Family)
	mcast := r.Flags&rtnl.RTM_F_CLONED != 0 && r.Type == rtnl.RTN_MULTICAST
	first := true
	pr.openArr("nexthops")
	d := rtnl.NewNexthopDecoder(b)
	var nh rtnl.Nexthop
	for d.Next(&nh) {
		pr.openObj("")
		if mcast {
			if first {
				pr.text("Oifs: ")
				first = false
			} else {
				pr.text(" ")
			}
		} else {
			pr.text(sl)
			pr.text("\tnexthop ")
		}
		tb := &nh.Attrs
		if e, ok := tb.Get(rtnl.RTA_ENCAP); ok {
			printEncap(tb.Bytes(rtnl.RTA_ENCAP_TYPE), e)
		}
		if nd, ok := tb.Get(rtnl.RTA_NEWDST); ok {
			pr.cstrBytes(familyColor(family), "to", "as to ", hostAddr(family, nd), " ")
		}
		if g, ok := tb.Get(rtnl.RTA_GATEWAY); ok {
			pr.cstrBytes(familyColor(family), "gateway", "via ", hostAddr(family, g), " ")
		}
		if v, ok := tb.Get(rtnl.RTA_VIA); ok {
			printVia(v)
		}
		if tb.Has(rtnl.RTA_FLOW) {
			printFlow(tb.Uint32(rtnl.RTA_FLOW), "", " ")
		}
		if mcast {
			pr.str("dev", "", indexToName(nh.Ifindex), "")
			if nh.Hops != 1 {
				pr.int("ttl", "(ttl>", int64(nh.Hops), ")")
			}
			pr.text(" ")
		} else {
			pr.str("dev", "dev ", indexToName(nh.Ifindex), " ")
			if family != unix.AF_MPLS {
				pr.int("weight", "weight ", int64(nh.Hops)+1, " ")
			}
		}
		printRtFlags(uint32(nh.Flags))
		pr.closeObj()
	}
	pr.closeArr()
}
