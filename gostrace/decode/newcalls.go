package decode

import (
	"encoding/binary"
	"time"
)

// Newer or rarer calls: openat2's struct open_how, utime/utimes/
// futimesat, sched_setattr/sched_getattr, pivot_root, io_uring_enter,
// userfaultfd, pkeys, fanotify_init, memfd_secret,
// landlock_create_ruleset, settimeofday.

var resolveFlags = &Xlat{Vals: []Const{
	bit(1, "RESOLVE_NO_XDEV"), bit(2, "RESOLVE_NO_MAGICLINKS"), bit(4, "RESOLVE_NO_SYMLINKS"),
	bit(8, "RESOLVE_BENEATH"), bit(0x10, "RESOLVE_IN_ROOT"), bit(0x20, "RESOLVE_CACHED"),
}, Unknown: "RESOLVE_???"}

// openHow prints struct open_how: the mode only when the flags create.
var openHow Printer = func(c *Ctx, i int) {
	var b [24]byte
	if c.Args[i] == 0 || c.Args[3] < 24 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	flags := binary.LittleEndian.Uint64(b[:])
	c.Str("{flags=")
	c.OpenFlags(flags)
	if flags&(0100|020000000) != 0 {
		c.Str(", mode=")
		c.umaskValue(binary.LittleEndian.Uint64(b[8:]))
	}
	c.Str(", resolve=")
	c.Flags(resolveFlags, binary.LittleEndian.Uint64(b[16:]))
	c.Out = append(c.Out, '}')
}

// dateComment appends " /* 2023-11-14T22:13:20[.frac]+0000 */" for a
// time with a fraction of digits digits (none when frac is zero), and
// nothing for time zero, as strace does.
func (c *Ctx) dateComment(sec, frac int64, digits int) {
	if sec == 0 && frac == 0 {
		return // the epoch itself gets no comment
	}
	t := time.Unix(sec, 0).Local()
	c.Str(" /* ")
	c.Out = t.AppendFormat(c.Out, "2006-01-02T15:04:05")
	if frac != 0 {
		c.Out = append(c.Out, '.')
		c.Out = appendZeroPad(c.Out, uint64(frac), digits)
	}
	c.Out = t.AppendFormat(c.Out, "-0700")
	c.Str(" */")
}

// utimbuf prints struct utimbuf with dates.
var utimbuf Printer = func(c *Ctx, i int) {
	var b [16]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	for k, name := range [...]string{"actime", "modtime"} {
		if k == 0 {
			c.Out = append(c.Out, '{')
		} else {
			c.Str(", ")
		}
		sec := int64(binary.LittleEndian.Uint64(b[8*k:]))
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Int(sec)
		c.dateComment(sec, 0, 0)
	}
	c.Out = append(c.Out, '}')
}

// timevalPair prints utimes' two struct timeval with dates.
var timevalPair Printer = func(c *Ctx, i int) {
	var b [32]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Out = append(c.Out, '[')
	for k := 0; k < 2; k++ {
		if k > 0 {
			c.Str(", ")
		}
		sec := int64(binary.LittleEndian.Uint64(b[16*k:]))
		usec := int64(binary.LittleEndian.Uint64(b[16*k+8:]))
		c.Str("{tv_sec=")
		c.Int(sec)
		c.Str(", tv_usec=")
		c.Int(usec)
		c.Out = append(c.Out, '}')
		c.dateComment(sec, usec, 6)
	}
	c.Out = append(c.Out, ']')
}

var schedAttrFlags = &Xlat{Vals: []Const{
	bit(1, "SCHED_FLAG_RESET_ON_FORK"), bit(2, "SCHED_FLAG_RECLAIM"), bit(4, "SCHED_FLAG_DL_OVERRUN"),
	bit(8, "SCHED_FLAG_KEEP_POLICY"), bit(0x10, "SCHED_FLAG_KEEP_PARAMS"), bit(0x20, "SCHED_FLAG_UTIL_CLAMP_MIN"),
	bit(0x40, "SCHED_FLAG_UTIL_CLAMP_MAX"),
}, Unknown: "SCHED_FLAG_???"}

// schedAttr prints struct sched_attr (the utilization clamps when the
// structure is large enough to hold them).
func (c *Ctx) schedAttr(addr uint64) {
	var b [56]byte
	if addr == 0 || !c.readInto(addr, b[:48]) {
		c.Addr(addr)
		return
	}
	size := binary.LittleEndian.Uint32(b[:])
	withClamp := size >= 56 && c.readInto(addr+48, b[48:56])
	u32 := func(o int) uint64 { return uint64(binary.LittleEndian.Uint32(b[o:])) }
	c.Str("{size=")
	c.Uint(uint64(size))
	c.Str(", sched_policy=")
	c.Value(schedPolicies, u32(4))
	c.Str(", sched_flags=")
	c.Flags(schedAttrFlags, binary.LittleEndian.Uint64(b[8:]))
	c.Str(", sched_nice=")
	c.Int(int64(int32(u32(16))))
	c.Str(", sched_priority=")
	c.Uint(u32(20))
	for k, name := range [...]string{"sched_runtime", "sched_deadline", "sched_period"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(binary.LittleEndian.Uint64(b[24+8*k:]))
	}
	if withClamp {
		c.Str(", sched_util_min=")
		c.Uint(u32(48))
		c.Str(", sched_util_max=")
		c.Uint(u32(52))
	}
	c.Out = append(c.Out, '}')
}

var ioUringEnterFlags = &Xlat{Vals: []Const{
	bit(1, "IORING_ENTER_GETEVENTS"), bit(2, "IORING_ENTER_SQ_WAKEUP"), bit(4, "IORING_ENTER_SQ_WAIT"),
	bit(8, "IORING_ENTER_EXT_ARG"), bit(16, "IORING_ENTER_REGISTERED_RING"),
}, Unknown: "IORING_ENTER_???"}

var fanotifyInitFlags = &Xlat{Vals: []Const{
	bit(1, "FAN_CLOEXEC"), bit(2, "FAN_NONBLOCK"), bit(0x10, "FAN_UNLIMITED_QUEUE"), bit(0x20, "FAN_UNLIMITED_MARKS"),
	bit(0x40, "FAN_ENABLE_AUDIT"), bit(0x80, "FAN_REPORT_PIDFD"), bit(0x100, "FAN_REPORT_TID"),
	bit(0x200, "FAN_REPORT_FID"), bit(0x400, "FAN_REPORT_DIR_FID"), bit(0x800, "FAN_REPORT_NAME"),
	bit(0x1000, "FAN_REPORT_TARGET_FID"),
}, Unknown: "FAN_???"}

var fanotifyClasses = &Xlat{Vals: []Const{{0, "FAN_CLASS_NOTIF"}, {4, "FAN_CLASS_CONTENT"}, {8, "FAN_CLASS_PRE_CONTENT"}}, Unknown: "FAN_CLASS_???"}

var pkeyRights = &Xlat{Vals: []Const{bit(1, "PKEY_DISABLE_ACCESS"), bit(2, "PKEY_DISABLE_WRITE")}}

var landlockFlags = &Xlat{Vals: []Const{bit(1, "LANDLOCK_CREATE_RULESET_VERSION")}}

func init() {
	register(map[string]*Spec{
		"openat2":       {Args: []Arg{DirArg, PathArg, In(openHow), In(Ulong)}, Ret: RetFD},
		"utime":         {Args: []Arg{PathArg, In(utimbuf)}},
		"utimes":        {Args: []Arg{PathArg, In(timevalPair)}},
		"futimesat":     {Args: []Arg{DirArg, PathArg, In(timevalPair)}},
		"sched_getattr": {Args: []Arg{In(Int), Out(func(c *Ctx, i int) { c.schedAttr(c.Args[i]) }), In(Uint), In(Uint)}},
		"sched_setattr": {Args: []Arg{In(Int), In(func(c *Ctx, i int) { c.schedAttr(c.Args[i]) }), In(Uint)}},
		"pivot_root":    {Args: []Arg{PathArg, PathArg}},
		"io_uring_enter": {Args: []Arg{FDArg, In(Uint), In(Uint), flagsArg(ioUringEnterFlags),
			In(SigsetPtr(5)), In(Ulong)}},
		"userfaultfd": {Args: []Arg{In(OpenFlagsArg)}, Ret: RetFD},
		"pkey_alloc":  {Args: []Arg{In(Hex), flagsArg(pkeyRights)}},
		"pkey_free":   {Args: []Arg{In(Int)}},
		"fanotify_init": {Args: []Arg{In(func(c *Ctx, i int) {
			v := c.Args[i] & 0xffffffff
			c.Value(fanotifyClasses, v&0xc)
			if rest := v &^ 0xc; rest != 0 {
				c.Out = append(c.Out, '|')
				c.Flags(fanotifyInitFlags, rest)
			}
		}), In(OpenFlags)}, Ret: RetFD},
		"memfd_secret":            {Args: []Arg{flagsArg(&Xlat{Vals: []Const{bit(02000000, "O_CLOEXEC")}})}, Ret: RetFD},
		"landlock_create_ruleset": {Args: []Arg{In(Ptr), In(Ulong), flagsArg(landlockFlags)}, Ret: RetFD},
		"settimeofday":            {Args: []Arg{In(Timeval), In(Ptr)}},
	})
}
