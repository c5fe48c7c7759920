package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/goclues/goclues/common/ptrace"
)

// -D: the tracer runs as a detached grandchild and the command keeps the
// pid the user started. The original process starts a middle child,
// which starts the tracer and exits (so the tracer is reparented away
// from the command), then turns itself into the trampoline; the tracer
// seizes it once it has stopped.

// daemonEnv carries the stage ("1" middle, "2" tracer) and the pid of the
// process that becomes the command.
const daemonEnv = "GOSTRACE_DAEMON"

func daemonStage() (stage, pid int) {
	v, ok := os.LookupEnv(daemonEnv)
	if !ok {
		return 0, 0
	}
	s, p, _ := strings.Cut(v, ":")
	stage, _ = strconv.Atoi(s)
	pid, _ = strconv.Atoi(p)
	return stage, pid
}

func withoutDaemonEnv(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, daemonEnv+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// daemonize runs the first two stages; it returns ok false for the
// tracer stage, which goes on like a normal run.
func daemonize(opt *options) (code int, done bool) {
	stage, pid := daemonStage()
	switch stage {
	case 0:
		self := os.Getpid()
		env := append(os.Environ(), fmt.Sprintf("%s=1:%d", daemonEnv, self))
		mid, err := syscall.ForkExec("/proc/self/exe", os.Args, &syscall.ProcAttr{Env: env, Files: []uintptr{0, 1, 2}})
		if err != nil {
			return reportError(fmt.Errorf("fork: %w", err)), true
		}
		var ws syscall.WaitStatus
		for {
			if _, err := syscall.Wait4(mid, &ws, 0, nil); err != syscall.EINTR {
				break
			}
		}
		cfg, _, err := spawnConfig(opt)
		if err != nil {
			return reportError(err), true
		}
		err = ptrace.BecomeTrampoline(cfg)
		return reportError(fmt.Errorf("exec: %w", err)), true
	case 1:
		env := append(withoutDaemonEnv(os.Environ()), fmt.Sprintf("%s=2:%d", daemonEnv, pid))
		attr := &syscall.SysProcAttr{}
		switch {
		case opt.daemonize >= 3:
			attr.Setsid = true
		case opt.daemonize == 2:
			attr.Setpgid = true
		}
		if _, err := syscall.ForkExec("/proc/self/exe", os.Args, &syscall.ProcAttr{Env: env, Files: []uintptr{0, 1, 2}, Sys: attr}); err != nil {
			return reportError(fmt.Errorf("fork: %w", err)), true
		}
		return 0, true
	}
	return 0, false
}

// attachDaemonized seizes the original process once it has stopped.
func (t *tracer) attachDaemonized() error {
	_, pid := daemonStage()
	_, opts, err := spawnConfig(t.opt)
	if err != nil {
		return err
	}
	t.ptraceOp |= opts &^ (ptrace.OptSysGood | ptrace.OptExec | ptrace.OptExit)
	t.seccomp = opts&ptrace.OptSeccomp != 0
	if err := ptrace.SeizeStopped(pid, opts); err != nil {
		return err
	}
	if !t.opt.quietAttach() {
		t.msg("Process %d attached", pid)
	}
	t.child = pid
	p := t.addProc(pid)
	p.hidden = true
	p.seccomp = t.seccomp
	return nil
}
