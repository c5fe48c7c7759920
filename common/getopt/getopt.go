package getopt

import (
	"os"
	"strings"
)

// HasArg says whether a long option takes an argument (has_arg in glibc's
// struct option).
type HasArg int

// The values of HasArg, in glibc's order (no_argument, required_argument,
// optional_argument).
const (
	NoArgument HasArg = iota
	RequiredArgument
	OptionalArgument
)

// LongOption is one entry of the long-option table (struct option in glibc).
type LongOption struct {
	Name   string
	HasArg HasArg
	Val    int // the value Next returns: a short option character, or a code >= 256
}

// Error is the error Next returns for an unknown option, a missing or
// unexpected argument, or an ambiguous long-option prefix.
type Error struct {
	// Msg is the line glibc prints, program name first, without the newline.
	Msg string
	// Quiet is true when optstring asked for no messages (a leading ':').
	// glibc prints nothing then; Msg still holds the text it would print.
	Quiet bool
}

func (e *Error) Error() string { return e.Msg }

// ordering is how non-option arguments mixed with options are handled.
type ordering int

const (
	// permute moves operands after the options (glibc's default).
	permute ordering = iota
	// requireOrder stops at the first operand ('+' or POSIXLY_CORRECT).
	requireOrder
	// returnInOrder hands each operand to the caller as option 1 ('-').
	returnInOrder
)

// Parser walks argv as glibc's getopt_long does.
type Parser struct {
	argv     []string // private copy of args, permuted as parsing goes
	opts     string   // optstring without its leading '+' or '-'
	longopts []LongOption
	hasLong  bool // longopts != nil: getopt_long rather than plain getopt
	longOnly bool
	order    ordering
	prog     string

	optind    int
	nextchar  string // unread characters of the current short-option cluster
	firstNon  int    // start of the operands skipped so far (permute mode)
	lastNon   int    // end of the operands skipped so far
	optopt    int
	longIndex int
	done      bool
}

// New prepares to parse args, the full argv including args[0]. The program
// name in messages is args[0] exactly as given, as glibc prints it, unless
// SetProgName is called.
//
// optstring is glibc's: a leading '+' stops at the first operand, a leading
// '-' returns operands in order as option 1, a ':' after that silences
// messages and reports a missing argument as ':'; "x" is a flag, "x:" takes a
// required argument, "x::" an optional attached one, and "W;" makes "-W foo"
// mean "--foo". Without '+' or '-', POSIXLY_CORRECT in the environment means
// stopping at the first operand.
//
// A nil longopts gives plain getopt, where "--foo" is the short options '-',
// 'f', 'o', 'o'; a non-nil (even empty) table gives getopt_long.
func New(args []string, optstring string, longopts []LongOption) *Parser {
	p := &Parser{
		argv:      append([]string(nil), args...),
		longopts:  longopts,
		hasLong:   longopts != nil,
		optind:    1,
		firstNon:  1,
		lastNon:   1,
		longIndex: -1,
	}
	if len(args) > 0 {
		p.prog = args[0]
	}
	switch {
	case strings.HasPrefix(optstring, "-"):
		p.order = returnInOrder
		optstring = optstring[1:]
	case strings.HasPrefix(optstring, "+"):
		p.order = requireOrder
		optstring = optstring[1:]
	default:
		if _, set := os.LookupEnv("POSIXLY_CORRECT"); set {
			p.order = requireOrder
		}
	}
	p.opts = optstring
	return p
}

// SetProgName sets the program name that starts every message.
func (p *Parser) SetProgName(name string) { p.prog = name }

// LongOnly switches getopt_long_only semantics on or off: long options may
// then start with a single dash ("-version"); a single-dash word that matches
// no long option falls back to short options when its first letter is one.
func (p *Parser) LongOnly(on bool) { p.longOnly = on }

// Optopt is glibc's optopt after an error: the offending short option
// character, the long option's Val, or 0 for an unknown or ambiguous long
// option.
func (p *Parser) Optopt() int { return p.optopt }

// LongIndex is the index in longopts of the long option the last call to Next
// returned, or -1 if it returned something else.
func (p *Parser) LongIndex() int { return p.longIndex }

// Optind mirrors glibc's optind: during parsing, the index of the next
// argument to scan; after Next returned -1, the index of the first operand in
// the permuted argv.
func (p *Parser) Optind() int { return p.optind }

// Operands returns the arguments from Optind on. After Next returned -1 these
// are the operands in glibc's final order: permuted operands in their
// original order, then everything after "--".
func (p *Parser) Operands() []string {
	if p.optind >= len(p.argv) {
		return []string{}
	}
	return append([]string(nil), p.argv[p.optind:]...)
}

// Next returns the next option: opt is the short option character or the
// LongOption.Val, arg its argument and hasArg whether there is one (an
// optional argument may be absent, or present and empty). opt is -1 when the
// options are exhausted. On an error opt is '?' (or ':' for a missing
// argument when optstring starts with ':') and err, an *Error, holds glibc's
// message line. With a leading '-' in optstring each operand comes back as
// opt 1 with the operand as arg.
func (p *Parser) Next() (opt int, arg string, hasArg bool, err error) {
	p.longIndex = -1
	if p.done {
		return -1, "", false, nil
	}
	if len(p.argv) < 1 {
		p.done = true
		return -1, "", false, nil
	}
	if p.nextchar == "" {
		r, ok := p.advance()
		if ok {
			return r.opt, r.arg, r.hasArg, r.err
		}
	}
	r := p.short()
	return r.opt, r.arg, r.hasArg, r.err
}

// result is what one call to Next reports.
type result struct {
	opt    int
	arg    string
	hasArg bool
	err    error
}

var end = result{opt: -1}

// advance moves to the next argv element. It returns ok when that settles
// the call (end of options, an operand in order, a long option); otherwise
// p.nextchar holds a cluster of short options to read.
func (p *Parser) advance() (r result, ok bool) {
	argc := len(p.argv)
	if p.order == permute {
		if p.firstNon != p.lastNon && p.lastNon != p.optind {
			p.exchange()
		} else if p.lastNon != p.optind {
			p.firstNon = p.optind
		}
		for p.optind < argc && p.isOperand(p.optind) {
			p.optind++
		}
		p.lastNon = p.optind
	}

	// "--" ends the options; it is moved before the skipped operands as if
	// it were an option, and everything after it is an operand.
	if p.optind != argc && p.argv[p.optind] == "--" {
		p.optind++
		if p.firstNon != p.lastNon && p.lastNon != p.optind {
			p.exchange()
		} else if p.firstNon == p.lastNon {
			p.firstNon = p.optind
		}
		p.lastNon = argc
		p.optind = argc
	}

	if p.optind == argc {
		if p.firstNon != p.lastNon {
			p.optind = p.firstNon
		}
		p.done = true
		return end, true
	}

	if p.isOperand(p.optind) {
		if p.order == requireOrder {
			p.done = true
			return end, true
		}
		arg := p.argv[p.optind]
		p.optind++
		return result{opt: 1, arg: arg, hasArg: true}, true
	}

	elem := p.argv[p.optind]
	if p.hasLong {
		if elem[1] == '-' {
			return p.long(elem[2:], "--", p.longOnly), true
		}
		// In long-only mode "-f" is the short option f when f is one,
		// but "-fu" is tried as a long option first.
		if p.longOnly && (len(elem) > 2 || !p.inOptstring(elem[1])) {
			if r, handled := p.tryLong(elem[1:], "-", true); handled {
				return r, true
			}
		}
	}
	p.nextchar = elem[1:]
	return result{}, false
}

// isOperand reports whether argv[i] is not an option: it does not start with
// '-' or is exactly "-".
func (p *Parser) isOperand(i int) bool {
	a := p.argv[i]
	return len(a) < 2 || a[0] != '-'
}

// inOptstring reports whether c appears in the optstring (strchr semantics).
func (p *Parser) inOptstring(c byte) bool { return strings.IndexByte(p.opts, c) >= 0 }

// quiet reports whether optstring asked for no messages.
func (p *Parser) quiet() bool { return strings.HasPrefix(p.opts, ":") }

// missingArgOpt is what a missing required argument returns.
func (p *Parser) missingArgOpt() int {
	if p.quiet() {
		return ':'
	}
	return '?'
}

// fail builds the error result for opt with message text.
func (p *Parser) fail(opt int, text string) result {
	return result{opt: opt, err: &Error{Msg: p.prog + ": " + text, Quiet: p.quiet()}}
}

// exchange moves the options found since the skipped operands
// [firstNon, lastNon) to before them, keeping both runs in order.
func (p *Parser) exchange() {
	reverse(p.argv[p.firstNon:p.lastNon])
	reverse(p.argv[p.lastNon:p.optind])
	reverse(p.argv[p.firstNon:p.optind])
	p.firstNon += p.optind - p.lastNon
	p.lastNon = p.optind
}

func reverse(s []string) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// short reads the next character of the current short-option cluster.
func (p *Parser) short() result {
	c := p.nextchar[0]
	p.nextchar = p.nextchar[1:]
	if p.nextchar == "" {
		p.optind++
	}
	i := strings.IndexByte(p.opts, c)
	if i < 0 || c == ':' || c == ';' {
		p.optopt = int(c)
		return p.fail('?', "invalid option -- '"+string([]byte{c})+"'")
	}
	spec := p.opts[i+1:]
	switch {
	case c == 'W' && strings.HasPrefix(spec, ";") && p.hasLong:
		return p.dashW()
	case strings.HasPrefix(spec, "::"):
		var r result
		if p.nextchar != "" {
			r = result{opt: int(c), arg: p.nextchar, hasArg: true}
			p.optind++
		} else {
			r = result{opt: int(c)}
		}
		p.nextchar = ""
		return r
	case strings.HasPrefix(spec, ":"):
		var r result
		switch {
		case p.nextchar != "":
			r = result{opt: int(c), arg: p.nextchar, hasArg: true}
			p.optind++
		case p.optind == len(p.argv):
			p.optopt = int(c)
			r = p.fail(p.missingArgOpt(), "option requires an argument -- '"+string([]byte{c})+"'")
		default:
			r = result{opt: int(c), arg: p.argv[p.optind], hasArg: true}
			p.optind++
		}
		p.nextchar = ""
		return r
	}
	return result{opt: int(c)}
}

// dashW handles POSIX "-W foo" (or "-Wfoo"), which means "--foo" when
// optstring has "W;".
func (p *Parser) dashW() result {
	name := p.nextchar
	if name == "" {
		if p.optind == len(p.argv) {
			p.optopt = 'W'
			return p.fail(p.missingArgOpt(), "option requires an argument -- 'W'")
		}
		name = p.argv[p.optind]
	}
	return p.long(name, "-W ", false)
}
