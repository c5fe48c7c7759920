package dissect

// The IPsec Authentication Header (RFC 4302; tcpdump's print-ah.c and
// the AH case of ip_demux_print): the header, then whatever it
// authenticates, dispatched on its next-header field.

func init() {
	registerIPProto(ipProtoAH, ahDemuxPrint)
}

// ahDemuxPrint prints an AH header and hands what follows it back to
// ipDemuxPrint, as ip_demux_print loops over AH headers.
func ahDemuxPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	if !ttest(b, 0, 1) {
		nd.SetProto("ah")
		nd.PrintTrunc()
		return
	}
	ip.nextHdr = b[0]
	advance := ahPrint(nd, b)
	// The remaining length is unsigned in tcpdump: a header longer
	// than the datagram wraps it around.
	ipDemuxPrint(nd, rest(b, advance), int(uint32(length)-uint32(advance)), ip)
}

// ahPrint prints an AH header (ah_print) and returns its length.
func ahPrint(nd *ND, b []byte) int {
	nd.SetProto("ah")
	nd.Print("AH")
	ahLen := getU8(b, 1)
	hdrLen := (int(ahLen) + 2) * 4
	nd.Print("(")
	if nd.Verbose > 0 {
		nd.Printf("length=%d(%d-bytes),", ahLen, hdrLen)
	}
	if reserved := getBE16(b, 2); reserved != 0 {
		nd.Printf("reserved=0x%x[MustBeZero],", reserved)
	}
	nd.Printf("spi=0x%08x,", getBE32(b, 4))
	nd.Printf("seq=0x%x,", getBE32(b, 8))
	nd.Print("icv=0x")
	for p := 12; p < hdrLen; p++ {
		nd.PrintHex(uint64(getU8(b, p)), 2)
	}
	nd.Print("): ")
	return hdrLen
}
