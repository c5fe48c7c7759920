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

// linkSeeds are frames of the link types in chdlc.go, fr.go, token.go,
// fddi.go, arcnet.go, atm.go, nflog.go, ipnet.go, ipoib.go, vsock.go,
// pktap.go and juniper.go, in hex; the test mutates them.
var linkSeeds = []struct {
	name  string
	dlt   int
	seeds []string
	// fixed keeps the seeds as they are: their mutations reach printers
	// this comparison is not about (the OSI printer for NLPID frames) or
	// a known gap (LANE's LEC ID before an unknown Ethernet frame
	// without -e).
	fixed bool
}{
	{"chdlc", dltCHDLC, []string{
		"0f000800" + diffIPv4ICMP,
		"8f008035 00000002 00000010 00000020 ffff 0001e240",
		"0f008035 00000001 0a000001 ffffff00 0000",
	}, false},
	{"fr", dltFrelay, []string{
		"0c2103cc" + diffIPv4ICMP,
		"0c21030800 0175 95 0103 01 0302 0102",
		"0c2103b1 c001",
		"0c210800" + diffIPv4ICMP,
	}, false},
	{"mfr", dltMFR, []string{"e000010103060102030401", "c0010c2103cc" + diffIPv4ICMP}, false},
	{"token", capture.DLTIEEE802, []string{
		"1040 0000c0112233 8000c0445566 0830 0011 0022 0030 aaaa030000000800" + diffIPv4ICMP,
		"1040 0000c0112233 0000c0445566 aaaa030000000800" + diffIPv4ICMP,
	}, false},
	{"fddi", capture.DLTFDDI, []string{
		"50 0000c0112233 0000c0445566 aaaa030000000800" + diffIPv4ICMP,
		"41 0000c0112233 0000c0445566 0102",
	}, false},
	{"arcnet_bsd", dltARCNET, []string{"be 00 d4 00 0001" + diffIPv4ICMP, "be 00 d4 ff 0001 d4 03 0002" + diffIPv4ICMP, "be 00 f0" + diffIPv4ICMP}, false},
	{"clip", dltATMCLIP, []string{"aaaa030000000800" + diffIPv4ICMP, diffIPv4ICMP}, false},
	{"arcnet", dltARCNETLinux, []string{"be 00 0000 d4 00 0000" + diffIPv4ICMP, "be 50 0000 d5 00 0000 0007 0800 0104 0001 be 0a508301 00 0a5083fe"}, false},
	{"sunatm", dltSunATM, []string{"02 00 0020 aaaa030000000800" + diffIPv4ICMP, "82 00 0004 00 60030001 18 00 18020109 011b9e1b000101015a010000 c3291acdf08b2f102709646f 6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a 0181"}, true},
	{"nflog", dltNFLOG, []string{"02000000 0800 0100 0800 0300 0800 0a00 03000000" + "1800 0900" + diffIPv4ICMP}, false},
	{"ipnet", dltIPNET, []string{"01 02 0000 00000054 00000001 00000000 00000000 00000000" + diffIPv4ICMP}, false},
	{"ipoib", dltIPoIB, []string{"00000000000000000000000000000000000000000000000000000000000000000000000000000000 0800 0000" + diffIPv4ICMP}, false},
	{"vsock", dltVSOCK, []string{"0300000000000000 0200000000000000 00040000 d2040000 0400 0200 2c00 0000 0300000000000000 0200000000000000 00040000 d2040000 05000000 0100 0500 00000000 00000400 00000000 68656c6c6f"}, false},
	{"pktap", dltPKTAP, []string{"6c000000 01000000 01000000" + strings.Repeat("00", 96) + "0000c0112233 0000c0445566 0800" + diffIPv4ICMP}, false},
	{"juniper_atm1", dltJuniperATM1, []string{"4d474300 00000000 aaaa030000000800" + diffIPv4ICMP, "4d474300 80000000 00600300 18 0018020109011b9e1b000101015a010000c3291acdf08b2f102709646f6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a6a0181", "4d474300 00000000" + diffIPv4ICMP}, true},
	{"juniper_atm2", dltJuniperATM2, []string{"4d474300 0000000000000000 00000000 aaaa030000000800" + diffIPv4ICMP, "4d474300 0000000000000000 0021" + diffIPv4ICMP}, true},
	{"juniper_mlppp", dltJuniperMLPPP, []string{"4d474300 ff03 0021" + diffIPv4ICMP, "4d474300 5400 1234 0021" + diffIPv4ICMP}, true},
	{"juniper", dltJuniperEther, []string{"4d474301 0000c0112233 0000c0445566 0800" + diffIPv4ICMP, "4d474381 0006 0304 01000000" + "0000c0112233 0000c0445566 0800" + diffIPv4ICMP}, false},
}

const diffIPv4ICMP = "450000300001000040017cf20a0000010a0000020800f7ff000000006162636465666768696a6b6c6d6e6f70"

// TestLinkTypesAgainstTcpdump prints mutated frames of each link type
// with tcpdump and with this package and compares the output.
func TestLinkTypesAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	for _, lt := range linkSeeds {
		t.Run(lt.name, func(t *testing.T) {
			r := rand.New(rand.NewSource(int64(lt.dlt)))
			var pkts []*capture.Packet
			var file bytes.Buffer
			w, err := capture.NewPcapWriter(&file, lt.dlt, 65535, capture.Micro)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 300 {
				seed := strings.ReplaceAll(lt.seeds[i%len(lt.seeds)], " ", "")
				frame, err := hex.DecodeString(seed)
				if err != nil {
					t.Fatalf("seed %d: %v", i%len(lt.seeds), err)
				}
				if i >= len(lt.seeds) && !lt.fixed {
					frame = mutateLinkFrame(r, frame, linkHeaderEnd(seed))
				}
				p := &capture.Packet{Sec: int64(1000 + i), Caplen: uint32(len(frame)), Len: uint32(len(frame)), Data: frame}
				if err := w.WritePacket(p); err != nil {
					t.Fatal(err)
				}
				pkts = append(pkts, p)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), lt.name+".pcap")
			if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, flags := range [][]string{nil, {"-v"}, {"-e"}, {"-vv", "-e"}} {
				opts := Options{NoResolve: 1, Time: format.Timestamper{Style: 1}}
				for _, f := range flags {
					if strings.HasPrefix(f, "-v") {
						opts.Verbose = len(f) - 1
					}
					if f == "-e" {
						opts.LinkHeader = true
					}
				}
				compareLinkWithTcpdump(t, tcpdump, path, lt.dlt, flags, opts, pkts)
			}
		})
	}
}

func compareLinkWithTcpdump(t *testing.T, tcpdump, path string, dlt int, flags []string, opts Options, pkts []*capture.Packet) {
	t.Helper()
	args := append([]string{"-n", "-t", "-r", path}, flags...)
	cmd := exec.Command(tcpdump, args...)
	cmd.Env = append(os.Environ(), "TZ=GMT0")
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("tcpdump %v: %v", args, err)
	}
	nd := New(opts, dlt)
	var got []byte
	for _, p := range pkts {
		nd.PrintPacket(p)
		got = append(got, nd.Output()...)
		nd.Reset()
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) && i < len(gl); i++ {
		if wl[i] != gl[i] {
			t.Errorf("tcpdump %v: first difference at line %d:\nwant %q\ngot  %q", flags, i+1, wl[i], gl[i])
			return
		}
	}
	if len(wl) != len(gl) {
		t.Errorf("tcpdump %v: %d lines, we printed %d", flags, len(wl), len(gl))
	}
}

// linkHeaderEnd is how many bytes of a seed precede the ICMP datagram it
// carries (all of it when it carries none): mutations stay there, so the
// comparison exercises the link-layer printers rather than IP payloads.
func linkHeaderEnd(seed string) int {
	if i := strings.Index(seed, diffIPv4ICMP); i >= 0 {
		return i / 2
	}
	return len(seed) / 2
}

// mutateLinkFrame returns a variant of frame: bytes of its first hdr
// bytes changed or nudged, or the frame cut short anywhere.
func mutateLinkFrame(r *rand.Rand, frame []byte, hdr int) []byte {
	b := append([]byte(nil), frame...)
	if hdr == 0 {
		return b
	}
	switch r.Intn(4) {
	case 1:
		for i := r.Intn(4) + 1; i > 0; i-- {
			b[r.Intn(hdr)] = byte(r.Intn(256))
		}
	case 2:
		b = b[:r.Intn(len(b))]
	case 3:
		b[r.Intn(hdr)] += byte(r.Intn(5)) - 2
	}
	return b
}
