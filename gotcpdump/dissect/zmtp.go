package dissect

// ZeroMQ's ZMTP/1.0 (tcpdump's print-zeromq.c): frames over TCP with
// -T zmtp1, and ZeroMQ datagrams inside PGM data packets.

func init() {
	registerTCPType("zmtp1", zmtp1Print)
	registerPrinter("zmtp1_datagram_print", zmtp1DatagramPrint)
}

// zmtpVBytes is how many body bytes a single -v dumps.
const zmtpVBytes = 128

// zmtp1Print prints the ZMTP/1.0 frames of a TCP payload.
func zmtp1Print(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("zmtp1")
	nd.Print(": ZMTP/1.0")
	ep := min(len(b), length)
	for off := 0; off < ep; {
		off = zmtp1FramePrint(nd, b, off, ep)
	}
}

// zmtp1DatagramPrint prints a ZeroMQ datagram carried in PGM ODATA or
// RDATA: the offset of the first whole frame, the tail of a message
// begun in an earlier datagram, then the frames.
func zmtp1DatagramPrint(nd *ND, b []byte, length int) {
	nd.SetProto("zmtp1")
	ep := min(len(b), length)
	off := zmtp1IntermediatePrint(nd, b, length)
	for off < ep {
		off = zmtp1FramePrint(nd, b, off, ep)
	}
}

// zmtp1FramePrint prints the frame at b[off:] and returns where the
// next one starts. ep is where the payload ends (or the capture, if
// sooner); reads are checked against the capture, as tcpdump's are.
func zmtp1FramePrint(nd *ND, b []byte, off, ep int) int {
	nd.Print("\n\t")
	var hdrLen int
	var declared uint64
	if getU8(b, off) != 0xff {
		hdrLen = 1
		declared = uint64(b[off])
		nd.Print(" frame flags+body  (8-bit) length ")
		nd.PrintUint(declared)
	} else {
		hdrLen = 9
		nd.Print(" frame flags+body (64-bit) length")
		if !ttest(b, off, hdrLen) {
			nd.PrintTrunc()
			return ep
		}
		declared = getBE64(b, off+1)
		nd.PrintByte(' ')
		nd.PrintUint(declared)
	}
	if declared == 0 {
		return off + hdrLen
	}
	if !ttest(b, off, hdrLen+1) {
		nd.PrintTrunc()
		return ep
	}
	flags := b[off+hdrLen]
	captured := uint64(ep - off - hdrLen)
	if declared > captured {
		nd.Print(" (")
		nd.PrintUint(captured)
		nd.Print(" captured)")
	}
	nd.Print(", flags 0x")
	nd.PrintHex(uint64(flags), 2)
	if nd.Verbose > 0 {
		nd.Print(" (")
		for bit := 7; bit >= 0; bit-- {
			switch {
			case flags&(1<<bit) == 0:
				nd.PrintByte('-')
			case bit == 0:
				nd.Print("MORE")
			default:
				nd.Print("MBZ")
			}
			if bit > 0 {
				nd.PrintByte('|')
			}
		}
		nd.PrintByte(')')
		printed := min(captured, declared)
		if nd.Verbose == 1 {
			printed = min(zmtpVBytes+1, printed)
		}
		if printed > 1 {
			nd.Print(", first ")
			nd.PrintUint(printed - 1)
			nd.Print(" byte(s) of body:")
			start := off + hdrLen + 1
			nd.HexASCIIPrint("\n\t ", b[start:start+int(printed-1)])
		}
	}
	// Check the body before moving past it: header plus declared
	// length may wrap around.
	off += hdrLen
	if declared > uint64(len(b)-off) {
		nd.PrintTrunc()
		return ep
	}
	return off + int(declared)
}

// zmtp1IntermediatePrint prints the frame offset that starts a ZeroMQ
// datagram and the message tail before it; it returns where the first
// frame starts.
func zmtp1IntermediatePrint(nd *ND, b []byte, length int) int {
	frameOff := int(getBE16(b, 0))
	nd.Print("\n\t frame offset 0x")
	nd.PrintHex(uint64(frameOff), 4)
	remaining := len(b) - 2
	if frameOff == 0xffff {
		frameOff = length - 2
	} else if 2+frameOff > length {
		nd.Print(" (exceeds datagram declared length)")
		nd.PrintTrunc()
		return 2 + length
	}
	if frameOff != 0 {
		nd.Print("\n\t frame intermediate part, ")
		nd.PrintUint(uint64(uint32(frameOff)))
		nd.Print(" bytes")
		if frameOff > remaining {
			nd.Print(" (")
			nd.PrintUint(uint64(remaining))
			nd.Print(" captured)")
		}
		if nd.Verbose > 0 {
			printed := min(frameOff, remaining)
			if nd.Verbose == 1 {
				printed = min(zmtpVBytes, printed)
			}
			if printed > 1 {
				nd.Print(", first ")
				nd.PrintUint(uint64(printed))
				nd.Print(" byte(s):")
				nd.HexASCIIPrint("\n\t ", b[2:2+printed])
			}
		}
	}
	return 2 + frameOff
}
