package dissect

// Text-based protocols (tcpdump's txtproto_print in util-print.c): the
// protocol name in capitals, then the first line, or under -v every
// printable line of the payload.

// txtproto describes one text protocol.
type txtproto struct {
	name string // for the truncation marker; printed in capitals
	// cmds are the request names that mark a payload as the start of a
	// request; nil means every payload is printed (FTP, SMTP, ...).
	cmds []string
	// respCodeSecond says the response code is the second token of a
	// status line ("HTTP/1.1 200 OK") rather than the first.
	respCodeSecond bool
}

// txtMaxToken is the longest token fetchToken accepts (MAX_TOKEN).
const txtMaxToken = 128

// print prints payload b of declared length length.
func (t *txtproto) print(nd *ND, b []byte, length int) {
	nd.SetProto(t.name)
	printThis := t.cmds == nil
	if t.cmds != nil {
		var tok [txtMaxToken + 1]byte
		idx, n := fetchToken(b, 0, length, tok[:])
		if idx != 0 {
			for _, c := range t.cmds {
				if asciiEqualFold(tok[:n], c) {
					printThis = true
					break
				}
			}
			if t.respCodeSecond {
				idx, n = fetchToken(b, idx, length, tok[:])
			}
			if idx != 0 && n == 3 && isDigit(tok[0]) && isDigit(tok[1]) && isDigit(tok[2]) {
				printThis = true
			}
		}
	}
	for i := 0; i < len(t.name); i++ {
		c := t.name[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		nd.PrintByte(c)
	}
	if !printThis {
		return
	}
	if nd.Verbose == 0 {
		printTxtLine(nd, ": ", b, 0, length)
		return
	}
	nd.Print(", length: ")
	nd.PrintUint(uint64(uint32(length)))
	for idx := 0; idx < length; {
		eol := printTxtLine(nd, "\n\t", b, idx, length)
		if eol == 0 {
			break
		}
		idx = eol
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isPrintASCII(c byte) bool { return c >= 0x20 && c <= 0x7e }

// asciiEqualFold compares a token with a command name ignoring ASCII
// case.
func asciiEqualFold(a []byte, s string) bool {
	if len(a) != len(s) {
		return false
	}
	for i := range a {
		x, y := a[i], s[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// fetchToken copies the token starting at idx into tok and returns the
// index just past it and any blanks after it, and the token's length.
// The index is 0 when there is no acceptable token (binary data, a line
// starting with a blank, a token too long, or the end of the capture).
func fetchToken(b []byte, idx, length int, tok []byte) (int, int) {
	n := 0
	for ; idx < length; idx++ {
		if idx >= len(b) {
			return 0, 0
		}
		c := b[idx]
		if c >= 0x80 {
			return 0, 0
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			break
		}
		if !isPrintASCII(c) {
			return 0, 0
		}
		if n+2 > len(tok) {
			return 0, 0
		}
		tok[n] = c
		n++
	}
	if n == 0 {
		return 0, 0
	}
	for ; idx < length; idx++ {
		if idx >= len(b) {
			break
		}
		c := b[idx]
		if c == '\r' || c == '\n' || !isPrintASCII(c) {
			break
		}
		if c != ' ' && c != '\t' {
			break
		}
	}
	return idx, n
}

// printTxtLine prints the line starting at idx after prefix and returns
// the index past its line ending; 0 means it stopped (binary data, a
// lone CR, or no line ending in this payload, which counts as a
// truncation).
func printTxtLine(nd *ND, prefix string, b []byte, idx, length int) int {
	start := idx
	for idx < length {
		c := getU8(b, idx)
		switch {
		case c == '\n':
			nd.Print(prefix)
			nd.out = append(nd.out, b[start:idx]...)
			return idx + 1
		case c == '\r':
			if idx+1 >= length {
				return 0
			}
			if getU8(b, idx+1) == '\n' {
				nd.Print(prefix)
				nd.out = append(nd.out, b[start:idx]...)
				return idx + 2
			}
			return 0
		case !isPrintASCII(c) && c != '\t':
			return 0
		}
		idx++
	}
	nd.Print(prefix)
	nd.out = append(nd.out, b[start:idx]...)
	nd.PrintTrunc()
	return 0
}

func init() {
	registerTCPPort("smtp", smtpProto.tcpPrint, 25)
	registerTCPPort("whois", whoisProto.tcpPrint, 43)
	registerTCPPort("ftp", ftpProto.tcpPrint, 21)
}

// Protocols that are nothing but request and response lines: every
// payload is printed.
var (
	smtpProto  = &txtproto{name: "smtp"}
	whoisProto = &txtproto{name: "whois"}
	ftpProto   = &txtproto{name: "ftp"}
)

// tcpPrint is the TCP port printer of a text protocol: tcpdump's TCP
// ladder puts ": " before the protocol's name.
func (t *txtproto) tcpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.Print(": ")
	t.print(nd, b, length)
}
