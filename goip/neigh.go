package main

import (
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// neighFilter is ipneigh.c's filter.
type neighFilter struct {
	family    int
	index     int32
	master    int32
	state     uint32
	ndmFlags  uint8
	protocol  uint32
	unused    bool
	pfx       inetPrefix
	flush     bool
	flushList [][]byte
}

var nf neighFilter

func neighUsage() { usageExit(usageNeigh) }

func doNeigh(args []string) int {
	if len(args) == 0 {
		return neighShowOrFlush(nil, false)
	}
	c, rest := args[0], args[1:]
	switch {
	case matches(c, "add"):
		return neighModify(unix.RTM_NEWNEIGH, unix.NLM_F_CREATE|unix.NLM_F_EXCL, rest)
	case matches(c, "change"), c == "chg":
		return neighModify(unix.RTM_NEWNEIGH, unix.NLM_F_REPLACE, rest)
	case matches(c, "replace"):
		return neighModify(unix.RTM_NEWNEIGH, unix.NLM_F_CREATE|unix.NLM_F_REPLACE, rest)
	case matches(c, "delete"):
		return neighModify(unix.RTM_DELNEIGH, 0, rest)
	case matches(c, "get"):
		return neighGet(rest)
	case matches(c, "show"), matches(c, "lst"), matches(c, "list"):
		return neighShowOrFlush(rest, false)
	case matches(c, "flush"):
		return neighShowOrFlush(rest, true)
	case matches(c, "help"):
		neighUsage()
	}
	errorf("Command \"%s\" is unknown, try \"ip neigh help\".\n", c)
	return 255
}

func duparg(key, arg string) {
	errorf("Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg)
	fail(255)
}

// nudStateID is nud_state_a2n.
func nudStateID(s string) (uint32, bool) {
	switch {
	case matches(s, "permanent"):
		return rtnl.NUD_PERMANENT, true
	case matches(s, "reachable"):
		return rtnl.NUD_REACHABLE, true
	case s == "noarp":
		return rtnl.NUD_NOARP, true
	case s == "none":
		return rtnl.NUD_NONE, true
	case s == "stale":
		return rtnl.NUD_STALE, true
	case s == "incomplete":
		return rtnl.NUD_INCOMPLETE, true
	case s == "delay":
		return rtnl.NUD_DELAY, true
	case s == "probe":
		return rtnl.NUD_PROBE, true
	case matches(s, "failed"):
		return rtnl.NUD_FAILED, true
	}
	v, ok := parseUnsigned(s)
	if !ok || v >= 0x100 || v&(v-1) != 0 {
		return 0, false
	}
	return v, true
}

// llAddrParse is ll_addr_a2n: "aa:bb:…" or a dotted IPv4 address.
func llAddrParse(s string) ([]byte, bool) {
	if strings.Contains(s, ".") {
		a, ok := getAddr1(s, unix.AF_INET)
		if !ok {
			errorf("\"%s\" is invalid lladdr.\n", s)
			return nil, false
		}
		return a.data[:4], true
	}
	var out []byte
	for len(out) < 20 {
		part, rest, more := strings.Cut(s, ":")
		v, ok := scanHex(part)
		if !ok || v > 255 {
			errorf("\"%s\" is invalid lladdr.\n", part)
			return nil, false
		}
		out = append(out, byte(v))
		if !more {
			break
		}
		s = rest
	}
	return out, true
}

// scanHex is sscanf("%x"): leading blanks, optional 0x, then hex digits.
func scanHex(s string) (uint64, bool) {
	s = strings.TrimLeft(s, " \t\n")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isHex(s[2]) {
		s = s[2:]
	}
	i := 0
	for i < len(s) && isHex(s[i]) {
		i++
	}
	if i == 0 {
		return 0, false
	}
	v, err := strconv.ParseUint(s[:i], 16, 64)
	if err != nil || neg && v != 0 {
		return 1 << 32, true
	}
	return v, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func ndmsgBytes(family uint8, ifindex int32, state uint16, flags uint8) []byte {
	b := make([]byte, rtnl.SizeofNdMsg)
	b[0] = family
	binary.NativeEndian.PutUint32(b[4:], uint32(ifindex))
	binary.NativeEndian.PutUint16(b[8:], state)
	b[10] = flags
	return b
}

func neighModify(cmd, flags int, args []string) int {
	state := uint16(rtnl.NUD_PERMANENT)
	var ndmFlags uint8
	var dev, lla string
	var dstOK, devOK, llaOK bool
	var dst inetPrefix
	var protocol uint32
	var extFlags uint32
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case matches(a, "lladdr"):
			t := v.next()
			if llaOK {
				duparg("lladdr", t)
			}
			lla, llaOK = t, true
		case a == "nud":
			t := v.next()
			s, ok := nudStateID(t)
			if !ok {
				invarg("nud state is bad", t)
			}
			state = uint16(s)
		case matches(a, "proxy"):
			t := v.next()
			if matches(t, "help") {
				neighUsage()
			}
			if dstOK {
				duparg("address", t)
			}
			dst = getAddr(t, opt.family)
			dstOK, devOK = true, true
			ndmFlags |= rtnl.NTF_PROXY
		case a == "router":
			ndmFlags |= rtnl.NTF_ROUTER
		case matches(a, "extern_learn"):
			ndmFlags |= rtnl.NTF_EXT_LEARNED
		case a == "dev":
			dev, devOK = v.next(), true
		case matches(a, "protocol"):
			t := v.next()
			p, ok := rtnames.Protocols.ID(t)
			if !ok {
				invarg("\"protocol\" value is invalid\n", t)
			}
			protocol = p
		case a == "use":
			ndmFlags |= rtnl.NTF_USE
		case a == "managed":
			extFlags |= 1
		default:
			t := a
			if t == "to" {
				t = v.next()
			}
			if matches(t, "help") {
				t = v.next()
			}
			if dstOK {
				duparg2("to", t)
			}
			dst = getAddr(t, opt.family)
			dstOK = true
		}
	}
	if !devOK || !dstOK || dst.family == unix.AF_UNSPEC {
		errorf("Device and destination are required arguments.\n")
		return 255
	}
	var attrs attrList
	attrs.add(rtnl.NDA_DST, dst.bytes())
	if protocol != 0 {
		attrs.add(rtnl.NDA_PROTOCOL, []byte{byte(protocol)})
	}
	if extFlags != 0 {
		attrs.u32(15, extFlags) // NDA_FLAGS_EXT
	}
	if lla != "" && lla != "null" {
		b, ok := llAddrParse(lla)
		if !ok {
			return 1
		}
		attrs.add(rtnl.NDA_LLADDR, b)
	}
	var ifindex int32
	if dev != "" {
		ifindex = linkIndex(dev)
	}
	req := newRequest(cmd, flags|unix.NLM_F_ACK, ndmsgBytes(uint8(dst.family), ifindex, state, ndmFlags))
	for _, a := range attrs {
		req.AddData(a)
	}
	if _, err := talk(req); err != nil {
		return reportTalkError(err)
	}
	return 0
}

func neighGet(args []string) int {
	var d string
	var dstOK, devOK bool
	var dst inetPrefix
	var flags uint8
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case a == "dev":
			d, devOK = v.next(), true
		case matches(a, "proxy"):
			t := v.next()
			if matches(t, "help") {
				neighUsage()
			}
			if dstOK {
				duparg("address", t)
			}
			dst = getAddr(t, opt.family)
			dstOK, devOK = true, true
			flags |= rtnl.NTF_PROXY
		default:
			t := a
			if t == "to" {
				t = v.next()
			}
			if matches(t, "help") {
				neighUsage()
			}
			if dstOK {
				duparg2("to", t)
			}
			dst = getAddr(t, opt.family)
			dstOK = true
		}
	}
	if !devOK || !dstOK || dst.family == unix.AF_UNSPEC {
		errorf("Device and address are required arguments.\n")
		return 1
	}
	var ifindex int32
	if d != "" {
		if ifindex = nameToIndex(d); ifindex == 0 {
			errorf("Cannot find device \"%s\"\n", d)
			return 1
		}
	}
	req := newRequest(unix.RTM_GETNEIGH, 0, ndmsgBytes(uint8(dst.family), ifindex, 0, flags))
	req.AddData(rtAttr(rtnl.NDA_DST, dst.bytes()))
	ans, err := talk(req)
	if err != nil {
		return reportTalkError(err)
	}
	nf = neighFilter{state: 0xffffffff}
	var n rtnl.NeighMsg
	printNeighMsg(*ans, &n)
	return 0
}

func neighDumpRequest() *nlRequest {
	req := newRequest(unix.RTM_GETNEIGH, unix.NLM_F_DUMP, ndmsgBytes(uint8(nf.family), 0, 0, nf.ndmFlags))
	if nf.index != 0 {
		req.AddData(rtAttr(rtnl.NDA_IFINDEX, u32b(uint32(nf.index))))
	}
	if nf.master != 0 {
		req.AddData(rtAttr(rtnl.NDA_MASTER, u32b(uint32(nf.master))))
	}
	return req
}

func neighShowOrFlush(args []string, flush bool) int {
	nf = neighFilter{family: opt.family}
	if flush {
		if len(args) == 0 {
			errorf("Flush requires arguments.\n")
			return 1
		}
		nf.state = ^uint32(rtnl.NUD_PERMANENT | rtnl.NUD_NOARP)
	} else {
		nf.state = 0xff &^ rtnl.NUD_NOARP
	}
	var filterDev string
	stateGiven := false
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case a == "dev":
			t := v.next()
			if filterDev != "" {
				duparg("dev", t)
			}
			filterDev = t
		case a == "master":
			t := v.next()
			idx := nameToIndex(t)
			if idx == 0 {
				invarg("Device does not exist\n", t)
			}
			nf.master = idx
		case a == "vrf":
			errorf("goip: vrf is not implemented\n")
			return 1
		case a == "nomaster":
			nf.master = -1
		case a == "unused":
			nf.unused = true
		case a == "nud":
			t := v.next()
			if !stateGiven {
				stateGiven = true
				nf.state = 0
			}
			s, ok := nudStateID(t)
			if !ok {
				if t != "all" {
					invarg("nud state is bad", t)
				}
				s = ^uint32(0)
				if flush {
					s &^= rtnl.NUD_NOARP
				}
			}
			if s == 0 {
				s = 0x100
			}
			nf.state |= s
		case a == "proxy":
			nf.ndmFlags = rtnl.NTF_PROXY
		case matches(a, "protocol"):
			t := v.next()
			p, ok := rtnames.Protocols.ID(t)
			if !ok {
				if t != "all" {
					invarg("invalid \"protocol\"\n", t)
				}
				p = 0
			}
			nf.protocol = p
		default:
			t := a
			if t == "to" {
				t = v.next()
			}
			if matches(t, "help") {
				neighUsage()
			}
			nf.pfx = getPrefix(t, nf.family)
			if nf.family == unix.AF_UNSPEC {
				nf.family = nf.pfx.family
			}
		}
	}
	if filterDev != "" {
		nf.index = linkIndex(filterDev)
	}
	if flush {
		return neighFlushRun()
	}
	msgs, err := dump(neighDumpRequest)
	pr.begin()
	var n rtnl.NeighMsg
	for _, m := range msgs {
		printNeighMsg(m, &n)
	}
	if err != nil {
		reportDumpError(err)
		return 1
	}
	pr.end()
	return 0
}

const maxFlushRounds = 256

func neighFlushRun() int {
	nf.flush = true
	for round := 0; round < maxFlushRounds; {
		msgs, err := dump(neighDumpRequest)
		if err != nil {
			reportDumpError(err)
			errorf("Flush terminated\n")
			return 1
		}
		nf.flushList = nf.flushList[:0]
		var n rtnl.NeighMsg
		for _, m := range msgs {
			printNeighMsg(m, &n)
		}
		if len(nf.flushList) == 0 {
			if opt.stats > 0 {
				if round == 0 {
					stdout.WriteString("Nothing to flush.\n")
				} else {
					plural := ""
					if round > 1 {
						plural = "s"
					}
					stdout.WriteString("*** Flush is complete after " + itoa(round) + " round" + plural + " ***\n")
				}
			}
			return 0
		}
		round++
		if err := sendDeletes(unix.RTM_DELNEIGH, nf.flushList); err != nil {
			errorf("Failed to send flush request: %s\n", errText(unwrapErrno(err)))
			return 1
		}
		if opt.stats > 0 {
			stdout.WriteString("\n*** Round " + itoa(round) + ", deleting " + itoa(len(nf.flushList)) + " entries ***\n")
			stdout.Flush()
		}
		nf.state &^= rtnl.NUD_FAILED
	}
	stdout.WriteString("*** Flush not complete bailing out after " + itoa(maxFlushRounds) + " rounds\n")
	return 1
}

// neighStateNames are print_neigh_state's words in order.
var neighStateNames = []struct {
	bit  uint16
	name string
}{
	{rtnl.NUD_INCOMPLETE, "INCOMPLETE"}, {rtnl.NUD_REACHABLE, "REACHABLE"},
	{rtnl.NUD_STALE, "STALE"}, {rtnl.NUD_DELAY, "DELAY"}, {rtnl.NUD_PROBE, "PROBE"},
	{rtnl.NUD_FAILED, "FAILED"}, {rtnl.NUD_NOARP, "NOARP"}, {rtnl.NUD_PERMANENT, "PERMANENT"},
}

// neighFlagNames are the ndm_flags words print_neigh shows, in order.
var neighFlagNames = []struct {
	bit  uint8
	name string
}{
	{rtnl.NTF_ROUTER, "router"}, {rtnl.NTF_PROXY, "proxy"},
	{rtnl.NTF_EXT_LEARNED, "extern_learn"}, {rtnl.NTF_OFFLOADED, "offload"},
}

// printNeighMsg filters and prints (or queues for flushing) one neighbour.
func printNeighMsg(m msg, n *rtnl.NeighMsg) {
	if m.typ != unix.RTM_NEWNEIGH && m.typ != unix.RTM_DELNEIGH && m.typ != unix.RTM_GETNEIGH {
		errorf("Not RTM_NEWNEIGH: %08x %08x %08x\n", len(m.data)+unix.NLMSG_HDRLEN, m.typ, m.flags)
		return
	}
	if n.Decode(m.data) != nil {
		return
	}
	if nf.flush && m.typ != unix.RTM_NEWNEIGH {
		return
	}
	if nf.family != 0 && nf.family != int(n.Family) {
		return
	}
	if nf.index != 0 && nf.index != n.Ifindex {
		return
	}
	if nf.state&uint32(n.State) == 0 && n.Flags&rtnl.NTF_PROXY == 0 && n.Flags&rtnl.NTF_EXT_LEARNED == 0 &&
		(n.State != 0 || nf.state&0x100 == 0) && n.Family != 12 /* AF_DECnet */ {
		return
	}
	tb := &n.Attrs
	if d, ok := tb.Get(rtnl.NDA_DST); ok && nf.pfx.family != unix.AF_UNSPEC && nf.pfx.bitlen > 0 {
		if len(d) != afByteLen(nf.pfx.family) || !addrMatch(d, &nf.pfx, nf.pfx.bitlen) {
			return
		}
	}
	protocol := uint32(tb.Uint8(rtnl.NDA_PROTOCOL))
	if nf.protocol != 0 && nf.protocol != protocol {
		return
	}
	if ci, ok := tb.Get(rtnl.NDA_CACHEINFO); nf.unused && ok && len(ci) >= 16 && rtnl.U32(ci[12:]) != 0 {
		return
	}
	if nf.flush {
		nf.flushList = append(nf.flushList, m.data)
		if opt.stats < 2 {
			return
		}
	}
	printNeigh(m.typ, n)
}

func printNeigh(typ uint16, n *rtnl.NeighMsg) {
	tb := &n.Attrs
	pr.openObj("")
	switch typ {
	case unix.RTM_DELNEIGH:
		pr.jsonBool("deleted", true)
		pr.text("Deleted ")
	case unix.RTM_GETNEIGH:
		pr.null("miss", "miss ")
	}
	if d, ok := tb.Get(rtnl.NDA_DST); ok {
		family := int(n.Family)
		if family == unix.AF_BRIDGE {
			family = unix.AF_INET
			if len(d) == 16 {
				family = unix.AF_INET6
			}
		}
		pr.cstrBytes(familyColor(family), "dst", "", hostAddr(family, d), " ")
	}
	if nf.index == 0 && n.Ifindex != 0 {
		pr.cstr(colorIfname, "dev", "dev ", indexToName(n.Ifindex), " ")
	}
	if ll, ok := tb.Get(rtnl.NDA_LLADDR); ok {
		pr.cstrBytes(colorMAC, "lladdr", "lladdr ", llAddrFormat(ll, indexToType(n.Ifindex)), " ")
	}
	for _, f := range neighFlagNames {
		if n.Flags&f.bit != 0 {
			pr.null(f.name, f.name+" ")
		}
	}
	if opt.stats > 0 {
		if ci, ok := tb.Get(rtnl.NDA_CACHEINFO); ok && len(ci) >= 16 {
			confirmed, used, updated, refcnt := rtnl.U32(ci[0:]), rtnl.U32(ci[4:]), rtnl.U32(ci[8:]), rtnl.U32(ci[12:])
			if refcnt != 0 {
				pr.uint("refcnt", " ref ", uint64(refcnt), "")
			}
			pr.uint("used", " used ", uint64(used/userHZ), "")
			pr.uint("confirmed", "/", uint64(confirmed/userHZ), "")
			pr.uint("updated", "/", uint64(updated/userHZ), "")
		}
		if tb.Has(rtnl.NDA_PROBES) {
			pr.uint("probes", "probes ", uint64(tb.Uint32(rtnl.NDA_PROBES)), " ")
		}
	}
	if n.State != 0 {
		pr.openArr("state")
		for _, s := range neighStateNames {
			if n.State&s.bit != 0 {
				pr.str("", "", s.name, " ")
			}
		}
		pr.closeArr()
	}
	if p := tb.Uint8(rtnl.NDA_PROTOCOL); p != 0 {
		pr.str("protocol", "proto ", rtnames.Protocols.Name(uint32(p)), " ")
	}
	pr.text("\n")
	pr.closeObj()
}

// llAddrFormat is ll_addr_n2a: IPv4-in-tunnel addresses as dotted quads,
// everything else as colon-separated hex.
func llAddrFormat(a []byte, hwType uint16) []byte {
	if len(a) == 4 && (hwType == unix.ARPHRD_TUNNEL || hwType == unix.ARPHRD_SIT || hwType == unix.ARPHRD_IPGRE) {
		return appendAddr(pr.buf[:0], unix.AF_INET, a)
	}
	if len(a) == 16 && hwType == unix.ARPHRD_TUNNEL6 {
		return appendAddr(pr.buf[:0], unix.AF_INET6, a)
	}
	return appendLLAddr(pr.buf[:0], a)
}
