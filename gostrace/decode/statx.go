package decode

var statxMask = &Xlat{Vals: []Const{
	bit(0xfff, "STATX_ALL"), bit(0x7ff, "STATX_BASIC_STATS"), bit(1, "STATX_TYPE"), bit(2, "STATX_MODE"), bit(4, "STATX_NLINK"),
	bit(8, "STATX_UID"), bit(0x10, "STATX_GID"), bit(0x20, "STATX_ATIME"), bit(0x40, "STATX_MTIME"),
	bit(0x80, "STATX_CTIME"), bit(0x100, "STATX_INO"), bit(0x200, "STATX_SIZE"), bit(0x400, "STATX_BLOCKS"),
	bit(0x800, "STATX_BTIME"), bit(0x1000, "STATX_MNT_ID"), bit(0x2000, "STATX_DIOALIGN"),
}}

var statxAttrs = &Xlat{Vals: []Const{
	bit(0x4, "STATX_ATTR_COMPRESSED"), bit(0x10, "STATX_ATTR_IMMUTABLE"), bit(0x20, "STATX_ATTR_APPEND"),
	bit(0x40, "STATX_ATTR_NODUMP"), bit(0x800, "STATX_ATTR_ENCRYPTED"), bit(0x1000, "STATX_ATTR_AUTOMOUNT"),
	bit(0x2000, "STATX_ATTR_MOUNT_ROOT"), bit(0x100000, "STATX_ATTR_VERITY"), bit(0x200000, "STATX_ATTR_DAX"),
}}

// statxFlags prints statx's flags: the sync type, then AT_* flags.
var statxFlags Printer = func(c *Ctx, i int) {
	v := c.Args[i] & 0xffffffff
	if c.xlat != XlatRaw || v&0x6000 != 0 {
		// strace -X raw leaves a zero sync type out: "|0x100".
		c.Value(statxSyncTypes, v&0x6000)
	}
	if rest := v &^ 0x6000; rest != 0 {
		c.Out = append(c.Out, '|')
		c.Flags(atFlags, rest)
	}
}

var statxSyncTypes = &Xlat{Vals: []Const{
	{0, "AT_STATX_SYNC_AS_STAT"}, {0x2000, "AT_STATX_FORCE_SYNC"}, {0x4000, "AT_STATX_DONT_SYNC"},
	{0x6000, "AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC"},
}}

func (c *Ctx) statxTime(name string, b []byte) {
	sec, nsec := int64(le64(b)), int64(le32(b[8:]))
	c.Str(", ")
	c.Str(name)
	c.Str("={tv_sec=")
	c.Int(sec)
	c.Str(", tv_nsec=")
	c.Int(nsec)
	c.Out = append(c.Out, '}')
	c.dateComment(sec, nsec, 9)
}

// statxBuf prints struct statx.
var statxBuf Printer = func(c *Ctx, i int) {
	var b [152]byte
	if !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	mask := uint64(le32(b[0:]))
	mode := uint32(b[28]) | uint32(b[29])<<8
	c.Str("{stx_mask=")
	c.Flags(statxMask, mask)
	if c.Verbose {
		c.Str(", stx_blksize=")
		c.Uint(uint64(le32(b[4:])))
	}
	c.Str(", stx_attributes=")
	c.Flags(statxAttrs, le64(b[8:]))
	if !c.Verbose {
		c.Str(", stx_mode=")
		c.Mode(mode, true)
		c.Str(", stx_size=")
		c.Uint(le64(b[40:]))
		c.Str(", ...}")
		return
	}
	c.Str(", stx_nlink=")
	c.Uint(uint64(le32(b[16:])))
	c.Str(", stx_uid=")
	c.Uint(uint64(le32(b[20:])))
	c.Str(", stx_gid=")
	c.Uint(uint64(le32(b[24:])))
	c.Str(", stx_mode=")
	c.Mode(mode, true)
	c.Str(", stx_ino=")
	c.Uint(le64(b[32:]))
	c.Str(", stx_size=")
	c.Uint(le64(b[40:]))
	c.Str(", stx_blocks=")
	c.Uint(le64(b[48:]))
	c.Str(", stx_attributes_mask=")
	c.Flags(statxAttrs, le64(b[56:]))
	for _, t := range [...]struct {
		bit  uint64
		name string
		off  int
	}{{0x20, "stx_atime", 64}, {0x800, "stx_btime", 80}, {0x80, "stx_ctime", 96}, {0x40, "stx_mtime", 112}} {
		if mask&t.bit != 0 {
			c.statxTime(t.name, b[t.off:])
		}
	}
	for _, f := range []struct {
		name string
		off  int
	}{{"stx_rdev_major", 128}, {"stx_rdev_minor", 132}, {"stx_dev_major", 136}, {"stx_dev_minor", 140}} {
		c.Str(", ")
		c.Str(f.name)
		c.Out = append(c.Out, '=')
		c.Uint(uint64(le32(b[f.off:])))
	}
	if mask&0x1000 != 0 {
		c.Str(", stx_mnt_id=")
		c.Hex(le64(b[144:]))
	}
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"statx": {Args: []Arg{DirArg, PathArg, In(statxFlags), In(func(c *Ctx, i int) { c.Flags(statxMask, c.Args[i]&0xffffffff) }), Out(statxBuf)}},
	})
}
