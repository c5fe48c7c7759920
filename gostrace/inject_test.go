package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestInjectDelayHoldsOneThread checks that delay_enter= holds only the
// delayed tracee: the other thread's calls are traced while the delayed
// close waits, so they appear between its two halves.
func TestInjectDelayHoldsOneThread(t *testing.T) {
	gostrace, progs := diffEnv(t)
	out, err := exec.Command(gostrace, "-f", "-e", "trace=close,getppid", "-e", "inject=close:delay_enter=1s",
		filepath.Join(progs, "inject_delay")).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	trace := string(out)
	start := strings.Index(trace, "close(-1")
	end := strings.Index(trace, "close resumed>")
	if start < 0 || end < 0 {
		t.Fatalf("no unfinished close in the trace:\n%s", trace)
	}
	if n := strings.Count(trace[start:end], "getppid()"); n != 5 {
		t.Errorf("%d getppid calls while close was held, want 5:\n%s", n, trace)
	}
}
