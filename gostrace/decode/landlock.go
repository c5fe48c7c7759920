package decode

// Landlock rules: landlock_add_rule with its path-beneath attribute,
// and landlock_restrict_self.

var landlockRuleTypes = &Xlat{Vals: []Const{{1, "LANDLOCK_RULE_PATH_BENEATH"}}, Unknown: "LANDLOCK_RULE_???"}

var landlockAccessFS = &Xlat{Vals: []Const{
	bit(1, "LANDLOCK_ACCESS_FS_EXECUTE"), bit(2, "LANDLOCK_ACCESS_FS_WRITE_FILE"), bit(4, "LANDLOCK_ACCESS_FS_READ_FILE"),
	bit(8, "LANDLOCK_ACCESS_FS_READ_DIR"), bit(0x10, "LANDLOCK_ACCESS_FS_REMOVE_DIR"), bit(0x20, "LANDLOCK_ACCESS_FS_REMOVE_FILE"),
	bit(0x40, "LANDLOCK_ACCESS_FS_MAKE_CHAR"), bit(0x80, "LANDLOCK_ACCESS_FS_MAKE_DIR"), bit(0x100, "LANDLOCK_ACCESS_FS_MAKE_REG"),
	bit(0x200, "LANDLOCK_ACCESS_FS_MAKE_SOCK"), bit(0x400, "LANDLOCK_ACCESS_FS_MAKE_FIFO"), bit(0x800, "LANDLOCK_ACCESS_FS_MAKE_BLOCK"),
	bit(0x1000, "LANDLOCK_ACCESS_FS_MAKE_SYM"), bit(0x2000, "LANDLOCK_ACCESS_FS_REFER"),
}, Unknown: "LANDLOCK_ACCESS_FS_???"}

const landlockRulePathBeneath = 1

// landlockRuleAttr prints the rule attribute of a known rule type: a
// packed struct landlock_path_beneath_attr {u64 access; s32 fd}.
var landlockRuleAttr Printer = func(c *Ctx, i int) {
	var b [12]byte
	if uint32(c.Args[1]) != landlockRulePathBeneath || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Str("{allowed_access=")
	c.xflags(landlockAccessFS, le64(b[:]))
	c.Str(", parent_fd=")
	c.FD(int32(le32(b[8:])))
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"landlock_add_rule": {Args: []Arg{FDArg,
			In(func(c *Ctx, i int) { c.Value(landlockRuleTypes, c.Args[i]&0xffffffff) }),
			In(landlockRuleAttr), In(hex32)}},
		"landlock_restrict_self": {Args: []Arg{FDArg, In(hex32)}},
	})
}
