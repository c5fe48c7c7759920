package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// senderEnv makes the test binary, re-executed inside the test's network
// namespace, send the live test's datagrams and exit.
const senderEnv = "GONGREP_TEST_SEND"

// livePayloads go from 127.0.0.1:40001 to 127.0.0.1:7777, in order; the
// last one tells the test that everything was sent.
var livePayloads = []string{"hello one", "other", "hello\r\ntwo", "\x00\x01hello three", "hello last", "the LAST one"}

func init() {
	if os.Getenv(senderEnv) == "" {
		return
	}
	laddr := &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40001}
	raddr := &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 7777}
	// A receiver, so that no ICMP port-unreachable joins the capture.
	recv, err := net.ListenUDP("udp4", raddr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sender:", err)
		os.Exit(1)
	}
	conn, err := net.ListenUDP("udp4", laddr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sender:", err)
		os.Exit(1)
	}
	for _, p := range livePayloads {
		if _, err := conn.WriteToUDP([]byte(p), raddr); err != nil {
			fmt.Fprintln(os.Stderr, "sender:", err)
			os.Exit(1)
		}
	}
	conn.Close()
	recv.Close()
	os.Exit(0)
}

// TestLiveDifferential captures on the loopback device of a fresh network
// namespace with ngrep and then with gongrep, sends the same datagrams to
// each and compares everything they print up to and after SIGINT.
func TestLiveDifferential(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("live capture needs root (network namespaces, packet sockets)")
	}
	ngrep, err := exec.LookPath("ngrep")
	if err != nil {
		t.Skip("ngrep is not installed")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("ip (iproute2) is not installed")
	}
	ns := fmt.Sprintf("gongrep-test-%d", os.Getpid())
	if out, err := exec.Command("ip", "netns", "add", ns).CombinedOutput(); err != nil {
		t.Skipf("cannot make a network namespace: %v %s", err, out)
	}
	defer exec.Command("ip", "netns", "del", ns).Run()
	if out, err := exec.Command("ip", "-n", ns, "link", "set", "lo", "up").CombinedOutput(); err != nil {
		t.Fatalf("ip link set lo up: %v %s", err, out)
	}
	// -n ends most cases by themselves; the last one is interrupted.
	for _, args := range [][]string{
		{"-l", "-d", "lo", "-n", "4", "hello", "udp", "port", "7777"},
		{"-l", "-q", "-W", "byline", "-d", "lo", "-n", "4", "-i", "HELLO"},
		{"-l", "-x", "-d", "lo", "-n", "2", "", "udp"},
		{"-l", "-d", "any", "-n", "3", "-N", "hello", "udp", "port", "7777"},
		{"-l", "-d", "lo", "-v", "hello"},
	} {
		want := captureLive(t, ns, ngrep, args)
		got := captureLive(t, ns, gongrepBin, args)
		if !bytes.Equal(want.stdout, got.stdout) {
			t.Errorf("ngrep %q: stdout differs\n%s\nwant:\n%s\ngot:\n%s", args, firstDiff(want.stdout, got.stdout), want.stdout, got.stdout)
		}
		if !bytes.Equal(want.stderr, got.stderr) || want.status != got.status {
			t.Errorf("ngrep %q: status/stderr differ:\nwant %d %q\ngot  %d %q", args, want.status, want.stderr, got.status, got.stderr)
		}
	}
}

// captureLive runs one tool in the namespace, sends livePayloads once its
// header is out, interrupts it after the last one shows (or when it ends
// by itself) and returns what it printed.
func captureLive(t *testing.T, ns, bin string, args []string) result {
	t.Helper()
	cmd := exec.Command("ip", append([]string{"netns", "exec", ns, bin}, args...)...)
	cmd.Env = append(os.Environ(), "TZ=GMT0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	r := bufio.NewReader(pipe)
	// A failsafe only: the test never judges by time. Killing the tool
	// ends the reads below.
	failsafe := time.AfterFunc(20*time.Second, func() { cmd.Process.Kill() })
	defer failsafe.Stop()
	for {
		l, err := r.ReadString('\n')
		out.WriteString(l)
		if err != nil {
			t.Fatalf("%s %q ended before capturing: %q %q", bin, args, out.String(), stderr.String())
		}
		if strings.HasPrefix(l, "filter: ") && !hasMatch(args) || strings.Contains(l, "match (JIT): ") {
			break
		}
	}
	send := exec.Command("ip", "netns", "exec", ns, os.Args[0], "-test.run=^$")
	send.Env = append(os.Environ(), senderEnv+"=1")
	if o, err := send.CombinedOutput(); err != nil {
		t.Fatalf("sender: %v %s", err, o)
	}
	interrupted := false
	for {
		l, err := r.ReadString('\n')
		out.WriteString(l)
		if err != nil {
			break
		}
		if !interrupted && strings.Contains(strings.ToLower(l), "last") {
			// ngrep exits from its signal handler, in the middle of
			// whatever printf it interrupts; give it time to finish the
			// packet (a settling pause, not a judgement by time).
			time.Sleep(300 * time.Millisecond)
			cmd.Process.Signal(syscall.SIGINT)
			interrupted = true
		}
	}
	res := result{stdout: out.Bytes(), stderr: stderr.Bytes()}
	if err := cmd.Wait(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			res.status = ee.ExitCode()
		} else {
			t.Fatal(err)
		}
	}
	return res
}

// hasMatch reports whether a live case's command line has a non-empty
// match expression (which prints the "match" line last).
func hasMatch(args []string) bool {
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "-d", "-n", "-W":
			i++
		case "":
			return false
		default:
			if !strings.HasPrefix(args[i], "-") {
				return true
			}
		}
	}
	return false
}
