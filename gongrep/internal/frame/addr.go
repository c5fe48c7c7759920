package frame

// Addr is an IP address as inet_ntop writes it, kept in place so that
// decoding a packet allocates nothing.
type Addr struct {
	buf [46]byte
	n   uint8
}

// Bytes returns the address text; valid until the Addr changes.
func (a *Addr) Bytes() []byte { return a.buf[:a.n] }

// String returns the address text.
func (a *Addr) String() string { return string(a.Bytes()) }

func (a *Addr) set4(m mem, at int) {
	a.n = uint8(len(appendIPv4(a.buf[:0], m.u8(at), m.u8(at+1), m.u8(at+2), m.u8(at+3))))
}

func appendUint(b []byte, v uint32) []byte {
	if v >= 10 {
		b = appendUint(b, v/10)
	}
	return append(b, byte('0'+v%10))
}

func appendIPv4(b []byte, x0, x1, x2, x3 byte) []byte {
	b = appendUint(b, uint32(x0))
	b = append(b, '.')
	b = appendUint(b, uint32(x1))
	b = append(b, '.')
	b = appendUint(b, uint32(x2))
	b = append(b, '.')
	return appendUint(b, uint32(x3))
}

const hexDigits = "0123456789abcdef"

func appendHex16(b []byte, v uint16) []byte {
	started := false
	for shift := 12; shift >= 0; shift -= 4 {
		d := (v >> shift) & 0xf
		if d != 0 || started || shift == 0 {
			b = append(b, hexDigits[d])
			started = true
		}
	}
	return b
}

// set6 formats as glibc's inet_ntop: the longest run of two or more zero
// words becomes "::" (the first such run on a tie), and an address whose
// first six words are zero (except ::/::1-like runs of seven or more) or
// that is IPv4-mapped ends in dotted IPv4.
func (a *Addr) set6(m mem, at int) {
	var w [8]uint16
	for i := range w {
		w[i] = m.be16(at + 2*i)
	}
	bestBase, bestLen := -1, 0
	curBase, curLen := -1, 0
	for i := range w {
		if w[i] == 0 {
			if curBase < 0 {
				curBase, curLen = i, 1
			} else {
				curLen++
			}
			continue
		}
		if curBase >= 0 {
			if bestBase < 0 || curLen > bestLen {
				bestBase, bestLen = curBase, curLen
			}
			curBase = -1
		}
	}
	if curBase >= 0 && (bestBase < 0 || curLen > bestLen) {
		bestBase, bestLen = curBase, curLen
	}
	if bestBase >= 0 && bestLen < 2 {
		bestBase = -1
	}
	b := a.buf[:0]
	for i := 0; i < 8; i++ {
		if bestBase >= 0 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				b = append(b, ':')
			}
			continue
		}
		if i != 0 {
			b = append(b, ':')
		}
		if i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff)) {
			b = appendIPv4(b, m.u8(at+12), m.u8(at+13), m.u8(at+14), m.u8(at+15))
			a.n = uint8(len(b))
			return
		}
		b = appendHex16(b, w[i])
	}
	if bestBase >= 0 && bestBase+bestLen == 8 {
		b = append(b, ':')
	}
	a.n = uint8(len(b))
}
