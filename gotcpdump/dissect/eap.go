package dissect

// IEEE 802.1X EAPOL frames and the EAP packets they carry (tcpdump's
// print-eap.c).

func init() {
	registerEtherType(0x888e, eapolPrint)
}

const (
	eapolHdrLen = 4

	eapFramePacket = 0

	eapRequest  = 1
	eapResponse = 2

	eapTypeIdentity     = 1
	eapTypeNotification = 2
	eapTypeNak          = 3
	eapTypeTLS          = 13
	eapTypeSIM          = 18
	eapTypeTTLS         = 21
	eapTypeAKA          = 23
	eapTypeFAST         = 43
)

var eapFrameTypeNames = []tok{
	{0, "EAP packet"},
	{1, "EAPOL start"},
	{2, "EAPOL logoff"},
	{3, "EAPOL key"},
	{4, "Encapsulated ASF alert"},
}

var eapCodeNames = []tok{
	{eapRequest, "Request"},
	{eapResponse, "Response"},
	{3, "Success"},
	{4, "Failure"},
}

var eapTypeNames = []tok{
	{0, "No proposed"},
	{eapTypeIdentity, "Identity"},
	{eapTypeNotification, "Notification"},
	{eapTypeNak, "Nak"},
	{4, "MD5-challenge"},
	{5, "OTP"},
	{6, "GTC"},
	{eapTypeTLS, "TLS"},
	{eapTypeSIM, "SIM"},
	{eapTypeTTLS, "TTLS"},
	{eapTypeAKA, "AKA"},
	{eapTypeFAST, "FAST"},
	{254, "Expanded types"},
	{255, "Experimental"},
}

var eapTLSFlagNames = []tok{
	{0x80, "L bit"},
	{0x40, "More fragments bit"},
	{0x20, "Start bit"},
}

var eapAKASubtypeNames = []tok{
	{1, "Challenge"},
	{2, "Auth reject"},
	{4, "Sync failure"},
	{5, "Identity"},
	{10, "Start"},
	{11, "Challenge"},
	{12, "Notification"},
	{13, "Reauth"},
	{14, "Client error"},
}

// eapolPrint prints the EAPOL header and, with -v, the EAP packet.
func eapolPrint(nd *ND, b []byte, _ int) {
	nd.SetProto("eap")
	tcheck(b, 0, eapolHdrLen)
	ver, typ, n := getU8(b, 0), getU8(b, 1), getBE16(b, 2)
	nd.Print(tok2str(eapFrameTypeNames, "unknown", uint32(typ)))
	nd.Print(" (")
	nd.PrintUint(uint64(typ))
	nd.Print(") v")
	nd.PrintUint(uint64(ver))
	nd.Print(", len ")
	nd.PrintUint(uint64(n))
	if nd.Verbose == 0 || typ != eapFramePacket {
		return
	}
	eapPrint(nd, rest(b, eapolHdrLen), int(n))
}

// eapPrint prints an EAP packet whose length the enclosing header gave
// as length.
func eapPrint(nd *ND, b []byte, length int) {
	if int(getBE16(b, 2)) != length {
		nd.PrintTrunc()
		return
	}
	nd.Print(", ")
	eapBodyPrint(nd, b)
}

// eapBodyPrint prints an EAP packet from its code on, its length taken
// from its own header (eap_print once the lengths agree).
func eapBodyPrint(nd *ND, b []byte) {
	code, id, n := getU8(b, 0), getU8(b, 1), int(getBE16(b, 2))
	nd.Print(tok2str(eapCodeNames, "unknown", uint32(code)))
	nd.Print(" (")
	nd.PrintUint(uint64(code))
	nd.Print("), id ")
	nd.PrintUint(uint64(id))
	nd.Print(", len ")
	nd.PrintUint(uint64(n))
	tcheck(b, 0, n)
	if code != eapRequest && code != eapResponse {
		return
	}
	typ := getU8(b, 4)
	nd.Print("\n\t\t Type ")
	nd.Print(tok2str(eapTypeNames, "unknown", uint32(typ)))
	nd.Print(" (")
	nd.PrintUint(uint64(typ))
	nd.PrintByte(')')
	switch typ {
	case eapTypeIdentity, eapTypeNotification:
		if n > 5 {
			if typ == eapTypeIdentity {
				nd.Print(", Identity: ")
			} else {
				nd.Print(", Notification: ")
			}
			printjnp(nd, b, 5, n-5)
		}
	case eapTypeNak:
		for i := 5; i < n; i++ {
			t := getU8(b, i)
			nd.PrintByte(' ')
			nd.Print(tok2str(eapTypeNames, "unknown", uint32(t)))
			nd.Print(" (")
			nd.PrintUint(uint64(t))
			nd.Print("),")
		}
	case eapTypeTLS, eapTypeTTLS, eapTypeFAST:
		f := getU8(b, 5)
		switch typ {
		case eapTypeTTLS:
			nd.Print(" TTLSv")
			nd.PrintUint(uint64(f & 7))
		case eapTypeFAST:
			nd.Print(" FASTv")
			nd.PrintUint(uint64(f & 7))
		}
		nd.Print(" flags [")
		nd.Print(bittok2str(eapTLSFlagNames, "none", uint32(f)))
		nd.Print("] 0x")
		nd.PrintHex(uint64(f), 2)
		if f&0x80 != 0 {
			l := getBE32(b, 6)
			nd.Print(" len ")
			nd.PrintUint(uint64(l))
		}
	case eapTypeAKA, eapTypeSIM:
		s := getU8(b, 5)
		nd.Print(" subtype [")
		nd.Print(tok2str(eapAKASubtypeNames, "unknown", uint32(s)))
		nd.Print("] 0x")
		nd.PrintHex(uint64(s), 2)
	}
}
