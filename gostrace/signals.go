package main

import (
	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/gostrace/decode"
)

// signalStop prints "--- SIGx {…} ---" and delivers the signal.
func (t *tracer) signalStop(p *proc, sig int) {
	if p.hidden || t.opt.count == 1 || !t.showSignal(sig) {
		t.resume(p, sig)
		return
	}
	if err := ptrace.GetSiginfo(p.pid, &t.si); err != nil {
		t.resume(p, sig)
		return
	}
	c := &p.ctx
	c.Out = c.Out[:0]
	c.Siginfo(&t.si)
	if t.opt.json {
		t.jsonEvent(p, "signal", "signal", decode.SignalName(sig), "siginfo", string(c.Out))
		t.resume(p, sig)
		return
	}
	t.begin(p)
	o := p.out
	o.buf = append(o.buf, "--- "...)
	o.buf = append(o.buf, decode.SignalName(sig)...)
	o.buf = append(o.buf, ' ')
	o.buf = append(o.buf, c.Out...)
	o.buf = append(o.buf, " ---\n"...)
	t.stackAfterLine(p)
	t.end(p)
	t.resume(p, sig)
}

func (t *tracer) showSignal(sig int) bool {
	return sig > 0 && sig < len(t.opt.signals) && t.opt.signals[sig]
}

// pathMatch implements -P: a call is shown only when one of its path
// arguments or descriptors refers to a traced path.
func (t *tracer) pathMatch(p *proc) bool {
	if len(t.opt.paths) == 0 {
		return true
	}
	return decode.RefersTo(&p.ctx, t.opt.paths)
}
