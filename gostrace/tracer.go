package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/gostrace/decode"
	"github.com/goclues/goclues/gostrace/unwind"
)

// proc is the tracer's view of one traced thread.
type proc struct {
	pid         int
	hidden      bool // trampoline before its execve: print nothing
	inSyscall   bool
	skip        bool // current call is filtered out
	printed     int  // arguments printed at entry
	unfinished  bool // the entry line was closed with <unfinished ...>
	ctx         decode.Ctx
	out         *output
	entry       time.Time
	stime       time.Duration // system time at entry (for -c)
	attached    bool          // attached with -p
	line        []byte        // buffered line for -z/-Z/status filtering
	inject      *injection    // rule applied to the current call
	seccomp     bool          // stops come from the seccomp filter
	fresh       bool          // created by a fork event, not yet reported
	execs       int           // exec events seen (-b execve spares the first)
	restartName string        // call interrupted with ERESTART_RESTARTBLOCK
	stack       unwind.Thread // -k: cached mappings, stack captured at entry
	comm        []byte        // "<comm>" of the [pid N<comm>] prefix (-Y), loaded when first needed
	failedExec  bool          // the command's execve failed: hide the rest
	delay       time.Duration // inject delay to hold this stop for
	quietExit   bool          // the current filtered call's exit needs no syscall info
	poked       bool          // an inject rule wrote into the current call's arguments
}

// tracer runs the event loop: one wait4 report at a time, decoded and
// printed, then the tracee is resumed.
type tracer struct {
	opt      *options
	procs    map[int]*proc
	out      *output
	outs     []*output
	dcfg     decode.Config
	clock    clock
	child    int // pid of the spawned command, 0 with -p only
	exitCode int
	exitSig  int
	info     ptrace.SyscallInfo
	si       ptrace.Siginfo
	live     int // processes counted for the [pid N] prefix
	stats    *stats
	ru       unix.Rusage
	ptraceOp int
	unwind   *unwind.Unwinder   // -k, nil otherwise
	seccomp  bool               // the spawned command runs under a seccomp filter
	eager    bool               // output shares stderr with tracees: flush before resuming
	io       *ioDumper          // -e read=/write= dumps
	ipInfo   ptrace.SyscallInfo // -i: the registers of the stop being printed
	// queue holds reports taken from wait4 and not yet handled.
	queue []waited
	// delayed are tracees held stopped by inject delays.
	delayed []delayedProc
	// held is a tracee kept stopped for detachAll after the tracer was
	// interrupted (holdForInterrupt).
	held *proc
	// lightSpawn: the command was started by the stub trampoline, which
	// leaves reporting a failed execve to the tracer.
	lightSpawn bool
}

func newTracer(opt *options, out *output) *tracer {
	t := &tracer{opt: opt, procs: make(map[int]*proc), out: out, outs: []*output{out}}
	t.dcfg = decode.Config{StrLen: opt.strLen, Escape: opt.escape, DecodeFDs: opt.decodeFDs, XlatStyle: opt.xlat}
	t.clock = clock{format: opt.absFormat, prec: opt.absPrec, relative: opt.relative, relPrec: opt.relPrec}
	t.unwind = newStackTracer(opt)
	t.eager = out.f == os.Stderr
	t.ptraceOp = ptrace.OptSysGood | ptrace.OptExec | ptrace.OptExit
	if opt.follow > 0 {
		t.ptraceOp |= ptrace.OptFollowAll
	}
	if opt.count > 0 {
		t.stats = newStats(opt)
	}
	if opt.readFDs != nil || opt.writeFDs != nil {
		t.io = &ioDumper{}
	}
	return t
}

func (t *tracer) addProc(pid int) *proc {
	p := &proc{pid: pid, out: t.out}
	p.ctx.Cfg = &t.dcfg
	p.ctx.Pid = pid
	if t.opt.follow > 1 && t.opt.outName != "" {
		// -A appends to the per-process files too.
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if t.opt.appendOut {
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		}
		f, err := os.OpenFile(t.opt.outName+"."+strconv.Itoa(pid), flags, 0o666)
		if err != nil {
			// Fatal, as in strace: the tracer leaves, the kernel
			// releases its tracees.
			t.msg("Can't fopen '%s.%d': %s", t.opt.outName, pid, errnoText(err))
			t.flush()
			os.Exit(1)
		} else {
			p.out = &output{f: f, ff: true}
			t.outs = append(t.outs, p.out)
		}
	}
	t.procs[pid] = p
	return p
}

// msg prints "PROG: text" on stderr after flushing trace output.
func (t *tracer) msg(format string, args ...any) {
	t.flush()
	fmt.Fprintf(os.Stderr, "%s: %s\n", progName, fmt.Sprintf(format, args...))
}

func (t *tracer) flush() {
	for _, o := range t.outs {
		o.flush()
	}
}

// flushThreshold is how much trace output a file output gathers before
// it is written while tracees are running.
const flushThreshold = 16 << 10

// loop processes reports until no tracee is left.
func (t *tracer) loop() {
	var ru *unix.Rusage
	if t.stats != nil {
		ru = &t.ru
	}
	for len(t.procs) > 0 {
		if interrupted.Load() {
			t.detachAll()
			return
		}
		if !t.eager && len(t.out.buf) >= flushThreshold {
			// A file gets its output in big blocks.
			t.flush()
		}
		var st ptrace.Stop
		var err error
		if len(t.delayed) > 0 {
			// Tracees held by inject delays: look for reports without
			// blocking and let the held ones go when their time is up.
			next := t.resumeDue()
			if next > 0 {
				var ok bool
				st, ok, err = ptrace.Wait(-1, true, ru)
				if err == nil && !ok {
					t.flush()
					time.Sleep(min(next, 200*time.Microsecond))
					continue
				}
			} else {
				st, _, err = ptrace.Wait(-1, false, ru)
			}
		} else {
			st, _, err = ptrace.Wait(-1, false, ru)
		}
		if err != nil {
			if err == unix.ECHILD {
				return
			}
			t.msg("wait4(__WALL): %v", ptrace.ErrnoText(err))
			return
		}
		if len(t.procs) > 1 {
			// As strace does, take every report that is ready now and
			// handle them in that order before waiting again: a tracee
			// that stops again at once does not overtake the others.
			t.queue = append(t.queue[:0], waited{st, t.ru})
			t.drain(ru != nil)
			for len(t.queue) > 0 && !interrupted.Load() {
				w := t.queue[0]
				t.queue = t.queue[1:]
				t.ru = w.ru
				t.handle(w.st)
			}
			continue
		}
		t.handle(st)
	}
	t.flush()
}

// waited is a wait4 report kept in the queue with the resource usage
// that came with it (for -c).
type waited struct {
	st ptrace.Stop
	ru unix.Rusage
}

// drain appends to the queue every report that is ready without waiting.
func (t *tracer) drain(withRusage bool) {
	for {
		var w waited
		var ru *unix.Rusage
		if withRusage {
			ru = &w.ru
		}
		st, ok, err := ptrace.Wait(-1, true, ru)
		if err != nil || !ok {
			return
		}
		w.st = st
		t.queue = append(t.queue, w)
	}
}

func (t *tracer) handle(st ptrace.Stop) {
	p := t.procs[st.Pid]
	if p == nil {
		if st.Kind == ptrace.KindExited || st.Kind == ptrace.KindKilled {
			return // a helper child of ours (wake-up, -o |cmd)
		}
		// A new child that reported before its parent's fork event.
		p = t.newChild(st.Pid, nil)
	}
	if p.fresh {
		t.firstStop(p)
	}
	switch st.Kind {
	case ptrace.KindSyscall, ptrace.KindSeccomp:
		t.syscallStop(p)
	case ptrace.KindSignal:
		t.signalStop(p, st.Sig)
	case ptrace.KindGroupStop:
		if !p.hidden && t.showSignal(st.Sig) && !t.opt.quietSignals() {
			t.begin(p)
			t.printf(p, "--- stopped by %s ---\n", decode.SignalName(st.Sig))
			t.stackAfterLine(p)
			t.end(p)
		}
		if p.hidden {
			_ = ptrace.Syscall(p.pid, 0)
		} else {
			_ = ptrace.Listen(p.pid)
		}
	case ptrace.KindFork:
		msg, _ := ptrace.EventMsg(p.pid)
		if t.procs[int(msg)] == nil {
			t.newChild(int(msg), p)
		}
		t.resume(p, 0)
	case ptrace.KindExit:
		// About to die: a call it is in ends here, as strace shows it.
		if !p.hidden {
			t.endUnfinished(p)
		}
		t.resume(p, 0)
	case ptrace.KindExited, ptrace.KindKilled:
		t.exited(p, st)
	case ptrace.KindExec:
		if msg, err := ptrace.EventMsg(p.pid); err == nil && int(msg) != p.pid {
			p = t.threadExeced(p, int(msg))
		}
		if t.opt.detachOnExec && (p.pid != t.child || p.execs > 0) {
			t.detachExeced(p)
			return
		}
		p.execs++
		p.comm = nil
		t.resume(p, 0)
	default: // event stops: attach, exec, exit, new child's first stop
		t.resume(p, 0)
	}
}

// newChild registers a process created by a traced parent. It is
// announced at its first stop, as strace does.
func (t *tracer) newChild(pid int, parent *proc) *proc {
	c := t.addProc(pid)
	c.fresh = true
	if parent != nil {
		c.seccomp = parent.seccomp
		c.hidden = parent.hidden
	}
	return c
}

// firstStop announces a new child when it reports for the first time.
func (t *tracer) firstStop(p *proc) {
	p.fresh = false
	if p.hidden {
		return
	}
	t.live++
	// strace announces followed children only on a terminal-bound
	// stderr trace, never with -o.
	if !t.opt.quietAttach() && t.opt.outName == "" {
		t.msgRaw(fmt.Sprintf("%s: Process %d attached\n", progName, p.pid))
	}
}

// msgRaw writes straight to stderr without closing an open line (strace
// writes these notices unbuffered in the middle of lines).
func (t *tracer) msgRaw(s string) {
	if t.out.f == os.Stderr {
		t.out.buf = append(t.out.buf, s...)
		t.out.flush()
		return
	}
	t.flush()
	_, _ = os.Stderr.WriteString(s)
}

func (t *tracer) resume(p *proc, sig int) {
	if t.eager {
		// The tracee may write to the same stream: what strace would
		// have written by now must be out before it runs.
		t.out.flush()
	}
	var err error
	if p.seccomp && !p.inSyscall {
		err = ptrace.Cont(p.pid, sig)
	} else {
		err = ptrace.Syscall(p.pid, sig)
	}
	if err != nil && err != unix.ESRCH {
		t.msg("ptrace(PTRACE_SYSCALL, %d): %v", p.pid, ptrace.ErrnoText(err))
	}
}

func (t *tracer) prefix(p *proc) {
	o := p.out
	switch {
	case o.ff:
	case t.opt.outName != "" && t.opt.follow > 0:
		o.buf = strconv.AppendInt(o.buf, int64(p.pid), 10)
		if t.opt.pidComm {
			// With a command name the pid is not padded.
			o.buf = append(o.buf, t.comm(p)...)
		} else {
			for n := len(strconv.Itoa(p.pid)); n < 5; n++ {
				o.buf = append(o.buf, ' ')
			}
		}
		o.buf = append(o.buf, ' ')
	case t.live > 1:
		o.buf = append(o.buf, "[pid "...)
		o.buf = appendPadded(o.buf, int64(p.pid), 5, ' ')
		if t.opt.pidComm {
			o.buf = append(o.buf, t.comm(p)...)
		}
		o.buf = append(o.buf, "] "...)
	}
	if t.clock.on() {
		o.buf = t.clock.append(o.buf, time.Now())
	}
	if t.opt.syscallNumber {
		// -n: the number of the last system call the process entered.
		o.buf = append(o.buf, '[')
		o.buf = appendPadded(o.buf, int64(p.ctx.Nr), 4, ' ')
		o.buf = append(o.buf, "] "...)
	}
	if t.opt.instrPointer {
		// -i: where the process is stopped; unknown once it is gone.
		if err := ptrace.GetSyscallInfo(p.pid, &t.ipInfo); err != nil {
			o.buf = append(o.buf, "[????????????????] "...)
		} else {
			o.buf = append(o.buf, '[')
			o.buf = appendHex16(o.buf, t.ipInfo.IP)
			o.buf = append(o.buf, "] "...)
		}
	}
}

// comm returns the "<comm>" of p's prefix, read once and again after
// each exec. The spawned command before its first exec is the tracer's
// copy of itself (strace's forked child): it carries the tracer's name.
func (t *tracer) comm(p *proc) []byte {
	if p.comm == nil {
		pid := p.pid
		if pid == t.child && p.execs == 0 {
			pid = os.Getpid()
		}
		p.comm = decode.AppendComm(make([]byte, 0, 18), pid)
	}
	return p.comm
}

// appendHex16 appends v as 16 lowercase hex digits.
func appendHex16(dst []byte, v uint64) []byte {
	for shift := 60; shift >= 0; shift -= 4 {
		dst = append(dst, hexDigits[v>>uint(shift)&15])
	}
	return dst
}

// begin starts a new line for p, closing any other open line.
func (t *tracer) begin(p *proc) {
	o := p.out
	o.interrupt(p)
	o.col = len(o.buf)
	t.prefix(p)
}

func (t *tracer) end(p *proc) {
	p.out.owner = nil
	if len(p.out.buf) > 1<<16 {
		p.out.flush()
	}
}

func (t *tracer) printf(p *proc, format string, args ...any) {
	p.out.buf = fmt.Appendf(p.out.buf, format, args...)
}

func (t *tracer) exited(p *proc, st ptrace.Stop) {
	delete(t.procs, p.pid)
	t.forgetDelayed(p)
	if p.pid == t.child {
		if st.Kind == ptrace.KindExited {
			t.exitCode = st.Status
		} else {
			t.exitSig = st.Sig
		}
	}
	if p.hidden {
		if p.pid == t.child && t.lightSpawn && t.seccomp && st.Kind == ptrace.KindExited && st.Status != 0 {
			// The stub could not install the seccomp filter; its exit
			// status is the errno.
			t.msg("%s", ptrace.SeccompError(st.Status))
			t.exitCode = 1
		}
		return
	}
	t.endUnfinished(p)
	if t.opt.json {
		if st.Kind == ptrace.KindExited {
			t.jsonEvent(p, "exited", "status", st.Status)
		} else {
			t.jsonEvent(p, "killed", "signal", decode.SignalName(st.Sig), "core_dumped", st.Core)
		}
	} else if !t.opt.quietExit() && t.opt.count != 1 {
		t.begin(p)
		if st.Kind == ptrace.KindExited {
			t.printf(p, "+++ exited with %d +++\n", st.Status)
		} else if st.Core {
			t.printf(p, "+++ killed by %s (core dumped) +++\n", decode.SignalName(st.Sig))
		} else {
			t.printf(p, "+++ killed by %s +++\n", decode.SignalName(st.Sig))
		}
		t.end(p)
	}
	t.stackGone(p)
	t.live--
	if p.out.ff {
		p.out.flush()
		_ = p.out.f.Close()
	}
}

// endUnfinished completes the line of a call p will never return from
// ("= ?"), at its PTRACE_EVENT_EXIT stop or, without one, at its death.
func (t *tracer) endUnfinished(p *proc) {
	if !p.inSyscall {
		return
	}
	p.inSyscall = false
	if p.skip || t.opt.count == 1 {
		return
	}
	o := p.out
	if t.opt.bufferLines() {
		// -e status=unfinished shows the held-back line, completed.
		if !t.opt.json && t.opt.status["unfinished"] {
			t.begin(p)
			o.buf = append(o.buf, p.line...)
			o.buf = append(o.buf, ')')
			t.pad(p)
			o.buf = append(o.buf, "= ?\n"...)
			t.end(p)
		}
		return
	}
	if o.owner == p {
		if decode.Pending(&p.ctx, p.printed) {
			o.buf = append(o.buf, " <unfinished ...>"...)
		}
		o.buf = append(o.buf, ')')
		t.pad(p)
		o.buf = append(o.buf, "= ?\n"...)
		o.owner = nil
	} else if !t.opt.quietExit() {
		t.begin(p)
		o.buf = append(o.buf, "<... "...)
		o.buf = append(o.buf, sysent.Name(p.ctx.Nr)...)
		o.buf = append(o.buf, " resumed>) "...)
		t.pad(p)
		o.buf = append(o.buf, "= ?\n"...)
	}
}

// threadExeced handles an execve by a thread other than the leader:
// the kernel gave the thread the leader's pid, and the leader is gone
// without a death report. The thread's record takes over the leader's
// pid and output (its -ff file), as in strace, which notes it with
// "+++ superseded by execve in pid OLD +++".
func (t *tracer) threadExeced(leader *proc, oldTid int) *proc {
	e := t.procs[oldTid]
	if e == nil {
		return leader
	}
	if e.out.owner == e {
		e.out.buf = append(e.out.buf, " <pid changed to "...)
		e.out.buf = strconv.AppendInt(e.out.buf, int64(leader.pid), 10)
		e.out.buf = append(e.out.buf, " ...>\n"...)
		e.out.owner = nil
	}
	if e.out.ff {
		e.out.flush()
		_ = e.out.f.Close()
	}
	e.out = leader.out
	delete(t.procs, oldTid)
	t.live--
	e.pid = leader.pid
	e.ctx.Pid = leader.pid
	e.comm = nil
	t.procs[e.pid] = e
	if t.opt.count != 1 && !t.opt.quietSet["thread-execve"] && !e.hidden {
		t.begin(e)
		e.out.buf = append(e.out.buf, "+++ superseded by execve in pid "...)
		e.out.buf = strconv.AppendInt(e.out.buf, int64(oldTid), 10)
		e.out.buf = append(e.out.buf, " +++\n"...)
		t.end(e)
	}
	return e
}

// pad moves the open line of p to the -a column before " = ".
func (t *tracer) pad(p *proc) {
	o := p.out
	col := len(o.buf) - o.col
	if col < t.opt.column {
		for ; col < t.opt.column; col++ {
			o.buf = append(o.buf, ' ')
		}
		return
	}
	o.buf = append(o.buf, ' ')
}

// detachExeced implements -b execve: a process that execs a new program
// is released; its execve line stays unfinished.
func (t *tracer) detachExeced(p *proc) {
	_ = ptrace.Detach(p.pid, 0)
	delete(t.procs, p.pid)
	t.live--
	if !t.opt.quietAttach() {
		t.msgRaw(fmt.Sprintf("%s: Process %d detached\n", progName, p.pid))
	}
	if p.out.owner == p {
		p.out.buf = append(p.out.buf, " <unfinished ...>\n"...)
		p.out.owner = nil
	}
}
