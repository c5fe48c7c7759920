package dissect

import (
	"encoding/binary"
	"math"
	"math/rand"
	"testing"

	"github.com/goclues/goclues/common/capture"
)

// rsvpTestObj builds an RSVP object of class and c-type around body.
func rsvpTestObj(class, ctype uint8, body ...[]byte) []byte {
	var b []byte
	for _, p := range body {
		b = append(b, p...)
	}
	return append([]byte{byte((len(b) + 4) >> 8), byte(len(b) + 4), class, ctype}, b...)
}

func rsvpTestMsg(msgType uint8, objs ...[]byte) []byte {
	var body []byte
	for _, o := range objs {
		body = append(body, o...)
	}
	n := 8 + len(body)
	return append([]byte{0x11, msgType, 0xbe, 0xef, 64, 0, byte(n >> 8), byte(n)}, body...)
}

// rsvpTestObjects holds one object of every decoded class and c-type,
// plus undecoded ones.
func rsvpTestObjects() [][]byte {
	be16 := func(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
	be32 := func(v ...uint32) []byte {
		var b []byte
		for _, x := range v {
			b = binary.BigEndian.AppendUint32(b, x)
		}
		return b
	}
	f32 := func(v float32) []byte { return be32(math.Float32bits(v)) }
	v4 := []byte{10, 0, 0, 1}
	v6 := []byte{0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}
	bs := func(v ...byte) []byte { return v }
	return [][]byte{
		rsvpTestObj(1, 1, v4, bs(17, 1), be16(5000)),
		rsvpTestObj(1, 2, v6, bs(6, 0), be16(80)),
		rsvpTestObj(1, 7, v4, be32(7), v4),
		rsvpTestObj(1, 8, v6, be32(7), v6),
		rsvpTestObj(1, 13, v4, be32(9), v4),
		rsvpTestObj(1, 14, be32(99, 5), v6, be16(0)),
		rsvpTestObj(3, 1, v4, be32(3), be32(0x01020304)),
		rsvpTestObj(3, 2, v6, be32(0x1234)),
		rsvpTestObj(4, 1, bs(0x80, 0, 1, 2, 3, 4, 5, 6), be32(1, 2, 3, 4, 5, 6)),
		rsvpTestObj(5, 1, be32(30000)),
		rsvpTestObj(6, 1, v4, bs(1, 24), be16(3)),
		rsvpTestObj(6, 1, v4, bs(1, 28), be16(3)),
		rsvpTestObj(6, 1, v4, bs(1, 99), be16(3)),
		rsvpTestObj(6, 2, v6, bs(1, 24), be16(5)),
		rsvpTestObj(6, 2, v6, bs(1, 28), be16(5)),
		rsvpTestObj(8, 1, be32(10)),
		rsvpTestObj(9, 2, be32(7), bs(5, 0, 0, 6), bs(127, 0, 0, 5), f32(125000), f32(1000.5), f32(1e12), be32(20, 1500)),
		rsvpTestObj(12, 2, be32(7), bs(1, 0x80, 0, 10), bs(4, 0, 0, 1), be32(3), bs(6, 0, 0, 1), f32(3.5),
			bs(8, 0, 0, 1), be32(0xffffffff), bs(10, 0, 0, 1), be32(1500), bs(130, 0, 0, 2), f32(99), be32(4)),
		rsvpTestObj(13, 2, be32(3), bs(2, 0, 0, 2), bs(133, 0, 0, 1), be32(77), bs(200, 0, 0, 1), be32(0x61626364)),
		rsvpTestObj(10, 1, v4, be32(99)),
		rsvpTestObj(10, 3, v6, be32(0x010203)),
		rsvpTestObj(10, 7, v4, be32(99)),
		rsvpTestObj(10, 8, v6, be32(98)),
		rsvpTestObj(10, 12, v4, be32(1), v4, be32(2)),
		rsvpTestObj(11, 1, v4, be32(1)),
		rsvpTestObj(11, 13, v6, be32(1), v6, be32(2)),
		rsvpTestObj(15, 1, v4), rsvpTestObj(15, 2, v6), rsvpTestObj(195, 1, v4),
		rsvpTestObj(16, 1, be32(1, 2)), rsvpTestObj(16, 2, be32(3)), rsvpTestObj(129, 3, be32(4, 5, 6)),
		rsvpTestObj(19, 1, be32(0x800)), rsvpTestObj(19, 2, be16(0), be16(0x86dd), be16(0x8001), be16(2), be16(3), be16(4)),
		rsvpTestObj(19, 3, be16(0), be16(0x800), be32(0x100, 0x200)), rsvpTestObj(19, 4, bs(8, 150), be16(37)),
		rsvpTestObj(20, 1, bs(0x81, 8), v4, bs(32, 1), bs(3, 8, 1, 2), be32(55), bs(0x20, 4, 0, 1)),
		rsvpTestObj(20, 1, bs(1, 8), v4, bs(24, 0)),
		rsvpTestObj(21, 1, bs(1, 8), v4, bs(32, 9)),
		rsvpTestObj(22, 2, be32(1, 2)),
		rsvpTestObj(23, 1, bs(1, 0, 0, 5), be32(7, 8)), rsvpTestObj(24, 2, bs(1, 0, 0, 5), be32(7)),
		rsvpTestObj(36, 1, bs(0, 0, 0, 3), be32(7, 8)), rsvpTestObj(36, 1, bs(2, 0, 0, 3), be32(7, 8)),
		rsvpTestObj(50, 1, v4), rsvpTestObj(50, 2, v6),
		rsvpTestObj(63, 7, v4, v4), rsvpTestObj(66, 1, be32(5)), rsvpTestObj(125, 1),
		rsvpTestObj(131, 1, be32(1, 2)), rsvpTestObj(134, 1, be32(0x107)), rsvpTestObj(196, 1, be32(0x80000003)),
		rsvpTestObj(204, 1, be16(2), be16(0), bs(1, 4, 9, 9, 2, 3, 5, 0)),
		rsvpTestObj(205, 1, bs(1, 2, 3, 0), f32(1e9), be32(1, 2, 3)),
		rsvpTestObj(205, 7, bs(1, 2, 3, 0), f32(12.5), be32(1, 2)),
		rsvpTestObj(207, 7, bs(7, 7, 0x1f, 6), []byte("tun\x01xy"), be16(0)),
		rsvpTestObj(229, 1, be16(8), bs(1, 1), v4, be16(20), bs(2, 2), v6, be16(16), bs(4, 0), be32(0x800000ff, 3, 4),
			be16(8), bs(5, 0), be32(0x07000000), be16(8), bs(3, 0), be32(0x7a7a7a7a)),
		rsvpTestObj(7, 1, be32(1, 2)), rsvpTestObj(99, 1, be32(3)), rsvpTestObj(5, 9, be32(4)),
	}
}

// TestRSVPAgainstTcpdump prints messages carrying every object, bundles,
// and randomly damaged and cut messages, with and without -v, -vv and -M,
// and compares the output with tcpdump's.
func TestRSVPAgainstTcpdump(t *testing.T) {
	tcpdump := ip6LookTcpdump(t)
	objs := rsvpTestObjects()
	types := []uint8{1, 2, 3, 20, 13, 15, 99}
	var msgs [][]byte
	for i, o := range objs {
		msgs = append(msgs, rsvpTestMsg(types[i%len(types)], o, objs[0]))
	}
	msgs = append(msgs, rsvpTestMsg(12, rsvpTestMsg(1, objs[:3]...), rsvpTestMsg(2, objs[5:8]...)))
	msgs = append(msgs, rsvpTestMsg(1, objs...))
	r := rand.New(rand.NewSource(1))
	for range 300 {
		var pick [][]byte
		for range 3 {
			pick = append(pick, objs[r.Intn(len(objs))])
		}
		m := rsvpTestMsg([]uint8{1, 2, 12, 20}[r.Intn(4)], pick...)
		for range 1 + r.Intn(4) {
			m[r.Intn(len(m))] = byte(r.Intn(256))
		}
		if r.Intn(3) == 0 {
			m = m[:r.Intn(len(m))]
		}
		msgs = append(msgs, m)
	}
	var frames [][]byte
	var wire []int
	for _, m := range msgs {
		n := 20 + len(m)
		ip := []byte{0x45, 0, byte(n >> 8), byte(n), 0, 1, 0, 0, 64, 46, 0, 0, 10, 1, 1, 1, 10, 2, 2, 2}
		binary.BigEndian.PutUint16(ip[10:], inCksum(ip))
		frames = append(frames, append(ip, m...))
		wire = append(wire, n)
	}
	path, pkts := ip6WritePcap(t, capture.DLTRaw, frames, wire)
	ip6DiffTcpdump(t, tcpdump, path, pkts, capture.DLTRaw, nil, Options{})
	ip6DiffTcpdump(t, tcpdump, path, pkts, capture.DLTRaw, []string{"-v"}, Options{Verbose: 1})
	ip6DiffTcpdump(t, tcpdump, path, pkts, capture.DLTRaw, []string{"-vv"}, Options{Verbose: 2})
	ip6DiffTcpdump(t, tcpdump, path, pkts, capture.DLTRaw, []string{"-v", "-M", "secret"}, Options{Verbose: 1, SigSecret: "secret"})
}
