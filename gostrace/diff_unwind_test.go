package main

import (
	"strings"
	"testing"
)

// Differential cases for -k (stack traces): strace 6.1 built with
// libunwind is the reference; with ASLR off the frames are byte-stable.
func init() {
	diffCases = append(diffCases,
		diffCase{name: "k-true", flags: []string{"-k"}, cmd: []string{"true"}},
		diffCase{name: "k-cat", flags: []string{"-k"}, cmd: []string{"cat", "/etc/hostname"}},
		diffCase{name: "k-ls", flags: []string{"-k"}, cmd: []string{"ls", "/"}},
		diffCase{name: "k-calls", flags: []string{"-k"}, cmd: []string{"@unwind_calls"}},
		diffCase{name: "k-calls-trace", flags: []string{"--stack-traces", "-e", "trace=write,close,clock_getres,execve,exit_group"}, cmd: []string{"@unwind_calls"}},
		diffCase{name: "k-calls-C", flags: []string{"-C", "-k", "-e", "trace=write,getpid"}, cmd: []string{"@unwind_calls"}},
		diffCase{name: "k-calls-c", flags: []string{"-c", "-k", "-e", "trace=write"}, cmd: []string{"@unwind_calls"}},
		diffCase{name: "k-seccomp-bpf", flags: []string{"-f", "--seccomp-bpf", "-k", "-e", "trace=write,close"}, cmd: []string{"@unwind_calls"}},
		diffCase{name: "k-stop-f", flags: []string{"-f", "-k", "-e", "trace=none", "-e", "signal=SIGSTOP"}, cmd: []string{"@unwind_stop"}},
		diffCase{name: "k-fork-f", flags: []string{"-f", "-k", "-e", "trace=write,exit_group"}, cmd: []string{"@unwind_fork"}},
		diffCase{name: "k-sh-fork-f", flags: []string{"-f", "-k", "-e", "trace=execve,exit_group"}, cmd: []string{"sh", "-c", "ls / >/dev/null; exit 3"}},
		diffCase{name: "k-sh", flags: []string{"-k"}, cmd: []string{"sh", "-c", "echo hi"}},
	)
}

// TestVersionFeatures: -V names the optional features that are built
// in, in strace's words; the reference also lists m32-mpers and
// mx32-mpers, which gostrace does not decode.
func TestVersionFeatures(t *testing.T) {
	const want = "\nOptional features enabled: stack-trace=libunwind stack-demangle\n"
	if !strings.HasSuffix(versionText, want) {
		t.Errorf("-V text ends %q, want %q", versionText[strings.LastIndexByte(versionText[:len(versionText)-1], '\n'):], want)
	}
}
