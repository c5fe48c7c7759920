package dissect

import (
	"encoding/hex"
	"testing"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// tcpTestPackets are raw IPv4 packets of one conversation and a few
// malformed segments; tcpGolden holds what tcpdump 4.99.3 prints for
// them (-n -t) under each flag set, recorded from the installed tcpdump.
var tcpTestPackets = []struct{ name, hex string }{
	{"syn with options", "4500003c0007400040064e79c0000201c63364079c4001bb000003e800000000a002ffffb9df0000020405b40402080a000000010000000001030307"},
	{"synack", "450000300007400040064e85c0000201c633640701bb9c4000001388000003e97012ffffe1660000020405b401010402"},
	{"ack relative", "450000280007400040064e8dc0000201c63364079c4001bb000003e9000013895010ffff0e2b0000"},
	{"data relative", "4500002d0007400040064e88c0000201c63364079c4001bb000003e9000013895018ffffca4b000068656c6c6f"},
	{"sack relative", "450000340007400040064e81c0000201c633640701bb9c4000001389000003ee8010ffffd02000000101050a000003f2000003fc"},
	{"rst with text", "450000400007400040064e75c0000201c633640701bb9c4000001389000003ee5014ffff983c0000636f6e6e656374696f6e2072657365742062792070656572"},
	{"fin ece cwr urg", "450000280007400040064e8dc0000201c63364079c4001bb000003ee0000138950f1ffff0d450000"},
	{"bad checksum", "450000280007400040064e8dc0000201c63364079c4001bb000003ee000013895010ffff1c120000"},
	{"hdr too short", "450000280007400040064e8dc0000201c63364079c4001bb00000001000000023010ffff459a0000"},
	{"hdr too long", "450000280007400040064e8dc0000201c63364079c4001bb0000000100000002f010ffff85990000"},
	{"md5 tfo uto ao", "4500004c0007400040064e69c0000201c6336407000100020000000300000004e002fffff8bf00001312000102030405060708090a0b0c0d0e0f2206010203041c04803d1d060708090a0000"},
	{"mptcp capable", "450000340007400040064e81c0000201c63364070003000400000005000000068002ffff68eb00001e0c00810001020304050607"},
	{"bad option", "4500002c0007400040064e89c0000201c63364070005000600000007000000086002ffffb186000001020100"},
}

var tcpGolden = []struct {
	flags string
	opts  Options
	want  string
}{
	{"", Options{}, "IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [S], seq 1000, win 65535, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: Flags [S.], seq 5000, ack 1001, win 65535, options [mss 1460,nop,nop,sackOK], length 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [.], ack 5001, win 65535, length 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [P.], seq 0:5, ack 1, win 65535, length 5\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: Flags [.], ack 6, win 65535, options [nop,nop,sack 1 {10:20}], length 0\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: Flags [R.], seq 1:25, ack 6, win 65535, length 24\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [F.UEW], seq 5, ack 1, win 65535, urg 0, length 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [.], ack 1, win 65535, length 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443:  tcp 8 [bad hdr length 12 - too short, < 20]\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [.] [bad hdr length 60 - too long, > 20]\n" +
		"IP 192.0.2.1.1 > 198.51.100.7.2: Flags [S], seq 3, win 65535, options [md5 shared secret not supplied with -M, can't check - 000102030405060708090a0b0c0d0e0f,tfo  cookie 01020304,uto 0x803d 984840,tcp-ao keyid 7 rnextkeyid 8 mac 0x090a,eol], length 0\n" +
		"IP 192.0.2.1.3 > 198.51.100.7.4: Flags [S], seq 5, win 65535, options [mptcp 12 capable v0 csum {0x1020304050607}], length 0\n" +
		"IP 192.0.2.1.5 > 198.51.100.7.6: Flags [S], seq 7, win 65535, options [nop,[bad opt]]\n" +
		""},
	{"-v", Options{Verbose: 1}, "IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 60)\n" +
		"    192.0.2.1.40000 > 198.51.100.7.443: Flags [S], cksum 0xb9df (correct), seq 1000, win 65535, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 48)\n" +
		"    192.0.2.1.443 > 198.51.100.7.40000: Flags [S.], cksum 0xe166 (correct), seq 5000, ack 1001, win 65535, options [mss 1460,nop,nop,sackOK], length 0\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 40)\n" +
		"    192.0.2.1.40000 > 198.51.100.7.443: Flags [.], cksum 0x0e2b (correct), ack 5001, win 65535, length 0\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 45)\n" +
		"    192.0.2.1.40000 > 198.51.100.7.443: Flags [P.], cksum 0xca4b (correct), seq 0:5, ack 1, win 65535, length 5\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 52)\n" +
		"    192.0.2.1.443 > 198.51.100.7.40000: Flags [.], cksum 0xd020 (correct), ack 6, win 65535, options [nop,nop,sack 1 {10:20}], length 0\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 64)\n" +
		"    192.0.2.1.443 > 198.51.100.7.40000: Flags [R.], cksum 0x983c (correct), seq 1:25, ack 6, win 65535, length 24 [RST connection reset by peer]\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 40)\n" +
		"    192.0.2.1.40000 > 198.51.100.7.443: Flags [F.UEW], cksum 0x0d45 (correct), seq 5, ack 1, win 65535, urg 0, length 0\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 40)\n" +
		"    192.0.2.1.40000 > 198.51.100.7.443: Flags [.], cksum 0x1c12 (incorrect -> 0x0e26), ack 1, win 65535, length 0\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 40)\n" +
		"    192.0.2.1.40000 > 198.51.100.7.443:  tcp 8 [bad hdr length 12 - too short, < 20]\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 40)\n" +
		"    192.0.2.1.40000 > 198.51.100.7.443: Flags [.] [bad hdr length 60 - too long, > 20]\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 76)\n" +
		"    192.0.2.1.1 > 198.51.100.7.2: Flags [S], cksum 0xf8bf (correct), seq 3, win 65535, options [md5 shared secret not supplied with -M, can't check - 000102030405060708090a0b0c0d0e0f,tfo  cookie 01020304,uto 0x803d 984840,tcp-ao keyid 7 rnextkeyid 8 mac 0x090a,eol], length 0\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 52)\n" +
		"    192.0.2.1.3 > 198.51.100.7.4: Flags [S], cksum 0x68eb (correct), seq 5, win 65535, options [mptcp 12 capable v0 csum {0x1020304050607}], length 0\n" +
		"IP (tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 44)\n" +
		"    192.0.2.1.5 > 198.51.100.7.6: Flags [S], cksum 0xb186 (correct), seq 7, win 65535, options [nop,[bad opt]]\n" +
		""},
	{"-S", Options{AbsSeq: true}, "IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [S], seq 1000, win 65535, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: Flags [S.], seq 5000, ack 1001, win 65535, options [mss 1460,nop,nop,sackOK], length 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [.], ack 5001, win 65535, length 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [P.], seq 1001:1006, ack 5001, win 65535, length 5\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: Flags [.], ack 1006, win 65535, options [nop,nop,sack 1 {1010:1020}], length 0\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: Flags [R.], seq 5001:5025, ack 1006, win 65535, length 24\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [F.UEW], seq 1006, ack 5001, win 65535, urg 0, length 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [.], ack 5001, win 65535, length 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443:  tcp 8 [bad hdr length 12 - too short, < 20]\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: Flags [.] [bad hdr length 60 - too long, > 20]\n" +
		"IP 192.0.2.1.1 > 198.51.100.7.2: Flags [S], seq 3, win 65535, options [md5 shared secret not supplied with -M, can't check - 000102030405060708090a0b0c0d0e0f,tfo  cookie 01020304,uto 0x803d 984840,tcp-ao keyid 7 rnextkeyid 8 mac 0x090a,eol], length 0\n" +
		"IP 192.0.2.1.3 > 198.51.100.7.4: Flags [S], seq 5, win 65535, options [mptcp 12 capable v0 csum {0x1020304050607}], length 0\n" +
		"IP 192.0.2.1.5 > 198.51.100.7.6: Flags [S], seq 7, win 65535, options [nop,[bad opt]]\n" +
		""},
	{"-q", Options{Quick: true}, "IP 192.0.2.1.40000 > 198.51.100.7.443: tcp 0\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: tcp 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: tcp 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: tcp 5\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: tcp 0\n" +
		"IP 192.0.2.1.443 > 198.51.100.7.40000: tcp 24\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: tcp 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: tcp 0\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443:  tcp 8 [bad hdr length 12 - too short, < 20]\n" +
		"IP 192.0.2.1.40000 > 198.51.100.7.443: tcp 4294967256 [bad hdr length 60 - too long, > 20]\n" +
		"IP 192.0.2.1.1 > 198.51.100.7.2: tcp 0\n" +
		"IP 192.0.2.1.3 > 198.51.100.7.4: tcp 0\n" +
		"IP 192.0.2.1.5 > 198.51.100.7.6: tcp 0\n" +
		""},
}

// TestTCPGolden prints the test packets under each flag set and compares
// with tcpdump's output, one conversation per run (the relative sequence
// numbers depend on the packets before).
func TestTCPGolden(t *testing.T) {
	for _, g := range tcpGolden {
		opts := g.opts
		opts.NoResolve = 1
		opts.Time = format.Timestamper{Style: 1}
		nd := New(opts, capture.DLTIPv4)
		var got []byte
		for i, p := range tcpTestPackets {
			data, err := hex.DecodeString(p.hex)
			if err != nil {
				t.Fatalf("%s: %v", p.name, err)
			}
			nd.PrintPacket(&capture.Packet{Sec: int64(1000 + i), Caplen: uint32(len(data)), Len: uint32(len(data)), Data: data})
			got = append(got, nd.Output()...)
			nd.Reset()
		}
		if string(got) != g.want {
			t.Errorf("flags %q:\ngot:\n%s\nwant:\n%s", g.flags, got, g.want)
		}
	}
}
