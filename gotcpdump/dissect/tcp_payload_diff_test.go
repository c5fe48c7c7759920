package dissect

import (
	"bytes"
	"encoding/binary"
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

// tcpPayloadSeeds are well-formed payloads of the protocols that ride on
// TCP, by port; the differential test below mutates them.
var tcpPayloadSeeds = []struct {
	name  string
	port  uint16
	flags [][]string // tcpdump flag sets to compare under
	seeds []string   // hex
}{
	{"bgp", 179, [][]string{{"-v"}, {"-vv"}, {"-v", "-b"}}, []string{
		// OPEN with MP, route refresh, 4-byte AS, add-path and graceful restart capabilities
		"ffffffffffffffffffffffffffffffff004101" + "04fde800b40a000001" + "24" +
			"0222" + "010400010001" + "0200" + "410400010000" + "4504000101" + "01" + "4006" + "80780001010080",
		// UPDATE: withdrawn, origin, AS path, next hop, MED, communities, ext community, large community, NLRI
		"ffffffffffffffffffffffffffffffff006e02" + "0003" + "180a01" + "0048" +
			"40010100" + "40020a0204fde8fde9fdea0001" + "400304c0a80001" + "80040400000064" +
			"c00808fde80001ffffff01" + "c0100800020064000000c8" + "c0200c0000fde80000000100000002" +
			"1803" + "01" + "02" + "180a0202",
		// UPDATE with MP_REACH for labeled VPN IPv4 and MP_UNREACH for IPv6 unicast
		"ffffffffffffffffffffffffffffffff005802" + "0000" + "0041" +
			"900e002400018010" + "0000000000000000" + "c0a80001" + "00" + "70" + "000011" + "00000064000000c8" + "0a0001" +
			"900f000f" + "000201" + "40" + "20010db800000000" + "00",
		// NOTIFICATION cease with a shutdown communication, KEEPALIVE, ROUTE-REFRESH
		"ffffffffffffffffffffffffffffffff0020030602" + "0b" + "6d61696e74656e616e6365",
		"ffffffffffffffffffffffffffffffff001304" + "ffffffffffffffffffffffffffffffff00170500010001",
	}},
	{"openflow", 6653, [][]string{nil, {"-v"}, {"-vv"}, {"-vvv"}}, []string{
		"0100000800000001" + "010200100000000248656c6c6f2121",
		// FLOW_MOD with a match and output, set-vlan and enqueue actions
		"010e006800000003" + "003820ef0001000000000000000000000000000000000800" + "0006000000000a0000010a0000020000" + "0050" +
			"0000000000000001" + "0000" + "000a" + "001e" + "8000" + "ffffffff" + "ffff" + "0001" +
			"00000008fffd0080" + "00010008000a0000" + "000b0010000100000000000000000002",
		// FEATURES_REPLY with one port, STATS_REPLY (port), ERROR
		"0106005000000004000000000000000100000100fe000000000000c700000fff000100112233445565746830000000000000000000000000000000010000020000000280000002800000028000000000",
		"0111007400000005" + "00040000" + "0001000000000000" + strings.Repeat("0000000000000001", 12),
		"0101001400000006" + "00020004" + "0000000000000000000000",
		"0400001000000007" + "0001000800000012",
	}},
	{"resp", 6379, [][]string{nil}, []string{
		"2a330d0a24330d0a5345540d0a24330d0a6b65790d0a24350d0a76616c75650d0a",
		"2b4f4b0d0a3a31300d0a2d4552520d0a24300d0a0d0a242d310d0a2a300d0a2a2d310d0a",
		"50494e470d0a50494e470d0a",
	}},
	{"pptp", 1723, [][]string{nil, {"-v"}}, []string{
		"009c00011a2b3c4d00010000010000000000000100000001ffff0000" + strings.Repeat("61", 64) + strings.Repeat("62", 64),
		"002000011a2b3c4d000800000001000201000000000000640040000000000000",
		"001800011a2b3c4d000f00000000000000000000ffffffff",
	}},
	{"rpki", 323, [][]string{{"-v"}, {"-vv"}}, []string{
		"0000123400000000c0000001" + "000400000000001400180020c0a8000000010000" + "000600000000002000300080" + "20010db8000000000000000000000000" + "00010000",
		"000a00030000002400000010" + "0004000000000014" + "00000000" + "00000008" + "74657374696e6721",
		"0001000000000008" + "02000000000000080007000100000010",
	}},
	{"ldp", 646, [][]string{nil, {"-v"}, {"-vv"}}, []string{
		"0001001e0a0100020000010000140001197004000004000f0000040100040a010002",
		"0001002a0a0100020000040000200000000501000010808005080000000100000009010405dc0200000400000064",
	}},
	{"msdp", 639, [][]string{nil, {"-v"}, {"-vv"}}, []string{
		"01002001c0a80001" + "e0000001c0a80002" + "0000000a" + "45000014000100004011000008080808e0000001",
		"020008000a000001" + "040003" + "050005ffff",
	}},
	{"beep", 10288, [][]string{nil}, []string{"4d534700", "52505920312032", "454e440d0a"}},
	{"telnet", 23, [][]string{nil, {"-vvv", "-X"}}, []string{
		"fffb01fffd03fffb18fffa1801fff0fff1",
		"fffa25000102ff f0fffa2600ff f0fffffff9",
	}},
	{"http", 80, [][]string{nil, {"-v"}}, []string{
		"474554202f20485454502f312e310d0a486f73743a20780d0a0d0a",
		"485454502f312e3120323030204f4b0d0a436f6e74656e742d4c656e6774683a20320d0a0d0a6f6b",
	}},
}

// mutatePayload returns a variant of seed: bytes changed, bytes cut off the
// end, or a length-like byte bumped.
func mutatePayload(r *rand.Rand, seed []byte) []byte {
	b := append([]byte(nil), seed...)
	switch r.Intn(4) {
	case 0:
		return b
	case 1:
		for i := r.Intn(4) + 1; i > 0 && len(b) > 0; i-- {
			b[r.Intn(len(b))] = byte(r.Intn(256))
		}
	case 2:
		if len(b) > 1 {
			b = b[:r.Intn(len(b))]
		}
	case 3:
		if len(b) > 0 {
			i := r.Intn(len(b))
			b[i] += byte(r.Intn(5)) - 2
		}
	}
	return b
}

// TestTCPPayloadsAgainstTcpdump prints mutated payloads of each
// TCP-carried protocol with tcpdump and with this package and compares.
func TestTCPPayloadsAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	for _, proto := range tcpPayloadSeeds {
		t.Run(proto.name, func(t *testing.T) {
			r := rand.New(rand.NewSource(int64(proto.port)))
			var pkts []*capture.Packet
			var file bytes.Buffer
			w, err := capture.NewPcapWriter(&file, capture.DLTEN10MB, 65535, capture.Micro)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 400; i++ {
				seed, err := hex.DecodeString(strings.ReplaceAll(proto.seeds[i%len(proto.seeds)], " ", ""))
				if err != nil {
					t.Fatalf("seed %d: %v", i%len(proto.seeds), err)
				}
				frame := tcpFrameFor(proto.port, i%2 == 0, mutatePayload(r, seed))
				wire := len(frame)
				if r.Intn(8) == 0 {
					frame = frame[:54+r.Intn(len(frame)-53)]
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
			path := filepath.Join(t.TempDir(), proto.name+".pcap")
			if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, flags := range proto.flags {
				opts := Options{NoResolve: 1, Time: format.Timestamper{Style: 1}}
				for _, f := range flags {
					switch f {
					case "-v", "-vv", "-vvv":
						opts.Verbose = len(f) - 1
					case "-X":
						opts.HexASCII = 1
					case "-b":
						opts.ASDot = true
					}
				}
				compareWithTcpdump(t, tcpdump, path, flags, opts, pkts)
			}
		})
	}
}

// tcpFrameFor wraps a payload in Ethernet, IPv4 and TCP headers, to or
// from port.
func tcpFrameFor(port uint16, toPort bool, payload []byte) []byte {
	tcp := make([]byte, 20, 20+len(payload))
	sport, dport := uint16(40000), port
	if !toPort {
		sport, dport = port, 40000
	}
	binary.BigEndian.PutUint16(tcp[0:], sport)
	binary.BigEndian.PutUint16(tcp[2:], dport)
	binary.BigEndian.PutUint32(tcp[4:], 1000)
	binary.BigEndian.PutUint32(tcp[8:], 2000)
	tcp[12], tcp[13] = 5<<4, 0x18
	binary.BigEndian.PutUint16(tcp[14:], 1000)
	tcp = append(tcp, payload...)
	ip := []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	binary.BigEndian.PutUint16(ip[2:], uint16(20+len(tcp)))
	binary.BigEndian.PutUint16(ip[10:], inCksum(ip))
	frame := append(bytes.Repeat([]byte{0, 1, 2, 3, 4, 5}, 2), 0x08, 0x00)
	return append(append(frame, ip...), tcp...)
}

// compareWithTcpdump runs tcpdump -n -t on path with flags and compares
// its output with what this package prints for pkts under opts.
func compareWithTcpdump(t *testing.T, tcpdump, path string, flags []string, opts Options, pkts []*capture.Packet) {
	t.Helper()
	args := append([]string{"-n", "-t", "-r", path}, flags...)
	cmd := exec.Command(tcpdump, args...)
	cmd.Env = append(os.Environ(), "TZ=GMT0")
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("tcpdump %v: %v", args, err)
	}
	nd := New(opts, capture.DLTEN10MB)
	var got []byte
	for _, p := range pkts {
		nd.PrintPacket(p)
		got = append(got, nd.Output()...)
		nd.Reset()
	}
	if bytes.Equal(got, want) {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) && i < len(gl); i++ {
		if wl[i] != gl[i] {
			t.Errorf("tcpdump %v: first difference at line %d:\nwant %q\ngot  %q", flags, i+1, wl[i], gl[i])
			return
		}
	}
	t.Errorf("tcpdump %v: %d lines, we printed %d", flags, len(wl), len(gl))
}
