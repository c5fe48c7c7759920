package format

const hexDigits = "0123456789abcdef"

// isGraph reports whether c is a printable, non-space ASCII byte
// (ND_ASCII_ISGRAPH in tcpdump).
func isGraph(c byte) bool { return c > 0x20 && c <= 0x7e }

// appendHex4 appends v as printf's %04x does: at least four digits.
func appendHex4(dst []byte, v uint32) []byte {
	digits := 4
	for v>>(4*uint(digits)) != 0 && digits < 8 {
		digits++
	}
	for shift := 4 * (digits - 1); shift >= 0; shift -= 4 {
		dst = append(dst, hexDigits[v>>uint(shift)&0xf])
	}
	return dst
}

// AppendHex appends data as tcpdump's -x dump: lines of eight 16-bit
// groups, each line introduced by indent and a 0x%04x offset starting at
// offset.
func AppendHex(dst []byte, indent string, data []byte, offset uint32) []byte {
	nshorts := len(data) / 2
	i := 0
	for n := 0; n < nshorts; n++ {
		if i%8 == 0 {
			dst = append(dst, indent...)
			dst = append(dst, '0', 'x')
			dst = appendHex4(dst, offset)
			dst = append(dst, ':', ' ')
			offset += 16
		}
		i++
		dst = append(dst, ' ', hexDigits[data[2*n]>>4], hexDigits[data[2*n]&0xf],
			hexDigits[data[2*n+1]>>4], hexDigits[data[2*n+1]&0xf])
	}
	if len(data)&1 != 0 {
		if i%8 == 0 {
			dst = append(dst, indent...)
			dst = append(dst, '0', 'x')
			dst = appendHex4(dst, offset)
			dst = append(dst, ':', ' ')
		}
		c := data[len(data)-1]
		dst = append(dst, ' ', hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst
}

// AppendHexASCII appends data as tcpdump's -X dump: the -x layout padded to
// 40 columns, two spaces, then the bytes as ASCII with '.' for anything
// that is not graphic.
func AppendHexASCII(dst []byte, indent string, data []byte, offset uint32) []byte {
	for len(data) > 0 {
		n := min(len(data), 16)
		line := data[:n]
		dst = append(dst, indent...)
		dst = append(dst, '0', 'x')
		dst = appendHex4(dst, offset)
		dst = append(dst, ':', ' ')
		width := 0
		for j := 0; j+1 < n; j += 2 {
			dst = append(dst, ' ', hexDigits[line[j]>>4], hexDigits[line[j]&0xf],
				hexDigits[line[j+1]>>4], hexDigits[line[j+1]&0xf])
			width += 5
		}
		if n&1 != 0 {
			c := line[n-1]
			dst = append(dst, ' ', hexDigits[c>>4], hexDigits[c&0xf])
			width += 3
		}
		for ; width < 40; width++ {
			dst = append(dst, ' ')
		}
		dst = append(dst, ' ', ' ')
		for _, c := range line {
			if isGraph(c) {
				dst = append(dst, c)
			} else {
				dst = append(dst, '.')
			}
		}
		data = data[n:]
		offset += 16
	}
	return dst
}

// AppendASCII appends data as tcpdump's -A dump: a newline, then the bytes
// with tabs, spaces and newlines kept, a CR dropped before a newline and
// in the last two bytes (tcpdump's ascii_print tests "length > 1" after
// counting the CR), and any other non-graphic byte shown as '.'.
func AppendASCII(dst []byte, data []byte) []byte {
	dst = append(dst, '\n')
	for i, c := range data {
		switch {
		case c == '\r':
			if i+2 < len(data) && data[i+1] != '\n' {
				dst = append(dst, '.')
			}
		case isGraph(c) || c == '\t' || c == ' ' || c == '\n':
			dst = append(dst, c)
		default:
			dst = append(dst, '.')
		}
	}
	return dst
}
