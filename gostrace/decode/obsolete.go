package decode

// Obsolete calls strace still decodes: uselib, ustat, _sysctl's
// struct __sysctl_args and lookup_dcookie. (The never-implemented
// entries such as afs_syscall and tuxcall print raw, as in strace.)

// sysctlArgs prints struct __sysctl_args: its pointers as addresses.
var sysctlArgs Printer = func(c *Ctx, i int) {
	var b [48]byte
	if !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Str("{name=")
	c.Addr(le64(b[:]))
	c.Str(", nlen=")
	c.Int(int64(int32(le32(b[8:]))))
	c.Str(", oldval=")
	c.Addr(le64(b[16:]))
	c.Str(", oldlenp=")
	c.Addr(le64(b[24:]))
	c.Str(", newval=")
	c.Addr(le64(b[32:]))
	c.Str(", newlen=")
	c.Uint(le64(b[40:]))
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"uselib":  {Args: []Arg{PathArg}},
		"ustat":   {Args: []Arg{In(func(c *Ctx, i int) { c.Dev(c.Args[i] & 0xffffffff) }), In(Ptr)}},
		"_sysctl": {Args: []Arg{In(sysctlArgs)}},
		// strace prints the whole call at exit.
		"lookup_dcookie": {Args: []Arg{{P: Ulong, Exit: true}, Out(BufRet), In(Ulong)}},
	})
}
