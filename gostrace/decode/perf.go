package decode

// perf_event_open and struct perf_event_attr. strace reads the
// attribute at entry and prints the whole call at exit, so a size the
// kernel rewrote (E2BIG) shows as "size=OLD => NEW". Without -v only the
// set bit fields show, then "...".

var perfTypes = &Xlat{Vals: seq("PERF_TYPE_HARDWARE", "PERF_TYPE_SOFTWARE", "PERF_TYPE_TRACEPOINT",
	"PERF_TYPE_HW_CACHE", "PERF_TYPE_RAW", "PERF_TYPE_BREAKPOINT"), Unknown: "PERF_TYPE_???"}

var perfAttrSizes = &Xlat{Vals: []Const{
	{64, "PERF_ATTR_SIZE_VER0"}, {72, "PERF_ATTR_SIZE_VER1"}, {80, "PERF_ATTR_SIZE_VER2"}, {96, "PERF_ATTR_SIZE_VER3"},
	{104, "PERF_ATTR_SIZE_VER4"}, {112, "PERF_ATTR_SIZE_VER5"}, {120, "PERF_ATTR_SIZE_VER6"}, {128, "PERF_ATTR_SIZE_VER7"},
}, Unknown: "PERF_ATTR_SIZE_???"}

var perfHWIDs = &Xlat{Vals: seq("PERF_COUNT_HW_CPU_CYCLES", "PERF_COUNT_HW_INSTRUCTIONS", "PERF_COUNT_HW_CACHE_REFERENCES",
	"PERF_COUNT_HW_CACHE_MISSES", "PERF_COUNT_HW_BRANCH_INSTRUCTIONS", "PERF_COUNT_HW_BRANCH_MISSES",
	"PERF_COUNT_HW_BUS_CYCLES", "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND", "PERF_COUNT_HW_STALLED_CYCLES_BACKEND",
	"PERF_COUNT_HW_REF_CPU_CYCLES"), Unknown: "PERF_COUNT_HW_???"}

var perfSWIDs = &Xlat{Vals: seq("PERF_COUNT_SW_CPU_CLOCK", "PERF_COUNT_SW_TASK_CLOCK", "PERF_COUNT_SW_PAGE_FAULTS",
	"PERF_COUNT_SW_CONTEXT_SWITCHES", "PERF_COUNT_SW_CPU_MIGRATIONS", "PERF_COUNT_SW_PAGE_FAULTS_MIN",
	"PERF_COUNT_SW_PAGE_FAULTS_MAJ", "PERF_COUNT_SW_ALIGNMENT_FAULTS", "PERF_COUNT_SW_EMULATION_FAULTS",
	"PERF_COUNT_SW_DUMMY", "PERF_COUNT_SW_BPF_OUTPUT", "PERF_COUNT_SW_CGROUP_SWITCHES"), Unknown: "PERF_COUNT_SW_???"}

var (
	perfCacheIDs = &Xlat{Vals: seq("PERF_COUNT_HW_CACHE_L1D", "PERF_COUNT_HW_CACHE_L1I", "PERF_COUNT_HW_CACHE_LL",
		"PERF_COUNT_HW_CACHE_DTLB", "PERF_COUNT_HW_CACHE_ITLB", "PERF_COUNT_HW_CACHE_BPU", "PERF_COUNT_HW_CACHE_NODE"),
		Unknown: "PERF_COUNT_HW_CACHE_???"}
	perfCacheOps = &Xlat{Vals: seq("PERF_COUNT_HW_CACHE_OP_READ", "PERF_COUNT_HW_CACHE_OP_WRITE", "PERF_COUNT_HW_CACHE_OP_PREFETCH"),
		Unknown: "PERF_COUNT_HW_CACHE_OP_???"}
	perfCacheResults = &Xlat{Vals: seq("PERF_COUNT_HW_CACHE_RESULT_ACCESS", "PERF_COUNT_HW_CACHE_RESULT_MISS"),
		Unknown: "PERF_COUNT_HW_CACHE_RESULT_???"}
)

var perfSampleFormat = &Xlat{Vals: pow2("PERF_SAMPLE_IP", "PERF_SAMPLE_TID", "PERF_SAMPLE_TIME", "PERF_SAMPLE_ADDR",
	"PERF_SAMPLE_READ", "PERF_SAMPLE_CALLCHAIN", "PERF_SAMPLE_ID", "PERF_SAMPLE_CPU", "PERF_SAMPLE_PERIOD",
	"PERF_SAMPLE_STREAM_ID", "PERF_SAMPLE_RAW", "PERF_SAMPLE_BRANCH_STACK", "PERF_SAMPLE_REGS_USER",
	"PERF_SAMPLE_STACK_USER", "PERF_SAMPLE_WEIGHT", "PERF_SAMPLE_DATA_SRC", "PERF_SAMPLE_IDENTIFIER",
	"PERF_SAMPLE_TRANSACTION", "PERF_SAMPLE_REGS_INTR", "PERF_SAMPLE_PHYS_ADDR", "PERF_SAMPLE_AUX",
	"PERF_SAMPLE_CGROUP", "PERF_SAMPLE_DATA_PAGE_SIZE", "PERF_SAMPLE_CODE_PAGE_SIZE", "PERF_SAMPLE_WEIGHT_STRUCT"),
	Unknown: "PERF_SAMPLE_???"}

var perfReadFormat = &Xlat{Vals: pow2("PERF_FORMAT_TOTAL_TIME_ENABLED", "PERF_FORMAT_TOTAL_TIME_RUNNING",
	"PERF_FORMAT_ID", "PERF_FORMAT_GROUP", "PERF_FORMAT_LOST"), Unknown: "PERF_FORMAT_???"}

var perfBranchSampleType = &Xlat{Vals: pow2("PERF_SAMPLE_BRANCH_USER", "PERF_SAMPLE_BRANCH_KERNEL",
	"PERF_SAMPLE_BRANCH_HV", "PERF_SAMPLE_BRANCH_ANY", "PERF_SAMPLE_BRANCH_ANY_CALL", "PERF_SAMPLE_BRANCH_ANY_RETURN",
	"PERF_SAMPLE_BRANCH_IND_CALL", "PERF_SAMPLE_BRANCH_ABORT_TX", "PERF_SAMPLE_BRANCH_IN_TX", "PERF_SAMPLE_BRANCH_NO_TX",
	"PERF_SAMPLE_BRANCH_COND", "PERF_SAMPLE_BRANCH_CALL_STACK", "PERF_SAMPLE_BRANCH_IND_JUMP", "PERF_SAMPLE_BRANCH_CALL",
	"PERF_SAMPLE_BRANCH_NO_FLAGS", "PERF_SAMPLE_BRANCH_NO_CYCLES", "PERF_SAMPLE_BRANCH_TYPE_SAVE",
	"PERF_SAMPLE_BRANCH_HW_INDEX", "PERF_SAMPLE_BRANCH_PRIV_SAVE"), Unknown: "PERF_SAMPLE_BRANCH_???"}

var hwBreakpointTypes = &Xlat{Vals: seq("HW_BREAKPOINT_EMPTY", "HW_BREAKPOINT_R", "HW_BREAKPOINT_W",
	"HW_BREAKPOINT_RW", "HW_BREAKPOINT_X")}

var perfOpenFlags = &Xlat{Vals: pow2("PERF_FLAG_FD_NO_GROUP", "PERF_FLAG_FD_OUTPUT", "PERF_FLAG_PID_CGROUP",
	"PERF_FLAG_FD_CLOEXEC"), Unknown: "PERF_FLAG_???"}

// pow2 builds flag constants 1, 2, 4, … in order.
func pow2(names ...string) []Const {
	v := make([]Const, len(names))
	for k, n := range names {
		v[k] = Const{1 << uint(k), n}
	}
	return v
}

// perfAttrBits are the one-bit fields of the attribute's flag word, by
// bit number (precise_ip, two bits at 15, is printed on its own).
var perfAttrBits = [...]string{
	0: "disabled", 1: "inherit", 2: "pinned", 3: "exclusive", 4: "exclude_user", 5: "exclude_kernel",
	6: "exclude_hv", 7: "exclude_idle", 8: "mmap", 9: "comm", 10: "freq", 11: "inherit_stat",
	12: "enable_on_exec", 13: "task", 14: "watermark", 17: "mmap_data", 18: "sample_id_all",
	19: "exclude_host", 20: "exclude_guest", 21: "exclude_callchain_kernel", 22: "exclude_callchain_user",
	23: "mmap2", 24: "comm_exec", 25: "use_clockid", 26: "context_switch", 27: "write_backward",
	28: "namespaces", 29: "ksymbol", 30: "bpf_event", 31: "aux_output", 32: "cgroup", 33: "text_poke",
	34: "build_id", 35: "inherit_thread", 36: "remove_on_exec", 37: "sigtrap",
}

var preciseIPDesc = [4]string{"arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid"}

const (
	perfAttrSizeVer0 = 64
	perfAttrMax      = 128
	perfTypeHWCache  = 3
	perfTypeBP       = 5
	perfSampleBranch = 0x800
	perfSampleStack  = 0x2000
	perfBitFreq      = 10
	perfBitWatermark = 14
	perfBitClockid   = 25
	perfReservedBit  = 38
	errE2BIG         = 7
)

// perfAttrLen is how many bytes of the attribute at addr strace reads:
// 0 when it shows the address instead.
func (c *Ctx) perfAttrLen(addr uint64) int {
	var b [4]byte
	if addr == 0 || !c.readInto(addr+4, b[:]) {
		return 0
	}
	n := int(le32(b[:]))
	switch {
	case n > perfAttrMax:
		n = perfAttrMax
	case n == 0:
		n = perfAttrSizeVer0
	case n < perfAttrSizeVer0:
		return 0
	}
	return n
}

// perfConfig prints config by event type.
func (c *Ctx) perfConfig(typ uint32, v uint64) {
	switch typ {
	case 0:
		c.Value(perfHWIDs, v)
	case 1:
		c.Value(perfSWIDs, v)
	case 2:
		c.Uint(v)
	case perfTypeHWCache:
		if v>>24 != 0 {
			c.Hex(v >> 24)
			c.Str("<<24|")
		}
		c.Value(perfCacheResults, v>>16&0xff)
		c.Str("<<16|")
		c.Value(perfCacheOps, v>>8&0xff)
		c.Str("<<8|")
		c.Value(perfCacheIDs, v&0xff)
	default:
		c.Hex(v)
	}
}

// perfAttr prints the n bytes of attribute read at entry in b.
func (c *Ctx) perfAttr(b []byte, addr uint64, n int) {
	typ, size := le32(b), le32(b[4:])
	c.Str("{type=")
	c.Value(perfTypes, uint64(typ))
	c.Str(", size=")
	c.Value(perfAttrSizes, uint64(size))
	if c.Failed && -c.Ret == errE2BIG {
		var now [4]byte
		c.Str(" => ")
		if c.readInto(addr+4, now[:]) {
			c.Value(perfAttrSizes, uint64(le32(now[:])))
		} else {
			c.Str("???")
		}
	}
	c.Str(", config=")
	c.perfConfig(typ, le64(b[8:]))
	bits := le64(b[40:])
	if bits>>perfBitFreq&1 != 0 {
		c.Str(", sample_freq=")
	} else {
		c.Str(", sample_period=")
	}
	c.Uint(le64(b[16:]))
	sampleType := le64(b[24:])
	c.Str(", sample_type=")
	c.xflags(perfSampleFormat, sampleType)
	c.Str(", read_format=")
	c.xflags(perfReadFormat, le64(b[32:]))
	for bit, name := range perfAttrBits {
		if bit == 15 {
			c.Str(", precise_ip=")
			ip := bits >> 15 & 3
			c.Uint(ip)
			c.Str(" /* ")
			c.Str(preciseIPDesc[ip])
			c.Str(" */")
			continue
		}
		if name == "" || (!c.Verbose && bits>>uint(bit)&1 == 0) {
			continue
		}
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(bits >> uint(bit) & 1)
	}
	if rest := bits >> perfReservedBit; rest != 0 {
		c.Str(", __reserved_1=")
		c.Hex(rest)
		c.Str(" /* Bits 63..38 */")
	}
	if !c.Verbose {
		c.Str(", ...}")
		return
	}
	c.perfAttrTail(b, n, typ, sampleType, bits)
	if (size != 0 && int(size) > n) || (size == 0 && n < perfAttrSizeVer0) {
		c.Str(", ...")
	}
	c.Out = append(c.Out, '}')
}

// perfAttrTail prints the fields from wakeup_events on that fit in the
// n bytes the caller declared.
func (c *Ctx) perfAttrTail(b []byte, n int, typ uint32, sampleType, bits uint64) {
	if bits>>perfBitWatermark&1 != 0 {
		c.Str(", wakeup_watermark=")
	} else {
		c.Str(", wakeup_events=")
	}
	c.Uint(uint64(le32(b[48:])))
	bp := typ == perfTypeBP
	if bp {
		c.Str(", bp_type=")
		t := uint64(le32(b[52:]))
		if _, ok := hwBreakpointTypes.Lookup(t); ok || c.xlat == XlatRaw {
			c.Value(hwBreakpointTypes, t)
		} else {
			unknown := "HW_BREAKPOINT_???"
			if t <= 7 {
				unknown = "HW_BREAKPOINT_INVALID"
			}
			c.Value(&Xlat{Unknown: unknown}, t)
		}
		c.Str(", bp_addr=")
	} else {
		c.Str(", config1=")
	}
	c.Hex(le64(b[56:]))
	if n <= 64 {
		return
	}
	if bp {
		c.Str(", bp_len=")
		c.Uint(le64(b[64:]))
	} else {
		c.Str(", config2=")
		c.Hex(le64(b[64:]))
	}
	if n <= 72 {
		return
	}
	if sampleType&perfSampleBranch != 0 {
		c.Str(", branch_sample_type=")
		c.xflags(perfBranchSampleType, le64(b[72:]))
	}
	if n <= 80 {
		return
	}
	c.Str(", sample_regs_user=")
	c.Hex(le64(b[80:]))
	if n <= 88 {
		return
	}
	if sampleType&perfSampleStack != 0 {
		c.Str(", sample_stack_user=")
		c.Hex(uint64(le32(b[88:])))
	}
	if bits>>perfBitClockid&1 != 0 {
		if n <= 92 {
			return
		}
		c.Str(", clockid=")
		c.Value(clockIDs, uint64(le32(b[92:])))
	}
	if n <= 96 {
		return
	}
	c.Str(", sample_regs_intr=")
	c.Hex(le64(b[96:]))
	if n <= 104 {
		return
	}
	c.Str(", aux_watermark=")
	c.Uint(uint64(le32(b[104:])))
	if n <= 108 {
		return
	}
	c.Str(", sample_max_stack=")
	c.Uint(uint64(le16(b[108:])))
	if n <= 110 {
		return
	}
	if r := le16(b[110:]); r != 0 {
		c.Str(" /* bytes 110..111: ")
		c.Hex(uint64(r))
		c.Str(" */")
	}
	if n <= 112 {
		return
	}
	c.Str(", aux_sample_size=")
	c.Uint(uint64(le32(b[112:])))
	if n <= 120 {
		return
	}
	c.Str(", sig_data=")
	c.Hex(le64(b[120:]))
}

// perfEventAttr prints the attribute at exit, as read again with the
// length and size field seen at entry (the kernel rewrites only size).
var perfEventAttr = Arg{Exit: true, P: func(c *Ctx, i int) {
	var b [perfAttrMax]byte
	n := int(c.saved[0])
	if !c.savedOK[0] || n == 0 || !c.readInto(c.Args[i], b[:n]) {
		c.Addr(c.Args[i])
		return
	}
	size := uint32(c.saved[1])
	b[4], b[5], b[6], b[7] = byte(size), byte(size>>8), byte(size>>16), byte(size>>24)
	c.perfAttr(b[:], c.Args[i], n)
}}

// perfEntry keeps the attribute's length and size field for the exit.
func perfEntry(c *Ctx) {
	var b [4]byte
	c.saved[0] = int64(c.perfAttrLen(c.Args[0]))
	c.savedOK[0] = c.saved[0] != 0
	if c.savedOK[0] && c.readInto(c.Args[0]+4, b[:]) {
		c.saved[1] = int64(le32(b[:]))
	}
}

func init() {
	register(map[string]*Spec{
		"perf_event_open": {Args: []Arg{perfEventAttr, In(Int), In(Int), FDArg,
			In(func(c *Ctx, i int) { c.xflags(perfOpenFlags, c.Args[i]) })}, Ret: RetFD, Entry: perfEntry},
	})
}
