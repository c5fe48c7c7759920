package main

import (
	"bytes"
	"regexp"
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
	re    *regexp.Regexp
	wide  []byte // scratch: the payload with bytes >= 0x80 as runes
	ascii bool   // last payload needed no widening
}

func (m *regexMatcher) match(data []byte, wantSpan bool) (bool, int, int) {
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
