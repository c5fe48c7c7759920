package dissect

import "math"

// RESP, the REdis Serialization Protocol (tcpdump's print-resp.c):
// every item of a (possibly pipelined) payload as a quoted string, with
// "empty", "null" and the length errors in words.

func init() {
	registerTCPPort("resp", respPrint, 6379)
	registerTCPType("resp", respPrint)
}

// respPrint prints ": RESP" and the items of the payload; an item that
// runs past the payload or the capture ends the line with " [|resp]".
func respPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("resp")
	nd.Print(": RESP")
	for off := 0; length > 0; {
		n := respParse(nd, b, off, length)
		if n < 0 {
			nd.PrintTrunc()
			return
		}
		off += n
		length -= n
	}
}

// respParse prints the item at b[off:] (at most length bytes) and
// returns how many bytes it took, or -1 when it is cut short.
func respParse(nd *ND, b []byte, off, length int) int {
	if length < 1 || !ttest(b, off, 1) {
		return -1
	}
	switch b[off] {
	case '+', '-', ':':
		return respLine(nd, b, off, length)
	case '$':
		return respBulkString(nd, b, off, length)
	case '*':
		return respArray(nd, b, off, length)
	}
	return respInline(nd, b, off, length)
}

// respFindCRLF returns the offset of the next CR LF from off, or -1.
func respFindCRLF(b []byte, off, length int) (int, int) {
	for {
		if length < 2 || !ttest(b, off, 2) {
			return -1, length
		}
		if b[off] == '\r' && b[off+1] == '\n' {
			return off, length
		}
		off++
		length--
	}
}

// respSegment prints ` "text"`; false when the text was not captured.
func respSegment(nd *ND, b []byte, off, n int) bool {
	nd.Print(` "`)
	if nd.printn(b, off, n) {
		return false
	}
	nd.PrintByte('"')
	return true
}

// respLine prints a simple string, an error or an integer: the text
// after the type byte up to CR LF.
func respLine(nd *ND, b []byte, off, length int) int {
	start := off + 1
	end, _ := respFindCRLF(b, start, length-1)
	if end < 0 {
		return -1
	}
	if !respSegment(nd, b, start, end-start) {
		return -1
	}
	return 1 + end - start + 2
}

// Results of respLength other than a length.
const (
	respNull     = -1
	respTrunc    = -2
	respTooLarge = -3
	respNegative = -4
	respInvalid  = -5
)

var respLengthErrors = map[int]string{
	respNull:     " null",
	respTooLarge: " length too large",
	respNegative: " length negative and not -1",
}

// respLength reads the decimal length of a bulk string or array and its
// CR LF, returning it (or one of the resp* codes) and the offset after
// what it consumed.
func respLength(b []byte, off, length int) (int, int) {
	if length == 0 {
		return respTrunc, off
	}
	neg := false
	if getU8(b, off) == '-' {
		neg = true
		off++
		length--
	}
	result, sawDigit, tooLarge := 0, false, false
	for {
		if length == 0 {
			return respTrunc, off
		}
		c := getU8(b, off)
		if c < '0' || c > '9' {
			if !sawDigit {
				return respInvalid, off + 1
			}
			break
		}
		d := int(c - '0')
		switch {
		case result > math.MaxInt32/10:
			tooLarge = true
		case result == math.MaxInt32/10*10 && d > math.MaxInt32%10:
			tooLarge = true
		default:
			result = result*10 + d
		}
		off++
		length--
		sawDigit = true
	}
	if getU8(b, off) != '\r' {
		return respInvalid, off + 1
	}
	off++
	length--
	if length == 0 {
		return respTrunc, off
	}
	if getU8(b, off) != '\n' {
		return respInvalid, off + 1
	}
	off++
	if neg {
		if tooLarge || result != 1 {
			return respNegative, off
		}
		return respNull, off
	}
	if tooLarge {
		return respTooLarge, off
	}
	return result, off
}

// respLengthError prints what a negative respLength result means;
// false for a truncation.
func respLengthError(nd *ND, code int) bool {
	if code == respTrunc {
		return false
	}
	if s, ok := respLengthErrors[code]; ok {
		nd.Print(s)
	} else {
		nd.Print(" invalid")
	}
	return true
}

func respBulkString(nd *ND, b []byte, off, length int) int {
	off++
	n, next := respLength(b, off, length-1)
	cur := length - 1 - (next - off)
	off = next
	if n < 0 {
		if !respLengthError(nd, n) {
			return -1
		}
		return length - cur
	}
	if n == 0 {
		nd.Print(" empty")
	} else {
		if cur < n || !ttest(b, off, n) {
			return -1
		}
		if !respSegment(nd, b, off, n) {
			return -1
		}
		off += n
		cur -= n
	}
	end, rem := respFindCRLF(b, off, cur)
	if end < 0 {
		return -1
	}
	return length - (rem - 2)
}

func respArray(nd *ND, b []byte, off, length int) int {
	off++
	n, next := respLength(b, off, length-1)
	cur := length - 1 - (next - off)
	off = next
	if n <= 0 {
		if n == 0 {
			nd.Print(" empty")
		} else if !respLengthError(nd, n) {
			return -1
		}
		return length - cur
	}
	for i := 0; i < n; i++ {
		used := respParse(nd, b, off, cur)
		if used < 0 {
			return -1
		}
		off += used
		cur -= used
	}
	return length - cur
}

// respInline prints a command typed as a plain line ("PING\r\n"):
// leading line ends are skipped, the text up to the next CR or LF is
// printed, and the line ends after it are consumed.
func respInline(nd *ND, b []byte, off, length int) int {
	cur := length
	skip := func() bool {
		found := false
		for {
			if cur == 0 || !ttest(b, off, 1) {
				return found
			}
			if b[off] != '\r' && b[off] != '\n' {
				return true
			}
			found = true
			off++
			cur--
		}
	}
	if !skip() {
		return -1
	}
	start := off
	for {
		if cur < 1 || !ttest(b, off, 1) {
			return -1
		}
		if b[off] == '\r' || b[off] == '\n' {
			break
		}
		off++
		cur--
	}
	if !respSegment(nd, b, start, off-start) {
		return -1
	}
	if !skip() {
		return -1
	}
	return length - cur
}
