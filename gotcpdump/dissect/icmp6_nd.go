package dissect

// ICMPv6 neighbour discovery options (RFC 4861, 4191, 6106, 6275) and
// multicast listener discovery (RFC 2710, 3810), from print-icmp6.c.

import "strconv"

var icmp6PrefixFlags = []tok{
	{0x80, "onlink"},
	{0x40, "auto"},
	{0x20, "router"},
}

// Neighbour discovery option types.
const (
	ndOptSourceLinkAddr = 1
	ndOptTargetLinkAddr = 2
	ndOptPrefixInfo     = 3
	ndOptRedirectedHdr  = 4
	ndOptMTU            = 5
	ndOptAdvInterval    = 7
	ndOptHomeAgentInfo  = 8
	ndOptRouteInfo      = 24
	ndOptRDNSS          = 25
	ndOptDNSSL          = 31
)

var ndOptNames = []tok{
	{ndOptSourceLinkAddr, "source link-address"},
	{ndOptTargetLinkAddr, "destination link-address"},
	{ndOptPrefixInfo, "prefix info"},
	{ndOptRedirectedHdr, "redirected header"},
	{ndOptMTU, "mtu"},
	{ndOptRDNSS, "rdnss"},
	{ndOptDNSSL, "dnssl"},
	{ndOptAdvInterval, "advertisement interval"},
	{ndOptHomeAgentInfo, "homeagent information"},
	{ndOptRouteInfo, "route info"},
}

var mldv2RecordTypes = []tok{
	{1, "is_in"},
	{2, "is_ex"},
	{3, "to_in"},
	{4, "to_ex"},
	{5, "allow"},
	{6, "block"},
}

// icmp6RouterPref names the two-bit router preference of RFC 4191.
var icmp6RouterPref = [4]string{"medium", "high", "rsv", "low"}

func routerPref(flags uint8) string { return icmp6RouterPref[(flags&0x18)>>3] }

// lifetimeString formats an option lifetime: "infinity" or "Ns".
func lifetimeString(v uint32) string {
	if v == 0xffffffff {
		return "infinity"
	}
	return strconv.FormatUint(uint64(v), 10) + "s"
}

// icmp6OptPrint prints the neighbour discovery options from b[off:];
// resid is what the ICMPv6 length leaves for them. False means they
// were cut short (icmp6_opt_print).
func icmp6OptPrint(nd *ND, b []byte, off, resid int) bool {
	base := off
	for cp := off; cp < len(b); {
		if !ttest(b, cp+1, 1) {
			return false
		}
		if resid <= 0 {
			return true
		}
		typ, optLen := getU8(b, cp), int(getU8(b, cp+1))
		n := optLen << 3
		if optLen == 0 || cp+n > len(b) {
			return false
		}
		nd.Print("\n\t  ")
		nd.Print(tok2strNoAlloc(ndOptNames, "unknown", uint32(typ)))
		nd.Printf(" option (%d), length %d (%d): ", typ, n, optLen)

		switch typ {
		case ndOptSourceLinkAddr, ndOptTargetLinkAddr:
			for i := 2; i < n; i++ {
				if i > 2 {
					nd.Print(":")
				}
				nd.PrintHex(uint64(getU8(b, cp+i)), 2)
			}
		case ndOptPrefixInfo:
			tcheck(b, cp, 32)
			nd.PrintIP6Addr(b, cp+16)
			nd.Print("/")
			nd.PrintUint(uint64(getU8(b, cp+2)))
			if optLen != 4 {
				nd.Print("badlen")
			}
			nd.Print(", Flags [")
			nd.Print(bittok2str(icmp6PrefixFlags, "none", uint32(getU8(b, cp+3))))
			nd.Print("], valid time ")
			nd.Print(lifetimeString(getBE32(b, cp+4)))
			nd.Print(", pref. time ")
			nd.Print(lifetimeString(getBE32(b, cp+8)))
		case ndOptRedirectedHdr:
			unknownDataPrint(nd, b, base, "\n\t    ", n)
		case ndOptMTU:
			mtu := getBE32(b, cp+4)
			nd.Print(" ")
			nd.PrintUint(uint64(mtu))
			if optLen != 1 {
				nd.Print("bad option length")
			}
		case ndOptRDNSS:
			nd.Printf(" lifetime %ds,", getBE32(b, cp+4))
			for i := 0; i < (optLen-1)/2; i++ {
				nd.printIP6After(" addr: ", b, cp+8+16*i)
			}
		case ndOptDNSSL:
			nd.Printf(" lifetime %ds, domain(s):", getBE32(b, cp+4))
			d := dnsMsg{nd: nd, b: b}
			for dom := cp + 8; dom < cp+n && getU8(b, dom) != 0; {
				nd.Print(" ")
				if dom = d.printName(dom, base); dom < 0 {
					return false
				}
			}
		case ndOptAdvInterval:
			nd.Printf(" %dms", getBE32(b, cp+4))
		case ndOptHomeAgentInfo:
			pref, life := getBE16(b, cp+4), getBE16(b, cp+6)
			nd.Printf(" preference %d, lifetime %d", pref, life)
		case ndOptRouteInfo:
			if !ttest(b, cp+4, 4) {
				return false
			}
			var prefix [16]byte
			switch optLen {
			case 1:
			case 2:
				tcheck(b, cp+8, 8)
				copy(prefix[:], b[cp+8:cp+16])
			case 3:
				tcheck(b, cp+8, 16)
				copy(prefix[:], b[cp+8:cp+24])
			default:
				return false
			}
			nd.Print(" ")
			nd.PrintIP6Addr(prefix[:], 0)
			nd.Print("/")
			nd.PrintUint(uint64(getU8(b, cp+2)))
			nd.Print(", pref=")
			nd.Print(routerPref(getU8(b, cp+3)))
			nd.Print(", lifetime=")
			nd.Print(lifetimeString(getBE32(b, cp+4)))
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, cp+2, "\n\t  ", n-2)
				return true
			}
		}
		if nd.Verbose > 1 {
			unknownDataPrint(nd, b, cp+2, "\n\t    ", n-2)
		}
		cp += n
		resid -= n
	}
	return true
}

// mld6Print prints an MLDv1 message: maximum response delay and group.
func mld6Print(nd *ND, b []byte) {
	if len(b) < 24 {
		return
	}
	delay := getBE16(b, 4)
	nd.Print("max resp delay: ")
	nd.PrintUint(uint64(delay))
	nd.Print(" ")
	nd.printIP6After("addr: ", b, 8)
}

// mldv2ReportPrint prints an MLDv2 report: the group records with -v,
// their sources with -vv.
func mldv2ReportPrint(nd *ND, b []byte, length int) {
	if length < 8 {
		nd.Printf(" [invalid len %d]", length)
		return
	}
	ngroups := int(getBE16(b, 6))
	nd.Printf(", %d group record(s)", ngroups)
	if nd.Verbose == 0 {
		return
	}
	group := 8
	for i := 0; i < ngroups; i++ {
		if length < group+20 {
			nd.Print(" [invalid number of groups]")
			return
		}
		nd.printIP6After(" [gaddr ", b, group+4)
		nd.Print(" ")
		nd.Print(tok2str(mldv2RecordTypes, " [v2-report-#%d]", uint32(getU8(b, group))))
		nsrcs := int(getBE16(b, group+2))
		if length < group+20+nsrcs*16 {
			nd.Printf(" [invalid number of sources %d]", nsrcs)
			return
		}
		if nd.Verbose == 1 {
			nd.Printf(", %d source(s)", nsrcs)
		} else {
			nd.Print(" {")
			for j := 0; j < nsrcs; j++ {
				nd.printIP6After(" ", b, group+20+16*j)
			}
			nd.Print(" }")
		}
		group += 20 + nsrcs*16
		nd.Print("]")
	}
}

// mldv2QueryPrint prints an MLDv2 query.
func mldv2QueryPrint(nd *ND, b []byte, length int) {
	if length < 28 {
		nd.Printf(" [invalid len %d]", length)
		return
	}
	mrc := uint32(getBE16(b, 4))
	mrt := mrc
	if mrc >= 32768 {
		mrt = (mrc&0x0fff | 0x1000) << ((mrc&0x7000)>>12 + 3)
	}
	if nd.Verbose > 0 {
		nd.Printf(" [max resp delay=%d]", mrt)
	}
	nd.printIP6After(" [gaddr ", b, 8)
	if nd.Verbose > 0 {
		sqrv := getU8(b, 24)
		if sqrv&0x08 != 0 {
			nd.Print(" sflag")
		}
		if sqrv&0x07 != 0 {
			nd.Printf(" robustness=%d", sqrv&0x07)
		}
		qqic := uint32(getU8(b, 25))
		qqi := qqic
		if qqic >= 128 {
			qqi = (qqic&0x0f | 0x10) << ((qqic&0x70)>>4 + 3)
		}
		nd.Printf(" qqi=%d", qqi)
	}
	if nsrcs := int(getBE16(b, 26)); nsrcs > 0 {
		switch {
		case length < 28+nsrcs*16:
			nd.Print(" [invalid number of sources]")
		case nd.Verbose > 1:
			nd.Print(" {")
			for i := 0; i < nsrcs; i++ {
				nd.printIP6After(" ", b, 28+16*i)
			}
			nd.Print(" }")
		default:
			nd.Printf(", %d source(s)", nsrcs)
		}
	}
	nd.Print("]")
}
