package decode

// The bpf(2) system call: command names and the bpf_attr fields of the
// map commands, BPF_PROG_LOAD, BPF_OBJ_PIN/GET and BPF_PROG_ATTACH/
// DETACH, bounded by the size the caller passed as strace 6.1 does
// (fields past it are not shown; nonzero bytes past the command's
// structure show as "..."). The attribute of other commands is shown as
// its address.

var bpfCommands = &Xlat{Vals: seq("BPF_MAP_CREATE", "BPF_MAP_LOOKUP_ELEM", "BPF_MAP_UPDATE_ELEM",
	"BPF_MAP_DELETE_ELEM", "BPF_MAP_GET_NEXT_KEY", "BPF_PROG_LOAD", "BPF_OBJ_PIN", "BPF_OBJ_GET",
	"BPF_PROG_ATTACH", "BPF_PROG_DETACH", "BPF_PROG_TEST_RUN", "BPF_PROG_GET_NEXT_ID", "BPF_MAP_GET_NEXT_ID",
	"BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID", "BPF_OBJ_GET_INFO_BY_FD", "BPF_PROG_QUERY",
	"BPF_RAW_TRACEPOINT_OPEN", "BPF_BTF_LOAD", "BPF_BTF_GET_FD_BY_ID", "BPF_TASK_FD_QUERY",
	"BPF_MAP_LOOKUP_AND_DELETE_ELEM", "BPF_MAP_FREEZE", "BPF_BTF_GET_NEXT_ID", "BPF_MAP_LOOKUP_BATCH",
	"BPF_MAP_LOOKUP_AND_DELETE_BATCH", "BPF_MAP_UPDATE_BATCH", "BPF_MAP_DELETE_BATCH", "BPF_LINK_CREATE",
	"BPF_LINK_UPDATE", "BPF_LINK_GET_FD_BY_ID", "BPF_LINK_GET_NEXT_ID", "BPF_ENABLE_STATS", "BPF_ITER_CREATE",
	"BPF_LINK_DETACH", "BPF_PROG_BIND_MAP"), Unknown: "BPF_???"}

var bpfMapTypes = &Xlat{Vals: seq("BPF_MAP_TYPE_UNSPEC", "BPF_MAP_TYPE_HASH", "BPF_MAP_TYPE_ARRAY",
	"BPF_MAP_TYPE_PROG_ARRAY", "BPF_MAP_TYPE_PERF_EVENT_ARRAY", "BPF_MAP_TYPE_PERCPU_HASH",
	"BPF_MAP_TYPE_PERCPU_ARRAY", "BPF_MAP_TYPE_STACK_TRACE", "BPF_MAP_TYPE_CGROUP_ARRAY", "BPF_MAP_TYPE_LRU_HASH",
	"BPF_MAP_TYPE_LRU_PERCPU_HASH", "BPF_MAP_TYPE_LPM_TRIE", "BPF_MAP_TYPE_ARRAY_OF_MAPS",
	"BPF_MAP_TYPE_HASH_OF_MAPS", "BPF_MAP_TYPE_DEVMAP", "BPF_MAP_TYPE_SOCKMAP", "BPF_MAP_TYPE_CPUMAP",
	"BPF_MAP_TYPE_XSKMAP", "BPF_MAP_TYPE_SOCKHASH", "BPF_MAP_TYPE_CGROUP_STORAGE",
	"BPF_MAP_TYPE_REUSEPORT_SOCKARRAY", "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE", "BPF_MAP_TYPE_QUEUE",
	"BPF_MAP_TYPE_STACK", "BPF_MAP_TYPE_SK_STORAGE", "BPF_MAP_TYPE_DEVMAP_HASH", "BPF_MAP_TYPE_STRUCT_OPS",
	"BPF_MAP_TYPE_RINGBUF", "BPF_MAP_TYPE_INODE_STORAGE", "BPF_MAP_TYPE_TASK_STORAGE",
	"BPF_MAP_TYPE_BLOOM_FILTER", "BPF_MAP_TYPE_USER_RINGBUF"), Unknown: "BPF_MAP_TYPE_???"}

var bpfMapFlags = &Xlat{Vals: pow2("BPF_F_NO_PREALLOC", "BPF_F_NO_COMMON_LRU", "BPF_F_NUMA_NODE",
	"BPF_F_RDONLY", "BPF_F_WRONLY", "BPF_F_STACK_BUILD_ID", "BPF_F_ZERO_SEED", "BPF_F_RDONLY_PROG",
	"BPF_F_WRONLY_PROG", "BPF_F_CLONE", "BPF_F_MMAPABLE", "BPF_F_PRESERVE_ELEMS", "BPF_F_INNER_MAP"),
	Unknown: "BPF_F_???"}

var (
	bpfUpdateFlags = &Xlat{Vals: []Const{{0, "BPF_ANY"}, {1, "BPF_NOEXIST"}, {2, "BPF_EXIST"}, {4, "BPF_F_LOCK"}}, Unknown: "BPF_???"}
	bpfLookupFlags = &Xlat{Vals: []Const{{0, "BPF_ANY"}, bit(4, "BPF_F_LOCK")}, Unknown: "BPF_???"}
	bpfFileFlags   = &Xlat{Vals: []Const{bit(8, "BPF_F_RDONLY"), bit(16, "BPF_F_WRONLY")}, Unknown: "BPF_F_???"}
	bpfAttachFlags = &Xlat{Vals: pow2("BPF_F_ALLOW_OVERRIDE", "BPF_F_ALLOW_MULTI", "BPF_F_REPLACE"), Unknown: "BPF_F_???"}
	bpfProgFlags   = &Xlat{Vals: pow2("BPF_F_STRICT_ALIGNMENT", "BPF_F_ANY_ALIGNMENT", "BPF_F_TEST_RND_HI32",
		"BPF_F_TEST_STATE_FREQ", "BPF_F_SLEEPABLE", "BPF_F_XDP_HAS_FRAGS"), Unknown: "BPF_F_???"}
)

var bpfProgTypes = &Xlat{Vals: seq("BPF_PROG_TYPE_UNSPEC", "BPF_PROG_TYPE_SOCKET_FILTER", "BPF_PROG_TYPE_KPROBE",
	"BPF_PROG_TYPE_SCHED_CLS", "BPF_PROG_TYPE_SCHED_ACT", "BPF_PROG_TYPE_TRACEPOINT", "BPF_PROG_TYPE_XDP",
	"BPF_PROG_TYPE_PERF_EVENT", "BPF_PROG_TYPE_CGROUP_SKB", "BPF_PROG_TYPE_CGROUP_SOCK", "BPF_PROG_TYPE_LWT_IN",
	"BPF_PROG_TYPE_LWT_OUT", "BPF_PROG_TYPE_LWT_XMIT", "BPF_PROG_TYPE_SOCK_OPS", "BPF_PROG_TYPE_SK_SKB",
	"BPF_PROG_TYPE_CGROUP_DEVICE", "BPF_PROG_TYPE_SK_MSG", "BPF_PROG_TYPE_RAW_TRACEPOINT",
	"BPF_PROG_TYPE_CGROUP_SOCK_ADDR", "BPF_PROG_TYPE_LWT_SEG6LOCAL", "BPF_PROG_TYPE_LIRC_MODE2",
	"BPF_PROG_TYPE_SK_REUSEPORT", "BPF_PROG_TYPE_FLOW_DISSECTOR", "BPF_PROG_TYPE_CGROUP_SYSCTL",
	"BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE", "BPF_PROG_TYPE_CGROUP_SOCKOPT", "BPF_PROG_TYPE_TRACING",
	"BPF_PROG_TYPE_STRUCT_OPS", "BPF_PROG_TYPE_EXT", "BPF_PROG_TYPE_LSM", "BPF_PROG_TYPE_SK_LOOKUP",
	"BPF_PROG_TYPE_SYSCALL"), Unknown: "BPF_PROG_TYPE_???"}

var bpfAttachTypes = &Xlat{Vals: seq("BPF_CGROUP_INET_INGRESS", "BPF_CGROUP_INET_EGRESS",
	"BPF_CGROUP_INET_SOCK_CREATE", "BPF_CGROUP_SOCK_OPS", "BPF_SK_SKB_STREAM_PARSER", "BPF_SK_SKB_STREAM_VERDICT",
	"BPF_CGROUP_DEVICE", "BPF_SK_MSG_VERDICT", "BPF_CGROUP_INET4_BIND", "BPF_CGROUP_INET6_BIND",
	"BPF_CGROUP_INET4_CONNECT", "BPF_CGROUP_INET6_CONNECT", "BPF_CGROUP_INET4_POST_BIND",
	"BPF_CGROUP_INET6_POST_BIND", "BPF_CGROUP_UDP4_SENDMSG", "BPF_CGROUP_UDP6_SENDMSG", "BPF_LIRC_MODE2",
	"BPF_FLOW_DISSECTOR", "BPF_CGROUP_SYSCTL", "BPF_CGROUP_UDP4_RECVMSG", "BPF_CGROUP_UDP6_RECVMSG",
	"BPF_CGROUP_GETSOCKOPT", "BPF_CGROUP_SETSOCKOPT", "BPF_TRACE_RAW_TP", "BPF_TRACE_FENTRY", "BPF_TRACE_FEXIT",
	"BPF_MODIFY_RETURN", "BPF_LSM_MAC", "BPF_TRACE_ITER", "BPF_CGROUP_INET4_GETPEERNAME",
	"BPF_CGROUP_INET6_GETPEERNAME", "BPF_CGROUP_INET4_GETSOCKNAME", "BPF_CGROUP_INET6_GETSOCKNAME",
	"BPF_XDP_DEVMAP", "BPF_CGROUP_INET_SOCK_RELEASE", "BPF_XDP_CPUMAP", "BPF_SK_LOOKUP", "BPF_XDP",
	"BPF_SK_SKB_VERDICT", "BPF_SK_REUSEPORT_SELECT", "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE", "BPF_PERF_EVENT",
	"BPF_TRACE_KPROBE_MULTI", "BPF_LSM_CGROUP"), Unknown: "BPF_???"}

// eBPF instruction fields: classes 6 and 7 and the wider ALU and jump
// opcode sets differ from classic BPF.
var (
	ebpfClasses = &Xlat{Vals: seq("BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX", "BPF_ALU", "BPF_JMP", "BPF_JMP32", "BPF_ALU64"), Unknown: "BPF_???"}
	ebpfSizes   = &Xlat{Vals: []Const{{0, "BPF_W"}, {0x08, "BPF_H"}, {0x10, "BPF_B"}, {0x18, "BPF_DW"}}, Unknown: "BPF_???"}
	ebpfModes   = &Xlat{Vals: []Const{{0, "BPF_IMM"}, {0x20, "BPF_ABS"}, {0x40, "BPF_IND"}, {0x60, "BPF_MEM"},
		{0x80, "BPF_LEN"}, {0xa0, "BPF_MSH"}, {0xc0, "BPF_ATOMIC"}}, Unknown: "BPF_???"}
	ebpfALUOps = &Xlat{Vals: []Const{
		{0, "BPF_ADD"}, {0x10, "BPF_SUB"}, {0x20, "BPF_MUL"}, {0x30, "BPF_DIV"}, {0x40, "BPF_OR"}, {0x50, "BPF_AND"},
		{0x60, "BPF_LSH"}, {0x70, "BPF_RSH"}, {0x80, "BPF_NEG"}, {0x90, "BPF_MOD"}, {0xa0, "BPF_XOR"},
		{0xb0, "BPF_MOV"}, {0xc0, "BPF_ARSH"}, {0xd0, "BPF_END"},
	}, Unknown: "BPF_???"}
	ebpfJmpOps = &Xlat{Vals: []Const{
		{0, "BPF_JA"}, {0x10, "BPF_JEQ"}, {0x20, "BPF_JGT"}, {0x30, "BPF_JGE"}, {0x40, "BPF_JSET"}, {0x50, "BPF_JNE"},
		{0x60, "BPF_JSGT"}, {0x70, "BPF_JSGE"}, {0x80, "BPF_CALL"}, {0x90, "BPF_EXIT"}, {0xa0, "BPF_JLT"},
		{0xb0, "BPF_JLE"}, {0xc0, "BPF_JSLT"}, {0xd0, "BPF_JSLE"},
	}, Unknown: "BPF_???"}
	ebpfRegs = &Xlat{Vals: seq("BPF_REG_0", "BPF_REG_1", "BPF_REG_2", "BPF_REG_3", "BPF_REG_4", "BPF_REG_5",
		"BPF_REG_6", "BPF_REG_7", "BPF_REG_8", "BPF_REG_9", "BPF_REG_10"), Unknown: "BPF_REG_???"}
)

// ebpfCode prints an eBPF opcode: class, then size and mode for loads
// and stores, source and operation for arithmetic and jumps.
func (c *Ctx) ebpfCode(code uint8) {
	class := uint64(code & 7)
	c.Value(ebpfClasses, class)
	c.Out = append(c.Out, '|')
	switch class {
	case 0, 1, 2, 3:
		c.Value(ebpfSizes, uint64(code&0x18))
		c.Out = append(c.Out, '|')
		c.Value(ebpfModes, uint64(code&0xe0))
	case 4, 7:
		c.Value(bpfSrcs, uint64(code&0x08))
		c.Out = append(c.Out, '|')
		c.Value(ebpfALUOps, uint64(code&0xf0))
	default:
		c.Value(bpfSrcs, uint64(code&0x08))
		c.Out = append(c.Out, '|')
		c.Value(ebpfJmpOps, uint64(code&0xf0))
	}
}

// ebpfProg prints a program's instructions with -v, else its address.
func (c *Ctx) ebpfProg(addr uint64, n uint32) {
	if !c.Verbose {
		c.Addr(addr)
		return
	}
	k := 0
	c.array(addr, uint64(n), 8, func(b []byte) {
		if k++; k > bpfMaxInsns {
			c.Str("...")
			return
		}
		c.Str("{code=")
		c.ebpfCode(b[0])
		c.Str(", dst_reg=")
		c.Value(ebpfRegs, uint64(b[1]&15))
		c.Str(", src_reg=")
		c.Value(ebpfRegs, uint64(b[1]>>4))
		c.Str(", off=")
		c.Int(int64(int16(le16(b[2:]))))
		c.Str(", imm=")
		c.Hex(uint64(le32(b[4:])))
		c.Out = append(c.Out, '}')
	})
}

// bpfAttr is one command's attribute being printed: the bytes read
// (zero past what the caller passed) and how many the caller passed.
type bpfAttr struct {
	b   []byte
	len int
}

func (a bpfAttr) u32(off int) uint32 { return le32(a.b[off:]) }
func (a bpfAttr) u64(off int) uint64 { return le64(a.b[off:]) }

// has reports whether the caller's attribute reaches offset off.
func (a bpfAttr) has(off int) bool { return a.len > off }

// bpfCmd decodes one command; size is the length of its structure in
// strace 6.1, fd says the command returns a descriptor.
type bpfCmd struct {
	size int
	fd   bool
	show func(c *Ctx, a bpfAttr)
}

var bpfCmds = map[uint32]bpfCmd{
	0:  {72, true, (*Ctx).bpfMapCreate},
	1:  {32, false, (*Ctx).bpfMapLookup},
	2:  {32, false, (*Ctx).bpfMapUpdate},
	3:  {16, false, (*Ctx).bpfMapDelete},
	4:  {24, false, (*Ctx).bpfMapNextKey},
	5:  {128, true, (*Ctx).bpfProgLoad},
	6:  {16, true, (*Ctx).bpfObjPin},
	7:  {16, true, (*Ctx).bpfObjPin},
	8:  {20, false, (*Ctx).bpfProgAttach},
	9:  {12, false, (*Ctx).bpfProgDetach},
	10: {80, false, (*Ctx).bpfTestRun},
	11: {12, false, (*Ctx).bpfNextID},
	12: {12, false, (*Ctx).bpfNextID},
	13: {12, true, func(c *Ctx, a bpfAttr) { c.bpfIDFlags("prog_id", a) }},
	14: {12, true, func(c *Ctx, a bpfAttr) { c.bpfIDFlags("map_id", a) }},
	15: {16, false, (*Ctx).bpfObjInfo},
	16: {28, false, (*Ctx).bpfProgQuery},
	17: {12, true, (*Ctx).bpfRawTracepoint},
	18: {28, true, (*Ctx).bpfBTFLoad},
	19: {4, true, func(c *Ctx, a bpfAttr) { c.bpfU32("btf_id", a.u32(0)) }},
	20: {48, false, (*Ctx).bpfTaskFDQuery},
	21: {32, false, (*Ctx).bpfMapLookup},
	22: {4, false, func(c *Ctx, a bpfAttr) { c.bpfFD("map_fd", a.u32(0)) }},
	23: {12, false, (*Ctx).bpfNextID},
	24: {56, false, func(c *Ctx, a bpfAttr) { c.bpfBatch(a, true, true) }},
	25: {56, false, func(c *Ctx, a bpfAttr) { c.bpfBatch(a, true, true) }},
	26: {56, false, func(c *Ctx, a bpfAttr) { c.bpfBatch(a, false, true) }},
	27: {56, false, func(c *Ctx, a bpfAttr) { c.bpfBatch(a, false, false) }},
	28: {16, true, (*Ctx).bpfLinkCreate},
	29: {16, false, (*Ctx).bpfLinkUpdate},
	30: {4, true, func(c *Ctx, a bpfAttr) { c.bpfU32("link_id", a.u32(0)) }},
	31: {12, false, (*Ctx).bpfNextID},
}

// bpfNextIDCmds are the *_GET_NEXT_ID commands, printed at exit with
// the id the kernel found: "next_id=0 => 5".
var bpfNextIDCmds = map[uint32]bool{11: true, 12: true, 23: true, 31: true}

var (
	bpfFileModeFlags = &Xlat{Vals: []Const{bit(8, "BPF_F_RDONLY"), bit(16, "BPF_F_WRONLY")}, Unknown: "BPF_F_???"}
	bpfQueryFlags    = &Xlat{Vals: []Const{bit(1, "BPF_F_QUERY_EFFECTIVE")}, Unknown: "BPF_F_QUERY_???"}
	bpfTestRunFlags  = &Xlat{Vals: []Const{bit(1, "BPF_F_TEST_RUN_ON_CPU"), bit(2, "BPF_F_TEST_XDP_LIVE_FRAMES")}, Unknown: "BPF_F_???"}
	bpfTaskFDTypes   = &Xlat{Vals: seq("BPF_FD_TYPE_RAW_TRACEPOINT", "BPF_FD_TYPE_TRACEPOINT", "BPF_FD_TYPE_KPROBE",
		"BPF_FD_TYPE_KRETPROBE", "BPF_FD_TYPE_UPROBE", "BPF_FD_TYPE_URETPROBE"), Unknown: "BPF_FD_TYPE_???"}
)

func (c *Ctx) bpfTestRun(a bpfAttr) {
	c.Str("test={")
	c.bpfFD("prog_fd", a.u32(0))
	for k, name := range []string{"retval", "data_size_in", "data_size_out"} {
		c.Str(", ")
		c.bpfU32(name, a.u32(4+4*k))
	}
	c.Str(", ")
	c.bpfAddr("data_in", a.u64(16))
	c.Str(", ")
	c.bpfAddr("data_out", a.u64(24))
	for k, name := range []string{"repeat", "duration", "ctx_size_in", "ctx_size_out"} {
		c.Str(", ")
		c.bpfU32(name, a.u32(32+4*k))
	}
	c.Str(", ")
	c.bpfAddr("ctx_in", a.u64(48))
	c.Str(", ")
	c.bpfAddr("ctx_out", a.u64(56))
	if a.has(64) {
		c.Str(", flags=")
		c.xflags(bpfTestRunFlags, uint64(a.u32(64)))
		c.Str(", ")
		c.bpfU32("cpu", a.u32(68))
	}
	if a.has(72) {
		c.Str(", ")
		c.bpfU32("batch_size", a.u32(72))
	}
	c.Out = append(c.Out, '}')
}

// bpfNextID prints {start_id, next_id, open_flags}; at exit a found id
// follows the one passed in (saved at entry).
func (c *Ctx) bpfNextID(a bpfAttr) {
	c.bpfU32("start_id", a.u32(0))
	c.Str(", ")
	next := a.u32(4)
	if c.Exiting && c.savedOK[0] {
		c.bpfU32("next_id", uint32(c.saved[0]))
		if !c.Failed && uint32(c.saved[0]) != next {
			c.Str(" => ")
			c.Uint(uint64(next))
		}
	} else {
		c.bpfU32("next_id", next)
	}
	if !a.has(8) {
		return
	}
	c.Str(", open_flags=")
	c.xflags(bpfFileModeFlags, uint64(a.u32(8)))
}

func (c *Ctx) bpfIDFlags(name string, a bpfAttr) {
	c.bpfU32(name, a.u32(0))
	c.Str(", ")
	c.bpfU32("next_id", a.u32(4))
	if !a.has(8) {
		return
	}
	c.Str(", open_flags=")
	c.xflags(bpfFileModeFlags, uint64(a.u32(8)))
}

func (c *Ctx) bpfObjInfo(a bpfAttr) {
	c.Str("info={")
	c.bpfFD("bpf_fd", a.u32(0))
	c.Str(", ")
	c.bpfU32("info_len", a.u32(4))
	c.Str(", ")
	c.bpfAddr("info", a.u64(8))
	c.Out = append(c.Out, '}')
}

func (c *Ctx) bpfProgQuery(a bpfAttr) {
	c.Str("query={")
	c.bpfFD("target_fd", a.u32(0))
	c.Str(", attach_type=")
	c.Value(bpfAttachTypes, uint64(a.u32(4)))
	c.Str(", query_flags=")
	c.xflags(bpfQueryFlags, uint64(a.u32(8)))
	c.Str(", attach_flags=")
	c.xflags(bpfAttachFlags, uint64(a.u32(12)))
	c.Str(", ")
	c.bpfAddr("prog_ids", a.u64(16))
	c.Str(", ")
	c.bpfU32("prog_cnt", a.u32(24))
	c.Out = append(c.Out, '}')
}

func (c *Ctx) bpfRawTracepoint(a bpfAttr) {
	c.Str("raw_tracepoint={name=")
	c.CStr(a.u64(0), c.Cfg.StrLen)
	c.Str(", ")
	c.bpfFD("prog_fd", a.u32(8))
	c.Out = append(c.Out, '}')
}

func (c *Ctx) bpfBTFLoad(a bpfAttr) {
	c.bpfAddr("btf", a.u64(0))
	c.Str(", ")
	c.bpfAddr("btf_log_buf", a.u64(8))
	for k, name := range []string{"btf_size", "btf_log_size", "btf_log_level"} {
		c.Str(", ")
		c.bpfU32(name, a.u32(16+4*k))
	}
}

func (c *Ctx) bpfTaskFDQuery(a bpfAttr) {
	c.Str("task_fd_query={pid=")
	c.Int(int64(int32(a.u32(0))))
	c.Str(", fd=")
	c.Int(int64(int32(a.u32(4))))
	c.Str(", ")
	c.bpfU32("flags", a.u32(8))
	c.Str(", ")
	c.bpfU32("buf_len", a.u32(12))
	c.Str(", ")
	c.bpfAddr("buf", a.u64(16))
	c.Str(", ")
	c.bpfU32("prog_id", a.u32(24))
	c.Str(", fd_type=")
	c.Value(bpfTaskFDTypes, uint64(a.u32(28)))
	c.Str(", probe_offset=")
	c.Hex(a.u64(32))
	c.Str(", probe_addr=")
	c.Hex(a.u64(40))
	c.Out = append(c.Out, '}')
}

// bpfBatch prints the batch operations' attribute; update and delete
// have no batch cursors, delete no values.
func (c *Ctx) bpfBatch(a bpfAttr, cursors, values bool) {
	c.Str("batch={")
	if cursors {
		c.bpfAddr("in_batch", a.u64(0))
		c.Str(", ")
		c.bpfAddr("out_batch", a.u64(8))
		c.Str(", ")
	}
	c.bpfAddr("keys", a.u64(16))
	if values {
		c.Str(", ")
		c.bpfAddr("values", a.u64(24))
	}
	c.Str(", ")
	c.bpfU32("count", a.u32(32))
	c.Str(", ")
	c.bpfFD("map_fd", a.u32(36))
	c.Str(", elem_flags=")
	c.xflags(bpfLookupFlags, a.u64(40))
	c.Str(", flags=")
	c.Hex(a.u64(48))
	c.Out = append(c.Out, '}')
}

func (c *Ctx) bpfLinkCreate(a bpfAttr) {
	c.Str("link_create={")
	c.bpfFD("prog_fd", a.u32(0))
	c.Str(", ")
	c.bpfFD("target_fd", a.u32(4))
	c.Str(", attach_type=")
	c.Value(bpfAttachTypes, uint64(a.u32(8)))
	c.Str(", flags=")
	c.Hex(uint64(a.u32(12)))
	c.Out = append(c.Out, '}')
}

func (c *Ctx) bpfLinkUpdate(a bpfAttr) {
	c.Str("link_update={")
	c.bpfFD("link_fd", a.u32(0))
	c.Str(", ")
	c.bpfFD("new_prog_fd", a.u32(4))
	flags := a.u32(8)
	c.Str(", flags=")
	c.xflags(bpfAttachFlags, uint64(flags))
	if flags&4 != 0 {
		c.Str(", ")
		c.bpfFD("old_prog_fd", a.u32(12))
	}
	c.Out = append(c.Out, '}')
}

// bpfAttrMax is the largest attribute strace reads (a page);
// bpfStructMax the largest command structure decoded.
const (
	bpfAttrMax   = 4096
	bpfStructMax = 128
)

// bpfAttrArg prints bpf's attribute argument (argument 1).
var bpfAttrArg Printer = func(c *Ctx, _ int) {
	cmd, addr, size := uint32(c.Args[0]), c.Args[1], int(uint32(c.Args[2]))
	d, ok := bpfCmds[cmd]
	if !ok || size == 0 || size > bpfAttrMax {
		c.Addr(addr)
		return
	}
	b, ok := c.read(addr, size)
	if !ok || c.NoDeref {
		c.Addr(addr)
		return
	}
	// The command's structure, zero past what the caller passed; the
	// decoders' own reads reuse the scratch buffer b is in.
	var buf [bpfStructMax]byte
	copy(buf[:], b)
	c.Out = append(c.Out, '{')
	d.show(c, bpfAttr{b: buf[:], len: size})
	if size > d.size {
		if extra, ok := c.read(addr+uint64(d.size), size-d.size); ok {
			c.bpfExtraData(extra, d.size)
		}
	}
	c.Out = append(c.Out, '}')
}

// bpfExtraData shows bytes past the command's structure when any is
// set: "..." or, with -v, all of them in hex with their offsets.
func (c *Ctx) bpfExtraData(b []byte, from int) {
	for _, x := range b {
		if x == 0 {
			continue
		}
		if !c.Verbose {
			c.Str(", ...")
			return
		}
		c.Str(", extra_data=\"")
		for _, ch := range b {
			c.Out = append(c.Out, '\\', 'x', "0123456789abcdef"[ch>>4], "0123456789abcdef"[ch&15])
		}
		c.Str("\" /* bytes ")
		c.Int(int64(from))
		c.Str("..")
		c.Int(int64(from + len(b) - 1))
		c.Str(" */")
		return
	}
}

// bpfRet prints the result: a descriptor for the commands that make one.
func bpfRet(c *Ctx) {
	if d, ok := bpfCmds[uint32(c.Args[0])]; ok && d.fd {
		RetFD(c)
		return
	}
	c.Int(c.Ret)
}

// bpfAddr prints a 64-bit user address field.
func (c *Ctx) bpfAddr(name string, v uint64) {
	c.Str(name)
	c.Out = append(c.Out, '=')
	c.Addr(v)
}

func (c *Ctx) bpfU32(name string, v uint32) {
	c.Str(name)
	c.Out = append(c.Out, '=')
	c.Uint(uint64(v))
}

func (c *Ctx) bpfFD(name string, v uint32) {
	c.Str(name)
	c.Out = append(c.Out, '=')
	c.FD(int32(v))
}

// bpfName prints a fixed-size object name field of at most n bytes.
func (c *Ctx) bpfName(name string, b []byte) {
	c.Str(name)
	c.Out = append(c.Out, '=')
	end := 0
	for end < len(b) && b[end] != 0 {
		end++
	}
	c.quoted(b[:end])
	if end == len(b) {
		c.Str("...")
	}
}

func (c *Ctx) bpfMapCreate(a bpfAttr) {
	c.Str("map_type=")
	c.Value(bpfMapTypes, uint64(a.u32(0)))
	c.Str(", ")
	c.bpfU32("key_size", a.u32(4))
	c.Str(", ")
	c.bpfU32("value_size", a.u32(8))
	c.Str(", ")
	c.bpfU32("max_entries", a.u32(12))
	if !a.has(16) {
		return
	}
	flags := a.u32(16)
	c.Str(", map_flags=")
	c.xflags(bpfMapFlags, uint64(flags))
	if !a.has(20) {
		return
	}
	c.Str(", ")
	c.bpfFD("inner_map_fd", a.u32(20))
	if !a.has(24) {
		return
	}
	if flags&4 != 0 {
		c.Str(", numa_node=")
		node := a.u32(24)
		c.Uint(uint64(node))
		if node == 0xffffffff && c.xlat != XlatRaw {
			c.Str(" /* NUMA_NO_NODE */")
		}
	}
	if !a.has(28) {
		return
	}
	c.Str(", ")
	c.bpfName("map_name", a.b[28:28+min(16, a.len-28)])
	if !a.has(44) {
		return
	}
	c.Str(", map_ifindex=")
	c.ifindex(a.u32(44))
	if !a.has(48) {
		return
	}
	c.Str(", ")
	c.bpfFD("btf_fd", a.u32(48))
	c.Str(", ")
	c.bpfU32("btf_key_type_id", a.u32(52))
	c.Str(", ")
	c.bpfU32("btf_value_type_id", a.u32(56))
	if !a.has(60) {
		return
	}
	c.Str(", ")
	c.bpfU32("btf_vmlinux_value_type_id", a.u32(60))
	if !a.has(64) {
		return
	}
	c.Str(", map_extra=")
	c.Uint(a.u64(64))
}

// bpfMapKey prints the map descriptor and key common to element commands.
func (c *Ctx) bpfMapKey(a bpfAttr) {
	c.bpfFD("map_fd", a.u32(0))
	c.Str(", ")
	c.bpfAddr("key", a.u64(8))
}

func (c *Ctx) bpfMapLookup(a bpfAttr) {
	c.bpfMapKey(a)
	c.Str(", ")
	c.bpfAddr("value", a.u64(16))
	if !a.has(24) {
		return
	}
	c.Str(", flags=")
	c.xflags(bpfLookupFlags, a.u64(24))
}

func (c *Ctx) bpfMapUpdate(a bpfAttr) {
	c.bpfMapKey(a)
	c.Str(", ")
	c.bpfAddr("value", a.u64(16))
	c.Str(", flags=")
	c.Value(bpfUpdateFlags, a.u64(24))
}

func (c *Ctx) bpfMapDelete(a bpfAttr) { c.bpfMapKey(a) }

func (c *Ctx) bpfMapNextKey(a bpfAttr) {
	c.bpfMapKey(a)
	c.Str(", ")
	c.bpfAddr("next_key", a.u64(16))
}

// kernelVersion prints a KERNEL_VERSION(a, b, c) value.
func (c *Ctx) kernelVersion(v uint32) {
	c.Composite(uint64(v), func() {
		c.Str("KERNEL_VERSION(")
		c.Uint(uint64(v >> 16))
		c.Str(", ")
		c.Uint(uint64(v >> 8 & 0xff))
		c.Str(", ")
		c.Uint(uint64(v & 0xff))
		c.Out = append(c.Out, ')')
	})
}

func (c *Ctx) bpfProgLoad(a bpfAttr) {
	c.Str("prog_type=")
	c.Value(bpfProgTypes, uint64(a.u32(0)))
	c.Str(", ")
	c.bpfU32("insn_cnt", a.u32(4))
	c.Str(", insns=")
	c.ebpfProg(a.u64(8), a.u32(4))
	c.Str(", license=")
	c.CStr(a.u64(16), c.Cfg.StrLen)
	if !a.has(24) {
		return
	}
	c.Str(", ")
	c.bpfU32("log_level", a.u32(24))
	c.Str(", ")
	c.bpfU32("log_size", a.u32(28))
	c.Str(", log_buf=")
	c.CStr(a.u64(32), min(c.Cfg.StrLen, int(a.u32(28))))
	if !a.has(40) {
		return
	}
	c.Str(", kern_version=")
	c.kernelVersion(a.u32(40))
	if !a.has(44) {
		return
	}
	c.Str(", prog_flags=")
	c.xflags(bpfProgFlags, uint64(a.u32(44)))
	if !a.has(48) {
		return
	}
	c.Str(", ")
	c.bpfName("prog_name", a.b[48:48+min(16, a.len-48)])
	if !a.has(64) {
		return
	}
	c.Str(", prog_ifindex=")
	c.ifindex(a.u32(64))
	if !a.has(68) {
		return
	}
	c.Str(", expected_attach_type=")
	c.Value(bpfAttachTypes, uint64(a.u32(68)))
	if !a.has(72) {
		return
	}
	c.Str(", ")
	c.bpfFD("prog_btf_fd", a.u32(72))
	c.Str(", ")
	c.bpfU32("func_info_rec_size", a.u32(76))
	c.Str(", ")
	c.bpfAddr("func_info", a.u64(80))
	c.Str(", ")
	c.bpfU32("func_info_cnt", a.u32(88))
	c.Str(", ")
	c.bpfU32("line_info_rec_size", a.u32(92))
	c.Str(", ")
	c.bpfAddr("line_info", a.u64(96))
	c.Str(", ")
	c.bpfU32("line_info_cnt", a.u32(104))
	if !a.has(108) {
		return
	}
	c.Str(", ")
	c.bpfU32("attach_btf_id", a.u32(108))
	if !a.has(112) {
		return
	}
	c.Str(", ")
	c.bpfFD("attach_prog_fd", a.u32(112))
	if !a.has(120) {
		return
	}
	c.Str(", ")
	c.bpfAddr("fd_array", a.u64(120))
}

func (c *Ctx) bpfObjPin(a bpfAttr) {
	c.Str("pathname=")
	c.Path(a.u64(0))
	c.Str(", ")
	c.bpfFD("bpf_fd", a.u32(8))
	if !a.has(12) {
		return
	}
	c.Str(", file_flags=")
	c.xflags(bpfFileFlags, uint64(a.u32(12)))
}

func (c *Ctx) bpfProgAttach(a bpfAttr) {
	c.bpfFD("target_fd", a.u32(0))
	c.Str(", ")
	c.bpfFD("attach_bpf_fd", a.u32(4))
	c.Str(", attach_type=")
	c.Value(bpfAttachTypes, uint64(a.u32(8)))
	c.Str(", attach_flags=")
	c.xflags(bpfAttachFlags, uint64(a.u32(12)))
	if !a.has(16) {
		return
	}
	c.Str(", ")
	c.bpfFD("replace_bpf_fd", a.u32(16))
}

func (c *Ctx) bpfProgDetach(a bpfAttr) {
	c.bpfFD("target_fd", a.u32(0))
	c.Str(", attach_type=")
	c.Value(bpfAttachTypes, uint64(a.u32(8)))
}

// bpfEntry keeps the next_id a *_GET_NEXT_ID command passed in.
func bpfEntry(c *Ctx) {
	var b [4]byte
	c.savedOK[0] = bpfNextIDCmds[uint32(c.Args[0])] && uint32(c.Args[2]) >= 8 && c.readInto(c.Args[1]+4, b[:])
	c.saved[0] = int64(le32(b[:]))
}

func init() {
	atExit := func(c *Ctx) bool { return bpfNextIDCmds[uint32(c.Args[0])] }
	register(map[string]*Spec{
		// The attribute is argument 1 whichever of the two entries
		// prints it: at entry, or at exit for the commands that
		// return an id in it.
		"bpf": {Args: []Arg{In(func(c *Ctx, i int) { c.Value(bpfCommands, c.Args[i]&0xffffffff) }),
			{P: bpfAttrArg, If: func(c *Ctx) bool { return !atExit(c) }},
			{P: bpfAttrArg, Exit: true, If: atExit},
			In(func(c *Ctx, _ int) { c.Uint(c.Args[2] & 0xffffffff) })}, Ret: bpfRet, Entry: bpfEntry},
	})
}
