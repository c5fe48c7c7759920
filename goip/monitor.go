package main

import (
	"runtime/debug"
	"strconv"
	"time"

	"github.com/goclues/goclues/goip/rtnl"
	"github.com/vishvananda/netlink/nl"
	"golang.org/x/sys/unix"
)

// monitor keeps ipmonitor.c's per-run switches.
type monitor struct {
	prefixBanner bool
}

func doMonitor(args []string) int {
	var mon monitor
	var llink, laddr, lroute, lneigh, lnetconf, lrule, lnexthop bool
	all := true
	var ifindex int32
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case matches(a, "file"):
			errorf("goip: \"ip monitor file\" is not implemented\n")
			return 1
		case matches(a, "label"):
			mon.prefixBanner = true
		case matches(a, "link"):
			llink, all = true, false
		case matches(a, "address"):
			laddr, all = true, false
		case matches(a, "route"):
			lroute, all = true, false
		case matches(a, "netconf"):
			lnetconf, all = true, false
		case matches(a, "rule"):
			lrule, all = true, false
		case matches(a, "nexthop"):
			lnexthop, all = true, false
		case matches(a, "mroute"), matches(a, "prefix"), matches(a, "nsid"), a == "stats":
			errorf("goip: \"ip monitor %s\" is not implemented\n", a)
			return 1
		case matches(a, "neigh"):
			lneigh, all = true, false
		case a == "all":
			mon.prefixBanner = true
		case matches(a, "all-nsid"):
			errorf("goip: \"ip monitor all-nsid\" is not implemented\n")
			return 1
		case matches(a, "help"):
			usageExit(usageMonitor)
		case a == "dev":
			t := v.next()
			if ifindex = nameToIndex(t); ifindex == 0 {
				invarg("Device does not exist\n", t)
			}
		default:
			errorf("Argument \"%s\" is unknown, try \"ip monitor help\".\n", a)
			return 255
		}
	}
	if all {
		llink, laddr, lroute, lneigh, lnetconf, lrule, lnexthop = true, true, true, true, true, true, true
	}
	// The filters of each object, reset as ipmonitor does.
	resetRouteFilter()
	if ifindex != 0 {
		rf.oif, rf.oifmask = uint32(ifindex), 0xffffffff
	}
	nf = neighFilter{state: 0xffffffff, index: ifindex}
	netconfFilter.family, netconfFilter.ifindex = 0, ifindex
	af = addrFilter{ifindex: ifindex, group: -1, oneline: true, monitor: true}

	var groups []uint
	fam := opt.family
	if llink {
		groups = append(groups, unix.RTNLGRP_LINK)
	}
	if laddr {
		if fam == 0 || fam == unix.AF_INET {
			groups = append(groups, unix.RTNLGRP_IPV4_IFADDR)
		}
		if fam == 0 || fam == unix.AF_INET6 {
			groups = append(groups, unix.RTNLGRP_IPV6_IFADDR)
		}
	}
	if lroute {
		if fam == 0 || fam == unix.AF_INET {
			groups = append(groups, unix.RTNLGRP_IPV4_ROUTE)
		}
		if fam == 0 || fam == unix.AF_INET6 {
			groups = append(groups, unix.RTNLGRP_IPV6_ROUTE)
		}
		if fam == 0 || fam == unix.AF_MPLS {
			groups = append(groups, unix.RTNLGRP_MPLS_ROUTE)
		}
	}
	if lneigh {
		groups = append(groups, unix.RTNLGRP_NEIGH)
	}
	if lnetconf {
		if fam == 0 || fam == unix.AF_INET {
			groups = append(groups, unix.RTNLGRP_IPV4_NETCONF)
		}
		if fam == 0 || fam == unix.AF_INET6 {
			groups = append(groups, unix.RTNLGRP_IPV6_NETCONF)
		}
		if fam == 0 || fam == unix.AF_MPLS {
			groups = append(groups, unix.RTNLGRP_MPLS_NETCONF)
		}
	}
	if lrule {
		if fam == 0 || fam == unix.AF_INET {
			groups = append(groups, unix.RTNLGRP_IPV4_RULE)
		}
		if fam == 0 || fam == unix.AF_INET6 {
			groups = append(groups, unix.RTNLGRP_IPV6_RULE)
		}
	}
	if lnexthop {
		groups = append(groups, unix.RTNLGRP_NEXTHOP)
	}
	debug.SetGCPercent(100)
	s, err := nl.Subscribe(unix.NETLINK_ROUTE, groups...)
	if err != nil {
		errorf("Cannot open netlink socket: %s\n", errText(err))
		return 1
	}
	defer s.Close()
	// ip listens with a 1 MiB receive buffer (capped by net.core.rmem_max).
	_ = s.SetReceiveBufferSize(1<<20, false)
	loadLinks()
	linkCache.live = true
	for {
		msgs, _, err := s.Receive()
		if err != nil {
			if err == unix.EINTR || err == unix.EAGAIN {
				continue
			}
			if e, ok := err.(unix.Errno); ok {
				errorf("netlink receive error %s (%d)\n", strerror(e), int(e))
			} else {
				errorf("netlink receive error %v\n", err)
			}
			if err == unix.ENOBUFS {
				continue // events were lost; keep listening, as ip does
			}
			return 2
		}
		for _, m := range msgs {
			mon.accept(msg{typ: m.Header.Type, flags: m.Header.Flags, data: m.Data})
			stdout.Flush()
		}
	}
}

func (mon *monitor) header(label string) {
	if opt.timestamp > 0 {
		printTimestamp(time.Now())
	}
	if mon.prefixBanner {
		stdout.WriteString(label)
	}
}

// printTimestamp is iproute2's print_timestamp (-t and -ts forms).
func printTimestamp(t time.Time) {
	usec := strconv.Itoa(t.Nanosecond() / 1000)
	if opt.tshort > 0 {
		for len(usec) < 6 {
			usec = "0" + usec
		}
		stdout.WriteString("[" + t.Format("2006-01-02T15:04:05") + "." + usec + "] ")
		return
	}
	stdout.WriteString("Timestamp: " + t.Format("Mon Jan _2 15:04:05 2006") + " " + usec + " usec\n")
}

// accept prints one notification as ipmonitor's accept_msg does.
func (mon *monitor) accept(m msg) {
	switch m.typ {
	case unix.RTM_NEWROUTE, unix.RTM_DELROUTE:
		var r rtnl.RouteMsg
		if len(m.data) < rtnl.SizeofRtMsg {
			errorf("BUG: wrong nlmsg len %d\n", len(m.data)-rtnl.SizeofRtMsg)
			return
		}
		if r.Decode(m.data) != nil || r.Flags&rtnl.RTM_F_CLONED != 0 {
			return
		}
		if r.Family == rtnlFamilyIPMR || r.Family == rtnlFamilyIP6MR {
			return
		}
		mon.header("[ROUTE]")
		if rf.keep(&r) {
			printRoute(m.typ, &r)
		}
	case unix.RTM_NEWLINK, unix.RTM_DELLINK:
		e := &linkEntry{typ: m.typ}
		if e.msg.Decode(m.data) != nil {
			return
		}
		rememberLink(&e.msg, m.typ)
		mon.header("[LINK]")
		if keepLink(e) {
			printLinkInfo(e)
		}
	case unix.RTM_NEWADDR, unix.RTM_DELADDR:
		var a rtnl.AddrMsg
		if a.Decode(m.data) != nil {
			return
		}
		mon.header("[ADDR]")
		if (af.ifindex == 0 || af.ifindex == a.Index) && (af.family == 0 || af.family == int(a.Family)) {
			printAddr(m.typ, &a)
		}
	case unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH, unix.RTM_GETNEIGH:
		if opt.family != 0 && len(m.data) > 0 && int(m.data[0]) != opt.family {
			return
		}
		mon.header("[NEIGH]")
		var n rtnl.NeighMsg
		printNeighMsg(m, &n)
	case unix.RTM_NEWNETCONF, unix.RTM_DELNETCONF:
		mon.header("[NETCONF]")
		printNetconf(m)
	case unix.RTM_NEWRULE, unix.RTM_DELRULE:
		mon.header("[RULE]")
		printRule(m)
	case unix.RTM_NEWNEXTHOP, unix.RTM_DELNEXTHOP:
		mon.header("[NEXTHOP]")
		printNexthopEntry(&m, "")
		pr.text("\n")
	case unix.NLMSG_ERROR, unix.NLMSG_NOOP, unix.NLMSG_DONE:
	default:
		l := len(m.data) + unix.NLMSG_HDRLEN
		errorf("Unknown message: type=0x%08x(%d) flags=0x%08x(%d) len=0x%08x(%d)\n",
			m.typ, m.typ, m.flags, m.flags, l, l)
	}
}

// rememberLink is ll_remember_index: keep the name cache current.
func rememberLink(lm *rtnl.LinkMsg, typ uint16) {
	loadLinks()
	if typ == unix.RTM_DELLINK {
		if li, ok := linkCache.byIndex[lm.Index]; ok {
			delete(linkCache.byName, li.name)
			delete(linkCache.byIndex, lm.Index)
		}
		return
	}
	li := &linkInfo{index: lm.Index, name: lm.Attrs.String(unix.IFLA_IFNAME), typ: lm.Type, flags: lm.Flags}
	linkCache.byIndex[li.index] = li
	linkCache.byName[li.name] = li
}

// Multicast routing pseudo-families (RTNL_FAMILY_IPMR, RTNL_FAMILY_IP6MR).
const (
	rtnlFamilyIPMR  = 128
	rtnlFamilyIP6MR = 129
)
