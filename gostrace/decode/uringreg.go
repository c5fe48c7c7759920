package decode

// io_uring_register: the opcode, and the argument of the opcodes that
// register buffers, files and eventfds. Opcodes whose argument is not
// decoded here (probes, restrictions, resource tags, ring fds, buffer
// rings) show its address.

var uringRegisterOps = &Xlat{Vals: seq("IORING_REGISTER_BUFFERS", "IORING_UNREGISTER_BUFFERS",
	"IORING_REGISTER_FILES", "IORING_UNREGISTER_FILES", "IORING_REGISTER_EVENTFD", "IORING_UNREGISTER_EVENTFD",
	"IORING_REGISTER_FILES_UPDATE", "IORING_REGISTER_EVENTFD_ASYNC", "IORING_REGISTER_PROBE",
	"IORING_REGISTER_PERSONALITY", "IORING_UNREGISTER_PERSONALITY", "IORING_REGISTER_RESTRICTIONS",
	"IORING_REGISTER_ENABLE_RINGS", "IORING_REGISTER_FILES2", "IORING_REGISTER_FILES_UPDATE2",
	"IORING_REGISTER_BUFFERS2", "IORING_REGISTER_BUFFERS_UPDATE", "IORING_REGISTER_IOWQ_AFF",
	"IORING_UNREGISTER_IOWQ_AFF", "IORING_REGISTER_IOWQ_MAX_WORKERS", "IORING_REGISTER_RING_FDS",
	"IORING_UNREGISTER_RING_FDS", "IORING_REGISTER_PBUF_RING", "IORING_UNREGISTER_PBUF_RING",
	"IORING_REGISTER_SYNC_CANCEL", "IORING_REGISTER_FILE_ALLOC_RANGE"), Unknown: "IORING_REGISTER_???"}

var uringFilesUpdateFDs = &Xlat{Vals: []Const{{0xfffffffffffffffe, "IORING_REGISTER_FILES_SKIP"}}}

// io_uring_register opcodes with a decoded argument.
const (
	uringRegisterBuffers      = 0
	uringRegisterFiles        = 2
	uringRegisterEventfd      = 4
	uringRegisterFilesUpdate  = 6
	uringRegisterEventfdAsync = 7
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

// uringRegisterArg prints the argument as the opcode defines it.
var uringRegisterArg Printer = func(c *Ctx, i int) {
	addr, n := c.Args[i], c.Args[3]&0xffffffff
	switch c.Args[1] & 0xffffffff {
	case uringRegisterBuffers:
		c.remoteIovec(addr, int(n))
	case uringRegisterFiles, uringRegisterEventfd, uringRegisterEventfdAsync:
		c.fdArray(addr, n)
	case uringRegisterFilesUpdate:
		c.uringFilesUpdate(addr, n)
	default:
		c.Addr(addr)
	}
}

func init() {
	register(map[string]*Spec{
		"io_uring_register": {Args: []Arg{FDArg,
			In(func(c *Ctx, i int) { c.Value(uringRegisterOps, c.Args[i]&0xffffffff) }),
			In(uringRegisterArg), In(Uint)}},
	})
}
