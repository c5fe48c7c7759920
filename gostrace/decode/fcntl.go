package decode

import "encoding/binary"

// fcntl(2): each command says how its third argument prints (none, a
// number, flags, a structure read at entry or filled at exit) and how
// its result reads.

var fcntlCmds = &Xlat{Vals: []Const{
	{0, "F_DUPFD"}, {1, "F_GETFD"}, {2, "F_SETFD"}, {3, "F_GETFL"}, {4, "F_SETFL"}, {5, "F_GETLK"},
	{6, "F_SETLK"}, {7, "F_SETLKW"}, {8, "F_SETOWN"}, {9, "F_GETOWN"}, {10, "F_SETSIG"}, {11, "F_GETSIG"},
	{15, "F_SETOWN_EX"}, {16, "F_GETOWN_EX"}, {17, "F_GETOWNER_UIDS"}, {36, "F_OFD_GETLK"},
	{37, "F_OFD_SETLK"}, {38, "F_OFD_SETLKW"}, {1024, "F_SETLEASE"}, {1025, "F_GETLEASE"},
	{1026, "F_NOTIFY"}, {1030, "F_DUPFD_CLOEXEC"}, {1031, "F_SETPIPE_SZ"}, {1032, "F_GETPIPE_SZ"},
	{1033, "F_ADD_SEALS"}, {1034, "F_GET_SEALS"},
}, Unknown: "F_???"}

var fdFlags = &Xlat{Vals: []Const{bit(1, "FD_CLOEXEC")}}

var lockTypes = &Xlat{Vals: []Const{{0, "F_RDLCK"}, {1, "F_WRLCK"}, {2, "F_UNLCK"}}, Unknown: "F_???"}

var ownerTypes = &Xlat{Vals: []Const{{0, "F_OWNER_TID"}, {1, "F_OWNER_PID"}, {2, "F_OWNER_PGRP"}}, Unknown: "F_OWNER_???"}

var dnotifyFlags = &Xlat{Vals: []Const{
	bit(1, "DN_ACCESS"), bit(2, "DN_MODIFY"), bit(4, "DN_CREATE"), bit(8, "DN_DELETE"), bit(0x10, "DN_RENAME"),
	bit(0x20, "DN_ATTRIB"), bit(0x80000000, "DN_MULTISHOT"),
}}

// fcntlCmd describes one command: arg prints the third argument (nil:
// none), at exit when exit is set; ret prints the result (nil: decimal).
type fcntlCmd struct {
	arg  func(c *Ctx, v uint64)
	exit bool
	ret  RetPrinter
}

var (
	fcntlInt   = func(c *Ctx, v uint64) { c.Int(int64(int32(v))) }
	fcntlFlock = func(c *Ctx, v uint64) { c.flock(v) }
)

var fcntlTable = map[uint64]fcntlCmd{
	0:    {arg: fcntlInt, ret: RetFD},
	1:    {ret: flagsRet("flags", fdFlags)},
	2:    {arg: func(c *Ctx, v uint64) { c.Flags(fdFlags, v&0xffffffff) }},
	3:    {ret: getflRet},
	4:    {arg: func(c *Ctx, v uint64) { c.OpenFlags(v) }},
	5:    {arg: fcntlFlock, exit: true},
	6:    {arg: fcntlFlock},
	7:    {arg: fcntlFlock},
	8:    {arg: fcntlInt},
	9:    {},
	10:   {arg: func(c *Ctx, v uint64) { c.Signal(int(int32(v))) }},
	11:   {ret: sigRet},
	15:   {arg: func(c *Ctx, v uint64) { c.fOwnerEx(v) }},
	16:   {arg: func(c *Ctx, v uint64) { c.fOwnerEx(v) }, exit: true},
	36:   {arg: fcntlFlock, exit: true},
	37:   {arg: fcntlFlock},
	38:   {arg: fcntlFlock},
	1024: {arg: func(c *Ctx, v uint64) { c.Value(lockTypes, v&0xffffffff) }},
	1025: {ret: func(c *Ctx) { valueRet(c, lockTypes) }},
	1026: {arg: func(c *Ctx, v uint64) { c.Flags(dnotifyFlags, v&0xffffffff) }},
	1030: {arg: fcntlInt, ret: RetFD},
	1031: {arg: fcntlInt},
	1032: {},
	1033: {arg: func(c *Ctx, v uint64) { c.Flags(sealFlags, v&0xffffffff) }},
	1034: {ret: flagsRet("seals", sealFlags)},
}

// fcntlOf returns the description of the call's command; unknown
// commands print their argument as an address.
func fcntlOf(c *Ctx) fcntlCmd {
	if d, ok := fcntlTable[c.Args[1]&0xffffffff]; ok {
		return d
	}
	return fcntlCmd{arg: func(c *Ctx, v uint64) { c.Addr(v) }}
}

// flagsRet prints a result as hex with its flag names: 0x1 (flags FD_CLOEXEC).
func flagsRet(what string, x *Xlat) RetPrinter {
	return func(c *Ctx) {
		c.Hex(uint64(c.Ret))
		if c.Ret != 0 {
			c.Str(" (")
			c.Str(what)
			c.Out = append(c.Out, ' ')
			c.Flags(x, uint64(c.Ret))
			c.Out = append(c.Out, ')')
		}
	}
}

// getflRet prints F_GETFL's result: 0x8002 (flags O_RDWR|O_LARGEFILE).
func getflRet(c *Ctx) {
	c.Hex(uint64(c.Ret))
	c.Str(" (flags ")
	c.xlat = XlatAbbrev
	c.OpenFlags(uint64(c.Ret))
	c.Out = append(c.Out, ')')
}

// valueRet prints a result as hex with its name: 0x2 (F_UNLCK).
func valueRet(c *Ctx, x *Xlat) {
	c.Hex(uint64(c.Ret))
	if name, ok := x.Lookup(uint64(c.Ret)); ok {
		c.Str(" (")
		c.Str(name)
		c.Out = append(c.Out, ')')
	}
}

// flock prints struct flock; l_pid only at exit (what F_GETLK found).
func (c *Ctx) flock(addr uint64) {
	var b [32]byte
	if addr == 0 || (c.Exiting && c.Failed) || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Str("{l_type=")
	c.Value(lockTypes, uint64(binary.LittleEndian.Uint16(b[:])))
	c.Str(", l_whence=")
	c.Value(seekWhence, uint64(binary.LittleEndian.Uint16(b[2:])))
	c.Str(", l_start=")
	c.Int(int64(binary.LittleEndian.Uint64(b[8:])))
	c.Str(", l_len=")
	c.Int(int64(binary.LittleEndian.Uint64(b[16:])))
	if c.Exiting {
		c.Str(", l_pid=")
		c.Int(int64(int32(binary.LittleEndian.Uint32(b[24:]))))
	}
	c.Out = append(c.Out, '}')
}

// fOwnerEx prints struct f_owner_ex.
func (c *Ctx) fOwnerEx(addr uint64) {
	var b [8]byte
	if addr == 0 || (c.Exiting && c.Failed) || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Str("{type=")
	c.Value(ownerTypes, uint64(binary.LittleEndian.Uint32(b[:])))
	c.Str(", pid=")
	c.Int(int64(int32(binary.LittleEndian.Uint32(b[4:]))))
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"fcntl": {Args: []Arg{
			FDArg,
			In(func(c *Ctx, i int) { c.Value(fcntlCmds, c.Args[i]&0xffffffff) }),
			{P: func(c *Ctx, i int) { fcntlOf(c).arg(c, c.Args[2]) },
				If: func(c *Ctx) bool { d := fcntlOf(c); return d.arg != nil && !d.exit }},
			{P: func(c *Ctx, i int) { fcntlOf(c).arg(c, c.Args[2]) }, Exit: true,
				If: func(c *Ctx) bool { d := fcntlOf(c); return d.arg != nil && d.exit }},
		}, Ret: func(c *Ctx) {
			if r := fcntlOf(c).ret; r != nil {
				r(c)
				return
			}
			c.Int(c.Ret)
		}},
	})
}
