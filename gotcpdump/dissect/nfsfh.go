package dissect

// NFS file handles are opaque, but tcpdump guesses the server's layout
// from byte patterns (parsenfsfh.c) to print a file system ID and inode
// number. fhLayout names the guessed layout.
type fhLayout uint8

const (
	fhUnknown fhLayout = iota
	fhAuspex
	fhBSD44
	fhDECOSF
	fhIRIX4
	fhIRIX5
	fhSUNOS4
	fhSUNOS5
	fhULTRIX
	fhVMSUCX
	fhHPUX9
)

// nfsFH is what a file handle decodes to.
type nfsFH struct {
	major, minor uint32
	ino          uint32
}

// fhOpaqueMinor is the minor number tcpdump gives handles of unknown
// layout, whose bytes it prints in hex instead of an inode number.
const fhOpaqueMinor = 257

// fhGuessLayout classifies the handle of words 32-bit words at b[off:].
// Like tcpdump it may look past a short handle into the following bytes.
func fhGuessLayout(b []byte, off int, words uint32) fhLayout {
	at := func(i int) byte { return getU8(b, off+i) }
	if words < 4 {
		return fhUnknown
	}
	if at(0) == 0 && at(1) == 0 {
		switch {
		case at(2) == 0 && at(3) == 0:
			return fhAuspex
		case at(4) != 0 && at(5) == 0 && at(8) == 12 && at(9) == 0:
			return fhDECOSF
		case at(4) == 0 && at(5) == 8 && at(6) == 0 && at(7) == 0:
			return fhIRIX4
		}
		return fhSUNOS4
	}
	if at(2) == 0 && at(3) == 0 {
		switch {
		case at(6) == 0 && at(7) == 0:
			return fhBSD44
		case words >= 6 && at(21) == 0 && at(23) == 0:
			return fhULTRIX
		case at(9) == 10:
			return fhSUNOS5
		}
		return fhUnknown
	}
	switch {
	case at(8) == 12 && at(9) == 0:
		return fhDECOSF
	case at(8) == 0 && at(9) == 10:
		if at(7) == 0 && at(6) == 0 && at(5) == 0 && at(4) == 0 {
			return fhHPUX9
		}
		return fhSUNOS5
	case fhIsUCX(b, off, words):
		return fhVMSUCX
	}
	return fhUnknown
}

// fhIsUCX reports whether the handle looks like one from VMS UCX: bytes
// 1..13 printable ASCII, possibly followed by NULs only.
func fhIsUCX(b []byte, off int, words uint32) bool {
	if words < 7 {
		return false
	}
	seenNUL := false
	for i := 1; i < 14; i++ {
		c := getU8(b, off+i)
		switch {
		case c >= 0x20 && c <= 0x7e:
			if seenNUL {
				return false
			}
		case c == 0:
			seenNUL = true
		default:
			return false
		}
	}
	return true
}

// fhDecode extracts the device numbers and inode of a handle of the given
// layout.
func fhDecode(b []byte, off int, layout fhLayout) nfsFH {
	u8 := func(i int) uint32 { return uint32(getU8(b, off+i)) }
	be16 := func(i int) uint32 { return uint32(getBE16(b, off+i)) }
	be32 := func(i int) uint32 { return getBE32(b, off+i) }
	le32 := func(i int) uint32 { return getLE32(b, off+i) }
	switch layout {
	case fhAuspex:
		return nfsFH{major: u8(6), minor: u8(7), ino: be32(12)}
	case fhBSD44:
		return nfsFH{major: u8(1), minor: u8(0), ino: le32(12)}
	case fhDECOSF:
		t := le32(0)
		return nfsFH{major: t >> 20 & 0xfff, minor: t & 0xfffff, ino: le32(12)}
	case fhIRIX4:
		return nfsFH{major: u8(2), minor: u8(3), ino: be32(8)}
	case fhIRIX5:
		return nfsFH{major: be16(0), minor: be16(2), ino: be32(12)}
	case fhSUNOS4:
		return nfsFH{major: u8(2), minor: u8(3), ino: be32(12)}
	case fhSUNOS5:
		return nfsFH{major: be16(0) >> 2 & 0x3fff, minor: getBE24(b, off+1) & 0x3ffff, ino: be32(12)}
	case fhULTRIX:
		return nfsFH{major: u8(1), minor: u8(0), ino: le32(4)}
	case fhVMSUCX:
		// tcpdump copies the first bytes over its (little-endian)
		// device numbers.
		return nfsFH{minor: le32(0), major: le32(4),
			ino: u8(26)<<24 | u8(27)<<16 | uint32(getLE16(b, off+22))}
	case fhHPUX9:
		return nfsFH{major: u8(0), minor: getBE24(b, off+1), ino: be32(12)}
	}
	return nfsFH{major: fhOpaqueMinor, minor: fhOpaqueMinor, ino: 1}
}

// nfsPrintFH prints " fh " and the decoded handle of words 32-bit words at
// b[off:] (nfs_printfh); the caller has checked the words are captured.
func nfsPrintFH(nd *ND, b []byte, off int, words uint32) {
	layout := fhGuessLayout(b, off, words)
	fh := fhDecode(b, off, layout)
	// The server name is cut to as many characters as the handle has
	// words, as tcpdump does.
	nameMax := int(min(words, 64))
	nd.Print(" fh ")
	switch layout {
	case fhUnknown:
		nd.Print("Unknown"[:min(nameMax, len("Unknown"))])
	case fhVMSUCX:
		for i := 1; i <= nameMax; i++ {
			c := getU8(b, off+i)
			if c == 0 || c == ' ' {
				break
			}
			nd.PrintByte(c)
		}
	default:
		nd.PrintUint(uint64(fh.major))
		nd.PrintByte(',')
		nd.PrintUint(uint64(fh.minor))
	}
	nd.PrintByte('/')
	if layout == fhUnknown {
		const hexUpper = "0123456789ABCDEF"
		for i := 0; i < int(words)*4 && i < 32; i++ {
			c := getU8(b, off+i)
			nd.PrintByte(hexUpper[c>>4])
			nd.PrintByte(hexUpper[c&0xf])
		}
		return
	}
	nd.PrintUint(uint64(fh.ino))
}
