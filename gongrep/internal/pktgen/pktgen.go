// Package pktgen builds the small captures gongrep's tests read: Ethernet
// frames (optionally VLAN-tagged) carrying IPv4 or IPv6 with TCP, UDP,
// ICMP, ICMPv6, IGMP or other payloads, fragments included, written as
// pcap files with capture.PcapWriter. Checksums are left zero: ngrep never
// looks at them.
package pktgen

import (
	"encoding/binary"
	"io"

	"github.com/goclues/goclues/common/capture"
)

// IP protocol numbers.
const (
	ICMP   = 1
	IGMP   = 2
	TCP    = 6
	UDP    = 17
	Frag6  = 44
	GRE    = 47
	ICMPv6 = 58
)

// TCP flag bits.
const (
	FIN = 0x01
	SYN = 0x02
	RST = 0x04
	PSH = 0x08
	ACK = 0x10
	URG = 0x20
	ECE = 0x40
	CWR = 0x80
)

// Ether wraps payload in an Ethernet header, with 802.1Q tags first when
// vlans are given.
func Ether(etype uint16, payload []byte, vlans ...uint16) []byte {
	b := []byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}
	for _, v := range vlans {
		b = binary.BigEndian.AppendUint16(b, 0x8100)
		b = binary.BigEndian.AppendUint16(b, v)
	}
	b = binary.BigEndian.AppendUint16(b, etype)
	return append(b, payload...)
}

// IPv4 is an IPv4 header's variable fields.
type IPv4 struct {
	Src, Dst [4]byte
	Proto    uint8
	ID       uint16
	FragOff  uint16 // flags and offset field as sent (MF = 0x2000)
	Options  []byte // padded to 4 bytes by the caller
}

// IP4 builds an IPv4 packet.
func IP4(h IPv4, payload []byte) []byte {
	hl := 20 + len(h.Options)
	b := make([]byte, hl, hl+len(payload))
	b[0] = 0x40 | byte(hl/4)
	binary.BigEndian.PutUint16(b[2:], uint16(hl+len(payload)))
	binary.BigEndian.PutUint16(b[4:], h.ID)
	binary.BigEndian.PutUint16(b[6:], h.FragOff)
	b[8] = 64
	b[9] = h.Proto
	copy(b[12:], h.Src[:])
	copy(b[16:], h.Dst[:])
	copy(b[20:], h.Options)
	return append(b, payload...)
}

// IP6 builds an IPv6 packet.
func IP6(src, dst [16]byte, next uint8, payload []byte) []byte {
	b := make([]byte, 40, 40+len(payload))
	b[0] = 0x60
	binary.BigEndian.PutUint16(b[4:], uint16(len(payload)))
	b[6] = next
	b[7] = 64
	copy(b[8:], src[:])
	copy(b[24:], dst[:])
	return append(b, payload...)
}

// Frag6Hdr is an IPv6 fragment header followed by payload.
func Frag6Hdr(next uint8, offset uint16, more bool, id uint32, payload []byte) []byte {
	b := []byte{next, 0}
	v := offset &^ 7
	if more {
		v |= 1
	}
	b = binary.BigEndian.AppendUint16(b, v)
	b = binary.BigEndian.AppendUint32(b, id)
	return append(b, payload...)
}

// TCPSeg builds a TCP segment with a header of 20 bytes plus options.
func TCPSeg(sport, dport uint16, flags uint8, options []byte, payload []byte) []byte {
	hl := 20 + len(options)
	b := make([]byte, hl, hl+len(payload))
	binary.BigEndian.PutUint16(b[0:], sport)
	binary.BigEndian.PutUint16(b[2:], dport)
	binary.BigEndian.PutUint32(b[4:], 1000)
	binary.BigEndian.PutUint32(b[8:], 2000)
	b[12] = byte(hl/4) << 4
	b[13] = flags
	binary.BigEndian.PutUint16(b[14:], 65535)
	copy(b[20:], options)
	return append(b, payload...)
}

// UDPDgram builds a UDP datagram.
func UDPDgram(sport, dport uint16, payload []byte) []byte {
	b := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(b[0:], sport)
	binary.BigEndian.PutUint16(b[2:], dport)
	binary.BigEndian.PutUint16(b[4:], uint16(8+len(payload)))
	return append(b, payload...)
}

// TypeCode builds an ICMP, ICMPv6 or IGMP message: type, code, two
// checksum bytes, then payload.
func TypeCode(typ, code uint8, payload []byte) []byte {
	return append([]byte{typ, code, 0, 0}, payload...)
}

// Packet is one packet of a capture.
type Packet struct {
	Data   []byte
	Caplen int // 0: all of Data
	Sec    int64
	Usec   int64
}

// Write writes packets as a pcap file of the link type and snapshot length.
func Write(w io.Writer, linkType, snaplen int, pkts []Packet) error {
	pw, err := capture.NewPcapWriter(w, linkType, snaplen, capture.Micro)
	if err != nil {
		return err
	}
	for _, p := range pkts {
		data := p.Data
		if p.Caplen > 0 && p.Caplen < len(data) {
			data = data[:p.Caplen]
		}
		cp := capture.Packet{Sec: p.Sec, Frac: p.Usec, Caplen: uint32(len(data)), Len: uint32(len(p.Data)), Data: data}
		if err := pw.WritePacket(&cp); err != nil {
			return err
		}
	}
	return pw.Flush()
}
