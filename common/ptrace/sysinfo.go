package ptrace

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/unix"
)

// SyscallOp tells which kind of system call stop a SyscallInfo describes.
type SyscallOp uint8

// Values of SyscallInfo.Op (PTRACE_SYSCALL_INFO_*).
const (
	OpNone SyscallOp = iota
	OpEntry
	OpExit
	OpSeccomp
)

// auditArchX8664 is AUDIT_ARCH_X86_64, the arch of native 64-bit calls.
const auditArchX8664 = 0xc000003e

// SyscallInfo mirrors struct ptrace_syscall_info on x86_64.
type SyscallInfo struct {
	Op   SyscallOp
	_    [3]uint8
	Arch uint32
	IP   uint64
	SP   uint64
	// For OpEntry and OpSeccomp: Nr and Args. For OpExit the first two
	// words hold rval and is_error; use Rval and IsError.
	Nr      uint64
	Args    [6]uint64
	RetData uint32
	_       uint32
}

// Rval is the return value of an OpExit stop.
func (s *SyscallInfo) Rval() int64 { return int64(s.Nr) }

// IsError reports whether an OpExit stop returned an error.
func (s *SyscallInfo) IsError() bool { return s.Args[0]&0xff != 0 }

// Native reports whether the stop is a 64-bit x86_64 system call.
func (s *SyscallInfo) Native() bool { return s.Arch == auditArchX8664 }

// GetSyscallInfo fills info for a tracee in a system call stop.
func GetSyscallInfo(pid int, info *SyscallInfo) error {
	_, err := ptrace(unix.PTRACE_GET_SYSCALL_INFO, pid, unsafe.Sizeof(*info), uintptr(unsafe.Pointer(info)))
	if err != nil {
		return fmt.Errorf("PTRACE_GET_SYSCALL_INFO pid %d: %w", pid, err)
	}
	return nil
}

// Siginfo is the raw 128-byte siginfo_t with accessors for the fields
// strace prints.
type Siginfo [128]byte

func (s *Siginfo) i32(off int) int32 {
	return int32(uint32(s[off]) | uint32(s[off+1])<<8 | uint32(s[off+2])<<16 | uint32(s[off+3])<<24)
}

func (s *Siginfo) u64(off int) uint64 {
	return uint64(uint32(s.i32(off))) | uint64(uint32(s.i32(off+4)))<<32
}

// Signo, Errno and Code are the common header fields.
func (s *Siginfo) Signo() int { return int(s.i32(0)) }

// Errno is si_errno.
func (s *Siginfo) Errno() int { return int(s.i32(4)) }

// Code is si_code.
func (s *Siginfo) Code() int { return int(s.i32(8)) }

// Pid is si_pid (kill, sigqueue and SIGCHLD layouts).
func (s *Siginfo) Pid() int { return int(s.i32(16)) }

// UID is si_uid.
func (s *Siginfo) UID() uint32 { return uint32(s.i32(20)) }

// Status is si_status of SIGCHLD.
func (s *Siginfo) Status() int { return int(s.i32(24)) }

// Utime and Stime are SIGCHLD's clock ticks.
func (s *Siginfo) Utime() int64 { return int64(s.u64(32)) }

// Stime is si_stime.
func (s *Siginfo) Stime() int64 { return int64(s.u64(40)) }

// Addr is si_addr of fault signals.
func (s *Siginfo) Addr() uint64 { return s.u64(16) }

// Value is si_value (sigqueue and timer layouts).
func (s *Siginfo) Value() uint64 { return s.u64(24) }

// TimerID and Overrun are the POSIX timer fields.
func (s *Siginfo) TimerID() int { return int(s.i32(16)) }

// Overrun is si_overrun.
func (s *Siginfo) Overrun() int { return int(s.i32(20)) }

// Band and FD are SIGPOLL's fields.
func (s *Siginfo) Band() int64 { return int64(s.u64(16)) }

// FD is si_fd.
func (s *Siginfo) FD() int { return int(s.i32(24)) }

// CallAddr, Syscall and Arch are SIGSYS's fields.
func (s *Siginfo) CallAddr() uint64 { return s.u64(16) }

// Syscall is si_syscall.
func (s *Siginfo) Syscall() int { return int(s.i32(24)) }

// Arch is si_arch.
func (s *Siginfo) Arch() uint32 { return uint32(s.i32(28)) }

// GetSiginfo reads the siginfo of a tracee in signal-delivery-stop.
func GetSiginfo(pid int, si *Siginfo) error {
	_, err := ptrace(unix.PTRACE_GETSIGINFO, pid, 0, uintptr(unsafe.Pointer(si)))
	return err
}
