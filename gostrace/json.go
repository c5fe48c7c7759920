package main

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/gostrace/decode"
)

// --json writes one JSON object per line and event instead of strace
// lines. Arguments (one array element each) and results keep strace's
// notation as strings, so a consumer sees exactly what the text trace
// would show.

type jsonSyscall struct {
	Pid      int      `json:"pid"`
	Type     string   `json:"type"`
	Time     float64  `json:"time"`
	Name     string   `json:"syscall"`
	Args     []string `json:"args"`
	Ret      string   `json:"return"`
	Retval   int64    `json:"retval"`
	Errno    string   `json:"errno,omitempty"`
	Injected bool     `json:"injected,omitempty"`
	Duration float64  `json:"duration"`
}

func (t *tracer) jsonSyscall(p *proc, raw bool) {
	c := &p.ctx
	args := string(p.line) + string(c.Out)
	// The entry text starts with "name(" and the exit text ends with ")".
	if n := len(sysent.Name(c.Nr)) + 1; len(args) >= n+1 {
		args = args[n : len(args)-1]
	}
	ev := jsonSyscall{Pid: p.pid, Type: "syscall", Time: unixSeconds(p.entry), Name: sysent.Name(c.Nr),
		Args: splitArgs(args), Retval: c.Ret, Injected: t.opt.injected(p), Duration: time.Since(p.entry).Seconds()}
	c.Out = c.Out[:0]
	if c.Failed {
		appendError(c)
		if name, ok := sysent.ErrnoName(int(-c.Ret)); ok {
			ev.Errno = name
		}
	} else {
		decode.Return(c, raw)
	}
	ev.Ret = string(c.Out)
	t.writeJSON(p, ev)
}

// jsonEvent writes {"pid":…,"type":kind, key: value…}.
func (t *tracer) jsonEvent(p *proc, kind string, kv ...any) {
	m := map[string]any{"pid": p.pid, "type": kind, "time": unixSeconds(time.Now())}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	t.writeJSON(p, m)
}

func (t *tracer) writeJSON(p *proc, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	o := p.out
	o.interrupt(p)
	o.buf = append(o.buf, b...)
	o.buf = append(o.buf, '\n')
}

// splitArgs cuts strace's argument text at the commas between
// arguments, not those inside quotes, brackets, braces or parentheses.
func splitArgs(s string) []string {
	out := []string{}
	depth, start := 0, 0
	inQuote := false
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case inQuote:
			if b == '\\' {
				i++
			} else if b == '"' {
				inQuote = false
			}
		case b == '"':
			inQuote = true
		case b == '(' || b == '[' || b == '{':
			depth++
		case b == ')' || b == ']' || b == '}':
			depth--
		case b == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" || len(out) > 0 {
		out = append(out, rest)
	}
	return out
}

func unixSeconds(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }
