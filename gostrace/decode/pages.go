package decode

// Page placement: remap_file_pages, migrate_pages, move_pages and
// set_mempolicy_home_node; and futex_waitv's waiter arrays.

import "github.com/goclues/goclues/common/sysent"

// remapTypes names the mapping type bits of remap_file_pages' flags.
var remapTypes = &Xlat{Vals: []Const{{0, "MAP_FILE"}, {1, "MAP_SHARED"}, {2, "MAP_PRIVATE"}, {3, "MAP_SHARED_VALIDATE"}}}

var futexWaiterFlags = &Xlat{Vals: []Const{bit(2, "FUTEX_32"), bit(128, "FUTEX_PRIVATE_FLAG")}, Unknown: "FUTEX_???"}

// remapFlags prints MAP_FILE|MAP_NONBLOCK: the type, then the flags.
var remapFlags Printer = func(c *Ctx, i int) {
	v := c.Args[i]
	c.Composite(v, func() {
		c.Value(remapTypes, v&0xf)
		if rest := v &^ 0xf; rest != 0 {
			c.Out = append(c.Out, '|')
			c.flagNames(mmapFlags, rest)
		}
	})
}

// pagePtrs prints move_pages' array of page addresses.
var pagePtrs Printer = func(c *Ctx, i int) {
	c.array(c.Args[i], c.Args[1], 8, func(b []byte) { c.Addr(le64(b)) })
}

// pageNodes prints move_pages' array of target nodes.
var pageNodes Printer = func(c *Ctx, i int) {
	c.array(c.Args[i], c.Args[1], 4, func(b []byte) { c.Int(int64(int32(le32(b)))) })
}

// pageStatus prints move_pages' status array: nodes, or negated errno
// names for pages that could not be placed.
var pageStatus Printer = func(c *Ctx, i int) {
	c.array(c.Args[i], c.Args[1], 4, func(b []byte) {
		st := int32(le32(b))
		name, ok := sysent.ErrnoName(int(-st))
		switch {
		case st >= 0 || !ok || c.xlat == XlatRaw:
			c.Int(int64(st))
		case c.xlat == XlatVerbose:
			c.Int(int64(st))
			c.Str(" /* -")
			c.Str(name)
			c.Str(" */")
		default:
			c.Out = append(c.Out, '-')
			c.Str(name)
		}
	})
}

// futexWaiters prints futex_waitv's struct futex_waitv array.
var futexWaiters Printer = func(c *Ctx, i int) {
	c.array(c.Args[i], c.Args[1]&0xffffffff, 24, func(b []byte) {
		c.Str("{val=")
		c.Hex(le64(b))
		c.Str(", uaddr=")
		c.Addr(le64(b[8:]))
		c.Str(", flags=")
		c.xflags(futexWaiterFlags, uint64(le32(b[16:])))
		c.Out = append(c.Out, '}')
	})
}

func init() {
	register(map[string]*Spec{
		"remap_file_pages": {Args: []Arg{In(Ptr), In(Ulong), In(Prot), In(Ulong), In(remapFlags)}},
		"migrate_pages": {Args: []Arg{In(func(c *Ctx, i int) { c.ProcessID(int64(int32(c.Args[i]))) }), In(Ulong),
			In(func(c *Ctx, i int) { c.nodemask(c.Args[i], c.Args[1]) }),
			In(func(c *Ctx, i int) { c.nodemask(c.Args[i], c.Args[1]) })}},
		"move_pages": {Args: []Arg{In(func(c *Ctx, i int) { c.ProcessID(int64(int32(c.Args[i]))) }), In(Ulong),
			In(pagePtrs), In(pageNodes), Out(pageStatus), flagsArg(mbindFlags)}},
		"set_mempolicy_home_node": {Args: []Arg{In(Ptr), In(Ulong), In(Ulong), In(Hex)}},
		"futex_waitv": {Args: []Arg{In(futexWaiters), In(Uint), In(hex32), In(Timespec),
			In(func(c *Ctx, i int) { c.Value(clockIDs, c.Args[i]&0xffffffff) })}},
	})
}
