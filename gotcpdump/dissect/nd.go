package dissect

import (
	"fmt"
	"strconv"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// Options are the command-line flags that shape printing (tcpdump's
// ndo_*flag fields).
type Options struct {
	Verbose    int    // -v count (ndo_vflag)
	NoResolve  int    // -n count (ndo_nflag)
	LinkHeader bool   // -e (ndo_eflag)
	Quick      bool   // -q (ndo_qflag)
	AbsSeq     bool   // -S (ndo_Sflag)
	NoChecksum bool   // -K (ndo_Kflag)
	NoDomain   bool   // -N (ndo_Nflag)
	HexDump    int    // -x count (ndo_xflag)
	HexASCII   int    // -X count (ndo_Xflag)
	ASCII      int    // -A count (ndo_Aflag)
	Number     bool   // -# (ndo_packet_number)
	Type       string // -T type, "" for none
	SigSecret  string // -M secret for TCP MD5 signatures, "" for none
	ESPSecret  string // -E ESP/IKEv2 secrets (or "file NAME"), "" for none
	ASDot      bool   // -b: AS numbers in asdot notation
	Time       format.Timestamper
}

// ND is the printing state of one output stream (tcpdump's
// netdissect_options): options, the output buffer, the current protocol
// name for truncation markers, and the state kept across packets.
type ND struct {
	Options

	out      []byte
	proto    string
	llHdrLen int
	linkType int
	// etherSrc is the source MAC of the Ethernet frame whose payload is
	// being printed (the lladdr_info GeoNetworking and CALM FAST print).
	etherSrc []byte
	count    uint32

	names names
	tcp   tcpConversations

	esp *espSAs     // -E security associations, parsed at the first ESP packet
	ike *ikeCookies // IKEv1 initiator cookies seen so far

	ipPool [8]ipInfo // see newIPInfo
	ipUsed int

	slip slipState  // compressed TCP lengths for SLIP -e (sl.go)
	nfs  *nfsXIDMap // recent NFS calls, to decode their replies (nfs_xid.go)
}

// New returns an ND for packets of the given link type.
func New(opts Options, linkType int) *ND {
	nd := &ND{Options: opts, linkType: linkType}
	nd.names.init(opts.NoResolve > 0, opts.NoDomain)
	return nd
}

// Output returns the text printed so far; Reset discards it. The caller
// writes the output out between packets.
func (nd *ND) Output() []byte { return nd.out }

// Reset empties the output buffer, keeping its storage.
func (nd *ND) Reset() { nd.out = nd.out[:0] }

// SetProto names the protocol being printed, for the " [|proto]" marker
// (ndo_protocol).
func (nd *ND) SetProto(name string) { nd.proto = name }

// Print appends s.
func (nd *ND) Print(s string) { nd.out = append(nd.out, s...) }

// PrintByte appends one byte.
func (nd *ND) PrintByte(c byte) { nd.out = append(nd.out, c) }

// Printf appends formatted text. It allocates; hot paths use the typed
// helpers below.
func (nd *ND) Printf(format string, args ...any) { nd.out = fmt.Appendf(nd.out, format, args...) }

// PrintUint appends v in decimal (%u).
func (nd *ND) PrintUint(v uint64) { nd.out = strconv.AppendUint(nd.out, v, 10) }

// PrintInt appends v in decimal (%d).
func (nd *ND) PrintInt(v int64) { nd.out = strconv.AppendInt(nd.out, v, 10) }

// PrintUintWidth appends v right-aligned in width columns (%*u).
func (nd *ND) PrintUintWidth(v uint64, width int) {
	var buf [20]byte
	digits := strconv.AppendUint(buf[:0], v, 10)
	for n := len(digits); n < width; n++ {
		nd.out = append(nd.out, ' ')
	}
	nd.out = append(nd.out, digits...)
}

// PrintHex appends v in lowercase hex, zero-padded to width digits
// (%0*x; width 0 for %x).
func (nd *ND) PrintHex(v uint64, width int) {
	var buf [16]byte
	i := len(buf)
	for v != 0 || i == len(buf) {
		i--
		buf[i] = hexDigits[v&0xf]
		v >>= 4
	}
	for n := len(buf) - i; n < width; n++ {
		nd.out = append(nd.out, '0')
	}
	nd.out = append(nd.out, buf[i:]...)
}

const hexDigits = "0123456789abcdef"

// PrintTrunc appends the truncation marker " [|proto]" (nd_print_trunc).
func (nd *ND) PrintTrunc() {
	nd.out = append(nd.out, " [|"...)
	nd.out = append(nd.out, nd.proto...)
	nd.out = append(nd.out, ']')
}

// PrintInvalid appends " (invalid)" (nd_print_invalid).
func (nd *ND) PrintInvalid() { nd.out = append(nd.out, " (invalid)"...) }

// PrintPacket prints one packet as tcpdump's pretty_print_packet does:
// the packet number, the header sanity checks, the time stamp, the
// link-layer printer, the -x/-X/-A dump, and the newline.
func (nd *ND) PrintPacket(p *capture.Packet) {
	nd.count++
	if nd.Number {
		nd.PrintUintWidth(uint64(nd.count), 5)
		nd.out = append(nd.out, ' ', ' ')
	}
	if nd.checkHeader(p) {
		return
	}
	nd.out = nd.Time.Append(nd.out, p.Sec, p.Frac)

	data := p.Data[:p.Caplen]
	nd.ipUsed = 0
	nd.proto = ""
	nd.llHdrLen = 0
	nd.etherSrc = nil
	nd.printLink(p, data)

	hdr := nd.llHdrLen
	switch {
	case nd.HexASCII > 0:
		if nd.HexASCII > 1 {
			nd.out = format.AppendHexASCII(nd.out, "\n\t", data, 0)
		} else if len(data) > hdr {
			nd.out = format.AppendHexASCII(nd.out, "\n\t", data[hdr:], 0)
		}
	case nd.HexDump > 0:
		if nd.HexDump > 1 {
			nd.out = format.AppendHex(nd.out, "\n\t", data, 0)
		} else if len(data) > hdr {
			nd.out = format.AppendHex(nd.out, "\n\t", data[hdr:], 0)
		}
	case nd.ASCII > 0:
		if nd.ASCII > 1 {
			nd.out = format.AppendASCII(nd.out, data)
		} else if len(data) > hdr {
			nd.out = format.AppendASCII(nd.out, data[hdr:])
		}
	}
	nd.out = append(nd.out, '\n')
}

// printLink runs the link-layer printer, turning a truncation stop into
// the " [|proto]" marker.
func (nd *ND) printLink(p *capture.Packet, data []byte) {
	defer func() {
		if r := recover(); r != nil {
			if r != errTruncated {
				panic(r)
			}
			nd.PrintTrunc()
			nd.llHdrLen = 0
		}
	}()
	lp := linkPrinters[nd.linkType]
	if lp == nil {
		lp = unsupportedLinkPrint
	}
	lp(nd, p, data)
}

// checkHeader prints tcpdump's "[Invalid header: …]" line and reports
// true for a record whose lengths make no sense.
func (nd *ND) checkHeader(p *capture.Packet) bool {
	invalid := false
	open := func() {
		if !invalid {
			invalid = true
			nd.Print("[Invalid header:")
		} else {
			nd.Print(",")
		}
	}
	if p.Caplen == 0 {
		invalid = true
		nd.Print("[Invalid header: caplen==0")
	}
	if p.Len == 0 {
		open()
		nd.Print(" len==0")
	} else if p.Len < p.Caplen {
		open()
		nd.Printf(" len(%d) < caplen(%d)", p.Len, p.Caplen)
	}
	if p.Caplen > capture.MaxSnaplen {
		open()
		nd.Printf(" caplen(%d) > %d", p.Caplen, capture.MaxSnaplen)
	}
	if p.Len > capture.MaxSnaplen {
		open()
		nd.Printf(" len(%d) > %d", p.Len, capture.MaxSnaplen)
	}
	if invalid {
		nd.Print("]\n")
	}
	return invalid
}

// unsupportedLinkPrint is the printer for link types tcpdump has no
// printer for: "UNSUPPORTED" and no link header, so the default dump of
// the whole packet follows.
func unsupportedLinkPrint(nd *ND, p *capture.Packet, data []byte) {
	nd.Print("UNSUPPORTED")
	nd.DefaultPrint(data)
}

// DefaultPrint dumps bytes no printer decodes, in hex and ASCII, unless
// -q suppresses it or -x, -X or -A asked for a dump of the whole packet
// (ND_DEFAULTPRINT).
func (nd *ND) DefaultPrint(b []byte) {
	if nd.suppressDefaultPrint() {
		return
	}
	nd.out = format.AppendHexASCII(nd.out, "\n\t", b, 0)
}

// suppressDefaultPrint reports tcpdump's ndo_suppress_default_print: -q,
// -x, -X and -A all turn the default dump off.
func (nd *ND) suppressDefaultPrint() bool {
	return nd.Quick || nd.HexDump > 0 || nd.HexASCII > 0 || nd.ASCII > 0
}

// HexPrint dumps b as tcpdump's hex_print does, with the given indent
// before each line (print_unknown_data and friends).
func (nd *ND) HexPrint(indent string, b []byte) {
	nd.out = format.AppendHex(nd.out, indent, b, 0)
}

// HexASCIIPrint dumps b as tcpdump's hex_and_ascii_print does.
func (nd *ND) HexASCIIPrint(indent string, b []byte) {
	nd.out = format.AppendHexASCII(nd.out, indent, b, 0)
}
