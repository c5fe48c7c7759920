package decode

// The pidfd system calls. Their descriptors print as <pid:N> under
// --decode-fds=pidfd (fdinfo.go); pidfd_getfd's target descriptor is
// decoded in the process the pidfd refers to, as strace does.

var pidfdOpenFlags = &Xlat{Vals: []Const{bit(04000, "PIDFD_NONBLOCK")}, Unknown: "PIDFD_???"}

// pPIDFD is waitid's idtype for an id that is a pidfd.
const pPIDFD = 3

// hex32 prints an unsigned int argument in hex (0 as 0).
var hex32 Printer = func(c *Ctx, i int) { c.Hex(c.Args[i] & 0xffffffff) }

// pidfdTargetFD prints pidfd_getfd's targetfd: a descriptor of the
// process pidfd (argument 0) refers to.
func pidfdTargetFD(c *Ctx, i int) {
	fd := int32(c.Args[i])
	c.Int(int64(fd))
	if c.Cfg.DecodeFDs == 0 || int32(c.Args[0]) < 0 {
		return
	}
	if pid := pidfdPid(c.Pid, int32(c.Args[0])); pid > 0 {
		c.fdInfoOf(pid, fd)
	}
}

// waitidID prints waitid's id: a descriptor when idtype is P_PIDFD.
func waitidID(c *Ctx, i int) {
	if int32(c.Args[0]) == pPIDFD {
		c.FD(int32(c.Args[i]))
		return
	}
	c.Int(int64(int32(c.Args[i])))
}

func init() {
	register(map[string]*Spec{
		"pidfd_open":        {Args: []Arg{In(Int), flagsArg(pidfdOpenFlags)}, Ret: RetFD},
		"pidfd_getfd":       {Args: []Arg{FDArg, In(pidfdTargetFD), In(hex32)}, Ret: RetFD},
		"pidfd_send_signal": {Args: []Arg{FDArg, In(SigPrinter), In(SiginfoPtr), In(hex32)}},
	})
}
