package capture

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// Direction selects which packets a live capture keeps (tcpdump -Q).
type Direction int

// The directions libpcap knows.
const (
	DirInOut Direction = iota
	DirIn
	DirOut
)

// Matcher is a compiled capture filter: the classic BPF the kernel runs
// and the same program run in user space (filter.Program is one).
type Matcher interface {
	Instructions() []bpf.RawInstruction
	Match(pkt []byte, wirelen int) uint32
}

// LiveOptions configure OpenLive.
type LiveOptions struct {
	Snaplen   int       // bytes kept per packet; 0 means MaxSnaplen
	Promisc   bool      // put the interface in promiscuous mode
	Buffer    int       // ring size in bytes; 0 means DefaultRingSize
	Immediate bool      // hand packets over within a millisecond
	Direction Direction // keep only incoming or outgoing packets
	// LinkType asks for a link type other than the device's default
	// (DLTLinuxSLL or DLTLinuxSLL2 on a cooked device, DLTEN10MB or
	// DLTDOCSIS on Ethernet); 0 means the default.
	LinkType  int
	Precision Precision
}

// DefaultRingSize is the ring a live capture gets without -B: large
// enough that the bursts which overflow libpcap's 2 MiB default do not
// overflow it.
const DefaultRingSize = 32 << 20

// Meta is what the kernel says of a captured packet beyond its bytes.
type Meta struct {
	Ifindex  int
	PktType  uint8  // PACKET_HOST, PACKET_OUTGOING, …
	Protocol uint16 // ethertype
}

// Outgoing reports whether the packet was sent by this host.
func (m Meta) Outgoing() bool { return m.PktType == unix.PACKET_OUTGOING }

// Stats are a live capture's counters (pcap_stats).
type Stats struct {
	Received  uint64 // packets the filter accepted (counted by the kernel)
	Dropped   uint64 // packets accepted but lost because the ring was full
	IfDropped uint64 // packets the interface dropped since the capture began (promiscuous captures only, as libpcap)
}

// Live is an AF_PACKET capture with a TPACKET_V3 memory-mapped ring. It
// implements Source; Data of a Packet points into the ring and is valid
// until the next call to Next.
type Live struct {
	fd, wake   int
	ring       []byte
	blockSize  int
	blocks     int
	cur        int  // block being read
	held       bool // cur is ours and must be handed back
	left       int  // packets left in the held block
	off        int  // offset of the next packet in the held block
	device     string
	ifindex    int
	loIndex    int
	linkType   int
	cooked     bool
	snaplen    int
	nano       bool
	direction  Direction
	userFilter Matcher // run in user space when the kernel cannot run it
	stop       atomic.Bool
	draining   bool
	deadline   time.Time
	delivered  uint64 // packets taken from the ring
	statsMu    sync.Mutex
	wakeMu     sync.Mutex // guards wake between Break and Close
	stats      Stats
	ifDropBase uint64
	// countIfDrops: libpcap reports interface drops only in promiscuous mode.
	countIfDrops bool
	pkt          Packet
	meta         Meta
}

// tpacket3 header and sockaddr_ll layout (linux/if_packet.h).
const (
	tp3HdrLen   = 48 // TPACKET_ALIGN(sizeof(struct tpacket3_hdr))
	sllLen      = 20
	tpHdrLenV3  = tp3HdrLen + sllLen
	vlanTagLen  = 4
	sll1HdrLen  = 16
	sll2HdrLen  = 20
	blockHdrOff = 8 // offsetof(struct tpacket_block_desc, hdr)
)

// OpenLive opens device ("any" for every interface) for capture: the
// socket, its ring and promiscuous mode. Nothing is received until Start.
// Errors carry libpcap's texts.
func OpenLive(device string, o LiveOptions) (*Live, error) {
	l := &Live{device: device, snaplen: o.Snaplen, nano: o.Precision == Nano, direction: o.Direction, fd: -1, wake: -1}
	if l.snaplen <= 0 || l.snaplen > MaxSnaplen {
		l.snaplen = MaxSnaplen
	}
	types, err := l.findDevice()
	if err != nil {
		return nil, err
	}
	if lo, err := net.InterfaceByName("lo"); err == nil {
		l.loIndex = lo.Index
	}
	if err := l.open(o, types); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// findDevice checks the device and picks its default link type; whether
// the capture is cooked depends on the device alone.
func (l *Live) findDevice() ([]int, error) {
	types, err := deviceLinkTypes(l.device)
	if err != nil {
		return nil, err
	}
	if l.device != AnyDevice {
		ifc, err := net.InterfaceByName(l.device)
		if err != nil {
			return nil, ErrNoSuchDevice
		}
		if ifc.Flags&net.FlagUp == 0 {
			return nil, ErrNotUp
		}
		l.ifindex = ifc.Index
	}
	l.linkType = types[0]
	l.cooked = l.linkType == DLTLinuxSLL || l.linkType == DLTLinuxSLL2
	return types, nil
}

// setLinkType switches to another of the device's link types
// (pcap_set_datalink).
func (l *Live) setLinkType(want int, types []int) error {
	for _, t := range types {
		if t == want {
			l.linkType = want
			return nil
		}
	}
	return fmt.Errorf("%s is not one of the DLTs supported by this device", LinkTypeName(want))
}

func (l *Live) open(o LiveOptions, types []int) error {
	typ := unix.SOCK_RAW
	if l.cooked {
		typ = unix.SOCK_DGRAM
	}
	// Protocol 0: nothing arrives until bind names ETH_P_ALL, after the
	// ring and the filter are in place.
	fd, err := unix.Socket(unix.AF_PACKET, typ|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
			return fmt.Errorf("%s: You don't have permission to perform this capture on that device\n(socket: %s)", l.device, errnoText(err))
		}
		return fmt.Errorf("socket: %s", errnoText(err))
	}
	l.fd = fd
	if o.LinkType != 0 {
		if err := l.setLinkType(o.LinkType, types); err != nil {
			return err
		}
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_VERSION, unix.TPACKET_V3); err != nil {
		return fmt.Errorf("can't use TPACKET_V3: %w", err)
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_RESERVE, vlanTagLen); err != nil {
		return fmt.Errorf("can't set up reserve on packet socket: %w", err)
	}
	if err := l.makeRing(o); err != nil {
		return err
	}
	if o.Promisc && l.ifindex != 0 {
		mr := unix.PacketMreq{Ifindex: int32(l.ifindex), Type: unix.PACKET_MR_PROMISC}
		if err := unix.SetsockoptPacketMreq(fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, &mr); err != nil {
			return fmt.Errorf("setsockopt (PACKET_ADD_MEMBERSHIP): %s", errnoText(err))
		}
	}
	if o.Promisc && l.ifindex != 0 {
		l.countIfDrops = true
		l.ifDropBase = l.ifDrops()
	}
	l.wake, err = unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		return fmt.Errorf("eventfd: %w", err)
	}
	return nil
}

// Start attaches the filter (nil: everything, cut to the snapshot
// length) and starts capturing. The filter is in place before the socket
// is bound, so no packet it rejects is ever copied to the ring.
func (l *Live) Start(m Matcher) error {
	if err := l.SetFilter(m); err != nil {
		return err
	}
	sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: l.ifindex}
	if err := unix.Bind(l.fd, sa); err != nil {
		if errors.Is(err, unix.ENETDOWN) {
			return ErrNotUp
		}
		return fmt.Errorf("%s: bind: %s", l.device, errnoText(err))
	}
	return nil
}

// makeRing sizes and maps the TPACKET_V3 ring: blocks big enough for the
// largest frame, as many as the buffer size allows (at least four so the
// kernel always has somewhere to write while we read).
func (l *Live) makeRing(o LiveOptions) error {
	total := o.Buffer
	if total <= 0 {
		total = DefaultRingSize
	}
	minBlock := os.Getpagesize()
	for minBlock < l.snaplen+tpHdrLenV3+64+vlanTagLen {
		minBlock <<= 1
	}
	l.blockSize = max(minBlock, 1<<20)
	for l.blockSize > minBlock && total/l.blockSize < 8 {
		l.blockSize >>= 1
	}
	l.blocks = max((total+l.blockSize-1)/l.blockSize, 4)
	tov := uint32(50)
	if o.Immediate {
		tov = 1
	}
	req := unix.TpacketReq3{
		Block_size:     uint32(l.blockSize),
		Block_nr:       uint32(l.blocks),
		Frame_size:     uint32(l.blockSize),
		Frame_nr:       uint32(l.blocks),
		Retire_blk_tov: tov,
	}
	if err := unix.SetsockoptTpacketReq3(l.fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req); err != nil {
		return fmt.Errorf("can't create rx ring on packet socket: %s", errnoText(err))
	}
	ring, err := unix.Mmap(l.fd, 0, l.blockSize*l.blocks, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return fmt.Errorf("can't mmap rx ring: %s", errnoText(err))
	}
	l.ring = ring
	return nil
}

// LinkType is the DLT_ number of the capture.
func (l *Live) LinkType() int { return l.linkType }

// Snaplen is the snapshot length.
func (l *Live) Snaplen() int { return l.snaplen }

// Meta describes the packet the last Next returned.
func (l *Live) Meta() Meta { return l.meta }

// Device is the name the capture was opened on.
func (l *Live) Device() string { return l.device }

// SetFilter attaches m (nil: accept everything, cut to the snapshot
// length) to the socket, behind a prelude that drops the copies of
// loopback packets the kernel shows as outgoing and the direction -Q
// excludes. A program that reads the cooked header in ways the kernel
// cannot emulate runs in user space instead.
func (l *Live) SetFilter(m Matcher) error {
	var user []bpf.RawInstruction
	if m != nil {
		user = m.Instructions()
	} else {
		user = []bpf.RawInstruction{{Op: bpfRetK, K: uint32(l.snaplen)}}
	}
	l.userFilter = nil
	if l.cooked {
		fixed, ok := fixCookedOffsets(user, l.linkType)
		if ok {
			user = fixed
		} else {
			l.userFilter = m
			user = []bpf.RawInstruction{{Op: bpfRetK, K: MaxSnaplen}}
		}
	}
	prog := append(l.prelude(), user...)
	return attachFilter(l.fd, prog)
}

const (
	bpfLdHAbs = 0x28 // ldh [k]
	bpfLdWAbs = 0x20 // ld [k]
	bpfJeqK   = 0x15
	bpfRetK   = 0x06
	skfAdOff  = 0xfffff000
	skfProto  = 0
	skfPktTyp = 4
	skfIfidx  = 8
)

// prelude is the code run before the user's filter: drop loopback
// packets seen on the way out (the same packet comes back in) and the
// direction -Q rejects. Falling through reaches the user's program, whose
// relative jumps are unaffected by what precedes it.
func (l *Live) prelude() []bpf.RawInstruction {
	var p []bpf.RawInstruction
	if l.loIndex != 0 && (l.ifindex == 0 || l.ifindex == l.loIndex) {
		p = append(p,
			bpf.RawInstruction{Op: bpfLdHAbs, K: skfAdOff + skfPktTyp},
			bpf.RawInstruction{Op: bpfJeqK, K: unix.PACKET_OUTGOING, Jt: 0, Jf: 3},
			bpf.RawInstruction{Op: bpfLdWAbs, K: skfAdOff + skfIfidx},
			bpf.RawInstruction{Op: bpfJeqK, K: uint32(l.loIndex), Jt: 0, Jf: 1},
			bpf.RawInstruction{Op: bpfRetK, K: 0},
		)
	}
	switch l.direction {
	case DirIn:
		p = append(p,
			bpf.RawInstruction{Op: bpfLdHAbs, K: skfAdOff + skfPktTyp},
			bpf.RawInstruction{Op: bpfJeqK, K: unix.PACKET_OUTGOING, Jt: 0, Jf: 1},
			bpf.RawInstruction{Op: bpfRetK, K: 0})
	case DirOut:
		p = append(p,
			bpf.RawInstruction{Op: bpfLdHAbs, K: skfAdOff + skfPktTyp},
			bpf.RawInstruction{Op: bpfJeqK, K: unix.PACKET_OUTGOING, Jt: 1, Jf: 0},
			bpf.RawInstruction{Op: bpfRetK, K: 0})
	}
	return p
}

func attachFilter(fd int, prog []bpf.RawInstruction) error {
	fp := unix.SockFprog{Len: uint16(len(prog)), Filter: (*unix.SockFilter)(unsafe.Pointer(&prog[0]))}
	if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp); err != nil {
		return fmt.Errorf("can't attach filter: %s", errnoText(err))
	}
	return nil
}

// fixCookedOffsets rewrites a program written for a cooked header, which
// the kernel does not see on a SOCK_DGRAM socket, into one that reads
// the same fields through the kernel's ancillary loads and the packet
// after the header at its real offsets (libpcap's fix_offset). ok is
// false when the program reads a header field the kernel cannot give.
func fixCookedOffsets(in []bpf.RawInstruction, dlt int) ([]bpf.RawInstruction, bool) {
	hdr := uint32(sll1HdrLen)
	fields := map[uint32]uint32{0: skfPktTyp, 14: skfProto}
	if dlt == DLTLinuxSLL2 {
		hdr = sll2HdrLen
		fields = map[uint32]uint32{0: skfProto, 4: skfIfidx, 10: skfPktTyp}
	}
	out := make([]bpf.RawInstruction, len(in))
	copy(out, in)
	for i := range out {
		ins := &out[i]
		class, mode := ins.Op&0x07, ins.Op&0xe0
		isLoad := (class == 0x00 && (mode == 0x20 || mode == 0x40)) || (class == 0x01 && mode == 0xa0)
		if !isLoad || ins.K >= skfAdOff {
			continue
		}
		if ins.K >= hdr {
			ins.K -= hdr
			continue
		}
		ad, ok := fields[ins.K]
		if !ok || mode != 0x20 {
			return nil, false
		}
		ins.K = skfAdOff + ad
	}
	return out, true
}

// Break makes a blocked or later Next return io.EOF once the packets the
// kernel has already counted are delivered; safe from any goroutine or a
// signal handler's goroutine.
func (l *Live) Break() {
	l.stop.Store(true)
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1)
	l.wakeMu.Lock()
	if l.wake >= 0 {
		unix.Write(l.wake, one[:])
	}
	l.wakeMu.Unlock()
}

func (l *Live) blockStatus(b int) *uint32 {
	return (*uint32)(unsafe.Pointer(&l.ring[b*l.blockSize+blockHdrOff]))
}

// Next returns the next packet, blocking until one arrives, or io.EOF
// after Break.
func (l *Live) Next() (*Packet, error) {
	for {
		if l.left > 0 {
			if p, ok := l.take(); ok {
				return p, nil
			}
			continue
		}
		if l.held {
			atomic.StoreUint32(l.blockStatus(l.cur), unix.TP_STATUS_KERNEL)
			l.held = false
			l.cur = (l.cur + 1) % l.blocks
		}
		if atomic.LoadUint32(l.blockStatus(l.cur))&unix.TP_STATUS_USER != 0 {
			base := l.cur * l.blockSize
			h := l.ring[base+blockHdrOff:]
			l.held = true
			l.left = int(binary.NativeEndian.Uint32(h[4:]))
			l.off = base + int(binary.NativeEndian.Uint32(h[8:]))
			continue
		}
		if err := l.wait(); err != nil {
			return nil, err
		}
	}
}

// wait blocks until a block is ready; after Break it stops taking new
// packets and waits only for those already counted to be handed over.
func (l *Live) wait() error {
	timeout := -1
	if l.stop.Load() {
		if !l.draining {
			l.draining = true
			l.deadline = time.Now().Add(500 * time.Millisecond)
			// Reject everything from now on; what is counted is what
			// the ring holds or already handed out.
			attachFilter(l.fd, []bpf.RawInstruction{{Op: bpfRetK, K: 0}})
		}
		st, err := l.Stats()
		if err != nil || l.delivered >= st.Received-st.Dropped || time.Now().After(l.deadline) {
			return io.EOF
		}
		timeout = 10
	}
	fds := []unix.PollFd{{Fd: int32(l.fd), Events: unix.POLLIN}, {Fd: int32(l.wake), Events: unix.POLLIN}}
	if l.draining {
		// The wake-up stays readable; only the ring matters now.
		fds = fds[:1]
	}
	_, err := unix.Poll(fds, timeout)
	if err != nil && !errors.Is(err, unix.EINTR) {
		return fmt.Errorf("can't poll on packet socket: %s", errnoText(err))
	}
	if fds[0].Revents&(unix.POLLERR|unix.POLLHUP|unix.POLLNVAL) != 0 {
		return l.socketError(fds[0].Revents)
	}
	return nil
}

func (l *Live) socketError(revents int16) error {
	switch {
	case revents&unix.POLLNVAL != 0:
		return formatErr("Invalid polling request on packet socket")
	case revents&unix.POLLHUP != 0:
		return formatErr("Hangup on packet socket")
	}
	e, err := unix.GetsockoptInt(l.fd, unix.SOL_SOCKET, unix.SO_ERROR)
	if err != nil {
		return fmt.Errorf("can't get SO_ERROR: %s", errnoText(err))
	}
	if unix.Errno(e) == unix.ENETDOWN {
		return formatErr("The interface went down")
	}
	if _, err := net.InterfaceByIndex(l.ifindex); l.ifindex != 0 && err != nil {
		return formatErr("The interface disappeared")
	}
	return formatErr("Error condition on packet socket: %s", errnoText(unix.Errno(e)))
}

// take decodes the packet at l.off; ok is false when the user-space
// filter rejects it.
func (l *Live) take() (*Packet, bool) {
	h := l.ring[l.off:]
	next := binary.NativeEndian.Uint32(h[0:])
	sec := binary.NativeEndian.Uint32(h[4:])
	nsec := binary.NativeEndian.Uint32(h[8:])
	caplen := int(binary.NativeEndian.Uint32(h[12:]))
	wirelen := binary.NativeEndian.Uint32(h[16:])
	status := binary.NativeEndian.Uint32(h[20:])
	mac := int(binary.NativeEndian.Uint16(h[24:]))
	tci := binary.NativeEndian.Uint32(h[32:])
	tpid := binary.NativeEndian.Uint16(h[36:])
	sll := h[tp3HdrLen : tp3HdrLen+sllLen]
	start := l.off

	l.left--
	l.off += int(next)
	l.delivered++

	m := &l.meta
	m.Protocol = binary.BigEndian.Uint16(sll[2:])
	m.Ifindex = int(binary.NativeEndian.Uint32(sll[4:]))
	m.PktType = sll[10]

	data := l.ring[start+mac : start+mac+caplen]
	if l.cooked {
		data = l.cookedHeader(start+mac, caplen, sll)
		wirelen += uint32(len(data) - caplen)
	}
	if (tci != 0 || status&unix.TP_STATUS_VLAN_VALID != 0) && l.linkType != DLTLinuxSLL2 {
		if status&unix.TP_STATUS_VLAN_TPID_VALID == 0 {
			tpid = unix.ETH_P_8021Q
		}
		data = l.insertVLAN(data, uint16(tci), tpid)
		wirelen += vlanTagLen
	}
	if len(data) > l.snaplen {
		data = data[:l.snaplen]
	}
	p := &l.pkt
	p.Sec = int64(sec)
	p.Frac = int64(nsec)
	if !l.nano {
		p.Frac /= 1000
	}
	p.Data = data
	p.Caplen = uint32(len(data))
	p.Len = wirelen
	if l.userFilter != nil && l.userFilter.Match(data, int(wirelen)) == 0 {
		return nil, false
	}
	return p, true
}

// cookedHeader writes the Linux cooked header in front of the packet, in
// the ring's free space between the sockaddr_ll and the data.
func (l *Live) cookedHeader(at, caplen int, sll []byte) []byte {
	hatype := binary.NativeEndian.Uint16(sll[8:])
	halen := min(sll[11], 8)
	if l.linkType == DLTLinuxSLL2 {
		h := l.ring[at-sll2HdrLen : at]
		copy(h[0:2], sll[2:4])
		h[2], h[3] = 0, 0
		binary.BigEndian.PutUint32(h[4:], binary.NativeEndian.Uint32(sll[4:]))
		binary.BigEndian.PutUint16(h[8:], hatype)
		h[10] = sll[10]
		h[11] = halen
		copy(h[12:20], sll[12:20])
		return l.ring[at-sll2HdrLen : at+caplen]
	}
	h := l.ring[at-sll1HdrLen : at]
	binary.BigEndian.PutUint16(h[0:], uint16(sll[10]))
	binary.BigEndian.PutUint16(h[2:], hatype)
	binary.BigEndian.PutUint16(h[4:], uint16(halen))
	copy(h[6:14], sll[12:20])
	copy(h[14:16], sll[2:4])
	return l.ring[at-sll1HdrLen : at+caplen]
}

// insertVLAN puts back the 802.1Q tag the driver stripped, after the
// MAC addresses (Ethernet) or the cooked header's address (SLL): the
// bytes before the tag move four bytes towards the reserved space.
func (l *Live) insertVLAN(data []byte, tci, tpid uint16) []byte {
	at := 2 * 6
	if l.linkType == DLTLinuxSLL {
		at = sll1HdrLen - 2
	}
	if len(data) < at {
		return data
	}
	start := l.ringOffset(data)
	if start < vlanTagLen {
		return data
	}
	grown := l.ring[start-vlanTagLen : start+len(data)]
	copy(grown, data[:at])
	binary.BigEndian.PutUint16(grown[at:], tpid)
	binary.BigEndian.PutUint16(grown[at+2:], tci)
	return grown
}

func (l *Live) ringOffset(b []byte) int {
	return int(uintptr(unsafe.Pointer(&b[0])) - uintptr(unsafe.Pointer(&l.ring[0])))
}

// Stats returns the counters since the capture began. The kernel resets
// its counters on every read, so they are summed here.
func (l *Live) Stats() (Stats, error) {
	l.statsMu.Lock()
	defer l.statsMu.Unlock()
	ks, err := unix.GetsockoptTpacketStatsV3(l.fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
	if err != nil {
		return l.stats, fmt.Errorf("failed to get statistics from socket: %s", errnoText(err))
	}
	// tp_packets already includes tp_drops.
	l.stats.Received += uint64(ks.Packets)
	l.stats.Dropped += uint64(ks.Drops)
	if l.countIfDrops {
		if n := l.ifDrops(); n >= l.ifDropBase {
			l.stats.IfDropped = n - l.ifDropBase
		}
	}
	return l.stats, nil
}

// ifDrops is the interface's count of received packets it dropped or
// missed.
func (l *Live) ifDrops() uint64 {
	dir := "/sys/class/net/" + l.device + "/statistics/"
	dropped, _ := readSysUint(dir + "rx_dropped")
	missed, _ := readSysUint(dir + "rx_missed_errors")
	return dropped + missed
}

// Close releases the ring and the socket.
func (l *Live) Close() error {
	if l.ring != nil {
		unix.Munmap(l.ring)
		l.ring = nil
	}
	l.wakeMu.Lock()
	if l.wake >= 0 {
		unix.Close(l.wake)
		l.wake = -1
	}
	l.wakeMu.Unlock()
	if l.fd >= 0 {
		unix.Close(l.fd)
		l.fd = -1
	}
	return nil
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }
