package main

import (
	"strings"
	"time"

	"github.com/goclues/goclues/common/getopt"
)

// optstring is ngrep 1.47's, as Debian builds it (with -K).
const optstring = "LNhXViwqpevxlDtTRMK:Cs:n:c:d:A:I:O:S:P:F:W:"

// layout is the -W payload layout.
type layout int

const (
	layoutNormal layout = iota // wrapped at the window width, or -x hex
	layoutByline               // newlines kept
	layoutNone                 // one line
	layoutSingle               // one line, after the header on the same line
)

var layoutNames = map[string]layout{
	"normal": layoutNormal,
	"byline": layoutByline,
	"none":   layoutNone,
	"single": layoutSingle,
}

// timeMode is -t / -T / -TT.
type timeMode int

const (
	timeNone     timeMode = iota
	timeAbsolute          // -t
	timeDiff              // -T: since the previous shown packet (the first: since start)
	timeOffset            // -TT: since the first shown packet
)

// config is everything the command line says.
type config struct {
	prog string // argv[0], which glibc's getopt messages start with

	readFile, dumpFile, device, filterFile string

	snaplen, limitlen      uint32
	matchAfter, maxMatches uint32
	cols                   int32 // -c, 0 when not forced
	killCount              uint32

	wordRegex, ignoreCase, multiline bool
	showEmpty, showHex, showProto    bool
	quiet                            int
	invert                           uint8
	binMatch, hilite, promisc        bool
	lineBuffered, delay, keepPrivs   bool
	includeVLAN                      bool
	layout                           layout
	nonprint                         byte
	timeMode                         timeMode
	diffStart                        time.Time // -T's starting point

	match    *string  // the match expression, nil when there is none
	operands []string // what follows it: the BPF filter words
}

// exitRequest ends the command before the capture starts: usage errors,
// -V, -L.
type exitRequest struct {
	stdout, stderr string
	status         int
	cleanExit      bool // clean_exit: "exit" (and counters) on stdout, status by matches
}

// parseOptions reads argv as ngrep's getopt loop does. A non-nil
// exitRequest ends the command at once.
func parseOptions(args []string) (*config, *exitRequest) {
	c := &config{
		prog:        args[0],
		snaplen:     65535,
		limitlen:    65535,
		promisc:     true,
		multiline:   true,
		nonprint:    '.',
		includeVLAN: true,
	}
	usage := func(prefix string) *exitRequest {
		return &exitRequest{stdout: prefix + usageText, status: 2}
	}
	p := getopt.New(args, optstring, nil)
	for {
		opt, arg, _, err := p.Next()
		if opt == -1 {
			break
		}
		if err != nil {
			r := usage("")
			r.stderr = err.Error() + "\n"
			return nil, r
		}
		switch opt {
		case 'W':
			l, ok := layoutNames[strings.ToLower(arg)]
			if !ok {
				return nil, usage("fatal: unknown wrap method '" + arg + "'\n")
			}
			c.layout = l
		case 'F':
			c.filterFile = arg
		case 'P':
			c.nonprint = 0
			if arg != "" {
				c.nonprint = arg[0]
			}
		case 'S':
			c.limitlen = strtoul32(arg)
		case 'O':
			c.dumpFile = arg
		case 'I':
			c.readFile = arg
		case 'A':
			c.matchAfter = strtoul32(arg)
			if c.matchAfter < ^uint32(0) {
				c.matchAfter++
			}
		case 'L':
			return c, &exitRequest{stderr: "-L is a Win32-only option: " + staleErrno + "\n", cleanExit: true}
		case 'd':
			c.device = arg
			if len(arg) >= 3 && strings.EqualFold(arg[:3], "any") {
				c.includeVLAN = false
			}
		case 'c':
			c.cols = atoi(arg)
		case 'n':
			c.maxMatches = strtoul32(arg)
		case 's':
			if v := uint16(strtoul32(arg)); v > 0 {
				c.snaplen = uint32(v)
			}
		case 'C':
			c.hilite = true
		case 'M':
			c.multiline = false
		case 'R':
			c.keepPrivs = true
		case 'T':
			if c.timeMode == timeDiff {
				c.timeMode = timeOffset
			} else {
				c.timeMode = timeDiff
				c.diffStart = time.Now()
			}
		case 't':
			c.timeMode = timeAbsolute
		case 'D':
			c.delay = true
		case 'l':
			c.lineBuffered = true
		case 'x':
			c.showHex = true
		case 'v':
			c.invert++
		case 'e':
			c.showEmpty = true
		case 'p':
			c.promisc = false
		case 'q':
			c.quiet++
		case 'w':
			c.wordRegex = true
		case 'i':
			c.ignoreCase = true
		case 'V':
			return nil, &exitRequest{stdout: versionText}
		case 'X':
			c.binMatch = true
		case 'N':
			c.showProto = true
		case 'K':
			c.killCount = strtoul32(arg)
		default: // 'h' and anything getopt let through
			return nil, usage("")
		}
	}
	if c.showHex && c.layout != layoutNormal {
		return nil, usage("fatal: -x (hex dump) is incompatible with -W (alternate format)\n")
	}
	ops := p.Operands()
	if len(ops) > 0 {
		c.match = &ops[0]
		c.operands = ops[1:]
	}
	return c, nil
}

// staleErrno is what ngrep's perror calls print after messages whose
// failure set no errno: the ENOENT setlocale left behind when it looked for
// the "en_US" locale ngrep asks for.
const staleErrno = "No such file or directory"

// versionText is -V's line.
const versionText = "ngrep: V1.47.1-git, libpcap version 1.10.3 (with TPACKET_V3)\n"
