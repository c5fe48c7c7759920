package dissect

import "github.com/goclues/goclues/common/capture"

// IEEE 802.5 Token Ring (tcpdump's print-token.c): access and frame
// control, the two MAC addresses, the source-routing information field
// when the source address's top bit says there is one, then LLC.

func init() {
	registerLinkType(capture.DLTIEEE802, tokenIfPrint)
	registerPrinter("token_print", func(nd *ND, b []byte, length int) { tokenPrint(nd, b, length, len(b)) })
}

const (
	tokenHdrLen = 14
	tokenFCLLC  = 1
)

var tokenBroadcastNames = [8]string{
	"Non-Broadcast", "Non-Broadcast", "Non-Broadcast", "Non-Broadcast",
	"All-routes", "All-routes", "Single-route", "Single-route",
}

var tokenDirectionNames = [2]string{"Forward", "Backward"}

var tokenLargestFrame = [8]string{"516", "1500", "2052", "4472", "8144", "11407", "17800", "??"}

func tokenIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.llHdrLen += tokenPrint(nd, b, int(p.Len), len(b))
}

func tokenHdrPrint(nd *ND, b []byte, length int, src, dst []byte) {
	if !nd.Quick {
		nd.PrintHex(uint64(getU8(b, 0)), 2)
		nd.PrintByte(' ')
		nd.PrintHex(uint64(getU8(b, 1)), 2)
		nd.PrintByte(' ')
	}
	nd.PrintEtherAddr(src, 0)
	nd.Print(" > ")
	nd.PrintEtherAddr(dst, 0)
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	nd.Print(": ")
}

// tokenPrint prints a Token Ring frame and returns its header length.
func tokenPrint(nd *ND, b []byte, length, caplen int) int {
	nd.SetProto("token-ring")
	hdrLen := tokenHdrLen
	if caplen < tokenHdrLen {
		nd.PrintTrunc()
		return hdrLen
	}
	var src, dst [6]byte
	copy(dst[:], b[2:8])
	copy(src[:], b[8:14])
	routeLen := 0
	if src[0]&0x80 != 0 {
		src[0] &= 0x7f
		if nd.LinkHeader {
			tokenHdrPrint(nd, b, length, src[:], dst[:])
		}
		if caplen < tokenHdrLen+2 {
			nd.PrintTrunc()
			return hdrLen
		}
		rcf := getBE16(b, 14)
		routeLen = int(rcf&0x1f00) >> 8
		hdrLen += routeLen
		if caplen < hdrLen {
			nd.PrintTrunc()
			return hdrLen
		}
		segments := (routeLen - 2) / 2
		if nd.Verbose > 0 {
			nd.Print(tokenBroadcastNames[(rcf&0xe000)>>13])
			nd.PrintByte(' ')
			nd.Print(tokenDirectionNames[(rcf&0x0080)>>7])
			for seg := 0; seg < segments; seg++ {
				rseg := getBE16(b, 16+2*seg)
				nd.Printf(" [%d:%d]", (rseg&0xfff0)>>4, rseg&0x000f)
			}
		} else {
			nd.Print("rt = ")
			nd.PrintHex(uint64(rcf), 0)
			for seg := 0; seg < segments; seg++ {
				nd.PrintByte(':')
				nd.PrintHex(uint64(getBE16(b, 16+2*seg)), 0)
			}
		}
		nd.Print(" (")
		nd.Print(tokenLargestFrame[(rcf&0x0070)>>4])
		nd.Print(") ")
	} else if nd.LinkHeader {
		tokenHdrPrint(nd, b, length, src[:], dst[:])
	}
	p := b[hdrLen:]
	if (getU8(b, 1)&0xc0)>>6 == tokenFCLLC {
		n := llcPrint(nd, p, length-hdrLen, caplen-hdrLen, src[:], dst[:])
		if n < 0 {
			nd.DefaultPrint(p)
			n = -n
		}
		return hdrLen + n
	}
	if !nd.LinkHeader {
		tokenHdrPrint(nd, b, length, src[:], dst[:])
	}
	nd.DefaultPrint(p)
	return hdrLen
}
