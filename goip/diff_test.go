package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The differential tests run Debian's ip and goip side by side inside
// network namespaces they create, and compare stdout, stderr and the exit
// status byte for byte. The test binary doubles as goip when
// GOIP_TEST_AS_GOIP is set, so no separate build is needed.

const refIP = "/usr/sbin/ip"

func TestMain(m *testing.M) {
	if os.Getenv("GOIP_TEST_AS_GOIP") == "1" {
		runtime.LockOSThread()
		os.Exit(run(append([]string{"goip"}, os.Args[1:]...)))
	}
	os.Exit(m.Run())
}

type result struct {
	stdout, stderr []byte
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

func runIn(t *testing.T, ns string, goip bool, args []string) result {
	t.Helper()
	var cmd *exec.Cmd
	if goip {
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		cmd = exec.Command(refIP, append([]string{"netns", "exec", ns, exe}, args...)...)
		cmd.Env = append(os.Environ(), "GOIP_TEST_AS_GOIP=1")
	} else {
		cmd = exec.Command(refIP, append([]string{"netns", "exec", ns, refIP}, args...)...)
	}
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %v: %v", args, err)
	}
	return result{so.Bytes(), se.Bytes(), code}
}

func requireRootAndIP(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("differential tests need root to create network namespaces")
	}
	if _, err := os.Stat(refIP); err != nil {
		t.Skip("reference iproute2 ip not installed at " + refIP)
	}
}

var nsSeq atomic.Int32

var reapOnce sync.Once

// reapStale deletes namespaces left by test processes that were killed
// before their cleanups ran (named goiptest<pid>-<n>, pid no longer alive).
func reapStale() {
	ents, _ := os.ReadDir("/var/run/netns")
	for _, e := range ents {
		var pid, n int
		if _, err := fmt.Sscanf(e.Name(), "goiptest%d-%d", &pid, &n); err != nil || pid == os.Getpid() {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); os.IsNotExist(err) {
			_ = exec.Command(refIP, "netns", "del", e.Name()).Run()
		}
	}
}

// newNamespace creates an empty namespace removed when the test ends.
func newNamespace(t *testing.T) string {
	t.Helper()
	reapOnce.Do(reapStale)
	name := fmt.Sprintf("goiptest%d-%d", os.Getpid(), nsSeq.Add(1))
	if out, err := exec.Command(refIP, "netns", "add", name).CombinedOutput(); err != nil {
		t.Skipf("cannot create network namespace: %v: %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command(refIP, "netns", "del", name).Run() })
	return name
}

func mustIP(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command(refIP, args...).CombinedOutput(); err != nil {
		t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, out)
	}
}

// newFixture builds a namespace with veths, a bridge, addresses, routes of
// every type, nexthop objects and neighbours (some learnt from real traffic
// to a peer namespace).
func newFixture(t *testing.T) string {
	t.Helper()
	ns, peer := newNamespace(t), newNamespace(t)
	td := filepath.Join("..", "testdata", "goip")
	for _, n := range []string{ns, peer} {
		// No duplicate address detection: link-local addresses (and their
		// routes) appear at once instead of a second or two later.
		noDAD := "for f in /proc/sys/net/ipv6/conf/{all,default}/accept_dad; do echo 0 > $f; done"
		if out, err := exec.Command(refIP, "netns", "exec", n, "bash", "-c", noDAD).CombinedOutput(); err != nil {
			t.Logf("disabling DAD: %v: %s", err, out)
		}
	}
	mustIP(t, "-n", ns, "-batch", filepath.Join(td, "fixture.batch"))
	mustIP(t, "-n", ns, "link", "set", "v1", "netns", peer)
	mustIP(t, "-n", peer, "link", "set", "v1", "up")
	mustIP(t, "-n", peer, "addr", "add", "10.0.0.2/24", "dev", "v1")
	mustIP(t, "-n", peer, "addr", "add", "2001:db8::2/64", "dev", "v1", "nodad")
	mustIP(t, "-n", ns, "-batch", filepath.Join(td, "fixture2.batch"))
	// Real traffic: UDP datagrams to the peer make the kernel resolve its
	// addresses; wait (a bounded handshake, not a timing check) until both
	// neighbour entries carry a link-layer address.
	for try := 0; try < 200; try++ {
		cmd := exec.Command(refIP, "netns", "exec", ns, "bash", "-c",
			"echo x > /dev/udp/10.0.0.2/9; echo x > /dev/udp/2001:db8::2/9")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Logf("traffic generation: %v: %s", err, out)
		}
		out, _ := exec.Command(refIP, "-n", ns, "neigh", "show", "dev", "v0").Output()
		if strings.Contains(string(out), "10.0.0.2 lladdr") && strings.Contains(string(out), "2001:db8::2 lladdr") {
			return ns
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("neighbours in %s never resolved", ns)
	return ns
}

// compare runs one command with both tools. Outputs that contain ageing
// counters (neighbour times, expiry) may tick between the two runs, so a
// mismatch is retried a few times before it counts.
func compare(t *testing.T, ns string, cmdline string) bool {
	t.Helper()
	args := strings.Fields(cmdline)
	var want, got result
	for try := 0; try < 3; try++ {
		want = runIn(t, ns, false, args)
		got = runIn(t, ns, true, args)
		if bytes.Equal(want.stdout, got.stdout) && bytes.Equal(want.stderr, got.stderr) && want.code == got.code {
			return true
		}
	}
	t.Errorf("ip %s: differs\n--- ip:\n%v\n--- goip:\n%v", cmdline, want, got)
	return false
}

// readOnlyCases are commands that do not change state.
var readOnlyCases = []string{
	// grammar, help and errors
	"", "help", "-V", "-Version", "foo", "-Q route", "-f", "-f xx route", "-n nope route",
	"route help", "route blah", "neigh help", "neigh foo", "r", "ro li", "n sh", "neighbour",
	"-4 r", "-6 r", "-0 r", "--json route", "-json -pretty route", "-h route", "-s -s route",
	// route list selectors
	"route", "route show", "route list", "route lst", "route show table all", "route show table main",
	"route show table local", "route show table 100", "route show table 1000", "route show table mai",
	"route show table 55", "-j route show table 55", "-j -p route show table 55", "route show table cache",
	"route show table default", "route show proto static", "route show proto kernel table all",
	"route show proto all", "route show proto bogus", "route show scope link", "route show scope host table all",
	"route show scope all", "route show scope bogus", "route show type blackhole", "route show type unreachable",
	"route show type multicast table all", "route show type local table local", "route show type bogus",
	"route show dev v0", "route show dev v2", "route show dev nope", "route show oif v0 table all",
	"route show via 10.0.0.2", "route show via inet 10.0.0.2", "route show src 10.0.0.1 table all",
	"route show root 10.0.0.0/8", "route show match 10.10.1.1", "route show exact 10.10.0.0/16",
	"route show 10.10.0.0/16", "route show to 10.10.0.0/16", "route show to match 10.10.5.5/32",
	"route show from 0/0", "route show tos 0x10", "route show dsfield 0x10", "route show realms 3/4",
	"route show realm 4", "route show metric 5", "route show priority 100", "route show nhid 10",
	"route show cached", "route show cloned", "route show table all type throw", "route show 10.0.0.x",
	"route show table", "route show mark 5", "route show mark x", "route show iif v0",
	"route show table 100 proto boot", "route show table all default", "route show table all to all",
	"route show table all root 10.0.0.0/8", "-6 route show default", "route show table all match default",
	"route show table all exact default", "route show default", "route show to all", "-4 route show table all default",
	"route show table all root default", "route show table all match all", "route show from default table all",
	"route show from all", "route show from match 10.0.0.0/8", "-6 route show table all from ::/0",
	"route get default", "-6 route get default", "-4 route get 2001:db8::1", "-6 route get 10.0.0.1",
	"route get 10.0.0.5 from 2001:db8::1", "-0 route", "-f inet6 route", "-f link route", "-M route", "-B route",
	"route list table 0", "route ls", "route s", "route l", "rou sh",
	"route show exact", "neigh show nud", "route show via", "route show from", "neigh show default",
	// forms
	"-d route show table all", "-s route show table all", "-o route show table all",
	"-j route show table all", "-j -p route show table all", "-d -j -p route show table all",
	"-s -j route show table all", "-o -d route", "-6 route show table all", "-6 -d route",
	"-6 -j -p route", "-4 route show table all", "-d route show 10.22.0.0/16",
	// route get
	"route get 10.0.0.5", "-j route get 10.0.0.5", "-j -p route get 10.0.0.5", "route get 2001:db9::5",
	"-s route get 10.0.0.5", "route get 10.0.0.5 connected", "-j route get 10.0.0.5 connected",
	"route get 10.0.0.5 from 10.0.0.1", "route get 10.0.0.5 from 10.0.0.1 mark 3 uid 5",
	"route get 10.0.0.5/24", "route get", "route get 10.0.0.5 iif v0 from 10.0.0.9", "route get 1.1.1.1",
	"route get fibmatch 192.168.5.3", "route get 192.168.5.3 fibmatch", "route get 10.19.0.5",
	"route get 10.10.3.3", "-d route get 10.10.3.3", "route get 2001:dbe::1", "route get 10.9.1.1",
	"route get 10.12.1.1", "route get 10.0.0.5 oif v0", "route get 10.0.0.5 dev nope",
	"route get 10.0.0.5 tos 0x10", "route get 10.0.0.5 ipproto tcp sport 5 dport 80",
	"route get to 127.0.0.1", "route show 10.60.0.0/16", "-j -p route show 10.60.0.0/16", "route show 10.62.0.0/16",
	"-j route show 10.61.0.0/16", "-c route show 10.60.0.0/16", "route get 10.0.0.255", "route get 224.1.1.1", "route get x",
	"route get 10.0.0.5 mark x",
	// neighbours
	"neigh", "neigh show", "-s neigh", "-s -s neigh", "-j neigh", "-j -p neigh", "-j -p -s neigh",
	"-4 neigh", "-6 neigh", "-o neigh", "neigh show proxy", "-j neigh show proxy", "neigh show nud all",
	"neigh show nud none", "neigh show nud permanent", "neigh show nud stale nud failed", "neigh show nud noarp",
	"neigh show nud bogus", "neigh show dev v0", "neigh show dev nope", "neigh show dev v0 dev v0",
	"neigh show 10.0.0.0/24", "neigh show to 2001:db8::/64", "neigh show protocol static",
	"neigh show protocol all", "neigh show unused", "neigh get 10.0.0.7 dev v0",
	"-j neigh get 10.0.0.7 dev v0", "neigh get 10.0.0.99 dev v0", "neigh get 10.0.0.7",
	"neigh get 10.0.0.7 dev nope", "neigh get proxy 10.0.0.55 dev v0",
	// links and addresses
	"link", "addr", "a", "l", "-br link", "-br addr", "-br -4 addr", "-br -6 addr", "-br -j link",
	"-br -j addr", "-o link", "-o addr", "-4 -o addr", "-4 addr", "-6 addr", "-6 -j addr", "-6 link",
	"-0 addr", "-s link", "-s -s link", "-s addr", "-s -s -j link", "-h -s link", "-h -iec -s -s link",
	"-o -s link", "-br -s link", "-j link", "-j -p link", "-j addr", "-j -p addr", "-j -s link",
	"-d link show v0", "-d addr show lo", "-d link show lo", "-d -j link show v0", "link show dev v0",
	"link show v0", "link show nope", "addr show dev nope", "link show v0 v1", "link show up",
	"addr show up", "addr show scope host", "addr show scope link", "addr show scope bogus",
	"addr show to 10.0.0.0/24", "addr show to 2001:db8::/32", "addr show label v0*", "addr show label v0:1",
	"addr show primary", "addr show secondary", "addr show -secondary", "addr show dynamic",
	"addr show permanent", "addr show nodad", "link show group default", "link show master br0",
	"link show type veth", "link show type bridge", "link show nomaster", "addr show dev v0 secondary",
	"link help", "addr help", "link foo", "addr foo", "link show dev", "addr show group bogus",
	"addr flush", "addr add", "addr del", "addr bogus",
	// link kinds (not br0 itself: its gc_timer ticks between two runs)
	"-d link show mv0", "-d -j link show mv0", "-d link show vx0", "-d -j link show vx0",
	"-d link show ifb0", "-d link show v3", "-d -j -p link show v3", "link show master br0",
	"-br link show type macvlan", "link show type bridge_slave", "-d addr show vx0",
	"link show uplink0", "-j link show v2", "-s link show v2", "route show dev uplink1",
	// nexthop objects
	"nexthop", "-j nexthop", "-d nexthop", "nexthop show id 11", "nexthop get id 10", "nexthop get id 99",
	"nexthop show id x", "nexthop help", "-j -p nexthop", "nexthop list", "nexthop get", "-c nexthop", "nex",
	// per-device IP configuration
	"netconf", "-j netconf", "netconf show dev v0", "-6 netconf show dev v0", "-4 netconf", "netconf show dev nope",
	"netconf help", "netconf bogus", "-j -p netconf show dev v0", "-c netconf", "netc", "netconf show bogus",
	// policy rules
	"rule", "-j rule", "-d rule", "-6 rule", "-j -p rule", "rule show", "ru", "-c rule",
	"rule show pref 100", "rule list table 100", "rule show lookup main", "rule show not", "rule show tos 0x10",
	"rule show fwmark 0x10", "rule show fwmark 0x10/0xff", "rule show fwmark 5", "rule show iif v0", "rule show dev lo",
	"rule show oif v2", "rule show uidrange 10-20", "rule show from 10.0.0.0/24", "rule show from 10.0.0.0/8",
	"rule show to 10.9.0.0/16", "rule show 192.168.0.0/16", "rule show protocol static", "rule show l3mdev",
	"rule show pref x", "rule show table bogus", "rule show from x", "rule show uidrange 3", "rule show iif a/b",
	"-6 rule show from 2001:db8::/32", "rule bogus",
	// batch mode
	"-batch ../testdata/goip/show.batch", "-force -batch ../testdata/goip/show.batch",
	"-b ../testdata/goip/quoting.batch", "-batch ../testdata/goip/nonexistent.batch",
	// colours
	"-c route show table all", "-c -d route show table all", "-c -6 route", "-c neigh", "-c -s neigh",
	"-c link", "-c addr", "-c -br link", "-c -br addr", "-color=never route", "-color=auto route",
	"-c=bogus route", "-c route get 10.0.0.5", "-c -j route", "-c -o addr",
	// Last: the kernel keeps the notify flag on the cached route for the
	// next lookup, which would leak into the case that follows.
	"route get 10.0.0.5 notify",
}

func TestDifferentialReadOnly(t *testing.T) {
	requireRootAndIP(t)
	ns := newFixture(t)
	pass := 0
	for _, c := range readOnlyCases {
		if compare(t, ns, c) {
			pass++
		}
	}
	t.Logf("%d/%d read-only commands identical", pass, len(readOnlyCases))
}

// TestDifferentialEmptyNamespace covers a namespace with nothing in it, where
// even the main routing table does not exist yet.
func TestDifferentialEmptyNamespace(t *testing.T) {
	requireRootAndIP(t)
	ns := newNamespace(t)
	for _, c := range []string{
		"route", "-j route", "-j -p route", "-6 route", "-j -6 route", "route show table all", "route show table local",
		"route show table 55", "route flush table main", "-s route flush table main", "route flush table all",
		"neigh", "-j neigh", "-j -p neigh", "neigh flush all", "-s neigh flush dev lo", "addr", "-br addr",
		"-j addr", "link", "-s link", "-j -br link", "-d -j -p link", "route get 127.0.0.1", "route get 8.8.8.8",
		"-j route get 8.8.8.8",
	} {
		compare(t, ns, c)
	}
}

// TestDifferentialResolve covers -r in a namespace without a route to any
// name server: /etc/hosts answers, DNS fails at once.
func TestDifferentialResolve(t *testing.T) {
	requireRootAndIP(t)
	ns := newNamespace(t)
	mustIP(t, "-n", ns, "link", "set", "lo", "up")
	for _, c := range []string{
		"-r route show table local", "-r -j route show table local", "-r addr show lo", "-r -o addr",
		"-r neigh", "-r route get 127.0.0.1", "-r -6 route show table local", "-r route show table all",
	} {
		compare(t, ns, c)
	}
}

// TestDifferentialSaveRestore checks that dumps saved by either tool show
// and restore the same with the other (the bytes themselves carry each
// run's sequence number and port id, so they are never identical).
func TestDifferentialSaveRestore(t *testing.T) {
	requireRootAndIP(t)
	ns := newFixture(t)
	dir := t.TempDir()
	exe, _ := os.Executable()
	shell := func(ns string, goip bool, script string) result {
		bin := refIP
		if goip {
			bin = exe
		}
		c := exec.Command(refIP, "netns", "exec", ns, "bash", "-c", strings.ReplaceAll(script, "IP", bin))
		c.Env = append(os.Environ(), "GOIP_TEST_AS_GOIP=1")
		var so, se bytes.Buffer
		c.Stdout, c.Stderr = &so, &se
		_ = c.Run()
		return result{so.Bytes(), se.Bytes(), c.ProcessState.ExitCode()}
	}
	for _, k := range []struct{ save, show string }{
		{"route save table all", "route showdump"}, {"addr save", "addr showdump"},
		{"addr save", "-j addr showdump"}, {"addr save", "-o addr showdump"}, {"addr save dev v0", "addr showdump"},
	} {
		for _, savedBy := range []bool{false, true} {
			file := filepath.Join(dir, fmt.Sprintf("save-%v", savedBy))
			if r := shell(ns, savedBy, "IP "+k.save+" > "+file); r.code != 0 {
				t.Fatalf("%s (goip=%v): %v", k.save, savedBy, r)
			}
			want, got := shell(ns, false, "IP "+k.show+" < "+file), shell(ns, true, "IP "+k.show+" < "+file)
			if !bytes.Equal(want.stdout, got.stdout) || !bytes.Equal(want.stderr, got.stderr) || want.code != got.code {
				t.Errorf("%s of %q saved by goip=%v differs\n--- ip:\n%v\n--- goip:\n%v", k.show, k.save, savedBy, want, got)
			}
			if len(want.stdout) == 0 {
				t.Errorf("empty %s for goip=%v", k.show, savedBy)
			}
		}
	}
	for _, c := range []string{"route showdump < /dev/null", "addr showdump < /dev/null", "addr restore < /dev/null",
		"addr showdump < /etc/hostname", "addr save dev nope > /dev/null"} {
		want, got := shell(ns, false, "IP "+c), shell(ns, true, "IP "+c)
		if !bytes.Equal(want.stderr, got.stderr) || want.code != got.code {
			t.Errorf("%s differs\n--- ip:\n%v\n--- goip:\n%v", c, want, got)
		}
	}
	// Restore into namespaces whose tables were flushed: both tools must
	// report the same and rebuild the same tables.
	routes, addrs := filepath.Join(dir, "routes"), filepath.Join(dir, "addrs")
	if r := shell(ns, false, "IP route save table all > "+routes+"; IP addr save > "+addrs); r.code != 0 {
		t.Fatal(r)
	}
	var states []string
	for _, goip := range []bool{false, true} {
		n := newFixture(t)
		mustIP(t, "-n", n, "route", "flush", "table", "100")
		mustIP(t, "-n", n, "route", "flush", "table", "1000")
		mustIP(t, "-n", n, "addr", "flush", "dev", "v2")
		r := shell(n, goip, "IP route restore < "+routes+"; echo $?; IP addr restore < "+addrs+"; echo $?")
		st := runIn(t, n, false, strings.Fields("route show table all"))
		ad := runIn(t, n, false, strings.Fields("-o addr show"))
		states = append(states, fmt.Sprintf("%v\n%s\n%s", r, sortedLines(st.stdout), sortedLines(ad.stdout)))
	}
	if states[0] != states[1] {
		t.Errorf("restore differs\n--- ip:\n%s\n--- goip:\n%s", states[0], states[1])
	}
}

// stateCases change state; each runs with ip in one namespace and goip in
// its twin, then the resulting tables are dumped (by ip) and compared.
var stateCases = []string{
	"route add 172.16.0.0/16 via 10.0.0.2",
	"route add 172.16.0.0/16 via 10.0.0.2",
	"route add 172.17.0.0/16 dev v0 metric 7 proto static",
	"route add 172.18.1.0/24 via 10.0.0.2 table 100",
	"route add 172.19.0.0/16 via 10.0.0.2 table 5000 mtu 1300 advmss lock 1200",
	"route add 172.20.0.0/16 nexthop via 10.0.0.2 weight 3 nexthop via 10.0.0.3 dev v0",
	"route add blackhole 172.21.0.0/16", "route add unreachable 172.22.0.0/16",
	"route add prohibit 172.23.0.0/16 metric 9", "route add throw 172.24.0.0/16 table 100",
	"route add local 172.25.0.1 dev v0", "route add broadcast 172.26.0.255 dev v0",
	"route add 172.27.0.0/16 via 10.0.0.2 realms 1/2", "route add 172.28.0.0/16 via 10.0.0.7 dev v0 onlink",
	"route add 172.29.0.0/16 nhid 10", "route add 172.30.0.0/16 dev v0 scope host",
	"route add 172.31.0.0/16 via 10.0.0.2 src 10.0.0.100", "route add 2001:db8:1::/48 via 2001:db8::2",
	"route add 2001:db8:2::/48 dev v0 pref low metric 50", "route add 2001:db8:3::/48 via 2001:db8::2 expires 600",
	"route add 1.2.3.4/24 via 10.0.0.2", "route add 1.2.3.x/24 via 10.0.0.2", "route add 1.2.7.0/24 dev nope",
	"route add 1.2.8.0/24 via 10.0.0.2 metric x", "route add 1.2.9.0/24 table mai via 10.0.0.2",
	"route add", "route add 1.2.10.0/24 via", "route add 1.2.11.0/24 1.2.12.0/24",
	"route add 1.2.13.0/24 via 10.0.0.2 via 10.0.0.3", "route add 1.2.14.0/24 nexthop",
	"route add 1.2.15.0/24 nexthop via 10.0.0.2 weight 0", "route add 1.2.16.0/24 via 10.0.0.2 proto bogus",
	"route add 1.2.17.0/24 via 10.0.0.2 scope bogus", "route add 1.2.18.0/24 via 10.0.0.2 hoplimit 300",
	"route add 1.2.19.0/24 via 10.0.0.2 quickack 2", "route add 1.2.20.0/24 via 9.9.9.9",
	"route add default via 2001:db8::2 metric 7", "route add 10.44.0.0/16 via 2001:db8::2",
	"route add 10.45.0.0/16 via inet6 2001:db8::2", "route flush cache", "-s route flush cache",
	"route add 10.70.0.0/16 encap ip id 5 dst 1.2.3.4 dev v0", "route add 10.71.0.0/16 encap bogus dev v0",
	"route add 10.72.0.0/16 encap ip", "route add 10.73.0.0/16 encap ip6 id 9 dst 2001:db8::1 tc 2 dev v0",
	"route add 10.74.0.0/16 encap ip id x dst 1.2.3.4 dev v0", "route add 10.75.0.0/16 encap mpls 100 dev v0",
	"route change 172.16.0.0/16 via 10.0.0.3", "route change 172.99.0.0/16 via 10.0.0.3",
	"route replace 172.16.0.0/16 via 10.0.0.2 metric 1", "route replace 172.40.0.0/16 dev v0",
	"route append 172.41.0.0/16 via 10.0.0.2", "route append 172.41.0.0/16 via 10.0.0.3",
	"route prepend 172.42.0.0/16 via 10.0.0.2", "route test 172.43.0.0/16 via 10.0.0.2",
	"route del 172.16.0.0/16", "route del 172.16.0.0/16", "route delete 172.17.0.0/16 metric 7",
	"route del 172.18.1.0/24 table 100", "route del blackhole 172.21.0.0/16",
	"route del 10.99.0.0/16", "route del 2001:db8:1::/48",
	"route flush", "-s route flush table 100 proto boot", "route flush 172.40.0.0/16",
	"-s -s route flush proto static", "route flush table all type unreachable",
	"neigh add 10.0.0.20 lladdr 02:00:00:00:00:20 dev v0",
	"neigh add 10.0.0.20 lladdr 02:00:00:00:00:20 dev v0",
	"neigh add 10.0.0.21 lladdr 02:00:00:00:00:21 dev v0 nud stale router",
	"neigh add 10.0.0.22 dev v0 nud failed", "neigh add 10.0.0.23 lladdr zz dev v0",
	"neigh add 10.0.0.24 dev v0", "neigh add 10.0.0.25", "neigh add 10.0.0.26 dev nope lladdr 02:00:00:00:00:26",
	"neigh add proxy 10.0.0.56 dev v0", "neigh add 10.0.0.27 lladdr 02:00:00:00:00:27 dev v0 protocol boot",
	"neigh add 10.0.0.28 lladdr 02:00:00:00:00:28 dev v0 extern_learn",
	"neigh add 2001:db8::20 lladdr 02:00:00:00:00:30 dev v0 nud reachable",
	"neigh add 10.0.0.29 lladdr 02:00:00:00:00:29 lladdr 02:00:00:00:00:29 dev v0",
	"neigh add 10.0.0.30 lladdr 02:00:00:00:00:30 dev v0 nud bogus",
	"neigh change 10.0.0.20 lladdr 02:00:00:00:00:99 dev v0", "neigh change 10.0.0.98 lladdr 02:00:00:00:00:99 dev v0",
	"neigh replace 10.0.0.21 lladdr 02:00:00:00:00:98 dev v0 nud permanent",
	"neigh replace 10.0.0.31 lladdr 02:00:00:00:00:31 dev v0",
	"neigh del 10.0.0.20 dev v0", "neigh del 10.0.0.20 dev v0", "neigh del proxy 10.0.0.56 dev v0",
	"neigh flush", "neigh flush dev v0 nud permanent", "-s neigh flush nud all", "-s neigh flush dev v0",
	"addr add 10.5.0.1/24 dev v0", "addr add 10.5.0.1/24 dev v0", "addr add 10.5.0.2/24",
	"addr add 10.5.0.3/24 dev v0 label v0:x", "addr add 10.5.0.4/24 dev v0 nodad",
	"addr add 10.6.0.1/24 brd + dev v2", "addr add 10.6.1.1/24 broadcast - dev v2",
	"addr add 10.6.2.1/24 brd 10.6.2.9 dev v2 metric 50", "addr add 2001:db8:5::1/64 dev v0 brd +",
	"addr add 2001:db8:6::1/64 dev v0 nodad noprefixroute", "addr add 10.7.0.1 peer 10.7.0.2/32 dev v2",
	"addr add 10.8.0.1/24 dev v2 valid_lft 100 preferred_lft 200", "addr add 10.8.1.1/24 dev v2 valid_lft 0",
	"addr add 10.8.2.1/24 dev v2 valid_lft forever preferred_lft 30", "addr add 127.1.0.1/8 dev lo",
	"addr add 10.9.9.9/24 dev v0 scope link", "addr add 10.9.9.10/24 dev v0 scope bogus",
	"addr add 10.9.9.11/24 dev nope", "addr add x dev v0", "addr change 10.5.0.1/24 dev v0 metric 9",
	"addr replace 10.5.0.9/24 dev v0", "addr del 10.5.0.1 dev v0", "addr del 10.5.0.2/24 dev v0",
	"addr del 10.5.0.2/24 dev v0", "addr del 2001:db8:5::1/64 dev v0", "addr flush",
	"-s addr flush dev v2", "-s -s addr flush dev v0 to 10.0.0.100/32", "addr flush label v0:x",
	"addr flush dev v0 scope link", "addr flush dev nope",
	"link set v2 mtu 1400", "link set dev v2 mtu 100", "link set v2 mtu x", "link set v2 down",
	"link set v2 up", "link set v3 nomaster", "link set v3 master br0", "link set v3 master nope",
	"link set v2 txqueuelen 500", "link set v2 alias uplink", "link set v2 multicast off",
	"link set v2 arp off", "link set v2 promisc on", "link set v2 allmulticast on", "link set v2 multicast maybe",
	"link set v2 address 02:00:00:00:00:33", "link set v2 address zz", "link set v2 group 5",
	"link set v2 mode dormant", "link set v2 mode bogus", "link set v3 name v3x", "link set v3x name v3",
	"link set v2 name a/b", "link set dev nope up", "link set", "link set v2 state up",
	"link add br9 address 02:00:00:00:00:90 type bridge", "link add br9 type bridge",
	"link add ve0 address 02:00:00:00:00:a0 mtu 1400 type veth peer name ve1 address 02:00:00:00:00:a1",
	"link add foo", "link add foo type bogus", "link set ve0 up master br9", "link del ve0",
	"link delete br9", "link del nope", "link del dev vx0",
	"rule add", "rule del", "rule add from 1.2.3.0/24 pref x", "rule add fwmark 0x10/zz lookup 5",
	"rule add uidrange 5 lookup 5", "rule add bogus", "rule add from 2001:db8::/32 lookup 7 pref 9",
	"-6 rule add from 2001:db8::/32 lookup 7 pref 9", "rule add sport 99999 lookup 3 pref 10",
	"rule add from 10.50.0.0/16 to 10.51.0.0/16 tos 0x10 fwmark 7/0xff iif v0 oif v2 lookup 100 pref 20",
	"rule add not to 10.52.0.0/16 uidrange 1-2 ipproto udp dport 53 realms 2/3 table 2000 pref 30 proto boot",
	"rule add from all lookup main suppress_prefixlength 0 pref 40", "rule add prohibit pref 41",
	"rule add unreachable pref 42", "rule add type blackhole pref 43", "rule add goto 40 pref 44",
	"rule add nop pref 45", "rule add l3mdev pref 46", "rule add l3mdev table 5 pref 47", "rule add pref 48",
	"rule del pref 41", "rule del pref 99", "rule delete from 10.50.0.0/16 to 10.51.0.0/16 tos 0x10 fwmark 7/0xff iif v0 oif v2 lookup 100 pref 20",
	"rule foo", "rule add iif a/b lookup 5", "rule flush table 100", "rule flush pref 45", "rule flush not",
	"rule flush protocol boot", "-6 rule flush", "rule flush",
}

// sortedLines orders a dump's lines: neighbour tables are hashes whose
// iteration order differs between two namespaces holding the same entries.
// Entries learnt from traffic age (REACHABLE, STALE, DELAY, PROBE) on the
// kernel's clock, which the twins do not share, so those words are unified.
func sortedLines(b []byte) []byte {
	s := string(b)
	for _, w := range []string{" REACHABLE ", " STALE ", " DELAY ", " PROBE "} {
		s = strings.ReplaceAll(s, w, " <dynamic> ")
	}
	s = expiresRE.ReplaceAllString(s, "${1}<n>sec")
	// Kernel-chosen MAC addresses and the peer namespace's name differ
	// between the twins.
	s = randomMACRE.ReplaceAllString(s, "${1}<mac>")
	s = netnsNameRE.ReplaceAllString(s, "link-netns <peer>")
	var lines []string
	for _, l := range strings.SplitAfter(s, "\n") {
		// Link-local neighbours come and go with the kernel's own IPv6
		// chatter between the namespaces, whatever the command was.
		if !strings.HasPrefix(l, "fe80::") {
			lines = append(lines, l)
		}
	}
	sort.Strings(lines)
	return []byte(strings.Join(lines, ""))
}

var (
	expiresRE   = regexp.MustCompile(`(expires -?|_lft )[0-9]+sec`)
	randomMACRE = regexp.MustCompile(`((?:mv0|vx0|ifb0)(?:@\S+)?: .*link/ether )[0-9a-f:]+`)
	netnsNameRE = regexp.MustCompile(`link-netns \S+`)
)

// stateDumps are what is compared after each state-changing command.
var stateDumps = []string{
	"-d route show table all", "-d -6 route show table all", "neigh show", "neigh show proxy", "-o addr show",
	"-o link show", "rule show", "-6 rule show",
}

func TestDifferentialStateChanges(t *testing.T) {
	requireRootAndIP(t)
	nsIP, nsGo := newFixture(t), newFixture(t)
	pass := 0
	for _, c := range stateCases {
		args := strings.Fields(c)
		want := runIn(t, nsIP, false, args)
		got := runIn(t, nsGo, true, args)
		ok := bytes.Equal(want.stdout, got.stdout) && bytes.Equal(want.stderr, got.stderr) && want.code == got.code
		if !ok {
			t.Errorf("%s: differs\n--- ip:\n%v\n--- goip:\n%v", c, want, got)
		}
		for _, d := range stateDumps {
			a := runIn(t, nsIP, false, strings.Fields(d))
			b := runIn(t, nsGo, false, strings.Fields(d))
			if !bytes.Equal(sortedLines(a.stdout), sortedLines(b.stdout)) {
				ok = false
				t.Errorf("after %q the states differ (%s):\n--- ip:\n%s\n--- goip:\n%s", c, d, a.stdout, b.stdout)
			}
		}
		if ok {
			pass++
		}
	}
	t.Logf("%d/%d state-changing commands identical", pass, len(stateCases))
}
