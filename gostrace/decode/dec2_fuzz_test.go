package decode

import (
	"encoding/binary"
	"testing"
)

// FuzzDecode2 prints whole calls of the second decoder pass (AIO, the
// mount API, quotas, landlock, LDT, kexec, page moves, futex_waitv,
// perf_event_open, bpf, io_uring_register) with their structure
// arguments pointing at arbitrary bytes in this process: a panic on
// hostile tracee memory is a bug.
func FuzzDecode2(f *testing.F) {
	f.Add([]byte{}, uint64(0), uint64(1), uint64(144), false)
	f.Add(make([]byte, 256), uint64(5), uint64(2), uint64(128), true)
	f.Add([]byte("\x01\x00\x00\x00\x80\x00\x00\x00\x03\x00\x00\x00"), uint64(8), uint64(0x800007), uint64(32), false)
	calls := []string{"io_setup", "io_submit", "io_getevents", "io_cancel", "io_pgetevents", "open_tree",
		"move_mount", "fsconfig", "fsmount", "mount_setattr", "quotactl", "quotactl_fd", "landlock_add_rule",
		"modify_ldt", "set_thread_area", "get_thread_area", "kexec_load", "kexec_file_load", "migrate_pages",
		"move_pages", "futex_waitv", "perf_event_open", "bpf", "io_uring_register", "_sysctl", "lookup_dcookie"}
	f.Fuzz(func(t *testing.T, data []byte, a, b, n uint64, failed bool) {
		n %= 5000 // counts stay small: each element is one memory read
		buf := make([]byte, 8192)
		copy(buf, data)
		if len(data) > 0 && data[0]&1 != 0 {
			// a pointer array whose first element points back at the buffer
			binary.LittleEndian.PutUint64(buf[len(buf)-8:], addr(buf))
		}
		ptrs := addr(buf[len(buf)-8:])
		for _, name := range calls {
			for _, verbose := range []bool{false, true} {
				for _, style := range []XlatStyle{XlatAbbrev, XlatRaw, XlatVerbose} {
					// the argument layouts differ by call: give every
					// slot both a small number and a pointer somewhere
					c := newCtx(name, a, addr(buf), b, addr(buf), n, ptrs)
					c.Args[2] = b
					if name == "io_submit" || name == "io_uring_register" || name == "bpf" || name == "quotactl_fd" {
						c.Args[1], c.Args[2], c.Args[3] = b, addr(buf), n
					}
					switch name {
					case "io_submit":
						c.Args[1], c.Args[2] = b%64, ptrs
					case "move_pages", "futex_waitv":
						c.Args[1] = n % 64
					case "io_uring_register":
						c.Args[3] = n % 300
					}
					c.Cfg.XlatStyle = style
					c.Verbose = verbose
					c.Failed = failed
					c.Ret = int64(n % 300)
					if failed {
						c.Ret = -int64(n%133 + 1)
					}
					line(c)
				}
			}
		}
	})
}
