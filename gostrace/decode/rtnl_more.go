package decode

import (
	"encoding/binary"
	"strconv"
)

// More rtnetlink message bodies: neighbours (ndmsg), policy rules
// (fib_rule_hdr), per-family configuration (netconfmsg), traffic
// control (tcmsg), address labels (ifaddrlblmsg) and nexthops (nhmsg).

var nudStates = &Xlat{Vals: []Const{
	{0, "NUD_NONE"}, bit(1, "NUD_INCOMPLETE"), bit(2, "NUD_REACHABLE"), bit(4, "NUD_STALE"), bit(8, "NUD_DELAY"),
	bit(0x10, "NUD_PROBE"), bit(0x20, "NUD_FAILED"), bit(0x40, "NUD_NOARP"), bit(0x80, "NUD_PERMANENT"),
}, Unknown: "NUD_???"}

var ntfFlags = &Xlat{Vals: []Const{
	bit(1, "NTF_USE"), bit(2, "NTF_SELF"), bit(4, "NTF_MASTER"), bit(8, "NTF_PROXY"), bit(0x10, "NTF_EXT_LEARNED"),
	bit(0x20, "NTF_OFFLOADED"), bit(0x40, "NTF_STICKY"), bit(0x80, "NTF_ROUTER"),
}, Unknown: "NTF_???"}

// nlaBE16 prints a network-order 16-bit value as htons(N).
var nlaBE16 nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 2 {
		return false
	}
	c.Str("htons(")
	c.Uint(uint64(binary.BigEndian.Uint16(b)))
	c.Out = append(c.Out, ')')
	return true
}

// nlaU8Value decodes a one-byte named value.
func nlaU8Value(x *Xlat) nlaDec {
	return func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 1 {
			return false
		}
		c.Value(x, uint64(b[0]))
		return true
	}
}

var ndaAttrs = &nlaTable{
	names: &Xlat{Vals: seq("NDA_UNSPEC", "NDA_DST", "NDA_LLADDR", "NDA_CACHEINFO", "NDA_PROBES", "NDA_VLAN",
		"NDA_PORT", "NDA_VNI", "NDA_IFINDEX", "NDA_MASTER", "NDA_LINK_NETNSID", "NDA_SRC_VNI", "NDA_PROTOCOL",
		"NDA_NH_ID", "NDA_FDB_EXT_ATTRS", "NDA_FLAGS_EXT", "NDA_NDM_STATE_MASK", "NDA_NDM_FLAGS_MASK"),
		Unknown: "NDA_???"},
	decs: []nlaDec{
		1: nlaInetAddr, 2: nlaHwaddr, 3: nlaStruct(4, 4, "ndm_confirmed", "ndm_used", "ndm_updated", "ndm_refcnt"),
		4: nlaU32, 5: nlaU16, 6: nlaBE16, 7: nlaU32, 8: nlaIfindex, 9: nlaIfindex, 10: nlaU32, 11: nlaU32,
		12: nlaU8Value(routingProtocols),
	},
}

// ndmsg prints struct ndmsg and the neighbour attributes.
func (c *Ctx) ndmsg(b []byte) {
	const size = 12
	if !c.familyHead("ndm_family", b, size) {
		return
	}
	c.Str("ndm_ifindex=")
	c.ifindex(binary.LittleEndian.Uint32(b[4:]))
	c.Str(", ndm_state=")
	c.Flags(nudStates, uint64(binary.LittleEndian.Uint16(b[8:])))
	c.Str(", ndm_flags=")
	c.Flags(ntfFlags, uint64(b[10]))
	c.Str(", ndm_type=")
	c.Value(routingTypes, uint64(b[11]))
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], ndaAttrs, b[0])
	}
}

// ruleTables names fib_rule_hdr's table, unknown ones with a comment
// (rtmsg's rtm_table has none).
var ruleTables = &Xlat{Vals: routingTables.Vals, Unknown: "RT_TABLE_???"}

var frActions = &Xlat{Vals: seq("FR_ACT_UNSPEC", "FR_ACT_TO_TBL", "FR_ACT_GOTO", "FR_ACT_NOP", "FR_ACT_RES3",
	"FR_ACT_RES4", "FR_ACT_BLACKHOLE", "FR_ACT_UNREACHABLE", "FR_ACT_PROHIBIT"), Unknown: "FR_ACT_???"}

var fibRuleFlags = &Xlat{Vals: []Const{
	bit(1, "FIB_RULE_PERMANENT"), bit(2, "FIB_RULE_INVERT"), bit(4, "FIB_RULE_UNRESOLVED"),
	bit(8, "FIB_RULE_IIF_DETACHED"), bit(0x10, "FIB_RULE_OIF_DETACHED"), bit(0x10000, "FIB_RULE_FIND_SADDR"),
}, Unknown: "FIB_RULE_???"}

// nlaRange prints a {start, end} pair of size-byte values.
func nlaRange(size int) nlaDec {
	return func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 2*size {
			return false
		}
		get := func(o int) uint64 {
			if size == 2 {
				return uint64(binary.LittleEndian.Uint16(b[o:]))
			}
			return uint64(binary.LittleEndian.Uint32(b[o:]))
		}
		c.Str("{start=")
		c.Uint(get(0))
		c.Str(", end=")
		c.Uint(get(size))
		c.Out = append(c.Out, '}')
		return true
	}
}

var fraAttrs = &nlaTable{
	names: &Xlat{Vals: seq("FRA_UNSPEC", "FRA_DST", "FRA_SRC", "FRA_IIFNAME", "FRA_GOTO", "FRA_UNUSED2",
		"FRA_PRIORITY", "FRA_UNUSED3", "FRA_UNUSED4", "FRA_UNUSED5", "FRA_FWMARK", "FRA_FLOW", "FRA_TUN_ID",
		"FRA_SUPPRESS_IFGROUP", "FRA_SUPPRESS_PREFIXLEN", "FRA_TABLE", "FRA_FWMASK", "FRA_OIFNAME", "FRA_PAD",
		"FRA_L3MDEV", "FRA_UID_RANGE", "FRA_PROTOCOL", "FRA_IP_PROTO", "FRA_SPORT_RANGE", "FRA_DPORT_RANGE"),
		Unknown: "FRA_???"},
	decs: []nlaDec{
		1: nlaInetAddr, 2: nlaInetAddr, 3: nlaStr, 4: nlaU32, 6: nlaU32, 10: nlaU32, 11: nlaU32,
		13: nlaU32, 14: nlaU32, 15: nlaValue(routingTables), 16: nlaU32, 17: nlaStr, 19: nlaU8,
		20: nlaRange(4), 21: nlaU8Value(routingProtocols), 22: nlaU8Value(ipProtocols),
		23: nlaRange(2), 24: nlaRange(2),
	},
}

// fibRuleHdr prints struct fib_rule_hdr and the rule attributes.
func (c *Ctx) fibRuleHdr(b []byte) {
	const size = 12
	if !c.familyHead("family", b, size) {
		return
	}
	c.Str("dst_len=")
	c.Uint(uint64(b[1]))
	c.Str(", src_len=")
	c.Uint(uint64(b[2]))
	c.Str(", tos=")
	c.Flags(ipTOS, uint64(b[3]))
	c.Str(", table=")
	c.Value(ruleTables, uint64(b[4]))
	c.Str(", action=")
	c.Value(frActions, uint64(b[7]))
	c.Str(", flags=")
	c.Flags(fibRuleFlags, uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], fraAttrs, b[0])
	}
}

var netconfAttrs = &nlaTable{
	names: &Xlat{Vals: seq("NETCONFA_UNSPEC", "NETCONFA_IFINDEX", "NETCONFA_FORWARDING", "NETCONFA_RP_FILTER",
		"NETCONFA_MC_FORWARDING", "NETCONFA_PROXY_NEIGH", "NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN",
		"NETCONFA_INPUT", "NETCONFA_BC_FORWARDING"), Unknown: "NETCONFA_???"},
	decs: []nlaDec{
		1: nlaIfindex,
		2: nlaS32, 3: nlaS32, 4: nlaS32, 5: nlaS32, 6: nlaS32, 7: nlaS32, 8: nlaS32,
	},
}

// netconfmsg prints struct netconfmsg (the family) and its attributes.
func (c *Ctx) netconfmsg(b []byte) {
	c.Str("{ncm_family=")
	c.Value(addressFamilies, uint64(b[0]))
	c.Out = append(c.Out, '}')
	if len(b) > 4 {
		c.Str(", ")
		c.nlattrs(b[4:], netconfAttrs, b[0])
	}
}

var tcaStatsAttrs = &nlaTable{
	names: &Xlat{Vals: seq("TCA_STATS_UNSPEC", "TCA_STATS_BASIC", "TCA_STATS_RATE_EST", "TCA_STATS_QUEUE",
		"TCA_STATS_APP", "TCA_STATS_RATE_EST64", "TCA_STATS_PAD", "TCA_STATS_BASIC_HW", "TCA_STATS_PKT64"),
		Unknown: "TCA_STATS_???"},
	decs: []nlaDec{
		1: tcBasicStats,
		2: nlaStruct(4, 2, "bps", "pps"),
		3: nlaStruct(4, 5, "qlen", "backlog", "drops", "requeues", "overlimits"),
		5: nlaStruct(8, 2, "bps", "pps"),
		7: tcBasicStats,
		8: nlaU64,
	},
}

// tcBasicStats prints struct gnet_stats_basic: a 64-bit byte count and
// a 32-bit packet count.
var tcBasicStats nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 12 {
		return false
	}
	c.Str("{bytes=")
	c.Uint(binary.LittleEndian.Uint64(b))
	c.Str(", packets=")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Out = append(c.Out, '}')
	return true
}

// tcStats prints struct tc_stats.
var tcStats nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 36 {
		return false
	}
	c.Str("{bytes=")
	c.Uint(binary.LittleEndian.Uint64(b))
	for k, name := range [...]string{"packets", "drops", "overlimits", "bps", "pps", "qlen", "backlog"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(uint64(binary.LittleEndian.Uint32(b[8+4*k:])))
	}
	c.Out = append(c.Out, '}')
	return true
}

var tcaAttrs = &nlaTable{
	names: &Xlat{Vals: seq("TCA_UNSPEC", "TCA_KIND", "TCA_OPTIONS", "TCA_STATS", "TCA_XSTATS", "TCA_RATE",
		"TCA_FCNT", "TCA_STATS2", "TCA_STAB", "TCA_PAD", "TCA_DUMP_INVISIBLE", "TCA_CHAIN", "TCA_HW_OFFLOAD",
		"TCA_INGRESS_BLOCK", "TCA_EGRESS_BLOCK", "TCA_DUMP_FLAGS", "TCA_EXT_WARN_MSG"), Unknown: "TCA_???"},
	decs: []nlaDec{
		1: nlaStr, 3: tcStats, 6: nlaU32, 7: nlaNested(tcaStatsAttrs), 11: nlaU32, 12: nlaU8,
		13: nlaU32, 14: nlaU32,
	},
}

// tcmsg prints struct tcmsg and the traffic-control attributes.
func (c *Ctx) tcmsg(b []byte) {
	const size = 20
	if !c.familyHead("tcm_family", b, size) {
		return
	}
	c.Str("tcm_ifindex=")
	c.ifindex(binary.LittleEndian.Uint32(b[4:]))
	for k, name := range [...]string{"tcm_handle", "tcm_parent", "tcm_info"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(uint64(binary.LittleEndian.Uint32(b[8+4*k:])))
	}
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], tcaAttrs, b[0])
	}
}

var ifalAttrs = &nlaTable{
	names: &Xlat{Vals: seq("IFAL_UNSPEC", "IFAL_ADDRESS", "IFAL_LABEL"), Unknown: "IFAL_???"},
	decs:  []nlaDec{1: nlaInetAddr, 2: nlaU32},
}

// ifaddrlblmsg prints struct ifaddrlblmsg and the label attributes.
func (c *Ctx) ifaddrlblmsg(b []byte) {
	const size = 12
	if !c.familyHead("ifal_family", b, size) {
		return
	}
	c.Str("ifal_prefixlen=")
	c.Uint(uint64(b[2]))
	c.Str(", ifal_flags=")
	c.Hex(uint64(b[3]))
	c.Str(", ifal_index=")
	c.ifindex(binary.LittleEndian.Uint32(b[4:]))
	c.Str(", ifal_seq=")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], ifalAttrs, b[0])
	}
}

// nhmsg prints struct nhmsg; nexthop attributes stay in hex.
func (c *Ctx) nhmsg(b []byte) {
	const size = 8
	if !c.familyHead("nh_family", b, size) {
		return
	}
	c.Str("nh_scope=")
	c.Value(routingScopes, uint64(b[1]))
	c.Str(", nh_protocol=")
	c.Value(routingProtocols, uint64(b[2]))
	c.Str(", nh_flags=")
	c.Flags(routingFlags, uint64(binary.LittleEndian.Uint32(b[4:])))
	c.structTail(b, size)
}

// Neighbour tables (RTM_*NEIGHTBL): struct ndtmsg, then NDTA_*
// attributes with struct ndt_config, struct ndt_stats and the NDTPA_*
// parameters.

var ndtParmsAttrs = &nlaTable{
	names: &Xlat{Vals: seq("NDTPA_UNSPEC", "NDTPA_IFINDEX", "NDTPA_REFCNT", "NDTPA_REACHABLE_TIME",
		"NDTPA_BASE_REACHABLE_TIME", "NDTPA_RETRANS_TIME", "NDTPA_GC_STALETIME", "NDTPA_DELAY_PROBE_TIME",
		"NDTPA_QUEUE_LEN", "NDTPA_APP_PROBES", "NDTPA_UCAST_PROBES", "NDTPA_MCAST_PROBES", "NDTPA_ANYCAST_DELAY",
		"NDTPA_PROXY_DELAY", "NDTPA_PROXY_QLEN", "NDTPA_LOCKTIME", "NDTPA_QUEUE_LENBYTES", "NDTPA_MCAST_REPROBES",
		"NDTPA_PAD", "NDTPA_INTERVAL_PROBE_TIME_MS"), Unknown: "NDTPA_???"},
	decs: []nlaDec{
		1: nlaIfindex, 2: nlaU32, 3: nlaU64, 4: nlaU64, 5: nlaU64, 6: nlaU64, 7: nlaU64, 8: nlaU32, 9: nlaU32,
		10: nlaU32, 11: nlaU32, 12: nlaU64, 13: nlaU64, 14: nlaU32, 15: nlaU64, 16: nlaU32, 17: nlaU32, 19: nlaU64,
	},
}

var ndtAttrs = &nlaTable{
	names: &Xlat{Vals: seq("NDTA_UNSPEC", "NDTA_NAME", "NDTA_THRESH1", "NDTA_THRESH2", "NDTA_THRESH3",
		"NDTA_CONFIG", "NDTA_PARMS", "NDTA_STATS", "NDTA_GC_INTERVAL", "NDTA_PAD"), Unknown: "NDTA_???"},
	decs: []nlaDec{
		1: nlaStr,
		2: nlaU32,
		3: nlaU32,
		4: nlaU32,
		5: ndtConfig,
		6: nlaNested(ndtParmsAttrs),
		7: nlaStruct(8, 11, "ndts_allocs", "ndts_destroys", "ndts_hash_grows", "ndts_res_failed", "ndts_lookups",
			"ndts_hits", "ndts_rcv_probes_mcast", "ndts_rcv_probes_ucast", "ndts_periodic_gc_runs",
			"ndts_forced_gc_runs", "ndts_table_fulls"),
		8: nlaU64,
	},
}

// ndtConfig prints struct ndt_config.
var ndtConfig nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 32 {
		return false
	}
	u32 := func(k int) uint64 { return uint64(binary.LittleEndian.Uint32(b[k:])) }
	c.Str("{ndtc_key_len=")
	c.Uint(uint64(binary.LittleEndian.Uint16(b)))
	c.Str(", ndtc_entry_size=")
	c.Uint(uint64(binary.LittleEndian.Uint16(b[2:])))
	for k, name := range [...]string{"ndtc_entries", "ndtc_last_flush", "ndtc_last_rand", "ndtc_hash_rnd"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(u32(4 + 4*k))
	}
	// %#08x, as strace prints the mask
	c.Str(", ndtc_hash_mask=")
	if m := u32(20); m == 0 {
		c.Str("00000000")
	} else {
		h := strconv.FormatUint(m, 16)
		c.Str("0x")
		for i := len(h); i < 6; i++ {
			c.Out = append(c.Out, '0')
		}
		c.Str(h)
	}
	c.Str(", ndtc_hash_chain_gc=")
	c.Uint(u32(24))
	c.Str(", ndtc_proxy_qlen=")
	c.Uint(u32(28))
	c.Out = append(c.Out, '}')
	return true
}

// ndtmsg prints struct ndtmsg and its attributes.
func (c *Ctx) ndtmsg(b []byte) {
	c.Str("{ndtm_family=")
	c.Value(addressFamilies, uint64(b[0]))
	c.Out = append(c.Out, '}')
	if len(b) > 4 {
		c.Str(", ")
		c.nlattrs(b[4:], ndtAttrs, b[0])
	}
}
