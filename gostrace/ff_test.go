package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// readFF returns the -ff files of prefix in pid order, normalized.
func readFF(t *testing.T, prefix string) []string {
	t.Helper()
	names, _ := filepath.Glob(prefix + ".*")
	sort.Slice(names, func(i, j int) bool {
		a, _ := strconv.Atoi(filepath.Ext(names[i])[1:])
		b, _ := strconv.Atoi(filepath.Ext(names[j])[1:])
		return a < b
	})
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, normalize(string(b)))
	}
	return out
}

// TestFollowForkFiles compares -ff -o PREFIX: one file per process.
func TestFollowForkFiles(t *testing.T) {
	gostrace, progs := diffEnv(t)
	strace, _ := exec.LookPath("strace")
	dir := t.TempDir()
	run := func(tracer, prefix string) {
		cmd := exec.Command("setarch", "x86_64", "-R", tracer, "-ff", "-o", prefix,
			"-e", "trace=execve,exit_group,wait4", filepath.Join(progs, "forkexec"))
		cmd.Dir = progs
		_ = cmd.Run()
	}
	run(strace, filepath.Join(dir, "want"))
	run(gostrace, filepath.Join(dir, "got"))
	want, got := readFF(t, filepath.Join(dir, "want")), readFF(t, filepath.Join(dir, "got"))
	if len(want) != len(got) || len(want) != 3 {
		t.Fatalf("%d files from gostrace, %d from strace (want 3)", len(got), len(want))
	}
	for i := range want {
		// Pids differ between runs and files: compare without them.
		w := strings.Join(strings.Fields(want[i]), " ")
		g := strings.Join(strings.Fields(got[i]), " ")
		if w != g {
			t.Errorf("file %d differs:\n%s", i, lineDiff(want[i], got[i]))
		}
	}
}
