package dissect

import "time"

// The NTP printer (tcpdump's print-ntp.c and ntp.c): version and mode on
// one line; with -v the time message fields or the control message
// header.

func init() {
	registerUDPPort("ntp", ntpPrint, 123)
}

const (
	ntpTimeMsgMinLen = 48
	ntpCtrlMsgMinLen = 12

	ntpModeControl = 6

	ntpStratumUnspec    = 0
	ntpStratumPrimary   = 1
	ntpStratumInfoQuery = 62
	ntpStratumInfoReply = 63

	// ntpFracScale is 2^32, the scale of a timestamp's fraction.
	ntpFracScale = 4294967296.0
)

var ntpModeNames = []tok{
	{0, "unspecified"}, {1, "symmetric active"}, {2, "symmetric passive"},
	{3, "Client"}, {4, "Server"}, {5, "Broadcast"}, {6, "Control Message"},
	{7, "Reserved"},
}

var ntpLeapNames = []tok{
	{0x00, ""}, {0x40, "+1s"}, {0x80, "-1s"}, {0xc0, "clock unsynchronized"},
}

var ntpStratumNames = []tok{
	{ntpStratumUnspec, "unspecified"}, {ntpStratumPrimary, "primary reference"},
}

// ntpPrint prints an NTP message (ntp_print).
func ntpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("ntp")
	status := getU8(b, 0)
	nd.Print("NTPv")
	nd.PrintUint(uint64(status >> 3 & 7))
	mode := uint32(status & 7)
	nd.Print(", ")
	nd.Print(tokOr(ntpModeNames, "Unknown mode", mode))
	nd.Print(", length ")
	nd.PrintUint(uint64(length))
	if nd.Verbose == 0 {
		return
	}
	leap := uint32(status & 0xc0)
	nd.Print("\n\tLeap indicator: ")
	nd.Print(tokOr(ntpLeapNames, "Unknown", leap))
	nd.Print(" (")
	nd.PrintUint(uint64(leap))
	nd.PrintByte(')')
	switch {
	case mode <= 5:
		ntpTimePrint(nd, b, length)
	case mode == ntpModeControl:
		ntpControlPrint(nd, b, length)
	}
}

// ntpTimePrint prints the fields of a time message (ntp_time_print).
func ntpTimePrint(nd *ND, b []byte, length int) {
	if length < ntpTimeMsgMinLen {
		nd.PrintInvalid()
		if !ttest(b, 0, length) {
			nd.PrintTrunc()
			return
		}
		return
	}
	stratum := getU8(b, 1)
	unknown := "reserved"
	if stratum >= 2 && stratum <= 15 {
		unknown = "secondary reference"
	}
	nd.Print(", Stratum ")
	nd.PrintUint(uint64(stratum))
	nd.Print(" (")
	nd.Print(tokOr(ntpStratumNames, unknown, uint32(stratum)))
	nd.PrintByte(')')
	poll := int8(getU8(b, 2))
	nd.Print(", poll ")
	nd.PrintInt(int64(poll))
	if poll > -32 && poll < 32 {
		if poll >= 0 {
			nd.Print(" (")
			nd.PrintUint(1 << poll)
			nd.Print("s)")
		} else {
			nd.Print(" (1/")
			nd.PrintUint(1 << -poll)
			nd.Print("s)")
		}
	}
	precision := int8(getU8(b, 3))
	nd.Print(", precision ")
	nd.PrintInt(int64(precision))

	if !ttest(b, 4, 4) {
		nd.PrintTrunc()
		return
	}
	nd.Print("\n\tRoot Delay: ")
	ntpShortFixed(nd, b, 4)
	if !ttest(b, 8, 4) {
		nd.PrintTrunc()
		return
	}
	nd.Print(", Root dispersion: ")
	ntpShortFixed(nd, b, 8)
	if !ttest(b, 12, 4) {
		nd.PrintTrunc()
		return
	}
	nd.Print(", Reference-ID: ")
	switch stratum {
	case ntpStratumUnspec:
		nd.Print("(unspec)")
	case ntpStratumPrimary:
		nd.printjn(b, 12, 4)
	case ntpStratumInfoQuery, ntpStratumInfoReply:
		nd.PrintIPAddr(b, 12)
		if stratum == ntpStratumInfoQuery {
			nd.Print(" INFO_QUERY")
		} else {
			nd.Print(" INFO_REPLY")
		}
		return
	default:
		refID := getBE32(b, 12)
		nd.Print("0x")
		nd.PrintHex(uint64(refID), 8)
	}

	for _, ts := range [...]struct {
		off  int
		name string
	}{
		{16, "\n\t  Reference Timestamp:  "},
		{24, "\n\t  Originator Timestamp: "},
		{32, "\n\t  Receive Timestamp:    "},
		{40, "\n\t  Transmit Timestamp:   "},
	} {
		if !ttest(b, ts.off, 8) {
			nd.PrintTrunc()
			return
		}
		nd.Print(ts.name)
		ntpTimestamp(nd, b, ts.off)
	}
	nd.Print("\n\t    Originator - Receive Timestamp:  ")
	ntpDelta(nd, b, 24, 32)
	nd.Print("\n\t    Originator - Transmit Timestamp: ")
	ntpDelta(nd, b, 24, 40)

	switch extra := length - ntpTimeMsgMinLen; {
	case extra == 4 || extra == 4+16 || extra == 4+20:
		keyID := getBE32(b, 48)
		nd.Print("\n\tKey id: ")
		nd.PrintUint(uint64(keyID))
		if extra > 4 {
			if !ttest(b, 52, extra-4) {
				nd.PrintTrunc()
				return
			}
			nd.Print("\n\tAuthentication: ")
			for off := 52; off < length; off += 4 {
				nd.PrintHex(uint64(getBE32(b, off)), 8)
			}
		}
	case extra > 0:
		nd.Print("\n\t(")
		nd.PrintUint(uint64(extra))
		nd.Print(" more bytes after the header)")
	}
}

// ntpControlPrint prints a mode 6 control message header
// (ntp_control_print).
func ntpControlPrint(nd *ND, b []byte, length int) {
	if length < ntpCtrlMsgMinLen {
		nd.PrintInvalid()
		if !ttest(b, 0, length) {
			nd.PrintTrunc()
			return
		}
		return
	}
	control := getU8(b, 1)
	pick := func(bit byte, set, clear string) string {
		if control&bit != 0 {
			return set
		}
		return clear
	}
	nd.Print(", ")
	nd.Print(pick(0x80, "Response", "Request"))
	nd.Print(", ")
	nd.Print(pick(0x40, "Error", "OK"))
	nd.Print(", ")
	nd.Print(pick(0x20, "More", "Last"))
	nd.Print(", OpCode=")
	nd.PrintUint(uint64(control & 0x1f))
	nd.PrintByte('\n')
	for _, f := range [...]struct {
		off  int
		name string
	}{{2, "\tSequence="}, {4, ", Status="}, {6, ", Assoc.="}, {8, ", Offset="}, {10, ", Count="}} {
		v := getBE16(b, f.off)
		nd.Print(f.name)
		if f.off == 4 && v != 0 {
			nd.Print("0x") // %#hx
			nd.PrintHex(uint64(v), 0)
		} else {
			nd.PrintUint(uint64(v))
		}
	}
	count := int(getBE16(b, 10))
	if ntpCtrlMsgMinLen+count > length {
		nd.PrintInvalid()
		if !ttest(b, 0, length) {
			nd.PrintTrunc()
			return
		}
		return
	}
	if count != 0 {
		if !ttest(b, ntpCtrlMsgMinLen, count) {
			nd.PrintTrunc()
			return
		}
		nd.Print("\n\tTO-BE-DONE: data not interpreted")
	}
}

// ntpShortFixed prints a 16.16 fixed-point value as seconds (p_sfix).
func ntpShortFixed(nd *ND, b []byte, off int) {
	i := getBE16(b, off)
	f := int(float64(getBE16(b, off+2)) / 65536.0 * 1000000.0)
	nd.PrintUint(uint64(i))
	nd.PrintByte('.')
	nd.printZeroPadded(uint64(f), 6)
}

// ntpFraction converts a 32-bit binary fraction to nanoseconds as
// tcpdump does, through a double.
func ntpFraction(f uint32) uint64 {
	return uint64(uint32(float64(f) / ntpFracScale * 1000000000.0))
}

// ntpTimestamp prints a 64-bit NTP timestamp and, when its seconds are
// not zero, the UTC date it stands for (p_ntp_time). tcpdump 4.99 knows
// only era 0: small values print as dates before 1968.
func ntpTimestamp(nd *ND, b []byte, off int) {
	i := getBE32(b, off)
	f := getBE32(b, off+4)
	nd.PrintUint(uint64(i))
	nd.PrintByte('.')
	nd.printZeroPadded(ntpFraction(f), 9)
	if i == 0 {
		return
	}
	secs := int64(i) - 2208988800
	nd.Print(" (")
	nd.out = time.Unix(secs, 0).UTC().AppendFormat(nd.out, "2006-01-02T15:04:05Z")
	nd.PrintByte(')')
}

// ntpDelta prints the signed difference between the timestamps at
// from and to, or the one at to when the one at from is zero
// (p_ntp_delta).
func ntpDelta(nd *ND, b []byte, from, to int) {
	u, uf := getBE32(b, to), getBE32(b, to+4)
	ou, ouf := getBE32(b, from), getBE32(b, from+4)
	if ou == 0 && ouf == 0 {
		ntpTimestamp(nd, b, to)
		return
	}
	var i, f uint32
	negative := false
	switch {
	case u > ou:
		i, f = u-ou, uf-ouf
		if ouf > uf {
			i--
		}
	case u < ou:
		negative = true
		i, f = ou-u, ouf-uf
		if uf > ouf {
			i--
		}
	default:
		if uf > ouf {
			f = uf - ouf
		} else {
			negative = true
			f = ouf - uf
		}
	}
	if negative {
		nd.PrintByte('-')
	} else {
		nd.PrintByte('+')
	}
	nd.PrintUint(uint64(i))
	nd.PrintByte('.')
	nd.printZeroPadded(ntpFraction(f), 9)
}

// printZeroPadded appends v zero-padded to width digits (%0*u).
func (nd *ND) printZeroPadded(v uint64, width int) {
	var buf [20]byte
	i := len(buf)
	for v != 0 || i == len(buf) {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	for n := len(buf) - i; n < width; n++ {
		nd.out = append(nd.out, '0')
	}
	nd.out = append(nd.out, buf[i:]...)
}
