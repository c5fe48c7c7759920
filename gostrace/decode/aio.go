package decode

// Linux native asynchronous I/O: io_setup, io_destroy, io_submit with
// its iocbs, io_cancel, io_getevents and io_pgetevents with io_events.

var aioCmds = &Xlat{Vals: seq("IOCB_CMD_PREAD", "IOCB_CMD_PWRITE", "IOCB_CMD_FSYNC", "IOCB_CMD_FDSYNC",
	"IOCB_CMD_PREADX", "IOCB_CMD_POLL", "IOCB_CMD_NOOP", "IOCB_CMD_PREADV", "IOCB_CMD_PWRITEV"),
	Unknown: "IOCB_CMD_???"}

var aioIocbFlags = &Xlat{Vals: []Const{bit(1, "IOCB_FLAG_RESFD"), bit(2, "IOCB_FLAG_IOPRIO")}, Unknown: "IOCB_FLAG_???"}

// iocbBody says which fields follow an iocb's header, by opcode.
type iocbBody uint8

const (
	iocbNone   iocbBody = iota // fsync, fdsync, preadx, noop
	iocbCommon                 // pread, pwrite: buffer, length, offset
	iocbVector                 // preadv, pwritev: an iovec array
	iocbPoll                   // poll: the events in aio_buf
)

var iocbBodies = [...]iocbBody{iocbCommon, iocbCommon, iocbNone, iocbNone, iocbNone, iocbPoll, iocbNone, iocbVector, iocbVector}

const (
	iocbSize    = 64
	ioEventSize = 32
	aioPwrite   = 1
	aioPwritev  = 8
)

// array prints n elements of size bytes at addr as strace's print_array
// does: NULL, [] for none, the address when the first element cannot
// be read, "..." past -s elements (unless -v) or at unreadable memory.
func (c *Ctx) array(addr, n uint64, size int, elem func(b []byte)) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	if n == 0 {
		c.Str("[]")
		return
	}
	var tmp [iocbSize]byte
	buf := tmp[:size]
	for k := uint64(0); k < n; k++ {
		at := addr + k*uint64(size)
		if !c.readInto(at, buf) {
			if k == 0 {
				c.Hex(addr)
				return
			}
			c.Str(", ...")
			break
		}
		if k == 0 {
			c.Out = append(c.Out, '[')
		} else {
			c.Str(", ")
		}
		if (!c.Verbose && k >= uint64(c.Cfg.StrLen)) || k >= maxArray {
			c.Str("...")
			break
		}
		elem(buf)
	}
	c.Out = append(c.Out, ']')
}

// iocbHeader prints the fields every iocb shows and returns what
// follows them.
func (c *Ctx) iocbHeader(b []byte) iocbBody {
	c.Str("aio_data=")
	c.Hex(le64(b))
	if key := le32(b[8:]); key != 0 {
		c.Str(", aio_key=")
		c.Uint(uint64(key))
	}
	if rw := le32(b[12:]); rw != 0 {
		c.Str(", aio_rw_flags=")
		c.Flags(rwfFlags, uint64(rw))
	}
	op := uint64(le16(b[16:]))
	c.Str(", aio_lio_opcode=")
	c.DecValue(aioCmds, op)
	prio := int16(le16(b[18:]))
	switch {
	case le32(b[56:])&2 != 0:
		c.Str(", aio_reqprio=")
		c.iocbPrio(uint64(uint16(prio)))
	case prio != 0:
		c.Str(", aio_reqprio=")
		c.Int(int64(prio))
	}
	c.Str(", aio_fildes=")
	c.FD(int32(le32(b[20:])))
	if op < uint64(len(iocbBodies)) {
		return iocbBodies[op]
	}
	return iocbNone
}

// iocbPrio prints an I/O priority field: under -X raw the number,
// under -X verbose the number with the macro (verbose inside) as its
// comment.
func (c *Ctx) iocbPrio(v uint64) {
	if c.xlat == XlatAbbrev {
		c.ioprio(v)
		return
	}
	c.Hex(v)
	if c.xlat == XlatVerbose {
		c.Str(" /* ")
		c.ioprio(v)
		c.Str(" */")
	}
}

// iocb prints a whole struct iocb.
func (c *Ctx) iocb(b []byte) {
	c.Out = append(c.Out, '{')
	body := c.iocbHeader(b)
	op := le16(b[16:])
	buf, nbytes := le64(b[24:]), le64(b[32:])
	valid := int64(nbytes) >= 0
	switch body {
	case iocbCommon:
		c.Str(", aio_buf=")
		if op == aioPwrite && valid {
			c.Buf(buf, nbytes)
		} else {
			c.Hex(buf)
		}
		c.Str(", aio_nbytes=")
		c.Uint(nbytes)
		c.Str(", aio_offset=")
		c.Int(int64(le64(b[40:])))
		c.iocbFlags(b)
	case iocbVector:
		if valid {
			c.Str(", aio_buf=")
			if op == aioPwritev {
				c.iovec(buf, int(nbytes), -1, notNetlink)
			} else {
				c.remoteIovec(buf, int(nbytes))
			}
		} else {
			c.Str(", aio_buf=")
			c.Hex(buf)
			c.Str(", aio_nbytes=")
			c.Uint(nbytes)
		}
		c.Str(", aio_offset=")
		c.Int(int64(le64(b[40:])))
		c.iocbFlags(b)
	case iocbPoll:
		c.Str(", aio_buf=")
		c.Flags(pollEvents, buf)
		c.iocbFlags(b)
	}
	c.Out = append(c.Out, '}')
}

// iocbFlags prints aio_flags and aio_resfd when set.
func (c *Ctx) iocbFlags(b []byte) {
	flags, resfd := le32(b[56:]), le32(b[60:])
	if flags != 0 {
		c.Str(", aio_flags=")
		c.Flags(aioIocbFlags, uint64(flags))
	}
	switch {
	case flags&1 != 0:
		c.Str(", aio_resfd=")
		c.FD(int32(resfd))
	case resfd != 0:
		c.Str(", aio_resfd=")
		c.Hex(uint64(resfd))
	}
}

// ioEvent prints a struct io_event.
func (c *Ctx) ioEvent(b []byte) {
	c.Str("{data=")
	c.Hex(le64(b))
	c.Str(", obj=")
	c.Hex(le64(b[8:]))
	c.Str(", res=")
	c.Int(int64(le64(b[16:])))
	c.Str(", res2=")
	c.Int(int64(le64(b[24:])))
	c.Out = append(c.Out, '}')
}

// le16 decodes a little-endian 16-bit value.
func le16(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }

var (
	aioCtxPtr Printer = func(c *Ctx, i int) { c.longPtr(c.Args[i], true) }
	iocbPtrs  Printer = func(c *Ctx, i int) {
		n := int64(c.Args[1])
		if n < 0 {
			c.Addr(c.Args[i])
			return
		}
		c.array(c.Args[i], uint64(n), 8, func(b []byte) {
			var cb [iocbSize]byte
			if p := le64(b); !c.readInto(p, cb[:]) {
				c.Addr(p)
				return
			}
			c.iocb(cb[:])
		})
	}
	iocbHeaderArg Printer = func(c *Ctx, i int) {
		var cb [iocbSize]byte
		if !c.readInto(c.Args[i], cb[:]) {
			c.Addr(c.Args[i])
			return
		}
		c.Out = append(c.Out, '{')
		c.iocbHeader(cb[:])
		c.Out = append(c.Out, '}')
	}
	ioEventOut Printer = func(c *Ctx, i int) {
		var ev [ioEventSize]byte
		if !c.readInto(c.Args[i], ev[:]) {
			c.Addr(c.Args[i])
			return
		}
		c.ioEvent(ev[:])
	}
	ioEventsOut Printer = func(c *Ctx, i int) {
		if c.Failed {
			c.Addr(c.Args[i])
			return
		}
		c.array(c.Args[i], uint64(c.Ret), ioEventSize, c.ioEvent)
	}
	// The timeout and signal mask are read at entry: they print the
	// same whether the call failed or not.
	aioTimeout Printer = func(c *Ctx, i int) { c.timespec(c.Args[i]) }
)

func init() {
	register(map[string]*Spec{
		"io_setup":   {Args: []Arg{In(Uint), Out(aioCtxPtr)}},
		"io_destroy": {Args: []Arg{In(Ptr)}},
		"io_submit":  {Args: []Arg{In(Ptr), In(Long), In(iocbPtrs)}},
		"io_cancel":  {Args: []Arg{In(Ptr), In(iocbHeaderArg), Out(ioEventOut)}},
		"io_getevents": {Args: []Arg{In(Ptr), In(Long), In(Long),
			{P: ioEventsOut, Exit: true}, {P: aioTimeout, Exit: true}}},
		"io_pgetevents": {Args: []Arg{In(Ptr), In(Long), In(Long),
			{P: ioEventsOut, Exit: true}, {P: aioTimeout, Exit: true}, {P: pselectSigmask, Exit: true}}},
	})
}
