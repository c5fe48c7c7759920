package main

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"

	"golang.org/x/sys/unix"
)

// killer is -K: for every TCP packet ngrep shows (neither SYN, FIN nor
// RST), it sends count RST segments back to the sender over a raw IPv4
// socket and reports each on stderr, as ngrep's built-in tcpkill does.
type killer struct {
	fd    int
	count uint32
	prog  string
	pkt   [40]byte
	line  []byte
}

// newKiller opens the raw socket (libnet's LIBNET_RAW4).
func newKiller(prog string, count uint32) (*killer, error) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_RAW, unix.IPPROTO_RAW)
	if err != nil {
		return nil, &exitRequest{stderr: baseProg(prog) + ": couldn't initialize sending\n", status: 1}
	}
	return &killer{fd: fd, count: count, prog: prog}, nil
}

// kill reads the packet as tcpkill does: an IPv4 header right after the
// link header (VLAN tags are not skipped), whatever the packet is.
func (k *killer) kill(buf []byte, caplen uint32, linkOffset int) {
	m := func(i int) byte {
		if i < len(buf) {
			return buf[i]
		}
		return 0
	}
	be16 := func(i int) uint16 { return uint16(m(i))<<8 | uint16(m(i+1)) }
	ip := linkOffset
	if m(ip+9) != unix.IPPROTO_TCP {
		return
	}
	tcp := ip + int(m(ip)&0x0f)*4
	if m(tcp+13)&(0x02|0x01|0x04) != 0 {
		return
	}
	seq := uint32(be16(tcp+8))<<16 | uint32(be16(tcp+10))
	win := uint32(be16(tcp + 14))
	var src, dst [4]byte
	for i := range 4 {
		src[i], dst[i] = m(ip+12+i), m(ip+16+i)
	}
	sport, dport := be16(tcp), be16(tcp+2)
	for i := uint32(0); i < k.count; i++ {
		seq += i * win
		k.send(dst, src, dport, sport, seq)
		k.line = fmt.Appendf(k.line[:0], "%d.%d.%d.%d:%d > %d.%d.%d.%d:%d: R %d:%d(0) win 0\n",
			src[0], src[1], src[2], src[3], sport, dst[0], dst[1], dst[2], dst[3], dport, seq, seq)
		os.Stderr.Write(k.line)
	}
}

// send writes one RST from src:sport to dst:dport.
func (k *killer) send(src, dst [4]byte, sport, dport uint16, seq uint32) {
	p := k.pkt[:]
	clear(p)
	p[0] = 0x45
	binary.BigEndian.PutUint16(p[2:], 40)
	binary.BigEndian.PutUint16(p[4:], uint16(rand.Uint32()))
	p[8] = 64
	p[9] = unix.IPPROTO_TCP
	copy(p[12:], src[:])
	copy(p[16:], dst[:])
	binary.BigEndian.PutUint16(p[10:], checksum(p[:20], 0))
	t := p[20:]
	binary.BigEndian.PutUint16(t[0:], sport)
	binary.BigEndian.PutUint16(t[2:], dport)
	binary.BigEndian.PutUint32(t[4:], seq)
	t[12] = 5 << 4
	t[13] = 0x04
	pseudo := uint32(src[0])<<8 | uint32(src[1]) + uint32(src[2])<<8 | uint32(src[3]) +
		uint32(dst[0])<<8 | uint32(dst[1]) + uint32(dst[2])<<8 | uint32(dst[3]) + unix.IPPROTO_TCP + 20
	binary.BigEndian.PutUint16(t[16:], checksum(t, pseudo))
	sa := &unix.SockaddrInet4{Addr: dst}
	if err := unix.Sendto(k.fd, p, 0, sa); err != nil {
		fmt.Fprintf(os.Stderr, "%s: write: %s\n", baseProg(k.prog), errnoText(err))
	}
}

func checksum(b []byte, sum uint32) uint16 {
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	return ^uint16(sum)
}

func (k *killer) close() { unix.Close(k.fd) }

// baseProg is the program name err(3) and warn(3) print: argv[0]'s last
// element.
func baseProg(argv0 string) string {
	for i := len(argv0) - 1; i >= 0; i-- {
		if argv0[i] == '/' {
			return argv0[i+1:]
		}
	}
	return argv0
}
