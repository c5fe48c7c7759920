package decode

// Calls that make special descriptors (signalfd, timerfd, inotify,
// memfd) and move data between descriptors (splice, tee), plus ppoll,
// epoll_pwait2, fallocate and flock.

var sfdFlags = &Xlat{Vals: []Const{bit(02000000, "SFD_CLOEXEC"), bit(04000, "SFD_NONBLOCK")}}

var tfdCreateFlags = &Xlat{Vals: []Const{bit(02000000, "TFD_CLOEXEC"), bit(04000, "TFD_NONBLOCK")}}

var tfdSetFlags = &Xlat{Vals: []Const{bit(1, "TFD_TIMER_ABSTIME"), bit(2, "TFD_TIMER_CANCEL_ON_SET")}}

var inotifyInitFlags = &Xlat{Vals: []Const{bit(04000, "IN_NONBLOCK"), bit(02000000, "IN_CLOEXEC")}}

var inotifyMask = &Xlat{Vals: []Const{
	bit(1, "IN_ACCESS"), bit(2, "IN_MODIFY"), bit(4, "IN_ATTRIB"), bit(8, "IN_CLOSE_WRITE"),
	bit(0x10, "IN_CLOSE_NOWRITE"), bit(0x20, "IN_OPEN"), bit(0x40, "IN_MOVED_FROM"), bit(0x80, "IN_MOVED_TO"),
	bit(0x100, "IN_CREATE"), bit(0x200, "IN_DELETE"), bit(0x400, "IN_DELETE_SELF"), bit(0x800, "IN_MOVE_SELF"),
	bit(0x2000, "IN_UNMOUNT"), bit(0x4000, "IN_Q_OVERFLOW"), bit(0x8000, "IN_IGNORED"),
	bit(0x1000000, "IN_ONLYDIR"), bit(0x2000000, "IN_DONT_FOLLOW"), bit(0x4000000, "IN_EXCL_UNLINK"),
	bit(0x10000000, "IN_MASK_CREATE"), bit(0x20000000, "IN_MASK_ADD"), bit(0x40000000, "IN_ISDIR"),
	bit(0x80000000, "IN_ONESHOT"),
}}

var memfdFlags = &Xlat{Vals: []Const{
	bit(1, "MFD_CLOEXEC"), bit(2, "MFD_ALLOW_SEALING"), bit(4, "MFD_HUGETLB"), bit(8, "MFD_NOEXEC_SEAL"),
	bit(0x10, "MFD_EXEC"),
}}

var fallocModes = &Xlat{Vals: []Const{
	bit(1, "FALLOC_FL_KEEP_SIZE"), bit(2, "FALLOC_FL_PUNCH_HOLE"), bit(4, "FALLOC_FL_NO_HIDE_STALE"),
	bit(8, "FALLOC_FL_COLLAPSE_RANGE"), bit(0x10, "FALLOC_FL_ZERO_RANGE"), bit(0x20, "FALLOC_FL_INSERT_RANGE"),
	bit(0x40, "FALLOC_FL_UNSHARE_RANGE"),
}}

var flockOps = &Xlat{Vals: []Const{
	bit(1, "LOCK_SH"), bit(2, "LOCK_EX"), bit(4, "LOCK_NB"), bit(8, "LOCK_UN"), bit(32, "LOCK_MAND"),
	bit(64, "LOCK_READ"), bit(128, "LOCK_WRITE"),
}}

var spliceFlags = &Xlat{Vals: []Const{
	bit(1, "SPLICE_F_MOVE"), bit(2, "SPLICE_F_NONBLOCK"), bit(4, "SPLICE_F_MORE"), bit(8, "SPLICE_F_GIFT"),
}}

var sealFlags = &Xlat{Vals: []Const{
	bit(1, "F_SEAL_SEAL"), bit(2, "F_SEAL_SHRINK"), bit(4, "F_SEAL_GROW"), bit(8, "F_SEAL_WRITE"),
	bit(0x10, "F_SEAL_FUTURE_WRITE"),
}}

// flagsArg prints an argument as flags of table x (32 bits).
func flagsArg(x *Xlat) Arg {
	return In(func(c *Ctx, i int) { c.Flags(x, c.Args[i]&0xffffffff) })
}

// itimerspec prints struct itimerspec.
func (c *Ctx) itimerspec(addr uint64) {
	var b [32]byte
	if addr == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(addr, b[:]) {
		c.Hex(addr)
		return
	}
	c.Str("{it_interval=")
	c.timePair(b[0:], "tv_nsec")
	c.Str(", it_value=")
	c.timePair(b[16:], "tv_nsec")
	c.Out = append(c.Out, '}')
}

// Itimerspec prints a struct itimerspec pointer.
var Itimerspec Printer = func(c *Ctx, i int) { c.itimerspec(c.Args[i]) }

// Int64Ptr prints a loff_t pointer as [value], NULL when absent.
var Int64Ptr Printer = func(c *Ctx, i int) {
	var b [8]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Out = append(c.Out, '[')
	c.Int(int64(le64(b[:])))
	c.Out = append(c.Out, ']')
}

// ppollRet is poll's result with the time left, as ppoll prints it.
func ppollRet(c *Ctx) {
	pollRet(c)
	if c.Ret <= 0 || c.Args[2] == 0 {
		return
	}
	c.Out = c.Out[:len(c.Out)-1] // reopen the "(...)" comment
	c.Str(", left ")
	c.timespec(c.Args[2])
	c.Out = append(c.Out, ')')
}

func init() {
	register(map[string]*Spec{
		"signalfd4":         {Args: []Arg{In(Int), In(SigsetPtr(2)), In(Ulong), flagsArg(sfdFlags)}, Ret: RetFD},
		"timerfd_create":    {Args: []Arg{In(ClockID), flagsArg(tfdCreateFlags)}, Ret: RetFD},
		"timerfd_settime":   {Args: []Arg{FDArg, flagsArg(tfdSetFlags), In(Itimerspec), Out(Itimerspec)}},
		"timerfd_gettime":   {Args: []Arg{FDArg, Out(Itimerspec)}},
		"inotify_init":      {Ret: RetFD},
		"epoll_create":      {Args: []Arg{In(Int)}, Ret: RetFD},
		"eventfd":           {Args: []Arg{In(Uint)}, Ret: RetFD},
		"inotify_init1":     {Args: []Arg{flagsArg(inotifyInitFlags)}, Ret: RetFD},
		"inotify_add_watch": {Args: []Arg{FDArg, PathArg, flagsArg(inotifyMask)}},
		"inotify_rm_watch":  {Args: []Arg{FDArg, In(Int)}},
		"memfd_create":      {Args: []Arg{In(Str), flagsArg(memfdFlags)}, Ret: RetFD},
		"fallocate":         {Args: []Arg{FDArg, flagsArg(fallocModes), In(Long), In(Long)}},
		"flock":             {Args: []Arg{FDArg, flagsArg(flockOps)}},
		"tee":               {Args: []Arg{FDArg, FDArg, In(Ulong), flagsArg(spliceFlags)}},
		"splice":            {Args: []Arg{FDArg, In(Int64Ptr), FDArg, In(Int64Ptr), In(Ulong), flagsArg(spliceFlags)}},
		"ppoll":             {Args: []Arg{In(pollfds), In(Uint), In(Timespec), In(SigsetPtr(4)), In(Ulong)}, Ret: ppollRet},
		"epoll_pwait2":      {Args: []Arg{FDArg, Out(epollEventsOut), In(Int), In(Timespec), In(SigsetPtr(5)), In(Ulong)}},
	})
}
