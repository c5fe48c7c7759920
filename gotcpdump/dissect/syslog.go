package dissect

// BSD syslog over UDP (RFC 3164; tcpdump's print-syslog.c), port 514:
// the <PRI> prefix decoded into facility and severity, then the text.

func init() {
	registerUDPPort("syslog", syslogPrint, 514)
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

const (
	syslogMaxDigits = 3
	syslogMaxPrio   = 191
)

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
		if pri > syslogMaxPrio {
			nd.PrintInvalid()
			return
		}
	}
	if getU8(b, off) != '>' {
		nd.PrintInvalid()
		return
	}
	off++
	facility, severity := pri>>3, pri&7
	if nd.Verbose < 1 {
		nd.Printf("SYSLOG %s.%s, length: %d",
			tok2str(syslogFacilities, "unknown (%d)", facility),
			tok2str(syslogSeverities, "unknown (%d)", severity), length)
		return
	}
	nd.Printf("SYSLOG, length: %d\n\tFacility %s (%d), Severity %s (%d)\n\tMsg: ",
		length, tok2str(syslogFacilities, "unknown", facility), facility,
		tok2str(syslogSeverities, "unknown", severity), severity)
	for ; off < length; off++ {
		nd.printChar(getU8(b, off))
	}
	if nd.Verbose > 1 {
		unknownDataPrint(nd, b, 0, "\n\t", length)
	}
}
