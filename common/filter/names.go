package filter

import (
	"bufio"
	"net/netip"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Name resolution the way libpcap's nametoaddr.c sees it through glibc:
// /etc/services, /etc/protocols, /etc/hosts, /etc/networks, /etc/ethers.
// The paths are variables so tests can point them elsewhere.
var (
	servicesFile  = "/etc/services"
	protocolsFile = "/etc/protocols"
	hostsFile     = "/etc/hosts"
	networksFile  = "/etc/networks"
	ethersFile    = "/etc/ethers"
)

// fields calls fn with the whitespace-separated fields of each
// non-comment line of path.
func eachLine(path string, fn func(f []string) bool) {
	fh, err := os.Open(path)
	if err != nil {
		return
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if !fn(f) {
			return
		}
	}
}

// servicePort looks name up in /etc/services for one transport.
func servicePort(name, transport string) int {
	port := -1
	eachLine(servicesFile, func(f []string) bool {
		if len(f) < 2 {
			return true
		}
		pp := strings.SplitN(f[1], "/", 2)
		if len(pp) != 2 || pp[1] != transport {
			return true
		}
		for _, n := range append([]string{f[0]}, f[2:]...) {
			if n == name {
				if p, err := strconv.Atoi(pp[0]); err == nil {
					port = p
					return false
				}
			}
		}
		return true
	})
	return port
}

// nameToPort is pcap_nametoport: the port and the transport it belongs to
// (protoUndef when tcp and udp agree).
func nameToPort(name string) (port, proto int, ok bool) {
	if n, err := strconv.ParseUint(name, 10, 16); err == nil {
		return int(n), protoUndef, true
	}
	tcp := servicePort(name, "tcp")
	udp := servicePort(name, "udp")
	switch {
	case tcp >= 0:
		if udp == tcp {
			return tcp, protoUndef, true
		}
		return tcp, protoTCP, true
	case udp >= 0:
		return udp, protoUDP, true
	case name == "nfs":
		return 2049, protoUndef, true
	}
	return 0, 0, false
}

// nameToPortRange is pcap_nametoportrange.
func nameToPortRange(name string) (p1, p2, proto int, ok bool) {
	if a, b, found := strings.Cut(name, "-"); found {
		if n1, err1 := strconv.Atoi(a); err1 == nil {
			if n2, err2 := strconv.Atoi(leadingInt(b)); err2 == nil && leadingInt(b) != "" {
				return n1, n2, protoUndef, true
			}
		}
		q1, pr1, ok1 := nameToPort(a)
		if !ok1 {
			return 0, 0, 0, false
		}
		q2, pr2, ok2 := nameToPort(b)
		if !ok2 {
			return 0, 0, 0, false
		}
		if pr1 != pr2 {
			pr1 = protoUndef
		}
		return q1, q2, pr1, true
	}
	return 0, 0, 0, false
}

func leadingInt(s string) string {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// nameToProto is getprotobyname.
func nameToProto(name string) int {
	v := protoUndef
	eachLine(protocolsFile, func(f []string) bool {
		if len(f) < 2 {
			return true
		}
		for _, n := range append([]string{f[0]}, f[2:]...) {
			if n == name {
				if p, err := strconv.Atoi(f[1]); err == nil {
					v = p
					return false
				}
			}
		}
		return true
	})
	return v
}

var etherProtoNames = map[string]uint32{
	"aarp": ethertypeAARP, "arp": ethertypeARP, "atalk": ethertypeATALK,
	"decnet": ethertypeDN, "ip": ethertypeIP, "ip6": ethertypeIPV6,
	"lat": ethertypeLAT, "loopback": 0x9000, "mopdl": ethertypeMOPDL,
	"moprc": ethertypeMOPRC, "rarp": ethertypeREVARP, "sca": ethertypeSCA,
}

var llcProtoNames = map[string]uint32{
	"iso": llcsapISONS, "stp": llcsap8021D, "ipx": llcsapIPX, "netbeui": llcsapNETBEUI,
}

// hostAddrs resolves a host name through /etc/hosts, in the order
// glibc's getaddrinfo returns them on a host without global IPv6
// connectivity: IPv6 loopback, then IPv4, then other IPv6 addresses,
// each in file order.
func hostAddrs(name string) []netip.Addr {
	addrs := hostsFileAddrs(name)
	rank := func(a netip.Addr) int {
		switch {
		case a.IsLoopback() && a.Is6():
			return 0
		case a.Is4():
			return 1
		}
		return 2
	}
	sort.SliceStable(addrs, func(i, j int) bool { return rank(addrs[i]) < rank(addrs[j]) })
	return addrs
}

func hostsFileAddrs(name string) []netip.Addr {
	if a, err := netip.ParseAddr(name); err == nil {
		return []netip.Addr{a.Unmap()}
	}
	var out []netip.Addr
	seen := map[netip.Addr]bool{}
	eachLine(hostsFile, func(f []string) bool {
		a, err := netip.ParseAddr(f[0])
		if err != nil {
			return true
		}
		for _, n := range f[1:] {
			if strings.EqualFold(n, name) && !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
		return true
	})
	return out
}

// netAddr is getnetbyname: the network number in host order, 0 if unknown.
func netAddr(name string) uint32 {
	var v uint32
	eachLine(networksFile, func(f []string) bool {
		if len(f) < 2 {
			return true
		}
		for _, n := range append([]string{f[0]}, f[2:]...) {
			if n == name {
				if a, _, ok := atoin(f[1]); ok {
					v = a
					return false
				}
			}
		}
		return true
	})
	return v
}

// etherHostAddr is ether_hostton through /etc/ethers.
func etherHostAddr(name string) []byte {
	var out []byte
	eachLine(ethersFile, func(f []string) bool {
		if len(f) >= 2 && f[1] == name {
			if ea, ok := parseEther(f[0]); ok {
				out = ea
				return false
			}
		}
		return true
	})
	return out
}

func parseEther(s string) ([]byte, bool) {
	parts := strings.Split(s, ":")
	if len(parts) != 6 {
		return nil, false
	}
	ea := make([]byte, 6)
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 16, 8)
		if err != nil {
			return nil, false
		}
		ea[i] = byte(v)
	}
	return ea, true
}

// atoin is __pcap_atoin: a dotted IPv4 prefix of 1 to 4 parts; the
// value is right-aligned and len is 8 bits per part.
func atoin(s string) (addr uint32, length int, ok bool) {
	for {
		n := uint32(0)
		for len(s) > 0 && s[0] != '.' {
			if n > 25 {
				return 0, 0, false
			}
			n = n*10 + uint32(s[0]) - '0'
			s = s[1:]
		}
		if n > 255 {
			return 0, 0, false
		}
		addr = addr<<8 | n
		length += 8
		if len(s) == 0 {
			return addr, length, true
		}
		s = s[1:]
	}
}

// etherAton is pcap_ether_aton for the forms the lexer accepts.
func etherAton(s string) []byte {
	e := make([]byte, 0, 6)
	xd := func(c byte) byte {
		switch {
		case c >= '0' && c <= '9':
			return c - '0'
		case c >= 'a' && c <= 'f':
			return c - 'a' + 10
		}
		return c - 'A' + 10
	}
	isx := func(c byte) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	for i := 0; i < len(s); {
		if s[i] == ':' || s[i] == '.' || s[i] == '-' {
			i++
		}
		d := xd(s[i])
		i++
		if i < len(s) && isx(s[i]) {
			d = d<<4 | xd(s[i])
			i++
		}
		e = append(e, d)
	}
	return e
}

// scode handles primitives whose value is a name.
func (c *compiler) scode(name string, q qual) *block {
	proto, dir := q.proto, q.dir
	switch q.addr {
	case aNet:
		addr := netAddr(name)
		if addr == 0 {
			fail("unknown network '%s'", name)
		}
		mask := uint32(0xffffffff)
		for addr != 0 && addr&0xff000000 == 0 {
			addr <<= 8
			mask <<= 8
		}
		return c.host(addr, mask, proto, dir, q.addr)
	case aDefault, aHost:
		if proto == pLink {
			if !isEthernet(c.linktype) && !isWLAN(c.linktype) && !llcBased(c.linktype) {
				fail("only ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel supports link-level host name")
			}
			ea := etherHostAddr(name)
			if ea == nil && isWLAN(c.linktype) {
				fail("unknown 802.11 host '%s'", name)
			}
			if ea == nil && llcBased(c.linktype) {
				fail("unknown %s host '%s'", lanNames[c.linktype], name)
			}
			if ea == nil {
				fail("unknown ether host '%s'", name)
			}
			return c.etherHost(ea, dir)
		}
		if proto == pDECNET {
			fail("decnet name support not included, '%s' cannot be translated\n", name)
		}
		addrs := hostAddrs(name)
		if len(addrs) == 0 {
			fail("unknown host '%s'", name)
		}
		tproto, tproto6 := proto, proto
		if c.offLinkType.constant == offsetNotSet && tproto == pDefault {
			tproto, tproto6 = pIP, pIPV6
		}
		var b *block
		for _, a := range addrs {
			var tmp *block
			if a.Is4() {
				if tproto == pIPV6 {
					continue
				}
				v := a.As4()
				tmp = c.host(uint32(v[0])<<24|uint32(v[1])<<16|uint32(v[2])<<8|uint32(v[3]), 0xffffffff, tproto, dir, q.addr)
			} else {
				if tproto6 == pIP {
					continue
				}
				tmp = c.host6(a.As16(), ipv6Mask(128), tproto6, dir, q.addr)
			}
			if b != nil {
				or(b, tmp)
			}
			b = tmp
		}
		if b == nil {
			suffix := ""
			if proto != pDefault {
				suffix = " for specified address family"
			}
			fail("unknown host '%s'%s", name, suffix)
		}
		return b
	case aPort, aPortrange:
		word, what := "port", "port"
		if q.addr == aPortrange {
			word, what = "portrange", "port in range"
		}
		if proto != pDefault && proto != pUDP && proto != pTCP && proto != pSCTP {
			fail("illegal qualifier of '%s'", word)
		}
		var p1, p2, real int
		var ok bool
		if q.addr == aPort {
			p1, real, ok = nameToPort(name)
			if !ok {
				fail("unknown port '%s'", name)
			}
		} else {
			p1, p2, real, ok = nameToPortRange(name)
			if !ok {
				fail("unknown port in range '%s'", name)
			}
		}
		protoWord := map[int]string{protoTCP: "tcp", protoUDP: "udp", protoSCTP: "sctp"}
		want := map[protoQual]int{pUDP: protoUDP, pTCP: protoTCP, pSCTP: protoSCTP}
		if w, named := want[proto]; named {
			if real != protoUndef && real != w {
				fail("%s '%s' is %s", what, name, protoWord[real])
			}
			real = w
		}
		ports := []int{p1}
		if q.addr == aPortrange {
			ports = append(ports, p2)
		}
		for _, p := range ports {
			if p < 0 {
				fail("illegal port number %d < 0", p)
			}
			if p > 65535 {
				fail("illegal port number %d > 65535", p)
			}
		}
		if q.addr == aPort {
			b := c.port(uint32(p1), real, dir)
			or(c.port6(uint32(p1), real, dir), b)
			return b
		}
		b := c.portRange(uint32(p1), uint32(p2), real, dir)
		or(c.portRange6(uint32(p1), uint32(p2), real, dir), b)
		return b
	case aGateway:
		fail("'gateway' not supported in this configuration")
	case aProto, aProtochain:
		v := c.lookupProto(name, proto)
		if v < 0 {
			fail("unknown protocol: %s", name)
		}
		if q.addr == aProto {
			return c.proto(uint32(v), proto, dir)
		}
		return c.protochain(uint32(v), proto)
	}
	fail("syntax error in filter expression")
	return nil
}

func (c *compiler) lookupProto(name string, proto protoQual) int {
	switch proto {
	case pDefault, pIP, pIPV6:
		v := nameToProto(name)
		if v == protoUndef {
			fail("unknown ip proto '%s'", name)
		}
		return v
	case pLink:
		if v, ok := etherProtoNames[name]; ok {
			return int(v)
		}
		if v, ok := llcProtoNames[name]; ok {
			return int(v)
		}
		fail("unknown ether proto '%s'", name)
	case pISO:
		switch name {
		case "esis":
			return isoESIS
		case "isis":
			return isoISIS
		case "clnp":
			return isoCLNP
		}
		fail("unknown osi proto '%s'", name)
	}
	return protoUndef
}
