package dissect

// Name tables of the DNS printer (tcpdump's nameser.h and the tok tables
// of print-domain.c).

// DNS resource record types the printer names or decodes.
const (
	dnsTypeA       = 1
	dnsTypeNS      = 2
	dnsTypeCNAME   = 5
	dnsTypeSOA     = 6
	dnsTypePTR     = 12
	dnsTypeMX      = 15
	dnsTypeTXT     = 16
	dnsTypeAAAA    = 28
	dnsTypeSRV     = 33
	dnsTypeA6      = 38
	dnsTypeDNAME   = 39
	dnsTypeOPT     = 41
	dnsTypeUNSPECA = 104
	dnsTypeTSIG    = 250
	dnsTypeURI     = 256
)

// dnsTypeNames is tcpdump 4.99's ns_type2str.
var dnsTypeNames = []tok{
	{1, "A"}, {2, "NS"}, {3, "MD"}, {4, "MF"}, {5, "CNAME"}, {6, "SOA"},
	{7, "MB"}, {8, "MG"}, {9, "MR"}, {10, "NULL"}, {11, "WKS"}, {12, "PTR"},
	{13, "HINFO"}, {14, "MINFO"}, {15, "MX"}, {16, "TXT"}, {17, "RP"},
	{18, "AFSDB"}, {19, "X25"}, {20, "ISDN"}, {21, "RT"}, {22, "NSAP"},
	{23, "NSAP_PTR"}, {24, "SIG"}, {25, "KEY"}, {26, "PX"}, {27, "GPOS"},
	{28, "AAAA"}, {29, "LOC"}, {30, "NXT"}, {31, "EID"}, {32, "NIMLOC"},
	{33, "SRV"}, {34, "ATMA"}, {35, "NAPTR"}, {36, "KX"}, {37, "CERT"},
	{38, "A6"}, {39, "DNAME"}, {40, "SINK"}, {41, "OPT"}, {42, "APL"},
	{43, "DS"}, {44, "SSHFP"}, {45, "IPSECKEY"}, {46, "RRSIG"}, {47, "NSEC"},
	{48, "DNSKEY"}, {99, "SPF"}, {100, "UINFO"}, {101, "UID"}, {102, "GID"},
	{103, "UNSPEC"}, {104, "UNSPECA"}, {249, "TKEY"}, {250, "TSIG"},
	{251, "IXFR"}, {252, "AXFR"}, {253, "MAILB"}, {254, "MAILA"}, {255, "ANY"},
	{256, "URI"},
}

// DNS classes.
const (
	dnsClassIN = 1
	// dnsClassTopBit is the mDNS "unicast response" bit of a question's
	// class and the "cache flush" bit of a record's class.
	dnsClassTopBit = 0x8000
)

var dnsClassNames = []tok{
	{1, "IN"}, {3, "CHAOS"}, {4, "HS"}, {255, "ANY"},
}

// dnsOpcodes are the opcode suffixes after the message ID.
var dnsOpcodes = [16]string{
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA",
	" updateM", " updateMA", " zoneInit", " zoneRef",
}

// dnsRcodes are the response code suffixes, as tcpdump 4.99 spells them
// (two entries lack their leading space there, and here).
var dnsRcodes = [24]string{
	"", " FormErr", " ServFail", " NXDomain",
	" NotImp", " Refused", " YXDomain", " YXRRSet",
	" NXRRSet", " NotAuth", " NotZone", " Resp11",
	" Resp12", " Resp13", " Resp14", " NoChange",
	" BadVers", "Resp17", " Resp18", " Resp19",
	" Resp20", "Resp21", " Resp22", " BadCookie",
}

// EDNS0 option codes with their own formats.
const (
	ednsNSID      = 3
	ednsDAU       = 5
	ednsDHU       = 6
	ednsN3U       = 7
	ednsECS       = 8
	ednsExpire    = 9
	ednsCookie    = 10
	ednsKeepalive = 11
	ednsPadding   = 12
	ednsChain     = 13
	ednsKeyTag    = 14
)

var ednsOptNames = []tok{
	{1, "LLQ"}, {2, "UL"}, {3, "NSID"}, {5, "DAU"}, {6, "DHU"}, {7, "N3U"},
	{8, "ECS"}, {9, "EXPIRE"}, {10, "COOKIE"}, {11, "KEEPALIVE"},
	{12, "PADDING"}, {13, "CHAIN"}, {14, "KEY-TAG"}, {16, "CLIENT-TAG"},
	{17, "SERVER-TAG"},
}

// dnssecAlgNames names DNSSEC algorithms (DAU option).
var dnssecAlgNames = []tok{
	{0, "DELETE"}, {1, "RSAMD5"}, {2, "DH"}, {3, "DS"}, {5, "RSASHA1"},
	{6, "DSA-NSEC3-SHA1"}, {7, "RSASHA1-NSEC3-SHA1"}, {8, "RSASHA256"},
	{10, "RSASHA512"}, {12, "ECC-GOST"}, {13, "ECDSAP256SHA256"},
	{14, "ECDSAP384SHA384"}, {15, "ED25519"}, {16, "ED448"},
	{252, "INDIRECT"}, {253, "PRIVATEDNS"}, {254, "PRIVATEOID"},
}

// dsHashNames names DS digest algorithms (DHU option).
var dsHashNames = []tok{
	{1, "SHA-1"}, {2, "SHA-256"}, {3, "GOST_R_34.11-94"}, {4, "SHA-384"},
}

// nsec3HashNames names NSEC3 hash algorithms (N3U option).
var nsec3HashNames = []tok{{1, "SHA-1"}}
