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
	{0x59616d61, "PR_SET_PTRACER"}, {0x41555856, "PR_SET_VMA"},
}, Unknown: "PR_???"}

var seccompModes = &Xlat{Vals: []Const{{0, "SECCOMP_MODE_DISABLED"}, {1, "SECCOMP_MODE_STRICT"}, {2, "SECCOMP_MODE_FILTER"}}, Unknown: "SECCOMP_MODE_???"}

var dumpableModes = &Xlat{Vals: []Const{{0, "SUID_DUMP_DISABLE"}, {1, "SUID_DUMP_USER"}, {2, "SUID_DUMP_ROOT"}}, Unknown: "SUID_DUMP_???"}

var capAmbientOps = &Xlat{Vals: []Const{
	{1, "PR_CAP_AMBIENT_IS_SET"}, {2, "PR_CAP_AMBIENT_RAISE"}, {3, "PR_CAP_AMBIENT_LOWER"},
	{4, "PR_CAP_AMBIENT_CLEAR_ALL"},
}, Unknown: "PR_CAP_AMBIENT_???"}

// prctlNoArgs are the options printed without further arguments.
var prctlNoArgs = map[uint64]bool{
	2: true, 3: true, 7: true, 21: true, 25: true, 27: true, 30: true, 31: true, 32: true, 34: true,
	37: true, 39: true, 42: true, 43: true, 44: true, 46: true, 51: true, 56: true, 58: true,
}

// prctlForms prints the arguments of the options strace decodes; the
// others show four hex arguments.
var prctlForms = map[uint64]func(c *Ctx){
	1:  func(c *Ctx) { c.Signal(int(c.Args[1])) },
	4:  func(c *Ctx) { c.Value(dumpableModes, c.Args[1]) },
	8:  func(c *Ctx) { c.Uint(c.Args[1]) },
	15: func(c *Ctx) { c.CStr(c.Args[1], 16) },
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
	29: func(c *Ctx) { c.Uint(c.Args[1]) },
	36: func(c *Ctx) { c.Uint(c.Args[1]) },
	38: func(c *Ctx) { c.uints(c.Args[1:5]) },
	41: func(c *Ctx) { c.uints(c.Args[1:5]) },
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
	for k := 1; k < 5; k++ {
		if k > 1 {
			c.Str(", ")
		}
		c.Hex(c.Args[k])
	}
}

func prctlRet(c *Ctx) {
	c.Int(c.Ret)
	if c.Args[0] == 3 {
		if name, ok := dumpableModes.Lookup(uint64(c.Ret)); ok {
			c.Str(" (")
			c.Str(name)
			c.Out = append(c.Out, ')')
		}
	}
}

func init() {
	register(map[string]*Spec{
		"prctl": {Args: []Arg{In(prctlOption), {P: prctlRest, Exit: true, If: func(c *Ctx) bool {
			return !prctlNoArgs[c.Args[0]&0xffffffff]
		}}}, Ret: prctlRet},
	})
}
