package dissect

// RADIUS (RFC 2865/2866 and the attribute RFCs after them; tcpdump's
// print-radius.c) on UDP ports 1645, 1646, 1700, 1812, 1813 and 3799,
// and with -T radius.

func init() {
	registerUDPPort("radius", radiusPrint, 1645, 1646, 1700, 1812, 1813, 3799)
	registerUDPType("radius", radiusPrint)
}

var radiusCommands = []tok{
	{1, "Access-Request"}, {2, "Access-Accept"}, {3, "Access-Reject"},
	{4, "Accounting-Request"}, {5, "Accounting-Response"}, {11, "Access-Challenge"},
	{12, "Status-Server"}, {13, "Status-Client"}, {40, "Disconnect-Request"},
	{41, "Disconnect-ACK"}, {42, "Disconnect-NAK"}, {43, "CoA-Request"},
	{44, "CoA-ACK"}, {45, "CoA-NAK"}, {255, "Reserved"},
}

// Attribute numbers with special formatting.
const (
	radFramedIPAddr     = 8
	radLoginIPHost      = 14
	radFramedIPX        = 23
	radSessionTimeout   = 27
	radIdleTimeout      = 28
	radAtalkLink        = 37
	radAtalkNetwork     = 38
	radAcctDelay        = 41
	radAcctSessionTime  = 46
	radEgressVLANID     = 56
	radEgressVLANName   = 58
	radTunnelType       = 64
	radTunnelMedium     = 65
	radTunnelClientEnd  = 66
	radTunnelServerEnd  = 67
	radTunnelPass       = 69
	radARAPPass         = 70
	radARAPFeatures     = 71
	radEAPMessage       = 79
	radTunnelPrivGroup  = 81
	radTunnelAssignID   = 82
	radTunnelPreference = 83
	radARAPChallenge    = 84
	radAcctInterim      = 85
	radTunnelClientAuth = 90
	radTunnelServerAuth = 91
	radErrorCause       = 101
)

var radiusTagged = []tok{{0x31, "Tagged"}, {0x32, "Untagged"}}

var radiusErrorCauses = []tok{
	{201, "Residual Session Context Removed"}, {202, "Invalid EAP Packet (Ignored)"},
	{401, "Unsupported Attribute"}, {402, "Missing Attribute"},
	{403, "NAS Identification Mismatch"}, {404, "Invalid Request"},
	{405, "Unsupported Service"}, {406, "Unsupported Extension"},
	{407, "Invalid Attribute Value"}, {501, "Administratively Prohibited"},
	{502, "Request Not Routable (Proxy)"}, {503, "Session Context Not Found"},
	{504, "Session Context Not Removable"}, {505, "Other Proxy Processing Error"},
	{506, "Resources Unavailable"}, {507, "Request Initiated"},
	{508, "Multiple Session Selection Unsupported"}, {509, "Location Info Required"},
}

// radiusMIP6Features are the MIP6-Feature-Vector bits, in print order.
var radiusMIP6Features = [...]struct {
	bit  uint64
	name string
}{
	{0x0000000000000001, "MIP6_INTEGRATED"},
	{0x0000000000000002, "LOCAL_HOME_AGENT_ASSIGNMENT"},
	{0x0000010000000000, "PMIP6_SUPPORTED"},
	{0x0000020000000000, "IP4_HOA_SUPPORTED"},
	{0x0000040000000000, "LOCAL_MAG_ROUTING_SUPPORTED"},
	{0x0000080000000000, "ASSIGN_LOCAL_IP"},
	{0x0000100000000000, "MIP4_SUPPORTED"},
	{0x0000200000000000, "OPTIMIZED_IDLE_MODE_MOBILITY"},
	{0x0000400000000000, "GTPv2_SUPPORTED"},
	{0x0000800000000000, "IP4_TRANSPORT_SUPPORTED"},
	{0x0001000000000000, "IP4_HOA_ONLY_SUPPORTED"},
	{0x0002000000000000, "INTER_MAG_ROUTING_SUPPORTED"},
}

var radiusOperatorNamespaces = []tok{{0x30, "TADIG"}, {0x31, "REALM"}, {0x32, "E212"}, {0x33, "ICC"}}

var radiusLocationCodes = []tok{{0, "Civic"}, {1, "Geospatial"}}

var radiusLocationEntities = []tok{{0, "User"}, {1, "RADIUS"}}

var radiusPolicyFlags = []tok{
	{0x0001, "MBZ-15"}, {0x0002, "MBZ-14"}, {0x0004, "MBZ-13"}, {0x0008, "MBZ-12"},
	{0x0010, "MBZ-11"}, {0x0020, "MBZ-10"}, {0x0040, "MBZ-9"}, {0x0080, "MBZ-8"},
	{0x0100, "MBZ-7"}, {0x0200, "MBZ-6"}, {0x0400, "MBZ-5"}, {0x0800, "MBZ-4"},
	{0x1000, "MBZ-3"}, {0x2000, "MBZ-2"}, {0x4000, "MBZ-1"},
	{0x8000, "Retransmission Allowed"},
}

// radiusAttr describes one attribute type: its name, the names of its
// standard values (numbered from first) and how its value prints.
type radiusAttr struct {
	name   string
	values []string
	first  uint32
	print  radiusAttrPrinter
}

// radiusAttrPrinter prints the n-byte value at off of attribute code.
type radiusAttrPrinter func(nd *ND, b []byte, off, n int, code uint8, a *radiusAttr)

// radiusValues name the standard values of enumerated attributes.
var (
	radiusServType       = []string{"", "Login", "Framed", "Callback Login", "Callback Framed", "Outbound", "Administrative", "NAS Prompt", "Authenticate Only", "Callback NAS Prompt", "Call Check", "Callback Administrative", "Voice", "Fax", "Modem Relay", "IAPP-Register", "IAPP-AP-Check", "Authorize Only", "Framed-Management", "Additional-Authorization"}
	radiusFrmProto       = []string{"", "PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP", "X.75 Synchronous", "GPRS PDP Context"}
	radiusFrmRouting     = []string{"None", "Send", "Listen", "Send&Listen"}
	radiusFrmComp        = []string{"None", "VJ TCP/IP", "IPX", "Stac-LZS"}
	radiusLoginServ      = []string{"Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD", "X.25-T3POS", "Unassigned", "TCP Clear Quiet"}
	radiusTermAction     = []string{"Default", "RADIUS-Request"}
	radiusIngressFilters = []string{"", "Enabled", "Disabled"}
	radiusNasPortType    = []string{"Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual", "PIAFS", "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL", "Ethernet", "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11", "Token-Ring", "FDDI", "Wireless - CDMA200", "Wireless - UMTS", "Wireless - 1X-EV", "IAPP", "FTTP", "Wireless - IEEE 802.16", "Wireless - IEEE 802.20", "Wireless - IEEE 802.22", "PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN", "PPPoEoQinQ", "xPON", "Wireless - XGP", "WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF", "WIMAX-HA-LMA", "WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS"}
	radiusAcctStatus     = []string{"", "Start", "Stop", "Interim-Update", "Unassigned", "Unassigned", "Unassigned", "Accounting-On", "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject", "Tunnel-Link-Start", "Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed"}
	radiusAcctAuth       = []string{"", "RADIUS", "Local", "Remote", "Diameter"}
	radiusAcctTerm       = []string{"", "User Request", "Lost Carrier", "Lost Service", "Idle Timeout", "Session Timeout", "Admin Reset", "Admin Reboot", "Port Error", "NAS Error", "NAS Request", "NAS Reboot", "Port Unneeded", "Port Preempted", "Port Suspended", "Service Unavailable", "Callback", "User Error", "Host Request", "Supplicant Restart", "Reauthentication Failure", "Port Reinitialized", "Port Administratively Disabled", "Lost Power"}
	radiusTunnelType     = []string{"", "PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP", "GRE", "DVS", "IP-in-IP Tunneling", "VLAN"}
	radiusTunnelMedium   = []string{"", "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69", "X.121", "IPX", "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress"}
	radiusArapZone       = []string{"", "Only access to dfl zone", "Use zone filter inc.", "Not used", "Use zone filter exc."}
	radiusPrompt         = []string{"No Echo", "Echo"}
)

// radiusAttrs describes the attribute types by number.
var radiusAttrs = [...]radiusAttr{
	0:   {name: ""},
	1:   {name: "User-Name", print: radiusString},
	2:   {name: "User-Password"},
	3:   {name: "CHAP-Password"},
	4:   {name: "NAS-IP-Address", print: radiusAddr},
	5:   {name: "NAS-Port", print: radiusNum},
	6:   {name: "Service-Type", values: radiusServType, first: 1, print: radiusNum},
	7:   {name: "Framed-Protocol", values: radiusFrmProto, first: 1, print: radiusNum},
	8:   {name: "Framed-IP-Address", print: radiusAddr},
	9:   {name: "Framed-IP-Netmask", print: radiusAddr},
	10:  {name: "Framed-Routing", values: radiusFrmRouting, print: radiusNum},
	11:  {name: "Filter-Id", print: radiusString},
	12:  {name: "Framed-MTU", print: radiusNum},
	13:  {name: "Framed-Compression", values: radiusFrmComp, print: radiusNum},
	14:  {name: "Login-IP-Host", print: radiusAddr},
	15:  {name: "Login-Service", values: radiusLoginServ, print: radiusNum},
	16:  {name: "Login-TCP-Port", print: radiusNum},
	17:  {name: "Unassigned"},
	18:  {name: "Reply-Message", print: radiusString},
	19:  {name: "Callback-Number", print: radiusString},
	20:  {name: "Callback-Id", print: radiusString},
	21:  {name: "Unassigned"},
	22:  {name: "Framed-Route", print: radiusString},
	23:  {name: "Framed-IPX-Network", print: radiusNum},
	24:  {name: "State", print: radiusString},
	25:  {name: "Class", print: radiusString},
	26:  {name: "Vendor-Specific", print: radiusVendor},
	27:  {name: "Session-Timeout", print: radiusNum},
	28:  {name: "Idle-Timeout", print: radiusNum},
	29:  {name: "Termination-Action", values: radiusTermAction, print: radiusNum},
	30:  {name: "Called-Station-Id", print: radiusString},
	31:  {name: "Calling-Station-Id", print: radiusString},
	32:  {name: "NAS-Identifier", print: radiusString},
	33:  {name: "Proxy-State", print: radiusString},
	34:  {name: "Login-LAT-Service", print: radiusString},
	35:  {name: "Login-LAT-Node", print: radiusString},
	36:  {name: "Login-LAT-Group", print: radiusString},
	37:  {name: "Framed-AppleTalk-Link", print: radiusNum},
	38:  {name: "Framed-AppleTalk-Network", print: radiusNum},
	39:  {name: "Framed-AppleTalk-Zone", print: radiusString},
	40:  {name: "Acct-Status-Type", values: radiusAcctStatus, first: 1, print: radiusNum},
	41:  {name: "Acct-Delay-Time", print: radiusNum},
	42:  {name: "Acct-Input-Octets", print: radiusNum},
	43:  {name: "Acct-Output-Octets", print: radiusNum},
	44:  {name: "Acct-Session-Id", print: radiusString},
	45:  {name: "Acct-Authentic", values: radiusAcctAuth, first: 1, print: radiusNum},
	46:  {name: "Acct-Session-Time", print: radiusNum},
	47:  {name: "Acct-Input-Packets", print: radiusNum},
	48:  {name: "Acct-Output-Packets", print: radiusNum},
	49:  {name: "Acct-Terminate-Cause", values: radiusAcctTerm, first: 1, print: radiusNum},
	50:  {name: "Acct-Multi-Session-Id", print: radiusString},
	51:  {name: "Acct-Link-Count", print: radiusNum},
	52:  {name: "Acct-Input-Gigawords", print: radiusNum},
	53:  {name: "Acct-Output-Gigawords", print: radiusNum},
	54:  {name: "Unassigned"},
	55:  {name: "Event-Timestamp", print: radiusTime},
	56:  {name: "Egress-VLANID", print: radiusNum},
	57:  {name: "Ingress-Filters", values: radiusIngressFilters, first: 1, print: radiusNum},
	58:  {name: "Egress-VLAN-Name", print: radiusString},
	59:  {name: "User-Priority-Table"},
	60:  {name: "CHAP-Challenge", print: radiusString},
	61:  {name: "NAS-Port-Type", values: radiusNasPortType, print: radiusNum},
	62:  {name: "Port-Limit", print: radiusNum},
	63:  {name: "Login-LAT-Port", print: radiusString},
	64:  {name: "Tunnel-Type", values: radiusTunnelType, first: 1, print: radiusNum},
	65:  {name: "Tunnel-Medium-Type", values: radiusTunnelMedium, first: 1, print: radiusNum},
	66:  {name: "Tunnel-Client-Endpoint", print: radiusString},
	67:  {name: "Tunnel-Server-Endpoint", print: radiusString},
	68:  {name: "Acct-Tunnel-Connection", print: radiusString},
	69:  {name: "Tunnel-Password", print: radiusString},
	70:  {name: "ARAP-Password", print: radiusStrange},
	71:  {name: "ARAP-Features", print: radiusStrange},
	72:  {name: "ARAP-Zone-Access", values: radiusArapZone, first: 1, print: radiusNum},
	73:  {name: "ARAP-Security", print: radiusString},
	74:  {name: "ARAP-Security-Data", print: radiusString},
	75:  {name: "Password-Retry", print: radiusNum},
	76:  {name: "Prompt", values: radiusPrompt, print: radiusNum},
	77:  {name: "Connect-Info", print: radiusString},
	78:  {name: "Configuration-Token", print: radiusString},
	79:  {name: "EAP-Message", print: radiusString},
	80:  {name: "Message-Authenticator", print: radiusString},
	81:  {name: "Tunnel-Private-Group-ID", print: radiusString},
	82:  {name: "Tunnel-Assignment-ID", print: radiusString},
	83:  {name: "Tunnel-Preference", print: radiusNum},
	84:  {name: "ARAP-Challenge-Response", print: radiusStrange},
	85:  {name: "Acct-Interim-Interval", print: radiusNum},
	86:  {name: "Acct-Tunnel-Packets-Lost", print: radiusNum},
	87:  {name: "NAS-Port-Id", print: radiusString},
	88:  {name: "Framed-Pool", print: radiusString},
	89:  {name: "CUI", print: radiusString},
	90:  {name: "Tunnel-Client-Auth-ID", print: radiusString},
	91:  {name: "Tunnel-Server-Auth-ID", print: radiusString},
	92:  {name: "NAS-Filter-Rule", print: radiusString},
	93:  {name: "Unassigned"},
	94:  {name: "Originating-Line-Info"},
	95:  {name: "NAS-IPv6-Address", print: radiusAddr6},
	96:  {name: "Framed-Interface-ID"},
	97:  {name: "Framed-IPv6-Prefix", print: radiusNetmask6},
	98:  {name: "Login-IPv6-Host", print: radiusAddr6},
	99:  {name: "Framed-IPv6-Route", print: radiusString},
	100: {name: "Framed-IPv6-Pool", print: radiusString},
	101: {name: "Error-Cause", print: radiusStrange},
	102: {name: "EAP-Key-Name"},
	103: {name: "Digest-Response", print: radiusString},
	104: {name: "Digest-Realm", print: radiusString},
	105: {name: "Digest-Nonce", print: radiusString},
	106: {name: "Digest-Response-Auth", print: radiusString},
	107: {name: "Digest-Nextnonce", print: radiusString},
	108: {name: "Digest-Method", print: radiusString},
	109: {name: "Digest-URI", print: radiusString},
	110: {name: "Digest-Qop", print: radiusString},
	111: {name: "Digest-Algorithm", print: radiusString},
	112: {name: "Digest-Entity-Body-Hash", print: radiusString},
	113: {name: "Digest-CNonce", print: radiusString},
	114: {name: "Digest-Nonce-Count", print: radiusString},
	115: {name: "Digest-Username", print: radiusString},
	116: {name: "Digest-Opaque", print: radiusString},
	117: {name: "Digest-Auth-Param", print: radiusString},
	118: {name: "Digest-AKA-Auts", print: radiusString},
	119: {name: "Digest-Domain", print: radiusString},
	120: {name: "Digest-Stale", print: radiusString},
	121: {name: "Digest-HA1", print: radiusString},
	122: {name: "SIP-AOR", print: radiusString},
	123: {name: "Delegated-IPv6-Prefix", print: radiusNetmask6},
	124: {name: "MIP6-Feature-Vector", print: radiusVector64},
	125: {name: "MIP6-Home-Link-Prefix", print: radiusMIP6Prefix},
	126: {name: "Operator-Name", print: radiusOperatorName},
	127: {name: "Location-Information", print: radiusLocationInfo},
	128: {name: "Location-Data", print: radiusLocationData},
	129: {name: "Basic-Location-Policy-Rules", print: radiusPolicyRules},
}
