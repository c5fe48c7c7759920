package decode

import "encoding/binary"

// IFLA_AF_SPEC and the other nested link attributes that show with -v
// or a large -s: per-family device configuration arrays, IPv6 link
// statistics, XDP state.

// indexedNames builds the index table of an array strace prints as
// [[NAME]=value, …]; shift is added to an index to find its constant
// (IPV4_DEVCONF_* constants start at 1, printed as "NAME-1").
func indexedNames(suffix string, names ...string) *Xlat {
	x := &Xlat{}
	for i, n := range names {
		x.Vals = append(x.Vals, Const{uint64(i), n + suffix})
	}
	return x
}

var inetDevconf = indexedNames("-1",
	"IPV4_DEVCONF_FORWARDING", "IPV4_DEVCONF_MC_FORWARDING", "IPV4_DEVCONF_PROXY_ARP",
	"IPV4_DEVCONF_ACCEPT_REDIRECTS", "IPV4_DEVCONF_SECURE_REDIRECTS", "IPV4_DEVCONF_SEND_REDIRECTS",
	"IPV4_DEVCONF_SHARED_MEDIA", "IPV4_DEVCONF_RP_FILTER", "IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE",
	"IPV4_DEVCONF_BOOTP_RELAY", "IPV4_DEVCONF_LOG_MARTIANS", "IPV4_DEVCONF_TAG", "IPV4_DEVCONF_ARPFILTER",
	"IPV4_DEVCONF_MEDIUM_ID", "IPV4_DEVCONF_NOXFRM", "IPV4_DEVCONF_NOPOLICY", "IPV4_DEVCONF_FORCE_IGMP_VERSION",
	"IPV4_DEVCONF_ARP_ANNOUNCE", "IPV4_DEVCONF_ARP_IGNORE", "IPV4_DEVCONF_PROMOTE_SECONDARIES",
	"IPV4_DEVCONF_ARP_ACCEPT", "IPV4_DEVCONF_ARP_NOTIFY", "IPV4_DEVCONF_ACCEPT_LOCAL", "IPV4_DEVCONF_SRC_VMARK",
	"IPV4_DEVCONF_PROXY_ARP_PVLAN", "IPV4_DEVCONF_ROUTE_LOCALNET",
	"IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL", "IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL",
	"IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN", "IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST",
	"IPV4_DEVCONF_DROP_GRATUITOUS_ARP", "IPV4_DEVCONF_BC_FORWARDING", "IPV4_DEVCONF_ARP_EVICT_NOCARRIER")

var inet6Devconf = indexedNames("",
	"DEVCONF_FORWARDING", "DEVCONF_HOPLIMIT", "DEVCONF_MTU6", "DEVCONF_ACCEPT_RA", "DEVCONF_ACCEPT_REDIRECTS",
	"DEVCONF_AUTOCONF", "DEVCONF_DAD_TRANSMITS", "DEVCONF_RTR_SOLICITS", "DEVCONF_RTR_SOLICIT_INTERVAL",
	"DEVCONF_RTR_SOLICIT_DELAY", "DEVCONF_USE_TEMPADDR", "DEVCONF_TEMP_VALID_LFT", "DEVCONF_TEMP_PREFERED_LFT",
	"DEVCONF_REGEN_MAX_RETRY", "DEVCONF_MAX_DESYNC_FACTOR", "DEVCONF_MAX_ADDRESSES", "DEVCONF_FORCE_MLD_VERSION",
	"DEVCONF_ACCEPT_RA_DEFRTR", "DEVCONF_ACCEPT_RA_PINFO", "DEVCONF_ACCEPT_RA_RTR_PREF",
	"DEVCONF_RTR_PROBE_INTERVAL", "DEVCONF_ACCEPT_RA_RT_INFO_MAX_PLEN", "DEVCONF_PROXY_NDP",
	"DEVCONF_OPTIMISTIC_DAD", "DEVCONF_ACCEPT_SOURCE_ROUTE", "DEVCONF_MC_FORWARDING", "DEVCONF_DISABLE_IPV6",
	"DEVCONF_ACCEPT_DAD", "DEVCONF_FORCE_TLLAO", "DEVCONF_NDISC_NOTIFY",
	"DEVCONF_MLDV1_UNSOLICITED_REPORT_INTERVAL", "DEVCONF_MLDV2_UNSOLICITED_REPORT_INTERVAL",
	"DEVCONF_SUPPRESS_FRAG_NDISC", "DEVCONF_ACCEPT_RA_FROM_LOCAL", "DEVCONF_USE_OPTIMISTIC",
	"DEVCONF_ACCEPT_RA_MTU", "DEVCONF_STABLE_SECRET", "DEVCONF_USE_OIF_ADDRS_ONLY",
	"DEVCONF_ACCEPT_RA_MIN_HOP_LIMIT", "DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN",
	"DEVCONF_DROP_UNICAST_IN_L2_MULTICAST", "DEVCONF_DROP_UNSOLICITED_NA", "DEVCONF_KEEP_ADDR_ON_DOWN",
	"DEVCONF_RTR_SOLICIT_MAX_INTERVAL", "DEVCONF_SEG6_ENABLED", "DEVCONF_SEG6_REQUIRE_HMAC",
	"DEVCONF_ENHANCED_DAD", "DEVCONF_ADDR_GEN_MODE", "DEVCONF_DISABLE_POLICY",
	"DEVCONF_ACCEPT_RA_RT_INFO_MIN_PLEN", "DEVCONF_NDISC_TCLASS", "DEVCONF_RPL_SEG_ENABLED",
	"DEVCONF_RA_DEFRTR_METRIC", "DEVCONF_IOAM6_ENABLED", "DEVCONF_IOAM6_ID", "DEVCONF_IOAM6_ID_WIDE",
	"DEVCONF_NDISC_EVICT_NOCARRIER", "DEVCONF_ACCEPT_UNTRACKED_NA")

var ipStatsNames = indexedNames("",
	"IPSTATS_MIB_NUM", "IPSTATS_MIB_INPKTS", "IPSTATS_MIB_INOCTETS", "IPSTATS_MIB_INDELIVERS",
	"IPSTATS_MIB_OUTFORWDATAGRAMS", "IPSTATS_MIB_OUTPKTS", "IPSTATS_MIB_OUTOCTETS", "IPSTATS_MIB_INHDRERRORS",
	"IPSTATS_MIB_INTOOBIGERRORS", "IPSTATS_MIB_INNOROUTES", "IPSTATS_MIB_INADDRERRORS",
	"IPSTATS_MIB_INUNKNOWNPROTOS", "IPSTATS_MIB_INTRUNCATEDPKTS", "IPSTATS_MIB_INDISCARDS",
	"IPSTATS_MIB_OUTDISCARDS", "IPSTATS_MIB_OUTNOROUTES", "IPSTATS_MIB_REASMTIMEOUT", "IPSTATS_MIB_REASMREQDS",
	"IPSTATS_MIB_REASMOKS", "IPSTATS_MIB_REASMFAILS", "IPSTATS_MIB_FRAGOKS", "IPSTATS_MIB_FRAGFAILS",
	"IPSTATS_MIB_FRAGCREATES", "IPSTATS_MIB_INMCASTPKTS", "IPSTATS_MIB_OUTMCASTPKTS", "IPSTATS_MIB_INBCASTPKTS",
	"IPSTATS_MIB_OUTBCASTPKTS", "IPSTATS_MIB_INMCASTOCTETS", "IPSTATS_MIB_OUTMCASTOCTETS",
	"IPSTATS_MIB_INBCASTOCTETS", "IPSTATS_MIB_OUTBCASTOCTETS", "IPSTATS_MIB_CSUMERRORS",
	"IPSTATS_MIB_NOECTPKTS", "IPSTATS_MIB_ECT1PKTS", "IPSTATS_MIB_ECT0PKTS", "IPSTATS_MIB_CEPKTS",
	"IPSTATS_MIB_REASM_OVERLAPS")

var icmp6StatsNames = indexedNames("", "ICMP6_MIB_NUM", "ICMP6_MIB_INMSGS", "ICMP6_MIB_INERRORS",
	"ICMP6_MIB_OUTMSGS", "ICMP6_MIB_OUTERRORS", "ICMP6_MIB_CSUMERRORS")

// nlaIndexed prints an array of size-byte integers with their index
// names: [[NAME]=value, [17 /* DFLT */]=value].
func nlaIndexed(size int, signed bool, names *Xlat, dflt string) nlaDec {
	return func(c *Ctx, b []byte, _ uint8) bool {
		n := len(b) / size
		if n == 0 {
			return false
		}
		c.Out = append(c.Out, '[')
		for k := 0; k < n; k++ {
			if k > 0 {
				c.Str(", ")
			}
			if !c.Verbose && k >= c.Cfg.StrLen {
				c.Str("...")
				break
			}
			c.Out = append(c.Out, '[')
			name, ok := names.Lookup(uint64(k))
			switch {
			case ok && c.xlat == XlatAbbrev:
				c.Str(name)
			case c.xlat == XlatRaw:
				c.Int(int64(k))
			default:
				if !ok {
					name = dflt
				}
				c.Int(int64(k))
				c.Str(" /* ")
				c.Str(name)
				c.Str(" */")
			}
			c.Str("]=")
			var v uint64
			if size == 8 {
				v = binary.LittleEndian.Uint64(b[8*k:])
			} else {
				v = uint64(binary.LittleEndian.Uint32(b[4*k:]))
			}
			switch {
			case signed && size == 4:
				c.Int(int64(int32(v)))
			case signed:
				c.Int(int64(v))
			default:
				c.Uint(v)
			}
		}
		c.Out = append(c.Out, ']')
		return true
	}
}

var inet6IfFlags = &Xlat{Vals: []Const{
	bit(0x10, "IF_RS_SENT"), bit(0x20, "IF_RA_RCVD"), bit(0x40, "IF_RA_MANAGED"), bit(0x80, "IF_RA_OTHERCONF"),
	bit(0x80000000, "IF_READY"),
}, Unknown: "IF_???"}

var addrGenModes = &Xlat{Vals: seq("IN6_ADDR_GEN_MODE_EUI64", "IN6_ADDR_GEN_MODE_NONE",
	"IN6_ADDR_GEN_MODE_STABLE_PRIVACY", "IN6_ADDR_GEN_MODE_RANDOM"), Unknown: "IN6_ADDR_GEN_MODE_???"}

var iflaInetAttrs = &nlaTable{
	names: &Xlat{Vals: seq("IFLA_INET_UNSPEC", "IFLA_INET_CONF"), Unknown: "IFLA_INET_???"},
	decs:  []nlaDec{1: nlaIndexed(4, true, inetDevconf, "IPV4_DEVCONF_???")},
}

var iflaInet6Attrs = &nlaTable{
	names: &Xlat{Vals: seq("IFLA_INET6_UNSPEC", "IFLA_INET6_FLAGS", "IFLA_INET6_CONF", "IFLA_INET6_STATS",
		"IFLA_INET6_MCAST", "IFLA_INET6_CACHEINFO", "IFLA_INET6_ICMP6STATS", "IFLA_INET6_TOKEN",
		"IFLA_INET6_ADDR_GEN_MODE", "IFLA_INET6_RA_MTU"), Unknown: "IFLA_INET6_???"},
	decs: []nlaDec{
		1: nlaFlags(inet6IfFlags),
		2: nlaIndexed(4, true, inet6Devconf, "DEVCONF_???"),
		3: nlaIndexed(8, false, ipStatsNames, "IPSTATS_MIB_???"),
		5: nlaStruct(4, 4, "max_reasm_len", "tstamp", "reachable_time", "retrans_time"),
		6: nlaIndexed(8, false, icmp6StatsNames, "ICMP6_MIB_???"),
		7: func(c *Ctx, b []byte, _ uint8) bool { return c.inetAddr(b, 10) },
		8: nlaU8Value(addrGenModes),
	},
}

// afSpecFamily decodes one family's nested list inside IFLA_AF_SPEC;
// the attribute type is the address family.
func afSpecFamily(c *Ctx, kind uint16, b []byte) bool {
	switch kind {
	case 2:
		c.nlattrs(b, iflaInetAttrs, 2)
	case 10:
		c.nlattrs(b, iflaInet6Attrs, 10)
	default:
		return false
	}
	return true
}

var xdpAttachModes = &Xlat{Vals: seq("XDP_ATTACHED_NONE", "XDP_ATTACHED_DRV", "XDP_ATTACHED_SKB",
	"XDP_ATTACHED_HW", "XDP_ATTACHED_MULTI"), Unknown: "XDP_ATTACHED_???"}

var xdpFlags = &Xlat{Vals: []Const{
	bit(1, "XDP_FLAGS_UPDATE_IF_NOEXIST"), bit(2, "XDP_FLAGS_SKB_MODE"), bit(4, "XDP_FLAGS_DRV_MODE"),
	bit(8, "XDP_FLAGS_HW_MODE"), bit(16, "XDP_FLAGS_REPLACE"),
}, Unknown: "XDP_FLAGS_???"}

var iflaXDPAttrs = &nlaTable{
	names: &Xlat{Vals: seq("IFLA_XDP_UNSPEC", "IFLA_XDP_FD", "IFLA_XDP_ATTACHED", "IFLA_XDP_FLAGS",
		"IFLA_XDP_PROG_ID", "IFLA_XDP_DRV_PROG_ID", "IFLA_XDP_SKB_PROG_ID", "IFLA_XDP_HW_PROG_ID",
		"IFLA_XDP_EXPECTED_FD"), Unknown: "IFLA_XDP_???"},
	decs: []nlaDec{
		1: nlaFD, 2: nlaU8Value(xdpAttachModes), 3: nlaFlags(xdpFlags), 4: nlaU32, 5: nlaU32, 6: nlaU32,
		7: nlaU32, 8: nlaFD,
	},
}

// nlaFD prints a descriptor attribute.
var nlaFD nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 4 {
		return false
	}
	c.FD(int32(binary.LittleEndian.Uint32(b)))
	return true
}

// ifmap prints struct rtnl_link_ifmap.
var ifmap nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 28 {
		return false
	}
	c.Str("{mem_start=")
	c.Hex(binary.LittleEndian.Uint64(b))
	c.Str(", mem_end=")
	c.Hex(binary.LittleEndian.Uint64(b[8:]))
	c.Str(", base_addr=")
	c.Hex(binary.LittleEndian.Uint64(b[16:]))
	c.Str(", irq=")
	c.Uint(uint64(binary.LittleEndian.Uint16(b[24:])))
	c.Str(", dma=")
	c.Uint(uint64(b[26]))
	c.Str(", port=")
	c.Uint(uint64(b[27]))
	c.Out = append(c.Out, '}')
	return true
}

// iflaProtinfo is IFLA_PROTINFO: IPv6 link attributes in AF_INET6
// messages (bridge port attributes are left in hex).
var iflaProtinfo nlaDec = func(c *Ctx, b []byte, fam uint8) bool {
	if fam != 10 {
		return false
	}
	c.nlattrs(b, iflaInet6Attrs, fam)
	return true
}

func init() {
	iflaAttrs.decs[12] = iflaProtinfo
	iflaAttrs.decs[14] = ifmap
	iflaAttrs.decs[43] = nlaNested(iflaXDPAttrs)
}
