package decode

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/goclues/goclues/common/sysent"
	"golang.org/x/sys/unix"
)

// Netlink messages, as strace prints the buffers of sendto, recvfrom,
// sendmsg and recvmsg on netlink sockets: each message is its nlmsghdr
// followed by a payload decoded by protocol and message type, several
// messages form a list, and attribute lists (struct nlattr) are walked
// with per-type decoders. The decoders work on a copy of the tracee's
// buffer, so they only ever index a byte slice they bounds-check.

const (
	nlHdrLen  = 16
	nlaHdrLen = 4
	// nlMaxRead bounds how much of a netlink buffer is copied.
	nlMaxRead = 1 << 20
)

// Netlink protocols with decoders.
const (
	netlinkRoute    = 0
	netlinkSockDiag = 4
	netlinkGeneric  = 16
)

// Reserved control message types.
const (
	nlmsgError = 2
	nlmsgDone  = 3
	nlmsgMin   = 16
)

var netlinkTypes = &Xlat{Vals: []Const{
	{1, "NLMSG_NOOP"}, {2, "NLMSG_ERROR"}, {3, "NLMSG_DONE"}, {4, "NLMSG_OVERRUN"},
}, Unknown: "NLMSG_???"}

var nlRouteTypes = &Xlat{Vals: []Const{
	{16, "RTM_NEWLINK"}, {17, "RTM_DELLINK"}, {18, "RTM_GETLINK"}, {19, "RTM_SETLINK"},
	{20, "RTM_NEWADDR"}, {21, "RTM_DELADDR"}, {22, "RTM_GETADDR"},
	{24, "RTM_NEWROUTE"}, {25, "RTM_DELROUTE"}, {26, "RTM_GETROUTE"},
	{28, "RTM_NEWNEIGH"}, {29, "RTM_DELNEIGH"}, {30, "RTM_GETNEIGH"},
	{32, "RTM_NEWRULE"}, {33, "RTM_DELRULE"}, {34, "RTM_GETRULE"},
	{36, "RTM_NEWQDISC"}, {37, "RTM_DELQDISC"}, {38, "RTM_GETQDISC"},
	{40, "RTM_NEWTCLASS"}, {41, "RTM_DELTCLASS"}, {42, "RTM_GETTCLASS"},
	{44, "RTM_NEWTFILTER"}, {45, "RTM_DELTFILTER"}, {46, "RTM_GETTFILTER"},
	{48, "RTM_NEWACTION"}, {49, "RTM_DELACTION"}, {50, "RTM_GETACTION"},
	{52, "RTM_NEWPREFIX"}, {58, "RTM_GETMULTICAST"}, {62, "RTM_GETANYCAST"},
	{64, "RTM_NEWNEIGHTBL"}, {66, "RTM_GETNEIGHTBL"}, {67, "RTM_SETNEIGHTBL"},
	{68, "RTM_NEWNDUSEROPT"},
	{72, "RTM_NEWADDRLABEL"}, {73, "RTM_DELADDRLABEL"}, {74, "RTM_GETADDRLABEL"},
	{78, "RTM_GETDCB"}, {79, "RTM_SETDCB"},
	{80, "RTM_NEWNETCONF"}, {81, "RTM_DELNETCONF"}, {82, "RTM_GETNETCONF"},
	{84, "RTM_NEWMDB"}, {85, "RTM_DELMDB"}, {86, "RTM_GETMDB"},
	{88, "RTM_NEWNSID"}, {89, "RTM_DELNSID"}, {90, "RTM_GETNSID"},
	{92, "RTM_NEWSTATS"}, {94, "RTM_GETSTATS"}, {95, "RTM_SETSTATS"}, {96, "RTM_NEWCACHEREPORT"},
	{100, "RTM_NEWCHAIN"}, {101, "RTM_DELCHAIN"}, {102, "RTM_GETCHAIN"},
	{104, "RTM_NEWNEXTHOP"}, {105, "RTM_DELNEXTHOP"}, {106, "RTM_GETNEXTHOP"},
	{108, "RTM_NEWLINKPROP"}, {109, "RTM_DELLINKPROP"}, {110, "RTM_GETLINKPROP"},
	{112, "RTM_NEWVLAN"}, {113, "RTM_DELVLAN"}, {114, "RTM_GETVLAN"},
	{116, "RTM_NEWNEXTHOPBUCKET"}, {117, "RTM_DELNEXTHOPBUCKET"}, {118, "RTM_GETNEXTHOPBUCKET"},
	{120, "RTM_NEWTUNNEL"}, {121, "RTM_DELTUNNEL"}, {122, "RTM_GETTUNNEL"},
}, Unknown: "RTM_???"}

var nlSockDiagTypes = &Xlat{Vals: []Const{
	{18, "TCPDIAG_GETSOCK"}, {19, "DCCPDIAG_GETSOCK"}, {20, "SOCK_DIAG_BY_FAMILY"}, {21, "SOCK_DESTROY"},
}, Unknown: "SOCK_DIAG_???"}

var (
	netlinkFlags = []Const{
		bit(1, "NLM_F_REQUEST"), bit(2, "NLM_F_MULTI"), bit(4, "NLM_F_ACK"), bit(8, "NLM_F_ECHO"),
		bit(0x10, "NLM_F_DUMP_INTR"), bit(0x20, "NLM_F_DUMP_FILTERED"),
	}
	nlGetFlags    = withFlags(netlinkFlags, bit(0x300, "NLM_F_DUMP"), bit(0x100, "NLM_F_ROOT"), bit(0x200, "NLM_F_MATCH"), bit(0x400, "NLM_F_ATOMIC"))
	nlNewFlags    = withFlags(netlinkFlags, bit(0x100, "NLM_F_REPLACE"), bit(0x200, "NLM_F_EXCL"), bit(0x400, "NLM_F_CREATE"), bit(0x800, "NLM_F_APPEND"))
	nlDeleteFlags = withFlags(netlinkFlags, bit(0x100, "NLM_F_NONREC"), bit(0x200, "NLM_F_BULK"))
	nlAckFlags    = withFlags(netlinkFlags, bit(0x100, "NLM_F_CAPPED"), bit(0x200, "NLM_F_ACK_TLVS"))
	nlPlainFlags  = withFlags(netlinkFlags)
)

// withFlags builds a flag table: the common flags, then the ones a
// message kind adds.
func withFlags(common []Const, more ...Const) *Xlat {
	vals := append(append([]Const(nil), common...), more...)
	return &Xlat{Vals: vals, Unknown: "NLM_F_???"}
}

// nlFlagTable picks the flag names that apply to a message.
func nlFlagTable(family int, typ uint16) *Xlat {
	if typ < nlmsgMin {
		if typ == nlmsgError {
			return nlAckFlags
		}
		return nlPlainFlags
	}
	switch family {
	case netlinkRoute:
		if typ == 49 { // RTM_DELACTION uses NLM_F_ROOT
			return nlGetFlags
		}
		return [4]*Xlat{nlNewFlags, nlDeleteFlags, nlGetFlags, nlPlainFlags}[typ&3]
	case netlinkSockDiag:
		return nlGetFlags
	case netlinkXfrm:
		switch typ {
		case 0x10, 0x13, 0x1e, 0x22, 0x24: // XFRM_MSG_NEW{SA,POLICY,AE,SADINFO,SPDINFO}
			return nlNewFlags
		case 0x12, 0x15, 0x1f, 0x23, 0x25: // XFRM_MSG_GET{SA,POLICY,AE,SADINFO,SPDINFO}
			return nlGetFlags
		}
	}
	return nlPlainFlags
}

const netlinkXfrm = 6

// nlXfrmTypes names NETLINK_XFRM messages; their bodies stay in hex, as
// strace leaves them.
var nlXfrmTypes = &Xlat{Vals: seqFrom(0x10, "XFRM_MSG_NEWSA", "XFRM_MSG_DELSA", "XFRM_MSG_GETSA",
	"XFRM_MSG_NEWPOLICY", "XFRM_MSG_DELPOLICY", "XFRM_MSG_GETPOLICY", "XFRM_MSG_ALLOCSPI", "XFRM_MSG_ACQUIRE",
	"XFRM_MSG_EXPIRE", "XFRM_MSG_UPDPOLICY", "XFRM_MSG_UPDSA", "XFRM_MSG_POLEXPIRE", "XFRM_MSG_FLUSHSA",
	"XFRM_MSG_FLUSHPOLICY", "XFRM_MSG_NEWAE", "XFRM_MSG_GETAE", "XFRM_MSG_REPORT", "XFRM_MSG_MIGRATE",
	"XFRM_MSG_NEWSADINFO", "XFRM_MSG_GETSADINFO", "XFRM_MSG_NEWSPDINFO", "XFRM_MSG_GETSPDINFO",
	"XFRM_MSG_MAPPING", "XFRM_MSG_SETDEFAULT", "XFRM_MSG_GETDEFAULT"), Unknown: "XFRM_MSG_???"}

// seqFrom names consecutive values from first on.
func seqFrom(first uint64, names ...string) []Const {
	v := make([]Const, len(names))
	for k, n := range names {
		v[k] = Const{first + uint64(k), n}
	}
	return v
}

// nlProto describes how one netlink protocol's messages are printed.
type nlProto struct {
	types *Xlat
	// payload decodes a message body; false leaves it to the generic
	// fallbacks (NLMSG_DONE's int, else a hex string).
	payload func(c *Ctx, typ, flags uint16, b []byte) bool
}

var nlProtos = map[int]nlProto{
	netlinkRoute:    {types: nlRouteTypes, payload: routePayload},
	netlinkSockDiag: {types: nlSockDiagTypes, payload: sockDiagPayload},
	netlinkXfrm:     {types: nlXfrmTypes},
}

// netlink prints the netlink messages in b sent to or received from a
// socket of the given protocol (-1 when unknown).
func (c *Ctx) netlink(b []byte, family int) {
	isArray := false
	for elt := 0; ; elt++ {
		if len(b) < nlHdrLen {
			c.forceHex(b)
			break
		}
		if !c.Verbose && elt == c.Cfg.StrLen {
			c.Str("...")
			break
		}
		msgLen := binary.LittleEndian.Uint32(b)
		aligned := (uint64(msgLen) + 3) &^ 3
		var next []byte
		if msgLen >= nlHdrLen && uint64(len(b)) > aligned {
			next = b[aligned:]
		}
		if !isArray && next != nil {
			c.Out = append(c.Out, '[')
			isArray = true
		}
		c.nlmsg(b, family, len(b))
		if next == nil {
			break
		}
		c.Str(", ")
		b = next
	}
	if isArray {
		c.Out = append(c.Out, ']')
	}
}

// nlmsg prints one message (header and payload) from the start of b,
// which holds at least a header; the message ends at its nlmsg_len,
// at limit or at the end of b, whichever comes first.
func (c *Ctx) nlmsg(b []byte, family int, limit int) {
	msgLen := binary.LittleEndian.Uint32(b)
	n := len(b)
	if limit < n {
		n = limit
	}
	if uint64(msgLen) < uint64(n) {
		n = int(msgLen)
	}
	if n > nlHdrLen {
		c.Out = append(c.Out, '[')
	}
	typ := binary.LittleEndian.Uint16(b[4:])
	flags := binary.LittleEndian.Uint16(b[6:])
	proto, known := nlProtos[family]
	c.Str("{nlmsg_len=")
	c.Uint(uint64(msgLen))
	c.Str(", nlmsg_type=")
	switch {
	case typ >= nlmsgMin && family == netlinkGeneric:
		c.Value(genlFamilyTable(), uint64(typ))
	case typ >= nlmsgMin && known:
		c.Value(proto.types, uint64(typ))
	default:
		c.Value(netlinkTypes, uint64(typ))
	}
	c.Str(", nlmsg_flags=")
	c.Flags(nlFlagTable(family, typ), uint64(flags))
	c.Str(", nlmsg_seq=")
	c.Uint(uint64(binary.LittleEndian.Uint32(b[8:])))
	c.Str(", nlmsg_pid=")
	c.Int(int64(int32(binary.LittleEndian.Uint32(b[12:]))))
	c.Out = append(c.Out, '}')
	if n <= nlHdrLen {
		return
	}
	c.Str(", ")
	body := b[nlHdrLen:n]
	switch {
	case typ == nlmsgError:
		c.nlmsgerr(body, family, flags&0x100 != 0)
	case (typ >= nlmsgMin || typ == nlmsgDone) && known && proto.payload != nil && proto.payload(c, typ, flags, body):
	case typ == nlmsgDone && len(body) == 4:
		c.Int(int64(int32(binary.LittleEndian.Uint32(body))))
	default:
		c.forceHex(body)
	}
	c.Out = append(c.Out, ']')
}

var nlmsgerrAttrs = &nlaTable{
	names: &Xlat{Vals: seq("NLMSGERR_ATTR_UNUSED", "NLMSGERR_ATTR_MSG", "NLMSGERR_ATTR_OFFS",
		"NLMSGERR_ATTR_COOKIE", "NLMSGERR_ATTR_POLICY", "NLMSGERR_ATTR_MISS_TYPE", "NLMSGERR_ATTR_MISS_NEST"),
		Unknown: "NLMSGERR_ATTR_???"},
	decs: []nlaDec{1: nlaStr, 2: nlaU32},
}

// nlmsgerr prints struct nlmsgerr: the error and the offending message.
func (c *Ctx) nlmsgerr(b []byte, family int, capped bool) {
	if len(b) < 4 {
		c.forceHex(b)
		return
	}
	c.Str("{error=")
	e := int32(binary.LittleEndian.Uint32(b))
	name, ok := sysent.ErrnoName(int(-e))
	switch {
	case !ok || e >= 0 || c.xlat == XlatRaw:
		c.Int(int64(e))
	case c.xlat == XlatVerbose:
		c.Int(int64(e))
		c.Str(" /* -")
		c.Str(name)
		c.Str(" */")
	default:
		c.Out = append(c.Out, '-')
		c.Str(name)
	}
	rest := b[4:]
	if len(rest) > 0 {
		c.Str(", msg=")
		if len(rest) < nlHdrLen {
			c.forceHex(rest)
		} else {
			payload := len(rest)
			if capped {
				payload = nlHdrLen
			} else if l := binary.LittleEndian.Uint32(rest); uint64(l) < uint64(payload) {
				payload = int(l)
			}
			c.nlmsg(rest, family, payload)
			if len(rest) > payload {
				c.Str(", ")
				c.nlattrs(rest[payload:], nlmsgerrAttrs, 0)
			}
		}
	}
	c.Out = append(c.Out, '}')
}

// forceHex prints b as a string of \x escapes, cut at -s.
func (c *Ctx) forceHex(b []byte) {
	max := c.Cfg.StrLen
	cut := len(b) > max
	if cut {
		b = b[:max]
	}
	c.Out = append(c.Out, '"')
	for _, ch := range b {
		c.Out = append(c.Out, '\\', 'x', "0123456789abcdef"[ch>>4], "0123456789abcdef"[ch&15])
	}
	c.Out = append(c.Out, '"')
	if cut {
		c.Str("...")
	}
}

// nlaDec prints an attribute payload; false makes the caller fall back
// to a hex string. fam is the address family of the enclosing message.
type nlaDec func(c *Ctx, b []byte, fam uint8) bool

// nlaTable names and decodes the attributes of one attribute space.
type nlaTable struct {
	names *Xlat
	decs  []nlaDec // by attribute type
	// byType, when set, decodes every type with the type known (the
	// per-family lists of IFLA_AF_SPEC); false falls back to hex.
	byType func(c *Ctx, kind uint16, b []byte) bool
}

// seq builds constants numbered from zero; empty names are skipped.
func seq(names ...string) []Const {
	out := make([]Const, 0, len(names))
	for i, n := range names {
		if n != "" {
			out = append(out, Const{uint64(i), n})
		}
	}
	return out
}

const (
	nlaFNested       = 0x8000
	nlaFNetByteorder = 0x4000
)

// nlaTypeFlags name the flag bits of nla_type, one table each so that
// each prints in its own -X style: NLA_F_NESTED|IFLA_PROP_LIST.
var nlaTypeFlags = [...]*Xlat{
	{Vals: []Const{{nlaFNested, "NLA_F_NESTED"}}},
	{Vals: []Const{{nlaFNetByteorder, "NLA_F_NET_BYTEORDER"}}},
}

// nlattrs prints a list of attributes.
func (c *Ctx) nlattrs(b []byte, t *nlaTable, fam uint8) {
	isArray := false
	for elt := 0; ; elt++ {
		if len(b) < nlaHdrLen {
			c.forceHex(b)
			break
		}
		if !c.Verbose && elt+1 > c.Cfg.StrLen {
			c.Str("...")
			break
		}
		nlaLen := binary.LittleEndian.Uint16(b)
		aligned := (int(nlaLen) + 3) &^ 3
		var next []byte
		if nlaLen >= nlaHdrLen && len(b) > aligned {
			next = b[aligned:]
		}
		if !isArray && next != nil {
			c.Out = append(c.Out, '[')
			isArray = true
		}
		c.nlattr(b, t, fam)
		if next == nil {
			break
		}
		c.Str(", ")
		b = next
	}
	if isArray {
		c.Out = append(c.Out, ']')
	}
}

// nlattr prints one attribute from the start of b.
func (c *Ctx) nlattr(b []byte, t *nlaTable, fam uint8) {
	nlaLen := binary.LittleEndian.Uint16(b)
	typ := binary.LittleEndian.Uint16(b[2:])
	n := len(b)
	if int(nlaLen) < n {
		n = int(nlaLen)
	}
	if n > nlaHdrLen {
		c.Out = append(c.Out, '[')
	}
	c.Str("{nla_len=")
	c.Uint(uint64(nlaLen))
	c.Str(", nla_type=")
	for _, f := range nlaTypeFlags {
		if uint64(typ)&f.Vals[0].Val != 0 {
			c.Value(f, f.Vals[0].Val)
			c.Out = append(c.Out, '|')
		}
	}
	kind := typ &^ (nlaFNested | nlaFNetByteorder)
	c.Value(t.names, uint64(kind))
	c.Out = append(c.Out, '}')
	if n <= nlaHdrLen {
		return
	}
	c.Str(", ")
	data := b[nlaHdrLen:n]
	var dec nlaDec
	if int(kind) < len(t.decs) {
		dec = t.decs[kind]
	}
	switch {
	case dec != nil && dec(c, data, fam):
	case dec == nil && t.byType != nil && t.byType(c, kind, data):
	default:
		c.forceHex(data)
	}
	c.Out = append(c.Out, ']')
}

// Attribute payload decoders shared by the attribute spaces.
var (
	nlaU8 nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 1 {
			return false
		}
		c.Uint(uint64(b[0]))
		return true
	}
	nlaU16 nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 2 {
			return false
		}
		c.Uint(uint64(binary.LittleEndian.Uint16(b)))
		return true
	}
	nlaU32 nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 4 {
			return false
		}
		c.Uint(uint64(binary.LittleEndian.Uint32(b)))
		return true
	}
	nlaS32 nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 4 {
			return false
		}
		c.Int(int64(int32(binary.LittleEndian.Uint32(b))))
		return true
	}
	nlaU64 nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 8 {
			return false
		}
		c.Uint(binary.LittleEndian.Uint64(b))
		return true
	}
	// nlaStr prints a NUL-terminated string attribute.
	nlaStr nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
		c.nlString(b)
		return true
	}
	nlaIfindex nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 4 {
			return false
		}
		c.ifindex(binary.LittleEndian.Uint32(b))
		return true
	}
	// nlaHwaddr prints a link-layer address as colon-separated hex.
	nlaHwaddr nlaDec = func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) > 32 {
			return false
		}
		if len(b) == 0 {
			// Empty: nothing, or under -X an empty string without comment.
			if c.xlat != XlatAbbrev {
				c.Str(`""`)
			}
			return true
		}
		c.rawOr(b, func() {
			for i, ch := range b {
				if i > 0 {
					c.Out = append(c.Out, ':')
				}
				c.Out = append(c.Out, "0123456789abcdef"[ch>>4], "0123456789abcdef"[ch&15])
			}
		})
		return true
	}
	// nlaInetAddr prints an address of the message's family.
	nlaInetAddr nlaDec = func(c *Ctx, b []byte, fam uint8) bool {
		return c.inetAddr(b, fam)
	}
)

// nlaFlags and nlaValue build decoders for named 32-bit values.
func nlaFlags(x *Xlat) nlaDec {
	return func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 4 {
			return false
		}
		c.Flags(x, uint64(binary.LittleEndian.Uint32(b)))
		return true
	}
}

func nlaValue(x *Xlat) nlaDec {
	return func(c *Ctx, b []byte, _ uint8) bool {
		if len(b) < 4 {
			return false
		}
		c.Value(x, uint64(binary.LittleEndian.Uint32(b)))
		return true
	}
}

// nlaNested decodes a nested attribute list.
func nlaNested(t *nlaTable) nlaDec {
	return func(c *Ctx, b []byte, fam uint8) bool {
		c.nlattrs(b, t, fam)
		return true
	}
}

// nlaStruct prints a structure of unsigned fields of one size, with
// optional trailing fields shown only when the payload holds them; min
// is how many fields the payload must hold at least.
func nlaStruct(size, min int, fields ...string) nlaDec {
	return func(c *Ctx, b []byte, _ uint8) bool {
		n := len(b) / size
		if n < min {
			return false
		}
		if n > len(fields) {
			n = len(fields)
		}
		c.Out = append(c.Out, '{')
		for i := 0; i < n; i++ {
			if i > 0 {
				c.Str(", ")
			}
			c.Str(fields[i])
			c.Out = append(c.Out, '=')
			if size == 8 {
				c.Uint(binary.LittleEndian.Uint64(b[i*8:]))
			} else {
				c.Uint(uint64(binary.LittleEndian.Uint32(b[i*4:])))
			}
		}
		c.Out = append(c.Out, '}')
		return true
	}
}

// nlString prints a string attribute: the trailing NUL is dropped, a
// missing one marks the string as cut; inner NULs are shown (abstract
// unix socket names start with one).
func (c *Ctx) nlString(b []byte) {
	terminated := len(b) > 0 && b[len(b)-1] == 0
	if terminated {
		b = b[:len(b)-1]
	}
	cut := len(b) > c.Cfg.StrLen
	if cut {
		b = b[:c.Cfg.StrLen]
	}
	c.quoted(b)
	if cut || !terminated {
		c.Str("...")
	}
}

// inetAddr prints an IPv4 or IPv6 address as strace's inet_addr and
// inet_pton notations; false when b does not hold one.
func (c *Ctx) inetAddr(b []byte, fam uint8) bool {
	switch {
	case fam == 2 && len(b) >= 4:
		c.rawOr(b[:4], func() {
			c.Str("inet_addr(\"")
			c.Out = appendInet4(c.Out, b)
			c.Str("\")")
		})
	case fam == 10 && len(b) >= 16:
		c.rawOr(b[:16], func() {
			c.Str("inet_pton(AF_INET6, \"")
			c.Out = appendInet6(c.Out, b)
			c.Str("\")")
		})
	default:
		return false
	}
	return true
}

func appendInet4(dst, b []byte) []byte {
	for i := 0; i < 4; i++ {
		if i > 0 {
			dst = append(dst, '.')
		}
		dst = strconv.AppendUint(dst, uint64(b[i]), 10)
	}
	return dst
}

// ifindex prints an interface index as if_nametoindex("name") when the
// index names an interface here, else as a number.
func (c *Ctx) ifindex(idx uint32) {
	name := ""
	if c.xlat != XlatRaw {
		name = ifName(idx)
	}
	switch {
	case name == "":
		c.Uint(uint64(idx))
	case c.xlat == XlatVerbose:
		c.Uint(uint64(idx))
		c.Str(" /* if_nametoindex(")
		c.quoted([]byte(name))
		c.Str(") */")
	default:
		c.Str("if_nametoindex(")
		c.quoted([]byte(name))
		c.Out = append(c.Out, ')')
	}
}

// notNetlink is what socketNetlinkFamily returns for descriptors that
// are not netlink sockets; -1 stands for a netlink socket whose
// protocol is unknown.
const notNetlink = -2

// socketNetlinkFamily returns the netlink protocol of the tracee's
// descriptor fd, -1 for a netlink socket of unknown protocol, or
// notNetlink.
func (c *Ctx) socketNetlinkFamily(fd int32) int {
	if fd < 0 {
		return notNetlink
	}
	var buf [48]byte
	p := append(buf[:0], "/proc/"...)
	p = strconv.AppendInt(p, int64(c.Pid), 10)
	p = append(p, "/fd/"...)
	p = strconv.AppendInt(p, int64(fd), 10)
	link := string(p)
	// The protocol name first: one call tells most descriptors apart.
	var name [16]byte
	n, err := unix.Getxattr(link, "system.sockprotoname", name[:])
	if err != nil || !bytes.Equal(bytes.TrimRight(name[:n], "\x00"), netlinkProtoName) {
		return notNetlink
	}
	target, err := os.Readlink(link)
	if err != nil {
		return notNetlink
	}
	ino, ok := strings.CutPrefix(target, "socket:[")
	if !ok {
		return notNetlink
	}
	return nlSockets.family(strings.TrimSuffix(ino, "]"))
}

var netlinkProtoName = []byte("NETLINK")

// nlSockets caches the protocols of netlink socket inodes, read from
// the tracer's own /proc/self/net/netlink: like strace, which asks
// sock_diag in its own network namespace, a socket of a tracee in
// another namespace is not found and its messages are printed without
// protocol-specific decoding.
var nlSockets = &nlSocketCache{byInode: map[string]int{}}

type nlSocketCache struct {
	mu      sync.Mutex
	byInode map[string]int
}

func (s *nlSocketCache) family(ino string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.byInode[ino]; ok {
		return f
	}
	f, err := os.Open("/proc/self/net/netlink")
	if err != nil {
		return -1
	}
	defer f.Close()
	if len(s.byInode) > 4096 {
		clear(s.byInode)
	}
	found := -1
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 10 {
			continue
		}
		proto, err := strconv.Atoi(fields[1])
		if err != nil {
			continue
		}
		s.byInode[fields[len(fields)-1]] = proto
		if fields[len(fields)-1] == ino {
			found = proto
		}
	}
	// Not found is not remembered: an unbound socket is listed once a
	// send binds it (strace looks it up again too).
	return found
}

// nlRead copies n bytes at addr of the tracee for the netlink decoder
// (its own buffer: the printers below use the scratch one).
func (c *Ctx) nlRead(addr, n uint64) ([]byte, bool) {
	if n > nlMaxRead {
		n = nlMaxRead
	}
	if uint64(cap(c.nlbuf)) < n {
		c.nlbuf = make([]byte, n)
	}
	b := c.nlbuf[:n]
	if n == 0 {
		return b, addr != 0
	}
	return b, c.readInto(addr, b)
}

// sockData prints a buffer of a socket call: netlink messages on a
// netlink socket, else a string.
func (c *Ctx) sockData(fd int32, addr, n uint64) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	family := c.socketNetlinkFamily(fd)
	if family == notNetlink {
		c.Buf(addr, n)
		return
	}
	b, ok := c.nlRead(addr, n)
	if !ok {
		c.Hex(addr)
		return
	}
	c.netlink(b, family)
}

// SockBuf prints sendto's buffer (length in argument n).
func SockBuf(n int) Printer {
	return func(c *Ctx, i int) { c.sockData(int32(c.Args[0]), c.Args[i], c.Args[n]) }
}

// SockBufRet prints recvfrom's buffer of return-value length.
var SockBufRet Printer = func(c *Ctx, i int) { c.sockData(int32(c.Args[0]), c.Args[i], uint64(c.Ret)) }

// iovData prints the data of one iovec element.
func (c *Ctx) iovData(addr, n uint64, nlFamily int) {
	if nlFamily == notNetlink || addr == 0 {
		c.Buf(addr, n)
		return
	}
	b, ok := c.nlRead(addr, n)
	if !ok {
		c.Hex(addr)
		return
	}
	c.netlink(b, nlFamily)
}

// familyHead opens a netlink message header struct that starts with an
// address family: "{FIELD=AF_…, ". It closes it with "...}" and reports
// false when b is shorter than the struct's size.
func (c *Ctx) familyHead(field string, b []byte, size int) bool {
	c.Out = append(c.Out, '{')
	c.Str(field)
	c.Out = append(c.Out, '=')
	c.Value(addressFamilies, uint64(b[0]))
	c.Str(", ")
	if len(b) < size {
		c.Str("...}")
		return false
	}
	return true
}

// structTail closes a header struct of size bytes and prints what
// follows it in b, undecoded, in hex.
func (c *Ctx) structTail(b []byte, size int) {
	c.Out = append(c.Out, '}')
	if len(b) > size {
		c.Str(", ")
		c.forceHex(b[size:])
	}
}
