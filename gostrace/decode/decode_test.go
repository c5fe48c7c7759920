package decode

import (
	"os"
	"testing"
	"unsafe"

	"github.com/goclues/goclues/common/format"
	"github.com/goclues/goclues/common/sysent"
)

// The decoders read tracee memory with process_vm_readv; these tests
// point them at this process's own memory.

func addr(b []byte) uint64 { return uint64(uintptr(unsafe.Pointer(&b[0]))) }

func cstr(s string) []byte { return append([]byte(s), 0) }

func newCtx(name string, args ...uint64) *Ctx {
	nr, ok := sysent.Number(name)
	if !ok {
		panic(name)
	}
	c := &Ctx{Cfg: &Config{StrLen: 32}, Pid: os.Getpid(), Nr: nr}
	copy(c.Args[:], args)
	return c
}

// line prints a whole call the way the tracer assembles it.
func line(c *Ctx) string {
	from := EntryArgs(c, false)
	ExitArgs(c, from, false)
	c.Str(" = ")
	Return(c, false)
	return string(c.Out)
}

func TestCalls(t *testing.T) {
	path := cstr("/etc/hostname")
	data := []byte("hello\n\x01\x02")
	long := []byte("abcdefghijklmnopqrstuvwxyz0123456789")
	fds := []byte{3, 0, 0, 0, 4, 0, 0, 0}
	tests := []struct {
		c    *Ctx
		ret  int64
		want string
	}{
		{newCtx("openat", uint64(0xffffffffffffff9c), addr(path), 0x80000), 3, `openat(AT_FDCWD, "/etc/hostname", O_RDONLY|O_CLOEXEC) = 3`},
		{newCtx("openat", 3, addr(path), 0x241, 0644), 4, `openat(3, "/etc/hostname", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4`},
		{newCtx("write", 1, addr(data), uint64(len(data))), 8, `write(1, "hello\n\1\2", 8) = 8`},
		{newCtx("read", 0, addr(long), 100), int64(len(long)), `read(0, "abcdefghijklmnopqrstuvwxyz012345"..., 100) = 36`},
		{newCtx("mmap", 0, 8192, 3, 0x22, uint64(0xffffffffffffffff), 0), 0x7f0000000000, `mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000`},
		{newCtx("mprotect", 0x1000, 4096, 0), 0, `mprotect(0x1000, 4096, PROT_NONE) = 0`},
		{newCtx("pipe2", addr(fds), 0x80000), 0, `pipe2([3, 4], O_CLOEXEC) = 0`},
		{newCtx("fcntl", 5, 3), 0x8001, `fcntl(5, F_GETFL) = 0x8001 (flags O_WRONLY|O_LARGEFILE)`},
		{newCtx("kill", 42, 9), 0, `kill(42, SIGKILL) = 0`},
		{newCtx("access", addr(path), 6), 0, `access("/etc/hostname", R_OK|W_OK) = 0`},
		{newCtx("lseek", 5, 0, 1), 0, `lseek(5, 0, SEEK_CUR) = 0`},
		{newCtx("umask", 022), 0, `umask(022) = 000`},
		{newCtx("exit_group", 3), 0, `exit_group(3) = 0`},
		{newCtx("clone", 0x1200011, 0, 0, 0x7f00, 0), 77, `clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = 77`},
		{newCtx("socket", 2, 0x80001, 6), 3, `socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3`},
		{newCtx("arch_prctl", 0x1002, 0x7f00), 0, `arch_prctl(ARCH_SET_FS, 0x7f00) = 0`},
		{newCtx("futex", 0x1000, 0x81, 1), 0, `futex(0x1000, FUTEX_WAKE_PRIVATE, 1) = 0`},
	}
	for _, tt := range tests {
		tt.c.Ret = tt.ret
		if got := line(tt.c); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestXStyles(t *testing.T) {
	path := cstr("/x")
	c := newCtx("openat", uint64(0xffffffffffffff9c), addr(path), 0x80000)
	c.Cfg.XlatStyle = XlatVerbose
	c.Ret = 3
	if got, want := line(c), `openat(-100 /* AT_FDCWD */, "/x", 0x80000 /* O_RDONLY|O_CLOEXEC */) = 3`; got != want {
		t.Errorf("verbose: %s", got)
	}
	c = newCtx("openat", uint64(0xffffffffffffff9c), addr(path), 0x80000)
	c.Cfg.XlatStyle = XlatRaw
	c.Ret = 3
	if got, want := line(c), `openat(-100, "/x", 0x80000) = 3`; got != want {
		t.Errorf("raw: %s", got)
	}
}

func TestStringLimits(t *testing.T) {
	data := []byte("\x00\x01abc")
	c := newCtx("write", 1, addr(data), 5)
	c.Cfg.StrLen = 3
	c.Cfg.Escape = format.EscapeHexIfAny
	c.Ret = 5
	if got, want := line(c), `write(1, "\x00\x01\x61"..., 5) = 5`; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestSigset(t *testing.T) {
	c := &Ctx{Cfg: &Config{}}
	c.Sigset(1<<1 | 1<<14)
	c.Str(" ")
	c.Sigset(^uint64(0) &^ (1<<31 | 1<<32))
	if got, want := string(c.Out), "[INT TERM] ~[RTMIN RT_1]"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

// FuzzStructs feeds arbitrary bytes to every structure decoder: a panic
// on hostile tracee memory is a bug.
func FuzzStructs(f *testing.F) {
	f.Add([]byte("\x02\x00\x00\x50\x7f\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00"), uint16(16))
	f.Add(make([]byte, 300), uint16(300))
	f.Add([]byte("\x01\x00/tmp/sock\x00"), uint16(12))
	printers := []struct {
		name string
		p    Printer
	}{
		{"newfstatat", Stat}, {"statx", statxBuf}, {"connect", Sockaddr(2)}, {"rt_sigaction", Sigaction},
		{"rt_sigqueueinfo", SiginfoPtr}, {"getdents64", dirents}, {"prlimit64", Rlimit}, {"uname", utsname},
		{"sendmsg", func(c *Ctx, i int) { c.msghdr(c.Args[i], -1) }}, {"writev", IovecIn(2)},
		{"poll", pollfds}, {"wait4", WaitStatus}, {"clone3", clone3Args}, {"statfs", statfsBuf},
		{"execve", Argv}, {"futex", Timespec}, {"sigaltstack", stackT}, {"epoll_ctl", epollEventArg},
	}
	f.Fuzz(func(t *testing.T, data []byte, n uint16) {
		buf := make([]byte, 512)
		copy(buf, data)
		for _, p := range printers {
			for _, verbose := range []bool{false, true} {
				c := newCtx(p.name, addr(buf), uint64(n), uint64(n), addr(buf), uint64(n), uint64(n))
				c.Verbose = verbose
				c.Exiting = true
				c.Ret = int64(n)
				p.p(c, 0)
			}
		}
	})
}
