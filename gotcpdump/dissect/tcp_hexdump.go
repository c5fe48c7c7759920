package dissect

import "github.com/goclues/goclues/common/format"

// Dumps of bytes that may not all have been captured, as tcpdump's
// hex_print_with_offset and hex_and_ascii_print do them: what was
// captured is printed, then the packet stops as truncated.

// hexPrintAvail dumps n bytes from off in hex, the offsets labelled from
// offset.
func hexPrintAvail(nd *ND, indent string, b []byte, off, n int, offset uint32) {
	avail := rest(b, off)
	if len(avail) >= n {
		nd.out = format.AppendHex(nd.out, indent, avail[:n], offset)
		return
	}
	nd.out = format.AppendHex(nd.out, indent, avail, offset)
	trunc()
}

// hexASCIIPrintAvail dumps n bytes from off in hex and ASCII.
func hexASCIIPrintAvail(nd *ND, indent string, b []byte, off, n int) {
	avail := rest(b, off)
	if len(avail) >= n {
		nd.HexASCIIPrint(indent, avail[:n])
		return
	}
	nd.HexASCIIPrint(indent, avail)
	trunc()
}
