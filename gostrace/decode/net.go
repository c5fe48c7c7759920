package decode

import (
	"encoding/binary"
	"github.com/goclues/goclues/common/format"
	"net/netip"
)

var addressFamilies = &Xlat{Vals: []Const{
	{0, "AF_UNSPEC"}, {1, "AF_UNIX"}, {2, "AF_INET"}, {3, "AF_AX25"}, {4, "AF_IPX"}, {5, "AF_APPLETALK"},
	{6, "AF_NETROM"}, {7, "AF_BRIDGE"}, {8, "AF_ATMPVC"}, {9, "AF_X25"}, {10, "AF_INET6"},
	{16, "AF_NETLINK"}, {17, "AF_PACKET"}, {29, "AF_CAN"}, {31, "AF_BLUETOOTH"}, {38, "AF_ALG"},
	{40, "AF_VSOCK"}, {44, "AF_XDP"},
}, Unknown: "AF_???"}

var socketTypes = &Xlat{Vals: []Const{
	{1, "SOCK_STREAM"}, {2, "SOCK_DGRAM"}, {3, "SOCK_RAW"}, {4, "SOCK_RDM"}, {5, "SOCK_SEQPACKET"},
	{6, "SOCK_DCCP"}, {10, "SOCK_PACKET"},
}, Unknown: "SOCK_???"}

var socketTypeFlags = &Xlat{Vals: []Const{bit(02000000, "SOCK_CLOEXEC"), bit(04000, "SOCK_NONBLOCK")}}

var ipProtocols = &Xlat{Vals: []Const{
	{0, "IPPROTO_IP"}, {1, "IPPROTO_ICMP"}, {2, "IPPROTO_IGMP"}, {4, "IPPROTO_IPIP"}, {6, "IPPROTO_TCP"},
	{17, "IPPROTO_UDP"}, {41, "IPPROTO_IPV6"}, {47, "IPPROTO_GRE"}, {50, "IPPROTO_ESP"}, {51, "IPPROTO_AH"},
	{58, "IPPROTO_ICMPV6"}, {33, "IPPROTO_DCCP"}, {8, "IPPROTO_EGP"}, {12, "IPPROTO_PUP"},
	{22, "IPPROTO_IDP"}, {29, "IPPROTO_TP"}, {46, "IPPROTO_RSVP"}, {92, "IPPROTO_MTP"},
	{94, "IPPROTO_BEETPH"}, {98, "IPPROTO_ENCAP"}, {103, "IPPROTO_PIM"}, {108, "IPPROTO_COMP"},
	{115, "IPPROTO_L2TP"}, {43, "IPPROTO_ROUTING"}, {44, "IPPROTO_FRAGMENT"}, {59, "IPPROTO_NONE"},
	{60, "IPPROTO_DSTOPTS"}, {135, "IPPROTO_MH"}, {137, "IPPROTO_MPLS"}, {143, "IPPROTO_ETHERNET"}, {132, "IPPROTO_SCTP"}, {136, "IPPROTO_UDPLITE"}, {255, "IPPROTO_RAW"},
	{262, "IPPROTO_MPTCP"},
}, Unknown: "IPPROTO_???"}

var netlinkProtocols = &Xlat{Vals: []Const{
	{0, "NETLINK_ROUTE"}, {1, "NETLINK_UNUSED"}, {2, "NETLINK_USERSOCK"}, {3, "NETLINK_FIREWALL"},
	{4, "NETLINK_SOCK_DIAG"}, {5, "NETLINK_NFLOG"}, {6, "NETLINK_XFRM"}, {7, "NETLINK_SELINUX"},
	{8, "NETLINK_ISCSI"}, {9, "NETLINK_AUDIT"}, {10, "NETLINK_FIB_LOOKUP"}, {11, "NETLINK_CONNECTOR"},
	{12, "NETLINK_NETFILTER"}, {13, "NETLINK_IP6_FW"}, {14, "NETLINK_DNRTMSG"}, {15, "NETLINK_KOBJECT_UEVENT"},
	{16, "NETLINK_GENERIC"}, {18, "NETLINK_SCSITRANSPORT"}, {19, "NETLINK_ECRYPTFS"}, {20, "NETLINK_RDMA"},
	{21, "NETLINK_CRYPTO"}, {22, "NETLINK_SMC"},
}, Unknown: "NETLINK_???"}

// socketType prints the type and its flags, each in the -X style:
// SOCK_RAW|SOCK_CLOEXEC, 0x3|0x80000.
func socketType(c *Ctx, v uint64) {
	c.Value(socketTypes, v&0xf)
	if rest := v &^ 0xf; rest != 0 {
		c.Out = append(c.Out, '|')
		c.Flags(socketTypeFlags, rest)
	}
}

var ethernetProtocols = &Xlat{Vals: []Const{
	{0x0001, "ETH_P_802_3"}, {0x0002, "ETH_P_AX25"}, {0x0003, "ETH_P_ALL"}, {0x0004, "ETH_P_802_2"},
	{0x0005, "ETH_P_SNAP"}, {0x0800, "ETH_P_IP"}, {0x0806, "ETH_P_ARP"}, {0x8035, "ETH_P_RARP"},
	{0x8100, "ETH_P_8021Q"}, {0x86dd, "ETH_P_IPV6"}, {0x8847, "ETH_P_MPLS_UC"}, {0x8848, "ETH_P_MPLS_MC"},
	{0x8863, "ETH_P_PPP_DISC"}, {0x8864, "ETH_P_PPP_SES"}, {0x888e, "ETH_P_PAE"}, {0x88a8, "ETH_P_8021AD"},
	{0x88cc, "ETH_P_LLDP"}, {0x88f7, "ETH_P_1588"}, {0x8906, "ETH_P_FCOE"}, {0x88e5, "ETH_P_MACSEC"},
}, Unknown: "ETH_P_???"}

// socketArgs prints socket(2)'s family, type and protocol.
func socketArgs(c *Ctx, _ int) {
	family := c.Args[0] & 0xffffffff
	c.Value(addressFamilies, family)
	c.Str(", ")
	socketType(c, c.Args[1]&0xffffffff)
	c.Str(", ")
	proto := c.Args[2] & 0xffffffff
	switch family {
	case 2, 10:
		c.Value(ipProtocols, proto)
	case 16:
		c.Value(netlinkProtocols, proto)
	case 17:
		c.Str("htons(")
		c.Value(ethernetProtocols, uint64(uint16(proto>>8|proto<<8)))
		c.Out = append(c.Out, ')')
	default:
		c.Uint(proto)
	}
}

// Sockaddr prints a socket address whose length is argument n (a value).
func Sockaddr(n int) Printer {
	return func(c *Ctx, i int) { c.sockaddr(c.Args[i], int(c.Args[n])) }
}

// SockaddrLenPtr prints a socket address whose length is in the int the
// argument n points at (accept, getsockname, recvfrom).
func SockaddrLenPtr(n int) Printer {
	return func(c *Ctx, i int) {
		var b [4]byte
		if c.Args[i] == 0 {
			c.Str("NULL")
			return
		}
		if !c.readInto(c.Args[n], b[:]) {
			c.Hex(c.Args[i])
			return
		}
		c.sockaddr(c.Args[i], int(int32(le32(b[:]))))
	}
}

// sockLenArg is the in/out socklen_t pointer argument n: [len] as the
// call received it, [in => out] when the kernel changed it. The Entry
// hook it returns keeps the value the call received.
func sockLenArg(n int) (Arg, func(c *Ctx)) {
	save := func(c *Ctx) {
		var b [4]byte
		c.savedOK[0] = c.Args[n] != 0 && c.readInto(c.Args[n], b[:])
		c.saved[0] = int64(int32(le32(b[:])))
	}
	show := func(c *Ctx, i int) {
		var b [4]byte
		if c.Args[i] == 0 {
			c.Str("NULL")
			return
		}
		if !c.readInto(c.Args[i], b[:]) {
			c.Hex(c.Args[i])
			return
		}
		out := int64(int32(le32(b[:])))
		c.Out = append(c.Out, '[')
		if !c.Failed && c.savedOK[0] && c.saved[0] != out {
			c.Int(c.saved[0])
			c.Str(" => ")
		}
		c.Int(out)
		c.Out = append(c.Out, ']')
	}
	return Arg{P: show, Exit: true}, save
}

// LenPtr prints a socklen_t pointer as [len].
var LenPtr Printer = func(c *Ctx, i int) {
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	c.intPtr(c.Args[i])
}

func (c *Ctx) sockaddr(addr uint64, n int) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	if n < 2 || n > 128 {
		c.Hex(addr)
		return
	}
	var buf [128]byte
	b := buf[:n]
	if !c.readInto(addr, b) {
		c.Hex(addr)
		return
	}
	c.sockaddrBytes(b)
}

// sockaddrBytes prints a socket address held in b (at least 2 bytes).
func (c *Ctx) sockaddrBytes(b []byte) {
	n := len(b)
	family := uint64(binary.LittleEndian.Uint16(b))
	c.Str("{sa_family=")
	c.Value(addressFamilies, family)
	switch {
	case family == 1:
		path := b[2:]
		if len(path) > 0 && path[0] == 0 && len(path) > 1 {
			c.Str(", sun_path=@")
			c.quoted(path[1:])
		} else {
			for j, ch := range path {
				if ch == 0 {
					path = path[:j]
					break
				}
			}
			if len(b) > 2 {
				c.Str(", sun_path=")
				c.quoted(path)
			}
		}
	case family == 2 && n >= 16:
		c.Str(", sin_port=")
		c.rawOr(b[2:4], func() {
			c.Str("htons(")
			c.Uint(uint64(binary.BigEndian.Uint16(b[2:])))
			c.Out = append(c.Out, ')')
		})
		c.Str(", sin_addr=")
		c.rawOr(b[4:8], func() {
			c.Str("inet_addr(\"")
			c.Out = netip.AddrFrom4([4]byte(b[4:8])).AppendTo(c.Out)
			c.Str("\")")
		})
	case family == 10 && n >= 24:
		c.Str(", sin6_port=")
		c.rawOr(b[2:4], func() {
			c.Str("htons(")
			c.Uint(uint64(binary.BigEndian.Uint16(b[2:])))
			c.Out = append(c.Out, ')')
		})
		c.Str(", sin6_flowinfo=")
		c.rawOr(b[4:8], func() {
			c.Str("htonl(")
			c.Uint(uint64(binary.BigEndian.Uint32(b[4:])))
			c.Out = append(c.Out, ')')
		})
		addr := netip.AddrFrom16([16]byte(b[8:24]))
		if c.xlat == XlatAbbrev {
			c.Str(", inet_pton(AF_INET6, \"")
			c.Out = addr.AppendTo(c.Out)
			c.Str("\", &sin6_addr)")
		} else {
			c.Str(", sin6_addr=")
			c.rawOr(b[8:24], func() {
				c.Str("inet_pton(AF_INET6, \"")
				c.Out = addr.AppendTo(c.Out)
				c.Str("\")")
			})
		}
		if n >= 28 {
			c.Str(", sin6_scope_id=")
			c.Uint(uint64(binary.LittleEndian.Uint32(b[24:])))
		}
	case family == 16 && n >= 12:
		c.Str(", nl_pid=")
		c.Int(int64(int32(binary.LittleEndian.Uint32(b[4:]))))
		c.Str(", nl_groups=")
		c.Out = appendHex8(c.Out, binary.LittleEndian.Uint32(b[8:]))
	default:
		c.Str(", sa_data=")
		c.quoted(b[2:])
	}
	c.Out = append(c.Out, '}')
}

// rawOr prints a field as its decoded form f, or under -X raw as its
// bytes (with -X verbose followed by f in a comment).
func (c *Ctx) rawOr(raw []byte, f func()) {
	if c.xlat == XlatAbbrev {
		f()
		return
	}
	c.Out = format.AppendCString(c.Out, raw, format.EscapeHexAll)
	if c.xlat == XlatVerbose {
		c.Str(" /* ")
		c.xlat = XlatAbbrev
		f()
		c.xlat = XlatVerbose
		c.Str(" */")
	}
}

func appendHex8(dst []byte, v uint32) []byte {
	const digits = "0123456789abcdef"
	for s := 28; s >= 0; s -= 4 {
		dst = append(dst, digits[v>>uint(s)&0xf])
	}
	return dst
}

var msgFlags = &Xlat{Vals: []Const{
	bit(1, "MSG_OOB"), bit(2, "MSG_PEEK"), bit(4, "MSG_DONTROUTE"), bit(8, "MSG_CTRUNC"),
	bit(0x10, "MSG_PROXY"), bit(0x20, "MSG_TRUNC"), bit(0x40, "MSG_DONTWAIT"), bit(0x80, "MSG_EOR"),
	bit(0x100, "MSG_WAITALL"), bit(0x200, "MSG_FIN"), bit(0x400, "MSG_SYN"), bit(0x800, "MSG_CONFIRM"),
	bit(0x1000, "MSG_RST"), bit(0x2000, "MSG_ERRQUEUE"), bit(0x4000, "MSG_NOSIGNAL"), bit(0x8000, "MSG_MORE"),
	bit(0x10000, "MSG_WAITFORONE"), bit(0x20000, "MSG_BATCH"), bit(0x4000000, "MSG_ZEROCOPY"),
	bit(0x20000000, "MSG_FASTOPEN"), bit(0x40000000, "MSG_CMSG_CLOEXEC"),
}}

// MsgFlags prints MSG_* flags.
var MsgFlags Printer = func(c *Ctx, i int) { c.Flags(msgFlags, c.Args[i]&0xffffffff) }

// iovec prints an iovec array of cnt entries; data is cut at -s and, on
// exit, limited to total bytes. nlFamily is the netlink protocol of
// the socket the data goes through (-1: unknown), or notNetlink.
func (c *Ctx) iovec(addr uint64, cnt int, total int64, nlFamily int) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	var b [16]byte
	c.Out = append(c.Out, '[')
	for k := 0; k < cnt; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= c.Cfg.StrLen || k >= maxArray {
			c.Str("...")
			break
		}
		if !c.readInto(addr+uint64(k)*16, b[:]) {
			c.Str("...")
			break
		}
		base, n := le64(b[:]), le64(b[8:])
		show := n
		if total >= 0 && int64(show) > total {
			show = uint64(total)
		}
		c.Str("{iov_base=")
		c.iovData(base, show, nlFamily)
		if total >= 0 {
			total -= int64(show)
		}
		c.Str(", iov_len=")
		c.Uint(n)
		c.Out = append(c.Out, '}')
	}
	c.Out = append(c.Out, ']')
}

// IovecIn prints writev's iovec (count in argument n).
func IovecIn(n int) Printer {
	return func(c *Ctx, i int) { c.iovec(c.Args[i], int(c.Args[n]), -1, notNetlink) }
}

// IovecOut prints readv's iovec filled with the return value's bytes.
func IovecOut(n int) Printer {
	return func(c *Ctx, i int) { c.iovec(c.Args[i], int(c.Args[n]), c.Ret, notNetlink) }
}

// msghdr prints struct msghdr; total limits data on receive.
func (c *Ctx) msghdr(addr uint64, total int64) {
	var b [56]byte
	if addr == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(addr, b[:]) {
		c.Hex(addr)
		return
	}
	name, namelen := le64(b[0:]), int(le32(b[8:]))
	iov, iovlen := le64(b[16:]), int(le64(b[24:]))
	ctl, ctllen := le64(b[32:]), le64(b[40:])
	flags := uint64(le32(b[48:]))
	c.Str("{msg_name=")
	if name == 0 {
		c.Str("NULL")
	} else {
		c.sockaddr(name, namelen)
	}
	c.Str(", msg_namelen=")
	c.Int(int64(namelen))
	c.Str(", msg_iov=")
	c.iovec(iov, iovlen, total, c.socketNetlinkFamily(int32(c.Args[0])))
	c.Str(", msg_iovlen=")
	c.Int(int64(iovlen))
	if ctllen != 0 {
		c.Str(", msg_control=")
		c.cmsgs(ctl, ctllen)
	}
	c.Str(", msg_controllen=")
	c.Uint(ctllen)
	c.Str(", msg_flags=")
	c.Flags(msgFlags, flags)
	c.Out = append(c.Out, '}')
}

var rwfFlags = &Xlat{Vals: []Const{bit(1, "RWF_HIPRI"), bit(2, "RWF_DSYNC"), bit(4, "RWF_SYNC"), bit(8, "RWF_NOWAIT"), bit(16, "RWF_APPEND")}}

var shutdownHow = &Xlat{Vals: []Const{{0, "SHUT_RD"}, {1, "SHUT_WR"}, {2, "SHUT_RDWR"}}, Unknown: "SHUT_???"}

var sockLevels = &Xlat{Vals: []Const{
	{0, "SOL_IP"}, {1, "SOL_SOCKET"}, {6, "SOL_TCP"}, {17, "SOL_UDP"}, {41, "SOL_IPV6"},
	{58, "SOL_ICMPV6"}, {255, "SOL_RAW"}, {270, "SOL_NETLINK"}, {263, "SOL_PACKET"},
}, Unknown: "SOL_???"}

var solSocketOpts = &Xlat{Vals: []Const{
	{1, "SO_DEBUG"}, {2, "SO_REUSEADDR"}, {3, "SO_TYPE"}, {4, "SO_ERROR"}, {5, "SO_DONTROUTE"},
	{6, "SO_BROADCAST"}, {7, "SO_SNDBUF"}, {8, "SO_RCVBUF"}, {9, "SO_KEEPALIVE"}, {10, "SO_OOBINLINE"},
	{11, "SO_NO_CHECK"}, {12, "SO_PRIORITY"}, {13, "SO_LINGER"}, {14, "SO_BSDCOMPAT"}, {15, "SO_REUSEPORT"},
	{16, "SO_PASSCRED"}, {17, "SO_PEERCRED"}, {18, "SO_RCVLOWAT"}, {19, "SO_SNDLOWAT"}, {20, "SO_RCVTIMEO_OLD"},
	{21, "SO_SNDTIMEO_OLD"}, {25, "SO_BINDTODEVICE"}, {26, "SO_ATTACH_FILTER"}, {29, "SO_TIMESTAMP_OLD"},
	{30, "SO_ACCEPTCONN"}, {32, "SO_SNDBUFFORCE"}, {33, "SO_RCVBUFFORCE"}, {34, "SO_PASSSEC"}, {36, "SO_MARK"},
	{38, "SO_PROTOCOL"}, {39, "SO_DOMAIN"}, {46, "SO_BUSY_POLL"}, {47, "SO_MAX_PACING_RATE"},
	{22, "SO_SECURITY_AUTHENTICATION"}, {23, "SO_SECURITY_ENCRYPTION_TRANSPORT"},
	{24, "SO_SECURITY_ENCRYPTION_NETWORK"}, {27, "SO_DETACH_FILTER"}, {28, "SO_PEERNAME"}, {31, "SO_PEERSEC"},
	{35, "SO_TIMESTAMPNS_OLD"}, {37, "SO_TIMESTAMPING_OLD"}, {40, "SO_RXQ_OVFL"}, {41, "SO_WIFI_STATUS"},
	{42, "SO_PEEK_OFF"}, {43, "SO_NOFCS"}, {44, "SO_LOCK_FILTER"}, {45, "SO_SELECT_ERR_QUEUE"},
	{48, "SO_BPF_EXTENSIONS"}, {49, "SO_INCOMING_CPU"}, {50, "SO_ATTACH_BPF"}, {51, "SO_ATTACH_REUSEPORT_CBPF"},
	{52, "SO_ATTACH_REUSEPORT_EBPF"}, {53, "SO_CNX_ADVICE"}, {54, "SCM_TIMESTAMPING_OPT_STATS"},
	{55, "SO_MEMINFO"}, {56, "SO_INCOMING_NAPI_ID"}, {57, "SO_COOKIE"}, {58, "SCM_TIMESTAMPING_PKTINFO"},
	{59, "SO_PEERGROUPS"}, {60, "SO_ZEROCOPY"}, {61, "SO_TXTIME"}, {62, "SO_BINDTOIFINDEX"},
	{63, "SO_TIMESTAMP_NEW"}, {64, "SO_TIMESTAMPNS_NEW"}, {65, "SO_TIMESTAMPING_NEW"}, {66, "SO_RCVTIMEO_NEW"},
	{67, "SO_SNDTIMEO_NEW"}, {68, "SO_DETACH_REUSEPORT_BPF"}, {69, "SO_PREFER_BUSY_POLL"},
	{70, "SO_BUSY_POLL_BUDGET"}, {71, "SO_NETNS_COOKIE"}, {72, "SO_BUF_LOCK"}, {73, "SO_RESERVE_MEM"},
	{74, "SO_TXREHASH"}, {75, "SO_RCVMARK"},
}, Unknown: "SO_???"}

var solTCPOpts = &Xlat{Vals: seq("", "TCP_NODELAY", "TCP_MAXSEG", "TCP_CORK", "TCP_KEEPIDLE",
	"TCP_KEEPINTVL", "TCP_KEEPCNT", "TCP_SYNCNT", "TCP_LINGER2", "TCP_DEFER_ACCEPT", "TCP_WINDOW_CLAMP",
	"TCP_INFO", "TCP_QUICKACK", "TCP_CONGESTION", "TCP_MD5SIG", "TCP_COOKIE_TRANSACTIONS",
	"TCP_THIN_LINEAR_TIMEOUTS", "TCP_THIN_DUPACK", "TCP_USER_TIMEOUT", "TCP_REPAIR", "TCP_REPAIR_QUEUE",
	"TCP_QUEUE_SEQ", "TCP_REPAIR_OPTIONS", "TCP_FASTOPEN", "TCP_TIMESTAMP", "TCP_NOTSENT_LOWAT", "TCP_CC_INFO",
	"TCP_SAVE_SYN", "TCP_SAVED_SYN", "TCP_REPAIR_WINDOW", "TCP_FASTOPEN_CONNECT", "TCP_ULP", "TCP_MD5SIG_EXT",
	"TCP_FASTOPEN_KEY", "TCP_FASTOPEN_NO_COOKIE", "TCP_ZEROCOPY_RECEIVE", "TCP_INQ", "TCP_TX_DELAY"),
	Unknown: "TCP_???"}

var solIPOpts = &Xlat{Vals: append(seq("", "IP_TOS", "IP_TTL", "IP_HDRINCL", "IP_OPTIONS", "IP_ROUTER_ALERT",
	"IP_RECVOPTS", "IP_RETOPTS", "IP_PKTINFO", "IP_PKTOPTIONS", "IP_MTU_DISCOVER", "IP_RECVERR", "IP_RECVTTL",
	"IP_RECVTOS", "IP_MTU", "IP_FREEBIND", "IP_IPSEC_POLICY", "IP_XFRM_POLICY", "IP_PASSSEC", "IP_TRANSPARENT",
	"IP_RECVORIGDSTADDR", "IP_MINTTL", "IP_NODEFRAG", "IP_CHECKSUM", "IP_BIND_ADDRESS_NO_PORT",
	"IP_RECVFRAGSIZE", "IP_RECVERR_RFC4884"), []Const{
	{32, "IP_MULTICAST_IF"}, {33, "IP_MULTICAST_TTL"}, {34, "IP_MULTICAST_LOOP"}, {35, "IP_ADD_MEMBERSHIP"},
	{36, "IP_DROP_MEMBERSHIP"}, {37, "IP_UNBLOCK_SOURCE"}, {38, "IP_BLOCK_SOURCE"},
	{39, "IP_ADD_SOURCE_MEMBERSHIP"}, {40, "IP_DROP_SOURCE_MEMBERSHIP"}, {41, "IP_MSFILTER"},
	{42, "MCAST_JOIN_GROUP"}, {43, "MCAST_BLOCK_SOURCE"}, {44, "MCAST_UNBLOCK_SOURCE"}, {45, "MCAST_LEAVE_GROUP"},
	{46, "MCAST_JOIN_SOURCE_GROUP"}, {47, "MCAST_LEAVE_SOURCE_GROUP"}, {48, "MCAST_MSFILTER"},
	{49, "IP_MULTICAST_ALL"}, {50, "IP_UNICAST_IF"}, {51, "IP_LOCAL_PORT_RANGE"}, {52, "IP_PROTOCOL"},
}...), Unknown: "IP_???"}

var solIPv6Opts = &Xlat{Vals: []Const{
	{1, "IPV6_ADDRFORM"}, {2, "IPV6_2292PKTINFO"}, {3, "IPV6_2292HOPOPTS"}, {4, "IPV6_2292DSTOPTS"},
	{5, "IPV6_2292RTHDR"}, {6, "IPV6_2292PKTOPTIONS"}, {7, "IPV6_CHECKSUM"}, {8, "IPV6_2292HOPLIMIT"},
	{9, "IPV6_NEXTHOP"}, {10, "IPV6_AUTHHDR"}, {11, "IPV6_FLOWINFO"}, {16, "IPV6_UNICAST_HOPS"},
	{17, "IPV6_MULTICAST_IF"}, {18, "IPV6_MULTICAST_HOPS"}, {19, "IPV6_MULTICAST_LOOP"},
	{20, "IPV6_ADD_MEMBERSHIP"}, {21, "IPV6_DROP_MEMBERSHIP"}, {22, "IPV6_ROUTER_ALERT"},
	{23, "IPV6_MTU_DISCOVER"}, {24, "IPV6_MTU"}, {25, "IPV6_RECVERR"}, {26, "IPV6_V6ONLY"},
	{27, "IPV6_JOIN_ANYCAST"}, {28, "IPV6_LEAVE_ANYCAST"}, {29, "IPV6_MULTICAST_ALL"},
	{30, "IPV6_ROUTER_ALERT_ISOLATE"}, {31, "IPV6_RECVERR_RFC4884"}, {32, "IPV6_FLOWLABEL_MGR"},
	{33, "IPV6_FLOWINFO_SEND"}, {34, "IPV6_IPSEC_POLICY"}, {35, "IPV6_XFRM_POLICY"}, {36, "IPV6_HDRINCL"},
	{49, "IPV6_RECVPKTINFO"}, {50, "IPV6_PKTINFO"}, {51, "IPV6_RECVHOPLIMIT"}, {52, "IPV6_HOPLIMIT"},
	{53, "IPV6_RECVHOPOPTS"}, {54, "IPV6_HOPOPTS"}, {55, "IPV6_RTHDRDSTOPTS"}, {56, "IPV6_RECVRTHDR"},
	{57, "IPV6_RTHDR"}, {58, "IPV6_RECVDSTOPTS"}, {59, "IPV6_DSTOPTS"}, {60, "IPV6_RECVPATHMTU"},
	{61, "IPV6_PATHMTU"}, {62, "IPV6_DONTFRAG"}, {66, "IPV6_RECVTCLASS"}, {67, "IPV6_TCLASS"},
	{70, "IPV6_AUTOFLOWLABEL"}, {72, "IPV6_ADDR_PREFERENCES"}, {73, "IPV6_MINHOPCOUNT"},
	{74, "IPV6_RECVORIGDSTADDR"}, {75, "IPV6_TRANSPARENT"}, {76, "IPV6_UNICAST_IF"}, {77, "IPV6_RECVFRAGSIZE"},
	{78, "IPV6_FREEBIND"},
}, Unknown: "IPV6_???"}

var solPacketOpts = &Xlat{Vals: seq("", "PACKET_ADD_MEMBERSHIP", "PACKET_DROP_MEMBERSHIP",
	"PACKET_RECV_OUTPUT", "", "PACKET_RX_RING", "PACKET_STATISTICS", "PACKET_COPY_THRESH", "PACKET_AUXDATA",
	"PACKET_ORIGDEV", "PACKET_VERSION", "PACKET_HDRLEN", "PACKET_RESERVE", "PACKET_TX_RING", "PACKET_LOSS",
	"PACKET_VNET_HDR", "PACKET_TX_TIMESTAMP", "PACKET_TIMESTAMP", "PACKET_FANOUT", "PACKET_TX_HAS_OFF",
	"PACKET_QDISC_BYPASS", "PACKET_ROLLOVER_STATS", "PACKET_FANOUT_DATA", "PACKET_IGNORE_OUTGOING",
	"PACKET_VNET_HDR_SZ"), Unknown: "PACKET_???"}

var packetMrTypes = &Xlat{Vals: seq("PACKET_MR_MULTICAST", "PACKET_MR_PROMISC", "PACKET_MR_ALLMULTI",
	"PACKET_MR_UNICAST"), Unknown: "PACKET_MR_???"}

// packetSockopt prints the SOL_PACKET values strace decodes: struct
// packet_mreq and struct tpacket_req (a tpacket_req3 stays an address).
func (c *Ctx) packetSockopt(name, addr uint64, n int) bool {
	switch {
	case (name == 1 || name == 2) && n >= 16:
		var b [16]byte
		if !c.readInto(addr, b[:]) {
			c.Hex(addr)
			return true
		}
		alen := int(binary.LittleEndian.Uint16(b[6:]))
		if alen > 8 {
			alen = 8
		}
		c.Str("{mr_ifindex=")
		c.ifindex(binary.LittleEndian.Uint32(b[:]))
		c.Str(", mr_type=")
		c.Value(packetMrTypes, uint64(binary.LittleEndian.Uint16(b[4:])))
		c.Str(", mr_alen=")
		c.Uint(uint64(binary.LittleEndian.Uint16(b[6:])))
		c.Str(", mr_address=")
		nlaHwaddr(c, b[8:8+alen], 0)
		c.Out = append(c.Out, '}')
		return true
	case name == 5 || name == 13:
		var b [16]byte
		if n != 16 || !c.readInto(addr, b[:]) {
			c.Hex(addr)
			return true
		}
		for k, f := range [...]string{"tp_block_size", "tp_block_nr", "tp_frame_size", "tp_frame_nr"} {
			if k == 0 {
				c.Out = append(c.Out, '{')
			} else {
				c.Str(", ")
			}
			c.Str(f)
			c.Out = append(c.Out, '=')
			c.Uint(uint64(binary.LittleEndian.Uint32(b[4*k:])))
		}
		c.Out = append(c.Out, '}')
		return true
	}
	return false
}

var solNetlinkOpts = &Xlat{Vals: seq("", "NETLINK_ADD_MEMBERSHIP", "NETLINK_DROP_MEMBERSHIP",
	"NETLINK_PKTINFO", "NETLINK_BROADCAST_ERROR", "NETLINK_NO_ENOBUFS", "NETLINK_RX_RING", "NETLINK_TX_RING",
	"NETLINK_LISTEN_ALL_NSID", "NETLINK_LIST_MEMBERSHIPS", "NETLINK_CAP_ACK", "NETLINK_EXT_ACK",
	"NETLINK_GET_STRICT_CHK"), Unknown: "NETLINK_???"}

func sockoptName(c *Ctx, _ int) {
	level, name := c.Args[1]&0xffffffff, c.Args[2]&0xffffffff
	c.Value(sockLevels, level)
	c.Str(", ")
	switch level {
	case 1:
		c.Value(solSocketOpts, name)
	case 6:
		c.Value(solTCPOpts, name)
	case 0:
		c.Value(solIPOpts, name)
	case 41:
		c.Value(solIPv6Opts, name)
	case 270:
		c.Value(solNetlinkOpts, name)
	case 263:
		c.Value(solPacketOpts, name)
	default:
		c.Uint(name)
	}
}

// sockoptValue prints an option value of length len (an int when 4).
func (c *Ctx) sockoptValue(addr uint64, n int) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	if n == 4 {
		c.intPtr(addr)
		return
	}
	if n < 0 || n > 4096 {
		c.Hex(addr)
		return
	}
	c.Buf(addr, uint64(n))
}

var setsockoptVal Printer = func(c *Ctx, i int) {
	if c.Args[1] == 1 && c.Args[2] == 13 && c.Args[4] == 8 { // SO_LINGER
		c.linger(c.Args[i])
		return
	}
	if c.Args[1] == 1 && (c.Args[2] == 26 || c.Args[2] == 51) && c.Args[4] == 16 { // SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF
		c.fprog(c.Args[i], false)
		return
	}
	if c.Args[1] == 263 && c.packetSockopt(c.Args[2], c.Args[i], int(int32(c.Args[4]))) {
		return
	}
	if c.structSockopt(c.Args[1], c.Args[2], c.Args[i], int(int32(c.Args[4]))) {
		return
	}
	c.sockoptValue(c.Args[i], int(int32(c.Args[4])))
}

// linger prints struct linger.
func (c *Ctx) linger(addr uint64) {
	var b [8]byte
	if !c.readInto(addr, b[:]) {
		c.Hex(addr)
		return
	}
	c.Str("{l_onoff=")
	c.Int(int64(int32(le32(b[:]))))
	c.Str(", l_linger=")
	c.Int(int64(int32(le32(b[4:]))))
	c.Out = append(c.Out, '}')
}

var getsockoptVal Printer = func(c *Ctx, i int) {
	var b [4]byte
	if !c.readInto(c.Args[4], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	n := int(int32(le32(b[:])))
	if c.Args[1] == 263 && c.Args[2] == 6 && (n == 8 || n == 12) { // PACKET_STATISTICS
		c.packetStats(c.Args[i], n)
		return
	}
	if c.structSockopt(c.Args[1], c.Args[2], c.Args[i], n) {
		return
	}
	c.sockoptValue(c.Args[i], n)
}

// structSockopt prints the option values that are structures:
// struct ucred (SO_PEERCRED), struct linger, struct ip_mreq(n) and
// struct ipv6_mreq. It reports whether it printed the value.
func (c *Ctx) structSockopt(level, name, addr uint64, n int) bool {
	var b [20]byte
	switch {
	case level == 1 && name == 17 && n == 12: // SO_PEERCRED
		if !c.readInto(addr, b[:12]) {
			c.Hex(addr)
			return true
		}
		c.Str("{pid=")
		c.Int(int64(int32(binary.LittleEndian.Uint32(b[:]))))
		c.Str(", uid=")
		c.Uint(uint64(binary.LittleEndian.Uint32(b[4:])))
		c.Str(", gid=")
		c.Uint(uint64(binary.LittleEndian.Uint32(b[8:])))
		c.Out = append(c.Out, '}')
	case level == 1 && name == 13 && n == 8: // SO_LINGER
		c.linger(addr)
	case level == 0 && (name == 35 || name == 36) && (n == 8 || n == 12): // IP_ADD/DROP_MEMBERSHIP
		if !c.readInto(addr, b[:n]) {
			c.Hex(addr)
			return true
		}
		c.Str("{imr_multiaddr=")
		c.inetAddr(b[0:4], 2)
		if n == 12 {
			c.Str(", imr_address=")
			c.inetAddr(b[4:8], 2)
			c.Str(", imr_ifindex=")
			c.ifindex(binary.LittleEndian.Uint32(b[8:]))
		} else {
			c.Str(", imr_interface=")
			c.inetAddr(b[4:8], 2)
		}
		c.Out = append(c.Out, '}')
	case level == 41 && (name == 20 || name == 21) && n == 20: // IPV6_ADD/DROP_MEMBERSHIP
		if !c.readInto(addr, b[:20]) {
			c.Hex(addr)
			return true
		}
		c.Out = append(c.Out, '{')
		if c.xlat == XlatAbbrev {
			c.Str("inet_pton(AF_INET6, \"")
			c.Out = appendInet6(c.Out, b[:16])
			c.Str("\", &ipv6mr_multiaddr)")
		} else {
			c.Str("ipv6mr_multiaddr=")
			c.inetAddr(b[:16], 10)
		}
		c.Str(", ipv6mr_interface=")
		c.ifindex(binary.LittleEndian.Uint32(b[16:]))
		c.Out = append(c.Out, '}')
	default:
		return false
	}
	return true
}

var tpacketStatsFields = []string{"tp_packets", "tp_drops", "tp_freeze_q_cnt"}

// packetStats prints struct tpacket_stats (or its v3 form).
func (c *Ctx) packetStats(addr uint64, n int) {
	var b [12]byte
	if !c.readInto(addr, b[:n]) {
		c.Hex(addr)
		return
	}
	for k, f := range tpacketStatsFields[:n/4] {
		if k == 0 {
			c.Out = append(c.Out, '{')
		} else {
			c.Str(", ")
		}
		c.Str(f)
		c.Out = append(c.Out, '=')
		c.Uint(uint64(binary.LittleEndian.Uint32(b[4*k:])))
	}
	c.Out = append(c.Out, '}')
}

var epollCreateFlags = &Xlat{Vals: []Const{bit(02000000, "EPOLL_CLOEXEC")}}

var sockFlags = &Xlat{Vals: []Const{bit(02000000, "SOCK_CLOEXEC"), bit(04000, "SOCK_NONBLOCK")}}

// socketpairFDs prints the two descriptors socketpair returns.
var socketpairFDs = PipeFDs

var pollEvents = &Xlat{Vals: []Const{
	bit(1, "POLLIN"), bit(2, "POLLPRI"), bit(4, "POLLOUT"), bit(8, "POLLERR"), bit(0x10, "POLLHUP"),
	bit(0x20, "POLLNVAL"), bit(0x40, "POLLRDNORM"), bit(0x80, "POLLRDBAND"), bit(0x100, "POLLWRNORM"),
	bit(0x200, "POLLWRBAND"), bit(0x400, "POLLMSG"), bit(0x2000, "POLLRDHUP"),
}}

// pollfds prints the pollfd array at entry.
var pollfds Printer = func(c *Ctx, i int) {
	n := int(c.Args[1])
	var b [8]byte
	c.Out = append(c.Out, '[')
	for k := 0; k < n; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= c.Cfg.StrLen || k >= maxArray {
			c.Str("...")
			break
		}
		if !c.readInto(c.Args[i]+uint64(k)*8, b[:]) {
			c.Str("...")
			break
		}
		c.Str("{fd=")
		fd := int32(le32(b[:]))
		c.FD(fd)
		if fd >= 0 { // the kernel ignores the events of a negative fd
			c.Str(", events=")
			c.Flags(pollEvents, uint64(binary.LittleEndian.Uint16(b[4:])))
		}
		c.Out = append(c.Out, '}')
	}
	c.Out = append(c.Out, ']')
}

// pollRet prints poll's result with the ready descriptors.
func pollRet(c *Ctx) {
	c.Int(c.Ret)
	if c.Ret == 0 {
		c.Str(" (Timeout)")
		return
	}
	var b [8]byte
	c.Str(" ([")
	first := true
	for k := 0; k < int(c.Args[1]) && k < maxArray; k++ {
		if !c.readInto(c.Args[0]+uint64(k)*8, b[:]) {
			break
		}
		rev := uint64(binary.LittleEndian.Uint16(b[6:]))
		if rev == 0 {
			continue
		}
		if !first {
			c.Str(", ")
		}
		first = false
		c.Str("{fd=")
		c.Int(int64(int32(le32(b[:]))))
		c.Str(", revents=")
		c.Flags(pollEvents, rev)
		c.Out = append(c.Out, '}')
	}
	c.Str("])")
}

var epollOps = &Xlat{Vals: []Const{{1, "EPOLL_CTL_ADD"}, {2, "EPOLL_CTL_DEL"}, {3, "EPOLL_CTL_MOD"}}, Unknown: "EPOLL_CTL_???"}

var epollEvents = &Xlat{Vals: []Const{
	bit(1, "EPOLLIN"), bit(2, "EPOLLPRI"), bit(4, "EPOLLOUT"), bit(8, "EPOLLERR"), bit(0x10, "EPOLLHUP"),
	bit(0x20, "EPOLLNVAL"), bit(0x40, "EPOLLRDNORM"), bit(0x80, "EPOLLRDBAND"), bit(0x100, "EPOLLWRNORM"),
	bit(0x200, "EPOLLWRBAND"), bit(0x400, "EPOLLMSG"), bit(0x2000, "EPOLLRDHUP"), bit(0x10000000, "EPOLLEXCLUSIVE"),
	bit(0x20000000, "EPOLLWAKEUP"), bit(0x40000000, "EPOLLONESHOT"), bit(0x80000000, "EPOLLET"),
}}

func (c *Ctx) epollEvent(b []byte) {
	c.Str("{events=")
	c.Flags(epollEvents, uint64(le32(b)))
	c.Str(", data={u32=")
	c.Uint(uint64(le32(b[4:])))
	c.Str(", u64=")
	c.Uint(le64(b[4:]))
	c.Str("}}")
}

var epollEventArg Printer = func(c *Ctx, i int) {
	var b [12]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	c.epollEvent(b[:])
}

var epollEventsOut Printer = func(c *Ctx, i int) {
	var b [12]byte
	c.Out = append(c.Out, '[')
	for k := 0; k < int(c.Ret); k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.readInto(c.Args[i]+uint64(k)*12, b[:]) {
			c.Str("...")
			break
		}
		c.epollEvent(b[:])
	}
	c.Out = append(c.Out, ']')
}

func init() {
	len2, save2 := sockLenArg(2)
	len4, save4 := sockLenArg(4)
	len5, save5 := sockLenArg(5)
	register(map[string]*Spec{
		"socket":        {Args: []Arg{In(socketArgs)}, Ret: RetFD},
		"socketpair":    {Args: []Arg{In(socketArgs), covered, covered, Out(socketpairFDs)}},
		"connect":       {Args: []Arg{FDArg, In(Sockaddr(2)), In(Uint)}},
		"bind":          {Args: []Arg{FDArg, In(Sockaddr(2)), In(Uint)}},
		"listen":        {Args: []Arg{FDArg, In(Int)}},
		"accept":        {Args: []Arg{FDArg, Out(SockaddrLenPtr(2)), len2}, Ret: RetFD, Entry: save2},
		"accept4":       {Args: []Arg{FDArg, Out(SockaddrLenPtr(2)), len2, In(func(c *Ctx, i int) { c.Flags(sockFlags, c.Args[i]) })}, Ret: RetFD, Entry: save2},
		"getsockname":   {Args: []Arg{FDArg, Out(SockaddrLenPtr(2)), len2}, Entry: save2},
		"getpeername":   {Args: []Arg{FDArg, Out(SockaddrLenPtr(2)), len2}, Entry: save2},
		"sendto":        {Args: []Arg{FDArg, In(SockBuf(2)), In(Ulong), In(MsgFlags), In(Sockaddr(5)), In(Uint)}},
		"recvfrom":      {Args: []Arg{FDArg, Out(SockBufRet), In(Ulong), In(MsgFlags), Out(SockaddrLenPtr(5)), len5}, Entry: save5},
		"sendmsg":       {Args: []Arg{FDArg, In(func(c *Ctx, i int) { c.msghdr(c.Args[i], -1) }), In(MsgFlags)}},
		"recvmsg":       {Args: []Arg{FDArg, Out(func(c *Ctx, i int) { c.msghdr(c.Args[i], c.Ret) }), In(MsgFlags)}},
		"shutdown":      {Args: []Arg{FDArg, In(func(c *Ctx, i int) { c.Value(shutdownHow, c.Args[i]) })}},
		"setsockopt":    {Args: []Arg{FDArg, In(sockoptName), covered, In(setsockoptVal), In(Int)}},
		"getsockopt":    {Args: []Arg{FDArg, In(sockoptName), covered, Out(getsockoptVal), len4}, Entry: save4},
		"poll":          {Args: []Arg{In(pollfds), In(Uint), In(Int)}, Ret: pollRet},
		"readv":         {Args: []Arg{FDArg, Out(IovecOut(2)), In(Int)}},
		"writev":        {Args: []Arg{FDArg, In(IovecIn(2)), In(Int)}},
		"preadv":        {Args: []Arg{FDArg, Out(IovecOut(2)), In(Int), In(Long)}},
		"pwritev":       {Args: []Arg{FDArg, In(IovecIn(2)), In(Int), In(Long)}},
		"preadv2":       {Args: []Arg{FDArg, Out(IovecOut(2)), In(Int), In(Long), flagsArg(rwfFlags)}},
		"pwritev2":      {Args: []Arg{FDArg, In(IovecIn(2)), In(Int), In(Long), flagsArg(rwfFlags)}},
		"epoll_create1": {Args: []Arg{In(func(c *Ctx, i int) { c.Flags(epollCreateFlags, c.Args[i]) })}, Ret: RetFD},
		"epoll_ctl":     {Args: []Arg{FDArg, In(func(c *Ctx, i int) { c.Value(epollOps, c.Args[i]) }), FDArg, In(epollEventArg)}},
		"epoll_wait":    {Args: []Arg{FDArg, Out(epollEventsOut), In(Int), In(Int)}},
		"epoll_pwait":   {Args: []Arg{FDArg, Out(epollEventsOut), In(Int), In(Int), In(SigsetPtr(5)), In(Ulong)}},
	})
}
