// Command gencap writes the mixed-traffic capture the benchmarks read:
//
//	go run ./gotcpdump/internal/gencap/cmd/gencap -n 1000000 -o big.pcap
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/gotcpdump/internal/gencap"
)

func main() {
	n := flag.Int("n", 1000000, "number of packets (at least)")
	out := flag.String("o", "big.pcap", "output file")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencap:", err)
		os.Exit(1)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w, err := gencap.NewWriter(bw, capture.DLTEN10MB, 262144, 1700000000)
	if err == nil {
		err = gencap.Mixed(w, *n)
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencap:", err)
		os.Exit(1)
	}
}
