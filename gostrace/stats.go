package main

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/sysent"
)

// The -c/-C call summary: per system call counts, errors and times
// (system CPU time, or latency with -w), printed as strace 6.1's table
// with the columns chosen by -U and the order chosen by -S.

// column is one column of the summary table.
type column uint8

// Summary columns.
const (
	colNone column = iota
	colPercent
	colTotal
	colMin
	colMax
	colAvg
	colCalls
	colErrors
	colName
)

// columnAliases are the names -U and -S accept, as strace spells them.
var columnAliases = map[string]column{
	"time": colPercent, "time_percent": colPercent, "time-percent": colPercent,
	"time_total": colTotal, "time-total": colTotal, "total_time": colTotal, "total-time": colTotal,
	"min_time": colMin, "min-time": colMin, "shortest": colMin, "time_min": colMin, "time-min": colMin,
	"longest": colMax, "max_time": colMax, "max-time": colMax, "time_max": colMax, "time-max": colMax,
	"avg_time": colAvg, "avg-time": colAvg, "time_avg": colAvg, "time-avg": colAvg,
	"calls": colCalls, "count": colCalls,
	"error": colErrors, "errors": colErrors,
	"name": colName, "syscall": colName, "syscall_name": colName, "syscall-name": colName,
	"none": colNone, "nothing": colNone,
}

// defaultColumns is the table without -U.
var defaultColumns = []column{colPercent, colTotal, colAvg, colCalls, colErrors, colName}

// columnDesc is how a column is headed and how wide it is at least.
type columnDesc struct {
	header string
	width  int
}

var columnDescs = [...]columnDesc{
	colPercent: {"% time", 6},
	colTotal:   {"seconds", 11},
	colMin:     {"shortest", 8},
	colMax:     {"longest", 7},
	colAvg:     {"usecs/call", 11},
	colCalls:   {"calls", 9},
	colErrors:  {"errors", 9},
	colName:    {"syscall", 16},
}

// parseColumns parses -U: a comma-separated list of column names, each at
// most once; the name column is added at the end when missing.
func parseColumns(arg string) ([]column, error) {
	var cols []column
	var seen [len(columnDescs)]bool
	rest := arg
	for {
		tok, after, more := strings.Cut(rest, ",")
		c, ok := columnAliases[tok]
		if !ok || c == colNone {
			return nil, &usageError{fmt.Sprintf("%s: unknown column name: '%s'", progName, tok)}
		}
		if seen[c] {
			return nil, &usageError{fmt.Sprintf("%s: call summary column has been provided more than once: '%s' (-U option residual: '%s')", progName, tok, rest)}
		}
		seen[c] = true
		cols = append(cols, c)
		if !more {
			break
		}
		rest = after
	}
	if !seen[colName] {
		cols = append(cols, colName)
	}
	return cols, nil
}

// parseSortBy parses -S; colNone keeps system call number order.
func parseSortBy(arg string) (column, error) {
	c, ok := columnAliases[arg]
	if !ok {
		return colNone, &usageError{fmt.Sprintf("%s: invalid sortby: '%s'", progName, arg)}
	}
	return c, nil
}

// overheadUnits are -O's units as nanosecond multipliers; no unit means
// microseconds.
var overheadUnits = map[string]float64{"": 1e3, "s": 1e9, "ms": 1e6, "us": 1e3, "ns": 1}

// parseOverhead parses -O as strace's parse_ts does: a number, read as
// floating point when it uses more than the characters of an integer,
// then an optional unit and nothing else. Negative values are rejected.
func parseOverhead(arg string) (time.Duration, error) {
	bad := &usageError{fmt.Sprintf("%s: invalid -O argument: '%s'", progName, arg)}
	floatLen := len(arg) - len(strings.TrimLeft(arg, "eE.-+0123456789"))
	intLen := len(arg) - len(strings.TrimLeft(arg, "+0123456789"))
	var val float64
	var rest string
	if floatLen > intLen {
		v, used, ok := parseFloatPrefix(arg[:floatLen])
		if !ok || v < 0 {
			return 0, bad
		}
		val, rest = v, arg[used:]
	} else {
		s := strings.TrimLeft(arg, " \t\n\v\f\r")
		end := 0
		if end < len(s) && (s[end] == '+' || s[end] == '-') {
			end++
		}
		for end < len(s) && s[end] >= '0' && s[end] <= '9' {
			end++
		}
		v, err := strconv.ParseInt(s[:end], 10, 64)
		if err != nil || v < 0 {
			return 0, bad
		}
		val, rest = float64(v), s[end:]
	}
	mul, ok := overheadUnits[rest]
	if !ok {
		return 0, bad
	}
	if val*mul >= math.MaxInt64 {
		return math.MaxInt64, nil
	}
	return time.Duration(val * mul), nil
}

// parseFloatPrefix parses the longest prefix of s that is a decimal
// floating-point number, as strtod does, and returns how much it used.
func parseFloatPrefix(s string) (float64, int, bool) {
	for end := len(s); end > 0; end-- {
		v, err := strconv.ParseFloat(s[:end], 64)
		if err == nil {
			return v, end, true
		}
		if errors.Is(err, strconv.ErrRange) {
			return 0, 0, false // strtod's ERANGE
		}
	}
	return 0, 0, false
}

// callStats is what the summary knows about one system call.
type callStats struct {
	calls, errors int64
	total         time.Duration
	min, max      time.Duration
	avg           time.Duration // total/calls, set by report
}

// stats accumulates the -c/-C summary.
type stats struct {
	calls    [sysent.Max]callStats
	overhead time.Duration // -O: subtracted from every call's time
	columns  []column
	sortBy   column
}

func newStats(opt *options) *stats {
	s := &stats{overhead: opt.overhead, columns: opt.summaryColumns, sortBy: opt.sortBy}
	if s.columns == nil {
		s.columns = defaultColumns
	}
	return s
}

func rusageStime(ru *unix.Rusage) time.Duration {
	return time.Duration(ru.Stime.Sec)*time.Second + time.Duration(ru.Stime.Usec)*time.Microsecond
}

// add counts one call that took d (system CPU time, or wall-clock
// latency with -w); the -O overhead is taken off, never below zero.
func (s *stats) add(nr int, failed bool, d time.Duration) {
	if nr < 0 || nr >= sysent.Max {
		return
	}
	d = max(d-s.overhead, 0)
	c := &s.calls[nr]
	if c.calls == 0 || d < c.min {
		c.min = d
	}
	c.max = max(c.max, d)
	c.calls++
	if failed {
		c.errors++
	}
	c.total += d
}

// less orders two rows for -S; every order is descending but by name.
func (s *stats) less(a, b int) bool {
	x, y := &s.calls[a], &s.calls[b]
	switch s.sortBy {
	case colPercent, colTotal:
		return x.total > y.total
	case colMin:
		return x.min > y.min
	case colMax:
		return x.max > y.max
	case colAvg:
		return x.avg > y.avg
	case colCalls:
		return x.calls > y.calls
	case colErrors:
		return x.errors > y.errors
	case colName:
		return sysent.Name(a) < sysent.Name(b)
	}
	return false
}

// seconds is strace's ts_float: a duration as floating seconds.
func seconds(d time.Duration) float64 {
	return float64(d/time.Second) + float64(d%time.Second)/1e9
}

// report appends the summary table; nothing when no call was counted.
func (s *stats) report(dst []byte) []byte {
	var rows []int
	var total, minAll, maxAll, minMax, avgMax time.Duration
	var calls, errs int64
	nameMax := 0
	for nr := range s.calls {
		c := &s.calls[nr]
		if c.calls == 0 {
			continue
		}
		if len(rows) == 0 || c.min < minAll {
			minAll = c.min
		}
		rows = append(rows, nr)
		total += c.total
		minMax = max(minMax, c.min)
		maxAll = max(maxAll, c.max)
		calls += c.calls
		errs += c.errors
		c.avg = c.total / time.Duration(c.calls)
		avgMax = max(avgMax, c.avg)
		nameMax = max(nameMax, len(sysent.Name(nr)))
	}
	if len(rows) == 0 {
		return dst
	}
	if s.sortBy != colNone {
		sort.SliceStable(rows, func(i, j int) bool { return s.less(rows[i], rows[j]) })
	}
	totalSec := seconds(total)
	var widths [len(columnDescs)]int
	for c, d := range columnDescs {
		widths[c] = d.width
	}
	grow := func(c column, n int) { widths[c] = max(widths[c], n) }
	grow(colPercent, len("100.00"))
	grow(colTotal, len(strconv.FormatFloat(totalSec, 'f', 6, 64)))
	grow(colMin, len(strconv.FormatInt(int64(minMax/time.Second), 10))+7)
	grow(colMax, len(strconv.FormatInt(int64(maxAll/time.Second), 10))+7)
	grow(colAvg, len(strconv.FormatUint(micros(avgMax), 10)))
	grow(colCalls, len(strconv.FormatInt(calls, 10)))
	grow(colErrors, len(strconv.FormatInt(errs, 10)))
	grow(colName, nameMax+1)

	last := len(s.columns) - 1
	for i, c := range s.columns {
		if i > 0 {
			dst = append(dst, ' ')
		}
		switch {
		case c == colName && i == last:
			dst = append(dst, columnDescs[c].header...)
		case c == colName:
			dst = appendLeft(dst, columnDescs[c].header, widths[c])
		default:
			dst = appendRight(dst, columnDescs[c].header, widths[c])
		}
	}
	dst = append(dst, '\n')
	dst = s.rule(dst, &widths)
	for _, nr := range rows {
		c := &s.calls[nr]
		pct := 100 * seconds(c.total)
		if pct != 0 {
			pct /= totalSec
		}
		dst = s.row(dst, &widths, pct, c, sysent.Name(nr))
	}
	dst = s.rule(dst, &widths)
	sum := callStats{calls: calls, errors: errs, total: total, min: minAll, max: maxAll}
	return s.row(dst, &widths, 100, &sum, "total")
}

// micros is strace's (uint64_t)(ts_float(d) * 1e6).
func micros(d time.Duration) uint64 { return uint64(seconds(d) * 1e6) }

func (s *stats) rule(dst []byte, widths *[len(columnDescs)]int) []byte {
	for i, c := range s.columns {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, strings.Repeat("-", widths[c])...)
	}
	return append(dst, '\n')
}

// row appends one table line; the total row passes its sums as c.
func (s *stats) row(dst []byte, widths *[len(columnDescs)]int, pct float64, c *callStats, name string) []byte {
	var num [32]byte
	last := len(s.columns) - 1
	for i, col := range s.columns {
		if i > 0 {
			dst = append(dst, ' ')
		}
		var cell []byte
		switch col {
		case colPercent:
			cell = strconv.AppendFloat(num[:0], pct, 'f', 2, 64)
		case colTotal:
			cell = strconv.AppendFloat(num[:0], seconds(c.total), 'f', 6, 64)
		case colMin:
			cell = strconv.AppendFloat(num[:0], seconds(c.min), 'f', 6, 64)
		case colMax:
			cell = strconv.AppendFloat(num[:0], seconds(c.max), 'f', 6, 64)
		case colAvg:
			avg := c.avg
			if name == "total" && c.calls > 0 {
				// strace divides the floating total for this row.
				cell = strconv.AppendUint(num[:0], uint64(seconds(c.total)/float64(c.calls)*1e6), 10)
				break
			}
			cell = strconv.AppendUint(num[:0], micros(avg), 10)
		case colCalls:
			cell = strconv.AppendInt(num[:0], c.calls, 10)
		case colErrors:
			// "%.0u": a zero count prints as blanks.
			if c.errors != 0 {
				cell = strconv.AppendInt(num[:0], c.errors, 10)
			}
		case colName:
			if i == last {
				dst = append(dst, name...)
			} else {
				dst = appendLeft(dst, name, widths[col])
			}
			continue
		}
		dst = appendRight(dst, string(cell), widths[col])
	}
	return append(dst, '\n')
}

func appendRight(dst []byte, s string, width int) []byte {
	for n := len(s); n < width; n++ {
		dst = append(dst, ' ')
	}
	return append(dst, s...)
}

func appendLeft(dst []byte, s string, width int) []byte {
	dst = append(dst, s...)
	for n := len(s); n < width; n++ {
		dst = append(dst, ' ')
	}
	return dst
}
