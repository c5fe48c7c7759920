package decode

var ioctlCmds = &Xlat{Vals: []Const{
	{0x5401, "TCGETS"}, {0x5402, "TCSETS"}, {0x5403, "TCSETSW"}, {0x5404, "TCSETSF"}, {0x5405, "TCGETA"},
	{0x5409, "TCSBRK"}, {0x540a, "TCXONC"}, {0x540b, "TCFLSH"}, {0x540e, "TIOCSCTTY"}, {0x540f, "TIOCGPGRP"},
	{0x5410, "TIOCSPGRP"}, {0x5411, "TIOCOUTQ"}, {0x5413, "TIOCGWINSZ"}, {0x5414, "TIOCSWINSZ"},
	{0x541b, "FIONREAD"}, {0x5421, "FIONBIO"}, {0x5422, "TIOCNOTTY"}, {0x5450, "FIONCLEX"}, {0x5451, "FIOCLEX"},
	{0x5452, "FIOASYNC"}, {0x80045430, "TIOCGPTN"}, {0x40045431, "TIOCSPTLCK"}, {0x5429, "TIOCGSID"},
	{0x8906, "SIOCGSTAMP"}, {0x8910, "SIOCGIFNAME"}, {0x8912, "SIOCGIFCONF"}, {0x8913, "SIOCGIFFLAGS"},
	{0x8914, "SIOCSIFFLAGS"}, {0x8915, "SIOCGIFADDR"}, {0x8921, "SIOCGIFMTU"}, {0x8927, "SIOCGIFHWADDR"},
	{0x8933, "SIOCGIFINDEX"}, {0x5460, "FIOQSIZE"}, {0x4020940d, "FS_IOC_GETFLAGS"},
	{0x80086601, "FS_IOC_GETFLAGS"}, {0x40086602, "FS_IOC_SETFLAGS"}, {0xc020660b, "FS_IOC_FIEMAP"},
	{0x8008700e, "RNDGETENTCNT"}, {0x40049409, "BTRFS_IOC_CLONE or FICLONE"},
}}

// ioctlCmd prints the request; unknown ones in _IOC notation are left as hex.
var ioctlCmd Printer = func(c *Ctx, i int) {
	v := c.Args[i] & 0xffffffff
	if name, ok := ioctlCmds.Lookup(v); ok && c.xlat == XlatAbbrev {
		c.Str(name)
		return
	}
	if name, ok := ioctlCmds.Lookup(v); ok && c.xlat == XlatVerbose {
		c.Hex(v)
		c.Str(" /* ")
		c.Str(name)
		c.Str(" */")
		return
	}
	c.Hex(v)
}

// winsize prints struct winsize.
func (c *Ctx) winsize(addr uint64) {
	var b [8]byte
	if !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	u16 := func(k int) uint64 { return uint64(b[k]) | uint64(b[k+1])<<8 }
	c.Str("{ws_row=")
	c.Uint(u16(0))
	c.Str(", ws_col=")
	c.Uint(u16(2))
	c.Str(", ws_xpixel=")
	c.Uint(u16(4))
	c.Str(", ws_ypixel=")
	c.Uint(u16(6))
	c.Out = append(c.Out, '}')
}

// ioctlArg prints the third argument for the requests strace decodes.
var ioctlArg Printer = func(c *Ctx, i int) {
	addr := c.Args[i]
	switch c.Args[1] & 0xffffffff {
	case 0x5413: // TIOCGWINSZ
		if c.Exiting && !c.Failed {
			c.winsize(addr)
			return
		}
	case 0x5414:
		c.winsize(addr)
		return
	case 0x540f, 0x5429, 0x541b: // out ints
		if c.Exiting && !c.Failed {
			c.intPtr(addr)
			return
		}
	case 0x5410, 0x5421, 0x5452:
		c.intPtr(addr)
		return
	case 0x5450, 0x5451, 0x5422:
		c.Out = c.Out[:len(c.Out)-2]
		return
	}
	c.Addr(addr)
}

func init() {
	register(map[string]*Spec{
		"ioctl": {Args: []Arg{FDArg, In(ioctlCmd), Out(ioctlArg)}},
	})
}
