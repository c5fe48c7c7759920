package dissect

// OpenFlow 1.0 (tcpdump's print-openflow-1.0.c): message bodies at -v,
// more detail at -vv, Ethernet frames inside PACKET_IN/PACKET_OUT at
// -vvv and above (decoded with the verbosity lowered by 3).

// OpenFlow 1.0 message types (each entry's index is its type number).
var of10MsgTypes = []ofMsgType{
	{"HELLO", ofDataPrint, ofReqMin, 0},
	{"ERROR", of10ErrorPrint, ofReqMin, 4},
	{"ECHO_REQUEST", ofDataPrint, ofReqMin, 0},
	{"ECHO_REPLY", ofDataPrint, ofReqMin, 0},
	{"VENDOR", of10VendorMessagePrint, ofReqMin, 4},
	{"FEATURES_REQUEST", nil, ofReqFix, 0},
	{"FEATURES_REPLY", of10FeaturesReplyPrint, ofReqMin, 24},
	{"GET_CONFIG_REQUEST", nil, ofReqFix, 0},
	{"GET_CONFIG_REPLY", of10SwitchConfigPrint, ofReqFix, 4},
	{"SET_CONFIG", of10SwitchConfigPrint, ofReqFix, 4},
	{"PACKET_IN", of10PacketInPrint, ofReqMin, 10},
	{"FLOW_REMOVED", of10FlowRemovedPrint, ofReqFix, 80},
	{"PORT_STATUS", of10PortStatusPrint, ofReqFix, 56},
	{"PACKET_OUT", of10PacketOutPrint, ofReqMin, 8},
	{"FLOW_MOD", of10FlowModPrint, ofReqMin, 64},
	{"PORT_MOD", of10PortModPrint, ofReqFix, 24},
	{"STATS_REQUEST", of10StatsRequestPrint, ofReqMin, 4},
	{"STATS_REPLY", of10StatsReplyPrint, ofReqMin, 4},
	{"BARRIER_REQUEST", nil, ofReqFix, 0},
	{"BARRIER_REPLY", nil, ofReqFix, 0},
	{"QUEUE_GET_CONFIG_REQUEST", of10QueueGetConfigRequestPrint, ofReqFix, 4},
	{"QUEUE_GET_CONFIG_REPLY", of10QueueGetConfigReplyPrint, ofReqMin, 8},
}

var of10PortConfigBits = []tok{
	{1 << 0, "PORT_DOWN"}, {1 << 1, "NO_STP"}, {1 << 2, "NO_RECV"}, {1 << 3, "NO_RECV_STP"},
	{1 << 4, "NO_FLOOD"}, {1 << 5, "NO_FWD"}, {1 << 6, "NO_PACKET_IN"},
}

const of10PortConfigU = ^uint32(1<<7 - 1)

var of10STPStates = []tok{
	{0 << 8, "STP_LISTEN"}, {1 << 8, "STP_LEARN"}, {2 << 8, "STP_FORWARD"}, {3 << 8, "STP_BLOCK"},
}

const of10PortStateU = ^uint32(1 | 3<<8)

// Reserved port numbers.
const (
	of10PortController = 0xfffd
)

var of10Ports = []tok{
	{0xff00, "MAX"}, {0xfff8, "IN_PORT"}, {0xfff9, "TABLE"}, {0xfffa, "NORMAL"},
	{0xfffb, "FLOOD"}, {0xfffc, "ALL"}, {0xfffd, "CONTROLLER"}, {0xfffe, "LOCAL"},
	{0xffff, "NONE"},
}

var of10PortFeatureBits = []tok{
	{1 << 0, "10MB_HD"}, {1 << 1, "10MB_FD"}, {1 << 2, "100MB_HD"}, {1 << 3, "100MB_FD"},
	{1 << 4, "1GB_HD"}, {1 << 5, "1GB_FD"}, {1 << 6, "10GB_FD"}, {1 << 7, "COPPER"},
	{1 << 8, "FIBER"}, {1 << 9, "AUTONEG"}, {1 << 10, "PAUSE"}, {1 << 11, "PAUSE_ASYM"},
}

const of10PortFeatureU = ^uint32(1<<12 - 1)

var of10QueuePropNames = []tok{{0, "NONE"}, {1, "MIN_RATE"}}

// Flow match wildcards.
const (
	of10WildInPort    = 1 << 0
	of10WildDLVLAN    = 1 << 1
	of10WildDLSrc     = 1 << 2
	of10WildDLDst     = 1 << 3
	of10WildDLType    = 1 << 4
	of10WildNWProto   = 1 << 5
	of10WildTPSrc     = 1 << 6
	of10WildTPDst     = 1 << 7
	of10WildDLVLANPCP = 1 << 20
	of10WildNWTOS     = 1 << 21
	of10WildAll       = 1<<22 - 1
)

var of10WildcardBits = []tok{
	{of10WildInPort, "IN_PORT"}, {of10WildDLVLAN, "DL_VLAN"}, {of10WildDLSrc, "DL_SRC"},
	{of10WildDLDst, "DL_DST"}, {of10WildDLType, "DL_TYPE"}, {of10WildNWProto, "NW_PROTO"},
	{of10WildTPSrc, "TP_SRC"}, {of10WildTPDst, "TP_DST"}, {of10WildDLVLANPCP, "DL_VLAN_PCP"},
	{of10WildNWTOS, "NW_TOS"},
}

// Action types.
const (
	of10ActOutput     = 0
	of10ActSetVLANVID = 1
	of10ActSetVLANPCP = 2
	of10ActStripVLAN  = 3
	of10ActSetDLSrc   = 4
	of10ActSetDLDst   = 5
	of10ActSetNWSrc   = 6
	of10ActSetNWDst   = 7
	of10ActSetNWTOS   = 8
	of10ActSetTPSrc   = 9
	of10ActSetTPDst   = 10
	of10ActEnqueue    = 11
	of10ActVendor     = 0xffff
)

var of10ActionNames = []tok{
	{of10ActOutput, "OUTPUT"}, {of10ActSetVLANVID, "SET_VLAN_VID"}, {of10ActSetVLANPCP, "SET_VLAN_PCP"},
	{of10ActStripVLAN, "STRIP_VLAN"}, {of10ActSetDLSrc, "SET_DL_SRC"}, {of10ActSetDLDst, "SET_DL_DST"},
	{of10ActSetNWSrc, "SET_NW_SRC"}, {of10ActSetNWDst, "SET_NW_DST"}, {of10ActSetNWTOS, "SET_NW_TOS"},
	{of10ActSetTPSrc, "SET_TP_SRC"}, {of10ActSetTPDst, "SET_TP_DST"}, {of10ActEnqueue, "ENQUEUE"},
	{of10ActVendor, "VENDOR"},
}

// of10ActionBits is of10ActionNames as a bitmap of supported actions.
var of10ActionBits = func() []tok {
	var t []tok
	for _, a := range of10ActionNames[:12] {
		t = append(t, tok{1 << a.v, a.s})
	}
	return t
}()

const of10ActionU = ^uint32(1<<12 - 1)

var of10CapabilityBits = []tok{
	{1 << 0, "FLOW_STATS"}, {1 << 1, "TABLE_STATS"}, {1 << 2, "PORT_STATS"}, {1 << 3, "STP"},
	{1 << 4, "RESERVED"}, {1 << 5, "IP_REASM"}, {1 << 6, "QUEUE_STATS"}, {1 << 7, "ARP_MATCH_IP"},
}

const of10CapabilityU = ^uint32(1<<8 - 1 - 1<<4)

var of10ConfigFlags = []tok{{0, "FRAG_NORMAL"}, {1, "FRAG_DROP"}, {2, "FRAG_REASM"}}

// Flow mod commands.
const (
	of10FlowAdd          = 0
	of10FlowModify       = 1
	of10FlowModifyStrict = 2
	of10FlowDelete       = 3
	of10FlowDeleteStrict = 4
)

var of10FlowCommands = []tok{
	{of10FlowAdd, "ADD"}, {of10FlowModify, "MODIFY"}, {of10FlowModifyStrict, "MODIFY_STRICT"},
	{of10FlowDelete, "DELETE"}, {of10FlowDeleteStrict, "DELETE_STRICT"},
}

var ofBufferIDs = []tok{{0xffffffff, "NONE"}}

var of10FlowModFlagBits = []tok{{1 << 0, "SEND_FLOW_REM"}, {1 << 1, "CHECK_OVERLAP"}, {1 << 2, "EMERG"}}

const of10FlowModFlagU = ^uint32(7)

// Statistics types.
const (
	of10StatsDesc      = 0
	of10StatsFlow      = 1
	of10StatsAggregate = 2
	of10StatsTable     = 3
	of10StatsPort      = 4
	of10StatsQueue     = 5
	of10StatsVendor    = 0xffff
)

var of10StatsTypes = []tok{
	{of10StatsDesc, "DESC"}, {of10StatsFlow, "FLOW"}, {of10StatsAggregate, "AGGREGATE"},
	{of10StatsTable, "TABLE"}, {of10StatsPort, "PORT"}, {of10StatsQueue, "QUEUE"},
	{of10StatsVendor, "VENDOR"},
}

var (
	of10TableIDs         = []tok{{0xfe, "EMERG"}, {0xff, "ALL"}}
	of10QueueIDs         = []tok{{0xffffffff, "ALL"}}
	of10StatsReplyBits   = []tok{{1, "MORE"}}
	of10PacketInReasons  = []tok{{0, "NO_MATCH"}, {1, "ACTION"}}
	of10FlowRemovedWhy   = []tok{{0, "IDLE_TIMEOUT"}, {1, "HARD_TIMEOUT"}, {2, "DELETE"}}
	of10PortStatusReason = []tok{{0, "ADD"}, {1, "DELETE"}, {2, "MODIFY"}}
	of10ErrorTypes       = []tok{
		{0, "HELLO_FAILED"}, {1, "BAD_REQUEST"}, {2, "BAD_ACTION"},
		{3, "FLOW_MOD_FAILED"}, {4, "PORT_MOD_FAILED"}, {5, "QUEUE_OP_FAILED"},
	}
	of10ErrorCodes = map[uint16][]tok{
		0: {{0, "INCOMPATIBLE"}, {1, "EPERM"}},
		1: {
			{0, "BAD_VERSION"}, {1, "BAD_TYPE"}, {2, "BAD_STAT"}, {3, "BAD_VENDOR"}, {4, "BAD_SUBTYPE"},
			{5, "EPERM"}, {6, "BAD_LEN"}, {7, "BUFFER_EMPTY"}, {8, "BUFFER_UNKNOWN"},
		},
		2: {
			{0, "BAD_TYPE"}, {1, "BAD_LEN"}, {2, "BAD_VENDOR"}, {3, "BAD_VENDOR_TYPE"}, {4, "BAD_OUT_PORT"},
			{5, "BAD_ARGUMENT"}, {6, "EPERM"}, {7, "TOO_MANY"}, {8, "BAD_QUEUE"},
		},
		3: {
			{0, "ALL_TABLES_FULL"}, {1, "OVERLAP"}, {2, "EPERM"}, {3, "BAD_EMERG_TIMEOUT"},
			{4, "BAD_COMMAND"}, {5, "UNSUPPORTED"},
		},
		4: {{0, "BAD_PORT"}, {1, "BAD_HW_ADDR"}},
		5: {{0, "BAD_PORT"}, {1, "BAD_QUEUE"}, {2, "EPERM"}},
	}
)

// Big Switch Networks vendor extensions.
const ofOUIBSN = 0x5c16c7

var bsnSubtypes = []tok{
	{0, "SET_IP_MASK"}, {1, "GET_IP_MASK_REQUEST"}, {2, "GET_IP_MASK_REPLY"},
	{3, "SET_MIRRORING"}, {4, "GET_MIRRORING_REQUEST"}, {5, "GET_MIRRORING_REPLY"},
	{6, "SHELL_COMMAND"}, {7, "SHELL_OUTPUT"}, {8, "SHELL_STATUS"},
	{9, "GET_INTERFACES_REQUEST"}, {10, "GET_INTERFACES_REPLY"},
	{11, "SET_PKTIN_SUPPRESSION_REQUEST"}, {12, "SET_L2_TABLE_REQUEST"},
	{13, "GET_L2_TABLE_REQUEST"}, {14, "GET_L2_TABLE_REPLY"},
	{15, "VIRTUAL_PORT_CREATE_REQUEST"}, {16, "VIRTUAL_PORT_CREATE_REPLY"},
	{17, "VIRTUAL_PORT_REMOVE_REQUEST"}, {18, "BW_ENABLE_SET_REQUEST"},
	{19, "BW_ENABLE_GET_REQUEST"}, {20, "BW_ENABLE_GET_REPLY"},
	{21, "BW_CLEAR_DATA_REQUEST"}, {22, "BW_CLEAR_DATA_REPLY"},
	{23, "BW_ENABLE_SET_REPLY"}, {24, "SET_L2_TABLE_REPLY"},
	{25, "SET_PKTIN_SUPPRESSION_REPLY"}, {26, "VIRTUAL_PORT_REMOVE_REPLY"},
	{27, "HYBRID_GET_REQUEST"}, {28, "HYBRID_GET_REPLY"},
	{31, "PDU_TX_REQUEST"}, {32, "PDU_TX_REPLY"}, {33, "PDU_RX_REQUEST"},
	{34, "PDU_RX_REPLY"}, {35, "PDU_RX_TIMEOUT"},
}

var (
	bsnActionSubtypes = []tok{{1, "MIRROR"}, {2, "SET_TUNNEL_DST"}, {4, "CHECKSUM"}}
	bsnCopyStages     = []tok{{0, "INGRESS"}, {1, "EGRESS"}}
	bsnOnOff          = []tok{{0, "OFF"}, {1, "ON"}}
)

// of10VLANPrint prints a VLAN ID: NONE, or the number marked bogus when
// out of range.
func of10VLANPrint(nd *ND, vid uint16) {
	if vid == 0xffff {
		nd.Print("NONE")
		return
	}
	nd.PrintUint(uint64(vid))
	if vid == 0 || vid >= 0x0fff {
		nd.Print(" (bogus)")
	}
}

func of10PCPPrint(nd *ND, pcp uint8) {
	nd.PrintUint(uint64(pcp))
	if pcp > 7 {
		nd.Print(" (bogus)")
	}
}

// of10PortNoPrint prints label and a port number or its reserved name.
func of10PortNoPrint(nd *ND, label string, port uint16) {
	nd.Print(label)
	nd.printTok(of10Ports, "%d", uint32(port))
}

func of10BSNMessagePrint(nd *ND, c *ofCursor) {
	if c.n < 4 {
		c.invalid(nd)
		return
	}
	subtype := c.u32(0)
	c.fwd(4)
	nd.Print("\n\t subtype ")
	nd.printTok(bsnSubtypes, "unknown (0x%08x)", subtype)
	switch subtype {
	case 1: // GET_IP_MASK_REQUEST
		if c.n != 8 {
			c.invalid(nd)
			return
		}
		idx := c.u8(0)
		nd.Print(", index ")
		nd.PrintUint(uint64(idx))
		c.fwd(1)
		tcheck(c.b, c.off, 7)
	case 0, 2: // SET_IP_MASK, GET_IP_MASK_REPLY
		if c.n != 8 {
			c.invalid(nd)
			return
		}
		idx := c.u8(0)
		nd.Print(", index ")
		nd.PrintUint(uint64(idx))
		c.fwd(4)
		tcheck(c.b, c.off, 4)
		nd.Print(", mask ")
		nd.PrintIPAddr(c.b, c.off)
	case 3, 4, 5: // mirroring
		if c.n != 4 {
			c.invalid(nd)
			return
		}
		v := c.u8(0)
		nd.Print(", report_mirror_ports ")
		nd.printTok(bsnOnOff, "bogus (%d)", uint32(v))
		c.fwd(1)
		tcheck(c.b, c.off, 3)
	case 9, 13, 19, 21, 27: // requests without a body
		if c.n != 0 {
			c.invalid(nd)
		}
	case 17: // VIRTUAL_PORT_REMOVE_REQUEST
		if c.n != 4 {
			c.invalid(nd)
			return
		}
		v := c.u32(0)
		nd.Print(", vport_no ")
		nd.PrintUint(uint64(v))
	case 6: // SHELL_COMMAND
		if c.n < 4 {
			c.invalid(nd)
			return
		}
		c.printU32(nd, ", service ")
		nd.Print(", data '")
		nd.printjn(c.b, c.off, c.n)
		nd.PrintByte('\'')
	case 7: // SHELL_OUTPUT
		nd.Print(", data '")
		nd.printjn(c.b, c.off, c.n)
		nd.PrintByte('\'')
	case 8: // SHELL_STATUS
		if c.n != 4 {
			c.invalid(nd)
			return
		}
		v := c.u32(0)
		nd.Print(", status 0x")
		nd.PrintHex(uint64(v), 8)
	default:
		c.rest()
	}
}

func of10BSNActionPrint(nd *ND, c *ofCursor) {
	if c.n < 4 {
		c.invalid(nd)
		return
	}
	subtype := c.u32(0)
	c.fwd(4)
	nd.Print("\n\t  subtype ")
	nd.printTok(bsnActionSubtypes, "unknown (0x%08x)", subtype)
	if subtype != 1 { // MIRROR is the only one decoded
		c.rest()
		return
	}
	if c.n != 12 {
		c.invalid(nd)
		return
	}
	c.printU32(nd, ", dest_port ")
	tag := c.u32(0)
	c.fwd(4)
	switch tag >> 16 {
	case 0:
		nd.Print(", vlan_tag none")
	case etherType8021Q:
		nd.Print(", vlan_tag 802.1Q (")
		vlanTCIPrint(nd, uint16(tag))
		nd.PrintByte(')')
	default:
		nd.Printf(", vlan_tag unknown (0x%04x)", tag>>16)
	}
	stage := c.u8(0)
	nd.Print(", copy_stage ")
	nd.printTok(bsnCopyStages, "unknown (%d)", uint32(stage))
	c.fwd(1)
	tcheck(c.b, c.off, 3)
}

// of10VendorPrint prints a vendor ID and hands the rest to the BSN
// decoder or dumps it.
func of10VendorPrint(nd *ND, c *ofCursor, bsn func(*ND, *ofCursor)) {
	v := c.u32(0)
	c.fwd(4)
	ofVendorPrint(nd, ", vendor", v)
	if v == ofOUIBSN && bsn != nil {
		bsn(nd, c)
		return
	}
	ofDataPrint(nd, c)
}

func of10VendorMessagePrint(nd *ND, c *ofCursor) {
	of10VendorPrint(nd, c, of10BSNMessagePrint)
}

// of10VendorDataPrint is for vendor statistics: the vendor, then data.
func of10VendorDataPrint(nd *ND, c *ofCursor) {
	if c.n < 4 {
		c.invalid(nd)
		return
	}
	of10VendorPrint(nd, c, nil)
}

// of10PacketDataPrint prints the frame a PACKET_IN or PACKET_OUT
// carries: its length, and at -vvv the frame itself. As in tcpdump, a
// frame cut short leaves the verbosity lowered.
func of10PacketDataPrint(nd *ND, c *ofCursor) {
	if c.n == 0 {
		return
	}
	nd.Print("\n\t data (")
	nd.PrintUint(uint64(c.n))
	nd.Print(" octets)")
	if nd.Verbose < 3 {
		c.rest()
		return
	}
	nd.Verbose -= 3
	nd.Print(", frame decoding below\n")
	frame := clip(rest(c.b, c.off), c.n)
	nd.SetProto("ether")
	etherPrint(nd, frame, c.n, len(frame))
	nd.Verbose += 3
}

// of10PhyPortPrint prints a 48-byte ofp_phy_port at c.off.
func of10PhyPortPrint(nd *ND, c *ofCursor) {
	port := c.u16(0)
	of10PortNoPrint(nd, "\n\t  port_no ", port)
	tcheck(c.b, c.off+2, 6)
	nd.Print(", hw_addr ")
	nd.PrintEtherAddr(c.b, c.off+2)
	ofStringPrint(nd, ", name ", c, 8, 16)
	at := 24
	if nd.Verbose < 2 {
		tcheck(c.b, c.off+at, 24)
		return
	}
	ofHex32Print(nd, "\n\t   config", c.u32(at), of10PortConfigBits, of10PortConfigU)
	state := c.u32(at + 4)
	nd.Print("\n\t   state 0x")
	nd.PrintHex(uint64(state), 8)
	nd.Print(" (")
	nd.Print(tok2strNoAlloc(of10STPStates, "", state&(3<<8)))
	if state&1 != 0 {
		nd.Print(", LINK_DOWN")
	}
	nd.PrintByte(')')
	if state&of10PortStateU != 0 {
		nd.Print(" (bogus)")
	}
	for i, name := range []string{"\n\t   curr", "\n\t   advertised", "\n\t   supported", "\n\t   peer"} {
		ofHex32Print(nd, name, c.u32(at+8+4*i), of10PortFeatureBits, of10PortFeatureU)
	}
}

func of10QueuePropsPrint(nd *ND, c *ofCursor) {
	for c.n > 0 {
		if c.n < 8 {
			c.invalid(nd)
			return
		}
		prop := c.u16(0)
		c.fwd(2)
		nd.Print("\n\t   property ")
		nd.printTok(of10QueuePropNames, "invalid (0x%04x)", uint32(prop))
		plen := int(c.u16(0))
		c.fwd(2)
		nd.Print(", len ")
		nd.PrintUint(uint64(plen))
		if plen < 8 || plen > c.n+4 {
			c.invalid(nd)
			return
		}
		c.chkFwd(4)
		skip, bogus := false, false
		switch prop {
		case 0:
			bogus = plen != 8
		case 1:
			bogus = plen != 16
		default:
			skip = true
		}
		if bogus {
			nd.Print(" (bogus)")
			skip = true
		}
		if skip {
			c.chkFwd(plen - 8)
			continue
		}
		if prop == 1 {
			rate := c.u16(0)
			c.fwd(2)
			if rate > 1000 {
				nd.Print(", rate disabled")
			} else {
				nd.Printf(", rate %d.%d%%", rate/10, rate%10)
			}
			c.chkFwd(6)
		}
	}
}

func of10QueuesPrint(nd *ND, c *ofCursor) {
	for c.n > 0 {
		if c.n < 8 {
			c.invalid(nd)
			return
		}
		c.printU32(nd, "\n\t  queue_id ")
		dlen := int(c.u16(0))
		c.fwd(2)
		nd.Print(", len ")
		nd.PrintUint(uint64(dlen))
		if dlen < 8 || dlen > c.n+6 {
			c.invalid(nd)
			return
		}
		c.chkFwd(2)
		props := &ofCursor{b: c.b, off: c.off, n: dlen - 8}
		if nd.Verbose >= 2 {
			of10QueuePropsPrint(nd, props)
		} else {
			props.rest()
		}
		c.fwd(dlen - 8)
	}
}

// of10MatchPrint prints the fields of a 40-byte ofp_match at c.off that
// are not wildcarded, each after pfx.
func of10MatchPrint(nd *ND, pfx string, c *ofCursor) {
	w := c.u32(0)
	if w&^uint32(of10WildAll) != 0 {
		nd.Print(pfx)
		nd.Printf("wildcards 0x%08x (bogus)", w)
	}
	match := func(name string) {
		nd.Print(pfx)
		nd.Print("match ")
		nd.Print(name)
		nd.PrintByte(' ')
	}
	if w&of10WildInPort == 0 {
		port := c.u16(4)
		match("in_port")
		nd.printTok(of10Ports, "%d", uint32(port))
	}
	if w&of10WildDLSrc == 0 {
		tcheck(c.b, c.off+6, 6)
		match("dl_src")
		nd.PrintEtherAddr(c.b, c.off+6)
	}
	if w&of10WildDLDst == 0 {
		tcheck(c.b, c.off+12, 6)
		match("dl_dst")
		nd.PrintEtherAddr(c.b, c.off+12)
	}
	if w&of10WildDLVLAN == 0 {
		vid := c.u16(18)
		match("dl_vlan")
		of10VLANPrint(nd, vid)
	}
	if w&of10WildDLVLANPCP == 0 {
		pcp := c.u8(20)
		match("dl_vlan_pcp")
		of10PCPPrint(nd, pcp)
	}
	dlType := c.u16(22)
	if w&of10WildDLType == 0 {
		match("dl_type")
		nd.Printf("0x%04x", dlType)
	}
	if w&of10WildNWTOS == 0 {
		tos := c.u8(24)
		match("nw_tos")
		nd.Printf("0x%02x", tos)
	}
	proto := c.u8(25)
	if w&of10WildNWProto == 0 {
		name := "nw_proto"
		if w&of10WildDLType == 0 && dlType == etherTypeARP {
			name = "arp_opcode"
		}
		match(name)
		nd.PrintUint(uint64(proto))
	}
	for i, name := range []string{"nw_src", "nw_dst"} {
		bits := w >> (8 + 6*i) & 0x3f
		if bits < 32 {
			tcheck(c.b, c.off+28+4*i, 4)
			match(name)
			nd.PrintIPAddr(c.b, c.off+28+4*i)
			nd.PrintByte('/')
			nd.PrintUint(uint64(32 - bits))
		}
	}
	icmp := w&of10WildDLType == 0 && dlType == etherTypeIPv4 && w&of10WildNWProto == 0 && proto == 1
	if w&of10WildTPSrc == 0 {
		v := c.u16(36)
		name := "tp_src"
		if icmp {
			name = "icmp_type"
		}
		match(name)
		nd.PrintUint(uint64(v))
	}
	if w&of10WildTPDst == 0 {
		v := c.u16(38)
		name := "tp_dst"
		if icmp {
			name = "icmp_code"
		}
		match(name)
		nd.PrintUint(uint64(v))
	} else {
		tcheck(c.b, c.off+38, 2)
	}
}

// of10ActionsPrint prints an action list of c.n bytes.
func of10ActionsPrint(nd *ND, pfx string, c *ofCursor) {
	for c.n > 0 {
		if c.n < 8 {
			c.invalid(nd)
			return
		}
		typ := c.u16(0)
		c.fwd(2)
		nd.Print(pfx)
		nd.Print("action type ")
		nd.printTok(of10ActionNames, "invalid (0x%04x)", uint32(typ))
		alen := int(c.u16(0))
		c.fwd(2)
		nd.Print(", len ")
		nd.PrintUint(uint64(alen))
		if alen < 8 || alen > c.n+4 {
			c.invalid(nd)
			return
		}
		skip, bogus := false, false
		switch typ {
		case of10ActOutput, of10ActSetVLANVID, of10ActSetVLANPCP, of10ActStripVLAN,
			of10ActSetNWSrc, of10ActSetNWDst, of10ActSetNWTOS, of10ActSetTPSrc, of10ActSetTPDst:
			bogus = alen != 8
		case of10ActSetDLSrc, of10ActSetDLDst, of10ActEnqueue:
			bogus = alen != 16
		case of10ActVendor:
			bogus = alen%8 != 0
		default:
			skip = true
		}
		if bogus {
			nd.Print(" (bogus)")
			skip = true
		}
		if skip {
			c.chkFwd(alen - 4)
			continue
		}
		switch typ {
		case of10ActOutput:
			port := c.u16(0)
			c.fwd(2)
			of10PortNoPrint(nd, ", port ", port)
			if port == of10PortController {
				v := c.u16(0)
				nd.Print(", max_len ")
				nd.PrintUint(uint64(v))
			} else {
				tcheck(c.b, c.off, 2)
			}
			c.fwd(2)
		case of10ActSetVLANVID:
			vid := c.u16(0)
			nd.Print(", vlan_vid ")
			of10VLANPrint(nd, vid)
			c.fwd(2)
			c.chkFwd(2)
		case of10ActSetVLANPCP:
			pcp := c.u8(0)
			nd.Print(", vlan_pcp ")
			of10PCPPrint(nd, pcp)
			c.fwd(1)
			c.chkFwd(3)
		case of10ActSetDLSrc, of10ActSetDLDst:
			tcheck(c.b, c.off, 6)
			nd.Print(", dl_addr ")
			nd.PrintEtherAddr(c.b, c.off)
			c.fwd(6)
			c.chkFwd(6)
		case of10ActSetNWSrc, of10ActSetNWDst:
			tcheck(c.b, c.off, 4)
			nd.Print(", nw_addr ")
			nd.PrintIPAddr(c.b, c.off)
			c.fwd(4)
		case of10ActSetNWTOS:
			tos := c.u8(0)
			nd.Printf(", nw_tos 0x%02x", tos)
			c.fwd(1)
			c.chkFwd(3)
		case of10ActSetTPSrc, of10ActSetTPDst:
			c.printU16s(nd, ", tp_port ")
			c.chkFwd(2)
		case of10ActEnqueue:
			port := c.u16(0)
			of10PortNoPrint(nd, ", port ", port)
			c.fwd(8)
			q := c.u32(0)
			nd.Print(", queue_id ")
			nd.printTok(of10QueueIDs, "%d", q)
			c.fwd(4)
		case of10ActVendor:
			vc := &ofCursor{b: c.b, off: c.off, n: alen - 4}
			if vc.n < 4 {
				vc.invalid(nd)
			} else {
				of10VendorPrint(nd, vc, of10BSNActionPrint)
			}
			c.fwd(alen - 4)
		case of10ActStripVLAN:
			c.chkFwd(4)
		}
	}
}

func of10FeaturesReplyPrint(nd *ND, c *ofCursor) {
	dpid := c.u64(0)
	nd.Printf("\n\t dpid 0x%016x", dpid)
	c.fwd(8)
	c.printU32(nd, ", n_buffers ")
	ntab := c.u8(0)
	nd.Print(", n_tables ")
	nd.PrintUint(uint64(ntab))
	c.fwd(4)
	ofHex32Print(nd, "\n\t capabilities", c.u32(0), of10CapabilityBits, of10CapabilityU)
	c.fwd(4)
	ofHex32Print(nd, "\n\t actions", c.u32(0), of10ActionBits, of10ActionU)
	c.fwd(4)
	for c.n > 0 {
		if c.n < 48 {
			c.invalid(nd)
			return
		}
		of10PhyPortPrint(nd, c)
		c.fwd(48)
	}
}

func of10SwitchConfigPrint(nd *ND, c *ofCursor) {
	flags := c.u16(0)
	nd.Print("\n\t flags ")
	nd.printTok(of10ConfigFlags, "invalid (0x%04x)", uint32(flags))
	v := c.u16(2)
	nd.Print(", miss_send_len ")
	nd.PrintUint(uint64(v))
}

func of10FlowModPrint(nd *ND, c *ofCursor) {
	of10MatchPrint(nd, "\n\t ", c)
	c.fwd(40)
	cookie := c.u64(0)
	nd.Printf("\n\t cookie 0x%016x", cookie)
	c.fwd(8)
	cmd := c.u16(0)
	nd.Print(", command ")
	nd.printTok(of10FlowCommands, "invalid (0x%04x)", uint32(cmd))
	c.fwd(2)
	for _, name := range []string{", idle_timeout ", ", hard_timeout ", ", priority "} {
		if v := c.u16(0); v != 0 {
			nd.Print(name)
			nd.PrintUint(uint64(v))
		}
		c.fwd(2)
	}
	if cmd == of10FlowAdd || cmd == of10FlowModify || cmd == of10FlowModifyStrict {
		id := c.u32(0)
		nd.Print(", buffer_id ")
		nd.printTok(ofBufferIDs, "0x%08x", id)
	}
	c.fwd(4)
	if cmd == of10FlowDelete || cmd == of10FlowDeleteStrict {
		port := c.u16(0)
		of10PortNoPrint(nd, ", out_port ", port)
	}
	c.fwd(2)
	flags := c.u16(0)
	nd.Printf(", flags 0x%04x", flags)
	ofBitmapPrint(nd, of10FlowModFlagBits, uint32(flags), of10FlowModFlagU)
	c.fwd(2)
	of10ActionsPrint(nd, "\n\t ", c)
}

func of10PortModPrint(nd *ND, c *ofCursor) {
	port := c.u16(0)
	of10PortNoPrint(nd, "\n\t port_no ", port)
	tcheck(c.b, c.off+2, 6)
	nd.Print(", hw_addr ")
	nd.PrintEtherAddr(c.b, c.off+2)
	ofHex32Print(nd, "\n\t config", c.u32(8), of10PortConfigBits, of10PortConfigU)
	ofHex32Print(nd, "\n\t mask", c.u32(12), of10PortConfigBits, of10PortConfigU)
	ofHex32Print(nd, "\n\t advertise", c.u32(16), of10PortFeatureBits, of10PortFeatureU)
	tcheck(c.b, c.off+20, 4)
}

func of10QueueGetConfigRequestPrint(nd *ND, c *ofCursor) {
	port := c.u16(0)
	of10PortNoPrint(nd, "\n\t port ", port)
	tcheck(c.b, c.off+2, 2)
}

func of10QueueGetConfigReplyPrint(nd *ND, c *ofCursor) {
	port := c.u16(0)
	of10PortNoPrint(nd, "\n\t port ", port)
	c.fwd(2)
	c.chkFwd(6)
	of10QueuesPrint(nd, c)
}

func of10StatsRequestPrint(nd *ND, c *ofCursor) {
	typ := c.u16(0)
	c.fwd(2)
	nd.Print("\n\t type ")
	nd.printTok(of10StatsTypes, "invalid (0x%04x)", uint32(typ))
	flags := c.u16(0)
	nd.Printf(", flags 0x%04x", flags)
	if flags != 0 {
		nd.Print(" (bogus)")
	}
	c.fwd(2)
	switch typ {
	case of10StatsDesc, of10StatsTable:
		if c.n != 0 {
			c.invalid(nd)
		}
	case of10StatsFlow, of10StatsAggregate:
		if c.n != 44 {
			c.invalid(nd)
			return
		}
		of10MatchPrint(nd, "\n\t ", c)
		c.fwd(40)
		table := c.u8(0)
		nd.Print("\n\t table_id ")
		nd.printTok(of10TableIDs, "%d", uint32(table))
		c.fwd(2)
		port := c.u16(0)
		of10PortNoPrint(nd, ", out_port ", port)
	case of10StatsPort:
		if c.n != 8 {
			c.invalid(nd)
			return
		}
		port := c.u16(0)
		of10PortNoPrint(nd, "\n\t port_no ", port)
		c.fwd(2)
		c.chkFwd(6)
	case of10StatsQueue:
		if c.n != 8 {
			c.invalid(nd)
			return
		}
		port := c.u16(0)
		of10PortNoPrint(nd, "\n\t port_no ", port)
		c.fwd(4)
		q := c.u32(0)
		nd.Print(", queue_id ")
		nd.printTok(of10QueueIDs, "%d", q)
	case of10StatsVendor:
		of10VendorDataPrint(nd, c)
	}
}

func of10DescStatsReplyPrint(nd *ND, c *ofCursor) {
	if c.n != 1056 {
		c.invalid(nd)
		return
	}
	fields := []struct {
		label string
		n     int
	}{
		{"\n\t  mfr_desc ", 256}, {"\n\t  hw_desc ", 256}, {"\n\t  sw_desc ", 256},
		{"\n\t  serial_num ", 32}, {"\n\t  dp_desc ", 256},
	}
	at := 0
	for _, f := range fields {
		ofStringPrint(nd, f.label, c, at, f.n)
		at += f.n
	}
}

func of10FlowStatsReplyPrint(nd *ND, c *ofCursor) {
	for c.n > 0 {
		if c.n < 88 {
			c.invalid(nd)
			return
		}
		entry := int(c.u16(0))
		nd.Print("\n\t length ")
		nd.PrintUint(uint64(entry))
		if entry < 88 || entry > c.n {
			c.invalid(nd)
			return
		}
		c.fwd(2)
		table := c.u8(0)
		nd.Print(", table_id ")
		nd.printTok(of10TableIDs, "%d", uint32(table))
		c.fwd(2)
		of10MatchPrint(nd, "\n\t  ", c)
		c.fwd(40)
		c.printU32(nd, "\n\t  duration_sec ")
		c.printU32(nd, ", duration_nsec ")
		c.printU16s(nd, ", priority ", ", idle_timeout ", ", hard_timeout ")
		c.fwd(6)
		cookie := c.u64(0)
		nd.Printf(", cookie 0x%016x", cookie)
		c.fwd(8)
		c.printU64s(nd, ", packet_count ", ", byte_count ")
		actions := &ofCursor{b: c.b, off: c.off, n: entry - 88}
		of10ActionsPrint(nd, "\n\t  ", actions)
		c.fwd(entry - 88)
	}
}

func of10AggregateStatsReplyPrint(nd *ND, c *ofCursor) {
	if c.n != 24 {
		c.invalid(nd)
		return
	}
	v := c.u64(0)
	nd.Print("\n\t packet_count ")
	nd.PrintUint(v)
	v = c.u64(8)
	nd.Print(", byte_count ")
	nd.PrintUint(v)
	n := c.u32(16)
	nd.Print(", flow_count ")
	nd.PrintUint(uint64(n))
	tcheck(c.b, c.off+20, 4)
}

func of10TableStatsReplyPrint(nd *ND, c *ofCursor) {
	for c.n > 0 {
		if c.n < 64 {
			c.invalid(nd)
			return
		}
		table := c.u8(0)
		nd.Print("\n\t table_id ")
		nd.printTok(of10TableIDs, "%d", uint32(table))
		c.fwd(4)
		ofStringPrint(nd, ", name ", c, 0, 32)
		c.fwd(32)
		ofHex32Print(nd, "\n\t  wildcards", c.u32(0), of10WildcardBits, ^uint32(of10WildAll))
		c.fwd(4)
		c.printU32(nd, "\n\t  max_entries ")
		c.printU32(nd, ", active_count ")
		c.printU64s(nd, ", lookup_count ", ", matched_count ")
	}
}

var of10PortCounters = []string{
	", rx_packets ", ", tx_packets ", ", rx_bytes ", ", tx_bytes ", ", rx_dropped ",
	", tx_dropped ", ", rx_errors ", ", tx_errors ", ", rx_frame_err ", ", rx_over_err ",
	", rx_crc_err ", ", collisions ",
}

func of10PortStatsReplyPrint(nd *ND, c *ofCursor) {
	for c.n > 0 {
		if c.n < 104 {
			c.invalid(nd)
			return
		}
		port := c.u16(0)
		of10PortNoPrint(nd, "\n\t  port_no ", port)
		c.fwd(2)
		if nd.Verbose < 2 {
			c.chkFwd(102)
			continue
		}
		c.fwd(6)
		c.printU64s(nd, of10PortCounters...)
	}
}

func of10QueueStatsReplyPrint(nd *ND, c *ofCursor) {
	for c.n > 0 {
		if c.n < 32 {
			c.invalid(nd)
			return
		}
		port := c.u16(0)
		of10PortNoPrint(nd, "\n\t  port_no ", port)
		c.fwd(4)
		c.printU32(nd, ", queue_id ")
		c.printU64s(nd, ", tx_bytes ", ", tx_packets ", ", tx_errors ")
	}
}

var of10StatsReplyDecoders = map[uint16]func(*ND, *ofCursor){
	of10StatsDesc:      of10DescStatsReplyPrint,
	of10StatsFlow:      of10FlowStatsReplyPrint,
	of10StatsAggregate: of10AggregateStatsReplyPrint,
	of10StatsTable:     of10TableStatsReplyPrint,
	of10StatsPort:      of10PortStatsReplyPrint,
	of10StatsQueue:     of10QueueStatsReplyPrint,
	of10StatsVendor:    of10VendorDataPrint,
}

func of10StatsReplyPrint(nd *ND, c *ofCursor) {
	typ := c.u16(0)
	nd.Print("\n\t type ")
	nd.printTok(of10StatsTypes, "invalid (0x%04x)", uint32(typ))
	c.fwd(2)
	flags := c.u16(0)
	nd.Printf(", flags 0x%04x", flags)
	ofBitmapPrint(nd, of10StatsReplyBits, uint32(flags), ^uint32(1))
	c.fwd(2)
	if dec := of10StatsReplyDecoders[typ]; nd.Verbose > 0 && dec != nil {
		dec(nd, c)
		return
	}
	c.rest()
}

func of10PacketOutPrint(nd *ND, c *ofCursor) {
	id := c.u32(0)
	nd.Printf("\n\t buffer_id 0x%08x", id)
	c.fwd(4)
	port := c.u16(0)
	of10PortNoPrint(nd, ", in_port ", port)
	c.fwd(2)
	alen := int(c.u16(0))
	c.fwd(2)
	if alen > c.n {
		c.invalid(nd)
		return
	}
	of10ActionsPrint(nd, "\n\t ", &ofCursor{b: c.b, off: c.off, n: alen})
	c.fwd(alen)
	of10PacketDataPrint(nd, c)
}

func of10PacketInPrint(nd *ND, c *ofCursor) {
	id := c.u32(0)
	nd.Print("\n\t buffer_id ")
	nd.printTok(ofBufferIDs, "0x%08x", id)
	c.fwd(4)
	c.printU16s(nd, ", total_len ")
	port := c.u16(0)
	of10PortNoPrint(nd, ", in_port ", port)
	c.fwd(2)
	reason := c.u8(0)
	nd.Print(", reason ")
	nd.printTok(of10PacketInReasons, "invalid (0x%02x)", uint32(reason))
	c.fwd(1)
	c.chkFwd(1)
	of10PacketDataPrint(nd, c)
}

func of10FlowRemovedPrint(nd *ND, c *ofCursor) {
	of10MatchPrint(nd, "\n\t ", c)
	cookie := c.u64(40)
	nd.Printf("\n\t cookie 0x%016x", cookie)
	if v := c.u16(48); v != 0 {
		nd.Print(", priority ")
		nd.PrintUint(uint64(v))
	}
	reason := c.u8(50)
	nd.Print(", reason ")
	nd.printTok(of10FlowRemovedWhy, "unknown (0x%02x)", uint32(reason))
	v := c.u32(52)
	nd.Print(", duration_sec ")
	nd.PrintUint(uint64(v))
	v = c.u32(56)
	nd.Print(", duration_nsec ")
	nd.PrintUint(uint64(v))
	if v := c.u16(60); v != 0 {
		nd.Print(", idle_timeout ")
		nd.PrintUint(uint64(v))
	}
	n := c.u64(64)
	nd.Print(", packet_count ")
	nd.PrintUint(n)
	n = c.u64(72)
	nd.Print(", byte_count ")
	nd.PrintUint(n)
}

func of10PortStatusPrint(nd *ND, c *ofCursor) {
	reason := c.u8(0)
	nd.Print("\n\t reason ")
	nd.printTok(of10PortStatusReason, "invalid (0x%02x)", uint32(reason))
	port := &ofCursor{b: c.b, off: c.off + 8}
	of10PhyPortPrint(nd, port)
}

func of10ErrorPrint(nd *ND, c *ofCursor) {
	ofErrorPrint(nd, c, of10ErrorTypes, of10ErrorCodes)
}
