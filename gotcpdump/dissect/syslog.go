package dissect

// Syslog over UDP (RFC 3164/5424; tcpdump's print-syslog.c), port 514.

func init() {
	registerUDPPort("syslog", syslogPrint, 514)
	registerUDPType("syslog", syslogPrint)
}

var syslogSeverities = []tok{
	{0, "emergency"}, {1, "alert"}, {2, "critical"}, {3, "error"},
	{4, "warning"}, {5, "notice"}, {6, "info"}, {7, "debug"},
}

var syslogFacilities = []tok{
	{0, "kernel"}, {1, "user"}, {2, "mail"}, {3, "daemon"}, {4, "auth"},
	{5, "syslog"}, {6, "lpr"}, {7, "news"}, {8, "uucp"}, {9, "cron"},
	{10, "authpriv"}, {11, "ftp"}, {12, "ntp"}, {13, "security"},
	{14, "console"}, {15, "cron"}, {16, "local0"}, {17, "local1"},
	{18, "local2"}, {19, "local3"}, {20, "local4"}, {21, "local5"},
	{22, "local6"}, {23, "local7"},
}

// syslogMaxDigits bounds the digits of the <PRI> field that are read.
const syslogMaxDigits = 3

func syslogPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("syslog")
	if getU8(b, 0) != '<' {
		nd.PrintInvalid()
		return
	}
	off := 1
	pri := uint32(0)
	for off <= syslogMaxDigits {
		c := getU8(b, off)
		if c < '0' || c > '9' {
			break
		}
		pri = pri*10 + uint32(c-'0')
		off++
	}
	if getU8(b, off) != '>' {
		nd.PrintInvalid()
		return
	}
	off++
	facility := (pri & 0x03f8) >> 3
	severity := pri & 0x0007
	if nd.Verbose < 1 {
		nd.Printf("SYSLOG %s.%s, length: %d",
			tok2str(syslogFacilities, "unknown (%d)", facility),
			tok2str(syslogSeverities, "unknown (%d)", severity), length)
		return
	}
	nd.Printf("SYSLOG, length: %d\n\tFacility %s (%d), Severity %s (%d)\n\tMsg: ",
		length, tok2str(syslogFacilities, "unknown (%d)", facility), facility,
		tok2str(syslogSeverities, "unknown (%d)", severity), severity)
	if length > off {
		nd.printjn(b, off, length-off)
	}
	if nd.Verbose > 1 {
		unknownDataPrint(nd, b, 0, "\n\t", length)
	}
}
