package main

import (
	"fmt"
	"sort"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/sysent"
)

// stats accumulates the -c/-C summary.
type stats struct {
	calls  [sysent.Max]int
	errors [sysent.Max]int
	time   [sysent.Max]time.Duration
}

func newStats() *stats { return &stats{} }

func rusageStime(ru *unix.Rusage) time.Duration {
	return time.Duration(ru.Stime.Sec)*time.Second + time.Duration(ru.Stime.Usec)*time.Microsecond
}

// add counts one call; its time is the system CPU time the tracee spent
// in it, or the wall-clock latency with -w.
func (s *stats) add(nr int, failed bool, stime, wall time.Duration, wallClock bool) {
	if nr < 0 || nr >= sysent.Max {
		return
	}
	s.calls[nr]++
	if failed {
		s.errors[nr]++
	}
	if wallClock {
		s.time[nr] += wall
	} else if stime > 0 {
		s.time[nr] += stime
	}
}

const statsRule = "------ ----------- ----------- --------- --------- ----------------\n"

// report appends the summary table in strace's layout.
func (s *stats) report(dst []byte, sortBy string) []byte {
	var rows []int
	var total time.Duration
	var calls, errs int
	for nr := range s.calls {
		if s.calls[nr] > 0 {
			rows = append(rows, nr)
			total += s.time[nr]
			calls += s.calls[nr]
			errs += s.errors[nr]
		}
	}
	less := map[string]func(a, b int) bool{
		"time":    func(a, b int) bool { return s.time[a] > s.time[b] },
		"calls":   func(a, b int) bool { return s.calls[a] > s.calls[b] },
		"errors":  func(a, b int) bool { return s.errors[a] > s.errors[b] },
		"name":    func(a, b int) bool { return sysent.Name(a) < sysent.Name(b) },
		"nothing": func(a, b int) bool { return false },
	}[sortBy]
	if less == nil {
		less = func(a, b int) bool { return s.time[a] > s.time[b] }
	}
	sort.SliceStable(rows, func(i, j int) bool { return less(rows[i], rows[j]) })
	dst = append(dst, "% time     seconds  usecs/call     calls    errors syscall\n"...)
	dst = append(dst, statsRule...)
	row := func(pct float64, d time.Duration, n, e int, name string) {
		per := int64(0)
		if n > 0 {
			per = d.Microseconds() / int64(n)
		}
		errCol := ""
		if e > 0 {
			errCol = fmt.Sprint(e)
		}
		dst = fmt.Appendf(dst, "%6.2f %11.6f %11d %9d %9s %s\n", pct, d.Seconds(), per, n, errCol, name)
	}
	for _, nr := range rows {
		pct := 0.0
		if total > 0 {
			pct = 100 * float64(s.time[nr]) / float64(total)
		}
		row(pct, s.time[nr], s.calls[nr], s.errors[nr], sysent.Name(nr))
	}
	dst = append(dst, statsRule...)
	row(100, total, calls, errs, "total")
	return dst
}
