package filter

import (
	"fmt"
	"net/netip"
	"regexp"
	"strings"
)

// tokKind is a lexical token of the filter language.
type tokKind int

const (
	tEOF tokKind = iota
	tLexError
	tNUM
	tID
	tHID
	tHID6
	tEID
	tAID
	tPunct // one of + - * / % : [ ] ! < > ( ) & | ^ =
	tGEQ
	tLEQ
	tNEQ
	tLSH
	tRSH
	tAND
	tOR
	tDST
	tSRC
	tHOST
	tNET
	tNETMASK
	tPORT
	tPORTRANGE
	tPROTO
	tPROTOCHAIN
	tGATEWAY
	tLESS
	tGREATER
	tCBYTE
	tBROADCAST
	tMULTICAST
	tLEN
	tINBOUND
	tOUTBOUND
	tIFINDEX
	tVLAN
	tMPLS
	tPPPOED
	tPPPOES
	tGENEVE
	tLLC
	tPNAME // protocol name; token.proto says which
	tDQUAL // 802.11 direction qualifiers addr1..4, ra, ta; token.dir
	tOTHERKW
)

type token struct {
	kind  tokKind
	text  string
	num   uint32
	punct byte
	proto protoQual
	dir   dirQual
	err   string
}

// keywords maps reserved words to tokens.
var keywords = map[string]token{
	"dst": {kind: tDST}, "src": {kind: tSRC},
	"host": {kind: tHOST}, "net": {kind: tNET}, "mask": {kind: tNETMASK},
	"port": {kind: tPORT}, "portrange": {kind: tPORTRANGE}, "proto": {kind: tPROTO},
	"protochain": {kind: tPROTOCHAIN}, "gateway": {kind: tGATEWAY},
	"less": {kind: tLESS}, "greater": {kind: tGREATER}, "byte": {kind: tCBYTE},
	"broadcast": {kind: tBROADCAST}, "multicast": {kind: tMULTICAST},
	"and": {kind: tAND}, "&&": {kind: tAND}, "or": {kind: tOR}, "||": {kind: tOR},
	"not": {kind: tPunct, punct: '!'}, "len": {kind: tLEN}, "length": {kind: tLEN},
	"inbound": {kind: tINBOUND}, "outbound": {kind: tOUTBOUND}, "ifindex": {kind: tIFINDEX},
	"vlan": {kind: tVLAN}, "mpls": {kind: tMPLS}, "pppoed": {kind: tPPPOED},
	"pppoes": {kind: tPPPOES}, "geneve": {kind: tGENEVE}, "llc": {kind: tLLC},
	"address1": {kind: tDQUAL, dir: dAddr1}, "addr1": {kind: tDQUAL, dir: dAddr1},
	"address2": {kind: tDQUAL, dir: dAddr2}, "addr2": {kind: tDQUAL, dir: dAddr2},
	"address3": {kind: tDQUAL, dir: dAddr3}, "addr3": {kind: tDQUAL, dir: dAddr3},
	"address4": {kind: tDQUAL, dir: dAddr4}, "addr4": {kind: tDQUAL, dir: dAddr4},
	"ra": {kind: tDQUAL, dir: dRA}, "ta": {kind: tDQUAL, dir: dTA},
}

// protoKeywords are the protocol-qualifier words.
var protoKeywords = map[string]protoQual{
	"link": pLink, "ether": pLink, "ppp": pLink, "slip": pLink, "fddi": pLink,
	"tr": pLink, "wlan": pLink, "arp": pARP, "rarp": pRARP, "ip": pIP,
	"sctp": pSCTP, "tcp": pTCP, "udp": pUDP, "icmp": pICMP, "igmp": pIGMP,
	"igrp": pIGRP, "pim": pPIM, "vrrp": pVRRP, "carp": pCARP, "radio": pRADIO,
	"ip6": pIPV6, "icmp6": pICMPV6, "ah": pAH, "esp": pESP, "atalk": pATALK,
	"aarp": pAARP, "decnet": pDECNET, "lat": pLAT, "sca": pSCA, "moprc": pMOPRC,
	"mopdl": pMOPDL, "iso": pISO, "esis": pESIS, "es-is": pESIS, "isis": pISIS,
	"is-is": pISIS, "l1": pISISL1, "l2": pISISL2, "iih": pISISIIH, "lsp": pISISLSP,
	"snp": pISISSNP, "csnp": pISISCSNP, "psnp": pISISPSNP, "clnp": pCLNP,
	"stp": pSTP, "ipx": pIPX, "netbeui": pNETBEUI,
}

// otherKeywords are reserved for link types this package does not
// generate code for (802.11, ATM, SS7, pflog); they parse as keywords so
// that names like "type" are not taken for host names.
var otherKeywords = []string{
	"type", "subtype", "direction", "dir", "lane", "metac", "bcc", "oam",
	"oamf4", "oamf4ec", "oamf4sc", "sc", "ilmic", "vpi", "vci", "connectmsg",
	"metaconnect", "on", "ifname", "rset", "ruleset", "rnr", "rulenum", "srnr",
	"subrulenum", "reason", "action", "fisu", "lssu", "lsu", "msu", "hfisu",
	"hlssu", "hmsu", "sio", "opc", "dpc", "sls", "hsio", "hopc", "hdpc", "hsls",
}

// numberWords are the named constants the scanner turns into numbers.
var numberWords = map[string]uint32{
	"icmptype": 0, "icmpcode": 1, "icmp-echoreply": 0, "icmp-unreach": 3,
	"icmp-sourcequench": 4, "icmp-redirect": 5, "icmp-echo": 8,
	"icmp-routeradvert": 9, "icmp-routersolicit": 10, "icmp-timxceed": 11,
	"icmp-paramprob": 12, "icmp-tstamp": 13, "icmp-tstampreply": 14,
	"icmp-ireq": 15, "icmp-ireqreply": 16, "icmp-maskreq": 17, "icmp-maskreply": 18,
	"icmp6type": 0, "icmp6code": 1, "icmp6-destinationunreach": 1,
	"icmp6-packettoobig": 2, "icmp6-timeexceeded": 3, "icmp6-parameterproblem": 4,
	"icmp6-echo": 128, "icmp6-echoreply": 129, "icmp6-multicastlistenerquery": 130,
	"icmp6-multicastlistenerreportv1": 131, "icmp6-multicastlistenerdone": 132,
	"icmp6-routersolicit": 133, "icmp6-routeradvert": 134, "icmp6-neighborsolicit": 135,
	"icmp6-neighboradvert": 136, "icmp6-redirect": 137, "icmp6-routerrenum": 138,
	"icmp6-nodeinformationquery": 139, "icmp6-nodeinformationresponse": 140,
	"icmp6-ineighbordiscoverysolicit": 141, "icmp6-ineighbordiscoveryadvert": 142,
	"icmp6-multicastlistenerreportv2": 143, "icmp6-homeagentdiscoveryrequest": 144,
	"icmp6-homeagentdiscoveryreply": 145, "icmp6-mobileprefixsolicit": 146,
	"icmp6-mobileprefixadvert": 147, "icmp6-certpathsolicit": 148,
	"icmp6-certpathadvert": 149, "icmp6-multicastrouteradvert": 151,
	"icmp6-multicastroutersolicit": 152, "icmp6-multicastrouterterm": 153,
	"tcpflags": 13, "tcp-fin": 0x01, "tcp-syn": 0x02, "tcp-rst": 0x04,
	"tcp-push": 0x08, "tcp-ack": 0x10, "tcp-urg": 0x20, "tcp-ece": 0x40, "tcp-cwr": 0x80,
}

func v6Pattern() string {
	const w = `[0-9A-Fa-f]{1,4}`
	const n = `(?:[0-9]+|0[xX][0-9A-Fa-f]+)`
	v4 := n + `\.` + n + `\.` + n + `\.` + n
	rep := func(k int, sep string) string {
		parts := make([]string, k)
		for i := range parts {
			parts[i] = w
		}
		return strings.Join(parts, sep)
	}
	alts := []string{rep(8, ":"), rep(6, ":") + ":" + v4}
	for g := 0; g <= 7; g++ {
		for x := 0; x <= g; x++ {
			alts = append(alts, rep(x, ":")+"::"+rep(g-x, ":"))
		}
	}
	for g := 0; g <= 5; g++ {
		for x := 0; x <= g; x++ {
			tail := ""
			for i := 0; i < g-x; i++ {
				tail += w + ":"
			}
			alts = append(alts, rep(x, ":")+"::"+tail+v4)
		}
	}
	return "^(?:" + strings.Join(alts, "|") + ")"
}

// Token classes matched by regular expression, longest match first.
var (
	reNum    = longest(`^(?:[0-9]+|0[xX][0-9A-Fa-f]+)`)
	reHID    = longest(`^(?:N\.N|N\.N\.N|N\.N\.N\.N)`, "N", `(?:[0-9]+|0[xX][0-9A-Fa-f]+)`)
	reV6     = longest(v6Pattern())
	reMAC    = longest(`^(?:B:B:B:B:B:B|B-B-B-B-B-B|B\.B\.B\.B\.B\.B|B2\.B2\.B2|B2B2B2)`, "B2", `[0-9A-Fa-f]{4}`, "B", `[0-9A-Fa-f]{1,2}`)
	reBadMAC = longest(`^(?:B:+(?:B:+)+)`, "B", `[0-9A-Fa-f]{1,2}`)
	reAID    = longest(`^\$[0-9A-Fa-f]{1,2}`)
	reID     = longest(`^[A-Za-z0-9](?:[-_.A-Za-z0-9]*[.A-Za-z0-9])?`)
	reEsc    = longest(`^\\[^ !()\n\t]+`)
)

func longest(pat string, subst ...string) *regexp.Regexp {
	for i := 0; i+1 < len(subst); i += 2 {
		pat = strings.ReplaceAll(pat, subst[i], subst[i+1])
	}
	re := regexp.MustCompile(pat)
	re.Longest()
	return re
}

// lexer splits a filter expression into tokens with flex's rule: the
// longest match wins, and among equal lengths the earlier rule.
type lexer struct {
	src string
	pos int
}

func (l *lexer) next() token {
	for l.pos < len(l.src) && strings.IndexByte(" \r\n\t", l.src[l.pos]) >= 0 {
		l.pos++
	}
	if l.pos >= len(l.src) {
		return token{kind: tEOF}
	}
	rest := l.src[l.pos:]
	// Candidates in scanner rule order; the first longest wins.
	type cand struct {
		n    int
		make func(text string) token
	}
	var best cand
	try := func(n int, mk func(string) token) {
		if n > best.n {
			best = cand{n, mk}
		}
	}
	matchLen := func(re *regexp.Regexp) int {
		if loc := re.FindStringIndex(rest); loc != nil {
			return loc[1]
		}
		return 0
	}
	// Keywords.
	idn := matchLen(reID)
	if word := rest[:max(idn, 0)]; idn > 0 {
		if t, ok := keywords[word]; ok {
			try(idn, func(s string) token { t.text = s; return t })
		} else if p, ok := protoKeywords[word]; ok {
			try(idn, func(s string) token { return token{kind: tPNAME, proto: p, text: s} })
		} else if isOther(word) {
			try(idn, func(s string) token { return token{kind: tOTHERKW, text: s} })
		}
	}
	if strings.HasPrefix(rest, "&&") || strings.HasPrefix(rest, "||") {
		try(2, func(s string) token { return keywords[s] })
	}
	if strings.IndexByte("+-*/%:[]!<>()&|^=", rest[0]) >= 0 {
		try(1, func(s string) token { return token{kind: tPunct, punct: s[0], text: s} })
	}
	if len(rest) >= 2 {
		ops := map[string]tokKind{">=": tGEQ, "<=": tLEQ, "!=": tNEQ, "==": tPunct, "<<": tLSH, ">>": tRSH}
		if k, ok := ops[rest[:2]]; ok {
			try(2, func(s string) token { return token{kind: k, punct: '=', text: s} })
		}
	}
	try(matchLen(reAID), func(s string) token { return token{kind: tAID, text: s} })
	try(matchLen(reMAC), func(s string) token { return token{kind: tEID, text: s} })
	try(matchLen(reNum), lexNumber)
	try(matchLen(reHID), func(s string) token { return token{kind: tHID, text: s} })
	try(matchLen(reV6), func(s string) token {
		if _, err := netip.ParseAddr(s); err != nil {
			return token{kind: tLexError, err: fmt.Sprintf("bogus IPv6 address %s", s)}
		}
		return token{kind: tHID6, text: s}
	})
	try(matchLen(reBadMAC), func(s string) token {
		return token{kind: tLexError, err: fmt.Sprintf("bogus ethernet address %s", s)}
	})
	if idn > 0 {
		if v, ok := numberWords[rest[:idn]]; ok {
			try(idn, func(s string) token { return token{kind: tNUM, num: v, text: s} })
		}
	}
	try(idn, func(s string) token { return token{kind: tID, text: s} })
	try(matchLen(reEsc), func(s string) token { return token{kind: tID, text: s[1:]} })
	try(1, func(s string) token { return token{kind: tLexError} })
	text := rest[:best.n]
	l.pos += best.n
	return best.make(text)
}

func isOther(w string) bool {
	for _, o := range otherKeywords {
		if o == w {
			return true
		}
	}
	return false
}

// lexNumber is the scanner's stou: decimal, 0x hex or 0 octal.
func lexNumber(s string) token {
	var n uint64
	overflow := func() token {
		return token{kind: tLexError, err: fmt.Sprintf("number %s overflows 32 bits", s)}
	}
	switch {
	case len(s) > 1 && (s[1] == 'x' || s[1] == 'X'):
		for _, ch := range s[2:] {
			d := uint64(strings.IndexRune("0123456789abcdef", ch|0x20))
			if n > 0xfffffff {
				return overflow()
			}
			n = n<<4 + d
		}
	case s[0] == '0':
		for _, ch := range s[1:] {
			if ch > '7' {
				return token{kind: tLexError, err: fmt.Sprintf("number %s contains non-octal digit", s)}
			}
			if n > 0o3777777777 {
				return overflow()
			}
			n = n<<3 + uint64(ch-'0')
		}
	default:
		for _, ch := range s {
			n = n*10 + uint64(ch-'0')
			if n > 0xffffffff {
				return overflow()
			}
		}
	}
	return token{kind: tNUM, num: uint32(n), text: s}
}
