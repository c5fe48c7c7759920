package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/goltrace/elfplt"
	"github.com/goclues/goclues/goltrace/proto"
)

// int3 is the breakpoint instruction.
const int3 = 0xcc

// symbol is a traced function at an address of one process image.
type symbol struct {
	prefix string // "exe->" for PLT entries selected by -e or -l
	name   string
	fn     *proto.Func
}

// breakpoint is an int3 written into the tracee: at a traced function's
// entry (sym set), at a return address (refs counts the open calls that
// return there), or both. Return breakpoints stay in place once made:
// the same call site usually returns again, and a hit with no open call
// prints nothing.
type breakpoint struct {
	addr uint64
	orig byte
	sym  *symbol
	refs int
	// gotSlot, when not zero, is the GOT entry of the "jmp *slot(%rip)"
	// that the breakpoint replaced: the jump is emulated instead of
	// single-stepped.
	gotSlot uint64
}

// frame is a call that has been printed on entry and not yet returned.
type frame struct {
	prefix  string // "exe->" before the name on entry
	name    string
	fn      *proto.Func
	retAddr uint64
	depth   int
	start   time.Time
	args    []uint64
	next    int // first parameter not printed yet (output parameters)
	// formatted holds printf-style parameters after an output parameter,
	// formatted at entry while their variadic arguments are in registers.
	formatted map[int][]byte
	syscall   bool
}

// proc is one traced process.
type proc struct {
	pid   int
	bps   map[uint64]*breakpoint
	stack []*frame
	// slotFunc mirrors ltrace's fixed call-stack array: whether the call
	// last pushed at each depth was a function (not a system call).
	// Slots are not cleared on return; see printer.event.
	slotFunc []bool
	stepping *breakpoint // breakpoint being stepped over
	started  bool        // the traced program has been exec'd
	quiet    bool        // traced only to keep shared breakpoints working
	detach   bool        // detach at its first stop (an untraced child)
	skipExit bool        // ignore the next syscall-exit stop (execve)
	// attachPending: attached with -p, breakpoints go in at the first stop.
	attachPending bool
	// stopped: a new child has reported its first stop and waits to be
	// released; held: the child is released only after its parent's
	// next event (the parent returns from fork first, as under ltrace).
	stopped, held bool
	// fresh: a new child whose first stop has not been seen.
	fresh bool
	// vforkChild is a traced vfork child that has not exec'd or exited
	// yet; the parent's events wait in deferred until it does (ltrace
	// reports the child's exec before the parent's return from vfork).
	vforkChild  *proc
	deferred    []ptrace.Stop
	vforkParent *proc
	// heldChild is the new child released after this process's next event.
	heldChild *proc
}

// stat is one row of the -c summary.
type stat struct {
	calls int
	time  time.Duration
}

// tracer follows the processes and prints their calls.
type tracer struct {
	opts   *options
	pr     *printer
	cfg    *proto.Config
	procs  map[int]*proc
	stats  map[string]*stat
	prefix string // "exe->" when -e selected the calls
	// exitCode is ltrace's own status: 0 unless it gave up.
	exitCode int
	intr     *interrupter
	regs     unix.PtraceRegs
	fetch    regFetcher
	// free holds frames of returned calls for reuse.
	free []*frame
	fp   ptrace.FPRegs
	vctx valueCtx
	buf  []byte
	rest []byte
	ret  []byte
}

func newTracer(o *options, pr *printer, cfg *proto.Config) *tracer {
	return &tracer{opts: o, pr: pr, cfg: cfg, procs: map[int]*proc{}, stats: map[string]*stat{}, intr: newInterrupter(len(o.command) == 0)}
}

// ptraceOptions are set on every tracee: exec and fork events are always
// needed (an untraced child must lose its breakpoints).
func (t *tracer) ptraceOptions() int {
	return ptrace.OptSysGood | ptrace.OptExec | ptrace.OptFollowAll
}

// resume lets p run until its next event.
func (t *tracer) resume(p *proc, sig int) {
	var err error
	switch {
	case p.stepping != nil:
		err = ptrace.SingleStep(p.pid, sig)
	case t.opts.syscalls && p.started && !p.quiet:
		err = ptrace.Syscall(p.pid, sig)
	default:
		err = ptrace.Cont(p.pid, sig)
	}
	_ = err // a vanished tracee is reported by wait
}

// run waits for events until no tracee is left.
func (t *tracer) run() {
	for len(t.procs) > 0 {
		st, ok, err := ptrace.Wait(-1, false, nil)
		if err != nil || !ok {
			return
		}
		t.handle(st)
	}
}

func (t *tracer) handle(st ptrace.Stop) {
	if t.intr != nil && t.intr.hit.Load() {
		sig := 0
		if st.Kind == ptrace.KindSignal {
			sig = st.Sig
		}
		t.detachAll(t.procs[st.Pid], sig)
		return
	}
	p := t.procs[st.Pid]
	if p == nil {
		// A new child can report before its parent's fork event: it
		// waits, stopped, until that event says how to treat it.
		p = &proc{pid: st.Pid, bps: map[uint64]*breakpoint{}, stopped: true, held: true}
		t.addProc(p)
		return
	}
	if p.vforkChild != nil {
		p.deferred = append(p.deferred, st)
		return
	}
	if c := p.heldChild; c != nil && st.Kind != ptrace.KindFork {
		p.heldChild = nil
		defer t.releaseChild(c)
	}
	switch st.Kind {
	case ptrace.KindExited:
		if !p.quiet && !p.detach {
			t.pr.event(p, ^uint64(0), fmt.Sprintf("+++ exited (status %d) +++", st.Status))
		}
		t.removeProc(p.pid)
	case ptrace.KindKilled:
		if !p.quiet && !p.detach {
			t.pr.event(p, ^uint64(0), "+++ killed by "+signalName(st.Sig)+" +++")
		}
		t.removeProc(p.pid)
	case ptrace.KindExec:
		t.onExec(p)
	case ptrace.KindFork:
		t.onFork(p, st)
	case ptrace.KindGroupStop:
		if p.fresh {
			// A new child's first stop reports SIGSTOP.
			t.firstStop(p)
			return
		}
		_ = ptrace.Listen(p.pid)
	case ptrace.KindEventStop:
		if p.fresh {
			t.firstStop(p)
			return
		}
		if p.detach {
			t.dropChild(p)
			return
		}
		if p.attachPending {
			p.attachPending = false
			if err := t.insertPLT(p); err != nil {
				fmt.Fprintf(os.Stderr, "%v\n", err)
			}
		}
		t.resume(p, 0)
	case ptrace.KindSyscall:
		t.onSyscall(p)
	case ptrace.KindSignal:
		t.onSignal(p, st.Sig)
	default:
		t.resume(p, 0)
	}
}

func (t *tracer) addProc(p *proc) {
	t.procs[p.pid] = p
	if t.intr != nil {
		t.intr.add(p.pid)
	}
}

func (t *tracer) removeProc(pid int) {
	if p := t.procs[pid]; p != nil {
		defer t.releaseVforkParent(p)
	}
	delete(t.procs, pid)
	if t.intr != nil {
		t.intr.remove(pid)
	}
}

// releaseVforkParent handles the events a vfork parent reported while
// its child c still shared its memory.
func (t *tracer) releaseVforkParent(c *proc) {
	p := c.vforkParent
	if p == nil {
		return
	}
	c.vforkParent = nil
	p.vforkChild = nil
	pending := p.deferred
	p.deferred = nil
	for _, st := range pending {
		t.handle(st)
	}
}

// onExec puts the breakpoints into a freshly executed image.
func (t *tracer) onExec(p *proc) {
	p.bps = map[uint64]*breakpoint{}
	p.stack = nil
	p.stepping = nil
	if p.quiet {
		// An untraced vfork child left the shared memory behind.
		_ = ptrace.Detach(p.pid, 0)
		t.removeProc(p.pid)
		return
	}
	if p.started {
		var regs unix.PtraceRegs
		_ = ptrace.GetRegs(p.pid, &regs)
		t.pr.event(p, regs.Rip, "--- Called exec() ---")
	}
	defer t.releaseVforkParent(p)
	p.started = true
	p.skipExit = true
	if err := t.insertPLT(p); err != nil {
		if !errors.Is(err, elfplt.ErrNoDynsym) {
			fmt.Fprintf(os.Stderr, "%v\n", err)
		} else {
			fmt.Fprintf(os.Stderr, "Couldn't find .dynsym or .dynstr in \"/proc/%d/exe\"\n", p.pid)
			// ltrace gives up and leaves the program running untraced.
			t.exitCode = 1
			for _, q := range t.procs {
				_ = ptrace.Detach(q.pid, 0)
			}
			t.procs = map[int]*proc{}
			return
		}
	}
	t.resume(p, 0)
}

// insertPLT reads the executable of p and breaks on its selected PLT
// entries and -x functions.
func (t *tracer) insertPLT(p *proc) error {
	exe := "/proc/" + strconv.Itoa(p.pid) + "/exe"
	img, err := elfplt.Open(exe)
	if err != nil {
		return fmt.Errorf("%s: %w", exe, err)
	}
	bias := uint64(0)
	if img.PIE {
		entry, err := auxEntry(p.pid)
		if err != nil {
			return err
		}
		bias = entry - img.Entry
	}
	if !t.opts.noLibs {
		libFuncs := t.libraryFuncs(exe)
		for _, e := range img.Symbols {
			if !t.selected(e.Name) && !libFuncs[e.Name] {
				continue
			}
			t.insertEntry(p, bias+e.Addr, e.Name, t.prefix)
		}
	}
	if len(t.opts.xfilters) > 0 {
		statics, err := elfplt.Functions(exe)
		if err != nil {
			return err
		}
		for _, e := range statics {
			if matchAny(t.opts.xfilters, e.Name) {
				t.insertEntry(p, bias+e.Addr, e.Name, "")
			}
		}
	}
	return nil
}

func (t *tracer) insertEntry(p *proc, addr uint64, name, prefix string) {
	fn, _ := t.cfg.Lookup(name)
	bp := t.insertBP(p, addr)
	if bp != nil {
		bp.sym = &symbol{prefix: prefix, name: name, fn: fn}
	}
}

// insertBP writes an int3 at addr (once) and returns its breakpoint.
func (t *tracer) insertBP(p *proc, addr uint64) *breakpoint {
	if bp, ok := p.bps[addr]; ok {
		return bp
	}
	var b [6]byte
	if _, err := ptrace.ReadMem(p.pid, addr, b[:]); err != nil {
		return nil
	}
	if err := ptrace.PokeText(p.pid, addr, []byte{int3}); err != nil {
		return nil
	}
	bp := &breakpoint{addr: addr, orig: b[0]}
	if b[0] == 0xff && b[1] == 0x25 { // jmp *disp32(%rip)
		bp.gotSlot = addr + 6 + uint64(int64(int32(binary.LittleEndian.Uint32(b[2:]))))
	}
	p.bps[addr] = bp
	return bp
}

// atEntry is the auxiliary vector key of the program entry point.
const atEntry = 9

// auxEntry reads AT_ENTRY, the program's entry point as loaded.
func auxEntry(pid int) (uint64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/auxv")
	if err != nil {
		return 0, err
	}
	for i := 0; i+16 <= len(b); i += 16 {
		if binary.LittleEndian.Uint64(b[i:]) == atEntry {
			return binary.LittleEndian.Uint64(b[i+8:]), nil
		}
	}
	return 0, fmt.Errorf("no AT_ENTRY in /proc/%d/auxv", pid)
}

// onFork registers a new child. A followed child inherits the parent's
// breakpoints and open calls; any other child has its breakpoints taken
// out and is let go.
func (t *tracer) onFork(p *proc, st ptrace.Stop) {
	msg, err := ptrace.EventMsg(p.pid)
	if err == nil {
		cpid := int(msg)
		c := t.procs[cpid]
		if c == nil {
			c = &proc{pid: cpid, fresh: true}
			t.addProc(c)
		}
		if !t.opts.follow || st.Event == unix.PTRACE_EVENT_VFORK {
			// A vfork parent waits for its child: never hold the child.
			defer t.releaseChild(c)
		} else {
			c.held = true
			p.heldChild = c
		}
		vfork := st.Event == unix.PTRACE_EVENT_VFORK
		shared := vfork || st.Event == unix.PTRACE_EVENT_CLONE
		if vfork && t.opts.follow && !p.quiet {
			p.vforkChild, c.vforkParent = c, p
		}
		if shared {
			// Same memory, same breakpoints.
			c.bps = p.bps
		} else {
			c.bps = make(map[uint64]*breakpoint, len(p.bps))
			for a, bp := range p.bps {
				cp := *bp
				c.bps[a] = &cp
			}
		}
		c.started = p.started
		switch {
		case t.opts.follow && !p.quiet:
			for _, f := range p.stack {
				cf := *f
				cf.args = append([]uint64(nil), f.args...)
				c.stack = append(c.stack, &cf)
				c.slotFunc = append([]bool(nil), p.slotFunc...)
				if bp := c.bps[f.retAddr]; bp != nil && shared {
					bp.refs++ // both processes will return through it
				}
			}
		case shared:
			c.quiet = true
		default:
			c.detach = true
		}
	}
	t.resume(p, 0)
}

// firstStop handles a new child's first stop: it waits there while held,
// is let go if untraced, and runs otherwise.
func (t *tracer) firstStop(c *proc) {
	c.fresh = false
	c.stopped = true
	if c.held {
		return
	}
	t.releaseChild(c)
}

// releaseChild lets a child that stopped before its parent's fork event
// go on, once the parent has been resumed.
func (t *tracer) releaseChild(c *proc) {
	c.held = false
	if !c.stopped || t.procs[c.pid] != c {
		return
	}
	c.stopped = false
	if c.detach {
		t.dropChild(c)
		return
	}
	t.resume(c, 0)
}

// dropChild takes the breakpoints out of an untraced child and detaches.
func (t *tracer) dropChild(c *proc) {
	for _, bp := range c.bps {
		_ = ptrace.PokeText(c.pid, bp.addr, []byte{bp.orig})
	}
	_ = ptrace.Detach(c.pid, 0)
	t.removeProc(c.pid)
}

// onSignal handles a signal-delivery-stop: breakpoint traps, the end of
// a single step, or a real signal to report and deliver.
func (t *tracer) onSignal(p *proc, sig int) {
	if p.detach {
		t.dropChild(p)
		return
	}
	if sig == int(unix.SIGTRAP) {
		if bp := p.stepping; bp != nil {
			p.stepping = nil
			if _, ok := p.bps[bp.addr]; ok {
				_ = ptrace.PokeText(p.pid, bp.addr, []byte{int3})
			}
			t.resume(p, 0)
			return
		}
		if err := ptrace.GetRegs(p.pid, &t.regs); err == nil {
			if bp, ok := p.bps[t.regs.Rip-1]; ok {
				t.onBreakpoint(p, bp)
				return
			}
		}
	}
	if !t.opts.noSignals && !p.quiet && p.started {
		var regs unix.PtraceRegs
		_ = ptrace.GetRegs(p.pid, &regs)
		t.pr.event(p, regs.Rip, "--- "+signalName(sig)+" ("+signalText(sig)+") ---")
	}
	t.resume(p, sig)
}

// onBreakpoint runs when p stopped on one of our int3s.
func (t *tracer) onBreakpoint(p *proc, bp *breakpoint) {
	now := time.Now()
	handled := false
	if bp.refs > 0 {
		for i := len(p.stack) - 1; i >= 0; i-- {
			f := p.stack[i]
			if f.syscall || f.retAddr != bp.addr {
				continue
			}
			p.stack = p.stack[:i]
			t.callReturned(p, f, now)
			bp.refs--
			handled = true
			break
		}
	}
	if !handled && bp.sym != nil {
		t.callEntered(p, bp.sym, now)
	}
	t.regs.Rip = bp.addr
	switch {
	case bp.gotSlot != 0 && bp.refs == 0:
		// A PLT entry starts with "jmp *slot(%rip)": jump for it.
		var b [8]byte
		if _, err := ptrace.ReadMem(p.pid, bp.gotSlot, b[:]); err == nil {
			t.regs.Rip = binary.LittleEndian.Uint64(b[:])
		} else {
			t.stepOver(p, bp)
		}
	default:
		t.stepOver(p, bp)
	}
	_ = ptrace.SetRegs(p.pid, &t.regs)
	t.resume(p, 0)
}

// stepOver puts the original instruction back for one single step; the
// int3 returns when the step ends.
func (t *tracer) stepOver(p *proc, bp *breakpoint) {
	_ = ptrace.PokeText(p.pid, bp.addr, []byte{bp.orig})
	p.stepping = bp
}

// regFetcher hands out the integer and floating point arguments of a
// call stopped at its first instruction (System V AMD64 ABI).
type regFetcher struct {
	t      *tracer
	pid    int
	regs   *unix.PtraceRegs
	gp, fp int
	fpRead bool
	sys    bool
}

func (f *regFetcher) nextInt() uint64 {
	r := f.regs
	i := f.gp
	f.gp++
	if f.sys {
		switch i {
		case 0:
			return r.Rdi
		case 1:
			return r.Rsi
		case 2:
			return r.Rdx
		case 3:
			return r.R10
		case 4:
			return r.R8
		case 5:
			return r.R9
		}
		return 0
	}
	switch i {
	case 0:
		return r.Rdi
	case 1:
		return r.Rsi
	case 2:
		return r.Rdx
	case 3:
		return r.Rcx
	case 4:
		return r.R8
	case 5:
		return r.R9
	}
	var b [8]byte
	_, _ = ptrace.ReadMem(f.pid, r.Rsp+8*uint64(i-5), b[:])
	return binary.LittleEndian.Uint64(b[:])
}

func (f *regFetcher) nextFloat() uint64 {
	if !f.fpRead {
		_ = ptrace.GetFPRegs(f.pid, &f.t.fp)
		f.fpRead = true
	}
	i := f.fp
	f.fp++
	if i < 8 {
		return f.t.fp.XMM(i)
	}
	return 0
}

// unknownArgs is how many arguments a function without a prototype shows.
const unknownArgs = 4

// callEntered prints the left half of a call and opens its frame.
func (t *tracer) callEntered(p *proc, sym *symbol, now time.Time) {
	var ret [8]byte
	_, _ = ptrace.ReadMem(p.pid, t.regs.Rsp, ret[:])
	f := t.newFrame()
	f.prefix, f.name, f.fn = sym.prefix, sym.name, sym.fn
	f.retAddr, f.depth, f.start = binary.LittleEndian.Uint64(ret[:]), len(p.stack), now
	fetch := &t.fetch
	*fetch = regFetcher{t: t, pid: p.pid, regs: &t.regs}
	t.enter(p, f, fetch)
	if rb := t.insertBP(p, f.retAddr); rb != nil {
		rb.refs++
	}
}

// enter formats the arguments known at entry, prints them and pushes f.
func (t *tracer) enter(p *proc, f *frame, fetch *regFetcher) {
	c := t.ctx(p, f)
	t.buf = t.buf[:0]
	if f.fn == nil {
		for i := 0; i < unknownArgs; i++ {
			if i > 0 {
				t.buf = append(t.buf, ", "...)
			}
			t.buf = appendUnknown(t.buf, fetch.nextInt())
		}
		f.next = unknownArgs
	} else {
		if cap(f.args) < len(f.fn.Params) {
			f.args = make([]uint64, len(f.fn.Params))
		}
		f.args = f.args[:len(f.fn.Params)]
		f.next = len(f.fn.Params)
		for i, prm := range f.fn.Params {
			switch prm.Type.Kind {
			case proto.Float, proto.Double:
				f.args[i] = fetch.nextFloat()
			default:
				f.args[i] = fetch.nextInt()
			}
			if prm.Out && f.next > i {
				f.next = i
			}
		}
		c.args = f.args
		for i := f.next; i < len(f.fn.Params); i++ {
			if f.fn.Params[i].Type.Kind == proto.Format {
				b := c.appendValue(nil, f.fn.Params[i].Type, f.args[i], 0)
				if f.formatted == nil {
					f.formatted = map[int][]byte{}
				}
				f.formatted[i] = c.appendFormatArgs(b, f.args[i], fetch)
			}
		}
		for i := 0; i < f.next; i++ {
			if i > 0 {
				t.buf = append(t.buf, ", "...)
			}
			prm := f.fn.Params[i]
			t.buf = c.appendValue(t.buf, prm.Type, f.args[i], 0)
			if prm.Type.Kind == proto.Format {
				t.buf = c.appendFormatArgs(t.buf, f.args[i], fetch)
			}
		}
	}
	p.stack = append(p.stack, f)
	for len(p.slotFunc) <= f.depth {
		p.slotFunc = append(p.slotFunc, false)
	}
	p.slotFunc[f.depth] = !f.syscall
	if !t.opts.summary && !p.quiet {
		t.pr.left(p, f, t.buf)
	}
}

func (t *tracer) ctx(p *proc, f *frame) *valueCtx {
	c := &t.vctx
	c.pid, c.args, c.hasRet, c.retval = p.pid, f.args, false, 0
	c.strLen, c.arrLen = t.opts.strLen, t.opts.arrayLen
	return c
}

// newFrame takes a frame from the free list.
func (t *tracer) newFrame() *frame {
	if n := len(t.free); n > 0 {
		f := t.free[n-1]
		t.free = t.free[:n-1]
		args := f.args[:0]
		*f = frame{args: args}
		return f
	}
	return &frame{}
}

// recycle returns a finished frame to the free list.
func (t *tracer) recycle(f *frame) {
	if f.formatted == nil {
		t.free = append(t.free, f)
	}
}

// callReturned prints the right half of a returning function call.
func (t *tracer) callReturned(p *proc, f *frame, now time.Time) {
	rax := t.regs.Rax
	if f.fn != nil && (f.fn.Ret.Kind == proto.Double || f.fn.Ret.Kind == proto.Float) {
		if err := ptrace.GetFPRegs(p.pid, &t.fp); err == nil {
			rax = t.fp.XMM(0)
		}
	}
	t.leave(p, f, rax, now)
	t.recycle(f)
}

// leave formats the return value and any output parameters.
func (t *tracer) leave(p *proc, f *frame, rv uint64, now time.Time) {
	if t.opts.summary {
		s := t.stats[f.name]
		if s == nil {
			s = &stat{}
			t.stats[f.name] = s
		}
		s.calls++
		s.time += now.Sub(f.start)
		return
	}
	if p.quiet {
		return
	}
	c := t.ctx(p, f)
	c.retval, c.hasRet = rv, true
	t.rest = t.rest[:0]
	t.ret = t.ret[:0]
	if f.fn == nil {
		t.ret = appendUnknown(t.ret, rv)
	} else {
		for i := f.next; i < len(f.fn.Params); i++ {
			if i > 0 {
				t.rest = append(t.rest, ", "...)
			}
			if b, ok := f.formatted[i]; ok {
				t.rest = append(t.rest, b...)
				continue
			}
			t.rest = c.appendValue(t.rest, f.fn.Params[i].Type, f.args[i], 0)
		}
		t.ret = c.appendValue(t.ret, f.fn.Ret, rv, 0)
	}
	t.pr.right(p, f, t.rest, t.ret, now)
}

// onSyscall handles syscall stops under -S.
func (t *tracer) onSyscall(p *proc) {
	var info ptrace.SyscallInfo
	if err := ptrace.GetSyscallInfo(p.pid, &info); err != nil {
		t.resume(p, 0)
		return
	}
	now := time.Now()
	switch info.Op {
	case ptrace.OpEntry:
		p.skipExit = false
		name := syscallName(int(info.Nr))
		fn, _ := t.cfg.Lookup(name)
		_ = ptrace.GetRegs(p.pid, &t.regs)
		f := t.newFrame()
		f.name, f.fn, f.retAddr, f.depth, f.start, f.syscall = name, fn, info.IP, len(p.stack), now, true
		t.fetch = regFetcher{t: t, pid: p.pid, regs: &t.regs, sys: true}
		t.enter(p, f, &t.fetch)
	case ptrace.OpExit:
		if n := len(p.stack); n > 0 && p.stack[n-1].syscall && !p.skipExit {
			f := p.stack[n-1]
			p.stack = p.stack[:n-1]
			t.leave(p, f, uint64(info.Rval()), now)
			t.recycle(f)
		}
		p.skipExit = false
	}
	t.resume(p, 0)
}

// lastLtraceSyscall is the highest system call number ltrace 0.7.3 has a
// name for; later ones print as SYS_<number>.
const lastLtraceSyscall = 311

// ltraceSyscallNames are ltrace's spellings where they differ from the
// kernel's table.
var ltraceSyscallNames = map[string]string{"pread64": "pread", "pwrite64": "pwrite"}

func syscallName(nr int) string {
	if nr <= lastLtraceSyscall {
		if e, ok := sysent.Lookup(nr); ok {
			if n, ok := ltraceSyscallNames[e.Name]; ok {
				return "SYS_" + n
			}
			return "SYS_" + e.Name
		}
	}
	return "SYS_" + strconv.Itoa(nr)
}

// libraryFuncs returns the functions exported by the libraries -l
// selects among those the executable needs.
func (t *tracer) libraryFuncs(exe string) map[string]bool {
	if len(t.opts.libs) == 0 {
		return nil
	}
	libs, err := elfplt.Needed(exe, filepath.SplitList(os.Getenv("LD_LIBRARY_PATH")))
	if err != nil {
		return nil
	}
	funcs := map[string]bool{}
	for _, l := range libs {
		if l.Path == "" || !matchAny(t.opts.libs, l.Soname) {
			continue
		}
		names, err := elfplt.Exports(l.Path)
		if err != nil {
			continue
		}
		for n := range names {
			funcs[n] = true
		}
	}
	return funcs
}

// selected applies the -e filters to a PLT symbol of the main program;
// with neither -e nor -l every symbol is traced.
func (t *tracer) selected(name string) bool {
	if len(t.opts.filters) == 0 {
		return len(t.opts.libs) == 0
	}
	for _, f := range t.opts.filters {
		if matchRules(f, name) {
			return true
		}
	}
	return false
}

// exeName is the name ltrace gives the main program in "name->sym".
func exeName(path string) string { return filepath.Base(path) }
