package dissect

// truncation is the value the extractors panic with when a read goes past
// the captured bytes; PrintPacket recovers it and prints the " [|proto]"
// marker, as tcpdump's longjmp to ndo_early_end does.
type truncation struct{}

var errTruncated = &truncation{}

// trunc stops printing the packet as truncated.
func trunc() { panic(errTruncated) }

// ttest reports whether n bytes from off are captured (ND_TTEST_LEN).
func ttest(b []byte, off, n int) bool {
	return off >= 0 && n >= 0 && off <= len(b) && n <= len(b)-off
}

// tcheck stops the packet as truncated unless n bytes from off are
// captured (ND_TCHECK_LEN).
func tcheck(b []byte, off, n int) {
	if !ttest(b, off, n) {
		trunc()
	}
}

func getU8(b []byte, off int) uint8 {
	if off < 0 || off >= len(b) {
		trunc()
	}
	return b[off]
}

func getBE16(b []byte, off int) uint16 {
	tcheck(b, off, 2)
	return uint16(b[off])<<8 | uint16(b[off+1])
}

func getBE24(b []byte, off int) uint32 {
	tcheck(b, off, 3)
	return uint32(b[off])<<16 | uint32(b[off+1])<<8 | uint32(b[off+2])
}

func getBE32(b []byte, off int) uint32 {
	tcheck(b, off, 4)
	return uint32(b[off])<<24 | uint32(b[off+1])<<16 | uint32(b[off+2])<<8 | uint32(b[off+3])
}

func getBE64(b []byte, off int) uint64 {
	tcheck(b, off, 8)
	return uint64(getBE32(b, off))<<32 | uint64(getBE32(b, off+4))
}

func getLE16(b []byte, off int) uint16 {
	tcheck(b, off, 2)
	return uint16(b[off]) | uint16(b[off+1])<<8
}

func getLE32(b []byte, off int) uint32 {
	tcheck(b, off, 4)
	return uint32(b[off]) | uint32(b[off+1])<<8 | uint32(b[off+2])<<16 | uint32(b[off+3])<<24
}

// sub returns b[off:], or stops the packet as truncated when off is past
// the captured bytes. Use it to hand the rest of a packet to the next
// printer (an empty slice is fine: that printer will stop at its first
// read).
func sub(b []byte, off int) []byte {
	if off < 0 || off > len(b) {
		trunc()
	}
	return b[off:]
}

// rest returns b[off:] without stopping: an empty slice when off is past
// the end (for printers that print what they can, then their own marker).
func rest(b []byte, off int) []byte {
	if off < 0 || off > len(b) {
		return nil
	}
	return b[off:]
}

// clip limits b to n bytes (nd_push_snaplen: an enclosing protocol's
// declared length bounds what inner printers may read).
func clip(b []byte, n int) []byte {
	if n >= 0 && n < len(b) {
		return b[:n]
	}
	return b
}
