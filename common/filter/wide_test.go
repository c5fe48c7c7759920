package filter

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

var wide = flag.Bool("wide", false, "run TestWideCorpus: 30 expressions on every pcap of the shared corpus (about two minutes)")

// wideExprs are common filters, run on every capture of the shared corpus.
var wideExprs = []string{
	"ip", "ip6", "tcp", "udp port 53", "tcp port 80 or tcp port 443", "host 10.0.0.1",
	"net 192.168.0.0/16", "icmp or icmp6", "vlan", "vlan and ip", "mpls", "arp",
	"not ip and not ip6", "tcp[tcpflags] & tcp-syn != 0", "ip[6:2] & 0x1fff != 0",
	"ether multicast", "ip multicast", "ip6 multicast", "greater 1000", "less 64",
	"portrange 1-1023", "ip6 protochain 6", "protochain 17", "pppoes and ip", "geneve",
	"llc", "stp", "iso", "ether broadcast", "udp and udp[8] = 0x45",
}

// TestWideCorpus compares the packets tcpdump -r keeps with the ones the
// optimized program matches, for wideExprs on every classic pcap of the
// shared corpus. Run with: go test ./common/filter -run TestWideCorpus -wide
func TestWideCorpus(t *testing.T) {
	if !*wide {
		t.Skip("run with -wide")
	}
	bin := needTcpdump(t)
	dir := filepath.Join(repoRoot(t), "..", "shared", "conformance", "tcpdump", "pcaps")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("shared captures not available: %v", err)
	}
	type job struct{ file, expr string }
	var jobs []job
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pcap") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		if _, recs, err := readPcap(path); err != nil || len(recs) == 0 || len(recs) > 5000 {
			continue
		}
		for _, e := range wideExprs {
			jobs = append(jobs, job{path, e})
		}
	}
	var mu sync.Mutex
	bad := 0
	parallel(len(jobs), func(i int) {
		j := jobs[i]
		lt, recs, _ := readPcap(j.file)
		out, stderr, failed := runTcpdump(bin, "-r", j.file, "-w", "-", j.expr)
		prog, cerr := CompileConfig(Config{Expr: j.expr, LinkType: lt, Snaplen: 262144, Optimize: true,
			ReadingFile: true, SwappedFile: pcapBigEndian(j.file)})
		var problem string
		switch {
		case failed || cerr != nil:
			if !failed || cerr == nil || !strings.HasSuffix(stderr, "tcpdump: "+cerr.Error()+"\n") {
				problem = "tcpdump: " + strings.TrimSpace(stderr) + "; ours: " + errString(cerr)
			}
		default:
			_, want, err := parsePcap([]byte(out))
			if err != nil {
				problem = err.Error()
			} else if matchedIDs(prog, recs) != recordIDs(want) {
				problem = "different packets"
			}
		}
		if problem != "" {
			mu.Lock()
			bad++
			if bad <= 20 {
				t.Errorf("%s %q (link type %d): %s", filepath.Base(j.file), j.expr, lt, problem)
			}
			mu.Unlock()
		}
	})
	t.Logf("%d runs, %d mismatches", len(jobs), bad)
}

func errString(err error) string {
	if err == nil {
		return "no error"
	}
	return err.Error()
}
