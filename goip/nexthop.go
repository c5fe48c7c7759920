package main

import (
	"encoding/binary"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// Nexthop object attributes (linux/nexthop.h).
const (
	nhaID        = 1
	nhaGroup     = 2
	nhaBlackhole = 4
	nhaOIF       = 5
	nhaGateway   = 6
	nhaFDB       = 11
)

// nhCache keeps nexthop objects fetched for "nh_info" lines.
var nhCache = map[uint32]*msg{}

func getNexthop(id uint32) *msg {
	if m, ok := nhCache[id]; ok {
		return m
	}
	req := newRequest(unix.RTM_GETNEXTHOP, 0, make([]byte, 8))
	req.AddData(rtAttr(nhaID, u32b(id)))
	m, err := talk(req)
	if err != nil {
		reportTalkError(err)
		m = nil
	}
	nhCache[id] = m
	return m
}

// printNexthopInfo prints the "nh_info" detail of a route using nexthop id.
func printNexthopInfo(id uint32) {
	m := getNexthop(id)
	if m == nil || len(m.data) < 8 {
		return
	}
	pr.text("\n\tnh_info ")
	printNexthopEntry(m, "nh_info")
}

// printNexthopEntry is __print_nexthop_entry: one nexthop object.
func printNexthopEntry(m *msg, key string) {
	if len(m.data) < 8 {
		return
	}
	family, scope, protocol := int(m.data[0]), m.data[1], m.data[2]
	flags := binary.NativeEndian.Uint32(m.data[4:])
	var tb rtnl.Table
	if tb.Parse(m.data[8:]) != nil {
		return
	}
	pr.openObj(key)
	if m.typ == unix.RTM_DELNEXTHOP {
		pr.jsonBool("deleted", true)
		pr.text("Deleted ")
	}
	pr.uint("id", "id ", uint64(tb.Uint32(nhaID)), " ")
	if g, ok := tb.Get(nhaGroup); ok {
		pr.openArr("group")
		pr.text("group ")
		for i := 0; i+8 <= len(g); i += 8 {
			pr.openObj("")
			if i > 0 {
				pr.text("/")
			}
			pr.uint("id", "", uint64(rtnl.U32(g[i:])), "")
			if w := uint64(g[i+4]) + 1; w > 1 {
				pr.uint("weight", ",", w, "")
			}
			pr.closeObj()
		}
		pr.text(" ")
		pr.closeArr()
	}
	if gw, ok := tb.Get(nhaGateway); ok {
		pr.cstrBytes(familyColor(family), "gateway", "via ", hostAddr(family, gw), " ")
	}
	if tb.Has(nhaOIF) {
		pr.cstr(colorIfname, "dev", "dev ", indexToName(int32(tb.Uint32(nhaOIF))), " ")
	}
	if scope != rtnl.RT_SCOPE_UNIVERSE || opt.details > 0 {
		pr.str("scope", "scope ", rtnames.Scopes.Name(uint32(scope)), " ")
	}
	if tb.Has(nhaBlackhole) {
		pr.null("blackhole", "blackhole ")
	}
	if protocol != rtnl.RTPROT_UNSPEC || opt.details > 0 {
		pr.str("protocol", "proto ", rtnames.Protocols.Name(uint32(protocol)), " ")
	}
	printRtFlags(flags)
	if tb.Has(nhaFDB) {
		pr.null("fdb", "fdb")
	}
	pr.closeObj()
}

func nexthopUsage() { usageExit(usageNexthop) }

// doNexthop implements "ip nexthop [ list | show ] [ id ID ]" and
// "ip nexthop get id ID".
func doNexthop(args []string) int {
	var id uint32
	hasID, get := false, false
	if len(args) > 0 {
		c := args[0]
		switch {
		case matches(c, "list"), matches(c, "show"), matches(c, "lst"):
		case matches(c, "get"):
			get = true
		case matches(c, "help"):
			nexthopUsage()
		default:
			errorf("goip: \"ip nexthop %s\" is not implemented\n", c)
			return 1
		}
		v := &argv{args[1:]}
		for ; v.more(); v.skip() {
			if v.cur() != "id" {
				errorf("goip: nexthop selectors other than \"id\" are not implemented\n")
				return 1
			}
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok {
				invarg("invalid id value", t)
			}
			id, hasID = n, true
		}
		if get && !hasID {
			nexthopUsage()
		}
	}
	if hasID {
		req := newRequest(unix.RTM_GETNEXTHOP, 0, make([]byte, 8))
		req.AddData(rtAttr(nhaID, u32b(id)))
		m, err := talk(req)
		if err != nil {
			return reportTalkError(err)
		}
		pr.begin()
		printNexthopEntry(m, "")
		pr.text("\n")
		pr.end()
		return 0
	}
	msgs, err := dump(func() *nlRequest {
		hdr := make([]byte, 8)
		hdr[0] = byte(opt.family)
		return newRequest(unix.RTM_GETNEXTHOP, unix.NLM_F_DUMP, hdr)
	})
	pr.begin()
	for i := range msgs {
		if msgs[i].typ == unix.RTM_NEWNEXTHOP {
			printNexthopEntry(&msgs[i], "")
			pr.text("\n")
		}
	}
	if err != nil {
		reportDumpError(err)
		return 2
	}
	pr.end()
	return 0
}
