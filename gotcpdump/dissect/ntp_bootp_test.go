package dissect

import "testing"

// Messages and what tcpdump 4.99.3 prints for them after the UDP ports.
const (
	ntpServerMsg    = "240203e9000000120000005a0a051b0adcf25be5b86f0000ae9d0aa81b8a0000dcf25be67e920000dcf25be67ea00000"
	ntpPrimaryMsg   = "1c010aec0000000000000000475053000000000000000000000000000000000000000000000000000000000000000000000000080000000000000000000000000000000000000000"
	ntpControlMsg   = "16820044061800000000000461626364"
	bootpRequestMsg = "010106003a5b0c3a0005800000000000000000000000000000000000000c291f740600000000000000000000736572766572000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000638253633501013d0701000c291f740637050103060f770c04686f7374520c010465746830020401020304790818c0a8010a0000014d060568656c6c6f5107050000612e622eff"
)

func TestNTPAndBOOTPPrint(t *testing.T) {
	tests := []struct {
		msg     string
		verbose int
		fn      portPrinter
		want    string
	}{
		{ntpServerMsg, 1, ntpPrint, "NTPv4, Server, length 48\n\tLeap indicator:  (0), Stratum 2 (secondary reference), poll 3 (8s), precision -23\n\tRoot Delay: 0.000274, Root dispersion: 0.001373, Reference-ID: 0x0a051b0a\n\t  Reference Timestamp:  3706870757.720443725 (2017-06-19T14:19:17Z)\n\t  Originator Timestamp: 2929527464.107574462 (1992-10-31T13:37:44Z)\n\t  Receive Timestamp:    3706870758.494415283 (2017-06-19T14:19:18Z)\n\t  Transmit Timestamp:   3706870758.494628906 (2017-06-19T14:19:18Z)\n\t    Originator - Receive Timestamp:  +777343294.386840820\n\t    Originator - Transmit Timestamp: +777343294.387054443"},
		{ntpServerMsg, 3, ntpPrint, "NTPv4, Server, length 48\n\tLeap indicator:  (0), Stratum 2 (secondary reference), poll 3 (8s), precision -23\n\tRoot Delay: 0.000274, Root dispersion: 0.001373, Reference-ID: 0x0a051b0a\n\t  Reference Timestamp:  3706870757.720443725 (2017-06-19T14:19:17Z)\n\t  Originator Timestamp: 2929527464.107574462 (1992-10-31T13:37:44Z)\n\t  Receive Timestamp:    3706870758.494415283 (2017-06-19T14:19:18Z)\n\t  Transmit Timestamp:   3706870758.494628906 (2017-06-19T14:19:18Z)\n\t    Originator - Receive Timestamp:  +777343294.386840820\n\t    Originator - Transmit Timestamp: +777343294.387054443"},
		{ntpPrimaryMsg, 1, ntpPrint, "NTPv3, Server, length 72\n\tLeap indicator:  (0), Stratum 1 (primary reference), poll 10 (1024s), precision -20\n\tRoot Delay: 0.000000, Root dispersion: 0.000000, Reference-ID: GPS^@\n\t  Reference Timestamp:  0.000000000\n\t  Originator Timestamp: 0.000000000\n\t  Receive Timestamp:    0.000000000\n\t  Transmit Timestamp:   0.000000000\n\t    Originator - Receive Timestamp:  0.000000000\n\t    Originator - Transmit Timestamp: 0.000000000\n\tKey id: 8\n\tAuthentication: 0000000000000000000000000000000000000000"},
		{ntpPrimaryMsg, 3, ntpPrint, "NTPv3, Server, length 72\n\tLeap indicator:  (0), Stratum 1 (primary reference), poll 10 (1024s), precision -20\n\tRoot Delay: 0.000000, Root dispersion: 0.000000, Reference-ID: GPS^@\n\t  Reference Timestamp:  0.000000000\n\t  Originator Timestamp: 0.000000000\n\t  Receive Timestamp:    0.000000000\n\t  Transmit Timestamp:   0.000000000\n\t    Originator - Receive Timestamp:  0.000000000\n\t    Originator - Transmit Timestamp: 0.000000000\n\tKey id: 8\n\tAuthentication: 0000000000000000000000000000000000000000"},
		{ntpControlMsg, 1, ntpPrint, "NTPv2, Control Message, length 16\n\tLeap indicator:  (0), Response, OK, Last, OpCode=2\n\tSequence=68, Status=0x618, Assoc.=0, Offset=0, Count=4\n\tTO-BE-DONE: data not interpreted"},
		{ntpControlMsg, 3, ntpPrint, "NTPv2, Control Message, length 16\n\tLeap indicator:  (0), Response, OK, Last, OpCode=2\n\tSequence=68, Status=0x618, Assoc.=0, Offset=0, Count=4\n\tTO-BE-DONE: data not interpreted"},
		{bootpRequestMsg, 1, bootpPrint, "BOOTP/DHCP, Request from 00:0c:29:1f:74:06, length 307, xid 0x3a5b0c3a, secs 5, Flags [Broadcast]\n\t  Client-Ethernet-Address 00:0c:29:1f:74:06\n\t  sname \"server\"\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x63825363\n\t    DHCP-Message (53), length 1: Discover\n\t    Client-ID (61), length 7: ether 00:0c:29:1f:74:06\n\t    Parameter-Request (55), length 5: \n\t      Subnet-Mask (1), Default-Gateway (3), Domain-Name-Server (6), Domain-Name (15)\n\t      Unknown (119)\n\t    Hostname (12), length 4: \"host\"\n\t    Agent-Information (82), length 12: \n\t      Circuit-ID SubOption 1, length 4: eth0\n\t      Remote-ID SubOption 2, length 4: ^A^B^C^D\n\t    Classless-Static-Route (121), length 8: (192.168.1.0/24:10.0.0.1)\n\t    User-Class (77), length 6: \n\t      instance#1: \"hello\", length 5\n\t    FQDN (81), length 7: [SE] \"a.b.\""},
		{bootpRequestMsg, 3, bootpPrint, "BOOTP/DHCP, Request from 00:0c:29:1f:74:06, length 307, xid 0x3a5b0c3a, secs 5, Flags [Broadcast] (0x8000)\n\t  Client-Ethernet-Address 00:0c:29:1f:74:06\n\t  sname \"server\"\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x63825363\n\t    DHCP-Message (53), length 1: Discover\n\t    Client-ID (61), length 7: ether 00:0c:29:1f:74:06\n\t    Parameter-Request (55), length 5: \n\t      Subnet-Mask (1), Default-Gateway (3), Domain-Name-Server (6), Domain-Name (15)\n\t      Unknown (119)\n\t    Hostname (12), length 4: \"host\"\n\t    Agent-Information (82), length 12: \n\t      Circuit-ID SubOption 1, length 4: eth0\n\t      Remote-ID SubOption 2, length 4: ^A^B^C^D\n\t    Classless-Static-Route (121), length 8: (192.168.1.0/24:10.0.0.1)\n\t    User-Class (77), length 6: \n\t      instance#1: \"hello\", length 5\n\t    FQDN (81), length 7: [SE] \"a.b.\"\n\t    END (255), length 0"},
	}
	for _, tc := range tests {
		got := printApp(t, Options{NoResolve: 1, Verbose: tc.verbose}, tc.fn, mustHex(t, tc.msg), 40000, 123)
		if got != tc.want {
			t.Errorf("-v×%d %.16s…:\n got %q\nwant %q", tc.verbose, tc.msg, got, tc.want)
		}
	}
}
