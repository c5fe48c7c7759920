package main

import (
	"strings"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// ruleFilterState is iprule.c's filter for list and flush.
type ruleFilterState struct {
	pref, tos, fwmark, fwmask, tb uint32
	prefmask, tosmask, not        bool
	iif, oif                      string
	iifmask, oifmask, l3mdev      bool
	uidrange                      bool
	uidStart, uidEnd              uint32
	src, dst                      inetPrefix
	protocol, protocolmask        uint32
}

var ruf ruleFilterState

// parseRuleSelectors reads ip rule list/flush selectors into ruf.
func parseRuleSelectors(args []string, family int) {
	ruf = ruleFilterState{}
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case matches(a, "preference"), matches(a, "order"), matches(a, "priority"):
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok {
				invarg("preference value is invalid\n", t)
			}
			ruf.pref, ruf.prefmask = n, true
		case a == "not":
			ruf.not = true
		case a == "tos":
			t := v.next()
			tos, ok := dsfieldID(t)
			if !ok {
				invarg("TOS value is invalid\n", t)
			}
			ruf.tos, ruf.tosmask = tos, true
		case a == "fwmark":
			t := v.next()
			mark, mask, slash := strings.Cut(t, "/")
			n, ok := parseUnsigned(mark)
			if !ok {
				invarg("fwmark value is invalid\n", mark)
			}
			ruf.fwmark = n
			if slash {
				m, ok := parseUnsigned(mask)
				if !ok {
					invarg("fwmask value is invalid\n", mask)
				}
				ruf.fwmask = m
			}
		case a == "dev", a == "iif":
			t := v.next()
			if !validIfname(t) {
				invarg("\"iif\"/\"dev\" not a valid ifname", t)
			}
			ruf.iif, ruf.iifmask = t, true
		case a == "oif":
			t := v.next()
			if !validIfname(t) {
				invarg("\"oif\" not a valid ifname", t)
			}
			ruf.oif, ruf.oifmask = t, true
		case a == "l3mdev":
			ruf.l3mdev = true
		case a == "uidrange":
			t := v.next()
			n, lo, hi := scanRange(t)
			if n != 2 {
				invarg("invalid UID range\n", t)
			}
			ruf.uidrange, ruf.uidStart, ruf.uidEnd = true, lo, hi
		case matches(a, "lookup"), matches(a, "table"):
			t := v.next()
			id, ok := rtnames.Tables.ID(t)
			if !ok {
				invarg("table id value is invalid\n", t)
			}
			ruf.tb = id
		case matches(a, "from"), matches(a, "src"):
			ruf.src = getPrefix(v.next(), family)
		case matches(a, "protocol"):
			t := v.next()
			ruf.protocolmask = 0xffffffff
			p, ok := rtnames.Protocols.ID(t)
			if !ok {
				if t != "all" {
					invarg("invalid \"protocol\"\n", t)
				}
				p, ruf.protocolmask = 0, 0
			}
			ruf.protocol = p
		case a == "ipproto", a == "sport", a == "dport", matches(a, "tun_id"):
			errorf("goip: rule selector \"%s\" is not implemented\n", a)
			fail(1)
		default:
			t := a
			if matches(t, "dst") || matches(t, "to") {
				t = v.next()
			}
			ruf.dst = getPrefix(t, family)
		}
	}
}

// keepRule is iprule.c's filter_nlmsg.
func keepRule(family, dstLen, srcLen, tos int, flags uint32, table uint32, tb *rtnl.Table) bool {
	if opt.family != unix.AF_UNSPEC && family != opt.family {
		return false
	}
	if ruf.prefmask && ruf.pref != tb.Uint32(fraPriority) {
		return false
	}
	if ruf.not && flags&fibRuleInvert == 0 {
		return false
	}
	match := func(f *inetPrefix, attr, plen int) bool {
		if f.family == 0 {
			return true
		}
		if f.family != family || f.bitlen > plen {
			return false
		}
		b, ok := tb.Get(attr)
		if !ok || f.bitlen <= 0 {
			return true
		}
		return len(b) == afByteLen(f.family) && addrMatch(b, f, f.bitlen)
	}
	if !match(&ruf.src, fraSrc, srcLen) || !match(&ruf.dst, fraDst, dstLen) {
		return false
	}
	if ruf.tosmask && ruf.tos != uint32(tos) {
		return false
	}
	if ruf.fwmark != 0 && ruf.fwmark != tb.Uint32(fraFwmark) {
		return false
	}
	if ruf.fwmask != 0 && ruf.fwmask != tb.Uint32(fraFwmask) {
		return false
	}
	if ruf.iifmask && (!tb.Has(fraIifname) || tb.String(fraIifname) != ruf.iif) {
		return false
	}
	if ruf.oifmask && (!tb.Has(fraOifname) || tb.String(fraOifname) != ruf.oif) {
		return false
	}
	if ruf.l3mdev && tb.Uint8(fraL3mdev) == 0 {
		return false
	}
	if ruf.uidrange {
		r, ok := tb.Get(fraUIDRange)
		if !ok || len(r) < 8 || rtnl.U32(r) != ruf.uidStart || rtnl.U32(r[4:]) != ruf.uidEnd {
			return false
		}
	}
	if ruf.tb > 0 && ruf.tb != table {
		return false
	}
	return true
}
