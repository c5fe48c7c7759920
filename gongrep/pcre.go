package main

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
)

// Debian's ngrep compiles its match expression with PCRE2, without UTF
// mode, with PCRE2_UNGREEDY, PCRE2_DOTALL (unless -M) and PCRE2_CASELESS
// (-i). pcreToGo rewrites such a pattern for Go's regexp package:
//
//   - Subject bytes are characters, not UTF-8: a byte 0x80-0xff in the
//     pattern becomes \x{HH}, and subjects holding such bytes are widened
//     to one rune per byte (see latin1), so '.' and classes count bytes.
//     Under -i those characters match only themselves, as in PCRE2's
//     C-locale tables.
//   - '$' and \Z match at the end or before a final newline.
//   - \s includes the vertical tab; \h, \v, \N, \R, \cX, \e and \G
//     mean what they mean to PCRE2.
//   - (?x) extended mode (spaces and # comments ignored) is applied here,
//     group by group, since Go has no such flag.
//
// What Go's RE2 syntax lacks (backreferences, lookaround, possessive
// quantifiers, atomic groups, repeats above 1000) does not compile; the
// error is worded as PCRE2 words its nearest error.
func pcreToGo(pat string, ignoreCase bool) string {
	const endOrFinalNL = `(?:\n?\z)`
	var b strings.Builder
	high := func(c byte, inClass bool) {
		if ignoreCase && !inClass {
			fmt.Fprintf(&b, `(?-i:\x{%02x})`, c)
			return
		}
		fmt.Fprintf(&b, `\x{%02x}`, c)
	}
	inClass := false
	classStart := 0
	// extended is PCRE2's (?x) in the current group; groups saves the
	// setting of each enclosing group.
	extended := false
	var groups []bool
	for i := 0; i < len(pat); i++ {
		c := pat[i]
		switch {
		case c >= 0x80:
			high(c, inClass)
		case c == '\\' && i+1 < len(pat):
			i++
			e := pat[i]
			switch {
			case e == 'Q':
				end := strings.Index(pat[i+1:], `\E`)
				lit := pat[i+1:]
				if end >= 0 {
					lit = pat[i+1 : i+1+end]
					i += end + 2
				} else {
					i = len(pat)
				}
				for j := 0; j < len(lit); j++ {
					switch lc := lit[j]; {
					case lc >= 0x80:
						high(lc, inClass)
					case strings.IndexByte(`\.+*?()|[]{}^$-`, lc) >= 0:
						b.WriteByte('\\')
						b.WriteByte(lc)
					default:
						b.WriteByte(lc)
					}
				}
			case e == 'c' && i+1 < len(pat) && pat[i+1] < 0x80:
				// \cX: the control character, X upper-cased, bit 6 flipped.
				i++
				fmt.Fprintf(&b, `\x{%02x}`, upperASCII(pat[i])^0x40)
			case escapeSets[e] != [2]string{}:
				set := escapeSets[e]
				if inClass {
					if set[1] == "" {
						b.WriteString(set[0])
						break
					}
					// A negated set inside a class is left to Go.
					b.WriteByte('\\')
					b.WriteByte(e)
					break
				}
				if set[1] == "" {
					b.WriteString("[" + set[0] + "]")
				} else {
					b.WriteString("[^" + set[1] + "]")
				}
			case e == 'R' && !inClass:
				b.WriteString(`(?:\r\n|[\n\v\f\r\x{85}])`)
			case e == 'G' && !inClass:
				b.WriteString(`\A`)
			case e == 'e':
				b.WriteString(`\x{1b}`)
			case e == 'Z' && !inClass:
				b.WriteString(endOrFinalNL)
			case e >= 0x80:
				high(e, inClass)
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
		case inClass:
			b.WriteByte(c)
			switch {
			case c == '[' && i+1 < len(pat) && pat[i+1] == ':':
				if end := strings.Index(pat[i+2:], ":]"); end >= 0 {
					b.WriteString(pat[i+1 : i+2+end+2])
					i += end + 3
				}
			case c == ']' && i > classStart:
				inClass = false
			}
		case c == '[':
			b.WriteByte(c)
			inClass = true
			classStart = i + 1
			if classStart < len(pat) && pat[classStart] == '^' {
				b.WriteByte('^')
				i++
				classStart++
			}
		case c == '$':
			b.WriteString(endOrFinalNL)
		case extended && strings.IndexByte(" \t\n\v\f\r", c) >= 0:
		case extended && c == '#':
			for i+1 < len(pat) && pat[i+1] != '\n' {
				i++
			}
		case c == '(':
			flags, end, ok := optionGroup(pat, i)
			if !ok {
				groups = append(groups, extended)
				b.WriteByte(c)
				break
			}
			goFlags, x := dropExtended(flags, extended)
			if pat[end] == ':' {
				groups = append(groups, extended)
				b.WriteString("(?" + goFlags + ":")
			} else if goFlags != "" {
				b.WriteString("(?" + goFlags + ")")
			}
			extended = x
			i = end
		case c == ')':
			if n := len(groups); n > 0 {
				extended = groups[n-1]
				groups = groups[:n-1]
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// optionGroup recognises "(?flags)" and "(?flags:" at pat[i]: the flag
// letters and the index of the closing ')' or ':'.
func optionGroup(pat string, i int) (string, int, bool) {
	if i+1 >= len(pat) || pat[i+1] != '?' {
		return "", 0, false
	}
	j := i + 2
	for j < len(pat) && (pat[j] == '-' || pat[j] >= 'a' && pat[j] <= 'z' || pat[j] >= 'A' && pat[j] <= 'Z') {
		j++
	}
	if j == i+2 || j >= len(pat) || (pat[j] != ')' && pat[j] != ':') {
		return "", 0, false
	}
	return pat[i+2 : j], j, true
}

// dropExtended removes x from option letters (Go has no extended mode,
// pcreToGo applies it) and says whether it is on afterwards.
func dropExtended(flags string, extended bool) (string, bool) {
	var kept []byte
	on := true
	for k := 0; k < len(flags); k++ {
		switch f := flags[k]; {
		case f == '-':
			on = false
			kept = append(kept, f)
		case f == 'x':
			extended = on
		default:
			kept = append(kept, f)
		}
	}
	if len(kept) == 1 && kept[0] == '-' || len(kept) > 0 && kept[len(kept)-1] == '-' {
		kept = kept[:len(kept)-1]
	}
	return string(kept), extended
}

// escapeSets are PCRE2's character-type escapes whose Go meaning differs
// or is missing, for a subject of bytes: [0] is the set's members, [1]
// (for the negated escapes) the members it excludes.
var escapeSets = map[byte][2]string{
	's': {`\t\n\v\f\r `, ""},
	'S': {"", `\t\n\v\f\r `},
	'h': {`\t \x{a0}`, ""},
	'H': {"", `\t \x{a0}`},
	'v': {`\n\v\f\r\x{85}`, ""},
	'V': {"", `\n\v\f\r\x{85}`},
	'N': {"", `\n`},
}

// compileRegex compiles ngrep's match expression; the error is the line
// ngrep prints.
func compileRegex(pat string, ignoreCase, dotall bool) (*regexp.Regexp, error) {
	re, err := regexp.Compile(goPattern(pat, ignoreCase, dotall))
	if err != nil {
		msg, off := pcreError(pat, err)
		return nil, fmt.Errorf("regex compile failed: %s (offset: %d)", msg, off)
	}
	return re, nil
}

// goPattern is the Go pattern with ngrep's PCRE2 options as flags.
func goPattern(pat string, ignoreCase, dotall bool) string {
	flags := "(?U"
	if ignoreCase {
		flags += "i"
	}
	if dotall {
		flags += "s"
	}
	return flags + ")" + pcreToGo(pat, ignoreCase)
}

// newRegexMatcher compiles the expression and picks the fastest matcher
// that gives the same answers.
func newRegexMatcher(pat string, ignoreCase, dotall bool) (matcher, error) {
	re, err := compileRegex(pat, ignoreCase, dotall)
	if err != nil {
		return nil, err
	}
	gp := goPattern(pat, ignoreCase, dotall)
	if lit := literalOf(gp, ignoreCase); lit != nil {
		return lit, nil
	}
	return &regexMatcher{re: re, pre: requiredLiteral(gp)}, nil
}

// pcreErrors words Go's parse errors as PCRE2 words the same mistakes;
// at says where PCRE2 reports it, from the offending text's position.
var pcreErrors = map[syntax.ErrorCode]struct {
	msg string
	at  func(pat string, pos, n int) int
}{
	syntax.ErrMissingParen:          {"missing closing parenthesis", atEnd},
	syntax.ErrUnexpectedParen:       {"unmatched closing parenthesis", unmatchedParen},
	syntax.ErrMissingBracket:        {"missing terminating ] for character class", atEnd},
	syntax.ErrInvalidCharRange:      {"range out of order in character class", lastByte},
	syntax.ErrMissingRepeatArgument: {"quantifier does not follow a repeatable item", firstByte},
	syntax.ErrInvalidRepeatOp:       {"quantifier does not follow a repeatable item", secondByte},
	syntax.ErrInvalidRepeatSize:     {"numbers out of order in {} quantifier", lastByte},
	syntax.ErrTrailingBackslash:     {`\ at end of pattern`, atEnd},
	syntax.ErrInvalidEscape:         {`unrecognized character follows \`, afterText},
	syntax.ErrInvalidNamedCapture:   {"syntax error in subpattern name (missing terminator?)", afterText},
	syntax.ErrInvalidPerlOp:         {"unrecognized character after (? or (?-", afterText},
}

func atEnd(pat string, _, _ int) int      { return len(pat) }
func firstByte(_ string, pos, _ int) int  { return pos }
func secondByte(_ string, pos, _ int) int { return pos + 1 }
func lastByte(_ string, pos, n int) int   { return pos + n - 1 }
func afterText(_ string, pos, n int) int  { return pos + n }
func unmatchedParen(pat string, _, _ int) int {
	depth := 0
	for i := 0; i < len(pat); i++ {
		switch pat[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return len(pat)
}

func pcreError(pat string, err error) (string, int) {
	var se *syntax.Error
	if !errors.As(err, &se) {
		return err.Error(), 0
	}
	e, ok := pcreErrors[se.Code]
	if !ok {
		return se.Code.String(), 0
	}
	pos := strings.Index(pat, se.Expr)
	if pos < 0 {
		pos = 0
	}
	return e.msg, e.at(pat, pos, len(se.Expr))
}
