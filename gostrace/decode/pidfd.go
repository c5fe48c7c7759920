package decode

// The pidfd system calls, and kcmp. A pidfd prints as <pid:N> under
// --decode-fds=pidfd (fdinfo.go). pidfd_getfd's target descriptor is
// decoded in the process the pidfd refers to, kcmp's descriptors in
// the processes named by its pid arguments, as strace does.

var pidfdOpenFlags = &Xlat{Vals: []Const{bit(04000, "PIDFD_NONBLOCK")}, Unknown: "PIDFD_???"}

// pPIDFD is waitid's idtype for an id that is a pidfd.
const pPIDFD = 3

// hex32 prints an unsigned int argument in hex (0 as 0).
var hex32 Printer = func(c *Ctx, i int) { c.Hex(c.Args[i] & 0xffffffff) }

// pidfdTargetFD prints pidfd_getfd's targetfd: a descriptor of the
// process pidfd (argument 0) refers to.
func pidfdTargetFD(c *Ctx, i int) {
	fd := int32(c.Args[i])
	c.Int(int64(fd))
	if c.Cfg.DecodeFDs == 0 || int32(c.Args[0]) < 0 {
		return
	}
	if pid := pidfdPid(c.Pid, int32(c.Args[0])); pid > 0 {
		c.fdInfoOf(pid, fd)
	}
}

// waitidID prints waitid's id: a descriptor when idtype is P_PIDFD.
func waitidID(c *Ctx, i int) {
	if int32(c.Args[0]) == pPIDFD {
		c.FD(int32(c.Args[i]))
		return
	}
	c.Int(int64(int32(c.Args[i])))
}

var kcmpTypes = &Xlat{Vals: []Const{
	{0, "KCMP_FILE"}, {1, "KCMP_VM"}, {2, "KCMP_FILES"}, {3, "KCMP_FS"},
	{4, "KCMP_SIGHAND"}, {5, "KCMP_IO"}, {6, "KCMP_SYSVSEM"}, {7, "KCMP_EPOLL_TFD"},
}, Unknown: "KCMP_???"}

// kcmp types whose indexes name descriptors.
const (
	kcmpFile     = 0
	kcmpEpollTFD = 7
)

// kcmpIndexes prints kcmp's type and what follows it: two descriptors
// for KCMP_FILE, a descriptor and struct kcmp_epoll_slot for
// KCMP_EPOLL_TFD, nothing for the types that compare whole resources,
// two hex numbers for an unknown type.
func kcmpIndexes(c *Ctx, i int) {
	typ := uint32(c.Args[i])
	c.Value(kcmpTypes, uint64(typ))
	pid1, pid2 := int(int32(c.Args[0])), int(int32(c.Args[1]))
	idx1, idx2 := c.Args[i+1], c.Args[i+2]
	switch {
	case typ == kcmpFile:
		c.Str(", ")
		c.fdOf(pid1, int32(idx1))
		c.Str(", ")
		c.fdOf(pid2, int32(idx2))
	case typ == kcmpEpollTFD:
		c.Str(", ")
		c.fdOf(pid1, int32(idx1))
		c.Str(", ")
		var b [12]byte
		if idx2 == 0 || !c.readInto(idx2, b[:]) {
			c.Addr(idx2)
			return
		}
		c.Str("{efd=")
		c.fdOf(pid2, int32(le32(b[0:])))
		c.Str(", tfd=")
		c.fdOf(pid2, int32(le32(b[4:])))
		c.Str(", toff=")
		c.Uint(uint64(le32(b[8:])))
		c.Out = append(c.Out, '}')
	case typ > kcmpEpollTFD:
		c.Str(", ")
		c.Hex(idx1)
		c.Str(", ")
		c.Hex(idx2)
	}
}

// fdOf prints descriptor fd of process pid.
func (c *Ctx) fdOf(pid int, fd int32) {
	c.Int(int64(fd))
	if pid > 0 {
		c.fdInfoOf(pid, fd)
	}
}

// iovecAddrs prints an iovec array whose buffers strace shows by
// address (process_madvise), the count in argument n.
func iovecAddrs(n int) Printer {
	return func(c *Ctx, i int) {
		addr, count := c.Args[i], c.Args[n]
		if addr == 0 {
			c.Str("NULL")
			return
		}
		var b [16]byte
		if count == 0 || !c.readInto(addr, b[:]) {
			c.Hex(addr)
			return
		}
		c.Out = append(c.Out, '[')
		for k := uint64(0); k < count; k++ {
			if k > 0 {
				c.Str(", ")
			}
			if k >= uint64(c.Cfg.StrLen) || k >= maxArray || !c.readInto(addr+16*k, b[:]) {
				c.Str("...")
				break
			}
			c.Str("{iov_base=")
			c.Addr(le64(b[:]))
			c.Str(", iov_len=")
			c.Uint(le64(b[8:]))
			c.Out = append(c.Out, '}')
		}
		c.Out = append(c.Out, ']')
	}
}

func init() {
	register(map[string]*Spec{
		"pidfd_open":        {Args: []Arg{In(Int), flagsArg(pidfdOpenFlags)}, Ret: RetFD},
		"pidfd_getfd":       {Args: []Arg{FDArg, In(pidfdTargetFD), In(hex32)}, Ret: RetFD},
		"pidfd_send_signal": {Args: []Arg{FDArg, In(SigPrinter), In(SiginfoPtr), In(hex32)}},
		"process_madvise": {Args: []Arg{FDArg, In(iovecAddrs(2)), In(Ulong),
			In(func(c *Ctx, i int) { c.Value(madviseAdvice, c.Args[i]&0xffffffff) }), In(hex32)}},
		"process_mrelease": {Args: []Arg{FDArg, In(hex32)}},
		"kcmp":             {Args: []Arg{In(Int), In(Int), In(kcmpIndexes), covered, covered}},
	})
}
