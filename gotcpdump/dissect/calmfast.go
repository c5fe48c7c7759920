package dissect

// ISO CALM FAST (ISO 29281, tcpdump's print-calm-fast.c): source and
// destination network references, then the payload.

func init() {
	registerEtherType(etherTypeCALMFAST, calmFastPrint)
}

const etherTypeCALMFAST = 0x1111

func calmFastPrint(nd *ND, b []byte, length int) {
	nd.SetProto("calm_fast")
	nd.Print("CALM FAST")
	llSrcPrint(nd, " src:")
	nd.Print("; ")
	if length < 2 {
		nd.Printf(" (length %d < 2)", length)
		nd.PrintInvalid()
		tcheck(b, 0, length)
		return
	}
	nd.Print("SrcNwref:")
	nd.PrintUint(uint64(getU8(b, 0)))
	nd.Print("; DstNwref:")
	nd.PrintUint(uint64(getU8(b, 1)))
	nd.Print("; ")
	if nd.Verbose > 0 {
		defaultPrintLen(nd, b[2:], length-2)
	}
}
