package decode

import (
	"math/bits"

	"github.com/goclues/goclues/common/ptrace"
)

var signalNames = [...]string{
	1: "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
	"SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
	"SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
	"SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
	"SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
}

// SignalName is strace's name for signal sig: SIGINT, SIGRTMIN, SIGRT_3,
// or the number for values out of range.
func SignalName(sig int) string {
	switch {
	case sig > 0 && sig < len(signalNames):
		return signalNames[sig]
	case sig == 32:
		return "SIGRTMIN"
	case sig > 32 && sig <= 64:
		return "SIGRT_" + itoa(sig-32)
	}
	return itoa(sig)
}

// SignalNumber parses a signal name with or without "SIG", or a number.
func SignalNumber(s string) (int, bool) {
	for n := 1; n <= 64; n++ {
		name := SignalName(n)
		if s == name || "SIG"+s == name {
			return n, true
		}
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, s != "" && n > 0 && n <= 64
}

// Signal appends a signal number argument.
func (c *Ctx) Signal(sig int) {
	if sig == 0 {
		c.Out = append(c.Out, '0')
		return
	}
	if c.xlat == XlatRaw {
		c.Int(int64(sig))
		return
	}
	if sig > 0 && sig <= 64 {
		if c.xlat == XlatVerbose {
			c.Int(int64(sig))
			c.Str(" /* ")
			c.Str(SignalName(sig))
			c.Str(" */")
			return
		}
		c.Str(SignalName(sig))
		return
	}
	c.Int(int64(sig))
}

// SigPrinter prints a signal number argument.
var SigPrinter Printer = func(c *Ctx, i int) { c.Signal(int(int32(c.Args[i]))) }

// Sigset appends a 64-signal mask as strace does: [INT TERM], or
// ~[…] listing the clear bits when more than half are set.
func (c *Ctx) Sigset(mask uint64) {
	if bits.OnesCount64(mask) > 32 {
		c.Out = append(c.Out, '~')
		mask = ^mask
	}
	c.Out = append(c.Out, '[')
	first := true
	for sig := 1; sig <= 64; sig++ {
		if mask&(1<<(sig-1)) == 0 {
			continue
		}
		if !first {
			c.Out = append(c.Out, ' ')
		}
		first = false
		if c.xlat != XlatAbbrev {
			c.Int(int64(sig))
			if c.xlat == XlatRaw {
				continue
			}
			c.Str(" /* ")
			c.Str(SignalName(sig)[3:])
			c.Str(" */")
			continue
		}
		c.Str(SignalName(sig)[3:])
	}
	c.Out = append(c.Out, ']')
}

// SigsetPtr prints a sigset_t pointer whose size is argument n.
func SigsetPtr(n int) Printer {
	return func(c *Ctx, i int) {
		size := c.Args[n]
		var b [8]byte
		if size != 8 && size != 4 || c.Args[i] == 0 || !c.readInto(c.Args[i], b[:size]) {
			c.Addr(c.Args[i])
			return
		}
		c.Sigset(le64(b[:]))
	}
}

func le64(b []byte) uint64 {
	var v uint64
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

func le32(b []byte) uint32 { return uint32(le64(b[:4])) }

var sigprocmaskHow = &Xlat{Vals: []Const{{0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"}}, Unknown: "SIG_???"}

var saFlags = &Xlat{Vals: []Const{
	{0x04000000, "SA_RESTORER"}, {0x08000000, "SA_ONSTACK"}, {0x10000000, "SA_RESTART"},
	{0x40000000, "SA_NODEFER"}, {0x80000000, "SA_RESETHAND"}, {1, "SA_NOCLDSTOP"},
	{2, "SA_NOCLDWAIT"}, {4, "SA_SIGINFO"}, {0x400, "SA_UNSUPPORTED"},
	{0x800, "SA_EXPOSE_TAGBITS"},
}}

var sigHandlers = &Xlat{Vals: []Const{{0, "SIG_DFL"}, {1, "SIG_IGN"}, {^uint64(0), "SIG_ERR"}}}

// Sigaction prints a struct sigaction pointer.
var Sigaction Printer = func(c *Ctx, i int) {
	var b [32]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	handler, flags, restorer, mask := le64(b[0:]), le64(b[8:]), le64(b[16:]), le64(b[24:])
	c.Str("{sa_handler=")
	if _, ok := sigHandlers.Lookup(handler); ok {
		c.Value(sigHandlers, handler)
	} else {
		c.Hex(handler)
	}
	c.Str(", sa_mask=")
	c.Sigset(mask)
	c.Str(", sa_flags=")
	c.Flags(saFlags, flags)
	if flags&0x04000000 != 0 {
		c.Str(", sa_restorer=")
		c.Hex(restorer)
	}
	c.Out = append(c.Out, '}')
}

var siCodes = map[int]string{
	0: "SI_USER", 0x80: "SI_KERNEL", -1: "SI_QUEUE", -2: "SI_TIMER", -3: "SI_MESGQ",
	-4: "SI_ASYNCIO", -5: "SI_SIGIO", -6: "SI_TKILL", -7: "SI_DETHREAD", -60: "SI_ASYNCNL",
}

// per-signal si_code names, indexed by signal then code.
var siCodesBySig = map[int][]string{
	17: {1: "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"},
	11: {1: "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR"},
	7:  {1: "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO"},
	4:  {1: "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"},
	8:  {1: "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB", "FPE_FLTUNK", "FPE_CONDTRAP"},
	5:  {1: "TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT", "TRAP_UNK", "TRAP_PERF"},
	29: {1: "POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI", "POLL_HUP"},
	31: {1: "SYS_SECCOMP", "SYS_USER_DISPATCH"},
}

// siCode appends si_code: its name, or under -X the number (as an
// unsigned hex value) with the name in a comment.
func (c *Ctx) siCode(sig, code int) {
	name, ok := siCodeName(sig, code)
	switch {
	case ok && c.xlat == XlatAbbrev:
		c.Str(name)
		return
	default:
		c.Hex(uint64(uint32(code)))
	}
	if ok && c.xlat == XlatVerbose {
		c.Str(" /* ")
		c.Str(name)
		c.Str(" */")
	}
}

func siCodeName(sig, code int) (string, bool) {
	if code > 0 && code < 0x80 {
		if names := siCodesBySig[sig]; code < len(names) && names[code] != "" {
			return names[code], true
		}
		return "", false
	}
	name, ok := siCodes[code]
	return name, ok
}

// Siginfo appends a siginfo_t the way strace prints it in "--- SIG… ---"
// lines and in rt_sigqueueinfo/waitid arguments.
func (c *Ctx) Siginfo(si *ptrace.Siginfo) {
	c.xlat = c.Cfg.XlatStyle
	sig, code := si.Signo(), si.Code()
	if sig == 0 {
		c.Str("{}") // nothing is defined for signal 0
		return
	}
	c.Str("{si_signo=")
	c.Signal(sig)
	c.Str(", si_code=")
	c.siCode(sig, code)
	if si.Errno() != 0 {
		c.Str(", si_errno=")
		c.Int(int64(si.Errno()))
	}
	switch {
	case code <= 0 || code == 0x80 && false:
		switch code {
		case -2: // SI_TIMER
			c.Str(", si_timerid=")
			c.Hex(uint64(uint32(si.TimerID())))
			c.Str(", si_overrun=")
			c.Int(int64(si.Overrun()))
			c.sigval(si.Value())
		default:
			c.Str(", si_pid=")
			c.ProcessID(int64(si.Pid()))
			c.Str(", si_uid=")
			c.Uint(uint64(si.UID()))
			if code == -1 || code == -3 || code == -4 {
				c.sigval(si.Value())
			}
		}
	case sig == 17:
		c.Str(", si_pid=")
		c.ProcessID(int64(si.Pid()))
		c.Str(", si_uid=")
		c.Uint(uint64(si.UID()))
		c.Str(", si_status=")
		if code == 1 {
			c.Int(int64(si.Status()))
		} else {
			c.Signal(si.Status())
		}
		c.Str(", si_utime=")
		c.Int(si.Utime())
		c.Str(", si_stime=")
		c.Int(si.Stime())
	case sig == 11 || sig == 7 || sig == 4 || sig == 8 || sig == 5:
		c.Str(", si_addr=")
		c.Addr(si.Addr())
	case sig == 29:
		c.Str(", si_band=")
		c.Int(si.Band())
		c.Str(", si_fd=")
		c.Int(int64(si.FD()))
	case sig == 31:
		c.Str(", si_call_addr=")
		c.Addr(si.CallAddr())
		c.Str(", si_syscall=")
		c.Int(int64(si.Syscall()))
		c.Str(", si_arch=AUDIT_ARCH_X86_64")
	case code == 0x80:
		if sig == 11 {
			c.Str(", si_addr=")
			c.Addr(si.Addr())
		}
	}
	c.Out = append(c.Out, '}')
}

func (c *Ctx) sigval(v uint64) {
	c.Str(", si_int=")
	c.Int(int64(int32(v)))
	c.Str(", si_ptr=")
	c.Addr(v)
}

// SiginfoPtr prints a siginfo_t pointer argument.
var SiginfoPtr Printer = func(c *Ctx, i int) {
	var si ptrace.Siginfo
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], si[:]) {
		c.Hex(c.Args[i])
		return
	}
	c.Siginfo(&si)
}

// ucSigmaskOffset is offsetof(struct ucontext, uc_sigmask) on x86_64; at
// rt_sigreturn entry the stack pointer addresses the ucontext.
const ucSigmaskOffset = 296

// sigreturnMask prints rt_sigreturn's pseudo argument: the mask the
// signal frame restores.
func sigreturnMask(c *Ctx) {
	var b [8]byte
	if c.NoDeref {
		c.Str("{mask=")
		c.Hex(c.SP + ucSigmaskOffset)
		c.Out = append(c.Out, '}')
		return
	}
	if !c.readInto(c.SP+ucSigmaskOffset, b[:]) {
		c.Str("{mask=?}")
		return
	}
	c.Str("{mask=")
	c.Sigset(le64(b[:]))
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"rt_sigaction":      {Args: []Arg{In(SigPrinter), In(Sigaction), Out(Sigaction), In(Ulong)}},
		"rt_sigtimedwait":   {Args: []Arg{In(SigsetPtr(3)), Out(SiginfoPtr), In(Timespec), In(Ulong)}, Ret: sigRet},
		"rt_sigprocmask":    {Args: []Arg{In(func(c *Ctx, i int) { c.Value(sigprocmaskHow, c.Args[i]) }), In(SigsetPtr(3)), Out(SigsetPtr(3)), In(Ulong)}},
		"rt_sigpending":     {Args: []Arg{Out(SigsetPtr(1)), In(Ulong)}},
		"rt_sigsuspend":     {Args: []Arg{In(SigsetPtr(1)), In(Ulong)}},
		"kill":              {Args: []Arg{In(Int), In(SigPrinter)}},
		"tkill":             {Args: []Arg{In(Int), In(SigPrinter)}},
		"tgkill":            {Args: []Arg{In(Int), In(Int), In(SigPrinter)}},
		"rt_sigqueueinfo":   {Args: []Arg{In(Int), In(SigPrinter), In(SiginfoPtr)}},
		"rt_tgsigqueueinfo": {Args: []Arg{In(Int), In(Int), In(SigPrinter), In(SiginfoPtr)}},
		"rt_sigreturn":      {Args: []Arg{In(func(c *Ctx, i int) { sigreturnMask(c) })}},
		"pause":             {},
		"alarm":             {Args: []Arg{In(Uint)}},
	})
}

var ssFlags = &Xlat{Vals: []Const{bit(1, "SS_ONSTACK"), bit(2, "SS_DISABLE"), bit(1<<31, "SS_AUTODISARM")}}

// stackT prints stack_t (sigaltstack).
var stackT Printer = func(c *Ctx, i int) {
	var b [24]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	c.Str("{ss_sp=")
	c.Addr(le64(b[:]))
	c.Str(", ss_flags=")
	c.Flags(ssFlags, uint64(le32(b[8:])))
	c.Str(", ss_size=")
	c.Uint(le64(b[16:]))
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"sigaltstack": {Args: []Arg{In(stackT), Out(stackT)}},
	})
}

// sigRet prints a returned signal number with its name: 10 (SIGUSR1).
func sigRet(c *Ctx) {
	c.Int(c.Ret)
	if c.Ret > 0 { // the comment names the signal whatever the -X style
		c.Str(" (")
		c.Str(SignalName(int(c.Ret)))
		c.Out = append(c.Out, ')')
	}
}
