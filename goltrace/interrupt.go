package main

import (
	"os"
	"os/signal"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/ptrace"
)

// interrupter turns SIGINT, SIGTERM and SIGHUP into a clean detach when
// ltrace attached with -p: breakpoints are taken out and the tracees run
// on. When ltrace started the command it catches these signals and goes
// on tracing (a handler, not SIG_IGN, so the command does not inherit it).
//
// The ptrace thread sleeps in wait4, which a signal to the tracer does
// not end, so the signal goroutine wakes it by sending SIGCONT to a
// tracee (a harmless signal whose stop the tracer then swallows).
type interrupter struct {
	hit  atomic.Bool
	mu   sync.Mutex
	pids map[int]bool
}

func newInterrupter(detach bool) *interrupter {
	in := &interrupter{pids: map[int]bool{}}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, unix.SIGINT, unix.SIGTERM, unix.SIGHUP)
	go func() {
		for range ch {
			if !detach {
				continue
			}
			in.hit.Store(true)
			in.mu.Lock()
			for pid := range in.pids {
				_ = unix.Kill(pid, unix.SIGCONT)
			}
			in.mu.Unlock()
		}
	}()
	return in
}

func (in *interrupter) add(pid int) {
	in.mu.Lock()
	in.pids[pid] = true
	in.mu.Unlock()
}

func (in *interrupter) remove(pid int) {
	in.mu.Lock()
	delete(in.pids, pid)
	in.mu.Unlock()
}

// detachAll takes every tracee out of tracing. cur is the tracee whose
// stop is being handled (already stopped), with the signal it stopped for.
func (t *tracer) detachAll(cur *proc, curSig int) {
	for _, p := range t.procs {
		sig := 0
		if p == cur {
			sig = curSig
		} else if !p.fresh && !p.stopped {
			sig = t.stopForDetach(p)
		}
		if p == cur && (sig == int(unix.SIGCONT) || sig == int(unix.SIGTRAP) && p.stepping != nil) {
			sig = 0 // our own wake-up call, or the end of a single step
		}
		var regs unix.PtraceRegs
		if err := ptrace.GetRegs(p.pid, &regs); err == nil && p.stepping == nil {
			if _, ok := p.bps[regs.Rip-1]; ok && sig == int(unix.SIGTRAP) {
				regs.Rip--
				_ = ptrace.SetRegs(p.pid, &regs)
				sig = 0
			}
		}
		for _, bp := range p.bps {
			_ = ptrace.PokeText(p.pid, bp.addr, []byte{bp.orig})
		}
		_ = ptrace.Detach(p.pid, sig)
	}
	t.procs = map[int]*proc{}
}

// stopForDetach interrupts a running tracee and waits for it to stop,
// returning the signal to deliver when it is let go.
func (t *tracer) stopForDetach(p *proc) int {
	if err := ptrace.Interrupt(p.pid); err != nil {
		return 0
	}
	for {
		st, ok, err := ptrace.Wait(p.pid, false, nil)
		if err != nil || !ok {
			return 0
		}
		switch st.Kind {
		case ptrace.KindSignal:
			if st.Sig == int(unix.SIGCONT) || p.stepping != nil && st.Sig == int(unix.SIGTRAP) {
				return 0
			}
			return st.Sig
		case ptrace.KindExited, ptrace.KindKilled:
			return 0
		default:
			return 0
		}
	}
}
