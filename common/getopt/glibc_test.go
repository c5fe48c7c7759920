package getopt

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// refSource runs glibc's getopt, getopt_long or getopt_long_only on its
// command line and prints a transcript: glibc's own messages (stderr is
// joined to stdout, both unbuffered, so they interleave in call order), one
// line per call, then the final operands.
//
// Usage: ref MODE OPTSTRING LONGSPEC ARGV0 [ARGS...]
// MODE is short, long or longonly; LONGSPEC is name:has_arg:val entries
// joined by commas ("" is an empty table).
const refSource = `
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
	setvbuf(stdout, NULL, _IONBF, 0);
	dup2(1, 2);
	const char *mode = argv[1], *optstring = argv[2];
	char *spec = strdup(argv[3]);
	struct option longopts[64];
	int n = 0;
	for (char *e = strtok(spec, ","); e != NULL && n < 63; e = strtok(NULL, ",")) {
		char *name = e, *c1 = strchr(e, ':'), *c2 = strchr(c1 + 1, ':');
		*c1 = *c2 = 0;
		longopts[n].name = name;
		longopts[n].has_arg = atoi(c1 + 1);
		longopts[n].flag = NULL;
		longopts[n].val = atoi(c2 + 1);
		n++;
	}
	memset(&longopts[n], 0, sizeof longopts[n]);
	char **av = argv + 4;
	int ac = argc - 4;
	for (;;) {
		int li = -1, c, oo;
		if (strcmp(mode, "short") == 0)
			c = getopt(ac, av, optstring);
		else if (strcmp(mode, "long") == 0)
			c = getopt_long(ac, av, optstring, longopts, &li);
		else
			c = getopt_long_only(ac, av, optstring, longopts, &li);
		/* A byte >= 0x80 is a negative char in glibc; Parser reports the byte. */
		oo = optopt < 0 ? optopt + 256 : optopt;
		if (optarg)
			printf("opt=%d arg=[%s] optind=%d optopt=%d longind=%d\n", c, optarg, optind, oo, li);
		else
			printf("opt=%d arg=none optind=%d optopt=%d longind=%d\n", c, optind, oo, li);
		if (c == -1)
			break;
	}
	printf("operands:");
	for (int i = optind; i < ac; i++)
		printf(" [%s]", av[i]);
	printf("\n");
	return 0;
}
`

// diffCase is one command line run through glibc and through Parser.
type diffCase struct {
	mode      string // short, long or longonly
	optstring string
	long      []LongOption
	posix     bool // POSIXLY_CORRECT set
	args      []string
}

func (c diffCase) String() string {
	return fmt.Sprintf("mode=%s optstring=%q posix=%v args=%q", c.mode, c.optstring, c.posix, c.args)
}

// transcript runs Parser on c and prints what refSource prints.
func (c diffCase) transcript(t *testing.T) string {
	if c.posix {
		os.Setenv("POSIXLY_CORRECT", "1")
	} else {
		os.Unsetenv("POSIXLY_CORRECT")
	}
	long := c.long
	if c.mode == "short" {
		long = nil
	} else if long == nil {
		long = []LongOption{}
	}
	p := New(c.args, c.optstring, long)
	p.LongOnly(c.mode == "longonly")
	var b strings.Builder
	for calls := 0; ; calls++ {
		if calls > 1000 {
			t.Fatalf("%v: Next does not terminate", c)
		}
		opt, arg, hasArg, err := p.Next()
		if err != nil {
			if e, ok := err.(*Error); !ok || !e.Quiet {
				b.WriteString(err.Error() + "\n")
			}
		}
		a := "none"
		if hasArg {
			a = "[" + arg + "]"
		}
		fmt.Fprintf(&b, "opt=%d arg=%s optind=%d optopt=%d longind=%d\n", opt, a, p.Optind(), p.Optopt(), p.LongIndex())
		if opt == -1 {
			break
		}
	}
	b.WriteString("operands:")
	for _, o := range p.Operands() {
		b.WriteString(" [" + o + "]")
	}
	b.WriteString("\n")
	return b.String()
}

// reference runs c through glibc.
func (c diffCase) reference(t *testing.T, bin string) string {
	var spec []string
	for _, o := range c.long {
		spec = append(spec, fmt.Sprintf("%s:%d:%d", o.Name, o.HasArg, o.Val))
	}
	cmd := exec.Command(bin, append([]string{c.mode, c.optstring, strings.Join(spec, ",")}, c.args...)...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "POSIXLY_CORRECT=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if c.posix {
		cmd.Env = append(cmd.Env, "POSIXLY_CORRECT=1")
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: reference program: %v", c, err)
	}
	return string(out)
}

// diffLong has exact-match-versus-prefix names, aliases (same has_arg and
// val), and prefixes shared by options that differ.
var diffLong = []LongOption{
	{"version", NoArgument, 'V'},
	{"verbose", NoArgument, 'v'},
	{"verbatim", NoArgument, 'v'},
	{"count", RequiredArgument, 'c'},
	{"color", OptionalArgument, 300},
	{"colour", OptionalArgument, 300},
	{"nano", NoArgument, 301},
	{"no-optimize", NoArgument, 'O'},
	{"number", NoArgument, '#'},
	{"f", NoArgument, 'f'},
	{"file", RequiredArgument, 'r'},
	{"bx", OptionalArgument, 302},
}

var diffOptstrings = []string{
	"ab:c::fvW;",
	"+ab:c::fv",
	"-ab:c::fv",
	":ab:c::fvW;",
	"+:ab:c::f",
	"-:ab:",
	"ab:c::frW:",
	"abc",
	":+ab",
	"a;b:",
}

var diffTokens = []string{
	"-a", "-b", "-bX", "-c", "-cY", "-abc", "-ba", "-ac", "-acZ", "-f", "-v", "-r", "-x", "-k",
	"-:", "-;", "-W", "-Wversion", "-Wver=1", "-Wcount", "-Wco", "-Wbogus", "-Wf=1",
	"--version", "--vers", "--ver", "--v", "--verb", "--verbose=1", "--count", "--count=5",
	"--co", "--col", "--color", "--color=red", "--color=", "--n", "--no", "--nu", "--nano=1",
	"--file", "--fi=x", "--f", "--f=x", "--bx", "--b", "--foo", "--foo=bar", "--=x", "--c",
	"-version", "-verb", "-col=x", "-fi", "-fil", "-bx", "-n", "-no",
	"--", "-", "op1", "op2", "", "arg with space", "-é",
}

// diffCases are the hand-picked lines from the package's documentation and
// the ones the tools care about; randomDiffCases adds generated ones.
func diffCases() []diffCase {
	cases := []diffCase{
		{mode: "long", optstring: tcpdumpOpts, long: tcpdumpLong, args: []string{"tcpdump", "-i", "lo", "port", "80", "-n"}},
		{mode: "long", optstring: tcpdumpOpts, long: tcpdumpLong, posix: true, args: []string{"tcpdump", "-i", "lo", "port", "80", "-n"}},
		{mode: "long", optstring: tcpdumpOpts, long: tcpdumpLong, args: []string{"tcpdump", "--n", "--co", "--vers=1", "--count"}},
		{mode: "long", optstring: tcpdumpOpts, long: tcpdumpLong, args: []string{"/usr/sbin/tcpdump", "-nnvvX", "-c5", "-s", "0", "-x", "-xx"}},
		{mode: "long", optstring: "+a:b:cde:fhiko:p:qrs:tvx", long: []LongOption{{"help", NoArgument, 'h'}}, args: []string{"strace", "-f", "ls", "-l"}},
		{mode: "short", optstring: "LNhXViwqpevxlDtTRMs:n:c:d:A:I:O:S:P:F:W:", args: []string{"ngrep", "-q", "pat", "--foo", "-d", "lo", "port 80"}},
		{mode: "longonly", optstring: "f", long: tcpdumpLong, args: []string{"prog", "-vers", "-f", "-fi", "x", "-verb", "--nano"}},
	}
	return append(cases, randomDiffCases(400)...)
}

func randomDiffCases(n int) []diffCase {
	r := rand.New(rand.NewPCG(1, 2))
	modes := []string{"long", "long", "longonly", "short"}
	var cases []diffCase
	for range n {
		c := diffCase{
			mode:      modes[r.IntN(len(modes))],
			optstring: diffOptstrings[r.IntN(len(diffOptstrings))],
			posix:     r.IntN(5) == 0,
			args:      []string{"prog"},
		}
		if r.IntN(6) > 0 {
			c.long = diffLong
		}
		for range r.IntN(8) {
			c.args = append(c.args, diffTokens[r.IntN(len(diffTokens))])
		}
		cases = append(cases, c)
	}
	return cases
}

// TestAgainstGlibc compares Parser with the C library on a few hundred
// command lines: every return value, optarg, optind, optopt, longindex,
// message and the final operand order.
func TestAgainstGlibc(t *testing.T) {
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("gcc not found; skipping the comparison with glibc")
	}
	bin := filepath.Join(t.TempDir(), "ref")
	src := bin + ".c"
	if err := os.WriteFile(src, []byte(refSource), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(gcc, "-O1", "-o", bin, src).CombinedOutput(); err != nil {
		t.Fatalf("compiling the reference program: %v\n%s", err, out)
	}
	t.Setenv("POSIXLY_CORRECT", "")

	failures := 0
	for _, c := range diffCases() {
		want := c.reference(t, bin)
		got := c.transcript(t)
		if got != want {
			t.Errorf("%v\n--- glibc\n%s--- getopt\n%s", c, want, got)
			if failures++; failures == 10 {
				t.Fatal("too many differences")
			}
		}
	}
}
