package decode

import "encoding/binary"

// Scheduling, priorities, resource usage and personality.

var schedPolicies = &Xlat{Vals: []Const{
	{0, "SCHED_OTHER"}, {1, "SCHED_FIFO"}, {2, "SCHED_RR"}, {3, "SCHED_BATCH"}, {4, "SCHED_ISO"},
	{5, "SCHED_IDLE"}, {6, "SCHED_DEADLINE"},
}, Unknown: "SCHED_???"}

// schedPolicy prints a policy with its SCHED_RESET_ON_FORK flag.
func (c *Ctx) schedPolicy(v uint64) {
	v &= 0xffffffff
	c.Composite(v, func() {
		if v&0x40000000 != 0 {
			c.Str("SCHED_RESET_ON_FORK|")
		}
		c.Value(schedPolicies, v&^0x40000000)
	})
}

var schedPolicyArg = In(func(c *Ctx, i int) { c.schedPolicy(c.Args[i]) })

// schedParam prints struct sched_param as [priority].
var schedParam Printer = func(c *Ctx, i int) { c.intPtr(c.Args[i]) }

// schedPolicyRet names the returned policy whatever the -X style.
func schedPolicyRet(c *Ctx) {
	c.Int(c.Ret)
	name, ok := schedPolicies.Lookup(uint64(c.Ret) &^ 0x40000000)
	if !ok {
		return
	}
	c.Str(" (")
	if c.Ret&0x40000000 != 0 {
		c.Str("SCHED_RESET_ON_FORK|")
	}
	c.Str(name)
	c.Out = append(c.Out, ')')
}

var priorityWhich = &Xlat{Vals: []Const{{0, "PRIO_PROCESS"}, {1, "PRIO_PGRP"}, {2, "PRIO_USER"}}, Unknown: "PRIO_???"}

var ioprioWho = &Xlat{Vals: []Const{{1, "IOPRIO_WHO_PROCESS"}, {2, "IOPRIO_WHO_PGRP"}, {3, "IOPRIO_WHO_USER"}}, Unknown: "IOPRIO_WHO_???"}

var ioprioClasses = &Xlat{Vals: []Const{
	{0, "IOPRIO_CLASS_NONE"}, {1, "IOPRIO_CLASS_RT"}, {2, "IOPRIO_CLASS_BE"}, {3, "IOPRIO_CLASS_IDLE"},
}, Unknown: "IOPRIO_CLASS_???"}

// ioprio appends IOPRIO_PRIO_VALUE(class, data).
func (c *Ctx) ioprio(v uint64) {
	c.Str("IOPRIO_PRIO_VALUE(")
	c.Value(ioprioClasses, v>>13&7)
	c.Str(", ")
	c.Uint(v & 0x1fff)
	c.Out = append(c.Out, ')')
}

func ioprioRet(c *Ctx) {
	c.Int(c.Ret)
	if c.xlat == XlatRaw {
		return
	}
	c.Str(" (")
	c.ioprio(uint64(c.Ret))
	c.Out = append(c.Out, ')')
}

var rusageWho = &Xlat{Vals: []Const{{0, "RUSAGE_SELF"}, {0xffffffff, "RUSAGE_CHILDREN"}, {1, "RUSAGE_THREAD"}}, Unknown: "RUSAGE_???"}

var rusageFields = [...]string{
	"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock",
	"ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
}

// rusage prints struct rusage: the times, and the counters with -v.
var rusage Printer = func(c *Ctx, i int) {
	var b [144]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	tv := func(o int) { c.timePair(b[o:], "tv_usec") }
	c.Str("{ru_utime=")
	tv(0)
	c.Str(", ru_stime=")
	tv(16)
	if !c.Verbose {
		c.Str(", ...}")
		return
	}
	for k, name := range rusageFields {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Int(int64(binary.LittleEndian.Uint64(b[32+8*k:])))
	}
	c.Out = append(c.Out, '}')
}

// tms prints struct tms.
var tms Printer = func(c *Ctx, i int) {
	var b [32]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	for k, name := range [...]string{"tms_utime", "tms_stime", "tms_cutime", "tms_cstime"} {
		if k == 0 {
			c.Out = append(c.Out, '{')
		} else {
			c.Str(", ")
		}
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(binary.LittleEndian.Uint64(b[8*k:]))
	}
	c.Out = append(c.Out, '}')
}

var personalityTypes = &Xlat{Vals: []Const{
	{0, "PER_LINUX"}, {1, "PER_SVR4"}, {2, "PER_SVR3"}, {3, "PER_SCOSVR3"}, {4, "PER_WYSEV386"},
	{5, "PER_ISCR4"}, {6, "PER_BSD"}, {7, "PER_XENIX"}, {8, "PER_LINUX32"}, {9, "PER_IRIX32"},
	{10, "PER_IRIXN32"}, {11, "PER_IRIX64"}, {12, "PER_RISCOS"}, {13, "PER_SOLARIS"}, {14, "PER_UW7"},
	{15, "PER_OSF4"}, {16, "PER_HPUX"},
}, Unknown: "PER_???"}

var personalityFlags = &Xlat{Vals: []Const{
	bit(0x20000, "UNAME26"), bit(0x40000, "ADDR_NO_RANDOMIZE"), bit(0x80000, "FDPIC_FUNCPTRS"),
	bit(0x100000, "MMAP_PAGE_ZERO"), bit(0x200000, "ADDR_COMPAT_LAYOUT"), bit(0x400000, "READ_IMPLIES_EXEC"),
	bit(0x800000, "ADDR_LIMIT_32BIT"), bit(0x1000000, "SHORT_INODE"), bit(0x2000000, "WHOLE_SECONDS"),
	bit(0x4000000, "STICKY_TIMEOUTS"), bit(0x8000000, "ADDR_LIMIT_3GB"),
}}

// personality appends PER_LINUX|ADDR_NO_RANDOMIZE.
func (c *Ctx) personality(v uint64) {
	c.Value(personalityTypes, v&0xff)
	if rest := v &^ 0xff; rest != 0 {
		c.Out = append(c.Out, '|')
		c.Flags(personalityFlags, rest)
	}
}

func personalityRet(c *Ctx) {
	c.Hex(uint64(c.Ret))
	c.Str(" (")
	c.personality(uint64(c.Ret) & 0xffffffff)
	c.Out = append(c.Out, ')')
}

func init() {
	register(map[string]*Spec{
		"sched_getparam":         {Args: []Arg{In(Int), Out(schedParam)}},
		"sched_setparam":         {Args: []Arg{In(Int), In(schedParam)}},
		"sched_setscheduler":     {Args: []Arg{In(Int), schedPolicyArg, In(schedParam)}},
		"sched_getscheduler":     {Args: []Arg{In(Int)}, Ret: schedPolicyRet},
		"sched_get_priority_max": {Args: []Arg{schedPolicyArg}},
		"sched_get_priority_min": {Args: []Arg{schedPolicyArg}},
		"sched_rr_get_interval":  {Args: []Arg{In(Int), Out(Timespec)}},
		"getpriority":            {Args: []Arg{In(func(c *Ctx, i int) { c.Value(priorityWhich, c.Args[i]) }), In(Int)}},
		"setpriority":            {Args: []Arg{In(func(c *Ctx, i int) { c.Value(priorityWhich, c.Args[i]) }), In(Int), In(Int)}},
		"ioprio_get":             {Args: []Arg{In(func(c *Ctx, i int) { c.Value(ioprioWho, c.Args[i]) }), In(Int)}, Ret: ioprioRet},
		"ioprio_set":             {Args: []Arg{In(func(c *Ctx, i int) { c.Value(ioprioWho, c.Args[i]) }), In(Int), In(func(c *Ctx, i int) { c.ioprio(c.Args[i]) })}},
		"getrusage":              {Args: []Arg{In(func(c *Ctx, i int) { c.Value(rusageWho, c.Args[i]&0xffffffff) }), Out(rusage)}},
		"times":                  {Args: []Arg{Out(tms)}, Ret: func(c *Ctx) { c.Uint(uint64(c.Ret)) }},
		"personality": {Args: []Arg{In(func(c *Ctx, i int) {
			if v := c.Args[i] & 0xffffffff; v == 0xffffffff {
				c.Hex(v)
			} else {
				c.personality(v)
			}
		})}, Ret: personalityRet},
	})
}
