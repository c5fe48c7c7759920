package dissect

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// ip6Packets are Ethernet frames carrying IPv6, with what tcpdump 4.99.3
// prints for them with -n -t and with -n -t -v.
var ip6Packets = []struct {
	name, frame string
	plain, v    string
}{
	{
		name:  "udp",
		frame: "00112233445566778899aabb86dd600000000010114020010db800000000000000000000000120010db8000000000000000000000002138817700010e7cb6162636465666768",
		plain: "IP6 2001:db8::1.5000 > 2001:db8::2.6000: UDP, length 8",
		v:     "IP6 (hlim 64, next-header UDP (17) payload length: 16) 2001:db8::1.5000 > 2001:db8::2.6000: [udp sum ok] UDP, length 8",
	},
	{
		name:  "echo request",
		frame: "00112233445566778899aabb86dd600abcde00103a4020010db800000000000000000000000120010db800000000000000000000000280005368000100023132333435363738",
		plain: "IP6 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 1, seq 2, length 16",
		v:     "IP6 (flowlabel 0xabcde, hlim 64, next-header ICMPv6 (58) payload length: 16) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, echo request, id 1, seq 2",
	},
	{
		// The checksum covers the routing header's final destination.
		name:  "fragment and routing header",
		frame: "00112233445566778899aabb86dd6000000000302c40fe8000000000000000000000000000012001000000000000000000000000000a2b000000123456783a0200010000000020010db80000000000000000000000aa800081f8000100023132333435363738",
		plain: "IP6 fe80::1 > 2001::a: frag (0|40) RT6 (len=2, type=0 [Deprecated], segleft=1, [0]2001:db8::aa) ICMP6, echo request, id 1, seq 2, length 16",
		v:     "IP6 (hlim 64, next-header Fragment (44) payload length: 48) fe80::1 > 2001::a: frag (0x12345678:0|40) RT6 (len=2, type=0 [Deprecated], segleft=1, rsv=0x0, [0]2001:db8::aa) ICMP6, echo request, id 1, seq 2",
	},
	{
		name:  "neighbor advertisement",
		frame: "00112233445566778899aabb86dd6000000000203afffe800000000000000000000000000002fe8000000000000000000000000000018800b2d860000000fe80000000000000000000000000000202010011223344ff",
		plain: "IP6 fe80::2 > fe80::1: ICMP6, neighbor advertisement, tgt is fe80::2, length 32",
		v: "IP6 (hlim 255, next-header ICMPv6 (58) payload length: 32) fe80::2 > fe80::1: [icmp6 sum ok] ICMP6, neighbor advertisement, length 32, tgt is fe80::2, Flags [solicited, override]\n" +
			"\t  destination link-address option (2), length 8 (1): 00:11:22:33:44:ff",
	},
	{
		name:  "dhcp6 solicit",
		frame: "00112233445566778899aabb86dd6000000000301101fe800000000000000000000000000002ff020000000000000000000000010002022202230030a43b01abcdef0008000200000001000a000300010011223344550003000c0000000100000e1000001518",
		plain: "IP6 fe80::2.546 > ff02::1:2.547: dhcp6 solicit",
		v:     "IP6 (hlim 1, next-header UDP (17) payload length: 48) fe80::2.546 > ff02::1:2.547: [udp sum ok] dhcp6 solicit (xid=abcdef (elapsed-time 0) (client-ID hwaddr type 1 001122334455) (IA_NA IAID:1 T1:3600 T2:5400))",
	},
}

func printFrame(t *testing.T, opts Options, frame []byte) string {
	t.Helper()
	opts.NoResolve = 1
	opts.Time = format.Timestamper{Style: 1}
	nd := New(opts, capture.DLTEN10MB)
	nd.PrintPacket(&capture.Packet{Caplen: uint32(len(frame)), Len: uint32(len(frame)), Data: frame})
	return strings.TrimSuffix(string(nd.Output()), "\n")
}

func TestIP6Print(t *testing.T) {
	for _, tc := range ip6Packets {
		frame, err := hex.DecodeString(tc.frame)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := printFrame(t, Options{}, frame); got != tc.plain {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.plain)
		}
		if got := printFrame(t, Options{Verbose: 1}, frame); got != tc.v {
			t.Errorf("%s -v:\n got %q\nwant %q", tc.name, got, tc.v)
		}
	}
}

// TestIP6PrintAllocs checks that the IPv6 header walk and the ICMPv6
// printer do not allocate once the output buffer has grown.
func TestIP6PrintAllocs(t *testing.T) {
	for _, c := range []struct{ pkt, verbose int }{{0, 0}, {1, 0}, {1, 1}, {2, 0}, {2, 1}} {
		tc := ip6Packets[c.pkt]
		frame, _ := hex.DecodeString(tc.frame)
		p := &capture.Packet{Caplen: uint32(len(frame)), Len: uint32(len(frame)), Data: frame}
		opts := Options{NoResolve: 1, Verbose: c.verbose, Time: format.Timestamper{Loc: time.UTC}}
		nd := New(opts, capture.DLTEN10MB)
		nd.PrintPacket(p)
		nd.Reset()
		if n := testing.AllocsPerRun(100, func() { nd.PrintPacket(p); nd.Reset() }); n != 0 {
			t.Errorf("%s -v=%d: %v allocations per packet", tc.name, c.verbose, n)
		}
	}
}
