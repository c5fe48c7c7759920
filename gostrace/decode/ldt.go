package decode

// x86 segment descriptors: modify_ldt, set_thread_area and
// get_thread_area with struct user_desc.

import "strconv"

const userDescSize = 16

// userDescID prints entry_number as strace's PRINT_FIELD_ID: -1 or
// unsigned.
func (c *Ctx) userDescID(v uint32) { c.uid32(v) }

// hex0x8 appends v as C's %#08x ("0x001000", "00000000" for zero).
func (c *Ctx) hex0x8(v uint32) {
	if v == 0 {
		c.Str("00000000")
		return
	}
	c.Str("0x")
	for n := 6; n > 1 && v < 1<<(4*uint(n-1)); n-- {
		c.Out = append(c.Out, '0')
	}
	c.Out = strconv.AppendUint(c.Out, uint64(v), 16)
}

// userDescFields prints the fields after entry_number.
func (c *Ctx) userDescFields(b []byte) {
	c.Str(", base_addr=")
	c.hex0x8(le32(b[4:]))
	c.Str(", limit=")
	c.hex0x8(le32(b[8:]))
	bits := le32(b[12:])
	for _, f := range userDescBits {
		c.Str(", ")
		c.Str(f.name)
		c.Out = append(c.Out, '=')
		c.Uint(uint64(bits >> f.shift & f.mask))
	}
	c.Out = append(c.Out, '}')
}

// userDescBits are the bit fields of user_desc's last word.
var userDescBits = []struct {
	name        string
	shift, mask uint32
}{
	{"seg_32bit", 0, 1}, {"contents", 1, 3}, {"read_exec_only", 3, 1}, {"limit_in_pages", 4, 1},
	{"seg_not_present", 5, 1}, {"useable", 6, 1}, {"lm", 7, 1},
}

// userDesc prints a whole struct user_desc, or its address.
func (c *Ctx) userDesc(addr uint64) {
	var b [userDescSize]byte
	if !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Str("{entry_number=")
	c.userDescID(le32(b[:]))
	c.userDescFields(b[:])
}

// getThreadArea prints entry_number at entry and the descriptor the
// kernel filled at exit ("...}" when it failed).
var getThreadArea Printer = func(c *Ctx, i int) {
	var b [userDescSize]byte
	addr := c.Args[i]
	if !c.Exiting {
		if !c.readInto(addr, b[:4]) {
			c.Addr(addr)
			return
		}
		c.Str("{entry_number=")
		c.userDescID(le32(b[:]))
		return
	}
	if addr == 0 || !c.savedOK[0] {
		return
	}
	if c.Failed || !c.readInto(addr, b[:]) {
		c.Str(", ...}")
		return
	}
	if id := le32(b[:]); int64(id) != c.saved[0] {
		c.Str(" => ")
		c.userDescID(id)
	}
	c.userDescFields(b[:])
}

// setThreadAreaRet names the entry the kernel chose.
func setThreadAreaRet(c *Ctx) {
	var b [4]byte
	c.Int(c.Ret)
	if c.readInto(c.Args[0], b[:]) { // not under -e verbose=none
		c.Str(" (entry_number=")
		c.Uint(uint64(le32(b[:])))
		c.Out = append(c.Out, ')')
	}
}

func init() {
	register(map[string]*Spec{
		"modify_ldt": {Args: []Arg{In(Int),
			In(func(c *Ctx, i int) {
				if c.Args[2] != userDescSize {
					c.Addr(c.Args[i])
					return
				}
				c.userDesc(c.Args[i])
			}), In(Ulong)}},
		"set_thread_area": {Args: []Arg{In(func(c *Ctx, i int) { c.userDesc(c.Args[i]) })}, Ret: setThreadAreaRet},
		"get_thread_area": {Args: []Arg{Upd(getThreadArea)}, Entry: func(c *Ctx) {
			var b [4]byte
			c.savedOK[0] = c.readInto(c.Args[0], b[:])
			c.saved[0] = int64(le32(b[:]))
		}},
	})
}
