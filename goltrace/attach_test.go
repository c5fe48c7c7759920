package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestAttachDetach attaches with -p, waits for calls to be printed,
// interrupts goltrace and checks that the tracee survives untraced with
// its breakpoints gone (it would die of SIGTRAP otherwise).
func TestAttachDetach(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("tracing tests need root")
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc is not installed")
	}
	dir := buildPrograms(t)
	ticker := exec.Command(filepath.Join(dir, "ticker"))
	tickOut, err := ticker.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := ticker.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ticker.Process.Kill(); _ = ticker.Wait() }()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "trace")
	tracer := exec.Command(self, "-p", strconv.Itoa(ticker.Process.Pid), "-o", out)
	tracer.Env = append(os.Environ(), asGoltrace+"=1")
	if err := tracer.Start(); err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^[0-9]+ (puts\("x"\) += 2|fflush\(0x[0-9a-f]+\) += 0|usleep\(20000\) += <void>)$`)
	for {
		b, _ := os.ReadFile(out)
		if bytes.Count(b, []byte("\n")) >= 6 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := tracer.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := tracer.Wait(); err != nil {
		t.Fatalf("goltrace -p: %v", err)
	}
	b, _ := os.ReadFile(out)
	lines := bytes.Split(b, []byte("\n"))
	for _, l := range lines[:len(lines)-1] {
		if !line.Match(l) {
			t.Errorf("unexpected line %q", l)
		}
	}
	// The tracee keeps running through its PLT: more ticks arrive after
	// the detach. A leftover int3 would kill it with SIGTRAP instead,
	// closing the pipe.
	// It printed at most one line per traced puts, plus one in flight.
	before := bytes.Count(b, []byte(`puts("x")`)) + 1
	r := bufio.NewReader(tickOut)
	for i := 0; i < before+5; i++ {
		if _, err := r.ReadString('\n'); err != nil {
			t.Fatalf("tracee stopped ticking after the detach: %v", err)
		}
	}
}
