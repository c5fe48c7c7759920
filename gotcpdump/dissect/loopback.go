package dissect

// The Ethernet configuration testing protocol (ethertype 0x9000), as
// tcpdump's print-loopback.c prints it.

func init() {
	registerEtherType(etherTypeLoopback, loopbackPrint)
}

const (
	loopbackReply   = 1
	loopbackFwdData = 2
)

var loopbackFuncNames = []tok{
	{loopbackReply, "Reply"},
	{loopbackFwdData, "Forward Data"},
}

// loopbackPrint prints a loopback frame (loopback_print): the skip
// count, then the message it points at.
func loopbackPrint(nd *ND, b []byte, length int) {
	nd.SetProto("loopback")
	nd.Print("Loopback")
	if length < 2 {
		loopbackInvalid(nd, b, 0, length)
		return
	}
	skip := int(getLE16(b, 0))
	nd.Print(", skipCount ")
	nd.PrintUint(uint64(skip))
	if skip%8 != 0 {
		nd.Print(" (bogus)")
	}
	length -= 2
	if skip > length {
		loopbackInvalid(nd, b, 2, length)
		return
	}
	tcheck(b, 2, skip)
	loopbackMessagePrint(nd, b, 2+skip, length-skip)
}

func loopbackInvalid(nd *ND, b []byte, off, length int) {
	nd.PrintInvalid()
	tcheck(b, off, length)
}

// loopbackMessagePrint prints the message at off, length bytes long.
func loopbackMessagePrint(nd *ND, b []byte, off, length int) {
	if length < 2 {
		loopbackInvalid(nd, b, off, length)
		return
	}
	function := getLE16(b, off)
	off += 2
	length -= 2
	nd.Print(", ")
	nd.Print(tok2str(loopbackFuncNames, " invalid (%d)", uint32(function)))
	switch function {
	case loopbackReply:
		if length < 2 {
			loopbackInvalid(nd, b, off, length)
			return
		}
		receipt := getLE16(b, off)
		nd.Print(", receipt number ")
		nd.PrintUint(uint64(receipt))
		off += 2
		length -= 2
	case loopbackFwdData:
		if length < 6 {
			loopbackInvalid(nd, b, off, length)
			return
		}
		tcheck(b, off, 6)
		nd.Print(", forwarding address ")
		nd.PrintEtherAddr(b, off)
		off += 6
		length -= 6
	default:
		tcheck(b, off, length)
		return
	}
	nd.Print(", data (")
	nd.PrintUint(uint64(length))
	nd.Print(" octets)")
	tcheck(b, off, length)
}
