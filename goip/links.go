package main

import (
	"encoding/binary"
	"os"
	"strconv"
	"strings"

	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// linkInfo is what printers need to know about an interface.
type linkInfo struct {
	index int32
	name  string
	typ   uint16
	flags uint32
}

// linkCache is iproute2's ll_map: index <-> name, filled by one dump.
var linkCache struct {
	loaded  bool
	byIndex map[int32]*linkInfo
	byName  map[string]*linkInfo
	unknown map[int32]string // "ifN" names already made for missing links
	live    bool             // ip monitor: links come and go, never cache misses
}

func loadLinks() {
	if linkCache.loaded {
		return
	}
	linkCache.loaded = true
	linkCache.byIndex = map[int32]*linkInfo{}
	linkCache.byName = map[string]*linkInfo{}
	msgs, err := dump(func() *nlRequest { return linkDumpRequest(unix.AF_UNSPEC) })
	if err != nil {
		return
	}
	var lm rtnl.LinkMsg
	for _, m := range msgs {
		if m.typ != unix.RTM_NEWLINK || lm.Decode(m.data) != nil {
			continue
		}
		li := &linkInfo{index: lm.Index, name: lm.Attrs.String(unix.IFLA_IFNAME), typ: lm.Type, flags: lm.Flags}
		linkCache.byIndex[li.index] = li
		linkCache.byName[li.name] = li
	}
}

// indexToName is ll_index_to_name.
func indexToName(idx int32) string {
	if idx == 0 {
		return "*"
	}
	loadLinks()
	if li, ok := linkCache.byIndex[idx]; ok {
		return li.name
	}
	if n, ok := linkCache.unknown[idx]; ok {
		return n
	}
	// Like ll_link_get: ask the kernel about a link created since the dump.
	if li := getLinkByIndex(idx); li != nil {
		linkCache.byIndex[idx] = li
		linkCache.byName[li.name] = li
		return li.name
	}
	n := "if" + strconv.FormatUint(uint64(uint32(idx)), 10)
	if !linkCache.live {
		if linkCache.unknown == nil {
			linkCache.unknown = map[int32]string{}
		}
		linkCache.unknown[idx] = n
	}
	return n
}

// getLinkByIndex fetches one link's name and type, or nil.
func getLinkByIndex(idx int32) *linkInfo {
	hdr := make([]byte, rtnl.SizeofIfInfoMsg)
	binary.NativeEndian.PutUint32(hdr[4:], uint32(idx))
	req := newRequest(unix.RTM_GETLINK, 0, hdr)
	req.AddData(rtAttr(unix.IFLA_EXT_MASK, u32b(1|8)))
	m, err := talk(req)
	if err != nil || m == nil {
		return nil
	}
	var lm rtnl.LinkMsg
	if lm.Decode(m.data) != nil {
		return nil
	}
	return &linkInfo{index: lm.Index, name: lm.Attrs.String(unix.IFLA_IFNAME), typ: lm.Type, flags: lm.Flags}
}

// indexToType is ll_index_to_type.
func indexToType(idx int32) uint16 {
	loadLinks()
	if li, ok := linkCache.byIndex[idx]; ok {
		return li.typ
	}
	return 0
}

// nameToIndex is ll_name_to_index: a link name (or altname), or "ifN".
func nameToIndex(name string) int32 {
	if name == "" {
		return 0
	}
	if linkCache.loaded {
		if li, ok := linkCache.byName[name]; ok {
			return li.index
		}
	}
	hdr := make([]byte, rtnl.SizeofIfInfoMsg)
	req := newRequest(unix.RTM_GETLINK, 0, hdr)
	attr := unix.IFLA_IFNAME
	if len(name) >= unix.IFNAMSIZ {
		attr = unix.IFLA_ALT_IFNAME
	}
	req.AddData(rtAttr(attr, append([]byte(name), 0)))
	req.AddData(rtAttr(unix.IFLA_EXT_MASK, u32b(1)))
	if m, err := talk(req); err == nil && m != nil && len(m.data) >= rtnl.SizeofIfInfoMsg {
		return int32(binary.NativeEndian.Uint32(m.data[4:]))
	}
	if strings.HasPrefix(name, "if") {
		if v, ok := parseUnsigned(name[2:]); ok {
			return int32(v)
		}
	}
	return 0
}

// linkIndex resolves a device argument or exits 1 like iproute2's nodev().
func linkIndex(name string) int32 {
	idx := nameToIndex(name)
	if idx == 0 {
		errorf("Cannot find device \"%s\"\n", name)
		fail(1)
	}
	return idx
}

func linkDumpRequest(family int) *nlRequest {
	hdr := make([]byte, rtnl.SizeofIfInfoMsg)
	hdr[0] = byte(family)
	req := newRequest(unix.RTM_GETLINK, unix.NLM_F_DUMP, hdr)
	req.AddData(rtAttr(unix.IFLA_EXT_MASK, u32b(1)))
	return req
}

// Network namespace id attributes (linux/net_namespace.h).
const (
	netnsaNSID = 1
	netnsaFD   = 3
)

var nsidNames map[int32]string

// nameFromNSID is get_name_from_nsid: the /var/run/netns name whose
// namespace has peer id nsid in ours.
func nameFromNSID(nsid int32) (string, bool) {
	if nsidNames == nil {
		nsidNames = map[int32]string{}
		ents, _ := os.ReadDir("/var/run/netns")
		for _, e := range ents {
			fd, err := unix.Open("/var/run/netns/"+e.Name(), unix.O_RDONLY|unix.O_CLOEXEC, 0)
			if err != nil {
				continue
			}
			req := newRequest(unix.RTM_GETNSID, 0, make([]byte, 4))
			req.AddData(rtAttr(netnsaFD, u32b(uint32(fd))))
			m, err := talk(req)
			unix.Close(fd)
			if err != nil || m == nil || len(m.data) < 4 {
				continue
			}
			var t rtnl.Table
			if t.Parse(m.data[4:]) == nil && t.Has(netnsaNSID) {
				id := int32(t.Uint32(netnsaNSID))
				if _, dup := nsidNames[id]; !dup && id >= 0 {
					nsidNames[id] = e.Name()
				}
			}
		}
	}
	n, ok := nsidNames[nsid]
	return n, ok
}
