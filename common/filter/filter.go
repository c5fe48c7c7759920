// Package filter compiles pcap-filter(7) expressions to classic BPF the
// way libpcap 1.10 does, prints programs in tcpdump's -d/-dd/-ddd forms
// and runs them with an allocation-free evaluator.
//
// The code generator mirrors libpcap's: primitives become small
// control-flow graphs that and/or/not splice together, the optimizer
// repeats libpcap's passes in the same order, and the final graph is laid
// out like icode_to_fcode, so listings (tcpdump -d, and -O -d without
// optimization) match byte for byte.
//
// Files: lex.go and parse.go (the language); compiler.go and link.go
// (offsets and link-layer tests), with the link families in arcnet.go,
// atm.go, juniper.go and wlan.go and libpcap's link type names in
// dltnames.go; hosts.go, names.go, arith.go and prims.go (the
// primitives); block.go (graph and layout); optimize.go; dump.go
// (-d/-dd/-ddd); eval.go (the evaluator).
//
// Link types: Ethernet (and netANALYZER), Linux cooked v1/v2, raw IP,
// IPv4, IPv6, BSD/OpenBSD loopback, ENC, SLIP, PPP variants, Cisco HDLC,
// Frame Relay, 802.11 (plain, radiotap, Prism, AVS, PPI), FDDI, Token
// Ring, IP over Fibre Channel, ARCnet, ATM (RFC 1483, CLIP, Sun raw),
// Juniper and Solaris ipnet. Others accept expressions that need no
// link-layer knowledge and reject the rest as libpcap words it.
package filter

import (
	"errors"
	"strings"

	"golang.org/x/net/bpf"
)

// Config holds everything Compile needs.
type Config struct {
	Expr     string
	LinkType int
	Snaplen  int
	Optimize bool
	Netmask  uint32
	// ReadingFile says the program will filter a savefile: libpcap then
	// generates different code for IPv6 on DLT_NULL and rejects
	// inbound/outbound/ifindex where they need socket metadata.
	ReadingFile bool
	// SwappedFile says the savefile's byte order differs from this
	// host's; libpcap then matches DLT_NULL/ENC address families in the
	// file's order.
	SwappedFile bool
	// VLANExtensions is set for live Linux sockets, where the kernel may
	// strip the outer VLAN tag into metadata (libpcap's
	// BPF_SPECIAL_VLAN_HANDLING); "vlan" then reads the tag from there.
	VLANExtensions bool
}

// NetmaskUnknown is PCAP_NETMASK_UNKNOWN: no netmask, "ip broadcast"
// is then rejected.
const NetmaskUnknown = 0xffffffff

// Program is a compiled filter.
type Program struct {
	insns []bpf.RawInstruction
	eval  evaluator
}

// Compile compiles a pcap-filter(7) expression as libpcap 1.10 does, for
// the given link type (DLT_* number) and snaplen; optimize=false is
// tcpdump's -O. netmask is the IPv4 netmask "ip broadcast" needs:
// tcpdump 4.99.3 passes 0 when reading files and for -d (measured:
// "ip broadcast" compiles there), NetmaskUnknown makes it an error. On
// error the message is the text tcpdump prints after "tcpdump: ".
//
// Compile targets -d listings; a program for filtering a savefile
// should come from CompileConfig with ReadingFile set, and one for a
// live Linux socket with VLANExtensions set.
func Compile(expr string, linkType int, snaplen int, optimize bool, netmask uint32) (*Program, error) {
	return CompileConfig(Config{Expr: expr, LinkType: linkType, Snaplen: snaplen, Optimize: optimize, Netmask: netmask})
}

// CompileConfig is Compile with every option.
func CompileConfig(cfg Config) (prog *Program, err error) {
	if cfg.Snaplen == 0 {
		return nil, errors.New("snaplen of 0 rejects all packets")
	}
	c, err := newCompiler(cfg)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			ce, ok := r.(*compileError)
			if !ok {
				panic(r)
			}
			prog, err = nil, ce
		}
	}()
	p := &parser{lex: lexer{src: cfg.Expr}, c: c}
	b := p.program()
	var root *block
	if b == nil {
		root = retBlock(c.snaplen)
	} else {
		c.initVarOffsets(b.head)
		if check := c.ppiDLTCheck(); check != nil {
			and(check, b)
		}
		root = finish(b, c.snaplen)
	}
	if cfg.Optimize && !c.noOptimize {
		root = optimize(root)
		if root.code == clsRET|retK && root.k == 0 {
			return nil, errors.New("expression rejects all packets")
		}
	}
	return newProgram(linearize(root)), nil
}

func newProgram(insns []bpf.RawInstruction) *Program {
	return &Program{insns: insns, eval: compileEvaluator(insns)}
}

// Instructions returns the program as raw classic BPF.
func (p *Program) Instructions() []bpf.RawInstruction {
	return append([]bpf.RawInstruction(nil), p.insns...)
}

// Match runs the program on pkt (the captured bytes) with the given
// original length and returns the accept length (0 = drop).
func (p *Program) Match(pkt []byte, wirelen int) uint32 {
	return p.eval.run(pkt, uint32(wirelen))
}

// JoinArgs joins filter words as tcpdump's copy_argv does.
func JoinArgs(words []string) string {
	return strings.Join(words, " ")
}
