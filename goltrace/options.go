package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/goclues/goclues/common/getopt"
)

// options are ltrace's command-line settings.
type options struct {
	align     int  // -a: column of " = "
	arrayLen  int  // -A: array elements shown
	noSignals bool // -b
	summary   bool // -c
	filters   []string
	xfilters  []string
	follow    bool     // -f
	configs   []string // -F
	showIP    bool     // -i
	libs      []string // -l
	noLibs    bool     // -L
	indent    int      // -n
	output    string   // -o
	pids      []int    // -p
	relTime   bool     // -r
	strLen    int      // -s
	syscalls  bool     // -S
	absTime   int      // -t count
	callTime  bool     // -T
	user      string   // -u
	command   []string
}

const (
	defaultAlign  = 50
	defaultStrLen = 32
	defaultArray  = 4
)

var longOptions = []getopt.LongOption{
	{Name: "align", HasArg: getopt.RequiredArgument, Val: 'a'},
	{Name: "config", HasArg: getopt.RequiredArgument, Val: 'F'},
	{Name: "debug", HasArg: getopt.RequiredArgument, Val: 'D'},
	{Name: "demangle", HasArg: getopt.NoArgument, Val: 'C'},
	{Name: "help", HasArg: getopt.NoArgument, Val: 'h'},
	{Name: "indent", HasArg: getopt.RequiredArgument, Val: 'n'},
	{Name: "library", HasArg: getopt.RequiredArgument, Val: 'l'},
	{Name: "output", HasArg: getopt.RequiredArgument, Val: 'o'},
	{Name: "version", HasArg: getopt.NoArgument, Val: 'V'},
	{Name: "no-signals", HasArg: getopt.NoArgument, Val: 'b'},
}

// usageError is a command line ltrace rejects; the text goes to stderr
// followed by the "Try --help" hint, and ltrace exits 1.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// exitNow ends option parsing with output already decided (--help,
// --version).
type exitNow struct {
	text   string
	code   int
	stderr bool
}

func (e *exitNow) Error() string { return e.text }

// parseOptions reads argv as ltrace 0.7.3 does (options stop at the
// command). errOut receives getopt's own messages.
func parseOptions(args []string, errOut io.Writer) (*options, error) {
	o := &options{align: defaultAlign, strLen: defaultStrLen, arrayLen: defaultArray}
	p := getopt.New(args, "+cfhiLrStTVba:A:D:e:F:l:n:o:p:s:u:x:C", longOptions)
	prog := args[0]
	p.SetProgName(prog)
	for {
		opt, arg, _, err := p.Next()
		if err != nil {
			fmt.Fprintln(errOut, err)
			return nil, &usageError{}
		}
		if opt == -1 {
			break
		}
		switch opt {
		case 'a', 'A', 'n', 's':
			if err := o.setNumber(byte(opt), arg); err != nil {
				return nil, err
			}
		case 'b':
			o.noSignals = true
		case 'c':
			o.summary = true
		case 'C':
		case 'D':
			if arg == "h" || arg == "help" {
				return nil, &exitNow{text: debugHelp, code: 0}
			}
		case 'e':
			o.filters = append(o.filters, arg)
		case 'x':
			o.xfilters = append(o.xfilters, arg)
		case 'f':
			o.follow = true
		case 'F':
			o.configs = append(o.configs, arg)
		case 'h':
			return nil, &exitNow{text: usageText}
		case 'i':
			o.showIP = true
		case 'l':
			o.libs = append(o.libs, arg)
		case 'L':
			o.noLibs = true
		case 'o':
			o.output = arg
		case 'p':
			pid, ok := parseInt(arg)
			if !ok || pid < 1 {
				return nil, &exitNow{text: fmt.Sprintf("Invalid argument to -p: '%s'.  Use integer >=1.\n", arg), code: 1, stderr: true}
			}
			o.pids = append(o.pids, pid)
		case 'r':
			o.relTime = true
		case 'S':
			o.syscalls = true
		case 't':
			o.absTime++
		case 'T':
			o.callTime = true
		case 'u':
			o.user = arg
		case 'V':
			return nil, &exitNow{text: versionText}
		default:
			return nil, &usageError{}
		}
	}
	o.command = p.Operands()
	if len(o.command) == 0 && len(o.pids) == 0 {
		return nil, &usageError{msg: prog + ": too few arguments"}
	}
	return o, nil
}

// setNumber sets a numeric option, checked as ltrace checks it.
func (o *options) setNumber(opt byte, arg string) error {
	n, ok := parseInt(arg)
	bad := func(rng string) error {
		return &exitNow{text: fmt.Sprintf("Invalid argument to -%c: '%s'.  Use integer %s.\n", opt, arg, rng), code: 1, stderr: true}
	}
	switch opt {
	case 'a':
		if !ok || n < 0 {
			return bad(">=0")
		}
		o.align = n
	case 'A':
		if !ok || n < 0 {
			return bad(">=0")
		}
		o.arrayLen = n
	case 'n':
		if !ok || n < 0 || n > 20 {
			return bad("0..20")
		}
		o.indent = n
	case 's':
		if !ok || n < 0 {
			return bad(">=0")
		}
		o.strLen = n
	}
	return nil
}

// parseInt is strtol in base 10 that must consume the whole argument.
func parseInt(s string) (int, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	t = strings.TrimPrefix(t, "+")
	n, err := strconv.Atoi(t)
	return n, err == nil && t != ""
}

const debugHelp = `ltrace debugging option, --debug=<octal> or -D<octal>:

 number  ref. in source   description
      1   general           Generally helpful progress information
     10   event             Shows every event received by a traced process
     20   process           Shows actions carried upon a traced processes
     40   function          Shows every entry to internal functions

Debugging options are mixed using bitwise-or.
Note that the meanings and values are subject to change.
`
