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

// udpPayloadSeeds are well-formed payloads of protocols that ride on UDP,
// sent from sport to dport; the differential test below mutates them.
var udpPayloadSeeds = []struct {
	name         string
	sport, dport uint16
	flags        [][]string // tcpdump flag sets to compare under
	seeds        []string   // hex
}{
	{"bfd-control", 49999, 3784, [][]string{nil, {"-v"}}, []string{
		"20c0031800000001000000000007a120000493e000000000",
		// v1 with simple password, keyed MD5 and meticulous SHA1 sections
		"2044052100000001000000000007a120000493e000000000" + "01090273656372657400",
		"2044053000000001000000000007a120000493e000000000" + "0218020000000005" + "0102030405060708090a0b0c0d0e0f10",
		"2044053400000001000000000007a120000493e000000000" + "051c020000000005" + "0102030405060708090a0b0c0d0e0f1011121314",
		// v0 with flags, an unknown version
		"03fc031800000001000000000007a120000493e000000000",
		"6000031800000001000000000007a120000493e000000000",
	}},
	{"bfd-multihop", 49999, 4784, [][]string{nil, {"-v"}}, []string{
		"21e0031800000001000000020000c3500000c3500000c350",
	}},
	{"bfd-lag", 49999, 6784, [][]string{nil, {"-v"}}, []string{
		"2060031800000001000000020000c3500000c3500000c350",
	}},
	{"bfd-echo", 49999, 3785, [][]string{nil, {"-v"}}, []string{
		"0102030405060708090a0b0c",
	}},
	{"bcm-li", 49152, 3784, [][]string{nil, {"-v"}}, []string{
		"3a000018" + "4500001c000100004011000a0a0000010a000002c35000350008" + "0000",
		"2c000018" + "00010203",
	}},
	{"lmp", 701, 701, [][]string{nil, {"-v"}, {"-vv"}}, []string{
		"100000050038000001030008010000000105000800000003020300080100000081080018000000140000001e0892800042c8000000000008",
		"10000003003800000101000800000001010200080a00320102010008000000020205000800000003020200080a003202810600080005000f",
		"10000010006000000205000800000001021400080000003b010c002400000000c0a80101c0a80102010c960842c8000042c800000208000000000006010c0024000000000a0101010a010102010c96034e93312d4e99dcd60208000000000161",
		"1000000600280000010300080100000002050008000000018109000800320064010a000800000005",
		"1000000700200000010300080a00000002050008000000030114000800000007",
		"100000130024000001030008010000000105000800000003010e000c0200000002000000",
		"10000011002c000001030008010000000105000800000003010d001401000000c00000030100000080000002",
		"10000014002400000205000800000003010d001401000000c000000201000000c0000001",
		"10000001004400000303001420010db8000000000000000000000001030b000c010000000000000500000006020c00300200000020010db800000000000000000000000120010db800000000000000000000000203080000000000000214000800000003",
		"100000320038000001330008010200000233001405081f01000100020003000400c0a8000103330000c000000000000000000104330008000000070199000801020304",
	}},
	{"lspping", 40000, 3503, [][]string{nil, {"-v"}, {"-vv"}}, []string{
		// echo request: LDP IPv4 FEC, RSVP IPv4 FEC, downstream mapping, BFD discriminator, vendor, pad
		"00010000" + "01020000" + "00000023" + "00000001" + "d414ee1f8193708a" + "0000000000000000" +
			"0001" + "0024" + "00010005" + "0c010101" + "20000000" + "00030014" + "0c010101" + "00005372" +
			"0c040404" + "0c040404" + "00000010" +
			"0002" + "0014" + "05dc0100" + "0a000001" + "0a000002" + "00000000" + "00001011" +
			"000f" + "0004" + "12345678" + "0005" + "0004" + "00000009" + "0003" + "0003" + "01020300",
		// echo reply with a received timestamp, FEC 128 pseudowire and VPN IPv4 FECs
		"00010000" + "02020300" + "00000000" + "00000005" + "d414ee1f8193708a" + "d414ee2000000000" +
			"0001" + "0024" + "000a000e" + "0a0000010a00000200000064" + "00050000" + "00060011" +
			"0000fde800000064" + "c0a80000" + "18000000",
		// unnumbered and IPv6 downstream mappings, an unknown TLV
		"00010000" + "01020000" + "00000000" + "00000002" + "0000000000000000" + "0000000000000000" +
			"0002" + "0010" + "05dc0200" + "0a000001" + "00000007" + "00000000" +
			"0002" + "002c" + "05dc0300" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002" +
			"00000000" + "0123" + "0002" + "abcd0000",
	}},
}

// TestUDPPayloadsAgainstTcpdump prints mutated payloads of each
// UDP-carried protocol with tcpdump and with this package and compares.
func TestUDPPayloadsAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	for _, proto := range udpPayloadSeeds {
		t.Run(proto.name, func(t *testing.T) {
			r := rand.New(rand.NewSource(int64(proto.dport) + int64(proto.sport)))
			var pkts []*capture.Packet
			var file bytes.Buffer
			w, err := capture.NewPcapWriter(&file, capture.DLTEN10MB, 65535, capture.Micro)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 300; i++ {
				seed, err := hex.DecodeString(proto.seeds[i%len(proto.seeds)])
				if err != nil {
					t.Fatalf("seed %d: %v", i%len(proto.seeds), err)
				}
				frame := udpFrameFor(proto.sport, proto.dport, mutatePayload(r, seed))
				wire := len(frame)
				if r.Intn(8) == 0 {
					frame = frame[:42+r.Intn(len(frame)-41)]
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
			dir := os.Getenv("UDP_DIFF_KEEP") // keep the captures there to debug a difference
			if dir == "" {
				dir = t.TempDir()
			}
			path := filepath.Join(dir, proto.name+".pcap")
			if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, flags := range proto.flags {
				opts := Options{NoResolve: 1, Time: format.Timestamper{Style: 1}}
				for _, f := range flags {
					if strings.HasPrefix(f, "-v") {
						opts.Verbose = len(f) - 1
					}
				}
				compareWithTcpdump(t, tcpdump, path, flags, opts, pkts)
			}
		})
	}
}

// udpFrameFor wraps a payload in Ethernet, IPv4 and UDP headers (UDP
// checksum zero, so -vv does not depend on it).
func udpFrameFor(sport, dport uint16, payload []byte) []byte {
	udp := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(udp[0:], sport)
	binary.BigEndian.PutUint16(udp[2:], dport)
	binary.BigEndian.PutUint16(udp[4:], uint16(8+len(payload)))
	udp = append(udp, payload...)
	ip := []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	binary.BigEndian.PutUint16(ip[2:], uint16(20+len(udp)))
	binary.BigEndian.PutUint16(ip[10:], inCksum(ip))
	frame := append(bytes.Repeat([]byte{0, 1, 2, 3, 4, 5}, 2), 0x08, 0x00)
	return append(append(frame, ip...), udp...)
}
