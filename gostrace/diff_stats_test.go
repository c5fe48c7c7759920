package main

import (
	"strings"
	"testing"
	"time"
)

// Differential cases for the summary (-c/-C/-U/-S/-O/-w), the -e read=/
// write= dumps, the -i/-n/-Y prefixes and annotations and --tips. The
// summaries use -O1s: an overhead of a second takes every call's time
// to zero, so the tables, their order included, are deterministic.
// Signals shown with -i are the ones a process sends itself, and the
// stats_pids cases hide SIGCHLD: where an asynchronous signal lands (before
// or after the parent's wait4) is up to the scheduler.
func init() {
	zero := []string{"-O1s"}
	with := func(a ...[]string) []string {
		var out []string
		for _, s := range a {
			out = append(out, s...)
		}
		return out
	}
	intrCmd := []string{"sh", "-c", "kill -INT $PPID; sleep 0.2; echo done"}
	diffCases = append(diffCases,
		diffCase{name: "stats-U-all", flags: with([]string{"-c", "-U", "name,calls,min-time,max-time,avg-time,total-time,time-percent,errors"}, zero), cmd: []string{"@files"}},
		diffCase{name: "stats-U-aliases", flags: with([]string{"-c", "-S", "count", "-U", "shortest,longest,time_avg,error,syscall,time"}, zero), cmd: []string{"@errors"}},
		diffCase{name: "stats-S-min", flags: with([]string{"-c", "-S", "min-time", "-U", "time_min,max_time,calls"}, zero), cmd: []string{"@files"}},
		diffCase{name: "stats-S-max", flags: with([]string{"--summary-only", "--summary-sort-by=longest"}, zero), cmd: []string{"@files"}},
		diffCase{name: "stats-S-avg", flags: with([]string{"-c", "-S", "avg-time"}, zero), cmd: []string{"@files"}},
		diffCase{name: "stats-S-errors", flags: with([]string{"-c", "-S", "errors"}, zero), cmd: []string{"@errors"}},
		diffCase{name: "stats-S-nothing", flags: with([]string{"-c", "-S", "nothing"}, zero), cmd: []string{"@files"}},
		diffCase{name: "stats-C-w", flags: with([]string{"-C", "-w", "-S", "calls", "-e", "trace=openat,close"}, zero), cmd: []string{"@files"}},
		diffCase{name: "stats-c-f", flags: with([]string{"-c", "-f", "-S", "name", "-U", "calls,errors,name"}, zero), cmd: []string{"@forkexec"}},
		diffCase{name: "stats-long-names", flags: with([]string{"-c", "-S", "name"}, zero), cmd: []string{"@stats_pids"}},
		diffCase{name: "stats-w-measured", flags: []string{"-c", "-w", "-S", "calls"}, cmd: []string{"@files"}},
		diffCase{name: "stats-O-units", flags: []string{"-c", "--summary-syscall-overhead=2.5s", "-S", "syscall_name"}, cmd: []string{"@files"}},
		diffCase{name: "stats-O-ns", flags: []string{"-c", "-O", "4000000000ns", "-S", "name"}, cmd: []string{"true"}},
		diffCase{name: "stats-none-counted", flags: []string{"-c", "-e", "trace=none"}, cmd: []string{"true"}},
		diffCase{name: "stats-warnings", flags: with([]string{"-c", "-i", "-k", "-n", "-r", "-t", "-T", "-y", "-A", "-S", "name", "-e", "trace=getpid"}, zero), cmd: []string{"@signals2"}},
		diffCase{name: "stats-S-without-c", flags: []string{"-S", "calls", "-e", "trace=exit_group"}, cmd: []string{"true"}},
		diffCase{name: "stats-A-without-o", flags: []string{"-A", "-e", "trace=exit_group"}, cmd: []string{"true"}},
		diffCase{name: "stats-bad-U", flags: []string{"-c", "-U", "calls,foo"}, cmd: []string{"true"}},
		diffCase{name: "stats-bad-U-empty", flags: []string{"-c", "-U", "calls,"}, cmd: []string{"true"}},
		diffCase{name: "stats-U-twice", flags: []string{"-c", "-U", "calls,name,count"}, cmd: []string{"true"}},
		diffCase{name: "stats-bad-S", flags: []string{"-c", "-S", "wall-total"}, cmd: []string{"true"}},
		diffCase{name: "stats-bad-O", flags: []string{"-c", "-O", "5m"}, cmd: []string{"true"}},
		diffCase{name: "stats-bad-O-negative", flags: []string{"-c", "-O", "-1"}, cmd: []string{"true"}},
		diffCase{name: "stats-bad-O-hex", flags: []string{"-c", "-O", "0x10"}, cmd: []string{"true"}},
		diffCase{name: "stats-w-without-c", flags: []string{"-w"}, cmd: []string{"true"}},
		diffCase{name: "stats-U-without-c", flags: []string{"-U", "calls"}, cmd: []string{"true"}},
		diffCase{name: "stats-c-ff", flags: []string{"-c", "-ff"}, cmd: []string{"true"}},
		diffCase{name: "stats-c-and-C", flags: []string{"-C", "-c"}, cmd: []string{"true"}},
		diffCase{name: "stats-bad-I", flags: []string{"-I", "5"}, cmd: []string{"true"}},
		diffCase{name: "stats-I-never", flags: []string{"-I", "never_tstp", "--interruptible=1", "-e", "trace=exit_group"}, cmd: []string{"true"}},

		// -I: the command interrupts its parent, the tracer.
		diffCase{name: "intr-never", flags: []string{"-I", "never", "-e", "trace=kill,exit_group"}, cmd: intrCmd},
		diffCase{name: "intr-never-tstp", flags: []string{"-I", "4", "-e", "trace=kill,exit_group"}, cmd: intrCmd},
		diffCase{name: "intr-waiting", flags: []string{"--interruptible=waiting", "-e", "trace=kill,exit_group"}, cmd: intrCmd},
		diffCase{name: "intr-anywhere", flags: []string{"-I", "1", "-e", "trace=kill,exit_group"}, cmd: intrCmd},
		diffCase{name: "intr-o-default", flags: []string{"-o", "/dev/null", "-e", "trace=kill"}, cmd: intrCmd},

		diffCase{name: "iodump-all", flags: []string{"-e", "read=all", "-e", "write=all"}, cmd: []string{"@stats_io"}},
		diffCase{name: "iodump-sets", flags: []string{"-e", "read=3,7", "-e", "write=!4", "-e", "trace=!mmap,mprotect"}, cmd: []string{"@stats_io"}},
		diffCase{name: "iodump-net", flags: []string{"--read=6", "--write=5", "-e", "trace=%network"}, cmd: []string{"@stats_io"}},
		diffCase{name: "iodump-none", flags: []string{"-e", "reads=none", "-e", "w=!all", "-e", "trace=read,write"}, cmd: []string{"@stats_io"}},
		diffCase{name: "iodump-bad", flags: []string{"-e", "read=1,x"}, cmd: []string{"true"}},

		diffCase{name: "prefix-i-n", flags: []string{"-i", "-n", "-e", "trace=openat,close,read,write"}, cmd: []string{"@files"}},
		diffCase{name: "prefix-n-signals", flags: []string{"--syscall-number", "--instruction-pointer", "-e", "trace=kill,getpid,rt_sigaction", "-e", "signal=SIGUSR1"}, cmd: []string{"@signals"}},
		diffCase{name: "prefix-tt-n-i", flags: []string{"-tt", "-n", "-i", "-e", "trace=getpid,kill,exit_group", "-e", "signal=none"}, cmd: []string{"@stats_pids"}},

		diffCase{name: "pids-Y", flags: []string{"-Y", "-e", "signal=none"}, cmd: []string{"@stats_pids"}},
		diffCase{name: "pids-decode-comm-pidns", flags: []string{"--decode-pids=comm,pidns", "-e", "trace=kill,tgkill,getpid,wait4,clone", "-e", "signal=none"}, cmd: []string{"@stats_pids"}},
		diffCase{name: "pids-Y-siginfo", flags: []string{"-Y", "-e", "trace=kill,wait4"}, cmd: []string{"@signals"}},
		diffCase{name: "pids-pidns", flags: []string{"--decode-pids=pidns", "-e", "trace=getpid,kill"}, cmd: []string{"@stats_pids"}},
		diffCase{name: "pids-Y-f-o", concurrent: true, flags: []string{"-f", "-Y", "-n", "-e", "trace=execve,exit_group,wait4,set_tid_address"}, cmd: []string{"@forkexec"}},
		diffCase{name: "pids-pidns-unshare", concurrent: true, flags: []string{"--decode-pids=pidns", "-f", "-e", "trace=getpid,getppid,kill,clone,wait4", "-e", "signal=none"}, cmd: []string{"unshare", "-fp", "sh", "-c", "kill -0 $$; /bin/true & wait"}},
		diffCase{name: "pids-bad", flags: []string{"--decode-pids=foo"}, cmd: []string{"true"}},

		diffCase{name: "tips-id", flags: []string{"--tips=id:3", "-e", "trace=none"}, cmd: []string{"true"}},
		diffCase{name: "tips-full", flags: []string{"--tips=12,full", "-e", "trace=none"}, cmd: []string{"true"}},
		diffCase{name: "tips-wrap", flags: []string{"--tips=format:compact,id:95", "-e", "trace=none"}, cmd: []string{"true"}},
		diffCase{name: "tips-none", flags: []string{"--tips=none", "-e", "trace=none"}, cmd: []string{"true"}},
		diffCase{name: "tips-after-summary", flags: with([]string{"-c", "-S", "name", "--tips=id:40"}, zero), cmd: []string{"true"}},
		diffCase{name: "tips-attach-failed", flags: []string{"--tips=id:2", "-p", "999999", "-e", "trace=none"}},
		diffCase{name: "tips-bad", flags: []string{"--tips=id:-1"}, cmd: []string{"true"}},
	)
}

func TestParseOverhead(t *testing.T) {
	for _, c := range []struct {
		arg  string
		want time.Duration
		ok   bool
	}{
		{"5", 5 * time.Microsecond, true},
		{"5ms", 5 * time.Millisecond, true},
		{"1.5us", 1500 * time.Nanosecond, true},
		{"1e3", time.Millisecond, true},
		{" 7", 7 * time.Microsecond, true},
		{".5s", 500 * time.Millisecond, true},
		{"10ns", 10, true},
		{"x", 0, false},
		{"-1", 0, false},
		{"5 ", 0, false},
		{"0x10", 0, false},
		{"inf", 0, false},
		{"1us5", 0, false},
		{"", 0, false},
	} {
		got, err := parseOverhead(c.arg)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("parseOverhead(%q) = %v, %v; want %v, ok %v", c.arg, got, err, c.want, c.ok)
		}
	}
}

func TestParseColumns(t *testing.T) {
	cols, err := parseColumns("calls,shortest")
	if err != nil || len(cols) != 3 || cols[0] != colCalls || cols[1] != colMin || cols[2] != colName {
		t.Errorf("parseColumns = %v, %v", cols, err)
	}
	for _, bad := range []string{"", "calls,", "none", "calls,count", "wall-total"} {
		if _, err := parseColumns(bad); err == nil {
			t.Errorf("parseColumns(%q) accepted", bad)
		}
	}
}

func TestStatsReport(t *testing.T) {
	s := &stats{columns: defaultColumns, sortBy: colTotal}
	s.add(0, false, 3*time.Millisecond)
	s.add(0, true, time.Millisecond)
	s.add(1, false, 6*time.Millisecond)
	got := string(s.report(nil))
	want := `% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
 60.00    0.006000        6000         1           write
 40.00    0.004000        2000         2         1 read
------ ----------- ----------- --------- --------- ----------------
100.00    0.010000        3333         3         1 total
`
	if got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
}

func TestHexDump(t *testing.T) {
	got := string(appendHexDump(nil, []byte("hello world\tthis is 17")))
	want := " | 00000  68 65 6c 6c 6f 20 77 6f  72 6c 64 09 74 68 69 73  hello world.this |\n" +
		" | 00010  20 69 73 20 31 37                                  is 17           |\n"
	if got != want {
		t.Errorf("dump:\n%q\nwant:\n%q", got, want)
	}
}

func TestParseTips(t *testing.T) {
	for _, c := range []struct {
		arg  string
		want tipsOptions
		ok   bool
	}{
		{"", tipsOptions{tipsCompact, -1}, true},
		{"id:3", tipsOptions{tipsCompact, 3}, true},
		{"3,full", tipsOptions{tipsFull, 3}, true},
		{"format:none,id:random", tipsOptions{tipsNone, -1}, true},
		{"id:-1", tipsOptions{}, false},
		{"foo", tipsOptions{}, false},
		{"format:7", tipsOptions{}, false},
	} {
		got, err := parseTips(c.arg, true)
		if (err == nil) != c.ok || c.ok && got != c.want {
			t.Errorf("parseTips(%q) = %v, %v", c.arg, got, err)
		}
	}
}

func FuzzParseOverhead(f *testing.F) {
	for _, seed := range []string{"5", "1.5ms", "1e3", " 7", "-1", "0x10", "1e400s", "+5ns", "5.e-3s"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		if d, err := parseOverhead(arg); err == nil && d < 0 {
			t.Errorf("parseOverhead(%q) = %v", arg, d)
		}
	})
}

func FuzzHexDump(f *testing.F) {
	f.Add([]byte("hello world\tthis is 17"))
	f.Add([]byte{0, 0x7f, 0x80, 0xff, ' ', '~'})
	f.Fuzz(func(t *testing.T, data []byte) {
		out := appendHexDump(nil, data)
		lines := (len(data) + 15) / 16
		if len(out) != lines*len(" | 00000  "+strings.Repeat("xx ", 16)+"  "+strings.Repeat(".", 16)+" |\n") && len(data) < 1<<20 {
			t.Errorf("%d bytes dumped as %d bytes", len(data), len(out))
		}
	})
}
