// Command gostrace is a drop-in reimplementation of strace 6.1 for
// x86_64 Linux: it runs or attaches to processes, stops them at every
// system call through ptrace and prints each call with its decoded
// arguments and result in strace's format.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/gostrace/decode"
)

var progName = os.Args[0]

// interrupted is set by the signal goroutine; the event loop detaches.
var (
	interrupted atomic.Bool
	// watchingSignals: the tracer detaches on SIGINT/SIGTERM/… (-I 2).
	watchingSignals bool
	fatalSignal     atomic.Int32
)

// wakeEnv makes a copy of this binary exit at once: the signal goroutine
// starts one so that the tracer's blocking wait4 returns.
const wakeEnv = "GOSTRACE_WAKE"

func main() {
	if _, ok := os.LookupEnv(wakeEnv); ok {
		os.Exit(0)
	}
	ptrace.RunTrampoline()
	startIgnored = signalMask("self", "SigIgn")
	os.Exit(run(os.Args))
}

// startIgnored holds the signals this process was started with ignored,
// as far as the Go runtime left them so (it keeps SIGHUP and SIGINT
// ignored and takes over the others). The command gets them ignored too,
// as strace's child inherits them: "nohup strace cmd" protects cmd.
var startIgnored uint64

// signalMask ORs the signal mask lines named by fields (SigIgn, SigPnd,
// ShdPnd…) of /proc/PID/status; pid "self" is this process.
func signalMask(pid string, fields ...string) uint64 {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	var mask uint64
	for _, line := range strings.Split(string(b), "\n") {
		name, val, ok := strings.Cut(line, ":\t")
		if ok && slices.Contains(fields, name) {
			m, _ := strconv.ParseUint(val, 16, 64)
			mask |= m
		}
	}
	return mask
}

func run(argv []string) int {
	opt, err := parseOptions(argv)
	if err != nil {
		return reportError(err)
	}
	if opt.daemonize > 0 && len(opt.args) > 0 {
		if code, done := daemonize(opt); done {
			return code
		}
	}
	ptrace.LockThread()
	// Every tracee stop raises SIGCHLD; with the Go runtime's handler
	// installed each one would be delivered and handled. The default
	// action discards it in the kernel, as in strace.
	setSignalDefault(int(syscall.SIGCHLD))
	out, closeOut, err := openOutput(opt)
	if err != nil {
		return reportError(err)
	}
	t := newTracer(opt, out)
	if opt.pidComm || opt.pidNS {
		decode.DecodePids(opt.pidComm, opt.pidNS)
	}
	level := opt.interruptLevel()
	watchSignals(level)
	switch {
	case opt.daemonize > 0 && len(opt.args) > 0:
		if err := t.attachDaemonized(); err != nil {
			return reportError(err)
		}
	case len(opt.args) > 0:
		if err := t.spawn(); err != nil {
			return reportError(err)
		}
	}
	for _, pid := range opt.pids {
		if err := t.attach(pid); err != nil {
			t.msg("%v", err)
		}
	}
	if level >= intrNever {
		// Only now: the command must not inherit ignored signals.
		signal.Ignore(syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGPIPE)
		if level == intrNeverTstp {
			signal.Ignore(syscall.SIGTSTP)
		}
	}
	if len(t.procs) == 0 {
		printTip(opt.tips)
		return 1
	}
	t.loop()
	if t.stats != nil {
		out.buf = t.stats.report(out.buf)
	}
	t.flush()
	closeOut()
	printTip(opt.tips)
	if sig := int(fatalSignal.Load()); sig != 0 {
		dieBySignal(sig)
	}
	if t.exitSig != 0 {
		dieBySignal(t.exitSig)
	}
	return t.exitCode
}

func reportError(err error) int {
	var ue *usageError
	var fe *fatalError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(os.Stderr, "%s\nTry '%s -h' for more information.\n", ue.msg, progName)
	case errors.As(err, &fe):
		fmt.Fprintf(os.Stderr, "%s: %s\n", progName, fe.msg)
	default:
		fmt.Fprintf(os.Stderr, "%s: %v\n", progName, err)
	}
	return 1
}

// openOutput opens -o FILE or -o |CMD; the default is stderr.
func openOutput(opt *options) (*output, func(), error) {
	name := opt.outName
	switch {
	case name == "" || opt.follow > 1 && !strings.HasPrefix(name, "|") && !strings.HasPrefix(name, "!"):
		return &output{f: os.Stderr}, func() {}, nil
	case strings.HasPrefix(name, "|") || strings.HasPrefix(name, "!"):
		cmd := exec.Command("/bin/sh", "-c", name[1:])
		cmd.Args[0] = "sh" // as popen(3) runs it
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		w, err := cmd.StdinPipe()
		if err != nil {
			return nil, nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, nil, fatalf("Can't popen '%s': %s", name[1:], errnoText(err))
		}
		f := w.(*os.File)
		return &output{f: f}, func() { _ = f.Close(); _ = cmd.Wait() }, nil
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if opt.appendOut {
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(name, flags, 0o666)
	if err != nil {
		return nil, nil, fatalf("Can't fopen '%s': %s", name, errnoText(err))
	}
	return &output{f: f}, func() { _ = f.Close() }, nil
}

func errnoText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return ptrace.ErrnoText(err)
}

// watchSignals makes SIGINT, SIGTERM, SIGHUP and SIGQUIT detach the
// tracees: the handler sets a flag and wakes the event loop with a child
// that exits at once.
//
// With -I anywhere they keep their default action and kill the tracer;
// with never and never_tstp the caller ignores them once the command
// runs.
func watchSignals(level int) {
	switch level {
	case intrAnywhere:
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGPIPE} {
			setSignalDefault(int(sig))
		}
		return
	case intrNever, intrNeverTstp:
		return
	}
	watchingSignals = true
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGPIPE)
	go func() {
		sig := (<-ch).(syscall.Signal)
		fatalSignal.Store(int32(sig))
		interrupted.Store(true)
		_, _ = syscall.ForkExec("/proc/self/exe", []string{progName}, &syscall.ProcAttr{Env: []string{wakeEnv + "=1"}})
	}()
}

// setSignalDefault installs SIG_DFL for sig behind the runtime's back.
func setSignalDefault(sig int) {
	type sigaction struct {
		handler  uintptr
		flags    uint64
		restorer uintptr
		mask     uint64
	}
	var sa sigaction // SIG_DFL
	_, _, _ = unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(sig), uintptr(unsafe.Pointer(&sa)), 0, 8, 0, 0)
}

// dieBySignal ends the process with sig like strace: no core file,
// default action, signal raised at ourselves.
func dieBySignal(sig int) {
	_ = unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{})
	setSignalDefault(sig)
	mask := uint64(1) << (sig - 1)
	_, _, _ = unix.RawSyscall6(unix.SYS_RT_SIGPROCMASK, unix.SIG_UNBLOCK, uintptr(unsafe.Pointer(&mask)), 0, 8, 0, 0)
	_ = unix.Tgkill(unix.Getpid(), unix.Gettid(), unix.Signal(sig))
	os.Exit(128 + sig)
}

// spawnConfig describes the command's trampoline; it also returns the
// ptrace options the command is seized with.
func spawnConfig(opt *options) (ptrace.SpawnConfig, int, error) {
	path, err := resolveCommand(opt.args[0])
	if err != nil {
		return ptrace.SpawnConfig{}, 0, err
	}
	cfg := ptrace.SpawnConfig{Path: path, Argv: opt.args, Env: commandEnv(withoutDaemonEnv(os.Environ()), opt.env), UID: -1, GID: -1, Ignore: startIgnored,
		Options: ptrace.OptSysGood | ptrace.OptExec | ptrace.OptExit, Prog: progName}
	if opt.user != "" {
		cfg.UID, cfg.GID, cfg.Groups, err = lookupUser(opt.user)
		if err != nil {
			return cfg, 0, err
		}
	}
	// With a -e trace= filter only the traced calls need to stop the
	// command: a seccomp filter lets the others run at full speed
	// without changing the output (strace needs --seccomp-bpf for this).
	// Only with -f: an untraced child would inherit the filter and see
	// ENOSYS from every call it marks. Not with -n either: its prefix
	// shows the last call a process entered, traced or not.
	if opt.seccomp || !opt.traceAll && opt.follow > 0 && !opt.syscallNumber {
		set := opt.trace
		for _, inj := range opt.injects {
			for nr, on := range inj.set {
				set[nr] = set[nr] || on
			}
		}
		set[nrRestartSyscall] = true
		stackSyscalls(opt, &set)
		cfg.Seccomp = seccompFilter(&set)
		if cfg.Seccomp != nil {
			cfg.Options |= ptrace.OptSeccomp
		}
	}
	return cfg, cfg.Options, nil
}

// spawn starts the command stopped before its execve.
func (t *tracer) spawn() error {
	cfg, opts, err := spawnConfig(t.opt)
	if err != nil {
		return err
	}
	if opts&ptrace.OptSeccomp != 0 {
		t.ptraceOp |= ptrace.OptSeccomp
		t.seccomp = true
	}
	t.lightSpawn = cfg.Light()
	pid, err := ptrace.Spawn(cfg)
	if err != nil {
		var ee *ptrace.EarlyExitError
		if errors.As(err, &ee) {
			t.exitCode = ee.Status.ExitStatus()
			return nil
		}
		return err
	}
	t.child = pid
	p := t.addProc(pid)
	p.hidden = true
	p.seccomp = t.seccomp
	return nil
}

func commandEnv(env, changes []string) []string {
	for _, ch := range changes {
		name, _, set := strings.Cut(ch, "=")
		kept := env[:0:0]
		for _, kv := range env {
			if k, _, _ := strings.Cut(kv, "="); k != name {
				kept = append(kept, kv)
			}
		}
		env = kept
		if set {
			env = append(env, ch)
		}
	}
	return env
}

// attach seizes pid (and with -f all its threads).
func (t *tracer) attach(pid int) error {
	tids := []int{pid}
	if t.opt.follow > 0 {
		if entries, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid)); err == nil {
			tids = tids[:0]
			for _, e := range entries {
				var tid int
				if _, err := fmt.Sscan(e.Name(), &tid); err == nil {
					tids = append(tids, tid)
				}
			}
		}
	}
	attached := 0
	for _, tid := range tids {
		if err := ptrace.Attach(tid, t.ptraceOp); err != nil {
			if tid == pid {
				return fmt.Errorf("attach: ptrace(PTRACE_SEIZE, %d): %s", pid, errnoText(errors.Unwrap(err)))
			}
			continue
		}
		p := t.addProc(tid)
		p.attached = true
		t.live++
		attached++
	}
	if !t.opt.quietAttach() {
		if attached > 1 {
			t.msg("Process %d attached with %d threads", pid, attached)
		} else {
			t.msg("Process %d attached", pid)
		}
	}
	return nil
}

// detachAll releases every tracee after SIGINT/SIGTERM: each is
// interrupted, waited for and detached, so none is left stopped. A tracee
// the loop holds stopped (see holdForInterrupt) is detached at once.
func (t *tracer) detachAll() {
	killChild := func(p *proc) {
		if p.pid == t.child && !p.attached {
			_ = unix.Kill(p.pid, unix.Signal(fatalSignal.Load()))
		}
	}
	if p := t.held; p != nil {
		t.held = nil
		killChild(p)
		t.release(p, 0)
	}
	// Reports taken from wait4 but not handled: those tracees are
	// stopped already and will not stop again for an interrupt.
	for _, w := range t.queue {
		if p := t.procs[w.st.Pid]; p != nil {
			killChild(p)
			t.releaseStopped(p, w.st)
		}
	}
	t.queue = nil
	for _, d := range t.delayed {
		t.release(d.p, d.sig)
	}
	t.delayed = nil
	for pid, p := range t.procs {
		if p.pid == t.child && !p.attached {
			_ = unix.Kill(pid, unix.SIGCONT)
		}
		killChild(p)
		_ = ptrace.Interrupt(pid)
	}
	for len(t.procs) > 0 {
		st, _, err := ptrace.Wait(-1, false, nil)
		if err != nil {
			break
		}
		if p := t.procs[st.Pid]; p != nil {
			t.releaseStopped(p, st)
		}
	}
}

// releaseStopped detaches p, stopped as st reports (passing on a signal
// it was stopped to receive), or forgets it if st says it is gone.
func (t *tracer) releaseStopped(p *proc, st ptrace.Stop) {
	switch st.Kind {
	case ptrace.KindExited, ptrace.KindKilled:
		delete(t.procs, p.pid)
	case ptrace.KindSignal:
		t.release(p, st.Sig)
	default:
		t.release(p, 0)
	}
}

// release detaches the stopped tracee p, delivering sig.
func (t *tracer) release(p *proc, sig int) {
	_ = ptrace.Detach(p.pid, sig)
	delete(t.procs, p.pid)
	t.released(p)
}

// released prints what strace prints for a detached tracee: the notice,
// and " <detached ...>" closing the line of the call it was in.
func (t *tracer) released(p *proc) {
	o := p.out
	if !t.opt.quietAttach() && !p.hidden {
		t.msgRaw(fmt.Sprintf("%s: Process %d detached\n", progName, p.pid))
	}
	if o.owner == p {
		o.buf = append(o.buf, " <detached ...>\n"...)
		o.owner = nil
	} else if p.inSyscall && !p.skip && !p.hidden && t.opt.bufferLines() && !t.opt.json && t.opt.status["detached"] {
		// -e status=detached: the held-back line of the call the
		// process was in.
		t.begin(p)
		o.buf = append(o.buf, p.line...)
		o.buf = append(o.buf, " <detached ...>\n"...)
		t.end(p)
	}
}

// termSignals are the signals that make the tracer detach; a terminal
// sends them to the whole process group, tracer and tracees alike.
const termSignals = 1<<(syscall.SIGHUP-1) | 1<<(syscall.SIGINT-1) | 1<<(syscall.SIGQUIT-1) | 1<<(syscall.SIGTERM-1)

// holdForInterrupt decides whether a system call that a terminating
// signal interrupted was cut short by the tracer's own interruption: a
// terminal sends SIGINT to the whole process group. strace's handler runs
// before it sees the tracee's syscall-exit stop, so it detaches with the
// call unfinished; the Go runtime hands the tracer's signal to a
// goroutine, so the loop gives that goroutine a moment (at most 5 ms) to
// report. When it does, p is kept stopped (t.held) for detachAll and
// nothing of this stop is printed. (A tracee stopped for delivery of the
// signal outside a call is printed as strace prints it: "--- SIGINT".)
func (t *tracer) holdForInterrupt(p *proc, info *ptrace.SyscallInfo) bool {
	if !watchingSignals || p.hidden || !p.inSyscall ||
		!info.IsError() || !isInterruption(info.Rval()) || signalMask(strconv.Itoa(p.pid), "SigPnd", "ShdPnd")&termSignals == 0 {
		return false
	}
	for i := 0; i < 50 && !interrupted.Load(); i++ {
		time.Sleep(100 * time.Microsecond)
	}
	if !interrupted.Load() {
		return false
	}
	t.held = p
	return true
}
