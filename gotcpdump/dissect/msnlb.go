package dissect

// Microsoft Network Load Balancing heartbeats (ethertype 0x886f), as
// tcpdump's print-msnlb.c prints them.

func init() {
	registerEtherType(0x886f, msnlbPrint)
}

// msnlbPrint prints the host priority and the cluster and host
// addresses of a heartbeat. Each field is read before its label is
// printed, as tcpdump's ND_PRINT evaluates its GET arguments first.
func msnlbPrint(nd *ND, b []byte, _ int) {
	nd.SetProto("msnlb")
	nd.Print("MS NLB heartbeat")
	prio := getLE32(b, 8)
	nd.Print(", host priority: ")
	nd.PrintUint(uint64(prio))
	tcheck(b, 12, 4)
	nd.Print(", cluster IP: ")
	nd.PrintIPAddr(b, 12)
	tcheck(b, 16, 4)
	nd.Print(", host IP: ")
	nd.PrintIPAddr(b, 16)
}
