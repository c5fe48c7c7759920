package main

import (
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/goclues/goclues/goip/rtnames"
	"golang.org/x/sys/unix"
)

// scanRange is sscanf("%u-%u"): the count of numbers read and their values.
func scanRange(s string) (int, uint32, uint32) {
	a, rest, dash := strings.Cut(s, "-")
	lo, ok := scanUint(a)
	if !ok {
		return 0, 0, 0
	}
	if !dash {
		return 1, lo, 0
	}
	hi, ok := scanUint(rest)
	if !ok {
		return 1, lo, 0
	}
	return 2, lo, hi
}

// scanUint reads the leading decimal digits of s, as %u does.
func scanUint(s string) (uint32, bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	v, err := strconv.ParseUint(s[:i], 10, 64)
	if err != nil {
		return 0xffffffff, true
	}
	return uint32(v), true
}

// ruleModify is iprule_modify: ip rule add/delete.
func ruleModify(cmd int, args []string) int {
	family := opt.family
	var hdr [sizeofFibRuleHdr]byte
	var attrs attrList
	flags := 0
	action := uint8(0)
	tableOK, l3mdev := false, false
	var tid uint32
	switch {
	case cmd == unix.RTM_NEWRULE && len(args) == 0:
		errorf("\"ip rule add\" requires arguments.\n")
		return 1
	case cmd == unix.RTM_DELRULE && len(args) == 0:
		errorf("\"ip rule del\" requires arguments.\n")
		return 1
	case cmd == unix.RTM_NEWRULE:
		flags = unix.NLM_F_CREATE | unix.NLM_F_EXCL
		action = frActToTbl
	}
	var ruleFlags uint32
	ports := func(attr int, t string) {
		n, lo, hi := scanRange(t)
		switch n {
		case 1:
			hi = lo
		case 2:
		default:
			invarg("invalid port range\n", t)
		}
		b := make([]byte, 4)
		binary.NativeEndian.PutUint16(b, uint16(lo))
		binary.NativeEndian.PutUint16(b[2:], uint16(hi))
		attrs.add(attr, b)
	}
	v := &argv{args}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case a == "not":
			ruleFlags |= fibRuleInvert
		case a == "from", a == "to":
			p := getPrefix(v.next(), family)
			if a == "from" {
				hdr[2] = uint8(p.bitlen)
				attrs.add(fraSrc, p.bytes())
			} else {
				hdr[1] = uint8(p.bitlen)
				attrs.add(fraDst, p.bytes())
			}
		case matches(a, "preference"), matches(a, "order"), matches(a, "priority"):
			t := v.next()
			n, ok := parseUnsigned(t)
			if !ok {
				invarg("preference value is invalid\n", t)
			}
			attrs.u32(fraPriority, n)
		case a == "tos", matches(a, "dsfield"):
			t := v.next()
			tos, ok := dsfieldID(t)
			if !ok {
				invarg("TOS value is invalid\n", t)
			}
			hdr[3] = uint8(tos)
		case a == "fwmark":
			t := v.next()
			mark, mask, slash := strings.Cut(t, "/")
			n, ok := parseUnsigned(mark)
			if !ok {
				invarg("fwmark value is invalid\n", mark)
			}
			attrs.u32(fraFwmark, n)
			if slash {
				m, ok := parseUnsigned(mask)
				if !ok {
					invarg("fwmask value is invalid\n", mask)
				}
				attrs.u32(fraFwmask, m)
			}
		case matches(a, "realms"):
			t := v.next()
			r, ok := getRtRealmsOrRaw(t)
			if !ok {
				invarg("invalid realms\n", t)
			}
			attrs.u32(fraFlow, r)
		case matches(a, "protocol"):
			t := v.next()
			p, ok := rtnames.Protocols.ID(t)
			if !ok {
				invarg("\"protocol\" value is invalid\n", t)
			}
			attrs.add(fraProtocol, []byte{byte(p)})
		case matches(a, "table"), a == "lookup":
			t := v.next()
			id, ok := rtnames.Tables.ID(t)
			if !ok {
				invarg("invalid table ID\n", t)
			}
			tid = id
			if id < 256 {
				hdr[4] = uint8(id)
			} else {
				hdr[4] = 0
				attrs.u32(fraTable, id)
			}
			tableOK = true
		case matches(a, "suppress_prefixlength"), a == "sup_pl":
			t := v.next()
			n, ok := parseInteger(t)
			if !ok || n < 0 {
				invarg("suppress_prefixlength value is invalid\n", t)
			}
			attrs.u32(fraSuppressPrefixlen, uint32(n))
		case matches(a, "suppress_ifgroup"), a == "sup_group":
			t := v.next()
			g, ok := groupNames.ID(t)
			if !ok {
				invarg("Invalid \"suppress_ifgroup\" value\n", t)
			}
			attrs.u32(fraSuppressIfgroup, g)
		case a == "dev", a == "iif", a == "oif":
			t := v.next()
			if !validIfname(t) {
				if a == "oif" {
					invarg("\"oif\" not a valid ifname", t)
				}
				invarg("\"iif\"/\"dev\" not a valid ifname", t)
			}
			attr := fraIifname
			if a == "oif" {
				attr = fraOifname
			}
			attrs.add(attr, append([]byte(t), 0))
		case a == "l3mdev":
			attrs.add(fraL3mdev, []byte{1})
			tableOK, l3mdev = true, true
		case a == "uidrange":
			t := v.next()
			n, lo, hi := scanRange(t)
			if n != 2 {
				invarg("invalid UID range\n", t)
			}
			b := make([]byte, 8)
			binary.NativeEndian.PutUint32(b, lo)
			binary.NativeEndian.PutUint32(b[4:], hi)
			attrs.add(fraUIDRange, b)
		case a == "ipproto":
			t := v.next()
			p, ok := ipProtoID(t)
			if !ok {
				invarg("Invalid \"ipproto\" value\n", t)
			}
			attrs.add(fraIPProto, []byte{p})
		case a == "sport":
			ports(fraSportRange, v.next())
		case a == "dport":
			ports(fraDportRange, v.next())
		case a == "nat", matches(a, "map-to"), matches(a, "tun_id"):
			errorf("goip: rule \"%s\" is not implemented\n", a)
			return 1
		default:
			t := a
			if t == "type" {
				t = v.next()
			}
			switch {
			case matches(t, "help"):
				usageExit(usageRule)
			case matches(t, "goto"):
				g := v.next()
				n, ok := parseUnsigned(g)
				if !ok {
					invarg("invalid target\n", g)
				}
				attrs.u32(fraGoto, n)
				action = frActGoto
			case matches(t, "nop"):
				action = frActNop
			default:
				typ, ok := rtnTypeID(t)
				if !ok {
					invarg("Failed to parse rule type", t)
				}
				action = typ
			}
			tableOK = true
		}
	}
	if l3mdev && tid != 0 {
		errorf("table can not be specified for l3mdev rules\n")
		return int(unix.EINVAL) // ip returns -EINVAL here, so it exits 22
	}
	if family == unix.AF_UNSPEC {
		family = unix.AF_INET
	}
	if !tableOK && cmd == unix.RTM_NEWRULE {
		hdr[4] = 254
	}
	hdr[0] = byte(family)
	hdr[7] = action
	binary.NativeEndian.PutUint32(hdr[8:], ruleFlags)
	req := newRequest(cmd, flags|unix.NLM_F_ACK, hdr[:])
	for _, a := range attrs {
		req.AddData(a)
	}
	if _, err := talk(req); err != nil {
		return reportTalkError(err)
	}
	return 0
}
