package decode

var fadviseAdvice = &Xlat{Vals: []Const{
	{0, "POSIX_FADV_NORMAL"}, {1, "POSIX_FADV_RANDOM"}, {2, "POSIX_FADV_SEQUENTIAL"},
	{3, "POSIX_FADV_WILLNEED"}, {4, "POSIX_FADV_DONTNEED"}, {5, "POSIX_FADV_NOREUSE"},
}, Unknown: "POSIX_FADV_???"}

// statfsBuf prints struct statfs.
var statfsBuf Printer = func(c *Ctx, i int) {
	var b [120]byte
	if !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	u := func(k int) uint64 { return le64(b[k*8:]) }
	c.Str("{f_type=")
	c.Value(fsMagics, u(0))
	c.Str(", f_bsize=")
	c.Uint(u(1))
	c.Str(", f_blocks=")
	c.Uint(u(2))
	c.Str(", f_bfree=")
	c.Uint(u(3))
	c.Str(", f_bavail=")
	c.Uint(u(4))
	c.Str(", f_files=")
	c.Uint(u(5))
	c.Str(", f_ffree=")
	c.Uint(u(6))
	c.Str(", f_fsid={val=[")
	c.Hex(uint64(le32(b[56:])))
	c.Str(", ")
	c.Hex(uint64(le32(b[60:])))
	c.Str("]}, f_namelen=")
	c.Uint(u(8))
	c.Str(", f_frsize=")
	c.Uint(u(9))
	c.Str(", f_flags=")
	c.Flags(statfsFlags, u(10))
	c.Out = append(c.Out, '}')
}

// statfsFlags is in strace's order: ST_VALID first.
var statfsFlags = &Xlat{Vals: []Const{
	bit(32, "ST_VALID"), bit(1, "ST_RDONLY"), bit(2, "ST_NOSUID"), bit(4, "ST_NODEV"), bit(8, "ST_NOEXEC"),
	bit(16, "ST_SYNCHRONOUS"), bit(64, "ST_MANDLOCK"), bit(128, "ST_WRITE"), bit(256, "ST_APPEND"),
	bit(512, "ST_IMMUTABLE"), bit(1024, "ST_NOATIME"), bit(2048, "ST_NODIRATIME"), bit(4096, "ST_RELATIME"),
	bit(0x2000, "ST_NOSYMFOLLOW"),
}}

var sysinfoBuf Printer = func(c *Ctx, i int) {
	var b [112]byte
	if !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	u := func(k int) uint64 { return le64(b[k:]) }
	c.Str("{uptime=")
	c.Int(int64(u(0)))
	c.Str(", loads=[")
	c.Uint(u(8))
	c.Str(", ")
	c.Uint(u(16))
	c.Str(", ")
	c.Uint(u(24))
	c.Str("], totalram=")
	c.Uint(u(32))
	c.Str(", freeram=")
	c.Uint(u(40))
	c.Str(", sharedram=")
	c.Uint(u(48))
	c.Str(", bufferram=")
	c.Uint(u(56))
	c.Str(", totalswap=")
	c.Uint(u(64))
	c.Str(", freeswap=")
	c.Uint(u(72))
	c.Str(", procs=")
	c.Uint(uint64(b[80]) | uint64(b[81])<<8)
	c.Str(", totalhigh=")
	c.Uint(u(88))
	c.Str(", freehigh=")
	c.Uint(u(96))
	c.Str(", mem_unit=")
	c.Uint(uint64(le32(b[104:])))
	c.Out = append(c.Out, '}')
}

var closeRangeFlags = &Xlat{Vals: []Const{bit(2, "CLOSE_RANGE_UNSHARE"), bit(4, "CLOSE_RANGE_CLOEXEC")}}

var eventfdFlags = &Xlat{Vals: []Const{bit(1, "EFD_SEMAPHORE"), bit(02000000, "EFD_CLOEXEC"), bit(04000, "EFD_NONBLOCK")}}

func init() {
	register(map[string]*Spec{
		"fadvise64":         {Args: []Arg{FDArg, In(Long), In(Long), In(func(c *Ctx, i int) { c.Value(fadviseAdvice, c.Args[i]) })}},
		"statfs":            {Args: []Arg{PathArg, Out(statfsBuf)}},
		"fstatfs":           {Args: []Arg{FDArg, Out(statfsBuf)}},
		"sysinfo":           {Args: []Arg{Out(sysinfoBuf)}},
		"close_range":       {Args: []Arg{In(Uint), In(Uint), In(func(c *Ctx, i int) { c.Flags(closeRangeFlags, c.Args[i]) })}},
		"eventfd2":          {Args: []Arg{In(Uint), In(func(c *Ctx, i int) { c.Flags(eventfdFlags, c.Args[i]) })}, Ret: RetFD},
		"sendfile":          {Args: []Arg{FDArg, FDArg, offArg(0), In(Ulong)}, Entry: saveOffs(2, -1)},
		"copy_file_range":   {Args: []Arg{FDArg, offArg(0), FDArg, offArg(1), In(Ulong), In(Uint)}, Entry: saveOffs(1, 3)},
		"sched_getaffinity": {Args: []Arg{In(Int), In(Ulong), Out(cpuSet)}},
		"sched_setaffinity": {Args: []Arg{In(Int), In(Ulong), In(cpuSet)}},
	})
}

var xattrFlags = &Xlat{Vals: []Const{bit(1, "XATTR_CREATE"), bit(2, "XATTR_REPLACE")}}

// xattrValue prints a value buffer: the bytes on success, else the address.
var xattrValue Printer = func(c *Ctx, i int) {
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	c.Buf(c.Args[i], uint64(c.Ret))
}

var xattrList Printer = func(c *Ctx, i int) {
	if c.Args[i] == 0 || c.Args[i+1] == 0 {
		c.Addr(c.Args[i])
		return
	}
	c.Buf(c.Args[i], uint64(c.Ret))
}

func init() {
	xflags := In(func(c *Ctx, i int) { c.Flags(xattrFlags, c.Args[i]) })
	register(map[string]*Spec{
		"getxattr":     {Args: []Arg{PathArg, In(Str), Out(xattrValue), In(Ulong)}},
		"lgetxattr":    {Args: []Arg{PathArg, In(Str), Out(xattrValue), In(Ulong)}},
		"fgetxattr":    {Args: []Arg{FDArg, In(Str), Out(xattrValue), In(Ulong)}},
		"setxattr":     {Args: []Arg{PathArg, In(Str), In(Buf(3)), In(Ulong), xflags}},
		"lsetxattr":    {Args: []Arg{PathArg, In(Str), In(Buf(3)), In(Ulong), xflags}},
		"fsetxattr":    {Args: []Arg{FDArg, In(Str), In(Buf(3)), In(Ulong), xflags}},
		"listxattr":    {Args: []Arg{PathArg, Out(xattrList), In(Ulong)}},
		"llistxattr":   {Args: []Arg{PathArg, Out(xattrList), In(Ulong)}},
		"flistxattr":   {Args: []Arg{FDArg, Out(xattrList), In(Ulong)}},
		"removexattr":  {Args: []Arg{PathArg, In(Str)}},
		"lremovexattr": {Args: []Arg{PathArg, In(Str)}},
		"fremovexattr": {Args: []Arg{FDArg, In(Str)}},
	})
}

// cpuSet prints a CPU mask as the list of set CPUs: [0 1].
var cpuSet Printer = func(c *Ctx, i int) {
	n := int(c.Args[1])
	if c.Exiting && c.Ret > 0 {
		n = int(c.Ret)
	}
	if n > 1024 {
		n = 1024
	}
	b, ok := c.read(c.Args[i], n)
	if !ok {
		c.Addr(c.Args[i])
		return
	}
	c.Out = append(c.Out, '[')
	first := true
	for k, byt := range b {
		for bitn := 0; bitn < 8; bitn++ {
			if byt&(1<<bitn) != 0 {
				if !first {
					c.Out = append(c.Out, ' ')
				}
				first = false
				c.Int(int64(k*8 + bitn))
			}
		}
	}
	c.Out = append(c.Out, ']')
}

// saveOffs keeps the loff_t values arguments a and b (-1: none) point
// at when the call starts.
func saveOffs(a, b int) func(c *Ctx) {
	return func(c *Ctx) {
		for slot, n := range [2]int{a, b} {
			var v [8]byte
			c.savedOK[slot] = n >= 0 && c.Args[n] != 0 && c.readInto(c.Args[n], v[:])
			c.saved[slot] = int64(le64(v[:]))
		}
	}
}

// offArg prints an in/out loff_t pointer kept in saved slot: [in], or
// [in => out] when the call moved it.
func offArg(slot int) Arg {
	return Arg{Exit: true, P: func(c *Ctx, i int) {
		if c.Args[i] == 0 {
			c.Str("NULL")
			return
		}
		if !c.savedOK[slot] {
			c.Hex(c.Args[i])
			return
		}
		c.Out = append(c.Out, '[')
		c.Int(c.saved[slot])
		var v [8]byte
		if !c.Failed && c.readInto(c.Args[i], v[:]) && int64(le64(v[:])) != c.saved[slot] {
			c.Str("] => [")
			c.Int(int64(le64(v[:])))
		}
		c.Out = append(c.Out, ']')
	}}
}
