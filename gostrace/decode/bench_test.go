package decode

import (
	"os"
	"testing"
	"unsafe"

	"github.com/goclues/goclues/common/sysent"
)

// BenchmarkCalls prints whole calls the way the tracer does for each
// system call stop (entry, exit, return value), reading "tracee" memory
// from this process, and reports allocations: the per-call path must
// not allocate.
func BenchmarkCalls(b *testing.B) {
	path := []byte("/etc/ld.so.cache\x00")
	data := []byte("\x7fELF\x02\x01\x01\x03 some bytes read from a file, long enough to be cut ...")
	var st [144]byte
	addr := func(p *byte) uint64 { return uint64(uintptr(unsafe.Pointer(p))) }
	nr := func(name string) int {
		n, ok := sysent.Number(name)
		if !ok {
			b.Fatalf("no syscall %s", name)
		}
		return n
	}
	calls := []struct {
		name string
		args [6]uint64
		ret  int64
	}{
		{"openat", [6]uint64{^uint64(99), addr(&path[0]), 0x80000}, 3},
		{"read", [6]uint64{3, addr(&data[0]), 832}, int64(len(data))},
		{"newfstatat", [6]uint64{3, addr(&path[len(path)-1]), addr(&st[0]), 0x1000}, 0},
		{"mmap", [6]uint64{0, 8192, 3, 0x22, ^uint64(0), 0}, 0x7f0000000000},
		{"close", [6]uint64{3}, 0},
		{"write", [6]uint64{1, addr(&data[0]), 20}, 20},
	}
	cfg := Config{StrLen: 32}
	c := Ctx{Cfg: &cfg, Pid: os.Getpid()}
	c.Out = make([]byte, 0, 4096)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		call := &calls[i%len(calls)]
		c.Nr, c.Args, c.Ret, c.Failed = nr(call.name), call.args, 0, false
		c.Out = c.Out[:0]
		printed := EntryArgs(&c, false)
		c.Ret = call.ret
		ExitArgs(&c, printed, false)
		Return(&c, false)
	}
}
