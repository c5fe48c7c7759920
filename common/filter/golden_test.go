package filter

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/goclues/goclues/common/capture"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/filter/exprs.tsv.-d.out from the installed tcpdump")

// goldenForms are the listings kept for every expression: tcpdump -O -d
// (unoptimized) and tcpdump -d (optimized).
var goldenForms = []struct {
	flags    string
	optimize bool
}{{"-O -d", false}, {"-d", true}}

func goldenPath(t testing.TB) string {
	return filepath.Join(repoRoot(t), "testdata", "filter", "exprs.tsv.-d.out")
}

// TestGoldenListings checks every expression against listings recorded
// from tcpdump, so the comparison also runs where tcpdump is absent.
// Regenerate with: go test ./common/filter -run TestGoldenListings -update
func TestGoldenListings(t *testing.T) {
	cases := loadCases(t)
	if *update {
		writeGolden(t, cases)
	}
	data, err := os.ReadFile(goldenPath(t))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, sec := range strings.Split(string(data), "### ")[1:] {
		head, body, _ := strings.Cut(sec, "\n")
		want[head] = body
	}
	checked := 0
	for _, tc := range cases {
		for _, f := range goldenForms {
			key := fmt.Sprintf("%s\t%s\t%s", f.flags, tc.lt, tc.expr)
			exp, ok := want[key]
			if !ok {
				t.Errorf("no golden listing for %q; run with -update", key)
				continue
			}
			if got := listing(tc.lt, tc.expr, f.optimize); got != exp {
				t.Errorf("%s:\n got: %s\nwant: %s", key, got, exp)
			}
			checked++
		}
	}
	t.Logf("%d listings checked", checked)
}

// listing is what tcpdump would print for the expression: the program or
// its error message.
func listing(lt, expr string, optimize bool) string {
	prog, err := Compile(expr, linkTypes[lt].dlt, 262144, optimize, 0)
	if err != nil {
		return "tcpdump: " + err.Error() + "\n"
	}
	var b bytes.Buffer
	if err := prog.Dump(&b, 1); err != nil {
		return err.Error()
	}
	return b.String()
}

func writeGolden(t *testing.T, cases []exprCase) {
	bin := needTcpdump(t)
	var out strings.Builder
	for _, tc := range cases {
		for _, f := range goldenForms {
			args := append(strings.Fields(f.flags), "-y", tc.lt, tc.expr)
			stdout, stderr, failed := runTcpdump(bin, args...)
			if failed {
				stdout = stderr
			}
			fmt.Fprintf(&out, "### %s\t%s\t%s\n%s", f.flags, tc.lt, tc.expr, stdout)
		}
	}
	if err := os.WriteFile(goldenPath(t), []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestJoinArgs(t *testing.T) {
	if got := JoinArgs([]string{"tcp", "port", "80"}); got != "tcp port 80" {
		t.Errorf("JoinArgs = %q", got)
	}
	if got := JoinArgs(nil); got != "" {
		t.Errorf("JoinArgs(nil) = %q", got)
	}
}

func TestEmptyExpressionAcceptsAll(t *testing.T) {
	p, err := Compile("", 1, 65535, true, NetmaskUnknown)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.Dump(&b, 1); err != nil {
		t.Fatal(err)
	}
	if b.String() != "(000) ret      #65535\n" {
		t.Errorf("listing %q", b.String())
	}
	if p.Match([]byte{1, 2, 3}, 3) != 65535 {
		t.Error("empty filter rejected a packet")
	}
}

func TestLexer(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []tokKind
	}{
		{"host 1.2.3.4", []tokKind{tHOST, tHID}},
		{"hostname", []tokKind{tID}},
		{"tcp-syn", []tokKind{tNUM}},
		{"tcp-synx", []tokKind{tID}},
		{"0x1f 010 10", []tokKind{tNUM, tNUM, tNUM}},
		{"00:11:22:33:44:55", []tokKind{tEID}},
		{"fe80::1/64", []tokKind{tHID6, tPunct, tNUM}},
		{"a&&b||!c", []tokKind{tID, tAND, tID, tOR, tPunct, tID}},
		{"ip[0:2]>=5", []tokKind{tPNAME, tPunct, tNUM, tPunct, tNUM, tPunct, tGEQ, tNUM}},
		{`\tcp`, []tokKind{tID}},
		{"1-1024", []tokKind{tID}},
		{"@", []tokKind{tLexError}},
		{"089", []tokKind{tLexError}},
	} {
		l := lexer{src: tc.in}
		var got []tokKind
		for tok := l.next(); tok.kind != tEOF; tok = l.next() {
			got = append(got, tok.kind)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%q: tokens %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestDataLinkNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		dlt  int
	}{{"EN10MB", 1}, {"linux_sll", 113}, {"RAW", 12}, {"IEEE802_11_RADIO", 127}} {
		dlt, ok := capture.LinkTypeByName(tc.name)
		if !ok || dlt != tc.dlt {
			t.Errorf("LinkTypeByName(%q) = %d, %v", tc.name, dlt, ok)
		}
		if name := capture.LinkTypeName(tc.dlt); !strings.EqualFold(name, tc.name) {
			t.Errorf("LinkTypeName(%d) = %q", tc.dlt, name)
		}
	}
	if fileLinkTypeToDLT(101) != 12 || fileLinkTypeToDLT(100) != 11 || fileLinkTypeToDLT(1) != 1 {
		t.Error("savefile link types mapped wrongly")
	}
}
