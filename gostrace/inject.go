package main

import (
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
}

func parseInjection(val string, fault bool) (*injection, error) {
	parts := strings.Split(val, ":")
	inj := &injection{first: 1, step: 1, counter: map[int]int{}, replace: -1}
	if err := parseSyscallSet(parts[0], &inj.set); err != nil {
		return nil, err
	}
	for _, p := range parts[1:] {
		key, v, _ := strings.Cut(p, "=")
		switch key {
		case "error":
			e, ok := errnoByName(v)
			if !ok {
				return nil, fatalf("invalid %s argument '%s'", map[bool]string{true: "fault", false: "inject"}[fault], val)
			}
			inj.errno = e
		case "retval":
			n, err := strconv.ParseInt(v, 0, 64)
			if err != nil {
				return nil, fatalf("invalid inject argument '%s'", val)
			}
			inj.retval, inj.hasRet = n, true
		case "signal":
			n, ok := decode.SignalNumber(strings.ToUpper(v))
			if !ok {
				return nil, fatalf("invalid inject argument '%s'", val)
			}
			inj.signal = n
		case "when":
			if err := inj.parseWhen(v); err != nil {
				return nil, fatalf("invalid inject argument '%s'", val)
			}
		case "delay_enter", "delay_exit":
			d, err := strconv.ParseUint(v, 10, 32)
			if err != nil {
				return nil, fatalf("invalid inject argument '%s'", val)
			}
			if key == "delay_enter" {
				inj.delayEnter = time.Duration(d) * time.Microsecond
			} else {
				inj.delayExit = time.Duration(d) * time.Microsecond
			}
		case "syscall":
			n, ok := sysent.Number(v)
			if !ok {
				return nil, fatalf("invalid inject argument '%s'", val)
			}
			inj.replace = n
		default:
			return nil, fatalf("invalid inject argument '%s'", val)
		}
	}
	if fault && inj.errno == 0 && !inj.hasRet {
		inj.errno = int(unix.ENOSYS)
	}
	return inj, nil
}

func (inj *injection) parseWhen(v string) error {
	first, rest, _ := strings.Cut(v, "+")
	stepGiven := strings.Contains(v, "+")
	lo, hi, ranged := strings.Cut(first, "..")
	n, err := strconv.Atoi(lo)
	if err != nil || n < 1 {
		return strconv.ErrSyntax
	}
	inj.first, inj.step = n, 0
	if ranged {
		if inj.last, err = strconv.Atoi(hi); err != nil {
			return err
		}
		inj.step = 1
	}
	if stepGiven {
		inj.step = 1
		if rest != "" {
			if inj.step, err = strconv.Atoi(rest); err != nil {
				return err
			}
		}
	}
	return nil
}

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
	if n, err := strconv.Atoi(s); err == nil && n > 0 && n < 4096 {
		return n, true
	}
	for e := 1; e < 4096; e++ {
		if name, ok := sysent.ErrnoName(e); ok && name == s {
			return e, true
		}
	}
	return 0, false
}

// injectEntry applies the first matching rule at system call entry:
// calls that must fail or return a value are turned into the invalid
// call -1 so the kernel does nothing.
func (t *tracer) injectEntry(p *proc) {
	p.inject = nil
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
	time.Sleep(p.inject.delayEnter)
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
	time.Sleep(inj.delayExit)
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
