package main

import (
	_ "embed"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/goclues/goclues/common/format"
	"github.com/goclues/goclues/common/getopt"
	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/gostrace/decode"
)

// syscallSet is a set of system call numbers.
type syscallSet [sysent.Max]bool

// options is the parsed command line.
type options struct {
	follow         int // -f count
	outName        string
	pids           []int
	strLen         int
	escape         format.Escape
	xCount         int             // -x flags
	hexLong        bool            // --strings-in-hex given (conflicts with -x)
	decodeFDs      decode.FDDecode // -y, -yy, --decode-fds
	yCount         int             // -y given this many times
	decodeFDsSet   bool            // --decode-fds or -e decode-fds= given
	xlat           decode.XlatStyle
	timestamps     int  // -t count
	absFormat      int  // absNone, absTime, absUnix
	absPrec        int  // digits of absolute timestamps
	absLong        bool // --absolute-timestamps given (conflicts with -t)
	relative       bool
	relPrec        int // digits of -r
	showTime       bool
	timePrec       int // digits of -T
	column         int
	count          int // 1 for -c, 2 for -C
	sortBy         column
	sortSet        bool
	wallClock      bool
	summaryColumns []column      // -U; nil for the default columns
	overhead       time.Duration // -O
	instrPointer   bool          // -i
	stackTraces    bool          // -k: print the user stack after each call
	syscallNumber  bool          // -n
	pidComm        bool          // -Y, --decode-pids=comm
	pidNS          bool          // --decode-pids=pidns
	interruptible  int           // -I level, 0 for the default
	tips           tipsOptions
	readFDs        *fdSet   // -e read=
	writeFDs       *fdSet   // -e write=
	warnings       []string // printed once the command line is parsed
	quiet          int
	quietSet       map[string]bool
	quietQualified bool // -e quiet= or --quiet given (strace refuses it with -q)
	verboseAll     bool
	daemonize      int
	user           string
	env            []string
	seccomp        bool
	json           bool
	paths          []string
	trace          syscallSet
	traceAll       bool
	verboseSet     syscallSet
	abbrevSet      syscallSet
	rawSet         syscallSet
	signals        [65]bool
	status         map[string]bool
	injects        []*injection
	detachOnExec   bool // -b execve
	appendOut      bool // -A: append to -o files
	args           []string
}

var longOptions = []getopt.LongOption{
	{Name: "attach", HasArg: getopt.RequiredArgument, Val: 'p'},
	{Name: "columns", HasArg: getopt.RequiredArgument, Val: 'a'},
	{Name: "summary-only", HasArg: getopt.NoArgument, Val: 'c'},
	{Name: "summary", HasArg: getopt.NoArgument, Val: 'C'},
	{Name: "summary-sort-by", HasArg: getopt.RequiredArgument, Val: 'S'},
	{Name: "summary-columns", HasArg: getopt.RequiredArgument, Val: 'U'},
	{Name: "summary-wall-clock", HasArg: getopt.NoArgument, Val: 'w'},
	{Name: "follow-forks", HasArg: getopt.NoArgument, Val: 'f'},
	{Name: "output-separately", HasArg: getopt.NoArgument, Val: 0x100},
	{Name: "output", HasArg: getopt.RequiredArgument, Val: 'o'},
	{Name: "env", HasArg: getopt.RequiredArgument, Val: 'E'},
	{Name: "user", HasArg: getopt.RequiredArgument, Val: 'u'},
	{Name: "daemonize", HasArg: getopt.OptionalArgument, Val: 0x101},
	{Name: "trace", HasArg: getopt.RequiredArgument, Val: 0x102},
	{Name: "signal", HasArg: getopt.RequiredArgument, Val: 0x103},
	{Name: "status", HasArg: getopt.RequiredArgument, Val: 0x104},
	{Name: "abbrev", HasArg: getopt.RequiredArgument, Val: 0x105},
	{Name: "verbose", HasArg: getopt.RequiredArgument, Val: 0x106},
	{Name: "raw", HasArg: getopt.RequiredArgument, Val: 0x107},
	{Name: "quiet", HasArg: getopt.OptionalArgument, Val: 0x108},
	{Name: "silent", HasArg: getopt.OptionalArgument, Val: 0x108},
	{Name: "inject", HasArg: getopt.RequiredArgument, Val: 0x109},
	{Name: "fault", HasArg: getopt.RequiredArgument, Val: 0x10a},
	{Name: "trace-path", HasArg: getopt.RequiredArgument, Val: 'P'},
	{Name: "successful-only", HasArg: getopt.NoArgument, Val: 'z'},
	{Name: "failed-only", HasArg: getopt.NoArgument, Val: 'Z'},
	{Name: "string-limit", HasArg: getopt.RequiredArgument, Val: 's'},
	{Name: "absolute-timestamps", HasArg: getopt.OptionalArgument, Val: 0x10b},
	{Name: "timestamps", HasArg: getopt.OptionalArgument, Val: 0x10b},
	{Name: "relative-timestamps", HasArg: getopt.OptionalArgument, Val: 'r'},
	{Name: "syscall-times", HasArg: getopt.OptionalArgument, Val: 'T'},
	{Name: "no-abbrev", HasArg: getopt.NoArgument, Val: 'v'},
	{Name: "decode-fds", HasArg: getopt.OptionalArgument, Val: 0x10c},
	{Name: "const-print-style", HasArg: getopt.RequiredArgument, Val: 'X'},
	{Name: "strings-in-hex", HasArg: getopt.OptionalArgument, Val: 0x120},
	{Name: "seccomp-bpf", HasArg: getopt.NoArgument, Val: 0x10d},
	{Name: "help", HasArg: getopt.NoArgument, Val: 'h'},
	{Name: "version", HasArg: getopt.NoArgument, Val: 'V'},
	{Name: "json", HasArg: getopt.NoArgument, Val: 0x10e},
	{Name: "detach-on", HasArg: getopt.RequiredArgument, Val: 'b'},
	{Name: "instruction-pointer", HasArg: getopt.NoArgument, Val: 'i'},
	{Name: "syscall-number", HasArg: getopt.NoArgument, Val: 'n'},
	{Name: "output-append-mode", HasArg: getopt.NoArgument, Val: 'A'},
	{Name: "summary-syscall-overhead", HasArg: getopt.RequiredArgument, Val: 'O'},
	{Name: "interruptible", HasArg: getopt.RequiredArgument, Val: 'I'},
	{Name: "debug", HasArg: getopt.NoArgument, Val: 'd'},
	{Name: "stack-traces", HasArg: getopt.NoArgument, Val: 'k'},
	{Name: "decode-pids", HasArg: getopt.RequiredArgument, Val: 0x110},
	{Name: "pidns-translation", HasArg: getopt.NoArgument, Val: 0x111},
	{Name: "tips", HasArg: getopt.OptionalArgument, Val: 0x112},
	{Name: "read", HasArg: getopt.RequiredArgument, Val: 0x113},
	{Name: "write", HasArg: getopt.RequiredArgument, Val: 0x114},
	{Name: "kvm", HasArg: getopt.RequiredArgument, Val: 0x115},
}

const optstring = "+a:Ab:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ"

// usageError is an error that ends with strace's "Try '… -h'" hint.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// fatalError is reported as "PROG: msg" with exit status 1.
type fatalError struct{ msg string }

func (e *fatalError) Error() string { return e.msg }

func fatalf(format string, args ...any) error {
	return &fatalError{fmt.Sprintf(format, args...)}
}

func parseOptions(argv []string) (*options, error) {
	o := &options{strLen: 32, column: 40, traceAll: true, sortBy: colTotal}
	for i := range o.trace {
		o.trace[i] = true
		o.abbrevSet[i] = true
		o.verboseSet[i] = true
	}
	for i := range o.signals {
		o.signals[i] = true
	}
	p := getopt.New(argv, optstring, longOptions)
	p.SetProgName(progName)
	for {
		opt, arg, hasArg, err := p.Next()
		if opt == -1 {
			break
		}
		if err != nil {
			return nil, &usageError{err.Error()}
		}
		if err := o.apply(opt, arg, hasArg); err != nil {
			return nil, err
		}
	}
	o.args = p.Operands()
	if len(o.args) == 0 && len(o.pids) == 0 {
		return nil, &usageError{progName + ": must have PROG [ARGS] or -p PID"}
	}
	if o.yCount > 0 && o.decodeFDsSet {
		return nil, fatalf("-y and --decode-fds cannot be provided simultaneously")
	}
	if o.xCount > 0 && o.hexLong {
		return nil, fatalf("-x and --strings-in-hex cannot be provided simultaneously")
	}
	if o.timestamps > 0 && o.absLong {
		return nil, fatalf("-t and --absolute-timestamps cannot be provided simultaneously")
	}
	if o.absFormat != absNone {
		o.timestamps = max(o.timestamps, 1)
	}
	if o.quiet > 0 && o.quietQualified {
		return nil, fatalf("-q and -e quiet/--quiet cannot be provided simultaneously")
	}
	if o.seccomp && len(o.pids) > 0 && len(o.args) == 0 {
		fmt.Fprintf(os.Stderr, "%s: --seccomp-bpf is not enabled for processes attached with -p\n", progName)
	}
	if o.seccomp && o.follow == 0 {
		fmt.Fprintf(os.Stderr, "%s: --seccomp-bpf cannot be used without -f/--follow-forks, disabling\n", progName)
		o.seccomp = false
	}
	if err := o.checkSummary(); err != nil {
		return nil, err
	}
	for _, w := range o.warnings {
		fmt.Fprintf(os.Stderr, "%s: %s\n", progName, w)
	}
	o.resolvePaths()
	return o, nil
}

// resolvePaths adds the canonical form of each -P path that has a
// different one, saying so as strace does.
func (o *options) resolvePaths() {
	for _, p := range o.paths {
		rp, ok := realpath(p)
		if !ok || rp == p {
			continue
		}
		fmt.Fprintf(os.Stderr, "%s: Requested path \"%s\" resolved into \"%s\"\n", progName, p, rp)
		o.paths = append(o.paths, rp)
	}
}

// realpath is realpath(3): the absolute path of an existing file with
// no symbolic link, "." or ".." left in it.
func realpath(p string) (string, bool) {
	if p == "" {
		return "", false
	}
	rp, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", false
	}
	if rp, err = filepath.Abs(rp); err != nil {
		return "", false
	}
	if strings.HasSuffix(p, "/") {
		// A trailing slash asks for a directory.
		if st, err := os.Stat(rp); err != nil || !st.IsDir() {
			return "", false
		}
	}
	return rp, true
}

func (o *options) apply(opt int, arg string, hasArg bool) error {
	switch opt {
	case 'a':
		n, err := strconv.Atoi(arg)
		if err != nil || n < 0 {
			return &usageError{fmt.Sprintf("%s: invalid -a argument: '%s'", progName, arg)}
		}
		o.column = n
	case 'c', 'C':
		n := map[int]int{'c': 1, 'C': 2}[opt]
		if o.count != 0 && o.count != n {
			return &usageError{progName + ": -c/--summary-only and -C/--summary are mutually exclusive"}
		}
		o.count = n
	case 'S':
		c, err := parseSortBy(arg)
		if err != nil {
			return err
		}
		o.sortBy, o.sortSet = c, true
	case 'U':
		cols, err := parseColumns(arg)
		if err != nil {
			return err
		}
		o.summaryColumns = cols
	case 'O':
		d, err := parseOverhead(arg)
		if err != nil {
			return err
		}
		o.overhead = d
	case 'i':
		o.instrPointer = true
	case 'n':
		o.syscallNumber = true
	case 'Y':
		o.pidComm = true
	case 0x110:
		for _, v := range strings.Split(arg, ",") {
			switch v {
			case "comm":
				o.pidComm = true
			case "pidns":
				o.pidNS = true
			default:
				return fatalf("invalid decode-pids '%s'", arg)
			}
		}
	case 0x112:
		t, err := parseTips(arg, hasArg)
		if err != nil {
			return err
		}
		o.tips = t
	case 'I':
		level, ok := interruptibleLevels[arg]
		if !ok {
			return &usageError{fmt.Sprintf("%s: invalid -I argument: '%s'", progName, arg)}
		}
		o.interruptible = level
	case 0x113:
		return o.qualify("read=" + arg)
	case 0x114:
		return o.qualify("write=" + arg)
	case 0x115:
		return o.qualify("kvm=" + arg)
	case 'w':
		o.wallClock = true
	case 'f':
		o.follow++
	case 0x100:
		o.follow = 2
	case 'o':
		o.outName = arg
	case 'p':
		for _, f := range strings.FieldsFunc(arg, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
			pid, err := strconv.Atoi(f)
			if err != nil || pid <= 0 {
				return fatalf("Invalid process id: '%s'", f)
			}
			o.pids = append(o.pids, pid)
		}
	case 'E':
		o.env = append(o.env, arg)
	case 'u':
		o.user = arg
	case 'D':
		o.daemonize++
	case 0x101:
		levels := map[string]int{"grandchild": 1, "pgroup": 2, "pgrp": 2, "session": 3}
		o.daemonize = 1
		if hasArg {
			n, ok := levels[arg]
			if !ok {
				return &usageError{fmt.Sprintf("%s: invalid --daemonize argument: '%s'", progName, arg)}
			}
			o.daemonize = n
		}
	case 'e':
		return o.qualify(arg)
	case 0x102:
		return o.qualify("trace=" + arg)
	case 0x103:
		return o.qualify("signal=" + arg)
	case 0x104:
		return o.qualify("status=" + arg)
	case 0x105:
		return o.qualify("abbrev=" + arg)
	case 0x106:
		return o.qualify("verbose=" + arg)
	case 0x107:
		return o.qualify("raw=" + arg)
	case 0x108:
		if !hasArg {
			arg = "attach,personality"
		}
		return o.qualify("quiet=" + arg)
	case 0x109:
		return o.qualify("inject=" + arg)
	case 0x10a:
		return o.qualify("fault=" + arg)
	case 'P':
		o.paths = append(o.paths, arg)
	case 'z':
		o.status = map[string]bool{"successful": true}
	case 'Z':
		o.status = map[string]bool{"failed": true}
	case 's':
		n, err := strconv.Atoi(arg)
		if err != nil || n < 0 || n > maxStrLen {
			return &usageError{fmt.Sprintf("%s: invalid -s argument: '%s'", progName, arg)}
		}
		o.strLen = n
	case 't':
		o.timestamps++
		o.absFormat, o.absPrec = absTime, 0
		switch {
		case o.timestamps == 2:
			o.absPrec = 6
		case o.timestamps > 2:
			o.absFormat, o.absPrec = absUnix, 6
		}
	case 0x10b:
		o.absLong = true
		if o.absFormat == absNone {
			o.absFormat = absTime
		}
		if hasArg {
			return o.absoluteTimestamps(arg)
		}
	case 'r':
		o.relative, o.relPrec = true, 6
		if hasArg {
			return o.precisionArg(&o.relPrec, "--relative-timestamps", arg)
		}
	case 'T':
		o.showTime, o.timePrec = true, 6
		if hasArg {
			return o.precisionArg(&o.timePrec, "--syscall-times", arg)
		}
	case 'v':
		o.verboseAll = true
		for i := range o.abbrevSet {
			o.abbrevSet[i] = false
		}
	case 'y':
		o.yCount++
		o.decodeFDs = decode.FDDecodeForY(o.yCount)
	case 0x10c:
		if !hasArg {
			arg = "path"
		}
		return o.qualify("decode-fds=" + arg)
	case 'X':
		switch arg {
		case "raw":
			o.xlat = decode.XlatRaw
		case "abbrev":
			o.xlat = decode.XlatAbbrev
		case "verbose":
			o.xlat = decode.XlatVerbose
		default:
			return &usageError{fmt.Sprintf("%s: invalid -X argument: '%s'", progName, arg)}
		}
	case 'x':
		o.xCount++
		if o.escape < format.EscapeHexAll {
			o.escape++
		}
	case 0x120:
		styles := map[string]format.Escape{"non-ascii-chars": format.EscapeHexChars, "non-ascii": format.EscapeHexIfAny, "all": format.EscapeHexAll}
		o.hexLong = true
		o.escape = format.EscapeHexAll
		if hasArg {
			esc, ok := styles[arg]
			if !ok {
				return &usageError{fmt.Sprintf("%s: invalid --strings-in-hex argument: '%s'", progName, arg)}
			}
			o.escape = esc
		}
	case 'q':
		o.quiet++
	case 0x10d:
		o.seccomp = true
	case 0x10e:
		o.json = true
	case 'h':
		fmt.Print(usageText)
		os.Exit(0)
	case 'V':
		fmt.Print(versionText)
		os.Exit(0)
	case 'b':
		if arg != "execve" {
			return fatalf("Syscall '%s' for -b isn't supported", arg)
		}
		o.detachOnExec = true
	case 'A':
		o.appendOut = true
	case 'k':
		o.stackTraces = true
	case 'd', 'F', 0x111:
		// -d (debug output), -F (an old spelling of -f) and
		// --pidns-translation are accepted and have no effect here.
	}
	return nil
}

// qualify parses one -e expression.
func (o *options) qualify(expr string) error {
	kind, val, ok := strings.Cut(expr, "=")
	if !ok {
		kind, val = "trace", expr
	}
	switch kind {
	case "trace", "t":
		o.traceAll = false
		return parseSyscallSet(val, &o.trace)
	case "abbrev", "a":
		return parseSyscallSet(val, &o.abbrevSet)
	case "verbose", "v":
		return parseSyscallSet(val, &o.verboseSet)
	case "raw", "x":
		return parseSyscallSet(val, &o.rawSet)
	case "signal", "signals", "s":
		return parseSignalSet(val, &o.signals)
	case "status":
		negate := strings.HasPrefix(val, "!")
		o.status = map[string]bool{}
		for _, s := range strings.Split(strings.TrimPrefix(val, "!"), ",") {
			switch s {
			case "successful", "failed", "unfinished", "unavailable", "detached":
				o.status[s] = true
			case "all":
				for _, k := range statuses {
					o.status[k] = true
				}
			case "none":
			default:
				return fatalf("invalid status '%s'", s)
			}
		}
		if negate {
			for _, k := range statuses {
				o.status[k] = !o.status[k]
			}
		}
		if all := len(o.status) == len(statuses); all {
			for _, on := range o.status {
				all = all && on
			}
			if all {
				o.status = nil
			}
		}
	case "quiet", "silent", "silence", "q":
		if o.quietSet == nil {
			o.quietSet = map[string]bool{}
		}
		o.quietQualified = true
		for _, s := range strings.Split(val, ",") {
			switch s {
			case "attach", "exit", "path-resolution", "personality", "thread-execve":
				o.quietSet[s] = true
			case "exits":
				o.quietSet["exit"] = true
			case "superseded":
				o.quietSet["thread-execve"] = true
			case "all":
				for _, k := range []string{"attach", "exit", "path-resolution", "personality", "thread-execve"} {
					o.quietSet[k] = true
				}
			case "none":
			default:
				return fatalf("invalid quiet '%s'", s)
			}
		}
	case "inject", "fault":
		inj, err := parseInjection(val, kind == "fault")
		if err != nil {
			return err
		}
		o.injects = append(o.injects, inj)
	case "read", "reads", "r", "write", "writes", "w":
		set, err := parseFDSet(val)
		if err != nil {
			return err
		}
		if kind[0] == 'r' {
			o.readFDs = set
		} else {
			o.writeFDs = set
		}
	case "kvm":
		if val != "vcpu" {
			return fatalf("invalid -e kvm= argument: '%s'", val)
		}
	case "decode-fds", "decode-fd":
		set, err := decode.ParseFDDecode(val)
		if err != nil {
			return fatalf("%s", err)
		}
		o.decodeFDs, o.decodeFDsSet = set, true
	default:
		return fatalf("invalid system call '%s'", expr)
	}
	return nil
}

// parseSyscallSet parses strace's syscall set grammar into set.
func parseSyscallSet(val string, set *syscallSet) error {
	negate := strings.HasPrefix(val, "!")
	if negate {
		val = val[1:]
	}
	var s syscallSet
	for _, tok := range strings.Split(val, ",") {
		optional := strings.HasPrefix(tok, "?")
		tok = strings.TrimPrefix(tok, "?")
		qual := tok
		// A personality suffix: @64 is the only one an x86-64 tracee
		// uses; @32 and @x32 names are checked, then match nothing.
		other := false
		if i := strings.LastIndexByte(tok, '@'); i >= 0 {
			switch pers := tok[i+1:]; pers {
			case "64":
			case "32", "x32":
				other = true
			default:
				return &usageError{fmt.Sprintf("%s: incorrect personality designator '%s' in qualification '%s'", progName, pers, tok)}
			}
			tok = tok[:i]
		}
		if other {
			var scratch syscallSet
			if err := parseSyscallSet("?"+tok, &scratch); err == nil && scratch != (syscallSet{}) || tok == "none" || optional {
				continue
			}
			return fatalf("invalid system call '%s'", qual)
		}
		found := false
		switch {
		case tok == "all":
			for i := range s {
				s[i] = true
			}
			found = true
		case tok == "none":
			found = true
		case strings.HasPrefix(tok, "%") || isOldClass(tok):
			cls, ok := sysent.ClassNames[strings.TrimPrefix(tok, "%")]
			if !ok {
				if optional {
					continue
				}
				return fatalf("invalid system call '%s'", tok)
			}
			sysent.Each(func(nr int, e sysent.Entry) {
				if e.Class&cls != 0 {
					s[nr] = true
					found = true
				}
			})
			found = true
		case strings.HasPrefix(tok, "/"):
			re, err := regexp.Compile(tok[1:])
			if err != nil {
				return fatalf("invalid system call '%s'", tok)
			}
			sysent.Each(func(nr int, e sysent.Entry) {
				if re.MatchString(e.Name) {
					s[nr] = true
					found = true
				}
			})
		default:
			if nr, ok := sysent.Number(tok); ok {
				s[nr] = true
				found = true
			} else if n, err := strconv.Atoi(tok); err == nil && n >= 0 && n < sysent.Max {
				s[n] = true
				found = true
			}
		}
		if !found && !optional {
			return fatalf("invalid system call '%s'", qual)
		}
	}
	if negate {
		for i := range s {
			s[i] = !s[i]
		}
	}
	*set = s
	return nil
}

func isOldClass(tok string) bool {
	switch tok {
	case "file", "process", "network", "signal", "ipc", "desc", "memory":
		return true
	}
	return false
}

func parseSignalSet(val string, set *[65]bool) error {
	negate := strings.HasPrefix(val, "!")
	if negate {
		val = val[1:]
	}
	var s [65]bool
	for _, tok := range strings.Split(val, ",") {
		switch tok {
		case "all":
			for i := range s {
				s[i] = true
			}
		case "none":
		default:
			n, ok := decode.SignalNumber(strings.ToUpper(tok))
			if !ok {
				return fatalf("invalid signal '%s'", tok)
			}
			s[n] = true
		}
	}
	if negate {
		for i := range s {
			s[i] = !s[i]
		}
	}
	*set = s
	return nil
}

func (o *options) traced(nr int) bool {
	return nr >= 0 && nr < sysent.Max && o.trace[nr] || nr >= sysent.Max && o.traceAll
}

func (o *options) verbose(nr int) bool {
	if nr < 0 || nr >= sysent.Max {
		return false
	}
	return o.verboseAll || !o.abbrevSet[nr] && o.verboseSet[nr]
}

func (o *options) raw(nr int) bool { return nr >= 0 && nr < sysent.Max && o.rawSet[nr] }

// maxStrLen is the largest -s strace accepts (INT_MAX/2).
const maxStrLen = 1<<30 - 1

// precisions are the digits of strace's timestamp precisions.
var precisions = map[string]int{"s": 0, "ms": 3, "us": 6, "ns": 9}

// precisionArg parses -r's and -T's optional PRECISION.
func (o *options) precisionArg(dst *int, flag, arg string) error {
	n, ok := precisions[arg]
	if !ok {
		return &usageError{fmt.Sprintf("%s: invalid %s argument: '%s'", progName, flag, arg)}
	}
	*dst = n
	return nil
}

// absoluteTimestamps parses "[[format:]FORMAT][,[precision:]PRECISION]"
// in any order; each item sets only its own field.
func (o *options) absoluteTimestamps(arg string) error {
	formats := map[string]int{"none": absNone, "time": absTime, "unix": absUnix}
	for _, item := range strings.Split(arg, ",") {
		if v, ok := strings.CutPrefix(item, "format:"); ok {
			item = v
			if _, ok := formats[item]; !ok {
				item = "\x00"
			}
		} else if v, ok := strings.CutPrefix(item, "precision:"); ok {
			item = v
			if _, ok := precisions[item]; !ok {
				item = "\x00"
			}
		}
		if f, ok := formats[item]; ok {
			o.absFormat = f
		} else if p, ok := precisions[item]; ok {
			o.absPrec = p
		} else {
			return &usageError{fmt.Sprintf("%s: invalid --absolute-timestamps argument: '%s'", progName, arg)}
		}
	}
	return nil
}

// statuses are the -e status= classes of a call's end.
var statuses = []string{"successful", "failed", "unfinished", "unavailable", "detached"}

// bufferLines reports whether whole lines are held back until exit
// because -z/-Z/status filtering decides at exit whether to print.
func (o *options) bufferLines() bool { return o.status != nil || o.json }

func (o *options) statusShown(failed bool) bool {
	if o.status == nil {
		return true
	}
	if failed {
		return o.status["failed"]
	}
	return o.status["successful"]
}

func (o *options) quietSignals() bool { return false }

func (o *options) quietExit() bool { return o.quiet >= 2 || o.quietSet["exit"] }

func (o *options) quietAttach() bool { return o.quiet >= 1 || o.quietSet["attach"] }

// checkSummary applies strace's checks of the summary and output
// options once the whole command line is read: errors stop, the others
// are warnings printed before tracing starts.
func (o *options) checkSummary() error {
	switch {
	case o.count != 0 && o.follow > 1:
		return &usageError{progName + ": (-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive"}
	case o.wallClock && o.count == 0:
		return &usageError{progName + ": -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)"}
	case o.summaryColumns != nil && o.count == 0:
		return &usageError{progName + ": -U/--summary-columns must be given with (-c/--summary-only or -C/--summary)"}
	}
	if o.sortSet && o.count == 0 {
		o.warnings = append(o.warnings, "-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)")
	}
	if o.count == 1 {
		for _, w := range []struct {
			set  bool
			flag string
		}{
			{o.instrPointer, "-i/--instruction-pointer"},
			{o.stackTraces, "-k/--stack-traces"},
			{o.syscallNumber, "-n/--syscall-number"},
			{o.relative, "-r/--relative-timestamps"},
			{o.timestamps > 0, "-t/--absolute-timestamps"},
			{o.showTime, "-T/--syscall-times"},
			{o.decodeFDs != 0, "-y/--decode-fds"},
		} {
			if w.set {
				o.warnings = append(o.warnings, w.flag+" has no effect with -c/--summary-only")
			}
		}
	}
	if o.appendOut && o.outName == "" {
		o.warnings = append(o.warnings, "-A/--output-append-mode has no effect without -o/--output")
	}
	return nil
}

// -I levels: when SIGHUP, SIGINT, SIGQUIT, SIGPIPE and SIGTERM may
// interrupt the tracer.
const (
	intrAnywhere  = 1 // they kill it at once
	intrWaiting   = 2 // they make it detach and exit
	intrNever     = 3 // they are ignored
	intrNeverTstp = 4 // they and SIGTSTP are ignored
)

var interruptibleLevels = map[string]int{
	"1": intrAnywhere, "anywhere": intrAnywhere, "2": intrWaiting, "waiting": intrWaiting,
	"3": intrNever, "never": intrNever, "4": intrNeverTstp, "never_tstp": intrNeverTstp,
}

// interruptLevel is -I's level or strace's default for the command
// line: never_tstp with -D, never when a command's trace goes to a file,
// waiting otherwise.
func (o *options) interruptLevel() int {
	switch {
	case o.interruptible != 0:
		return o.interruptible
	case o.daemonize > 0:
		return intrNeverTstp
	case o.outName != "" && len(o.args) > 0:
		return intrNever
	}
	return intrWaiting
}

// lookupUser resolves -u USER to uid, gid and groups.
func lookupUser(name string) (uid, gid int, groups []int, err error) {
	u, err := user.Lookup(name)
	if err != nil {
		return 0, 0, nil, fatalf("Cannot find user '%s'", name)
	}
	uid, _ = strconv.Atoi(u.Uid)
	gid, _ = strconv.Atoi(u.Gid)
	ids, _ := u.GroupIds()
	for _, g := range ids {
		n, _ := strconv.Atoi(g)
		groups = append(groups, n)
	}
	return uid, gid, groups, nil
}

// resolveCommand finds the program like strace: names with a slash are
// used as given, others are searched in PATH.
func resolveCommand(name string) (string, error) {
	if strings.Contains(name, "/") {
		if _, err := os.Stat(name); err != nil {
			return "", fatalf("Can't stat '%s': %s", name, errnoText(err))
		}
		return name, nil
	}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir == "" {
			dir = "."
		}
		path := dir + "/" + name
		st, err := os.Stat(path)
		if err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return path, nil
		}
	}
	return "", fatalf("Can't stat '%s': No such file or directory", name)
}

// usageText is strace 6.1's -h text (what the installed strace prints).
//
//go:embed usage.txt
var usageText string

// versionText is the -V text. Of the reference's optional features
// stack tracing (gostrace/unwind, with C++ demangling) is built in;
// multi-personality decoding (m32/mx32 mpers) is not.
const versionText = `strace -- version 6.1
Copyright (c) 1991-2022 The strace developers <https://strace.io>.
This is free software; see the source for copying conditions.  There is NO
warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.

Optional features enabled: stack-trace=libunwind stack-demangle
`
