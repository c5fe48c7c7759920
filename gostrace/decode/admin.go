package decode

import (
	"encoding/binary"

	"github.com/goclues/goclues/common/sysent"
)

// System administration calls: accounting, swap, reboot, modules, I/O
// privileges, fanotify marks, clock discipline (adjtimex).

var swapFlags = &Xlat{Vals: []Const{
	bit(0x8000, "SWAP_FLAG_PREFER"), bit(0x10000, "SWAP_FLAG_DISCARD"), bit(0x20000, "SWAP_FLAG_DISCARD_ONCE"),
	bit(0x40000, "SWAP_FLAG_DISCARD_PAGES"),
}}

// swaponFlags prints swapon's flags with the priority in the low bits.
var swaponFlags Printer = func(c *Ctx, i int) {
	v := c.Args[i] & 0xffffffff
	prio := v & 0x7fff
	if rest := v &^ 0x7fff; rest != 0 {
		c.Flags(swapFlags, rest)
		c.Out = append(c.Out, '|')
	}
	c.Uint(prio)
}

var rebootMagics = &Xlat{Vals: []Const{
	{0xfee1dead, "LINUX_REBOOT_MAGIC1"}, {0x28121969, "LINUX_REBOOT_MAGIC2"}, {0x05121996, "LINUX_REBOOT_MAGIC2A"},
	{0x16041998, "LINUX_REBOOT_MAGIC2B"}, {0x20112000, "LINUX_REBOOT_MAGIC2C"},
}, Unknown: "LINUX_REBOOT_MAGIC_???"}

var rebootCmds = &Xlat{Vals: []Const{
	{0x01234567, "LINUX_REBOOT_CMD_RESTART"}, {0xcdef0123, "LINUX_REBOOT_CMD_HALT"},
	{0x89abcdef, "LINUX_REBOOT_CMD_CAD_ON"}, {0, "LINUX_REBOOT_CMD_CAD_OFF"},
	{0x4321fedc, "LINUX_REBOOT_CMD_POWER_OFF"}, {0xa1b2c3d4, "LINUX_REBOOT_CMD_RESTART2"},
	{0xd000fce2, "LINUX_REBOOT_CMD_SW_SUSPEND"}, {0x45584543, "LINUX_REBOOT_CMD_KEXEC"},
}, Unknown: "LINUX_REBOOT_CMD_???"}

var moduleInitFlags = &Xlat{Vals: []Const{
	bit(1, "MODULE_INIT_IGNORE_MODVERSIONS"), bit(2, "MODULE_INIT_IGNORE_VERMAGIC"),
	bit(4, "MODULE_INIT_COMPRESSED_FILE"),
}}

var fanMarkFlags = &Xlat{Vals: []Const{
	bit(1, "FAN_MARK_ADD"), bit(2, "FAN_MARK_REMOVE"), bit(4, "FAN_MARK_DONT_FOLLOW"), bit(8, "FAN_MARK_ONLYDIR"),
	bit(0x10, "FAN_MARK_MOUNT"), bit(0x20, "FAN_MARK_IGNORED_MASK"), bit(0x40, "FAN_MARK_IGNORED_SURV_MODIFY"),
	bit(0x80, "FAN_MARK_FLUSH"), bit(0x100, "FAN_MARK_FILESYSTEM"), bit(0x200, "FAN_MARK_EVICTABLE"),
	bit(0x400, "FAN_MARK_IGNORE"),
}, Unknown: "FAN_MARK_???"}

var fanEvents = &Xlat{Vals: []Const{
	bit(1, "FAN_ACCESS"), bit(2, "FAN_MODIFY"), bit(4, "FAN_ATTRIB"), bit(8, "FAN_CLOSE_WRITE"),
	bit(0x10, "FAN_CLOSE_NOWRITE"), bit(0x20, "FAN_OPEN"), bit(0x40, "FAN_MOVED_FROM"), bit(0x80, "FAN_MOVED_TO"),
	bit(0x100, "FAN_CREATE"), bit(0x200, "FAN_DELETE"), bit(0x400, "FAN_DELETE_SELF"), bit(0x800, "FAN_MOVE_SELF"),
	bit(0x1000, "FAN_OPEN_EXEC"), bit(0x4000, "FAN_Q_OVERFLOW"), bit(0x8000, "FAN_FS_ERROR"),
	bit(0x10000, "FAN_OPEN_PERM"), bit(0x20000, "FAN_ACCESS_PERM"), bit(0x40000, "FAN_OPEN_EXEC_PERM"),
	bit(0x8000000, "FAN_EVENT_ON_CHILD"), bit(0x10000000, "FAN_RENAME"), bit(0x40000000, "FAN_ONDIR"),
}, Unknown: "FAN_???"}

var adjtimexModes = &Xlat{Vals: []Const{
	bit(1, "ADJ_OFFSET"), bit(2, "ADJ_FREQUENCY"), bit(4, "ADJ_MAXERROR"), bit(8, "ADJ_ESTERROR"),
	bit(0x10, "ADJ_STATUS"), bit(0x20, "ADJ_TIMECONST"), bit(0x80, "ADJ_TAI"), bit(0x100, "ADJ_SETOFFSET"),
	bit(0x1000, "ADJ_MICRO"), bit(0x2000, "ADJ_NANO"), bit(0x4000, "ADJ_TICK"), bit(0x8000, "ADJ_OFFSET_SINGLESHOT"),
}, Unknown: "ADJ_???"}

var adjtimexStatus = &Xlat{Vals: []Const{
	bit(1, "STA_PLL"), bit(2, "STA_PPSFREQ"), bit(4, "STA_PPSTIME"), bit(8, "STA_FLL"), bit(0x10, "STA_INS"),
	bit(0x20, "STA_DEL"), bit(0x40, "STA_UNSYNC"), bit(0x80, "STA_FREQHOLD"), bit(0x100, "STA_PPSSIGNAL"),
	bit(0x200, "STA_PPSJITTER"), bit(0x400, "STA_PPSWANDER"), bit(0x800, "STA_PPSERROR"), bit(0x1000, "STA_CLOCKERR"),
	bit(0x2000, "STA_NANO"), bit(0x4000, "STA_MODE"), bit(0x8000, "STA_CLK"),
}, Unknown: "STA_???"}

var clockStates = &Xlat{Vals: seq("TIME_OK", "TIME_INS", "TIME_DEL", "TIME_OOP", "TIME_WAIT", "TIME_ERROR"), Unknown: "TIME_???"}

var timexFields = [...]string{"offset", "freq", "maxerror", "esterror"}

// timex prints struct timex (read at entry, filled at exit: printed
// at exit).
func (c *Ctx) timex(addr uint64) {
	var b [208]byte
	if addr == 0 || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	i64 := func(o int) int64 { return int64(binary.LittleEndian.Uint64(b[o:])) }
	c.Str("{modes=")
	c.Flags(adjtimexModes, uint64(binary.LittleEndian.Uint32(b[:])))
	for k, name := range timexFields {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Int(i64(8 + 8*k))
	}
	c.Str(", status=")
	c.Flags(adjtimexStatus, uint64(binary.LittleEndian.Uint32(b[40:])))
	for k, name := range [...]string{"constant", "precision", "tolerance"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Int(i64(48 + 8*k))
	}
	c.Str(", time={tv_sec=")
	c.Int(i64(72))
	c.Str(", tv_usec=")
	c.Int(i64(80))
	c.Str("}, tick=")
	c.Int(i64(88))
	for k, name := range [...]string{"ppsfreq", "jitter"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Int(i64(96 + 8*k))
	}
	c.Str(", shift=")
	c.Int(int64(int32(binary.LittleEndian.Uint32(b[112:]))))
	for k, name := range [...]string{"stabil", "jitcnt", "calcnt", "errcnt", "stbcnt"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Int(i64(120 + 8*k))
	}
	c.Str(", tai=")
	c.Int(int64(int32(binary.LittleEndian.Uint32(b[160:]))))
	c.Out = append(c.Out, '}')
}

// clockStateRet prints adjtimex's result: 5 (TIME_ERROR).
func clockStateRet(c *Ctx) {
	c.Int(c.Ret)
	if name, ok := clockStates.Lookup(uint64(c.Ret)); ok {
		c.Str(" (")
		c.Str(name)
		c.Out = append(c.Out, ')')
	}
}

var timexArg = Arg{Exit: true, P: func(c *Ctx, i int) { c.timex(c.Args[i]) }}

func init() {
	register(map[string]*Spec{
		"acct":    {Args: []Arg{PathArg}},
		"swapon":  {Args: []Arg{PathArg, In(swaponFlags)}},
		"swapoff": {Args: []Arg{PathArg}},
		"reboot": {Args: []Arg{
			In(func(c *Ctx, i int) { c.Value(rebootMagics, c.Args[i]&0xffffffff) }),
			In(func(c *Ctx, i int) { c.Value(rebootMagics, c.Args[i]&0xffffffff) }),
			In(func(c *Ctx, i int) { c.Value(rebootCmds, c.Args[i]&0xffffffff) }),
			{P: Str, If: func(c *Ctx) bool { return c.Args[2]&0xffffffff == 0xa1b2c3d4 }},
		}},
		"init_module":   {Args: []Arg{In(Ptr), In(Ulong), In(Str)}},
		"finit_module":  {Args: []Arg{FDArg, In(Str), flagsArg(moduleInitFlags)}},
		"delete_module": {Args: []Arg{In(Str), flagsArg(deleteModuleFlags)}},
		"iopl":          {Args: []Arg{In(Int)}},
		"ioperm":        {Args: []Arg{In(Hex), In(Hex), In(Int)}},
		"vhangup":       {},
		"fanotify_mark": {Args: []Arg{FDArg, flagsArg(fanMarkFlags),
			In(func(c *Ctx, i int) { c.Flags(fanEvents, c.Args[i]) }), DirArg, PathArg}},
		"adjtimex":      {Args: []Arg{timexArg}, Ret: clockStateRet},
		"clock_adjtime": {Args: []Arg{In(ClockID), timexArg}, Ret: clockStateRet},
	})
}

var deleteModuleFlags = &Xlat{Vals: []Const{bit(04000, "O_NONBLOCK"), bit(01000, "O_TRUNC")}}

var nameToHandleFlags = &Xlat{Vals: []Const{bit(0x400, "AT_SYMLINK_FOLLOW"), bit(0x1000, "AT_EMPTY_PATH"), bit(0x200, "AT_HANDLE_FID")}}

// fileHandle prints struct file_handle; in is the handle_bytes the call
// received (negative: print the current value only).
func (c *Ctx) fileHandle(addr uint64, in int64) {
	var b [8]byte
	if addr == 0 || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	n := binary.LittleEndian.Uint32(b[:])
	c.Str("{handle_bytes=")
	if in >= 0 && uint32(in) != n {
		c.Int(in)
		c.Str(" => ")
	}
	c.Uint(uint64(n))
	if c.Exiting && c.Failed && c.Nr != openByHandleNr {
		c.Out = append(c.Out, '}')
		return
	}
	c.Str(", handle_type=")
	c.Int(int64(int32(binary.LittleEndian.Uint32(b[4:]))))
	if n <= 128 {
		if h, ok := c.read(addr+8, int(n)); ok {
			c.Str(", f_handle=")
			c.forceHex(h)
		}
	}
	c.Out = append(c.Out, '}')
}

var openByHandleNr = func() int { n, _ := sysent.Number("open_by_handle_at"); return n }()

func init() {
	register(map[string]*Spec{
		"name_to_handle_at": {Args: []Arg{DirArg, PathArg,
			{Exit: true, P: func(c *Ctx, i int) {
				in := int64(-1)
				if c.savedOK[0] {
					in = c.saved[0]
				}
				c.fileHandle(c.Args[i], in)
			}},
			Out(IntPtr), flagsArg(nameToHandleFlags)},
			Entry: func(c *Ctx) {
				var b [4]byte
				c.savedOK[0] = c.Args[2] != 0 && c.readInto(c.Args[2], b[:])
				c.saved[0] = int64(binary.LittleEndian.Uint32(b[:]))
			}},
		"open_by_handle_at": {Args: []Arg{FDArg, In(func(c *Ctx, i int) { c.fileHandle(c.Args[i], -1) }), In(OpenFlags)}, Ret: RetFD},
	})
}
