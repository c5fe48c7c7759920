package decode

import (
	"encoding/binary"

	"github.com/goclues/goclues/common/sysent"
)

// ptrace(2): the request says which of pid, addr and data are printed
// and how (tracing a tracer, gostrace included, is mostly this).

var ptraceRequests = &Xlat{Vals: []Const{
	{0, "PTRACE_TRACEME"}, {1, "PTRACE_PEEKTEXT"}, {2, "PTRACE_PEEKDATA"}, {3, "PTRACE_PEEKUSER"},
	{4, "PTRACE_POKETEXT"}, {5, "PTRACE_POKEDATA"}, {6, "PTRACE_POKEUSER"}, {7, "PTRACE_CONT"},
	{8, "PTRACE_KILL"}, {9, "PTRACE_SINGLESTEP"}, {12, "PTRACE_GETREGS"}, {13, "PTRACE_SETREGS"},
	{14, "PTRACE_GETFPREGS"}, {15, "PTRACE_SETFPREGS"}, {16, "PTRACE_ATTACH"}, {17, "PTRACE_DETACH"},
	{18, "PTRACE_GETFPXREGS"}, {19, "PTRACE_SETFPXREGS"}, {24, "PTRACE_SYSCALL"}, {25, "PTRACE_GET_THREAD_AREA"},
	{26, "PTRACE_SET_THREAD_AREA"}, {30, "PTRACE_ARCH_PRCTL"}, {31, "PTRACE_SYSEMU"},
	{32, "PTRACE_SYSEMU_SINGLESTEP"}, {33, "PTRACE_SINGLEBLOCK"}, {0x4200, "PTRACE_SETOPTIONS"},
	{0x4201, "PTRACE_GETEVENTMSG"}, {0x4202, "PTRACE_GETSIGINFO"}, {0x4203, "PTRACE_SETSIGINFO"},
	{0x4204, "PTRACE_GETREGSET"}, {0x4205, "PTRACE_SETREGSET"}, {0x4206, "PTRACE_SEIZE"},
	{0x4207, "PTRACE_INTERRUPT"}, {0x4208, "PTRACE_LISTEN"}, {0x4209, "PTRACE_PEEKSIGINFO"},
	{0x420a, "PTRACE_GETSIGMASK"}, {0x420b, "PTRACE_SETSIGMASK"}, {0x420c, "PTRACE_SECCOMP_GET_FILTER"},
	{0x420d, "PTRACE_SECCOMP_GET_METADATA"}, {0x420e, "PTRACE_GET_SYSCALL_INFO"},
	{0x420f, "PTRACE_GET_RSEQ_CONFIGURATION"},
}, Unknown: "PTRACE_???"}

var ptraceOptions = &Xlat{Vals: []Const{
	bit(1, "PTRACE_O_TRACESYSGOOD"), bit(2, "PTRACE_O_TRACEFORK"), bit(4, "PTRACE_O_TRACEVFORK"),
	bit(8, "PTRACE_O_TRACECLONE"), bit(0x10, "PTRACE_O_TRACEEXEC"), bit(0x20, "PTRACE_O_TRACEVFORKDONE"),
	bit(0x40, "PTRACE_O_TRACEEXIT"), bit(0x80, "PTRACE_O_TRACESECCOMP"), bit(0x100000, "PTRACE_O_EXITKILL"),
	bit(0x200000, "PTRACE_O_SUSPEND_SECCOMP"),
}, Unknown: "PTRACE_O_???"}

var ptraceSyscallInfoOps = &Xlat{Vals: seq("PTRACE_SYSCALL_INFO_NONE", "PTRACE_SYSCALL_INFO_ENTRY",
	"PTRACE_SYSCALL_INFO_EXIT", "PTRACE_SYSCALL_INFO_SECCOMP"), Unknown: "PTRACE_SYSCALL_INFO_???"}

var auditArches = &Xlat{Vals: []Const{{0xc000003e, "AUDIT_ARCH_X86_64"}, {0x40000003, "AUDIT_ARCH_I386"}}, Unknown: "AUDIT_ARCH_???"}

var regsetTypes = &Xlat{Vals: []Const{
	{1, "NT_PRSTATUS"}, {2, "NT_FPREGSET"}, {3, "NT_PRPSINFO"}, {4, "NT_TASKSTRUCT"}, {6, "NT_AUXV"},
	{0x200, "NT_386_TLS"}, {0x201, "NT_386_IOPERM"}, {0x202, "NT_X86_XSTATE"},
}, Unknown: "NT_???"}

// ptraceForm is how a request's arguments print: none after the
// request, the pid only, or pid, addr and data.
type ptraceForm struct {
	argc int
	addr func(c *Ctx, v uint64)
	data func(c *Ctx, v uint64)
	// exit marks data the kernel fills (printed at exit).
	exit bool
}

var (
	ptraceNull   = func(c *Ctx, v uint64) { c.Addr(v) }
	ptraceSig    = func(c *Ctx, v uint64) { c.Signal(int(int32(v))) }
	ptraceOpts   = func(c *Ctx, v uint64) { c.Flags(ptraceOptions, v&0xffffffff) }
	ptraceHex    = func(c *Ctx, v uint64) { c.Hex(v) }
	ptraceWord   = func(c *Ctx, v uint64) { c.longPtr(v, true) }
	ptraceULong  = func(c *Ctx, v uint64) { c.longPtr(v, false) }
	ptraceSiginf = func(c *Ctx, v uint64) { c.siginfoAt(v) }
)

var ptraceForms = map[uint64]ptraceForm{
	0:      {argc: 0},
	1:      {argc: 3, addr: ptraceHex, data: ptraceWord, exit: true},
	2:      {argc: 3, addr: ptraceHex, data: ptraceWord, exit: true},
	3:      {argc: 3, addr: ptraceHex, data: ptraceWord, exit: true},
	4:      {argc: 3, addr: ptraceHex, data: ptraceHex},
	5:      {argc: 3, addr: ptraceHex, data: ptraceHex},
	6:      {argc: 3, addr: ptraceHex, data: ptraceHex},
	7:      {argc: 3, addr: ptraceNull, data: ptraceSig},
	8:      {argc: 1},
	9:      {argc: 3, addr: ptraceNull, data: ptraceSig},
	16:     {argc: 1},
	17:     {argc: 3, addr: ptraceNull, data: ptraceSig},
	24:     {argc: 3, addr: ptraceNull, data: ptraceSig},
	31:     {argc: 3, addr: ptraceNull, data: ptraceSig},
	32:     {argc: 3, addr: ptraceNull, data: ptraceSig},
	33:     {argc: 3, addr: ptraceNull, data: ptraceSig},
	0x4200: {argc: 3, addr: ptraceNull, data: ptraceOpts},
	0x4201: {argc: 3, addr: ptraceNull, data: ptraceULong, exit: true},
	0x4202: {argc: 3, addr: ptraceNull, data: ptraceSiginf, exit: true},
	0x4203: {argc: 3, addr: ptraceNull, data: ptraceSiginf},
	0x4206: {argc: 3, addr: ptraceNull, data: ptraceOpts},
	0x4207: {argc: 1},
	0x4208: {argc: 1},
	0x420e: {argc: 3, addr: func(c *Ctx, v uint64) { c.Uint(v) }, data: func(c *Ctx, v uint64) { c.syscallInfo(v) }, exit: true},
}

func ptraceFormOf(c *Ctx) ptraceForm {
	if f, ok := ptraceForms[c.Args[0]&0xffffffff]; ok {
		return f
	}
	if r := c.Args[0] & 0xffffffff; r == 0x4204 || r == 0x4205 {
		return ptraceForm{argc: 3, addr: func(c *Ctx, v uint64) { c.Value(regsetTypes, v) },
			data: func(c *Ctx, v uint64) { c.iovecAddrs(v, 1) }, exit: r == 0x4204}
	}
	return ptraceForm{argc: 3, addr: ptraceHex, data: ptraceHex}
}

// longPtr prints [value] of a long the kernel stored at addr.
func (c *Ctx) longPtr(addr uint64, hex bool) {
	var b [8]byte
	if addr == 0 || c.Failed || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Out = append(c.Out, '[')
	if hex {
		c.Hex(binary.LittleEndian.Uint64(b[:]))
	} else {
		c.Uint(binary.LittleEndian.Uint64(b[:]))
	}
	c.Out = append(c.Out, ']')
}

// siginfoAt prints a siginfo_t, or its address when the call failed.
func (c *Ctx) siginfoAt(addr uint64) {
	if c.Exiting && c.Failed {
		c.Addr(addr)
		return
	}
	i := 3
	saved := c.Args[i]
	c.Args[i] = addr
	SiginfoPtr(c, i)
	c.Args[i] = saved
}

// iovecAddrs prints an iovec array with its bases as addresses.
func (c *Ctx) iovecAddrs(addr uint64, n int) { c.remoteIovec(addr, n) }

// syscallInfo prints struct ptrace_syscall_info as far as the call
// filled it (its result is the size it wrote).
func (c *Ctx) syscallInfo(addr uint64) {
	var b [88]byte
	n := int(c.Ret)
	if n > len(b) {
		n = len(b)
	}
	if c.Failed || n < 24 || !c.readInto(addr, b[:n]) {
		c.Addr(addr)
		return
	}
	u64 := func(o int) uint64 { return binary.LittleEndian.Uint64(b[o:]) }
	op := uint64(b[0])
	c.Str("{op=")
	c.Value(ptraceSyscallInfoOps, op)
	c.Str(", arch=")
	c.Value(auditArches, uint64(binary.LittleEndian.Uint32(b[4:])))
	c.Str(", instruction_pointer=")
	c.Hex(u64(8))
	c.Str(", stack_pointer=")
	c.Hex(u64(16))
	args := func(o int) {
		c.Str("nr=")
		if name := sysent.Name(int(u64(o))); name != "" && u64(o) < uint64(sysent.Max) {
			c.Str("__NR_")
			c.Str(name)
		} else {
			c.Uint(u64(o))
		}
		c.Str(", args=[")
		for k := 0; k < 6; k++ {
			if k > 0 {
				c.Str(", ")
			}
			c.Hex(u64(o + 8 + 8*k))
		}
		c.Out = append(c.Out, ']')
	}
	switch {
	case op == 1 && n >= 80:
		c.Str(", entry={")
		args(24)
		c.Out = append(c.Out, '}')
	case op == 2 && n >= 33:
		c.Str(", exit={rval=")
		rval := int64(u64(24))
		if b[32] != 0 {
			if name, ok := sysent.ErrnoName(int(-rval)); ok {
				c.Out = append(c.Out, '-')
				c.Str(name)
			} else {
				c.Int(rval)
			}
		} else {
			c.Int(rval)
		}
		c.Str(", is_error=")
		c.Uint(uint64(b[32]))
		c.Out = append(c.Out, '}')
	case op == 3 && n >= 84:
		c.Str(", seccomp={")
		args(24)
		c.Str(", ret_data=")
		c.Uint(uint64(binary.LittleEndian.Uint32(b[80:])))
		c.Out = append(c.Out, '}')
	}
	c.Out = append(c.Out, '}')
}

func init() {
	argAt := func(k int) func(c *Ctx) bool {
		return func(c *Ctx) bool { return ptraceFormOf(c).argc >= k }
	}
	register(map[string]*Spec{
		"ptrace": {Args: []Arg{
			In(func(c *Ctx, i int) { c.Value(ptraceRequests, c.Args[i]&0xffffffff) }),
			{P: Int, If: argAt(1)},
			{P: func(c *Ctx, i int) { ptraceFormOf(c).addr(c, c.Args[i]) }, If: argAt(2)},
			{P: func(c *Ctx, i int) { ptraceFormOf(c).data(c, c.Args[i]) },
				If: func(c *Ctx) bool { f := ptraceFormOf(c); return f.argc >= 3 && !f.exit }},
			{P: func(c *Ctx, i int) { ptraceFormOf(c).data(c, c.Args[3]) }, Exit: true,
				If: func(c *Ctx) bool { f := ptraceFormOf(c); return f.argc >= 3 && f.exit }},
		}},
	})
}
