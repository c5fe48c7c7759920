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
	family, scope, protocol := int(m.data[0]), m.data[1], m.data[2]
	flags := binary.NativeEndian.Uint32(m.data[4:])
	var tb rtnl.Table
	if tb.Parse(m.data[8:]) != nil {
		return
	}
	pr.text("\n\tnh_info ")
	pr.openObj("nh_info")
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
