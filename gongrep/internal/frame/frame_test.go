package frame

import (
	"testing"

	g "github.com/goclues/goclues/gongrep/internal/pktgen"
)

var (
	src4 = [4]byte{10, 0, 0, 1}
	dst4 = [4]byte{192, 0, 2, 80}
	src6 = [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}
	dst6 = [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 0x80}
)

var ether = Layout{LinkOffset: 14, VLAN: true}

func decode(pkt []byte, caplen int, lay Layout) (Frame, []byte) {
	var b Buffer
	buf := b.Load(pkt[:caplen])
	var f Frame
	f.Decode(buf, uint32(caplen), lay)
	return f, f.PayloadBytes(buf, 65535)
}

func TestDecode(t *testing.T) {
	payload := []byte("data")
	tests := []struct {
		name         string
		pkt          []byte
		caplen       int
		lay          Layout
		src, dst     string
		proto        uint8
		sport, dport uint16
		flags        uint8
		frag         bool
		fragOff      uint16
		fragID       uint32
		payload      string
	}{
		{name: "tcp", pkt: g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.TCP}, g.TCPSeg(1, 2, g.ACK|g.PSH, []byte{1, 1, 1, 1}, payload))),
			lay: ether, src: "10.0.0.1", dst: "192.0.2.80", proto: g.TCP, sport: 1, dport: 2, flags: g.ACK | g.PSH, payload: "data"},
		{name: "udp in two vlans", pkt: g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.UDP}, g.UDPDgram(53, 99, payload)), 1, 2),
			lay: ether, src: "10.0.0.1", dst: "192.0.2.80", proto: g.UDP, sport: 53, dport: 99, payload: "data"},
		{name: "icmp type and code", pkt: g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.ICMP}, g.TypeCode(3, 1, payload))),
			lay: ether, src: "10.0.0.1", dst: "192.0.2.80", proto: g.ICMP, sport: 3, dport: 1, payload: "data"},
		{name: "ipv4 later fragment keeps no header", pkt: g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.UDP, ID: 5, FragOff: 2}, payload)),
			lay: ether, src: "10.0.0.1", dst: "192.0.2.80", proto: g.UDP, sport: 0x6461, dport: 0x7461, frag: true, fragOff: 16, fragID: 5, payload: "data"},
		{name: "ipv4 offset with a zero low byte is not a fragment", pkt: g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: 99, FragOff: 0x100}, payload)),
			lay: ether, src: "10.0.0.1", dst: "192.0.2.80", proto: 99, payload: "data"},
		{name: "ipv6 fragment", pkt: g.Ether(0x86dd, g.IP6(src6, dst6, g.Frag6, g.Frag6Hdr(g.UDP, 24, false, 77, payload))),
			lay: ether, src: "2001:db8::1", dst: "2001:db8::80", proto: g.UDP, sport: 0x6461, dport: 0x7461, frag: true, fragOff: 24, fragID: 77, payload: "data"},
		{name: "raw ip", pkt: g.IP6(src6, dst6, g.ICMPv6, g.TypeCode(128, 0, payload)),
			lay: Layout{}, src: "2001:db8::1", dst: "2001:db8::80", proto: g.ICMPv6, sport: 128, payload: "data"},
		{name: "cut inside the tcp header", pkt: g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.TCP}, g.TCPSeg(1, 2, g.ACK, nil, payload))), caplen: 40,
			// The data offset lies past the end and reads 0: no header is
			// skipped, and the captured part of the header is the payload.
			lay: ether, src: "10.0.0.1", dst: "192.0.2.80", proto: g.TCP, sport: 1, dport: 2, payload: "\x00\x01\x00\x02\x00\x00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			caplen := tt.caplen
			if caplen == 0 {
				caplen = len(tt.pkt)
			}
			f, data := decode(tt.pkt, caplen, tt.lay)
			if f.Src.String() != tt.src || f.Dst.String() != tt.dst || f.Proto != tt.proto ||
				f.Sport != tt.sport || f.Dport != tt.dport || f.Flags != tt.flags ||
				f.Fragmented != tt.frag || f.FragOffset != tt.fragOff || f.FragID != tt.fragID ||
				string(data) != tt.payload {
				t.Errorf("got %s -> %s proto %d ports %d,%d flags %#x frag %v %d@%d payload %q",
					f.Src.String(), f.Dst.String(), f.Proto, f.Sport, f.Dport, f.Flags, f.Fragmented, f.FragID, f.FragOffset, data)
			}
		})
	}
}

func TestIPv6Text(t *testing.T) {
	tests := []struct {
		addr [16]byte
		want string
	}{
		{[16]byte{}, "::"},
		{[16]byte{15: 1}, "::1"},
		{[16]byte{10: 0xff, 11: 0xff, 12: 1, 13: 2, 14: 3, 15: 4}, "::ffff:1.2.3.4"},
		{[16]byte{12: 1, 13: 2, 14: 3, 15: 4}, "::1.2.3.4"},
		{[16]byte{0x20, 0x01, 0x0d, 0xb8, 5: 1, 11: 1}, "2001:db8:1::1:0:0"},
		{[16]byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}, "1:0:1::1:0:0"},
		{[16]byte{0xfe, 0x80, 15: 0x0a}, "fe80::a"},
	}
	for _, tt := range tests {
		var a Addr
		a.set6(mem(tt.addr[:]), 0)
		if a.String() != tt.want {
			t.Errorf("%x: got %s, want %s", tt.addr, a.String(), tt.want)
		}
	}
}

// TestStaleBytes: a packet cut short reads what the buffer kept from a
// longer one before it, as libpcap's buffer does.
func TestStaleBytes(t *testing.T) {
	full := g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.TCP}, g.TCPSeg(7, 8, g.SYN, nil, nil)))
	var b Buffer
	b.Load(full)
	short := g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.TCP}, g.TCPSeg(9, 10, g.ACK, nil, nil)))
	buf := b.Load(short[:38])
	var f Frame
	f.Decode(buf, 38, ether)
	if f.Sport != 9 || f.Dport != 10 || f.Flags != g.SYN {
		t.Errorf("got ports %d,%d flags %#x; want 9,10 and the earlier packet's SYN", f.Sport, f.Dport, f.Flags)
	}
}

func BenchmarkDecode(b *testing.B) {
	pkt := g.Ether(0x0800, g.IP4(g.IPv4{Src: src4, Dst: dst4, Proto: g.TCP}, g.TCPSeg(1, 2, g.ACK, nil, make([]byte, 500))))
	var buf Buffer
	var f Frame
	b.ReportAllocs()
	for b.Loop() {
		f.Decode(buf.Load(pkt), uint32(len(pkt)), ether)
	}
}
