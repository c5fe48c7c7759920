package dissect

// MSDP, the Multicast Source Discovery Protocol (RFC 3618, tcpdump's
// print-msdp.c): the TLVs of a segment, with the data packet an SA
// message may carry decoded at -vv.

func init() {
	registerTCPPort("msdp", msdpPrint, 639)
}

const msdpTypeMax = 7

func msdpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("msdp")
	nd.Print(": msdp")
	// Only decode what looks like the start of a message.
	typ := getU8(b, 0)
	tlen := int(getBE16(b, 1))
	if tlen > 1500 || tlen < 3 || typ == 0 || typ > msdpTypeMax {
		nd.PrintTrunc()
		return
	}
	sp := 0
	for length != 0 {
		typ = getU8(b, sp)
		tlen = int(getBE16(b, sp+1))
		if tlen > 1400 || nd.Verbose > 0 {
			nd.Printf(" [len %d]", tlen)
		}
		if tlen < 3 || length < tlen {
			nd.PrintTrunc()
			return
		}
		sp += 3
		length -= 3
		switch typ {
		case 1, 3:
			if typ == 1 {
				nd.Print(" SA")
			} else {
				nd.Print(" SA-Response")
			}
			n := int(getU8(b, sp))
			nd.Printf(" %d entries", n)
			if n*12+8 < tlen {
				nd.Print(" [w/data]")
				if nd.Verbose > 1 {
					nd.PrintByte(' ')
					ipPrint(nd, rest(b, sp+n*12+8-3), tlen-(n*12+8))
				}
			}
		case 2:
			nd.Print(" SA-Request")
			nd.Printf(" for %s", nd.getIP4(b, sp+1))
		case 4:
			nd.Print(" Keepalive")
			if tlen != 3 {
				nd.Printf("[len=%d] ", tlen)
			}
		case 5:
			nd.Print(" Notification")
		default:
			nd.Printf(" [type=%d len=%d]", typ, tlen)
		}
		sp += tlen - 3
		length -= tlen - 3
	}
}
