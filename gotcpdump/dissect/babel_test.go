package dissect

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// babelTLV returns one random Babel TLV.
func (g ip6Gen) babelTLV() []byte {
	typ := byte(g.r.Intn(21))
	if typ == babelPad1 {
		return []byte{0}
	}
	prefix := func(ae byte) []byte {
		switch ae {
		case 1:
			return g.bytes(g.pick(0, 2, 4))
		case 2:
			return g.bytes(g.pick(0, 8, 16))
		case 3:
			return g.bytes(8)
		}
		return nil
	}
	var body []byte
	ae := byte(g.pick(0, 1, 2, 2, 3, 4))
	switch typ {
	case babelIHU, babelNH:
		body = append([]byte{ae, 0}, g.bytes(4)...)
		body = append(body, prefix(ae)...)
	case babelUpdate:
		plen := byte(g.pick(0, 16, 64, 128, 200))
		if ae == 1 {
			plen = byte(g.pick(0, 8, 24, 32))
		}
		body = []byte{ae, byte(g.pick(0, 0x80, 0x40, 0xc0, 0x01)), plen, byte(g.pick(0, 0, 2, 8))}
		body = append(body, g.bytes(6)...)
		body = append(body, g.bytes(int(plen+7)/8)...)
	case babelRouteRequest:
		body = []byte{ae, byte(g.pick(0, 32, 64, 128))}
		body = append(body, g.bytes(g.pick(0, 4, 8, 16))...)
	case babelSeqnoRequest, babelMHRequestSrcSpec:
		body = append([]byte{ae, byte(g.pick(0, 32, 64))}, g.bytes(10)...)
		body = append(body, prefix(ae)...)
	case babelUpdateSrcSpecific, babelRequestSrcSpec:
		body = append([]byte{ae, byte(g.pick(0, 32, 64)), byte(g.pick(0, 32, 64)), 0}, g.bytes(6)...)
		body = append(body, prefix(ae)...)
		body = append(body, prefix(ae)...)
	case babelHMAC:
		body = g.bytes(g.pick(4, 18, 22))
	default:
		body = g.bytes(g.pick(0, 2, 4, 6, 8, 10))
	}
	// Sub-TLVs: pad, diversity, timestamps, unknown, mandatory.
	for i := g.pick(0, 0, 1, 2); i > 0; i-- {
		switch g.r.Intn(5) {
		case 0:
			body = append(body, 0)
		case 1:
			body = append(body, 2, 3, 0, 5, 255)
		case 2:
			n := g.pick(4, 8, 2)
			body = append(append(body, 3, byte(n)), g.bytes(n)...)
		case 3:
			body = append(body, 0x85, 1, 7)
		default:
			body = append(body, 1, 2, 0, 0)
		}
	}
	if g.chance(15) && len(body) > 0 {
		body = body[:g.r.Intn(len(body))]
	}
	return append([]byte{typ, byte(len(body))}, body...)
}

func (g ip6Gen) babelMessage() []byte {
	var body []byte
	for i := g.r.Intn(6); i > 0; i-- {
		body = append(body, g.babelTLV()...)
	}
	m := append([]byte{42, byte(g.pick(2, 2, 2, 1))}, g.be16(len(body))...)
	if g.chance(10) {
		m[0] = 41
	}
	if g.chance(10) {
		binary.BigEndian.PutUint16(m[2:], uint16(len(body)+g.pick(-3, 5)))
	}
	m = append(m, body...)
	if g.chance(4) {
		m = append(m, g.babelTLV()...) // a trailer
	}
	return m
}

func (g ip6Gen) ahcpMessage() []byte {
	var opts []byte
	for i := g.r.Intn(5); i > 0; i-- {
		opt := byte(g.r.Intn(15))
		opts = append(opts, opt)
		if opt <= 1 {
			continue
		}
		var v []byte
		switch opt {
		case 2, 3:
			v = g.bytes(g.pick(4, 4, 3))
		case 4, 8, 12, 13:
			v = g.bytes(g.pick(16, 32, 10))
		case 5, 9:
			v = g.bytes(g.pick(4, 8, 3))
		case 6, 10:
			v = g.bytes(g.pick(17, 34, 5))
		case 11:
			v = g.bytes(g.pick(5, 10, 3))
		default:
			v = g.bytes(g.r.Intn(6))
		}
		opts = append(append(opts, byte(len(v))), v...)
	}
	m := append([]byte{43, byte(g.pick(1, 1, 1, 2)), 1, 1}, g.bytes(20)...)
	m = append(m, byte(g.r.Intn(7)), byte(g.pick(0, 0, 3)))
	m = append(append(m, g.be16(len(opts)+g.pick(0, 0, 0, 4))...), opts...)
	if g.chance(10) {
		m = m[:g.r.Intn(len(m))]
	}
	return m
}

// TestBabelAHCPAgainstTcpdump prints random Babel and AHCP messages over
// IPv6/UDP with tcpdump and with this package at each -v level.
func TestBabelAHCPAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed; CI installs it")
	}
	g := ip6Gen{r: rand.New(rand.NewSource(4))}
	var pkts []*capture.Packet
	var file bytes.Buffer
	w, err := capture.NewPcapWriter(&file, capture.DLTEN10MB, 65535, capture.Micro)
	if err != nil {
		t.Fatal(err)
	}
	src, dst := ip6GenAddrs[2], ip6GenAddrs[3]
	for i := 0; i < 800; i++ {
		port, msg := 6696, g.babelMessage()
		if i%3 == 0 {
			port, msg = 5359, g.ahcpMessage()
		}
		udp := append(append(g.be16(port), g.be16(port)...), g.be16(8+len(msg))...)
		udp = append(append(udp, 0, 0), msg...)
		ip := append(append(g.be32(6<<28), g.be16(len(udp))...), 17, 1)
		ip = append(append(append(ip, src...), dst...), udp...)
		frame := append(append(bytes.Repeat([]byte{0, 1, 2, 3, 4, 5}, 2), 0x86, 0xdd), ip...)
		p := &capture.Packet{Sec: int64(1000 + i), Caplen: uint32(len(frame)), Len: uint32(len(frame)), Data: frame}
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
		pkts = append(pkts, p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "babel.pcap")
	if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for v := 0; v <= 2; v++ {
		args := []string{"-#", "-n", "-t", "-K", "-r", path}
		if v > 0 {
			args = append(args, "-"+string(bytes.Repeat([]byte{'v'}, v)))
		}
		cmd := exec.Command(tcpdump, args...)
		cmd.Env = append(os.Environ(), "TZ=GMT0")
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", args, err)
		}
		nd := New(Options{NoResolve: 1, Number: true, NoChecksum: true, Verbose: v, Time: format.Timestamper{Style: 1}}, capture.DLTEN10MB)
		var got []string
		for _, p := range pkts {
			nd.PrintPacket(p)
			got = append(got, string(nd.Output()))
			nd.Reset()
		}
		wantPkts := splitNumbered(string(want))
		if len(wantPkts) != len(got) {
			t.Fatalf("tcpdump %v: %d packets, we printed %d", args, len(wantPkts), len(got))
		}
		shown := 0
		for i := range got {
			if got[i] != wantPkts[i] && shown < 5 {
				t.Errorf("tcpdump -v=%d: packet %d (% x):\nwant %q\ngot  %q", v, i+1, pkts[i].Data, wantPkts[i], got[i])
				shown++
			}
		}
	}
}
