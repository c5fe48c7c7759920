package dissect

import (
	"testing"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
	"github.com/goclues/goclues/gotcpdump/internal/gencap"
)

// optionSets are the flag combinations the fuzzer and the benchmarks
// print with.
var optionSets = []Options{
	{NoResolve: 1},
	{NoResolve: 1, Verbose: 1},
	{NoResolve: 1, Verbose: 3, LinkHeader: true},
	{NoResolve: 1, Quick: true, HexASCII: 2},
	{NoResolve: 1, Verbose: 2, HexDump: 1, AbsSeq: true},
	{NoResolve: 1, ASCII: 1, Number: true},
}

var fuzzLinkTypes = []int{
	capture.DLTEN10MB, capture.DLTLinuxSLL, capture.DLTLinuxSLL2, capture.DLTRaw,
	capture.DLTIPv4, capture.DLTIPv6, capture.DLTNull, capture.DLTLoop, 160,
}

// FuzzPrintPacket prints arbitrary bytes as a packet of each link type
// with several flag sets: printers may stop at the truncation marker but
// must never panic or read past the captured bytes.
func FuzzPrintPacket(f *testing.F) {
	for _, c := range gencap.Corpus() {
		for i, p := range c.Packets {
			if i%7 == 0 {
				f.Add(uint8(0), p)
				for _, cut := range []int{14, 20, 34, 40, 54, 60} {
					if cut < len(p) {
						f.Add(uint8(0), p[:cut])
					}
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, lt uint8, data []byte) {
		linkType := fuzzLinkTypes[int(lt)%len(fuzzLinkTypes)]
		for _, o := range optionSets {
			o.Time = format.Timestamper{Style: 2, Loc: time.UTC}
			nd := New(o, linkType)
			p := &capture.Packet{Sec: 1, Caplen: uint32(len(data)), Len: uint32(len(data)) + uint32(lt), Data: data}
			nd.PrintPacket(p)
		}
	})
}

// BenchmarkPrintPacket prints the mixed-traffic corpus with -n: the
// steady-state per-packet path must not allocate.
func BenchmarkPrintPacket(b *testing.B) {
	var pkts []*capture.Packet
	for _, c := range gencap.Corpus() {
		if c.Name != "mixed.pcap" {
			continue
		}
		for i, d := range c.Packets {
			pkts = append(pkts, &capture.Packet{Sec: int64(1700000000 + i), Frac: int64(i), Caplen: uint32(len(d)), Len: uint32(len(d)), Data: d})
		}
	}
	nd := New(Options{NoResolve: 1, Time: format.Timestamper{Loc: time.UTC}}, capture.DLTEN10MB)
	for _, p := range pkts { // warm the conversation tables and buffers
		nd.PrintPacket(p)
		nd.Reset()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		nd.PrintPacket(pkts[i%len(pkts)])
		nd.Reset()
	}
}
