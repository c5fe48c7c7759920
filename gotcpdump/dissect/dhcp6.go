package dissect

// DHCPv6 (tcpdump's print-dhcp6.c): the message type, and with -v the
// transaction ID or relay addresses and every option (RFC 8415 and the
// option RFCs tcpdump knows: 3319, 3646, 3633, 4075, 4242, 4280, 5007,
// 5908, 6334, 8520).

func init() {
	registerUDPPort("dhcp6", dhcp6UDPPrint, 546, 547)
}

func dhcp6UDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	dhcp6Print(nd, b, length)
}

// DHCPv6 message types.
const (
	dh6Renew      = 5
	dh6InformReq  = 11
	dh6RelayForw  = 12
	dh6RelayReply = 13
)

var dh6MsgTypes = []tok{
	{1, "solicit"},
	{2, "advertise"},
	{3, "request"},
	{4, "confirm"},
	{dh6Renew, "renew"},
	{6, "rebind"},
	{7, "reply"},
	{8, "release"},
	{9, "decline"},
	{10, "reconfigure"},
	{dh6InformReq, "inf-req"},
	{dh6RelayForw, "relay-fwd"},
	{dh6RelayReply, "relay-reply"},
	{14, "leasequery"},
	{15, "leasequery-reply"},
}

// DHCPv6 option codes.
const (
	dh6OptClientID       = 1
	dh6OptServerID       = 2
	dh6OptIANA           = 3
	dh6OptIATA           = 4
	dh6OptIAAddr         = 5
	dh6OptORO            = 6
	dh6OptPreference     = 7
	dh6OptElapsedTime    = 8
	dh6OptRelayMsg       = 9
	dh6OptAuth           = 11
	dh6OptUnicast        = 12
	dh6OptStatusCode     = 13
	dh6OptRapidCommit    = 14
	dh6OptUserClass      = 15
	dh6OptVendorClass    = 16
	dh6OptVendorOpts     = 17
	dh6OptInterfaceID    = 18
	dh6OptReconfMsg      = 19
	dh6OptReconfAccept   = 20
	dh6OptSIPServerD     = 21
	dh6OptSIPServerA     = 22
	dh6OptDNSServers     = 23
	dh6OptDomainList     = 24
	dh6OptIAPD           = 25
	dh6OptIAPDPrefix     = 26
	dh6OptNISServers     = 27
	dh6OptNISPServers    = 28
	dh6OptNISName        = 29
	dh6OptNISPName       = 30
	dh6OptSNTPServers    = 31
	dh6OptLifetime       = 32
	dh6OptBCMCSServerD   = 33
	dh6OptBCMCSServerA   = 34
	dh6OptGeoconfCivic   = 36
	dh6OptRemoteID       = 37
	dh6OptSubscriberID   = 38
	dh6OptClientFQDN     = 39
	dh6OptPANAAgent      = 40
	dh6OptPOSIXTimezone  = 41
	dh6OptTZDBTimezone   = 42
	dh6OptERO            = 43
	dh6OptLQQuery        = 44
	dh6OptClientData     = 45
	dh6OptCltTime        = 46
	dh6OptLQRelayData    = 47
	dh6OptLQClientLink   = 48
	dh6OptNTPServer      = 56
	dh6OptAFTRName       = 64
	dh6OptMUDURL         = 112
	dh6NTPSubSrvAddr     = 1
	dh6NTPSubMcAddr      = 2
	dh6NTPSubSrvFQDN     = 3
	dh6AuthProtoDelayed  = 2
	dh6AuthProtoReconfig = 3
)

var dh6OptNames = []tok{
	{dh6OptClientID, "client-ID"},
	{dh6OptServerID, "server-ID"},
	{dh6OptIANA, "IA_NA"},
	{dh6OptIATA, "IA_TA"},
	{dh6OptIAAddr, "IA_ADDR"},
	{dh6OptORO, "option-request"},
	{dh6OptPreference, "preference"},
	{dh6OptElapsedTime, "elapsed-time"},
	{dh6OptRelayMsg, "relay-message"},
	{dh6OptAuth, "authentication"},
	{dh6OptUnicast, "server-unicast"},
	{dh6OptStatusCode, "status-code"},
	{dh6OptRapidCommit, "rapid-commit"},
	{dh6OptUserClass, "user-class"},
	{dh6OptVendorClass, "vendor-class"},
	{dh6OptVendorOpts, "vendor-specific-info"},
	{dh6OptInterfaceID, "interface-ID"},
	{dh6OptReconfMsg, "reconfigure-message"},
	{dh6OptReconfAccept, "reconfigure-accept"},
	{dh6OptSIPServerD, "SIP-servers-domain"},
	{dh6OptSIPServerA, "SIP-servers-address"},
	{dh6OptDNSServers, "DNS-server"},
	{dh6OptDomainList, "DNS-search-list"},
	{dh6OptIAPD, "IA_PD"},
	{dh6OptIAPDPrefix, "IA_PD-prefix"},
	{dh6OptSNTPServers, "SNTP-servers"},
	{dh6OptLifetime, "lifetime"},
	{dh6OptNISServers, "NIS-server"},
	{dh6OptNISPServers, "NIS+-server"},
	{dh6OptNISName, "NIS-domain-name"},
	{dh6OptNISPName, "NIS+-domain-name"},
	{dh6OptBCMCSServerD, "BCMCS-domain-name"},
	{dh6OptBCMCSServerA, "BCMCS-server"},
	{dh6OptGeoconfCivic, "Geoconf-Civic"},
	{dh6OptRemoteID, "Remote-ID"},
	{dh6OptSubscriberID, "Subscriber-ID"},
	{dh6OptClientFQDN, "Client-FQDN"},
	{dh6OptPANAAgent, "PANA-agent"},
	{dh6OptPOSIXTimezone, "POSIX-timezone"},
	{dh6OptTZDBTimezone, "POSIX-tz-database"},
	{dh6OptERO, "Echo-request-option"},
	{dh6OptLQQuery, "Lease-query"},
	{dh6OptClientData, "LQ-client-data"},
	{dh6OptCltTime, "Clt-time"},
	{dh6OptLQRelayData, "LQ-relay-data"},
	{dh6OptLQClientLink, "LQ-client-link"},
	{dh6OptNTPServer, "NTP-server"},
	{dh6OptAFTRName, "AFTR-Name"},
	{dh6OptMUDURL, "MUD-URL"},
}

var dh6StatusCodes = []tok{
	{0, "Success"},
	{1, "UnspecFail"},
	{2, "NoAddrsAvail"},
	{3, "NoBinding"},
	{4, "NotOnLink"},
	{5, "UseMulticast"},
	{6, "NoPrefixAvail"},
	{7, "UnknownQueryType"},
	{8, "MalformedQuery"},
	{9, "NotConfigured"},
	{10, "NotAllowed"},
}

// dhcp6Print prints a DHCPv6 message (dhcp6_print); with -v, its
// options. b is bounded by what the UDP datagram captured.
func dhcp6Print(nd *ND, b []byte, length int) {
	nd.SetProto("dhcp6")
	nd.Print("dhcp6")
	ep := len(b)
	if length < ep {
		ep = length
	}
	if !ttest(b, 0, 4) {
		nd.PrintTrunc()
		return
	}
	msgtype := getU8(b, 0)
	name := tok2str(dh6MsgTypes, "msgtype-%d", uint32(msgtype))
	nd.Print(" ")
	nd.Print(name)
	if nd.Verbose == 0 {
		return
	}
	nd.Print(" (")
	if msgtype != dh6RelayForw && msgtype != dh6RelayReply {
		nd.Print("xid=")
		nd.PrintHex(uint64(getBE32(b, 0)&0x00ffffff), 0)
		dhcp6OptPrint(nd, b, 4, ep)
	} else {
		nd.printIP6After("linkaddr=", b, 2)
		nd.printIP6After(" peeraddr=", b, 18)
		dhcp6OptPrint(nd, b, 34, ep)
	}
	nd.Print(")")
}

// dhcp6OptPrint prints the options in b[cp:ep] (dhcp6opt_print). A
// malformed option list ends with the truncation marker.
func dhcp6OptPrint(nd *ND, b []byte, cp, ep int) {
	for cp < ep {
		if ep < cp+4 {
			nd.PrintTrunc()
			return
		}
		if !ttest(b, cp, 4) {
			nd.PrintTrunc()
			return
		}
		optLen := int(getBE16(b, cp+2))
		if ep < cp+4+optLen {
			nd.PrintTrunc()
			return
		}
		optType := getBE16(b, cp)
		nd.Print(" (")
		nd.Print(tok2str(dh6OptNames, "opt_%d", uint32(optType)))
		if !ttest(b, cp+4, optLen) {
			nd.PrintTrunc()
			return
		}
		if !dhcp6OptBodyPrint(nd, b, cp, optType, optLen) {
			nd.PrintTrunc()
			return
		}
		cp += 4 + optLen
	}
}

// dhcp6OptBodyPrint prints the data of the option at b[cp:] and its
// closing parenthesis; false means tcpdump gave up on the option list.
func dhcp6OptBodyPrint(nd *ND, b []byte, cp int, optType uint16, optLen int) bool {
	tp := cp + 4
	end := tp + optLen
	switch optType {
	case dh6OptClientID, dh6OptServerID:
		if optLen < 2 {
			nd.Print(" ?)")
			break
		}
		dhcp6DUIDPrint(nd, b, tp, optLen)
	case dh6OptIAAddr:
		if optLen < 24 {
			nd.Print(" ?)")
			break
		}
		nd.printIP6After(" ", b, tp)
		nd.Printf(" pltime:%d vltime:%d", getBE32(b, tp+16), getBE32(b, tp+20))
		if optLen > 24 {
			dhcp6OptPrint(nd, b, tp+24, end)
		}
		nd.Print(")")
	case dh6OptORO, dh6OptERO:
		if optLen%2 != 0 {
			nd.Print(" ?)")
			break
		}
		for i := 0; i < optLen; i += 2 {
			nd.Print(" ")
			nd.Print(tok2str(dh6OptNames, "opt_%d", uint32(getBE16(b, tp+i))))
		}
		nd.Print(")")
	case dh6OptPreference:
		if optLen != 1 {
			nd.Print(" ?)")
			break
		}
		nd.Printf(" %d)", getU8(b, tp))
	case dh6OptElapsedTime:
		if optLen != 2 {
			nd.Print(" ?)")
			break
		}
		nd.Printf(" %d)", getBE16(b, tp))
	case dh6OptRelayMsg:
		// The relayed message ends with the option, even if more
		// options follow it.
		nd.Print(" (")
		dhcp6Print(nd, clip(b[tp:], optLen), optLen)
		nd.Print(")")
	case dh6OptAuth:
		if optLen < 11 {
			nd.Print(" ?)")
			break
		}
		dhcp6AuthPrint(nd, b, tp, optLen)
	case dh6OptRapidCommit, dh6OptReconfAccept:
		nd.Print(")")
	case dh6OptInterfaceID, dh6OptSubscriberID:
		// The encoding is unknown: the first ten bytes in hex.
		nd.Print(" ")
		for i := 0; i < optLen && i < 10; i++ {
			nd.PrintHex(uint64(getU8(b, tp+i)), 2)
		}
		nd.Print("...)")
	case dh6OptReconfMsg:
		if optLen != 1 {
			nd.Print(" ?)")
			break
		}
		switch t := getU8(b, tp); t {
		case dh6Renew:
			nd.Print(" for renew)")
		case dh6InformReq:
			nd.Print(" for inf-req)")
		default:
			nd.Printf(" for ???(%02x))", t)
		}
	case dh6OptSIPServerA, dh6OptDNSServers, dh6OptSNTPServers, dh6OptNISServers,
		dh6OptNISPServers, dh6OptBCMCSServerA, dh6OptPANAAgent, dh6OptLQClientLink:
		if optLen%16 != 0 {
			nd.Print(" ?)")
			break
		}
		for i := 0; i < optLen; i += 16 {
			nd.printIP6After(" ", b, tp+i)
		}
		nd.Print(")")
	case dh6OptSIPServerD, dh6OptDomainList:
		d := dnsMsg{nd: nd, b: b}
		for p := tp; p < end; {
			nd.Print(" ")
			if p = d.printName(p, end); p < 0 {
				return false
			}
		}
		nd.Print(")")
	case dh6OptStatusCode:
		if optLen < 2 {
			nd.Print(" ?)")
			break
		}
		nd.Print(" ")
		if code := getBE16(b, tp); code > 255 {
			nd.Print("INVALID code")
		} else {
			nd.Print(tok2str(dh6StatusCodes, "code%d", uint32(code)))
		}
		nd.Print(")")
	case dh6OptIANA, dh6OptIAPD:
		if optLen < 12 {
			nd.Print(" ?)")
			break
		}
		nd.Printf(" IAID:%d T1:%d T2:%d", getBE32(b, tp), getBE32(b, tp+4), getBE32(b, tp+8))
		if optLen > 12 {
			dhcp6OptPrint(nd, b, tp+12, end)
		}
		nd.Print(")")
	case dh6OptIATA:
		if optLen < 4 {
			nd.Print(" ?)")
			break
		}
		nd.Printf(" IAID:%d", getBE32(b, tp))
		if optLen > 4 {
			dhcp6OptPrint(nd, b, tp+4, end)
		}
		nd.Print(")")
	case dh6OptIAPDPrefix:
		if optLen < 25 {
			nd.Print(" ?)")
			break
		}
		tcheck(b, tp+8, 17)
		nd.printIP6After(" ", b, tp+9)
		nd.Printf("/%d", getU8(b, tp+8))
		nd.Printf(" pltime:%d vltime:%d", getBE32(b, tp), getBE32(b, tp+4))
		if optLen > 25 {
			dhcp6OptPrint(nd, b, tp+25, end)
		}
		nd.Print(")")
	case dh6OptLifetime, dh6OptCltTime:
		if optLen != 4 {
			nd.Print(" ?)")
			break
		}
		nd.Printf(" %d)", getBE32(b, tp))
	case dh6OptRemoteID:
		if optLen < 4 {
			nd.Print(" ?)")
			break
		}
		nd.Printf(" %d ", getBE32(b, tp))
		for i := 4; i < optLen && i < 14; i++ {
			nd.PrintHex(uint64(getU8(b, tp+i)), 2)
		}
		nd.Print("...)")
	case dh6OptLQQuery:
		if optLen < 17 {
			nd.Print(" ?)")
			break
		}
		switch t := getU8(b, tp); t {
		case 1:
			nd.Print(" by-address")
		case 2:
			nd.Print(" by-clientID")
		default:
			nd.Printf(" type_%d", t)
		}
		nd.printIP6After(" ", b, tp+1)
		if optLen > 17 {
			dhcp6OptPrint(nd, b, tp+17, end)
		}
		nd.Print(")")
	case dh6OptClientData:
		if optLen > 0 {
			dhcp6OptPrint(nd, b, tp, end)
		}
		nd.Print(")")
	case dh6OptLQRelayData:
		if optLen < 16 {
			nd.Print(" ?)")
			break
		}
		nd.printIP6After(" ", b, tp)
		nd.Print(" ")
		for i := 16; i < optLen && i < 26; i++ {
			nd.PrintHex(uint64(getU8(b, tp+i)), 2)
		}
		nd.Print("...)")
	case dh6OptNTPServer:
		if optLen < 4 {
			nd.Print(" ?)")
			break
		}
		return dhcp6NTPServerPrint(nd, b, tp, end)
	case dh6OptAFTRName:
		if optLen < 3 {
			nd.Print(" ?)")
			break
		}
		dhcp6AFTRNamePrint(nd, b, tp, optLen)
	case dh6OptPOSIXTimezone, dh6OptTZDBTimezone, dh6OptMUDURL:
		if optLen < 5 {
			nd.Print(" ?)")
			break
		}
		nd.Print(" ")
		printjnp(nd, b, tp, optLen)
		nd.Print(")")
	default:
		nd.Print(")")
	}
	return true
}

// dhcp6DUIDPrint prints a client or server DUID of n bytes at b[tp:].
func dhcp6DUIDPrint(nd *ND, b []byte, tp, n int) {
	switch typ := getBE16(b, tp); typ {
	case 1: // link-layer address plus time
		if n < 8 {
			nd.Print(" ?)")
			return
		}
		nd.Printf(" hwaddr/time type %d time %d ", getBE16(b, tp+2), getBE32(b, tp+4))
		dhcp6HexPrint(nd, b, tp+8, tp+n)
		nd.Print(")")
	case 2: // enterprise number plus identifier
		if n < 10 {
			nd.Print(" ?)")
			return
		}
		nd.Print(" vid ")
		dhcp6HexPrint(nd, b, tp+2, tp+10)
		nd.Print(")")
	case 3: // link-layer address
		if n < 4 {
			nd.Print(" ?)")
			return
		}
		nd.Printf(" hwaddr type %d ", getBE16(b, tp+2))
		dhcp6HexPrint(nd, b, tp+4, tp+n)
		nd.Print(")")
	default:
		nd.Printf(" type %d)", typ)
	}
}

// dhcp6HexPrint prints b[from:to] as contiguous hex digits.
func dhcp6HexPrint(nd *ND, b []byte, from, to int) {
	for i := from; i < to; i++ {
		nd.PrintHex(uint64(getU8(b, i)), 2)
	}
}

// dhcp6AuthPrint prints an authentication option of n bytes at b[tp:].
func dhcp6AuthPrint(nd *ND, b []byte, tp, n int) {
	proto := getU8(b, tp)
	switch proto {
	case dh6AuthProtoDelayed:
		nd.Print(" proto: delayed")
	case dh6AuthProtoReconfig:
		nd.Print(" proto: reconfigure")
	default:
		nd.Printf(" proto: %d", proto)
	}
	if alg := getU8(b, tp+1); alg == 1 {
		nd.Print(", alg: HMAC-MD5")
	} else {
		nd.Printf(", alg: %d", alg)
	}
	if rdm := getU8(b, tp+2); rdm == 0 {
		nd.Print(", RDM: mono")
	} else {
		nd.Printf(", RDM: %d", rdm)
	}
	nd.Print(", RD:")
	p := tp + 3
	for i := 0; i < 4; i, p = i+1, p+2 {
		nd.Printf(" %04x", getBE16(b, p))
	}

	infoLen := n - 11
	switch proto {
	case dh6AuthProtoDelayed:
		if infoLen == 0 {
			break
		}
		if infoLen < 20 {
			nd.Print(" ??")
			break
		}
		realmLen := infoLen - 20
		if realmLen > 0 {
			nd.Print(", realm: ")
		}
		dhcp6HexPrint(nd, b, p, p+realmLen)
		p += realmLen
		nd.Printf(", key ID: %08x", getBE32(b, p))
		p += 4
		nd.Print(", HMAC-MD5:")
		for i := 0; i < 4; i, p = i+1, p+4 {
			nd.Printf(" %08x", getBE32(b, p))
		}
	case dh6AuthProtoReconfig:
		if infoLen != 17 {
			nd.Print(" ??")
			break
		}
		switch getU8(b, p) {
		case 1:
			nd.Print(" reconfig-key")
		case 2:
			nd.Print(" type: HMAC-MD5")
		default:
			nd.Print(" type: ??")
		}
		p++
		nd.Print(" value:")
		for i := 0; i < 4; i, p = i+1, p+4 {
			nd.Printf(" %08x", getBE32(b, p))
		}
	default:
		nd.Print(" ??")
	}
	nd.Print(")")
}

// dhcp6NTPServerPrint prints the suboptions of an NTP server option
// (RFC 5908) in b[tp:end].
func dhcp6NTPServerPrint(nd *ND, b []byte, tp, end int) bool {
	for tp < end-4 {
		code := getBE16(b, tp)
		subLen := int(getBE16(b, tp+2))
		tp += 4
		if tp+subLen > end {
			return false
		}
		nd.Printf(" subopt:%d", code)
		switch code {
		case dh6NTPSubSrvAddr, dh6NTPSubMcAddr:
			if subLen != 16 {
				nd.Print(" ?")
				break
			}
			nd.printIP6After(" ", b, tp)
		case dh6NTPSubSrvFQDN:
			nd.Print(" ")
			d := dnsMsg{nd: nd, b: b}
			if d.printName(tp, tp+subLen) < 0 {
				return false
			}
		default:
			nd.Print(" ?")
		}
		tp += subLen
	}
	nd.Print(")")
	return true
}

// dhcp6AFTRNamePrint prints the DNS-encoded name of an AFTR-Name option
// (RFC 6334), labels joined by dots, without a final dot.
func dhcp6AFTRNamePrint(nd *ND, b []byte, tp, n int) {
	nd.Print(" ")
	remain := n
	for remain > 0 && getU8(b, tp) != 0 {
		labelLen := int(getU8(b, tp))
		tp++
		if labelLen >= remain-1 {
			nd.Print(" ?")
			break
		}
		printjnp(nd, b, tp, labelLen)
		tp += labelLen
		remain -= labelLen + 1
		if getU8(b, tp) != 0 {
			nd.Print(".")
		}
	}
	nd.Print(")")
}

// printjnp prints up to n bytes of b from off, stopping at a NUL
// (nd_printjnp); reading past the captured bytes stops the packet.
func printjnp(nd *ND, b []byte, off, n int) {
	for ; n > 0; n, off = n-1, off+1 {
		c := getU8(b, off)
		if c == 0 {
			return
		}
		nd.printChar(c)
	}
}
