package getopt

import (
	"os"
	"slices"
	"testing"
)

// step is one expected return of Next.
type step struct {
	opt    int
	arg    string
	hasArg bool
	err    string
}

func opt(c int) step                { return step{opt: c} }
func optArg(c int, arg string) step { return step{opt: c, arg: arg, hasArg: true} }
func fail(c int, msg string) step   { return step{opt: c, err: msg} }

// tcpdumpLong is a long-option table shaped like tcpdump's.
var tcpdumpLong = []LongOption{
	{"buffer-size", RequiredArgument, 'B'},
	{"list-interfaces", NoArgument, 'D'},
	{"help", NoArgument, 'h'},
	{"interface", RequiredArgument, 'i'},
	{"count", RequiredArgument, 'c'},
	{"nano", NoArgument, 256},
	{"no-optimize", NoArgument, 'O'},
	{"no-promiscuous-mode", NoArgument, 'p'},
	{"number", NoArgument, '#'},
	{"version", NoArgument, 257},
	{"time-stamp-precision", RequiredArgument, 258},
	{"color", OptionalArgument, 259},
	{"colour", OptionalArgument, 259},
	{"verbose", NoArgument, 'v'},
	{"verbatim", NoArgument, 'v'},
	{"f", NoArgument, 'f'},
	{"file", RequiredArgument, 'r'},
}

const tcpdumpOpts = "aAbB:c:C:dDeE:fF:G:hHi:IjJ:KlLm:M:nNOpqr:s:StT:uUvV:w:W:xXy:Yz:Z:#x::"

func TestNext(t *testing.T) {
	t.Setenv("POSIXLY_CORRECT", "")
	os.Unsetenv("POSIXLY_CORRECT")

	tests := []struct {
		name      string
		args      []string
		optstring string
		long      []LongOption
		longOnly  bool
		want      []step
		operands  []string
		optind    int
	}{
		{
			name: "clustered flags count repeats",
			args: []string{"tcpdump", "-nnvvX"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{opt('n'), opt('n'), opt('v'), opt('v'), opt('X')},
			operands: []string{}, optind: 2,
		},
		{
			name: "attached and separate values",
			args: []string{"tcpdump", "-c5", "-s", "0", "-nc", "7"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{optArg('c', "5"), optArg('s', "0"), opt('n'), optArg('c', "7")},
			operands: []string{}, optind: 6,
		},
		{
			name: "value may look like an option",
			args: []string{"tcpdump", "-c", "-n"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{optArg('c', "-n")},
			operands: []string{}, optind: 3,
		},
		{
			name: "empty separate value",
			args: []string{"tcpdump", "-r", ""}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{optArg('r', "")},
			operands: []string{}, optind: 3,
		},
		{
			name: "permutation moves operands after options",
			args: []string{"tcpdump", "-i", "lo", "port", "80", "-n", "and", "-v"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{optArg('i', "lo"), opt('n'), opt('v')},
			operands: []string{"port", "80", "and"}, optind: 5,
		},
		{
			name: "plus stops at first operand",
			args: []string{"strace", "-f", "ls", "-l"}, optstring: "+fo:", long: []LongOption{},
			want:     []step{opt('f')},
			operands: []string{"ls", "-l"}, optind: 2,
		},
		{
			name: "minus returns operands in order",
			args: []string{"prog", "a", "-f", "b", "--", "-f"}, optstring: "-f",
			want:     []step{optArg(1, "a"), opt('f'), optArg(1, "b")},
			operands: []string{"-f"}, optind: 5,
		},
		{
			name: "double dash ends options",
			args: []string{"tcpdump", "x", "-n", "--", "-v", "y"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{opt('n')},
			operands: []string{"x", "-v", "y"}, optind: 3,
		},
		{
			name: "lone dash is an operand",
			args: []string{"tcpdump", "-r", "-", "-", "-n"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{optArg('r', "-"), opt('n')},
			operands: []string{"-"}, optind: 4,
		},
		{
			name: "optional argument only attached",
			args: []string{"prog", "-x", "foo", "-xbar"}, optstring: "x::",
			want:     []step{opt('x'), optArg('x', "bar")},
			operands: []string{"foo"}, optind: 3,
		},
		{
			name: "long optional argument only with equals",
			args: []string{"tcpdump", "--color", "red", "--colo=blue", "--color="}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{opt(259), optArg(259, "blue"), optArg(259, "")},
			operands: []string{"red"}, optind: 4,
		},
		{
			name: "unique prefix and exact match",
			args: []string{"tcpdump", "--vers", "--f", "--fi", "x", "--nan"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{opt(257), opt('f'), optArg('r', "x"), opt(256)},
			operands: []string{}, optind: 6,
		},
		{
			name: "aliases sharing val and has_arg are not ambiguous",
			args: []string{"tcpdump", "--verb", "--col"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{opt('v'), opt(259)},
			operands: []string{}, optind: 3,
		},
		{
			name: "required long argument both ways",
			args: []string{"tcpdump", "--count=5", "--count", "6", "--cou", "7"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{optArg('c', "5"), optArg('c', "6"), optArg('c', "7")},
			operands: []string{}, optind: 6,
		},
		{
			name: "errors",
			args: []string{"tcpdump", "-k", "--foo=1", "--version=3", "--n", "--co", "-c"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want: []step{
				fail('?', "tcpdump: invalid option -- 'k'"),
				fail('?', "tcpdump: unrecognized option '--foo=1'"),
				fail('?', "tcpdump: option '--version' doesn't allow an argument"),
				fail('?', "tcpdump: option '--n' is ambiguous; possibilities: '--nano' '--no-optimize' '--no-promiscuous-mode' '--number'"),
				fail('?', "tcpdump: option '--co' is ambiguous; possibilities: '--count' '--color' '--colour'"),
				fail('?', "tcpdump: option requires an argument -- 'c'"),
			},
			operands: []string{}, optind: 7,
		},
		{
			name: "missing long argument",
			args: []string{"/usr/bin/tcpdump", "--count"}, optstring: tcpdumpOpts, long: tcpdumpLong,
			want:     []step{fail('?', "/usr/bin/tcpdump: option '--count' requires an argument")},
			operands: []string{}, optind: 2,
		},
		{
			name: "colon prefix reports missing argument as colon",
			args: []string{"prog", "-a", "-b"}, optstring: ":ab:",
			want:     []step{opt('a'), fail(':', "prog: option requires an argument -- 'b'")},
			operands: []string{}, optind: 3,
		},
		{
			name: "colon and semicolon are never options",
			args: []string{"prog", "-:;"}, optstring: "a:W;",
			want: []step{
				fail('?', "prog: invalid option -- ':'"),
				fail('?', "prog: invalid option -- ';'"),
			},
			operands: []string{}, optind: 2,
		},
		{
			name: "plain getopt reads --foo as short options",
			args: []string{"ngrep", "--x"}, optstring: "x",
			want:     []step{fail('?', "ngrep: invalid option -- '-'"), opt('x')},
			operands: []string{}, optind: 2,
		},
		{
			name: "W is an ordinary option without W;",
			args: []string{"prog", "-W", "version"}, optstring: "W:", long: tcpdumpLong,
			want:     []step{optArg('W', "version")},
			operands: []string{}, optind: 3,
		},
		{
			name: "W; makes -W foo a long option",
			args: []string{"prog", "-W", "vers", "-Wcount=3", "-W", "bogus", "-W"}, optstring: "W;", long: tcpdumpLong,
			want: []step{
				opt(257),
				optArg('c', "3"),
				fail('?', "prog: unrecognized option '-W bogus'"),
				fail('?', "prog: option requires an argument -- 'W'"),
			},
			operands: []string{}, optind: 7,
		},
		{
			name: "long only",
			args: []string{"prog", "-vers", "-f", "-fi", "x", "-verb", "--nano"}, optstring: "f", long: tcpdumpLong, longOnly: true,
			want: []step{
				opt(257),
				opt('f'),
				optArg('r', "x"),
				fail('?', "prog: option '-verb' is ambiguous; possibilities: '-verbose' '-verbatim'"),
				opt(256),
			},
			operands: []string{}, optind: 7,
		},
		{
			name: "long only falls back to short options",
			args: []string{"prog", "-fz", "-zz", "-zo", "-q"}, optstring: "fz", long: []LongOption{{"zoom", NoArgument, 'Z'}},
			longOnly: true,
			want: []step{
				opt('f'), opt('z'), opt('z'), opt('z'), opt('Z'),
				fail('?', "prog: unrecognized option '-q'"),
			},
			operands: []string{}, optind: 5,
		},
		{
			name: "no arguments at all",
			args: []string{"prog"}, optstring: "a",
			want: nil, operands: []string{}, optind: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := New(tt.args, tt.optstring, tt.long)
			p.LongOnly(tt.longOnly)
			var got []step
			for {
				o, arg, has, err := p.Next()
				if o == -1 {
					if err != nil {
						t.Fatalf("Next returned -1 with error %v", err)
					}
					break
				}
				s := step{opt: o, arg: arg, hasArg: has}
				if err != nil {
					s.err = err.Error()
				}
				got = append(got, s)
				if len(got) > 100 {
					t.Fatal("Next does not terminate")
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("steps\n got %+v\nwant %+v", got, tt.want)
			}
			if ops := p.Operands(); !slices.Equal(ops, tt.operands) {
				t.Errorf("Operands() = %q, want %q", ops, tt.operands)
			}
			if p.Optind() != tt.optind {
				t.Errorf("Optind() = %d, want %d", p.Optind(), tt.optind)
			}
			if o, _, _, _ := p.Next(); o != -1 {
				t.Errorf("Next after the end = %d, want -1", o)
			}
		})
	}
}

func TestPosixlyCorrect(t *testing.T) {
	args := []string{"tcpdump", "-i", "lo", "port", "80", "-n"}
	t.Setenv("POSIXLY_CORRECT", "")
	p := New(args, tcpdumpOpts, tcpdumpLong)
	if o, arg, _, _ := p.Next(); o != 'i' || arg != "lo" {
		t.Fatalf("first option = %d %q, want -i lo", o, arg)
	}
	if o, _, _, _ := p.Next(); o != -1 {
		t.Fatalf("with POSIXLY_CORRECT set, Next = %d after the first operand, want -1", o)
	}
	if ops := p.Operands(); !slices.Equal(ops, []string{"port", "80", "-n"}) {
		t.Errorf("Operands() = %q", ops)
	}
}

func TestLongIndexAndOptopt(t *testing.T) {
	t.Setenv("POSIXLY_CORRECT", "")
	os.Unsetenv("POSIXLY_CORRECT")
	p := New([]string{"tcpdump", "--vers", "-n", "--version=1", "-k", "--bogus"}, tcpdumpOpts, tcpdumpLong)
	checks := []struct {
		opt, longIndex, optopt int
	}{
		{257, 9, 0},
		{'n', -1, 0},
		{'?', -1, 257},
		{'?', -1, 'k'},
		{'?', -1, 0},
		{-1, -1, 0},
	}
	for i, c := range checks {
		o, _, _, _ := p.Next()
		if o != c.opt || p.LongIndex() != c.longIndex || p.Optopt() != c.optopt {
			t.Errorf("call %d: opt %d LongIndex %d Optopt %d, want %d %d %d",
				i, o, p.LongIndex(), p.Optopt(), c.opt, c.longIndex, c.optopt)
		}
	}
}

func TestProgNameAndQuiet(t *testing.T) {
	p := New([]string{"/usr/bin/ltrace", "-k"}, ":a", nil)
	p.SetProgName("ltrace")
	_, _, _, err := p.Next()
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("error %v is %T, want *Error", err, err)
	}
	if e.Msg != "ltrace: invalid option -- 'k'" || !e.Quiet {
		t.Errorf("error = %+v", e)
	}
}

func TestCallerArgsUntouched(t *testing.T) {
	args := []string{"tcpdump", "port", "80", "-n"}
	orig := slices.Clone(args)
	p := New(args, tcpdumpOpts, tcpdumpLong)
	for o, _, _, _ := p.Next(); o != -1; o, _, _, _ = p.Next() {
	}
	if !slices.Equal(args, orig) {
		t.Errorf("caller's args changed to %q", args)
	}
}

func BenchmarkNext(b *testing.B) {
	args := []string{"tcpdump", "-nnvvX", "-c", "5", "--vers", "-i", "lo", "port", "80", "--count=3"}
	b.ReportAllocs()
	for b.Loop() {
		p := New(args, tcpdumpOpts, tcpdumpLong)
		for o, _, _, _ := p.Next(); o != -1; o, _, _, _ = p.Next() {
		}
	}
}
