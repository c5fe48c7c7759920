package dissect

import "github.com/goclues/goclues/common/capture"

// linkPrinter prints a packet of one link type from its first byte and
// sets nd.llHdrLen to the length of the link-layer header (what -x
// without a second x leaves out).
type linkPrinter func(nd *ND, p *capture.Packet, b []byte)

// etherTypePrinter prints the payload of a frame with a given ethertype.
// length is the payload's length on the wire.
type etherTypePrinter func(nd *ND, b []byte, length int)

// ipInfo describes the enclosing IPv4 or IPv6 header for the printers of
// the protocols it carries (tcpdump passes the header pointer, iph).
type ipInfo struct {
	ver      int    // 4 or 6
	hdr      []byte // the IP header itself
	src, dst []byte // the header's addresses, 4 or 16 bytes each
	// cksumDst is the destination the upper-layer checksum covers: the
	// final hop of a source route or routing header, else dst.
	cksumDst   []byte
	fragmented bool  // not the first fragment, or more fragments follow
	ttl        uint8 // TTL or hop limit
	nextHdr    uint8 // protocol number the payload was dispatched on
}

// newIPInfo returns zeroed ipInfo storage owned by the ND for the current
// packet, so handing it to the payload printers (through the dispatch
// tables, which makes it escape) does not allocate. Tunnels nest at most
// a few deep; deeper nesting falls back to the heap.
func (nd *ND) newIPInfo() *ipInfo {
	if nd.ipUsed < len(nd.ipPool) {
		ip := &nd.ipPool[nd.ipUsed]
		nd.ipUsed++
		*ip = ipInfo{}
		return ip
	}
	return new(ipInfo)
}

// ipProtoPrinter prints an IP payload; length is its length as the IP
// header declares it.
type ipProtoPrinter func(nd *ND, b []byte, length int, ip *ipInfo)

// portPrinter prints a UDP or TCP payload selected by port.
type portPrinter func(nd *ND, b []byte, length int, ip *ipInfo, sport, dport uint16)

var (
	linkPrinters = map[int]linkPrinter{}
	etherTypes   = map[uint16]etherTypePrinter{}
	ipProtos     [256]ipProtoPrinter
	udpPorts     = map[uint16]portEntry{}
	tcpPorts     = map[uint16]portEntry{}
)

type portEntry struct {
	name    string
	rank    int
	dstOnly bool // matches the destination port only (tcpdump's "dport ==" rules)
	srcOnly bool // matches the source port only (tcpdump's "sport ==" rules)
	fn      portPrinter
}

func registerLinkType(dlt int, fn linkPrinter) { linkPrinters[dlt] = fn }

func registerEtherType(t uint16, fn etherTypePrinter) { etherTypes[t] = fn }

func registerIPProto(proto uint8, fn ipProtoPrinter) { ipProtos[proto] = fn }

// registerUDPPort makes fn the printer for UDP traffic to or from any of
// ports. When the two ports of a datagram name different printers, the
// one earlier in udpOrder (tcpdump's udp_print chain) wins.
func registerUDPPort(name string, fn portPrinter, ports ...uint16) {
	registerPort(udpPorts, udpOrder, portEntry{name: name, fn: fn}, ports)
}

// registerUDPDstPort is registerUDPPort for the rules tcpdump applies to
// the destination port only.
func registerUDPDstPort(name string, fn portPrinter, ports ...uint16) {
	registerPort(udpPorts, udpOrder, portEntry{name: name, fn: fn, dstOnly: true}, ports)
}

// registerUDPSrcPort is registerUDPPort for the rules tcpdump applies to
// the source port only.
func registerUDPSrcPort(name string, fn portPrinter, ports ...uint16) {
	registerPort(udpPorts, udpOrder, portEntry{name: name, fn: fn, srcOnly: true}, ports)
}

// registerTCPPort is registerUDPPort for TCP, ordered by tcpOrder.
func registerTCPPort(name string, fn portPrinter, ports ...uint16) {
	registerPort(tcpPorts, tcpOrder, portEntry{name: name, fn: fn}, ports)
}

func registerPort(table map[uint16]portEntry, order []string, e portEntry, ports []uint16) {
	e.rank = len(order)
	for i, n := range order {
		if n == e.name {
			e.rank = i
			break
		}
	}
	for _, p := range ports {
		if old, ok := table[p]; ok && old.rank <= e.rank {
			continue
		}
		table[p] = e
	}
}

// lookupPort picks the printer for a (sport, dport) pair: the one ranked
// first in the protocol chain, as tcpdump's if/else ladder does.
func lookupPort(table map[uint16]portEntry, sport, dport uint16) (portEntry, bool) {
	s, sok := table[sport]
	sok = sok && !s.dstOnly
	d, dok := table[dport]
	dok = dok && !d.srcOnly
	switch {
	case sok && dok:
		if d.rank < s.rank {
			return d, true
		}
		return s, true
	case sok:
		return s, true
	case dok:
		return d, true
	}
	return portEntry{}, false
}
