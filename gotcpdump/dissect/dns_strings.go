package dissect

// Text helpers shared by the DNS, NTP and BOOTP printers: tcpdump's
// util-print.c string printers (fn_print_char, nd_printn, nd_printjn,
// nd_printztn) and unsigned_relts_print.

// printChar prints one byte as tcpdump's fn_print_char does: bytes with
// the high bit set get an "M-" prefix, control characters a "^" one.
func (nd *ND) printChar(c byte) {
	if c >= 0x80 {
		c &= 0x7f
		nd.out = append(nd.out, 'M', '-')
	}
	if c < 0x20 || c > 0x7e {
		c ^= 0x40
		nd.out = append(nd.out, '^')
	}
	nd.out = append(nd.out, c)
}

// printn prints up to n bytes of b from off, stopping at the end of the
// captured bytes (nd_printn with the snapend as limit). It reports true
// when it stopped short of n bytes.
func (nd *ND) printn(b []byte, off, n int) bool {
	for n > 0 && off >= 0 && off < len(b) {
		nd.printChar(b[off])
		off++
		n--
	}
	return n != 0
}

// printjn prints exactly n bytes of b from off (nd_printjn); reading
// past the captured bytes stops the packet as truncated.
func (nd *ND) printjn(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		nd.printChar(getU8(b, off+i))
	}
}

// printztn prints the NUL-terminated string in the n bytes of b from off
// (nd_printztn with the snapend as limit). It returns the bytes consumed
// including the NUL, or 0 when there was no NUL within n bytes or within
// the captured bytes.
func (nd *ND) printztn(b []byte, off, n int) int {
	consumed := 0
	for ; n > 0 && off >= 0 && off < len(b); n-- {
		c := b[off]
		off++
		consumed++
		if c == 0 {
			return consumed
		}
		nd.printChar(c)
	}
	return 0
}

// reltsUnits are the units unsigned_relts_print counts down through.
var reltsUnits = [...]struct {
	secs uint32
	unit byte
}{
	{31536000, 'y'}, {604800, 'w'}, {86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'},
}

// printRelts prints a duration in seconds as tcpdump's
// unsigned_relts_print does ("1d2h3m4s", "0s").
func (nd *ND) printRelts(secs uint32) {
	if secs == 0 {
		nd.Print("0s")
		return
	}
	for _, u := range reltsUnits {
		if secs >= u.secs {
			nd.PrintUint(uint64(secs / u.secs))
			nd.PrintByte(u.unit)
			secs %= u.secs
		}
	}
}

// tokOr returns the name of v in toks, or fallback as it is (tok2str
// with an unknown-string that has no format verb).
func tokOr(toks []tok, fallback string, v uint32) string {
	for _, t := range toks {
		if t.v == v {
			return t.s
		}
	}
	return fallback
}
