package main

import (
	"path"
	"strconv"

	"github.com/goclues/goclues/goip/rtnames"
	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// Link attributes newer than x/sys/unix's names, plus ones printed by -d.
const (
	iflaGROMaxSize = 58
	iflaTSOMaxSize = 59
	iflaTSOMaxSegs = 60
	iflaAllmulti   = 61
)

// addrFilter is ipaddress.c's filter, shared by ip link and ip address.
type addrFilter struct {
	family    int
	ifindex   int32
	up        bool
	master    int32
	kind      string
	group     int64
	scope     uint32
	scopemask uint32
	flags     uint32
	flagmask  uint32
	label     string
	pfx       inetPrefix
	hasPfx    bool
	oneline   bool
	doLink    bool
	monitor   bool // ip monitor: no "qlen" (iproute2 leaves showqueue unset)
}

var af addrFilter

var operStates = []string{"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"}

// linkFlagNames are print_link_flags' IFF_* words in order.
var linkFlagNames = []struct {
	bit  uint32
	name string
}{
	{unix.IFF_LOOPBACK, "LOOPBACK"}, {unix.IFF_BROADCAST, "BROADCAST"},
	{unix.IFF_POINTOPOINT, "POINTOPOINT"}, {unix.IFF_MULTICAST, "MULTICAST"},
	{unix.IFF_NOARP, "NOARP"}, {unix.IFF_ALLMULTI, "ALLMULTI"}, {unix.IFF_PROMISC, "PROMISC"},
	{unix.IFF_MASTER, "MASTER"}, {unix.IFF_SLAVE, "SLAVE"}, {unix.IFF_DEBUG, "DEBUG"},
	{unix.IFF_DYNAMIC, "DYNAMIC"}, {unix.IFF_AUTOMEDIA, "AUTOMEDIA"}, {unix.IFF_PORTSEL, "PORTSEL"},
	{unix.IFF_NOTRAILERS, "NOTRAILERS"}, {unix.IFF_UP, "UP"}, {unix.IFF_LOWER_UP, "LOWER_UP"},
	{unix.IFF_DORMANT, "DORMANT"}, {unix.IFF_ECHO, "ECHO"},
}

// arphrdNames is ll_type_n2a's table for the common hardware types.
var arphrdNames = map[uint16]string{
	unix.ARPHRD_NETROM: "netrom", unix.ARPHRD_ETHER: "ether", unix.ARPHRD_EETHER: "eether",
	unix.ARPHRD_AX25: "ax25", unix.ARPHRD_PRONET: "pronet", unix.ARPHRD_CHAOS: "chaos",
	unix.ARPHRD_IEEE802: "ieee802", unix.ARPHRD_ARCNET: "arcnet", unix.ARPHRD_APPLETLK: "atalk",
	unix.ARPHRD_DLCI: "dlci", unix.ARPHRD_ATM: "atm", unix.ARPHRD_METRICOM: "metricom",
	unix.ARPHRD_IEEE1394: "ieee1394", unix.ARPHRD_INFINIBAND: "infiniband", unix.ARPHRD_SLIP: "slip",
	unix.ARPHRD_CSLIP: "cslip", unix.ARPHRD_SLIP6: "slip6", unix.ARPHRD_CSLIP6: "cslip6",
	unix.ARPHRD_RSRVD: "rsrvd", unix.ARPHRD_ADAPT: "adapt", unix.ARPHRD_ROSE: "rose",
	unix.ARPHRD_X25: "x25", unix.ARPHRD_HWX25: "hwx25", unix.ARPHRD_CAN: "can", unix.ARPHRD_PPP: "ppp",
	unix.ARPHRD_HDLC: "hdlc", unix.ARPHRD_LAPB: "lapb", unix.ARPHRD_DDCMP: "ddcmp",
	unix.ARPHRD_RAWHDLC: "rawhdlc", unix.ARPHRD_TUNNEL: "ipip", unix.ARPHRD_TUNNEL6: "tunnel6",
	unix.ARPHRD_FRAD: "frad", unix.ARPHRD_SKIP: "skip", unix.ARPHRD_LOOPBACK: "loopback",
	unix.ARPHRD_LOCALTLK: "ltalk", unix.ARPHRD_FDDI: "fddi", unix.ARPHRD_BIF: "bif",
	unix.ARPHRD_SIT: "sit", unix.ARPHRD_IPDDP: "ip/ddp", unix.ARPHRD_IPGRE: "gre",
	unix.ARPHRD_PIMREG: "pimreg", unix.ARPHRD_HIPPI: "hippi", unix.ARPHRD_ASH: "ash",
	unix.ARPHRD_ECONET: "econet", unix.ARPHRD_IRDA: "irda", unix.ARPHRD_FCPP: "fcpp",
	unix.ARPHRD_FCAL: "fcal", unix.ARPHRD_FCPL: "fcpl", unix.ARPHRD_FCFABRIC: "fcfb0",
	unix.ARPHRD_IEEE802_TR: "tr", unix.ARPHRD_IEEE80211: "ieee802.11",
	unix.ARPHRD_IEEE80211_PRISM: "ieee802.11/prism", unix.ARPHRD_IEEE80211_RADIOTAP: "ieee802.11/radiotap",
	unix.ARPHRD_IEEE802154: "ieee802.15.4", unix.ARPHRD_IEEE802154_MONITOR: "ieee802.15.4/monitor",
	unix.ARPHRD_PHONET: "phonet", unix.ARPHRD_PHONET_PIPE: "phonet_pipe", unix.ARPHRD_CAIF: "caif",
	unix.ARPHRD_IP6GRE: "gre6", unix.ARPHRD_NETLINK: "netlink", unix.ARPHRD_6LOWPAN: "6lowpan",
	unix.ARPHRD_NONE: "none", unix.ARPHRD_VOID: "void",
}

func arphrdName(t uint16) string {
	if n, ok := arphrdNames[t]; ok {
		return n
	}
	return "[" + strconv.Itoa(int(t)) + "]"
}

var groupNames = rtnames.NewDB("group", 0xffffffff, map[uint32]string{0: "default"})

func doLink(args []string) int {
	if len(args) == 0 {
		return addrList(nil, true)
	}
	c, rest := args[0], args[1:]
	switch {
	case matches(c, "add"):
		return linkModify(unix.RTM_NEWLINK, unix.NLM_F_CREATE|unix.NLM_F_EXCL, rest)
	case matches(c, "set"), matches(c, "change"):
		return linkModify(unix.RTM_NEWLINK, 0, rest)
	case matches(c, "replace"):
		return linkModify(unix.RTM_NEWLINK, unix.NLM_F_CREATE|unix.NLM_F_REPLACE, rest)
	case matches(c, "delete"):
		return linkModify(unix.RTM_DELLINK, 0, rest)
	case matches(c, "show"), matches(c, "lst"), matches(c, "list"):
		return addrList(rest, true)
	case matches(c, "xstats"), matches(c, "afstats"), matches(c, "property"):
		errorf("goip: \"ip link %s\" is not implemented\n", c)
		return 1
	case matches(c, "help"):
		usageExit(usageLink)
	}
	errorf("Command \"%s\" is unknown, try \"ip link help\".\n", c)
	return 255
}

// linkEntry is one dumped link with its decoded message.
type linkEntry struct {
	msg   rtnl.LinkMsg
	typ   uint16
	addrs []*rtnl.AddrMsg
}

// printLinkFlags is print_link_flags.
func printLinkFlags(flags uint32, mdown bool) {
	if pr.json() {
		pr.openArr("flags")
	} else {
		pr.text("<")
	}
	sep := func(rest uint32) string {
		if rest != 0 {
			return ","
		}
		return ""
	}
	if flags&unix.IFF_UP != 0 && flags&unix.IFF_RUNNING == 0 {
		pr.str("", "", "NO-CARRIER", sep(flags))
	}
	flags &^= unix.IFF_RUNNING
	for _, f := range linkFlagNames {
		if flags&f.bit != 0 {
			flags &^= f.bit
			pr.str("", "", f.name, sep(flags))
		}
	}
	if flags != 0 {
		pr.str("", "", strconv.FormatUint(uint64(flags), 16), "")
	}
	if mdown {
		pr.str("", ",", "M-DOWN", "")
	}
	if pr.json() {
		pr.closeArr()
	} else {
		pr.text("> ")
	}
}

// printNameAndLink prints "name@link" and reports whether the link is down.
func printNameAndLink(suffix string, name string, tb *rtnl.Table) bool {
	mdown := false
	link := ""
	if tb.Has(unix.IFLA_LINK) {
		iflink := int32(tb.Uint32(unix.IFLA_LINK))
		switch {
		case iflink == 0:
			if pr.json() {
				pr.null("link", "")
			} else {
				link = "NONE"
			}
		case tb.Has(unix.IFLA_LINK_NETNSID):
			if pr.json() {
				pr.int("link_index", "", int64(iflink), "")
			} else {
				link = "if" + strconv.Itoa(int(iflink))
			}
		default:
			link = indexToName(iflink)
			if pr.json() {
				pr.jsonStr("link", link)
				link = ""
			}
			mdown = linkFlags(iflink)&unix.IFF_UP == 0
		}
	}
	if link != "" {
		name += "@" + link
	}
	if suffix == "" {
		pr.cstr(colorIfname, "ifname", "", padRight(name, 16), " ")
	} else {
		pr.cstr(colorIfname, "ifname", "", name, suffix)
	}
	return mdown
}

func padRight(s string, n int) string {
	if pr.json() {
		return s
	}
	for len(s) < n {
		s += " "
	}
	return s
}

// linkFlags is ll_index_to_flags: a link's ifi_flags, all ones if unknown.
func linkFlags(idx int32) uint32 {
	loadLinks()
	if li, ok := linkCache.byIndex[idx]; ok {
		return li.flags
	}
	return 0xffffffff
}

func printOperstate(state uint8) {
	if int(state) >= len(operStates) {
		if pr.json() {
			pr.jsonUint("operstate_index", uint64(state))
		} else {
			pr.text("state 0x" + strconv.FormatUint(uint64(state), 16))
		}
		return
	}
	c := colorNone
	switch state {
	case 6:
		c = colorOperUp
	case 2:
		c = colorOperDown
	}
	if opt.brief > 0 {
		pr.cstr(c, "operstate", "", padRight(operStates[state], 14), " ")
		return
	}
	pr.cstr(c, "operstate", "state ", operStates[state], " ")
}

// printLinkInfo prints one link as print_linkinfo does.
func printLinkInfo(e *linkEntry) {
	m := &e.msg
	tb := &m.Attrs
	name := tb.String(unix.IFLA_IFNAME)
	if e.typ == unix.RTM_DELLINK {
		pr.jsonBool("deleted", true)
		pr.text("Deleted ")
	}
	if opt.brief > 0 {
		mdown := printNameAndLink("", name, tb)
		if tb.Has(unix.IFLA_OPERSTATE) {
			printOperstate(tb.Uint8(unix.IFLA_OPERSTATE))
		}
		if af.doLink {
			if a, ok := tb.Get(unix.IFLA_ADDRESS); ok {
				pr.cstrBytes(colorMAC, "address", "", llAddrFormat(a, m.Type), " ")
			}
			printLinkFlags(m.Flags, mdown)
			pr.text("\n")
		}
		return
	}
	pr.int("ifindex", "", int64(m.Index), ": ")
	mdown := printNameAndLink(": ", name, tb)
	printLinkFlags(m.Flags, mdown)
	if tb.Has(unix.IFLA_MTU) {
		pr.int("mtu", "mtu ", int64(tb.Uint32(unix.IFLA_MTU)), " ")
	}
	if tb.Has(unix.IFLA_QDISC) {
		pr.str("qdisc", "qdisc ", tb.String(unix.IFLA_QDISC), " ")
	}
	if tb.Has(unix.IFLA_MASTER) {
		pr.str("master", "master ", indexToName(int32(tb.Uint32(unix.IFLA_MASTER))), " ")
	}
	if tb.Has(unix.IFLA_OPERSTATE) {
		printOperstate(tb.Uint8(unix.IFLA_OPERSTATE))
	}
	if af.doLink && tb.Has(unix.IFLA_LINKMODE) {
		switch mode := tb.Uint8(unix.IFLA_LINKMODE); mode {
		case 0:
			pr.str("linkmode", "mode ", "DEFAULT", " ")
		case 1:
			pr.str("linkmode", "mode ", "DORMANT", " ")
		default:
			pr.uint("linkmode_index", "mode ", uint64(mode), " ")
		}
	}
	if tb.Has(unix.IFLA_GROUP) {
		pr.str("group", "group ", groupNames.Name(tb.Uint32(unix.IFLA_GROUP)), " ")
	}
	if !af.monitor {
		if q := txQueueLen(tb); q != 0 {
			pr.int("txqlen", "qlen ", int64(q), "")
		}
	}
	if af.family == 0 || af.family == unix.AF_PACKET || opt.details > 0 {
		pr.text(sl)
		pr.str("link_type", "    link/", arphrdName(m.Type), " ")
		if a, ok := tb.Get(unix.IFLA_ADDRESS); ok {
			pr.cstrBytes(colorMAC, "address", "", llAddrFormat(a, m.Type), "")
		}
		if b, ok := tb.Get(unix.IFLA_BROADCAST); ok {
			if m.Flags&unix.IFF_POINTOPOINT != 0 {
				pr.text(" peer ")
				pr.jsonBool("link_pointtopoint", true)
			} else {
				pr.text(" brd ")
			}
			pr.cstrBytes(colorMAC, "broadcast", "", llAddrFormat(b, m.Type), "")
		}
		if p, ok := tb.Get(unix.IFLA_PERM_ADDRESS); ok {
			a, _ := tb.Get(unix.IFLA_ADDRESS)
			if string(a) != string(p) {
				pr.strBytes("permaddr", " permaddr ", llAddrFormat(p, m.Type), "")
			}
		}
	}
	if tb.Has(unix.IFLA_LINK_NETNSID) {
		id := int32(tb.Uint32(unix.IFLA_LINK_NETNSID))
		switch {
		case pr.json():
			pr.int("link_netnsid", "", int64(id), "")
		case id >= 0:
			if name, ok := nameFromNSID(id); ok {
				pr.text(" link-netns " + name)
			} else {
				pr.text(" link-netnsid " + strconv.Itoa(int(id)))
			}
		default:
			pr.text(" link-netnsid unknown")
		}
	}
	if tb.Has(unix.IFLA_PROTO_DOWN) && tb.Uint8(unix.IFLA_PROTO_DOWN) != 0 {
		pr.jsonBool("proto_down", true)
		pr.text(" protodown on ")
	}
	if opt.details > 0 {
		printLinkDetails(m)
	}
	if (af.doLink || opt.details > 0) && tb.Has(unix.IFLA_IFALIAS) {
		pr.text(sl + "    ")
		pr.str("ifalias", "alias ", tb.String(unix.IFLA_IFALIAS), "")
	}
	if af.doLink && opt.stats > 0 {
		pr.text(sl)
		printLinkStats(tb)
	}
	if props, ok := tb.Get(unix.IFLA_PROP_LIST); ok {
		pr.openArr("altnames")
		d := rtnl.NewAttrDecoder(props)
		for d.Next() {
			if d.Type() == unix.IFLA_ALT_IFNAME {
				pr.text(sl)
				pr.str("", "    altname ", rtnl.CString(d.Data()), "")
			}
		}
		pr.closeArr()
	}
	pr.text("\n")
}

func printLinkDetails(m *rtnl.LinkMsg) {
	tb := &m.Attrs
	if tb.Has(unix.IFLA_PROMISCUITY) {
		pr.uint("promiscuity", " promiscuity ", uint64(tb.Uint32(unix.IFLA_PROMISCUITY)), " ")
	}
	if tb.Has(iflaAllmulti) {
		pr.uint("allmulti", " allmulti ", uint64(tb.Uint32(iflaAllmulti)), " ")
	}
	if tb.Has(unix.IFLA_MIN_MTU) {
		pr.uint("min_mtu", "minmtu ", uint64(tb.Uint32(unix.IFLA_MIN_MTU)), " ")
	}
	if tb.Has(unix.IFLA_MAX_MTU) {
		pr.uint("max_mtu", "maxmtu ", uint64(tb.Uint32(unix.IFLA_MAX_MTU)), " ")
	}
	if li, ok := tb.Get(unix.IFLA_LINKINFO); ok {
		var info rtnl.Table
		_ = info.Parse(li)
		pr.openObj("linkinfo")
		if info.Has(unix.IFLA_INFO_KIND) {
			kind := info.String(unix.IFLA_INFO_KIND)
			pr.text(sl)
			pr.str("info_kind", "    ", kind, " ")
			if data, ok := info.Get(unix.IFLA_INFO_DATA); ok && kindPrinters[kind] != nil {
				var t rtnl.Table
				_ = t.Parse(data)
				pr.openObj("info_data")
				kindPrinters[kind](&t)
				pr.closeObj()
			}
		}
		if info.Has(unix.IFLA_INFO_SLAVE_KIND) {
			kind := info.String(unix.IFLA_INFO_SLAVE_KIND)
			pr.text(sl)
			if pr.json() {
				pr.jsonStr("info_slave_kind", kind)
			} else {
				pr.text("    " + kind + "_slave ")
			}
			if data, ok := info.Get(unix.IFLA_INFO_SLAVE_DATA); ok && slaveKindPrinters[kind] != nil {
				var t rtnl.Table
				_ = t.Parse(data)
				pr.openObj("info_slave_data")
				slaveKindPrinters[kind](&t)
				pr.closeObj()
			}
		}
		pr.closeObj()
	}
	if spec, ok := tb.Get(unix.IFLA_AF_SPEC); ok && af.doLink {
		var fams rtnl.Table
		_ = fams.Parse(spec)
		if in6, ok := fams.Get(unix.AF_INET6); ok {
			var t rtnl.Table
			_ = t.Parse(in6)
			if t.Has(unix.IFLA_INET6_ADDR_GEN_MODE) {
				modes := []string{"eui64", "none", "stable_secret", "random"}
				mode := t.Uint8(unix.IFLA_INET6_ADDR_GEN_MODE)
				if int(mode) < len(modes) {
					pr.str("inet6_addr_gen_mode", "addrgenmode ", modes[mode], " ")
				} else {
					pr.str("inet6_addr_gen_mode", "addrgenmode ", "0x"+strconv.FormatUint(uint64(mode), 16), " ")
				}
			}
		}
	}
	for _, f := range []struct {
		attr      int
		key, text string
	}{
		{unix.IFLA_NUM_TX_QUEUES, "num_tx_queues", "numtxqueues "},
		{unix.IFLA_NUM_RX_QUEUES, "num_rx_queues", "numrxqueues "},
		{unix.IFLA_GSO_MAX_SIZE, "gso_max_size", "gso_max_size "},
		{unix.IFLA_GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs "},
		{iflaTSOMaxSize, "tso_max_size", "tso_max_size "},
		{iflaTSOMaxSegs, "tso_max_segs", "tso_max_segs "},
		{iflaGROMaxSize, "gro_max_size", "gro_max_size "},
	} {
		if tb.Has(f.attr) {
			pr.uint(f.key, f.text, uint64(tb.Uint32(f.attr)), " ")
		}
	}
	if tb.Has(unix.IFLA_PHYS_PORT_NAME) {
		pr.str("phys_port_name", "portname ", tb.String(unix.IFLA_PHYS_PORT_NAME), " ")
	}
	if b, ok := tb.Get(unix.IFLA_PHYS_PORT_ID); ok {
		pr.str("phys_port_id", "portid ", hexString(b), " ")
	}
	if b, ok := tb.Get(unix.IFLA_PHYS_SWITCH_ID); ok {
		pr.str("phys_switch_id", "switchid ", hexString(b), " ")
	}
	if tb.Has(unix.IFLA_PARENT_DEV_BUS_NAME) {
		pr.str("parentbus", "parentbus ", tb.String(unix.IFLA_PARENT_DEV_BUS_NAME), " ")
	}
	if tb.Has(unix.IFLA_PARENT_DEV_NAME) {
		pr.str("parentdev", "parentdev ", tb.String(unix.IFLA_PARENT_DEV_NAME), " ")
	}
}

func hexString(b []byte) string {
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, hexd[c>>4], hexd[c&15])
	}
	return string(out)
}

// linkStats64 mirrors struct rtnl_link_stats64's fields by index.
type linkStats64 [25]uint64

const (
	stRxPackets = iota
	stTxPackets
	stRxBytes
	stTxBytes
	stRxErrors
	stTxErrors
	stRxDropped
	stTxDropped
	stMulticast
	stCollisions
	stRxLength
	stRxOver
	stRxCRC
	stRxFrame
	stRxFIFO
	stRxMissed
	stTxAborted
	stTxCarrier
	stTxFIFO
	stTxHeartbeat
	stTxWindow
	stRxCompressed
	stTxCompressed
	stRxNohandler
	stRxOtherhost
)

func printLinkStats(tb *rtnl.Table) {
	var s linkStats64
	if b, ok := tb.Get(unix.IFLA_STATS64); ok {
		for i := range s {
			if 8*i+8 <= len(b) {
				s[i] = rtnl.U64(b[8*i:])
			}
		}
	} else if b, ok := tb.Get(unix.IFLA_STATS); ok {
		for i := range s {
			if 4*i+4 <= len(b) {
				s[i] = uint64(rtnl.U32(b[4*i:]))
			}
		}
	} else {
		return
	}
	cc, hasCC := tb.Get(unix.IFLA_CARRIER_CHANGES)
	if pr.json() {
		pr.openObj("stats64")
		pr.openObj("rx")
		for _, f := range []struct {
			k string
			i int
		}{{"bytes", stRxBytes}, {"packets", stRxPackets}, {"errors", stRxErrors}, {"dropped", stRxDropped},
			{"over_errors", stRxOver}, {"multicast", stMulticast}} {
			pr.jsonUint(f.k, s[f.i])
		}
		if s[stRxCompressed] != 0 {
			pr.jsonUint("compressed", s[stRxCompressed])
		}
		if opt.stats > 1 {
			for _, f := range []struct {
				k string
				i int
			}{{"length_errors", stRxLength}, {"crc_errors", stRxCRC}, {"frame_errors", stRxFrame},
				{"fifo_errors", stRxFIFO}, {"missed_errors", stRxMissed}} {
				pr.jsonUint(f.k, s[f.i])
			}
			if s[stRxNohandler] != 0 {
				pr.jsonUint("nohandler", s[stRxNohandler])
			}
		}
		pr.closeObj()
		pr.openObj("tx")
		for _, f := range []struct {
			k string
			i int
		}{{"bytes", stTxBytes}, {"packets", stTxPackets}, {"errors", stTxErrors}, {"dropped", stTxDropped},
			{"carrier_errors", stTxCarrier}, {"collisions", stCollisions}} {
			pr.jsonUint(f.k, s[f.i])
		}
		if s[stTxCompressed] != 0 {
			pr.jsonUint("compressed", s[stTxCompressed])
		}
		if opt.stats > 1 {
			for _, f := range []struct {
				k string
				i int
			}{{"aborted_errors", stTxAborted}, {"fifo_errors", stTxFIFO}, {"window_errors", stTxWindow},
				{"heartbeat_errors", stTxHeartbeat}} {
				pr.jsonUint(f.k, s[f.i])
			}
			if hasCC {
				pr.jsonUint("carrier_changes", uint64(rtnl.U32(cc)))
			}
		}
		pr.closeObj()
		pr.closeObj()
		return
	}
	cols := []int{len("*X errors:"), len("packets"), len("errors"), len("dropped"), len("heartbt"),
		len("overrun"), len("compressed"), len("otherhost")}
	size := func(vals ...uint64) {
		for i, v := range vals {
			if opt.human > 0 {
				continue
			}
			l := 1
			for ; v > 9; v /= 10 {
				l++
			}
			if l > cols[i] {
				cols[i] = l
			}
		}
	}
	size(s[stRxBytes], s[stRxPackets], s[stRxErrors], s[stRxDropped], s[stRxMissed], s[stMulticast],
		s[stRxCompressed], s[stRxOtherhost])
	if opt.stats > 1 {
		size(0, s[stRxLength], s[stRxCRC], s[stRxFrame], s[stRxFIFO], s[stRxOver], s[stRxNohandler])
	}
	size(s[stTxBytes], s[stTxPackets], s[stTxErrors], s[stTxDropped], s[stTxCarrier], s[stCollisions],
		s[stTxCompressed])
	var ccv uint64
	if hasCC {
		ccv = uint64(rtnl.U32(cc))
	}
	if opt.stats > 1 {
		size(0, 0, s[stTxAborted], s[stTxFIFO], s[stTxWindow], s[stTxHeartbeat], ccv)
	}
	opt3 := func(cond bool, s string) string {
		if cond {
			return s
		}
		return ""
	}
	w := stdout
	w.WriteString("    RX: " + lpad("bytes", cols[0]-4) + " " + lpad("packets", cols[1]) + " " +
		lpad("errors", cols[2]) + " " + lpad("dropped", cols[3]) + " " + lpad("missed", cols[4]) + " " +
		lpad("mcast", cols[5]) + " " + lpad(opt3(s[stRxCompressed] != 0, "compressed"), cols[6]) + sl)
	w.WriteString("    ")
	for i, v := range []uint64{s[stRxBytes], s[stRxPackets], s[stRxErrors], s[stRxDropped], s[stRxMissed], s[stMulticast]} {
		printNum(cols[i], v)
	}
	if s[stRxCompressed] != 0 {
		printNum(cols[6], s[stRxCompressed])
	}
	if opt.stats > 1 {
		w.WriteString(sl)
		w.WriteString("    RX errors:" + lpad("", cols[0]-10) + " " + lpad("length", cols[1]) + " " +
			lpad("crc", cols[2]) + " " + lpad("frame", cols[3]) + " " + lpad("fifo", cols[4]) + " " +
			lpad("overrun", cols[5]) + opt3(s[stRxNohandler] != 0, " "+lpad("nohandler", cols[6])) + sl)
		w.WriteString(lpad("", cols[0]+5))
		for i, v := range []uint64{s[stRxLength], s[stRxCRC], s[stRxFrame], s[stRxFIFO], s[stRxOver]} {
			printNum(cols[i+1], v)
		}
		if s[stRxNohandler] != 0 {
			printNum(cols[6], s[stRxNohandler])
		}
	}
	w.WriteString(sl)
	w.WriteString("    TX: " + lpad("bytes", cols[0]-4) + " " + lpad("packets", cols[1]) + " " +
		lpad("errors", cols[2]) + " " + lpad("dropped", cols[3]) + " " + lpad("carrier", cols[4]) + " " +
		lpad("collsns", cols[5]) + " " + lpad(opt3(s[stTxCompressed] != 0, "compressed"), cols[6]) + sl)
	w.WriteString("    ")
	for i, v := range []uint64{s[stTxBytes], s[stTxPackets], s[stTxErrors], s[stTxDropped], s[stTxCarrier], s[stCollisions]} {
		printNum(cols[i], v)
	}
	if s[stTxCompressed] != 0 {
		printNum(cols[6], s[stTxCompressed])
	}
	if opt.stats > 1 {
		w.WriteString(sl)
		w.WriteString("    TX errors:" + lpad("", cols[0]-10) + " " + lpad("aborted", cols[1]) + " " +
			lpad("fifo", cols[2]) + " " + lpad("window", cols[3]) + " " + lpad("heartbt", cols[4]) + " " +
			lpad(opt3(hasCC, "transns"), cols[5]) + sl)
		w.WriteString(lpad("", cols[0]+5))
		for i, v := range []uint64{s[stTxAborted], s[stTxFIFO], s[stTxWindow], s[stTxHeartbeat]} {
			printNum(cols[i+1], v)
		}
		if hasCC {
			printNum(cols[5], ccv)
		}
	}
}

// lpad right-aligns s in width (printf "%*s").
func lpad(s string, width int) string {
	for len(s) < width {
		s = " " + s
	}
	return s
}

// printNum is print_num: a counter right-aligned, or scaled with -h.
func printNum(width int, count uint64) {
	base := uint64(1000)
	if opt.iec > 0 {
		base = 1024
	}
	if opt.human == 0 || count < base {
		stdout.WriteString(lpad(strconv.FormatUint(count, 10), width) + " ")
		return
	}
	prefix := "kMGTPE"
	powi := uint64(1)
	for {
		powi *= base
		if count/base < powi {
			break
		}
		if len(prefix) < 2 {
			break
		}
		prefix = prefix[1:]
	}
	precision := 2
	powj := uint64(1)
	for ; precision > 0; precision-- {
		powj *= 10
		if count/powi < powj {
			break
		}
	}
	s := strconv.FormatFloat(float64(count)/float64(powi), 'f', precision, 64) + prefix[:1]
	if opt.iec > 0 {
		s += "i"
	}
	stdout.WriteString(lpad(s, width) + " ")
}

// txQueueLen is print_queuelen's value: IFLA_TXQLEN, or SIOCGIFTXQLEN when
// the kernel's (IPv6) view of the link leaves it out.
func txQueueLen(tb *rtnl.Table) int32 {
	if tb.Has(unix.IFLA_TXQLEN) {
		return int32(tb.Uint32(unix.IFLA_TXQLEN))
	}
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return 0
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq(tb.String(unix.IFLA_IFNAME))
	if err != nil {
		return 0
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFTXQLEN, ifr); err != nil {
		errorf("ioctl(SIOCGIFTXQLEN) failed: %s\n", errText(err))
		return 0
	}
	return int32(ifr.Uint32())
}

// labelMatch is fnmatch(filter.label, label, 0).
func labelMatch(pattern, label string) bool {
	ok, err := path.Match(pattern, label)
	return err == nil && ok
}
