package decode

import (
	"bufio"
	"encoding/hex"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// -yy details: the device numbers of device files and the addresses of
// TCP and UDP sockets, found in the tracee's /proc/PID/net tables.

// fdDetails appends what -yy adds for the target of a descriptor link
// and reports whether it handled the target.
func (c *Ctx) fdDetails(link, target string) bool {
	if ino, ok := strings.CutPrefix(target, "socket:["); ok {
		c.socketDetails(link, strings.TrimSuffix(ino, "]"))
		return true
	}
	var st unix.Stat_t
	if !strings.HasPrefix(target, "/") || unix.Stat(link, &st) != nil {
		return false
	}
	kind := ""
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFCHR:
		kind = "char"
	case unix.S_IFBLK:
		kind = "block"
	default:
		return false
	}
	c.Out = append(c.Out, '<')
	c.Str(target)
	c.Out = append(c.Out, '<')
	c.Str(kind)
	c.Out = append(c.Out, ' ')
	c.Uint(uint64(unix.Major(st.Rdev)))
	c.Out = append(c.Out, ':')
	c.Uint(uint64(unix.Minor(st.Rdev)))
	c.Str(">>")
	return true
}

// socketDetails prints <PROTO:[addresses]> or <PROTO:[inode]>.
func (c *Ctx) socketDetails(link, ino string) {
	proto := "socket"
	buf := make([]byte, 64)
	if n, err := unix.Getxattr(link, "system.sockprotoname", buf); err == nil {
		proto = strings.TrimRight(string(buf[:n]), "\x00")
	}
	c.Out = append(c.Out, '<')
	c.Str(proto)
	c.Str(":[")
	table := map[string]string{"TCP": "tcp", "UDP": "udp", "TCPv6": "tcp6", "UDPv6": "udp6"}[proto]
	if table == "" || !c.inetEndpoints(table, ino) {
		c.Str(ino)
	}
	c.Str("]>")
}

// inetEndpoints finds the socket inode in /proc/PID/net/TABLE and prints
// local[->remote]; false when the socket has no address yet.
func (c *Ctx) inetEndpoints(table, ino string) bool {
	f, err := os.Open("/proc/" + strconv.Itoa(c.Pid) + "/net/" + table)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 10 || fields[9] != ino {
			continue
		}
		local, lok := parseProcAddr(fields[1])
		remote, rok := parseProcAddr(fields[2])
		if !lok || !rok || !local.IsValid() && false {
			return false
		}
		if local.Addr().IsUnspecified() && local.Port() == 0 {
			return false
		}
		c.Str(local.String())
		if !(remote.Addr().IsUnspecified() && remote.Port() == 0) {
			c.Str("->")
			c.Str(remote.String())
		}
		return true
	}
	return false
}

// parseProcAddr decodes "0100007F:1F90" (IPv4) or the 32-digit IPv6
// form: the address is printed word by word in host byte order.
func parseProcAddr(s string) (netip.AddrPort, bool) {
	a, p, ok := strings.Cut(s, ":")
	if !ok {
		return netip.AddrPort{}, false
	}
	port, err := strconv.ParseUint(p, 16, 16)
	if err != nil {
		return netip.AddrPort{}, false
	}
	raw, err := hex.DecodeString(a)
	if err != nil || len(raw)%4 != 0 {
		return netip.AddrPort{}, false
	}
	for i := 0; i < len(raw); i += 4 {
		raw[i], raw[i+1], raw[i+2], raw[i+3] = raw[i+3], raw[i+2], raw[i+1], raw[i]
	}
	var addr netip.Addr
	switch len(raw) {
	case 4:
		addr = netip.AddrFrom4([4]byte(raw))
	case 16:
		addr = netip.AddrFrom16([16]byte(raw))
	default:
		return netip.AddrPort{}, false
	}
	return netip.AddrPortFrom(addr, uint16(port)), true
}
