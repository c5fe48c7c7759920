package dissect

import "time"

// Arista's vendor-specific ethertype (0xd28b), which carries a hardware
// timestamp in front of the original type field (tcpdump's
// print-arista.c). The Ethernet printer hands it the frame after the
// type field and starts over after the Arista header.

const etherTypeArista = 0xd28b

const (
	aristaSubtypeTimestamp = 1
	aristaFormat64         = 1
	aristaFormat48         = 2
)

var aristaSubtypeNames = []tok{{aristaSubtypeTimestamp, "Timestamp"}}

var aristaTimescaleNames = []tok{{0, "TAI"}, {1, "UTC"}}

var aristaFormatNames = []tok{{aristaFormat64, "64-bit"}, {aristaFormat48, "48-bit"}}

var aristaHwInfoNames = []tok{{0, "R/R2"}, {1, "R3"}}

// aristaEtherPrint prints the Arista header and then the frame it wraps,
// or the rest of the frame as raw data when the header is not one
// tcpdump decodes. It returns the link-layer header length.
func aristaEtherPrint(nd *ND, p []byte, length, caplen, hdrlen, origLength int, src, dst []byte) int {
	etherTypePrintName(nd, etherTypeArista)
	nd.Print(", length ")
	nd.PrintUint(uint64(origLength))
	nd.Print(": ")
	if n := aristaPrint(nd, p); n > 0 {
		return etherTypePayloadPrint(nd, rest(p, n), length-n, caplen-n, hdrlen+n, origLength, src, dst)
	}
	if !nd.LinkHeader {
		etherAddressesPrint(nd, src, dst)
		etherTypePrintName(nd, etherTypeArista)
		nd.Print(", length ")
		nd.PrintUint(uint64(origLength))
		nd.Print(": ")
	}
	nd.DefaultPrint(clip(p, caplen))
	return hdrlen
}

// aristaPrint prints the sub-type and the timestamp and returns the
// header's length, or -1 for a sub-type or format it does not know
// (arista_ethertype_print).
func aristaPrint(nd *ND, b []byte) int {
	nd.SetProto("arista")
	subtype := getBE16(b, 0)
	nd.Print("SubType ")
	nd.Print(tok2str(aristaSubtypeNames, "Unknown", uint32(subtype)))
	nd.Print(" (0x")
	nd.PrintHex(uint64(subtype), 4)
	nd.Print("), ")
	if subtype != aristaSubtypeTimestamp {
		return -1
	}
	scale := getU8(b, 2)
	nd.Print("Timescale ")
	nd.Print(tok2str(aristaTimescaleNames, "Unknown", uint32(scale)))
	nd.Print(" (")
	nd.PrintUint(uint64(scale))
	nd.Print("), ")
	f := getU8(b, 3)
	format, hw := f>>4, f&0x0f
	nd.Print("Format ")
	nd.Print(tok2str(aristaFormatNames, "Unknown", uint32(format)))
	nd.Print(" (")
	nd.PrintUint(uint64(format))
	nd.Print("), HwInfo ")
	nd.Print(tok2str(aristaHwInfoNames, "Unknown", uint32(hw)))
	nd.Print(" (")
	nd.PrintUint(uint64(hw))
	nd.Print("), Timestamp ")
	n := 4
	switch format {
	case aristaFormat64:
		sec, ns := uint64(getBE32(b, 4)), getBE32(b, 8)
		sec += uint64(ns / 1e9)
		t := time.Unix(int64(sec), 0).UTC()
		nd.out = t.AppendFormat(nd.out, "2006-01-02 15:04:05")
		nd.PrintByte('.')
		nd.printZeroPadded(uint64(ns%1e9), 9)
		n += 8
	case aristaFormat48:
		sec, ns := uint64(getBE16(b, 4)), getBE32(b, 6)
		sec += uint64(ns / 1e9)
		nd.PrintUint(sec)
		nd.PrintByte('.')
		nd.printZeroPadded(uint64(ns%1e9), 9)
		n += 6
	default:
		return -1
	}
	nd.Print(": ")
	return n
}
