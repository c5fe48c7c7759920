package dissect

// ipProtoNames names IP protocol numbers as tcpdump's -v output does
// (ipproto_values).
var ipProtoNames = []tok{
	{0, "Options"},
	{1, "ICMP"},
	{2, "IGMP"},
	{4, "IPIP"},
	{6, "TCP"},
	{8, "EGP"},
	{9, "IGRP"},
	{17, "UDP"},
	{33, "DCCP"},
	{41, "IPv6"},
	{43, "Routing"},
	{44, "Fragment"},
	{46, "RSVP"},
	{47, "GRE"},
	{50, "ESP"},
	{51, "AH"},
	{55, "Mobile IP"},
	{58, "ICMPv6"},
	{62, "Mobile IP (old)"},
	{88, "EIGRP"},
	{89, "OSPF"},
	{103, "PIM"},
	{108, "Compressed IP"},
	{112, "VRRP"},
	{113, "PGM"},
	{132, "SCTP"},
	{135, "Mobility"},
	{143, "Ethernet"},
}

// ipProtoRequires lists protocols that only make sense over one IP
// version; ip_demux_print prints "[ICMP requires IPv4]" otherwise.
var ipProtoRequires = map[uint8]int{1: 4, 2: 4, 58: 6, 143: 6}

// ipDemuxPrint hands an IP payload to the printer for its protocol
// (tcpdump's ip_demux_print), shared by IPv4 and IPv6.
func ipDemuxPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nh := ip.nextHdr
	if want, ok := ipProtoRequires[nh]; ok && want != ip.ver {
		nd.Print("[")
		nd.Print(tok2strNoAlloc(ipProtoNames, "unknown", uint32(nh)))
		if want == 4 {
			nd.Print(" requires IPv4]")
		} else {
			nd.Print(" requires IPv6]")
		}
		nd.PrintInvalid()
		return
	}
	if fn := ipProtos[nh]; fn != nil {
		fn(nd, b, length, ip)
		return
	}
	switch nh {
	case 77: // IPPROTO_ND
		nd.Print(" nd ")
		nd.PrintUint(uint64(length))
		return
	case 59: // IPPROTO_NONE
		nd.Print("no next header")
		return
	}
	if name := netdbProtoName(nh); name != "" && nd.NoResolve == 0 {
		nd.Print(" ")
		nd.Print(name)
	} else {
		nd.Print(" ip-proto-")
		nd.PrintUint(uint64(nh))
	}
	nd.Print(" ")
	nd.PrintUint(uint64(length))
}

// netdbProtoName is tcpdump's built-in table of IANA protocol keywords
// (netdb_protoname), used without -n.
func netdbProtoName(p uint8) string {
	if int(p) < len(netdbProtoNames) {
		return netdbProtoNames[p]
	}
	return ""
}

var netdbProtoNames = [...]string{
	"hopopt", "icmp", "igmp", "ggp", "ipencap", "st", "tcp", "cbt",
	"egp", "igp", "bbn-rcc-mon", "nvp-ii", "pup", "argus", "emcon", "xnet",
	"chaos", "udp", "mux", "dcn-meas", "hmp", "prm", "xns-idp", "trunk-1",
	"trunk-2", "leaf-1", "leaf-2", "rdp", "irtp", "iso-tp4", "netblt", "mfe-nsp",
	"merit-inp", "dccp", "3pc", "idpr", "xtp", "ddp", "idpr-cmtp", "tp++",
	"il", "ipv6", "sdrp", "ipv6-route", "ipv6-frag", "idrp", "rsvp", "gre",
	"dsr", "bna", "esp", "ah", "i-nlsp", "swipe", "narp", "mobile",
	"tlsp", "skip", "ipv6-icmp", "ipv6-nonxt", "ipv6-opts", "", "cftp", "",
	"sat-expak", "kryptolan", "rvd", "ippc", "", "sat-mon", "visa", "ipcv",
	"cpnx", "rspf", "wsn", "pvp", "br-sat-mon", "sun-nd", "wb-mon", "wb-expak",
	"iso-ip", "vmtp", "secure-vmtp", "vines", "ttp", "nsfnet-igp", "dgp", "tcf",
	"eigrp", "ospf", "sprite-rpc", "larp", "mtp", "ax.25", "ipip", "micp",
	"scc-sp", "etherip", "encap", "", "gmtp", "ifmp", "pnni", "pim",
	"aris", "scps", "qnx", "a/n", "ipcomp", "snp", "compaq-peer", "ipx-in-ip",
	"vrrp", "pgm", "", "l2tp", "ddx", "iatp", "stp", "srp",
	"uti", "smp", "sm", "ptp", "isis", "fire", "crtp", "crudp",
	"sscopmce", "iplt", "sps", "pipe", "sctp", "fc", "rsvp-e2e-ignore", "mobility-header",
	"udplite", "mpls-in-ip", "manet", "hip", "shim6", "wesp", "rohc", 143: "",
	253: "exptest-253", 254: "exptest-254", 255: "reserved",
}
