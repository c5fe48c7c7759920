package main

import (
	"bufio"
	"bytes"
	"testing"
	"time"
)

func TestStrtoul32(t *testing.T) {
	tests := []struct {
		in   string
		want uint32
	}{
		{"10", 10}, {"  7x", 7}, {"+3", 3}, {"-1", 0xffffffff}, {"abc", 0},
		{"4294967296", 0}, {"99999999999999999999", 0xffffffff}, {"", 0},
	}
	for _, tt := range tests {
		if got := strtoul32(tt.in); got != tt.want {
			t.Errorf("strtoul32(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestAtoi(t *testing.T) {
	tests := []struct {
		in   string
		want int32
	}{
		{"80", 80}, {" -20", -20}, {"x", 0}, {"4294967297", 1}, {"99999999999999999999", -1}, {"9223372036854775808", -1}, {"-9223372036854775809", 0}, {"922337203685477580", -858993460},
	}
	for _, tt := range tests {
		if got := atoi(tt.in); got != tt.want {
			t.Errorf("atoi(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestHexNeedle(t *testing.T) {
	tests := []struct {
		in   string
		want []byte
		ok   bool
	}{
		{"474554", []byte("GET"), true},
		{"0x474554", []byte("GET"), true},
		{"12x48655", []byte{0x48, 0x65, 0x05}, true},
		{"12x4865", nil, false},
		{"", []byte{}, true},
		{"0x", []byte{}, true},
		{"414", nil, false},
		{"zz", nil, false},
		{"0X41", nil, false},
	}
	for _, tt := range tests {
		got, ok := hexNeedle(tt.in)
		if ok != tt.ok || !bytes.Equal(got, tt.want) {
			t.Errorf("hexNeedle(%q) = %x, %v; want %x, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRegexSemantics(t *testing.T) {
	tests := []struct {
		pat        string
		icase, all bool
		subject    string
		want       bool
	}{
		{"end$", false, true, "the end\n", true},
		{"end$", false, true, "the end\n\n", false},
		{`end\Z`, false, true, "the end\n", true},
		{"a.b", false, true, "a\nb", true},
		{"a.b", false, false, "a\nb", false},
		{"caf.", false, true, "caf\xc3\xa9", true},
		{"caf..$", false, true, "caf\xc3\xa9", true},
		{"\xc3\xa9", false, true, "caf\xc3\xa9", true},
		{`\xe9`, false, true, "caf\xe9", true},
		{`\xe9`, false, true, "caf\xc3\xa9", false},
		{"\xc3\x89", true, true, "\xc3\xa9", false},
		{"HELLO", true, true, "hello", true},
		{`a\sb`, false, true, "a\vb", true},
		{`a[\s]b`, false, true, "a\vb", true},
		{`\Qa$b\E`, false, true, "xa$by", true},
		{"[$]", false, true, "$", true},
		{"x[]$]y", false, true, "x$y", true},
	}
	for _, tt := range tests {
		re, err := compileRegex(tt.pat, tt.icase, tt.all)
		if err != nil {
			t.Errorf("%q: %v", tt.pat, err)
			continue
		}
		m := &regexMatcher{re: re}
		if ok, _, _ := m.match([]byte(tt.subject), false); ok != tt.want {
			t.Errorf("%q (i=%v s=%v) on %q: %v, want %v", tt.pat, tt.icase, tt.all, tt.subject, ok, tt.want)
		}
	}
}

func TestMatchSpanCountsBytes(t *testing.T) {
	re, err := compileRegex("b+", false, true)
	if err != nil {
		t.Fatal(err)
	}
	m := &regexMatcher{re: re}
	ok, idx, size := m.match([]byte("\xff\xfeab"), true)
	if !ok || idx != 3 || size != 1 {
		t.Errorf("got %v at %d size %d; want true at 3 size 1 (ungreedy)", ok, idx, size)
	}
}

func TestRegexErrors(t *testing.T) {
	tests := []struct{ pat, want string }{
		{"(", "regex compile failed: missing closing parenthesis (offset: 1)"},
		{"ab)", "regex compile failed: unmatched closing parenthesis (offset: 2)"},
		{"[z-a]", "regex compile failed: range out of order in character class (offset: 3)"},
		{"*a", "regex compile failed: quantifier does not follow a repeatable item (offset: 0)"},
		{"a**", "regex compile failed: quantifier does not follow a repeatable item (offset: 2)"},
		{"[a", "regex compile failed: missing terminating ] for character class (offset: 2)"},
		{"a{2,1}", "regex compile failed: numbers out of order in {} quantifier (offset: 5)"},
		{`\`, `regex compile failed: \ at end of pattern (offset: 1)`},
	}
	for _, tt := range tests {
		_, err := compileRegex(tt.pat, false, true)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: got %v, want %s", tt.pat, err, tt.want)
		}
	}
}

// FuzzCompileRegex: no match expression makes the PCRE2 rewriting or the
// matcher panic, and the required-text prefilter never changes an answer.
func FuzzCompileRegex(f *testing.F) {
	for _, s := range []string{"a$", `\Qx$\E`, "[[:alpha:]$]", `\`, "\xff(", `[\s\S]`, "((^a\\W)|(\\Wa$))", "(get|post).*HTTP", "ab+c{2}d"} {
		f.Add(s, []byte("subject\xff\n GET / http"))
	}
	f.Fuzz(func(t *testing.T, pat string, subject []byte) {
		fold := len(subject)%2 == 0
		re, err := compileRegex(pat, fold, true)
		if err != nil {
			return
		}
		plain := &regexMatcher{re: re}
		ok, idx, size := plain.match(subject, true)
		if ok && (idx < 0 || idx+size > len(subject)) {
			t.Fatalf("span %d+%d outside %d bytes", idx, size, len(subject))
		}
		filtered := &regexMatcher{re: re, pre: requiredLiteral(goPattern(pat, fold, true))}
		if ok2, idx2, size2 := filtered.match(subject, true); ok2 != ok || idx2 != idx || size2 != size {
			t.Fatalf("%q on %q: with prefilter %v %d %d, without %v %d %d", pat, subject, ok2, idx2, size2, ok, idx, size)
		}
	})
}

// FuzzLiteralMatcher: the fast path for plain-text expressions answers as
// the general regexp engine does, span included.
func FuzzLiteralMatcher(f *testing.F) {
	f.Add("host", []byte("Host: x"), true)
	f.Add("GET", []byte("xGEGET"), false)
	f.Add("a", []byte("\xffA"), true)
	f.Fuzz(func(t *testing.T, pat string, subject []byte, fold bool) {
		lit := literalOf(goPattern(pat, fold, true), fold)
		if lit == nil {
			return
		}
		re, err := compileRegex(pat, fold, true)
		if err != nil {
			t.Fatalf("%q: literal but no regexp: %v", pat, err)
		}
		general := &regexMatcher{re: re}
		ok1, i1, n1 := lit.match(subject, true)
		ok2, i2, n2 := general.match(subject, true)
		if ok1 != ok2 || i1 != i2 || n1 != n2 {
			t.Fatalf("%q (fold %v) on %q: literal %v %d %d, regexp %v %d %d", pat, fold, subject, ok1, i1, n1, ok2, i2, n2)
		}
	})
}

// TestTimeStamps: -T counts from the program's start (here a fixed one),
// -TT from the first packet shown, both with C's unsigned arithmetic.
// (-t is covered by the golden files, which run with TZ=GMT0.)
func TestTimeStamps(t *testing.T) {
	start := time.Unix(1700000000, 500000000)
	stamps := [][2]int64{{1700000001, 250000}, {1700000001, 250000}, {1700000000, 0}}
	tests := []struct {
		mode timeMode
		want string
	}{
		{timeDiff, "+0.750000 +0.000000 +4294967294.750000 "},
		{timeOffset, "+0.000000 +0.000000 +4294967294.750000 "},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		c := &config{timeMode: tt.mode, diffStart: start, nonprint: '.'}
		p := newPrinter(w, c, 80)
		for _, s := range stamps {
			p.time(s[0], s[1])
		}
		w.Flush()
		if b.String() != tt.want {
			t.Errorf("mode %d: got %q, want %q", tt.mode, b.String(), tt.want)
		}
	}
}
