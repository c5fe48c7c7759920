package dissect

// LISP control messages (RFC 6830/6833; tcpdump's print-lisp.c) on UDP
// port 4342. Only Map-Register and Map-Notify are decoded past the type.

func init() {
	registerUDPPort("lisp", lispPrint, 4342)
}

// LISP message types.
const (
	lispMapRegister = 3
	lispMapNotify   = 4
)

// Address family numbers of EIDs and locators.
const (
	lispAFIIPv4 = 1
	lispAFIIPv6 = 2
)

var lispTypes = []tok{
	{0, "LISP-Reserved"}, {1, "LISP-Map-Request"}, {2, "LISP-Map-Reply"},
	{3, "LISP-Map-Register"}, {4, "LISP-Map-Notify"},
	{8, "LISP-Encapsulated-Contol-Message"},
}

var lispRegisterFlags = []tok{
	{0x08000000, "P-Proxy-Map-Reply"}, {0x04000000, "S-LISP-SEC-Capable"},
	{0x02000000, "I-xTR-ID-Present"}, {0x01000000, "R-Build-For-RTR"},
	{0x00000100, "M-Want-Map-Notify"},
}

var lispNotifyFlags = []tok{{0x08000000, "I-xTR-ID-Present"}, {0x04000000, "R-Build-For-RTR"}}

var lispAuthTypes = []tok{{0, "None"}, {1, "SHA1"}, {2, "SHA256"}}

var lispEIDActions = []tok{
	{0, "No-Action"}, {1, "Natively-Forward"}, {2, "Send-Map-Request"}, {3, "Drop"},
}

var lispLocFlags = []tok{{0x0004, "Local-Locator"}, {0x0002, "RLoc-Probed"}, {0x0001, "Reachable"}}

// Sizes of the Map-Register header, an EID record and a locator header.
const (
	lispHdrLen = 16
	lispEIDLen = 12
	lispLocLen = 8
)

func lispPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("lisp")
	tcheck(b, 0, lispHdrLen)
	flags := getU8(b, 0)
	typ := flags >> 4
	nd.Print(tok2str(lispTypes, "unknown-type-%d", uint32(typ)))
	nd.Print(",")
	if nd.Verbose > 0 {
		switch typ {
		case lispMapRegister:
			nd.Printf(" flags [%s],", bittok2str(lispRegisterFlags, "none", getBE32(b, 0)))
		case lispMapNotify:
			nd.Printf(" flags [%s],", bittok2str(lispNotifyFlags, "none", getBE32(b, 0)))
		}
	}
	if typ != lispMapRegister && typ != lispMapNotify {
		return
	}
	xtrPresent := (typ == lispMapRegister && flags&2 != 0) || (typ == lispMapNotify && flags&8 != 0)
	authLen := int(getBE16(b, 14))
	records := getU8(b, 3)
	if nd.Verbose > 0 {
		nd.Printf("\n    %d record(s), ", records)
		nd.Printf("Authentication %s,", tok2str(lispAuthTypes, "unknown-type", uint32(getBE16(b, 12))))
		hexPrintAvail(nd, "\n    Authentication-Data: ", b, lispHdrLen, authLen, 0)
	} else {
		nd.Printf(" %d record(s),", records)
	}
	off := lispHdrLen + authLen
	if records == 0 {
		nd.PrintInvalid()
		return
	}
	for length > off && records != 0 {
		records--
		tcheck(b, off, lispEIDLen)
		nd.Print("\n")
		eid := off
		off += lispEIDLen
		maskLen := getU8(b, eid+5)
		afi := getBE16(b, eid+10)
		locs := getU8(b, eid+4)
		if nd.Verbose > 0 {
			nd.Printf("      Record TTL %d,", getBE32(b, eid))
			act := getU8(b, eid+6)
			if (act>>4)&1 != 0 {
				nd.Print(" Authoritative,")
			} else {
				nd.Print(" Non-Authoritative,")
			}
			nd.Printf(" %s,", tok2str(lispEIDActions, "unknown", uint32(act>>5)))
			nd.Printf(" Map Version: %d,", getBE16(b, eid+8)&0x0fff)
		}
		switch afi {
		case lispAFIIPv4:
			tcheck(b, off, 4)
			nd.Print(" EID ")
			nd.PrintIPAddr(b, off)
			off += 4
		case lispAFIIPv6:
			tcheck(b, off, 16)
			nd.Print(" EID ")
			nd.PrintIP6Addr(b, off)
			off += 16
		default:
			return
		}
		nd.Printf("/%d,", maskLen)
		nd.Printf(" %d locator(s)", locs)
		for ; locs != 0; locs-- {
			tcheck(b, off, lispLocLen)
			loc := off
			off += lispLocLen
			if nd.Verbose > 0 {
				nd.Print("\n       ")
			}
			switch getBE16(b, loc+6) {
			case lispAFIIPv4:
				tcheck(b, off, 4)
				nd.Print(" LOC ")
				nd.PrintIPAddr(b, off)
				off += 4
			case lispAFIIPv6:
				tcheck(b, off, 16)
				nd.Print(" LOC ")
				nd.PrintIP6Addr(b, off)
				off += 16
			}
			if nd.Verbose > 0 {
				nd.Printf("\n          Priority/Weight %d/%d, Multicast Priority/Weight %d/%d,",
					getU8(b, loc), getU8(b, loc+1), getU8(b, loc+2), getU8(b, loc+3))
				nd.Printf(" flags [%s],", bittok2str(lispLocFlags, "none", uint32(getBE16(b, loc+4))))
			}
		}
	}
	if xtrPresent {
		if !ttest(b, off, 24) {
			nd.PrintInvalid()
			return
		}
		nd.HexPrint("\n    xTR-ID: ", b[off:off+16])
		nd.Printf("\n    SITE-ID: %d", getBE64(b, off+16))
	} else if off < len(b) {
		nd.HexPrint("\n    Data: ", b[off:])
	}
}
