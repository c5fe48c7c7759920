package dissect

// ATA over Ethernet (ethertype 0x88a2), as tcpdump's print-aoe.c prints
// it: the version and flags always, the command header and arguments
// with -v.

func init() {
	registerEtherType(0x88a2, aoePrint)
}

const (
	aoeV1 = 1

	aoeCmdIssueATA    = 0
	aoeCmdQueryConfig = 1
	aoeCmdMACMaskList = 2
	aoeCmdReserve     = 3

	aoeCommonHdrLen  = 10 // up to the argument
	aoeIssueArgLen   = 12 // up to the data
	aoeQueryArgLen   = 8  // up to the config string
	aoeMACArgLen     = 4  // up to the first directive
	aoeReserveArgLen = 2  // up to the first Ethernet address
	aoeMaxConfStrLen = 1024

	aoeFlagError = 0x04
)

var aoeCmdNames = []tok{
	{aoeCmdIssueATA, "Issue ATA Command"},
	{aoeCmdQueryConfig, "Query Config Information"},
	{aoeCmdMACMaskList, "MAC Mask List"},
	{aoeCmdReserve, "Reserve/Release"},
}

var aoeFlagNames = []tok{
	{0x08, "Response"},
	{aoeFlagError, "Error"},
	{0x02, "MBZ-1"},
	{0x01, "MBZ-0"},
}

var aoeErrorNames = []tok{
	{1, "Unrecognized command code"},
	{2, "Bad argument parameter"},
	{3, "Device unavailable"},
	{4, "Config string present"},
	{5, "Unsupported version"},
	{6, "Target is reserved"},
}

var aoeAFlagNames = []tok{
	{0x80, "MBZ-7"},
	{0x40, "Ext48"},
	{0x20, "MBZ-5"},
	{0x10, "Device"},
	{0x08, "MBZ-3"},
	{0x04, "MBZ-2"},
	{0x02, "Async"},
	{0x01, "Write"},
}

var aoeCCmdNames = []tok{
	{0, "read config string"},
	{1, "test config string"},
	{2, "test config string prefix"},
	{3, "set config string"},
	{4, "force set config string"},
}

var aoeMCmdNames = []tok{{0, "Read Mac Mask List"}, {1, "Edit Mac Mask List"}}

var aoeMErrorNames = []tok{{1, "Unspecified Error"}, {2, "Bad DCmd directive"}, {3, "Mask list full"}}

var aoeDCmdNames = []tok{
	{0, "No Directive"},
	{1, "Add mac address to mask list"},
	{2, "Delete mac address from mask list"},
}

var aoeRCmdNames = []tok{{0, "Read reserve list"}, {1, "Set reserve list"}, {2, "Force set reserve list"}}

// aoeArgPrinters decode a command's argument; each reports false when
// the argument is malformed.
var aoeArgPrinters = map[uint8]func(nd *ND, b []byte, n int) bool{
	aoeCmdIssueATA:    aoeIssuePrint,
	aoeCmdQueryConfig: aoeQueryPrint,
	aoeCmdMACMaskList: aoeMACPrint,
	aoeCmdReserve:     aoeReservePrint,
}

func aoePrint(nd *ND, b []byte, length int) {
	nd.SetProto("aoe")
	nd.Print("AoE length ")
	nd.PrintUint(uint64(length))
	if length < 1 {
		aoeInvalid(nd, b, length)
		return
	}
	ver := getU8(b, 0) >> 4
	nd.Print(", Ver ")
	nd.PrintUint(uint64(ver))
	if ver == aoeV1 {
		aoeV1Print(nd, b, length)
	}
}

// aoeInvalid is the printers' "invalid" exit: the mark, then a bounds
// check of the rest of the message.
func aoeInvalid(nd *ND, b []byte, n int) {
	nd.PrintInvalid()
	tcheck(b, 0, n)
}

func aoeV1Print(nd *ND, b []byte, n int) {
	if n < aoeCommonHdrLen {
		aoeInvalid(nd, b, n)
		return
	}
	flags := getU8(b, 0) & 0x0f
	nd.Print(", Flags: [")
	nd.Print(bittok2str(aoeFlagNames, "none", uint32(flags)))
	nd.PrintByte(']')
	if nd.Verbose == 0 {
		return
	}
	if flags&aoeFlagError != 0 {
		code := getU8(b, 1)
		nd.Print("\n\tError: ")
		nd.Print(tok2str(aoeErrorNames, "Invalid (%d)", uint32(code)))
	}
	major := getBE16(b, 2)
	nd.Print("\n\tMajor: 0x")
	nd.PrintHex(uint64(major), 4)
	minor := getU8(b, 4)
	nd.Print(", Minor: 0x")
	nd.PrintHex(uint64(minor), 2)
	cmd := getU8(b, 5)
	nd.Print(", Command: ")
	nd.Print(tok2str(aoeCmdNames, "Unknown (0x%02x)", uint32(cmd)))
	tag := getBE32(b, 6)
	nd.Print(", Tag: 0x")
	nd.PrintHex(uint64(tag), 8)
	if fn := aoeArgPrinters[cmd]; fn != nil {
		arg, argLen := rest(b, aoeCommonHdrLen), n-aoeCommonHdrLen
		if !fn(nd, arg, argLen) {
			aoeInvalid(nd, arg, argLen)
		}
	}
}

// aoeBytesPrint prints "label N" for each single-byte field from off,
// reading each before its label as tcpdump's ND_PRINT does.
func aoeBytesPrint(nd *ND, b []byte, off int, labels ...string) {
	for i, l := range labels {
		v := getU8(b, off+i)
		nd.Print(l)
		nd.PrintUint(uint64(v))
	}
}

func aoeIssuePrint(nd *ND, b []byte, n int) bool {
	if n < aoeIssueArgLen {
		return false
	}
	aflags := getU8(b, 0)
	nd.Print("\n\tAFlags: [")
	nd.Print(bittok2str(aoeAFlagNames, "none", uint32(aflags)))
	nd.PrintByte(']')
	aoeBytesPrint(nd, b, 1, ", Err/Feature: ", ", Sector Count: ", ", Cmd/Status: ",
		"\n\tlba0: ", ", lba1: ", ", lba2: ", ", lba3: ", ", lba4: ", ", lba5: ")
	tcheck(b, 10, 2) // reserved
	if data := n - aoeIssueArgLen; data != 0 {
		nd.Print("\n\tData: ")
		nd.PrintUint(uint64(data))
		nd.Print(" bytes")
	}
	return true
}

func aoeQueryPrint(nd *ND, b []byte, n int) bool {
	if n < aoeQueryArgLen {
		return false
	}
	bufCount := getBE16(b, 0)
	nd.Print("\n\tBuffer Count: ")
	nd.PrintUint(uint64(bufCount))
	fw := getBE16(b, 2)
	nd.Print(", Firmware Version: ")
	nd.PrintUint(uint64(fw))
	aoeBytesPrint(nd, b, 4, ", Sector Count: ")
	c := getU8(b, 5)
	nd.Print(", AoE: ")
	nd.PrintUint(uint64(c >> 4))
	nd.Print(", CCmd: ")
	// tcpdump's format for an unknown CCmd lacks its % verb.
	nd.Print(tok2str(aoeCCmdNames, "Unknown (0x02x)", uint32(c&0x0f)))
	csLen := int(getBE16(b, 6))
	if csLen > aoeMaxConfStrLen || csLen > n-aoeQueryArgLen {
		aoeInvalid(nd, rest(b, aoeQueryArgLen), n-aoeQueryArgLen)
		return true
	}
	if csLen != 0 {
		nd.Print("\n\tConfig String (length ")
		nd.PrintUint(uint64(csLen))
		nd.Print("): ")
		nd.printjn(b, aoeQueryArgLen, csLen)
	}
	return true
}

func aoeMACPrint(nd *ND, b []byte, n int) bool {
	if n < aoeMACArgLen {
		return false
	}
	mcmd := getU8(b, 1)
	nd.Print("\n\tMCmd: ")
	nd.Print(tok2str(aoeMCmdNames, "Unknown (0x%02x)", uint32(mcmd)))
	merr := getU8(b, 2)
	nd.Print(", MError: ")
	nd.Print(tok2str(aoeMErrorNames, "Unknown (0x%02x)", uint32(merr)))
	count := int(getU8(b, 3))
	nd.Print(", Dir Count: ")
	nd.PrintUint(uint64(count))
	if count*8 > n-aoeMACArgLen {
		aoeInvalid(nd, rest(b, aoeMACArgLen), n-aoeMACArgLen)
		return true
	}
	for i, off := 0, aoeMACArgLen; i < count; i, off = i+1, off+8 {
		dcmd := getU8(b, off+1)
		nd.Print("\n\t DCmd: ")
		nd.Print(tok2str(aoeDCmdNames, "Unknown (0x%02x)", uint32(dcmd)))
		tcheck(b, off+2, 6)
		nd.Print(", Ethernet Address: ")
		nd.PrintEtherAddr(b, off+2)
	}
	return true
}

func aoeReservePrint(nd *ND, b []byte, n int) bool {
	if n < aoeReserveArgLen || (n-aoeReserveArgLen)%6 != 0 {
		return false
	}
	rcmd := getU8(b, 0)
	nd.Print("\n\tRCmd: ")
	nd.Print(tok2str(aoeRCmdNames, "Unknown (0x%02x)", uint32(rcmd)))
	nmacs := int(getU8(b, 1))
	nd.Print(", NMacs: ")
	nd.PrintUint(uint64(nmacs))
	if nmacs*6 != n-aoeReserveArgLen {
		aoeInvalid(nd, rest(b, aoeReserveArgLen), n-aoeReserveArgLen)
		return true
	}
	for i := 0; i < nmacs; i++ {
		tcheck(b, aoeReserveArgLen+6*i, 6)
		nd.Print("\n\tEthernet Address ")
		nd.PrintUint(uint64(i))
		nd.Print(": ")
		nd.PrintEtherAddr(b, aoeReserveArgLen+6*i)
	}
	return true
}
