package dissect

// llcPrint prints an 802.2 LLC header and what it carries. It returns
// the header length, negated when the payload was not decoded (the caller
// then dumps it), as tcpdump's llc_print does.
func llcPrint(nd *ND, b []byte, length, caplen int, src, dst []byte) int {
	nd.SetProto("llc")
	if caplen < 3 {
		nd.PrintTrunc()
		nd.DefaultPrint(b[:min(caplen, len(b))])
		return caplen
	}
	if length < 3 {
		nd.PrintTrunc()
		nd.DefaultPrint(b[:min(caplen, len(b))])
		return length
	}
	dsap, ssap := getU8(b, 0), getU8(b, 1)
	nd.Printf("LLC, dsap 0x%02x, ssap 0x%02x", dsap, ssap)
	return -3
}
