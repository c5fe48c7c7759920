package main

import (
	"encoding/binary"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"github.com/vishvananda/netlink/nl"
	"golang.org/x/sys/unix"
)

// rtmsgHdr is the struct rtmsg of a request being built.
type rtmsgHdr struct {
	family, dstLen, srcLen, tos uint8
	table, protocol, scope, typ uint8
	flags                       uint32
}

func (h *rtmsgHdr) bytes() []byte {
	b := make([]byte, rtnl.SizeofRtMsg)
	b[0], b[1], b[2], b[3] = h.family, h.dstLen, h.srcLen, h.tos
	b[4], b[5], b[6], b[7] = h.table, h.protocol, h.scope, h.typ
	binary.NativeEndian.PutUint32(b[8:], h.flags)
	return b
}

// attrList collects request attributes in order.
type attrList []*nl.RtAttr

func (l *attrList) add(typ int, data []byte) { *l = append(*l, rtAttr(typ, data)) }
func (l *attrList) u32(typ int, v uint32)    { l.add(typ, u32b(v)) }

func routeModify(cmd, flags int, args []string) int {
	h := rtmsgHdr{family: uint8(opt.family), table: rtnl.RT_TABLE_MAIN, scope: rtnl.RT_SCOPE_NOWHERE}
	if cmd != unix.RTM_DELROUTE {
		h.protocol, h.scope, h.typ = rtnl.RTPROT_BOOT, rtnl.RT_SCOPE_UNIVERSE, rtnl.RTN_UNICAST
	}
	var attrs, mx attrList
	var mxlock uint32
	var dev string
	var gwOK, dstOK, nhsOK, scopeOK, tableOK, typeOK bool
	var nhid uint32
	v := &argv{args}
	family := func() int { return int(h.family) }
	setFamily := func(f int) {
		if h.family == unix.AF_UNSPEC {
			h.family = uint8(f)
		}
	}
	lockable := func(bit int) string {
		t := v.next()
		if t == "lock" {
			mxlock |= 1 << uint(bit)
			t = v.next()
		}
		return t
	}
	unsignedMetric := func(bit int, msg string) {
		t := lockable(bit)
		n, ok := parseUnsigned(t)
		if !ok {
			invarg(msg, t)
		}
		mx.u32(bit, n)
	}
	timeMetric := func(bit int, mul uint32, msg string) {
		t := lockable(bit)
		n, raw, ok := getTimeRtt(t)
		if !ok {
			invarg(msg, t)
		}
		if !raw {
			n *= mul
		}
		mx.u32(bit, n)
	}
loop:
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case a == "src":
			addr := getAddr(v.next(), family())
			setFamily(addr.family)
			attrs.add(rtnl.RTA_PREFSRC, addr.bytes())
		case a == "as":
			t := v.next()
			if t == "to" {
				t = v.next()
			}
			addr := getAddr(t, family())
			setFamily(addr.family)
			attrs.add(rtnl.RTA_NEWDST, addr.bytes())
		case a == "via":
			if gwOK {
				invarg("use nexthop syntax to specify multiple via\n", a)
			}
			gwOK = true
			t := v.next()
			fam := readFamily(t)
			if fam == unix.AF_UNSPEC {
				fam = family()
			} else {
				t = v.next()
			}
			addr := getAddr(t, fam)
			setFamily(addr.family)
			if addr.family == family() {
				attrs.add(rtnl.RTA_GATEWAY, addr.bytes())
			} else {
				attrs.add(rtnl.RTA_VIA, viaBytes(&addr))
			}
		case a == "from":
			addr := getPrefix(v.next(), family())
			setFamily(addr.family)
			if addr.bytelen > 0 {
				attrs.add(rtnl.RTA_SRC, addr.bytes())
			}
			h.srcLen = uint8(addr.bitlen)
		case a == "tos", matches(a, "dsfield"):
			t := v.next()
			tos, ok := dsfieldID(t)
			if !ok {
				invarg("\"tos\" value is invalid\n", t)
			}
			h.tos = uint8(tos)
		case a == "expires":
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok {
				invarg("\"expires\" value is invalid\n", t)
			}
			attrs.u32(rtnl.RTA_EXPIRES, n)
		case matches(a, "metric"), matches(a, "priority"), a == "preference":
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok {
				invarg("\"metric\" value is invalid\n", t)
			}
			attrs.u32(rtnl.RTA_PRIORITY, n)
		case a == "scope":
			t := v.next()
			s, ok := rtnames.Scopes.ID(t)
			if !ok {
				invarg("invalid \"scope\" value\n", t)
			}
			h.scope, scopeOK = uint8(s), true
		case a == "mtu":
			unsignedMetric(rtnl.RTAX_MTU, "\"mtu\" value is invalid\n")
		case a == "hoplimit":
			t := lockable(rtnl.RTAX_HOPLIMIT)
			n, ok := parseUnsigned(t)
			if !ok || n > 255 {
				invarg("\"hoplimit\" value is invalid\n", t)
			}
			mx.u32(rtnl.RTAX_HOPLIMIT, n)
		case a == "advmss":
			unsignedMetric(rtnl.RTAX_ADVMSS, "\"mss\" value is invalid\n")
		case matches(a, "reordering"):
			unsignedMetric(rtnl.RTAX_REORDERING, "\"reordering\" value is invalid\n")
		case a == "rtt":
			timeMetric(rtnl.RTAX_RTT, 8, "\"rtt\" value is invalid\n")
		case a == "rto_min":
			t := v.next()
			mxlock |= 1 << rtnl.RTAX_RTO_MIN
			n, _, ok := getTimeRtt(t)
			if !ok {
				invarg("\"rto_min\" value is invalid\n", t)
			}
			mx.u32(rtnl.RTAX_RTO_MIN, n)
		case matches(a, "window"):
			unsignedMetric(rtnl.RTAX_WINDOW, "\"window\" value is invalid\n")
		case matches(a, "cwnd"):
			unsignedMetric(rtnl.RTAX_CWND, "\"cwnd\" value is invalid\n")
		case matches(a, "initcwnd"):
			unsignedMetric(rtnl.RTAX_INITCWND, "\"initcwnd\" value is invalid\n")
		case matches(a, "initrwnd"):
			unsignedMetric(rtnl.RTAX_INITRWND, "\"initrwnd\" value is invalid\n")
		case matches(a, "features"):
			t := v.next()
			if t != "ecn" {
				invarg("\"features\" value not valid\n", t)
			}
			mx.u32(rtnl.RTAX_FEATURES, 1)
		case matches(a, "quickack"):
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok {
				invarg("\"quickack\" value is invalid\n", t)
			}
			if n > 1 {
				invarg("\"quickack\" value should be 0 or 1\n", t)
			}
			mx.u32(rtnl.RTAX_QUICKACK, n)
		case matches(a, "congctl"):
			t := v.next()
			if t == "lock" {
				mxlock |= 1 << rtnl.RTAX_CC_ALGO
				t = v.next()
			}
			mx.add(rtnl.RTAX_CC_ALGO, []byte(t))
		case matches(a, "rttvar"):
			timeMetric(rtnl.RTAX_RTTVAR, 4, "\"rttvar\" value is invalid\n")
		case matches(a, "ssthresh"):
			unsignedMetric(rtnl.RTAX_SSTHRESH, "\"ssthresh\" value is invalid\n")
		case matches(a, "realms"):
			t := v.next()
			realm, ok := getRtRealmsOrRaw(t)
			if !ok {
				invarg("\"realm\" value is invalid\n", t)
			}
			attrs.u32(rtnl.RTA_FLOW, realm)
		case a == "onlink":
			h.flags |= rtnl.RTNH_F_ONLINK
		case a == "nexthop":
			nhsOK = true
			break loop
		case a == "nhid":
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok {
				invarg("\"id\" value is invalid\n", t)
			}
			nhid = n
			attrs.u32(rtnl.RTA_NH_ID, n)
		case matches(a, "protocol"):
			t := v.next()
			p, ok := rtnames.Protocols.ID(t)
			if !ok {
				invarg("\"protocol\" value is invalid\n", t)
			}
			h.protocol = uint8(p)
		case matches(a, "table"):
			t := v.next()
			id, ok := rtnames.Tables.ID(t)
			if !ok {
				invarg("\"table\" value is invalid\n", t)
			}
			if id < 256 {
				h.table = uint8(id)
			} else {
				h.table = rtnl.RT_TABLE_UNSPEC
				attrs.u32(rtnl.RTA_TABLE, id)
			}
			tableOK = true
		case matches(a, "vrf"):
			errorf("goip: vrf is not implemented\n")
			return 1
		case a == "dev", a == "oif":
			dev = v.next()
		case matches(a, "pref"):
			t := v.next()
			var p uint8
			switch t {
			case "low":
				p = 3
			case "medium":
				p = 0
			case "high":
				p = 1
			default:
				n, ok := parseU8(t)
				if !ok {
					invarg("\"pref\" value is invalid\n", t)
				}
				p = n
			}
			attrs.add(rtnl.RTA_PREF, []byte{p})
		case a == "encap":
			attrs = append(attrs, parseEncap(v)...)
		case a == "ttl-propagate":
			t := v.next()
			var p byte
			switch {
			case matches(t, "enabled"):
				p = 1
			case matches(t, "disabled"):
			default:
				invarg("\"ttl-propagate\" value is invalid\n", t)
			}
			attrs.add(rtnl.RTA_TTL_PROPAGATE, []byte{p})
		case matches(a, "fastopen_no_cookie"):
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok {
				invarg("\"fastopen_no_cookie\" value is invalid\n", t)
			}
			if n > 1 {
				invarg("\"fastopen_no_cookie\" value should be 0 or 1\n", t)
			}
			mx.u32(rtnl.RTAX_FASTOPEN_NO_COOKIE, n)
		default:
			t := a
			if t == "to" {
				t = v.next()
			}
			if (t == "" || t[0] < '0' || t[0] > '9') && t != "" {
				if typ, ok := rtnTypeID(t); ok {
					t = v.next()
					h.typ, typeOK = typ, true
				}
			}
			if matches(t, "help") {
				routeUsage()
			}
			if dstOK {
				duparg2("to", t)
			}
			dst := getPrefix(t, family())
			setFamily(dst.family)
			h.dstLen = uint8(dst.bitlen)
			dstOK = true
			if dst.bytelen > 0 {
				attrs.add(rtnl.RTA_DST, dst.bytes())
			}
		}
	}
	if !dstOK {
		routeUsage()
	}
	if dev != "" {
		attrs.u32(rtnl.RTA_OIF, uint32(linkIndex(dev)))
	}
	if len(mx) > 0 {
		if mxlock != 0 {
			mx.u32(rtnl.RTAX_LOCK, mxlock)
		}
		outer := rtAttr(rtnl.RTA_METRICS, nil)
		for _, m := range mx {
			outer.AddChild(m)
		}
		attrs = append(attrs, outer)
	}
	if nhsOK {
		mp := parseNexthops(&h, v)
		attrs.add(rtnl.RTA_MULTIPATH, mp)
	}
	if h.family == unix.AF_UNSPEC {
		h.family = unix.AF_INET
	}
	if !tableOK {
		switch h.typ {
		case rtnl.RTN_LOCAL, rtnl.RTN_BROADCAST, rtnl.RTN_NAT, rtnl.RTN_ANYCAST:
			h.table = rtnl.RT_TABLE_LOCAL
		}
	}
	if !scopeOK {
		switch {
		case h.family == unix.AF_INET6 || h.family == unix.AF_MPLS:
			h.scope = rtnl.RT_SCOPE_UNIVERSE
		case h.typ == rtnl.RTN_LOCAL || h.typ == rtnl.RTN_NAT:
			h.scope = rtnl.RT_SCOPE_HOST
		case h.typ == rtnl.RTN_BROADCAST || h.typ == rtnl.RTN_MULTICAST || h.typ == rtnl.RTN_ANYCAST:
			h.scope = rtnl.RT_SCOPE_LINK
		case h.typ == rtnl.RTN_UNICAST || h.typ == rtnl.RTN_UNSPEC:
			if cmd == unix.RTM_DELROUTE {
				h.scope = rtnl.RT_SCOPE_NOWHERE
			} else if !gwOK && !nhsOK && nhid == 0 {
				h.scope = rtnl.RT_SCOPE_LINK
			}
		}
	}
	if !typeOK && h.family == unix.AF_MPLS {
		h.typ = rtnl.RTN_UNICAST
	}
	req := newRequest(cmd, flags|unix.NLM_F_ACK, h.bytes())
	for _, a := range attrs {
		req.AddData(a)
	}
	if _, err := talk(req); err != nil {
		return reportTalkError(err)
	}
	return 0
}

// viaBytes is struct rtvia: the family then the address.
func viaBytes(a *inetPrefix) []byte {
	b := make([]byte, 2+a.bytelen)
	binary.NativeEndian.PutUint16(b, uint16(a.family))
	copy(b[2:], a.bytes())
	return b
}

// parseNexthops builds an RTA_MULTIPATH payload from "nexthop …" groups.
func parseNexthops(h *rtmsgHdr, v *argv) []byte {
	var out []byte
	for v.more() {
		if v.cur() != "nexthop" {
			errorf("Error: \"nexthop\" or end of line is expected instead of \"%s\"\n", v.cur())
			fail(255)
		}
		if len(v.a) <= 1 {
			errorf("Error: unexpected end of line after \"nexthop\"\n")
			fail(255)
		}
		var flags, hops uint8
		var ifindex int32
		var attrs []byte
		for v.skip(); v.more(); v.skip() {
			a := v.cur()
			switch {
			case a == "via":
				t := v.next()
				fam := readFamily(t)
				if fam == unix.AF_UNSPEC {
					fam = int(h.family)
				} else {
					t = v.next()
				}
				addr := getAddr(t, fam)
				if h.family == unix.AF_UNSPEC {
					h.family = uint8(addr.family)
				}
				if addr.family == int(h.family) {
					attrs = append(attrs, rtAttr(rtnl.RTA_GATEWAY, addr.bytes()).Serialize()...)
				} else {
					attrs = append(attrs, rtAttr(rtnl.RTA_VIA, viaBytes(&addr)).Serialize()...)
				}
			case a == "dev":
				ifindex = linkIndex(v.next())
			case a == "weight":
				t := v.next()
				w, ok := parseUnsigned(t)
				if !ok || w == 0 || w > 256 {
					invarg("\"weight\" is invalid\n", t)
				}
				hops = uint8(w - 1)
			case a == "onlink":
				flags |= rtnl.RTNH_F_ONLINK
			case matches(a, "realms"):
				t := v.next()
				realm, ok := getRtRealmsOrRaw(t)
				if !ok {
					invarg("\"realm\" value is invalid\n", t)
				}
				attrs = append(attrs, rtAttr(rtnl.RTA_FLOW, u32b(realm)).Serialize()...)
			case a == "as":
				t := v.next()
				if t == "to" {
					t = v.next()
				}
				addr := getAddr(t, int(h.family))
				attrs = append(attrs, rtAttr(rtnl.RTA_NEWDST, addr.bytes()).Serialize()...)
			case a == "encap":
				for _, e := range parseEncap(v) {
					attrs = append(attrs, e.Serialize()...)
				}
			default:
				goto done
			}
		}
	done:
		var nh [rtnl.SizeofRtNexthop]byte
		binary.NativeEndian.PutUint16(nh[0:], uint16(rtnl.SizeofRtNexthop+len(attrs)))
		nh[2], nh[3] = flags, hops
		binary.NativeEndian.PutUint32(nh[4:], uint32(ifindex))
		out = append(out, nh[:]...)
		out = append(out, attrs...)
	}
	return out
}

// getTimeRtt is get_time_rtt: "N", "Ns", "Nms" (raw when no unit given).
func getTimeRtt(s string) (uint32, bool, bool) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	num, unit := s[:i], s[i:]
	if num == "" {
		return 0, false, false
	}
	f, ok := parseCFloat(num)
	if !ok {
		return 0, false, false
	}
	switch unit {
	case "":
		return uint32(f), true, true
	case "s", "sec", "secs":
		f *= 1000
	case "ms", "msec", "msecs":
	default:
		return 0, false, false
	}
	if f > 0xffffffff {
		return 0, false, false
	}
	return uint32(f), false, true
}

func parseCFloat(s string) (float64, bool) {
	var ip, fp float64
	div := 1.0
	seenDot := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if seenDot {
				return 0, false
			}
			seenDot = true
			continue
		}
		if seenDot {
			div *= 10
			fp = fp*10 + float64(c-'0')
		} else {
			ip = ip*10 + float64(c-'0')
		}
	}
	return ip + fp/div, true
}

func routeGet(args []string) int {
	resetRouteFilter()
	rf.cloned = 2
	h := rtmsgHdr{family: uint8(opt.family)}
	var attrs attrList
	var idev, odev string
	var connected, fibMatch, fromOK, addressFound bool
	var mark uint32
	family := func() int { return int(h.family) }
	setFamily := func(f int) {
		if h.family == unix.AF_UNSPEC {
			h.family = uint8(f)
		}
	}
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case a == "tos", matches(a, "dsfield"):
			t := v.next()
			tos, ok := dsfieldID(t)
			if !ok {
				invarg("TOS value is invalid\n", t)
			}
			h.tos = uint8(tos)
		case matches(a, "from"):
			t := v.next()
			if matches(t, "help") {
				routeUsage()
			}
			fromOK = true
			addr := getPrefix(t, family())
			setFamily(addr.family)
			if addr.bytelen > 0 {
				attrs.add(rtnl.RTA_SRC, addr.bytes())
			}
			h.srcLen = uint8(addr.bitlen)
		case matches(a, "iif"):
			idev = v.next()
		case matches(a, "mark"):
			t := v.next()
			m, ok := parseUnsigned(t)
			if !ok {
				invarg("invalid mark value", t)
			}
			mark = m
		case matches(a, "oif"), a == "dev":
			odev = v.next()
		case matches(a, "notify"):
			h.flags |= rtnl.RTM_F_NOTIFY
		case matches(a, "connected"):
			connected = true
		case matches(a, "vrf"):
			errorf("goip: vrf is not implemented\n")
			return 1
		case matches(a, "uid"):
			t := v.next()
			u, ok := parseUnsigned(t)
			if !ok {
				invarg("invalid UID\n", t)
			}
			attrs.u32(rtnl.RTA_UID, u)
		case matches(a, "fibmatch"):
			fibMatch = true
		case a == "as":
			t := v.next()
			if t == "to" {
				t = v.next()
			}
			addr := getAddr(t, family())
			setFamily(addr.family)
			attrs.add(rtnl.RTA_NEWDST, addr.bytes())
		case matches(a, "sport"), matches(a, "dport"):
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok || n > 0xffff {
				if matches(a, "sport") {
					invarg("invalid sport\n", t)
				}
				invarg("invalid dport\n", t)
			}
			typ := rtnl.RTA_SPORT
			if !matches(a, "sport") {
				typ = rtnl.RTA_DPORT
			}
			attrs.add(typ, []byte{byte(n >> 8), byte(n)})
		case matches(a, "ipproto"):
			t := v.next()
			p, ok := ipProtoID(t)
			if !ok {
				invarg("Invalid \"ipproto\" value\n", t)
			}
			attrs.add(rtnl.RTA_IP_PROTO, []byte{p})
		default:
			t := a
			if t == "to" {
				t = v.next()
			}
			if matches(t, "help") {
				routeUsage()
			}
			addr := getPrefix(t, family())
			setFamily(addr.family)
			if addr.bytelen > 0 {
				attrs.add(rtnl.RTA_DST, addr.bytes())
			}
			switch {
			case h.family == unix.AF_INET && addr.bitlen != 32:
				errorf("Warning: /%d as prefix is invalid, only /32 (or none) is supported.\n", addr.bitlen)
				h.dstLen = 32
			case h.family == unix.AF_INET6 && addr.bitlen != 128:
				errorf("Warning: /%d as prefix is invalid, only /128 (or none) is supported.\n", addr.bitlen)
				h.dstLen = 128
			default:
				h.dstLen = uint8(addr.bitlen)
			}
			addressFound = true
		}
	}
	if !addressFound {
		errorf("need at least a destination address\n")
		return 1
	}
	if idev != "" {
		attrs.u32(rtnl.RTA_IIF, uint32(linkIndex(idev)))
	}
	if odev != "" {
		attrs.u32(rtnl.RTA_OIF, uint32(linkIndex(odev)))
	}
	if mark != 0 {
		attrs.u32(rtnl.RTA_MARK, mark)
	}
	if h.family == unix.AF_UNSPEC {
		h.family = unix.AF_INET
	}
	if h.family == unix.AF_INET {
		h.flags |= rtnl.RTM_F_LOOKUP_TABLE
	}
	if fibMatch {
		h.flags |= rtnl.RTM_F_FIB_MATCH
	}
	send := func(hdr []byte, attrs attrList) (*msg, bool) {
		req := newRequest(unix.RTM_GETROUTE, 0, hdr)
		for _, a := range attrs {
			req.AddData(a)
		}
		m, err := talk(req)
		if err != nil {
			reportTalkError(err)
			return nil, false
		}
		return m, true
	}
	ans, ok := send(h.bytes(), attrs)
	if !ok {
		return 2
	}
	var r rtnl.RouteMsg
	pr.begin()
	if connected && !fromOK {
		if !printRouteMsg(*ans, &r) {
			return 1
		}
		if ans.typ != unix.RTM_NEWROUTE {
			errorf("Not a route?\n")
			return 1
		}
		if !r.Attrs.Has(rtnl.RTA_PREFSRC) && !r.Attrs.Has(rtnl.RTA_SRC) {
			errorf("Failed to connect the route\n")
			return 1
		}
		// iproute2 6.1 edits its copy of the answer but then sends the
		// original request again, and prints the second answer after
		// closing the JSON document (so as text). Kept for compatibility.
		pr.end()
		if ans, ok = send(h.bytes(), attrs); !ok {
			return 2
		}
	}
	if !printRouteMsg(*ans, &r) {
		return 1
	}
	pr.end()
	return 0
}

// ipProtoID is inet_proto_a2n for the protocols iproute2 names.
func ipProtoID(s string) (uint8, bool) {
	switch s {
	case "tcp":
		return unix.IPPROTO_TCP, true
	case "udp":
		return unix.IPPROTO_UDP, true
	case "icmp":
		return unix.IPPROTO_ICMP, true
	case "ipv6-icmp", "icmpv6":
		return unix.IPPROTO_ICMPV6, true
	case "sctp":
		return unix.IPPROTO_SCTP, true
	case "dccp":
		return unix.IPPROTO_DCCP, true
	case "gre":
		return unix.IPPROTO_GRE, true
	}
	return parseU8(s)
}
