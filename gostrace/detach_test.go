package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// procState returns the State and TracerPid lines of /proc/PID/status.
func procState(t *testing.T, pid int) (state, tracer string) {
	t.Helper()
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatalf("read status: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "State:"); ok {
			state = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "TracerPid:"); ok {
			tracer = strings.TrimSpace(v)
		}
	}
	return state, tracer
}

// TestDetachOnSIGINT attaches with -p, interrupts the tracer and checks
// that the process is released, not left stopped, and keeps running.
func TestDetachOnSIGINT(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("attaching with ptrace needs root here")
	}
	bin := filepath.Join(t.TempDir(), "strace")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	target := exec.Command("/bin/sh", "-c", "while :; do sleep 0.01; done")
	if err := target.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = target.Process.Kill(); _ = target.Wait() }()
	pid := target.Process.Pid

	tracer := exec.Command(bin, "-p", strconv.Itoa(pid))
	stderr, _ := tracer.StderrPipe()
	if err := tracer.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var lines []string
	// Wait until the tracer has attached and traced a few calls.
	for sc.Scan() && len(lines) < 20 {
		lines = append(lines, sc.Text())
	}
	if len(lines) == 0 || !strings.Contains(lines[0], "Process "+strconv.Itoa(pid)+" attached") {
		t.Fatalf("no attach message: %q", lines)
	}
	_ = tracer.Process.Signal(syscall.SIGINT)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	_ = tracer.Wait()
	if !strings.Contains(strings.Join(lines, "\n"), "Process "+strconv.Itoa(pid)+" detached") {
		t.Errorf("no detach message in %q", lines[len(lines)-3:])
	}
	state, tracerPid := procState(t, pid)
	if tracerPid != "0" {
		t.Errorf("TracerPid = %s after detach", tracerPid)
	}
	if strings.HasPrefix(state, "t") || strings.HasPrefix(state, "T") {
		t.Errorf("process left stopped: %s", state)
	}
	// It keeps running: it still forks sleeps, so it is not a zombie.
	if strings.HasPrefix(state, "Z") {
		t.Errorf("process died: %s", state)
	}
}
