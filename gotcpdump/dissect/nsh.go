package dissect

// Network Service Header (RFC 8300), as tcpdump's print-nsh.c prints it.

func init() {
	registerEtherType(etherTypeNSH, nshPrint)
	registerPrinter("nsh_print", nshPrint)
}

const (
	nshWord     = 4
	nshMDType1  = 0x01
	nshMDType2  = 0x02
	nshMinWords = 2 // base header and service path header
)

var nshFlagNames = []tok{{0x2, "O"}}

var nshMDTypeNames = []tok{
	{0x00, "reserved"},
	{nshMDType1, "1"},
	{nshMDType2, "2"},
	{0x0f, "experimental"},
}

var nshNextProtoNames = []tok{
	{0x01, "IPv4"},
	{0x02, "IPv6"},
	{0x03, "Ethernet"},
	{0x04, "NSH"},
	{0x05, "MPLS"},
	{0xfe, "Experiment 1"},
	{0xff, "Experiment 2"},
}

// nshPrint prints an NSH header and what it carries (nsh_print).
func nshPrint(nd *ND, b []byte, length int) {
	nd.SetProto("nsh")
	if length < 2*nshWord {
		nd.Printf(" (packet length %d < %d)", length, 2*nshWord)
		nd.PrintInvalid()
		return
	}
	base := getBE32(b, 0)
	ver := base >> 30
	words := int(base >> 16 & 0x3f)
	mdType := base >> 8 & 0x0f
	next := uint8(base)

	nd.Print("NSH, ")
	if nd.Verbose > 1 {
		nd.Print("ver ")
		nd.PrintUint(uint64(ver))
		nd.Print(", ")
	}
	if ver != 0 {
		return
	}
	nd.Print("flags [")
	printBitNames(nd, nshFlagNames, base>>28&3, "", "none")
	nd.Print("], ")
	if nd.Verbose > 2 {
		nd.Print("TTL ")
		nd.PrintUint(uint64(base >> 22 & 0x3f))
		nd.Print(", length ")
		nd.PrintUint(uint64(words))
		nd.Print(", md type ")
		nd.Print(tok2str(nshMDTypeNames, "unknown (0x%02x)", mdType))
		nd.Print(", ")
	}
	if nd.Verbose > 1 {
		nd.Print("next-protocol ")
		nd.Print(tok2str(nshNextProtoNames, "unknown (0x%02x)", uint32(next)))
		nd.Print(", ")
	}
	if length < words*nshWord {
		nd.Printf(" (too many headers for packet length %d)", length)
		nd.PrintInvalid()
		return
	}
	spi := getBE24(b, 4)
	nd.Print("service-path-id 0x")
	nd.PrintHex(uint64(spi), 6)
	nd.Print(", ")
	si := getU8(b, 7)
	nd.Print("service-index 0x")
	nd.PrintHex(uint64(si), 0)
	if words < nshMinWords {
		nd.Print(" (less than two headers)")
		nd.PrintInvalid()
		return
	}

	off := 2 * nshWord
	ctxWords := words - nshMinWords
	printed := false
	if nd.Verbose > 2 {
		switch mdType {
		case nshMDType1:
			if words != 6 {
				nd.Print(" (invalid length for the MD type)")
				nd.PrintInvalid()
				return
			}
			for n := 0; n < ctxWords; n++ {
				tcheck(b, off, nshWord)
				nd.Print("\n        Context[")
				printUintPad(nd, uint64(n), 2)
				nd.Print("]: 0x")
				nd.PrintHex(uint64(getBE32(b, off)), 8)
				off += nshWord
			}
			printed = true
		case nshMDType2:
			if !nshTLVsPrint(nd, b, &off, ctxWords) {
				return
			}
			printed = true
		}
	}
	if !printed {
		tcheck(b, off, ctxWords*nshWord)
		off += ctxWords * nshWord
	}
	if nd.Verbose > 0 {
		nd.Print("\n    ")
	} else {
		nd.Print(": ")
	}
	nsPayloadPrint(nd, next, rest(b, off), length-words*nshWord, false)
}

// nshTLVsPrint prints the MD type 2 context TLVs that fill ctxWords
// words from *off, advancing *off; false means the packet was invalid
// (and said so).
func nshTLVsPrint(nd *ND, b []byte, off *int, ctxWords int) bool {
	for n := 0; n < ctxWords; {
		class := getBE16(b, *off)
		typ := getU8(b, *off+2)
		tlvLen := int(getU8(b, *off+3) & 0x7f)
		*off += 4
		padded := (tlvLen + nshWord - 1) &^ (nshWord - 1)
		nd.Print("\n        TLV Class ")
		nd.PrintUint(uint64(class))
		nd.Print(", Type ")
		nd.PrintUint(uint64(typ))
		nd.Print(", Len ")
		nd.PrintUint(uint64(tlvLen))
		n++
		if ctxWords < n+padded/nshWord {
			nd.Print(" (length too big)")
			nd.PrintInvalid()
			return false
		}
		if tlvLen == 0 {
			continue
		}
		nd.Print("\n            Value: ")
		for i := 0; i < tlvLen; i++ {
			v := getU8(b, *off)
			if i == 0 {
				nd.Print("0x")
			} else {
				nd.Print(":")
			}
			nd.PrintHex(uint64(v), 2)
			*off++
		}
		tcheck(b, *off, padded-tlvLen)
		*off += padded - tlvLen
		n += padded / nshWord
	}
	return true
}
