package dissect

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// tcpSegmentGen makes random but plausible TCP segments: every option
// kind tcpdump decodes (well and badly formed), SACK blocks, MPTCP
// subtypes, fast-open cookies, payloads for the port printers that ride
// on TCP, IPv4 and IPv6, right and wrong checksums, cut captures.
type tcpSegmentGen struct {
	r *rand.Rand
}

func (g tcpSegmentGen) bytes(n int) []byte {
	b := make([]byte, n)
	g.r.Read(b)
	return b
}

func (g tcpSegmentGen) pick(v ...int) int { return v[g.r.Intn(len(v))] }

func (g tcpSegmentGen) option() []byte {
	be32 := func(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
	kind := g.pick(0, 1, 1, 2, 3, 4, 5, 8, 8, 6, 7, 11, 12, 13, 19, 20, 28, 29, 30, 34, 254, 254, 99, g.r.Intn(256))
	withLen := func(data []byte) []byte { return append([]byte{byte(kind), byte(2 + len(data))}, data...) }
	switch kind {
	case 0, 1:
		return []byte{byte(kind)}
	case 2:
		if g.r.Intn(10) == 0 {
			return append([]byte{2, byte(g.r.Intn(6))}, bytes.Repeat([]byte{5}, g.r.Intn(4))...)
		}
		return withLen(g.bytes(2))
	case 3:
		return withLen([]byte{byte(g.r.Intn(16))})
	case 4:
		return withLen(nil)
	case 5:
		var d []byte
		for i := g.pick(1, 2, 3, 4); i > 0; i-- {
			d = append(d, be32(1000+uint32(g.r.Intn(9000)))...)
			d = append(d, be32(g.r.Uint32())...)
		}
		if g.r.Intn(5) == 0 {
			d = d[:len(d)-1-g.r.Intn(4)]
		}
		return withLen(d)
	case 8:
		return withLen(g.bytes(8))
	case 6, 7, 11, 12, 13:
		return withLen(g.bytes(4))
	case 19:
		return withLen(g.bytes(16))
	case 20, 28:
		return withLen(g.bytes(2))
	case 29:
		return withLen(g.bytes(g.r.Intn(10)))
	case 30:
		n := g.pick(1, 2, 4, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28)
		d := g.bytes(n)
		d[0] = byte(g.r.Intn(9)<<4 | g.r.Intn(16))
		return withLen(d)
	case 34:
		return withLen(g.bytes(g.pick(0, 2, 4, 6, 8, 16, 17)))
	case 254:
		d := binary.BigEndian.AppendUint16(nil, uint16(g.pick(0xf989, 0xacc0, 0x1234)))
		d = append(d, g.bytes(g.pick(0, 2, 4, 8, 3))...)
		if g.r.Intn(10) == 0 {
			d = d[:1]
		}
		return withLen(d)
	}
	return withLen(g.bytes(g.r.Intn(6)))
}

var tcpDiffPayloads = [][]byte{
	[]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
	[]byte("HTTP/1.0 404 Not Found\r\nA: b\r\n"),
	[]byte("PLAY rtsp://x/y RTSP/1.0\r\nCSeq: 2\r\n\r\n"),
	[]byte("SSH-2.0-foo\r\n"),
	{0xff, 0xfb, 0x01, 0xff, 0xfd, 0x18, 0xff, 0xfa, 0x18, 0x01, 0xff, 0xf0},
	{0xff, 0xfa, 0x25, 0x00, 0x01, 0x02, 0x03, 0xff, 0xf0, 0xff, 0xf1},
	[]byte("220 smtp ready\r\n250 ok"),
	[]byte("whois\n"),
	[]byte("RST reason text that is long enough to be cut"),
}

func (g tcpSegmentGen) payload() []byte {
	switch n := g.r.Intn(10); {
	case n < 2:
		return nil
	case n < 5:
		return tcpDiffPayloads[g.r.Intn(len(tcpDiffPayloads))]
	}
	return g.bytes(1 + g.r.Intn(80))
}

func (g tcpSegmentGen) frame() (frame []byte, wire int) {
	ports := []int{80, 8080, 22, 23, 25, 43, 21, 554, 8554, 1000, 2000, 5000}
	sport, dport := uint16(ports[g.r.Intn(len(ports))]), uint16(ports[g.r.Intn(len(ports))])
	var opts []byte
	for i := g.r.Intn(5); i > 0; i-- {
		opts = append(opts, g.option()...)
	}
	if len(opts) > 40 {
		opts = opts[:40]
	}
	for len(opts)%4 != 0 {
		opts = append(opts, 0)
	}
	doff := (20 + len(opts)) / 4
	if g.r.Intn(20) == 0 {
		doff = g.r.Intn(16)
	}
	flags := byte(g.pick(0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14, 0x19, 0x31, g.r.Intn(256)))
	seq, ack := 1000+uint32(g.r.Intn(5000)), 2000+uint32(g.r.Intn(5000))
	if g.r.Intn(3) == 0 {
		seq, ack = g.r.Uint32(), g.r.Uint32()
	}
	tcp := binary.BigEndian.AppendUint16(nil, sport)
	tcp = binary.BigEndian.AppendUint16(tcp, dport)
	tcp = binary.BigEndian.AppendUint32(tcp, seq)
	tcp = binary.BigEndian.AppendUint32(tcp, ack)
	tcp = append(tcp, byte(doff<<4), flags)
	tcp = binary.BigEndian.AppendUint16(tcp, uint16(g.r.Intn(65536)))
	tcp = append(tcp, 0, 0)
	tcp = binary.BigEndian.AppendUint16(tcp, uint16(g.r.Intn(65536)))
	tcp = append(tcp, opts...)
	tcp = append(tcp, g.payload()...)

	var ip []byte
	var etype uint16
	if g.r.Intn(10) < 3 {
		src := []byte{0x20, 1, 0xd, 0xb8, 15: 1}
		dst := []byte{0x20, 1, 0xd, 0xb8, 15: 2}
		if g.r.Intn(2) == 0 {
			src, dst = dst, src
		}
		info := ipInfo{ver: 6, src: src, dst: dst}
		setTCPChecksum(g, tcp, &info)
		ip = append([]byte{0x60, 0, 0, 0}, binary.BigEndian.AppendUint16(nil, uint16(len(tcp)))...)
		ip = append(ip, 6, 64)
		ip = append(append(append(ip, src...), dst...), tcp...)
		etype = 0x86dd
	} else {
		hosts := [][]byte{{10, 0, 0, 1}, {10, 0, 0, 2}, {192, 168, 1, 1}}
		src, dst := hosts[g.r.Intn(3)], hosts[g.r.Intn(3)]
		info := ipInfo{ver: 4, src: src, dst: dst}
		setTCPChecksum(g, tcp, &info)
		hdr := []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, 6, 0, 0}
		binary.BigEndian.PutUint16(hdr[2:], uint16(20+len(tcp)))
		if g.r.Intn(20) == 0 {
			hdr[6] = 0x20 // more fragments: no checksum check
		}
		hdr = append(append(hdr, src...), dst...)
		binary.BigEndian.PutUint16(hdr[10:], inCksum(hdr))
		ip = append(hdr, tcp...)
		etype = 0x0800
	}
	frame = append(bytes.Repeat([]byte{0, 1, 2, 3, 4, 5}, 2), byte(etype>>8), byte(etype))
	frame = append(frame, ip...)
	wire = len(frame)
	if g.r.Intn(7) == 0 {
		frame = frame[:14+g.r.Intn(len(frame)-14)]
	}
	return frame, wire
}

func setTCPChecksum(g tcpSegmentGen, tcp []byte, ip *ipInfo) {
	sum := pseudoCksum(ip, 6, tcp, len(tcp))
	if g.r.Intn(10) < 3 {
		sum = uint16(g.r.Intn(65536))
	}
	binary.BigEndian.PutUint16(tcp[16:], sum)
}

// TestTCPAgainstTcpdump prints random TCP segments with tcpdump and
// with this package under several flag sets and compares the text.
func TestTCPAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	g := tcpSegmentGen{r: rand.New(rand.NewSource(1))}
	var pkts []*capture.Packet
	var file bytes.Buffer
	w, err := capture.NewPcapWriter(&file, capture.DLTEN10MB, 65535, capture.Micro)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 1500; i++ {
		frame, wire := g.frame()
		p := &capture.Packet{Sec: int64(1000 + i), Caplen: uint32(len(frame)), Len: uint32(wire), Data: frame}
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
		pkts = append(pkts, p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tcp.pcap")
	if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	flagSets := []struct {
		args []string
		opts Options
	}{
		{nil, Options{}},
		{[]string{"-v"}, Options{Verbose: 1}},
		{[]string{"-vv"}, Options{Verbose: 2}},
		{[]string{"-S"}, Options{AbsSeq: true}},
		{[]string{"-q"}, Options{Quick: true}},
		{[]string{"-K", "-v"}, Options{NoChecksum: true, Verbose: 1}},
		{[]string{"-vvv", "-X"}, Options{Verbose: 3, HexASCII: 1}},
		{[]string{"-A"}, Options{ASCII: 1}},
		{[]string{"-M", "secret", "-v"}, Options{SigSecret: "secret", Verbose: 1}},
	}
	for _, fs := range flagSets {
		args := append([]string{"-n", "-t", "-r", path}, fs.args...)
		cmd := exec.Command(tcpdump, args...)
		cmd.Env = append(os.Environ(), "TZ=GMT0")
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", args, err)
		}
		opts := fs.opts
		opts.NoResolve = 1
		opts.Time = format.Timestamper{Style: 1}
		nd := New(opts, capture.DLTEN10MB)
		var got []byte
		for _, p := range pkts {
			nd.PrintPacket(p)
			got = append(got, nd.Output()...)
			nd.Reset()
		}
		if !bytes.Equal(got, want) {
			wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
			for i := 0; i < len(wl) && i < len(gl); i++ {
				if wl[i] != gl[i] {
					t.Errorf("tcpdump %v: first difference at line %d:\nwant %q\ngot  %q", fs.args, i+1, wl[i], gl[i])
					break
				}
			}
			if len(wl) != len(gl) {
				t.Errorf("tcpdump %v: %d lines, we printed %d", fs.args, len(wl), len(gl))
			}
		}
	}
}
