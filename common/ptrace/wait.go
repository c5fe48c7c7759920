package ptrace

import (
	"golang.org/x/sys/unix"
)

// StopKind classifies what wait4 reported for a tracee.
type StopKind int

// Kinds of reports.
const (
	KindSyscall   StopKind = iota // syscall-enter/exit-stop (TRACESYSGOOD)
	KindSignal                    // signal-delivery-stop
	KindGroupStop                 // PTRACE_EVENT_STOP for a stopping signal
	KindEventStop                 // PTRACE_EVENT_STOP after attach/interrupt/new child
	KindFork                      // PTRACE_EVENT_FORK/VFORK/CLONE; Msg is the new pid
	KindExec                      // PTRACE_EVENT_EXEC; Msg is the former tid
	KindExit                      // PTRACE_EVENT_EXIT; Msg is the wait status
	KindSeccomp                   // PTRACE_EVENT_SECCOMP
	KindVforkDone                 // PTRACE_EVENT_VFORK_DONE
	KindExited                    // the tracee exited (Status is the code)
	KindKilled                    // the tracee was killed by signal Sig
)

// Stop is one decoded wait4 report.
type Stop struct {
	Pid    int
	Kind   StopKind
	Sig    int  // stop signal, or terminating signal for KindKilled
	Core   bool // KindKilled: a core was dumped
	Status int  // KindExited: exit code
	Event  int  // raw PTRACE_EVENT_* for event stops
	Raw    unix.WaitStatus
}

// Wait blocks until any tracee (or child) changes state. pid -1 waits for
// all. EINTR is retried. With noHang it returns ok false at once when no
// report is ready. ru, when not nil, receives the reporting tracee's
// resource usage.
func Wait(pid int, noHang bool, ru *unix.Rusage) (s Stop, ok bool, err error) {
	var ws unix.WaitStatus
	flags := unix.WALL
	if noHang {
		flags |= unix.WNOHANG
	}
	for {
		p, err := unix.Wait4(pid, &ws, flags, ru)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return Stop{}, false, err
		}
		if p == 0 {
			return Stop{}, false, nil
		}
		return Classify(p, ws), true, nil
	}
}

// Classify decodes a raw wait status of pid.
func Classify(pid int, ws unix.WaitStatus) Stop {
	s := Stop{Pid: pid, Raw: ws}
	switch {
	case ws.Exited():
		s.Kind, s.Status = KindExited, ws.ExitStatus()
	case ws.Signaled():
		s.Kind, s.Sig, s.Core = KindKilled, int(ws.Signal()), ws.CoreDump()
	case ws.Stopped():
		s.Sig = int(ws.StopSignal())
		s.Event = int(ws) >> 16
		s.Kind = eventKinds[s.Event]
		switch {
		case s.Event == 0 && s.Sig == int(unix.SIGTRAP)|0x80:
			s.Kind, s.Sig = KindSyscall, 0
		case s.Event == 0:
			s.Kind = KindSignal
		case s.Event == unix.PTRACE_EVENT_STOP && isStopSignal(s.Sig):
			s.Kind = KindGroupStop
		}
	}
	return s
}

var eventKinds = map[int]StopKind{
	unix.PTRACE_EVENT_FORK:       KindFork,
	unix.PTRACE_EVENT_VFORK:      KindFork,
	unix.PTRACE_EVENT_CLONE:      KindFork,
	unix.PTRACE_EVENT_EXEC:       KindExec,
	unix.PTRACE_EVENT_EXIT:       KindExit,
	unix.PTRACE_EVENT_SECCOMP:    KindSeccomp,
	unix.PTRACE_EVENT_VFORK_DONE: KindVforkDone,
	unix.PTRACE_EVENT_STOP:       KindEventStop,
}

func isStopSignal(sig int) bool {
	switch unix.Signal(sig) {
	case unix.SIGSTOP, unix.SIGTSTP, unix.SIGTTIN, unix.SIGTTOU:
		return true
	}
	return false
}
