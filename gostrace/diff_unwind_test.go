package main

import (
	"os/exec"
	"path/filepath"
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

// TestStackTracesCxx compares -k on a C++ program, built with g++ when
// it is installed: demangled methods, constructors, destructors,
// operators, templates, lambdas and anonymous-namespace functions.
func TestStackTracesCxx(t *testing.T) {
	if _, err := exec.LookPath("g++"); err != nil {
		t.Skip("g++ not installed")
	}
	gostrace, progs := diffEnv(t)
	strace, _ := exec.LookPath("strace")
	bin := filepath.Join(progs, "unwind_cxx")
	if out, err := exec.Command("g++", "-O0", "-o", bin, "../testdata/gostrace/unwind_cxx.cc").CombinedOutput(); err != nil {
		t.Fatalf("g++: %v\n%s", err, out)
	}
	c := diffCase{name: "k-cxx", flags: []string{"-k", "-e", "trace=close,write"}, cmd: []string{"@unwind_cxx"}}
	want, wantCode := runTracer(strace, c, progs)
	got, gotCode := runTracer(gostrace, c, progs)
	nw, ng := normalize(want), normalize(got)
	if nw != ng || wantCode != gotCode {
		t.Errorf("differs from strace (exit %d vs %d):\n%s", wantCode, gotCode, lineDiff(nw, ng))
	}
	if !strings.Contains(nw, "main::{lambda(int)#1}::operator()(int) const") {
		t.Errorf("strace's trace lacks the lambda frame the program is built to show:\n%s", nw)
	}
}
