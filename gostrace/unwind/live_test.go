package unwind

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
)

// stoppedInSleep starts /bin/sleep under ptrace and stops it at the
// entry of its clock_nanosleep call. The caller's goroutine is locked to
// its thread (ptrace requests must come from the tracer thread); the
// returned function kills the child and unlocks.
func stoppedInSleep(tb testing.TB) (int, func()) {
	tb.Helper()
	if _, err := os.Stat("/bin/sleep"); err != nil {
		tb.Skip("/bin/sleep not installed")
	}
	runtime.LockOSThread()
	cmd := exec.Command("/bin/sleep", "5")
	cmd.SysProcAttr = &syscall.SysProcAttr{Ptrace: true}
	if err := cmd.Start(); err != nil {
		runtime.UnlockOSThread()
		tb.Skipf("cannot trace a child: %v", err)
	}
	pid := cmd.Process.Pid
	done := func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		runtime.UnlockOSThread()
	}
	if _, _, err := ptrace.Wait(pid, false, nil); err != nil { // stop after exec
		done()
		tb.Fatal(err)
	}
	_ = ptrace.SetOptions(pid, ptrace.OptSysGood)
	var regs unix.PtraceRegs
	for i := 0; i < 2000; i++ {
		if err := ptrace.Syscall(pid, 0); err != nil {
			done()
			tb.Fatal(err)
		}
		st, _, err := ptrace.Wait(pid, false, nil)
		if err != nil || st.Kind != ptrace.KindSyscall {
			done()
			tb.Fatalf("unexpected stop %+v, %v", st, err)
		}
		if ptrace.GetRegs(pid, &regs) == nil && regs.Orig_rax == unix.SYS_CLOCK_NANOSLEEP {
			return pid, done
		}
	}
	done()
	tb.Fatal("sleep made no clock_nanosleep call")
	return 0, nil
}

// TestWalkLiveProcess unwinds a real process stopped in a system call:
// the walk must go from the libc wrapper to the program's entry point.
func TestWalkLiveProcess(t *testing.T) {
	pid, done := stoppedInSleep(t)
	defer done()
	u := New()
	var th Thread
	out := string(u.Append(nil, &th, pid))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 4 {
		t.Fatalf("short stack:\n%s", out)
	}
	if !strings.Contains(lines[0], "libc.so.6(clock_nanosleep+0x") {
		t.Errorf("innermost frame %q is not clock_nanosleep", lines[0])
	}
	if !strings.Contains(out, "(__libc_start_main+0x") {
		t.Errorf("no __libc_start_main frame:\n%s", out)
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, " > /usr/bin/sleep(") && !strings.HasPrefix(last, " > /bin/sleep(") {
		t.Errorf("outermost frame %q is not in sleep itself", last)
	}
	// A captured stack prints unnamed frames as "(+0x0)" and is
	// printed once.
	u.Capture(&th, pid)
	queued := string(u.Flush(nil, &th))
	if strings.Contains(queued, "() [") || len(strings.Split(queued, "\n")) != len(lines)+1 {
		t.Errorf("captured stack differs in shape:\n%s\nwalked:\n%s", queued, out)
	}
	if again := u.Flush(nil, &th); len(again) != 0 {
		t.Errorf("captured stack printed twice: %q", again)
	}
}

// BenchmarkWalk measures one stack trace of a stopped process, maps and
// ELF images already cached (the steady state of strace -k).
func BenchmarkWalk(b *testing.B) {
	pid, done := stoppedInSleep(b)
	defer done()
	u := New()
	var th Thread
	buf := u.Append(nil, &th, pid)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf = u.Append(buf[:0], &th, pid)
	}
}
