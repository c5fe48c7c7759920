package main

import (
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/common/sysent"
)

func setOptions(pid, opts int) error { return ptrace.SetOptions(pid, opts) }

// seccompFilter builds the filter that makes only the traced system calls
// (and execve, which the tracer must see) stop the tracee. It returns nil
// when every call is traced.
func seccompFilter(set *syscallSet) []unix.SockFilter {
	var nrs []uint32
	for nr, on := range set {
		if on || nr == nrExecve || nr == nrExecveat {
			nrs = append(nrs, uint32(nr))
		}
	}
	if len(nrs) >= sysent.Max {
		return nil
	}
	const (
		retAllow = 0x7fff0000 // SECCOMP_RET_ALLOW
		retTrace = 0x7ff00000 // SECCOMP_RET_TRACE
	)
	prog := []bpf.Instruction{
		bpf.LoadAbsolute{Off: 4, Size: 4}, // seccomp_data.arch
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0xc000003e, SkipTrue: 1},
		bpf.RetConstant{Val: retTrace},    // other ABIs: always stop
		bpf.LoadAbsolute{Off: 0, Size: 4}, // seccomp_data.nr
	}
	for i, nr := range nrs {
		// Jump to the final RET TRACE: it sits after the remaining
		// comparisons and the RET ALLOW.
		prog = append(prog, bpf.JumpIf{Cond: bpf.JumpEqual, Val: nr, SkipTrue: uint8(len(nrs) - i)})
	}
	prog = append(prog, bpf.RetConstant{Val: retAllow}, bpf.RetConstant{Val: retTrace})
	if len(nrs) > 250 {
		return nil // jump offsets would not fit
	}
	raw, err := bpf.Assemble(prog)
	if err != nil {
		return nil
	}
	out := make([]unix.SockFilter, len(raw))
	for i, r := range raw {
		out[i] = unix.SockFilter{Code: r.Op, Jt: r.Jt, Jf: r.Jf, K: r.K}
	}
	return out
}
