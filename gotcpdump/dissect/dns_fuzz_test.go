package dissect

import (
	"encoding/hex"
	"testing"
)

// FuzzAppPrinters runs the DNS, mDNS, DNS-over-TCP, NTP and BOOTP printers
// on arbitrary payloads at every -v level: they may stop at the
// truncation marker, never panic otherwise.
func FuzzAppPrinters(f *testing.F) {
	seeds := []string{
		"12340100000100000000000103777777076578616d706c6503636f6d0000010001000029100000008000000c000a00080001020304050607",
		"00008400000100010000000003777777076578616d706c6503636f6d00000c8001c00c001080010000007800060568656c6c6f",
		"000700000001000000000000410cabcd00000c0003",
		"e300000000000000000000000000000000000000000000000000000000000000000000000000000000000000c50204ebd3fd8e00",
		"1602000c0044000000000000",
		"010106003a5b0c3a000000000000000000000000000000000000000000000c291f74060000000000000000000000000000000000",
	}
	for i, s := range seeds {
		b, err := hex.DecodeString(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), b)
	}
	printers := []portPrinter{dnsUDPPrint, mdnsUDPPrint, dnsTCPPrint, ntpPrint, bootpPrint}
	f.Fuzz(func(t *testing.T, sel uint8, data []byte) {
		fn := printers[int(sel)%len(printers)]
		for v := 0; v <= 3; v++ {
			printApp(t, Options{NoResolve: 1, Verbose: v}, fn, data, 1, 2)
		}
	})
}
