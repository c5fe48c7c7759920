package dissect

// Ethertypes the printers dispatch on (tcpdump's ethertype.h).
const (
	etherTypeGREISO    = 0x00fe // not an ethertype: OSI over GRE
	etherTypeIPv4      = 0x0800
	etherTypeARP       = 0x0806
	etherTypeTrail     = 0x1000
	etherTypeTEB       = 0x6558
	etherTypeRARP      = 0x8035
	etherTypeAppleTalk = 0x809b
	etherTypeAARP      = 0x80f3
	etherType8021Q     = 0x8100
	etherTypeIPX       = 0x8137
	etherTypeIPv6      = 0x86dd
	etherTypePPP       = 0x880b
	etherTypeMPLS      = 0x8847
	etherTypeMPLSMulti = 0x8848
	etherTypePPPoED    = 0x8863
	etherTypePPPoES    = 0x8864
	etherTypeJumbo     = 0x8870
	etherType8021QinQ  = 0x88a8
	etherTypeMACsec    = 0x88e5
	etherTypeNSH       = 0x894f
	etherTypeLoopback  = 0x9000
	etherType8021Q9100 = 0x9100
	etherType8021Q9200 = 0x9200
	etherTypeISO       = 0xfefe

	// maxEthernetLengthVal is the largest value of the type field that is
	// an 802.3 length rather than an ethertype.
	maxEthernetLengthVal = 1500
)

// etherTypeNames is tcpdump 4.99.3's ethertype_values, in its order
// (0x9100 is both 802.1Q-9100 and VMAN; the first entry wins).
var etherTypeNames = []tok{
	{0x0800, "IPv4"},
	{0x8847, "MPLS unicast"},
	{0x8848, "MPLS multicast"},
	{0x86dd, "IPv6"},
	{0x8100, "802.1Q"},
	{0x9100, "802.1Q-9100"},
	{0x88a8, "802.1Q-QinQ"},
	{0x9200, "802.1Q-9200"},
	{0x88e5, "802.1AE MACsec"},
	{0x9100, "VMAN"},
	{0x0200, "PUP"},
	{0x0806, "ARP"},
	{0x8035, "Reverse ARP"},
	{0x0600, "NS"},
	{0x0500, "Sprite"},
	{0x1000, "Trail"},
	{0x6001, "MOP DL"},
	{0x6002, "MOP RC"},
	{0x6003, "DN"},
	{0x6004, "LAT"},
	{0x6007, "SCA"},
	{0x6558, "TEB"},
	{0x8038, "Lanbridge"},
	{0x803c, "DEC DNS"},
	{0x803e, "DEC DTS"},
	{0x805b, "VEXP"},
	{0x805c, "VPROD"},
	{0x809b, "Appletalk"},
	{0x80f3, "Appletalk ARP"},
	{0x8137, "IPX"},
	{0x880b, "PPP"},
	{0x8808, "MPCP"},
	{0x8809, "Slow Protocols"},
	{0x8863, "PPPoE D"},
	{0x8864, "PPPoE S"},
	{0x888e, "EAPOL"},
	{0x8899, "Realtek protocols"},
	{0x886f, "MS NLB heartbeat"},
	{0x8870, "Jumbo"},
	{0x894f, "NSH"},
	{0x9000, "Loopback"},
	{0xfefe, "OSI"},
	{0x00fe, "GRE-OSI"},
	{0xabcd, "CFM (old)"},
	{0x8902, "CFM"},
	{0x893a, "IEEE1905.1"},
	{0x88cc, "LLDP"},
	{0x88ca, "TIPC"},
	{0x0707, "GeoNet (old)"},
	{0x8947, "GeoNet"},
	{0x1111, "CALM FAST"},
	{0x88a2, "AoE"},
	{0x88f7, "PTP"},
	{0xd28b, "Arista Vendor Specific Protocol"},
}

// ethertypePrint hands a payload to the printer registered for its
// ethertype and reports whether there was one (tcpdump's ethertype_print).
func ethertypePrint(nd *ND, t uint16, b []byte, length int) bool {
	fn := etherTypes[t]
	if fn == nil {
		return false
	}
	fn(nd, b, length)
	return true
}

// namedPrinters are printers that other printers call directly in
// tcpdump and whose files may or may not be part of the build: a file
// registers its printer under tcpdump's function name and the callers
// look it up. Names called today: isoclns_print (GRE, MPLS, LLC, ATM),
// ipx_print and atalk_print (GRE, LLC), ppp_print (GRE v1), cdp_print,
// dtp_print, udld_print and vtp_print (SNAP), token_print and fddi_print
// (bridged SNAP), dvmrp_print and pimv1_print (IGMP),
// zmtp1_datagram_print (PGM). Each gets the bytes from its header on and
// the length on the wire, as tcpdump's function does.
var namedPrinters = map[string]etherTypePrinter{}

// registerPrinter makes fn callable by name through callPrinter.
func registerPrinter(name string, fn etherTypePrinter) { namedPrinters[name] = fn }

// callPrinter runs the printer registered under name and reports whether
// there was one.
func callPrinter(nd *ND, name string, b []byte, length int) bool {
	fn := namedPrinters[name]
	if fn == nil {
		return false
	}
	fn(nd, b, length)
	return true
}
