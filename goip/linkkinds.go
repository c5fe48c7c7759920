package main

import (
	"encoding/binary"
	"strconv"

	"github.com/goclues/goclues/goip/rtnl"
)

// kindField describes one IFLA_INFO_DATA attribute of a link kind: where it
// is, how it prints (text word and JSON key), in iproute2's order.
type kindField struct {
	attr int
	text string // text word (the value follows it)
	key  string // JSON key
	fmt  fieldFormat
}

type fieldFormat int

const (
	fmtU8 fieldFormat = iota
	fmtU16
	fmtU32
	fmtU64
	fmtOnOff     // u8 printed on/off (JSON bool)
	fmtTimer     // u64 centiseconds printed %4i.%.2i
	fmtBridgeID  // struct ifla_bridge_id
	fmtHex16     // u16 printed %#x
	fmtHexPort   // u16 printed 0x%x
	fmtMAC       // link-layer address
	fmtPortState // bridge port STP state
	fmtTextOnOff // on/off in text only
	fmtBoolopts  // struct br_boolopt_multi
)

// Bridge attributes (IFLA_BR_*), in bridge_print_opt's order.
var bridgeFields = []kindField{
	{1, "forward_delay", "forward_delay", fmtU32}, {2, "hello_time", "hello_time", fmtU32},
	{3, "max_age", "max_age", fmtU32}, {4, "ageing_time", "ageing_time", fmtU32},
	{5, "stp_state", "stp_state", fmtU32}, {6, "priority", "priority", fmtU16},
	{7, "vlan_filtering", "vlan_filtering", fmtU8},
	{11, "bridge_id", "bridge_id", fmtBridgeID}, {10, "designated_root", "root_id", fmtBridgeID},
	{12, "root_port", "root_port", fmtU16}, {13, "root_path_cost", "root_path_cost", fmtU32},
	{14, "topology_change", "topology_change", fmtU8},
	{15, "topology_change_detected", "topology_change_detected", fmtU8},
	{16, "hello_timer", "hello_timer", fmtTimer}, {17, "tcn_timer", "tcn_timer", fmtTimer},
	{18, "topology_change_timer", "topology_change_timer", fmtTimer}, {19, "gc_timer", "gc_timer", fmtTimer},
	{39, "vlan_default_pvid", "vlan_default_pvid", fmtU16},
	{41, "vlan_stats_enabled", "vlan_stats_enabled", fmtU8},
	{45, "vlan_stats_per_port", "vlan_stats_per_port", fmtU8},
	{9, "group_fwd_mask", "group_fwd_mask", fmtHex16}, {20, "group_address", "group_addr", fmtMAC},
	{23, "mcast_snooping", "mcast_snooping", fmtU8}, {46, "", "", fmtBoolopts},
	{22, "mcast_router", "mcast_router", fmtU8}, {24, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr", fmtU8},
	{25, "mcast_querier", "mcast_querier", fmtU8},
	{26, "mcast_hash_elasticity", "mcast_hash_elasticity", fmtU32}, {27, "mcast_hash_max", "mcast_hash_max", fmtU32},
	{28, "mcast_last_member_count", "mcast_last_member_cnt", fmtU32},
	{29, "mcast_startup_query_count", "mcast_startup_query_cnt", fmtU32},
	{30, "mcast_last_member_interval", "mcast_last_member_intvl", fmtU64},
	{31, "mcast_membership_interval", "mcast_membership_intvl", fmtU64},
	{32, "mcast_querier_interval", "mcast_querier_intvl", fmtU64},
	{33, "mcast_query_interval", "mcast_query_intvl", fmtU64},
	{34, "mcast_query_response_interval", "mcast_query_response_intvl", fmtU64},
	{35, "mcast_startup_query_interval", "mcast_startup_query_intvl", fmtU64},
	{42, "mcast_stats_enabled", "mcast_stats_enabled", fmtU8},
	{43, "mcast_igmp_version", "mcast_igmp_version", fmtU8}, {44, "mcast_mld_version", "mcast_mld_version", fmtU8},
	{36, "nf_call_iptables", "nf_call_iptables", fmtU8}, {37, "nf_call_ip6tables", "nf_call_ip6tables", fmtU8},
	{38, "nf_call_arptables", "nf_call_arptables", fmtU8},
}

// Bridge port attributes (IFLA_BRPORT_*), in bridge_slave_print_opt's order.
var bridgeSlaveFields = []kindField{
	{1, "state", "state", fmtPortState}, {2, "priority", "priority", fmtU16}, {3, "cost", "cost", fmtU32},
	{4, "hairpin", "hairpin", fmtOnOff}, {5, "guard", "guard", fmtOnOff}, {6, "root_block", "root_block", fmtOnOff},
	{7, "fastleave", "fastleave", fmtOnOff}, {8, "learning", "learning", fmtOnOff}, {9, "flood", "flood", fmtOnOff},
	{17, "port_id", "id", fmtHexPort}, {18, "port_no", "no", fmtHexPort},
	{15, "designated_port", "designated_port", fmtU16}, {16, "designated_cost", "designated_cost", fmtU16},
	{14, "designated_bridge", "bridge_id", fmtBridgeID}, {13, "designated_root", "root_id", fmtBridgeID},
	{23, "hold_timer", "hold_timer", fmtTimer}, {21, "message_age_timer", "message_age_timer", fmtTimer},
	{22, "forward_delay_timer", "forward_delay_timer", fmtTimer},
	{19, "topology_change_ack", "topology_change_ack", fmtU8}, {20, "config_pending", "config_pending", fmtU8},
	{10, "proxy_arp", "proxy_arp", fmtOnOff}, {12, "proxy_arp_wifi", "proxy_arp_wifi", fmtOnOff},
	{25, "mcast_router", "multicast_router", fmtU8}, {7, "mcast_fast_leave", "", fmtTextOnOff},
	{27, "mcast_flood", "mcast_flood", fmtOnOff}, {30, "bcast_flood", "bcast_flood", fmtOnOff},
	{28, "mcast_to_unicast", "mcast_to_unicast", fmtOnOff}, {32, "neigh_suppress", "neigh_suppress", fmtOnOff},
	{31, "group_fwd_mask", "group_fwd_mask", fmtHex16}, {31, "group_fwd_mask_str", "group_fwd_mask_str", fmtHexPort},
	{29, "vlan_tunnel", "vlan_tunnel", fmtOnOff}, {33, "isolated", "isolated", fmtOnOff},
	{39, "locked", "locked", fmtOnOff},
}

var portStates = []string{"disabled", "listening", "learning", "forwarding", "blocking"}

// printKindFields prints the attributes fields names, skipping absent ones.
func printKindFields(tb *rtnl.Table, fields []kindField) {
	for _, f := range fields {
		b, ok := tb.Get(f.attr)
		if !ok {
			continue
		}
		switch f.fmt {
		case fmtU8:
			pr.uint(f.key, f.text+" ", uint64(first(b)), " ")
		case fmtU16:
			pr.uint(f.key, f.text+" ", uint64(u16(b)), " ")
		case fmtU32:
			pr.uint(f.key, f.text+" ", uint64(rtnl.U32(b)), " ")
		case fmtU64:
			pr.uint(f.key, f.text+" ", rtnl.U64(b), " ")
		case fmtOnOff:
			on := first(b) != 0
			if pr.json() {
				pr.jsonBool(f.key, on)
			} else {
				pr.text(f.text + " " + onOff(on) + " ")
			}
		case fmtTextOnOff:
			pr.text(f.text + " " + onOff(first(b) != 0) + " ")
		case fmtTimer:
			t := rtnl.U64(b)
			sec, csec := strconv.FormatUint(t/100, 10), strconv.FormatUint(t%100, 10)
			if len(csec) < 2 {
				csec = "0" + csec
			}
			if pr.json() {
				pr.j.Name(f.key)
				pr.j.Raw(sec + "." + csec)
			} else {
				pr.text(f.text + " " + lpad(sec, 4) + "." + csec + " ")
			}
		case fmtBridgeID:
			if len(b) >= 8 {
				id := string([]byte{hexd[b[0]>>4], hexd[b[0]&15], hexd[b[1]>>4], hexd[b[1]&15]}) + "."
				for i, c := range b[2:8] {
					if i > 0 {
						id += ":"
					}
					id += strconv.FormatUint(uint64(c), 16)
				}
				pr.str(f.key, f.text+" ", id, " ")
			}
		case fmtHex16:
			v := u16(b)
			s := "0"
			if v != 0 {
				s = "0x" + strconv.FormatUint(uint64(v), 16)
			}
			pr.str(f.key, f.text+" ", s, " ")
		case fmtHexPort:
			pr.str(f.key, f.text+" ", "0x"+strconv.FormatUint(uint64(u16(b)), 16), " ")
		case fmtMAC:
			pr.str(f.key, f.text+" ", string(appendLLAddr(nil, b)), " ")
		case fmtPortState:
			if s := int(first(b)); s < len(portStates) {
				pr.str(f.key, f.text+" ", portStates[s], " ")
			} else {
				pr.uint(f.key, f.text+" ", uint64(s), " ")
			}
		case fmtBoolopts:
			if len(b) >= 8 {
				val, mask := rtnl.U32(b), rtnl.U32(b[4:])
				for bit, name := range []string{"no_linklocal_learn", "mcast_vlan_snooping"} {
					if mask&(1<<uint(bit)) != 0 {
						pr.uint(name, name+" ", uint64(val>>uint(bit)&1), " ")
					}
				}
			}
		}
	}
}

func first(b []byte) uint8 {
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

func u16(b []byte) uint16 {
	if len(b) < 2 {
		return uint16(first(b))
	}
	return binary.NativeEndian.Uint16(b)
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// printMacvlan is macvlan_print_opt.
func printMacvlan(tb *rtnl.Table) {
	b, ok := tb.Get(1) // IFLA_MACVLAN_MODE
	if !ok || len(b) < 4 {
		return
	}
	mode := rtnl.U32(b)
	name := map[uint32]string{1: "private", 2: "vepa", 4: "bridge", 8: "passthru", 16: "source"}[mode]
	if name == "" {
		name = "unknown"
	}
	pr.str("mode", "mode ", name, " ")
	flags := u16(tb.Bytes(2))
	if flags&1 != 0 {
		pr.jsonBool("nopromisc", true)
		pr.text("nopromisc ")
	}
	if flags&2 != 0 {
		pr.jsonBool("nodst", true)
		pr.text("nodst ")
	}
	if tb.Has(7) {
		pr.uint("bcqueuelen", "bcqueuelen ", uint64(tb.Uint32(7)), " ")
	}
	if tb.Has(8) {
		pr.uint("usedbcqueuelen", "usedbcqueuelen ", uint64(tb.Uint32(8)), " ")
	}
}

// printVxlan is vxlan_print_opt for the attributes a plain vxlan link has.
func printVxlan(tb *rtnl.Table) {
	if b, ok := tb.Get(1); ok && len(b) >= 4 {
		pr.uint("id", "id ", uint64(rtnl.U32(b)), " ")
	}
	remote := func(b []byte, family int, mcast bool) {
		key, word := "remote", "remote "
		if mcast {
			key, word = "group", "group "
		}
		pr.strBytes(key, word, hostAddr(family, b), " ")
	}
	if b, ok := tb.Get(2); ok && len(b) >= 4 {
		if rtnl.U32(b) != 0 {
			remote(b, 2, b[0] >= 224 && b[0] < 240)
		}
	} else if b, ok := tb.Get(16); ok && len(b) >= 16 {
		if string(b) != string(make([]byte, 16)) {
			remote(b, 10, b[0] == 0xff)
		}
	}
	if b, ok := tb.Get(4); ok && len(b) >= 4 {
		if rtnl.U32(b) != 0 {
			pr.strBytes("local", "local ", hostAddr(2, b), " ")
		}
	} else if b, ok := tb.Get(17); ok && len(b) >= 16 && string(b) != string(make([]byte, 16)) {
		pr.strBytes("local", "local ", hostAddr(10, b), " ")
	}
	if link := tb.Uint32(3); tb.Has(3) && link != 0 {
		if name := indexToName(int32(link)); name[:min(2, len(name))] != "if" || linkKnown(int32(link)) {
			pr.str("link", "dev ", name, " ")
		} else {
			pr.uint("link_index", "dev ", uint64(link), " ")
		}
	}
	if b, ok := tb.Get(10); ok && len(b) >= 4 {
		lo, hi := binary.BigEndian.Uint16(b), binary.BigEndian.Uint16(b[2:])
		if pr.json() {
			pr.openObj("port_range")
			pr.jsonUint("low", uint64(lo))
			pr.jsonUint("high", uint64(hi))
			pr.closeObj()
		} else {
			pr.text("srcport " + strconv.Itoa(int(lo)) + " " + strconv.Itoa(int(hi)) + " ")
		}
	}
	if b, ok := tb.Get(15); ok && len(b) >= 2 {
		pr.uint("port", "dstport ", uint64(binary.BigEndian.Uint16(b)), " ")
	}
	if tb.Has(7) {
		learning := tb.Uint8(7) != 0
		pr.jsonBool("learning", learning)
		if !learning {
			pr.text("nolearning ")
		}
	}
	for _, f := range []struct {
		attr      int
		key, text string
	}{{11, "proxy", "proxy "}, {12, "rsc", "rsc "}, {13, "l2miss", "l2miss "}, {14, "l3miss", "l3miss "}} {
		if tb.Uint8(f.attr) != 0 {
			pr.jsonBool(f.key, true)
			pr.text(f.text)
		}
	}
	if tos := tb.Uint8(6); tos != 0 {
		switch {
		case pr.json():
			pr.jsonStr("tos", "0x"+strconv.FormatUint(uint64(tos), 16))
		case tos == 1:
			pr.text("tos inherit ")
		default:
			pr.text("tos 0x" + strconv.FormatUint(uint64(tos), 16) + " ")
		}
	}
	if tb.Uint8(28) != 0 {
		pr.text("ttl inherit ")
	} else if tb.Has(5) {
		if ttl := tb.Uint8(5); pr.json() || ttl != 0 {
			pr.uint("ttl", "ttl ", uint64(ttl), " ")
		} else {
			pr.text("ttl auto ")
		}
	}
	if tb.Has(29) {
		switch tb.Uint8(29) {
		case 0:
			pr.jsonStr("df", "unset")
		case 1:
			pr.str("df", "df ", "set", " ")
		case 2:
			pr.str("df", "df ", "inherit", " ")
		}
	}
	if b, ok := tb.Get(26); ok && len(b) >= 4 {
		if l := binary.BigEndian.Uint32(b); l != 0 {
			pr.str("label", "flowlabel ", "0x"+strconv.FormatUint(uint64(l), 16), " ")
		}
	}
	if tb.Has(8) {
		if age := tb.Uint32(8); age == 0 {
			pr.uint("ageing", "ageing none", 0, " ")
		} else {
			pr.uint("ageing", "ageing ", uint64(age), " ")
		}
	}
	if max := tb.Uint32(9); tb.Has(9) && max != 0 {
		pr.uint("limit", "maxaddr ", uint64(max), " ")
	}
	for _, f := range []struct {
		attr      int
		key, text string
	}{{18, "udp_csum", "udpcsum "}, {19, "udp_zero_csum6_tx", "udp6zerocsumtx "}, {20, "udp_zero_csum6_rx", "udp6zerocsumrx "}} {
		if !tb.Has(f.attr) {
			continue
		}
		on := tb.Uint8(f.attr) != 0
		if pr.json() {
			pr.jsonBool(f.key, on)
			continue
		}
		if !on {
			pr.text("no")
		}
		pr.text(f.text)
	}
	for _, f := range []struct {
		attr      int
		key, text string
	}{{21, "remcsum_tx", "remcsumtx "}, {22, "remcsum_rx", "remcsumrx "}} {
		if tb.Uint8(f.attr) != 0 {
			pr.jsonBool(f.key, true)
			pr.text(f.text)
		}
	}
	if tb.Has(25) && tb.Uint8(25) != 0 {
		pr.jsonBool("external", true)
		pr.text("external ")
	}
	if tb.Has(23) {
		pr.jsonBool("gbp", true)
		pr.text("gbp ")
	}
	if tb.Has(27) {
		pr.jsonBool("gpe", true)
		pr.text("gpe ")
	}
}

func linkKnown(idx int32) bool {
	loadLinks()
	_, ok := linkCache.byIndex[idx]
	return ok
}

// kindPrinters are the link kinds whose IFLA_INFO_DATA goip decodes.
var kindPrinters = map[string]func(*rtnl.Table){
	"bridge":  func(tb *rtnl.Table) { printKindFields(tb, bridgeFields) },
	"macvlan": printMacvlan,
	"macvtap": printMacvlan,
	"vxlan":   printVxlan,
}

var slaveKindPrinters = map[string]func(*rtnl.Table){
	"bridge": func(tb *rtnl.Table) { printKindFields(tb, bridgeSlaveFields) },
}
