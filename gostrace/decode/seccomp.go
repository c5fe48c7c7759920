package decode

// seccomp(2) operations, flags and the actions GET_ACTION_AVAIL asks
// about; filter programs print as their {len, filter} header.

var seccompOps = &Xlat{Vals: []Const{
	{0, "SECCOMP_SET_MODE_STRICT"}, {1, "SECCOMP_SET_MODE_FILTER"}, {2, "SECCOMP_GET_ACTION_AVAIL"},
	{3, "SECCOMP_GET_NOTIF_SIZES"},
}, Unknown: "SECCOMP_???"}

var seccompFilterFlags = &Xlat{Vals: []Const{
	bit(1, "SECCOMP_FILTER_FLAG_TSYNC"), bit(2, "SECCOMP_FILTER_FLAG_LOG"),
	bit(4, "SECCOMP_FILTER_FLAG_SPEC_ALLOW"), bit(8, "SECCOMP_FILTER_FLAG_NEW_LISTENER"),
	bit(16, "SECCOMP_FILTER_FLAG_TSYNC_ESRCH"), bit(32, "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"),
}}

var seccompActions = &Xlat{Vals: []Const{
	{0x80000000, "SECCOMP_RET_KILL_PROCESS"}, {0, "SECCOMP_RET_KILL_THREAD"}, {0x30000, "SECCOMP_RET_TRAP"},
	{0x50000, "SECCOMP_RET_ERRNO"}, {0x7fc00000, "SECCOMP_RET_USER_NOTIF"}, {0x7ff00000, "SECCOMP_RET_TRACE"},
	{0x7ffc0000, "SECCOMP_RET_LOG"}, {0x7fff0000, "SECCOMP_RET_ALLOW"},
}, Unknown: "SECCOMP_RET_???"}

// seccompArgs prints the flags and argument of each operation.
func seccompArgs(c *Ctx, _ int) {
	op := c.Args[0] & 0xffffffff
	c.Value(seccompOps, op)
	c.Str(", ")
	switch op {
	case 1:
		c.Flags(seccompFilterFlags, c.Args[1]&0xffffffff)
		c.Str(", ")
		c.fprog(c.Args[2], true)
	case 2:
		c.Uint(c.Args[1] & 0xffffffff)
		c.Str(", ")
		var b [4]byte
		if c.Args[2] == 0 || !c.readInto(c.Args[2], b[:]) {
			c.Addr(c.Args[2])
			return
		}
		c.Out = append(c.Out, '[')
		c.Value(seccompActions, uint64(le32(b[:])))
		c.Out = append(c.Out, ']')
	default:
		c.Uint(c.Args[1] & 0xffffffff)
		c.Str(", ")
		c.Addr(c.Args[2])
	}
}

func init() {
	register(map[string]*Spec{
		"seccomp": {Args: []Arg{In(seccompArgs)}},
	})
}
