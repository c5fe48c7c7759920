package main

import (
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/gostrace/decode"
)

const (
	nrExecve         = 59
	nrExecveat       = 322
	nrExit           = 60
	nrExitGroup      = 231
	nrRestartSyscall = 219
	errRestartBlock  = 516
)

// syscallStop handles a syscall-enter or syscall-exit stop of p.
func (t *tracer) syscallStop(p *proc) {
	if p.inSyscall && p.skip && p.quietExit {
		// The exit stop of a call that prints nothing: resume at once,
		// as strace does for filtered calls, without asking for the
		// syscall info.
		p.inSyscall, p.quietExit = false, false
		t.stackExit(p.ctx.Nr)
		t.resume(p, 0)
		return
	}
	info := &t.info
	if err := ptrace.GetSyscallInfo(p.pid, info); err != nil {
		t.resume(p, 0)
		return
	}
	sig := 0
	switch info.Op {
	case ptrace.OpEntry, ptrace.OpSeccomp:
		t.enter(p, info)
	case ptrace.OpExit:
		if t.holdForInterrupt(p, info) {
			return
		}
		sig = t.exit(p, info)
	}
	if p.delay > 0 {
		t.hold(p, sig)
		return
	}
	t.resume(p, sig)
}

// restartBlockCalls can end with ERESTART_RESTARTBLOCK: their exit is
// read even when filtered, to name the call restart_syscall resumes.
var restartBlockCalls = map[int]bool{
	unix.SYS_NANOSLEEP: true, unix.SYS_CLOCK_NANOSLEEP: true, unix.SYS_POLL: true,
	unix.SYS_FUTEX: true, unix.SYS_RESTART_SYSCALL: true,
}

// isInterruption reports whether ret is an error a signal causes:
// EINTR or one of the kernel's restart codes.
func isInterruption(ret int64) bool {
	return ret == -int64(syscall.EINTR) || ret <= -512 && ret >= -errRestartBlock
}

func (t *tracer) enter(p *proc, info *ptrace.SyscallInfo) {
	nr := int(info.Nr)
	first := p.hidden
	if p.hidden {
		if nr != nrExecve && nr != nrExecveat {
			return
		}
		p.hidden = false
		t.live++
		if t.ptraceOp&^ptrace.OptSeccomp != ptrace.OptSysGood|ptrace.OptExec|ptrace.OptExit {
			_ = setOptions(p.pid, t.ptraceOp)
		}
	}
	c := &p.ctx
	c.Nr = nr
	c.Args = info.Args
	c.Resuming = ""
	if nr == nrRestartSyscall {
		// strace names the call it last saw; a process attached in
		// the middle of a call has seen none and gets call 0's name.
		c.Resuming = p.restartName
		if c.Resuming == "" {
			c.Resuming = sysent.Name(0)
		}
	}
	c.SP = info.SP
	c.Ret, c.Failed = 0, false
	p.inSyscall = true
	p.unfinished = false
	p.skip = p.failedExec || !t.opt.traced(nr) || !t.pathMatch(p)
	p.entry = time.Now()
	if len(t.opt.injects) > 0 {
		t.injectEntry(p)
	}
	if p.skip {
		// The exit of a filtered call needs nothing from the kernel
		// unless a rule, the summary or a restart can use its result.
		p.quietExit = p.inject == nil && t.stats == nil && !p.seccomp && !t.opt.json &&
			!restartBlockCalls[nr] && nr != nrExecve && nr != nrExecveat
		return
	}
	if t.stats != nil {
		p.stime = rusageStime(&t.ru)
		if t.opt.count == 1 {
			return
		}
	}
	t.stackEntry(p, nr, first)
	c.Verbose = t.opt.verbose(nr)
	c.NoDeref = !t.opt.verboseSet[nr]
	c.Out = c.Out[:0]
	p.printed = decode.EntryArgs(c, t.opt.raw(nr))
	if t.opt.bufferLines() {
		p.line = append(p.line[:0], c.Out...)
		if t.opt.json && (nr == nrExit || nr == nrExitGroup) {
			args := string(c.Out[len(sysent.Name(nr))+1:])
			t.jsonEvent(p, "syscall", "syscall", sysent.Name(nr), "args", splitArgs(args), "return", "?")
			p.skip = true
		}
		return
	}
	t.begin(p)
	p.out.buf = append(p.out.buf, c.Out...)
	p.out.owner = p
	if nr == nrExit || nr == nrExitGroup {
		// These never return: strace completes the line at once.
		p.out.buf = append(p.out.buf, ')')
		t.pad(p)
		p.out.buf = append(p.out.buf, "= ?\n"...)
		t.end(p)
		p.skip = true
	}
}

func (t *tracer) exit(p *proc, info *ptrace.SyscallInfo) (sig int) {
	if !p.inSyscall {
		return 0 // exit of a call entered before we attached
	}
	p.inSyscall = false
	t.stackExit(p.ctx.Nr)
	if p.hidden {
		return 0
	}
	c := &p.ctx
	c.Ret = info.Rval()
	c.Failed = info.IsError()
	if c.Failed && c.Ret == -errRestartBlock {
		p.restartName = sysent.Name(c.Nr)
	}
	if c.Failed && p.pid == t.child && p.execs == 0 && (c.Nr == nrExecve || c.Nr == nrExecveat) {
		defer t.execFailed(p, syscall.Errno(-c.Ret))
	}
	if p.inject != nil {
		sig = t.injectExit(p)
	}
	if p.skip {
		return sig
	}
	if t.stats != nil {
		d := rusageStime(&t.ru) - p.stime
		if t.opt.wallClock {
			d = time.Since(p.entry)
		}
		t.stats.add(c.Nr, c.Failed, d)
		if t.opt.count == 1 {
			return sig
		}
	}
	if !t.opt.statusShown(c.Failed) {
		return sig
	}
	o := p.out
	raw := t.opt.raw(c.Nr)
	c.Out = c.Out[:0]
	decode.ExitArgs(c, p.printed, raw)
	if t.opt.json {
		t.jsonSyscall(p, raw)
		return sig
	}
	switch {
	case t.opt.bufferLines():
		t.begin(p)
		o.buf = append(o.buf, p.line...)
	case o.owner != p:
		t.begin(p)
		o.buf = append(o.buf, "<... "...)
		o.buf = append(o.buf, sysent.Name(c.Nr)...)
		o.buf = append(o.buf, " resumed>"...)
	}
	o.buf = append(o.buf, c.Out...)
	t.pad(p)
	o.buf = append(o.buf, "= "...)
	c.Out = c.Out[:0]
	if c.Failed {
		appendError(c)
	} else {
		decode.Return(c, raw)
	}
	o.buf = append(o.buf, c.Out...)
	o.buf = t.appendInjectNote(o.buf, p)
	if t.opt.showTime {
		o.buf = appendDuration(o.buf, time.Since(p.entry), t.opt.timePrec)
	}
	o.buf = append(o.buf, '\n')
	t.stackAfterLine(p)
	if t.io != nil {
		t.dumpIO(p)
	}
	t.end(p)
	return sig
}

// execFailed handles the command's failed execve: strace's child prints
// "strace: exec: REASON" and exits 1, and its calls on the way out are
// not shown. The light trampoline leaves the message to the tracer.
func (t *tracer) execFailed(p *proc, errno syscall.Errno) {
	p.failedExec = true
	if t.lightSpawn {
		t.msg("exec: %s", ptrace.ErrnoText(errno))
	}
}

// appendError formats "-1 ENOENT (No such file or directory)" or, for
// restart codes, "? ERESTARTSYS (…)".
func appendError(c *decode.Ctx) {
	e := int(-c.Ret)
	name, ok := sysent.ErrnoName(e)
	if e >= 512 && e <= 530 {
		c.Str("? ")
	} else {
		c.Str("-1 ")
	}
	if !ok {
		c.Str("E??? (errno ")
		c.Int(int64(e))
		c.Str(")")
		return
	}
	c.Str(name)
	c.Str(" (")
	c.Str(sysent.ErrnoText(e))
	c.Str(")")
}
