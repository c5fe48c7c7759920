package format

// Escape selects how AppendCString shows bytes, after strace's -x flags.
type Escape int

// Escape styles.
const (
	EscapeOctal    Escape = iota // C escapes, other bytes as short octal
	EscapeHexIfAny               // all bytes as \xHH if any byte is unprintable (-x)
	EscapeHexAll                 // every byte as \xHH (-xx)
	EscapeHexChars               // like EscapeOctal, with \xHH instead of octal escapes
)

// cEscapes maps the bytes that have a one-letter C escape to that letter.
var cEscapes = [256]byte{'\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '"': '"', '\\': '\\'}

// printable reports whether b shows as itself or as a one-letter escape.
func printable(b byte) bool {
	return (b >= 0x20 && b < 0x7f) || (cEscapes[b] != 0)
}

// AppendCString appends s in double quotes the way strace prints strings:
// printable ASCII as is, \t \n \v \f \r \" \\ escaped, other bytes as the
// shortest octal escape (three digits when an octal digit follows). With
// EscapeHexIfAny a string holding any other byte is printed wholly as
// \xHH escapes; EscapeHexAll always does.
func AppendCString(dst, s []byte, esc Escape) []byte {
	hex := esc == EscapeHexAll
	if esc == EscapeHexIfAny {
		for _, b := range s {
			if !printable(b) {
				hex = true
				break
			}
		}
	}
	dst = append(dst, '"')
	for i, b := range s {
		switch {
		case hex:
			dst = append(dst, '\\', 'x', hexDigits[b>>4], hexDigits[b&15])
		case cEscapes[b] != 0:
			dst = append(dst, '\\', cEscapes[b])
		case b >= 0x20 && b < 0x7f:
			dst = append(dst, b)
		case esc == EscapeHexChars:
			dst = append(dst, '\\', 'x', hexDigits[b>>4], hexDigits[b&15])
		default:
			dst = appendOctal(dst, b, i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7')
		}
	}
	return append(dst, '"')
}

func appendOctal(dst []byte, b byte, full bool) []byte {
	dst = append(dst, '\\')
	if full || b >= 0100 {
		dst = append(dst, '0'+b>>6)
	}
	if full || b >= 010 {
		dst = append(dst, '0'+(b>>3)&7)
	}
	return append(dst, '0'+b&7)
}
