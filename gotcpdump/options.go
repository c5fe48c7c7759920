package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/getopt"
	"github.com/goclues/goclues/gotcpdump/dissect"
)

// tcpdump's option string and long options, in tcpdump 4.99.3's order
// (the order decides glibc's ambiguity messages).
const shortOpts = "aAbB:c:C:dDeE:fF:G:hHi:Ij:JKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:Yz:Z:#"

const (
	optMicro = 256 + iota
	optNano
	optTstampPrecision
	optImmediate
	optCount
	optFpType
	optPrint
	optVersion
)

var longOpts = []getopt.LongOption{
	{Name: "buffer-size", HasArg: getopt.RequiredArgument, Val: 'B'},
	{Name: "list-interfaces", HasArg: getopt.NoArgument, Val: 'D'},
	{Name: "help", HasArg: getopt.NoArgument, Val: 'h'},
	{Name: "interface", HasArg: getopt.RequiredArgument, Val: 'i'},
	{Name: "monitor-mode", HasArg: getopt.NoArgument, Val: 'I'},
	{Name: "time-stamp-type", HasArg: getopt.RequiredArgument, Val: 'j'},
	{Name: "list-time-stamp-types", HasArg: getopt.NoArgument, Val: 'J'},
	{Name: "micro", HasArg: getopt.NoArgument, Val: optMicro},
	{Name: "nano", HasArg: getopt.NoArgument, Val: optNano},
	{Name: "time-stamp-precision", HasArg: getopt.RequiredArgument, Val: optTstampPrecision},
	{Name: "dont-verify-checksums", HasArg: getopt.NoArgument, Val: 'K'},
	{Name: "list-data-link-types", HasArg: getopt.NoArgument, Val: 'L'},
	{Name: "no-optimize", HasArg: getopt.NoArgument, Val: 'O'},
	{Name: "no-promiscuous-mode", HasArg: getopt.NoArgument, Val: 'p'},
	{Name: "direction", HasArg: getopt.RequiredArgument, Val: 'Q'},
	{Name: "snapshot-length", HasArg: getopt.RequiredArgument, Val: 's'},
	{Name: "absolute-tcp-sequence-numbers", HasArg: getopt.NoArgument, Val: 'S'},
	{Name: "packet-buffered", HasArg: getopt.NoArgument, Val: 'U'},
	{Name: "linktype", HasArg: getopt.RequiredArgument, Val: 'y'},
	{Name: "immediate-mode", HasArg: getopt.NoArgument, Val: optImmediate},
	{Name: "debug-filter-parser", HasArg: getopt.NoArgument, Val: 'Y'},
	{Name: "relinquish-privileges", HasArg: getopt.RequiredArgument, Val: 'Z'},
	{Name: "count", HasArg: getopt.NoArgument, Val: optCount},
	{Name: "fp-type", HasArg: getopt.NoArgument, Val: optFpType},
	{Name: "number", HasArg: getopt.NoArgument, Val: '#'},
	{Name: "print", HasArg: getopt.NoArgument, Val: optPrint},
	{Name: "version", HasArg: getopt.NoArgument, Val: optVersion},
}

// packetTypes are the names -T accepts.
var packetTypes = map[string]bool{
	"aodv": true, "arcnet": false, "carp": true, "cnfp": true, "domain": true,
	"lmp": true, "pgm": true, "pgm_zmtp1": true, "quic": true, "radius": true,
	"resp": true, "rpc": true, "rtcp": true, "rtp": true, "snmp": true,
	"someip": true, "tftp": true, "vat": true, "vxlan": true, "wb": true,
	"zmtp1": true,
}

// config is everything the command line says.
type config struct {
	print      dissect.Options
	readFile   string
	writeFile  string
	filterArg  []string
	filterFile string
	count      int64
	countOnly  bool
	dump       int // -d count
	optimize   bool
	linkName   string // -y
	lineBuf    bool   // -l
	pktBuf     bool   // -U
	printToo   bool   // --print
	nano       bool
	tflag      int
	iface      string
	snaplen    int
	listIfs    bool
	version    bool
	help       bool
	live       liveConfig // live capture and -w rotation options
}

const version = "4.99.3"

func versionText() string {
	return "tcpdump version " + version + "\nlibpcap version 1.10.3 (with TPACKET_V3)\n"
}

const usageText = `Usage: %s [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]
		[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]
		[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]
		[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]
		[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]
		[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]
		[ --time-stamp-precision precision ] [ --micro ] [ --nano ]
		[ -z postrotate-command ] [ -Z user ] [ expression ]
`

// progName is the program name messages start with (argv[0], as glibc
// and tcpdump print it).
var progName = "tcpdump"

func usage(w *os.File) {
	fmt.Fprint(w, versionText())
	fmt.Fprintf(w, usageText, progName)
}

// fatalf prints "tcpdump: MSG" to stderr and exits with status 1
// (tcpdump's error()).
func fatalf(format string, args ...any) {
	flushStdout()
	fmt.Fprintf(os.Stderr, "%s: %s\n", progName, fmt.Sprintf(format, args...))
	os.Exit(1)
}

// parseArgs parses the command line as tcpdump does.
func parseArgs(args []string) *config {
	c := &config{optimize: true, count: -1, snaplen: capture.MaxSnaplen}
	if len(args) > 0 {
		progName = baseName(args[0])
	}
	p := getopt.New(args, shortOpts, longOpts)
	for {
		opt, arg, _, err := p.Next()
		if opt == -1 {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			usage(os.Stderr)
			os.Exit(1)
		}
		switch opt {
		case 'A':
			c.print.ASCII++
		case 'c':
			n, ok := parseInt(arg)
			if !ok || n <= 0 {
				fatalf("invalid packet count %s", arg)
			}
			c.count = n
		case 'd':
			c.dump++
		case 'D':
			c.listIfs = true
		case 'e':
			c.print.LinkHeader = true
		case 'E':
			c.print.ESPSecret = arg
		case 'F':
			c.filterFile = arg
		case 'h':
			c.help = true
		case 'i':
			c.iface = arg
		case 'K':
			c.print.NoChecksum = true
		case 'l':
			c.lineBuf = true
		case 'n':
			c.print.NoResolve++
		case 'b':
			c.print.ASDot = true
		case 'M':
			c.print.SigSecret = arg
		case 'N':
			c.print.NoDomain = true
		case 'O':
			c.optimize = false
		case 'q':
			c.print.Quick = true
		case 'r':
			c.readFile = arg
		case 's':
			n, ok := parseInt(arg)
			if !ok || n < 0 || n > capture.MaxSnaplen {
				fatalf("invalid snaplen %s (must be >= 0 and <= %d)", arg, capture.MaxSnaplen)
			}
			if n == 0 {
				n = capture.MaxSnaplen
			}
			c.snaplen = int(n)
		case 'S':
			c.print.AbsSeq = true
		case 't':
			c.tflag++
		case 'T':
			if !packetTypes[arg] {
				fatalf("unknown packet type `%s'", arg)
			}
			c.print.Type = arg
		case 'U':
			c.pktBuf = true
		case 'v':
			c.print.Verbose++
		case 'w':
			c.writeFile = arg
		case 'x':
			c.print.HexDump++
		case 'X':
			c.print.HexASCII++
		case 'y':
			c.linkName = arg
		case '#':
			c.print.Number = true
		case optMicro:
			c.nano = false
		case optNano:
			c.nano = true
		case optTstampPrecision:
			switch arg {
			case "micro":
				c.nano = false
			case "nano":
				c.nano = true
			default:
				fatalf("unsupported time stamp precision")
			}
		case optCount:
			c.countOnly = true
		case optPrint:
			c.printToo = true
		case optVersion:
			c.version = true
		default:
			// Live-capture options; the rest are accepted for
			// compatibility and have no effect here.
			c.live.option(opt, arg)
		}
	}
	c.filterArg = p.Operands()
	switch c.tflag {
	case 0:
		c.print.Time.Style = 0
	case 1, 2, 3, 4, 5:
		c.print.Time.Style = formatTimeStyle(c.tflag)
	default:
		fatalf("only -t, -tt, -ttt, -tttt and -ttttt are supported")
	}
	c.print.Time.Nano = c.nano
	c.print.Time.Loc = time.Local
	return c
}

func baseName(s string) string {
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// parseInt parses a decimal integer as strtol with an end check does.
func parseInt(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimLeft(s, " \t"), 10, 64)
	return n, err == nil
}
