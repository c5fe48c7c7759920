package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// conformanceDir holds tcpdump's upstream test captures, read in place.
const conformanceDir = "../../../shared/conformance/tcpdump/pcaps"

// junkReaders are captures whose packets are cut inside headers that
// ngrep reads anyway: it then prints bytes of uninitialised heap memory,
// which no reimplementation can predict.
var junkReaders = map[string]bool{
	"gre-heapoverflow-1.pcap":                true,
	"ipv6_invalid_length.pcap":               true,
	"bad-ipv4-version-pgm-heapoverflow.pcap": true,
}

// TestDifferential runs ngrep and gongrep side by side on every case (and,
// when tcpdump's suite is present, on its captures) and compares stdout,
// stderr and exit status.
func TestDifferential(t *testing.T) {
	ngrep, err := exec.LookPath("ngrep")
	if err != nil {
		t.Skip("ngrep is not installed")
	}
	cases := allCases()
	if os.Geteuid() == 0 {
		for _, a := range rootCases {
			cases = append(cases, ngrepCase{args: a})
		}
	} else {
		t.Log("not root: skipping the -K cases, which send packets")
	}
	pass := 0
	for _, c := range cases {
		if compareTools(t, ngrep, c.args) {
			pass++
		}
	}
	t.Logf("cases: %d of %d identical", pass, len(cases))

	pcaps, _ := filepath.Glob(filepath.Join(testDir, conformanceDir, "*.pcap*"))
	if len(pcaps) == 0 {
		t.Log("tcpdump's suite captures are absent: skipping them")
		return
	}
	flagSets := [][]string{{"-e"}, {"-q", "-x", "-N", "-t"}}
	stride := 7
	if os.Getenv("GONGREP_DIFF_ALL") != "" {
		stride = 1
	}
	pass, total := 0, 0
	for i, p := range pcaps {
		if i%stride != 0 || junkReaders[filepath.Base(p)] {
			continue
		}
		rel, _ := filepath.Rel(testDir, p)
		for _, fs := range flagSets {
			total++
			if compareTools(t, ngrep, append([]string{"-I", rel}, fs...)) {
				pass++
			}
		}
	}
	t.Logf("tcpdump suite captures: %d of %d runs identical (every %d. capture; GONGREP_DIFF_ALL=1 for all)", pass, total, stride)
}

func compareTools(t *testing.T, ngrep string, args []string) bool {
	t.Helper()
	want := runTool(t, ngrep, args)
	got := runTool(t, gongrepBin, args)
	ok := true
	if !bytes.Equal(want.stdout, got.stdout) {
		t.Errorf("ngrep %q: stdout differs\n%s", args, firstDiff(want.stdout, got.stdout))
		ok = false
	}
	if !bytes.Equal(want.stderr, got.stderr) || want.status != got.status {
		t.Errorf("ngrep %q: status/stderr differ:\nwant %d %q\ngot  %d %q", args, want.status, want.stderr, got.status, got.stderr)
		ok = false
	}
	return ok
}

// TestDumpFileDifferential: -O writes the same pcap file as ngrep's
// pcap_dump.
func TestDumpFileDifferential(t *testing.T) {
	ngrep, err := exec.LookPath("ngrep")
	if err != nil {
		t.Skip("ngrep is not installed")
	}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-q", "-I", "text.pcap", "HTTP"},
		{"-q", "-I", "protos.pcap", "-e", "-A", "1", "hello", "udp"},
		{"-q", "-I", "../gotcpdump/sll.pcap", "-v", "GET"},
	} {
		want := filepath.Join(dir, "want.pcap")
		got := filepath.Join(dir, "got.pcap")
		runTool(t, ngrep, append([]string{"-O", want}, args...))
		runTool(t, gongrepBin, append([]string{"-O", got}, args...))
		w, err1 := os.ReadFile(want)
		g, err2 := os.ReadFile(got)
		if err1 != nil || err2 != nil {
			t.Fatalf("%q: %v %v", args, err1, err2)
		}
		if !bytes.Equal(w, g) {
			t.Errorf("%q: -O files differ (%d and %d bytes)", args, len(w), len(g))
		}
	}
}
