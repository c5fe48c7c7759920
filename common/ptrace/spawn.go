package ptrace

import (
	"encoding/hex"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// trampolineEnv marks a re-executed copy of the tracer that must become
// the tracee. Its value carries the SpawnConfig fields the child needs.
const trampolineEnv = "GOCLUES_PTRACE_TRAMPOLINE"

// godebugNoPreempt turns off the runtime's SIGURG preemption in the
// trampoline.
const godebugNoPreempt = "GODEBUG=asyncpreemptoff=1"

func init() {
	// The trampoline must stop and exec from the main thread (tid ==
	// pid): that thread is the one the tracer seizes. Package init runs
	// on the main thread; keep the main goroutine there.
	if _, ok := os.LookupEnv(trampolineEnv); ok {
		runtime.LockOSThread()
	}
}

// SpawnConfig describes the program to start under tracing.
type SpawnConfig struct {
	Path    string   // resolved executable path passed to execve
	Argv    []string // argv of the new program
	Env     []string // environment of the new program
	UID     int      // -1 to keep; otherwise setuid after setgroups/setgid
	GID     int      // -1 to keep
	Groups  []int    // supplementary groups when UID is set
	Seccomp []unix.SockFilter
	// Ignore has bit sig-1 set for each signal the command starts with
	// ignored (SIG_IGN survives execve; the tracer's own handlers do not).
	Ignore  uint64
	Options int    // ptrace options for PTRACE_SEIZE
	Prog    string // name used in the child's error messages
}

// Spawn starts cfg.Path stopped before its execve, seized with
// cfg.Options. The trampoline (the stub, or for -u and seccomp filters a
// copy of this binary, see RunTrampoline) stops itself with SIGSTOP; Spawn waits for that stop, seizes the
// child and continues it, so the next system call stop the tracer sees
// on it will lead to the execve of cfg.Path.
func Spawn(cfg SpawnConfig) (int, error) {
	exe, argv, env := "/proc/self/exe", []string(nil), []string(nil)
	if cfg.Light() {
		fd, path, err := stubFile(cfg.Seccomp, cfg.Ignore)
		if err != nil {
			return 0, fmt.Errorf("start trampoline: %w", err)
		}
		defer unix.Close(fd)
		exe, argv, env = path, append([]string{cfg.Prog, cfg.Path}, cfg.Argv...), cfg.Env
	} else {
		argv, env = trampolineArgs(cfg)
	}
	pid, err := syscall.ForkExec(exe, argv, &syscall.ProcAttr{Env: env, Files: []uintptr{0, 1, 2}})
	if err != nil {
		return 0, fmt.Errorf("start trampoline: %w", err)
	}
	var ws unix.WaitStatus
	for {
		_, err = unix.Wait4(pid, &ws, unix.WUNTRACED, nil)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return 0, fmt.Errorf("wait for trampoline %d: %w", pid, err)
	}
	if !ws.Stopped() {
		return pid, &EarlyExitError{Status: ws}
	}
	if err := Seize(pid, cfg.Options); err != nil {
		_ = unix.Kill(pid, unix.SIGKILL)
		return 0, err
	}
	if err := unix.Kill(pid, unix.SIGCONT); err != nil {
		return 0, fmt.Errorf("continue trampoline %d: %w", pid, err)
	}
	return pid, nil
}

// trampolineArgs builds the argv and environment of a trampoline.
func trampolineArgs(cfg SpawnConfig) (argv, env []string) {
	spec := []string{strconv.Itoa(cfg.UID), strconv.Itoa(cfg.GID), joinInts(cfg.Groups), encodeFilter(cfg.Seccomp), hex.EncodeToString([]byte(cfg.Prog)), strconv.FormatUint(cfg.Ignore, 16)}
	// GODEBUG comes first so the trampoline's runtime sees it: without
	// asynchronous preemption no SIGURG can be pending across the exec.
	env = append([]string{trampolineEnv + "=" + strings.Join(spec, ":"), godebugNoPreempt}, cfg.Env...)
	argv = append([]string{cfg.Prog, cfg.Path}, cfg.Argv...)
	return argv, env
}

// BecomeTrampoline replaces the calling process, keeping its pid, with a
// trampoline for cfg: it stops itself and waits to be seized (see
// SeizeStopped) before it execs the command. It returns only on error.
func BecomeTrampoline(cfg SpawnConfig) error {
	argv, env := trampolineArgs(cfg)
	return syscall.Exec("/proc/self/exe", argv, env)
}

// SeizeStopped waits until pid, which is not our child, has stopped
// itself, then seizes it and lets it continue.
func SeizeStopped(pid, options int) error {
	stat := fmt.Sprintf("/proc/%d/stat", pid)
	for {
		b, err := os.ReadFile(stat)
		if err != nil {
			return fmt.Errorf("wait for %d to stop: %w", pid, err)
		}
		// The state follows the parenthesised command name.
		if i := strings.LastIndexByte(string(b), ')'); i >= 0 && i+2 < len(b) && b[i+2] == 'T' {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if err := Seize(pid, options); err != nil {
		return err
	}
	return unix.Kill(pid, unix.SIGCONT)
}

// EarlyExitError reports a trampoline that ended before stopping (for
// example because setuid failed); Status is its wait status.
type EarlyExitError struct{ Status unix.WaitStatus }

func (e *EarlyExitError) Error() string {
	return fmt.Sprintf("traced child ended before exec (status %#x)", uint32(e.Status))
}

// RunTrampoline returns at once unless this process is a trampoline
// started by Spawn; a trampoline drops privileges as asked, installs the
// seccomp filter, stops itself and execs the target. It never returns:
// a failed exec prints "PROG: exec: REASON" and exits 1.
func RunTrampoline() {
	spec, ok := os.LookupEnv(trampolineEnv)
	if !ok {
		return
	}
	os.Exit(trampoline(spec))
}

func trampoline(spec string) int {
	f := strings.Split(spec, ":")
	if len(f) != 6 || len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "ptrace trampoline: malformed request")
		return 1
	}
	progBytes, _ := hex.DecodeString(f[4])
	prog := string(progBytes)
	env := os.Environ()
	if len(env) >= 2 && strings.HasPrefix(env[0], trampolineEnv+"=") && env[1] == godebugNoPreempt {
		env = env[2:]
	}
	uid, _ := strconv.Atoi(f[0])
	gid, _ := strconv.Atoi(f[1])
	if uid >= 0 {
		if err := dropPrivileges(uid, gid, splitInts(f[2])); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
			return 1
		}
	}
	if err := unix.Kill(os.Getpid(), unix.SIGSTOP); err != nil {
		fmt.Fprintf(os.Stderr, "%s: kill: %v\n", prog, err)
		return 1
	}
	ignore, _ := strconv.ParseUint(f[5], 16, 64)
	ignoreSignals(ignore)
	// The filter goes in only once the tracer is attached: a call it
	// marks for tracing fails with ENOSYS in an untraced process.
	if f[3] != "" {
		if err := installFilter(f[3]); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", prog, err)
			return 1
		}
	}
	err := syscall.Exec(os.Args[1], os.Args[2:], env)
	fmt.Fprintf(os.Stderr, "%s: exec: %s\n", prog, ErrnoText(err))
	return 1
}

// ErrnoText is the C library text for an errno value (strerror).
func ErrnoText(err error) string {
	if e, ok := err.(syscall.Errno); ok {
		s := e.Error()
		if s != "" {
			return strings.ToUpper(s[:1]) + s[1:]
		}
	}
	return err.Error()
}

// ignoreSignals sets SIG_IGN for the signals in mask (bit sig-1), behind
// the Go runtime's back: the disposition survives the coming execve.
func ignoreSignals(mask uint64) {
	sa := struct{ handler, flags, restorer, mask uint64 }{handler: 1} // SIG_IGN
	for sig := 1; sig <= 64; sig++ {
		if mask&(1<<(sig-1)) != 0 {
			_, _, _ = unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(sig), uintptr(unsafe.Pointer(&sa)), 0, 8, 0, 0)
		}
	}
}

func dropPrivileges(uid, gid int, groups []int) error {
	if err := syscall.Setgroups(groups); err != nil {
		return fmt.Errorf("setgroups: %w", err)
	}
	if err := syscall.Setgid(gid); err != nil {
		return fmt.Errorf("setgid: %w", err)
	}
	if err := syscall.Setuid(uid); err != nil {
		return fmt.Errorf("setuid: %w", err)
	}
	return nil
}

func encodeFilter(prog []unix.SockFilter) string {
	if len(prog) == 0 {
		return ""
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&prog[0])), len(prog)*int(unsafe.Sizeof(prog[0])))
	return hex.EncodeToString(b)
}

func installFilter(h string) error {
	raw, err := hex.DecodeString(h)
	size := int(unsafe.Sizeof(unix.SockFilter{}))
	if err != nil || len(raw)%size != 0 || len(raw) == 0 {
		return fmt.Errorf("seccomp filter: malformed")
	}
	prog := make([]unix.SockFilter, len(raw)/size)
	copy(unsafe.Slice((*byte)(unsafe.Pointer(&prog[0])), len(raw)), raw)
	fprog := unix.SockFprog{Len: uint16(len(prog)), Filter: &prog[0]}
	install := func() syscall.Errno {
		_, _, e := unix.RawSyscall(unix.SYS_SECCOMP, unix.SECCOMP_SET_MODE_FILTER, 0, uintptr(unsafe.Pointer(&fprog)))
		return e
	}
	// With CAP_SYS_ADMIN the filter goes in as it is. Without it the
	// kernel wants no_new_privs, which also stops set-user-ID programs
	// from gaining privileges: set only when it is required.
	e := install()
	if e == unix.EACCES {
		if err := unix.Prctl(unix.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0); err != nil {
			return fmt.Errorf("prctl(PR_SET_NO_NEW_PRIVS): %w", err)
		}
		e = install()
	}
	if e != 0 {
		return fmt.Errorf("seccomp(SECCOMP_SET_MODE_FILTER): %w", e)
	}
	return nil
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

func splitInts(s string) []int {
	if s == "" {
		return nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, _ := strconv.Atoi(f)
		out = append(out, n)
	}
	return out
}

// Attach seizes a running process and interrupts it so that the tracer
// gets a PTRACE_EVENT_STOP for it.
func Attach(pid, options int) error {
	if err := Seize(pid, options); err != nil {
		return err
	}
	return Interrupt(pid)
}
