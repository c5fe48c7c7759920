package decode

// System V IPC: shared memory, semaphores and message queues.

var ipcGetFlags = &Xlat{Vals: []Const{
	bit(01000, "IPC_CREAT"), bit(02000, "IPC_EXCL"), bit(04000, "SHM_HUGETLB"), bit(010000, "SHM_NORESERVE"),
}}

var ipcCmds = &Xlat{Vals: []Const{{0, "IPC_RMID"}, {1, "IPC_SET"}, {2, "IPC_STAT"}, {3, "IPC_INFO"}}, Unknown: "IPC_???"}

var shmCmds = &Xlat{Vals: append([]Const{
	{11, "SHM_LOCK"}, {12, "SHM_UNLOCK"}, {13, "SHM_STAT"}, {14, "SHM_INFO"}, {15, "SHM_STAT_ANY"},
}, ipcCmds.Vals...), Unknown: "SHM_???"}

var semCmds = &Xlat{Vals: append([]Const{
	{11, "GETPID"}, {12, "GETVAL"}, {13, "GETALL"}, {14, "GETNCNT"}, {15, "GETZCNT"}, {16, "SETVAL"},
	{17, "SETALL"}, {18, "SEM_STAT"}, {19, "SEM_INFO"}, {20, "SEM_STAT_ANY"},
}, ipcCmds.Vals...), Unknown: "SEM_???"}

var msgCmds = &Xlat{Vals: append([]Const{
	{11, "MSG_STAT"}, {12, "MSG_INFO"}, {13, "MSG_STAT_ANY"},
}, ipcCmds.Vals...), Unknown: "MSG_???"}

var shmatFlags = &Xlat{Vals: []Const{
	bit(010000, "SHM_RDONLY"), bit(020000, "SHM_RND"), bit(040000, "SHM_REMAP"), bit(0100000, "SHM_EXEC"),
}}

var semopFlags = &Xlat{Vals: []Const{bit(0x1000, "SEM_UNDO"), bit(04000, "IPC_NOWAIT")}}

var msgFlagsIPC = &Xlat{Vals: []Const{
	bit(04000, "IPC_NOWAIT"), bit(010000, "MSG_NOERROR"), bit(020000, "MSG_EXCEPT"), bit(040000, "MSG_COPY"),
}}

var ipcPrivate = &Xlat{Vals: []Const{{0, "IPC_PRIVATE"}}}

// ipcKey prints an IPC key: IPC_PRIVATE or hex.
var ipcKey Printer = func(c *Ctx, i int) { c.Value(ipcPrivate, c.Args[i]&0xffffffff) }

// ipcGetFlagsArg prints *get's flags: IPC_CREAT|IPC_EXCL|0600.
var ipcGetFlagsArg Printer = func(c *Ctx, i int) {
	v := c.Args[i] & 0xffffffff
	if rest := v &^ 0777; rest != 0 {
		c.Flags(ipcGetFlags, rest)
		c.Out = append(c.Out, '|')
	}
	c.umaskValue(v & 0777)
}

func cmdArg(x *Xlat) Arg {
	return In(func(c *Ctx, i int) { c.Value(x, c.Args[i]&0xffffffff) })
}

// sembufs prints the struct sembuf array of semop/semtimedop.
var sembufs Printer = func(c *Ctx, i int) {
	n := int(c.Args[2])
	var b [6]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	c.Out = append(c.Out, '[')
	for k := 0; k < n; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= c.Cfg.StrLen || k >= maxArray {
			c.Str("...")
			break
		}
		if !c.readInto(c.Args[i]+uint64(k)*6, b[:]) {
			if k == 0 {
				c.Out = c.Out[:len(c.Out)-1]
				c.Hex(c.Args[i])
				return
			}
			c.Str("...")
			break
		}
		c.Str("{sem_num=")
		c.Uint(uint64(uint16(b[0]) | uint16(b[1])<<8))
		c.Str(", sem_op=")
		c.Int(int64(int16(uint16(b[2]) | uint16(b[3])<<8)))
		c.Str(", sem_flg=")
		c.Flags(semopFlags, uint64(uint16(b[4])|uint16(b[5])<<8))
		c.Out = append(c.Out, '}')
	}
	c.Out = append(c.Out, ']')
}

// msgbuf prints {mtype=N, mtext="…"} with size bytes of text.
func (c *Ctx) msgbuf(addr, size uint64) {
	var t [8]byte
	if addr == 0 || !c.readInto(addr, t[:]) {
		c.Addr(addr)
		return
	}
	c.Str("{mtype=")
	c.Int(int64(le64(t[:])))
	c.Str(", mtext=")
	c.Buf(addr+8, size)
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"shmget":     {Args: []Arg{In(ipcKey), In(Ulong), In(ipcGetFlagsArg)}},
		"shmat":      {Args: []Arg{In(Int), In(Ptr), flagsArg(shmatFlags)}, Ret: RetHex},
		"shmdt":      {Args: []Arg{In(Ptr)}},
		"shmctl":     {Args: []Arg{In(Int), cmdArg(shmCmds), In(Ptr)}},
		"semget":     {Args: []Arg{In(ipcKey), In(Int), In(ipcGetFlagsArg)}},
		"semop":      {Args: []Arg{In(Int), In(sembufs), In(Uint)}},
		"semtimedop": {Args: []Arg{In(Int), In(sembufs), In(Uint), In(Timespec)}},
		"semctl":     {Args: []Arg{In(Int), In(Int), cmdArg(semCmds), In(Ptr)}},
		"msgget":     {Args: []Arg{In(ipcKey), In(ipcGetFlagsArg)}},
		"msgsnd": {Args: []Arg{In(Int), In(func(c *Ctx, i int) { c.msgbuf(c.Args[i], c.Args[2]) }), In(Ulong),
			flagsArg(msgFlagsIPC)}},
		"msgrcv": {Args: []Arg{In(Int), Out(func(c *Ctx, i int) { c.msgbuf(c.Args[i], c.Args[2]) }), In(Ulong),
			In(Long), flagsArg(msgFlagsIPC)}},
		"msgctl": {Args: []Arg{In(Int), cmdArg(msgCmds), In(Ptr)}},
	})
}
