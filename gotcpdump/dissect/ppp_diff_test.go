package dissect

import (
	"bytes"
	"encoding/hex"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// pppSeeds are PPP frames (address and control fields on) that the
// differential test below mutates and sends in Ethernet with ethertype
// 0x880b.
var pppSeeds = []string{
	// LCP Conf-Request: magic number, PFC, ACFC, callback, MRRU, endpoint discriminator
	"ff03c0210100002c0506021952cf070208020d03061104064e131701" + "29f76a9077f1472c835247f271d656070000000c",
	// LCP Conf-Request: MRU, ACCM, CHAP MD5, quality protocol, link discriminator, vendor extension, unknown
	"ff03c021010100280104059c020600000000" + "0305c22305" + "0408c0250000000a" + "17040102" + "00060000090a" + "1e03aa",
	// LCP Echo-Request with data, Prot-Reject, Ident, Time-Rem, Term-Request
	"ff03c0210902000e12345678deadbeefcafe",
	"ff03c0210803000e80fd0104000a1a04",
	"ff03c0210c040010123456786869207468657265",
	"ff03c0210d05000c1234567800000e10",
	"ff03c0210506000401",
	// IPCP: address, DNS, VJ and IP header compression with suboptions, old two-address option
	"ff038021010700300306c0a800018106080808080206002d0f01" + "0216006100100010000a000500ff0102010300" + "010ac0a80001c0a80002",
	// IP6CP interface ID, CCP deflate/BSD/MVRCA, BACP favoured peer
	"ff038057010800 0e010a0123456789abcdef",
	"ff0380fd01090012 1a04780015032118040a 0002",
	"ff03c02b010a000a0106cafebabe",
	// CHAP challenge and success, PAP request and ack, MLPPP
	"ff03c223010b0015100102030405060708090a0b0c0d0e0f10726f75746572",
	"ff03c223030b000a57656c636f6d65",
	"ff03c023010c000f0475736572047061737300",
	"ff03c023020c000a054f4b2e2e2e",
	"ff03003dc1234567",
	// IPv4 inside, an HDLC-escaped frame, compressed data
	"ff0300214500001c000100004011000a0a0000010a00000204d2162e00080000",
	"ff037d5d7d2380210100000a",
	"ff0300fd0102",
}

// pppoeSeeds are PPPoE packets (ethertype, then the PPPoE header) the
// differential test mutates: discovery with text, binary and empty tags,
// and a session packet carrying LCP.
var pppoeSeeds = []string{
	"8863" + "1109000000180101000001200002 05dc0103000416372c16",
	"8863" + "11070000002b0101000001020009 6163636573732d31 0104 0010 00112233445566778899aabbccddeeff 0000 0000",
	"8863" + "11a700170000",
	"8864" + "11000017000ec021090a000c12345678",
}

// TestPPPAgainstTcpdump prints mutated PPP frames with tcpdump and with
// this package and compares.
func TestPPPAgainstTcpdump(t *testing.T) {
	comparePPPFrames(t, 0x880b, "880b", pppSeeds)
}

// TestPPPoEAgainstTcpdump does the same for PPPoE.
func TestPPPoEAgainstTcpdump(t *testing.T) {
	comparePPPFrames(t, 0x8863, "", pppoeSeeds)
}

// comparePPPFrames wraps mutations of seeds in Ethernet headers (prefix,
// hex, before each seed) and compares tcpdump's output with ours.
func comparePPPFrames(t *testing.T, rseed int64, prefix string, seeds []string) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	r := rand.New(rand.NewSource(rseed))
	var pkts []*capture.Packet
	var file bytes.Buffer
	w, err := capture.NewPcapWriter(&file, capture.DLTEN10MB, 65535, capture.Micro)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 600; i++ {
		seed, err := hex.DecodeString(strings.ReplaceAll(prefix+seeds[i%len(seeds)], " ", ""))
		if err != nil {
			t.Fatalf("seed %d: %v", i%len(seeds), err)
		}
		// The ethertype stays; the rest mutates.
		frame := append(bytes.Repeat([]byte{0, 1, 2, 3, 4, 5}, 2), seed[:2]...)
		frame = append(frame, mutatePayload(r, seed[2:])...)
		wire := len(frame)
		if r.Intn(8) == 0 {
			frame = frame[:14+r.Intn(len(frame)-13)]
		}
		p := &capture.Packet{Sec: int64(1000 + i), Caplen: uint32(len(frame)), Len: uint32(wire), Data: frame}
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
		pkts = append(pkts, p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ppp.pcap")
	if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{nil, {"-v"}, {"-vv"}, {"-e"}} {
		opts := Options{NoResolve: 1, Time: format.Timestamper{Style: 1}}
		for _, f := range flags {
			if strings.HasPrefix(f, "-v") {
				opts.Verbose = len(f) - 1
			}
			if f == "-e" {
				opts.LinkHeader = true
			}
		}
		compareWithTcpdump(t, tcpdump, path, flags, opts, pkts)
	}
}
