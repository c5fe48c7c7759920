package decode

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/sysent"
)

// maxArgv is the most array elements strace shows before "...".
func (c *Ctx) maxElems() int { return c.Cfg.StrLen }

// StrArray prints a NULL-terminated array of string pointers (argv).
func (c *Ctx) StrArray(addr uint64) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	var r wordReader
	c.Out = append(c.Out, '[')
	for n := 0; ; n++ {
		p, ok := r.word(c, addr+uint64(n)*8)
		if !ok {
			if n == 0 {
				c.Out = c.Out[:len(c.Out)-1]
				c.Hex(addr)
				return
			}
			c.Str(", ...")
			break
		}
		if p == 0 {
			break
		}
		if n > 0 {
			c.Str(", ")
		}
		if !c.Verbose && n >= c.maxElems() || n >= maxArray {
			c.Str("...")
			break
		}
		c.CStr(p, c.Cfg.StrLen)
	}
	c.Out = append(c.Out, ']')
}

// countArray counts the entries of a NULL-terminated pointer array.
func (c *Ctx) countArray(addr uint64) (int, bool) {
	var r wordReader
	for n := 0; n < 1<<20; n++ {
		p, ok := r.word(c, addr+uint64(n)*8)
		if !ok {
			return n, false
		}
		if p == 0 {
			return n, true
		}
	}
	return 0, false
}

// wordReader reads consecutive 8-byte words of tracee memory a window at
// a time (up to 512 bytes, never across a page boundary, so that an
// array ending just before an unmapped page is still read): an argv or
// envp walk costs a read per 64 entries, not one per entry.
type wordReader struct {
	buf    [512]byte
	lo, hi uint64 // the window held in buf
}

func (r *wordReader) word(c *Ctx, addr uint64) (uint64, bool) {
	if addr < r.lo || addr+8 > r.hi {
		n := uint64(len(r.buf))
		if toPage := pageSize - addr%pageSize; toPage >= 8 && toPage < n {
			n = toPage
		} else if toPage < 8 {
			n = 8
		}
		if !c.readInto(addr, r.buf[:n]) {
			return 0, false
		}
		r.lo, r.hi = addr, addr+n
	}
	return le64(r.buf[addr-r.lo:]), true
}

// Argv prints execve's argv.
var Argv Printer = func(c *Ctx, i int) { c.StrArray(c.Args[i]) }

// Envp prints execve's envp: the array with -v, else its address and a
// count comment.
var Envp Printer = func(c *Ctx, i int) {
	addr := c.Args[i]
	if c.Verbose || addr == 0 {
		c.StrArray(addr)
		return
	}
	c.Hex(addr)
	if n, ok := c.countArray(addr); ok {
		c.Str(" /* ")
		c.Int(int64(n))
		if n == 1 {
			c.Str(" var */")
		} else {
			c.Str(" vars */")
		}
	}
}

var cloneFlags = &Xlat{Vals: []Const{
	bit(0x100, "CLONE_VM"), bit(0x200, "CLONE_FS"), bit(0x400, "CLONE_FILES"), bit(0x800, "CLONE_SIGHAND"),
	bit(0x1000, "CLONE_PIDFD"), bit(0x2000, "CLONE_PTRACE"), bit(0x4000, "CLONE_VFORK"), bit(0x8000, "CLONE_PARENT"),
	bit(0x10000, "CLONE_THREAD"), bit(0x20000, "CLONE_NEWNS"), bit(0x40000, "CLONE_SYSVSEM"), bit(0x80000, "CLONE_SETTLS"),
	bit(0x100000, "CLONE_PARENT_SETTID"), bit(0x200000, "CLONE_CHILD_CLEARTID"), bit(0x800000, "CLONE_UNTRACED"),
	bit(0x1000000, "CLONE_CHILD_SETTID"), bit(0x2000000, "CLONE_NEWCGROUP"), bit(0x4000000, "CLONE_NEWUTS"),
	bit(0x8000000, "CLONE_NEWIPC"), bit(0x10000000, "CLONE_NEWUSER"), bit(0x20000000, "CLONE_NEWPID"),
	bit(0x40000000, "CLONE_NEWNET"), bit(0x80000000, "CLONE_IO"),
}}

// cloneArgs prints clone's child_stack and flags at entry and the
// pointers the kernel filled at exit.
func cloneArgs(c *Ctx, _ int) {
	if c.Exiting {
		cloneExit(c)
		return
	}
	flags := c.Args[0]
	c.Str("child_stack=")
	c.Addr(c.Args[1])
	c.Str(", flags=")
	sig := flags & 0xff
	rest := flags &^ 0xff
	if rest != 0 || sig == 0 {
		c.Flags(cloneFlags, rest)
	}
	if sig != 0 {
		if rest != 0 {
			c.Out = append(c.Out, '|')
		}
		c.Signal(int(sig))
	}
}

// cloneExit prints the pointers clone fills, as strace does at exit.
func cloneExit(c *Ctx) {
	flags := c.Args[0]
	if flags&(cloneParentSettid|clonePidfd) != 0 {
		// With CLONE_PIDFD the kernel stores the pidfd there.
		c.Str(", parent_tid=")
		switch {
		case c.Failed:
			c.Addr(c.Args[2])
		case flags&cloneParentSettid != 0:
			c.intPtr(c.Args[2])
		default:
			c.fdPtr(c.Args[2])
		}
	}
	if flags&(0x1000000|0x200000) != 0 {
		c.Str(", child_tidptr=")
		c.Hex(c.Args[3])
	}
	if flags&0x80000 != 0 {
		c.Str(", tls=")
		c.Hex(c.Args[4])
	}
}

// intPtr prints [value] read from an int pointer.
func (c *Ctx) intPtr(addr uint64) {
	var b [4]byte
	if !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Out = append(c.Out, '[')
	c.Int(int64(int32(le32(b[:]))))
	c.Out = append(c.Out, ']')
}

// fdPtr prints [fd] read from an int pointer, with -y details.
func (c *Ctx) fdPtr(addr uint64) {
	var b [4]byte
	if !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Out = append(c.Out, '[')
	c.FD(int32(le32(b[:])))
	c.Out = append(c.Out, ']')
}

// Clone flags the decoders look at.
const (
	clonePidfd        = 0x1000
	cloneParentSettid = 0x100000
)

// IntPtr prints an int pointer argument as [value].
var IntPtr Printer = func(c *Ctx, i int) { c.intPtr(c.Args[i]) }

// clone3Args prints struct clone_args; the exit part adds parent_tid.
func clone3Args(c *Ctx, i int) {
	var b [88]byte
	size := c.Args[1]
	if size > 88 {
		size = 88
	}
	if size < 64 || !c.readInto(c.Args[i], b[:size]) {
		c.Addr(c.Args[i])
		return
	}
	u := func(k int) uint64 { return le64(b[k*8:]) }
	flags := u(0)
	if c.Exiting {
		if c.Failed || flags&(cloneParentSettid|clonePidfd) == 0 {
			return
		}
		c.Str(" => {")
		if flags&clonePidfd != 0 {
			c.Str("pidfd=")
			c.fdPtr(u(1))
			if flags&cloneParentSettid != 0 {
				c.Str(", ")
			}
		}
		if flags&cloneParentSettid != 0 {
			c.Str("parent_tid=")
			c.intPtr(u(3))
		}
		c.Out = append(c.Out, '}')
		return
	}
	c.Str("{flags=")
	c.Flags(cloneFlags, flags)
	if flags&0x1000 != 0 {
		c.Str(", pidfd=")
		c.Hex(u(1))
	}
	if flags&(0x1000000|0x200000) != 0 {
		c.Str(", child_tid=")
		c.Hex(u(2))
	}
	if flags&0x100000 != 0 {
		c.Str(", parent_tid=")
		c.Hex(u(3))
	}
	c.Str(", exit_signal=")
	c.Signal(int(u(4)))
	c.Str(", stack=")
	c.Addr(u(5))
	c.Str(", stack_size=")
	c.Hex(u(6))
	if flags&0x80000 != 0 {
		c.Str(", tls=")
		c.Hex(u(7))
	}
	c.Out = append(c.Out, '}')
}

var waitOptions = &Xlat{Vals: []Const{
	bit(1, "WNOHANG"), bit(2, "WSTOPPED"), bit(4, "WEXITED"), bit(8, "WCONTINUED"),
	bit(0x1000000, "WNOWAIT"), bit(0x80000000, "__WCLONE"), bit(0x40000000, "__WALL"), bit(0x20000000, "__WNOTHREAD"),
}}

var ptraceEvents = &Xlat{Vals: []Const{
	{1, "PTRACE_EVENT_FORK"}, {2, "PTRACE_EVENT_VFORK"}, {3, "PTRACE_EVENT_CLONE"}, {4, "PTRACE_EVENT_EXEC"},
	{5, "PTRACE_EVENT_VFORK_DONE"}, {6, "PTRACE_EVENT_EXIT"}, {7, "PTRACE_EVENT_SECCOMP"}, {0x80, "PTRACE_EVENT_STOP"},
}}

// WaitStatus prints the status int pointer of wait4.
var WaitStatus Printer = func(c *Ctx, i int) {
	var b [4]byte
	if c.Args[i] == 0 || c.Ret == 0 {
		c.Addr(c.Args[i])
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	st := le32(b[:])
	c.Str("[{")
	switch {
	case st&0x7f == 0:
		c.Str("WIFEXITED(s) && WEXITSTATUS(s) == ")
		c.Int(int64(st >> 8 & 0xff))
	case st&0xff == 0x7f:
		// Signals are named whatever the -X style, as strace does; a
		// ptrace event stop adds the event after the braces.
		sig := int(st >> 8 & 0xff)
		c.Str("WIFSTOPPED(s) && WSTOPSIG(s) == ")
		c.Str(SignalName(sig &^ 0x80))
		if sig&0x80 != 0 {
			c.Str(" | 0x80")
		}
		if ev := uint64(st >> 16); ev != 0 {
			c.Str("}|")
			c.Value(ptraceEvents, ev)
			c.Str("<<16]")
			return
		}
	case st == 0xffff:
		c.Str("WIFCONTINUED(s)")
	default:
		c.Str("WIFSIGNALED(s) && WTERMSIG(s) == ")
		c.Str(SignalName(int(st & 0x7f)))
		if st&0x80 != 0 {
			c.Str(" && WCOREDUMP(s)")
		}
	}
	c.Str("}]")
}

var archPrctlCodes = &Xlat{Vals: []Const{
	{0x1001, "ARCH_SET_GS"}, {0x1002, "ARCH_SET_FS"}, {0x1003, "ARCH_GET_FS"}, {0x1004, "ARCH_GET_GS"},
	{0x1011, "ARCH_GET_CPUID"}, {0x1012, "ARCH_SET_CPUID"}, {0x1021, "ARCH_GET_XCOMP_SUPP"},
	{0x1022, "ARCH_GET_XCOMP_PERM"}, {0x1023, "ARCH_REQ_XCOMP_PERM"},
}, Unknown: "ARCH_???"}

var rlimits = &Xlat{Vals: []Const{
	{0, "RLIMIT_CPU"}, {1, "RLIMIT_FSIZE"}, {2, "RLIMIT_DATA"}, {3, "RLIMIT_STACK"}, {4, "RLIMIT_CORE"},
	{5, "RLIMIT_RSS"}, {6, "RLIMIT_NPROC"}, {7, "RLIMIT_NOFILE"}, {8, "RLIMIT_MEMLOCK"}, {9, "RLIMIT_AS"},
	{10, "RLIMIT_LOCKS"}, {11, "RLIMIT_SIGPENDING"}, {12, "RLIMIT_MSGQUEUE"}, {13, "RLIMIT_NICE"},
	{14, "RLIMIT_RTPRIO"}, {15, "RLIMIT_RTTIME"},
}, Unknown: "RLIMIT_???"}

func (c *Ctx) rlimValue(v uint64) {
	if c.xlat != XlatAbbrev {
		c.Uint(v)
		if c.xlat == XlatRaw || v <= 1024 || v%1024 != 0 && v != ^uint64(0) {
			return
		}
		c.Str(" /* ")
		c.xlat = XlatAbbrev
		c.rlimValue(v)
		c.xlat = XlatVerbose
		c.Str(" */")
		return
	}
	switch {
	case v == ^uint64(0):
		c.Str("RLIM64_INFINITY")
	case v > 1024 && v%1024 == 0:
		c.Uint(v / 1024)
		c.Str("*1024")
	default:
		c.Uint(v)
	}
}

// Rlimit prints struct rlimit64.
var Rlimit Printer = func(c *Ctx, i int) {
	var b [16]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	c.Str("{rlim_cur=")
	c.rlimValue(le64(b[:]))
	c.Str(", rlim_max=")
	c.rlimValue(le64(b[8:]))
	c.Out = append(c.Out, '}')
}

var grndFlags = &Xlat{Vals: []Const{bit(1, "GRND_NONBLOCK"), bit(2, "GRND_RANDOM"), bit(4, "GRND_INSECURE")}}

// randomBytes prints getrandom's buffer, always hex-escaped as strace does.
var randomBytes Printer = func(c *Ctx, i int) {
	n := uint64(c.Ret)
	show := n
	if show > uint64(c.Cfg.StrLen) {
		show = uint64(c.Cfg.StrLen)
	}
	b, ok := c.read(c.Args[i], int(show))
	if !ok {
		c.Addr(c.Args[i])
		return
	}
	c.Out = append(c.Out, '"')
	for _, ch := range b {
		c.Out = append(c.Out, '\\', 'x', "0123456789abcdef"[ch>>4], "0123456789abcdef"[ch&15])
	}
	c.Out = append(c.Out, '"')
	if n > show {
		c.Str("...")
	}
}

// utsname prints struct utsname.
var utsname Printer = func(c *Ctx, i int) {
	var b [390]byte
	if !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	field := func(k int) []byte {
		f := b[k*65 : (k+1)*65]
		for j, ch := range f {
			if ch == 0 {
				return f[:j]
			}
		}
		return f
	}
	c.Str("{sysname=")
	c.quoted(field(0))
	c.Str(", nodename=")
	c.quoted(field(1))
	if !c.Verbose {
		c.Str(", ...}")
		return
	}
	for k, name := range []string{"release", "version", "machine", "domainname"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.quoted(field(k + 2))
	}
	c.Out = append(c.Out, '}')
}

var idtypes = &Xlat{Vals: []Const{{0, "P_ALL"}, {1, "P_PID"}, {2, "P_PGID"}, {3, "P_PIDFD"}}}

func init() {
	register(map[string]*Spec{
		"execve":          {Args: []Arg{PathArg, In(Argv), In(Envp)}},
		"execveat":        {Args: []Arg{DirArg, PathArg, In(Argv), In(Envp), In(AtFlags)}},
		"exit":            {Args: []Arg{In(Int)}},
		"exit_group":      {Args: []Arg{In(Int)}},
		"clone":           {Args: []Arg{Upd(cloneArgs)}},
		"clone3":          {Args: []Arg{Upd(clone3Args), In(Ulong)}},
		"fork":            {},
		"vfork":           {},
		"wait4":           {Args: []Arg{In(Int), Out(WaitStatus), In(func(c *Ctx, i int) { c.Flags(waitOptions, c.Args[i]) }), Out(Ptr)}},
		"waitid":          {Args: []Arg{In(func(c *Ctx, i int) { c.Value(idtypes, c.Args[i]) }), In(waitidID), Out(SiginfoPtr), In(func(c *Ctx, i int) { c.Flags(waitOptions, c.Args[i]) }), Out(Ptr)}},
		"arch_prctl":      {Args: []Arg{In(func(c *Ctx, i int) { c.Value(archPrctlCodes, c.Args[i]) }), In(Hex)}},
		"set_tid_address": {Args: []Arg{In(Ptr)}},
		"set_robust_list": {Args: []Arg{In(Ptr), In(Ulong)}},
		"rseq":            {Args: []Arg{In(Ptr), In(Hex), In(Hex), In(Hex)}},
		"prlimit64":       {Args: []Arg{In(Int), In(func(c *Ctx, i int) { c.Value(rlimits, c.Args[i]) }), In(Rlimit), Out(Rlimit)}},
		"getrlimit":       {Args: []Arg{In(func(c *Ctx, i int) { c.Value(rlimits, c.Args[i]) }), Out(Rlimit)}},
		"setrlimit":       {Args: []Arg{In(func(c *Ctx, i int) { c.Value(rlimits, c.Args[i]) }), In(Rlimit)}},
		"getrandom":       {Args: []Arg{Out(randomBytes), In(Ulong), In(func(c *Ctx, i int) { c.Flags(grndFlags, c.Args[i]) })}},
		"uname":           {Args: []Arg{Out(utsname)}},
		"setpgid":         {Args: []Arg{In(Int), In(Int)}},
		"getpgid":         {Args: []Arg{In(Int)}},
		"getsid":          {Args: []Arg{In(Int)}},
		"setuid":          {Args: []Arg{In(Uint)}},
		"setgid":          {Args: []Arg{In(Uint)}},
		"setfsuid":        {Args: []Arg{In(Uint)}},
		"setfsgid":        {Args: []Arg{In(Uint)}},
		"setreuid":        {Args: []Arg{In(Int), In(Int)}},
		"setregid":        {Args: []Arg{In(Int), In(Int)}},
		"setresuid":       {Args: []Arg{In(Int), In(Int), In(Int)}},
		"setresgid":       {Args: []Arg{In(Int), In(Int), In(Int)}},
		"getresuid":       {Args: []Arg{Out(IntPtr), Out(IntPtr), Out(IntPtr)}},
		"getresgid":       {Args: []Arg{Out(IntPtr), Out(IntPtr), Out(IntPtr)}},
		"unshare":         {Args: []Arg{In(func(c *Ctx, i int) { c.Flags(cloneFlags, c.Args[i]) })}},
	})
}

// gidList prints the group list getgroups filled or setgroups reads.
func gidList(count func(c *Ctx) int) Printer {
	return func(c *Ctx, i int) {
		n := count(c)
		if c.Args[i] == 0 {
			c.Str("NULL")
			return
		}
		var b [4]byte
		c.Out = append(c.Out, '[')
		for k := 0; k < n; k++ {
			if k > 0 {
				c.Str(", ")
			}
			if !c.Verbose && k >= c.Cfg.StrLen || k >= maxArray {
				c.Str("...")
				break
			}
			if !c.readInto(c.Args[i]+uint64(k)*4, b[:]) {
				c.Str("...")
				break
			}
			c.Uint(uint64(le32(b[:])))
		}
		c.Out = append(c.Out, ']')
	}
}

func init() {
	register(map[string]*Spec{
		"getgroups": {Args: []Arg{In(Int), Out(gidList(func(c *Ctx) int { return int(c.Ret) }))}},
		"setgroups": {Args: []Arg{In(Int), In(gidList(func(c *Ctx) int { return int(int32(c.Args[0])) }))}},
		"getcpu":    {Args: []Arg{Out(IntPtr), Out(IntPtr), In(Ptr)}},
	})
}

// pidComm is -Y (--decode-pids=comm): process ids are followed by the
// process's command name, 1234<sh>, while /proc still knows the process.
// pidNS is --decode-pids=pidns: an id seen in another pid namespace is
// followed by its number in the tracer's, 1 /* 1234 in strace's PID NS */.
var pidComm, pidNS bool

// pidArgs lists the calls whose arguments (by index) or results are
// thread or process ids: they get both annotations.
var pidArgs = map[string]struct {
	args []int
	ret  bool
	// when, if set, is the value argument 0 must have for the
	// arguments to be process ids (waitid's P_PID, PRIO_PROCESS).
	when *uint64
}{
	"getpid": {ret: true}, "getppid": {ret: true}, "gettid": {ret: true},
	"fork": {ret: true}, "vfork": {ret: true}, "clone": {ret: true}, "clone3": {ret: true},
	"wait4": {args: []int{0}, ret: true},
	"kill":  {args: []int{0}}, "tkill": {args: []int{0}}, "tgkill": {args: []int{0, 1}},
	"rt_sigqueueinfo": {args: []int{0}}, "rt_tgsigqueueinfo": {args: []int{0, 1}},
	"setpgid": {args: []int{0}}, "getpgid": {args: []int{0}}, "getsid": {args: []int{0}},
	"prlimit64":          {args: []int{0}},
	"sched_getscheduler": {args: []int{0}}, "sched_setscheduler": {args: []int{0}},
	"sched_getparam": {args: []int{0}}, "sched_setparam": {args: []int{0}},
	"sched_getaffinity": {args: []int{0}}, "sched_setaffinity": {args: []int{0}},
	"sched_getattr": {args: []int{0}}, "sched_setattr": {args: []int{0}},
	"sched_rr_get_interval": {args: []int{0}},
	"pidfd_open":            {args: []int{0}},
	"kcmp":                  {args: []int{0, 1}},
	"waitid":                {args: []int{1}, when: ptrTo(1)}, // P_PID
	"getpriority":           {args: []int{1}, when: ptrTo(0)}, // PRIO_PROCESS
	"setpriority":           {args: []int{1}, when: ptrTo(0)}, // PRIO_PROCESS
	"ioprio_get":            {args: []int{1}, when: ptrTo(1)}, // IOPRIO_WHO_PROCESS
	"ioprio_set":            {args: []int{1}, when: ptrTo(1)}, // IOPRIO_WHO_PROCESS
}

// groupIDs lists the process group and session ids among arguments and
// results: only the namespace annotation applies to them, as in strace.
var groupIDs = map[string]struct {
	args []int
	ret  bool
}{
	"setpgid": {args: []int{1}}, "getpgid": {ret: true}, "getsid": {ret: true},
	"getpgrp": {ret: true}, "setsid": {ret: true},
}

func ptrTo(v uint64) *uint64 { return &v }

// DecodePids turns on -Y (comm) and --decode-pids=pidns (ns): the
// printers of the ids listed in pidArgs and groupIDs get their
// annotations. It is called once, before tracing starts.
func DecodePids(comm, ns bool) {
	pidComm, pidNS = comm, ns
	for name, pa := range pidArgs {
		annotate(name, pa.args, pa.ret, pa.when, false)
	}
	if ns {
		for name, g := range groupIDs {
			annotate(name, g.args, g.ret, nil, true)
		}
	}
}

// annotate wraps the printers of arguments args (and the result when
// ret) of system call name with the pid annotations.
func annotate(name string, args []int, ret bool, when *uint64, group bool) {
	nr, ok := sysent.Number(name)
	if !ok || specs[nr] == nil {
		return
	}
	s := *specs[nr]
	s.Args = append([]Arg(nil), s.Args...)
	for _, i := range args {
		if i >= len(s.Args) || s.Args[i].P == nil {
			continue
		}
		p := s.Args[i].P
		s.Args[i].P = func(c *Ctx, i int) {
			p(c, i)
			if when == nil || c.Args[0] == *when {
				c.pidNote(int64(int32(c.Args[i])), group)
			}
		}
	}
	if ret {
		r := s.Ret
		s.Ret = func(c *Ctx) {
			if r != nil {
				r(c)
			} else {
				c.Int(c.Ret)
			}
			c.pidNote(c.Ret, group)
		}
	}
	specs[nr] = &s
}

// ProcessID appends a process id with the annotations asked for.
func (c *Ctx) ProcessID(pid int64) {
	c.Int(pid)
	c.pidNote(pid, false)
}

// pidNote appends the annotations of pid, an id as the traced process
// sees it: "<comm>" (not for group ids) and the id in the tracer's pid
// namespace when it differs. Nothing when the process is unknown.
func (c *Ctx) pidNote(pid int64, group bool) {
	if !pidComm && !pidNS || pid <= 0 {
		return
	}
	own, ok := translatePid(c.Pid, pid)
	if !ok {
		return
	}
	if pidComm && !group {
		c.Out = AppendComm(c.Out, int(own))
	}
	if pidNS && own != pid {
		c.Str(" /* ")
		c.Int(own)
		c.Str(" in strace's PID NS */")
	}
}

// pidNamespace returns the inode of the pid namespace of process pid.
func pidNamespace(pid int) (uint64, bool) {
	var st unix.Stat_t
	if err := unix.Stat("/proc/"+strconv.Itoa(pid)+"/ns/pid", &st); err != nil {
		return 0, false
	}
	return st.Ino, true
}

// nsPids returns the NSpid line of /proc/PID/status: the process's id
// in each pid namespace from the outermost to its own.
func nsPids(pid string) []string {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return nil
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "NSpid:"); ok {
			return strings.Fields(rest)
		}
	}
	return nil
}

// translatePid maps pid, an id in tracee's pid namespace, to the
// tracer's namespace. In the tracer's own namespace that is pid itself;
// otherwise the process is looked up by its NSpid entries in /proc.
func translatePid(tracee int, pid int64) (int64, bool) {
	ns, ok := pidNamespace(tracee)
	own, ownOK := pidNamespace(os.Getpid())
	if !ok || !ownOK || ns == own {
		return pid, true
	}
	level := len(nsPids(strconv.Itoa(tracee))) - 1
	if level < 1 {
		return 0, false
	}
	want := strconv.FormatInt(pid, 10)
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, false
	}
	for _, e := range entries {
		n, err := strconv.ParseInt(e.Name(), 10, 64)
		if err != nil {
			continue
		}
		ids := nsPids(e.Name())
		if len(ids) <= level || ids[level] != want {
			continue
		}
		// A process of a sibling namespace at the same depth can
		// have the same number there: its namespace must be the
		// tracee's.
		if len(ids)-1 == level {
			if cand, ok := pidNamespace(int(n)); !ok || cand != ns {
				continue
			}
		}
		return n, true
	}
	return 0, false
}

// AppendComm appends "<comm>" read from /proc/PID/comm, or nothing
// when pid is not a live (or zombie) process.
func AppendComm(dst []byte, pid int) []byte {
	if pid <= 0 {
		return dst
	}
	var path [32]byte
	p := append(path[:0], "/proc/"...)
	p = strconv.AppendInt(p, int64(pid), 10)
	p = append(p, "/comm"...)
	fd, err := unix.Open(string(p), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return dst
	}
	var buf [64]byte
	n, err := unix.Read(fd, buf[:])
	_ = unix.Close(fd)
	if err != nil || n <= 0 {
		return dst
	}
	comm := buf[:n]
	if comm[len(comm)-1] == '\n' {
		comm = comm[:len(comm)-1]
	}
	dst = append(dst, '<')
	dst = append(dst, comm...)
	return append(dst, '>')
}
