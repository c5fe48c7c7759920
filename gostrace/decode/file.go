package decode

import "strconv"

var openFlags = &Xlat{Vals: []Const{
	bit(0100, "O_CREAT"), bit(0200, "O_EXCL"), bit(0400, "O_NOCTTY"), bit(01000, "O_TRUNC"),
	bit(02000, "O_APPEND"), bit(04000, "O_NONBLOCK"), bit(04010000, "O_SYNC"), bit(04000000, "__O_SYNC"),
	bit(010000, "O_DSYNC"), bit(040000, "O_DIRECT"), bit(0100000, "O_LARGEFILE"),
	bit(0400000, "O_NOFOLLOW"), bit(01000000, "O_NOATIME"), bit(02000000, "O_CLOEXEC"),
	bit(010000000, "O_PATH"), bit(020200000, "O_TMPFILE"), bit(020000000, "__O_TMPFILE"),
	bit(0200000, "O_DIRECTORY"), bit(020000, "FASYNC"),
}}

var accModes = [4]string{"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"}

// OpenFlags prints open(2) flags: access mode first, then the flags.
var OpenFlags Printer = func(c *Ctx, i int) { c.OpenFlags(c.Args[i]) }

// OpenFlags appends open flags.
func (c *Ctx) OpenFlags(v uint64) {
	v = uint64(uint32(v))
	c.Composite(v, func() {
		c.Str(accModes[v&3])
		if rest := v &^ 3; rest != 0 {
			c.Out = append(c.Out, '|')
			c.flagNames(openFlags, rest)
		}
	})
}

// OpenMode prints the mode of open/openat: only with O_CREAT or O_TMPFILE.
func openModeIf(flagsArg int) func(c *Ctx) bool {
	return func(c *Ctx) bool { return c.Args[flagsArg]&(0100|020000000) != 0 }
}

var atFlags = &Xlat{Vals: []Const{
	bit(0x100, "AT_SYMLINK_NOFOLLOW"), bit(0x200, "AT_REMOVEDIR"), bit(0x400, "AT_SYMLINK_FOLLOW"),
	bit(0x800, "AT_NO_AUTOMOUNT"), bit(0x1000, "AT_EMPTY_PATH"), bit(0x8000, "AT_RECURSIVE"),
}}

// faccessatFlags are the AT_* flags faccessat2 takes (0x200 is
// AT_EACCESS here, not AT_REMOVEDIR).
var faccessatFlags = &Xlat{Vals: []Const{bit(0x100, "AT_SYMLINK_NOFOLLOW"), bit(0x200, "AT_EACCESS"), bit(0x1000, "AT_EMPTY_PATH")}}

var accessModes = &Xlat{Vals: []Const{{0, "F_OK"}, bit(4, "R_OK"), bit(2, "W_OK"), bit(1, "X_OK")}}

// AtFlags prints AT_* flags.
var AtFlags Printer = func(c *Ctx, i int) { c.Flags(atFlags, uint64(uint32(c.Args[i]))) }

// AccessMode prints access(2) modes.
var AccessMode Printer = func(c *Ctx, i int) {
	c.Flags(accessModes, uint64(uint32(c.Args[i])))
}

var seekWhence = &Xlat{Vals: []Const{{0, "SEEK_SET"}, {1, "SEEK_CUR"}, {2, "SEEK_END"}, {3, "SEEK_DATA"}, {4, "SEEK_HOLE"}}, Unknown: "SEEK_???"}

var fileTypes = &Xlat{Vals: []Const{
	{0140000, "S_IFSOCK"}, {0120000, "S_IFLNK"}, {0100000, "S_IFREG"}, {060000, "S_IFBLK"},
	{040000, "S_IFDIR"}, {020000, "S_IFCHR"}, {010000, "S_IFIFO"},
}}

// Mode appends a st_mode value: S_IFREG|S_ISUID|0755.
func (c *Ctx) Mode(m uint32, withType bool) {
	if withType && c.xlat != XlatAbbrev {
		c.Octal(uint64(m))
		if c.xlat == XlatRaw {
			return
		}
		c.Str(" /* ")
		c.xlat = XlatAbbrev
		c.Mode(m, true)
		c.xlat = XlatVerbose
		c.Str(" */")
		return
	}
	if withType {
		if name, ok := fileTypes.Lookup(uint64(m & 0170000)); ok {
			c.Str(name)
			c.Out = append(c.Out, '|')
		} else if m&0170000 != 0 {
			c.Octal(uint64(m & 0170000))
			c.Out = append(c.Out, '|')
		}
	}
	for _, b := range [...]struct {
		bit  uint32
		name string
	}{{04000, "S_ISUID"}, {02000, "S_ISGID"}, {01000, "S_ISVTX"}} {
		if m&b.bit != 0 {
			c.Str(b.name)
			c.Out = append(c.Out, '|')
		}
	}
	c.Out = append(c.Out, '0')
	c.Out = strconv.AppendUint(c.Out, uint64(m&0777), 8)
	if m&0777 == 0 {
		c.Out = c.Out[:len(c.Out)-1]
		c.Str("00")
	}
}

// ModeArg prints a permission mode argument (0644).
var ModeArg Printer = func(c *Ctx, i int) {
	m := uint32(c.Args[i])
	c.umaskValue(uint64(m & 07777)) // %#03o: 000, 0644
	if m&^07777 != 0 {
		c.Str("|")
		c.Octal(uint64(m &^ 07777))
	}
}

// struct stat on x86_64.
type kstat struct {
	dev, ino, nlink                uint64
	mode, uid, gid                 uint32
	rdev, size, blksize, blocks    uint64
	atime, atimeNs, mtime, mtimeNs int64
	ctime, ctimeNs                 int64
}

func parseStat(b []byte) kstat {
	u := func(o int) uint64 { return le64(b[o : o+8]) }
	return kstat{
		dev: u(0), ino: u(8), nlink: u(16), mode: le32(b[24:]), uid: le32(b[28:]), gid: le32(b[32:]),
		rdev: u(40), size: u(48), blksize: u(56), blocks: u(64),
		atime: int64(u(72)), atimeNs: int64(u(80)), mtime: int64(u(88)), mtimeNs: int64(u(96)),
		ctime: int64(u(104)), ctimeNs: int64(u(112)),
	}
}

// Dev appends makedev(0xMAJ, 0xMIN); -X raw prints the number, -X
// verbose the number with makedev as a comment.
func (c *Ctx) Dev(d uint64) {
	major := (d>>8)&0xfff | (d>>32)&^0xfff
	minor := d&0xff | (d>>12)&^0xff
	if c.xlat != XlatAbbrev {
		c.Hex(d)
		if c.xlat == XlatRaw {
			return
		}
		c.Str(" /* ")
	}
	c.Str("makedev(")
	c.Hex(major)
	c.Str(", ")
	c.Hex(minor)
	c.Out = append(c.Out, ')')
	if c.xlat == XlatVerbose {
		c.Str(" */")
	}
}

// Time appends a time_t with its ISO 8601 comment, as -v stat shows.
func (c *Ctx) Time(sec, nsec int64) {
	c.Int(sec)
	c.dateComment(sec, nsec, 9)
}

func appendZeroPad(dst []byte, v uint64, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendUint(tmp[:0], v, 10)
	for i := len(s); i < width; i++ {
		dst = append(dst, '0')
	}
	return append(dst, s...)
}

// Stat prints a struct stat pointer.
var Stat Printer = func(c *Ctx, i int) {
	var b [144]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	st := parseStat(b[:])
	if !c.Verbose {
		c.Str("{st_mode=")
		c.Mode(st.mode, true)
		if st.mode&0170000 == 060000 || st.mode&0170000 == 020000 {
			c.Str(", st_rdev=")
			c.Dev(st.rdev)
		} else {
			c.Str(", st_size=")
			c.Uint(st.size)
		}
		c.Str(", ...}")
		return
	}
	c.Str("{st_dev=")
	c.Dev(st.dev)
	c.Str(", st_ino=")
	c.Uint(st.ino)
	c.Str(", st_mode=")
	c.Mode(st.mode, true)
	c.Str(", st_nlink=")
	c.Uint(st.nlink)
	c.Str(", st_uid=")
	c.Uint(uint64(st.uid))
	c.Str(", st_gid=")
	c.Uint(uint64(st.gid))
	c.Str(", st_blksize=")
	c.Uint(st.blksize)
	c.Str(", st_blocks=")
	c.Uint(st.blocks)
	if st.mode&0170000 == 060000 || st.mode&0170000 == 020000 {
		c.Str(", st_rdev=")
		c.Dev(st.rdev)
	} else {
		c.Str(", st_size=")
		c.Uint(st.size)
	}
	for _, f := range [...]struct {
		name      string
		sec, nsec int64
	}{{"st_atime", st.atime, st.atimeNs}, {"st_mtime", st.mtime, st.mtimeNs}, {"st_ctime", st.ctime, st.ctimeNs}} {
		c.Str(", ")
		c.Str(f.name)
		c.Out = append(c.Out, '=')
		c.Time(f.sec, f.nsec)
		c.Str(", ")
		c.Str(f.name)
		c.Str("_nsec=")
		c.Int(f.nsec)
	}
	c.Out = append(c.Out, '}')
}

// RetFD prints a returned descriptor (with -y its path).
func RetFD(c *Ctx) { c.FD(int32(c.Ret)) }

// RetHex prints the return value in hex.
func RetHex(c *Ctx) { c.Hex(uint64(c.Ret)) }

// RetOctal prints the return value in octal.
func RetOctal(c *Ctx) { c.Octal(uint64(c.Ret)) }

// PipeFDs prints the two-descriptor array pipe fills.
var PipeFDs Printer = func(c *Ctx, i int) {
	var b [8]byte
	if !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Out = append(c.Out, '[')
	c.FD(int32(le32(b[0:])))
	c.Str(", ")
	c.FD(int32(le32(b[4:])))
	c.Out = append(c.Out, ']')
}

// OpenFlagsArg prints flags of pipe2/dup3/… (O_CLOEXEC, O_NONBLOCK…).
var OpenFlagsArg Printer = func(c *Ctx, i int) {
	c.Flags(openFlags, uint64(uint32(c.Args[i])))
}

func lseekWhence(c *Ctx, i int) { c.Value(seekWhence, c.Args[i]) }

// dirents prints getdents64 records.
var dirents Printer = func(c *Ctx, i int) {
	n := int(c.Ret)
	b, ok := c.read(c.Args[i], n)
	if !ok || c.NoDeref {
		c.Addr(c.Args[i])
		return
	}
	buf := append([]byte(nil), b...)
	if !c.Verbose {
		count := 0
		for off := 0; off+19 <= len(buf); {
			reclen := int(buf[off+16]) | int(buf[off+17])<<8
			if reclen == 0 {
				break
			}
			count++
			off += reclen
		}
		c.Hex(c.Args[i])
		c.Str(" /* ")
		c.Int(int64(count))
		c.Str(" entries */")
		return
	}
	c.Out = append(c.Out, '[')
	for off, k := 0, 0; off+19 <= len(buf); k++ {
		reclen := int(buf[off+16]) | int(buf[off+17])<<8
		if reclen < 19 || off+reclen > len(buf) {
			break // a record shorter than its header ends the walk
		}
		if k > 0 {
			c.Str(", ")
		}
		name := buf[off+19 : off+reclen]
		for j, ch := range name {
			if ch == 0 {
				name = name[:j]
				break
			}
		}
		c.Str("{d_ino=")
		c.Uint(le64(buf[off:]))
		c.Str(", d_off=")
		c.Int(int64(le64(buf[off+8:])))
		c.Str(", d_reclen=")
		c.Int(int64(reclen))
		c.Str(", d_type=")
		c.Value(direntTypes, uint64(buf[off+18]))
		c.Str(", d_name=")
		c.quoted(name)
		c.Out = append(c.Out, '}')
		off += reclen
	}
	c.Out = append(c.Out, ']')
}

var direntTypes = &Xlat{Vals: []Const{{0, "DT_UNKNOWN"}, {1, "DT_FIFO"}, {2, "DT_CHR"}, {4, "DT_DIR"}, {6, "DT_BLK"}, {8, "DT_REG"}, {10, "DT_LNK"}, {12, "DT_SOCK"}, {14, "DT_WHT"}}}

func init() {
	modeArg := func(flagsArg int) Arg { return Arg{P: ModeArg, If: openModeIf(flagsArg)} }
	register(map[string]*Spec{
		"read":        {Args: []Arg{FDArg, Out(BufRet), In(Ulong)}},
		"write":       {Args: []Arg{FDArg, In(Buf(2)), In(Ulong)}},
		"pread64":     {Args: []Arg{FDArg, Out(BufRet), In(Ulong), In(Long)}},
		"pwrite64":    {Args: []Arg{FDArg, In(Buf(2)), In(Ulong), In(Long)}},
		"open":        {Args: []Arg{PathArg, In(OpenFlags), modeArg(1)}, Ret: RetFD},
		"openat":      {Args: []Arg{DirArg, PathArg, In(OpenFlags), modeArg(2)}, Ret: RetFD},
		"creat":       {Args: []Arg{PathArg, In(ModeArg)}, Ret: RetFD},
		"close":       {Args: []Arg{FDArg}},
		"stat":        {Args: []Arg{PathArg, Out(Stat)}},
		"lstat":       {Args: []Arg{PathArg, Out(Stat)}},
		"fstat":       {Args: []Arg{FDArg, Out(Stat)}},
		"newfstatat":  {Args: []Arg{DirArg, PathArg, Out(Stat), In(AtFlags)}},
		"access":      {Args: []Arg{PathArg, In(AccessMode)}},
		"faccessat":   {Args: []Arg{DirArg, PathArg, In(AccessMode)}},
		"faccessat2":  {Args: []Arg{DirArg, PathArg, In(AccessMode), flagsArg(faccessatFlags)}},
		"lseek":       {Args: []Arg{FDArg, In(Long), In(lseekWhence)}},
		"dup":         {Args: []Arg{FDArg}, Ret: RetFD},
		"dup2":        {Args: []Arg{FDArg, In(Int)}, Ret: RetFD},
		"dup3":        {Args: []Arg{FDArg, In(Int), In(OpenFlagsArg)}, Ret: RetFD},
		"pipe":        {Args: []Arg{Out(PipeFDs)}},
		"pipe2":       {Args: []Arg{Out(PipeFDs), In(OpenFlagsArg)}},
		"readlink":    {Args: []Arg{PathArg, Out(BufRet), In(Ulong)}},
		"readlinkat":  {Args: []Arg{DirArg, PathArg, Out(BufRet), In(Ulong)}},
		"getcwd":      {Args: []Arg{Out(Path), In(Ulong)}},
		"chdir":       {Args: []Arg{PathArg}},
		"fchdir":      {Args: []Arg{FDArg}},
		"mkdir":       {Args: []Arg{PathArg, In(ModeArg)}},
		"mkdirat":     {Args: []Arg{DirArg, PathArg, In(ModeArg)}},
		"rmdir":       {Args: []Arg{PathArg}},
		"unlink":      {Args: []Arg{PathArg}},
		"unlinkat":    {Args: []Arg{DirArg, PathArg, In(AtFlags)}},
		"rename":      {Args: []Arg{PathArg, PathArg}},
		"renameat":    {Args: []Arg{DirArg, PathArg, DirArg, PathArg}},
		"link":        {Args: []Arg{PathArg, PathArg}},
		"symlink":     {Args: []Arg{PathArg, PathArg}},
		"symlinkat":   {Args: []Arg{PathArg, DirArg, PathArg}},
		"chmod":       {Args: []Arg{PathArg, In(ModeArg)}},
		"fchmod":      {Args: []Arg{FDArg, In(ModeArg)}},
		"fchmodat":    {Args: []Arg{DirArg, PathArg, In(ModeArg)}},
		"chown":       {Args: []Arg{PathArg, In(Int), In(Int)}},
		"lchown":      {Args: []Arg{PathArg, In(Int), In(Int)}},
		"fchown":      {Args: []Arg{FDArg, In(Int), In(Int)}},
		"fchownat":    {Args: []Arg{DirArg, PathArg, In(Int), In(Int), In(AtFlags)}},
		"truncate":    {Args: []Arg{PathArg, In(Long)}},
		"ftruncate":   {Args: []Arg{FDArg, In(Long)}},
		"fsync":       {Args: []Arg{FDArg}},
		"fdatasync":   {Args: []Arg{FDArg}},
		"getdents64":  {Args: []Arg{FDArg, Out(dirents), In(Uint)}},
		"umask":       {Args: []Arg{In(func(c *Ctx, i int) { c.umaskValue(c.Args[i]) })}, Ret: func(c *Ctx) { c.umaskValue(uint64(c.Ret)) }},
		"chroot":      {Args: []Arg{PathArg}},
		"sync":        {},
		"syncfs":      {Args: []Arg{FDArg}},
		"getpid":      {},
		"getppid":     {},
		"gettid":      {},
		"getuid":      {},
		"geteuid":     {},
		"getgid":      {},
		"getegid":     {},
		"getpgrp":     {},
		"setsid":      {},
		"sched_yield": {},
	})
}

// umaskValue prints a mode as %#03o does: 000, 022, 0777.
func (c *Ctx) umaskValue(v uint64) {
	v &= 0xffffffff
	c.Out = append(c.Out, '0')
	if v < 8 {
		c.Out = append(c.Out, '0')
	}
	c.Out = strconv.AppendUint(c.Out, v, 8)
}

var renameFlags = &Xlat{Vals: []Const{bit(1, "RENAME_NOREPLACE"), bit(2, "RENAME_EXCHANGE"), bit(4, "RENAME_WHITEOUT")}}

var utimeSpecial = map[int64]string{(1 << 30) - 1: "UTIME_NOW", (1 << 30) - 2: "UTIME_OMIT"}

// timespecPair prints utimensat's times argument.
var timespecPair Printer = func(c *Ctx, i int) {
	var b [32]byte
	if c.Args[i] == 0 {
		c.Str("NULL")
		return
	}
	if !c.readInto(c.Args[i], b[:]) {
		c.Hex(c.Args[i])
		return
	}
	c.Out = append(c.Out, '[')
	for k := 0; k < 2; k++ {
		if k > 0 {
			c.Str(", ")
		}
		sec, nsec := int64(le64(b[k*16:])), int64(le64(b[k*16+8:]))
		if name, ok := utimeSpecial[nsec]; ok {
			if c.xlat == XlatAbbrev {
				c.Str(name)
				continue
			}
			c.Str("{tv_sec=")
			c.Int(sec)
			c.Str(", tv_nsec=")
			c.Int(nsec)
			c.Out = append(c.Out, '}')
			if c.xlat == XlatVerbose {
				c.Str(" /* ")
				c.Str(name)
				c.Str(" */")
			}
			continue
		}
		c.Str("{tv_sec=")
		c.Int(sec)
		c.Str(", tv_nsec=")
		c.Int(nsec)
		c.Out = append(c.Out, '}')
		c.dateComment(sec, nsec, 9)
	}
	c.Out = append(c.Out, ']')
}

func init() {
	register(map[string]*Spec{
		"renameat2": {Args: []Arg{DirArg, PathArg, DirArg, PathArg, In(func(c *Ctx, i int) { c.Flags(renameFlags, c.Args[i]) })}},
		"utimensat": {Args: []Arg{DirArg, In(func(c *Ctx, i int) {
			if c.Args[i] == 0 {
				c.Str("NULL")
				return
			}
			c.Path(c.Args[i])
		}), In(timespecPair), In(AtFlags)}},
		"linkat":  {Args: []Arg{DirArg, PathArg, DirArg, PathArg, In(AtFlags)}},
		"mknodat": {Args: []Arg{DirArg, PathArg, In(func(c *Ctx, i int) { c.Mode(uint32(c.Args[i]), true) }), mknodDev(2)}},
		"mknod":   {Args: []Arg{PathArg, In(func(c *Ctx, i int) { c.Mode(uint32(c.Args[i]), true) }), mknodDev(1)}},
	})
}

// mknodDev is mknod's device argument, shown only for device files.
func mknodDev(modeArg int) Arg {
	return Arg{P: func(c *Ctx, i int) { c.Dev(c.Args[i]) }, If: func(c *Ctx) bool {
		t := c.Args[modeArg] & 0170000
		return t == 020000 || t == 060000
	}}
}
