package decode

// prctl(2): the option names the meaning of the other arguments, which
// are printed at exit (PR_GET_NAME's buffer is filled by the call).

var prctlOptions = &Xlat{Vals: []Const{
	{1, "PR_SET_PDEATHSIG"}, {2, "PR_GET_PDEATHSIG"}, {3, "PR_GET_DUMPABLE"}, {4, "PR_SET_DUMPABLE"},
	{5, "PR_GET_UNALIGN"}, {6, "PR_SET_UNALIGN"}, {7, "PR_GET_KEEPCAPS"}, {8, "PR_SET_KEEPCAPS"},
	{9, "PR_GET_FPEMU"}, {10, "PR_SET_FPEMU"}, {11, "PR_GET_FPEXC"}, {12, "PR_SET_FPEXC"},
	{13, "PR_GET_TIMING"}, {14, "PR_SET_TIMING"}, {15, "PR_SET_NAME"}, {16, "PR_GET_NAME"},
	{19, "PR_GET_ENDIAN"}, {20, "PR_SET_ENDIAN"}, {21, "PR_GET_SECCOMP"}, {22, "PR_SET_SECCOMP"},
	{23, "PR_CAPBSET_READ"}, {24, "PR_CAPBSET_DROP"}, {25, "PR_GET_TSC"}, {26, "PR_SET_TSC"},
	{27, "PR_GET_SECUREBITS"}, {28, "PR_SET_SECUREBITS"}, {29, "PR_SET_TIMERSLACK"}, {30, "PR_GET_TIMERSLACK"},
	{31, "PR_TASK_PERF_EVENTS_DISABLE"}, {32, "PR_TASK_PERF_EVENTS_ENABLE"}, {33, "PR_MCE_KILL"},
	{34, "PR_MCE_KILL_GET"}, {35, "PR_SET_MM"}, {36, "PR_SET_CHILD_SUBREAPER"}, {37, "PR_GET_CHILD_SUBREAPER"},
	{38, "PR_SET_NO_NEW_PRIVS"}, {39, "PR_GET_NO_NEW_PRIVS"}, {40, "PR_GET_TID_ADDRESS"},
	{41, "PR_SET_THP_DISABLE"}, {42, "PR_GET_THP_DISABLE"}, {43, "PR_MPX_ENABLE_MANAGEMENT"},
	{44, "PR_MPX_DISABLE_MANAGEMENT"}, {45, "PR_SET_FP_MODE"}, {46, "PR_GET_FP_MODE"}, {47, "PR_CAP_AMBIENT"},
	{50, "PR_SVE_SET_VL"}, {51, "PR_SVE_GET_VL"}, {52, "PR_GET_SPECULATION_CTRL"}, {53, "PR_SET_SPECULATION_CTRL"},
	{54, "PR_PAC_RESET_KEYS"}, {55, "PR_SET_TAGGED_ADDR_CTRL"}, {56, "PR_GET_TAGGED_ADDR_CTRL"},
	{57, "PR_SET_IO_FLUSHER"}, {58, "PR_GET_IO_FLUSHER"}, {59, "PR_SET_SYSCALL_USER_DISPATCH"},
	{60, "PR_PAC_SET_ENABLED_KEYS"}, {61, "PR_PAC_GET_ENABLED_KEYS"}, {62, "PR_SCHED_CORE"},
	{63, "PR_SME_SET_VL"}, {64, "PR_SME_GET_VL"},
	{0x59616d61, "PR_SET_PTRACER"}, {0x53564d41, "PR_SET_VMA"},
}, Unknown: "PR_???"}

var seccompModes = &Xlat{Vals: []Const{{0, "SECCOMP_MODE_DISABLED"}, {1, "SECCOMP_MODE_STRICT"}, {2, "SECCOMP_MODE_FILTER"}}, Unknown: "SECCOMP_MODE_???"}

var dumpableModes = &Xlat{Vals: []Const{{0, "SUID_DUMP_DISABLE"}, {1, "SUID_DUMP_USER"}, {2, "SUID_DUMP_ROOT"}}, Unknown: "SUID_DUMP_???"}

var capAmbientOps = &Xlat{Vals: []Const{
	{1, "PR_CAP_AMBIENT_IS_SET"}, {2, "PR_CAP_AMBIENT_RAISE"}, {3, "PR_CAP_AMBIENT_LOWER"},
	{4, "PR_CAP_AMBIENT_CLEAR_ALL"},
}, Unknown: "PR_CAP_AMBIENT_???"}

var (
	prTSC        = &Xlat{Vals: []Const{{1, "PR_TSC_ENABLE"}, {2, "PR_TSC_SIGSEGV"}}, Unknown: "PR_TSC_???"}
	prUnalign    = &Xlat{Vals: []Const{bit(1, "PR_UNALIGN_NOPRINT"), bit(2, "PR_UNALIGN_SIGBUS")}}
	prFPMode     = &Xlat{Vals: []Const{bit(1, "PR_FP_MODE_FR"), bit(2, "PR_FP_MODE_FRE")}}
	prMCEKill    = &Xlat{Vals: []Const{{0, "PR_MCE_KILL_CLEAR"}, {1, "PR_MCE_KILL_SET"}}, Unknown: "PR_MCE_KILL_???"}
	prMCEPolicy  = &Xlat{Vals: []Const{{0, "PR_MCE_KILL_LATE"}, {1, "PR_MCE_KILL_EARLY"}, {2, "PR_MCE_KILL_DEFAULT"}}, Unknown: "PR_MCE_KILL_???"}
	prSpecCmds   = &Xlat{Vals: []Const{{0, "PR_SPEC_STORE_BYPASS"}, {1, "PR_SPEC_INDIRECT_BRANCH"}, {2, "PR_SPEC_L1D_FLUSH"}}, Unknown: "PR_SPEC_???"}
	prSpecGet    = &Xlat{Vals: []Const{bit(1, "PR_SPEC_PRCTL"), bit(2, "PR_SPEC_ENABLE"), bit(4, "PR_SPEC_DISABLE"), bit(8, "PR_SPEC_FORCE_DISABLE"), bit(0x10, "PR_SPEC_DISABLE_NOEXEC")}}
	prSpecSet    = &Xlat{Vals: []Const{{2, "PR_SPEC_ENABLE"}, {4, "PR_SPEC_DISABLE"}, {8, "PR_SPEC_FORCE_DISABLE"}, {0x10, "PR_SPEC_DISABLE_NOEXEC"}}, Unknown: "PR_SPEC_???"}
	prSetVMA     = &Xlat{Vals: []Const{{0, "PR_SET_VMA_ANON_NAME"}}, Unknown: "PR_SET_VMA_???"}
	secureBits   = &Xlat{Vals: []Const{bit(1, "SECBIT_NOROOT"), bit(2, "SECBIT_NOROOT_LOCKED"), bit(4, "SECBIT_NO_SETUID_FIXUP"), bit(8, "SECBIT_NO_SETUID_FIXUP_LOCKED"), bit(0x10, "SECBIT_KEEP_CAPS"), bit(0x20, "SECBIT_KEEP_CAPS_LOCKED"), bit(0x40, "SECBIT_NO_CAP_AMBIENT_RAISE"), bit(0x80, "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED")}}
	prSetMMCodes = &Xlat{Vals: []Const{
		{1, "PR_SET_MM_START_CODE"}, {2, "PR_SET_MM_END_CODE"}, {3, "PR_SET_MM_START_DATA"}, {4, "PR_SET_MM_END_DATA"},
		{5, "PR_SET_MM_START_STACK"}, {6, "PR_SET_MM_START_BRK"}, {7, "PR_SET_MM_BRK"}, {8, "PR_SET_MM_ARG_START"},
		{9, "PR_SET_MM_ARG_END"}, {10, "PR_SET_MM_ENV_START"}, {11, "PR_SET_MM_ENV_END"}, {12, "PR_SET_MM_AUXV"},
		{13, "PR_SET_MM_EXE_FILE"}, {14, "PR_SET_MM_MAP"}, {15, "PR_SET_MM_MAP_SIZE"},
	}, Unknown: "PR_SET_MM_???"}
)

// prctlNoArgs are the options printed without further arguments.
var prctlNoArgs = map[uint64]bool{
	3: true, 7: true, 13: true, 21: true, 27: true, 30: true, 31: true, 32: true, 46: true, 51: true, 64: true,
}

// prctlOutPtr prints the int (or pointer) a PR_GET_* option stores
// through arg2, or the address when the call failed.
func prctlOutPtr(show func(c *Ctx, v uint64), size int) func(c *Ctx) {
	return func(c *Ctx) {
		var b [8]byte
		if c.Failed || c.Args[1] == 0 || !c.readInto(c.Args[1], b[:size]) {
			c.Addr(c.Args[1])
			return
		}
		v := le64(b[:])
		c.Out = append(c.Out, '[')
		show(c, v)
		c.Out = append(c.Out, ']')
	}
}

// hexArgs appends ", "-separated hex arguments.
func (c *Ctx) hexArgs(v []uint64) {
	for k, x := range v {
		if k > 0 {
			c.Str(", ")
		}
		c.Hex(x)
	}
}

// prctlForms prints the arguments of the options strace decodes; the
// others show four hex arguments.
var prctlForms = map[uint64]func(c *Ctx){
	1: func(c *Ctx) {
		if c.Args[1] > 128 {
			c.Uint(c.Args[1])
			return
		}
		c.Signal(int(c.Args[1]))
	},
	2:  prctlOutPtr(func(c *Ctx, v uint64) { c.Signal(int(int32(v))) }, 4),
	4:  func(c *Ctx) { c.Value(dumpableModes, c.Args[1]) },
	5:  prctlOutPtr(func(c *Ctx, v uint64) { c.Flags(prUnalign, uint64(uint32(v))) }, 4),
	6:  func(c *Ctx) { c.Flags(prUnalign, c.Args[1]&0xffffffff) },
	8:  func(c *Ctx) { c.Uint(c.Args[1]) },
	9:  prctlOutPtr(func(c *Ctx, v uint64) { c.Uint(uint64(uint32(v))) }, 4),
	10: func(c *Ctx) { c.Uint(c.Args[1]) },
	11: prctlOutPtr(func(c *Ctx, v uint64) { c.Uint(uint64(uint32(v))) }, 4),
	12: func(c *Ctx) { c.Uint(c.Args[1]) },
	14: func(c *Ctx) { c.Uint(c.Args[1]) },
	15: func(c *Ctx) { c.CStr(c.Args[1], 16) },
	19: prctlOutPtr(func(c *Ctx, v uint64) { c.Uint(uint64(uint32(v))) }, 4),
	20: func(c *Ctx) { c.Uint(c.Args[1]) },
	22: func(c *Ctx) {
		c.Value(seccompModes, c.Args[1])
		if c.Args[1] == 2 {
			c.Str(", ")
			c.fprog(c.Args[2], true)
		}
	},
	16: func(c *Ctx) {
		if c.Failed {
			c.Addr(c.Args[1])
			return
		}
		c.CStr(c.Args[1], 16)
	},
	23: func(c *Ctx) { c.Value(capabilities, c.Args[1]) },
	24: func(c *Ctx) { c.Value(capabilities, c.Args[1]) },
	25: prctlOutPtr(func(c *Ctx, v uint64) { c.Value(prTSC, uint64(uint32(v))) }, 4),
	26: func(c *Ctx) { c.Value(prTSC, c.Args[1]&0xffffffff) },
	28: func(c *Ctx) { c.Flags(secureBits, c.Args[1]) },
	29: func(c *Ctx) { c.Int(int64(c.Args[1])) },
	33: func(c *Ctx) {
		c.Value(prMCEKill, c.Args[1])
		c.Str(", ")
		if c.Args[1] == 1 {
			c.Value(prMCEPolicy, c.Args[2])
		} else {
			c.Hex(c.Args[2])
		}
		c.Str(", ")
		c.hexArgs(c.Args[3:5])
	},
	35: func(c *Ctx) {
		c.Value(prSetMMCodes, c.Args[1]&0xffffffff)
		c.Str(", ")
		c.hexArgs(c.Args[2:5])
	},
	36: func(c *Ctx) { c.Uint(c.Args[1]) },
	37: prctlOutPtr(func(c *Ctx, v uint64) { c.Uint(uint64(uint32(v))) }, 4),
	38: func(c *Ctx) { c.Uint(c.Args[1]); c.Str(", "); c.hexArgs(c.Args[2:5]) },
	40: prctlOutPtr(func(c *Ctx, v uint64) { c.Addr(v) }, 8),
	41: func(c *Ctx) { c.Uint(c.Args[1]); c.Str(", "); c.hexArgs(c.Args[2:5]) },
	45: func(c *Ctx) { c.Flags(prFPMode, c.Args[1]&0xffffffff) },
	47: func(c *Ctx) {
		c.Value(capAmbientOps, c.Args[1])
		if c.Args[1] == 4 {
			c.Str(", ")
			c.uints(c.Args[2:5])
			return
		}
		c.Str(", ")
		c.Value(capabilities, c.Args[2])
		c.Str(", ")
		c.uints(c.Args[3:5])
	},
	52: func(c *Ctx) { c.Value(prSpecCmds, c.Args[1]) },
	53: func(c *Ctx) {
		c.Value(prSpecCmds, c.Args[1])
		c.Str(", ")
		if c.Args[1] <= 2 {
			c.Value(prSpecSet, c.Args[2])
		} else {
			c.Hex(c.Args[2])
		}
	},
	57: func(c *Ctx) { c.Uint(c.Args[1]); c.Str(", "); c.hexArgs(c.Args[2:5]) },
	0x59616d61: func(c *Ctx) {
		if int32(c.Args[1]) == -1 {
			if c.xlat != XlatAbbrev {
				c.Int(-1)
				if c.xlat == XlatRaw {
					return
				}
				c.Str(" /* ")
			}
			c.Str("PR_SET_PTRACER_ANY")
			if c.xlat == XlatVerbose {
				c.Str(" */")
			}
			return
		}
		c.Uint(c.Args[1])
	},
	0x53564d41: func(c *Ctx) {
		c.Value(prSetVMA, c.Args[1])
		c.Str(", ")
		if c.Args[1] == 0 {
			c.Addr(c.Args[2])
			c.Str(", ")
			c.Uint(c.Args[3])
			c.Str(", ")
			c.CStr(c.Args[4], c.Cfg.StrLen)
			return
		}
		c.hexArgs(c.Args[2:5])
	},
}

// uints appends values as ", "-separated decimals.
func (c *Ctx) uints(v []uint64) {
	for k, x := range v {
		if k > 0 {
			c.Str(", ")
		}
		c.Uint(x)
	}
}

func prctlOption(c *Ctx, i int) { c.Value(prctlOptions, c.Args[i]&0xffffffff) }

func prctlRest(c *Ctx, _ int) {
	if f, ok := prctlForms[c.Args[0]&0xffffffff]; ok {
		f(c)
		return
	}
	c.hexArgs(c.Args[1:5])
}

// prctlRet names what PR_GET_DUMPABLE and PR_MCE_KILL_GET return, and
// shows PR_GET_SECUREBITS, PR_GET_FP_MODE and PR_GET_SPECULATION_CTRL
// results in hex with their flags.
func prctlRet(c *Ctx) {
	named := func(x *Xlat) {
		c.Int(c.Ret)
		if name, ok := x.Lookup(uint64(c.Ret)); ok {
			c.Str(" (")
			c.Str(name)
			c.Out = append(c.Out, ')')
		}
	}
	flags := func(x *Xlat) {
		c.Hex(uint64(c.Ret))
		if c.Ret != 0 && c.xlat != XlatRaw {
			c.Str(" (")
			xl := c.xlat
			c.xlat = XlatAbbrev
			c.flagNames(x, uint64(c.Ret))
			c.xlat = xl
			c.Out = append(c.Out, ')')
		}
	}
	switch c.Args[0] & 0xffffffff {
	case 3:
		named(dumpableModes)
	case 34:
		named(prMCEPolicy)
	case 27:
		flags(secureBits)
	case 46:
		flags(prFPMode)
	case 52:
		flags(prSpecGet)
	default:
		c.Int(c.Ret)
	}
}

func init() {
	register(map[string]*Spec{
		"prctl": {Args: []Arg{In(prctlOption), {P: prctlRest, Exit: true, If: func(c *Ctx) bool {
			return !prctlNoArgs[c.Args[0]&0xffffffff]
		}}}, Ret: prctlRet},
	})
}
