package dissect

// Internet checksums (RFC 1071) as tcpdump computes and reports them.

// cksumAdd adds b to a running one's-complement sum (not yet folded).
func cksumAdd(sum uint32, b []byte) uint32 {
	n := len(b)
	for i := 0; i+1 < n; i += 2 {
		sum += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if n&1 != 0 {
		sum += uint32(b[n-1]) << 8
	}
	return sum
}

// cksumFold folds a running sum and complements it (in_cksum's result).
func cksumFold(sum uint32) uint16 {
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// inCksum is tcpdump's in_cksum over one buffer: 0 when b carries a
// correct checksum.
func inCksum(b []byte) uint16 { return cksumFold(cksumAdd(0, b)) }

// pseudoCksum computes the checksum of a TCP/UDP/ICMPv6 segment with its
// IPv4 or IPv6 pseudo-header (nextproto4_cksum / nextproto6_cksum). For
// IPv6 the destination is the final one of a routing header (and for
// IPv4 that of a source route), which the IP printers record in
// ip.cksumDst.
func pseudoCksum(ip *ipInfo, proto uint8, b []byte, length int) uint16 {
	var sum uint32
	sum = cksumAdd(sum, ip.src)
	dst := ip.cksumDst
	if dst == nil {
		dst = ip.dst
	}
	sum = cksumAdd(sum, dst)
	if ip.ver == 4 {
		sum += uint32(proto) + uint32(length)
	} else {
		sum += uint32(length>>16) + uint32(length&0xffff) + uint32(proto)
	}
	return cksumFold(cksumAdd(sum, b[:length]))
}

// cksumShouldBe computes what the checksum field should have held, given
// its value and the computed sum over the packet (in_cksum_shouldbe):
// the field plus the computed sum with end-around carry. That keeps
// tcpdump's choice between the two encodings of zero (0xffff, not 0).
func cksumShouldBe(sum, computed uint16) uint16 {
	s := uint32(sum) + uint32(computed)
	s = s&0xffff + s>>16
	s = s&0xffff + s>>16
	return uint16(s)
}
