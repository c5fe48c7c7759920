package dissect

// VRRP, the Virtual Router Redundancy Protocol (RFC 3768 version 2, RFC
// 5798 version 3; tcpdump's print-vrrp.c), and CARP, the OpenBSD
// protocol that shares its IP protocol number and is printed instead
// with -T carp (print-carp.c).

func init() {
	registerIPProto(112, vrrpOrCARPPrint)
}

var vrrpTypes = []tok{{1, "Advertisement"}}

var vrrpAuthTypes = []tok{{0, "none"}, {1, "simple"}, {2, "ah"}}

const vrrpAuthSimple = 1

func vrrpOrCARPPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	if nd.Type == "carp" {
		carpPrint(nd, b, length)
		return
	}
	vrrpPrint(nd, b, length, ip)
}

func vrrpPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("vrrp")
	v := getU8(b, 0)
	version, typ := v>>4, v&0x0f
	nd.Printf("VRRPv%d, %s", version, tok2str(vrrpTypes, "unknown type (%d)", uint32(typ)))
	if ip.ttl != 255 {
		nd.Printf(", (ttl %d)", ip.ttl)
	}
	if version < 2 || version > 3 || typ != 1 {
		return
	}
	nd.Printf(", vrid %d, prio %d", getU8(b, 1), getU8(b, 2))
	var auth uint8
	if version == 2 {
		auth = getU8(b, 4)
		nd.Print(", authtype ")
		nd.Print(tok2str(vrrpAuthTypes, "", uint32(auth)))
		nd.Printf(", intvl %ds, length %d", getU8(b, 5), length)
	} else {
		intvl := uint32(getU8(b, 4)&0x0f)<<8 | uint32(getU8(b, 5))
		nd.Printf(", intvl %dcs, length %d", intvl, length)
	}
	if nd.Verbose == 0 {
		return
	}
	naddrs := int(getU8(b, 3))
	if ttest(b, 0, length) {
		bad := false
		if version == 2 {
			bad = inCksum(b[:length]) != 0
		} else {
			bad = pseudoCksum(ip, 112, b, length) != 0
		}
		if bad {
			nd.Printf(", (bad vrrp cksum %x)", getBE16(b, 6))
		}
	}
	nd.Print(", addrs")
	if naddrs > 1 {
		nd.Printf("(%d)", naddrs)
	}
	nd.Print(":")
	sep := byte(' ')
	off := 8
	alen := 4
	if ip.ver == 6 {
		alen = 16
	}
	for i := 0; i < naddrs; i++ {
		tcheck(b, off, alen)
		nd.PrintByte(sep)
		if alen == 16 {
			nd.PrintIP6Addr(b, off)
		} else {
			nd.PrintIPAddr(b, off)
		}
		sep = ','
		off += alen
	}
	if version == 2 && auth == vrrpAuthSimple {
		nd.Print(" auth \"")
		printjnp(nd, b, off, 8)
		nd.Print("\"")
	}
}

var carpTypes = []tok{{1, "advertise"}}

func carpPrint(nd *ND, b []byte, length int) {
	nd.SetProto("carp")
	v := getU8(b, 0)
	version, typ := v>>4, v&0x0f
	nd.Printf("CARPv%d-%s %d: ", version, tok2str(carpTypes, "unknown", uint32(typ)), length)
	if version != 2 || typ != 1 {
		return
	}
	nd.Printf("vhid=%d advbase=%d advskew=%d authlen=%d ", getU8(b, 1), getU8(b, 5), getU8(b, 2), getU8(b, 3))
	if nd.Verbose > 0 && ttest(b, 0, length) && inCksum(b[:length]) != 0 {
		nd.Printf(" (bad carp cksum %x!)", getBE16(b, 6))
	}
	nd.Printf("counter=%d", getBE64(b, 8))
}
