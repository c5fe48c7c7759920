// Command goip is a drop-in reimplementation of iproute2 6.1's ip(8) for the
// route, neighbour, address, link and monitor objects: same grammar (prefix
// matched objects, commands and options), same output bytes in text, -o, -d,
// -s and -j/-p forms, same error texts and exit codes.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/sys/unix"
)

// options holds the global flags, named as in iproute2.
type options struct {
	family    int
	stats     int
	details   int
	resolve   int
	oneline   int
	timestamp int
	tshort    int
	human     int
	iec       int
	brief     int
	json      int
	pretty    int
	numeric   int
	force     int
	all       bool
	batchFile string
	batch     bool
	loops     int
}

var (
	opt = options{loops: 10}
	// sl is iproute2's _SL_: the line separator inside one record.
	sl     = "\n"
	stdout = bufio.NewWriterSize(os.Stdout, 64<<10)
)

// exitCode unwinds a command with the status ip would exit with.
type exitCode int

// fail ends the current command with code (after flushing what was printed).
func fail(code int) { panic(exitCode(code)) }

// errorf prints to stderr, keeping stdout's buffered bytes in front of it.
func errorf(format string, a ...any) {
	stdout.Flush()
	fmt.Fprintf(os.Stderr, format, a...)
}

// invarg is iproute2's invarg(): a bad argument value, exit 255.
func invarg(msg, arg string) {
	errorf("Error: argument \"%s\" is wrong: %s\n", arg, msg)
	fail(255)
}

// usageExit prints an object's usage to stderr and exits 255.
func usageExit(text string) {
	errorf("%s", text)
	fail(255)
}

type object struct {
	name string
	run  func(args []string) int
}

// objects is ip's table in its order; prefix matching picks the first match.
// Objects goip does not implement report so instead of silently misbehaving.
var objects []object

func init() {
	objects = []object{
		{"address", doAddress},
		{"addrlabel", notImplemented("addrlabel")},
		{"maddress", notImplemented("maddress")},
		{"route", doRoute},
		{"rule", doRule},
		{"neighbor", doNeigh},
		{"neighbour", doNeigh},
		{"ntable", notImplemented("ntable")},
		{"ntbl", notImplemented("ntbl")},
		{"link", doLink},
		{"l2tp", notImplemented("l2tp")},
		{"fou", notImplemented("fou")},
		{"ila", notImplemented("ila")},
		{"macsec", notImplemented("macsec")},
		{"tunnel", notImplemented("tunnel")},
		{"tunl", notImplemented("tunl")},
		{"tuntap", notImplemented("tuntap")},
		{"tap", notImplemented("tap")},
		{"token", notImplemented("token")},
		{"tcpmetrics", notImplemented("tcpmetrics")},
		{"tcp_metrics", notImplemented("tcp_metrics")},
		{"monitor", doMonitor},
		{"xfrm", notImplemented("xfrm")},
		{"mroute", notImplemented("mroute")},
		{"mrule", notImplemented("mrule")},
		{"netns", notImplemented("netns")},
		{"netconf", doNetconf},
		{"vrf", notImplemented("vrf")},
		{"sr", notImplemented("sr")},
		{"nexthop", doNexthop},
		{"mptcp", notImplemented("mptcp")},
		{"ioam", notImplemented("ioam")},
		{"help", func([]string) int { usageExit(usageMain); return 0 }},
		{"stats", notImplemented("stats")},
	}
}

func notImplemented(name string) func([]string) int {
	return func([]string) int {
		errorf("goip: object \"%s\" is not implemented\n", name)
		return 1
	}
}

// doCmd runs one command line (object first) and returns its exit status.
func doCmd(args []string, final bool) (code int) {
	defer func() {
		if r := recover(); r != nil {
			c, ok := r.(exitCode)
			if !ok {
				panic(r)
			}
			code = int(c)
		}
		stdout.Flush()
	}()
	for _, o := range objects {
		if matches(args[0], o.name) {
			return o.run(args[1:])
		}
	}
	if final {
		errorf("Object \"%s\" is unknown, try \"ip help\".\n", args[0])
	}
	return 1
}

func main() {
	runtime.LockOSThread()
	// ip runs for milliseconds: collecting garbage would cost more than the
	// memory it frees, so the collector only runs past a generous limit
	// (ip monitor turns it back on).
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(512 << 20)
	os.Exit(run(os.Args))
}

// run parses the global options and dispatches; it returns the exit status.
func run(argv []string) (code int) {
	color := colorNever
	defer func() {
		if r := recover(); r != nil {
			c, ok := r.(exitCode)
			if !ok {
				panic(r)
			}
			code = int(c)
		}
		stdout.Flush()
	}()
	base := filepath.Base(argv[0])
	args := argv[1:]
	for len(args) > 0 {
		o := args[0]
		if o == "--" {
			args = args[1:]
			break
		}
		if o == "" || o[0] != '-' {
			break
		}
		if len(o) > 1 && o[1] == '-' {
			o = o[1:]
		}
		needArg := func() string {
			if len(args) < 2 {
				usageExit(usageMain)
			}
			args = args[1:]
			return args[0]
		}
		switch {
		case matches(o, "-loops"):
			opt.loops = atoi(needArg())
		case matches(o, "-family"):
			a := needArg()
			if a == "help" {
				usageExit(usageMain)
			}
			opt.family = readFamily(a)
			if opt.family == unix.AF_UNSPEC {
				invarg("invalid protocol family", a)
			}
		case o == "-4":
			opt.family = unix.AF_INET
		case o == "-6":
			opt.family = unix.AF_INET6
		case o == "-0":
			opt.family = unix.AF_PACKET
		case o == "-M":
			opt.family = unix.AF_MPLS
		case o == "-B":
			opt.family = unix.AF_BRIDGE
		case matches(o, "-human"), matches(o, "-human-readable"):
			opt.human++
		case matches(o, "-iec"):
			opt.iec++
		case matches(o, "-stats"), matches(o, "-statistics"):
			opt.stats++
		case matches(o, "-details"):
			opt.details++
		case matches(o, "-resolve"):
			opt.resolve++
		case matches(o, "-oneline"):
			opt.oneline++
		case matches(o, "-timestamp"):
			opt.timestamp++
		case matches(o, "-tshort"):
			opt.timestamp++
			opt.tshort++
		case matches(o, "-Version"):
			fmt.Fprintf(stdout, "ip utility, iproute2-6.1.0, libbpf 1.1.2\n")
			return 0
		case matches(o, "-force"):
			opt.force++
		case matches(o, "-batch"):
			opt.batchFile = needArg()
			opt.batch = true
		case matches(o, "-brief"):
			opt.brief++
		case matches(o, "-json"):
			opt.json++
		case matches(o, "-pretty"):
			opt.pretty++
		case matches(o, "-rcvbuf"):
			a := needArg()
			if _, ok := parseUnsigned(a); !ok {
				errorf("Invalid rcvbuf size '%s'\n", a)
				return 255
			}
		case matchesColor(o, &color):
		case matches(o, "-help"):
			usageExit(usageMain)
		case matches(o, "-netns"):
			a := needArg()
			if !switchNetns(a) {
				return 255
			}
		case matches(o, "-Numeric"):
			opt.numeric++
		case matches(o, "-all"):
			opt.all = true
		default:
			errorf("Option \"%s\" is unknown, try \"ip -help\".\n", o)
			return 255
		}
		args = args[1:]
	}
	if opt.oneline > 0 {
		sl = "\\"
	}
	if opt.json == 0 && (color == colorAlways || color == colorAuto && isatty(1)) {
		fgbg := os.Getenv("COLORFGBG")
		i := strings.LastIndexByte(fgbg, ';')
		enableColor(i >= 0 && len(fgbg) == i+2 && (fgbg[i+1] >= '0' && fgbg[i+1] <= '6' || fgbg[i+1] == '8'))
	}
	if opt.batch {
		return runBatch(opt.batchFile)
	}
	// Like ip, a binary named "ipOBJECT" (iproute, iplink…) runs that object;
	// when the name selects nothing the arguments are parsed as usual.
	if len(base) > 2 {
		if ret := doCmd(append([]string{base[2:]}, args...), false); ret != 1 {
			return ret
		}
	}
	if len(args) > 0 {
		return doCmd(args, true)
	}
	usageExit(usageMain)
	return 255
}

// Values of -color.
const (
	colorNever = iota
	colorAuto
	colorAlways
)

// matchesColor is iproute2's matches_color: -c[olor][=always|auto|never].
func matchesColor(o string, val *int) bool {
	name, arg, _ := strings.Cut(o, "=")
	if !matches(name, "-color") {
		return false
	}
	switch arg {
	case "", "always":
		*val = colorAlways
	case "auto":
		*val = colorAuto
	case "never":
		*val = colorNever
	default:
		return false
	}
	return true
}

// switchNetns moves this (locked) thread into /var/run/netns/NAME,
// reporting failures as iproute2's netns_switch does.
func switchNetns(name string) bool {
	path := name
	if !strings.Contains(name, "/") {
		path = "/var/run/netns/" + name
	}
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		errorf("Cannot open network namespace \"%s\": %s\n", name, errText(err))
		return false
	}
	defer unix.Close(fd)
	if err := unix.Setns(fd, unix.CLONE_NEWNET); err != nil {
		errorf("setting the network namespace \"%s\" failed: %s\n", name, errText(err))
		return false
	}
	return true
}

// runBatch executes one command per line of file ("-" is stdin), with
// iproute2's comments, backslash continuations and quoting.
func runBatch(name string) int {
	f := os.Stdin
	if name != "-" {
		var err error
		f, err = os.Open(name)
		if err != nil {
			errorf("Cannot open file \"%s\" for reading: %s\n", name, errText(err))
			return 1
		}
		defer f.Close()
	}
	in := bufio.NewReader(f)
	ret, lineno := 0, 0
	for {
		line, err := in.ReadString('\n')
		if line == "" && err != nil {
			break
		}
		lineno++
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for strings.HasSuffix(line, "\\\n") {
			next, err := in.ReadString('\n')
			lineno++
			line = line[:len(line)-2] + next
			if err != nil {
				break
			}
		}
		args, ok := makeArgs(line)
		if !ok {
			return 1
		}
		if len(args) == 0 {
			continue
		}
		if doCmd(args, true) != 0 {
			errorf("Command failed %s:%d\n", name, lineno)
			ret = 1
			if opt.force == 0 {
				break
			}
		}
	}
	return ret
}

// makeArgs splits a batch line into words; a word may be quoted with ' or ".
func makeArgs(line string) ([]string, bool) {
	const ws = " \t\r\n"
	var args []string
	for {
		line = strings.TrimLeft(line, ws)
		if line == "" {
			return args, true
		}
		if len(args) >= 99 {
			errorf("Too many arguments to command\n")
			return nil, false
		}
		if q := line[0]; q == '\'' || q == '"' {
			end := strings.IndexByte(line[1:], q)
			if end < 0 {
				errorf("Unterminated quoted string\n")
				return nil, false
			}
			args = append(args, line[1:1+end])
			line = line[2+end:]
			continue
		}
		end := strings.IndexAny(line, ws)
		if end < 0 {
			return append(args, line), true
		}
		args = append(args, line[:end])
		line = line[end+1:]
	}
}

// errText renders an errno the way strerror(3) does.
func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	if e, ok := err.(unix.Errno); ok {
		return strerror(e)
	}
	return err.Error()
}

// strerror capitalises Go's errno text the way glibc spells it.
func strerror(e unix.Errno) string {
	s := e.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
