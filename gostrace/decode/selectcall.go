package decode

// fdSet prints an fd_set of nfds bits: [3 4], with -y details when
// decorate is set (strace shows them in the arguments, not in the
// ready sets of the result).
func (c *Ctx) fdSet(addr uint64, nfds int, decorate bool) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	if nfds < 0 || nfds > 1<<16 {
		c.Hex(addr)
		return
	}
	b, ok := c.read(addr, (nfds+63)/64*8)
	if !ok {
		c.Hex(addr)
		return
	}
	c.Out = append(c.Out, '[')
	first := true
	for fd := 0; fd < nfds; fd++ {
		if b[fd/8]&(1<<(fd%8)) != 0 {
			if !first {
				c.Out = append(c.Out, ' ')
			}
			first = false
			if decorate {
				c.FD(int32(fd))
			} else {
				c.Int(int64(fd))
			}
		}
	}
	c.Out = append(c.Out, ']')
}

// fdSetArg prints an fd_set argument sized by argument 0 (nfds).
var fdSetArg Printer = func(c *Ctx, i int) { c.fdSet(c.Args[i], int(int32(c.Args[0])), true) }

// pselectSigmask prints pselect6's {sigset pointer, size} pair.
var pselectSigmask Printer = func(c *Ctx, i int) {
	var b [16]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	ptr, size := le64(b[:]), le64(b[8:])
	c.Str("{sigmask=")
	var m [8]byte
	if ptr == 0 {
		c.Str("NULL")
	} else if size == 8 && c.readInto(ptr, m[:]) {
		c.Sigset(le64(m[:]))
	} else {
		c.Hex(ptr)
	}
	c.Str(", sigsetsize=")
	c.Uint(size)
	c.Out = append(c.Out, '}')
}

// selectRet prints the count and which descriptors are ready:
// "1 (in [4], left {tv_sec=0, tv_nsec=0})", or "0 (Timeout)".
func selectRet(timeval bool) RetPrinter {
	return func(c *Ctx) {
		c.Int(c.Ret)
		if c.Ret == 0 {
			c.Str(" (Timeout)")
			return
		}
		nfds := int(int32(c.Args[0]))
		c.Str(" (")
		sep := ""
		for k, name := range []string{"in", "out", "except"} {
			addr := c.Args[1+k]
			if addr == 0 {
				continue
			}
			n := len(c.Out)
			c.Str(sep)
			c.Str(name)
			c.Out = append(c.Out, ' ')
			m := len(c.Out)
			c.fdSet(addr, nfds, false)
			if string(c.Out[m:]) == "[]" {
				c.Out = c.Out[:n]
				continue
			}
			sep = ", "
		}
		if c.Args[4] != 0 {
			c.Str(sep)
			c.Str("left ")
			if timeval {
				Timeval(c, 4)
			} else {
				c.timespec(c.Args[4])
			}
		}
		c.Out = append(c.Out, ')')
	}
}

func init() {
	register(map[string]*Spec{
		"select":   {Args: []Arg{In(Int), In(fdSetArg), In(fdSetArg), In(fdSetArg), In(Timeval)}, Ret: selectRet(true)},
		"pselect6": {Args: []Arg{In(Int), In(fdSetArg), In(fdSetArg), In(fdSetArg), In(Timespec), In(pselectSigmask)}, Ret: selectRet(false)},
	})
}
