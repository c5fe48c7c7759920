package decode

// The file-descriptor based mount API: open_tree, move_mount, fsopen,
// fsconfig, fsmount, fspick and mount_setattr with struct mount_attr.

var openTreeFlags = &Xlat{Vals: []Const{
	bit(1, "OPEN_TREE_CLONE"), bit(0x80000, "OPEN_TREE_CLOEXEC"), bit(0x100, "AT_SYMLINK_NOFOLLOW"),
	bit(0x800, "AT_NO_AUTOMOUNT"), bit(0x1000, "AT_EMPTY_PATH"), bit(0x8000, "AT_RECURSIVE"),
}, Unknown: "OPEN_TREE_???"}

var mountSetattrFlags = &Xlat{Vals: []Const{
	bit(0x100, "AT_SYMLINK_NOFOLLOW"), bit(0x800, "AT_NO_AUTOMOUNT"), bit(0x1000, "AT_EMPTY_PATH"), bit(0x8000, "AT_RECURSIVE"),
}, Unknown: "AT_???"}

var moveMountFlags = &Xlat{Vals: []Const{
	bit(1, "MOVE_MOUNT_F_SYMLINKS"), bit(2, "MOVE_MOUNT_F_AUTOMOUNTS"), bit(4, "MOVE_MOUNT_F_EMPTY_PATH"),
	bit(0x10, "MOVE_MOUNT_T_SYMLINKS"), bit(0x20, "MOVE_MOUNT_T_AUTOMOUNTS"), bit(0x40, "MOVE_MOUNT_T_EMPTY_PATH"),
	bit(0x100, "MOVE_MOUNT_SET_GROUP"),
}, Unknown: "MOVE_MOUNT_???"}

var (
	fsopenFlags  = &Xlat{Vals: []Const{bit(1, "FSOPEN_CLOEXEC")}, Unknown: "FSOPEN_???"}
	fsmountFlags = &Xlat{Vals: []Const{bit(1, "FSMOUNT_CLOEXEC")}, Unknown: "FSMOUNT_???"}
	fspickFlags  = &Xlat{Vals: []Const{
		bit(1, "FSPICK_CLOEXEC"), bit(2, "FSPICK_SYMLINK_NOFOLLOW"), bit(4, "FSPICK_NO_AUTOMOUNT"), bit(8, "FSPICK_EMPTY_PATH"),
	}, Unknown: "FSPICK_???"}
)

var mountAttrFlags = &Xlat{Vals: []Const{
	bit(1, "MOUNT_ATTR_RDONLY"), bit(2, "MOUNT_ATTR_NOSUID"), bit(4, "MOUNT_ATTR_NODEV"), bit(8, "MOUNT_ATTR_NOEXEC"),
	bit(0x10, "MOUNT_ATTR_NOATIME"), bit(0x20, "MOUNT_ATTR_STRICTATIME"), bit(0x80, "MOUNT_ATTR_NODIRATIME"),
	bit(0x100000, "MOUNT_ATTR_IDMAP"), bit(0x200000, "MOUNT_ATTR_NOSYMFOLLOW"),
}, Unknown: "MOUNT_ATTR_???"}

var mountPropagation = &Xlat{Vals: []Const{
	{1 << 17, "MS_UNBINDABLE"}, {1 << 18, "MS_PRIVATE"}, {1 << 19, "MS_SLAVE"}, {1 << 20, "MS_SHARED"},
}, Unknown: "MS_???"}

var fsconfigCmds = &Xlat{Vals: seq("FSCONFIG_SET_FLAG", "FSCONFIG_SET_STRING", "FSCONFIG_SET_BINARY",
	"FSCONFIG_SET_PATH", "FSCONFIG_SET_PATH_EMPTY", "FSCONFIG_SET_FD", "FSCONFIG_CMD_CREATE",
	"FSCONFIG_CMD_RECONFIGURE"), Unknown: "FSCONFIG_???"}

// fsconfig commands.
const (
	fsconfigSetFlag = iota
	fsconfigSetString
	fsconfigSetBinary
	fsconfigSetPath
	fsconfigSetPathEmpty
	fsconfigSetFD
)

const (
	mountAttrSizeVer0 = 32
	mountAttrIDMap    = 0x100000
	fsconfigKeyMax    = 256
	fsconfigBinaryMax = 1 << 20
)

// mountAttr prints struct mount_attr of size bytes.
func (c *Ctx) mountAttr(addr, size uint64) {
	var b [mountAttrSizeVer0]byte
	if size < mountAttrSizeVer0 || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	set, clr := le64(b[:]), le64(b[8:])
	c.Str("{attr_set=")
	c.xflags(mountAttrFlags, set)
	c.Str(", attr_clr=")
	c.xflags(mountAttrFlags, clr)
	c.Str(", propagation=")
	c.Value(mountPropagation, le64(b[16:]))
	c.Str(", userns_fd=")
	userns := le64(b[24:])
	if userns > 1<<31-1 || (set|clr)&mountAttrIDMap == 0 {
		c.Uint(userns)
	} else {
		c.FD(int32(userns))
	}
	if size > mountAttrSizeVer0 {
		c.nonzeroTail(addr+mountAttrSizeVer0, min(size, pageSize)-mountAttrSizeVer0, mountAttrSizeVer0)
	}
	c.Out = append(c.Out, '}')
}

// pageSize bounds the trailing bytes of extensible structures strace reads.
const pageSize = 4096

// nonzeroTail shows the n bytes at addr that follow a structure of
// offset bytes, when any is set: ", /* bytes 32..47 */ "\x00…"".
func (c *Ctx) nonzeroTail(addr, n uint64, offset int) {
	b, ok := c.read(addr, int(n))
	if !ok {
		return
	}
	for _, x := range b {
		if x == 0 {
			continue
		}
		c.Str(", /* bytes ")
		c.Int(int64(offset))
		c.Str("..")
		c.Int(int64(offset + len(b) - 1))
		c.Str(" */ \"")
		for _, ch := range b {
			c.Out = append(c.Out, '\\', 'x', "0123456789abcdef"[ch>>4], "0123456789abcdef"[ch&15])
		}
		c.Out = append(c.Out, '"')
		return
	}
}

// fsconfigKey prints fsconfig's key: a string for the set commands.
func (c *Ctx) fsconfigKey(cmd, addr uint64) {
	if cmd > fsconfigSetFD {
		c.Addr(addr)
		return
	}
	c.CStr(addr, min(c.Cfg.StrLen, fsconfigKeyMax))
}

// fsconfigValue prints fsconfig's value as the command reads it.
func (c *Ctx) fsconfigValue(cmd, addr uint64, aux int32) {
	switch cmd {
	case fsconfigSetString:
		c.CStr(addr, min(c.Cfg.StrLen, fsconfigKeyMax))
	case fsconfigSetPath, fsconfigSetPathEmpty:
		c.Path(addr)
	case fsconfigSetBinary:
		if aux < 0 || aux > fsconfigBinaryMax {
			c.Addr(addr)
			return
		}
		if addr == 0 {
			c.Str("NULL")
			return
		}
		n := min(int(aux), c.Cfg.StrLen)
		b, ok := c.read(addr, n)
		if !ok {
			c.Hex(addr)
			return
		}
		c.forceHex(b)
		if int(aux) > n {
			c.Str("...")
		}
	default:
		c.Addr(addr)
	}
}

// fsconfigAux prints fsconfig's aux: a directory for paths, a
// descriptor for FSCONFIG_SET_FD, else a number.
func (c *Ctx) fsconfigAux(cmd uint64, aux int32) {
	switch cmd {
	case fsconfigSetPath, fsconfigSetPathEmpty:
		c.DirFD(aux)
	case fsconfigSetFD:
		c.FD(aux)
	default:
		c.Int(int64(aux))
	}
}

func init() {
	fsconfigCmd := func(c *Ctx) uint64 { return c.Args[1] & 0xffffffff }
	register(map[string]*Spec{
		"open_tree":  {Args: []Arg{DirArg, PathArg, xflagsArg(openTreeFlags)}, Ret: RetFD},
		"move_mount": {Args: []Arg{DirArg, PathArg, DirArg, PathArg, xflagsArg(moveMountFlags)}},
		"fsopen":     {Args: []Arg{In(Str), xflagsArg(fsopenFlags)}, Ret: RetFD},
		"fsconfig": {Args: []Arg{FDArg,
			In(func(c *Ctx, i int) { c.Value(fsconfigCmds, fsconfigCmd(c)) }),
			In(func(c *Ctx, i int) { c.fsconfigKey(fsconfigCmd(c), c.Args[i]) }),
			In(func(c *Ctx, i int) { c.fsconfigValue(fsconfigCmd(c), c.Args[i], int32(c.Args[4])) }),
			In(func(c *Ctx, i int) { c.fsconfigAux(fsconfigCmd(c), int32(c.Args[i])) }),
		}},
		"fsmount": {Args: []Arg{FDArg, xflagsArg(fsmountFlags), xflagsArg(mountAttrFlags)}, Ret: RetFD},
		"fspick":  {Args: []Arg{DirArg, PathArg, xflagsArg(fspickFlags)}, Ret: RetFD},
		"mount_setattr": {Args: []Arg{DirArg, PathArg, xflagsArg(mountSetattrFlags),
			In(func(c *Ctx, i int) { c.mountAttr(c.Args[i], c.Args[4]) }), In(Ulong)}},
	})
}

// xflags is Flags for tables with an Unknown name: under -X verbose a
// value without a known bit shows the unknown name alone in its comment
// ("0x2 /* FSOPEN_??? */") where Flags would nest a second comment.
func (c *Ctx) xflags(x *Xlat, v uint64) {
	if c.xlat != XlatVerbose || x.Unknown == "" || v == 0 {
		c.Flags(x, v)
		return
	}
	for _, k := range x.Vals {
		if k.Val != 0 && v&k.Val == k.Val {
			c.Flags(x, v)
			return
		}
	}
	c.Hex(v)
	c.Str(" /* ")
	c.Str(x.Unknown)
	c.Str(" */")
}

// xflagsArg prints a 32-bit flags argument with xflags.
func xflagsArg(x *Xlat) Arg {
	return In(func(c *Ctx, i int) { c.xflags(x, c.Args[i]&0xffffffff) })
}
