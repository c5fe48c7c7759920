package decode

import (
	"encoding/binary"
	"errors"
	"strconv"

	"github.com/goclues/goclues/common/format"
	"golang.org/x/sys/unix"
)

// Socket details for -yy, found the way strace 6.1 finds them: the
// socket's protocol name comes from the system.sockprotoname xattr of
// /proc/PID/fd/N, then one NETLINK_SOCK_DIAG query asks the kernel about
// the inode (unix_diag by inode; inet_diag and netlink_diag as dumps
// scanned for it). A protocol without a sock_diag answer prints as
// PROTO:[inode]; a socket whose protocol strace does not know is looked
// up under every protocol in turn and prints as socket:[inode] when
// none answers. Answers are remembered per inode, as strace does, so a
// socket keeps the first details found for it (a client bound before
// connect keeps showing only its local address).

// diagKind selects the sock_diag request and reply layout.
type diagKind uint8

const (
	diagUnix diagKind = iota
	diagInet
	diagNetlink
)

// sockProto is one protocol strace resolves, in strace's table order:
// the order matters for sockets of unknown protocol, tried in turn.
type sockProto struct {
	name   string
	kind   diagKind
	family uint8
	proto  uint8
}

var sockProtos = [...]sockProto{
	{"UNIX", diagUnix, unix.AF_UNIX, 0},
	{"UNIX-STREAM", diagUnix, unix.AF_UNIX, 0},
	{"TCP", diagInet, unix.AF_INET, unix.IPPROTO_TCP},
	{"UDP", diagInet, unix.AF_INET, unix.IPPROTO_UDP},
	{"UDPLITE", diagInet, unix.AF_INET, unix.IPPROTO_UDPLITE},
	{"DCCP", diagInet, unix.AF_INET, unix.IPPROTO_DCCP},
	{"SCTP", diagInet, unix.AF_INET, unix.IPPROTO_SCTP},
	{"L2TP/IP", diagInet, unix.AF_INET, unix.IPPROTO_L2TP},
	{"PING", diagInet, unix.AF_INET, unix.IPPROTO_ICMP},
	{"RAW", diagInet, unix.AF_INET, unix.IPPROTO_RAW},
	{"TCPv6", diagInet, unix.AF_INET6, unix.IPPROTO_TCP},
	{"UDPv6", diagInet, unix.AF_INET6, unix.IPPROTO_UDP},
	{"UDPLITEv6", diagInet, unix.AF_INET6, unix.IPPROTO_UDPLITE},
	{"DCCPv6", diagInet, unix.AF_INET6, unix.IPPROTO_DCCP},
	{"L2TP/IPv6", diagInet, unix.AF_INET6, unix.IPPROTO_L2TP},
	{"SCTPv6", diagInet, unix.AF_INET6, unix.IPPROTO_SCTP},
	{"PINGv6", diagInet, unix.AF_INET6, unix.IPPROTO_ICMP},
	{"RAWv6", diagInet, unix.AF_INET6, unix.IPPROTO_RAW},
	{"NETLINK", diagNetlink, unix.AF_NETLINK, 0},
}

// protoByName returns the table entry named by a sockprotoname xattr.
func protoByName(name string) *sockProto {
	for i := range sockProtos {
		if sockProtos[i].name == name {
			return &sockProtos[i]
		}
	}
	return nil
}

// netlinkProtoNames are strace's names of netlink protocols, without
// their NETLINK_ prefix, indexed by protocol number.
var netlinkProtoNames = [...]string{
	0: "ROUTE", 1: "UNUSED", 2: "USERSOCK", 3: "FIREWALL", 4: "SOCK_DIAG",
	5: "NFLOG", 6: "XFRM", 7: "SELINUX", 8: "ISCSI", 9: "AUDIT",
	10: "FIB_LOOKUP", 11: "CONNECTOR", 12: "NETFILTER", 13: "IP6_FW",
	14: "DNRTMSG", 15: "KOBJECT_UEVENT", 16: "GENERIC", 18: "SCSITRANSPORT",
	19: "ECRYPTFS", 20: "RDMA", 21: "CRYPTO", 22: "SMC",
}

// Netlink and sock_diag wire constants.
const (
	nlmsgHdrLen      = 16
	sockDiagByFamily = 20 // SOCK_DIAG_BY_FAMILY
	nlmFRequest      = 0x1
	nlmFDump         = 0x300
	udiagShowName    = 0x1
	udiagShowPeer    = 0x4
	unixDiagName     = 0
	unixDiagPeer     = 2
	ndiagProtoAll    = 255
	unixPathMax      = 108

	inetDiagMsgLen    = 72 // struct inet_diag_msg
	unixDiagMsgLen    = 16 // struct unix_diag_msg
	netlinkDiagMsgLen = 28 // struct netlink_diag_msg
)

// diagRequest builds the sock_diag request strace sends for p: unix
// sockets are asked for by inode, inet and netlink sockets are dumped.
func diagRequest(buf []byte, p *sockProto, ino uint64) []byte {
	le := binary.LittleEndian
	hdr := func(size int, flags uint16) []byte {
		b := buf[:size]
		clear(b)
		le.PutUint32(b[0:], uint32(size))
		le.PutUint16(b[4:], sockDiagByFamily)
		le.PutUint16(b[6:], flags)
		return b
	}
	switch p.kind {
	case diagUnix:
		b := hdr(nlmsgHdrLen+24, nlmFRequest) // struct unix_diag_req
		b[16] = unix.AF_UNIX
		le.PutUint32(b[20:], ^uint32(0)) // udiag_states
		le.PutUint32(b[24:], uint32(ino))
		le.PutUint32(b[28:], udiagShowName|udiagShowPeer)
		le.PutUint32(b[32:], ^uint32(0)) // udiag_cookie
		le.PutUint32(b[36:], ^uint32(0))
		return b
	case diagInet:
		b := hdr(nlmsgHdrLen+56, nlmFRequest|nlmFDump) // struct inet_diag_req_v2
		b[16] = p.family
		b[17] = p.proto
		le.PutUint32(b[20:], ^uint32(0)) // idiag_states
		return b
	default:
		b := hdr(nlmsgHdrLen+20, nlmFRequest|nlmFDump) // struct netlink_diag_req
		b[16] = unix.AF_NETLINK
		b[17] = ndiagProtoAll
		return b
	}
}

// diagStatus is what a batch of replies says about the inode sought.
type diagStatus int

const (
	diagMore   diagStatus = iota // not seen yet: read the next batch
	diagFound                    // details appended
	diagFailed                   // an error, the end of the dump or a bad reply
)

// scanReplies walks the netlink messages of one received datagram as
// strace's receive_responses does. A message of another type than
// SOCK_DIAG_BY_FAMILY (NLMSG_DONE, NLMSG_ERROR) ends the search.
func scanReplies(dst, buf []byte, p *sockProto, ino uint64, esc format.Escape) ([]byte, diagStatus) {
	if !nlmsgOK(buf) {
		return dst, diagFailed
	}
	for nlmsgOK(buf) {
		n := int(binary.LittleEndian.Uint32(buf))
		if binary.LittleEndian.Uint16(buf[4:]) != sockDiagByFamily {
			return dst, diagFailed
		}
		var rc int
		switch p.kind {
		case diagUnix:
			dst, rc = unixDetails(dst, buf[nlmsgHdrLen:n], p.name, ino, esc)
		case diagInet:
			dst, rc = inetDetails(dst, buf[nlmsgHdrLen:n], p.name, ino)
		default:
			dst, rc = netlinkDetails(dst, buf[nlmsgHdrLen:n], p.name, ino)
		}
		switch {
		case rc > 0:
			return dst, diagFound
		case rc < 0:
			return dst, diagFailed
		}
		next := nlmsgAlign(n)
		if next >= len(buf) {
			break
		}
		buf = buf[next:]
	}
	return dst, diagMore
}

// nlmsgOK is NLMSG_OK: a whole header whose length fits the buffer.
func nlmsgOK(b []byte) bool {
	if len(b) < nlmsgHdrLen {
		return false
	}
	n := binary.LittleEndian.Uint32(b)
	return n >= nlmsgHdrLen && uint64(n) <= uint64(len(b))
}

func nlmsgAlign(n int) int { return (n + 3) &^ 3 }

// inetDetails formats an inet_diag_msg for the inode: 1 when it is the
// socket sought, 0 for another socket, -1 for a malformed message.
func inetDetails(dst, msg []byte, name string, ino uint64) ([]byte, int) {
	if len(msg) < inetDiagMsgLen {
		return dst, -1
	}
	if uint64(binary.LittleEndian.Uint32(msg[68:])) != ino {
		return dst, 0
	}
	var size int
	switch msg[0] {
	case unix.AF_INET:
		size = 4
	case unix.AF_INET6:
		size = 16
	default:
		return dst, -1
	}
	sport := binary.BigEndian.Uint16(msg[4:])
	dport := binary.BigEndian.Uint16(msg[6:])
	src, dstAddr := msg[8:8+size], msg[24:24+size]
	dst = append(dst, name...)
	dst = append(dst, ":["...)
	dst = appendEndpoint(dst, src, sport)
	if dport != 0 || !allZero(dstAddr) {
		dst = append(dst, "->"...)
		dst = appendEndpoint(dst, dstAddr, dport)
	}
	return append(dst, ']'), 1
}

// appendEndpoint appends addr:port, IPv6 addresses in brackets.
func appendEndpoint(dst, addr []byte, port uint16) []byte {
	if len(addr) == 16 {
		dst = append(dst, '[')
		dst = appendIPv6(dst, addr)
		dst = append(dst, ']')
	} else {
		dst = appendIPv4(dst, addr)
	}
	dst = append(dst, ':')
	return strconv.AppendUint(dst, uint64(port), 10)
}

func appendIPv4(dst, a []byte) []byte {
	for i, b := range a[:4] {
		if i > 0 {
			dst = append(dst, '.')
		}
		dst = strconv.AppendUint(dst, uint64(b), 10)
	}
	return dst
}

// appendIPv6 formats an address as glibc's inet_ntop does: the longest
// run of two or more zero groups (the first of equal runs) becomes "::",
// and an IPv4-compatible or IPv4-mapped address ends in dotted quad.
func appendIPv6(dst, a []byte) []byte {
	var w [8]uint16
	for i := range w {
		w[i] = binary.BigEndian.Uint16(a[2*i:])
	}
	best, bestLen, cur, curLen := -1, 0, -1, 0
	for i, v := range w {
		if v != 0 {
			cur = -1
			continue
		}
		if cur < 0 {
			cur, curLen = i, 0
		}
		curLen++
		if curLen > bestLen {
			best, bestLen = cur, curLen
		}
	}
	if bestLen < 2 {
		best = -1
	}
	for i := 0; i < 8; i++ {
		if best >= 0 && i >= best && i < best+bestLen {
			if i == best {
				dst = append(dst, ':')
			}
			continue
		}
		if i > 0 {
			dst = append(dst, ':')
		}
		if i == 6 && best == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff) {
			return appendIPv4(dst, a[12:])
		}
		dst = strconv.AppendUint(dst, uint64(w[i]), 16)
	}
	if best >= 0 && best+bestLen == 8 {
		dst = append(dst, ':')
	}
	return dst
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// unixDetails formats a unix_diag_msg with its name and peer
// attributes: NAME:[inode->peer,"path"], either part optional, an
// abstract name shown as @"name". A socket with neither part fails.
func unixDetails(dst, msg []byte, name string, ino uint64, esc format.Escape) ([]byte, int) {
	if len(msg) < unixDiagMsgLen {
		return dst, -1
	}
	if uint64(binary.LittleEndian.Uint32(msg[4:])) != ino {
		return dst, 0
	}
	if msg[0] != unix.AF_UNIX {
		return dst, -1
	}
	var path []byte
	var peer uint32
	for attrs := msg[unixDiagMsgLen:]; len(attrs) >= 4; {
		n := int(binary.LittleEndian.Uint16(attrs))
		if n < 4 || n > len(attrs) {
			break
		}
		payload := attrs[4:n]
		switch binary.LittleEndian.Uint16(attrs[2:]) {
		case unixDiagName:
			if len(path) == 0 {
				path = payload[:min(len(payload), unixPathMax)]
			}
		case unixDiagPeer:
			if len(payload) >= 4 {
				peer = binary.LittleEndian.Uint32(payload)
			}
		}
		next := nlmsgAlign(n)
		if next >= len(attrs) {
			break
		}
		attrs = attrs[next:]
	}
	if peer == 0 && len(path) == 0 {
		return dst, -1
	}
	dst = append(dst, name...)
	dst = append(dst, ":["...)
	dst = strconv.AppendUint(dst, ino, 10)
	if peer != 0 {
		dst = append(dst, "->"...)
		dst = strconv.AppendUint(dst, uint64(peer), 10)
	}
	if len(path) > 0 {
		dst = append(dst, ',')
		if path[0] == 0 {
			dst = append(dst, '@')
			path = path[1:]
		}
		dst = format.AppendCString(dst, cutAtNUL(path), esc)
	}
	return append(dst, ']'), 1
}

func cutAtNUL(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}

// netlinkDetails formats a netlink_diag_msg: NAME:[PROTOCOL:portid], or
// NAME:[number] for a protocol strace has no name for.
func netlinkDetails(dst, msg []byte, name string, ino uint64) ([]byte, int) {
	if len(msg) < netlinkDiagMsgLen {
		return dst, -1
	}
	if uint64(binary.LittleEndian.Uint32(msg[16:])) != ino {
		return dst, 0
	}
	if msg[0] != unix.AF_NETLINK {
		return dst, -1
	}
	dst = append(dst, name...)
	dst = append(dst, ":["...)
	proto := msg[2]
	if int(proto) < len(netlinkProtoNames) && netlinkProtoNames[proto] != "" {
		dst = append(dst, netlinkProtoNames[proto]...)
		dst = append(dst, ':')
		dst = strconv.AppendUint(dst, uint64(binary.LittleEndian.Uint32(msg[4:])), 10)
	} else {
		dst = strconv.AppendUint(dst, uint64(proto), 10)
	}
	return append(dst, ']'), 1
}

// diagQuery asks the kernel about inode ino as protocol p over the
// NETLINK_SOCK_DIAG socket fd and appends the details to dst. The
// first reply is waited for; later parts of a dump must already be
// queued, as the kernel fills them while the previous part is read.
func diagQuery(fd int, dst []byte, p *sockProto, ino uint64, esc format.Escape) ([]byte, bool) {
	var req [nlmsgHdrLen + 56]byte
	to := &unix.SockaddrNetlink{Family: unix.AF_NETLINK}
	for {
		err := unix.Sendto(fd, diagRequest(req[:], p, ino), 0, to)
		if err == nil {
			break
		}
		if !errors.Is(err, unix.EINTR) {
			return dst, false
		}
	}
	buf := diagBuf[:]
	flags := 0
	for {
		n, _, err := unix.Recvfrom(fd, buf, flags)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil || n < 0 {
			return dst, false
		}
		var st diagStatus
		dst, st = scanReplies(dst, buf[:n], p, ino, esc)
		switch st {
		case diagFound:
			return dst, true
		case diagFailed:
			return dst, false
		}
		flags = unix.MSG_DONTWAIT
	}
}

// diagBuf receives sock_diag replies; lookups run one at a time, under
// sockCache's lock.
var diagBuf [32 << 10]byte

// lookupSocket resolves inode ino as protocol p, or, with p nil, as
// each protocol in turn, over one NETLINK_SOCK_DIAG socket.
func lookupSocket(dst []byte, p *sockProto, ino uint64, esc format.Escape) ([]byte, bool) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_SOCK_DIAG)
	if err != nil {
		return dst, false
	}
	defer unix.Close(fd)
	if p != nil {
		return diagQuery(fd, dst, p, ino, esc)
	}
	for i := range sockProtos {
		if out, ok := diagQuery(fd, dst, &sockProtos[i], ino, esc); ok {
			return out, true
		}
	}
	return dst, false
}
