package main

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// matcher decides whether a payload matches and, for -C, where.
type matcher interface {
	match(data []byte, wantSpan bool) (ok bool, index, size int)
}

// blankMatcher is ngrep's matcher without a match expression.
type blankMatcher struct{}

func (blankMatcher) match([]byte, bool) (bool, int, int) { return true, 0, 0 }

// binMatcher is -X: the first occurrence of bytes.
type binMatcher struct{ needle []byte }

func (m *binMatcher) match(data []byte, _ bool) (bool, int, int) {
	i := bytes.Index(data, m.needle)
	if i < 0 {
		return false, 0, 0
	}
	return true, i, len(m.needle)
}

// regexMatcher runs a translated PCRE2 pattern over payload bytes, one
// character per byte (see pcreToGo).
type regexMatcher struct {
	re *regexp.Regexp
	// pre is a text every match contains: payloads without it are
	// rejected before the regexp runs (Go's engine is slow to say no
	// when it has no literal prefix to look for).
	pre   *literalMatcher
	wide  []byte // scratch: the payload with bytes >= 0x80 as runes
	ascii bool   // last payload needed no widening
}

func (m *regexMatcher) match(data []byte, wantSpan bool) (bool, int, int) {
	if m.pre != nil {
		if ok, _, _ := m.pre.match(data, false); !ok {
			return false, 0, 0
		}
	}
	subject := m.latin1(data)
	if !wantSpan {
		return m.re.Match(subject), 0, 0
	}
	loc := m.re.FindIndex(subject)
	if loc == nil {
		return false, 0, 0
	}
	if m.ascii {
		return true, loc[0], loc[1] - loc[0]
	}
	start := utf8.RuneCount(subject[:loc[0]])
	return true, start, utf8.RuneCount(subject[loc[0]:loc[1]])
}

// latin1 returns data itself when it is ASCII, else a copy in m.wide
// where every byte >= 0x80 is the UTF-8 encoding of the rune of the same
// value.
func (m *regexMatcher) latin1(data []byte) []byte {
	i := 0
	for i < len(data) && data[i] < utf8.RuneSelf {
		i++
	}
	if i == len(data) {
		m.ascii = true
		return data
	}
	m.ascii = false
	w := append(m.wide[:0], data[:i]...)
	for _, c := range data[i:] {
		if c < utf8.RuneSelf {
			w = append(w, c)
		} else {
			w = append(w, 0xc0|c>>6, 0x80|c&0x3f)
		}
	}
	m.wide = w
	return w
}

// wordRegex is ngrep's -w wrapping of an expression.
func wordRegex(p string) string {
	return "((^" + p + `\W)|(\W` + p + "$)|(\\W" + p + `\W))`
}

// hexNeedle decodes -X's expression as ngrep does: an optional prefix up
// to an 'x' is skipped, the rest read two hex digits at a time; the
// length comes from the whole string's. ok is false for ngrep's "invalid
// hex string".
func hexNeedle(s string) ([]byte, bool) {
	if len(s)%2 != 0 {
		return nil, false
	}
	digits := s
	n := len(s)
	if x := bytes.IndexByte([]byte(s), 'x'); x >= 0 {
		digits = s[x+1:]
		n -= x
	}
	for i := 0; i < len(digits); i++ {
		if hexVal(digits[i]) < 0 {
			return nil, false
		}
	}
	out := make([]byte, n/2)
	for i := range out {
		var v byte
		for _, c := range []byte(digits[min(2*i, len(digits)):min(2*i+2, len(digits))]) {
			v = v<<4 | byte(hexVal(c))
		}
		out[i] = v
	}
	return out, true
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// literalMatcher is the fast path for an expression that is plain ASCII
// text: a substring search, folding ASCII case under -i. Go's regexp finds
// no literal prefix in a case-insensitive pattern and would run its
// general engine over every payload.
type literalMatcher struct {
	needle []byte // lower-cased under fold
	fold   bool
	first  [2]byte // the needle's first byte in both cases
}

// literalOf returns the matcher for an expression that is an ASCII
// literal once parsed with ngrep's flags, or nil.
func literalOf(goPattern string, fold bool) *literalMatcher {
	re, err := syntax.Parse(goPattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpLiteral || (re.Flags&syntax.FoldCase != 0) != fold {
		return nil
	}
	return newLiteral(re.Rune, fold)
}

// requiredLiteral returns a matcher for the longest ASCII text every
// match of the Go pattern contains, or nil when there is none worth
// searching for.
func requiredLiteral(goPattern string) *literalMatcher {
	re, err := syntax.Parse(goPattern, syntax.Perl)
	if err != nil {
		return nil
	}
	lit := required(re.Simplify())
	if lit == nil || len(lit.Rune) < 2 {
		return nil
	}
	return newLiteral(lit.Rune, lit.Flags&syntax.FoldCase != 0)
}

// required is the longest literal node every match of re goes through.
func required(re *syntax.Regexp) *syntax.Regexp {
	switch re.Op {
	case syntax.OpLiteral:
		return re
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best *syntax.Regexp
		for _, sub := range re.Sub {
			if l := required(sub); l != nil && (best == nil || len(l.Rune) > len(best.Rune)) {
				best = l
			}
		}
		return best
	}
	return nil
}

// newLiteral is the matcher for an ASCII text, or nil for other text.
func newLiteral(text []rune, fold bool) *literalMatcher {
	if len(text) == 0 {
		return nil
	}
	needle := make([]byte, len(text))
	for i, r := range text {
		if r >= utf8.RuneSelf {
			return nil
		}
		needle[i] = byte(r)
		if fold {
			needle[i] = lowerASCII(byte(r))
		}
	}
	m := &literalMatcher{needle: needle, fold: fold}
	m.first = [2]byte{needle[0], needle[0]}
	if fold {
		m.first[1] = upperASCII(needle[0])
	}
	return m
}

func (m *literalMatcher) match(data []byte, _ bool) (bool, int, int) {
	if !m.fold {
		i := bytes.Index(data, m.needle)
		return i >= 0, max(i, 0), len(m.needle) * b2i(i >= 0)
	}
	n := len(m.needle)
	for off := 0; off+n <= len(data); {
		i := indexEither(data[off:len(data)-n+1], m.first[0], m.first[1])
		if i < 0 {
			break
		}
		at := off + i
		if equalFoldASCII(data[at+1:at+n], m.needle[1:]) {
			return true, at, n
		}
		off = at + 1
	}
	return false, 0, 0
}

// indexEither is the index of the first a or b in s.
func indexEither(s []byte, a, b byte) int {
	i := bytes.IndexByte(s, a)
	if a == b {
		return i
	}
	limit := s
	if i >= 0 {
		limit = s[:i]
	}
	if j := bytes.IndexByte(limit, b); j >= 0 {
		return j
	}
	return i
}

func equalFoldASCII(s, lower []byte) bool {
	for i, c := range s {
		if lowerASCII(c) != lower[i] {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
