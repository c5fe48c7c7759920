package filter

// Qualifiers of a primitive: protocol (ip, tcp, ether…), direction
// (src, dst…) and address kind (host, net, port…). The parser passes the
// qualifiers of one primitive on to the bare ids that follow it.

type addrQual uint8

const (
	aDefault addrQual = iota
	aHost
	aNet
	aPort
	aGateway
	aProto
	aProtochain
	aPortrange
	aUndef
)

type dirQual uint8

const (
	dDefault dirQual = iota
	dSrc
	dDst
	dOr
	dAnd
	dAddr1
	dAddr2
	dAddr3
	dAddr4
	dRA
	dTA
	dUndef
)

type protoQual uint8

const (
	pDefault protoQual = iota
	pLink
	pIP
	pARP
	pRARP
	pSCTP
	pTCP
	pUDP
	pICMP
	pIGMP
	pIGRP
	pATALK
	pDECNET
	pLAT
	pSCA
	pMOPRC
	pMOPDL
	pIPV6
	pICMPV6
	pAH
	pESP
	pPIM
	pVRRP
	pAARP
	pISO
	pESIS
	pISIS
	pCLNP
	pSTP
	pIPX
	pNETBEUI
	pISISL1
	pISISL2
	pISISIIH
	pISISSNP
	pISISCSNP
	pISISPSNP
	pISISLSP
	pRADIO
	pCARP
	pUndef
)

// protoNames is how error messages name a protocol qualifier.
var protoNames = map[protoQual]string{
	pLink: "link", pIP: "ip", pARP: "arp", pRARP: "rarp", pSCTP: "sctp",
	pTCP: "tcp", pUDP: "udp", pICMP: "icmp", pIGMP: "igmp", pIGRP: "igrp",
	pATALK: "atalk", pDECNET: "decnet", pLAT: "lat", pSCA: "sca",
	pMOPRC: "moprc", pMOPDL: "mopdl", pIPV6: "ip6", pICMPV6: "icmp6",
	pAH: "ah", pESP: "esp", pPIM: "pim", pVRRP: "vrrp", pAARP: "aarp",
	pISO: "iso", pESIS: "esis", pISIS: "isis", pCLNP: "clnp", pSTP: "stp",
	pIPX: "ipx", pNETBEUI: "netbeui", pISISL1: "l1", pISISL2: "l2",
	pISISIIH: "iih", pISISSNP: "snp", pISISCSNP: "csnp", pISISPSNP: "psnp",
	pISISLSP: "lsp", pRADIO: "radio", pCARP: "carp",
}

type qual struct {
	addr  addrQual
	proto protoQual
	dir   dirQual
}

var qerr = qual{aUndef, pUndef, dUndef}

// dirErrors are libpcap's complaints about 802.11-only direction
// qualifiers, keyed by qualifier, for each kind of address.
var dirNames = map[dirQual]string{
	dAddr1: "'addr1' and 'address1' are",
	dAddr2: "'addr2' and 'address2' are",
	dAddr3: "'addr3' and 'address3' are",
	dAddr4: "'addr4' and 'address4' are",
	dRA:    "'ra' is",
	dTA:    "'ta' is",
}

func wlanDirMsg(d dirQual, what string) string {
	name := dirNames[d]
	if d == dRA || d == dTA {
		return name + " not a valid qualifier for " + what
	}
	return name + " not valid qualifiers for " + what
}
