package decode

import ()

// Basic argument printers.
var (
	// Int prints a C int.
	Int Printer = func(c *Ctx, i int) { c.Int(int64(int32(c.Args[i]))) }
	// Uint prints a C unsigned int.
	Uint Printer = func(c *Ctx, i int) { c.Uint(uint64(uint32(c.Args[i]))) }
	// Long prints a signed long.
	Long Printer = func(c *Ctx, i int) { c.Int(int64(c.Args[i])) }
	// Ulong prints an unsigned long (size_t).
	Ulong Printer = func(c *Ctx, i int) { c.Uint(c.Args[i]) }
	// Hex prints a value in hex.
	Hex Printer = func(c *Ctx, i int) { c.Hex(c.Args[i]) }
	// Ptr prints a pointer.
	Ptr Printer = func(c *Ctx, i int) { c.Addr(c.Args[i]) }
	// Octal prints a mode in octal.
	Octal Printer = func(c *Ctx, i int) { c.Octal(uint64(uint32(c.Args[i]))) }
	// Path prints a NUL-terminated file name (not cut at -s).
	Path Printer = func(c *Ctx, i int) { c.Path(c.Args[i]) }
	// Str prints a NUL-terminated string cut at -s.
	Str Printer = func(c *Ctx, i int) { c.CStr(c.Args[i], c.Cfg.StrLen) }
	// FD prints a file descriptor (with -y its path).
	FD Printer = func(c *Ctx, i int) { c.FD(int32(c.Args[i])) }
	// DirFD prints a directory descriptor of an *at call.
	DirFD Printer = func(c *Ctx, i int) { c.DirFD(int32(c.Args[i])) }
	// BufRet prints the buffer the call filled, of return-value length.
	BufRet Printer = func(c *Ctx, i int) { c.Buf(c.Args[i], uint64(c.Ret)) }
)

// Buf prints a buffer whose length is argument n.
func Buf(n int) Printer {
	return func(c *Ctx, i int) { c.Buf(c.Args[i], c.Args[n]) }
}

// PathRet prints a string the call wrote whose length is the return value
// (readlink, getcwd); not cut at -s.
var PathRet Printer = func(c *Ctx, i int) { c.BufNoCut(c.Args[i], uint64(c.Ret)) }

// PathMax is the longest file name strace reads.
const PathMax = 4096

// Path appends the file name at addr.
func (c *Ctx) Path(addr uint64) {
	c.cstring(addr, PathMax, false)
}

// CStr appends the NUL-terminated string at addr, cut at max bytes.
func (c *Ctx) CStr(addr uint64, max int) {
	c.cstring(addr, max, true)
}

func (c *Ctx) cstring(addr uint64, max int, cut bool) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	s, terminated, err := readString(c, addr, max)
	if err != nil {
		c.Hex(addr)
		return
	}
	c.quoted(s)
	if !terminated && cut {
		c.Str("...")
	}
}

func readString(c *Ctx, addr uint64, max int) ([]byte, bool, error) {
	return readStringBuf(c.Pid, addr, max+1, &c.scratch)
}

// Buf appends n bytes at addr as a quoted string cut at -s.
func (c *Ctx) Buf(addr, n uint64) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	max := uint64(c.Cfg.StrLen)
	show := n
	if show > max {
		show = max
	}
	b, ok := c.read(addr, int(show))
	if !ok {
		c.Hex(addr)
		return
	}
	c.quoted(b)
	if n > max {
		c.Str("...")
	}
}

// BufNoCut appends n bytes at addr quoted, without the -s limit.
func (c *Ctx) BufNoCut(addr, n uint64) {
	if n > PathMax {
		n = PathMax
	}
	b, ok := c.read(addr, int(n))
	if !ok {
		c.Hex(addr)
		return
	}
	c.quoted(b)
}

// FD appends a descriptor number and, with -y, what it refers to in <>.
func (c *Ctx) FD(fd int32) {
	c.Int(int64(fd))
	c.fdInfo(fd)
}

// DirFD appends an *at directory descriptor.
func (c *Ctx) DirFD(fd int32) {
	if fd == -100 {
		switch c.xlat {
		case XlatRaw:
			c.Str("-100")
		case XlatVerbose:
			c.Str("-100 /* AT_FDCWD */")
		default:
			c.Str("AT_FDCWD")
		}
		c.cwdInfo()
		return
	}
	c.FD(fd)
}
