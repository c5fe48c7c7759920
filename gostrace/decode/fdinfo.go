package decode

import (
	"errors"
	"os"
	"strconv"
	"strings"

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
// configuration asks for it and the descriptor is open.
func (c *Ctx) fdInfo(fd int32) {
	set := c.Cfg.DecodeFDs
	if set == 0 || fd < 0 {
		return
	}
	link := "/proc/" + strconv.Itoa(c.Pid) + "/fd/" + strconv.Itoa(int(fd))
	path, deleted, ok := fdLinkPath(link)
	if !ok {
		return
	}
	switch {
	case set&FDSocket != 0 && c.socketInfo(link, path):
	case set&FDDev != 0 && c.devInfo(path):
	case set&FDPidfd != 0 && c.pidfdInfo(fd, path):
	case set&FDPath != 0:
		c.pathInfo(path, deleted)
	}
}

// cwdInfo appends <cwd> after AT_FDCWD when paths are decoded.
func (c *Ctx) cwdInfo() {
	if c.Cfg.DecodeFDs&FDPath == 0 {
		return
	}
	path, deleted, ok := fdLinkPath("/proc/" + strconv.Itoa(c.Pid) + "/cwd")
	if ok {
		c.pathInfo(path, deleted)
	}
}

// fdLinkPath reads a /proc link. The kernel marks an unlinked file by
// appending " (deleted)"; as strace does, the suffix is taken off when
// no file of the full name is the link's file, and reported apart.
func fdLinkPath(link string) (path string, deleted, ok bool) {
	path, err := os.Readlink(link)
	if err != nil {
		return "", false, false
	}
	const suffix = " (deleted)"
	if len(path) <= len(suffix)+1 || !strings.HasSuffix(path, suffix) {
		return path, false, true
	}
	var target, named unix.Stat_t
	if unix.Stat(link, &target) != nil {
		return path, false, true
	}
	if unix.Lstat(path, &named) != nil || named.Ino != target.Ino || named.Dev != target.Dev {
		return path[:len(path)-len(suffix)], true, true
	}
	return path, false, true
}

// pathInfo appends <path>, escaped as strace does (no quotes, '<' and
// '>' in octal), then "(deleted)" for an unlinked file.
func (c *Ctx) pathInfo(path string, deleted bool) {
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
func appendAngleQuoted(dst []byte, s string, esc format.Escape) []byte {
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
func (c *Ctx) socketInfo(link, path string) bool {
	digits, ok := strings.CutPrefix(path, "socket:[")
	if !ok || !strings.HasSuffix(digits, "]") {
		return false
	}
	ino, err := strconv.ParseUint(digits[:len(digits)-1], 10, 64)
	if err != nil || ino == 0 {
		return false
	}
	details, ok := sockets.cached(ino)
	if !ok {
		var name [256]byte
		proto := ""
		if n, err := unix.Getxattr(link, "system.sockprotoname", name[:len(name)-1]); err == nil && n > 0 {
			proto = string(cutAtNUL(name[:n]))
		}
		details = sockets.resolve(ino, proto, c.Cfg.Escape)
	}
	if details == "" {
		details = path
	}
	c.Out = append(c.Out, '<')
	c.Str(details)
	c.Out = append(c.Out, '>')
	return true
}

// devInfo appends <path<char M:m>> for a device file.
func (c *Ctx) devInfo(path string) bool {
	var st unix.Stat_t
	if !strings.HasPrefix(path, "/") || unix.Stat(path, &st) != nil {
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
func (c *Ctx) pidfdInfo(fd int32, path string) bool {
	if path != "anon_inode:[pidfd]" {
		return false
	}
	c.Out = append(c.Out, '<')
	if pid := pidfdPid(c.Pid, fd); pid > 0 {
		c.Str("pid:")
		c.Int(int64(pid))
	} else {
		c.Str(path)
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
