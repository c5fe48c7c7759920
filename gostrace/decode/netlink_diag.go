package decode

import "encoding/binary"

// NETLINK_SOCK_DIAG message bodies for inet sockets (what ss(8) asks
// and is told): struct inet_diag_req_v2 in requests, struct
// inet_diag_msg and its attributes in replies.

var tcpStates = &Xlat{Vals: seq("", "TCP_ESTABLISHED", "TCP_SYN_SENT", "TCP_SYN_RECV", "TCP_FIN_WAIT1",
	"TCP_FIN_WAIT2", "TCP_TIME_WAIT", "TCP_CLOSE", "TCP_CLOSE_WAIT", "TCP_LAST_ACK", "TCP_LISTEN",
	"TCP_CLOSING", "TCP_NEW_SYN_RECV"), Unknown: "TCP_???"}

var tcpStateFlags = func() *Xlat {
	x := &Xlat{Unknown: "1<<TCP_???"}
	for _, k := range tcpStates.Vals {
		x.Vals = append(x.Vals, Const{1 << k.Val, "1<<" + k.Name})
	}
	return x
}()

var inetDiagExtFlags = &Xlat{Vals: []Const{
	bit(1, "1<<(INET_DIAG_MEMINFO-1)"), bit(2, "1<<(INET_DIAG_INFO-1)"), bit(4, "1<<(INET_DIAG_VEGASINFO-1)"),
	bit(8, "1<<(INET_DIAG_CONG-1)"), bit(16, "1<<(INET_DIAG_TOS-1)"), bit(32, "1<<(INET_DIAG_TCLASS-1)"),
	bit(64, "1<<(INET_DIAG_SKMEMINFO-1)"), bit(128, "1<<(INET_DIAG_SHUTDOWN-1)"),
}, Unknown: "1<<INET_DIAG_???-1"}

var shutdownFlags = &Xlat{Vals: []Const{bit(1, "RCV_SHUTDOWN"), bit(2, "SEND_SHUTDOWN")}, Unknown: "???_SHUTDOWN"}

var inetDiagAttrs = &nlaTable{
	names: &Xlat{Vals: seq("INET_DIAG_NONE", "INET_DIAG_MEMINFO", "INET_DIAG_INFO", "INET_DIAG_VEGASINFO",
		"INET_DIAG_CONG", "INET_DIAG_TOS", "INET_DIAG_TCLASS", "INET_DIAG_SKMEMINFO", "INET_DIAG_SHUTDOWN",
		"INET_DIAG_DCTCPINFO", "INET_DIAG_PROTOCOL", "INET_DIAG_SKV6ONLY", "INET_DIAG_LOCALS",
		"INET_DIAG_PEERS", "INET_DIAG_PAD", "INET_DIAG_MARK", "INET_DIAG_BBRINFO", "INET_DIAG_CLASS_ID",
		"INET_DIAG_MD5SIG", "INET_DIAG_ULP_INFO", "INET_DIAG_SK_BPF_STORAGES", "INET_DIAG_CGROUP_ID",
		"INET_DIAG_SOCKOPT"), Unknown: "INET_DIAG_???"},
	decs: []nlaDec{
		1:  nlaStruct(4, 4, "idiag_rmem", "idiag_wmem", "idiag_fmem", "idiag_tmem"),
		4:  nlaStr,
		5:  nlaU8,
		6:  nlaU8,
		7:  nlaIndexed(4, false, skMeminfoNames, "SK_MEMINFO_???"),
		8:  diagShutdown,
		10: nlaU8,
		11: nlaU8,
		15: nlaU32,
		17: nlaU32,
		21: nlaU64,
		22: diagSockopt,
	},
}

// diagShutdown prints the shutdown state: always with the numbers, as
// the names are not part of the kernel's user API.
var diagShutdown nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 1 {
		return false
	}
	style := c.xlat
	if style != XlatRaw {
		c.xlat = XlatVerbose
	}
	c.Flags(shutdownFlags, uint64(b[0]))
	c.xlat = style
	return true
}

var inetDiagSockoptBits = [...]string{"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent",
	"mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884", "defer_connect"}

// diagSockopt prints struct inet_diag_sockopt: the set bits only.
var diagSockopt nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
	if len(b) < 2 {
		return false
	}
	v := binary.LittleEndian.Uint16(b)
	c.Out = append(c.Out, '{')
	first := true
	for k, name := range inetDiagSockoptBits {
		if v&(1<<k) == 0 {
			continue
		}
		if !first {
			c.Str(", ")
		}
		first = false
		c.Str(name)
		c.Str("=1")
	}
	if rest := v >> len(inetDiagSockoptBits); rest != 0 {
		if !first {
			c.Str(", ")
		}
		c.Str("unused=")
		c.Uint(uint64(rest))
	}
	c.Out = append(c.Out, '}')
	return true
}

// sockDiagPayload decodes the unix and inet requests and replies; other
// families fall back to a hex string.
func sockDiagPayload(c *Ctx, typ, flags uint16, b []byte) bool {
	if typ < 18 || typ > 20 || len(b) < 1 {
		return false
	}
	req := flags&1 != 0
	switch {
	case b[0] == 16 && req:
		c.netlinkDiagReq(b)
	case b[0] == 16:
		c.netlinkDiagMsg(b)
	case b[0] == 17 && req:
		c.packetDiagReq(b)
	case (b[0] == 2 || b[0] == 10) && req && typ != 20:
		c.inetDiagReqCompat(b)
	case b[0] == 1 && req:
		c.unixDiagReq(b)
	case b[0] == 1:
		c.unixDiagMsg(b)
	case (b[0] == 2 || b[0] == 10) && req:
		c.inetDiagReq(b)
	case b[0] == 2 || b[0] == 10:
		c.inetDiagMsg(b)
	default:
		// families without a decoder: the family and the rest in hex
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

// inetDiagSockid prints struct inet_diag_sockid (48 bytes).
func (c *Ctx) inetDiagSockid(b []byte, fam uint8) {
	c.Str("{idiag_sport=")
	c.rawOr(b[0:2], func() {
		c.Str("htons(")
		c.Uint(uint64(binary.BigEndian.Uint16(b)))
		c.Out = append(c.Out, ')')
	})
	c.Str(", idiag_dport=")
	c.rawOr(b[2:4], func() {
		c.Str("htons(")
		c.Uint(uint64(binary.BigEndian.Uint16(b[2:])))
		c.Out = append(c.Out, ')')
	})
	c.Str(", ")
	for k, name := range [...]string{"idiag_src", "idiag_dst"} {
		a := b[4+16*k : 20+16*k]
		if fam == 10 && c.xlat == XlatAbbrev {
			c.Str("inet_pton(AF_INET6, \"")
			c.Out = appendInet6(c.Out, a)
			c.Str("\", &")
			c.Str(name)
			c.Str("), ")
			continue
		}
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.rawOr(a, func() {
			if fam == 10 {
				c.Str("inet_pton(AF_INET6, \"")
				c.Out = appendInet6(c.Out, a)
				c.Str("\")")
				return
			}
			c.Str("inet_addr(\"")
			c.Out = appendInet4(c.Out, a)
			c.Str("\")")
		})
		c.Str(", ")
	}
	c.Str("idiag_if=")
	c.ifindex(binary.LittleEndian.Uint32(b[36:]))
	c.Str(", idiag_cookie=[")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[40:])))
	c.Str(", ")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[44:])))
	c.Str("]}")
}

// inetDiagReq prints struct inet_diag_req_v2.
func (c *Ctx) inetDiagReq(b []byte) {
	const size = 56
	if !c.familyHead("sdiag_family", b, size) {
		return
	}
	c.Str("sdiag_protocol=")
	c.Value(ipProtocols, uint64(b[1]))
	c.Str(", idiag_ext=")
	c.Flags(inetDiagExtFlags, uint64(b[2]))
	c.Str(", idiag_states=")
	c.Flags(tcpStateFlags, uint64(binary.LittleEndian.Uint32(b[4:])))
	c.Str(", id=")
	c.inetDiagSockid(b[8:56], b[0])
	c.structTail(b, size)
}

// inetDiagReqCompat prints struct inet_diag_req, the request of the
// older TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK messages.
func (c *Ctx) inetDiagReqCompat(b []byte) {
	const size = 60
	if !c.familyHead("idiag_family", b, size) {
		return
	}
	c.Str("idiag_src_len=")
	c.Uint(uint64(b[1]))
	c.Str(", idiag_dst_len=")
	c.Uint(uint64(b[2]))
	c.Str(", idiag_ext=")
	c.Flags(inetDiagExtFlags, uint64(b[3]))
	c.Str(", id=")
	c.inetDiagSockid(b[4:52], b[0])
	c.Str(", idiag_states=")
	c.Flags(tcpStateFlags, uint64(binary.LittleEndian.Uint32(b[52:])))
	c.Str(", idiag_dbs=")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[56:])))
	c.structTail(b, size)
}

// inetDiagMsg prints struct inet_diag_msg and its attributes.
func (c *Ctx) inetDiagMsg(b []byte) {
	const size = 72
	if !c.familyHead("idiag_family", b, size) {
		return
	}
	c.Str("idiag_state=")
	c.Value(tcpStates, uint64(b[1]))
	c.Str(", idiag_timer=")
	c.Uint(uint64(b[2]))
	c.Str(", idiag_retrans=")
	c.Uint(uint64(b[3]))
	c.Str(", id=")
	c.inetDiagSockid(b[4:52], b[0])
	for k, name := range [...]string{"idiag_expires", "idiag_rqueue", "idiag_wqueue", "idiag_uid", "idiag_inode"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(uint64(binary.LittleEndian.Uint32(b[52+4*k:])))
	}
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], inetDiagAttrs, b[0])
	}
}

var udiagShowFlags = &Xlat{Vals: []Const{
	bit(1, "UDIAG_SHOW_NAME"), bit(2, "UDIAG_SHOW_VFS"), bit(4, "UDIAG_SHOW_PEER"), bit(8, "UDIAG_SHOW_ICONS"),
	bit(0x10, "UDIAG_SHOW_RQLEN"), bit(0x20, "UDIAG_SHOW_MEMINFO"), bit(0x40, "UDIAG_SHOW_UID"),
}, Unknown: "UDIAG_SHOW_???"}

var skMeminfoNames = indexedNames("", "SK_MEMINFO_RMEM_ALLOC", "SK_MEMINFO_RCVBUF", "SK_MEMINFO_WMEM_ALLOC",
	"SK_MEMINFO_SNDBUF", "SK_MEMINFO_FWD_ALLOC", "SK_MEMINFO_WMEM_QUEUED", "SK_MEMINFO_OPTMEM",
	"SK_MEMINFO_BACKLOG", "SK_MEMINFO_DROPS")

var unixDiagAttrs = &nlaTable{
	names: &Xlat{Vals: seq("UNIX_DIAG_NAME", "UNIX_DIAG_VFS", "UNIX_DIAG_PEER", "UNIX_DIAG_ICONS",
		"UNIX_DIAG_RQLEN", "UNIX_DIAG_MEMINFO", "UNIX_DIAG_SHUTDOWN", "UNIX_DIAG_UID"), Unknown: "UNIX_DIAG_???"},
	decs: []nlaDec{
		0: nlaStr,
		1: nlaStruct(4, 2, "udiag_vfs_ino", "udiag_vfs_dev"),
		2: nlaU32,
		3: nlaIndexed(4, false, &Xlat{}, ""),
		4: nlaStruct(4, 2, "udiag_rqueue", "udiag_wqueue"),
		5: nlaIndexed(4, false, skMeminfoNames, "SK_MEMINFO_???"),
		6: nlaU8,
		7: nlaU32,
	},
}

// diagCookie appends an inet_diag/unix_diag cookie: [lo, hi].
func (c *Ctx) diagCookie(b []byte) {
	c.Out = append(c.Out, '[')
	c.Uint(uint64(binary.LittleEndian.Uint32(b)))
	c.Str(", ")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[4:])))
	c.Out = append(c.Out, ']')
}

// unixDiagReq prints struct unix_diag_req.
func (c *Ctx) unixDiagReq(b []byte) {
	const size = 24
	if !c.familyHead("sdiag_family", b, size) {
		return
	}
	c.Str("sdiag_protocol=")
	c.Uint(uint64(b[1]))
	c.Str(", udiag_states=")
	c.Flags(tcpStateFlags, uint64(binary.LittleEndian.Uint32(b[4:])))
	c.Str(", udiag_ino=")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Str(", udiag_show=")
	c.Flags(udiagShowFlags, uint64(binary.LittleEndian.Uint32(b[12:])))
	c.Str(", udiag_cookie=")
	c.diagCookie(b[16:])
	c.structTail(b, size)
}

// unixDiagMsg prints struct unix_diag_msg and its attributes.
func (c *Ctx) unixDiagMsg(b []byte) {
	const size = 16
	if !c.familyHead("udiag_family", b, size) {
		return
	}
	c.Str("udiag_type=")
	c.Value(socketTypes, uint64(b[1]))
	c.Str(", udiag_state=")
	c.Value(tcpStates, uint64(b[2]))
	c.Str(", udiag_ino=")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[4:])))
	c.Str(", udiag_cookie=")
	c.diagCookie(b[8:])
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], unixDiagAttrs, b[0])
	}
}

var ndiagShowFlags = &Xlat{Vals: []Const{
	bit(1, "NDIAG_SHOW_MEMINFO"), bit(2, "NDIAG_SHOW_GROUPS"), bit(4, "NDIAG_SHOW_RING_CFG"), bit(8, "NDIAG_SHOW_FLAGS"),
}, Unknown: "NDIAG_SHOW_???"}

var ndiagFlags = &Xlat{Vals: []Const{
	bit(1, "NDIAG_FLAG_CB_RUNNING"), bit(2, "NDIAG_FLAG_PKTINFO"), bit(4, "NDIAG_FLAG_BROADCAST_ERROR"),
	bit(8, "NDIAG_FLAG_NO_ENOBUFS"), bit(0x10, "NDIAG_FLAG_LISTEN_ALL_NSID"), bit(0x20, "NDIAG_FLAG_CAP_ACK"),
}, Unknown: "NDIAG_FLAG_???"}

var packetDiagShowFlags = &Xlat{Vals: []Const{
	bit(1, "PACKET_SHOW_INFO"), bit(2, "PACKET_SHOW_MCLIST"), bit(4, "PACKET_SHOW_RING_CFG"),
	bit(8, "PACKET_SHOW_FANOUT"), bit(0x10, "PACKET_SHOW_MEMINFO"), bit(0x20, "PACKET_SHOW_FILTER"),
}, Unknown: "PACKET_SHOW_???"}

var netlinkDiagAttrs = &nlaTable{
	names: &Xlat{Vals: seq("NETLINK_DIAG_MEMINFO", "NETLINK_DIAG_GROUPS", "NETLINK_DIAG_RX_RING",
		"NETLINK_DIAG_TX_RING", "NETLINK_DIAG_FLAGS"), Unknown: "NETLINK_DIAG_???"},
	decs: []nlaDec{
		0: nlaIndexed(4, false, skMeminfoNames, "SK_MEMINFO_???"),
		4: func(c *Ctx, b []byte, _ uint8) bool {
			if len(b) < 4 {
				return false
			}
			c.Flags(ndiagFlags, uint64(binary.LittleEndian.Uint32(b)))
			return true
		},
	},
}

// netlinkDiagReq prints struct netlink_diag_req.
func (c *Ctx) netlinkDiagReq(b []byte) {
	const size = 20
	if !c.familyHead("sdiag_family", b, size) {
		return
	}
	c.Str("sdiag_protocol=")
	if b[1] == 255 {
		c.Value(ndiagProtoAllName, 255)
	} else {
		c.Value(netlinkProtocols, uint64(b[1]))
	}
	c.Str(", ndiag_ino=")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[4:])))
	c.Str(", ndiag_show=")
	c.Flags(ndiagShowFlags, uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Str(", ndiag_cookie=")
	c.diagCookie(b[12:])
	c.structTail(b, size)
}

// ndiagProtoAllName names the protocol wildcard of a netlink_diag request.
var ndiagProtoAllName = &Xlat{Vals: []Const{{255, "NDIAG_PROTO_ALL"}}}

// netlinkDiagMsg prints struct netlink_diag_msg and its attributes.
func (c *Ctx) netlinkDiagMsg(b []byte) {
	const size = 28
	if !c.familyHead("ndiag_family", b, size) {
		return
	}
	c.Str("ndiag_type=")
	c.Value(socketTypes, uint64(b[1]))
	c.Str(", ndiag_protocol=")
	c.Value(netlinkProtocols, uint64(b[2]))
	c.Str(", ndiag_state=")
	c.Value(tcpStates, uint64(b[3]))
	for k, name := range [...]string{"ndiag_portid", "ndiag_dst_portid", "ndiag_dst_group", "ndiag_ino"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(uint64(binary.LittleEndian.Uint32(b[4+4*k:])))
	}
	c.Str(", ndiag_cookie=")
	c.diagCookie(b[20:])
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.nlattrs(b[size:], netlinkDiagAttrs, b[0])
	}
}

// packetDiagReq prints struct packet_diag_req.
func (c *Ctx) packetDiagReq(b []byte) {
	const size = 20
	if !c.familyHead("sdiag_family", b, size) {
		return
	}
	c.Str("sdiag_protocol=")
	c.Uint(uint64(b[1]))
	c.Str(", pdiag_ino=")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[4:])))
	c.Str(", pdiag_show=")
	c.Flags(packetDiagShowFlags, uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Str(", pdiag_cookie=")
	c.diagCookie(b[12:])
	c.structTail(b, size)
}
