package filter

import (
	"math/rand"
	"sort"
	"testing"

	"golang.org/x/net/bpf"
)

var fuzzSeeds = []string{
	"", "tcp port 80", "host 10.0.0.1 or 192.168.1.2 and not udp",
	"ip[0] & 0xf > 5", "tcp[tcpflags] & (tcp-syn|tcp-ack) != 0",
	"vlan 100 and mpls and ip6 and udp port 53", "ip6 protochain 6",
	"ether host 00:11:22:33:44:55", "net 10.0.0.0/8", "portrange 1-1024",
	"((tcp) or (udp))", "host (a or b)", "len - 14 > 50 % 3 ^ 2",
	"geneve 10 and ip", "pppoes 3 and tcp", "llc ui", "decnet host 1.2",
	"ip6 net fe80::/10", "1 - 2 = 3", "(5 + 1) > 2", "byte 2 | 4",
}

// FuzzCompile checks that no input makes the compiler panic and that
// every compiled program lays out to valid jumps.
func FuzzCompile(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 1)
	}
	f.Add("ip", 113)
	f.Add("tcp", 276)
	f.Fuzz(func(t *testing.T, expr string, lt int) {
		lts := fuzzLinkTypes()
		if lt < 0 {
			lt = -lt
		}
		p, err := Compile(expr, lts[lt%len(lts)], 262144, lt%2 == 0, 0)
		if err != nil {
			return
		}
		for i, ins := range p.insns {
			if ins.Op&0x07 == clsJMP && ins.Op&0xf0 != jmpJA {
				if i+1+int(ins.Jt) >= len(p.insns) || i+1+int(ins.Jf) >= len(p.insns) {
					t.Fatalf("%q: jump out of program at %d", expr, i)
				}
			}
		}
		p.Match(make([]byte, 64), 64)
	})
}

// fuzzLinkTypes lists every link type with generators, plus one
// without, in a fixed order.
func fuzzLinkTypes() []int {
	lts := []int{189}
	for lt := range linkInfos {
		lts = append(lts, lt)
	}
	sort.Ints(lts)
	return lts
}

// vmComparable reports whether x/net/bpf's VM implements every
// instruction of insns the way bpf_filter does (it lacks negation,
// Linux ancillary loads and backward jumps).
func vmComparable(insns []bpf.RawInstruction) bool {
	for _, ins := range insns {
		switch {
		case ins.Op == clsALU|aluNEG:
			return false
		case ins.Op&0x07 == clsLD && ins.Op&0xe0 == modeABS && ins.K >= skfAdOff:
			return false
		case ins.Op == clsJMP|jmpJA && int32(ins.K) < 0:
			return false
		}
	}
	return true
}

// FuzzEvaluatorAgainstVM runs compiled programs on random packets with
// both the evaluator and golang.org/x/net/bpf's VM.
func FuzzEvaluatorAgainstVM(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, int64(i), uint16(60+i*7))
	}
	f.Fuzz(func(t *testing.T, expr string, seed int64, size uint16) {
		p, err := Compile(expr, 1, 262144, false, 0)
		if err != nil || !vmComparable(p.insns) {
			return
		}
		vm, err := bpf.NewVM(disassemble(p.insns))
		if err != nil {
			t.Fatalf("%q: VM rejects program: %v", expr, err)
		}
		rng := rand.New(rand.NewSource(seed))
		pkt := make([]byte, int(size)%1600)
		for round := 0; round < 8; round++ {
			rng.Read(pkt)
			// Make the common protocol checks succeed now and then.
			if len(pkt) > 23 && round%2 == 0 {
				pkt[12], pkt[13] = []byte{0x08, 0x86, 0x81, 0x88}[round%4], []byte{0x00, 0xdd, 0x00, 0x47}[round%4]
				pkt[14] = 0x45
				pkt[20], pkt[21] = 0, 0
				pkt[23] = []byte{6, 17, 1, 132}[rng.Intn(4)]
			}
			want, err := vm.Run(pkt)
			if err != nil {
				t.Fatalf("%q: VM: %v", expr, err)
			}
			if got := p.Match(pkt, len(pkt)); got != uint32(want) {
				t.Fatalf("%q on % x: evaluator %d, VM %d", expr, pkt, got, want)
			}
		}
	})
}

func disassemble(raw []bpf.RawInstruction) []bpf.Instruction {
	out := make([]bpf.Instruction, len(raw))
	for i, r := range raw {
		out[i] = r.Disassemble()
	}
	return out
}

// TestEvaluatorAgainstVM is the deterministic part of the fuzz test: the
// whole expression list on random packets.
func TestEvaluatorAgainstVM(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	checked := 0
	for _, tc := range loadCases(t) {
		if tc.lt != "EN10MB" {
			continue
		}
		p, err := Compile(tc.expr, 1, 262144, false, 0)
		if err != nil || !vmComparable(p.insns) {
			continue
		}
		vm, err := bpf.NewVM(disassemble(p.insns))
		if err != nil {
			t.Fatalf("%q: %v", tc.expr, err)
		}
		for round := 0; round < 50; round++ {
			pkt := make([]byte, rng.Intn(120))
			rng.Read(pkt)
			if len(pkt) > 23 {
				pkt[12], pkt[13], pkt[14], pkt[23] = 0x08, 0x00, 0x45, 6
			}
			want, _ := vm.Run(pkt)
			if got := p.Match(pkt, len(pkt)); got != uint32(want) {
				t.Fatalf("%q on % x: evaluator %d, VM %d", tc.expr, pkt, got, want)
			}
		}
		checked++
	}
	t.Logf("%d programs compared with x/net/bpf", checked)
}

func BenchmarkMatch(b *testing.B) {
	p, err := Compile("tcp port 80 or udp port 53 or (ip6 and icmp6)", 1, 262144, true, 0)
	if err != nil {
		b.Fatal(err)
	}
	_, recs, err := readPcap(repoRoot(b) + "/testdata/filter/ether.pcap")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := recs[i%len(recs)]
		p.Match(r.data, r.wirelen)
	}
}

// BenchmarkVM is the same workload on golang.org/x/net/bpf's
// instruction-by-instruction VM, for comparison.
func BenchmarkVM(b *testing.B) {
	p, err := Compile("tcp port 80 or udp port 53 or (ip6 and icmp6)", 1, 262144, true, 0)
	if err != nil {
		b.Fatal(err)
	}
	vm, err := bpf.NewVM(disassemble(p.insns))
	if err != nil {
		b.Fatal(err)
	}
	_, recs, err := readPcap(repoRoot(b) + "/testdata/filter/ether.pcap")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := vm.Run(recs[i%len(recs)].data); err != nil {
			b.Fatal(err)
		}
	}
}
