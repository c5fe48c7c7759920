package gencap

import (
	"bytes"

	"github.com/goclues/goclues/common/capture"
)

// Capture is one small test capture of the corpus.
type Capture struct {
	Name     string
	LinkType int
	Snaplen  int
	Packets  [][]byte
}

// Bytes renders the capture as a pcap file.
func (c Capture) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, c.LinkType, c.Snaplen, 1700000000)
	if err != nil {
		return nil, err
	}
	for i, p := range c.Packets {
		if err := w.Write(int64(1000+i*37), p); err != nil {
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// collect runs Mixed into a capture's packet list.
func collect(n int) [][]byte {
	var pkts [][]byte
	rec := &recorder{}
	w := &Writer{w: nil, snaplen: 1 << 30}
	w.rec = rec
	_ = Mixed(w, n)
	pkts = rec.pkts
	return pkts
}

type recorder struct{ pkts [][]byte }

// SLL prepends a Linux cooked v1 header.
func SLL(pktType uint16, addr MAC, proto uint16, payload []byte) []byte {
	b := make([]byte, 16, 16+len(payload))
	b[0], b[1] = byte(pktType>>8), byte(pktType)
	b[2], b[3] = 0, 1 // ARPHRD_ETHER
	b[4], b[5] = 0, 6
	copy(b[6:], addr[:])
	b[14], b[15] = byte(proto>>8), byte(proto)
	return append(b, payload...)
}

// stripEther returns the payload of an Ethernet frame.
func stripEther(f []byte) []byte { return f[14:] }

// Corpus returns the project's test captures: mixed traffic whole and
// cut at several snapshot lengths, VLAN and QinQ frames, IPv4 options and
// fragments, bad checksums, and the same traffic over Linux cooked, raw
// IP and BSD loopback link types.
func Corpus() []Capture {
	mixed := collect(160)
	var caps []Capture
	caps = append(caps, Capture{"mixed.pcap", capture.DLTEN10MB, 262144, mixed})
	for _, s := range []int{96, 54, 40, 20} {
		caps = append(caps, Capture{"mixed-s" + itoa(s) + ".pcap", capture.DLTEN10MB, s, mixed})
	}

	c4, s4 := IPv4{10, 1, 2, 3}, IPv4{10, 9, 8, 7}
	udp := UDP(c4[:], s4[:], 40000, 9999, []byte("payload of a plain udp datagram"))
	ipUDP := IP4(IPv4Opts{Src: c4, Dst: s4, Proto: 17, TTL: 64, ID: 1}, udp)
	var vlan [][]byte
	vlan = append(vlan, Ether(macA, macB, 0x8100, VLAN(0x2064, 0x0800, ipUDP)))
	vlan = append(vlan, Ether(macA, macB, 0x8100, VLAN(0x3001, 0x0800, ipUDP))) // DEI
	vlan = append(vlan, Ether(macA, macB, 0x88a8, VLAN(200, 0x8100, VLAN(2001, 0x0800, ipUDP))))
	vlan = append(vlan, Ether(macA, macB, 0x8100, VLAN(10, 0x0806, ARPRequest(macA, c4, s4))))
	caps = append(caps, Capture{"vlan.pcap", capture.DLTEN10MB, 262144, vlan})

	var ipx [][]byte
	rr := []byte{7, 11, 4, 10, 0, 0, 1, 10, 0, 0, 2, 0} // RR with two slots, then EOL
	ts := []byte{68, 12, 5, 0, 0, 0, 0, 1, 0, 0, 0, 2}  // timestamps only
	ra := []byte{148, 4, 0, 0}
	for _, o := range [][]byte{rr, ts, ra, {1, 1, 1, 0}} {
		ipx = append(ipx, Ether(macA, macB, 0x0800, IP4(IPv4Opts{Src: c4, Dst: s4, Proto: 17, TTL: 9, ID: 77, Options: o}, udp)))
	}
	ipx = append(ipx, Ether(macA, macB, 0x0800, IP4(IPv4Opts{Src: c4, Dst: s4, Proto: 17, TTL: 64, ID: 5, MF: true}, udp)))
	ipx = append(ipx, Ether(macA, macB, 0x0800, IP4(IPv4Opts{Src: c4, Dst: s4, Proto: 17, TTL: 64, ID: 5, FragOff: 5}, udp[:16])))
	ipx = append(ipx, Ether(macA, macB, 0x0800, IP4(IPv4Opts{Src: c4, Dst: s4, Proto: 17, TTL: 64, ID: 6, BadSum: true, TOS: 0x03}, udp)))
	ipx = append(ipx, Ether(macA, macB, 0x0800, IP4(IPv4Opts{Src: c4, Dst: s4, Proto: 253, TTL: 64, ID: 6}, []byte("experimental"))))
	ipx = append(ipx, Ether(macA, macB, 0x0800, IP4(IPv4Opts{Src: c4, Dst: s4, Proto: 17, TTL: 64, ID: 6, DF: true, TOS: 0xb9}, udp[:6])))
	caps = append(caps, Capture{"ipv4.pcap", capture.DLTEN10MB, 262144, ipx})

	var sll, raw, null [][]byte
	for i, f := range mixed[:40] {
		typ := uint16(0)
		if i%2 == 1 {
			typ = 4
		}
		etype := uint16(f[12])<<8 | uint16(f[13])
		sll = append(sll, SLL(typ, macA, etype, stripEther(f)))
		raw = append(raw, stripEther(f))
		af := []byte{2, 0, 0, 0}
		if etype == 0x86dd {
			af = []byte{30, 0, 0, 0}
		}
		if etype == 0x0806 {
			continue
		}
		null = append(null, append(af, stripEther(f)...))
	}
	caps = append(caps, Capture{"sll.pcap", capture.DLTLinuxSLL, 262144, sll})
	caps = append(caps, Capture{"raw.pcap", capture.DLTRaw, 262144, raw})
	caps = append(caps, Capture{"null.pcap", capture.DLTNull, 262144, null})
	return caps
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
