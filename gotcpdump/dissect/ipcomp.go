package dissect

// IPComp, the IP Payload Compression Protocol (RFC 3173; tcpdump's
// print-ipcomp.c): only the CPI is shown, the payload stays compressed.

func init() {
	registerIPProto(108, ipcompPrint)
}

func ipcompPrint(nd *ND, b []byte, _ int, _ *ipInfo) {
	nd.SetProto("ipcomp")
	cpi := getBE16(b, 2)
	nd.Print("IPComp(cpi=0x")
	nd.PrintHex(uint64(cpi), 4)
	nd.Print(")")
}
