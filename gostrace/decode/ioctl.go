package decode

import "encoding/binary"

// ioctl(2): requests are named from one table, and each request that
// strace decodes says how its argument prints. Arguments are printed at
// exit, so that what the kernel filled in can be shown; requests
// without argument print none.

// ioctlReq describes one request.
type ioctlReq struct {
	name string
	arg  ioctlArgKind
	// show prints the argument of an ioctlStruct/ioctlOut request.
	show func(c *Ctx, addr uint64)
}

type ioctlArgKind uint8

const (
	ioctlPtr    ioctlArgKind = iota // the address
	ioctlNone                       // no argument
	ioctlValue                      // the argument itself, decimal
	ioctlInInt                      // an int the kernel reads: [n]
	ioctlOutInt                     // an int the kernel writes: [n], the address on failure
	ioctlIn                         // a structure the kernel reads
	ioctlOut                        // a structure the kernel writes (the address on failure)
	ioctlInOut                      // printed by show with c.Failed known
	ioctlFD                         // a descriptor (FICLONE's source)
	ioctlHex                        // the argument itself, hex (open flags)
	ioctlVal                        // an argument strace does not decode: hex, 0 for NULL
)

var ioctlReqs = map[uint64]ioctlReq{
	0x5401:     {"TCGETS", ioctlOut, (*Ctx).termios},
	0x5402:     {"SNDCTL_TMR_START or TCSETS", ioctlIn, (*Ctx).termios},
	0x5403:     {"SNDCTL_TMR_STOP or TCSETSW", ioctlIn, (*Ctx).termios},
	0x5404:     {"SNDCTL_TMR_CONTINUE or TCSETSF", ioctlIn, (*Ctx).termios},
	0x5405:     {"TCGETA", ioctlPtr, nil},
	0x5409:     {"TCSBRK", ioctlValue, nil},
	0x540a:     {"TCXONC", ioctlIn, func(c *Ctx, v uint64) { c.Value(tcxoncArgs, v) }},
	0x540b:     {"TCFLSH", ioctlIn, func(c *Ctx, v uint64) { c.Value(tcflshArgs, v) }},
	0x540c:     {"TIOCEXCL", ioctlNone, nil},
	0x540d:     {"TIOCNXCL", ioctlNone, nil},
	0x540e:     {"TIOCSCTTY", ioctlValue, nil},
	0x540f:     {"TIOCGPGRP", ioctlOutInt, nil},
	0x5410:     {"TIOCSPGRP", ioctlInInt, nil},
	0x5411:     {"TIOCOUTQ", ioctlOutInt, nil},
	0x5413:     {"TIOCGWINSZ", ioctlOut, (*Ctx).winsize},
	0x5414:     {"TIOCSWINSZ", ioctlIn, (*Ctx).winsize},
	0x541b:     {"FIONREAD", ioctlOutInt, nil},
	0x5421:     {"FIONBIO", ioctlInInt, nil},
	0x5422:     {"TIOCNOTTY", ioctlNone, nil},
	0x5429:     {"TIOCGSID", ioctlOutInt, nil},
	0x5450:     {"FIONCLEX", ioctlNone, nil},
	0x5451:     {"FIOCLEX", ioctlNone, nil},
	0x5452:     {"FIOASYNC", ioctlInInt, nil},
	0x5460:     {"FIOQSIZE", ioctlVal, nil},
	0xb701:     {"NS_GET_USERNS", ioctlNone, nil},
	0xb702:     {"NS_GET_PARENT", ioctlNone, nil},
	0xb703:     {"NS_GET_NSTYPE", ioctlNone, nil},
	0xb704:     {"NS_GET_OWNER_UID", ioctlOutInt, nil},
	0x5441:     {"TIOCGPTPEER", ioctlHex, nil},
	0x80045430: {"TIOCGPTN", ioctlOutInt, nil},
	0x40045431: {"TIOCSPTLCK", ioctlInInt, nil},
	0x8906:     {"SIOCGSTAMP", ioctlPtr, nil},
	0x8910:     {"SIOCGIFNAME", ioctlInOut, (*Ctx).ifreqName},
	0x8912:     {"SIOCGIFCONF", ioctlInOut, (*Ctx).ifconf},
	0x8913:     {"SIOCGIFFLAGS", ioctlInOut, ifreqField("ifr_flags", (*Ctx).ifrFlags)},
	0x8914:     {"SIOCSIFFLAGS", ioctlIn, ifreqField("ifr_flags", (*Ctx).ifrFlags)},
	0x8915:     {"SIOCGIFADDR", ioctlInOut, ifreqField("ifr_addr", (*Ctx).ifrSockaddr)},
	0x8917:     {"SIOCGIFDSTADDR", ioctlInOut, ifreqField("ifr_dstaddr", (*Ctx).ifrSockaddr)},
	0x8919:     {"SIOCGIFBRDADDR", ioctlInOut, ifreqField("ifr_broadaddr", (*Ctx).ifrSockaddr)},
	0x891b:     {"SIOCGIFNETMASK", ioctlInOut, ifreqField("ifr_netmask", (*Ctx).ifrSockaddr)},
	0x891d:     {"SIOCGIFMETRIC", ioctlInOut, ifreqField("ifr_metric", (*Ctx).ifrInt)},
	0x8921:     {"SIOCGIFMTU", ioctlInOut, ifreqField("ifr_mtu", (*Ctx).ifrInt)},
	0x8927:     {"SIOCGIFHWADDR", ioctlInOut, ifreqField("ifr_hwaddr", (*Ctx).ifrHwaddr)},
	0x8933:     {"SIOCGIFINDEX", ioctlInOut, ifreqField("ifr_ifindex", (*Ctx).ifrInt)},
	0x8942:     {"SIOCGIFTXQLEN", ioctlInOut, ifreqField("ifr_qlen", (*Ctx).ifrInt)},
	0x4020940d: {"FS_IOC_GETFLAGS", ioctlPtr, nil},
	0x80086601: {"FS_IOC_GETFLAGS", ioctlPtr, nil},
	0x40086602: {"FS_IOC_SETFLAGS", ioctlPtr, nil},
	0xc020660b: {"FS_IOC_FIEMAP", ioctlPtr, nil},
	0x8008700e: {"RNDGETENTCNT", ioctlPtr, nil},
	0x40049409: {"BTRFS_IOC_CLONE or FICLONE", ioctlFD, nil},
}

var tcxoncArgs = &Xlat{Vals: []Const{{0, "TCOOFF"}, {1, "TCOON"}, {2, "TCIOFF"}, {3, "TCION"}}, Unknown: "TC???"}

var tcflshArgs = &Xlat{Vals: []Const{{0, "TCIFLUSH"}, {1, "TCOFLUSH"}, {2, "TCIOFLUSH"}}, Unknown: "TC???"}

// ioctlCmd prints the request; unknown ones are left in hex.
var ioctlCmd Printer = func(c *Ctx, i int) {
	v := c.Args[i] & 0xffffffff
	r, ok := ioctlReqs[v]
	switch {
	case ok && c.xlat == XlatAbbrev:
		c.Str(r.name)
	case ok && c.xlat == XlatVerbose:
		c.Hex(v)
		c.Str(" /* ")
		c.Str(r.name)
		c.Str(" */")
	case c.xlat == XlatAbbrev:
		c.ioctlCode(v)
	case c.xlat == XlatVerbose:
		c.Hex(v)
		c.Str(" /* ")
		c.ioctlCode(v)
		c.Str(" */")
	default:
		c.Hex(v)
	}
}

var ioctlDirs = &Xlat{Vals: []Const{{0, "_IOC_NONE"}, bit(2, "_IOC_READ"), bit(1, "_IOC_WRITE")}}

// ioctlCode spells out a request strace cannot name:
// _IOC(direction, type, number, size).
func (c *Ctx) ioctlCode(v uint64) {
	c.Str("_IOC(")
	c.flagNames(ioctlDirs, v>>30)
	c.Str(", ")
	c.Hex(v >> 8 & 0xff)
	c.Str(", ")
	c.Hex(v & 0xff)
	c.Str(", ")
	c.Hex(v >> 16 & 0x3fff)
	c.Out = append(c.Out, ')')
}

// ioctlRet shows the descriptor NS_GET_USERNS and NS_GET_PARENT return
// and the namespace type of NS_GET_NSTYPE.
func ioctlRet(c *Ctx) {
	switch c.Args[1] & 0xffffffff {
	case 0xb701, 0xb702:
		RetFD(c)
	case 0xb703:
		c.Int(c.Ret)
		if name, ok := nsTypes.Lookup(uint64(c.Ret)); ok {
			c.Str(" (")
			c.Str(name)
			c.Out = append(c.Out, ')')
		}
	default:
		c.Int(c.Ret)
	}
}

// ioctlHasArg reports whether the request prints an argument.
func ioctlHasArg(c *Ctx) bool {
	return ioctlReqs[c.Args[1]&0xffffffff].arg != ioctlNone || !ioctlKnown(c)
}

func ioctlKnown(c *Ctx) bool {
	_, ok := ioctlReqs[c.Args[1]&0xffffffff]
	return ok
}

// ioctlArg prints the third argument according to the request.
var ioctlArg Printer = func(c *Ctx, i int) {
	addr := c.Args[i]
	r, ok := ioctlReqs[c.Args[1]&0xffffffff]
	if !ok {
		r.arg = ioctlVal
	}
	switch r.arg {
	case ioctlVal:
		c.Hex(addr)
	case ioctlValue:
		c.Int(int64(int32(addr)))
	case ioctlFD:
		c.FD(int32(addr))
	case ioctlHex:
		c.Hex(addr)
	case ioctlInInt:
		c.intPtr(addr)
	case ioctlOutInt:
		if c.Failed {
			c.Addr(addr)
			return
		}
		c.intPtr(addr)
	case ioctlIn:
		if r.name == "TCXONC" || r.name == "TCFLSH" {
			r.show(c, addr)
			return
		}
		c.ioctlStruct(addr, r.show)
	case ioctlOut:
		if c.Failed {
			c.Addr(addr)
			return
		}
		c.ioctlStruct(addr, r.show)
	case ioctlInOut:
		c.ioctlStruct(addr, r.show)
	default:
		c.Addr(addr)
	}
}

func (c *Ctx) ioctlStruct(addr uint64, show func(c *Ctx, addr uint64)) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	show(c, addr)
}

// winsize prints struct winsize.
func (c *Ctx) winsize(addr uint64) {
	var b [8]byte
	if !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	u16 := func(k int) uint64 { return uint64(binary.LittleEndian.Uint16(b[k:])) }
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

func init() {
	register(map[string]*Spec{
		"ioctl": {Args: []Arg{FDArg, In(ioctlCmd), {P: ioctlArg, Exit: true, If: ioctlHasArg}}, Ret: ioctlRet,
			Entry: func(c *Ctx) {
				// SIOCGIFCONF's ifc_len goes in and comes back changed.
				var b [4]byte
				c.savedOK[0] = c.Args[1]&0xffffffff == 0x8912 && c.readInto(c.Args[2], b[:])
				c.saved[0] = int64(int32(binary.LittleEndian.Uint32(b[:])))
			}},
	})
}
