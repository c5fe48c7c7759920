package ptrace

import (
	"errors"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ErrShortRead reports that only part of a requested range was readable.
var ErrShortRead = errors.New("short read from tracee memory")

// ReadMem copies len(buf) bytes at addr of pid into buf. Unlike ptrace
// peeks it needs one system call per read.
func ReadMem(pid int, addr uint64, buf []byte) (int, error) {
	if len(buf) == 0 {
		return 0, nil
	}
	local := unix.Iovec{Base: &buf[0], Len: uint64(len(buf))}
	remote := unix.RemoteIovec{Base: uintptr(addr), Len: len(buf)}
	n, _, e := unix.RawSyscall6(unix.SYS_PROCESS_VM_READV, uintptr(pid),
		uintptr(unsafe.Pointer(&local)), 1, uintptr(unsafe.Pointer(&remote)), 1, 0)
	if e != 0 {
		return 0, e
	}
	if int(n) < len(buf) {
		return int(n), ErrShortRead
	}
	return int(n), nil
}

const pageSize = 4096

// ReadString reads a NUL-terminated string of at most max bytes at addr
// into buf (reusing its storage) and reports whether the NUL was found
// within max bytes. Reads stop at page boundaries so that a string ending
// just before an unmapped page is still read.
func ReadString(pid int, addr uint64, max int, buf []byte) ([]byte, bool, error) {
	buf = buf[:0]
	for len(buf) < max {
		chunk := pageSize - int(addr%pageSize)
		if rest := max - len(buf); chunk > rest {
			chunk = rest
		}
		start := len(buf)
		if cap(buf)-start < chunk {
			nb := make([]byte, start, start+chunk+256)
			copy(nb, buf)
			buf = nb
		}
		buf = buf[:start+chunk]
		n, err := ReadMem(pid, addr, buf[start:])
		buf = buf[:start+n]
		for i := start; i < len(buf); i++ {
			if buf[i] == 0 {
				return buf[:i], true, nil
			}
		}
		if err != nil {
			return buf, false, err
		}
		addr += uint64(n)
	}
	return buf, false, nil
}

// ErrShortWrite reports that only part of a range could be written.
var ErrShortWrite = errors.New("short write to tracee memory")

// WriteMem copies data to addr in pid's memory with process_vm_writev,
// falling back to PTRACE_POKEDATA word by word for read-only mappings
// (as a debugger writes into text pages).
func WriteMem(pid int, addr uint64, data []byte) error {
	if len(data) == 0 {
		return nil
	}
	local := unix.Iovec{Base: &data[0], Len: uint64(len(data))}
	remote := unix.RemoteIovec{Base: uintptr(addr), Len: len(data)}
	n, _, e := unix.RawSyscall6(unix.SYS_PROCESS_VM_WRITEV, uintptr(pid),
		uintptr(unsafe.Pointer(&local)), 1, uintptr(unsafe.Pointer(&remote)), 1, 0)
	if e == 0 && int(n) == len(data) {
		return nil
	}
	if _, err := unix.PtracePokeData(pid, uintptr(addr), data); err != nil {
		return err
	}
	return nil
}
