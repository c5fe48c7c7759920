package dissect

import (
	"encoding/hex"
	"testing"
)

// printApp runs an application-layer printer on its own, turning a
// truncation stop into the marker as PrintPacket does.
func printApp(t *testing.T, opts Options, fn portPrinter, b []byte, sport, dport uint16) string {
	t.Helper()
	nd := New(opts, 1)
	func() {
		defer func() {
			if r := recover(); r != nil {
				if r != errTruncated {
					panic(r)
				}
				nd.PrintTrunc()
			}
		}()
		fn(nd, b, len(b), nil, sport, dport)
	}()
	return string(nd.Output())
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex in test: %v", err)
	}
	return b
}

// The expected texts are what tcpdump 4.99.3 prints for these messages
// after the UDP ports.
func TestDomainPrint(t *testing.T) {
	const (
		query    = "12340100000100000000000103777777076578616d706c6503636f6d0000010001000029100000008000000c000a00080001020304050607"
		response = "12348180000100020001000003777777076578616d706c6503636f6d0000010001c00c0005000100000e10000603776562c010c0290001000100015fcd0004c0000201c01000060001000151800018026e73c010c02f0000000100000002000000030000000400000005"
		mdns     = "00008400000100010000000003777777076578616d706c6503636f6d00000c8001c00c001080010000007800060568656c6c6f"
		badPtr   = "00070100000100000000000003616263c02000010001"
		bitLabel = "000700000001000000000000410cabcd00000c0003"
	)
	const garbled = "^P^@^F^CwebM-@^PM-@)^@^A^@.^@._.<BAD PTR> [|domain]"
	tests := []struct {
		msg     string
		verbose int
		fn      portPrinter
		want    string
	}{
		{query, 0, dnsUDPPrint, "4660+ [1au] A? www.example.com. (56)"},
		{query, 2, dnsUDPPrint, "4660+ [1au] A? www.example.com. ar: . OPT UDPsize=4096 DO [COOKIE 0001020304050607] (56)"},
		{response, 0, dnsUDPPrint, "4660 2/1/0 CNAME web.example.com., A 192.0.2.1 (106)"},
		{response, 1, dnsUDPPrint, "4660 2/1/0 www.example.com. CNAME web.example.com., " + garbled},
		{response, 3, dnsUDPPrint, "4660 q: A? www.example.com. 2/1/0 www.example.com. [1h] CNAME web.example.com., " + garbled},
		{mdns, 0, mdnsUDPPrint, "0*- 1/0/0 (Cache flush) TXT \"hello\" (51)"},
		{mdns, 3, mdnsUDPPrint, "0*- q: PTR (QU)? www.example.com. 1/0/0 www.example.com. (Cache flush) [2m] TXT \"hello\" (51)"},
		{badPtr, 2, dnsUDPPrint, "7+ A? abc.<BAD PTR> [|domain]"},
		{bitLabel, 0, dnsUDPPrint, "7 PTR CHAOS? \\[xabc/12]. (21)"},
		{"", 0, dnsUDPPrint, "domain [length 0 < 12] (invalid)"},
	}
	for _, tc := range tests {
		got := printApp(t, Options{NoResolve: 1, Verbose: tc.verbose}, tc.fn, mustHex(t, tc.msg), 53, 40000)
		if got != tc.want {
			t.Errorf("-v×%d %s:\n got %q\nwant %q", tc.verbose, tc.msg, got, tc.want)
		}
	}
}

func TestDomainOverTCP(t *testing.T) {
	msg := mustHex(t, "00070100000100000000000003616263c02000010001")
	framed := append([]byte{0, byte(len(msg))}, msg...)
	if got, want := printApp(t, Options{NoResolve: 1}, dnsTCPPrint, framed, 53, 40000), " 7+ A? abc.<BAD PTR> [|domain]"; got != want {
		t.Errorf("framed: got %q want %q", got, want)
	}
	framed[1]++
	if got, want := printApp(t, Options{NoResolve: 1}, dnsTCPPrint, framed, 53, 40000), " [prefix length(23) != length(22)] (invalid)"; got != want {
		t.Errorf("bad prefix: got %q want %q", got, want)
	}
}

func TestPrintRelts(t *testing.T) {
	for secs, want := range map[uint32]string{0: "0s", 59: "59s", 3600: "1h", 90061: "1d1h1m1s", 31536000 + 604800: "1y1w"} {
		nd := New(Options{}, 1)
		nd.printRelts(secs)
		if got := string(nd.Output()); got != want {
			t.Errorf("printRelts(%d) = %q, want %q", secs, got, want)
		}
	}
}

// BenchmarkDomainPrint prints a common query and response: the steady
// path must not allocate.
func BenchmarkDomainPrint(b *testing.B) {
	query, _ := hex.DecodeString("12340100000100000000000103777777076578616d706c6503636f6d0000010001000029100000008000000c000a00080001020304050607")
	resp, _ := hex.DecodeString("12348180000100010000000003777777076578616d706c6503636f6d0000010001c00c000100010000003c0004c0000201")
	nd := New(Options{NoResolve: 1, Verbose: 2}, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		dnsUDPPrint(nd, query, len(query), nil, 40000, 53)
		dnsUDPPrint(nd, resp, len(resp), nil, 53, 40000)
		nd.Reset()
	}
}
