// Package frame finds what ngrep shows of a captured packet: the IP
// addresses, the transport ports (or ICMP/IGMP type and code), TCP flags,
// fragment details and where the payload starts and how long it is.
//
// ngrep reads headers straight out of libpcap's packet buffer without
// checking them against the captured length, so a truncated packet shows
// whatever the buffer held past its end: bytes left there by earlier, longer
// packets. Buffer reproduces that buffer (a packet is copied to its start and
// the bytes after it stay as they were), and every read past its allocation
// gives zero, so no input can make Decode panic.
package frame

// IP protocol numbers ngrep knows by name.
const (
	ProtoICMP     = 1
	ProtoIGMP     = 2
	ProtoTCP      = 6
	ProtoUDP      = 17
	ProtoFragment = 44
	ProtoICMPv6   = 58
)

const (
	etherTypeIPv4 = 0x0800
	etherTypeIPv6 = 0x86dd
	vlanHdrSize   = 4
	ip6HdrSize    = 40
	ip6FragSize   = 8
)

// Buffer is the packet buffer libpcap reads a savefile into: it starts at
// 2 KiB and grows to the next power of two when a packet needs more, and
// keeps the bytes of earlier packets beyond the current one's end.
type Buffer struct {
	b []byte
}

// Load copies pkt to the start of the buffer and returns the buffer's
// current contents (len(pkt) bytes of packet, then stale bytes).
func (buf *Buffer) Load(pkt []byte) []byte {
	if len(buf.b) < len(pkt) || buf.b == nil {
		n := 2048
		for n < len(pkt) {
			n <<= 1
		}
		nb := make([]byte, n)
		copy(nb, buf.b)
		buf.b = nb
	}
	copy(buf.b, pkt)
	return buf.b
}

// Layout says where the network header starts for a link type.
type Layout struct {
	// LinkOffset is the link-layer header size ngrep assumes.
	LinkOffset int
	// VLAN makes Decode skip 802.1Q tags after the Ethernet addresses
	// (ngrep's "VLAN hack": tags are counted until an IPv4 or IPv6
	// ethertype shows up).
	VLAN bool
	// Radiotap makes Decode skip the radiotap header whose length is in
	// the packet's bytes 2-3 (little-endian).
	Radiotap bool
}

// Frame is ngrep's reading of one packet.
type Frame struct {
	Version    uint8 // IP version nibble (4 and 6 fill the addresses)
	Proto      uint8 // IP protocol (after an IPv6 fragment header)
	Src, Dst   Addr
	Sport      uint16 // port, or ICMP/IGMP type
	Dport      uint16 // port, or ICMP/IGMP code
	Flags      uint8  // TCP flags
	HdrOffset  uint16 // transport header length ngrep skipped
	Fragmented bool
	FragOffset uint16
	FragID     uint32
	// Payload is where ngrep's payload starts in the buffer, PayloadLen
	// its length (0 when the headers claim more than was captured).
	Payload    int
	PayloadLen uint32
}

// mem reads big-endian fields, giving 0 past the end.
type mem []byte

func (m mem) u8(i int) uint8 {
	if i < 0 || i >= len(m) {
		return 0
	}
	return m[i]
}

func (m mem) be16(i int) uint16 { return uint16(m.u8(i))<<8 | uint16(m.u8(i+1)) }

func (m mem) be32(i int) uint32 { return uint32(m.be16(i))<<16 | uint32(m.be16(i+2)) }

// vlanCount counts 4-byte tags from offset 12 until an IP ethertype, as
// ngrep does: limit is the captured length cut to 16 bits, the count wraps
// at 256.
func vlanCount(m mem, limit uint16) uint8 {
	et := 12
	typ := m.be16(et)
	var n uint8
	for et < int(limit) && typ != etherTypeIPv4 && typ != etherTypeIPv6 {
		n++
		et += vlanHdrSize
		typ = m.be16(et)
	}
	return n
}

// transport describes how many header bytes ngrep skips for a protocol
// and where it finds the two numbers it prints.
type transport struct {
	hdr      func(m mem, at int) uint16
	numbers  func(m mem, at int) (uint16, uint16)
	hasFlags bool
}

func fixedHdr(n uint16) func(mem, int) uint16 { return func(mem, int) uint16 { return n } }

func ports(m mem, at int) (uint16, uint16) { return m.be16(at), m.be16(at + 2) }

func typeCode(m mem, at int) (uint16, uint16) { return uint16(m.u8(at)), uint16(m.u8(at + 1)) }

// transports is indexed by IP protocol; other protocols have no entry.
var transports = [256]transport{
	ProtoTCP:    {hdr: func(m mem, at int) uint16 { return uint16(m.u8(at+12)>>4) * 4 }, numbers: ports, hasFlags: true},
	ProtoUDP:    {hdr: fixedHdr(8), numbers: ports},
	ProtoICMP:   {hdr: fixedHdr(4), numbers: typeCode},
	ProtoICMPv6: {hdr: fixedHdr(4), numbers: typeCode},
	ProtoIGMP:   {hdr: fixedHdr(4), numbers: typeCode},
}

// Decode reads the packet at the start of buf (caplen bytes captured)
// into f. A packet that is neither IPv4 nor IPv6 leaves the addresses as
// they were: ngrep prints whatever its address buffers on the stack still
// hold, which is the previous packet's addresses.
func (f *Frame) Decode(buf []byte, caplen uint32, lay Layout) {
	m := mem(buf)
	src, dst := f.Src, f.Dst
	*f = Frame{Src: src, Dst: dst}
	var vlanOff uint8
	if lay.VLAN {
		vlanOff = vlanCount(m, uint16(caplen)) * vlanHdrSize
	}
	ip := lay.LinkOffset + int(vlanOff)
	length := caplen - uint32(vlanOff)
	if lay.Radiotap {
		radioLen := uint16(m.u8(2)) | uint16(m.u8(3))<<8
		ip = lay.LinkOffset + int(radioLen)
		length -= uint32(radioLen)
	}

	var hl int
	f.Version = m.u8(ip) >> 4
	switch f.Version {
	case 4:
		hl = int(m.u8(ip)&0x0f) * 4
		f.Proto = m.u8(ip + 9)
		off := m.be16(ip + 6)
		// ngrep keeps MF|offset in a uint8: only the offset's low byte counts.
		f.Fragmented = uint8(off&0x3fff) != 0
		if f.Fragmented {
			f.FragOffset = (off & 0x1fff) * 8
		}
		f.FragID = uint32(m.be16(ip + 4))
		f.Src.set4(m, ip+12)
		f.Dst.set4(m, ip+16)
	case 6:
		hl = ip6HdrSize
		f.Proto = m.u8(ip + 6)
		if f.Proto == ProtoFragment {
			f.Proto = m.u8(ip + hl)
			f.Fragmented = true
			f.FragOffset = m.be16(ip+hl+2) & 0xfff8
			f.FragID = m.be32(ip + hl + 4)
			hl += ip6FragSize
		}
		f.Src.set6(m, ip+8)
		f.Dst.set6(m, ip+24)
	}

	at := ip + hl
	used := uint32(lay.LinkOffset) + uint32(hl)
	if t := &transports[f.Proto]; t.hdr != nil {
		if f.FragOffset == 0 {
			f.HdrOffset = t.hdr(m, at)
		}
		f.Sport, f.Dport = t.numbers(m, at)
		if t.hasFlags {
			f.Flags = m.u8(at + 13)
		}
		at += int(f.HdrOffset)
		used += uint32(f.HdrOffset)
	}
	length -= used
	if int32(length) < 0 {
		length = 0
	}
	f.Payload = at
	f.PayloadLen = length
}

// PayloadBytes returns the payload Decode found in buf, cut to limit bytes.
func (f *Frame) PayloadBytes(buf []byte, limit uint32) []byte {
	n := f.PayloadLen
	if n > limit {
		n = limit
	}
	if n == 0 || f.Payload < 0 || f.Payload >= len(buf) {
		return nil
	}
	end := f.Payload + int(n)
	if end > len(buf) {
		end = len(buf)
	}
	return buf[f.Payload:end]
}
