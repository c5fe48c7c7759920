// Command gencaps writes the captures the filter package's differential
// tests read: small pcap files whose frames are assembled byte by byte to
// cover the encapsulations pcap-filter expressions care about.
//
//	go run ./common/filter/internal/gencaps [-dir testdata/filter]
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("dir", "testdata/filter", "output directory")
	flag.Parse()
	for _, c := range captures() {
		path := filepath.Join(*dir, c.name)
		if err := writePcap(path, c.linktype, c.frames, c.bigEndian); err != nil {
			fmt.Fprintln(os.Stderr, "gencaps:", err)
			os.Exit(1)
		}
	}
}

type capture struct {
	name      string
	linktype  uint32
	frames    [][]byte
	bigEndian bool // written in big-endian byte order
}

// writePcap writes a microsecond pcap file.
func writePcap(path string, linktype uint32, frames [][]byte, bigEndian bool) error {
	var bo binary.AppendByteOrder = binary.LittleEndian
	if bigEndian {
		bo = binary.BigEndian
	}
	buf := bo.AppendUint32(nil, 0xa1b2c3d4)
	buf = bo.AppendUint16(buf, 2)
	buf = bo.AppendUint16(buf, 4)
	buf = bo.AppendUint32(buf, 0)
	buf = bo.AppendUint32(buf, 0)
	buf = bo.AppendUint32(buf, 65535)
	buf = bo.AppendUint32(buf, linktype)
	for i, f := range frames {
		wire := len(f)
		capLen := wire
		// Every 7th frame is cut short, as a small snaplen would.
		if i%7 == 6 && capLen > 30 {
			capLen = 30
		}
		buf = bo.AppendUint32(buf, uint32(1700000000+i))
		buf = bo.AppendUint32(buf, uint32(i))
		buf = bo.AppendUint32(buf, uint32(capLen))
		buf = bo.AppendUint32(buf, uint32(wire))
		buf = append(buf, f[:capLen]...)
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

var (
	macA     = []byte{0x00, 0x11, 0x22, 0x33, 0x44, 0x55}
	macB     = []byte{0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb}
	macBcast = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	macMcast = []byte{0x01, 0x00, 0x5e, 0x00, 0x00, 0x01}
	ipA      = []byte{10, 0, 0, 1}
	ipB      = []byte{192, 168, 1, 2}
	ipLocal  = []byte{127, 0, 0, 1}
	ipMcast  = []byte{224, 0, 0, 251}
	ipBcast  = []byte{255, 255, 255, 255}
	ip6A     = []byte{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	ip6B     = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}
	ip6Mcast = []byte{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	ip6Loop  = []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
)

func eth(dst, src []byte, etype uint16, payload []byte) []byte {
	return cat(dst, src, be16(etype), payload)
}

func vlanTag(tpid uint16, vid uint16, inner uint16) []byte {
	return cat(be16(tpid), be16(vid), be16(inner))
}

// ipv4 builds an IPv4 header (ihl words, fragment field frag).
func ipv4(proto byte, src, dst []byte, frag uint16, ihl int, payload []byte) []byte {
	h := []byte{byte(0x40 | ihl), 0}
	h = append(h, be16(uint16(ihl*4+len(payload)))...)
	h = append(h, 0x12, 0x34)
	h = append(h, be16(frag)...)
	h = append(h, 64, proto, 0, 0)
	h = append(h, src...)
	h = append(h, dst...)
	for len(h) < ihl*4 {
		h = append(h, 1) // NOP options
	}
	return cat(h, payload)
}

func ipv6(nh byte, src, dst []byte, payload []byte) []byte {
	h := []byte{0x60, 0, 0, 0}
	h = append(h, be16(uint16(len(payload)))...)
	h = append(h, nh, 64)
	return cat(h, src, dst, payload)
}

// ext6 is an IPv6 extension header of 8 bytes.
func ext6(nh byte, rest []byte) []byte {
	h := []byte{nh, 0}
	h = append(h, make([]byte, 6)...)
	return cat(h, rest)
}

func frag6(nh byte, off uint16, rest []byte) []byte {
	return cat([]byte{nh, 0}, be16(off<<3), be32(7), rest)
}

func tcp(sport, dport uint16, flags byte) []byte {
	return cat(be16(sport), be16(dport), be32(1000), be32(2000), []byte{0x50, flags}, be16(8192), be16(0), be16(0), []byte("hello"))
}

func udp(sport, dport uint16, payload []byte) []byte {
	return cat(be16(sport), be16(dport), be16(uint16(8+len(payload))), be16(0), payload)
}

func icmp(typ, code byte) []byte { return cat([]byte{typ, code, 0, 0}, be32(0x00010001)) }

func arp(op uint16, sha, spa, tha, tpa []byte) []byte {
	return cat(be16(1), be16(0x0800), []byte{6, 4}, be16(op), sha, spa, tha, tpa)
}

func mplsLabel(label uint32, bottom bool) []byte {
	v := label<<12 | 64
	if bottom {
		v |= 0x100
	}
	return be32(v)
}

// ipPayloads are network-layer packets (with their ethertype) reused on
// every link type.
func ipPayloads() []struct {
	etype uint16
	pkt   []byte
} {
	type p = struct {
		etype uint16
		pkt   []byte
	}
	return []p{
		{0x0800, ipv4(6, ipA, ipB, 0, 5, tcp(12345, 80, 0x02))},
		{0x0800, ipv4(6, ipB, ipA, 0, 5, tcp(80, 12345, 0x12))},
		{0x0800, ipv4(6, ipA, ipB, 0, 5, tcp(2222, 22, 0x18))},
		{0x0800, ipv4(6, ipA, ipB, 0, 6, tcp(20, 21, 0x11))},
		{0x0800, ipv4(17, ipA, ipB, 0, 5, udp(5353, 53, []byte{1, 2, 3, 4}))},
		{0x0800, ipv4(17, ipB, ipMcast, 0, 5, udp(5353, 5353, []byte{9}))},
		{0x0800, ipv4(17, ipA, ipBcast, 0, 5, udp(68, 67, []byte{1}))},
		{0x0800, ipv4(1, ipA, ipB, 0, 5, icmp(8, 0))},
		{0x0800, ipv4(1, ipB, ipA, 0, 5, icmp(0, 0))},
		{0x0800, ipv4(1, ipLocal, ipLocal, 0, 5, icmp(3, 1))},
		{0x0800, ipv4(6, ipA, ipB, 0x0010, 5, tcp(1, 80, 0x10))},
		{0x0800, ipv4(17, ipA, ipB, 0x2000, 5, udp(1000, 2000, nil))},
		{0x0800, ipv4(2, ipA, ipMcast, 0, 5, []byte{0x11, 0, 0, 0, 0, 0, 0, 0})},
		{0x0800, ipv4(132, ipA, ipB, 0, 5, cat(be16(9), be16(9), be32(0), be32(0)))},
		{0x0800, ipv4(50, ipA, ipB, 0, 5, be32(0x100))},
		{0x0800, ipv4(51, ipA, ipB, 0, 5, cat([]byte{6, 4, 0, 0}, be32(1), be32(1), tcp(5, 443, 0x10)))},
		{0x0800, ipv4(103, ipA, ipB, 0, 5, be32(0x20000000))},
		{0x0800, ipv4(112, ipA, ipB, 0, 5, be32(0x21000000))},
		{0x0800, ipv4(17, ipA, ipB, 0, 5, udp(1234, 6081, cat([]byte{0, 0}, be16(0x6558), be32(0x00000a00), eth(macA, macB, 0x0800, ipv4(6, ipB, ipA, 0, 5, tcp(443, 555, 0x10))))))},
		{0x86dd, ipv6(6, ip6A, ip6B, tcp(40000, 443, 0x02))},
		{0x86dd, ipv6(17, ip6B, ip6A, udp(53, 40001, []byte{7}))},
		{0x86dd, ipv6(58, ip6A, ip6Mcast, []byte{128, 0, 0, 0, 0, 1, 0, 1})},
		{0x86dd, ipv6(58, ip6B, ip6A, []byte{135, 0, 0, 0, 0, 0, 0, 0})},
		{0x86dd, ipv6(0, ip6A, ip6B, ext6(44, frag6(6, 0, tcp(1111, 80, 0x02))))},
		{0x86dd, ipv6(44, ip6A, ip6B, frag6(17, 0, udp(1, 53, nil)))},
		{0x86dd, ipv6(60, ip6Loop, ip6Loop, ext6(43, ext6(17, udp(7, 7, nil))))},
		{0x86dd, ipv6(59, ip6A, ip6B, nil)},
		{0x0806, arp(1, macA, ipA, make([]byte, 6), ipB)},
		{0x0806, arp(2, macB, ipB, macA, ipA)},
		{0x8035, arp(3, macA, ipA, macA, ipLocal)},
	}
}

func ethernetFrames() [][]byte {
	var fs [][]byte
	for i, p := range ipPayloads() {
		dst, src := macB, macA
		switch i % 5 {
		case 1:
			dst, src = macA, macB
		case 3:
			dst = macBcast
		case 4:
			dst = macMcast
		}
		fs = append(fs, eth(dst, src, p.etype, p.pkt))
	}
	tcpPkt := ipv4(6, ipA, ipB, 0, 5, tcp(1234, 80, 0x18))
	udpPkt := ipv4(17, ipB, ipA, 0, 5, udp(53, 999, []byte{1}))
	v6Pkt := ipv6(6, ip6A, ip6B, tcp(1, 80, 2))
	fs = append(fs,
		// 802.1Q, 802.1ad QinQ, 0x9100 stacks.
		cat(macB, macA, vlanTag(0x8100, 100, 0x0800), tcpPkt),
		cat(macB, macA, vlanTag(0x8100, 0x2000|200, 0x86dd), v6Pkt),
		cat(macB, macA, vlanTag(0x88a8, 10, 0x8100), vlanTag(0x8100, 20, 0x0800)[2:], udpPkt),
		cat(macB, macA, vlanTag(0x9100, 30, 0x8100), be16(40), be16(0x0806), arp(1, macA, ipA, macB, ipB)),
		cat(macB, macA, vlanTag(0x8100, 4095, 0x8847), mplsLabel(16, true), tcpPkt),
		// MPLS single and stacked labels.
		eth(macB, macA, 0x8847, cat(mplsLabel(100, true), tcpPkt)),
		eth(macB, macA, 0x8847, cat(mplsLabel(100, false), mplsLabel(200, true), udpPkt)),
		eth(macB, macA, 0x8847, cat(mplsLabel(300, true), v6Pkt)),
		// PPPoE discovery and session.
		eth(macBcast, macA, 0x8863, []byte{0x11, 0x09, 0, 0, 0, 0}),
		eth(macB, macA, 0x8864, cat([]byte{0x11, 0, 0x12, 0x34}, be16(uint16(len(tcpPkt)+2)), be16(0x0021), tcpPkt)),
		eth(macB, macA, 0x8864, cat([]byte{0x11, 0, 0x00, 0x07}, be16(uint16(len(v6Pkt)+2)), be16(0x0057), v6Pkt)),
		// 802.3 with LLC: STP, IPX, NetBEUI, ISO (IS-IS), SNAP AppleTalk.
		cat(macMcast, macA, be16(38), []byte{0x42, 0x42, 0x03}, make([]byte, 35)),
		cat(macB, macA, be16(30), []byte{0xe0, 0xe0, 0x03}, make([]byte, 27)),
		cat(macB, macA, be16(30), []byte{0xff, 0xff}, make([]byte, 28)),
		cat(macB, macA, be16(20), []byte{0xf0, 0xf0, 0x03}, make([]byte, 17)),
		cat(macB, macA, be16(30), []byte{0xfe, 0xfe, 0x03, 0x83, 27, 1, 0, 15}, make([]byte, 22)),
		cat(macB, macA, be16(40), []byte{0xfe, 0xfe, 0x03, 0x81}, make([]byte, 36)),
		cat(macB, macA, be16(30), []byte{0xaa, 0xaa, 0x03, 0x08, 0x00, 0x07, 0x80, 0x9b}, make([]byte, 22)),
		cat(macB, macA, be16(30), []byte{0x42, 0x42, 0x01}, make([]byte, 27)),
		eth(macB, macA, 0x8137, make([]byte, 30)),
		eth(macB, macA, 0x6003, cat(be16(20), []byte{0x81, 0x06}, make([]byte, 20))),
		eth(macB, macA, 0x809b, make([]byte, 20)),
		eth(macB, macA, 0x6004, make([]byte, 20)),
		// Runts.
		eth(macB, macA, 0x0800, []byte{0x45}),
		macA[:4],
	)
	return fs
}

func captures() []capture {
	var sll, sll2, raw, null, nullBE, loop, v4, v6 [][]byte
	for i, p := range ipPayloads() {
		pktType := uint16(i % 5)
		sll = append(sll, cat(be16(pktType), be16(1), be16(6), macA, be16(0), be16(p.etype), p.pkt))
		sll2 = append(sll2, cat(be16(p.etype), be16(0), be32(uint32(1+i%3)), be16(1), []byte{byte(pktType), 6}, macA, be16(0), p.pkt))
		if p.etype == 0x0800 || p.etype == 0x86dd {
			raw = append(raw, p.pkt)
			af := uint32(2)
			if p.etype == 0x86dd {
				af = []uint32{10, 24, 28, 30}[i%4]
			}
			null = append(null, cat(binary.LittleEndian.AppendUint32(nil, af), p.pkt))
			nullBE = append(nullBE, cat(be32(af), p.pkt))
			loop = append(loop, cat(be32(af), p.pkt))
			if p.etype == 0x0800 {
				v4 = append(v4, p.pkt)
			} else {
				v6 = append(v6, p.pkt)
			}
		}
	}
	sll = append(sll, cat(be16(0), be16(1), be16(6), macA, be16(0), be16(4), []byte{0x42, 0x42, 0x03}, make([]byte, 35)))
	return []capture{
		{"ether.pcap", 1, ethernetFrames(), false},
		{"sll.pcap", 113, sll, false},
		{"sll2.pcap", 276, sll2, false},
		{"raw.pcap", 101, raw, false},
		{"null.pcap", 0, null, false},
		{"null-be.pcap", 0, nullBE, true},
		{"loop.pcap", 108, loop, false},
		{"ipv4.pcap", 228, v4, false},
		{"ipv6.pcap", 229, v6, false},
	}
}
