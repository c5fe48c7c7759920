package dissect

// HSRP, Cisco's Hot Standby Router Protocol version 0 (RFC 2281;
// tcpdump's print-hsrp.c), on UDP port 1985.

func init() {
	registerUDPPort("hsrp", hsrpPrint, 1985)
}

var hsrpOpCodes = []tok{{0, "hello"}, {1, "coup"}, {2, "resign"}}

var hsrpStates = []tok{
	{0, "initial"}, {1, "learn"}, {2, "listen"}, {4, "speak"}, {8, "standby"}, {16, "active"},
}

// Offsets in the HSRP header.
const (
	hsrpOpCode    = 1
	hsrpState     = 2
	hsrpHelloTime = 3
	hsrpHoldTime  = 4
	hsrpPriority  = 5
	hsrpGroup     = 6
	hsrpReserved  = 7
	hsrpAuthData  = 8
	hsrpVirtAddr  = 16
)

func hsrpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("hsrp")
	version := getU8(b, 0)
	nd.Printf("HSRPv%d", version)
	if version != 0 {
		return
	}
	nd.Printf("-%s %d: ", tok2str(hsrpOpCodes, "unknown (%d)", uint32(getU8(b, hsrpOpCode))), length)
	nd.Printf("state=%s ", tok2str(hsrpStates, "Unknown (%d)", uint32(getU8(b, hsrpState))))
	nd.Printf("group=%d ", getU8(b, hsrpGroup))
	if r := getU8(b, hsrpReserved); r != 0 {
		nd.Printf("[reserved=%d!] ", r)
	}
	tcheck(b, hsrpVirtAddr, 4)
	nd.Print("addr=")
	nd.PrintIPAddr(b, hsrpVirtAddr)
	if nd.Verbose == 0 {
		return
	}
	nd.Print(" hellotime=")
	nd.printRelts(uint32(getU8(b, hsrpHelloTime)))
	nd.Print(" holdtime=")
	nd.printRelts(uint32(getU8(b, hsrpHoldTime)))
	nd.Printf(" priority=%d", getU8(b, hsrpPriority))
	nd.Print(" auth=\"")
	printjnp(nd, b, hsrpAuthData, 8)
	nd.Print("\"")
}
