package main

import (
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/common/sysent"
)

// -e read=SET and -e write=SET: after the line of a call that moved data
// through a descriptor in the set, strace dumps the data in hex and
// ASCII, 16 bytes a line (" | 00000  68 65 …  he… |"); vectored calls
// announce each buffer with " * N bytes in buffer I".

// fdSet is a set of file descriptors given to -e read= or -e write=.
type fdSet struct {
	all bool         // "all" was listed
	not bool         // the list is negated with "!"
	fds map[int]bool // listed descriptors
}

// has reports whether fd is in the set.
func (s *fdSet) has(fd int) bool {
	if s == nil || fd < 0 {
		return false
	}
	return (s.all || s.fds[fd]) != s.not
}

// parseFDSet parses "[!]N,M,…" where a name may also be "all" or "none".
func parseFDSet(val string) (*fdSet, error) {
	s := &fdSet{fds: map[int]bool{}}
	list := val
	if strings.HasPrefix(list, "!") {
		s.not, list = true, list[1:]
	}
	for _, tok := range strings.Split(list, ",") {
		switch tok {
		case "all":
			s.all = true
			continue
		case "none":
			continue
		}
		n, err := strconv.ParseUint(tok, 10, 31)
		if err != nil || tok[0] == '+' {
			return nil, fatalf("invalid descriptor '%s'", tok)
		}
		s.fds[int(n)] = true
	}
	return s, nil
}

// dumpKind says where a call keeps the data it moves.
type dumpKind uint8

const (
	dumpNone    dumpKind = iota
	dumpBuf              // buffer in argument 1
	dumpIovec            // iovec array in argument 1, count in argument 2
	dumpMsghdr           // struct msghdr in argument 1
	dumpMmsghdr          // struct mmsghdr array in argument 1, as many as the call returned
)

var writeDumpNames = map[string]dumpKind{
	"write": dumpBuf, "pwrite64": dumpBuf, "sendto": dumpBuf, "mq_timedsend": dumpBuf,
	"writev": dumpIovec, "pwritev": dumpIovec, "pwritev2": dumpIovec, "vmsplice": dumpIovec,
	"sendmsg": dumpMsghdr, "sendmmsg": dumpMmsghdr,
}

var readDumpNames = map[string]dumpKind{
	"read": dumpBuf, "pread64": dumpBuf, "recvfrom": dumpBuf, "mq_timedreceive": dumpBuf,
	"readv": dumpIovec, "preadv": dumpIovec, "preadv2": dumpIovec,
	"recvmsg": dumpMsghdr, "recvmmsg": dumpMmsghdr,
}

// writeDumps and readDumps index the tables by system call number.
var writeDumps, readDumps [sysent.Max]dumpKind

func init() {
	for table, names := range map[*[sysent.Max]dumpKind]map[string]dumpKind{&writeDumps: writeDumpNames, &readDumps: readDumpNames} {
		for name, k := range names {
			if nr, ok := sysent.Number(name); ok {
				table[nr] = k
			}
		}
	}
}

// maxIovecs bounds the iovec arrays read from a tracee (UIO_MAXIOV).
const maxIovecs = 1024

// ioDumper appends the dumps of one call; its buffer is reused.
type ioDumper struct {
	data []byte
	iov  [maxIovecs * 16]byte
}

// dumpIO appends the dumps that -e read=/write= ask for after the line
// of the call p just finished. Written data is dumped even when the
// call failed, as strace does; read data only on success.
func (t *tracer) dumpIO(p *proc) {
	c := &p.ctx
	if c.Nr < 0 || c.Nr >= sysent.Max {
		return
	}
	fd := int(int32(c.Args[0]))
	if k := writeDumps[c.Nr]; k != dumpNone && t.opt.writeFDs.has(fd) {
		size := int64(-1)
		if k == dumpMmsghdr {
			size = max(c.Ret, 0) // messages sent
		}
		p.out.buf = t.io.dump(p.out.buf, p.pid, k, c.Args, size)
	}
	if c.Failed {
		return
	}
	if k := readDumps[c.Nr]; k != dumpNone && t.opt.readFDs.has(fd) {
		p.out.buf = t.io.dump(p.out.buf, p.pid, k, c.Args, c.Ret)
	}
}

// dump appends the data of one call; size limits it (-1: no limit).
func (d *ioDumper) dump(dst []byte, pid int, k dumpKind, args [6]uint64, size int64) []byte {
	switch k {
	case dumpBuf:
		n := int64(args[2])
		if size >= 0 {
			n = size
		}
		return d.dumpMem(dst, pid, args[1], n)
	case dumpIovec:
		return d.dumpIovecs(dst, pid, args[1], args[2], size)
	case dumpMsghdr:
		var mh [56]byte
		if got, err := ptrace.ReadMem(pid, args[1], mh[:]); err != nil || got != len(mh) {
			return dst
		}
		return d.dumpIovecs(dst, pid, binary.LittleEndian.Uint64(mh[16:]), binary.LittleEndian.Uint64(mh[24:]), size)
	case dumpMmsghdr:
		return d.dumpMmsg(dst, pid, args[1], size)
	}
	return dst
}

// dumpMmsg dumps n struct mmsghdr (sendmmsg, recvmmsg): each message
// is announced with " = N buffers in vector I" and its buffers are
// dumped up to the msg_len the kernel set.
func (d *ioDumper) dumpMmsg(dst []byte, pid int, addr uint64, n int64) []byte {
	const mmsghdrSize = 64
	for i := int64(0); i < min(n, maxIovecs); i++ {
		var mh [mmsghdrSize]byte
		if got, err := ptrace.ReadMem(pid, addr+uint64(i)*mmsghdrSize, mh[:]); err != nil || got != len(mh) {
			break
		}
		iov, iovlen := binary.LittleEndian.Uint64(mh[16:]), binary.LittleEndian.Uint64(mh[24:])
		dst = append(dst, " = "...)
		dst = strconv.AppendUint(dst, iovlen, 10)
		dst = append(dst, " buffers in vector "...)
		dst = strconv.AppendInt(dst, i, 10)
		dst = append(dst, '\n')
		dst = d.dumpIovecs(dst, pid, iov, iovlen, int64(binary.LittleEndian.Uint32(mh[56:])))
	}
	return dst
}

// dumpIovecs dumps the buffers of an iovec array up to size bytes in
// all, stopping at the first empty one.
func (d *ioDumper) dumpIovecs(dst []byte, pid int, addr, count uint64, size int64) []byte {
	if count == 0 || count > maxIovecs {
		return dst
	}
	raw := d.iov[:count*16]
	if got, err := ptrace.ReadMem(pid, addr, raw); err != nil || got != len(raw) {
		return dst
	}
	left := uint64(size)
	for i := uint64(0); i < count; i++ {
		base := binary.LittleEndian.Uint64(raw[i*16:])
		n := min(binary.LittleEndian.Uint64(raw[i*16+8:]), left)
		if n == 0 {
			break
		}
		left -= n
		dst = append(dst, " * "...)
		dst = strconv.AppendUint(dst, n, 10)
		dst = append(dst, " bytes in buffer "...)
		dst = strconv.AppendUint(dst, i, 10)
		dst = append(dst, '\n')
		dst = d.dumpMem(dst, pid, base, int64(n))
	}
	return dst
}

// maxDump bounds one dumped buffer.
const maxDump = 1 << 26

// dumpMem reads n bytes at addr and appends their hex dump.
func (d *ioDumper) dumpMem(dst []byte, pid int, addr uint64, n int64) []byte {
	if n <= 0 || n > maxDump {
		return dst
	}
	if int64(cap(d.data)) < n {
		d.data = make([]byte, n)
	}
	b := d.data[:n]
	got, err := ptrace.ReadMem(pid, addr, b)
	if err != nil || got != len(b) {
		return dst
	}
	return appendHexDump(dst, b)
}

const hexDigits = "0123456789abcdef"

// appendHexDump formats data as strace's dumpstr does.
func appendHexDump(dst, data []byte) []byte {
	for off := 0; off < len(data); off += 16 {
		line := data[off:min(off+16, len(data))]
		dst = append(dst, " | "...)
		var tmp [16]byte
		o := strconv.AppendUint(tmp[:0], uint64(off), 16)
		for i := len(o); i < 5; i++ {
			dst = append(dst, '0')
		}
		dst = append(dst, o...)
		dst = append(dst, "  "...)
		for i := 0; i < 16; i++ {
			if i < len(line) {
				dst = append(dst, hexDigits[line[i]>>4], hexDigits[line[i]&15], ' ')
			} else {
				dst = append(dst, "   "...)
			}
			if i == 7 {
				dst = append(dst, ' ')
			}
		}
		dst = append(dst, ' ')
		for i := 0; i < 16; i++ {
			switch {
			case i >= len(line):
				dst = append(dst, ' ')
			case line[i] >= 0x20 && line[i] < 0x7f:
				dst = append(dst, line[i])
			default:
				dst = append(dst, '.')
			}
		}
		dst = append(dst, " |\n"...)
	}
	return dst
}
