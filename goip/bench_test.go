package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// benchRoutes loads the saved fixture dump: routes of every kind.
func benchRoutes(b *testing.B) []msg {
	f, err := os.Open(filepath.Join("..", "testdata", "goip", "fixture.route-save"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	msgs, ok := readRouteDump(f)
	if !ok {
		b.Fatal("bad dump")
	}
	return msgs
}

func benchmarkPrint(b *testing.B, o options) {
	msgs := benchRoutes(b)
	savedOut, savedOpt := stdout, opt
	defer func() { stdout, opt = savedOut, savedOpt }()
	stdout = bufio.NewWriterSize(io.Discard, 64<<10)
	opt = o
	linkCache.loaded = true
	linkCache.byIndex = map[int32]*linkInfo{1: {index: 1, name: "lo"}, 3: {index: 3, name: "v0"}}
	nhCache = map[uint32]*msg{10: nil, 11: nil}
	resetRouteFilter()
	var r rtnl.RouteMsg
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pr.begin()
		for _, m := range msgs {
			if r.Decode(m.data) == nil && rf.keep(&r) {
				printRoute(unix.RTM_NEWROUTE, &r)
			}
		}
		pr.end()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/route")
}

func BenchmarkPrintRouteText(b *testing.B) { benchmarkPrint(b, options{}) }
func BenchmarkPrintRouteJSON(b *testing.B) { benchmarkPrint(b, options{json: 1}) }
