package dissect

// GMPLS names shared by the printers of protocols that signal optical and
// TDM links (RFC 3471, tcpdump's gmpls.c).

var (
	gmplsSwitchCaps = []tok{
		{1, "Packet-Switch Capable-1"}, {2, "Packet-Switch Capable-2"},
		{3, "Packet-Switch Capable-3"}, {4, "Packet-Switch Capable-4"},
		{51, "Layer-2 Switch Capable"}, {100, "Time-Division-Multiplex"},
		{150, "Lambda-Switch Capable"}, {200, "Fiber-Switch Capable"},
	}
	gmplsEncodings = []tok{
		{1, "Packet"}, {2, "Ethernet V2/DIX"}, {3, "ANSI/ETSI PDH"}, {4, "Reserved"},
		{5, "SDH ITU-T G.707/SONET ANSI T1.105"}, {6, "Reserved"}, {7, "Digital Wrapper"},
		{8, "Lambda (photonic)"}, {9, "Fiber"}, {10, "Reserved"}, {11, "FiberChannel"},
	}
)
