package filter

import (
	"bytes"
	"math/rand"
	"strings"
	"sync"
	"testing"
)

// randomPrimitives are combined into random expressions to exercise the
// optimizer on shapes the fixed list does not cover.
var randomPrimitives = []string{
	"ip", "ip6", "arp", "tcp", "udp", "icmp", "icmp6", "sctp", "igmp",
	"host 10.0.0.1", "src host 192.168.1.2", "dst net 10.0.0.0/8", "net 172.16",
	"port 80", "src port 53", "tcp dst port 22", "udp port 53", "portrange 1-1024",
	"ip6 host fe80::1", "ip6 src net 2001:db8::/32", "ether host 00:11:22:33:44:55",
	"ether broadcast", "ether multicast", "ip multicast", "ip6 multicast",
	"len > 100", "less 60", "greater 1000", "ip[0] & 0xf > 5", "ip[8] = 64",
	"tcp[tcpflags] & tcp-syn != 0", "tcp[13] & 0x12 = 0x12", "icmp[0] = 8",
	"udp[0:2] = udp[2:2]", "ip[2:2] - ((ip[0] & 0xf) << 2) > 40", "ip6[6] = 17",
	"proto 47", "ip proto 50", "ether proto 0x888e", "stp", "llc", "iso",
	"vlan", "vlan 100", "mpls", "pppoes", "ip and not ip6",
}

func randomExpr(rng *rand.Rand, depth int) string {
	if depth == 0 || rng.Intn(3) == 0 {
		return randomPrimitives[rng.Intn(len(randomPrimitives))]
	}
	a, b := randomExpr(rng, depth-1), randomExpr(rng, depth-1)
	switch rng.Intn(5) {
	case 0:
		return "not (" + a + ")"
	case 1:
		return "(" + a + ") or (" + b + ")"
	case 2:
		return a + " and " + b
	case 3:
		return a + " or " + b
	}
	return "(" + a + ") and not (" + b + ")"
}

// TestRandomExpressionsMatchTcpdump compares optimized and unoptimized
// listings of seeded random expressions with tcpdump's.
func TestRandomExpressionsMatchTcpdump(t *testing.T) {
	bin := needTcpdump(t)
	rng := rand.New(rand.NewSource(7))
	var exprs []string
	for len(exprs) < 400 {
		e := randomExpr(rng, 3)
		// vlan/mpls/pppoes change offsets for what follows; keep
		// them, they are part of what must match.
		if !strings.Contains(e, "vlan 100 and vlan 100 and vlan") {
			exprs = append(exprs, e)
		}
	}
	var mu sync.Mutex
	failures := 0
	parallel(len(exprs), func(i int) {
		for _, optimize := range []bool{true, false} {
			args := []string{"-d", "-y", "EN10MB", exprs[i]}
			if !optimize {
				args = append([]string{"-O"}, args...)
			}
			out, stderr, failed := runTcpdump(bin, args...)
			want := out
			if failed {
				want = stderr
			}
			var got string
			prog, err := Compile(exprs[i], 1, 262144, optimize, 0)
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
				if failures <= 5 {
					t.Errorf("%q optimize=%v:\n got: %s\nwant: %s", exprs[i], optimize, got, want)
				}
				mu.Unlock()
			}
		}
	})
	t.Logf("%d random expressions, %d mismatching listings", len(exprs), failures)
}
