package decode

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/goclues/goclues/common/format"
	"golang.org/x/sys/unix"
)

// nlmsg wraps payload in a netlink header of the given type.
func nlmsg(typ uint16, payload []byte) []byte {
	n := nlmsgHdrLen + len(payload)
	b := make([]byte, nlmsgAlign(n))
	binary.LittleEndian.PutUint32(b, uint32(n))
	binary.LittleEndian.PutUint16(b[4:], typ)
	copy(b[nlmsgHdrLen:], payload)
	return b
}

func rtattr(typ uint16, payload []byte) []byte {
	b := make([]byte, nlmsgAlign(4+len(payload)))
	binary.LittleEndian.PutUint16(b, uint16(4+len(payload)))
	binary.LittleEndian.PutUint16(b[2:], typ)
	copy(b[4:], payload)
	return b
}

func u32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func unixMsg(ino uint32, attrs ...[]byte) []byte {
	b := make([]byte, unixDiagMsgLen)
	b[0] = unix.AF_UNIX
	binary.LittleEndian.PutUint32(b[4:], ino)
	for _, a := range attrs {
		b = append(b, a...)
	}
	return nlmsg(sockDiagByFamily, b)
}

func inetMsg(ino uint32, src, dst string, sport, dport uint16) []byte {
	b := make([]byte, inetDiagMsgLen)
	s, d := netip.MustParseAddr(src), netip.MustParseAddr(dst)
	b[0] = unix.AF_INET6
	if s.Is4() {
		b[0] = unix.AF_INET
	}
	binary.BigEndian.PutUint16(b[4:], sport)
	binary.BigEndian.PutUint16(b[6:], dport)
	copy(b[8:], s.AsSlice())
	copy(b[24:], d.AsSlice())
	binary.LittleEndian.PutUint32(b[68:], ino)
	return nlmsg(sockDiagByFamily, b)
}

func netlinkMsg(ino uint32, proto uint8, portid uint32) []byte {
	b := make([]byte, netlinkDiagMsgLen)
	b[0] = unix.AF_NETLINK
	b[2] = proto
	binary.LittleEndian.PutUint32(b[4:], portid)
	binary.LittleEndian.PutUint32(b[16:], ino)
	return nlmsg(sockDiagByFamily, b)
}

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

var done = nlmsg(unix.NLMSG_DONE, make([]byte, 4))

func TestScanReplies(t *testing.T) {
	tcp, tcp6, udp := protoByName("TCP"), protoByName("TCPv6"), protoByName("UDP")
	stream, dgram, nl := protoByName("UNIX-STREAM"), protoByName("UNIX"), protoByName("NETLINK")
	tests := []struct {
		name  string
		p     *sockProto
		ino   uint64
		esc   format.Escape
		buf   []byte
		want  string
		state diagStatus
	}{
		{"unix peer", stream, 7, 0, unixMsg(7, rtattr(unixDiagPeer, u32(8))), "UNIX-STREAM:[7->8]", diagFound},
		{"unix path", stream, 7, 0, unixMsg(7, rtattr(unixDiagName, []byte("/run/x.sock"))), `UNIX-STREAM:[7,"/run/x.sock"]`, diagFound},
		{"unix both", dgram, 9, 0, unixMsg(9, rtattr(unixDiagName, []byte("/s")), rtattr(unixDiagPeer, u32(3))), `UNIX:[9->3,"/s"]`, diagFound},
		{"unix abstract", stream, 5, 0, unixMsg(5, rtattr(unixDiagName, []byte("\x00a\tb\x00c"))), `UNIX-STREAM:[5,@"a\tb"]`, diagFound},
		{"unix abstract -x", stream, 5, format.EscapeHexIfAny, unixMsg(5, rtattr(unixDiagName, []byte("\x00a\x01"))), `UNIX-STREAM:[5,@"\x61\x01"]`, diagFound},
		{"unix first name wins", stream, 5, 0, unixMsg(5, rtattr(unixDiagName, []byte("/a")), rtattr(unixDiagName, []byte("/b"))), `UNIX-STREAM:[5,"/a"]`, diagFound},
		{"unix short peer ignored", stream, 5, 0, unixMsg(5, rtattr(unixDiagPeer, []byte{1, 2})), "", diagFailed},
		{"unix nothing known", stream, 5, 0, unixMsg(5), "", diagFailed},
		{"unix other inode", stream, 5, 0, unixMsg(6, rtattr(unixDiagPeer, u32(8))), "", diagMore},
		{"unix error reply", stream, 5, 0, nlmsg(unix.NLMSG_ERROR, make([]byte, 20)), "", diagFailed},
		{"tcp listen", tcp, 11, 0, inetMsg(11, "127.0.0.1", "0.0.0.0", 8080, 0), "TCP:[127.0.0.1:8080]", diagFound},
		{"tcp connected", tcp, 11, 0, inetMsg(11, "127.0.0.1", "127.0.0.1", 40000, 8080), "TCP:[127.0.0.1:40000->127.0.0.1:8080]", diagFound},
		{"tcp dst port only", tcp, 11, 0, inetMsg(11, "0.0.0.0", "0.0.0.0", 1, 2), "TCP:[0.0.0.0:1->0.0.0.0:2]", diagFound},
		{"tcp6 mapped", tcp6, 12, 0, inetMsg(12, "::ffff:127.0.0.1", "::ffff:127.0.0.1", 1, 2), "TCPv6:[[::ffff:127.0.0.1]:1->[::ffff:127.0.0.1]:2]", diagFound},
		{"tcp6 any", tcp6, 12, 0, inetMsg(12, "::", "::", 22, 0), "TCPv6:[[::]:22]", diagFound},
		{"dump scan", udp, 13, 0, cat(inetMsg(1, "1.2.3.4", "0.0.0.0", 1, 0), inetMsg(13, "10.0.0.1", "0.0.0.0", 53, 0), done), "UDP:[10.0.0.1:53]", diagFound},
		{"dump end", udp, 13, 0, cat(inetMsg(1, "1.2.3.4", "0.0.0.0", 1, 0), done), "", diagFailed},
		{"dump continues", udp, 13, 0, inetMsg(1, "1.2.3.4", "0.0.0.0", 1, 0), "", diagMore},
		{"netlink route", nl, 21, 0, netlinkMsg(21, 0, 4242), "NETLINK:[ROUTE:4242]", diagFound},
		{"netlink generic", nl, 21, 0, netlinkMsg(21, 16, 7), "NETLINK:[GENERIC:7]", diagFound},
		{"netlink unnamed", nl, 21, 0, netlinkMsg(21, 17, 7), "NETLINK:[17]", diagFound},
		{"short header", tcp, 1, 0, []byte{1, 2, 3}, "", diagFailed},
		{"length beyond buffer", tcp, 1, 0, []byte{200, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "", diagFailed},
		{"short inet message", tcp, 1, 0, nlmsg(sockDiagByFamily, make([]byte, 10)), "", diagFailed},
	}
	for _, tt := range tests {
		got, st := scanReplies(nil, tt.buf, tt.p, tt.ino, tt.esc)
		if string(got) != tt.want || st != tt.state {
			t.Errorf("%s: got %q (status %d), want %q (status %d)", tt.name, got, st, tt.want, tt.state)
		}
	}
}

func TestAppendIPv6(t *testing.T) {
	// Expected texts are glibc's inet_ntop output.
	tests := map[string]string{
		"::":                 "::",
		"::1":                "::1",
		"1::":                "1::",
		"1:0:0:1::":          "1:0:0:1::",
		"2001:db8::1":        "2001:db8::1",
		"::ffff:1.2.3.4":     "::ffff:1.2.3.4",
		"::1.2.3.4":          "::1.2.3.4",
		"1:0:1:0:1:0:1:0":    "1:0:1:0:1:0:1:0",
		"1:0:0:1:0:0:0:1":    "1:0:0:1::1",
		"1:0:0:1:1:0:0:1":    "1::1:1:0:0:1",
		"::ffff:0:0":         "::ffff:0.0.0.0",
		"0:0:0:0:0:1:0:0":    "::1:0:0",
		"::2":                "::2",
		"0:0:0:0:1:ffff:1:2": "::1:ffff:1:2",
		"1:2:3:4:5:6:0:0":    "1:2:3:4:5:6::",
		"fe80::1:2":          "fe80::1:2",
	}
	for in, want := range tests {
		a := netip.MustParseAddr(in).As16()
		if got := string(appendIPv6(nil, a[:])); got != want {
			t.Errorf("appendIPv6(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestDiagRequest(t *testing.T) {
	var buf [nlmsgHdrLen + 56]byte
	req := diagRequest(buf[:], protoByName("UNIX"), 0x01020304)
	if len(req) != 40 || binary.LittleEndian.Uint32(req) != 40 || req[16] != unix.AF_UNIX ||
		binary.LittleEndian.Uint32(req[24:]) != 0x01020304 || binary.LittleEndian.Uint16(req[6:]) != nlmFRequest {
		t.Errorf("unix request % x", req)
	}
	req = diagRequest(buf[:], protoByName("UDPv6"), 9)
	if len(req) != 72 || req[16] != unix.AF_INET6 || req[17] != unix.IPPROTO_UDP ||
		binary.LittleEndian.Uint16(req[6:]) != nlmFRequest|nlmFDump || binary.LittleEndian.Uint32(req[20:]) != ^uint32(0) {
		t.Errorf("inet request % x", req)
	}
	req = diagRequest(buf[:], protoByName("NETLINK"), 9)
	if len(req) != 36 || req[16] != unix.AF_NETLINK || req[17] != ndiagProtoAll {
		t.Errorf("netlink request % x", req)
	}
}

func TestParseFDDecode(t *testing.T) {
	tests := []struct {
		in   string
		want FDDecode
		err  string
	}{
		{"path", FDPath, ""},
		{"socket,dev", FDSocket | FDDev, ""},
		{"Socket,,DEV", FDSocket | FDDev, ""},
		{"all", FDAll, ""},
		{"none", 0, ""},
		{"!path", FDSocket | FDDev | FDPidfd, ""},
		{"!!pidfd", FDPidfd, ""},
		{"!all", 0, ""},
		{"foo", 0, "invalid decode-fds 'foo'"},
		{"path,foo", 0, "invalid decode-fds 'foo'"},
		{"all,dev", 0, "invalid decode-fds 'all'"},
		{"path,!dev", 0, "invalid decode-fds '!dev'"},
		{"", 0, "invalid decode-fds ''"},
		{"!", 0, "invalid decode-fds '!'"},
		{",,", 0, "invalid decode-fds ',,'"},
	}
	for _, tt := range tests {
		got, err := ParseFDDecode(tt.in)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tt.want || msg != tt.err {
			t.Errorf("ParseFDDecode(%q) = %v, %q; want %v, %q", tt.in, got, msg, tt.want, tt.err)
		}
	}
}

func TestAppendAngleQuoted(t *testing.T) {
	tests := []struct {
		in   string
		esc  format.Escape
		want string
	}{
		{"/tmp/a b", format.EscapeOctal, "/tmp/a b"},
		{"/memfd:x<y>", format.EscapeOctal, `/memfd:x\74y\76`},
		{"/a\"\\\n", format.EscapeOctal, `/a\"\\\n`},
		{"/a\x01", format.EscapeOctal, `/a\1`},
		{"/a\x017", format.EscapeOctal, `/a\0017`},
		{"/<\x01", format.EscapeHexIfAny, `\x2f\x3c\x01`},
		{"/<\n", format.EscapeHexIfAny, `/\74\n`},
		{"/a", format.EscapeHexAll, `\x2f\x61`},
	}
	for _, tt := range tests {
		if got := string(appendAngleQuoted(nil, []byte(tt.in), tt.esc)); got != tt.want {
			t.Errorf("appendAngleQuoted(%q, %d) = %s, want %s", tt.in, tt.esc, got, tt.want)
		}
	}
}

// FuzzScanReplies feeds arbitrary datagrams to the reply parsers of
// each kind: they must not panic, and what they report found must be
// a well-formed PROTO:[…] text.
func FuzzScanReplies(f *testing.F) {
	f.Add(unixMsg(7, rtattr(unixDiagName, []byte("\x00abs")), rtattr(unixDiagPeer, u32(8))), uint32(7))
	f.Add(cat(inetMsg(1, "1.2.3.4", "0.0.0.0", 1, 0), inetMsg(13, "::1", "::1", 53, 9), done), uint32(13))
	f.Add(netlinkMsg(21, 0, 4242), uint32(21))
	f.Add(nlmsg(unix.NLMSG_ERROR, make([]byte, 20)), uint32(0))
	f.Add([]byte{255, 255, 255, 255, 20, 0}, uint32(1))
	f.Fuzz(func(t *testing.T, buf []byte, ino uint32) {
		for _, name := range []string{"UNIX", "TCP", "NETLINK"} {
			p := protoByName(name)
			for _, esc := range []format.Escape{format.EscapeOctal, format.EscapeHexIfAny} {
				got, st := scanReplies(nil, buf, p, uint64(ino), esc)
				if st == diagFound && (!strings.HasPrefix(string(got), name+":[") || !strings.HasSuffix(string(got), "]")) {
					t.Fatalf("%s: found %q", name, got)
				}
				if st != diagFound && len(got) != 0 {
					t.Fatalf("%s: status %d with output %q", name, st, got)
				}
			}
		}
	})
}

// TestFDInfo decodes descriptors of the test process itself: a path,
// a device, a socket pair (resolved through sock_diag, then from the
// cache) and a closed descriptor; the remembered cases must not
// allocate.
func TestFDInfo(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "a<b>"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	null, err := os.Open("/dev/null")
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	sp, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(sp[0])
	defer unix.Close(sp[1])
	var st0, st1 unix.Stat_t
	if unix.Fstat(sp[0], &st0) != nil || unix.Fstat(sp[1], &st1) != nil {
		t.Fatal("fstat of socket pair")
	}
	c := &Ctx{Cfg: &Config{DecodeFDs: FDAll}, Pid: os.Getpid()}
	show := func(fd int) string {
		c.Out = c.Out[:0]
		c.FD(int32(fd))
		return string(c.Out)
	}
	escaped := strings.ReplaceAll(strings.ReplaceAll(dir, "<", `\74`), ">", `\76`)
	tests := []struct {
		fd   int
		want string
	}{
		{int(f.Fd()), fmt.Sprintf("%d<%s/a\\74b\\76>", f.Fd(), escaped)},
		{int(null.Fd()), fmt.Sprintf("%d</dev/null<char 1:3>>", null.Fd())},
		{sp[0], fmt.Sprintf("%d<UNIX-STREAM:[%d->%d]>", sp[0], st0.Ino, st1.Ino)},
		{sp[1], fmt.Sprintf("%d<UNIX-STREAM:[%d->%d]>", sp[1], st1.Ino, st0.Ino)},
		{999999, "999999"},
	}
	for _, tt := range tests {
		if got := show(tt.fd); got != tt.want {
			t.Errorf("FD(%d) = %s, want %s", tt.fd, got, tt.want)
		}
		decode := func() {
			c.Out = c.Out[:0]
			c.FD(int32(tt.fd))
		}
		if n := testing.AllocsPerRun(20, decode); n != 0 {
			t.Errorf("FD(%d) allocates %v times", tt.fd, n)
		}
	}
	if err := os.Remove(f.Name()); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%d<%s/a\\74b\\76>(deleted)", f.Fd(), escaped)
	if got := show(int(f.Fd())); got != want {
		t.Errorf("unlinked: %s, want %s", got, want)
	}
	c.Cfg.DecodeFDs = FDSocket
	if got, want := show(int(f.Fd())), strconv.Itoa(int(f.Fd())); got != want {
		t.Errorf("socket only, on a file: %s, want %s", got, want)
	}
}

// FuzzAppendAngleQuoted checks the path escaping against the quoted
// string printer: without angle brackets the two agree but for the
// quotes, and no bracket is ever left unescaped.
func FuzzAppendAngleQuoted(f *testing.F) {
	f.Add([]byte("/tmp/a<b>\n"), uint8(0))
	f.Add([]byte("\x01<7"), uint8(1))
	f.Add([]byte("memfd:x"), uint8(2))
	f.Fuzz(func(t *testing.T, s []byte, e uint8) {
		esc := format.Escape(e % 3)
		got := string(appendAngleQuoted(nil, s, esc))
		if strings.ContainsAny(got, "<>") {
			t.Fatalf("%q: unescaped bracket in %s", s, got)
		}
		if bytes.IndexByte(s, '<') < 0 && bytes.IndexByte(s, '>') < 0 {
			q := format.AppendCString(nil, s, esc)
			if want := string(q[1 : len(q)-1]); got != want {
				t.Fatalf("%q: %s, quoted string printer %s", s, got, want)
			}
		}
	})
}
