package main

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
	"strings"
	"time"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// argv walks a command's arguments the way iproute2's NEXT_ARG does.
type argv struct {
	a []string
}

func (v *argv) more() bool  { return len(v.a) > 0 }
func (v *argv) cur() string { return v.a[0] }
func (v *argv) skip()       { v.a = v.a[1:] }

// next advances to the argument's value or fails like incomplete_command().
func (v *argv) next() string {
	v.a = v.a[1:]
	if len(v.a) == 0 {
		errorf("Command line is not complete. Try option \"help\"\n")
		fail(255)
	}
	return v.a[0]
}

func duparg2(key, arg string) {
	errorf("Error: either \"%s\" is duplicate, or \"%s\" is a garbage.\n", key, arg)
	fail(255)
}

func routeUsage() { usageExit(usageRoute) }

func doRoute(args []string) int {
	if len(args) == 0 {
		return routeList(nil, routeShow)
	}
	c, rest := args[0], args[1:]
	switch {
	case matches(c, "add"):
		return routeModify(unix.RTM_NEWROUTE, unix.NLM_F_CREATE|unix.NLM_F_EXCL, rest)
	case matches(c, "change"), c == "chg":
		return routeModify(unix.RTM_NEWROUTE, unix.NLM_F_REPLACE, rest)
	case matches(c, "replace"):
		return routeModify(unix.RTM_NEWROUTE, unix.NLM_F_CREATE|unix.NLM_F_REPLACE, rest)
	case matches(c, "prepend"):
		return routeModify(unix.RTM_NEWROUTE, unix.NLM_F_CREATE, rest)
	case matches(c, "append"):
		return routeModify(unix.RTM_NEWROUTE, unix.NLM_F_CREATE|unix.NLM_F_APPEND, rest)
	case matches(c, "test"):
		return routeModify(unix.RTM_NEWROUTE, unix.NLM_F_EXCL, rest)
	case matches(c, "delete"):
		return routeModify(unix.RTM_DELROUTE, 0, rest)
	case matches(c, "list"), matches(c, "show"), matches(c, "lst"):
		return routeList(rest, routeShow)
	case matches(c, "get"):
		return routeGet(rest)
	case matches(c, "flush"):
		return routeList(rest, routeFlush)
	case matches(c, "save"):
		return routeList(rest, routeSave)
	case matches(c, "restore"):
		return routeRestore(os.Stdin)
	case matches(c, "showdump"):
		return routeShowdump(os.Stdin)
	case matches(c, "help"):
		routeUsage()
	}
	errorf("Command \"%s\" is unknown, try \"ip route help\".\n", c)
	return 255
}

type listAction int

const (
	routeShow listAction = iota
	routeFlush
	routeSave
)

// routeDumpRequest is rtnl_routedump_req with iproute_dump_filter applied.
func routeDumpRequest(family int) *nlRequest {
	hdr := make([]byte, rtnl.SizeofRtMsg)
	hdr[0] = byte(family)
	hdr[5] = byte(rf.protocol)
	if rf.cloned != 0 {
		binary.NativeEndian.PutUint32(hdr[8:], rtnl.RTM_F_CLONED)
	}
	req := newRequest(unix.RTM_GETROUTE, unix.NLM_F_DUMP, hdr)
	if rf.tb != 0 {
		req.AddData(rtAttr(rtnl.RTA_TABLE, u32b(rf.tb)))
	}
	if rf.oif != 0 {
		req.AddData(rtAttr(rtnl.RTA_OIF, u32b(rf.oif)))
	}
	return req
}

func routeList(args []string, action listAction) int {
	resetRouteFilter()
	rf.tb = rtnl.RT_TABLE_MAIN
	dumpFamily := opt.family
	if action == routeSave && isatty(1) {
		errorf("Not sending a binary stream to stdout\n")
		return 1
	}
	if action == routeFlush && len(args) == 0 {
		errorf("\"ip route flush\" requires arguments.\n")
		return 1
	}
	var idev, odev string
	var mark uint32
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case matches(a, "table"):
			t := v.next()
			if id, ok := rtnames.Tables.ID(t); ok {
				rf.tb = id
			} else {
				switch t {
				case "all":
					rf.tb = 0
				case "cache":
					rf.cloned = 1
				case "help":
					routeUsage()
				default:
					invarg("table id value is invalid\n", t)
				}
			}
		case matches(a, "vrf"):
			errorf("goip: vrf selectors are not implemented\n")
			return 1
		case matches(a, "cached"), matches(a, "cloned"):
			rf.cloned = 1
		case a == "tos", matches(a, "dsfield"):
			t := v.next()
			tos, ok := dsfieldID(t)
			if !ok {
				invarg("TOS value is invalid\n", t)
			}
			rf.tos, rf.tosmask = tos, 0xffffffff
		case matches(a, "protocol"):
			t := v.next()
			rf.protocolmask = 0xffffffff
			p, ok := rtnames.Protocols.ID(t)
			if !ok {
				if t != "all" {
					invarg("invalid \"protocol\"\n", t)
				}
				p, rf.protocolmask = 0, 0
			}
			rf.protocol = p
		case matches(a, "scope"):
			t := v.next()
			rf.scopemask = 0xffffffff
			s, ok := rtnames.Scopes.ID(t)
			if !ok {
				if t != "all" {
					invarg("invalid \"scope\"\n", t)
				}
				s, rf.scopemask = rtnl.RT_SCOPE_NOWHERE, 0
			}
			rf.scope = s
		case matches(a, "type"):
			t := v.next()
			typ, ok := rtnTypeID(t)
			if !ok {
				invarg("node type value is invalid\n", t)
			}
			rf.typemask = 1 << typ
		case a == "dev", a == "oif":
			odev = v.next()
		case a == "iif":
			idev = v.next()
		case a == "mark":
			t := v.next()
			m, ok := parseUnsigned(t)
			if !ok {
				invarg("invalid mark value", t)
			}
			mark, rf.markmask = m, 0xffffffff
		case matches(a, "metric"), matches(a, "priority"), a == "preference":
			t := v.next()
			m, ok := parseUnsigned(t)
			if !ok {
				invarg("\"metric\" value is invalid\n", t)
			}
			rf.metric, rf.metricmask = m, 0xffffffff
		case a == "via":
			t := v.next()
			fam := readFamily(t)
			if fam == unix.AF_UNSPEC {
				fam = dumpFamily
			} else {
				t = v.next()
			}
			rf.rvia, rf.hasRvia = getPrefix(t, fam), true
		case a == "src":
			rf.rprefsrc, rf.hasRprefsrc = getPrefix(v.next(), dumpFamily), true
		case matches(a, "realms"):
			t := v.next()
			realm, ok := getRtRealmsOrRaw(t)
			if !ok {
				invarg("invalid realms\n", t)
			}
			rf.realm, rf.realmmask = realm, 0xffffffff
			if realm&0xffff == 0 && strings.HasSuffix(t, "/") {
				rf.realmmask &^= 0xffff
			}
			if realm&0xffff0000 == 0 && (!strings.Contains(t, "/") || t[0] == '/') {
				rf.realmmask &^= 0xffff0000
			}
		case matches(a, "from"):
			t := v.next()
			switch {
			case matches(t, "root"):
				rf.rsrc, rf.hasRsrc = selector(v.next(), dumpFamily)
			case matches(t, "match"):
				rf.msrc, rf.hasMsrc = selector(v.next(), dumpFamily)
			default:
				if matches(t, "exact") {
					t = v.next()
				}
				rf.msrc, rf.hasMsrc = selector(t, dumpFamily)
				rf.rsrc, rf.hasRsrc = rf.msrc, rf.hasMsrc
			}
		default:
			t := a
			if matches(t, "to") {
				t = v.next()
			}
			switch {
			case matches(t, "root"):
				rf.rdst, rf.hasRdst = selector(v.next(), dumpFamily)
			case matches(t, "match"):
				rf.mdst, rf.hasMdst = selector(v.next(), dumpFamily)
			default:
				if matches(t, "exact") {
					t = v.next()
				}
				rf.mdst, rf.hasMdst = selector(t, dumpFamily)
				rf.rdst, rf.hasRdst = rf.mdst, rf.hasMdst
			}
		}
	}
	if dumpFamily == unix.AF_UNSPEC && rf.tb != 0 {
		dumpFamily = unix.AF_INET
	}
	if idev != "" {
		rf.iif, rf.iifmask = uint32(linkIndex(idev)), 0xffffffff
	}
	if odev != "" {
		rf.oif, rf.oifmask = uint32(linkIndex(odev)), 0xffffffff
	}
	rf.mark = mark
	switch action {
	case routeFlush:
		return routeFlushRun(dumpFamily)
	case routeSave:
		return routeSaveRun(dumpFamily)
	}
	msgs, err := dump(func() *nlRequest { return routeDumpRequest(dumpFamily) })
	err = mainTableMissing(err)
	pr.begin()
	var r rtnl.RouteMsg
	for _, m := range msgs {
		if !printRouteMsg(m, &r) {
			return 1
		}
	}
	if err != nil {
		reportDumpError(err)
		return 2
	}
	pr.end()
	return 0
}

// selector parses a prefix selector of ip route list; "all" and "any"
// without a family select every route, so they set no filter.
func selector(arg string, family int) (inetPrefix, bool) {
	p := getPrefix(arg, family)
	if (arg == "all" || arg == "any") && p.family == unix.AF_UNSPEC {
		return p, false
	}
	return p, true
}

// printRouteMsg decodes, filters and prints one dumped route message.
func printRouteMsg(m msg, r *rtnl.RouteMsg) bool {
	if m.typ != unix.RTM_NEWROUTE && m.typ != unix.RTM_DELROUTE {
		errorf("Not a route: %08x %08x %08x\n", len(m.data)+unix.NLMSG_HDRLEN, m.typ, m.flags)
		return false
	}
	if err := r.Decode(m.data); err != nil {
		errorf("BUG: wrong nlmsg len %d\n", len(m.data)-rtnl.SizeofRtMsg)
		return false
	}
	if rf.keep(r) {
		printRoute(m.typ, r)
	}
	return true
}

// reportDumpError prints a failed dump as rtnl_dump_filter's callers do.
func reportDumpError(err error) {
	reportNlError(err)
	errorf("Dump terminated\n")
}

func reportNlError(err error) {
	if e, ok := err.(*nlError); ok {
		e.report()
	} else {
		errorf("%v\n", err)
	}
}

// mainTableMissing drops the error of a dump of the main table in a
// namespace that has none yet: ip 6.1 lists (and saves) it as empty.
func mainTableMissing(err error) error {
	if e, ok := err.(*nlError); ok && e.done && e.errno == unix.ENOENT && rf.tb == rtnl.RT_TABLE_MAIN {
		return nil
	}
	return err
}

// reportTalkError prints a failed request; ip exits 2 afterwards.
func reportTalkError(err error) int {
	if e, ok := err.(*nlError); ok {
		e.report()
	} else {
		errorf("%v\n", err)
	}
	return 2
}

// getRtRealmsOrRaw is get_rt_realms_or_raw: a u32, or FROM/TO realm names.
func getRtRealmsOrRaw(s string) (uint32, bool) {
	if v, ok := parseUnsigned(s); ok {
		return v, true
	}
	var realms uint32
	if from, to, ok := strings.Cut(s, "/"); ok {
		f, ok := rtnames.Realms.ID(from)
		if !ok {
			return 0, false
		}
		realms = f << 16
		s = to
	}
	if s != "" {
		t, ok := rtnames.Realms.ID(s)
		if !ok {
			return 0, false
		}
		realms |= t
	}
	return realms, true
}

func isatty(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}

// routeFlushRun deletes matching routes in rounds until none are left.
func routeFlushRun(family int) int {
	start := time.Now()
	if rf.cloned != 0 {
		if family != unix.AF_INET6 {
			if err := os.WriteFile("/proc/sys/net/ipv4/route/flush", []byte("-1"), 0); err != nil {
				errorf("Cannot open \"/proc/sys/net/ipv4/route/flush\": %s\n", errText(unwrapErrno(err)))
				return 1
			}
			if opt.stats > 0 {
				stdout.WriteString("*** IPv4 routing cache is flushed.\n")
			}
		}
		if family == unix.AF_INET {
			return 0
		}
	}
	rf.flush = true
	for round := 0; ; {
		msgs, err := dump(func() *nlRequest { return routeDumpRequest(family) })
		if err != nil {
			reportNlError(err)
			errorf("Flush terminated\n")
			return 2
		}
		var batch [][]byte
		var r rtnl.RouteMsg
		for _, m := range msgs {
			if m.typ != unix.RTM_NEWROUTE || r.Decode(m.data) != nil || !rf.keep(&r) {
				continue
			}
			batch = append(batch, m.data)
			if opt.stats >= 2 {
				printRoute(m.typ, &r)
			}
		}
		if len(batch) == 0 {
			if opt.stats > 0 {
				if round == 0 && (rf.cloned == 0 || family == unix.AF_INET6) {
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
		if err := sendDeletes(unix.RTM_DELROUTE, batch); err != nil {
			errorf("Failed to send flush request: %s\n", errText(unwrapErrno(err)))
			return 1
		}
		if time.Since(start) > 30*time.Second {
			stdout.WriteString("\n*** Flush not completed after " + itoa(int(time.Since(start).Seconds())) +
				" seconds, " + itoa(len(batch)) + " entries remain ***\n")
			return 1
		}
		if opt.stats > 0 {
			stdout.WriteString("\n*** Round " + itoa(round) + ", deleting " + itoa(len(batch)) + " entries ***\n")
			stdout.Flush()
		}
	}
}

// sendDeletes sends one delete request per payload, packed into large
// writes without acks, as iproute2's flush does.
func sendDeletes(typ uint16, payloads [][]byte) error {
	fd := sock().GetFd()
	buf := make([]byte, 0, 64<<10)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		err := unix.Sendto(fd, buf, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK})
		buf = buf[:0]
		return err
	}
	for i, p := range payloads {
		l := unix.NLMSG_HDRLEN + len(p)
		if len(buf)+((l+3)&^3) > cap(buf) {
			if err := flush(); err != nil {
				return err
			}
		}
		var h [unix.NLMSG_HDRLEN]byte
		binary.NativeEndian.PutUint32(h[0:], uint32(l))
		binary.NativeEndian.PutUint16(h[4:], typ)
		binary.NativeEndian.PutUint16(h[6:], unix.NLM_F_REQUEST)
		binary.NativeEndian.PutUint32(h[8:], uint32(1000000+i))
		buf = append(buf, h[:]...)
		buf = append(buf, p...)
		for len(buf)%4 != 0 {
			buf = append(buf, 0)
		}
	}
	return flush()
}

func unwrapErrno(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// routeDumpMagic starts a saved route dump.
const routeDumpMagic = 0x45311224

func routeSaveRun(family int) int {
	msgs, err := dump(func() *nlRequest { return routeDumpRequest(family) })
	err = mainTableMissing(err)
	var magic [4]byte
	binary.NativeEndian.PutUint32(magic[:], routeDumpMagic)
	stdout.Write(magic[:])
	var r rtnl.RouteMsg
	for _, m := range msgs {
		if r.Decode(m.data) != nil || !rf.keep(&r) {
			continue
		}
		writeNlmsg(m)
	}
	if err != nil {
		reportDumpError(err)
		return 2
	}
	return 0
}

// readRouteDump checks the magic and returns the saved messages from f.
func readRouteDump(f *os.File) ([]msg, bool) {
	if isatty(int(f.Fd())) {
		errorf("Can't restore route dump from a terminal\n")
		return nil, false
	}
	return readDump(f, routeDumpMagic, func(n int, m uint32) {
		elems := 0
		if n == 4 {
			elems = 1
		}
		errorf("Magic mismatch (%d elems, %x magic)\n", elems, m)
	})
}

// readDump reads a saved dump: a magic number, then netlink messages.
func readDump(f *os.File, want uint32, badMagic func(n int, magic uint32)) ([]msg, bool) {
	in := bufio.NewReader(f)
	var magic [4]byte
	n, _ := io.ReadFull(in, magic[:])
	if m := binary.NativeEndian.Uint32(magic[:]); n != 4 || m != want {
		badMagic(n, m)
		return nil, false
	}
	var out []msg
	for {
		var h [unix.NLMSG_HDRLEN]byte
		if _, err := io.ReadFull(in, h[:]); err != nil {
			return out, true
		}
		l := int(binary.NativeEndian.Uint32(h[0:]))
		if l < unix.NLMSG_HDRLEN {
			errorf("rtnl-from_file: malformed message: len=%d\n", l)
			return nil, false
		}
		data := make([]byte, l-unix.NLMSG_HDRLEN)
		if _, err := io.ReadFull(in, data); err != nil {
			errorf("rtnl-from_file: Unexpected EOF in body\n")
			return nil, false
		}
		out = append(out, msg{typ: binary.NativeEndian.Uint16(h[4:]), flags: binary.NativeEndian.Uint16(h[6:]), data: data})
	}
}

func routeShowdump(f *os.File) int {
	msgs, ok := readRouteDump(f)
	if !ok {
		return 1
	}
	resetRouteFilter()
	rf.cloned = 2
	var r rtnl.RouteMsg
	for _, m := range msgs {
		if r.Decode(m.data) == nil {
			printRoute(m.typ, &r)
		}
	}
	return 0
}

// routeRestore re-adds saved routes: local addresses first, then local
// networks, then routes via gateways.
func routeRestore(f *os.File) int {
	msgs, ok := readRouteDump(f)
	if !ok {
		return 1
	}
	var r rtnl.RouteMsg
	for prio := 0; prio < 3; prio++ {
		for _, m := range msgs {
			if r.Decode(m.data) != nil {
				continue
			}
			tb := &r.Attrs
			gw := tb.Has(rtnl.RTA_GATEWAY)
			ps, hasPs := tb.Get(rtnl.RTA_PREFSRC)
			d, hasD := tb.Get(rtnl.RTA_DST)
			same := hasPs && hasD && string(ps) == string(d)
			switch {
			case prio == 0 && !gw && (!hasPs || same):
			case prio == 1 && !gw && hasPs && !same:
			case prio == 2 && gw:
			default:
				continue
			}
			req := newRequest(int(m.typ), int(m.flags)|unix.NLM_F_CREATE|unix.NLM_F_ACK, m.data)
			if _, err := talk(req); err != nil {
				// Like ip: the error is reported, but an existing route
				// does not stop the restore.
				code := reportTalkError(err)
				if e, ok := err.(*nlError); ok && e.errno == unix.EEXIST {
					continue
				}
				return code
			}
		}
	}
	return 0
}
