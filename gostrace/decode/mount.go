package decode

// Mounts, namespaces and host names.

var mountFlags = &Xlat{Vals: []Const{
	bit(1, "MS_RDONLY"), bit(2, "MS_NOSUID"), bit(4, "MS_NODEV"), bit(8, "MS_NOEXEC"),
	bit(16, "MS_SYNCHRONOUS"), bit(32, "MS_REMOUNT"), bit(64, "MS_MANDLOCK"), bit(128, "MS_DIRSYNC"),
	bit(256, "MS_NOSYMFOLLOW"), bit(1024, "MS_NOATIME"), bit(2048, "MS_NODIRATIME"), bit(4096, "MS_BIND"),
	bit(8192, "MS_MOVE"), bit(16384, "MS_REC"), bit(32768, "MS_SILENT"), bit(1<<16, "MS_POSIXACL"),
	bit(1<<17, "MS_UNBINDABLE"), bit(1<<18, "MS_PRIVATE"), bit(1<<19, "MS_SLAVE"), bit(1<<20, "MS_SHARED"),
	bit(1<<21, "MS_RELATIME"), bit(1<<22, "MS_KERNMOUNT"), bit(1<<23, "MS_I_VERSION"),
	bit(1<<24, "MS_STRICTATIME"), bit(1<<25, "MS_LAZYTIME"), bit(1<<26, "MS_SUBMOUNT"),
	bit(1<<27, "MS_NOREMOTELOCK"), bit(1<<28, "MS_NOSEC"), bit(1<<29, "MS_BORN"), bit(1<<30, "MS_ACTIVE"),
	bit(1<<31, "MS_NOUSER"),
}}

const (
	msMgcVal = 0xc0ed0000
	msMgcMsk = 0xffff0000
)

// mountIgnores reports which of mount's type and data arguments the
// kernel ignores for these flags (strace prints those as addresses).
func mountIgnores(flags uint64) (typ, data bool) {
	if flags&msMgcMsk == msMgcVal {
		flags &^= msMgcMsk
	}
	if flags&32 != 0 {
		return true, false
	}
	if flags&(4096|8192|1<<20|1<<18|1<<19|1<<17) != 0 {
		return true, true
	}
	return false, false
}

func mountFlagsArg(c *Ctx, i int) {
	v := c.Args[i] & 0xffffffff
	if v&msMgcMsk == msMgcVal {
		c.Composite(v, func() {
			c.Str("MS_MGC_VAL")
			if rest := v &^ msMgcMsk; rest != 0 {
				c.Out = append(c.Out, '|')
				c.flagNames(mountFlags, rest)
			}
		})
		return
	}
	c.Flags(mountFlags, v)
}

// mountString prints mount's type or data: a string unless ignored.
func mountString(data bool) Printer {
	return func(c *Ctx, i int) {
		it, id := mountIgnores(c.Args[3])
		if data && id || !data && it {
			c.Addr(c.Args[i])
			return
		}
		c.CStr(c.Args[i], c.Cfg.StrLen)
	}
}

var umountFlags = &Xlat{Vals: []Const{
	bit(1, "MNT_FORCE"), bit(2, "MNT_DETACH"), bit(4, "MNT_EXPIRE"), bit(8, "UMOUNT_NOFOLLOW"),
}}

var nsTypes = &Xlat{Vals: []Const{
	{0x20000, "CLONE_NEWNS"}, {0x2000000, "CLONE_NEWCGROUP"}, {0x4000000, "CLONE_NEWUTS"},
	{0x8000000, "CLONE_NEWIPC"}, {0x10000000, "CLONE_NEWUSER"}, {0x20000000, "CLONE_NEWPID"},
	{0x40000000, "CLONE_NEWNET"}, {0x80, "CLONE_NEWTIME"},
}, Unknown: "CLONE_NEW???"}

func init() {
	register(map[string]*Spec{
		"mount":         {Args: []Arg{PathArg, PathArg, In(mountString(false)), In(mountFlagsArg), In(mountString(true))}},
		"umount2":       {Args: []Arg{PathArg, flagsArg(umountFlags)}},
		"sethostname":   {Args: []Arg{In(Buf(1)), In(Uint)}},
		"setdomainname": {Args: []Arg{In(Buf(1)), In(Uint)}},
		"setns":         {Args: []Arg{FDArg, In(func(c *Ctx, i int) { c.Value(nsTypes, c.Args[i]&0xffffffff) })}},
	})
}
