package decode

// Calls glibc still issues or older programs use: readahead,
// sync_file_range, mlock2, signalfd, vmsplice, process_vm_readv and
// process_vm_writev, get_robust_list, getdents.

var syncFileRangeFlags = &Xlat{Vals: []Const{
	bit(1, "SYNC_FILE_RANGE_WAIT_BEFORE"), bit(2, "SYNC_FILE_RANGE_WRITE"), bit(4, "SYNC_FILE_RANGE_WAIT_AFTER"),
}}

var mlock2Flags = &Xlat{Vals: []Const{bit(1, "MLOCK_ONFAULT")}}

// remoteIovec prints another process's iovec array: addresses only.
func (c *Ctx) remoteIovec(addr uint64, cnt int) {
	var b [16]byte
	if addr == 0 {
		c.Str("NULL")
		return
	}
	c.Out = append(c.Out, '[')
	for k := 0; k < cnt; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= c.Cfg.StrLen || k >= maxArray {
			c.Str("...")
			break
		}
		if !c.readInto(addr+uint64(k)*16, b[:]) {
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

// robustListHead prints get_robust_list's out pointers: [0x…].
var robustPtr Printer = func(c *Ctx, i int) {
	var b [8]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Out = append(c.Out, '[')
	if i == 1 {
		c.Addr(le64(b[:]))
	} else {
		c.Uint(le64(b[:]))
	}
	c.Out = append(c.Out, ']')
}

// direntsOld prints getdents' linux_dirent records: a count, or with
// -v the entries (the type is the record's last byte).
var direntsOld Printer = func(c *Ctx, i int) {
	if !c.Verbose {
		dirents(c, i)
		return
	}
	b, ok := c.read(c.Args[i], int(c.Ret))
	if !ok {
		c.Addr(c.Args[i])
		return
	}
	buf := append(c.nlbuf[:0], b...)
	c.nlbuf = buf
	c.Out = append(c.Out, '[')
	for off, k := 0, 0; off+18 <= len(buf); k++ {
		reclen := int(buf[off+16]) | int(buf[off+17])<<8
		if reclen < 19 || off+reclen > len(buf) {
			break
		}
		if k > 0 {
			c.Str(", ")
		}
		c.Str("{d_ino=")
		c.Uint(le64(buf[off:]))
		c.Str(", d_off=")
		c.Int(int64(le64(buf[off+8:])))
		c.Str(", d_reclen=")
		c.Int(int64(reclen))
		c.Str(", d_name=")
		c.quoted(cutNUL(buf[off+18 : off+reclen-1]))
		c.Str(", d_type=")
		c.Value(direntTypes, uint64(buf[off+reclen-1]))
		c.Out = append(c.Out, '}')
		off += reclen
	}
	c.Out = append(c.Out, ']')
}

func init() {
	register(map[string]*Spec{
		"readahead":       {Args: []Arg{FDArg, In(Long), In(Ulong)}},
		"sync_file_range": {Args: []Arg{FDArg, In(Long), In(Long), flagsArg(syncFileRangeFlags)}},
		"mlock2":          {Args: []Arg{In(Ptr), In(Ulong), flagsArg(mlock2Flags)}},
		"signalfd":        {Args: []Arg{In(Int), In(SigsetPtr(2)), In(Ulong)}, Ret: RetFD},
		"vmsplice":        {Args: []Arg{FDArg, In(IovecIn(2)), In(Ulong), flagsArg(spliceFlags)}},
		"process_vm_readv": {Args: []Arg{In(Int), Out(IovecOut(2)), In(Ulong),
			In(func(c *Ctx, i int) { c.remoteIovec(c.Args[i], int(c.Args[4])) }), In(Ulong), In(Ulong)}},
		"process_vm_writev": {Args: []Arg{In(Int), In(IovecIn(2)), In(Ulong),
			In(func(c *Ctx, i int) { c.remoteIovec(c.Args[i], int(c.Args[4])) }), In(Ulong), In(Ulong)}},
		"get_robust_list": {Args: []Arg{In(Int), Out(robustPtr), Out(robustPtr)}},
		"getdents":        {Args: []Arg{FDArg, Out(direntsOld), In(Uint)}},
	})
}
