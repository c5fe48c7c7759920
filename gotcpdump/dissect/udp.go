package dissect

func init() {
	registerIPProto(17, udpPrint)
}

// udpOrder is the order of tcpdump's udp_print port ladder: when the two
// ports of a datagram belong to different protocols, the one listed first
// here wins. Printers register under these names (registerUDPPort).
var udpOrder = []string{
	"domain", "mdns", "timed", "tftp", "bootp", "rip", "aodv", "isakmp",
	"isakmp-natt", "isakmp-user", "snmp", "ntp", "krb", "l2tp", "nbt-ns",
	"nbt-dgram", "vat", "zephyr", "rx", "ripng", "dhcp6", "ahcp", "babel",
	"hncp", "wb", "autorp", "radius", "hsrp", "lwres", "ldp", "olsr",
	"mpls-lsp-ping", "bcm-li", "bfd", "lmp", "vqp", "sflow", "lwapp-control",
	"lwapp-data", "sip", "syslog", "otv", "vxlan", "geneve", "lisp",
	"vxlan-gpe", "zep", "mpls", "ptp", "someip",
}

// udpTypes are the printers -T selects for UDP payloads, by -T name.
var udpTypes = map[string]portPrinter{}

// registerUDPType makes fn what "-T name" prints UDP payloads with.
func registerUDPType(name string, fn portPrinter) { udpTypes[name] = fn }

// udpAddrPrint prints "src.sport > dst.dport: " when the IP header
// carries UDP directly, else only the ports (udpipaddr_print). sport < 0
// means the ports could not be read.
func udpAddrPrint(nd *ND, ip *ipInfo, sport, dport int) {
	direct := false
	if ip.ver == 6 {
		direct = getU8(ip.hdr, 6) == 17
	} else {
		direct = getU8(ip.hdr, 9) == 17
	}
	if direct {
		ipAddrPrint(nd, ip, ip.src)
		if sport >= 0 {
			nd.PrintByte('.')
			nd.PrintUDPPort(uint16(sport))
		}
		nd.Print(" > ")
		ipAddrPrint(nd, ip, ip.dst)
		if sport >= 0 {
			nd.PrintByte('.')
			nd.PrintUDPPort(uint16(dport))
		}
		nd.Print(": ")
		return
	}
	if sport >= 0 {
		nd.PrintUDPPort(uint16(sport))
		nd.Print(" > ")
		nd.PrintUDPPort(uint16(dport))
		nd.Print(": ")
	}
}

// ipAddrPrint prints an IPv4 or IPv6 address of the enclosing header.
func ipAddrPrint(nd *ND, ip *ipInfo, a []byte) {
	if ip.ver == 6 {
		nd.PrintIP6Addr(a, 0)
	} else {
		nd.PrintIPAddr(a, 0)
	}
}

func udpPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("udp")
	if !ttest(b, 2, 2) {
		udpAddrPrint(nd, ip, -1, -1)
		nd.PrintTrunc()
		return
	}
	sport, dport := getBE16(b, 0), getBE16(b, 2)
	if length < 8 {
		udpAddrPrint(nd, ip, int(sport), int(dport))
		nd.Print("truncated-udp ")
		nd.PrintUint(uint64(length))
		return
	}
	if !ttest(b, 4, 2) {
		udpAddrPrint(nd, ip, int(sport), int(dport))
		nd.PrintTrunc()
		return
	}
	ulen := int(getBE16(b, 4))
	if ulen == 0 && length > 65535 {
		ulen = length
	}
	if ulen < 8 {
		udpAddrPrint(nd, ip, int(sport), int(dport))
		nd.Print("truncated-udplength ")
		nd.PrintUint(uint64(ulen))
		return
	}
	ulen -= 8
	length -= 8
	if ulen < length {
		length = ulen
	}
	if len(b) < 8 {
		udpAddrPrint(nd, ip, int(sport), int(dport))
		nd.PrintTrunc()
		return
	}
	cp := b[8:]

	if nd.Type != "" {
		if fn := udpTypes[nd.Type]; fn != nil {
			udpAddrPrint(nd, ip, int(sport), int(dport))
			fn(nd, cp, length, ip, sport, dport)
		}
		return
	}

	udpAddrPrint(nd, ip, int(sport), int(dport))
	if !nd.Quick {
		if nfs, ok := udpPorts[2049]; ok && nfs.name == "nfs" && nfsIsRPC(cp, sport, dport) {
			nfs.fn(nd, cp, length, ip, sport, dport)
			return
		}
	}

	if nd.Verbose > 0 && !nd.NoChecksum && !ip.fragmented {
		if ip.ver == 4 && nd.Verbose > 1 {
			udpSum := getBE16(b, 6)
			if udpSum == 0 {
				nd.Print("[no cksum] ")
			} else if ttest(cp, 0, length) {
				udpCksumPrint(nd, udpSum, pseudoCksum(ip, 17, b, length+8))
			}
		} else if ip.ver == 6 {
			if ttest(cp, 0, length) {
				udpSum := getBE16(b, 6)
				udpCksumPrint(nd, udpSum, pseudoCksum(ip, 17, b, length+8))
			}
		}
	}

	if !nd.Quick {
		if e, ok := lookupPort(udpPorts, sport, dport); ok && e.name != "nfs" {
			e.fn(nd, cp, length, ip, sport, dport)
			return
		}
	}
	if ulen > length && !ip.fragmented {
		nd.Print("UDP, bad length ")
		nd.PrintUint(uint64(ulen))
		nd.Print(" > ")
		nd.PrintUint(uint64(length))
	} else {
		nd.Print("UDP, length ")
		nd.PrintUint(uint64(ulen))
	}
}

func udpCksumPrint(nd *ND, field, sum uint16) {
	if sum != 0 {
		nd.Printf("[bad udp cksum 0x%04x -> 0x%04x!] ", field, cksumShouldBe(field, sum))
	} else {
		nd.Print("[udp sum ok] ")
	}
}
