package dissect

// Ethertypes tcpdump knows by name (ethertype_values).
const (
	etherTypeIPv4      = 0x0800
	etherTypeARP       = 0x0806
	etherTypeRARP      = 0x8035
	etherTypeIPv6      = 0x86dd
	etherType8021Q     = 0x8100
	etherType8021Q9100 = 0x9100
	etherType8021Q9200 = 0x9200
	etherType8021QinQ  = 0x88a8
	etherTypeMPLS      = 0x8847
	etherTypeMPLSMulti = 0x8848
	etherTypeTEB       = 0x6558
	etherTypeNSH       = 0x894f
	etherTypeMACsec    = 0x88e5
	etherTypeJumbo     = 0x8870
	etherTypeLoopback  = 0x9000
	etherTypePPPoED    = 0x8863
	etherTypePPPoES    = 0x8864

	// maxEthernetLengthVal is the largest value of the type field that is
	// an 802.3 length rather than an ethertype.
	maxEthernetLengthVal = 1500
)

var etherTypeNames = []tok{
	{0x0060, "Loopback"},
	{0x0200, "PUP"},
	{0x0800, "IPv4"},
	{0x0806, "ARP"},
	{0x86dd, "IPv6"},
	{0x9000, "Loopback"},
	{0x8100, "802.1Q"},
	{0x88a8, "802.1Q-QinQ"},
	{0x9100, "802.1Q-9100"},
	{0x9200, "802.1Q-9200"},
	{0x88e5, "802.1AE MACsec"},
	{0x8870, "Jumbo"},
	{0x8847, "MPLS unicast"},
	{0x8848, "MPLS multicast"},
	{0x6558, "Transparent Ethernet Bridging"},
	{0x8035, "Reverse ARP"},
	{0x809b, "Appletalk"},
	{0x80f3, "Appletalk ARP"},
	{0x8137, "IPX"},
	{0x8863, "PPPoE D"},
	{0x8864, "PPPoE S"},
	{0x880b, "PPP"},
	{0x88be, "ERSPAN"},
	{0x888e, "EAPOL"},
	{0x88cc, "LLDP"},
	{0x8809, "Slow Protocols"},
	{0x88f7, "PTP"},
	{0x894f, "NSH"},
	{0x6000, "DEC"},
	{0x6001, "MOP DL"},
	{0x6002, "MOP RC"},
	{0x6003, "DN"},
	{0x6004, "LAT"},
	{0x6005, "DEC Diag"},
	{0x6006, "DEC CustSupp"},
	{0x6007, "SCA"},
	{0x8038, "DEC LanBridge"},
	{0x803c, "DEC DSMD"},
	{0x803d, "DEC Ethernet CSMA/CD"},
	{0x803e, "DEC DNS"},
	{0x803f, "DEC LANcast"},
	{0x8040, "DEC DEC Ethernet Master"},
	{0x8041, "DEC DEC Ethernet Slave"},
	{0x8042, "DEC DEC Ethernet Monitor"},
	{0x8102, "ARISTA"},
	{0x8847, "MPLS unicast"},
	{0x8848, "MPLS multicast"},
	{0x886f, "MS NLB heartbeat"},
	{0x88a2, "AoE"},
	{0x88ca, "TIPC"},
	{0x8906, "Cisco FCoE"}, // FCoE
	{0x8914, "FIP"},
	{0x893a, "IEEE1905.1"},
	{0x9999, "CALM FAST"},
	{0x8947, "GeoNet"},
	{0x0707, "GeoNet (old)"},
	{0x88d8, "MEF-8 Emulated Circuit"},
	{0x8808, "MAC control"},
	{0x88e7, "802.1ah (PBB)"},
	{0x8915, "RoCE"},
	{0x88b5, "Local Experimental Ethertype 1"},
	{0x88b6, "Local Experimental Ethertype 2"},
	{0x9001, "3Com XNS Sys Mgmt"},
	{0x9002, "3Com TCP/IP Sys"},
	{0x9003, "3Com loop detect"},
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
