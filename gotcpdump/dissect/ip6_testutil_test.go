package dissect

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// Helpers for the differential tests of the IPv6-family printers: write
// packets to a pcap, print them with tcpdump and with this package, and
// compare packet by packet.

// ip6LookTcpdump returns the path of the reference tcpdump, skipping the
// test when it is not installed.
func ip6LookTcpdump(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	return path
}

// ip6WritePcap writes frames (each with its length on the wire) to a
// pcap file in the test's directory and returns the path and packets.
func ip6WritePcap(t *testing.T, linkType int, frames [][]byte, wire []int) (string, []*capture.Packet) {
	t.Helper()
	var file bytes.Buffer
	w, err := capture.NewPcapWriter(&file, linkType, 65535, capture.Micro)
	if err != nil {
		t.Fatal(err)
	}
	var pkts []*capture.Packet
	for i, f := range frames {
		p := &capture.Packet{Sec: int64(1000 + i), Caplen: uint32(len(f)), Len: uint32(wire[i]), Data: f}
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
		pkts = append(pkts, p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "test.pcap")
	if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, pkts
}

// ip6DiffTcpdump prints the packets of the pcap at path with
// "tcpdump -# -n -t -r path args..." and with opts (plus -# -n -t), and
// reports the first packets that differ.
func ip6DiffTcpdump(t *testing.T, tcpdump, path string, pkts []*capture.Packet, linkType int, args []string, opts Options) {
	t.Helper()
	cmd := exec.Command(tcpdump, append([]string{"-#", "-n", "-t", "-r", path}, args...)...)
	cmd.Env = append(os.Environ(), "TZ=GMT0")
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("tcpdump %v: %v", args, err)
	}
	opts.NoResolve = 1
	opts.Number = true
	opts.Time = format.Timestamper{Style: 1}
	nd := New(opts, linkType)
	var got []string
	for _, p := range pkts {
		nd.PrintPacket(p)
		got = append(got, string(nd.Output()))
		nd.Reset()
	}
	wantPkts := splitNumbered(string(want))
	if len(wantPkts) != len(got) {
		t.Fatalf("tcpdump %v: %d packets, we printed %d", args, len(wantPkts), len(got))
	}
	shown := 0
	for i := range got {
		if got[i] != wantPkts[i] && shown < 5 {
			t.Errorf("tcpdump %v: packet %d (% x):\nwant %q\ngot  %q", args, i+1, pkts[i].Data, wantPkts[i], got[i])
			shown++
		}
	}
}

// splitNumbered splits -# output into the text of each packet.
func splitNumbered(s string) []string {
	var pkts []string
	start := 0
	for i := 0; i < len(s); i++ {
		if (i == 0 || s[i-1] == '\n') && isPacketNumber(s[i:]) && i > start {
			pkts = append(pkts, s[start:i])
			start = i
		}
	}
	if start < len(s) {
		pkts = append(pkts, s[start:])
	}
	return pkts
}

// isPacketNumber reports whether s starts with tcpdump's "%5u  " packet
// number.
func isPacketNumber(s string) bool {
	if len(s) < 7 {
		return false
	}
	digits := strings.TrimLeft(s[:5], " ")
	if digits == "" || s[5] != ' ' || s[6] != ' ' {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// udp6Frame wraps a UDP payload in Ethernet, IPv6 and UDP headers
// (with a zero UDP checksum: compare with -K).
func (g ip6Gen) udp6Frame(sport, dport int, msg []byte) []byte {
	udp := append(append(g.be16(sport), g.be16(dport)...), g.be16(8+len(msg))...)
	udp = append(append(udp, 0, 0), msg...)
	ip := append(append(g.be32(6<<28), g.be16(len(udp))...), 17, 1)
	ip = append(append(append(ip, ip6GenAddrs[2]...), ip6GenAddrs[3]...), udp...)
	return append(append(bytes.Repeat([]byte{0, 1, 2, 3, 4, 5}, 2), 0x86, 0xdd), ip...)
}
