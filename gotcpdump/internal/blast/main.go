// Command blast sends a fixed number of UDP frames out of one interface
// at a fixed rate through an AF_PACKET socket (sendmmsg, bypassing the
// qdisc), for gotcpdump's drop benchmark. The frames go to a MAC address
// nobody owns, so the receiving stack discards them as soon as the
// capture taps have seen them.
//
//	blast -i IFACE -n COUNT -r PPS [-s FRAME_BYTES]
//
// It prints the rate it achieved: "sent N frames in S s (R pps)".
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"net"
	"os"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

const batch = 64

func main() {
	iface := flag.String("i", "", "interface to send on")
	count := flag.Int("n", 100000, "frames to send")
	rate := flag.Int("r", 0, "frames per second (0: as fast as possible)")
	size := flag.Int("s", 128, "frame size in bytes (at least 42)")
	flag.Parse()
	if err := blast(*iface, *count, *rate, max(*size, 42)); err != nil {
		fmt.Fprintln(os.Stderr, "blast:", err)
		os.Exit(1)
	}
}

func blast(name string, count, rate, size int) error {
	ifc, err := net.InterfaceByName(name)
	if err != nil {
		return fmt.Errorf("interface %s: %w", name, err)
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("packet socket: %w", err)
	}
	defer unix.Close(fd)
	unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_QDISC_BYPASS, 1)
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Ifindex: ifc.Index}); err != nil {
		return fmt.Errorf("bind: %w", err)
	}
	frame := udpFrame(ifc.HardwareAddr, size)
	iov := unix.Iovec{Base: &frame[0]}
	iov.SetLen(len(frame))
	var msgs [batch]unix.Mmsghdr
	for i := range msgs {
		msgs[i].Hdr.Iov = &iov
		msgs[i].Hdr.Iovlen = 1
	}

	start := time.Now()
	sent := 0
	for sent < count {
		due := count
		if rate > 0 {
			due = min(count, int(time.Since(start).Seconds()*float64(rate))+1)
		}
		n := min(due-sent, batch)
		if n <= 0 {
			wait := time.Duration(float64(sent+1)/float64(rate)*1e9) - time.Since(start)
			if wait > 200*time.Microsecond {
				time.Sleep(wait - 100*time.Microsecond)
			}
			continue
		}
		r, _, errno := unix.Syscall6(unix.SYS_SENDMMSG, uintptr(fd), uintptr(unsafe.Pointer(&msgs[0])), uintptr(n), 0, 0, 0)
		switch errno {
		case 0:
			sent += int(r)
		case unix.ENOBUFS, unix.EAGAIN, unix.EINTR:
		default:
			return fmt.Errorf("sendmmsg: %w", errno)
		}
	}
	el := time.Since(start).Seconds()
	fmt.Printf("sent %d frames in %.3f s (%.0f pps)\n", sent, el, float64(sent)/el)
	return nil
}

// udpFrame builds an Ethernet/IPv4/UDP frame of size bytes from src to
// an unowned MAC, 10.231.0.2:40000 -> 10.231.0.1:9.
func udpFrame(src net.HardwareAddr, size int) []byte {
	f := make([]byte, size)
	copy(f[0:6], []byte{0x02, 0, 0, 0, 0, 0x99})
	copy(f[6:12], src)
	binary.BigEndian.PutUint16(f[12:], 0x0800)
	ip := f[14:34]
	ip[0] = 0x45
	binary.BigEndian.PutUint16(ip[2:], uint16(size-14))
	ip[8] = 64
	ip[9] = 17
	copy(ip[12:16], []byte{10, 231, 0, 2})
	copy(ip[16:20], []byte{10, 231, 0, 1})
	var sum uint32
	for i := 0; i < 20; i += 2 {
		sum += uint32(binary.BigEndian.Uint16(ip[i:]))
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	binary.BigEndian.PutUint16(ip[10:], ^uint16(sum))
	udp := f[34:]
	binary.BigEndian.PutUint16(udp[0:], 40000)
	binary.BigEndian.PutUint16(udp[2:], 9)
	binary.BigEndian.PutUint16(udp[4:], uint16(size-34))
	return f
}
