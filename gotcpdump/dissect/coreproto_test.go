package dissect

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// coreProtoOptions turns a case's tcpdump flags ("-v", "-vv -e") into
// Options, with -n and -t as the cases were made with.
func coreProtoOptions(t *testing.T, flags string) Options {
	o := Options{NoResolve: 1, Time: format.Timestamper{Style: 1}}
	for _, f := range strings.Fields(flags) {
		switch {
		case strings.Trim(f, "v") == "-":
			o.Verbose += len(f) - 1
		case f == "-e":
			o.LinkHeader = true
		case f == "-q":
			o.Quick = true
		case f == "-x":
			o.HexDump++
		default:
			t.Fatalf("flag %q not handled", f)
		}
	}
	return o
}

// TestCoreProtoPrinters prints Ethernet frames carrying ICMP, IGMP, ARP,
// GRE, MPLS, VXLAN, OTV, VXLAN-GPE, NSH, LLC/SNAP and STP and compares
// with what tcpdump 4.99.3 printed for them.
func TestCoreProtoPrinters(t *testing.T) {
	for _, c := range coreProtoCases {
		t.Run(c.name, func(t *testing.T) {
			frame, err := hex.DecodeString(c.frame)
			if err != nil {
				t.Fatal(err)
			}
			nd := New(coreProtoOptions(t, c.flags), capture.DLTEN10MB)
			nd.PrintPacket(&capture.Packet{Sec: 1, Caplen: uint32(len(frame)), Len: uint32(len(frame)), Data: frame})
			if got := strings.TrimSuffix(string(nd.Output()), "\n"); got != c.want {
				t.Errorf("%s %s:\n got: %q\nwant: %q", c.name, c.flags, got, c.want)
			}
		})
	}
}

// FuzzCoreProtoPrinters runs the same printers on arbitrary payloads at
// several -v levels, with and without -e: they may stop at the
// truncation marker, never panic otherwise.
func FuzzCoreProtoPrinters(f *testing.F) {
	printers := []etherTypePrinter{
		arpPrint, igmpPrint, grePrint, mplsPrint, vxlanPrint, otvPrint,
		vxlanGPEPrint, nshPrint, stpPrint,
		func(nd *ND, b []byte, length int) { icmpPrint(nd, b, length, &ipInfo{ver: 4}) },
		func(nd *ND, b []byte, length int) { llcPrint(nd, b, length, len(b), b[:0], b[:0]) },
	}
	for _, c := range coreProtoCases {
		if frame, err := hex.DecodeString(c.frame); err == nil && len(frame) > 14 {
			for i := range printers {
				f.Add(uint8(i), frame[14:])
			}
		}
	}
	f.Fuzz(func(t *testing.T, sel uint8, data []byte) {
		fn := printers[int(sel)%len(printers)]
		for _, o := range []Options{{NoResolve: 1}, {NoResolve: 1, Verbose: 1}, {NoResolve: 1, Verbose: 3, LinkHeader: true}} {
			nd := New(o, capture.DLTEN10MB)
			func() {
				defer func() {
					if r := recover(); r != nil && r != errTruncated {
						panic(r)
					}
				}()
				fn(nd, data, len(data)+int(sel)%3)
			}()
		}
	})
}
