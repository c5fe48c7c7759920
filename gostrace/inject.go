package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/gostrace/decode"
)

// injection is one -e inject= / -e fault= rule.
type injection struct {
	set     syscallSet
	errno   int   // > 0: fail with -errno
	retval  int64 // used when hasRet
	hasRet  bool
	signal  int
	first   int // 1-based occurrence to start at
	last    int // 0: no end
	step    int // 0: only first
	counter map[int]int
	// delays hold the tracee at entry or exit (strace delay_enter=,
	// delay_exit=); replace runs another call instead (syscall=).
	delayEnter, delayExit time.Duration
	replace               int
	// pokeEnter and pokeExit write data into the tracee's memory where
	// an argument points, at entry or at exit (poke_enter=, poke_exit=).
	pokeEnter, pokeExit []poke
}

func parseInjection(val string, fault bool) (*injection, error) {
	parts := strings.Split(val, ":")
	inj := &injection{first: 1, step: 1, counter: map[int]int{}, replace: -1}
	kind := "inject"
	if fault {
		kind = "fault"
	}
	bad := fatalf("invalid %s argument '%s'", kind, val)
	if err := parseSyscallSet(parts[0], &inj.set); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, p := range parts[1:] {
		key, v, _ := strings.Cut(p, "=")
		// error= and retval= are one setting: only one may be given.
		slot := key
		if key == "error" {
			slot = "retval"
		}
		if seen[slot] && key != "when" {
			return nil, bad
		}
		seen[slot] = true
		var ok bool
		switch key {
		case "error":
			inj.errno, ok = errnoByName(v)
		case "retval":
			inj.retval, ok = parseRetval(v)
			inj.hasRet = true
		case "signal":
			inj.signal, ok = decode.SignalNumber(strings.ToUpper(v))
			if !ok {
				inj.signal, ok = decode.SignalNumber("SIG" + strings.ToUpper(v))
			}
		case "when":
			ok = inj.parseWhen(v) == nil
		case "delay_enter":
			inj.delayEnter, ok = parseDelay(v)
		case "delay_exit":
			inj.delayExit, ok = parseDelay(v)
		case "poke_enter":
			inj.pokeEnter, ok = parsePokes(v)
		case "poke_exit":
			inj.pokeExit, ok = parsePokes(v)
		case "syscall":
			inj.replace, ok = sysent.Number(v)
		}
		if !ok {
			return nil, bad
		}
	}
	if fault && inj.errno == 0 && !inj.hasRet {
		inj.errno = int(unix.ENOSYS)
	}
	action := inj.errno != 0 || inj.hasRet || inj.signal != 0 || seen["delay_enter"] || seen["delay_exit"] ||
		inj.pokeEnter != nil || inj.pokeExit != nil
	if !action {
		return nil, bad
	}
	if inj.hasRet {
		retvalWarning(uint64(inj.retval))
	}
	return inj, nil
}

// parseRetval accepts a signed or unsigned 64-bit value.
func parseRetval(v string) (int64, bool) {
	if n, err := strconv.ParseInt(v, 0, 64); err == nil {
		return n, true
	}
	u, err := strconv.ParseUint(v, 0, 64)
	return int64(u), err == nil
}

// retvalWarning prints strace's notes on return values that a caller
// would read as an error code, natively or in the 32-bit personality.
func retvalWarning(u uint64) {
	switch {
	case int64(u) < 0 && int64(u) >= -maxErrno:
		fmt.Fprintf(os.Stderr, "%s: Inadvertent injection of error %d is possible for retval=%d\n", progName, -int64(u), u)
	case u > 0xffffffff:
		fmt.Fprintf(os.Stderr, "%s: Injected return value %d will be clipped to %d in compat personality\n", progName, u, uint32(u))
	case int32(uint32(u)) < 0 && int32(uint32(u)) >= -maxErrno:
		fmt.Fprintf(os.Stderr, "%s: Inadvertent injection of error %d is possible in compat personality for retval=%d\n", progName, -int32(uint32(u)), u)
	}
}

// maxErrno is the largest value the kernel returns as -errno.
const maxErrno = 4095

// parseDelay reads strace's delay: a non-negative number of
// microseconds, or a number with the unit s, ms, us or ns.
func parseDelay(v string) (time.Duration, bool) {
	unit := time.Microsecond
	for _, u := range []struct {
		suffix string
		d      time.Duration
	}{{"ms", time.Millisecond}, {"us", time.Microsecond}, {"ns", time.Nanosecond}, {"s", time.Second}} {
		if num, ok := strings.CutSuffix(v, u.suffix); ok {
			v, unit = num, u.d
			break
		}
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) || v == "" || strings.ContainsAny(v, "xXpPnN") {
		return 0, false
	}
	return time.Duration(f * float64(unit)), true
}

// poke is one @argN=HEX item of poke_enter=/poke_exit=: bytes written
// where argument N points.
type poke struct {
	arg  int
	data []byte
}

// maxPoke is the most bytes one poke may write.
const maxPoke = 1024

// parsePokes reads "@argN=HEX[,@argM=HEX]..." with distinct N in 1..7.
func parsePokes(v string) ([]poke, bool) {
	var out []poke
	used := map[int]bool{}
	for _, item := range strings.Split(v, ",") {
		spec, data, ok := strings.Cut(item, "=")
		n, err := strconv.Atoi(strings.TrimPrefix(spec, "@arg"))
		if !ok || !strings.HasPrefix(spec, "@arg") || err != nil || n < 1 || n > 7 || used[n] || data == "" {
			return nil, false
		}
		used[n] = true
		b, ok := parseHexPrefix(data)
		if !ok || len(b) > maxPoke {
			return nil, false
		}
		out = append(out, poke{arg: n, data: b})
	}
	return out, true
}

// parseHexPrefix decodes an even number of hex digits pair by pair,
// stopping at the first pair that is not hex, as strace does.
func parseHexPrefix(s string) ([]byte, bool) {
	if len(s)%2 != 0 {
		return nil, false
	}
	out := make([]byte, 0, len(s)/2)
	for i := 0; i < len(s); i += 2 {
		b, err := hex.DecodeString(s[i : i+2])
		if err != nil {
			break
		}
		out = append(out, b[0])
	}
	return out, true
}

func (inj *injection) parseWhen(v string) error {
	// FIRST is read like strtoul reads it: a leading '+' is its sign.
	sign := ""
	if strings.HasPrefix(v, "+") {
		sign, v = "+", v[1:]
	}
	lo, hi, ranged := strings.Cut(v, "..")
	hiSign := ""
	if ranged && strings.HasPrefix(hi, "+") {
		hiSign, hi = "+", hi[1:]
	}
	rest, stepGiven := "", false
	if ranged {
		hi, rest, stepGiven = strings.Cut(hi, "+")
		hi = hiSign + hi
	} else {
		lo, rest, stepGiven = strings.Cut(lo, "+")
	}
	inj.first, inj.step, inj.last = 1, 0, 0
	n, err := strconv.Atoi(sign + lo)
	if err != nil || n < 1 || n > whenMax || strings.HasPrefix(lo, "+") || strings.HasPrefix(lo, "-") {
		return strconv.ErrSyntax
	}
	inj.first = n
	if ranged {
		n, err := strconv.Atoi(hi)
		if err != nil || n < inj.first || n >= whenMax {
			return strconv.ErrSyntax
		}
		inj.last, inj.step = n, 1
	}
	if stepGiven {
		inj.step = 1
		if rest != "" {
			n, err := strconv.Atoi(rest)
			if err != nil || n < 1 || n > whenMax {
				return strconv.ErrSyntax
			}
			inj.step = n
		}
	}
	return nil
}

// whenMax is the largest occurrence number strace's when= accepts.
const whenMax = 65535

// fires counts a call of nr by pid's process and reports whether this
// occurrence is injected.
func (inj *injection) fires(nr int) bool {
	if !inj.set[nr] {
		return false
	}
	inj.counter[nr]++
	k := inj.counter[nr]
	if k < inj.first || inj.last > 0 && k > inj.last {
		return false
	}
	if k == inj.first {
		return true
	}
	return inj.step > 0 && (k-inj.first)%inj.step == 0
}

func errnoByName(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil && n > 0 && n <= maxErrno {
		return n, true
	}
	for e := 1; e <= maxErrno; e++ {
		if name, ok := sysent.ErrnoName(e); ok && strings.EqualFold(name, s) {
			return e, true
		}
	}
	return 0, false
}

// injectEntry applies the first matching rule at system call entry:
// calls that must fail or return a value are turned into the invalid
// call -1 so the kernel does nothing.
func (t *tracer) injectEntry(p *proc) {
	p.inject, p.poked = nil, false
	nr := p.ctx.Nr
	if nr < 0 || nr >= sysent.Max {
		return
	}
	for _, inj := range t.opt.injects {
		if inj.fires(nr) {
			p.inject = inj
			break
		}
	}
	if p.inject == nil {
		return
	}
	p.delay = p.inject.delayEnter
	t.poke(p, p.inject.pokeEnter)
	if p.inject.errno == 0 && !p.inject.hasRet && p.inject.replace < 0 {
		return
	}
	var regs unix.PtraceRegs
	if ptrace.GetRegs(p.pid, &regs) == nil {
		regs.Orig_rax = ^uint64(0)
		if p.inject.replace >= 0 {
			regs.Orig_rax = uint64(p.inject.replace)
		}
		_ = ptrace.SetRegs(p.pid, &regs)
	}
}

// injectExit sets the injected return value and reports the signal to
// deliver on resume.
func (t *tracer) injectExit(p *proc) (sig int) {
	inj := p.inject
	if inj == nil {
		return 0
	}
	p.delay = inj.delayExit
	t.poke(p, inj.pokeExit)
	if inj.errno != 0 || inj.hasRet {
		ret := inj.retval
		if inj.errno != 0 {
			ret = -int64(inj.errno)
		}
		var regs unix.PtraceRegs
		if ptrace.GetRegs(p.pid, &regs) == nil {
			regs.Rax = uint64(ret)
			_ = ptrace.SetRegs(p.pid, &regs)
		}
		p.ctx.Ret = ret
		p.ctx.Failed = inj.errno != 0
	}
	return inj.signal
}

// injected reports whether p's current call had its result replaced.
func (o *options) injected(p *proc) bool {
	return p.inject != nil && (p.inject.errno != 0 || p.inject.hasRet)
}

// poke writes a rule's data where the arguments of p's call point; a
// failure is reported as strace reports it and the call goes on.
func (t *tracer) poke(p *proc, pokes []poke) {
	for _, pk := range pokes {
		e, _ := sysent.Lookup(p.ctx.Nr)
		if n := e.NArgs; pk.arg > n {
			t.msg("poke_tcb: Failed to tamper with process %d: requested to tamper with argument #%d, but system call '%s' has only %d arguments",
				p.pid, pk.arg, sysent.Name(p.ctx.Nr), n)
			continue
		}
		if ptrace.WriteMem(p.pid, p.ctx.Args[pk.arg-1], pk.data) != nil {
			t.msg("poke_tcb: Failed to tamper with process %d: couldn't poke", p.pid)
			continue
		}
		p.poked = true
	}
}

// appendInjectNote appends strace's notes on a tampered call:
// " (INJECTED)", " (INJECTED: args)", " (INJECTED: args, retval)", then
// " (DELAYED)".
func (t *tracer) appendInjectNote(dst []byte, p *proc) []byte {
	inj := p.inject
	if inj == nil {
		return dst
	}
	switch ret := t.opt.injected(p); {
	case p.poked && ret:
		dst = append(dst, " (INJECTED: args, retval)"...)
	case p.poked:
		dst = append(dst, " (INJECTED: args)"...)
	case ret:
		dst = append(dst, " (INJECTED)"...)
	}
	if inj.delayEnter > 0 || inj.delayExit > 0 {
		dst = append(dst, " (DELAYED)"...)
	}
	return dst
}

// delayedProc is a tracee held stopped by a delay_enter=/delay_exit=
// rule until its time is up; the other tracees keep running.
type delayedProc struct {
	p     *proc
	sig   int
	until time.Time
}

// hold keeps p stopped for its rule's delay instead of resuming it.
func (t *tracer) hold(p *proc, sig int) {
	t.delayed = append(t.delayed, delayedProc{p: p, sig: sig, until: time.Now().Add(p.delay)})
	p.delay = 0
}

// resumeDue resumes the held tracees whose delay is over and returns
// how long until the next one is due (0 when none is held).
func (t *tracer) resumeDue() time.Duration {
	now := time.Now()
	var next time.Duration
	kept := t.delayed[:0]
	for _, d := range t.delayed {
		if wait := d.until.Sub(now); wait > 0 {
			kept = append(kept, d)
			if next == 0 || wait < next {
				next = wait
			}
			continue
		}
		t.resume(d.p, d.sig)
	}
	t.delayed = kept
	return next
}

// forgetDelayed drops p, which died, from the held tracees.
func (t *tracer) forgetDelayed(p *proc) {
	t.delayed = slices.DeleteFunc(t.delayed, func(d delayedProc) bool { return d.p == p })
}
