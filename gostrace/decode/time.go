package decode

var clockIDs = &Xlat{Vals: []Const{
	{0, "CLOCK_REALTIME"}, {1, "CLOCK_MONOTONIC"}, {2, "CLOCK_PROCESS_CPUTIME_ID"},
	{3, "CLOCK_THREAD_CPUTIME_ID"}, {4, "CLOCK_MONOTONIC_RAW"}, {5, "CLOCK_REALTIME_COARSE"},
	{6, "CLOCK_MONOTONIC_COARSE"}, {7, "CLOCK_BOOTTIME"}, {8, "CLOCK_REALTIME_ALARM"},
	{9, "CLOCK_BOOTTIME_ALARM"}, {11, "CLOCK_TAI"},
}, Unknown: "CLOCK_???"}

// ClockID prints a clockid_t.
var ClockID Printer = func(c *Ctx, i int) {
	v := uint64(int64(int32(c.Args[i])))
	if c.xlat == XlatAbbrev {
		c.DecValue(clockIDs, v)
		return
	}
	c.Value(clockIDs, v&0xffffffff)
}

var timerFlags = &Xlat{Vals: []Const{bit(1, "TIMER_ABSTIME")}}

// Timespec prints a struct timespec pointer.
var Timespec Printer = func(c *Ctx, i int) { c.timespec(c.Args[i]) }

func (c *Ctx) timespec(addr uint64) {
	var b [16]byte
	if addr == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(addr, b[:]) {
		c.Hex(addr)
		return
	}
	c.timePair(b[:], "tv_nsec")
}

// timePair prints the 16 bytes of a struct timespec or timeval:
// "{tv_sec=S, FRAC=F}" with FRAC tv_nsec or tv_usec.
func (c *Ctx) timePair(b []byte, frac string) {
	c.Str("{tv_sec=")
	c.Int(int64(le64(b)))
	c.Str(", ")
	c.Str(frac)
	c.Out = append(c.Out, '=')
	c.Int(int64(le64(b[8:])))
	c.Out = append(c.Out, '}')
}

// Timeval prints a struct timeval pointer.
var Timeval Printer = func(c *Ctx, i int) {
	var b [16]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	c.timePair(b[:], "tv_usec")
}

// RemTimespec prints the remaining-time output of nanosleep: only when
// the sleep was interrupted.
var RemTimespec Printer = func(c *Ctx, i int) {
	if c.Args[i] == 0 || !c.Failed {
		c.Addr(c.Args[i])
		return
	}
	c.timespec(c.Args[i])
}

var futexOps = &Xlat{Vals: []Const{
	{0, "FUTEX_WAIT"}, {1, "FUTEX_WAKE"}, {2, "FUTEX_FD"}, {3, "FUTEX_REQUEUE"}, {4, "FUTEX_CMP_REQUEUE"},
	{5, "FUTEX_WAKE_OP"}, {6, "FUTEX_LOCK_PI"}, {7, "FUTEX_UNLOCK_PI"}, {8, "FUTEX_TRYLOCK_PI"},
	{9, "FUTEX_WAIT_BITSET"}, {10, "FUTEX_WAKE_BITSET"}, {11, "FUTEX_WAIT_REQUEUE_PI"},
	{12, "FUTEX_CMP_REQUEUE_PI"}, {13, "FUTEX_LOCK_PI2"},
}, Unknown: "FUTEX_???"}

// futexArgs prints futex's arguments, which depend on the operation.
func futexArgs(c *Ctx, _ int) {
	addr, op, val := c.Args[0], uint32(c.Args[1]), uint32(c.Args[2])
	c.Addr(addr)
	c.Str(", ")
	cmd := op & 0x7f
	c.Composite(uint64(op), func() {
		name, ok := futexOps.Lookup(uint64(cmd))
		if !ok {
			c.Hex(uint64(op))
			return
		}
		c.Str(name)
		if op&128 != 0 {
			c.Str("_PRIVATE")
		}
		if op&256 != 0 {
			c.Str("|FUTEX_CLOCK_REALTIME")
		}
	})
	c.Str(", ")
	switch cmd {
	case 0: // WAIT
		c.Uint(uint64(val))
		c.Str(", ")
		c.timespec(c.Args[3])
	case 9: // WAIT_BITSET
		c.Uint(uint64(val))
		c.Str(", ")
		c.timespec(c.Args[3])
		c.Str(", ")
		c.futexBitset(uint32(c.Args[5]))
	case 10: // WAKE_BITSET
		c.Uint(uint64(val))
		c.Str(", ")
		c.futexBitset(uint32(c.Args[5]))
	case 3: // REQUEUE
		c.Uint(uint64(val))
		c.Str(", ")
		c.Uint(uint64(uint32(c.Args[3])))
		c.Str(", ")
		c.Addr(c.Args[4])
	case 4: // CMP_REQUEUE
		c.Uint(uint64(val))
		c.Str(", ")
		c.Uint(uint64(uint32(c.Args[3])))
		c.Str(", ")
		c.Addr(c.Args[4])
		c.Str(", ")
		c.Uint(uint64(uint32(c.Args[5])))
	case 6, 13: // LOCK_PI
		c.timespec(c.Args[3])
	case 7, 8: // UNLOCK_PI, TRYLOCK_PI
		c.Out = c.Out[:len(c.Out)-2]
	default:
		c.Int(int64(int32(val)))
	}
}

func (c *Ctx) futexBitset(v uint32) {
	if v == 0xffffffff {
		c.Str("FUTEX_BITSET_MATCH_ANY")
		return
	}
	c.Hex(uint64(v))
}

var itimerWhich = &Xlat{Vals: []Const{{0, "ITIMER_REAL"}, {1, "ITIMER_VIRTUAL"}, {2, "ITIMER_PROF"}}, Unknown: "ITIMER_???"}

func init() {
	register(map[string]*Spec{
		"nanosleep":       {Args: []Arg{In(Timespec), Out(RemTimespec)}},
		"clock_nanosleep": {Args: []Arg{In(ClockID), In(func(c *Ctx, i int) { c.Flags(timerFlags, c.Args[i]) }), In(Timespec), Out(RemTimespec)}},
		"clock_gettime":   {Args: []Arg{In(ClockID), Out(Timespec)}},
		"clock_getres":    {Args: []Arg{In(ClockID), Out(Timespec)}},
		"clock_settime":   {Args: []Arg{In(ClockID), In(Timespec)}},
		"gettimeofday":    {Args: []Arg{Out(Timeval), Out(Ptr)}},
		"time":            {Args: []Arg{Out(Ptr)}},
		"futex":           {Args: []Arg{In(futexArgs)}},
		"restart_syscall": {Args: []Arg{In(func(c *Ctx, i int) {
			c.Str("<... resuming interrupted ")
			if c.Resuming == "" {
				c.Str("system call")
			} else {
				c.Str(c.Resuming)
			}
			c.Str(" ...>")
		})}},
		"getitimer":        {Args: []Arg{itimerWhichArg, Out(Itimerval)}},
		"setitimer":        {Args: []Arg{itimerWhichArg, In(Itimerval), Out(Itimerval)}},
		"timer_create":     {Args: []Arg{In(ClockID), In(Sigevent), Out(IntPtr)}},
		"timer_settime":    {Args: []Arg{In(Int), In(func(c *Ctx, i int) { c.Flags(timerFlags, c.Args[i]) }), In(Itimerspec), Out(Itimerspec)}},
		"timer_gettime":    {Args: []Arg{In(Int), Out(Itimerspec)}},
		"timer_getoverrun": {Args: []Arg{In(Int)}},
		"timer_delete":     {Args: []Arg{In(Int)}},
	})
}

var itimerWhichArg = In(func(c *Ctx, i int) { c.Value(itimerWhich, c.Args[i]) })

// Itimerval prints struct itimerval.
var Itimerval Printer = func(c *Ctx, i int) {
	var b [32]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Str("{it_interval=")
	c.timePair(b[0:], "tv_usec")
	c.Str(", it_value=")
	c.timePair(b[16:], "tv_usec")
	c.Out = append(c.Out, '}')
}

var sigevNotify = &Xlat{Vals: []Const{
	{0, "SIGEV_SIGNAL"}, {1, "SIGEV_NONE"}, {2, "SIGEV_THREAD"}, {4, "SIGEV_THREAD_ID"},
}, Unknown: "SIGEV_???"}

// Sigevent prints struct sigevent: the value when set, the signal and
// how the notification is delivered.
var Sigevent Printer = func(c *Ctx, i int) {
	var b [64]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	value := le64(b[0:])
	signo := int(int32(le32(b[8:])))
	notify := uint64(le32(b[12:]))
	c.Out = append(c.Out, '{')
	if value != 0 {
		c.Str("sigev_value={sival_int=")
		c.Int(int64(int32(value)))
		c.Str(", sival_ptr=")
		c.Hex(value)
		c.Str("}, ")
	}
	c.Str("sigev_signo=")
	c.Signal(signo)
	c.Str(", sigev_notify=")
	c.Value(sigevNotify, notify)
	switch notify {
	case 4:
		c.Str(", sigev_notify_thread_id=")
		c.Int(int64(int32(le32(b[16:]))))
	case 2:
		c.Str(", sigev_notify_function=")
		c.Hex(le64(b[16:]))
		c.Str(", sigev_notify_attributes=")
		c.Addr(le64(b[24:]))
	}
	c.Out = append(c.Out, '}')
}
