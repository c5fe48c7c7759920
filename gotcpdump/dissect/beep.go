package dissect

// BEEP (RFC 3080, tcpdump's print-beep.c): the frame keyword only.

func init() {
	registerTCPPort("beep", beepPrint, 10288)
}

// beepKeywords are the 4 bytes tcpdump compares a payload's start with
// (strncmp over 4 bytes, so "MSG" and "END" need a NUL after them).
var beepKeywords = []struct{ match, name string }{
	{"MSG\x00", " BEEP MSG"}, {"RPY ", " BEEP RPY"}, {"ERR ", " BEEP ERR"},
	{"ANS ", " BEEP ANS"}, {"NUL ", " BEEP NUL"}, {"SEQ ", " BEEP SEQ"},
	{"END\x00", " BEEP END"},
}

func beepPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("beep")
	if ttest(b, 0, 4) && length >= 4 {
		for _, k := range beepKeywords {
			if string(b[:4]) == k.match {
				nd.Print(k.name)
				return
			}
		}
	}
	nd.Print(" BEEP (payload or undecoded)")
}
