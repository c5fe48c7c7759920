package decode

// NUMA memory policies: get_mempolicy, set_mempolicy, mbind.

var mpolModes = &Xlat{Vals: seq("MPOL_DEFAULT", "MPOL_PREFERRED", "MPOL_BIND", "MPOL_INTERLEAVE",
	"MPOL_LOCAL", "MPOL_PREFERRED_MANY"), Unknown: "MPOL_???"}

var mpolModeFlags = &Xlat{Vals: []Const{
	bit(1<<15, "MPOL_F_STATIC_NODES"), bit(1<<14, "MPOL_F_RELATIVE_NODES"), bit(1<<13, "MPOL_F_NUMA_BALANCING"),
}}

var getMempolicyFlags = &Xlat{Vals: []Const{bit(1, "MPOL_F_NODE"), bit(2, "MPOL_F_ADDR"), bit(4, "MPOL_F_MEMS_ALLOWED")}}

var mbindFlags = &Xlat{Vals: []Const{bit(1, "MPOL_MF_STRICT"), bit(2, "MPOL_MF_MOVE"), bit(4, "MPOL_MF_MOVE_ALL")}}

// mpolMode appends a policy with its mode flags.
func (c *Ctx) mpolMode(v uint64) {
	v &= 0xffffffff
	c.Composite(v, func() {
		c.Value(mpolModes, v&0xff)
		if rest := v &^ 0xff; rest != 0 {
			c.Out = append(c.Out, '|')
			c.flagNames(mpolModeFlags, rest)
		}
	})
}

// nodemask prints a node mask of maxnode-1 bits as 64-bit words.
func (c *Ctx) nodemask(addr, maxnode uint64) {
	if addr == 0 {
		c.Str("NULL")
		return
	}
	words := uint64(0)
	if maxnode > 1 {
		words = (maxnode - 1 + 63) / 64
	}
	if words > maxArray {
		c.Hex(addr)
		return
	}
	var b [8]byte
	c.Out = append(c.Out, '[')
	for k := uint64(0); k < words; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= uint64(c.Cfg.StrLen) {
			c.Str("...")
			break
		}
		if !c.readInto(addr+8*k, b[:]) {
			if k == 0 {
				c.Out = c.Out[:len(c.Out)-1]
				c.Hex(addr)
				return
			}
			c.Str("...")
			break
		}
		c.maskWord(le64(b[:]))
	}
	c.Out = append(c.Out, ']')
}

// maskWord appends v as C's %#016lx: 16 characters, 0x included
// unless v is zero.
func (c *Ctx) maskWord(v uint64) {
	const digits = "0123456789abcdef"
	var tmp [16]byte
	n := 16
	if v != 0 {
		n = 14
	}
	for i := n - 1; i >= 0; i-- {
		tmp[i] = digits[v&15]
		v >>= 4
	}
	if n == 14 {
		c.Str("0x")
	}
	c.Out = append(c.Out, tmp[:n]...)
}

func init() {
	register(map[string]*Spec{
		"get_mempolicy": {Args: []Arg{
			Out(func(c *Ctx, i int) {
				var b [4]byte
				if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
					c.Addr(c.Args[i])
					return
				}
				c.Out = append(c.Out, '[')
				c.mpolMode(uint64(le32(b[:])))
				c.Out = append(c.Out, ']')
			}),
			Out(func(c *Ctx, i int) { c.nodemask(c.Args[i], c.Args[2]) }),
			In(Ulong), In(Ptr), flagsArg(getMempolicyFlags),
		}},
		"set_mempolicy": {Args: []Arg{
			In(func(c *Ctx, i int) { c.mpolMode(c.Args[i]) }),
			In(func(c *Ctx, i int) { c.nodemask(c.Args[i], c.Args[2]) }),
			In(Ulong),
		}},
		"mbind": {Args: []Arg{
			In(Ptr), In(Ulong), In(func(c *Ctx, i int) { c.mpolMode(c.Args[i]) }),
			In(func(c *Ctx, i int) { c.nodemask(c.Args[i], c.Args[4]) }), In(Ulong), flagsArg(mbindFlags),
		}},
	})
}
