// Package gencap builds packets byte by byte and writes them as capture
// files: the project's own test captures (testdata/gotcpdump) and the large
// mixed capture the benchmarks read. Every header is laid out by hand, with
// correct checksums unless a test asks for a bad one.
package gencap

import (
	"encoding/binary"
	"io"

	"github.com/goclues/goclues/common/capture"
)

// MAC and address helpers.
type (
	MAC  [6]byte
	IPv4 [4]byte
	IPv6 [16]byte
)

// TCP flag bits.
const (
	FIN = 0x01
	SYN = 0x02
	RST = 0x04
	PSH = 0x08
	ACK = 0x10
	URG = 0x20
)

// Ether prepends an Ethernet header.
func Ether(src, dst MAC, etype uint16, payload []byte) []byte {
	b := make([]byte, 14, 14+len(payload))
	copy(b[0:], dst[:])
	copy(b[6:], src[:])
	binary.BigEndian.PutUint16(b[12:], etype)
	return append(b, payload...)
}

// VLAN wraps an ethertype and payload in an 802.1Q tag (the outer
// ethertype becomes tpid).
func VLAN(tci uint16, etype uint16, payload []byte) []byte {
	b := make([]byte, 4, 4+len(payload))
	binary.BigEndian.PutUint16(b[0:], tci)
	binary.BigEndian.PutUint16(b[2:], etype)
	return append(b, payload...)
}

// IPv4Opts describes an IPv4 header.
type IPv4Opts struct {
	Src, Dst IPv4
	Proto    uint8
	TTL      uint8
	ID       uint16
	TOS      uint8
	DF       bool
	MF       bool
	FragOff  uint16 // in 8-byte units
	Options  []byte // padded to a multiple of 4 by the caller
	BadSum   bool
}

// IP4 builds an IPv4 datagram.
func IP4(o IPv4Opts, payload []byte) []byte {
	hlen := 20 + len(o.Options)
	b := make([]byte, hlen, hlen+len(payload))
	b[0] = 0x40 | byte(hlen/4)
	b[1] = o.TOS
	binary.BigEndian.PutUint16(b[2:], uint16(hlen+len(payload)))
	binary.BigEndian.PutUint16(b[4:], o.ID)
	off := o.FragOff
	if o.DF {
		off |= 0x4000
	}
	if o.MF {
		off |= 0x2000
	}
	binary.BigEndian.PutUint16(b[6:], off)
	b[8] = o.TTL
	b[9] = o.Proto
	copy(b[12:], o.Src[:])
	copy(b[16:], o.Dst[:])
	copy(b[20:], o.Options)
	sum := Checksum(b[:hlen], 0)
	if o.BadSum {
		sum ^= 0x5a5a
	}
	binary.BigEndian.PutUint16(b[10:], sum)
	return append(b, payload...)
}

// IP6 builds an IPv6 packet.
func IP6(src, dst IPv6, nh, hlim uint8, flow uint32, payload []byte) []byte {
	b := make([]byte, 40, 40+len(payload))
	binary.BigEndian.PutUint32(b[0:], 6<<28|flow&0xfffff)
	binary.BigEndian.PutUint16(b[4:], uint16(len(payload)))
	b[6] = nh
	b[7] = hlim
	copy(b[8:], src[:])
	copy(b[24:], dst[:])
	return append(b, payload...)
}

// Checksum is the Internet checksum of b added to a partial sum.
func Checksum(b []byte, sum uint32) uint16 {
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// pseudo returns the partial sum of the pseudo-header.
func pseudo(src, dst []byte, proto uint8, length int) uint32 {
	var sum uint32
	for i := 0; i+1 < len(src); i += 2 {
		sum += uint32(src[i])<<8 | uint32(src[i+1])
		sum += uint32(dst[i])<<8 | uint32(dst[i+1])
	}
	return sum + uint32(proto) + uint32(length)
}

// TCPOpts describes a TCP segment.
type TCPOpts struct {
	SrcPort, DstPort uint16
	Seq, Ack         uint32
	Flags            uint8
	Win              uint16
	Urg              uint16
	Options          []byte // padded to a multiple of 4 by the caller
}

// TCP builds a TCP segment with its checksum over the given addresses
// (4 or 16 bytes each).
func TCP(src, dst []byte, o TCPOpts, payload []byte) []byte {
	hlen := 20 + len(o.Options)
	b := make([]byte, hlen, hlen+len(payload))
	binary.BigEndian.PutUint16(b[0:], o.SrcPort)
	binary.BigEndian.PutUint16(b[2:], o.DstPort)
	binary.BigEndian.PutUint32(b[4:], o.Seq)
	binary.BigEndian.PutUint32(b[8:], o.Ack)
	b[12] = byte(hlen/4) << 4
	b[13] = o.Flags
	binary.BigEndian.PutUint16(b[14:], o.Win)
	binary.BigEndian.PutUint16(b[18:], o.Urg)
	copy(b[20:], o.Options)
	b = append(b, payload...)
	binary.BigEndian.PutUint16(b[16:], Checksum(b, pseudo(src, dst, 6, len(b))))
	return b
}

// UDP builds a UDP datagram with its checksum.
func UDP(src, dst []byte, sport, dport uint16, payload []byte) []byte {
	b := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(b[0:], sport)
	binary.BigEndian.PutUint16(b[2:], dport)
	binary.BigEndian.PutUint16(b[4:], uint16(8+len(payload)))
	b = append(b, payload...)
	sum := Checksum(b, pseudo(src, dst, 17, len(b)))
	if sum == 0 {
		sum = 0xffff
	}
	binary.BigEndian.PutUint16(b[6:], sum)
	return b
}

// ICMPEcho builds an ICMP echo request (typ 8) or reply (typ 0).
func ICMPEcho(typ uint8, id, seq uint16, data []byte) []byte {
	b := make([]byte, 8, 8+len(data))
	b[0] = typ
	binary.BigEndian.PutUint16(b[4:], id)
	binary.BigEndian.PutUint16(b[6:], seq)
	b = append(b, data...)
	binary.BigEndian.PutUint16(b[2:], Checksum(b, 0))
	return b
}

// ICMP6Echo builds an ICMPv6 echo request (128) or reply (129).
func ICMP6Echo(src, dst IPv6, typ uint8, id, seq uint16, data []byte) []byte {
	b := make([]byte, 8, 8+len(data))
	b[0] = typ
	binary.BigEndian.PutUint16(b[4:], id)
	binary.BigEndian.PutUint16(b[6:], seq)
	b = append(b, data...)
	binary.BigEndian.PutUint16(b[2:], Checksum(b, pseudo(src[:], dst[:], 58, len(b))))
	return b
}

// DNSQuery builds a DNS query for name with the given type.
func DNSQuery(id uint16, name string, qtype uint16) []byte {
	b := make([]byte, 12, 64)
	binary.BigEndian.PutUint16(b[0:], id)
	binary.BigEndian.PutUint16(b[2:], 0x0100) // RD
	binary.BigEndian.PutUint16(b[4:], 1)
	b = appendName(b, name)
	return binary.BigEndian.AppendUint32(b, uint32(qtype)<<16|1)
}

// DNSAnswerA builds a response to an A query with one answer.
func DNSAnswerA(id uint16, name string, addr IPv4, ttl uint32) []byte {
	b := make([]byte, 12, 96)
	binary.BigEndian.PutUint16(b[0:], id)
	binary.BigEndian.PutUint16(b[2:], 0x8180)
	binary.BigEndian.PutUint16(b[4:], 1)
	binary.BigEndian.PutUint16(b[6:], 1)
	b = appendName(b, name)
	b = binary.BigEndian.AppendUint32(b, 1<<16|1)
	b = append(b, 0xc0, 12) // pointer to the question's name
	b = binary.BigEndian.AppendUint32(b, 1<<16|1)
	b = binary.BigEndian.AppendUint32(b, ttl)
	b = binary.BigEndian.AppendUint16(b, 4)
	return append(b, addr[:]...)
}

func appendName(b []byte, name string) []byte {
	start := 0
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '.' {
			if i > start {
				b = append(b, byte(i-start))
				b = append(b, name[start:i]...)
			}
			start = i + 1
		}
	}
	return append(b, 0)
}

// ARPRequest builds an Ethernet/IPv4 ARP request.
func ARPRequest(sha MAC, spa, tpa IPv4) []byte {
	b := []byte{0, 1, 8, 0, 6, 4, 0, 1}
	b = append(b, sha[:]...)
	b = append(b, spa[:]...)
	b = append(b, 0, 0, 0, 0, 0, 0)
	return append(b, tpa[:]...)
}

// Writer writes packets to a pcap file with advancing time stamps.
type Writer struct {
	w        *capture.PcapWriter
	sec      int64
	usec     int64
	snaplen  int
	linkType int
	count    int
	rec      *recorder // collects packets instead of writing them
}

// NewWriter writes a pcap header for the link type; packets longer than
// snaplen are cut, as a capture with that snapshot length would.
func NewWriter(w io.Writer, linkType, snaplen int, start int64) (*Writer, error) {
	pw, err := capture.NewPcapWriter(w, linkType, snaplen, capture.Micro)
	if err != nil {
		return nil, err
	}
	return &Writer{w: pw, sec: start, snaplen: snaplen, linkType: linkType}, nil
}

// Write appends one packet dt microseconds after the previous one.
func (w *Writer) Write(dt int64, pkt []byte) error {
	w.count++
	if w.rec != nil {
		w.rec.pkts = append(w.rec.pkts, append([]byte(nil), pkt...))
		return nil
	}
	w.usec += dt
	w.sec += w.usec / 1000000
	w.usec %= 1000000
	data := pkt
	if len(data) > w.snaplen {
		data = data[:w.snaplen]
	}
	return w.w.WritePacket(&capture.Packet{Sec: w.sec, Frac: w.usec, Len: uint32(len(pkt)), Data: data})
}

// Flush writes what is buffered.
func (w *Writer) Flush() error { return w.w.Flush() }
