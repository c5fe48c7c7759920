package decode

// Disk quotas: quotactl and quotactl_fd. The command word packs a
// command and a quota type (QCMD(cmd, type)); which arguments follow,
// and whether the data is read at entry or written at exit, depends on
// the command.

var quotaCmds = &Xlat{Vals: []Const{
	{0x800001, "Q_SYNC"}, {0x800002, "Q_QUOTAON"}, {0x800003, "Q_QUOTAOFF"}, {0x800004, "Q_GETFMT"},
	{0x800005, "Q_GETINFO"}, {0x800006, "Q_SETINFO"}, {0x800007, "Q_GETQUOTA"}, {0x800008, "Q_SETQUOTA"},
	{0x800009, "Q_GETNEXTQUOTA"},
	{0x5801, "Q_XQUOTAON"}, {0x5802, "Q_XQUOTAOFF"}, {0x5803, "Q_XGETQUOTA"}, {0x5804, "Q_XSETQLIM"},
	{0x5805, "Q_XGETQSTAT"}, {0x5806, "Q_XQUOTARM"}, {0x5807, "Q_XQUOTASYNC"}, {0x5808, "Q_XGETQSTATV"},
	{0x5809, "Q_XGETNEXTQUOTA"},
}, Unknown: "Q_???"}

var quotaTypes = &Xlat{Vals: seq("USRQUOTA", "GRPQUOTA", "PRJQUOTA"), Unknown: "???QUOTA"}

var quotaFormats = &Xlat{Vals: []Const{{1, "QFMT_VFS_OLD"}, {2, "QFMT_VFS_V0"}, {3, "QFMT_OCFS2"}, {4, "QFMT_VFS_V1"}},
	Unknown: "QFMT_VFS_???"}

var dqblkValid = &Xlat{Vals: []Const{
	bit(1, "QIF_BLIMITS"), bit(2, "QIF_SPACE"), bit(4, "QIF_ILIMITS"), bit(8, "QIF_INODES"), bit(16, "QIF_BTIME"), bit(32, "QIF_ITIME"),
}, Unknown: "QIF_???"}

var (
	dqinfoFlags = &Xlat{Vals: []Const{bit(1, "DQF_ROOT_SQUASH"), bit(0x10000, "DQF_SYS_FILE")}, Unknown: "DQF_???"}
	dqinfoValid = &Xlat{Vals: []Const{bit(1, "IIF_BGRACE"), bit(2, "IIF_IGRACE"), bit(4, "IIF_FLAGS")}, Unknown: "IIF_???"}
	xfsDqFlags  = &Xlat{Vals: []Const{bit(1, "FS_USER_QUOTA"), bit(2, "FS_PROJ_QUOTA"), bit(4, "FS_GROUP_QUOTA")}, Unknown: "FS_???_QUOTA"}
	xfsQFlags   = &Xlat{Vals: []Const{
		bit(1, "FS_QUOTA_UDQ_ACCT"), bit(2, "FS_QUOTA_UDQ_ENFD"), bit(4, "FS_QUOTA_GDQ_ACCT"),
		bit(8, "FS_QUOTA_GDQ_ENFD"), bit(16, "FS_QUOTA_PDQ_ACCT"), bit(32, "FS_QUOTA_PDQ_ENFD"),
	}, Unknown: "FS_QUOTA_???"}
)

// quotaArgs says what follows the command (and special file) of one
// quota command: the id, a data layout, and when the data is printed.
type quotaArgs struct {
	id   bool // the id argument is shown (a uid, or a format for Q_QUOTAON)
	data func(c *Ctx, b []byte)
	size int  // bytes of data read
	out  bool // the kernel fills the data: printed at exit
	path bool // the data is a file name (Q_QUOTAON)
}

// quotaLayouts is indexed by command; commands absent show id and data
// address, Q_SYNC-like ones (none set) nothing more.
var quotaLayouts = map[uint32]*quotaArgs{
	0x800001: nil, 0x800003: nil, 0x5807: nil,
	0x800002: {id: true, path: true},
	0x800004: {data: (*Ctx).quotaFormat, size: 4, out: true},
	0x800005: {data: (*Ctx).dqinfo, size: 24, out: true},
	0x800006: {data: (*Ctx).dqinfo, size: 24},
	0x800007: {id: true, data: (*Ctx).dqblk, size: 72, out: true},
	0x800008: {id: true, data: (*Ctx).dqblk, size: 72},
	0x800009: {id: true, data: (*Ctx).nextdqblk, size: 72, out: true},
	0x5801:   {data: (*Ctx).xfsQuotaFlags, size: 4},
	0x5802:   {data: (*Ctx).xfsQuotaFlags, size: 4},
	0x5803:   {id: true, data: (*Ctx).fsDiskQuota, size: 112, out: true},
	0x5804:   {id: true, data: (*Ctx).fsDiskQuota, size: 112},
	0x5805:   {data: (*Ctx).fsQuotaStat, size: 80, out: true},
	0x5806:   {data: (*Ctx).xfsDqblkFlags, size: 4},
	0x5808:   {data: (*Ctx).fsQuotaStatv, size: 160, out: true},
	0x5809:   {id: true, data: (*Ctx).fsDiskQuota, size: 112, out: true},
}

// qcmd prints a quota command word: QCMD(Q_GETQUOTA, USRQUOTA), the
// number under -X raw, both under -X verbose.
func (c *Ctx) qcmd(v uint32) {
	style := c.xlat
	if style != XlatAbbrev {
		c.Uint(uint64(v))
	}
	if style == XlatRaw {
		return
	}
	if style == XlatVerbose {
		c.Str(" /* ")
	}
	c.xlat = XlatAbbrev
	c.Str("QCMD(")
	c.Value(quotaCmds, uint64(v>>8))
	c.Str(", ")
	c.Value(quotaTypes, uint64(v&0xff))
	c.Out = append(c.Out, ')')
	c.xlat = style
	if style == XlatVerbose {
		c.Str(" */")
	}
}

// uid32 prints a user id as strace's printuid: -1 or unsigned.
func (c *Ctx) uid32(v uint32) {
	if v == 0xffffffff {
		c.Str("-1")
		return
	}
	c.Uint(uint64(v))
}

// quotaRest prints what follows the command of quotactl (cmd in
// argument cmdArg, id in argument i, data in i+1), at entry and exit.
func quotaRest(cmdArg int) Printer {
	return func(c *Ctx, i int) {
		qa := quotaLayouts[uint32(c.Args[cmdArg])>>8]
		id, data := uint32(c.Args[i]), c.Args[i+1]
		if c.Exiting {
			if qa != nil && qa.out {
				c.quotaData(qa, data)
			}
			return
		}
		switch {
		case qa == nil:
			c.uid32(id)
			c.Str(", ")
			c.Addr(data)
			return
		case qa.path:
			c.Value(quotaFormats, uint64(id))
			c.Str(", ")
			c.Path(data)
			return
		}
		if qa.id {
			c.uid32(id)
			c.Str(", ")
		}
		if !qa.out {
			c.quotaData(qa, data)
		}
	}
}

// quotaData reads and prints a command's data, or its address.
func (c *Ctx) quotaData(qa *quotaArgs, addr uint64) {
	var b [160]byte
	if (c.Exiting && c.Failed) || !c.readInto(addr, b[:qa.size]) {
		c.Addr(addr)
		return
	}
	qa.data(c, b[:qa.size])
}

// quotaHasRest reports whether the command takes arguments past the
// special file (Q_SYNC, Q_QUOTAOFF and Q_XQUOTASYNC do not).
func quotaHasRest(cmdArg int) func(c *Ctx) bool {
	return func(c *Ctx) bool {
		qa, known := quotaLayouts[uint32(c.Args[cmdArg])>>8]
		return qa != nil || !known
	}
}

func (c *Ctx) quotaFormat(b []byte) {
	c.Out = append(c.Out, '[')
	c.Value(quotaFormats, uint64(le32(b)))
	c.Out = append(c.Out, ']')
}

func (c *Ctx) xfsQuotaFlags(b []byte) {
	c.Out = append(c.Out, '[')
	c.xflags(xfsQFlags, uint64(le32(b)))
	c.Out = append(c.Out, ']')
}

func (c *Ctx) xfsDqblkFlags(b []byte) {
	c.Out = append(c.Out, '[')
	c.xflags(xfsDqFlags, uint64(le32(b)))
	c.Out = append(c.Out, ']')
}

// uintFields prints name=value pairs of consecutive 64-bit fields.
func (c *Ctx) uintFields(b []byte, names ...string) {
	for k, name := range names {
		if k > 0 {
			c.Str(", ")
		}
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Uint(le64(b[8*k:]))
	}
}

var dqblkLimits = []string{"dqb_bhardlimit", "dqb_bsoftlimit", "dqb_curspace", "dqb_ihardlimit", "dqb_isoftlimit", "dqb_curinodes"}

// dqblk prints struct if_dqblk: limits, then times and valid bits
// unless abbreviated.
func (c *Ctx) dqblk(b []byte) {
	c.Out = append(c.Out, '{')
	c.uintFields(b, dqblkLimits...)
	if c.Verbose {
		c.Str(", ")
		c.uintFields(b[48:], "dqb_btime", "dqb_itime")
		c.Str(", dqb_valid=")
		c.xflags(dqblkValid, uint64(le32(b[64:])))
	} else {
		c.Str(", ...")
	}
	c.Out = append(c.Out, '}')
}

// nextdqblk is dqblk with the id of the next quota.
func (c *Ctx) nextdqblk(b []byte) {
	c.Out = append(c.Out, '{')
	c.uintFields(b, dqblkLimits...)
	if c.Verbose {
		c.Str(", ")
		c.uintFields(b[48:], "dqb_btime", "dqb_itime")
		c.Str(", dqb_valid=")
		c.xflags(dqblkValid, uint64(le32(b[64:])))
		c.Str(", dqb_id=")
		c.Uint(uint64(le32(b[68:])))
	} else {
		c.Str(", dqb_id=")
		c.Uint(uint64(le32(b[68:])))
		c.Str(", ...")
	}
	c.Out = append(c.Out, '}')
}

// dqinfo prints struct if_dqinfo.
func (c *Ctx) dqinfo(b []byte) {
	c.Out = append(c.Out, '{')
	c.uintFields(b, "dqi_bgrace", "dqi_igrace")
	c.Str(", dqi_flags=")
	c.xflags(dqinfoFlags, uint64(le32(b[16:])))
	c.Str(", dqi_valid=")
	c.xflags(dqinfoValid, uint64(le32(b[20:])))
	c.Out = append(c.Out, '}')
}

// fsDiskQuota prints XFS's struct fs_disk_quota.
func (c *Ctx) fsDiskQuota(b []byte) {
	c.Str("{d_version=")
	c.Int(int64(int8(b[0])))
	c.Str(", d_flags=")
	c.xflags(xfsDqFlags, uint64(b[1]))
	c.Str(", d_fieldmask=")
	c.Hex(uint64(le16(b[2:])))
	c.Str(", d_id=")
	c.Uint(uint64(le32(b[4:])))
	c.Str(", ")
	c.uintFields(b[8:], "d_blk_hardlimit", "d_blk_softlimit", "d_ino_hardlimit", "d_ino_softlimit", "d_bcount", "d_icount")
	if c.Verbose {
		c.Str(", d_itimer=")
		c.Int(int64(int32(le32(b[56:]))))
		c.Str(", d_btimer=")
		c.Int(int64(int32(le32(b[60:]))))
		c.Str(", d_iwarns=")
		c.Uint(uint64(le16(b[64:])))
		c.Str(", d_bwarns=")
		c.Uint(uint64(le16(b[66:])))
		c.Str(", ")
		c.uintFields(b[72:], "d_rtb_hardlimit", "d_rtb_softlimit", "d_rtbcount")
		c.Str(", d_rtbtimer=")
		c.Int(int64(int32(le32(b[96:]))))
		c.Str(", d_rtbwarns=")
		c.Uint(uint64(le16(b[100:])))
	} else {
		c.Str(", ...")
	}
	c.Out = append(c.Out, '}')
}

// qfilestat prints a fs_qfilestat(v) at b.
func (c *Ctx) qfilestat(name string, b []byte) {
	c.Str(name)
	c.Str("={")
	c.uintFields(b, "qfs_ino", "qfs_nblks")
	c.Str(", qfs_nextents=")
	c.Uint(uint64(le32(b[16:])))
	c.Out = append(c.Out, '}')
}

// quotaLimits prints the time and warning limits of the quota stats.
func (c *Ctx) quotaLimits(b []byte) {
	c.Str(", qs_btimelimit=")
	c.Int(int64(int32(le32(b))))
	c.Str(", qs_itimelimit=")
	c.Int(int64(int32(le32(b[4:]))))
	c.Str(", qs_rtbtimelimit=")
	c.Int(int64(int32(le32(b[8:]))))
	c.Str(", qs_bwarnlimit=")
	c.Uint(uint64(le16(b[12:])))
	c.Str(", qs_iwarnlimit=")
	c.Uint(uint64(le16(b[14:])))
}

// fsQuotaStat prints struct fs_quota_stat.
func (c *Ctx) fsQuotaStat(b []byte) {
	c.Str("{qs_version=")
	c.Int(int64(int8(b[0])))
	if c.Verbose {
		c.Str(", qs_flags=")
		c.xflags(xfsQFlags, uint64(le16(b[2:])))
		c.Str(", ")
		c.qfilestat("qs_uquota", b[8:])
		c.Str(", ")
		c.qfilestat("qs_gquota", b[32:])
		c.Str(", qs_incoredqs=")
		c.Uint(uint64(le32(b[56:])))
		c.quotaLimits(b[60:])
	} else {
		c.Str(", ...")
	}
	c.Out = append(c.Out, '}')
}

// fsQuotaStatv prints struct fs_quota_statv.
func (c *Ctx) fsQuotaStatv(b []byte) {
	c.Str("{qs_version=")
	c.Int(int64(int8(b[0])))
	if c.Verbose {
		c.Str(", qs_flags=")
		c.xflags(xfsQFlags, uint64(le16(b[2:])))
		c.Str(", qs_incoredqs=")
		c.Uint(uint64(le32(b[4:])))
		for k, name := range []string{"qs_uquota", "qs_gquota", "qs_pquota"} {
			c.Str(", ")
			c.qfilestat(name, b[8+24*k:])
		}
		c.quotaLimits(b[80:])
	} else {
		c.Str(", ...")
	}
	c.Out = append(c.Out, '}')
}

func init() {
	qcmdArg := func(k int) Arg { return In(func(c *Ctx, i int) { c.qcmd(uint32(c.Args[k])) }) }
	register(map[string]*Spec{
		"quotactl": {Args: []Arg{qcmdArg(0), PathArg,
			{P: quotaRest(0), Update: true, If: quotaHasRest(0)}}},
		"quotactl_fd": {Args: []Arg{FDArg, qcmdArg(1),
			{P: quotaRest(1), Update: true, If: quotaHasRest(1)}}},
	})
}
