package ptrace

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// SingleStep resumes pid for one instruction, delivering sig; the tracee
// then reports a SIGTRAP signal-delivery-stop. Breakpoint tracers use it
// to execute the original instruction under a breakpoint.
func SingleStep(pid, sig int) error {
	_, err := ptrace(unix.PTRACE_SINGLESTEP, pid, 0, uintptr(sig))
	return err
}

// FPRegs is the x86_64 user_fpregs_struct (the FXSAVE area).
type FPRegs [512]byte

// XMM returns the low 64 bits of register xmm n (0-15), where a double
// argument or result travels.
func (f *FPRegs) XMM(n int) uint64 {
	off := 160 + 16*n
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(f[off+i])
	}
	return v
}

// GetFPRegs reads the floating point and SSE registers of pid.
func GetFPRegs(pid int, f *FPRegs) error {
	_, err := ptrace(unix.PTRACE_GETFPREGS, pid, 0, uintptr(unsafe.Pointer(f)))
	return err
}

// PokeText writes data at addr of pid with PTRACE_PEEKTEXT/POKETEXT, the
// way a debugger patches read-only code (no process_vm_writev attempt,
// which always fails on text pages).
func PokeText(pid int, addr uint64, data []byte) error {
	_, err := unix.PtracePokeText(pid, uintptr(addr), data)
	return err
}
