package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/goclues/goclues/common/ptrace"
)

// asGoltrace makes the test binary run goltrace's main, so the
// differential test traces with the code under test without a build.
const asGoltrace = "GOLTRACE_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	// A -u trampoline re-executes this binary: it must exec the command
	// before anything else runs.
	ptrace.RunTrampoline()
	if os.Getenv(asGoltrace) == "1" {
		os.Unsetenv(asGoltrace)
		ptrace.LockThread()
		os.Exit(run(append([]string{"ltrace"}, os.Args[1:]...)))
	}
	os.Exit(m.Run())
}

// diffCase runs prog (a program of testdata/goltrace, or a path) with
// args under ltrace and goltrace with the same flags.
type diffCase struct {
	flags []string
	prog  string
	args  []string
	// sorted compares the -c table's rows by calls and name only.
	sorted bool
}

var diffCases = []diffCase{
	{prog: "calls"},
	{flags: []string{"-S"}, prog: "calls"},
	{flags: []string{"-i"}, prog: "calls"},
	{flags: []string{"-i", "-S"}, prog: "calls"},
	{flags: []string{"-T"}, prog: "calls"},
	{flags: []string{"-r"}, prog: "calls"},
	{flags: []string{"-t"}, prog: "calls"},
	{flags: []string{"-tt"}, prog: "calls"},
	{flags: []string{"-ttt"}, prog: "calls"},
	{flags: []string{"-s", "3"}, prog: "calls"},
	{flags: []string{"-s", "0"}, prog: "calls"},
	{flags: []string{"-s", "7"}, prog: "calls"},
	{flags: []string{"-s", "8", "-S"}, prog: "calls"},
	{flags: []string{"-a", "10"}, prog: "calls"},
	{flags: []string{"-a", "70"}, prog: "calls"},
	{flags: []string{"-A", "1"}, prog: "calls"},
	{flags: []string{"-L", "-S"}, prog: "calls"},
	{flags: []string{"-L"}, prog: "calls"},
	{flags: []string{"-e", "malloc"}, prog: "calls"},
	{flags: []string{"-e", "puts+free"}, prog: "calls"},
	{flags: []string{"-e", "f*"}, prog: "calls"},
	{flags: []string{"-c"}, prog: "calls", sorted: true},
	{flags: []string{"-c", "-S"}, prog: "calls", sorted: true},
	{flags: []string{"-l", "libc.so.6"}, prog: "calls"},
	{flags: []string{"-l", "libc.so*", "-e", "malloc"}, prog: "calls"},
	{flags: []string{"-S", "-e", "puts"}, prog: "calls"},
	{flags: []string{"-f"}, prog: "calls"},
	{prog: "strings"},
	{flags: []string{"-s", "5"}, prog: "strings"},
	{flags: []string{"-s", "3"}, prog: "strings"},
	{flags: []string{"-s", "36"}, prog: "strings"},
	{flags: []string{"-S"}, prog: "strings"},
	{prog: "nested"},
	{flags: []string{"-x", "cmp"}, prog: "nested"},
	{flags: []string{"-x", "cmp", "-n", "3"}, prog: "nested"},
	{flags: []string{"-x", "cmp", "-T", "-i"}, prog: "nested"},
	{flags: []string{"-x", "main", "-e", "strcmp"}, prog: "nested"},
	{flags: []string{"-S"}, prog: "nested"},
	{flags: []string{"-S", "-x", "cmp"}, prog: "nested"},
	{prog: "nested", args: []string{"segv"}},
	{prog: "nested", args: []string{"abort"}},
	{prog: "signals"},
	{flags: []string{"-b"}, prog: "signals"},
	{flags: []string{"-S"}, prog: "signals"},
	{prog: "fork"},
	// Not "-f fork": whether the parent's wait or the child's return
	// from fork is printed first is a race under ltrace too (about one
	// run in ten differs); goltrace holds the child until the parent's
	// next event, which gives ltrace's usual order.
	{prog: "lenses"},
	{prog: "exec"},
	{flags: []string{"-S"}, prog: "exec"},
	{flags: []string{"-i"}, prog: "exec"},
	{flags: []string{"-u", "nobody"}, prog: "calls"},
	{flags: []string{"-u", "goltrace-no-such-user"}, prog: "calls"},
	{flags: []string{"-F", "/dev/null"}, prog: "calls"},
	{prog: "/bin/true"},
	{flags: []string{"-S"}, prog: "/bin/true"},
	{prog: "/bin/ls", args: []string{"/"}},
	{prog: "/etc/hostname"},
	{prog: "goltrace-surely-missing-command"},
	{},
	{flags: []string{"-z"}},
	{flags: []string{"-s", "x"}},
	{flags: []string{"-n", "21"}, prog: "calls"},
	{flags: []string{"-p", "0"}},
	{flags: []string{"-V"}},
}

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// buildPrograms compiles testdata/goltrace/*.c once.
func buildPrograms(t *testing.T) string {
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "goltrace-diff")
		if buildErr != nil {
			return
		}
		// Readable by -u nobody.
		if buildErr = os.Chmod(buildDir, 0o755); buildErr != nil {
			return
		}
		srcs, _ := filepath.Glob("../testdata/goltrace/*.c")
		for _, src := range srcs {
			out := filepath.Join(buildDir, strings.TrimSuffix(filepath.Base(src), ".c"))
			cmd := exec.Command("gcc", "-O0", "-o", out, src)
			if b, err := cmd.CombinedOutput(); err != nil {
				buildErr = err
				buildDir = string(b)
				return
			}
		}
	})
	if buildErr != nil {
		t.Fatalf("gcc: %v: %s", buildErr, buildDir)
	}
	return buildDir
}

var (
	reTime   = regexp.MustCompile(`[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?|[0-9]+\.[0-9]{6}`)
	rePid    = regexp.MustCompile(`\[pid [0-9]+\]|^[0-9]+ |process [0-9]+|/proc/[0-9]+/|tgkill\((0x[0-9a-f]+|[0-9]+), (0x[0-9a-f]+|[0-9]+)`)
	reRetPid = regexp.MustCompile(` = ([0-9]{4,}|0x[0-9a-f]{1,6})$`)
	// Calls that return a pid or tid, whatever its number of digits
	// (pids wrap around to small numbers on a long-running machine).
	rePidCall = regexp.MustCompile(`((?:SYS_set_tid_address|SYS_getpid|SYS_gettid|SYS_getppid|SYS_clone3?|SYS_fork|SYS_vfork|SYS_wait4|getpid|getppid|fork|vfork|wait|waitpid)\(.*\) += )[0-9]+$`)
	reAlign   = regexp.MustCompile(` +=`)
	reSummary = regexp.MustCompile(`^ *[0-9.]+ +T +[0-9]* +`)
)

// normalize hides what differs between two runs: times, pids (and the
// alignment they shift), and -c's measured columns.
func normalize(out []byte, c diffCase) string {
	lines := strings.Split(string(out), "\n")
	for i, l := range lines {
		l = reTime.ReplaceAllString(l, "T")
		if p := rePid.ReplaceAllString(l, "<pid>"); p != l {
			l = reAlign.ReplaceAllString(p, " =")
		}
		l = reRetPid.ReplaceAllString(l, " = <pid>")
		if p := rePidCall.ReplaceAllString(l, "${1}<pid>"); p != l {
			l = reAlign.ReplaceAllString(p, " =")
		}
		if c.sorted {
			l = reSummary.ReplaceAllString(l, "")
		}
		lines[i] = l
	}
	if c.sorted {
		sort.Strings(lines)
	}
	return strings.Join(lines, "\n")
}

func runTracer(t *testing.T, tracer []string, env []string, c diffCase, dir string) string {
	prog := c.prog
	if prog != "" && !strings.Contains(prog, "/") {
		if _, err := os.Stat(filepath.Join(dir, prog)); err == nil {
			prog = filepath.Join(dir, prog)
		}
	}
	argv := append([]string{"-R"}, tracer...)
	argv = append(argv, c.flags...)
	if prog != "" {
		argv = append(argv, prog)
	}
	argv = append(argv, c.args...)
	cmd := exec.Command("setarch", argv...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Dir = dir
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%v: %v", argv, err)
	}
	return normalize(stderr.Bytes(), c) + "\nexit " + string(rune('0'+code))
}

// TestDifferential compares goltrace with the installed ltrace byte for
// byte (after normalization) on the test programs.
func TestDifferential(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("tracing tests need root")
	}
	if _, err := exec.LookPath("ltrace"); err != nil {
		t.Skip("ltrace is not installed")
	}
	for _, tool := range []string{"gcc", "setarch"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	dir := buildPrograms(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "LC_ALL=C")
	selfEnv := append(append([]string(nil), env...), asGoltrace+"=1")
	for _, c := range diffCases {
		name := strings.Join(append(append(append([]string(nil), c.flags...), c.prog), c.args...), " ")
		t.Run(name, func(t *testing.T) {
			want := runTracer(t, []string{"ltrace"}, env, c, dir)
			got := runTracer(t, []string{self}, selfEnv, c, dir)
			if got != want {
				t.Errorf("ltrace %s:\n--- ltrace\n%s\n--- goltrace\n%s", name, want, got)
			}
		})
	}
}
