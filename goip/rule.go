package main

import (
	"encoding/binary"
	"strconv"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// Policy routing rule attributes (linux/fib_rules.h).
const (
	fraDst                = 1
	fraSrc                = 2
	fraIifname            = 3
	fraGoto               = 4
	fraPriority           = 6
	fraFwmark             = 10
	fraFlow               = 11
	fraSuppressIfgroup    = 13
	fraSuppressPrefixlen  = 14
	fraTable              = 15
	fraFwmask             = 16
	fraOifname            = 17
	fraL3mdev             = 19
	fraUIDRange           = 20
	fraProtocol           = 21
	fraIPProto            = 22
	fraSportRange         = 23
	fraDportRange         = 24
	fibRuleInvert         = 2
	fibRuleUnresolved     = 4
	fibRuleIifDetached    = 8
	fibRuleOifDetached    = 16
	frActToTbl            = 1
	frActGoto             = 2
	frActNop              = 3
	sizeofFibRuleHdr      = 12
	ruleUsageNotSupported = "goip: \"ip rule save\" and \"ip rule restore\" are not implemented\n"
)

func doRule(args []string) int {
	var rest []string
	flush := false
	if len(args) > 0 {
		c := args[0]
		rest = args[1:]
		switch {
		case matches(c, "list"), matches(c, "lst"), matches(c, "show"):
		case matches(c, "save"), matches(c, "restore"):
			errorf(ruleUsageNotSupported)
			return 1
		case matches(c, "help"):
			usageExit(usageRule)
		case matches(c, "add"):
			return ruleModify(unix.RTM_NEWRULE, rest)
		case matches(c, "delete"):
			return ruleModify(unix.RTM_DELRULE, rest)
		case matches(c, "flush"):
			flush = true
		default:
			errorf("Command \"%s\" is unknown, try \"ip rule help\".\n", c)
			return 255
		}
	}
	family := opt.family
	if family == unix.AF_UNSPEC {
		family = unix.AF_INET
	}
	parseRuleSelectors(rest, family)
	msgs, err := dump(func() *nlRequest {
		hdr := make([]byte, sizeofFibRuleHdr)
		hdr[0] = byte(family)
		return newRequest(unix.RTM_GETRULE, unix.NLM_F_DUMP, hdr)
	})
	if flush {
		if err != nil {
			reportDumpError(err)
			return 2
		}
		return ruleFlush(msgs)
	}
	pr.begin()
	for _, m := range msgs {
		printRule(m)
	}
	if err != nil {
		reportDumpError(err)
		return 2
	}
	pr.end()
	return 0
}

// ruleFlush deletes every selected rule that has a priority (never rule 0).
func ruleFlush(msgs []msg) int {
	for _, m := range msgs {
		if m.typ != unix.RTM_NEWRULE || len(m.data) < sizeofFibRuleHdr {
			continue
		}
		var tb rtnl.Table
		if tb.Parse(m.data[sizeofFibRuleHdr:]) != nil || !ruleSelected(m.data, &tb) {
			continue
		}
		if tb.Has(fraProtocol) && (ruf.protocol^uint32(tb.Uint8(fraProtocol)))&ruf.protocolmask != 0 {
			continue
		}
		if !tb.Has(fraPriority) {
			continue
		}
		req := newRequest(unix.RTM_DELRULE, unix.NLM_F_ACK, m.data)
		if _, err := talk(req); err != nil {
			return reportTalkError(err)
		}
	}
	return 0
}

// ruleSelected applies the list selectors to a raw fib_rule_hdr message.
func ruleSelected(b []byte, tb *rtnl.Table) bool {
	table := uint32(b[4])
	if tb.Has(fraTable) {
		table = tb.Uint32(fraTable)
	}
	return keepRule(int(b[0]), int(b[1]), int(b[2]), int(b[3]), rtnl.U32(b[8:]), table, tb)
}

var ipProtoNames = map[uint8]string{
	1: "icmp", 2: "igmp", 6: "tcp", 17: "udp", 33: "dccp", 41: "ipv6", 47: "gre", 50: "esp", 51: "ah",
	58: "ipv6-icmp", 132: "sctp", 136: "udplite",
}

// printRule is iprule.c's print_rule.
func printRule(m msg) {
	if m.typ != unix.RTM_NEWRULE && m.typ != unix.RTM_DELRULE || len(m.data) < sizeofFibRuleHdr {
		return
	}
	b := m.data
	family, dstLen, srcLen, tos, table8, action := int(b[0]), b[1], b[2], b[3], b[4], b[7]
	flags := binary.NativeEndian.Uint32(b[8:])
	var tb rtnl.Table
	if tb.Parse(b[sizeofFibRuleHdr:]) != nil || !ruleSelected(b, &tb) {
		return
	}
	hostLen := uint8(afBitLen(family))
	pr.openObj("")
	if m.typ == unix.RTM_DELRULE {
		pr.jsonBool("deleted", true)
		pr.text("Deleted ")
	}
	pr.uint("priority", "", uint64(tb.Uint32(fraPriority)), ":\t")
	if flags&fibRuleInvert != 0 {
		pr.null("not", "not ")
	}
	if s, ok := tb.Get(fraSrc); ok {
		pr.text("from ")
		pr.cstrBytes(familyColor(family), "src", "", hostAddr(family, s), "")
		if srcLen != hostLen {
			pr.uint("srclen", "/", uint64(srcLen), "")
		}
	} else if srcLen != 0 {
		pr.str("src", "from ", "0", "")
		pr.uint("srclen", "/", uint64(srcLen), "")
	} else {
		pr.str("src", "from ", "all", "")
	}
	if d, ok := tb.Get(fraDst); ok {
		pr.text(" to ")
		pr.cstrBytes(familyColor(family), "dst", "", hostAddr(family, d), "")
		if dstLen != hostLen {
			pr.uint("dstlen", "/", uint64(dstLen), "")
		}
	} else if dstLen != 0 {
		pr.str("dst", " to ", "0", "")
		pr.uint("dstlen", "/", uint64(dstLen), "")
	}
	if tos != 0 {
		pr.str("tos", " tos ", dsfieldName(tos), "")
	}
	if tb.Has(fraFwmark) || tb.Has(fraFwmask) {
		mark := tb.Uint32(fraFwmark)
		pr.str("fwmark", " fwmark ", hex0x(mark), "")
		if mask := tb.Uint32(fraFwmask); tb.Has(fraFwmask) && mask != 0xffffffff {
			pr.str("fwmask", "/", hex0x(mask), "")
		}
	}
	if tb.Has(fraIifname) {
		pr.text(" iif ")
		pr.cstr(colorIfname, "iif", "", tb.String(fraIifname), "")
		if flags&fibRuleIifDetached != 0 {
			pr.null("iif_detached", " [detached]")
		}
	}
	if tb.Has(fraOifname) {
		pr.text(" oif ")
		pr.cstr(colorIfname, "oif", "", tb.String(fraOifname), "")
		if flags&fibRuleOifDetached != 0 {
			pr.null("oif_detached", " [detached]")
		}
	}
	if tb.Uint8(fraL3mdev) != 0 {
		pr.null("l3mdev", " lookup [l3mdev-table]")
	}
	if r, ok := tb.Get(fraUIDRange); ok && len(r) >= 8 {
		pr.uint("uid_start", " uidrange ", uint64(rtnl.U32(r)), "")
		pr.uint("uid_end", "-", uint64(rtnl.U32(r[4:])), "")
	}
	if tb.Has(fraIPProto) {
		p := tb.Uint8(fraIPProto)
		name, ok := ipProtoNames[p]
		if !ok {
			name = strconv.Itoa(int(p))
		}
		pr.str("ipproto", " ipproto ", name, "")
	}
	for _, pt := range []struct {
		attr       int
		word, json string
	}{{fraSportRange, " sport ", "sport"}, {fraDportRange, " dport ", "dport"}} {
		r, ok := tb.Get(pt.attr)
		if !ok || len(r) < 4 {
			continue
		}
		lo, hi := binary.NativeEndian.Uint16(r), binary.NativeEndian.Uint16(r[2:])
		if lo == hi {
			pr.uint(pt.json, pt.word, uint64(lo), "")
		} else {
			pr.uint(pt.json+"_start", pt.word, uint64(lo), "")
			pr.uint(pt.json+"_end", "-", uint64(hi), "")
		}
	}
	table := uint32(table8)
	if tb.Has(fraTable) {
		table = tb.Uint32(fraTable)
	}
	if table != 0 {
		pr.str("table", " lookup ", rtnames.Tables.Name(table), "")
		if pl := int32(tb.Uint32(fraSuppressPrefixlen)); tb.Has(fraSuppressPrefixlen) && pl != -1 {
			pr.int("suppress_prefixlen", " suppress_prefixlength ", int64(pl), "")
		}
		if g := int32(tb.Uint32(fraSuppressIfgroup)); tb.Has(fraSuppressIfgroup) && g != -1 {
			pr.str("suppress_ifgroup", " suppress_ifgroup ", groupNames.Name(uint32(g)), "")
		}
	}
	if tb.Has(fraFlow) {
		to := tb.Uint32(fraFlow)
		if from := to >> 16; from != 0 {
			pr.str("flow_from", " realms ", rtnames.Realms.Name(from), "/")
		} else {
			pr.text(" realms ")
		}
		pr.str("flow_to", "", rtnames.Realms.Name(to&0xffff), "")
	}
	switch {
	case action == frActGoto:
		if tb.Has(fraGoto) {
			pr.uint("goto", " goto ", uint64(tb.Uint32(fraGoto)), "")
		} else {
			pr.str("goto", " goto ", "none", "")
		}
		if flags&fibRuleUnresolved != 0 {
			pr.null("unresolved", " [unresolved]")
		}
	case action == frActNop:
		pr.null("nop", " nop")
	case action != frActToTbl:
		pr.str("action", " ", rtnTypeName(action), "")
	}
	if tb.Has(fraProtocol) {
		if p := tb.Uint8(fraProtocol); p != 0 && p != rtnl.RTPROT_KERNEL || opt.details > 0 {
			pr.str("protocol", " proto ", rtnames.Protocols.Name(uint32(p)), "")
		}
	}
	pr.text("\n")
	pr.closeObj()
}

func hex0x(v uint32) string {
	if v == 0 {
		return "0"
	}
	return "0x" + strconv.FormatUint(uint64(v), 16)
}
