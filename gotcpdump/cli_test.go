package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCLIAgainstTcpdump runs the real tcpdump and gotcpdump (installed
// under the name "tcpdump" in a temporary directory, so that messages
// carry the same program name) on the same bad inputs and command lines,
// and compares stdout, stderr and the exit status.
func TestCLIAgainstTcpdump(t *testing.T) {
	real, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	dir := t.TempDir()
	ours := filepath.Join(dir, "tcpdump")
	if err := os.Symlink(binPath, ours); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(goldenDir, "mixed.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"empty":     nil,
		"short":     []byte("ab"),
		"garbage":   []byte("this is not a capture file at all, not even close"),
		"hdr-cut":   good[:30],
		"pkt-cut":   good[:24+16+20],
		"rec-cut":   good[:len(good)-3],
		"header":    good[:24],
		"mixed":     good,
		"ng-cut":    {0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c},
		"ng-badlen": {0x0a, 0x0d, 0x0d, 0x0a, 8, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0},
		"filter":    []byte("udp # only the DNS\n and port 53\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := [][]string{
		{"-n", "-r", "nonexistent"},
		{"-n", "-r", "empty"},
		{"-n", "-r", "short"},
		{"-n", "-r", "garbage"},
		{"-n", "-r", "hdr-cut"},
		{"-n", "-r", "pkt-cut"},
		{"-n", "-r", "rec-cut"},
		{"-n", "-r", "header"},
		{"-n", "-r", "ng-cut"},
		{"-n", "-r", "ng-badlen"},
		{"-n", "-r", "mixed", "-c", "3"},
		{"-n", "-r", "mixed", "-c", "0"},
		{"-n", "-r", "mixed", "-c", "x"},
		{"-n", "-r", "mixed", "--count"},
		{"-n", "-r", "mixed", "-T", "nosuchtype"},
		{"-n", "-r", "mixed", "-k"},
		{"-n", "-r"},
		{"-n", "--no-such-option", "-r", "mixed"},
		{"-n", "--n", "-r", "mixed"},
		{"-n", "--vers"},
		{"--version"},
		{"-h"},
		{"-r", "mixed", "-n", "-c2", "-tt", "--nano"},
		{"-r", "mixed", "-c", "2", "-nn", "-ttt"},
		{"-r", "mixed", "tcp[", "-n"},
		{"-r", "mixed", "-n", "udp", "and", "port", "53"},
		{"-r", "mixed", "-n", "icmp"},
		{"-r", "mixed", "-n", "-c", "4", "ip6"},
		{"-r", "mixed", "-n", "port", "99999"},
		{"-r", "mixed", "-n", "-F", "filter", "tcp"},
		{"-r", "mixed", "-n", "-F", "nonexistent"},
		{"-r", "mixed", "-c", "12"},
		{"-r", "mixed", "-e", "-c", "12"},
		{"-d", "tcp", "port", "80"},
		{"-dd", "-O", "udp"},
		{"-ddd", "-y", "LINUX_SLL", "ip6"},
		{"-d", "-y", "LINUX_SLL", "vlan", "and", "ip"},
		{"-d", "-y", "NOSUCH", "ip"},
		{"-d", "-r", "mixed", "ip", "broadcast"},
		{"-d", "tcp["},
	}
	if os.Geteuid() == 0 {
		cases = append(cases, []string{"-d", "-i", "lo", "vlan"}, []string{"-d", "-i", "any", "tcp"})
	}
	for _, args := range cases {
		wantOut, wantErr, wantCode := runIn(t, dir, real, args)
		// gotcpdump links no OpenSSL, so its version text has no OpenSSL line.
		wantOut, wantErr = dropOpenSSL(wantOut), dropOpenSSL(wantErr)
		gotOut, gotErr, gotCode := runIn(t, dir, ours, args)
		if string(wantOut) != string(gotOut) || string(wantErr) != string(gotErr) || wantCode != gotCode {
			t.Errorf("tcpdump %q:\n  tcpdump:   exit %d, stderr %q, stdout %s\n  gotcpdump: exit %d, stderr %q, stdout %s",
				args, wantCode, wantErr, clipOut(wantOut), gotCode, gotErr, clipOut(gotOut))
		}
	}
}

var opensslLine = regexp.MustCompile(`(?m)^OpenSSL [^\n]*\n`)

func dropOpenSSL(b []byte) []byte { return opensslLine.ReplaceAll(b, nil) }

func clipOut(b []byte) string {
	if len(b) > 300 {
		b = b[:300]
	}
	return string(b)
}

func runIn(t *testing.T, dir, bin string, args []string) ([]byte, []byte, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Args[0] = "tcpdump"
	cmd.Env = []string{"TZ=GMT0", "LC_ALL=C", "PATH=" + os.Getenv("PATH")}
	var o, e limitedBuffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s: %v", bin, err)
	}
	return o.b, e.b, code
}

type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	l.b = append(l.b, p...)
	return len(p), nil
}

// TestBrokenPipe: a reader that goes away ends gotcpdump promptly with
// tcpdump's message and exit status 14, not a signal death.
func TestBrokenPipe(t *testing.T) {
	cmd := exec.Command(binPath, "-n", "-XX", "-r", filepath.Join(goldenDir, "mixed.pcap"))
	cmd.Args[0] = "tcpdump"
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 100)
	if _, err := out.Read(buf); err != nil {
		t.Fatal(err)
	}
	out.Close()
	err = cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != exitWriteError {
		t.Fatalf("exit: %v, want status %d", err, exitWriteError)
	}
	if want := "tcpdump: Unable to write output: Broken pipe\n"; !strings.HasSuffix(string(stderr.b), want) {
		t.Errorf("stderr %q, want it to end with %q", stderr.b, want)
	}
}

// TestWriteFilteredAgainstTcpdump: "-r X -w out EXPR" writes the same
// file, byte for byte, as tcpdump does.
func TestWriteFilteredAgainstTcpdump(t *testing.T) {
	real, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	dir := t.TempDir()
	for _, capture := range []string{"mixed.pcap", "vlan.pcap", "sll.pcap", "raw.pcap", "null.pcap", "ipv4.pcap"} {
		in := filepath.Join(goldenDir, capture)
		for _, expr := range []string{"", "tcp port 80", "udp and port 53", "icmp or arp", "ip6",
			"vlan and udp", "host 10.0.0.3 or net 192.0.2.0/24", "tcp[tcpflags] & tcp-syn != 0",
			"ip[8] < 10", "not ip", "less 80", "greater 1000"} {
			want := filepath.Join(dir, "want.pcap")
			got := filepath.Join(dir, "got.pcap")
			_, wantErr, wantCode := runIn(t, dir, real, append([]string{"-r", in, "-w", want}, strings.Fields(expr)...))
			_, gotErr, gotCode := runIn(t, dir, binPath, append([]string{"-r", in, "-w", got}, strings.Fields(expr)...))
			wb, _ := os.ReadFile(want)
			gb, _ := os.ReadFile(got)
			if wantCode != gotCode || string(wantErr) != string(gotErr) || string(wb) != string(gb) {
				t.Errorf("%s %q: tcpdump exit %d %q (%d bytes), gotcpdump exit %d %q (%d bytes)",
					capture, expr, wantCode, wantErr, len(wb), gotCode, gotErr, len(gb))
			}
			os.Remove(want)
			os.Remove(got)
		}
	}
}
