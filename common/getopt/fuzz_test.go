package getopt

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary optstrings and command lines (args separated by
// newlines) to the parser and checks that it never panics, terminates, keeps
// the command line's elements (it only reorders them), reports operands as a
// subsequence of the command line, and pairs errors with '?' or ':'.
func FuzzParse(f *testing.F) {
	seeds := []struct {
		optstring, args string
		longOnly        bool
	}{
		{tcpdumpOpts, "-i\nlo\nport\n80\n-n", false},
		{"+ab:c::", "-a\nx\n-b", false},
		{"-ab:", "x\n-a\n--\n-b", false},
		{":ab:W;", "-b\n-Wver\n-W", false},
		{"f", "-vers\n-fi\nx\n-verb", true},
		{"x::", "-x\n-xval\n--color=\n--n\n--count", false},
		{"", "-\n--\n\n-:\n-;", false},
	}
	for _, s := range seeds {
		f.Add(s.optstring, s.args, s.longOnly)
	}
	f.Fuzz(func(t *testing.T, optstring, joined string, longOnly bool) {
		args := append([]string{"prog"}, strings.Split(joined, "\n")...)
		p := New(args, optstring, tcpdumpLong)
		p.LongOnly(longOnly)
		limit := len(joined) + len(args) + 2
		for calls := 0; ; calls++ {
			if calls > limit {
				t.Fatalf("more than %d calls to Next for %q", limit, args)
			}
			opt, _, _, err := p.Next()
			if opt == -1 {
				if err != nil {
					t.Fatalf("-1 with error %v", err)
				}
				break
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || (opt != '?' && opt != ':') || !strings.HasPrefix(e.Msg, "prog: ") {
					t.Fatalf("opt %d with error %#v", opt, err)
				}
			}
		}
		if p.Optind() < 1 || p.Optind() > len(args) {
			t.Fatalf("Optind %d out of range for %d args", p.Optind(), len(args))
		}
		sortedIn, sortedOut := slices.Clone(args), slices.Clone(p.argv)
		slices.Sort(sortedIn)
		slices.Sort(sortedOut)
		if !slices.Equal(sortedIn, sortedOut) {
			t.Fatalf("argv %q is not a permutation of %q", p.argv, args)
		}
		if ops := p.Operands(); !isSubsequence(ops, args[1:]) {
			t.Fatalf("operands %q are not in command-line order in %q", ops, args)
		}
	})
}

// isSubsequence reports whether sub appears in s in order, not necessarily
// contiguously.
func isSubsequence(sub, s []string) bool {
	i := 0
	for _, x := range s {
		if i < len(sub) && sub[i] == x {
			i++
		}
	}
	return i == len(sub)
}
