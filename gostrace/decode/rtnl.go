package decode

import (
	"encoding/binary"
	"net/netip"
	"sync"

	"golang.org/x/sys/unix"
)

// rtnetlink (NETLINK_ROUTE) message bodies: struct ifinfomsg, ifaddrmsg
// and rtmsg with their attribute spaces.

var arphrdTypes = &Xlat{Vals: []Const{
	{0, "ARPHRD_NETROM"}, {1, "ARPHRD_ETHER"}, {2, "ARPHRD_EETHER"}, {3, "ARPHRD_AX25"},
	{4, "ARPHRD_PRONET"}, {5, "ARPHRD_CHAOS"}, {6, "ARPHRD_IEEE802"}, {7, "ARPHRD_ARCNET"},
	{8, "ARPHRD_APPLETLK"}, {15, "ARPHRD_DLCI"}, {19, "ARPHRD_ATM"}, {23, "ARPHRD_METRICOM"},
	{24, "ARPHRD_IEEE1394"}, {27, "ARPHRD_EUI64"}, {32, "ARPHRD_INFINIBAND"}, {256, "ARPHRD_SLIP"},
	{257, "ARPHRD_CSLIP"}, {258, "ARPHRD_SLIP6"}, {259, "ARPHRD_CSLIP6"}, {260, "ARPHRD_RSRVD"},
	{264, "ARPHRD_ADAPT"}, {270, "ARPHRD_ROSE"}, {271, "ARPHRD_X25"}, {272, "ARPHRD_HWX25"},
	{280, "ARPHRD_CAN"}, {290, "ARPHRD_MCTP"}, {512, "ARPHRD_PPP"}, {513, "ARPHRD_CISCO"},
	{516, "ARPHRD_LAPB"}, {517, "ARPHRD_DDCMP"}, {518, "ARPHRD_RAWHDLC"}, {519, "ARPHRD_RAWIP"},
	{768, "ARPHRD_TUNNEL"}, {769, "ARPHRD_TUNNEL6"}, {770, "ARPHRD_FRAD"}, {771, "ARPHRD_SKIP"},
	{772, "ARPHRD_LOOPBACK"}, {773, "ARPHRD_LOCALTLK"}, {774, "ARPHRD_FDDI"}, {775, "ARPHRD_BIF"},
	{776, "ARPHRD_SIT"}, {777, "ARPHRD_IPDDP"}, {778, "ARPHRD_IPGRE"}, {779, "ARPHRD_PIMREG"},
	{780, "ARPHRD_HIPPI"}, {781, "ARPHRD_ASH"}, {782, "ARPHRD_ECONET"}, {783, "ARPHRD_IRDA"},
	{784, "ARPHRD_FCPP"}, {785, "ARPHRD_FCAL"}, {786, "ARPHRD_FCPL"}, {787, "ARPHRD_FCFABRIC"},
	{800, "ARPHRD_IEEE802_TR"}, {801, "ARPHRD_IEEE80211"}, {802, "ARPHRD_IEEE80211_PRISM"},
	{803, "ARPHRD_IEEE80211_RADIOTAP"}, {804, "ARPHRD_IEEE802154"}, {805, "ARPHRD_IEEE802154_MONITOR"},
	{820, "ARPHRD_PHONET"}, {821, "ARPHRD_PHONET_PIPE"}, {822, "ARPHRD_CAIF"}, {823, "ARPHRD_IP6GRE"},
	{824, "ARPHRD_NETLINK"}, {825, "ARPHRD_6LOWPAN"}, {826, "ARPHRD_VSOCKMON"},
	{0xfffe, "ARPHRD_NONE"}, {0xffff, "ARPHRD_VOID"},
}, Unknown: "ARPHRD_???"}

var ifFlags = &Xlat{Vals: []Const{
	bit(1, "IFF_UP"), bit(2, "IFF_BROADCAST"), bit(4, "IFF_DEBUG"), bit(8, "IFF_LOOPBACK"),
	bit(0x10, "IFF_POINTOPOINT"), bit(0x20, "IFF_NOTRAILERS"), bit(0x40, "IFF_RUNNING"), bit(0x80, "IFF_NOARP"),
	bit(0x100, "IFF_PROMISC"), bit(0x200, "IFF_ALLMULTI"), bit(0x400, "IFF_MASTER"), bit(0x800, "IFF_SLAVE"),
	bit(0x1000, "IFF_MULTICAST"), bit(0x2000, "IFF_PORTSEL"), bit(0x4000, "IFF_AUTOMEDIA"), bit(0x8000, "IFF_DYNAMIC"),
	bit(0x10000, "IFF_LOWER_UP"), bit(0x20000, "IFF_DORMANT"), bit(0x40000, "IFF_ECHO"),
}, Unknown: "IFF_???"}

var rtextFilterFlags = &Xlat{Vals: []Const{
	bit(1, "RTEXT_FILTER_VF"), bit(2, "RTEXT_FILTER_BRVLAN"), bit(4, "RTEXT_FILTER_BRVLAN_COMPRESSED"),
	bit(8, "RTEXT_FILTER_SKIP_STATS"), bit(0x10, "RTEXT_FILTER_MRP"), bit(0x20, "RTEXT_FILTER_CFM_CONFIG"),
	bit(0x40, "RTEXT_FILTER_CFM_STATUS"),
}, Unknown: "RTEXT_FILTER_???"}

var linkStatsFields = []string{
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped", "tx_dropped",
	"multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors", "rx_frame_errors",
	"rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed", "rx_nohandler",
	"rx_otherhost_dropped",
}

// Link attributes (IFLA_*), as far as strace 6.1 names them.
var iflaNames = &Xlat{Vals: seq(
	"IFLA_UNSPEC", "IFLA_ADDRESS", "IFLA_BROADCAST", "IFLA_IFNAME", "IFLA_MTU", "IFLA_LINK", "IFLA_QDISC",
	"IFLA_STATS", "IFLA_COST", "IFLA_PRIORITY", "IFLA_MASTER", "IFLA_WIRELESS", "IFLA_PROTINFO",
	"IFLA_TXQLEN", "IFLA_MAP", "IFLA_WEIGHT", "IFLA_OPERSTATE", "IFLA_LINKMODE", "IFLA_LINKINFO",
	"IFLA_NET_NS_PID", "IFLA_IFALIAS", "IFLA_NUM_VF", "IFLA_VFINFO_LIST", "IFLA_STATS64",
	"IFLA_VF_PORTS", "IFLA_PORT_SELF", "IFLA_AF_SPEC", "IFLA_GROUP", "IFLA_NET_NS_FD", "IFLA_EXT_MASK",
	"IFLA_PROMISCUITY", "IFLA_NUM_TX_QUEUES", "IFLA_NUM_RX_QUEUES", "IFLA_CARRIER", "IFLA_PHYS_PORT_ID",
	"IFLA_CARRIER_CHANGES", "IFLA_PHYS_SWITCH_ID", "IFLA_LINK_NETNSID", "IFLA_PHYS_PORT_NAME",
	"IFLA_PROTO_DOWN", "IFLA_GSO_MAX_SEGS", "IFLA_GSO_MAX_SIZE", "IFLA_PAD", "IFLA_XDP", "IFLA_EVENT",
	"IFLA_NEW_NETNSID", "IFLA_TARGET_NETNSID", "IFLA_CARRIER_UP_COUNT", "IFLA_CARRIER_DOWN_COUNT",
	"IFLA_NEW_IFINDEX", "IFLA_MIN_MTU", "IFLA_MAX_MTU", "IFLA_PROP_LIST", "IFLA_ALT_IFNAME",
	"IFLA_PERM_ADDRESS", "IFLA_PROTO_DOWN_REASON", "IFLA_PARENT_DEV_NAME", "IFLA_PARENT_DEV_BUS_NAME",
	"IFLA_GRO_MAX_SIZE", "IFLA_TSO_MAX_SIZE", "IFLA_TSO_MAX_SEGS", "IFLA_ALLMULTI",
), Unknown: "IFLA_???"}

var iflaAttrs = &nlaTable{
	names: iflaNames,
	decs: []nlaDec{
		1: nlaHwaddr, 2: nlaHwaddr, 3: nlaStr, 4: nlaU32, 5: nlaU32, 6: nlaStr,
		7:  nlaStruct(4, 23, linkStatsFields[:24]...),
		10: nlaU32, 13: nlaU32, 15: nlaU32, 16: nlaU8, 17: nlaU8,
		18: nlaNested(linkInfoAttrs), 19: nlaU32, 20: nlaStr, 21: nlaU32,
		23: nlaStruct(8, 23, linkStatsFields...),
		26: nlaNested(afSpecAttrs),
		27: nlaU32, 29: nlaFlags(rtextFilterFlags), 30: nlaU32, 31: nlaU32, 32: nlaU32, 33: nlaU8,
		35: nlaU32, 37: nlaS32, 38: nlaStr, 39: nlaU8, 40: nlaU32, 41: nlaU32,
		45: nlaS32, 46: nlaS32, 47: nlaU32, 48: nlaU32, 49: nlaIfindex, 50: nlaU32, 51: nlaU32,
		52: nlaNested(propListAttrs), 53: nlaStr, 54: nlaHwaddr, 56: nlaStr, 57: nlaStr,
		58: nlaU32, 59: nlaU32, 60: nlaU32, 61: nlaU32,
	},
}

// propListAttrs is IFLA_PROP_LIST: link attributes of which only the
// alternative names are decoded.
var propListAttrs = &nlaTable{names: iflaNames, decs: []nlaDec{53: nlaStr}}

var linkInfoAttrs = &nlaTable{
	names: &Xlat{Vals: seq("IFLA_INFO_UNSPEC", "IFLA_INFO_KIND", "IFLA_INFO_DATA", "IFLA_INFO_XSTATS",
		"IFLA_INFO_SLAVE_KIND", "IFLA_INFO_SLAVE_DATA"), Unknown: "IFLA_INFO_???"},
	decs: []nlaDec{1: nlaStr, 4: nlaStr},
}

// afSpecAttrs is IFLA_AF_SPEC: one nested list per address family.
var afSpecAttrs = &nlaTable{names: addressFamilies, byType: afSpecFamily}

// routePayload decodes the body of an rtnetlink message.
func routePayload(c *Ctx, typ, _ uint16, b []byte) bool {
	if typ == nlmsgDone {
		return false
	}
	if len(b) < 1 {
		c.forceHex(b)
		return true
	}
	switch typ {
	case 16, 17, 18, 19:
		c.ifinfomsg(b)
	case 20, 21, 22, 58, 62:
		c.ifaddrmsg(b)
	case 24, 25, 26:
		c.rtmsg(b)
	case 28, 29, 30:
		c.ndmsg(b)
	case 32, 33, 34:
		c.fibRuleHdr(b)
	case 36, 37, 38, 40, 41, 42, 44, 45, 46, 100, 101, 102:
		c.tcmsg(b)
	case 72, 73, 74:
		c.ifaddrlblmsg(b)
	case 80, 81, 82:
		c.netconfmsg(b)
	case 104, 105, 106:
		c.nhmsg(b)
	case 64, 66, 67:
		c.ndtmsg(b)
	default:
		c.Str("{family=")
		c.Value(addressFamilies, uint64(b[0]))
		if len(b) > 1 {
			c.Str(", data=")
			c.forceHex(b[1:])
		}
		c.Out = append(c.Out, '}')
	}
	return true
}

// ifinfomsg prints struct ifinfomsg and the link attributes after it.
func (c *Ctx) ifinfomsg(b []byte) {
	const size = 16
	if !c.familyHead("ifi_family", b, size) {
		return
	}
	c.Str("ifi_type=")
	c.Value(arphrdTypes, uint64(binary.LittleEndian.Uint16(b[2:])))
	c.Str(", ifi_index=")
	c.ifindex(binary.LittleEndian.Uint32(b[4:]))
	c.Str(", ifi_flags=")
	c.Flags(ifFlags, uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Str(", ifi_change=")
	c.Hex(uint64(binary.LittleEndian.Uint32(b[12:])))
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], iflaAttrs, b[0])
	}
}

var ifaFlags = &Xlat{Vals: []Const{
	bit(1, "IFA_F_SECONDARY"), bit(2, "IFA_F_NODAD"), bit(4, "IFA_F_OPTIMISTIC"), bit(8, "IFA_F_DADFAILED"),
	bit(0x10, "IFA_F_HOMEADDRESS"), bit(0x20, "IFA_F_DEPRECATED"), bit(0x40, "IFA_F_TENTATIVE"),
	bit(0x80, "IFA_F_PERMANENT"), bit(0x100, "IFA_F_MANAGETEMPADDR"), bit(0x200, "IFA_F_NOPREFIXROUTE"),
	bit(0x400, "IFA_F_MCAUTOJOIN"), bit(0x800, "IFA_F_STABLE_PRIVACY"),
}, Unknown: "IFA_F_???"}

var routingScopes = &Xlat{Vals: []Const{
	{0, "RT_SCOPE_UNIVERSE"}, {200, "RT_SCOPE_SITE"}, {253, "RT_SCOPE_LINK"}, {254, "RT_SCOPE_HOST"},
	{255, "RT_SCOPE_NOWHERE"},
}}

var ifaAttrs = &nlaTable{
	names: &Xlat{Vals: seq("IFA_UNSPEC", "IFA_ADDRESS", "IFA_LOCAL", "IFA_LABEL", "IFA_BROADCAST",
		"IFA_ANYCAST", "IFA_CACHEINFO", "IFA_MULTICAST", "IFA_FLAGS", "IFA_RT_PRIORITY",
		"IFA_TARGET_NETNSID", "IFA_PROTO"), Unknown: "IFA_???"},
	decs: []nlaDec{
		1: nlaInetAddr, 2: nlaInetAddr, 3: nlaStr, 4: nlaInetAddr, 5: nlaInetAddr,
		6: nlaStruct(4, 4, "ifa_prefered", "ifa_valid", "cstamp", "tstamp"),
		7: nlaInetAddr, 8: nlaFlags(ifaFlags), 9: nlaU32, 10: nlaS32,
	},
}

// ifaddrmsg prints struct ifaddrmsg and the address attributes.
func (c *Ctx) ifaddrmsg(b []byte) {
	const size = 8
	if !c.familyHead("ifa_family", b, size) {
		return
	}
	c.Str("ifa_prefixlen=")
	c.Uint(uint64(b[1]))
	c.Str(", ifa_flags=")
	c.Flags(ifaFlags, uint64(b[2]))
	c.Str(", ifa_scope=")
	c.Value(routingScopes, uint64(b[3]))
	c.Str(", ifa_index=")
	c.ifindex(binary.LittleEndian.Uint32(b[4:]))
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], ifaAttrs, b[0])
	}
}

var ipTOS = &Xlat{Vals: []Const{
	bit(0x10, "IPTOS_LOWDELAY"), bit(0x08, "IPTOS_THROUGHPUT"), bit(0x04, "IPTOS_RELIABILITY"),
	bit(0x02, "IPTOS_MINCOST"),
}, Unknown: "IPTOS_TOS_???"}

var routingTables = &Xlat{Vals: []Const{
	{0, "RT_TABLE_UNSPEC"}, {252, "RT_TABLE_COMPAT"}, {253, "RT_TABLE_DEFAULT"}, {254, "RT_TABLE_MAIN"},
	{255, "RT_TABLE_LOCAL"},
}}

var routingProtocols = &Xlat{Vals: []Const{
	{0, "RTPROT_UNSPEC"}, {1, "RTPROT_REDIRECT"}, {2, "RTPROT_KERNEL"}, {3, "RTPROT_BOOT"},
	{4, "RTPROT_STATIC"}, {8, "RTPROT_GATED"}, {9, "RTPROT_RA"}, {10, "RTPROT_MRT"}, {11, "RTPROT_ZEBRA"},
	{12, "RTPROT_BIRD"}, {13, "RTPROT_DNROUTED"}, {14, "RTPROT_XORP"}, {15, "RTPROT_NTK"},
	{16, "RTPROT_DHCP"}, {17, "RTPROT_MROUTED"}, {18, "RTPROT_KEEPALIVED"}, {42, "RTPROT_BABEL"},
	{99, "RTPROT_OPENR"}, {186, "RTPROT_BGP"}, {187, "RTPROT_ISIS"}, {188, "RTPROT_OSPF"},
	{189, "RTPROT_RIP"}, {192, "RTPROT_EIGRP"},
}, Unknown: "RTPROT_???"}

var routingTypes = &Xlat{Vals: seq("RTN_UNSPEC", "RTN_UNICAST", "RTN_LOCAL", "RTN_BROADCAST",
	"RTN_ANYCAST", "RTN_MULTICAST", "RTN_BLACKHOLE", "RTN_UNREACHABLE", "RTN_PROHIBIT", "RTN_THROW",
	"RTN_NAT", "RTN_XRESOLVE"), Unknown: "RTN_???"}

var routingFlags = &Xlat{Vals: []Const{
	bit(1, "RTNH_F_DEAD"), bit(2, "RTNH_F_PERVASIVE"), bit(4, "RTNH_F_ONLINK"), bit(8, "RTNH_F_OFFLOAD"),
	bit(0x10, "RTNH_F_LINKDOWN"), bit(0x20, "RTNH_F_UNRESOLVED"), bit(0x40, "RTNH_F_TRAP"),
	bit(0x100, "RTM_F_NOTIFY"), bit(0x200, "RTM_F_CLONED"), bit(0x400, "RTM_F_EQUALIZE"),
	bit(0x800, "RTM_F_PREFIX"), bit(0x1000, "RTM_F_LOOKUP_TABLE"), bit(0x2000, "RTM_F_FIB_MATCH"),
	bit(0x4000, "RTM_F_OFFLOAD"), bit(0x8000, "RTM_F_TRAP"), bit(0x20000000, "RTM_F_OFFLOAD_FAILED"),
}, Unknown: "RTM_F_???"}

var rtaMetricsAttrs = &nlaTable{
	names: &Xlat{Vals: seq("RTAX_UNSPEC", "RTAX_LOCK", "RTAX_MTU", "RTAX_WINDOW", "RTAX_RTT", "RTAX_RTTVAR",
		"RTAX_SSTHRESH", "RTAX_CWND", "RTAX_ADVMSS", "RTAX_REORDERING", "RTAX_HOPLIMIT", "RTAX_INITCWND",
		"RTAX_FEATURES", "RTAX_RTO_MIN", "RTAX_INITRWND", "RTAX_QUICKACK", "RTAX_CC_ALGO",
		"RTAX_FASTOPEN_NO_COOKIE"), Unknown: "RTAX_???"},
	decs: []nlaDec{1: nlaU32, 2: nlaU32, 3: nlaU32, 4: nlaU32, 5: nlaU32, 6: nlaU32, 7: nlaU32, 8: nlaU32,
		9: nlaU32, 10: nlaU32, 11: nlaU32, 12: nlaU32, 13: nlaU32, 14: nlaU32, 15: nlaU32, 16: nlaStr},
}

var rtaAttrs = &nlaTable{
	names: &Xlat{Vals: seq("RTA_UNSPEC", "RTA_DST", "RTA_SRC", "RTA_IIF", "RTA_OIF", "RTA_GATEWAY",
		"RTA_PRIORITY", "RTA_PREFSRC", "RTA_METRICS", "RTA_MULTIPATH", "RTA_PROTOINFO", "RTA_FLOW",
		"RTA_CACHEINFO", "RTA_SESSION", "RTA_MP_ALGO", "RTA_TABLE", "RTA_MARK", "RTA_MFC_STATS", "RTA_VIA",
		"RTA_NEWDST", "RTA_PREF", "RTA_ENCAP_TYPE", "RTA_ENCAP", "RTA_EXPIRES", "RTA_PAD", "RTA_UID",
		"RTA_TTL_PROPAGATE", "RTA_IP_PROTO", "RTA_SPORT", "RTA_DPORT", "RTA_NH_ID"), Unknown: "RTA_???"},
	decs: []nlaDec{
		1: nlaInetAddr, 2: nlaInetAddr, 3: nlaIfindex, 4: nlaIfindex, 5: nlaInetAddr, 6: nlaU32,
		7: nlaInetAddr, 8: nlaNested(rtaMetricsAttrs), 10: nlaU32, 11: nlaU32,
		12: rtaCacheinfo, 14: nlaU32, 15: nlaValue(routingTables), 16: nlaU32, 19: nlaInetAddr,
		20: nlaU8, 23: nlaU64, 25: nlaU32, 26: nlaU8, 27: nlaU8, 28: nlaU16, 29: nlaU16,
	},
}

// rtaCacheinfo prints struct rta_cacheinfo.
var rtaCacheinfo nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 32 {
		return false
	}
	u := func(k int) uint64 { return uint64(binary.LittleEndian.Uint32(b[k*4:])) }
	for k, name := range [...]string{"rta_clntref", "rta_lastuse", "rta_expires", "rta_error", "rta_used", "rta_id", "rta_ts", "rta_tsage"} {
		if k == 0 {
			c.Out = append(c.Out, '{')
		} else {
			c.Str(", ")
		}
		c.Str(name)
		c.Out = append(c.Out, '=')
		if k == 5 {
			c.Hex(u(k))
		} else {
			c.Uint(u(k))
		}
	}
	c.Out = append(c.Out, '}')
	return true
}

// rtmsg prints struct rtmsg and the route attributes.
func (c *Ctx) rtmsg(b []byte) {
	const size = 12
	if !c.familyHead("rtm_family", b, size) {
		return
	}
	c.Str("rtm_dst_len=")
	c.Uint(uint64(b[1]))
	c.Str(", rtm_src_len=")
	c.Uint(uint64(b[2]))
	c.Str(", rtm_tos=")
	c.Flags(ipTOS, uint64(b[3]))
	c.Str(", rtm_table=")
	c.Value(routingTables, uint64(b[4]))
	c.Str(", rtm_protocol=")
	c.Value(routingProtocols, uint64(b[5]))
	c.Str(", rtm_scope=")
	c.Value(routingScopes, uint64(b[6]))
	c.Str(", rtm_type=")
	c.Value(routingTypes, uint64(b[7]))
	c.Str(", rtm_flags=")
	c.Flags(routingFlags, uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], rtaAttrs, b[0])
	}
}

func appendInet6(dst, b []byte) []byte {
	return netip.AddrFrom16([16]byte(b[:16])).AppendTo(dst)
}

// Interface names by index, looked up with SIOCGIFNAME in the tracer's
// network namespace (as strace's if_indextoname does). Names are not
// cached: the traced program may be the one creating or renaming links.
var ifNames struct {
	sync.Mutex
	fd int // an AF_INET datagram socket for the ioctl, 0 until opened
}

func ifName(idx uint32) string {
	if idx == 0 {
		return ""
	}
	ifNames.Lock()
	defer ifNames.Unlock()
	if ifNames.fd == 0 {
		fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return ""
		}
		ifNames.fd = fd
	}
	ifr, err := unix.NewIfreq("")
	if err != nil {
		return ""
	}
	ifr.SetUint32(idx)
	if unix.IoctlIfreq(ifNames.fd, unix.SIOCGIFNAME, ifr) != nil {
		return ""
	}
	return ifr.Name()
}
