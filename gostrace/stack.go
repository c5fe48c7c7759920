package main

import (
	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/gostrace/unwind"
)

// Stack traces (-k): after each printed call or signal strace prints the
// tracee's user stack. Calls that replace or end the process image
// (execve, exit) have their stack captured at entry instead; an exit's
// captured stack is printed when the process is gone.

// System calls that change memory mappings (strace's SI flag): their
// exit invalidates every cached /proc/PID/maps.
var remapsMemory = syscallsNamed("mmap", "mprotect", "munmap", "brk", "mremap", "shmat", "shmdt",
	"remap_file_pages", "pkey_mprotect", "execve", "execveat")

// System calls whose stack is captured at entry (strace's SE flag).
var stackAtEntry = syscallsNamed("execve", "execveat", "exit", "exit_group")

// syscallsNamed builds a set from system call names.
func syscallsNamed(names ...string) *syscallSet {
	var set syscallSet
	for _, name := range names {
		nr, ok := sysent.Number(name)
		if !ok {
			panic("gostrace: unknown system call " + name)
		}
		set[nr] = true
	}
	return &set
}

// newStackTracer returns the unwinder when -k is in effect.
func newStackTracer(opt *options) *unwind.Unwinder {
	if !opt.stackTraces || opt.count == 1 {
		return nil
	}
	return unwind.New()
}

// stackSyscalls adds to a seccomp filter's set the calls whose exit
// must be seen for the cached mappings to stay true (as strace does
// with -k): they stop the tracee but are not printed unless traced.
func stackSyscalls(opt *options, set *syscallSet) {
	if !opt.stackTraces {
		return
	}
	for nr, on := range remapsMemory {
		set[nr] = set[nr] || on
	}
}

// stackEntry captures the stack of a call that is printed later. The
// first execve of the spawned command (the one that makes it visible)
// is not captured: its stack is the new program's.
func (t *tracer) stackEntry(p *proc, nr int, first bool) {
	if t.unwind != nil && !first && nr >= 0 && nr < len(stackAtEntry) && stackAtEntry[nr] {
		t.unwind.Capture(&p.stack, p.pid)
	}
}

// stackExit invalidates the cached mappings after a call that changed
// them; it runs for every call, traced or not.
func (t *tracer) stackExit(nr int) {
	if t.unwind != nil && nr >= 0 && nr < len(remapsMemory) && remapsMemory[nr] {
		t.unwind.Invalidate()
	}
}

// stackAfterLine prints the stack of p after a completed line.
func (t *tracer) stackAfterLine(p *proc) {
	if t.unwind != nil {
		p.out.buf = t.unwind.Append(p.out.buf, &p.stack, p.pid)
	}
}

// stackGone prints a stack captured at entry of a call the process did
// not come back from.
func (t *tracer) stackGone(p *proc) {
	if t.unwind != nil {
		p.out.buf = t.unwind.Flush(p.out.buf, &p.stack)
	}
}
