package dissect

// sFlow version 5 (tcpdump's print-sflow.c) on UDP port 6343.

func init() {
	registerUDPPort("sflow", sflowPrint, 6343)
}

var sflowFormats = []tok{
	{1, "flow sample"}, {2, "counter sample"}, {3, "expanded flow sample"},
	{4, "expanded counter sample"},
}

var sflowFlowTypes = []tok{
	{1, "Raw packet"}, {2, "Ethernet frame"}, {3, "IPv4 Data"}, {4, "IPv6 Data"},
	{1001, "Extended Switch data"}, {1002, "Extended Router data"},
	{1003, "Extended Gateway data"}, {1004, "Extended User data"},
	{1005, "Extended URL data"}, {1006, "Extended MPLS data"},
	{1007, "Extended NAT data"}, {1008, "Extended MPLS tunnel"},
	{1009, "Extended MPLS VC"}, {1010, "Extended MPLS FEC"},
	{1011, "Extended MPLS LVP FEC"}, {1012, "Extended VLAN Tunnel"},
}

var sflowRawProtocols = []tok{{1, "Ethernet"}, {11, "IPv4"}, {12, "IPv6"}}

var sflowCounterTypes = []tok{
	{1, "Generic counter"}, {2, "Ethernet counter"}, {3, "Token ring counter"},
	{4, "100 BaseVG counter"}, {5, "Vlan counter"}, {1001, "Processor counter"},
}

var sflowDirections = []tok{
	{0, "unknown"}, {1, "full-duplex"}, {2, "half-duplex"}, {3, "in"}, {4, "out"},
}

// sflowUpDown names a status bit.
func sflowUpDown(bit uint32) string {
	if bit&1 != 0 {
		return "up"
	}
	return "down"
}

// Each record printer returns false (tcpdump's 1) when len is too short
// for its fixed layout.
type sflowRecordPrinter func(nd *ND, b []byte, p, n int) bool

var sflowCounterPrinters = map[uint32]sflowRecordPrinter{
	1: sflowCounterGeneric, 2: sflowCounterEthernet, 3: func(*ND, []byte, int, int) bool { return true },
	4: sflowCounterBaseVG, 5: sflowCounterVLAN, 1001: sflowCounterProcessor,
}

var sflowFlowPrinters = map[uint32]sflowRecordPrinter{
	1: sflowRawPacket, 2: sflowEthernetFrame, 1001: sflowSwitchData,
}

func sflowCounterGeneric(nd *ND, b []byte, p, n int) bool {
	if n < 88 {
		return false
	}
	dir := getBE32(b, p+16)
	nd.Printf("\n\t      ifindex %d, iftype %d, ifspeed %d, ifdirection %d (%s)",
		getBE32(b, p), getBE32(b, p+4), getBE64(b, p+8), dir, tok2str(sflowDirections, "Unknown", dir))
	st := getBE32(b, p+20)
	nd.Printf("\n\t      ifstatus %d, adminstatus: %s, operstatus: %s", st, sflowUpDown(st), sflowUpDown(st>>1))
	nd.Printf("\n\t      In octets %d, unicast pkts %d, multicast pkts %d, broadcast pkts %d, discards %d",
		getBE64(b, p+24), getBE32(b, p+32), getBE32(b, p+36), getBE32(b, p+40), getBE32(b, p+44))
	nd.Printf("\n\t      In errors %d, unknown protos %d", getBE32(b, p+48), getBE32(b, p+52))
	nd.Printf("\n\t      Out octets %d, unicast pkts %d, multicast pkts %d, broadcast pkts %d, discards %d",
		getBE64(b, p+56), getBE32(b, p+64), getBE32(b, p+68), getBE32(b, p+72), getBE32(b, p+76))
	nd.Printf("\n\t      Out errors %d, promisc mode %d", getBE32(b, p+80), getBE32(b, p+84))
	return true
}

func sflowCounterEthernet(nd *ND, b []byte, p, n int) bool {
	if n < 52 {
		return false
	}
	nd.Printf("\n\t      align errors %d, fcs errors %d, single collision %d, multiple collision %d, test error %d",
		getBE32(b, p), getBE32(b, p+4), getBE32(b, p+8), getBE32(b, p+12), getBE32(b, p+16))
	nd.Printf("\n\t      deferred %d, late collision %d, excessive collision %d, mac trans error %d",
		getBE32(b, p+20), getBE32(b, p+24), getBE32(b, p+28), getBE32(b, p+32))
	nd.Printf("\n\t      carrier error %d, frames too long %d, mac receive errors %d, symbol errors %d",
		getBE32(b, p+36), getBE32(b, p+40), getBE32(b, p+44), getBE32(b, p+48))
	return true
}

func sflowCounterBaseVG(nd *ND, b []byte, p, n int) bool {
	if n < 80 {
		return false
	}
	nd.Printf("\n\t      in high prio frames %d, in high prio octets %d", getBE32(b, p), getBE64(b, p+4))
	nd.Printf("\n\t      in norm prio frames %d, in norm prio octets %d", getBE32(b, p+12), getBE64(b, p+16))
	nd.Printf("\n\t      in ipm errors %d, oversized %d, in data errors %d, null addressed frames %d",
		getBE32(b, p+24), getBE32(b, p+28), getBE32(b, p+32), getBE32(b, p+36))
	nd.Printf("\n\t      out high prio frames %d, out high prio octets %d, trans into frames %d",
		getBE32(b, p+40), getBE64(b, p+44), getBE32(b, p+52))
	nd.Printf("\n\t      in hc high prio octets %d, in hc norm prio octets %d, out hc high prio octets %d",
		getBE64(b, p+56), getBE64(b, p+64), getBE64(b, p+72))
	return true
}

func sflowCounterVLAN(nd *ND, b []byte, p, n int) bool {
	if n < 28 {
		return false
	}
	nd.Printf("\n\t      vlan_id %d, octets %d, unicast_pkt %d, multicast_pkt %d, broadcast_pkt %d, discards %d",
		getBE32(b, p), getBE64(b, p+4), getBE32(b, p+12), getBE32(b, p+16), getBE32(b, p+20), getBE32(b, p+24))
	return true
}

func sflowCounterProcessor(nd *ND, b []byte, p, n int) bool {
	if n < 28 {
		return false
	}
	nd.Printf("\n\t      5sec %d, 1min %d, 5min %d, total_mem %d, total_mem %d",
		getBE32(b, p), getBE32(b, p+4), getBE32(b, p+8), getBE64(b, p+12), getBE64(b, p+20))
	return true
}

func sflowRawPacket(nd *ND, b []byte, p, n int) bool {
	if n < 16 {
		return false
	}
	proto := getBE32(b, p)
	nd.Printf("\n\t      protocol %s (%d), length %d, stripped bytes %d, header_size %d",
		tok2str(sflowRawProtocols, "Unknown", proto), proto, getBE32(b, p+4), getBE32(b, p+8), getBE32(b, p+12))
	return true
}

func sflowEthernetFrame(nd *ND, b []byte, p, n int) bool {
	if n < 24 {
		return false
	}
	nd.Printf("\n\t      frame len %d, type %d", getBE32(b, p), getBE32(b, p+20))
	return true
}

func sflowSwitchData(nd *ND, b []byte, p, n int) bool {
	if n < 16 {
		return false
	}
	nd.Printf("\n\t      src vlan %d, src pri %d, dst vlan %d, dst pri %d",
		getBE32(b, p), getBE32(b, p+4), getBE32(b, p+8), getBE32(b, p+12))
	return true
}

// sflowUndecoded are the flow record types tcpdump knows but skips.
func sflowUndecoded(typ uint32) bool {
	return (typ >= 3 && typ <= 4) || (typ >= 1002 && typ <= 1012)
}

// sflowRecords prints nrecords flow records (flow true) or counter
// records. tcpdump shifts the format right by 20 bits for a counter
// record's enterprise and by 12 for a flow record's; so does this.
func sflowRecords(nd *ND, b []byte, p, n int, nrecords uint32, flow bool) bool {
	types, sep, shift := sflowCounterTypes, ", ", 20
	printers := sflowCounterPrinters
	if flow {
		types, sep, shift = sflowFlowTypes, " ", 12
		printers = sflowFlowPrinters
	}
	for ; nrecords > 0; nrecords-- {
		if n < 8 {
			return false
		}
		format := getBE32(b, p)
		typ := format & 0x0fff
		enterprise := format >> shift
		rlen := getBE32(b, p+4)
		name := "Unknown"
		if enterprise == 0 {
			name = tok2str(types, "Unknown", typ)
		}
		nd.Printf("\n\t    enterprise %d%s%s (%d) length %d", enterprise, sep, name, typ, rlen)
		p += 8
		n -= 8
		if uint32(n) < rlen {
			return false
		}
		if enterprise == 0 {
			if printer := printers[typ]; printer != nil {
				if !printer(nd, b, p, n) {
					return false
				}
			} else if !(flow && sflowUndecoded(typ)) && nd.Verbose <= 1 {
				unknownDataPrint(nd, b, p, "\n\t\t", int(rlen))
			}
		}
		p += int(rlen)
		n -= int(rlen)
	}
	return true
}

func sflowPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("sflow")
	ipVersion := getBE32(b, 4)
	if (length < 28 && ipVersion == 1) || (length < 40 && ipVersion == 2) {
		nd.Printf("sFlowv%d [length %d < 28]", getBE32(b, 0), length)
		nd.PrintInvalid()
		return
	}
	tcheck(b, 0, 28)
	version := getBE32(b, 0)
	if version != 5 {
		nd.Printf("sFlow version %d packet not supported", version)
		return
	}
	hdrLen, idOff := 28, 8
	if ipVersion != 1 {
		hdrLen, idOff = 40, 20
	}
	if nd.Verbose < 1 {
		nd.Printf("sFlowv%d, ", version)
		if ipVersion == 1 {
			nd.Print("IPv4 agent ")
			nd.PrintIPAddr(b, 8)
		} else {
			tcheck(b, 8, 16)
			nd.Print("IPv6 agent ")
			nd.PrintIP6Addr(b, 8)
		}
		nd.Printf(", agent-id %d, length %d", getBE32(b, idOff+4), length)
		return
	}
	nsamples := getBE32(b, idOff+16)
	nd.Printf("sFlowv%d, ", version)
	if ipVersion == 1 {
		nd.Print("IPv4 agent ")
		nd.PrintIPAddr(b, 8)
	} else {
		tcheck(b, 8, 16)
		nd.Print("IPv6 agent ")
		nd.PrintIP6Addr(b, 8)
	}
	nd.Printf(", agent-id %d, seqnum %d, uptime %d, samples %d, length %d",
		getBE32(b, idOff+4), getBE32(b, idOff+8), getBE32(b, idOff+12), nsamples, length)
	p, n := hdrLen, length
	if n < hdrLen {
		nd.PrintInvalid()
		return
	}
	n -= hdrLen
	for nsamples > 0 && n > 0 {
		typ := getBE32(b, p) & 0x0fff
		slen := getBE32(b, p+4)
		if n < 8 {
			sflowInvalid(nd, b, p, n)
			return
		}
		p += 8
		n -= 8
		nd.Printf("\n\t%s (%d), length %d,", tok2str(sflowFormats, "Unknown", typ), typ, slen)
		if typ == 0 || slen == 0 {
			return
		}
		if uint32(n) < slen {
			sflowInvalid(nd, b, p, n)
			return
		}
		tcheck(b, p, int(slen))
		ok := true
		switch typ {
		case 1:
			ok = n >= 32
			if ok {
				nrec := getBE32(b, p+28)
				nd.Printf(" seqnum %d, type %d, idx %d, rate %d, pool %d, drops %d, input %d output %d records %d",
					getBE32(b, p), getU8(b, p+4), getBE24(b, p+5), getBE32(b, p+8), getBE32(b, p+12),
					getBE32(b, p+16), getBE32(b, p+20), getBE32(b, p+24), nrec)
				ok = sflowRecords(nd, b, p+32, n-32, nrec, true)
			}
		case 2:
			ok = n >= 12
			if ok {
				nrec := getBE32(b, p+8)
				nd.Printf(" seqnum %d, type %d, idx %d, records %d", getBE32(b, p), getU8(b, p+4), getBE24(b, p+5), nrec)
				ok = sflowRecords(nd, b, p+12, n-12, nrec, false)
			}
		case 3:
			ok = n >= 44
			if ok {
				nrec := getBE32(b, p+40)
				nd.Printf(" seqnum %d, type %d, idx %d, rate %d, pool %d, drops %d, records %d",
					getBE32(b, p), getBE32(b, p+4), getBE32(b, p+8), getBE32(b, p+12), getBE32(b, p+16),
					getBE32(b, p+20), nrec)
				ok = sflowRecords(nd, b, p+44, n-44, nrec, true)
			}
		case 4:
			ok = n >= 16
			if ok {
				nrec := getBE32(b, p+12)
				nd.Printf(" seqnum %d, type %d, idx %d, records %d", getBE32(b, p), getBE32(b, p+4), getBE32(b, p+8), nrec)
				ok = sflowRecords(nd, b, p+16, n-16, nrec, false)
			}
		default:
			if nd.Verbose <= 1 {
				unknownDataPrint(nd, b, p, "\n\t    ", int(slen))
			}
		}
		if !ok {
			sflowInvalid(nd, b, p, n)
			return
		}
		p += int(slen)
		n -= int(slen)
		nsamples--
	}
}

// sflowInvalid marks the datagram invalid, then stops as truncated when
// the rest was not captured, as tcpdump's invalid label does.
func sflowInvalid(nd *ND, b []byte, p, n int) {
	nd.PrintInvalid()
	tcheck(b, p, n)
}
