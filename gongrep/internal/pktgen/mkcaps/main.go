// Command mkcaps writes the captures in testdata/gongrep:
//
//	go run ./gongrep/internal/pktgen/mkcaps -o testdata/gongrep
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goclues/goclues/common/capture"
	g "github.com/goclues/goclues/gongrep/internal/pktgen"
)

var (
	a4 = [4]byte{10, 0, 0, 1}
	b4 = [4]byte{192, 0, 2, 80}
	a6 = [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}
	b6 = [16]byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80}
	// IPv4-mapped and loopback addresses, which inet_ntop writes specially.
	mapped = [16]byte{10: 0xff, 11: 0xff, 12: 192, 13: 0, 14: 2, 15: 1}
	compat = [16]byte{12: 1, 13: 2, 14: 3, 15: 4}
	lo6    = [16]byte{15: 1}
)

func ip4(proto uint8, payload []byte) []byte {
	return g.Ether(0x0800, g.IP4(g.IPv4{Src: a4, Dst: b4, Proto: proto, ID: 7}, payload))
}

func ip6(src, dst [16]byte, next uint8, payload []byte) []byte {
	return g.Ether(0x86dd, g.IP6(src, dst, next, payload))
}

// protos covers every header line ngrep prints.
func protos() []g.Packet {
	data := []byte("hello, protocols")
	frames := [][]byte{
		ip4(g.TCP, g.TCPSeg(40000, 80, g.SYN, nil, nil)),
		ip4(g.TCP, g.TCPSeg(80, 40000, g.SYN|g.ACK, []byte{2, 4, 5, 0xb4}, nil)),
		ip4(g.TCP, g.TCPSeg(40000, 80, 0xff, nil, data)),
		ip4(g.TCP, g.TCPSeg(40000, 80, 0, nil, data)),
		ip4(g.TCP, g.TCPSeg(0, 0, g.ACK, nil, data)),
		ip4(g.UDP, g.UDPDgram(5353, 53, data)),
		ip4(g.UDP, g.UDPDgram(0, 0, data)),
		ip4(g.ICMP, g.TypeCode(8, 0, append([]byte{0, 1, 0, 2}, data...))),
		ip4(g.ICMP, g.TypeCode(3, 3, data)),
		ip4(g.IGMP, g.TypeCode(0x16, 0, []byte{224, 0, 0, 251})),
		ip4(g.GRE, append([]byte{0, 0, 0x08, 0}, data...)),
		ip4(253, data),
		g.Ether(0x0800, g.IP4(g.IPv4{Src: a4, Dst: b4, Proto: g.UDP, ID: 9, FragOff: 0x2000}, g.UDPDgram(1, 2, data))),
		g.Ether(0x0800, g.IP4(g.IPv4{Src: a4, Dst: b4, Proto: g.UDP, ID: 9, FragOff: 0x0003}, data)),
		g.Ether(0x0800, g.IP4(g.IPv4{Src: a4, Dst: b4, Proto: g.TCP, ID: 10, FragOff: 0x0100}, data)),
		g.Ether(0x0800, g.IP4(g.IPv4{Src: a4, Dst: b4, Proto: g.TCP, ID: 11, FragOff: 0x2001}, data)),
		g.Ether(0x0800, g.IP4(g.IPv4{Src: a4, Dst: b4, Proto: g.ICMP, ID: 12, FragOff: 0x0002}, data)),
		g.Ether(0x0800, g.IP4(g.IPv4{Src: a4, Dst: b4, Proto: g.TCP, Options: []byte{1, 1, 1, 0}}, g.TCPSeg(1, 2, g.PSH|g.ACK, nil, data))),
		ip6(a6, b6, g.TCP, g.TCPSeg(443, 50000, g.PSH|g.ACK, nil, data)),
		ip6(b6, a6, g.UDP, g.UDPDgram(53, 5353, data)),
		ip6(a6, b6, g.ICMPv6, g.TypeCode(128, 0, append([]byte{0, 1, 0, 2}, data...))),
		ip6(a6, b6, g.Frag6, g.Frag6Hdr(g.UDP, 0, true, 0x12345678, g.UDPDgram(7, 9, data))),
		ip6(a6, b6, g.Frag6, g.Frag6Hdr(g.UDP, 24, false, 0x12345678, data)),
		ip6(a6, b6, g.Frag6, g.Frag6Hdr(g.TCP, 8, true, 1, data)),
		ip6(mapped, compat, g.UDP, g.UDPDgram(1, 2, data)),
		ip6(lo6, [16]byte{}, g.UDP, g.UDPDgram(1, 2, data)),
		ip6(a6, b6, 0, data), // hop-by-hop: ngrep does not look inside
		g.Ether(0x0800, g.IP4(g.IPv4{Src: a4, Dst: b4, Proto: g.UDP}, g.UDPDgram(1, 2, data)), 100),
		g.Ether(0x86dd, g.IP6(a6, b6, g.TCP, g.TCPSeg(1, 2, g.ACK, nil, data)), 100, 200),
		g.Ether(0x0806, make([]byte, 28)), // ARP: the filter drops it
	}
	pkts := make([]g.Packet, 0, len(frames)+4)
	for i, f := range frames {
		pkts = append(pkts, g.Packet{Data: f, Sec: 1700000000, Usec: int64(i) * 1000})
	}
	// Cut short: inside the TCP header, and inside the payload.
	long := ip4(g.TCP, g.TCPSeg(1234, 80, g.PSH|g.ACK, nil, []byte("GET /a-long-request HTTP/1.1\r\n\r\n")))
	pkts = append(pkts,
		g.Packet{Data: long, Caplen: 40, Sec: 1700000001},
		g.Packet{Data: long, Caplen: 70, Sec: 1700000001, Usec: 1},
		g.Packet{Data: ip4(g.UDP, g.UDPDgram(1, 2, nil)), Sec: 1700000001, Usec: 2},
	)
	return pkts
}

// text holds payloads for the matcher and the layouts.
func text() []g.Packet {
	payloads := []string{
		"GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: test\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>Hello World</html>",
		"line one\nline two\n",
		"ends with newline\n",
		"no newline at the end",
		"Mixed CASE words: Password=secret; user=admin",
		"caf\xc3\xa9 in UTF-8 and caf\xe9 in Latin-1, \xff\xfe bytes",
		"tab\there, vtab\vhere, formfeed\fhere, nul\x00here, del\x7fhere",
		"word boundary: index, indexes, reindex, (index)",
		"aaa bbb aaa bbb <tag>one</tag><tag>two</tag>",
		strings.Repeat("0123456789abcdefghijklmnopqrstuvwxyz", 12),
		"\x00\x01\x02\x03\xde\xad\xbe\xef\x80\x90",
		"dollar$ and caret^ and dots...",
		"Ünïcödé ÀÉÎÕÜ àéîõü",
	}
	var pkts []g.Packet
	for i, p := range payloads {
		var f []byte
		if i%2 == 0 {
			f = ip4(g.TCP, g.TCPSeg(40000+uint16(i), 80, g.PSH|g.ACK, nil, []byte(p)))
		} else {
			f = ip6(b6, a6, g.UDP, g.UDPDgram(53, 40000+uint16(i), []byte(p)))
		}
		pkts = append(pkts, g.Packet{Data: f, Sec: 1700000000 + int64(i), Usec: int64(i * 111111 % 1000000)})
	}
	return pkts
}

// times has time stamps that go back, borrow microseconds and cross days.
func times() []g.Packet {
	stamps := [][2]int64{
		{1700000000, 900000}, {1700000001, 100000}, {1700000001, 100000},
		{1700000000, 500000}, {1700086400, 0}, {1703980800, 999999}, {946684800, 1},
	}
	var pkts []g.Packet
	for i, s := range stamps {
		f := ip4(g.UDP, g.UDPDgram(1000, 2000+uint16(i), []byte(fmt.Sprintf("packet %d", i))))
		pkts = append(pkts, g.Packet{Data: f, Sec: s[0], Usec: s[1]})
	}
	return pkts
}

func main() {
	out := flag.String("o", "testdata/gongrep", "directory to write the captures to")
	flag.Parse()
	caps := []struct {
		name string
		pkts []g.Packet
	}{
		{"protos.pcap", protos()},
		{"text.pcap", text()},
		{"times.pcap", times()},
	}
	for _, c := range caps {
		var b bytes.Buffer
		if err := g.Write(&b, capture.DLTEN10MB, 65535, c.pkts); err != nil {
			fmt.Fprintln(os.Stderr, "mkcaps:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(*out, c.name), b.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "mkcaps:", err)
			os.Exit(1)
		}
	}
}
