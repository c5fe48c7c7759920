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
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
	"github.com/goclues/goclues/gotcpdump/internal/gencap"
)

// TestAppPrintersAgainstTcpdump prints generated DNS, mDNS, DNS-over-TCP,
// NTP and BOOTP traffic (well-formed, mutated and cut short) with
// tcpdump and with this package at every -v level, and compares.
func TestAppPrintersAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed")
	}
	pkts := appDiffCorpus(rand.New(rand.NewSource(1)), 600)
	file := filepath.Join(t.TempDir(), "app.pcap")
	if err := os.WriteFile(file, pcapFile(pkts), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, v := range []int{0, 1, 2, 3} {
		args := []string{"-#", "-n", "-t", "-r", file}
		if v > 0 {
			args = append(args, "-"+strings.Repeat("v", v))
		}
		cmd := exec.Command(tcpdump, args...)
		cmd.Env = append(os.Environ(), "TZ=GMT0")
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", args, err)
		}
		nd := New(Options{NoResolve: 1, Verbose: v, Number: true, Time: format.Timestamper{Style: 1, Loc: time.UTC}}, capture.DLTEN10MB)
		for _, p := range pkts {
			nd.PrintPacket(&capture.Packet{Sec: 1, Caplen: uint32(len(p.data)), Len: uint32(p.wireLen), Data: p.data})
		}
		if got := nd.Output(); !bytes.Equal(got, want) {
			t.Errorf("-v×%d: output differs from tcpdump's at:\n%s", v, firstDiff(string(want), string(got)))
		}
	}
}

type diffPacket struct {
	data    []byte
	wireLen int
}

// firstDiff shows the first differing line of two outputs.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "tcpdump: " + wl + "\nours:    " + gl
		}
	}
	return "(equal)"
}

// pcapFile renders packets as a little-endian microsecond pcap file.
func pcapFile(pkts []diffPacket) []byte {
	out := binary.LittleEndian.AppendUint32(nil, 0xa1b2c3d4)
	out = binary.LittleEndian.AppendUint16(out, 2)
	out = binary.LittleEndian.AppendUint16(out, 4)
	out = append(out, make([]byte, 8)...)
	out = binary.LittleEndian.AppendUint32(out, 262144)
	out = binary.LittleEndian.AppendUint32(out, capture.DLTEN10MB)
	for _, p := range pkts {
		out = binary.LittleEndian.AppendUint32(out, 1)
		out = binary.LittleEndian.AppendUint32(out, 0)
		out = binary.LittleEndian.AppendUint32(out, uint32(len(p.data)))
		out = binary.LittleEndian.AppendUint32(out, uint32(p.wireLen))
		out = append(out, p.data...)
	}
	return out
}

var (
	diffMACA = gencap.MAC{0, 1, 2, 3, 4, 5}
	diffMACB = gencap.MAC{0, 6, 7, 8, 9, 10}
	diffIPA  = gencap.IPv4{10, 0, 0, 1}
	diffIPB  = gencap.IPv4{10, 0, 0, 2}
)

// appDiffCorpus builds n packets of each kind.
func appDiffCorpus(r *rand.Rand, n int) []diffPacket {
	var pkts []diffPacket
	add := func(frame []byte) {
		p := diffPacket{data: frame, wireLen: len(frame)}
		if r.Intn(5) == 0 {
			p.data = frame[:42+r.Intn(len(frame)-41)]
		}
		pkts = append(pkts, p)
	}
	udp := func(port uint16, payload []byte) []byte {
		sport, dport := uint16(40000), port
		if r.Intn(2) == 0 {
			sport, dport = dport, sport
		}
		u := gencap.UDP(diffIPA[:], diffIPB[:], sport, dport, payload)
		return gencap.Ether(diffMACA, diffMACB, 0x0800, gencap.IP4(gencap.IPv4Opts{Src: diffIPA, Dst: diffIPB, Proto: 17, TTL: 64, ID: 1}, u))
	}
	seeds := map[uint16][]string{
		123: {ntpServerMsg, ntpPrimaryMsg, ntpControlMsg},
		67:  {bootpRequestMsg},
	}
	for i := 0; i < n; i++ {
		add(udp(53, randomDNS(r)))
		add(udp(5353, randomDNS(r)))
		for port, msgs := range seeds {
			b, _ := hex.DecodeString(msgs[r.Intn(len(msgs))])
			add(udp(port, mutate(r, b)))
		}
		m := randomDNS(r)
		framed := binary.BigEndian.AppendUint16(nil, uint16(len(m)+r.Intn(2)))
		tcp := gencap.TCP(diffIPA[:], diffIPB[:], gencap.TCPOpts{SrcPort: 40000, DstPort: 53, Seq: uint32(i), Ack: 1, Flags: 0x18, Win: 512}, append(framed, m...))
		add(gencap.Ether(diffMACA, diffMACB, 0x0800, gencap.IP4(gencap.IPv4Opts{Src: diffIPA, Dst: diffIPB, Proto: 6, TTL: 64, ID: 2}, tcp)))
	}
	return pkts
}

// mutate changes a few bytes of b.
func mutate(r *rand.Rand, b []byte) []byte {
	b = append([]byte(nil), b...)
	for k := r.Intn(4); k > 0 && len(b) > 0; k-- {
		b[r.Intn(len(b))] = []byte{0, 0xff, 0xc0, 1, byte(r.Intn(256))}[r.Intn(5)]
	}
	return b
}

// randomDNS builds a DNS message with random header bits, an unusual
// name now and then, a few records of assorted types and often an OPT
// record with EDNS options.
func randomDNS(r *rand.Rand) []byte {
	pick := func(opts ...string) []byte { b, _ := hex.DecodeString(opts[r.Intn(len(opts))]); return b }
	name := pick("03777777076578616d706c6503636f6d00", "00", "410cabcd00", "4100"+strings.Repeat("00", 32)+"00",
		"8100", "4201", "0178017f00", strings.Repeat("3f"+strings.Repeat("61", 63), 4)+"00")
	flags := []uint16{0x0100, 0x8180, 0x8580, 0x8183, 0x0120, 0x2800, 0x8010, uint16(r.Intn(65536))}[r.Intn(8)]
	var an [][]byte
	for k := r.Intn(4); k > 0; k-- {
		typ := []uint16{1, 2, 5, 6, 12, 15, 16, 28, 33, 38, 39, 46, 104, 250, 256, uint16(r.Intn(300))}[r.Intn(16)]
		rd := pick("c0a80001", "20010db8000000000000000000000001", "04686f7374c00c", "c00c",
			"000a04686f7374c00c", "0568656c6c6f00036122620a", "000100020bb804686f7374c00c",
			"40"+strings.Repeat("ab", 8)+"04686f7374c00c", "0a0105687474703a2f",
			"04686f737400c00cc00c0000000100000002000000030000000400000005",
			"04686f73740000000102030401240004616263640007000000")
		rr := append(pick("c00c", "017800"), byte(typ>>8), byte(typ))
		rr = append(rr, pick("0001", "0003", "8001")...)
		rr = binary.BigEndian.AppendUint32(rr, uint32(r.Intn(40000000)))
		rr = binary.BigEndian.AppendUint16(rr, uint16(len(rd)))
		an = append(an, append(rr, rd...))
	}
	var ar [][]byte
	if r.Intn(3) > 0 {
		opts := pick("", "000a00080001020304050607", "0008000700011800c00002", "000b000204d2", "000c000400000000",
			"000e00044f664a5c", "0005000301080f", "000d000d076578616d706c6503636f6d00", "000300026869", "000f0002abcd",
			"00080008000238000000000000")
		rr := []byte{0, 0, 41}
		rr = append(rr, pick("1000", "0200")...)
		rr = append(rr, pick("00", "01", "ff")...)
		rr = append(rr, 0)
		rr = append(rr, pick("8000", "0000")...)
		rr = binary.BigEndian.AppendUint16(rr, uint16(len(opts)))
		ar = append(ar, append(rr, opts...))
	}
	qd := 1
	if r.Intn(10) == 0 {
		qd = r.Intn(3)
	}
	m := binary.BigEndian.AppendUint16(nil, uint16(r.Intn(65536)))
	for _, v := range []int{int(flags), qd, len(an), 0, len(ar)} {
		m = binary.BigEndian.AppendUint16(m, uint16(v))
	}
	for i := 0; i < qd; i++ {
		m = append(m, name...)
		m = append(m, pick("0001", "000c", "00ff", "0029", "0100")...)
		m = append(m, pick("0001", "0003", "8001", "00fe")...)
	}
	for _, rr := range append(an, ar...) {
		m = append(m, rr...)
	}
	return mutate(r, m)
}
