package decode

import "encoding/binary"

// io_uring_setup's struct io_uring_params (the caller's request, and on
// success what the kernel set up), and syslog(2).

var ioUringSetupFlags = &Xlat{Vals: []Const{
	bit(1, "IORING_SETUP_IOPOLL"), bit(2, "IORING_SETUP_SQPOLL"), bit(4, "IORING_SETUP_SQ_AFF"),
	bit(8, "IORING_SETUP_CQSIZE"), bit(16, "IORING_SETUP_CLAMP"), bit(32, "IORING_SETUP_ATTACH_WQ"),
	bit(64, "IORING_SETUP_R_DISABLED"), bit(128, "IORING_SETUP_SUBMIT_ALL"), bit(256, "IORING_SETUP_COOP_TASKRUN"),
	bit(512, "IORING_SETUP_TASKRUN_FLAG"), bit(1024, "IORING_SETUP_SQE128"), bit(2048, "IORING_SETUP_CQE32"),
}, Unknown: "IORING_SETUP_???"}

var ioUringFeatures = &Xlat{Vals: []Const{
	bit(1, "IORING_FEAT_SINGLE_MMAP"), bit(2, "IORING_FEAT_NODROP"), bit(4, "IORING_FEAT_SUBMIT_STABLE"),
	bit(8, "IORING_FEAT_RW_CUR_POS"), bit(16, "IORING_FEAT_CUR_PERSONALITY"), bit(32, "IORING_FEAT_FAST_POLL"),
	bit(64, "IORING_FEAT_POLL_32BITS"), bit(128, "IORING_FEAT_SQPOLL_NONFIXED"), bit(256, "IORING_FEAT_EXT_ARG"),
	bit(512, "IORING_FEAT_NATIVE_WORKERS"), bit(1024, "IORING_FEAT_RSRC_TAGS"), bit(2048, "IORING_FEAT_CQE_SKIP"),
	bit(4096, "IORING_FEAT_LINKED_FILE"),
}, Unknown: "IORING_FEAT_???"}

// ioUringParams prints struct io_uring_params at exit: the request, and
// when the call succeeded the rings' geometry.
var ioUringParams = Arg{Exit: true, P: func(c *Ctx, i int) {
	var b [120]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	u := func(o int) uint64 { return uint64(binary.LittleEndian.Uint32(b[o:])) }
	flags := u(8)
	c.Str("{flags=")
	c.Flags(ioUringSetupFlags, flags)
	c.Str(", sq_thread_cpu=")
	c.Uint(u(12))
	c.Str(", sq_thread_idle=")
	c.Uint(u(16))
	if flags&32 != 0 {
		c.Str(", wq_fd=")
		c.FD(int32(u(24)))
	}
	if u(28)|u(32)|u(36) != 0 {
		c.Str(", resv=[")
		c.uints([]uint64{u(28), u(32), u(36)})
		c.Out = append(c.Out, ']')
	}
	if c.Failed {
		c.Out = append(c.Out, '}')
		return
	}
	c.Str(", sq_entries=")
	c.Uint(u(0))
	c.Str(", cq_entries=")
	c.Uint(u(4))
	c.Str(", features=")
	c.Flags(ioUringFeatures, u(20))
	c.Str(", sq_off=")
	c.ringOffsets(b[40:80], "head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array")
	c.Str(", cq_off=")
	c.ringOffsets(b[80:120], "head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags")
	c.Out = append(c.Out, '}')
}}

// ringOffsets prints io_sqring_offsets or io_cqring_offsets: seven u32
// fields, then resv1 and user_addr when set.
func (c *Ctx) ringOffsets(b []byte, names ...string) {
	c.Out = append(c.Out, '{')
	for k, name := range names {
		if k > 0 {
			c.Str(", ")
		}
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(uint64(binary.LittleEndian.Uint32(b[4*k:])))
	}
	if v := binary.LittleEndian.Uint32(b[28:]); v != 0 {
		c.Str(", resv1=")
		c.Hex(uint64(v))
	}
	if v := binary.LittleEndian.Uint64(b[32:]); v != 0 {
		c.Str(", user_addr=")
		c.Hex(v)
	}
	c.Out = append(c.Out, '}')
}

var syslogActions = &Xlat{Vals: seq("SYSLOG_ACTION_CLOSE", "SYSLOG_ACTION_OPEN", "SYSLOG_ACTION_READ",
	"SYSLOG_ACTION_READ_ALL", "SYSLOG_ACTION_READ_CLEAR", "SYSLOG_ACTION_CLEAR", "SYSLOG_ACTION_CONSOLE_OFF",
	"SYSLOG_ACTION_CONSOLE_ON", "SYSLOG_ACTION_CONSOLE_LEVEL", "SYSLOG_ACTION_SIZE_UNREAD",
	"SYSLOG_ACTION_SIZE_BUFFER"), Unknown: "SYSLOG_ACTION_???"}

// syslogAction prints the action as its number with the name in a
// comment, whatever the -X style, as strace does.
func syslogAction(c *Ctx, i int) {
	style := c.xlat
	c.xlat = XlatVerbose
	c.DecValue(syslogActions, uint64(int64(int32(c.Args[i]))))
	c.xlat = style
}

// syslogRest prints the buffer and length of the actions that use them.
var syslogRest = Arg{Exit: true, If: func(c *Ctx) bool { return c.Args[0] >= 2 && c.Args[0] <= 4 || c.Args[0] == 8 }, P: func(c *Ctx, i int) {
	if c.Args[0] == 8 || c.Failed {
		c.Addr(c.Args[1])
	} else {
		c.Buf(c.Args[1], uint64(c.Ret))
	}
	c.Str(", ")
	c.Int(int64(int32(c.Args[2])))
}}

func init() {
	register(map[string]*Spec{
		"io_uring_setup": {Args: []Arg{In(Uint), ioUringParams}, Ret: RetFD},
		"syslog":         {Args: []Arg{In(syslogAction), syslogRest}},
	})
}

var membarrierCmds = &Xlat{Vals: []Const{
	{0, "MEMBARRIER_CMD_QUERY"}, bit(1, "MEMBARRIER_CMD_GLOBAL"), bit(2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"),
	bit(4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"), bit(8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"),
	bit(16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"), bit(32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"),
	bit(64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"), bit(128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"),
	bit(256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"),
}, Unknown: "MEMBARRIER_CMD_???"}

var membarrierFlags = &Xlat{Vals: []Const{bit(1, "MEMBARRIER_CMD_FLAG_CPU")}}

// membarrierRet shows which commands MEMBARRIER_CMD_QUERY reports.
func membarrierRet(c *Ctx) {
	if c.Args[0] != 0 {
		c.Int(c.Ret)
		return
	}
	c.Hex(uint64(c.Ret))
	if c.Ret != 0 {
		c.Str(" (")
		c.Flags(membarrierCmds, uint64(c.Ret))
		c.Out = append(c.Out, ')')
	}
}

func init() {
	register(map[string]*Spec{
		"membarrier": {Args: []Arg{
			In(func(c *Ctx, i int) { c.Value(membarrierCmds, c.Args[i]&0xffffffff) }),
			flagsArg(membarrierFlags),
			{P: Int, If: func(c *Ctx) bool { return c.Args[1]&1 != 0 }},
		}, Ret: membarrierRet},
	})
}
