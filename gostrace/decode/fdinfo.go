package decode

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"unsafe"

	"github.com/goclues/goclues/common/format"
	"golang.org/x/sys/unix"
)

// What -y, -yy and --decode-fds show after a descriptor number, in
// strace 6.1's order of preference: socket details, the device numbers
// of a device file, the pid behind a pidfd, else the path the
// descriptor's /proc link names.

// FDDecode is the set of descriptor decodings --decode-fds selects.
type FDDecode uint8

// Descriptor decodings.
const (
	FDPath   FDDecode = 1 << iota // path of the /proc/PID/fd link (-y)
	FDSocket                      // protocol and addresses of sockets
	FDDev                         // block and character device numbers
	FDPidfd                       // the process a pidfd refers to
	FDAll    = FDPath | FDSocket | FDDev | FDPidfd
)

var fdDecodeNames = [...]struct {
	name string
	bit  FDDecode
}{{"path", FDPath}, {"socket", FDSocket}, {"dev", FDDev}, {"pidfd", FDPidfd}}

// ParseFDDecode parses a --decode-fds / -e decode-fds= value the way
// strace's qualifier parser does: leading '!'s invert, "all" and "none"
// stand alone, names are comma separated and case-insensitive, empty
// tokens are skipped. The error text is strace's message.
func ParseFDDecode(val string) (FDDecode, error) {
	s := val
	invert := false
	for strings.HasPrefix(s, "!") {
		invert = !invert
		s = s[1:]
	}
	var set FDDecode
	switch s {
	case "none":
	case "all":
		set = FDAll
	default:
		found := false
		for _, tok := range strings.Split(s, ",") {
			if tok == "" {
				continue
			}
			bit, ok := fdDecodeBit(tok)
			if !ok {
				return 0, errors.New("invalid decode-fds '" + tok + "'")
			}
			set |= bit
			found = true
		}
		if !found {
			return 0, errors.New("invalid decode-fds '" + val + "'")
		}
	}
	if invert {
		set ^= FDAll
	}
	return set, nil
}

func fdDecodeBit(name string) (FDDecode, bool) {
	for _, d := range fdDecodeNames {
		if strings.EqualFold(d.name, name) {
			return d.bit, true
		}
	}
	return 0, false
}

// FDDecodeForY is the set -y selects when given n times.
func FDDecodeForY(n int) FDDecode {
	switch {
	case n <= 0:
		return 0
	case n == 1:
		return FDPath
	default:
		return FDAll
	}
}

// fdInfo appends <…> for descriptor fd of the tracee, if the
// configuration asks for it and the descriptor is open. Printing a
// path or a remembered socket does not allocate.
func (c *Ctx) fdInfo(fd int32) { c.fdInfoOf(c.Pid, fd) }

// fdInfoOf appends <…> for descriptor fd of process pid.
func (c *Ctx) fdInfoOf(pid int, fd int32) {
	set := c.Cfg.DecodeFDs
	if set == 0 || fd < 0 {
		return
	}
	var l procLink
	if !l.read(pid, fd) {
		return
	}
	path := l.path()
	switch {
	case set&FDSocket != 0 && c.socketInfo(&l, path):
	case set&FDDev != 0 && c.devInfo(&l, path):
	case set&FDPidfd != 0 && c.pidfdInfo(pid, fd, path):
	case set&FDPath != 0:
		c.pathInfo(path, l.deleted)
	}
}

// cwdInfo appends <cwd> after AT_FDCWD when paths are decoded.
func (c *Ctx) cwdInfo() {
	var l procLink
	if c.Cfg.DecodeFDs&FDPath != 0 && l.read(c.Pid, cwdLink) {
		c.pathInfo(l.path(), l.deleted)
	}
}

// fdPathOf returns the path descriptor fd of process pid refers to,
// without a " (deleted)" mark (what strace -P compares).
func fdPathOf(pid int, fd int32) (string, bool) {
	var l procLink
	if fd < 0 || !l.read(pid, fd) {
		return "", false
	}
	return string(l.path()), true
}

// cwdLink selects /proc/PID/cwd instead of a descriptor's link.
const cwdLink = -1

// procLink is a /proc/PID/fd/N (or cwd) link and its target, kept in
// fixed buffers so that reading it does not allocate. The target is
// NUL-terminated, ready to be passed to a system call.
type procLink struct {
	name    [48]byte
	target  [unix.PathMax + 1]byte
	n       int
	deleted bool
}

// read builds the link name and reads its target. The kernel marks an
// unlinked file by appending " (deleted)"; as strace does, the suffix
// is taken off when no file of the full name is the link's file, and
// reported in deleted.
func (l *procLink) read(pid int, fd int32) bool {
	name := append(l.name[:0], "/proc/"...)
	name = strconv.AppendInt(name, int64(pid), 10)
	if fd == cwdLink {
		name = append(name, "/cwd"...)
	} else {
		name = append(name, "/fd/"...)
		name = strconv.AppendInt(name, int64(fd), 10)
	}
	name = append(name, 0)
	n, _, errno := unix.Syscall(unix.SYS_READLINK, uintptr(unsafe.Pointer(&name[0])),
		uintptr(unsafe.Pointer(&l.target[0])), uintptr(len(l.target)-1))
	if errno != 0 {
		return false
	}
	l.n = int(n)
	l.target[l.n] = 0
	l.deleted = false
	const suffix = " (deleted)"
	if l.n > len(suffix)+1 && string(l.target[l.n-len(suffix):l.n]) == suffix {
		var link, named unix.Stat_t
		linkName := string(name[:len(name)-1])
		if unix.Stat(linkName, &link) == nil {
			if unix.Lstat(string(l.path()), &named) != nil || named.Ino != link.Ino || named.Dev != link.Dev {
				l.n -= len(suffix)
				l.target[l.n] = 0
				l.deleted = true
			}
		}
	}
	return true
}

// path is the link's target.
func (l *procLink) path() []byte { return l.target[:l.n] }

// linkName is the name of the /proc link itself.
func (l *procLink) linkName() string {
	for i, b := range l.name {
		if b == 0 {
			return string(l.name[:i])
		}
	}
	return ""
}

// stat stats the target path (following symbolic links); devInfo
// calls it for absolute paths only.
func (l *procLink) stat(st *unix.Stat_t) bool {
	_, _, errno := unix.Syscall(unix.SYS_STAT, uintptr(unsafe.Pointer(&l.target[0])), uintptr(unsafe.Pointer(st)), 0)
	return errno == 0
}

// pathInfo appends <path>, escaped as strace does (no quotes, '<' and
// '>' in octal), then "(deleted)" for an unlinked file.
func (c *Ctx) pathInfo(path []byte, deleted bool) {
	c.Out = append(c.Out, '<')
	c.Out = appendAngleQuoted(c.Out, path, c.Cfg.Escape)
	c.Out = append(c.Out, '>')
	if deleted {
		c.Str("(deleted)")
	}
}

// appendAngleQuoted appends s the way strace prints a path in angle
// brackets: escaped like a quoted string (-x and -xx included) but
// without the quotes, and with '<' and '>' escaped in octal too.
func appendAngleQuoted(dst, s []byte, esc format.Escape) []byte {
	hex := esc == format.EscapeHexAll
	if esc == format.EscapeHexIfAny {
		for i := 0; i < len(s); i++ {
			if b := s[i]; b > 0x7e || b < ' ' && (b < '\t' || b > '\r') {
				hex = true
				break
			}
		}
	}
	const digits = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case hex:
			dst = append(dst, '\\', 'x', digits[b>>4], digits[b&15])
		case b == '"' || b == '\\':
			dst = append(dst, '\\', b)
		case b >= '\t' && b <= '\r':
			dst = append(dst, '\\', "tnvfr"[b-'\t'])
		case b >= ' ' && b < 0x7f && b != '<' && b != '>':
			dst = append(dst, b)
		default:
			full := i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'
			dst = append(dst, '\\')
			if full || b >= 0100 {
				dst = append(dst, '0'+b>>6)
			}
			if full || b >= 010 {
				dst = append(dst, '0'+(b>>3)&7)
			}
			dst = append(dst, '0'+b&7)
		}
	}
	return dst
}

// socketInfo appends the details of a socket:[inode] descriptor.
func (c *Ctx) socketInfo(l *procLink, path []byte) bool {
	digits, ok := bytes.CutPrefix(path, []byte("socket:["))
	if !ok || len(digits) < 2 || digits[len(digits)-1] != ']' {
		return false
	}
	var ino uint64
	for _, d := range digits[:len(digits)-1] {
		if d < '0' || d > '9' || ino > (1<<64-1)/10 {
			return false
		}
		ino = ino*10 + uint64(d-'0')
	}
	if ino == 0 {
		return false
	}
	c.Out = append(c.Out, '<')
	details, ok := sockets.cached(ino)
	if !ok {
		var name [256]byte
		proto := ""
		if n, err := unix.Getxattr(l.linkName(), "system.sockprotoname", name[:len(name)-1]); err == nil && n > 0 {
			proto = string(cutAtNUL(name[:n]))
		}
		details = sockets.resolve(ino, proto, c.Cfg.Escape)
	}
	if details == "" {
		c.Out = append(c.Out, path...)
	} else {
		c.Str(details)
	}
	c.Out = append(c.Out, '>')
	return true
}

// devInfo appends <path<char M:m>> for a device file.
func (c *Ctx) devInfo(l *procLink, path []byte) bool {
	var st unix.Stat_t
	if len(path) == 0 || path[0] != '/' || !l.stat(&st) {
		return false
	}
	kind := ""
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFCHR:
		kind = "<char "
	case unix.S_IFBLK:
		kind = "<block "
	default:
		return false
	}
	c.Out = append(c.Out, '<')
	c.Out = appendAngleQuoted(c.Out, path, c.Cfg.Escape)
	c.Str(kind)
	c.Uint(uint64(unix.Major(st.Rdev)))
	c.Out = append(c.Out, ':')
	c.Uint(uint64(unix.Minor(st.Rdev)))
	c.Str(">>")
	return true
}

// pidfdInfo appends <pid:N> for a pidfd whose process has not been
// reaped, <anon_inode:[pidfd]> for one whose process is gone.
func (c *Ctx) pidfdInfo(owner int, fd int32, path []byte) bool {
	if string(path) != "anon_inode:[pidfd]" {
		return false
	}
	c.Out = append(c.Out, '<')
	if pid := pidfdPid(owner, fd); pid > 0 {
		c.Str("pid:")
		c.Int(int64(pid))
	} else {
		c.Out = append(c.Out, path...)
	}
	c.Out = append(c.Out, '>')
	return true
}

// pidfdPid reads the Pid: line of the pidfd's fdinfo (-1 once the
// process is reaped, 0 in another pid namespace).
func pidfdPid(pid int, fd int32) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/fdinfo/" + strconv.Itoa(int(fd)))
	if err != nil {
		return -1
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Pid:\t"); ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				return -1
			}
			return n
		}
	}
	return -1
}
