package main

import (
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// Per-device IP configuration attributes (linux/netconf.h).
const (
	netconfaIfindex       = 1
	netconfaForwarding    = 2
	netconfaRPFilter      = 3
	netconfaMCForwarding  = 4
	netconfaProxyNeigh    = 5
	netconfaIgnoreLinkdwn = 6
	netconfaInput         = 7
	netconfIfindexAll     = -1
	netconfIfindexDefault = -2
)

// netconfFilter is ipnetconf.c's filter.
var netconfFilter struct {
	family  int
	ifindex int32
}

func doNetconf(args []string) int {
	netconfFilter.family, netconfFilter.ifindex = opt.family, 0
	if len(args) > 0 {
		c := args[0]
		switch {
		case matches(c, "show"), matches(c, "lst"), matches(c, "list"):
		case matches(c, "help"):
			usageExit(usageNetconf)
		default:
			errorf("Command \"%s\" is unknown, try \"ip netconf help\".\n", c)
			return 255
		}
		v := &argv{args[1:]}
		for ; v.more(); v.skip() {
			if v.cur() != "dev" {
				continue // ip ignores other words here
			}
			t := v.next()
			if netconfFilter.ifindex = nameToIndex(t); netconfFilter.ifindex == 0 {
				errorf("Device \"%s\" does not exist.\n", t)
				return 1
			}
		}
	}
	if netconfFilter.ifindex != 0 && netconfFilter.family != unix.AF_UNSPEC {
		req := newRequest(unix.RTM_GETNETCONF, 0, []byte{byte(netconfFilter.family), 0, 0, 0})
		req.AddData(rtAttr(netconfaIfindex, u32b(uint32(netconfFilter.ifindex))))
		m, err := talk(req)
		if err != nil {
			return reportTalkError(err)
		}
		pr.begin()
		printNetconf(*m)
		pr.end()
		return 0
	}
	msgs, err := dump(func() *nlRequest {
		return newRequest(unix.RTM_GETNETCONF, unix.NLM_F_DUMP, []byte{byte(netconfFilter.family), 0, 0, 0})
	})
	pr.begin()
	for _, m := range msgs {
		printNetconf(m)
	}
	if err != nil {
		reportDumpError(err)
		return 1
	}
	pr.end()
	return 0
}

// printNetconf is print_netconf.
func printNetconf(m msg) {
	if m.typ != unix.RTM_NEWNETCONF && m.typ != unix.RTM_DELNETCONF || len(m.data) < 4 {
		return
	}
	family := int(m.data[0])
	var tb rtnl.Table
	if tb.Parse(m.data[4:]) != nil {
		return
	}
	ifindex := int32(tb.Uint32(netconfaIfindex))
	if netconfFilter.ifindex != 0 && netconfFilter.ifindex != ifindex {
		return
	}
	if netconfFilter.family != 0 && netconfFilter.family != family {
		return
	}
	pr.openObj("")
	if m.typ == unix.RTM_DELNETCONF {
		pr.jsonBool("deleted", true)
		pr.text("Deleted ")
	}
	pr.str("family", "", familyName(family), " ")
	if tb.Has(netconfaIfindex) {
		var dev string
		switch ifindex {
		case netconfIfindexAll:
			dev = "all"
		case netconfIfindexDefault:
			dev = "default"
		default:
			dev = indexToName(ifindex)
		}
		pr.cstr(colorIfname, "interface", "", dev, " ")
	}
	onoff := func(attr int, key string) {
		if !tb.Has(attr) {
			return
		}
		on := tb.Uint32(attr) != 0
		if pr.json() {
			pr.jsonBool(key, on)
		} else {
			pr.text(key + " " + onOff(on) + " ")
		}
	}
	onoff(netconfaForwarding, "forwarding")
	if tb.Has(netconfaRPFilter) {
		modes := []string{"off", "strict", "loose"}
		mode := "unknown mode"
		if v := tb.Uint32(netconfaRPFilter); v < 3 {
			mode = modes[v]
		}
		pr.str("rp_filter", "rp_filter ", mode, " ")
	}
	onoff(netconfaMCForwarding, "mc_forwarding")
	onoff(netconfaProxyNeigh, "proxy_neigh")
	onoff(netconfaIgnoreLinkdwn, "ignore_routes_with_linkdown")
	onoff(netconfaInput, "input")
	pr.closeObj()
	pr.text("\n")
}
