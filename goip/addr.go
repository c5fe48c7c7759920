package main

import (
	"encoding/binary"
	"os"
	"strconv"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// Address flags (IFA_F_*) in print_ifa_flags' order.
var ifaFlagNames = []struct {
	name string
	bit  uint32
}{
	{"secondary", unix.IFA_F_SECONDARY}, {"temporary", unix.IFA_F_SECONDARY},
	{"nodad", unix.IFA_F_NODAD}, {"optimistic", unix.IFA_F_OPTIMISTIC},
	{"dadfailed", unix.IFA_F_DADFAILED}, {"home", unix.IFA_F_HOMEADDRESS},
	{"deprecated", unix.IFA_F_DEPRECATED}, {"tentative", unix.IFA_F_TENTATIVE},
	{"permanent", unix.IFA_F_PERMANENT}, {"mngtmpaddr", unix.IFA_F_MANAGETEMPADDR},
	{"noprefixroute", unix.IFA_F_NOPREFIXROUTE}, {"autojoin", unix.IFA_F_MCAUTOJOIN},
	{"stable-privacy", unix.IFA_F_STABLE_PRIVACY},
}

const infinityLifeTime = 0xffffffff

func doAddress(args []string) int {
	if len(args) == 0 {
		return addrList(nil, false)
	}
	c, rest := args[0], args[1:]
	switch {
	case matches(c, "add"):
		return addrModify(unix.RTM_NEWADDR, unix.NLM_F_CREATE|unix.NLM_F_EXCL, rest)
	case matches(c, "change"), c == "chg":
		return addrModify(unix.RTM_NEWADDR, unix.NLM_F_REPLACE, rest)
	case matches(c, "replace"):
		return addrModify(unix.RTM_NEWADDR, unix.NLM_F_CREATE|unix.NLM_F_REPLACE, rest)
	case matches(c, "delete"):
		return addrModify(unix.RTM_DELADDR, 0, rest)
	case matches(c, "show"), matches(c, "lst"), matches(c, "list"):
		return addrList(rest, false)
	case matches(c, "flush"):
		return addrListOrFlush(rest, false, true)
	case matches(c, "save"):
		return addrSave(rest)
	case matches(c, "restore"):
		return addrRestore(os.Stdin)
	case matches(c, "showdump"):
		return addrShowdump(os.Stdin)
	case matches(c, "help"):
		usageExit(usageAddr)
	}
	errorf("Command \"%s\" is unknown, try \"ip address help\".\n", c)
	return 255
}

// ifaFlagFilter is get_filter: flag names, "-flag", dynamic and primary.
func ifaFlagFilter(arg string) bool {
	switch {
	case arg == "dynamic":
		af.flags &^= unix.IFA_F_PERMANENT
		af.flagmask |= unix.IFA_F_PERMANENT
		return true
	case arg == "primary":
		af.flags &^= unix.IFA_F_SECONDARY
		af.flagmask |= unix.IFA_F_SECONDARY
		return true
	case len(arg) > 0 && arg[0] == '-':
		for _, f := range ifaFlagNames {
			if arg[1:] == f.name {
				af.flags &= f.bit
				af.flagmask |= f.bit
				return true
			}
		}
		return false
	}
	for _, f := range ifaFlagNames {
		if arg == f.name {
			af.flags |= f.bit
			af.flagmask |= f.bit
			return true
		}
	}
	return false
}

// addrList lists links (ip link show) or addresses (ip address show).
func addrList(args []string, doLink bool) int { return addrListOrFlush(args, doLink, false) }

// addrListOrFlush is ipaddr_list_flush_or_save without save.
func addrListOrFlush(args []string, doLink, flush bool) int {
	if flush && len(args) == 0 {
		errorf("Flush requires arguments.\n")
		return 1
	}
	af = addrFilter{family: opt.family, doLink: doLink, group: -1}
	if doLink {
		af.family = unix.AF_PACKET
	}
	var dev string
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case a == "to":
			t := v.next()
			af.pfx, af.hasPfx = getPrefix(t, af.family), true
			if af.family == unix.AF_UNSPEC {
				af.family = af.pfx.family
			}
		case a == "scope":
			t := v.next()
			af.scopemask = 0xffffffff
			s, ok := rtnames.Scopes.ID(t)
			if !ok {
				if t != "all" {
					invarg("invalid \"scope\"\n", t)
				}
				s, af.scopemask = rtnl.RT_SCOPE_NOWHERE, 0
			}
			af.scope = s
		case a == "up":
			af.up = true
		case a == "label":
			af.label = v.next()
		case a == "group":
			t := v.next()
			g, ok := groupNames.ID(t)
			if !ok {
				invarg("Invalid \"group\" value\n", t)
			}
			af.group = int64(g)
		case a == "master":
			t := v.next()
			idx := nameToIndex(t)
			if idx == 0 {
				invarg("Device does not exist\n", t)
			}
			af.master = idx
		case a == "vrf":
			errorf("goip: vrf is not implemented\n")
			return 1
		case a == "type":
			af.kind = v.next()
		case a == "nomaster":
			af.master = -1
		case ifaFlagFilter(a):
		default:
			t := a
			if t == "dev" {
				t = v.next()
			} else if matches(t, "help") {
				if doLink {
					usageExit(usageLink)
				}
				usageExit(usageAddr)
			}
			if dev != "" {
				duparg2("dev", t)
			}
			dev = t
		}
	}
	if dev != "" {
		af.ifindex = nameToIndex(dev)
		if af.ifindex == 0 {
			errorf("Device \"%s\" does not exist.\n", dev)
			return 1
		}
	}
	links, err := dumpLinks(opt.family, af.ifindex)
	if err != nil {
		reportDumpError(err)
		return 1
	}
	if af.family != unix.AF_PACKET {
		if err := attachAddrs(links); err != nil {
			reportDumpError(err)
			return 1
		}
		if flush {
			af.oneline = true
			return addrFlush(links)
		}
		links = filterAddrLinks(links)
	}
	af.oneline = opt.oneline > 0
	pr.begin()
	for _, e := range links {
		if !keepLink(e) {
			continue
		}
		pr.openObj("")
		noLink := af.family != unix.AF_PACKET && (af.oneline || af.label != "")
		if opt.brief > 0 || !noLink {
			printLinkInfo(e)
		}
		if af.family != unix.AF_PACKET {
			printSelectedAddrs(e)
		}
		if !doLink && opt.stats > 0 {
			printLinkStats(&e.msg.Attrs)
			pr.text("\n")
		}
		pr.closeObj()
	}
	pr.end()
	return 0
}

// dumpLinks dumps links with the family ip was given (the kernel answers an
// AF_INET6 link dump with the IPv6 view of each link).
func dumpLinks(family int, ifindex int32) ([]*linkEntry, error) {
	if af.doLink {
		family = unix.AF_PACKET
	}
	var msgs []msg
	var err error
	if ifindex != 0 {
		// One link asked for: a plain RTM_GETLINK, as ip does.
		hdr := make([]byte, rtnl.SizeofIfInfoMsg)
		hdr[0] = byte(family)
		binary.NativeEndian.PutUint32(hdr[4:], uint32(ifindex))
		req := newRequest(unix.RTM_GETLINK, 0, hdr)
		mask := uint32(1) // RTEXT_FILTER_VF
		if opt.stats == 0 {
			mask |= 8 // RTEXT_FILTER_SKIP_STATS
		}
		req.AddData(rtAttr(unix.IFLA_EXT_MASK, u32b(mask)))
		var m *msg
		if m, err = talk(req); m != nil {
			msgs = []msg{*m}
		}
	} else {
		msgs, err = dump(func() *nlRequest {
			hdr := make([]byte, rtnl.SizeofIfInfoMsg)
			hdr[0] = byte(family)
			req := newRequest(unix.RTM_GETLINK, unix.NLM_F_DUMP, hdr)
			// The IPv6 link dump rejects attributes after the header.
			if family != unix.AF_INET6 {
				req.AddData(rtAttr(unix.IFLA_EXT_MASK, u32b(1)))
			}
			return req
		})
	}
	var out []*linkEntry
	for _, m := range msgs {
		if m.typ != unix.RTM_NEWLINK {
			continue
		}
		e := &linkEntry{typ: m.typ}
		if e.msg.Decode(m.data) == nil {
			out = append(out, e)
		}
	}
	return out, err
}

func attachAddrs(links []*linkEntry) error {
	family := af.family
	msgs, err := dump(func() *nlRequest {
		hdr := make([]byte, rtnl.SizeofIfAddrMsg)
		hdr[0] = byte(family)
		binary.NativeEndian.PutUint32(hdr[4:], uint32(af.ifindex))
		return newRequest(unix.RTM_GETADDR, unix.NLM_F_DUMP, hdr)
	})
	byIndex := map[int32]*linkEntry{}
	for _, e := range links {
		byIndex[e.msg.Index] = e
	}
	for _, m := range msgs {
		if m.typ != unix.RTM_NEWADDR {
			continue
		}
		a := &rtnl.AddrMsg{}
		if a.Decode(m.data) != nil {
			continue
		}
		if e, ok := byIndex[a.Index]; ok {
			e.addrs = append(e.addrs, a)
		}
	}
	return err
}

func ifaFlags(a *rtnl.AddrMsg) uint32 {
	if a.Attrs.Has(unix.IFA_FLAGS) {
		return a.Attrs.Uint32(unix.IFA_FLAGS)
	}
	return uint32(a.Flags)
}

func ifaLocal(a *rtnl.AddrMsg) ([]byte, bool) {
	if l, ok := a.Attrs.Get(unix.IFA_LOCAL); ok {
		return l, true
	}
	return a.Attrs.Get(unix.IFA_ADDRESS)
}

func labelOK(a *rtnl.AddrMsg) bool {
	if af.label == "" {
		return true
	}
	label := indexToName(a.Index)
	if l, ok := a.Attrs.Get(unix.IFA_LABEL); ok {
		label = rtnl.CString(l)
	}
	return labelMatch(af.label, label)
}

func pfxOK(a *rtnl.AddrMsg) bool {
	if !af.hasPfx || af.pfx.family == unix.AF_UNSPEC || af.pfx.bitlen <= 0 {
		return true
	}
	l, ok := ifaLocal(a)
	if !ok {
		return true
	}
	return len(l) == afByteLen(af.pfx.family) && addrMatch(l, &af.pfx, af.pfx.bitlen)
}

// filterAddrLinks is ipaddr_filter: drop links without a matching address.
func filterAddrLinks(links []*linkEntry) []*linkEntry {
	out := links[:0]
	for _, e := range links {
		ok, missing := false, true
		for _, a := range e.addrs {
			missing = false
			if af.family != 0 && af.family != int(a.Family) {
				continue
			}
			if (af.scope^uint32(a.Scope))&af.scopemask != 0 || (af.flags^ifaFlags(a))&af.flagmask != 0 {
				continue
			}
			if !labelOK(a) || !pfxOK(a) {
				continue
			}
			ok = true
			break
		}
		if missing && (af.family == unix.AF_UNSPEC || af.family == unix.AF_PACKET) {
			ok = true
		}
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// keepLink applies the link selectors (print_linkinfo's early returns).
func keepLink(e *linkEntry) bool {
	m := &e.msg
	tb := &m.Attrs
	if af.ifindex != 0 && m.Index != af.ifindex {
		return false
	}
	if af.up && m.Flags&unix.IFF_UP == 0 {
		return false
	}
	if af.group != -1 && (!tb.Has(unix.IFLA_GROUP) || int64(tb.Uint32(unix.IFLA_GROUP)) != af.group) {
		return false
	}
	if af.master > 0 && (!tb.Has(unix.IFLA_MASTER) || int32(tb.Uint32(unix.IFLA_MASTER)) != af.master) {
		return false
	}
	if af.master == -1 && tb.Has(unix.IFLA_MASTER) {
		return false
	}
	if af.kind != "" {
		kind := ""
		if li, ok := tb.Get(unix.IFLA_LINKINFO); ok {
			var info rtnl.Table
			_ = info.Parse(li)
			kind = info.String(unix.IFLA_INFO_KIND)
			if len(af.kind) > 6 && af.kind[len(af.kind)-6:] == "_slave" {
				kind = info.String(unix.IFLA_INFO_SLAVE_KIND) + "_slave"
			}
		}
		if kind != af.kind {
			return false
		}
	}
	return true
}

func printSelectedAddrs(e *linkEntry) {
	pr.openArr("addr_info")
	for _, a := range e.addrs {
		if af.family != 0 && af.family != int(a.Family) {
			continue
		}
		if af.up && e.msg.Flags&unix.IFF_UP == 0 {
			continue
		}
		pr.openObj("")
		printAddr(unix.RTM_NEWADDR, a)
		pr.closeObj()
	}
	pr.closeArr()
	if opt.brief > 0 {
		pr.text("\n")
	}
}

// printAddr prints one address as print_addrinfo does.
func printAddr(typ uint16, a *rtnl.AddrMsg) {
	tb := &a.Attrs
	flags := ifaFlags(a)
	local, hasLocal := ifaLocal(a)
	address, hasAddress := tb.Get(unix.IFA_ADDRESS)
	if !hasAddress {
		address, hasAddress = local, hasLocal
	}
	if (af.scope^uint32(a.Scope))&af.scopemask != 0 || (af.flags^flags)&af.flagmask != 0 || !labelOK(a) || !pfxOK(a) {
		return
	}
	family := int(a.Family)
	if typ == unix.RTM_DELADDR {
		pr.jsonBool("deleted", true)
		pr.text("Deleted ")
	}
	if opt.brief == 0 {
		if af.oneline {
			dev := indexToName(a.Index)
			if pr.json() {
				pr.int("index", "", int64(a.Index), "")
				pr.jsonStr("dev", dev)
			} else {
				pr.text(strconv.FormatUint(uint64(uint32(a.Index)), 10) + ": " + dev)
			}
		}
		switch family {
		case unix.AF_INET:
			pr.str("family", "    ", "inet", " ")
		case unix.AF_INET6:
			pr.str("family", "    ", "inet6", " ")
		case unix.AF_IPX:
			pr.str("family", "     ", "ipx", " ")
		default:
			pr.int("family_index", "    family ", int64(family), " ")
		}
	}
	if hasLocal {
		pr.cstrBytes(familyColor(family), "local", "", hostAddr(family, local), "")
		n := 16
		if family == unix.AF_INET {
			n = 4
		}
		if hasAddress && string(address[:min(n, len(address))]) != string(local[:min(n, len(local))]) {
			pr.text(" peer ")
			pr.cstrBytes(familyColor(family), "address", "", hostAddr(family, address), "")
		}
		pr.int("prefixlen", "/", int64(a.PrefixLen), " ")
		if tb.Has(unix.IFA_RT_PRIORITY) {
			pr.uint("metric", "metric ", uint64(tb.Uint32(unix.IFA_RT_PRIORITY)), " ")
		}
	}
	if opt.brief > 0 {
		return
	}
	if b, ok := tb.Get(unix.IFA_BROADCAST); ok {
		pr.text("brd ")
		pr.cstrBytes(familyColor(family), "broadcast", "", hostAddr(family, b), " ")
	}
	if b, ok := tb.Get(unix.IFA_ANYCAST); ok {
		pr.text("any ")
		pr.cstrBytes(familyColor(family), "anycast", "", hostAddr(family, b), " ")
	}
	pr.str("scope", "scope ", rtnames.Scopes.Name(uint32(a.Scope)), " ")
	rest := flags
	for _, f := range ifaFlagNames {
		switch {
		case f.bit == unix.IFA_F_PERMANENT:
			if rest&f.bit == 0 {
				pr.jsonBool("dynamic", true)
				pr.text("dynamic ")
			}
		case rest&f.bit != 0:
			if f.bit == unix.IFA_F_SECONDARY && family == unix.AF_INET6 {
				pr.jsonBool("temporary", true)
				pr.text("temporary ")
			} else {
				pr.jsonBool(f.name, true)
				pr.text(f.name + " ")
			}
		}
		rest &^= f.bit
	}
	if rest != 0 {
		h := strconv.FormatUint(uint64(rest), 16)
		if len(h) < 2 {
			h = "0" + h
		}
		if pr.json() {
			pr.jsonStr("ifa_flags", h)
		} else {
			pr.text("flags " + h + " ")
		}
	}
	if tb.Has(unix.IFA_LABEL) {
		pr.str("label", "", tb.String(unix.IFA_LABEL), "")
	}
	if ci, ok := tb.Get(unix.IFA_CACHEINFO); ok && len(ci) >= 8 {
		prefered, valid := rtnl.U32(ci[0:]), rtnl.U32(ci[4:])
		pr.text(sl)
		pr.text("       valid_lft ")
		if valid == infinityLifeTime {
			pr.jsonUint("valid_life_time", infinityLifeTime)
			pr.text("forever")
		} else {
			pr.uint("valid_life_time", "", uint64(valid), "sec")
		}
		pr.text(" preferred_lft ")
		switch {
		case prefered == infinityLifeTime:
			pr.jsonUint("preferred_life_time", infinityLifeTime)
			pr.text("forever")
		case flags&unix.IFA_F_DEPRECATED != 0:
			pr.int("preferred_life_time", "", int64(int32(prefered)), "sec")
		default:
			pr.uint("preferred_life_time", "", uint64(prefered), "sec")
		}
	}
	pr.text("\n")
}
