package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate testdata/gongrep's golden files by running the real ngrep")

// testDir holds the inputs and goldens; commands run there.
const testDir = "../testdata/gongrep"

// gongrepBin is the command built for the tests.
var gongrepBin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "gongrep-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	gongrepBin = filepath.Join(dir, "gongrep")
	build := exec.Command("go", "build", "-o", gongrepBin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building gongrep: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what a command printed and how it ended.
type result struct {
	stdout, stderr []byte
	status         int
}

// runTool runs bin with args in testDir as "ngrep" (argv[0], which
// getopt's messages start with).
func runTool(t *testing.T, bin string, args []string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Args[0] = "ngrep"
	cmd.Dir = testDir
	cmd.Env = append(os.Environ(), "TZ=GMT0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.status = ee.ExitCode()
	case err != nil:
		t.Fatalf("running %s %q: %v", bin, args, err)
	}
	return r
}

// goldenName names a case's golden files after its input and flags.
func goldenName(args []string) string {
	var in string
	var flags []string
	for i := 0; i < len(args); i++ {
		if args[i] == "-I" && i+1 < len(args) && in == "" {
			in = filepath.Base(args[i+1])
			if in == "." {
				in = "cwd"
			}
			i++
			continue
		}
		if args[i] == "" {
			flags = append(flags, "''")
			continue
		}
		flags = append(flags, args[i])
	}
	if in == "" {
		in = "noinput"
	}
	name := in + "." + strings.Join(flags, "_")
	var b strings.Builder
	for _, c := range []byte(name) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._-+,=~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// errFile is a golden's exit status and stderr: written only when the
// status is not 0 or stderr is not empty.
func errFile(r result) []byte {
	if r.status == 0 && len(r.stderr) == 0 {
		return nil
	}
	return append([]byte("status "+strconv.Itoa(r.status)+"\n"), r.stderr...)
}

// TestGolden compares gongrep with outputs the real ngrep printed.
func TestGolden(t *testing.T) {
	if *update {
		regenerate(t)
	}
	for _, c := range allCases() {
		name := goldenName(c.args)
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(testDir, name+".out"))
			if err != nil {
				t.Fatalf("%v (go test ./gongrep -run Golden -update makes it with ngrep)", err)
			}
			wantErr, err := os.ReadFile(filepath.Join(testDir, name+".err"))
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			got := runTool(t, gongrepBin, c.args)
			if !bytes.Equal(got.stdout, want) {
				t.Errorf("ngrep %q: stdout differs\n%s", c.args, firstDiff(want, got.stdout))
			}
			if g := errFile(got); !bytes.Equal(g, wantErr) {
				t.Errorf("ngrep %q: status/stderr differ:\nwant %q\ngot  %q", c.args, wantErr, g)
			}
		})
	}
}

// regenerate runs the real ngrep for every case and rewrites the goldens
// and the COMMANDS file that records how they were made.
func regenerate(t *testing.T) {
	ngrep, err := exec.LookPath("ngrep")
	if err != nil {
		t.Fatal("-update needs the real ngrep")
	}
	var cmds bytes.Buffer
	cmds.WriteString("# Golden files: made by the real ngrep 1.47 (Debian 12) with\n" +
		"#   go test ./gongrep -run Golden -update\n" +
		"# which runs, in testdata/gongrep, with TZ=GMT0 and standard input from /dev/null:\n" +
		"#   ngrep ARGS > NAME.out 2> stderr; NAME.err = \"status N\" + stderr (only when not 0 / empty)\n" +
		"# Captures: go run ./gongrep/internal/pktgen/mkcaps -o testdata/gongrep\n" +
		"#   (protos.pcap, text.pcap, times.pcap); the others are testdata/gotcpdump's.\n" +
		"# filter-port80.txt, filter-nonl.txt and filter-empty.txt are -F inputs written by hand.\n\n")
	for _, c := range allCases() {
		name := goldenName(c.args)
		r := runTool(t, ngrep, c.args)
		if err := os.WriteFile(filepath.Join(testDir, name+".out"), r.stdout, 0o644); err != nil {
			t.Fatal(err)
		}
		errPath := filepath.Join(testDir, name+".err")
		if e := errFile(r); e != nil {
			if err := os.WriteFile(errPath, e, 0o644); err != nil {
				t.Fatal(err)
			}
		} else {
			os.Remove(errPath)
		}
		fmt.Fprintf(&cmds, "%s\tstatus %d\tngrep %s\n", name, r.status, shellQuote(c.args))
	}
	if err := os.WriteFile(filepath.Join(testDir, "COMMANDS"), cmds.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a != "" && strings.Trim(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=,:") == "" {
			q[i] = a
		} else {
			q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(q, " ")
}

// firstDiff shows the first line where two outputs differ.
func firstDiff(want, got []byte) string {
	wl := strings.SplitAfter(string(want), "\n")
	gl := strings.SplitAfter(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "(same lines)"
}
