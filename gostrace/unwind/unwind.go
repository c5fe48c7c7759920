// Package unwind prints the user stack of a stopped tracee the way
// strace -k (built with libunwind) does: it reads /proc/PID/maps, finds
// each frame's FDE through the .eh_frame_hdr of the mapped ELF file,
// runs the CFA program to recover the caller's registers from tracee
// memory, and names each frame after the nearest preceding function
// symbol of .symtab or .dynsym, C++ names demangled as libiberty does.
//
// Where libunwind 1.6 deviates from a textbook unwinder the deviation is
// kept, since the output has to match: a frame without unwind
// information falls back to the frame-pointer chain while keeping the
// previous canonical frame address, DW_CFA_register refers to the
// registers of the innermost frame, and symbol offsets are measured from
// the nearest symbol whatever its size.
package unwind

import (
	"strconv"

	"github.com/goclues/goclues/common/ptrace"
	"golang.org/x/sys/unix"
)

// maxFrames is where strace stops a walk with "too many stack frames".
const maxFrames = 256

// imageKey names one mapped file: a path can be replaced while traced,
// and name another file in another mount namespace.
type imageKey struct {
	path, dev string
	inode     uint64
}

// Unwinder holds what all traced threads share: ELF images by file and
// the generation of memory maps, bumped whenever any tracee changes its
// mappings (strace invalidates every cache at once).
type Unwinder struct {
	images map[imageKey]*image // nil entries: files that cannot be used
	names  map[string]string   // demangled C++ symbol names
	gen    uint64
	mach   cfiMachine
	regs   unix.PtraceRegs
	mem    memCache
	cur    cursor
}

// New returns an Unwinder with empty caches.
func New() *Unwinder {
	return &Unwinder{images: make(map[imageKey]*image), names: make(map[string]string)}
}

// Thread is the per-thread state: its cached mappings and the stack
// captured at the entry of a call whose trace is printed later.
type Thread struct {
	maps   []Mapping
	gen    uint64
	loaded bool
	queue  []byte
}

// Invalidate drops every thread's cached mappings; call it after a call
// that changes mappings (mmap, munmap, mprotect, brk, execve, …).
func (u *Unwinder) Invalidate() { u.gen++ }

// Capture records the current stack of pid for printing after the call
// (strace does so at the entry of execve and exit calls).
func (u *Unwinder) Capture(t *Thread, pid int) {
	t.queue = u.walk(t.queue[:0], t, pid, true)
}

// Append adds the stack trace of pid to out: the captured one if there
// is one, else a fresh walk.
func (u *Unwinder) Append(out []byte, t *Thread, pid int) []byte {
	if len(t.queue) > 0 {
		return u.Flush(out, t)
	}
	return u.walk(out, t, pid, false)
}

// Flush appends a captured stack, if any, and forgets it.
func (u *Unwinder) Flush(out []byte, t *Thread) []byte {
	out = append(out, t.queue...)
	t.queue = t.queue[:0]
	return out
}

// maps returns the thread's mappings, reloading them when stale.
func (u *Unwinder) maps(t *Thread, pid int) bool {
	if t.loaded && t.gen == u.gen {
		return len(t.maps) > 0
	}
	m, err := readMaps(pid)
	if err != nil {
		t.loaded = false
		return false
	}
	t.maps, t.gen, t.loaded = m, u.gen, true
	return len(m) > 0
}

// image returns the parsed ELF file behind m, or nil. Like libunwind it
// opens the file through the tracee's root (/proc/PID/root), so that a
// process in another mount namespace or chroot gets its own files; the
// debug link of the file is looked for relative to that path too.
func (u *Unwinder) image(m *Mapping, pid int) *image {
	k := imageKey{m.Path, m.Dev, m.Inode}
	im, ok := u.images[k]
	if !ok {
		im, _ = openImage("/proc/" + strconv.Itoa(pid) + "/root" + m.Path)
		u.images[k] = im
	}
	return im
}

// walk unwinds pid from its current registers, one line per frame.
// queued selects the format strace uses for captured stacks, which
// prints an unnamed frame as "(+0x0)" instead of "()".
func (u *Unwinder) walk(out []byte, t *Thread, pid int, queued bool) []byte {
	if !u.maps(t, pid) {
		return out
	}
	if ptrace.GetRegs(pid, &u.regs) != nil {
		return out
	}
	c := &u.cur // reused: a cursor handed to expressions would escape
	*c = cursor{u: u, t: t, pid: pid}
	c.init(&u.regs)
	u.mem.reset(pid)
	depth := 0
	for ; depth < maxFrames; depth++ {
		var ok bool
		if out, ok = c.appendFrame(out, queued); !ok {
			break
		}
		if c.step() <= 0 {
			break
		}
	}
	if depth >= maxFrames {
		out = append(out, " > too many stack frames\n"...)
	}
	return out
}

// appendFrame prints the frame at the cursor; false ends the walk.
func (c *cursor) appendFrame(out []byte, queued bool) ([]byte, bool) {
	m := find(c.t.maps, c.ip)
	if m == nil || !m.Exec {
		if c.ip != 0 {
			out = append(out, " > unexpected_backtracing_error [0x"...)
			out = strconv.AppendUint(out, c.ip, 16)
			out = append(out, "]\n"...)
		}
		return out, false
	}
	name, off := c.procName()
	out = append(out, " > "...)
	out = append(out, m.Path...)
	out = append(out, '(')
	if name != "" || queued {
		out = append(out, c.u.demangled(name)...)
		out = append(out, "+0x"...)
		out = strconv.AppendUint(out, off, 16)
	}
	out = append(out, ") [0x"...)
	out = strconv.AppendUint(out, c.ip-m.Start+m.Offset, 16)
	out = append(out, "]\n"...)
	return out, true
}

// demangled returns the printed form of a symbol name, demangling each
// C++ name once.
func (u *Unwinder) demangled(name string) string {
	if len(name) < 2 || name[0] != '_' || name[1] != 'Z' {
		return name
	}
	d, ok := u.names[name]
	if !ok {
		if d, ok = demangle(name); !ok {
			d = name
		}
		u.names[name] = d
	}
	return d
}

// procName names the function of the cursor's frame: the nearest
// preceding function symbol of the mapped file and the distance to it.
// For a return address the call instruction before it is looked up.
func (c *cursor) procName() (string, uint64) {
	ip := c.ip
	if c.usePrev {
		ip--
	}
	m := find(c.t.maps, ip)
	if m == nil {
		return "", 0
	}
	im := c.u.image(m, c.pid)
	if im == nil {
		return "", 0
	}
	if im.syms == nil {
		im.useDebugLink()
		im.syms = loadSymbols(im.symData)
	}
	bias, _ := im.loadBias(m.Start, m.Offset)
	name, off, ok := im.syms.lookup(ip, bias)
	if !ok {
		return "", 0
	}
	if c.usePrev {
		off++
	}
	return name, off
}
