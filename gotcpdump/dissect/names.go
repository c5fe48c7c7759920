package dissect

import "strconv"

// names turns addresses and ports into text as tcpdump's addrtoname.c
// does: numerically with -n, else through the name caches (filled from
// /etc/services, /etc/hosts and reverse lookups by resolver.go).
type names struct {
	numeric      bool
	noDomain     bool
	ip4          map[[4]byte]string
	ip6          map[[16]byte]string
	ether        map[[6]byte]string
	ethers       map[[6]byte]string // /etc/ethers, loaded on first use
	loadedEthers bool
	tcpPorts     map[uint16]string
	udpPorts     map[uint16]string
	resolver     resolver
}

func (n *names) init(numeric, noDomain bool) {
	n.numeric, n.noDomain = numeric, noDomain
	if !numeric {
		n.loadServices()
	}
}

// appendIPv4 appends a dotted-quad IPv4 address.
func appendIPv4(dst []byte, a []byte) []byte {
	for i := 0; i < 4; i++ {
		if i > 0 {
			dst = append(dst, '.')
		}
		dst = strconv.AppendUint(dst, uint64(a[i]), 10)
	}
	return dst
}

// PrintIPAddr prints the IPv4 address at b[off:off+4] (GET_IPADDR_STRING).
func (nd *ND) PrintIPAddr(b []byte, off int) {
	tcheck(b, off, 4)
	a := b[off : off+4]
	if nd.names.numeric {
		nd.out = appendIPv4(nd.out, a)
		return
	}
	nd.out = append(nd.out, nd.names.ipv4Name([4]byte(a))...)
}

// PrintIP6Addr prints the IPv6 address at b[off:off+16] (GET_IP6ADDR_STRING).
func (nd *ND) PrintIP6Addr(b []byte, off int) {
	tcheck(b, off, 16)
	a := b[off : off+16]
	if nd.names.numeric {
		nd.out = appendIPv6(nd.out, a)
		return
	}
	nd.out = append(nd.out, nd.names.ipv6Name([16]byte(a))...)
}

// PrintEtherAddr prints the MAC address at b[off:off+6]
// (GET_ETHERADDR_STRING): with -n as xx:xx:xx:xx:xx:xx, else its name in
// /etc/ethers or the address followed by its vendor, " (oui Unknown)".
func (nd *ND) PrintEtherAddr(b []byte, off int) {
	tcheck(b, off, 6)
	a := b[off : off+6]
	if nd.names.numeric {
		nd.out = appendMAC(nd.out, a)
		return
	}
	nd.out = append(nd.out, nd.names.etherName([6]byte(a))...)
}

// appendMAC appends a MAC address as xx:xx:xx:xx:xx:xx.
func appendMAC(dst []byte, a []byte) []byte {
	for i, c := range a {
		if i > 0 {
			dst = append(dst, ':')
		}
		dst = append(dst, hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst
}

// PrintTCPPort prints a TCP port: a service name unless -n.
func (nd *ND) PrintTCPPort(port uint16) {
	if !nd.names.numeric {
		if s, ok := nd.names.tcpPorts[port]; ok {
			nd.out = append(nd.out, s...)
			return
		}
	}
	nd.out = strconv.AppendUint(nd.out, uint64(port), 10)
}

// PrintUDPPort prints a UDP port: a service name unless -n.
func (nd *ND) PrintUDPPort(port uint16) {
	if !nd.names.numeric {
		if s, ok := nd.names.udpPorts[port]; ok {
			nd.out = append(nd.out, s...)
			return
		}
	}
	nd.out = strconv.AppendUint(nd.out, uint64(port), 10)
}

// appendIPv6 appends an IPv6 address in RFC 5952 form, as inet_ntop
// writes it (including the ::ffff:a.b.c.d and ::a.b.c.d forms glibc uses).
func appendIPv6(dst []byte, a []byte) []byte {
	var words [8]uint16
	for i := range words {
		words[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
	}
	// Longest run of two or more zero words, first one on ties.
	best, bestLen := -1, 0
	for i := 0; i < 8; {
		if words[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && words[j] == 0 {
			j++
		}
		if j-i > bestLen && j-i >= 2 {
			best, bestLen = i, j-i
		}
		i = j
	}
	for i := 0; i < 8; i++ {
		if i == best {
			dst = append(dst, ':')
			if i == 0 {
				dst = append(dst, ':')
			}
			i += bestLen - 1
			continue
		}
		// glibc prints an embedded IPv4 address for ::a.b.c.d (but not
		// ::1 / ::) and ::ffff:a.b.c.d.
		if i == 6 && best == 0 && (bestLen == 6 || bestLen == 5 && words[5] == 0xffff) {
			return appendIPv4(dst, a[12:16])
		}
		dst = strconv.AppendUint(dst, uint64(words[i]), 16)
		if i < 7 {
			dst = append(dst, ':')
		}
	}
	return dst
}

// etherName is etheraddr_string without -n.
func (n *names) etherName(a [6]byte) string {
	if s, ok := n.ether[a]; ok {
		return s
	}
	if n.ether == nil {
		n.ether = map[[6]byte]string{}
	}
	if !n.loadedEthers {
		n.ethers = loadEthers("/etc/ethers")
		// tcpdump's built-in etherlist, which /etc/ethers cannot override.
		n.ethers[[6]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}] = "Broadcast"
		n.loadedEthers = true
	}
	s, ok := n.ethers[a]
	if !ok {
		oui := uint32(a[0])<<16 | uint32(a[1])<<8 | uint32(a[2])
		s = string(appendMAC(nil, a[:])) + " (oui " + tok2strNoAlloc(ouiNames, "Unknown", oui) + ")"
	}
	n.ether[a] = s
	return s
}
