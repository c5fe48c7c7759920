package main

import (
	"os/exec"
	"testing"
)

// TestIgnoredSignalsInherited checks that a command started with SIGHUP
// and SIGINT ignored ("nohup strace cmd", "strace cmd &" in a script)
// gets them ignored under gostrace as under strace, with the stub and
// with the Go trampoline (-u).
func TestIgnoredSignalsInherited(t *testing.T) {
	gostrace, _ := diffEnv(t)
	strace, _ := exec.LookPath("strace")
	for _, flags := range []string{"-e trace=none", "-f -e trace=openat", "-u root -e trace=none"} {
		run := func(tracer string) string {
			script := "trap '' HUP INT; exec " + tracer + " -o /dev/null " + flags + " grep SigIgn /proc/self/status"
			out, err := exec.Command("sh", "-c", script).Output()
			if err != nil {
				t.Fatalf("%s: %v", script, err)
			}
			return string(out)
		}
		if want, got := run(strace), run(gostrace); want != got {
			t.Errorf("%s: strace's command has %q, gostrace's %q", flags, want, got)
		}
	}
}
