package main

import (
	"encoding/binary"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// setLifetime is set_lifetime: "forever" or a u32 number of seconds.
func setLifetime(s string) (uint32, bool) {
	if s == "forever" {
		return infinityLifeTime, true
	}
	return parseUnsigned(s)
}

// addrModify is ipaddr_modify: ip address add/change/replace/delete.
func addrModify(cmd, flags int, args []string) int {
	family := opt.family
	var attrs attrList
	var dev, lclArg, validArg, preferredArg string
	var lcl, peer inetPrefix
	var localLen, peerLen, brdLen, anyLen int
	var scope uint8
	var scoped bool
	var prefixLen uint8
	validLft, preferredLft := uint32(infinityLifeTime), uint32(infinityLifeTime)
	var ifaFlags uint32
	v := &argv{args}
	v6only := func(bit uint32, word string) {
		if family == unix.AF_INET6 {
			ifaFlags |= bit
		} else {
			errorf("Warning: %s option can be set only for IPv6 addresses\n", word)
		}
	}
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case a == "peer", a == "remote":
			t := v.next()
			if peerLen != 0 {
				duparg("peer", t)
			}
			peer = getPrefix(t, family)
			peerLen = peer.bytelen
			if family == unix.AF_UNSPEC {
				family = peer.family
			}
			attrs.add(unix.IFA_ADDRESS, peer.bytes())
			prefixLen = uint8(peer.bitlen)
		case matches(a, "broadcast"), a == "brd":
			t := v.next()
			if brdLen != 0 {
				duparg("broadcast", t)
			}
			switch t {
			case "+":
				brdLen = -1
			case "-":
				brdLen = -2
			default:
				b := getAddr(t, family)
				if family == unix.AF_UNSPEC {
					family = b.family
				}
				attrs.add(unix.IFA_BROADCAST, b.bytes())
				brdLen = b.bytelen
			}
		case a == "anycast":
			t := v.next()
			if anyLen != 0 {
				duparg("anycast", t)
			}
			b := getAddr(t, family)
			if family == unix.AF_UNSPEC {
				family = b.family
			}
			attrs.add(unix.IFA_ANYCAST, b.bytes())
			anyLen = b.bytelen
		case a == "scope":
			t := v.next()
			s, ok := rtnames.Scopes.ID(t)
			if !ok {
				invarg("invalid scope value.", t)
			}
			scope, scoped = uint8(s), true
		case a == "dev":
			dev = v.next()
		case a == "label":
			l := v.next()
			attrs.add(unix.IFA_LABEL, append([]byte(l), 0))
		case matches(a, "metric"), matches(a, "priority"), matches(a, "preference"):
			t := v.next()
			m, ok := parseUnsigned(t)
			if !ok {
				invarg("\"metric\" value is invalid\n", t)
			}
			attrs.u32(unix.IFA_RT_PRIORITY, m)
		case matches(a, "valid_lft"):
			if validArg != "" {
				duparg("valid_lft", a)
			}
			validArg = v.next()
			var ok bool
			if validLft, ok = setLifetime(validArg); !ok {
				invarg("valid_lft value", validArg)
			}
		case matches(a, "preferred_lft"):
			if preferredArg != "" {
				duparg("preferred_lft", a)
			}
			preferredArg = v.next()
			var ok bool
			if preferredLft, ok = setLifetime(preferredArg); !ok {
				invarg("preferred_lft value", preferredArg)
			}
		case a == "home":
			v6only(unix.IFA_F_HOMEADDRESS, "home")
		case a == "nodad":
			v6only(unix.IFA_F_NODAD, "nodad")
		case a == "optimistic":
			v6only(unix.IFA_F_OPTIMISTIC, "optimistic")
		case a == "mngtmpaddr":
			v6only(unix.IFA_F_MANAGETEMPADDR, "mngtmpaddr")
		case a == "noprefixroute":
			ifaFlags |= unix.IFA_F_NOPREFIXROUTE
		case a == "autojoin":
			ifaFlags |= unix.IFA_F_MCAUTOJOIN
		default:
			t := a
			if t == "local" {
				t = v.next()
			}
			if matches(t, "help") {
				usageExit(usageAddr)
			}
			if localLen != 0 {
				duparg2("local", t)
			}
			lclArg = t
			lcl = getPrefix(t, family)
			if family == unix.AF_UNSPEC {
				family = lcl.family
			}
			attrs.add(unix.IFA_LOCAL, lcl.bytes())
			localLen = lcl.bytelen
		}
	}
	var hdrFlags uint8
	if ifaFlags <= 0xff {
		hdrFlags = uint8(ifaFlags)
	} else {
		attrs.u32(unix.IFA_FLAGS, ifaFlags)
	}
	if dev == "" {
		errorf("Not enough information: \"dev\" argument is required.\n")
		return 1
	}
	if peerLen == 0 && localLen != 0 {
		if cmd == unix.RTM_DELADDR && lcl.family == unix.AF_INET && !lcl.lenSet {
			errorf("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"+
				"         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"+
				"         This special behaviour is likely to disappear in further releases,\n"+
				"         fix your scripts!\n", lclArg, localLen*8)
		} else {
			peer = lcl
			attrs.add(unix.IFA_ADDRESS, lcl.bytes())
		}
	}
	if prefixLen == 0 {
		prefixLen = uint8(lcl.bitlen)
	}
	if brdLen < 0 && cmd != unix.RTM_DELADDR {
		if family != unix.AF_INET {
			errorf("Broadcast can be set only for IPv4 addresses\n")
			return 1
		}
		brd := peer
		if brd.bitlen <= 30 {
			a := binary.BigEndian.Uint32(brd.data[:4])
			for i := 31; i >= brd.bitlen; i-- {
				if brdLen == -1 {
					a |= 1 << uint(31-i)
				} else {
					a &^= 1 << uint(31-i)
				}
			}
			binary.BigEndian.PutUint32(brd.data[:4], a)
			attrs.add(unix.IFA_BROADCAST, brd.data[:4])
		}
	}
	if !scoped && cmd != unix.RTM_DELADDR && lcl.family == unix.AF_INET && lcl.bytelen >= 1 && lcl.data[0] == 127 {
		scope = rtnl.RT_SCOPE_HOST
	}
	ifindex := linkIndex(dev)
	if validArg != "" || preferredArg != "" {
		if validLft == 0 {
			errorf("valid_lft is zero\n")
			return 1
		}
		if validLft < preferredLft {
			errorf("preferred_lft is greater than valid_lft\n")
			return 1
		}
		ci := make([]byte, 16)
		binary.NativeEndian.PutUint32(ci[0:], preferredLft)
		binary.NativeEndian.PutUint32(ci[4:], validLft)
		attrs.add(unix.IFA_CACHEINFO, ci)
	}
	hdr := make([]byte, rtnl.SizeofIfAddrMsg)
	hdr[0], hdr[1], hdr[2], hdr[3] = byte(family), prefixLen, hdrFlags, scope
	binary.NativeEndian.PutUint32(hdr[4:], uint32(ifindex))
	req := newRequest(cmd, flags|unix.NLM_F_ACK, hdr)
	for _, a := range attrs {
		req.AddData(a)
	}
	if _, err := talk(req); err != nil {
		return reportTalkError(err)
	}
	return 0
}

// addrFlush deletes the selected addresses in rounds, as ip address flush.
func addrFlush(links []*linkEntry) int {
	for round := 0; round < opt.loops || opt.loops == 0; round++ {
		var batch [][]byte
		for _, e := range links {
			if !keepLink(e) {
				continue
			}
			for _, a := range e.addrs {
				if af.family != 0 && af.family != int(a.Family) || !addrSelected(a) {
					continue
				}
				batch = append(batch, a.Raw)
				if opt.stats >= 2 {
					printAddr(unix.RTM_NEWADDR, a)
				}
			}
		}
		if len(batch) == 0 {
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
		if err := sendDeletes(unix.RTM_DELADDR, batch); err != nil {
			errorf("Failed to send flush request: %s\n", errText(unwrapErrno(err)))
			return 1
		}
		if opt.stats > 0 {
			stdout.WriteString("\n*** Round " + itoa(round+1) + ", deleting " + itoa(len(batch)) + " addresses ***\n")
			stdout.Flush()
		}
		var err error
		if links, err = dumpLinks(opt.family, af.ifindex); err == nil {
			err = attachAddrs(links)
		}
		if err != nil {
			reportDumpError(err)
			errorf("Flush terminated\n")
			return 1
		}
	}
	stdout.WriteString("*** Flush remains incomplete after " + itoa(opt.loops) + " rounds. ***\n")
	return 1
}

// addrSelected applies the address selectors (scope, flags, label, prefix).
func addrSelected(a *rtnl.AddrMsg) bool {
	return (af.scope^uint32(a.Scope))&af.scopemask == 0 && (af.flags^ifaFlags(a))&af.flagmask == 0 &&
		labelOK(a) && pfxOK(a)
}
