package dissect

// EAP (RFC 3748) and EAPOL, 802.1X's EAP over LAN (tcpdump's
// print-eap.c): ethertype 0x888e, and the EAP-Message attribute of
// RADIUS.

func init() {
	registerEtherType(0x888e, eapolPrint)
}

var eapolFrameTypes = []tok{
	{0, "EAP packet"}, {1, "EAPOL start"}, {2, "EAPOL logoff"}, {3, "EAPOL key"},
	{4, "Encapsulated ASF alert"},
}

var eapCodes = []tok{{1, "Request"}, {2, "Response"}, {3, "Success"}, {4, "Failure"}}

// EAP method types with a body tcpdump decodes.
const (
	eapTypeIdentity     = 1
	eapTypeNotification = 2
	eapTypeNak          = 3
	eapTypeTLS          = 13
	eapTypeSIM          = 18
	eapTypeTTLS         = 21
	eapTypeAKA          = 23
	eapTypeFAST         = 43
)

var eapTypes = []tok{
	{0, "No proposed"}, {1, "Identity"}, {2, "Notification"}, {3, "Nak"},
	{4, "MD5-challenge"}, {5, "OTP"}, {6, "GTC"}, {13, "TLS"}, {18, "SIM"},
	{21, "TTLS"}, {23, "AKA"}, {43, "FAST"}, {254, "Expanded types"},
	{255, "Experimental"},
}

var eapTLSFlags = []tok{{0x80, "L bit"}, {0x40, "More fragments bit"}, {0x20, "Start bit"}}

var eapAKASubtypes = []tok{
	{1, "Challenge"}, {2, "Auth reject"}, {4, "Sync failure"}, {5, "Identity"},
	{10, "Start"}, {11, "Challenge"}, {12, "Notification"}, {13, "Reauth"},
	{14, "Client error"},
}

func eapolPrint(nd *ND, b []byte, _ int) {
	nd.SetProto("eap")
	tcheck(b, 0, 4)
	typ := uint32(getU8(b, 1))
	eapLen := int(getBE16(b, 2))
	nd.Printf("%s (%d) v%d, len %d", tok2str(eapolFrameTypes, "unknown", typ), typ, getU8(b, 0), eapLen)
	if nd.Verbose < 1 || typ != 0 {
		return
	}
	if eapLen == 0 {
		nd.PrintTrunc()
		return
	}
	nd.Print(", ")
	eapPrint(nd, b[4:], eapLen)
}

// eapPrint prints one EAP packet whose enclosing protocol says it is
// length bytes long.
func eapPrint(nd *ND, b []byte, length int) {
	code := uint32(getU8(b, 0))
	n := int(getBE16(b, 2))
	if n != length {
		nd.Print("EAP fragment?")
		return
	}
	nd.Printf("%s (%d), id %d, len %d", tok2str(eapCodes, "unknown", code), code, getU8(b, 1), n)
	if n < 4 {
		nd.Print(" (too short for EAP header)")
		return
	}
	if !ttest(b, 0, n) {
		nd.PrintTrunc()
		return
	}
	if code != 1 && code != 2 {
		return
	}
	if n < 5 {
		nd.Print(" (too short for EAP request/response)")
		return
	}
	sub := uint32(getU8(b, 4))
	nd.Printf("\n\t\t Type %s (%d)", tok2str(eapTypes, "unknown", sub), sub)
	switch sub {
	case eapTypeIdentity:
		if n > 5 {
			nd.Print(", Identity: ")
			printjnp(nd, b, 5, n-5)
		}
	case eapTypeNotification:
		if n < 6 {
			nd.Print(" (too short for EAP Notification request/response)")
			return
		}
		nd.Print(", Notification: ")
		printjnp(nd, b, 5, n-5)
	case eapTypeNak:
		if n < 6 {
			nd.Print(" (too short for EAP Legacy NAK request/response)")
			return
		}
		sep := ""
		for i := 5; i < n; i++ {
			t := uint32(getU8(b, i))
			nd.Printf("%s %s (%d)", sep, tok2str(eapTypes, "unknown", t), t)
			sep = ","
		}
	case eapTypeTTLS, eapTypeTLS, eapTypeFAST:
		what := "TLS/TTLS"
		if sub == eapTypeFAST {
			what = "FAST"
		}
		if n < 6 {
			nd.Printf(" (too short for EAP %s request/response)", what)
			return
		}
		flags := getU8(b, 5)
		switch sub {
		case eapTypeTTLS:
			nd.Printf(" TTLSv%d", flags&7)
		case eapTypeFAST:
			nd.Printf(" FASTv%d", flags&7)
		}
		nd.Printf(" flags [%s] 0x%02x", bittok2str(eapTLSFlags, "none", uint32(flags)), flags)
		if flags&0x80 != 0 {
			if n < 10 {
				nd.Printf(" (too short for EAP %s request/response with length)", what)
				return
			}
			nd.Printf(", len %d", getBE32(b, 6))
		}
	case eapTypeAKA, eapTypeSIM:
		if n < 6 {
			nd.Print(" (too short for EAP SIM/AKA request/response)")
			return
		}
		st := getU8(b, 5)
		nd.Printf(" subtype [%s] 0x%02x", tok2str(eapAKASubtypes, "unknown", uint32(st)), st)
	}
}
