package dissect

import (
	"bytes"
	"encoding/hex"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/goclues/goclues/common/capture"
)

// coreProtoStart is where the protocol under test starts in a table
// frame: after the IPv4 header (and the UDP one) for what rides on IP,
// else after the Ethernet header. Mutations stay behind it, so that what
// differs is the printers of this file set, not IP's or UDP's.
func coreProtoStart(frame []byte) int {
	if len(frame) < 34 || frame[12] != 0x08 || frame[13] != 0x00 {
		return 14
	}
	off := 14 + int(frame[14]&0x0f)*4
	if frame[23] == 17 {
		off += 8
	}
	return min(off, len(frame)-1)
}

// coreProtoMutations derives frames from the table cases: the capture
// cut at every point after the start of the protocol under test, and
// copies with random bytes changed, claiming random wire lengths.
func coreProtoMutations(t *testing.T, r *rand.Rand) []*capture.Packet {
	var pkts []*capture.Packet
	add := func(data []byte, wire int) {
		if wire < len(data) {
			wire = len(data)
		}
		pkts = append(pkts, &capture.Packet{Sec: int64(1000 + len(pkts)), Caplen: uint32(len(data)), Len: uint32(wire), Data: data})
	}
	for _, c := range coreProtoCases {
		frame, err := hex.DecodeString(c.frame)
		if err != nil {
			t.Fatal(err)
		}
		start := coreProtoStart(frame)
		for cut := start; cut < len(frame); cut++ {
			add(frame[:cut], len(frame))
		}
		for i := 0; i < 30; i++ {
			m := bytes.Clone(frame)
			for n := 1 + r.Intn(3); n > 0; n-- {
				m[start+r.Intn(len(m)-start)] = byte(r.Intn(256))
			}
			if r.Intn(3) == 0 {
				m = m[:start+r.Intn(len(m)-start)]
			}
			add(m, len(m)+r.Intn(3)*r.Intn(40))
		}
	}
	return pkts
}

// coreProtoElsewhere marks tcpdump output that depends on printers
// outside this file set (protocols a corrupted inner header turns into,
// and UDP's own length checks): such packets are counted, not compared.
var coreProtoElsewhere = []string{"dvmrp", "rsvp", "sctp", "truncated-udplength", "proto unknown ("}

// TestCoreProtoAgainstTcpdump prints cut and corrupted variants of the
// table frames with tcpdump and with this package under several flag
// sets and compares the text.
func TestCoreProtoAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	pkts := coreProtoMutations(t, rand.New(rand.NewSource(7)))
	var file bytes.Buffer
	w, err := capture.NewPcapWriter(&file, capture.DLTEN10MB, 65535, capture.Micro)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkts {
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "coreproto.pcap")
	if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flags := range []string{"", "-v", "-vv", "-vvv", "-e", "-q", "-v -e", "-x -v"} {
		args := append([]string{"-#", "-n", "-t", "-r", path}, strings.Fields(flags)...)
		cmd := exec.Command(tcpdump, args...)
		cmd.Env = append(os.Environ(), "TZ=GMT0")
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", args, err)
		}
		opts := coreProtoOptions(t, flags)
		opts.Number = true
		nd := New(opts, capture.DLTEN10MB)
		wantPkts := coreProtoSplitPackets(string(want))
		if len(wantPkts) != len(pkts) {
			t.Fatalf("tcpdump %s printed %d packets, want %d", flags, len(wantPkts), len(pkts))
		}
		bad, elsewhere := 0, 0
		for i, p := range pkts {
			nd.PrintPacket(p)
			got := string(nd.Output())
			nd.Reset()
			if got == wantPkts[i] {
				continue
			}
			if slices.ContainsFunc(coreProtoElsewhere, func(s string) bool { return strings.Contains(wantPkts[i], s) }) {
				elsewhere++
				continue
			}
			if bad++; bad <= 5 {
				t.Errorf("tcpdump %s, packet %d:\nwant %q\ngot  %q", flags, i+1, wantPkts[i], got)
			}
		}
		if elsewhere > 0 {
			t.Logf("tcpdump %s: %d packets differ in other files' printers", flags, elsewhere)
		}
		if bad > 5 {
			t.Errorf("tcpdump %s: %d of %d packets differ", flags, bad, len(pkts))
		}
	}
}

// coreProtoSplitPackets splits "tcpdump -#" output into one string per packet.
func coreProtoSplitPackets(out string) []string {
	var pkts []string
	for _, line := range strings.SplitAfter(out, "\n") {
		if line == "" {
			continue
		}
		if len(line) > 7 && line[5] == ' ' && line[6] == ' ' && strings.TrimLeft(line[:5], " ") != "" && line[0] != '\t' {
			pkts = append(pkts, line)
			continue
		}
		if len(pkts) > 0 {
			pkts[len(pkts)-1] += line
		}
	}
	return pkts
}
