package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The live tests run gotcpdump and tcpdump side by side in a pair of
// network namespaces joined by a veth pair, with traffic the test makes
// itself: UDP datagrams from A to a closed port on B, which answers with
// ICMP port unreachable. IPv6 is off and the neighbours are static, so
// nothing else crosses the link.

type liveNet struct {
	nsA, nsB     string
	ifA, ifB     string
	addrA, addrB string
}

func needLive(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("live capture tests need root (network namespaces, AF_PACKET)")
	}
	for _, tool := range []string{"tcpdump", "ip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; CI installs it", tool)
		}
	}
}

func sh(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// newLiveNet makes the namespaces and the link; they are removed when
// the test ends.
func newLiveNet(t *testing.T) *liveNet {
	needLive(t)
	id := fmt.Sprintf("%d%d", os.Getpid()%100000, time.Now().UnixNano()%1000)
	n := &liveNet{
		nsA: "gtdA" + id, nsB: "gtdB" + id,
		ifA: "gta" + id, ifB: "gtb" + id,
		addrA: "10.231.0.1", addrB: "10.231.0.2",
	}
	sh(t, "ip", "netns", "add", n.nsA)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", n.nsA).Run() })
	sh(t, "ip", "netns", "add", n.nsB)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", n.nsB).Run() })
	for _, ns := range []string{n.nsA, n.nsB} {
		for _, f := range []string{"all", "default"} {
			sh(t, "ip", "netns", "exec", ns, "sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/"+f+"/disable_ipv6")
		}
	}
	sh(t, "ip", "netns", "exec", n.nsB, "sh", "-c", "echo 0 > /proc/sys/net/ipv4/icmp_ratelimit")
	sh(t, "ip", "-n", n.nsA, "link", "add", n.ifA, "address", "02:00:00:00:00:01", "type", "veth",
		"peer", "name", n.ifB, "address", "02:00:00:00:00:02", "netns", n.nsB)
	sh(t, "ip", "-n", n.nsA, "addr", "add", n.addrA+"/24", "dev", n.ifA)
	sh(t, "ip", "-n", n.nsB, "addr", "add", n.addrB+"/24", "dev", n.ifB)
	sh(t, "ip", "-n", n.nsA, "neigh", "add", n.addrB, "lladdr", "02:00:00:00:00:02", "dev", n.ifA, "nud", "permanent")
	sh(t, "ip", "-n", n.nsB, "neigh", "add", n.addrA, "lladdr", "02:00:00:00:00:01", "dev", n.ifB, "nud", "permanent")
	sh(t, "ip", "-n", n.nsA, "link", "set", n.ifA, "up")
	sh(t, "ip", "-n", n.nsB, "link", "set", n.ifB, "up")
	sh(t, "ip", "-n", n.nsA, "link", "set", "lo", "up")
	return n
}

// inNetns runs fn on a thread that has entered the namespace; sockets
// made there stay in it.
func inNetns(t *testing.T, ns string, fn func()) {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	orig, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(orig)
	target, err := unix.Open("/run/netns/"+ns, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(target)
	if err := unix.Setns(target, unix.CLONE_NEWNET); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := unix.Setns(orig, unix.CLONE_NEWNET); err != nil {
			panic(fmt.Sprintf("cannot return to the original network namespace: %v", err))
		}
	}()
	fn()
}

// sendUDP sends count datagrams of size bytes from A to B's closed port.
func (n *liveNet) sendUDP(t *testing.T, count, size int) {
	t.Helper()
	n.sendUDPTo(t, [4]byte{10, 231, 0, 1}, [4]byte{10, 231, 0, 2}, count, size)
}

// sendUDPTo sends count datagrams from src to dst's closed port, inside A.
func (n *liveNet) sendUDPTo(t *testing.T, src, dst [4]byte, count, size int) {
	t.Helper()
	inNetns(t, n.nsA, func() {
		fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer unix.Close(fd)
		if err := unix.Bind(fd, &unix.SockaddrInet4{Port: 40000, Addr: src}); err != nil {
			t.Fatal(err)
		}
		to := &unix.SockaddrInet4{Port: 33434, Addr: dst}
		payload := bytes.Repeat([]byte("g"), size)
		for i := 0; i < count; i++ {
			copy(payload, fmt.Sprintf("pkt%06d", i))
			if err := unix.Sendto(fd, payload, 0, to); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// capProc is one running capture.
type capProc struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer
	stderr bytes.Buffer
	done   chan error
}

// startCapture runs bin with args in namespace ns and returns once it has
// printed its "listening on" banner.
func startCapture(t *testing.T, ns, bin string, args ...string) *capProc {
	t.Helper()
	p := &capProc{done: make(chan error, 1)}
	p.cmd = exec.Command("ip", append([]string{"netns", "exec", ns, bin}, args...)...)
	p.cmd.Env = []string{"TZ=GMT0", "LC_ALL=C", "PATH=" + os.Getenv("PATH")}
	p.cmd.Stdout = &p.stdout
	errPipe, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(errPipe)
	for {
		line, err := r.ReadString('\n')
		p.stderr.WriteString(line)
		if strings.Contains(line, "listening on ") {
			break
		}
		if err != nil {
			p.cmd.Wait()
			t.Fatalf("%s %v exited before listening: %s", bin, args, p.stderr.String())
		}
	}
	go func() {
		io.Copy(&p.stderr, r)
		p.done <- p.cmd.Wait()
	}()
	return p
}

// wait waits for the capture to end by itself; a capture that never
// ends is killed so the test fails instead of hanging.
func (p *capProc) wait(t *testing.T) {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
		t.Fatalf("%v did not finish; stderr:\n%s", p.cmd.Args, p.stderr.String())
	}
}

// stop sends sig to the capture (the tool, not "ip netns exec", which
// exec's it) and waits for it.
func (p *capProc) stop(t *testing.T, sig syscall.Signal) {
	t.Helper()
	p.cmd.Process.Signal(sig)
	p.wait(t)
}

var timestampRe = regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d\.\d+ `)

func stripTimes(b []byte) string { return timestampRe.ReplaceAllString(string(b), "") }

func TestLiveMatchesTcpdump(t *testing.T) {
	n := newLiveNet(t)
	cases := []struct {
		name  string
		args  []string
		count int // packets each capture takes
	}{
		{"all", []string{"-i", n.ifA, "-n", "-c", "6"}, 6},
		{"verbose", []string{"-i", n.ifA, "-nvv", "-e", "-c", "6"}, 6},
		{"filter", []string{"-i", n.ifA, "-n", "-c", "3", "icmp"}, 3},
		{"snaplen", []string{"-i", n.ifA, "-n", "-x", "-s", "60", "-c", "4"}, 4},
		{"in", []string{"-i", n.ifA, "-n", "-Q", "in", "-c", "3"}, 3},
		{"out", []string{"-i", n.ifA, "-n", "-Q", "out", "-c", "3"}, 3},
		{"any", []string{"-i", "any", "-n", "-c", "6", "udp or icmp"}, 6},
		{"any-sll1", []string{"-i", "any", "-y", "LINUX_SLL", "-n", "-e", "-c", "6", "udp or icmp"}, 6},
		{"any-filter-sll-field", []string{"-i", "any", "-n", "-c", "3", "inbound"}, 3},
		{"default-device", []string{"-n", "-c", "6"}, 6},
		{"device-number", []string{"-i", "1", "-n", "-c", "6"}, 6},
		{"buffer-nopromisc-immediate", []string{"-i", n.ifA, "-B", "1024", "-p", "--immediate-mode", "-j", "host", "-n", "-c", "6"}, 6},
		{"nano", []string{"-i", n.ifA, "--nano", "-tt", "-n", "-c", "2"}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			real := startCapture(t, n.nsA, "tcpdump", tc.args...)
			ours := startCapture(t, n.nsA, binPath, tc.args...)
			n.sendUDP(t, tc.count, 32)
			real.wait(t)
			ours.wait(t)
			if got, want := stripTimes(ours.stdout.Bytes()), stripTimes(real.stdout.Bytes()); got != want {
				t.Errorf("stdout differs\n--- gotcpdump\n%s--- tcpdump\n%s", got, want)
			}
			if got, want := banner(ours.stderr.String()), banner(real.stderr.String()); got != want {
				t.Errorf("stderr differs\n--- gotcpdump\n%s--- tcpdump\n%s", got, want)
			}
			if !strings.Contains(ours.stderr.String(), fmt.Sprintf("%d packets captured\n", tc.count)) {
				t.Errorf("gotcpdump's statistics do not count %d packets:\n%s", tc.count, ours.stderr.String())
			}
		})
	}
}

// banner is stderr up to the statistics, with the program name made
// the same.
func banner(s string) string {
	s = strings.ReplaceAll(s, filepath.Base(binPath)+":", "tcpdump:")
	if i := strings.Index(s, " packets captured"); i >= 0 {
		s = s[:strings.LastIndexByte(s[:i], '\n')+1]
	}
	return s
}

// shareDir makes a directory the capture can write to once it has
// switched to the unprivileged user.
func shareDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "gotcpdump-live")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readBack prints a capture file with the real tcpdump, which must read
// it without complaint.
func readBack(t *testing.T, file string) string {
	t.Helper()
	out, err := tryReadBack(file)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// tryReadBack is readBack for a file still being written.
func tryReadBack(file string) (string, error) {
	cmd := exec.Command("tcpdump", "-n", "-r", file)
	cmd.Env = []string{"TZ=GMT0", "LC_ALL=C"}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("tcpdump -r %s: %v\n%s", file, err, e.String())
	}
	if strings.Contains(e.String(), "truncated") || strings.Contains(e.String(), "pcap_loop") {
		return "", fmt.Errorf("tcpdump -r %s: %s", file, e.String())
	}
	return stripTimes(o.Bytes()), nil
}

// packetsWhileRunning polls the file of a running capture until it holds
// want packets (poke, if set, is called before each look) and returns
// the last count seen.
func packetsWhileRunning(file string, want int, poke func()) int {
	lines := -1
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if poke != nil {
			poke()
		}
		if out, err := tryReadBack(file); err == nil {
			if lines = strings.Count(out, "\n"); lines == want {
				break
			}
		}
	}
	return lines
}

func capturedCount(t *testing.T, stderr string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^(\d+) packets? captured$`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no statistics in:\n%s", stderr)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestLiveWriteMatchesTcpdump(t *testing.T) {
	n := newLiveNet(t)
	dir := shareDir(t)
	realFile, ourFile := filepath.Join(dir, "real.pcap"), filepath.Join(dir, "ours.pcap")
	real := startCapture(t, n.nsA, "tcpdump", "-i", n.ifA, "-c", "10", "-w", realFile)
	ours := startCapture(t, n.nsA, binPath, "-i", n.ifA, "-c", "10", "-w", ourFile)
	n.sendUDP(t, 5, 100)
	real.wait(t)
	ours.wait(t)
	if got, want := readBack(t, ourFile), readBack(t, realFile); got != want {
		t.Errorf("files differ\n--- gotcpdump\n%s--- tcpdump\n%s", got, want)
	}
	realInfo, _ := os.Stat(realFile)
	ourInfo, _ := os.Stat(ourFile)
	if realInfo.Size() != ourInfo.Size() {
		t.Errorf("file sizes: gotcpdump %d, tcpdump %d", ourInfo.Size(), realInfo.Size())
	}
	if u, err := user.Lookup(defaultUser); err == nil {
		uid, _ := strconv.Atoi(u.Uid)
		if got := ourInfo.Sys().(*syscall.Stat_t).Uid; int(got) != uid {
			t.Errorf("file owned by uid %d, want %s's %d (privileges not dropped)", got, defaultUser, uid)
		}
	}
}

// A capture stopped by a signal writes every packet it counted, and the
// file is complete.
func TestLiveStopBySignal(t *testing.T) {
	n := newLiveNet(t)
	dir := shareDir(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			file := filepath.Join(dir, "stop.pcap")
			ours := startCapture(t, n.nsA, binPath, "-i", n.ifA, "-w", file)
			n.sendUDP(t, 50, 200)
			ours.stop(t, sig)
			got := capturedCount(t, ours.stderr.String())
			lines := strings.Count(readBack(t, file), "\n")
			if lines != got {
				t.Errorf("%d packets captured but %d in the file", got, lines)
			}
			if !strings.Contains(ours.stderr.String(), fmt.Sprintf("%d packets received by filter", got)) {
				t.Errorf("counted packets not all captured:\n%s", ours.stderr.String())
			}
		})
	}
}

// Printing to stdout and stopped by a signal, the output ends with the
// newline tcpdump adds.
func TestLiveSignalNewline(t *testing.T) {
	n := newLiveNet(t)
	ours := startCapture(t, n.nsA, binPath, "-i", n.ifA, "-n")
	n.sendUDP(t, 3, 10)
	ours.stop(t, syscall.SIGINT)
	out := ours.stdout.String()
	if !strings.HasSuffix(out, "\n\n") {
		t.Errorf("output does not end with an empty line: %q", out)
	}
}

func TestLiveRotationMatchesTcpdump(t *testing.T) {
	n := newLiveNet(t)
	dir := shareDir(t)
	for _, who := range []string{"real", "ours"} {
		if err := os.Mkdir(filepath.Join(dir, who), 0o777); err != nil {
			t.Fatal(err)
		}
		os.Chmod(filepath.Join(dir, who), 0o777)
	}
	args := func(who string) []string {
		return []string{"-i", n.ifA, "-c", "1500", "-C", "1", "-W", "3", "-z", "gzip", "-w", filepath.Join(dir, who, "x.pcap"), "udp"}
	}
	real := startCapture(t, n.nsA, "tcpdump", args("real")...)
	ours := startCapture(t, n.nsA, binPath, args("ours")...)
	n.sendUDP(t, 1500, 1400)
	real.wait(t)
	ours.wait(t)
	// gzip runs in the background after each rotation.
	deadline := time.Now().Add(10 * time.Second)
	var realNames, ourNames []string
	for time.Now().Before(deadline) {
		realNames, ourNames = listNames(t, filepath.Join(dir, "real")), listNames(t, filepath.Join(dir, "ours"))
		if strings.Join(realNames, " ") == strings.Join(ourNames, " ") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if strings.Join(realNames, " ") != strings.Join(ourNames, " ") {
		t.Fatalf("rotated files: gotcpdump %v, tcpdump %v", ourNames, realNames)
	}
	for _, name := range ourNames {
		if strings.HasSuffix(name, ".pcap0") || strings.HasSuffix(name, ".pcap1") || strings.HasSuffix(name, ".pcap2") {
			readBack(t, filepath.Join(dir, "ours", name))
		}
	}
}

func listNames(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestLivePcapng(t *testing.T) {
	n := newLiveNet(t)
	dir := shareDir(t)
	file := filepath.Join(dir, "dir.pcapng")
	ours := startCapture(t, n.nsA, binPath, "-i", "any", "-c", "4", "-w", file, "udp or icmp")
	n.sendUDP(t, 2, 20)
	ours.wait(t)
	out := readBack(t, file)
	if got := strings.Count(out, "\n"); got != 4 {
		t.Fatalf("pcapng holds %d packets, want 4:\n%s", got, out)
	}
	// The interface name is in the file, and each packet's direction.
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(n.ifA)) {
		t.Errorf("pcapng has no interface named %s", n.ifA)
	}
	if got := countEPBFlags(data); got[1] != 2 || got[2] != 2 {
		t.Errorf("directions in/out = %d/%d, want 2/2", got[1], got[2])
	}
}

// countEPBFlags counts the direction bits of the epb_flags options in a
// little-endian pcapng file.
func countEPBFlags(b []byte) map[uint32]int {
	dirs := map[uint32]int{}
	le := func(o int) uint32 { return uint32(b[o]) | uint32(b[o+1])<<8 | uint32(b[o+2])<<16 | uint32(b[o+3])<<24 }
	for off := 0; off+12 <= len(b); {
		typ, blen := le(off), int(le(off+4))
		if blen < 12 || off+blen > len(b) {
			break
		}
		if typ == 6 {
			caplen := int(le(off + 20))
			opt := off + 28 + (caplen+3)&^3
			for opt+4 <= off+blen-4 {
				code, olen := uint16(le(opt)), int(le(opt)>>16)
				if code == 0 {
					break
				}
				if code == 2 && olen == 4 {
					dirs[le(opt+4)&3]++
				}
				opt += 4 + (olen+3)&^3
			}
		}
		off += blen
	}
	return dirs
}

func TestLiveListsMatchTcpdump(t *testing.T) {
	n := newLiveNet(t)
	down := "gtd" + n.ifA[3:]
	sh(t, "ip", "-n", n.nsA, "link", "add", down, "type", "veth", "peer", "name", down+"p")
	for _, args := range [][]string{
		{"-i", down},
		{"-j", "adapter", "-L", "-i", n.ifA},
		{"-j", "bogus", "-i", n.ifA},
		{"-D"},
		{"-L", "-i", n.ifA},
		{"-L", "-i", "any"},
		{"-J", "-i", n.ifA},
		{"-I", "-i", n.ifA},
		{"-i", "nosuchdev0"},
		{"-i", "99"},
		{"-i", n.ifA, "-y", "LINUX_SLL"},
		{"-i", n.ifA, "-y", "NOSUCH"},
		{"-Z", "nosuchuser", "-i", n.ifA},
		{"-Q", "sideways"},
		{"-B", "0"},
		{"-W", "0"},
		{"-C", "0"},
	} {
		realOut, realErr, realCode := runInNetns(t, n.nsA, "tcpdump", args)
		ourOut, ourErr, ourCode := runInNetns(t, n.nsA, binPath, args)
		ourErr = strings.ReplaceAll(ourErr, filepath.Base(binPath)+":", "tcpdump:")
		if ourOut != realOut || ourErr != realErr || ourCode != realCode {
			t.Errorf("%v:\n--- gotcpdump (exit %d)\n%s%s--- tcpdump (exit %d)\n%s%s", args, ourCode, ourOut, ourErr, realCode, realOut, realErr)
		}
	}
}

func runInNetns(t *testing.T, ns, bin string, args []string) (string, string, int) {
	cmd := exec.Command("ip", append([]string{"netns", "exec", ns, bin}, args...)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// On the loopback device each packet is seen once, as tcpdump shows it.
func TestLiveLoopbackMatchesTcpdump(t *testing.T) {
	n := newLiveNet(t)
	args := []string{"-i", "lo", "-n", "-c", "4"}
	real := startCapture(t, n.nsA, "tcpdump", args...)
	ours := startCapture(t, n.nsA, binPath, args...)
	n.sendUDPTo(t, [4]byte{127, 0, 0, 1}, [4]byte{127, 0, 0, 1}, 2, 16)
	real.wait(t)
	ours.wait(t)
	if got, want := stripTimes(ours.stdout.Bytes()), stripTimes(real.stdout.Bytes()); got != want {
		t.Errorf("stdout differs\n--- gotcpdump\n%s--- tcpdump\n%s", got, want)
	}
}

// SIGUSR1 prints the counters on one line and the capture goes on.
func TestLiveUSR1Stats(t *testing.T) {
	n := newLiveNet(t)
	ours := startCapture(t, n.nsA, binPath, "-i", n.ifA, "-n", "-c", "4")
	n.sendUDP(t, 1, 10)
	ours.cmd.Process.Signal(syscall.SIGUSR1)
	n.sendUDP(t, 1, 10)
	ours.wait(t)
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(filepath.Base(binPath)) +
		`: \d+ packets? captured, \d+ packets? received by filter, \d+ packets? dropped by kernel$`)
	if !re.MatchString(ours.stderr.String()) {
		t.Errorf("no SIGUSR1 statistics line in:\n%s", ours.stderr.String())
	}
	if capturedCount(t, ours.stderr.String()) != 4 {
		t.Errorf("capture did not go on after SIGUSR1:\n%s", ours.stderr.String())
	}
}

// -G 1 -W 2 ends after the second file, with tcpdump's message.
func TestLiveTimeRotationLimit(t *testing.T) {
	n := newLiveNet(t)
	dir := shareDir(t)
	ours := startCapture(t, n.nsA, binPath, "-i", n.ifA, "-G", "1", "-W", "2", "-w", filepath.Join(dir, "g-%s.pcap"))
	for i := 0; i < 100; i++ {
		select {
		case <-ours.done:
			ours.done <- nil
			i = 100
			continue
		default:
		}
		n.sendUDP(t, 1, 10)
		time.Sleep(100 * time.Millisecond)
	}
	ours.wait(t)
	if !strings.Contains(ours.stderr.String(), "Maximum file limit reached: 2\n") {
		t.Errorf("no limit message:\n%s", ours.stderr.String())
	}
	names := listNames(t, dir)
	if len(names) != 2 {
		t.Errorf("files %v, want two", names)
	}
	for _, name := range names {
		readBack(t, filepath.Join(dir, name))
	}
}

// sendVLANFrames sends count 802.1Q-tagged UDP frames from B to A through
// a packet socket. The receiving kernel strips the tag into metadata;
// the captures must put it back as libpcap does.
func (n *liveNet) sendVLANFrames(t *testing.T, count int) {
	t.Helper()
	frame := []byte{
		0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x02, // dst, src
		0x81, 0x00, 0x20, 0x64, 0x08, 0x00, // 802.1Q, PCP 1, VID 100, IPv4
		0x45, 0, 0, 30, 0, 1, 0, 0, 64, 17, 0, 0, 10, 231, 0, 2, 10, 231, 0, 1, // IPv4
		0x9c, 0x40, 0x82, 0x9a, 0, 10, 0, 0, 'h', 'i', // UDP 40000 -> 33434
	}
	ip := frame[18:38]
	var sum uint32
	for i := 0; i < 20; i += 2 {
		sum += uint32(ip[i])<<8 | uint32(ip[i+1])
	}
	sum = sum>>16 + sum&0xffff
	ip[10], ip[11] = byte(^sum>>8), byte(^sum)
	inNetns(t, n.nsB, func() {
		ifc, err := net.InterfaceByName(n.ifB)
		if err != nil {
			t.Fatal(err)
		}
		fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer unix.Close(fd)
		to := &unix.SockaddrLinklayer{Ifindex: ifc.Index}
		for i := 0; i < count; i++ {
			if err := unix.Sendto(fd, frame, 0, to); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestLiveVLANMatchesTcpdump(t *testing.T) {
	n := newLiveNet(t)
	for _, args := range [][]string{
		{"-i", n.ifA, "-e", "-n", "-c", "2", "vlan"},
		{"-i", "any", "-y", "LINUX_SLL", "-e", "-n", "-c", "2"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			real := startCapture(t, n.nsA, "tcpdump", args...)
			ours := startCapture(t, n.nsA, binPath, args...)
			n.sendVLANFrames(t, 2)
			real.wait(t)
			ours.wait(t)
			if got, want := stripTimes(ours.stdout.Bytes()), stripTimes(real.stdout.Bytes()); got != want {
				t.Errorf("stdout differs\n--- gotcpdump\n%s--- tcpdump\n%s", got, want)
			}
		})
	}
}

// With -U each packet is in the file as soon as it is captured.
func TestLivePacketBuffered(t *testing.T) {
	n := newLiveNet(t)
	dir := shareDir(t)
	file := filepath.Join(dir, "u.pcap")
	ours := startCapture(t, n.nsA, binPath, "-i", n.ifA, "-U", "--immediate-mode", "-w", file)
	n.sendUDP(t, 3, 10)
	lines := packetsWhileRunning(file, 6, nil)
	ours.stop(t, syscall.SIGINT)
	if lines != 6 {
		t.Errorf("while running, the file held %d packets, want 6", lines)
	}
}

// SIGUSR2 flushes the -w file.
func TestLiveUSR2Flush(t *testing.T) {
	n := newLiveNet(t)
	dir := shareDir(t)
	file := filepath.Join(dir, "usr2.pcap")
	ours := startCapture(t, n.nsA, binPath, "-i", n.ifA, "--immediate-mode", "-w", file)
	n.sendUDP(t, 3, 10)
	lines := packetsWhileRunning(file, 6, func() { ours.cmd.Process.Signal(syscall.SIGUSR2) })
	ours.stop(t, syscall.SIGINT)
	if lines != 6 {
		t.Errorf("after SIGUSR2 the file held %d packets, want 6", lines)
	}
}
