// Package decode turns the raw arguments and return values of x86_64
// system calls into strace 6.1's notation. Each system call is described
// by a Spec: a list of argument printers and a return printer, kept in
// declarative tables grouped by subsystem (file.go, mem.go, net.go, …).
//
// Printing follows strace's two-step model: arguments the kernel reads are
// printed at system call entry, the ones it writes (out arguments) and
// everything after them at exit, so a call that blocks shows "read(3, "
// while it waits.
package decode

import (
	"strconv"

	"github.com/goclues/goclues/common/format"
	"github.com/goclues/goclues/common/ptrace"
)

// Config holds the output settings shared by every call.
type Config struct {
	StrLen    int           // -s: longest string shown before "..."
	Escape    format.Escape // -x / -xx
	DecodeFDs FDDecode      // -y, -yy, --decode-fds
	XlatStyle XlatStyle     // -X
}

// XlatStyle is the -X setting: how named constants are shown.
type XlatStyle int

// -X styles.
const (
	XlatAbbrev  XlatStyle = iota // names only (default)
	XlatRaw                      // numbers only
	XlatVerbose                  // numbers with names in comments
)

// Ctx is the state of one system call being printed. The tracer reuses
// one Ctx per process; Out is appended to and reset by the caller.
type Ctx struct {
	Cfg     *Config
	Pid     int
	Nr      int
	Args    [6]uint64
	Ret     int64
	Failed  bool // the call returned an error (valid at exit)
	Exiting bool // printing happens at system call exit
	Verbose bool // -v / -e verbose= for this call
	// NoDeref is set for calls outside -e verbose=: structures are
	// shown as their addresses, strings and buffers still as text.
	NoDeref bool
	Abbrev  bool // -e abbrev= for this call (default true)
	Out     []byte
	scratch []byte
	nlbuf   []byte // netlink buffers being decoded
	// saved holds values read at entry for the exit printers
	// (Spec.Entry); savedOK says which could be read.
	saved   [2]int64
	savedOK [2]bool
	SP      uint64 // stack pointer at entry (rt_sigreturn's frame)
	xlat    XlatStyle
	// Resuming names the call restart_syscall continues.
	Resuming string
}

// Str appends s to the output.
func (c *Ctx) Str(s string) { c.Out = append(c.Out, s...) }

// Int appends v in decimal.
func (c *Ctx) Int(v int64) { c.Out = strconv.AppendInt(c.Out, v, 10) }

// Uint appends v in decimal.
func (c *Ctx) Uint(v uint64) { c.Out = strconv.AppendUint(c.Out, v, 10) }

// Hex appends v as 0x… (or 0 for zero, as strace's %#lx does).
func (c *Ctx) Hex(v uint64) {
	if v == 0 {
		c.Out = append(c.Out, '0')
		return
	}
	c.Out = append(c.Out, '0', 'x')
	c.Out = strconv.AppendUint(c.Out, v, 16)
}

// Octal appends v as a C octal literal (0 for zero).
func (c *Ctx) Octal(v uint64) {
	c.Out = append(c.Out, '0')
	if v != 0 {
		c.Out = strconv.AppendUint(c.Out, v, 8)
	}
}

// Addr appends a pointer: NULL or 0x….
func (c *Ctx) Addr(v uint64) {
	if v == 0 {
		c.Str("NULL")
		return
	}
	c.Hex(v)
}

// maxRead bounds one read of tracee memory: lengths come from the
// tracee's arguments.
const maxRead = 1 << 24

// read copies n bytes at addr of the tracee into the scratch buffer.
func (c *Ctx) read(addr uint64, n int) ([]byte, bool) {
	if n < 0 || n > maxRead {
		return nil, false // a length from the tracee, not worth reading
	}
	if cap(c.scratch) < n {
		c.scratch = make([]byte, n)
	}
	b := c.scratch[:n]
	if addr == 0 {
		return nil, false
	}
	got, err := ptrace.ReadMem(c.Pid, addr, b)
	if err != nil || got != n {
		return nil, false
	}
	return b, true
}

// readInto fills b from addr; false when the memory is unreadable.
func (c *Ctx) readInto(addr uint64, b []byte) bool {
	if addr == 0 || c.NoDeref {
		return false
	}
	got, err := ptrace.ReadMem(c.Pid, addr, b)
	return err == nil && got == len(b)
}

// quoted appends s quoted and escaped per the configuration.
func (c *Ctx) quoted(s []byte) {
	c.Out = format.AppendCString(c.Out, s, c.Cfg.Escape)
}

// maxArray bounds every array walk, even with -v, so hostile tracee
// memory cannot keep the tracer looping.
const maxArray = 1 << 16
