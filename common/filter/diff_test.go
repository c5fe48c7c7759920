package filter

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// The differential tests run the installed tcpdump (the reference) next
// to this package on every expression of testdata/filter/exprs.tsv.

var linkTypes = map[string]struct {
	dlt     int
	capture string
}{
	"EN10MB": {1, "ether.pcap"}, "LINUX_SLL": {113, "sll.pcap"}, "LINUX_SLL2": {276, "sll2.pcap"},
	"RAW": {12, "raw.pcap"}, "IPV4": {228, "ipv4.pcap"}, "IPV6": {229, "ipv6.pcap"},
	"NULL": {0, "null.pcap,null-be.pcap"}, "LOOP": {108, "loop.pcap"},
	// No generated captures; the shared corpus has some.
	"SLIP": {8, ""}, "PPP": {9, ""}, "PPP_SERIAL": {50, ""}, "PPP_ETHER": {51, ""},
	"C_HDLC": {104, ""}, "FRELAY": {107, ""}, "ENC": {109, ""}, "PPP_PPPD": {166, ""},
	"PPP_BSDOS": {16, ""}, "SLIP_BSDOS": {15, ""},
	"IEEE802_11": {105, ""}, "IEEE802_11_RADIO": {127, ""}, "PRISM_HEADER": {119, ""},
	"IEEE802_11_RADIO_AVS": {163, ""}, "PPI": {192, ""},
	"JUNIPER_ETHER": {178, ""}, "JUNIPER_ATM1": {137, ""}, "JUNIPER_ES": {132, ""}, "IPNET": {226, ""},
	"ARCNET": {7, ""}, "ARCNET_LINUX": {129, ""}, "NETANALYZER": {240, ""}, "NETANALYZER_TRANSPARENT": {241, ""},
	"FDDI": {10, ""}, "IEEE802": {6, ""}, "IP_OVER_FC": {122, ""},
	"SUNATM": {123, ""}, "ATM_RFC1483": {11, ""}, "ATM_CLIP": {19, ""},
	"SYMANTEC_FIREWALL": {99, ""}, "LTALK": {114, ""}, "APPLE_IP_OVER_IEEE1394": {138, ""},
	"BACNET_MS_TP": {165, ""}, "PFSYNC": {246, ""},
	"MTP2": {140, ""}, "MTP2_WITH_PHDR": {139, ""}, "ERF": {197, ""}, "PFLOG": {117, ""},
	// Link types this package does not generate protocol tests for.
	"USB_LINUX": {189, ""}, "NFLOG": {239, ""}, "CAN_SOCKETCAN": {227, ""}, "DOCSIS": {143, ""},
}

// fileLinkTypes maps pcap header link types to the tcpdump names.
var fileLinkTypes = map[int]string{1: "EN10MB", 113: "LINUX_SLL", 276: "LINUX_SLL2", 101: "RAW", 228: "IPV4", 229: "IPV6", 0: "NULL", 108: "LOOP",
	8: "SLIP", 9: "PPP", 50: "PPP_SERIAL", 51: "PPP_ETHER", 104: "C_HDLC", 107: "FRELAY", 109: "ENC", 166: "PPP_PPPD",
	105: "IEEE802_11", 127: "IEEE802_11_RADIO", 119: "PRISM_HEADER", 163: "IEEE802_11_RADIO_AVS", 192: "PPI",
	178: "JUNIPER_ETHER", 137: "JUNIPER_ATM1", 132: "JUNIPER_ES", 226: "IPNET",
	7: "ARCNET", 129: "ARCNET_LINUX", 240: "NETANALYZER", 241: "NETANALYZER_TRANSPARENT",
	10: "FDDI", 6: "IEEE802", 122: "IP_OVER_FC", 123: "SUNATM", 11: "ATM_RFC1483", 19: "ATM_CLIP"}

type exprCase struct {
	lt   string
	expr string
}

func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

func loadCases(t testing.TB) []exprCase {
	f, err := os.Open(filepath.Join(repoRoot(t), "testdata", "filter", "exprs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []exprCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lt, expr, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		cases = append(cases, exprCase{lt, expr})
	}
	return cases
}

func needTcpdump(t *testing.T) string {
	path, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed; the differential tests need the reference tool")
	}
	return path
}

// runTcpdump returns stdout, stderr and whether it exited non-zero.
func runTcpdump(bin string, args ...string) (string, string, bool) {
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err != nil
}

// parallel runs fn for every index with a few workers.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

func TestDumpMatchesTcpdump(t *testing.T) {
	bin := needTcpdump(t)
	cases := loadCases(t)
	if len(cases) < 300 {
		t.Fatalf("only %d expressions", len(cases))
	}
	var mu sync.Mutex
	failures := 0
	parallel(len(cases), func(i int) {
		tc := cases[i]
		// Unoptimized and optimized -d listings for every expression;
		// the -dd and -ddd formats for every fourth.
		for _, form := range []struct {
			optimize bool
			args     []string
			level    int
		}{
			{false, []string{"-O", "-d"}, 1},
			{false, []string{"-O", "-dd"}, 2},
			{false, []string{"-O", "-ddd"}, 3},
			{true, []string{"-d"}, 1},
		} {
			if form.level > 1 && i%4 != 0 {
				continue
			}
			out, stderr, failed := runTcpdump(bin, append(form.args, "-y", tc.lt, tc.expr)...)
			prog, err := Compile(tc.expr, linkTypes[tc.lt].dlt, 262144, form.optimize, 0)
			var got string
			if err != nil {
				got = "tcpdump: " + err.Error() + "\n"
			} else {
				var b bytes.Buffer
				if derr := prog.Dump(&b, form.level); derr != nil {
					t.Error(derr)
				}
				got = b.String()
			}
			want := out
			if failed {
				want = stderr
			}
			if got != want {
				mu.Lock()
				failures++
				if failures <= 20 {
					t.Errorf("%s %q %v:\n got: %s\nwant: %s", tc.lt, tc.expr, form.args, got, want)
				}
				mu.Unlock()
			}
		}
	})
	t.Logf("%d expressions, %d mismatching listings", len(cases), failures)
}

// sharedCaptures lists pcap files of the shared conformance corpus per
// link type name (empty when the corpus is absent).
func sharedCaptures(t *testing.T) map[string][]string {
	dir := filepath.Join(repoRoot(t), "..", "shared", "conformance", "tcpdump", "pcaps")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Logf("shared captures not available: %v", err)
		return nil
	}
	limits := map[string]int{"EN10MB": 24, "LINUX_SLL": 5, "RAW": 3, "NULL": 3, "IPV6": 3,
		"PPP": 3, "C_HDLC": 3, "FRELAY": 3, "SLIP": 2,
		"IEEE802_11": 2, "IEEE802_11_RADIO": 4, "PRISM_HEADER": 2, "PPI": 2,
		"JUNIPER_ETHER": 2, "JUNIPER_ATM1": 2, "JUNIPER_ES": 2, "IPNET": 1, "ARCNET_LINUX": 3,
		"SUNATM": 3, "ATM_RFC1483": 1, "ATM_CLIP": 1}
	out := map[string][]string{}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pcap") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	// Spread the picks over the sorted list for variety.
	for step := 0; step < 4; step++ {
		for i := step; i < len(names); i += 4 {
			path := filepath.Join(dir, names[i])
			lt, recs, err := readPcap(path)
			if err != nil || len(recs) == 0 || len(recs) > 2000 {
				continue
			}
			name, ok := fileLinkTypes[lt]
			if !ok || len(out[name]) >= limits[name] {
				continue
			}
			out[name] = append(out[name], path)
		}
	}
	return out
}

func TestMatchesTcpdump(t *testing.T) {
	bin := needTcpdump(t)
	root := repoRoot(t)
	cases := loadCases(t)
	shared := sharedCaptures(t)
	total := 0
	for _, list := range shared {
		total += len(list)
	}
	t.Logf("%d shared captures", total)
	var mu sync.Mutex
	failures, runs := 0, 0
	report := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		failures++
		if failures <= 20 {
			t.Errorf(format, args...)
		}
	}
	parallel(len(cases), func(i int) {
		tc := cases[i]
		var files []string
		if captures := linkTypes[tc.lt].capture; captures != "" {
			for _, capture := range strings.Split(captures, ",") {
				files = append(files, filepath.Join(root, "testdata", "filter", capture))
			}
		}
		if list := shared[tc.lt]; len(list) > 0 {
			files = append(files, list[i%len(list)])
		}
		for _, file := range files {
			lt, recs, err := readPcap(file)
			if err != nil {
				t.Error(err)
				return
			}
			// Both with and without -O, on every packet (the two
			// programs may differ on packets too short for a load the
			// optimizer removed).
			for _, optimized := range []bool{false, true} {
				prog, cerr := CompileConfig(Config{Expr: tc.expr, LinkType: lt, Snaplen: 262144, Optimize: optimized,
					ReadingFile: true, SwappedFile: pcapBigEndian(file)})
				args := []string{"-r", file, "-w", "-", tc.expr}
				if !optimized {
					args = append([]string{"-O"}, args...)
				}
				out, stderr, failed := runTcpdump(bin, args...)
				mu.Lock()
				runs++
				mu.Unlock()
				if failed || cerr != nil {
					if !failed || cerr == nil || !strings.HasSuffix(stderr, "tcpdump: "+cerr.Error()+"\n") {
						report("%s %q on %s: tcpdump failed=%v (%s), ours err=%v", tc.lt, tc.expr, filepath.Base(file), failed, strings.TrimSpace(stderr), cerr)
					}
					break
				}
				_, want, err := parsePcap([]byte(out))
				if err != nil {
					t.Errorf("tcpdump -w output: %v", err)
					break
				}
				if got, exp := matchedIDs(prog, recs), recordIDs(want); got != exp {
					report("%s %q on %s (optimized=%v): matched [%s], tcpdump [%s]", tc.lt, tc.expr, filepath.Base(file), optimized, got, exp)
				}
			}
		}
	})
	t.Logf("%d expression/capture runs, %d mismatches", runs, failures)
}

// recordID names a record by second, lengths and contents (tcpdump -w may
// rewrite nanosecond fractions as microseconds).
func recordID(r record) string {
	return fmt.Sprintf("%d/%d/%d/%x", r.sec, r.wirelen, len(r.data), crc32.ChecksumIEEE(r.data))
}

func recordIDs(recs []record) string {
	var ids []string
	for _, r := range recs {
		ids = append(ids, recordID(r))
	}
	return strings.Join(ids, " ")
}

func matchedIDs(prog *Program, recs []record) string {
	var matched []record
	for _, r := range recs {
		if prog.Match(r.data, r.wirelen) != 0 {
			matched = append(matched, r)
		}
	}
	return recordIDs(matched)
}

// TestLiveDumpMatchesTcpdump compares listings for a live Ethernet-like
// device (tcpdump -i lo), where libpcap uses the Linux VLAN extensions,
// and socket metadata for inbound/outbound/ifindex.
func TestLiveDumpMatchesTcpdump(t *testing.T) {
	bin := needTcpdump(t)
	if os.Geteuid() != 0 {
		t.Skip("opening lo for tcpdump -d -i lo needs root")
	}
	if _, _, failed := runTcpdump(bin, "-d", "-i", "lo", "ip"); failed {
		t.Skip("tcpdump cannot open lo here")
	}
	var cases []exprCase
	for _, tc := range loadCases(t) {
		if tc.lt == "EN10MB" {
			cases = append(cases, tc)
		}
	}
	var mu sync.Mutex
	failures := 0
	parallel(len(cases), func(i int) {
		tc := cases[i]
		for _, optimize := range []bool{false, true} {
			args := []string{"-d", "-i", "lo", tc.expr}
			if !optimize {
				args = append([]string{"-O"}, args...)
			}
			out, stderr, failed := runTcpdump(bin, args...)
			want := out
			if failed {
				want = stderr
			}
			prog, err := CompileConfig(Config{Expr: tc.expr, LinkType: 1, Snaplen: 262144, Optimize: optimize, VLANExtensions: true})
			var got string
			if err != nil {
				got = "tcpdump: " + err.Error() + "\n"
			} else {
				var b bytes.Buffer
				if derr := prog.Dump(&b, 1); derr != nil {
					t.Error(derr)
				}
				got = b.String()
			}
			if got != want {
				mu.Lock()
				failures++
				if failures <= 20 {
					t.Errorf("live %q optimize=%v:\n got: %s\nwant: %s", tc.expr, optimize, got, want)
				}
				mu.Unlock()
			}
		}
	})
	t.Logf("%d expressions, %d mismatching live listings", len(cases), failures)
}
