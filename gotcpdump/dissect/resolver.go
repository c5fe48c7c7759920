package dissect

import (
	"bufio"
	"context"
	"net"
	"os"
	"strconv"
	"strings"
	"time"
)

// resolver does the reverse lookups tcpdump does without -n: the hosts
// file first, then DNS PTR queries, each address once (the names maps are
// the cache, so millions of distinct addresses cost one map lookup each
// after their first sighting).
type resolver struct {
	hosts   map[string]string // address text -> first name in /etc/hosts
	loaded  bool
	timeout time.Duration
}

func (r *resolver) lookup(addr string) string {
	if !r.loaded {
		r.loadHosts()
	}
	if name, ok := r.hosts[addr]; ok {
		return name
	}
	if r.timeout == 0 {
		r.timeout = 2 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	defer cancel()
	names, err := net.DefaultResolver.LookupAddr(ctx, addr)
	if err != nil || len(names) == 0 {
		return ""
	}
	return strings.TrimSuffix(names[0], ".")
}

func (r *resolver) loadHosts() {
	r.loaded = true
	r.hosts = map[string]string{}
	forEachEntry("/etc/hosts", func(fields []string) {
		ip := net.ParseIP(fields[0])
		if ip == nil {
			return
		}
		key := ip.String()
		if _, dup := r.hosts[key]; !dup {
			r.hosts[key] = fields[1]
		}
	})
}

// forEachEntry calls fn with the fields of each line of a hosts(5)-style
// table that has at least two, comments removed. A missing file has no
// entries.
func forEachEntry(path string, fn func(fields []string)) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if fields := strings.Fields(line); len(fields) >= 2 {
			fn(fields)
		}
	}
}

func (n *names) hostName(addr string) string {
	name := n.resolver.lookup(addr)
	if name == "" {
		return addr
	}
	if n.noDomain {
		if i := strings.IndexByte(name, '.'); i > 0 {
			name = name[:i]
		}
	}
	return name
}

func (n *names) ipv4Name(a [4]byte) string {
	if s, ok := n.ip4[a]; ok {
		return s
	}
	if n.ip4 == nil {
		n.ip4 = map[[4]byte]string{}
	}
	s := n.hostName(string(appendIPv4(nil, a[:])))
	n.ip4[a] = s
	return s
}

func (n *names) ipv6Name(a [16]byte) string {
	if s, ok := n.ip6[a]; ok {
		return s
	}
	if n.ip6 == nil {
		n.ip6 = map[[16]byte]string{}
	}
	s := n.hostName(string(appendIPv6(nil, a[:])))
	n.ip6[a] = s
	return s
}

// loadServices reads /etc/services as tcpdump's init_servarray does:
// the first name listed for a port wins.
func (n *names) loadServices() {
	n.tcpPorts = map[uint16]string{}
	n.udpPorts = map[uint16]string{}
	forEachEntry("/etc/services", func(fields []string) {
		portStr, proto, ok := strings.Cut(fields[1], "/")
		if !ok {
			return
		}
		port, err := strconv.ParseUint(portStr, 10, 16)
		if err != nil {
			return
		}
		var m map[uint16]string
		switch proto {
		case "tcp":
			m = n.tcpPorts
		case "udp":
			m = n.udpPorts
		default:
			return
		}
		if _, dup := m[uint16(port)]; !dup {
			m[uint16(port)] = fields[0]
		}
	})
}

// loadEthers reads an ethers(5) file: "xx:xx:xx:xx:xx:xx name" lines.
func loadEthers(path string) map[[6]byte]string {
	m := map[[6]byte]string{}
	forEachEntry(path, func(fields []string) {
		hw, err := net.ParseMAC(fields[0])
		if err != nil || len(hw) != 6 {
			return
		}
		if _, dup := m[[6]byte(hw)]; !dup {
			m[[6]byte(hw)] = fields[1]
		}
	})
	return m
}
