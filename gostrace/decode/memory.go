package decode

var mmapProt = &Xlat{Vals: []Const{
	{0, "PROT_NONE"}, bit(1, "PROT_READ"), bit(2, "PROT_WRITE"), bit(4, "PROT_EXEC"), bit(8, "PROT_SEM"),
	bit(0x01000000, "PROT_GROWSDOWN"), bit(0x02000000, "PROT_GROWSUP"),
}, Unknown: "PROT_???"}

var mmapTypes = &Xlat{Vals: []Const{{0, "MAP_FILE"}, {1, "MAP_SHARED"}, {2, "MAP_PRIVATE"}, {3, "MAP_SHARED_VALIDATE"}}, Unknown: "MAP_???"}

var mmapFlags = &Xlat{Vals: []Const{
	bit(0x10, "MAP_FIXED"), bit(0x20, "MAP_ANONYMOUS"), bit(0x40, "MAP_32BIT"),
	bit(0x4000, "MAP_NORESERVE"), bit(0x8000, "MAP_POPULATE"), bit(0x10000, "MAP_NONBLOCK"),
	bit(0x100, "MAP_GROWSDOWN"), bit(0x800, "MAP_DENYWRITE"), bit(0x1000, "MAP_EXECUTABLE"),
	bit(0x2000, "MAP_LOCKED"), bit(0x20000, "MAP_STACK"), bit(0x40000, "MAP_HUGETLB"),
	bit(0x80000, "MAP_SYNC"), bit(0x4000000, "MAP_UNINITIALIZED"), bit(0x100000, "MAP_FIXED_NOREPLACE"),
}}

// Prot prints PROT_* flags (PROT_NONE for zero).
var Prot Printer = func(c *Ctx, i int) {
	c.Flags(mmapProt, c.Args[i]&0xffffffff)
}

// MapFlags prints mmap flags: the mapping type, then the flags.
var MapFlags Printer = func(c *Ctx, i int) {
	v := c.Args[i] & 0xffffffff
	c.Composite(v, func() {
		c.Value(mmapTypes, v&0xf)
		if rest := v &^ 0xf; rest != 0 {
			c.Out = append(c.Out, '|')
			c.flagNames(mmapFlags, rest)
		}
	})
}

var madviseAdvice = &Xlat{Vals: []Const{
	{0, "MADV_NORMAL"}, {1, "MADV_RANDOM"}, {2, "MADV_SEQUENTIAL"}, {3, "MADV_WILLNEED"},
	{4, "MADV_DONTNEED"}, {8, "MADV_FREE"}, {9, "MADV_REMOVE"}, {10, "MADV_DONTFORK"},
	{11, "MADV_DOFORK"}, {12, "MADV_MERGEABLE"}, {13, "MADV_UNMERGEABLE"}, {14, "MADV_HUGEPAGE"},
	{15, "MADV_NOHUGEPAGE"}, {16, "MADV_DONTDUMP"}, {17, "MADV_DODUMP"}, {18, "MADV_WIPEONFORK"},
	{19, "MADV_KEEPONFORK"}, {20, "MADV_COLD"}, {21, "MADV_PAGEOUT"}, {22, "MADV_POPULATE_READ"},
	{23, "MADV_POPULATE_WRITE"}, {24, "MADV_DONTNEED_LOCKED"}, {100, "MADV_HWPOISON"}, {101, "MADV_SOFT_OFFLINE"},
}, Unknown: "MADV_???"}

var mremapFlags = &Xlat{Vals: []Const{bit(1, "MREMAP_MAYMOVE"), bit(2, "MREMAP_FIXED"), bit(4, "MREMAP_DONTUNMAP")}}

var msyncFlags = &Xlat{Vals: []Const{bit(1, "MS_ASYNC"), bit(4, "MS_SYNC"), bit(2, "MS_INVALIDATE")}}

var mlockallFlags = &Xlat{Vals: []Const{bit(1, "MCL_CURRENT"), bit(2, "MCL_FUTURE"), bit(4, "MCL_ONFAULT")}}

func init() {
	register(map[string]*Spec{
		"mmap":          {Args: []Arg{In(Ptr), In(Ulong), In(Prot), In(MapFlags), FDArg, In(Hex)}, Ret: RetHex},
		"mprotect":      {Args: []Arg{In(Ptr), In(Ulong), In(Prot)}},
		"pkey_mprotect": {Args: []Arg{In(Ptr), In(Ulong), In(Prot), In(Int)}},
		"munmap":        {Args: []Arg{In(Ptr), In(Ulong)}},
		"brk":           {Args: []Arg{In(Ptr)}, Ret: RetHex},
		"madvise":       {Args: []Arg{In(Ptr), In(Ulong), In(func(c *Ctx, i int) { c.Value(madviseAdvice, c.Args[i]) })}},
		"mremap": {Args: []Arg{In(Ptr), In(Ulong), In(Ulong), In(func(c *Ctx, i int) { c.Flags(mremapFlags, c.Args[i]) }),
			{P: Ptr, If: func(c *Ctx) bool { return c.Args[3]&2 != 0 }}}, Ret: RetHex},
		"mincore":    {Args: []Arg{In(Ptr), In(Ulong), Out(mincoreVec)}},
		"msync":      {Args: []Arg{In(Ptr), In(Ulong), In(func(c *Ctx, i int) { c.Flags(msyncFlags, c.Args[i]) })}},
		"mlock":      {Args: []Arg{In(Ptr), In(Ulong)}},
		"munlock":    {Args: []Arg{In(Ptr), In(Ulong)}},
		"mlockall":   {Args: []Arg{In(func(c *Ctx, i int) { c.Flags(mlockallFlags, c.Args[i]) })}},
		"munlockall": {},
	})
}

// mincoreVec prints the residency vector: one byte per page.
var mincoreVec Printer = func(c *Ctx, i int) {
	pages := (c.Args[1] + 4095) / 4096
	if c.Args[i] == 0 || pages > maxArray {
		c.Addr(c.Args[i])
		return
	}
	var b [1]byte
	c.Out = append(c.Out, '[')
	for k := uint64(0); k < pages; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= uint64(c.Cfg.StrLen) {
			c.Str("...")
			break
		}
		if !c.readInto(c.Args[i]+k, b[:]) {
			c.Str("...")
			break
		}
		c.Uint(uint64(b[0]))
	}
	c.Out = append(c.Out, ']')
}
