package decode

// io_uring_register: the opcode (strace 6.1 names those up to
// IORING_UNREGISTER_PBUF_RING) and its argument: buffers, files,
// eventfds, probes, restrictions, tagged resources, worker affinity and
// limits, registered ring fds and provided buffer rings.

var uringRegisterOps = &Xlat{Vals: seq("IORING_REGISTER_BUFFERS", "IORING_UNREGISTER_BUFFERS",
	"IORING_REGISTER_FILES", "IORING_UNREGISTER_FILES", "IORING_REGISTER_EVENTFD", "IORING_UNREGISTER_EVENTFD",
	"IORING_REGISTER_FILES_UPDATE", "IORING_REGISTER_EVENTFD_ASYNC", "IORING_REGISTER_PROBE",
	"IORING_REGISTER_PERSONALITY", "IORING_UNREGISTER_PERSONALITY", "IORING_REGISTER_RESTRICTIONS",
	"IORING_REGISTER_ENABLE_RINGS", "IORING_REGISTER_FILES2", "IORING_REGISTER_FILES_UPDATE2",
	"IORING_REGISTER_BUFFERS2", "IORING_REGISTER_BUFFERS_UPDATE", "IORING_REGISTER_IOWQ_AFF",
	"IORING_UNREGISTER_IOWQ_AFF", "IORING_REGISTER_IOWQ_MAX_WORKERS", "IORING_REGISTER_RING_FDS",
	"IORING_UNREGISTER_RING_FDS", "IORING_REGISTER_PBUF_RING", "IORING_UNREGISTER_PBUF_RING"), Unknown: "IORING_REGISTER_???"}

var uringFilesUpdateFDs = &Xlat{Vals: []Const{{0xfffffffffffffffe, "IORING_REGISTER_FILES_SKIP"}}}

var uringOps = &Xlat{Vals: seq("IORING_OP_NOP", "IORING_OP_READV", "IORING_OP_WRITEV", "IORING_OP_FSYNC",
	"IORING_OP_READ_FIXED", "IORING_OP_WRITE_FIXED", "IORING_OP_POLL_ADD", "IORING_OP_POLL_REMOVE",
	"IORING_OP_SYNC_FILE_RANGE", "IORING_OP_SENDMSG", "IORING_OP_RECVMSG", "IORING_OP_TIMEOUT",
	"IORING_OP_TIMEOUT_REMOVE", "IORING_OP_ACCEPT", "IORING_OP_ASYNC_CANCEL", "IORING_OP_LINK_TIMEOUT",
	"IORING_OP_CONNECT", "IORING_OP_FALLOCATE", "IORING_OP_OPENAT", "IORING_OP_CLOSE", "IORING_OP_FILES_UPDATE",
	"IORING_OP_STATX", "IORING_OP_READ", "IORING_OP_WRITE", "IORING_OP_FADVISE", "IORING_OP_MADVISE",
	"IORING_OP_SEND", "IORING_OP_RECV", "IORING_OP_OPENAT2", "IORING_OP_EPOLL_CTL", "IORING_OP_SPLICE",
	"IORING_OP_PROVIDE_BUFFERS", "IORING_OP_REMOVE_BUFFERS", "IORING_OP_TEE", "IORING_OP_SHUTDOWN",
	"IORING_OP_RENAMEAT", "IORING_OP_UNLINKAT", "IORING_OP_MKDIRAT", "IORING_OP_SYMLINKAT", "IORING_OP_LINKAT",
	"IORING_OP_MSG_RING", "IORING_OP_FSETXATTR", "IORING_OP_SETXATTR", "IORING_OP_FGETXATTR",
	"IORING_OP_GETXATTR", "IORING_OP_SOCKET", "IORING_OP_URING_CMD"), Unknown: "IORING_OP_???"}

var (
	uringOpFlags      = &Xlat{Vals: []Const{bit(1, "IO_URING_OP_SUPPORTED")}, Unknown: "IO_URING_OP_???"}
	uringRestrictions = &Xlat{Vals: seq("IORING_RESTRICTION_REGISTER_OP", "IORING_RESTRICTION_SQE_OP", "IORING_RESTRICTION_SQE_FLAGS_ALLOWED", "IORING_RESTRICTION_SQE_FLAGS_REQUIRED"), Unknown: "IORING_RESTRICTION_???"}
	uringSQEFlags     = &Xlat{Vals: pow2("IOSQE_FIXED_FILE", "IOSQE_IO_DRAIN", "IOSQE_IO_LINK", "IOSQE_IO_HARDLINK", "IOSQE_ASYNC", "IOSQE_BUFFER_SELECT", "IOSQE_CQE_SKIP_SUCCESS"), Unknown: "IOSQE_???"}
	uringRsrcFlags    = &Xlat{Vals: []Const{bit(1, "IORING_RSRC_REGISTER_SPARSE")}, Unknown: "IORING_RSRC_REGISTER_???"}
	uringIOWQAcct     = &Xlat{Vals: seq("IO_WQ_BOUND", "IO_WQ_UNBOUND"), Unknown: "IO_WQ_???"}
)

// Sizes of the io_uring registration structures.
const (
	uringProbeMaxOps   = 256
	uringRsrcSize      = 32
	uringProbeHdrSize  = 16
	uringProbeOpSize   = 8
	uringRestrictSize  = 16
	uringRsrcUpdSize   = 16
	uringBufRegSize    = 40
	uringMaxWorkerSize = 4
)

// io_uring_register opcodes with a decoded argument.
const (
	uringRegisterBuffers = iota
	_
	uringRegisterFiles
	_
	uringRegisterEventfd
	_
	uringRegisterFilesUpdate
	uringRegisterEventfdAsync
	uringRegisterProbe
	_
	_
	uringRegisterRestrictions
	_
	uringRegisterFiles2
	uringRegisterFilesUpdate2
	uringRegisterBuffers2
	uringRegisterBuffersUpdate
	uringRegisterIOWQAff
	_
	uringRegisterIOWQMaxWorkers
	uringRegisterRingFDs
	uringUnregisterRingFDs
	uringRegisterPbufRing
	uringUnregisterPbufRing
)

// fdArray prints n descriptors at addr.
func (c *Ctx) fdArray(addr, n uint64) {
	c.array(addr, n, 4, func(b []byte) { c.FD(int32(le32(b))) })
}

// uringFilesUpdate prints struct io_uring_files_update and its fds.
func (c *Ctx) uringFilesUpdate(addr, n uint64) {
	var b [16]byte
	if !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Str("{offset=")
	c.Uint(uint64(le32(b[:])))
	if resv := le32(b[4:]); resv != 0 {
		c.Str(", resv=")
		c.Hex(uint64(resv))
	}
	c.Str(", fds=")
	c.array(le64(b[8:]), n, 4, func(e []byte) {
		fd := int32(le32(e))
		if fd < -1 {
			c.DecValue(uringFilesUpdateFDs, uint64(int64(fd)))
			return
		}
		c.FD(fd)
	})
	c.Out = append(c.Out, '}')
}

// uringRegisterArg prints the argument as the opcode defines it. Most
// print at entry; a probe the caller zeroed prints at exit with what
// the kernel filled in, worker limits before and after (" => ").
var uringRegisterArg Printer = func(c *Ctx, i int) {
	addr, n := c.Args[i], c.Args[3]&0xffffffff
	op := c.Args[1] & 0xffffffff
	if c.Exiting {
		switch op {
		case uringRegisterProbe:
			c.uringProbeExit(addr, n)
		case uringRegisterIOWQMaxWorkers:
			if !c.savedOK[1] {
				return // the entry showed all there was
			}
			if c.Failed {
				c.Addr(addr)
				return
			}
			c.uringMaxWorkers(addr, n)
		}
		return
	}
	switch op {
	case uringRegisterBuffers:
		c.iovAddrs(addr, n)
	case uringRegisterFiles, uringRegisterEventfd, uringRegisterEventfdAsync:
		c.fdArray(addr, n)
	case uringRegisterFilesUpdate:
		c.uringFilesUpdate(addr, n)
	case uringRegisterProbe:
		if n > uringProbeMaxOps {
			c.Addr(addr)
		} else if c.savedOK[0] {
			c.uringProbe(addr, n, false)
		}
	case uringRegisterRestrictions:
		c.array(addr, n, uringRestrictSize, c.uringRestriction)
	case uringRegisterFiles2, uringRegisterBuffers2:
		c.uringRsrcRegister(addr, n, op)
	case uringRegisterFilesUpdate2, uringRegisterBuffersUpdate:
		c.uringRsrcUpdate(addr, n, op)
	case uringRegisterIOWQAff:
		c.cpuList(addr, n)
	case uringRegisterIOWQMaxWorkers:
		if c.uringMaxWorkers(addr, n) {
			c.Str(" => ")
		}
	case uringRegisterRingFDs, uringUnregisterRingFDs:
		c.array(addr, n, uringRsrcUpdSize, func(b []byte) { c.uringRingFD(b, op == uringRegisterRingFDs) })
	case uringRegisterPbufRing, uringUnregisterPbufRing:
		c.uringBufReg(addr)
	default:
		c.Addr(addr)
	}
}

// uringRegisterEntry notes whether a probe argument holds anything at
// entry (a zeroed one is printed at exit only), and whether worker
// limits will be shown as an array (then again at exit).
func uringRegisterEntry(c *Ctx) {
	var w [uringMaxWorkerSize]byte
	c.savedOK[1] = c.Args[1]&0xffffffff == uringRegisterIOWQMaxWorkers && c.Args[3]&0xffffffff != 0 &&
		c.readInto(c.Args[2], w[:])
	c.savedOK[0] = false
	n := c.Args[3] & 0xffffffff
	if c.Args[1]&0xffffffff != uringRegisterProbe || n > uringProbeMaxOps {
		return
	}
	b, ok := c.read(c.Args[2], uringProbeHdrSize+int(n)*uringProbeOpSize)
	if !ok || c.NoDeref {
		c.savedOK[0] = true // its address is printed at entry
		return
	}
	for _, x := range b {
		if x != 0 {
			c.savedOK[0] = true
			return
		}
	}
}

// uringProbeExit completes a probe: the kernel's answer, after " => "
// when the request was shown at entry.
func (c *Ctx) uringProbeExit(addr, n uint64) {
	if n > uringProbeMaxOps || c.NoDeref {
		return
	}
	if c.Failed {
		if !c.savedOK[0] {
			c.Addr(addr)
		}
		return
	}
	if c.savedOK[0] {
		c.Str(" => ")
	}
	c.uringProbe(addr, n, true)
}

// uringProbe prints struct io_uring_probe with n ops (at exit, no more
// than the kernel reported).
func (c *Ctx) uringProbe(addr, n uint64, exit bool) {
	size := uringProbeHdrSize + int(n)*uringProbeOpSize
	var buf [uringProbeHdrSize + uringProbeMaxOps*uringProbeOpSize]byte
	if !c.readInto(addr, buf[:size]) {
		c.Addr(addr)
		return
	}
	b := buf[:size]
	c.Str("{last_op=")
	c.DecValue(uringOps, uint64(b[0]))
	c.Str(", ops_len=")
	c.Uint(uint64(b[1]))
	if r := le16(b[2:]); r != 0 {
		c.Str(", resv=")
		c.Hex(uint64(r))
	}
	if le32(b[4:])|le32(b[8:])|le32(b[12:]) != 0 {
		c.Str(", resv2=")
		c.hexList(uint64(le32(b[4:])), uint64(le32(b[8:])), uint64(le32(b[12:])))
	}
	ops := n
	if exit && uint64(b[1]) < ops {
		ops = uint64(b[1])
	}
	c.Str(", ops=[")
	for k := uint64(0); k < ops; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= uint64(c.Cfg.StrLen) {
			c.Str("...")
			break
		}
		o := b[uringProbeHdrSize+int(k)*uringProbeOpSize:]
		c.Str("{op=")
		c.DecValue(uringOps, uint64(o[0]))
		if o[1] != 0 {
			c.Str(", resv=")
			c.Hex(uint64(o[1]))
		}
		c.Str(", flags=")
		c.xflags(uringOpFlags, uint64(le16(o[2:])))
		if r := le32(o[4:]); r != 0 {
			c.Str(", resv2=")
			c.Hex(uint64(r))
		}
		c.Out = append(c.Out, '}')
	}
	if exit && n < uint64(b[1]) {
		c.Str(", ...")
	}
	c.Str("]}")
}

// uringRestriction prints one struct io_uring_restriction.
func (c *Ctx) uringRestriction(b []byte) {
	op := uint64(le16(b))
	c.Str("{opcode=")
	c.Value(uringRestrictions, op)
	switch op {
	case 0:
		c.Str(", register_op=")
		c.Value(uringRegisterOps, uint64(b[2]))
	case 1:
		c.Str(", sqe_op=")
		c.Value(uringOps, uint64(b[2]))
	case 2, 3:
		c.Str(", sqe_flags=")
		c.xflags(uringSQEFlags, uint64(b[2]))
	default:
		c.Str(" /* op: ")
		c.Hex(uint64(b[2]))
		c.Str(" */")
	}
	if b[3] != 0 {
		c.Str(", resv=")
		c.Hex(uint64(b[3]))
	}
	if le32(b[4:])|le32(b[8:])|le32(b[12:]) != 0 {
		c.Str(", resv2=")
		c.hexList(uint64(le32(b[4:])), uint64(le32(b[8:])), uint64(le32(b[12:])))
	}
	c.Out = append(c.Out, '}')
}

// uringRsrcData prints a tagged resource registration's data and tags.
func (c *Ctx) uringRsrcData(data, tags, nr, op uint64) {
	c.Str(", data=")
	switch op {
	case uringRegisterFiles2:
		c.fdArray(data, nr)
	case uringRegisterFilesUpdate2:
		c.array(data, nr, 4, func(e []byte) { c.uringUpdateFD(int32(le32(e))) })
	default:
		c.iovAddrs(data, nr)
	}
	c.Str(", tags=")
	c.array(tags, nr, 8, func(e []byte) { c.Hex(le64(e)) })
}

// iovAddrs prints n struct iovec with their base addresses, or the
// array's address when its first element is unreadable.
func (c *Ctx) iovAddrs(addr, n uint64) {
	c.array(addr, n, 16, func(b []byte) {
		c.Str("{iov_base=")
		c.Addr(le64(b))
		c.Str(", iov_len=")
		c.Uint(le64(b[8:]))
		c.Out = append(c.Out, '}')
	})
}

// uringUpdateFD prints a descriptor of a files update (or its skip mark).
func (c *Ctx) uringUpdateFD(fd int32) {
	if fd < -1 {
		c.DecValue(uringFilesUpdateFDs, uint64(int64(fd)))
		return
	}
	c.FD(fd)
}

// uringRsrcRegister prints struct io_uring_rsrc_register.
func (c *Ctx) uringRsrcRegister(addr, size, op uint64) {
	var b [32]byte
	if size < uringRsrcSize || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	nr := uint64(le32(b[:]))
	c.Str("{nr=")
	c.Uint(nr)
	c.Str(", flags=")
	c.xflags(uringRsrcFlags, uint64(le32(b[4:])))
	if r := le64(b[8:]); r != 0 {
		c.Str(", resv2=")
		c.Hex(r)
	}
	c.uringRsrcData(le64(b[16:]), le64(b[24:]), nr, op)
	c.Out = append(c.Out, '}')
}

// uringRsrcUpdate prints struct io_uring_rsrc_update2.
func (c *Ctx) uringRsrcUpdate(addr, size, op uint64) {
	var b [32]byte
	if size < uringRsrcSize || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	nr := uint64(le32(b[24:]))
	c.Str("{offset=")
	c.Uint(uint64(le32(b[:])))
	if r := le32(b[4:]); r != 0 {
		c.Str(", resv=")
		c.Hex(uint64(r))
	}
	c.uringRsrcData(le64(b[8:]), le64(b[16:]), nr, op)
	c.Str(", nr=")
	c.Uint(nr)
	if r := le32(b[28:]); r != 0 {
		c.Str(", resv2=")
		c.Hex(uint64(r))
	}
	c.Out = append(c.Out, '}')
}

// hexList prints a reserved array in hex, cut at -s elements.
func (c *Ctx) hexList(v ...uint64) {
	c.Out = append(c.Out, '[')
	for k, x := range v {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= c.Cfg.StrLen {
			c.Str("...")
			break
		}
		c.Hex(x)
	}
	c.Out = append(c.Out, ']')
}

// cpuList prints n bytes of CPU mask as the numbers of the set CPUs.
func (c *Ctx) cpuList(addr, n uint64) {
	b, ok := c.read(addr, int(min(n, 1024)))
	if !ok || c.NoDeref {
		c.Addr(addr)
		return
	}
	c.Out = append(c.Out, '[')
	sep := false
	for k, byt := range b {
		for bitn := 0; bitn < 8; bitn++ {
			if byt&(1<<bitn) == 0 {
				continue
			}
			if sep {
				c.Out = append(c.Out, ' ')
			}
			sep = true
			c.Int(int64(k*8 + bitn))
		}
	}
	c.Out = append(c.Out, ']')
}

// uringMaxWorkers prints the worker limits by account; false when no
// element was shown (NULL, [] or the address).
func (c *Ctx) uringMaxWorkers(addr, n uint64) bool {
	k := uint64(0)
	c.array(addr, n, uringMaxWorkerSize, func(b []byte) {
		c.Out = append(c.Out, '[')
		c.DecValue(uringIOWQAcct, k)
		c.Str("]=")
		c.Uint(uint64(le32(b)))
		k++
	})
	return k > 0
}

// uringRingFD prints a struct io_uring_rsrc_update of the ring fd
// (un)registration.
func (c *Ctx) uringRingFD(b []byte, register bool) {
	off := le32(b)
	c.Str("{offset=")
	if register && off == 0xffffffff {
		c.Str("-1")
	} else {
		c.Uint(uint64(off))
	}
	if r := le32(b[4:]); r != 0 {
		c.Str(", resv=")
		c.Hex(uint64(r))
	}
	data := le64(b[8:])
	switch {
	case register:
		c.Str(", data=")
		c.FD(int32(data))
	case data != 0:
		c.Str(", data=")
		c.Hex(data)
	}
	c.Out = append(c.Out, '}')
}

// uringBufReg prints struct io_uring_buf_reg.
func (c *Ctx) uringBufReg(addr uint64) {
	var b [uringBufRegSize]byte
	if !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Str("{ring_addr=")
	c.Addr(le64(b[:]))
	c.Str(", ring_entries=")
	c.Uint(uint64(le32(b[8:])))
	c.Str(", bgid=")
	c.Uint(uint64(le16(b[12:])))
	if p := le16(b[14:]); p != 0 {
		c.Str(", pad=")
		c.Hex(uint64(p))
	}
	if le64(b[16:])|le64(b[24:])|le64(b[32:]) != 0 {
		c.Str(", resv=")
		c.hexList(le64(b[16:]), le64(b[24:]), le64(b[32:]))
	}
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"io_uring_register": {Args: []Arg{FDArg,
			In(func(c *Ctx, i int) { c.Value(uringRegisterOps, c.Args[i]&0xffffffff) }),
			Upd(uringRegisterArg), In(Uint)}, Entry: uringRegisterEntry},
	})
}
