// Package ptrace is a small Linux ptrace engine for x86_64: it starts a
// program stopped before its execve (through a re-executed trampoline),
// seizes running processes, waits for stops and classifies them, reads
// system call information, signal information and tracee memory, and
// resumes or detaches tracees.
//
// ptrace requests are only valid from the thread that attached, so every
// function here must be called from one goroutine locked to its OS thread
// (see LockThread). wait4 may be called from that same thread; nothing here
// starts goroutines.
package ptrace

import (
	"fmt"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Options set on every seized tracee.
const (
	OptSysGood   = unix.PTRACE_O_TRACESYSGOOD
	OptExec      = unix.PTRACE_O_TRACEEXEC
	OptExit      = unix.PTRACE_O_TRACEEXIT
	OptFork      = unix.PTRACE_O_TRACEFORK
	OptVfork     = unix.PTRACE_O_TRACEVFORK
	OptClone     = unix.PTRACE_O_TRACECLONE
	OptSeccomp   = unix.PTRACE_O_TRACESECCOMP
	OptExitKill  = unix.PTRACE_O_EXITKILL
	OptFollowAll = OptFork | OptVfork | OptClone
)

// LockThread pins the calling goroutine to its OS thread for the rest of
// the program: every ptrace request must come from that thread.
func LockThread() { runtime.LockOSThread() }

func ptrace(req, pid int, addr, data uintptr) (uintptr, error) {
	r, _, e := unix.RawSyscall6(unix.SYS_PTRACE, uintptr(req), uintptr(pid), addr, data, 0, 0)
	if e != 0 {
		return 0, e
	}
	return r, nil
}

// Seize attaches to pid without stopping it.
func Seize(pid, options int) error {
	if _, err := ptrace(unix.PTRACE_SEIZE, pid, 0, uintptr(options)); err != nil {
		return fmt.Errorf("PTRACE_SEIZE pid %d: %w", pid, err)
	}
	return nil
}

// Interrupt stops a seized tracee (it reports a PTRACE_EVENT_STOP).
func Interrupt(pid int) error {
	if _, err := ptrace(unix.PTRACE_INTERRUPT, pid, 0, 0); err != nil {
		return fmt.Errorf("PTRACE_INTERRUPT pid %d: %w", pid, err)
	}
	return nil
}

// Syscall resumes pid until its next system call entry or exit,
// delivering signal sig (0 for none).
func Syscall(pid, sig int) error {
	_, err := ptrace(unix.PTRACE_SYSCALL, pid, 0, uintptr(sig))
	return err
}

// Cont resumes pid without system call stops, delivering sig.
func Cont(pid, sig int) error {
	_, err := ptrace(unix.PTRACE_CONT, pid, 0, uintptr(sig))
	return err
}

// Listen leaves a group-stopped seized tracee stopped while letting it
// report later events (SIGCONT).
func Listen(pid int) error {
	_, err := ptrace(unix.PTRACE_LISTEN, pid, 0, 0)
	return err
}

// Detach releases pid, delivering sig.
func Detach(pid, sig int) error {
	_, err := ptrace(unix.PTRACE_DETACH, pid, 0, uintptr(sig))
	return err
}

// EventMsg returns the PTRACE_GETEVENTMSG value (new pid on fork events,
// former thread id on exec, exit status on exit events).
func EventMsg(pid int) (uint64, error) {
	var msg uint64
	_, err := ptrace(unix.PTRACE_GETEVENTMSG, pid, 0, uintptr(unsafe.Pointer(&msg)))
	return msg, err
}

// SetRegs and GetRegs move the general purpose registers.
func GetRegs(pid int, regs *unix.PtraceRegs) error {
	_, err := ptrace(unix.PTRACE_GETREGS, pid, 0, uintptr(unsafe.Pointer(regs)))
	return err
}

// SetRegs writes the general purpose registers of pid.
func SetRegs(pid int, regs *unix.PtraceRegs) error {
	_, err := ptrace(unix.PTRACE_SETREGS, pid, 0, uintptr(unsafe.Pointer(regs)))
	return err
}

// SetOptions replaces the ptrace options of pid.
func SetOptions(pid, options int) error {
	_, err := ptrace(unix.PTRACE_SETOPTIONS, pid, 0, uintptr(options))
	return err
}
