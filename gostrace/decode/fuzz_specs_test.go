package decode

import (
	"encoding/binary"
	"os"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/sysent"
)

// FuzzAllCalls prints every system call the tables know, at entry and
// exit, successful and failed, abbreviated and verbose, with each
// argument either a pointer into the fuzzed bytes or a number taken from
// them: no decoder may panic on hostile tracee memory or arguments.
func FuzzAllCalls(f *testing.F) {
	const pageSize = 4096
	f.Add([]byte("\x02\x00\x00\x50\x7f\x00\x00\x01"), uint8(0x3f), int64(16))
	f.Add(make([]byte, 600), uint8(0), int64(0))
	f.Add([]byte("\x10\x00\x00\x00\x10\x00\x01\x03\x01\x00\x00\x00\x00\x00\x00\x00"), uint8(0x15), int64(16))
	f.Add([]byte("\xff\xff\xff\xff\xff\xff\xff\xff\x00\x01\x02\x03"), uint8(0x2a), int64(-14))
	var nrs []int
	sysent.Each(func(nr int, _ sysent.Entry) {
		if lookup(nr) != nil {
			nrs = append(nrs, nr)
		}
	})
	// The "tracee memory" is one page followed by an inaccessible one:
	// a decoder that follows fuzzed lengths or pointers past the page
	// fails to read, as it would on an unmapped tracee address.
	mem, err := unix.Mmap(-1, 0, 2*pageSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	if err != nil {
		f.Skipf("mmap: %v", err)
	}
	if err := unix.Mprotect(mem[pageSize:], unix.PROT_NONE); err != nil {
		f.Skipf("mprotect: %v", err)
	}
	buf := mem[:pageSize]
	f.Fuzz(func(_ *testing.T, data []byte, ptrMask uint8, ret int64) {
		clear(buf)
		copy(buf, data)
		for _, style := range []XlatStyle{XlatAbbrev, XlatRaw, XlatVerbose} {
			cfg := &Config{StrLen: 32, XlatStyle: style}
			for _, nr := range nrs {
				for _, verbose := range []bool{false, true} {
					c := &Ctx{Cfg: cfg, Pid: os.Getpid(), Nr: nr, Verbose: verbose}
					for i := range c.Args {
						if ptrMask&(1<<i) != 0 {
							c.Args[i] = addr(buf[i*64:])
						} else if len(data) >= (i+1)*8 {
							// Below 64 KiB or above 2^48: as an address it
							// is unmapped, so only the page above is read.
							v := binary.LittleEndian.Uint64(data[i*8:])
							c.Args[i] = v&0xffff | v&(0xffff<<48)
						}
					}
					from := EntryArgs(c, false)
					c.Ret, c.Failed = ret, ret < 0 && ret > -4096
					ExitArgs(c, from, false)
					if c.Failed {
						continue
					}
					Return(c, false)
				}
			}
		}
	})
}
