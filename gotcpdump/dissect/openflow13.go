package dissect

// OpenFlow 1.3 (tcpdump's print-openflow-1.3.c): the message types
// tcpdump 4.99 decodes; the others are named and length-checked only.

var of13MsgTypes = []ofMsgType{
	{"HELLO", of13HelloPrint, ofReqMin, 0},
	{"ERROR", of13ErrorPrint, ofReqMin, 4},
	{"ECHO_REQUEST", ofDataPrint, ofReqMin, 0},
	{"ECHO_REPLY", ofDataPrint, ofReqMin, 0},
	{"EXPERIMENTER", of13ExperimenterPrint, ofReqMin, 8},
	{"FEATURES_REQUEST", nil, ofReqFix, 0},
	{"FEATURES_REPLY", of13FeaturesReplyPrint, ofReqFix, 24},
	{"GET_CONFIG_REQUEST", nil, ofReqFix, 0},
	{"GET_CONFIG_REPLY", of13SwitchConfigPrint, ofReqFix, 4},
	{"SET_CONFIG", of13SwitchConfigPrint, ofReqFix, 4},
	{"PACKET_IN", nil, ofReqNone, 0},
	{"FLOW_REMOVED", nil, ofReqNone, 0},
	{"PORT_STATUS", of13PortStatusPrint, ofReqFix, 72},
	{"PACKET_OUT", nil, ofReqNone, 0},
	{"FLOW_MOD", nil, ofReqNone, 0},
	{"GROUP_MOD", nil, ofReqNone, 0},
	{"PORT_MOD", of13PortModPrint, ofReqFix, 32},
	{"TABLE_MOD", of13TableModPrint, ofReqFix, 8},
	{"MULTIPART_REQUEST", nil, ofReqNone, 0},
	{"MULTIPART_REPLY", nil, ofReqNone, 0},
	{"BARRIER_REQUEST", nil, ofReqFix, 0},
	{"BARRIER_REPLY", nil, ofReqFix, 0},
	{"QUEUE_GET_CONFIG_REQUEST", of13QueueGetConfigRequestPrint, ofReqFix, 8},
	{"QUEUE_GET_CONFIG_REPLY", nil, ofReqNone, 0},
	{"ROLE_REQUEST", of13RolePrint, ofReqFix, 16},
	{"ROLE_REPLY", of13RolePrint, ofReqFix, 16},
	{"GET_ASYNC_REQUEST", nil, ofReqFix, 0},
	{"GET_ASYNC_REPLY", of13AsyncPrint, ofReqFix, 24},
	{"SET_ASYNC", of13AsyncPrint, ofReqFix, 24},
	{"METER_MOD", nil, ofReqNone, 0},
}

var (
	of13CapabilityBits = []tok{
		{1 << 0, "FLOW_STATS"}, {1 << 1, "TABLE_STATS"}, {1 << 2, "PORT_STATS"}, {1 << 3, "GROUP_STATS"},
		{1 << 5, "IP_REASM"}, {1 << 6, "QUEUE_STATS"}, {1 << 8, "PORT_BLOCKED"},
	}
	of13ConfigFlags    = []tok{{0, "FRAG_NORMAL"}, {1, "FRAG_DROP"}, {2, "FRAG_REASM"}}
	of13TableIDs       = []tok{{0xfe, "MAX"}, {0xff, "ALL"}}
	of13MissSendLens   = []tok{{0xffe5, "MAX"}, {0xffff, "NO_BUFFER"}}
	of13PortConfigBits = []tok{{1 << 0, "PORT_DOWN"}, {1 << 2, "NO_RECV"}, {1 << 5, "NO_FWD"}, {1 << 6, "NO_PACKET_IN"}}
	of13PortStateBits  = []tok{{1 << 0, "LINK_DOWN"}, {1 << 1, "BLOCKED"}, {1 << 2, "LIVE"}}
	of13PortFeatBits   = []tok{
		{1 << 0, "10MB_HD"}, {1 << 1, "10MB_FD"}, {1 << 2, "100MB_HD"}, {1 << 3, "100MB_FD"},
		{1 << 4, "1GB_HD"}, {1 << 5, "1GB_FD"}, {1 << 6, "10GB_FD"}, {1 << 7, "40GB_FD"},
		{1 << 8, "100GB_FD"}, {1 << 9, "1TB_FD"}, {1 << 10, "OTHER"}, {1 << 11, "COPPER"},
		{1 << 12, "FIBER"}, {1 << 13, "AUTONEG"}, {1 << 14, "PAUSE"}, {1 << 15, "PAUSE_ASYM"},
	}
	of13HelloElemTypes = []tok{{1, "VERSIONBITMAP"}}
	of13Ports          = []tok{
		{0xffffff00, "MAX"}, {0xfffffff8, "IN_PORT"}, {0xfffffff9, "TABLE"}, {0xfffffffa, "NORMAL"},
		{0xfffffffb, "FLOOD"}, {0xfffffffc, "ALL"}, {0xfffffffd, "CONTROLLER"}, {0xfffffffe, "LOCAL"},
		{0xffffffff, "ANY"},
	}
	of13Roles       = []tok{{0, "NOCHANGE"}, {1, "EQUAL"}, {2, "MASTER"}, {3, "SLAVE"}}
	of13VersionBits = []tok{
		{1 << 0, "1.0"}, {1 << 1, "1.1"}, {1 << 2, "1.2"}, {1 << 3, "1.3"}, {1 << 4, "1.4"}, {1 << 5, "1.5"},
	}
	of13AsyncReasonBits = []tok{{1 << 0, "NO_MATCH"}, {1 << 1, "ACTION"}, {1 << 2, "INVALID_TTL"}}
	of13AsyncPortBits   = []tok{{1 << 0, "ADD"}, {1 << 1, "DELETE"}, {1 << 2, "MODIFY"}}
	of13PortReasons     = []tok{{0, "ADD"}, {1, "DELETE"}, {2, "MODIFY"}}
	of13ErrorTypes      = []tok{
		{0, "HELLO_FAILED"}, {1, "BAD_REQUEST"}, {2, "BAD_ACTION"}, {3, "BAD_INSTRUCTION"},
		{4, "BAD_MATCH"}, {5, "FLOW_MOD_FAILED"}, {6, "GROUP_MOD_FAILED"}, {7, "PORT_MOD_FAILED"},
		{8, "TABLE_MOD_FAILED"}, {9, "QUEUE_OP_FAILED"}, {10, "SWITCH_CONFIG_FAILED"},
		{11, "ROLE_REQUEST_FAILED"}, {12, "METER_MOD_FAILED"}, {13, "TABLE_FEATURES_FAILED"},
		{0xffff, "EXPERIMENTER"},
	}
	of13ErrorCodes = map[uint16][]tok{
		0: {{0, "INCOMPATIBLE"}, {1, "EPERM"}},
		1: {
			{0, "BAD_VERSION"}, {1, "BAD_TYPE"}, {2, "BAD_MULTIPART"}, {3, "BAD_EXPERIMENTER"},
			{4, "BAD_EXP_TYPE"}, {5, "EPERM"}, {6, "BAD_LEN"}, {7, "BUFFER_EMPTY"},
			{8, "BUFFER_UNKNOWN"}, {9, "BAD_TABLE_ID"}, {10, "IS_SLAVE"}, {11, "BAD_PORT"},
			{12, "BAD_PACKET"}, {13, "MULTIPART_BUFFER_OVERFLOW"},
		},
		2: {
			{0, "BAD_TYPE"}, {1, "BAD_LEN"}, {2, "BAD_EXPERIMENTER"}, {3, "BAD_EXP_TYPE"},
			{4, "BAD_OUT_PORT"}, {5, "BAD_ARGUMENT"}, {6, "EPERM"}, {7, "TOO_MANY"},
			{8, "BAD_QUEUE"}, {9, "BAD_OUT_GROUP"}, {10, "MATCH_INCONSISTENT"},
			{11, "UNSUPPORTED_ORDER"}, {12, "BAD_TAG"}, {13, "BAD_SET_TYPE"}, {14, "BAD_SET_LEN"},
			{15, "BAD_SET_ARGUMENT"},
		},
		3: {
			{0, "UNKNOWN_INST"}, {1, "UNSUP_INST"}, {2, "BAD_TABLE_ID"}, {3, "UNSUP_METADATA"},
			{4, "UNSUP_METADATA_MASK"}, {5, "BAD_EXPERIMENTER"}, {6, "BAD_EXP_TYPE"},
			{7, "BAD_LEN"}, {8, "EPERM"},
		},
		4: {
			{0, "BAD_TYPE"}, {1, "BAD_LEN"}, {2, "BAD_TAG"}, {3, "BAD_DL_ADDR_MASK"},
			{4, "BAD_NW_ADDR_MASK"}, {5, "BAD_WILDCARDS"}, {6, "BAD_FIELD"}, {7, "BAD_VALUE"},
			{8, "BAD_MASK"}, {9, "BAD_PREREQ"}, {10, "DUP_FIELD"}, {11, "EPERM"},
		},
		5: {
			{0, "UNKNOWN"}, {1, "TABLE_FULL"}, {2, "BAD_TABLE_ID"}, {3, "OVERLAP"}, {4, "EPERM"},
			{5, "BAD_TIMEOUT"}, {6, "BAD_COMMAND"}, {7, "BAD_FLAGS"},
		},
		6: {
			{0, "GROUP_EXISTS"}, {1, "INVALID_GROUP"}, {2, "WEIGHT_UNSUPPORTED"}, {3, "OUT_OF_GROUPS"},
			{4, "OUT_OF_BUCKETS"}, {5, "CHAINING_UNSUPPORTED"}, {6, "WATCH_UNSUPPORTED"}, {7, "LOOP"},
			{8, "UNKNOWN_GROUP"}, {9, "CHAINED_GROUP"}, {10, "BAD_TYPE"}, {11, "BAD_COMMAND"},
			{12, "BAD_BUCKET"}, {13, "BAD_MATCH"}, {14, "EPERM"},
		},
		7:  {{0, "BAD_PORT"}, {1, "BAD_HW_ADDR"}, {2, "BAD_CONFIG"}, {3, "BAD_ADVERTISE"}, {4, "EPERM"}},
		8:  {{0, "BAD_TABLE"}, {1, "BAD_CONFIG"}, {2, "EPERM"}},
		9:  {{0, "BAD_PORT"}, {1, "BAD_QUEUE"}, {2, "EPERM"}},
		10: {{0, "BAD_FLAGS"}, {1, "BAD_LEN"}, {2, "EPERM"}},
		11: {{0, "STALE"}, {1, "UNSUP"}, {2, "BAD_ROLE"}},
		12: {
			{0, "UNKNOWN"}, {1, "METER_EXISTS"}, {2, "INVALID_METER"}, {3, "UNKNOWN_METER"},
			{4, "BAD_COMMAND"}, {5, "BAD_FLAGS"}, {6, "BAD_RATE"}, {7, "BAD_BURST"}, {8, "BAD_BAND"},
			{9, "BAD_BAND_VALUE"}, {10, "OUT_OF_METERS"}, {11, "OUT_OF_BANDS"},
		},
		13:     {{0, "BAD_TABLE"}, {1, "BAD_METADATA"}, {2, "BAD_TYPE"}, {3, "BAD_LEN"}, {4, "BAD_ARGUMENT"}, {5, "EPERM"}},
		0xffff: nil, // experimenter errors define no codes
	}
)

// Unassigned bits of the 1.3 bitmaps.
var (
	of13CapabilityU  = ^uint32(1<<0 | 1<<1 | 1<<2 | 1<<3 | 1<<5 | 1<<6 | 1<<8)
	of13PortConfigU  = ^uint32(1<<0 | 1<<2 | 1<<5 | 1<<6)
	of13PortStateU   = ^uint32(7)
	of13PortFeatU    = ^uint32(0xffff)
	of13VersionBitsU = ^uint32(0x3f)
	of13AsyncU       = ^uint32(7)
)

// of13PortNoPrint prints label and a 32-bit port number or its name.
func of13PortNoPrint(nd *ND, label string, port uint32) {
	nd.Print(label)
	nd.printTok(of13Ports, "%d", port)
}

// of13PortPrint prints a 64-byte ofp_port at c.off.
func of13PortPrint(nd *ND, c *ofCursor) {
	of13PortNoPrint(nd, "\n\t  port_no ", c.u32(0))
	tcheck(c.b, c.off+8, 6)
	nd.Print(", hw_addr ")
	nd.PrintEtherAddr(c.b, c.off+8)
	ofStringPrint(nd, ", name ", c, 16, 16)
	at := 32
	if nd.Verbose < 2 {
		tcheck(c.b, c.off+at, 32)
		return
	}
	ofHex32Print(nd, "\n\t   config", c.u32(at), of13PortConfigBits, of13PortConfigU)
	ofHex32Print(nd, "\n\t   state", c.u32(at+4), of13PortStateBits, of13PortStateU)
	for i, name := range []string{"\n\t   curr", "\n\t   advertised", "\n\t   supported", "\n\t   peer"} {
		ofHex32Print(nd, name, c.u32(at+8+4*i), of13PortFeatBits, of13PortFeatU)
	}
	speed := c.u32(at + 24)
	nd.Print("\n\t   curr_speed ")
	nd.PrintUint(uint64(speed))
	nd.Print("kbps")
	speed = c.u32(at + 28)
	nd.Print("\n\t   max_speed ")
	nd.PrintUint(uint64(speed))
	nd.Print("kbps")
}

func of13FeaturesReplyPrint(nd *ND, c *ofCursor) {
	dpid := c.u64(0)
	nd.Printf("\n\t dpid 0x%016x", dpid)
	n := c.u32(8)
	nd.Print(", n_buffers ")
	nd.PrintUint(uint64(n))
	t := c.u8(12)
	nd.Print(", n_tables ")
	nd.PrintUint(uint64(t))
	aux := c.u8(13)
	nd.Print(", auxiliary_id ")
	nd.PrintUint(uint64(aux))
	ofHex32Print(nd, "\n\t capabilities", c.u32(16), of13CapabilityBits, of13CapabilityU)
	tcheck(c.b, c.off+20, 4)
}

func of13SwitchConfigPrint(nd *ND, c *ofCursor) {
	flags := c.u16(0)
	nd.Print("\n\t flags ")
	nd.printTok(of13ConfigFlags, "invalid (0x%04x)", uint32(flags))
	v := c.u16(2)
	nd.Print(", miss_send_len ")
	nd.printTok(of13MissSendLens, "%d", uint32(v))
}

func of13TableModPrint(nd *ND, c *ofCursor) {
	t := c.u8(0)
	nd.Print("\n\t table_id ")
	nd.printTok(of13TableIDs, "%d", uint32(t))
	v := c.u32(4)
	nd.Printf(", config 0x%08x", v)
}

func of13RolePrint(nd *ND, c *ofCursor) {
	role := c.u32(0)
	nd.Print("\n\t role ")
	nd.printTok(of13Roles, "invalid (0x%08x)", role)
	gen := c.u64(8)
	nd.Printf(", generation_id 0x%016x", gen)
}

func of13AsyncPrint(nd *ND, c *ofCursor) {
	masks := []struct {
		label string
		bits  []tok
	}{
		{"\n\t packet_in_mask[EM]", of13AsyncReasonBits},
		{"\n\t packet_in_mask[S]", of13AsyncReasonBits},
		{"\n\t port_status_mask[EM]", of13AsyncPortBits},
		{"\n\t port_status_mask[S]", of13AsyncPortBits},
		{"\n\t flow_removed_mask[EM]", of13AsyncPortBits},
		{"\n\t flow_removed_mask[S]", of13AsyncPortBits},
	}
	for i, m := range masks {
		ofHex32Print(nd, m.label, c.u32(4*i), m.bits, of13AsyncU)
	}
}

func of13PortModPrint(nd *ND, c *ofCursor) {
	of13PortNoPrint(nd, "\n\t port_no ", c.u32(0))
	tcheck(c.b, c.off+8, 6)
	nd.Print(", hw_addr ")
	nd.PrintEtherAddr(c.b, c.off+8)
	ofHex32Print(nd, "\n\t  config", c.u32(16), of13PortConfigBits, of13PortConfigU)
	ofHex32Print(nd, "\n\t  mask", c.u32(20), of13PortConfigBits, of13PortConfigU)
	ofHex32Print(nd, "\n\t  advertise", c.u32(24), of13PortFeatBits, of13PortFeatU)
	tcheck(c.b, c.off+28, 4)
}

func of13PortStatusPrint(nd *ND, c *ofCursor) {
	reason := c.u8(0)
	nd.Print("\n\t reason ")
	// tcpdump's format here lacks its %, so unknown reasons print it as is.
	nd.Print(tok2strNoAlloc(of13PortReasons, "invalid (0x02x)", uint32(reason)))
	of13PortPrint(nd, &ofCursor{b: c.b, off: c.off + 8})
}

func of13HelloPrint(nd *ND, c *ofCursor) {
	for c.n > 0 {
		if c.n < 4 {
			c.invalid(nd)
			return
		}
		typ := c.u16(0)
		c.fwd(2)
		nd.Print("\n\t type ")
		nd.printTok(of13HelloElemTypes, "unknown (0x%04x)", uint32(typ))
		blen := int(c.u16(0))
		c.fwd(2)
		nd.Print(", length ")
		nd.PrintUint(uint64(blen))
		if blen < 4 || blen > 4+c.n {
			c.invalid(nd)
			return
		}
		switch {
		case typ == 1 && blen == 8:
			bm := c.u32(0)
			nd.Printf(", bitmap 0x%08x", bm)
			ofBitmapPrint(nd, of13VersionBits, bm, of13VersionBitsU)
		case typ == 1:
			nd.Print(" (bogus)")
			tcheck(c.b, c.off, blen-4)
		default:
			tcheck(c.b, c.off, blen-4)
		}
		c.fwd(blen - 4)
	}
}

func of13ExperimenterPrint(nd *ND, c *ofCursor) {
	exp := c.u32(0)
	c.fwd(4)
	ofVendorPrint(nd, "\n\t experimenter", exp)
	typ := c.u32(0)
	nd.Printf(", exp_type 0x%08x", typ)
	c.fwd(4)
	ofDataPrint(nd, c)
}

func of13QueueGetConfigRequestPrint(nd *ND, c *ofCursor) {
	of13PortNoPrint(nd, "\n\t port ", c.u32(0))
	tcheck(c.b, c.off+4, 4)
}

func of13ErrorPrint(nd *ND, c *ofCursor) {
	ofErrorPrint(nd, c, of13ErrorTypes, of13ErrorCodes)
}
