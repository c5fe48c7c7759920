package decode

import "strconv"

// Const names one value.
type Const struct {
	Val  uint64
	Name string
}

// Xlat is an ordered table of named constants; Unknown is the comment
// strace shows for values it cannot name ("F_???").
type Xlat struct {
	Vals    []Const
	Unknown string
}

// Lookup returns the name of v.
func (x *Xlat) Lookup(v uint64) (string, bool) {
	for _, c := range x.Vals {
		if c.Val == v {
			return c.Name, true
		}
	}
	return "", false
}

// Value appends the name of v, or v in hex with the unknown comment.
func (c *Ctx) Value(x *Xlat, v uint64) {
	c.value(x, v, false)
}

// DecValue is Value with decimal fallback for unknown values.
func (c *Ctx) DecValue(x *Xlat, v uint64) {
	c.value(x, v, true)
}

func (c *Ctx) value(x *Xlat, v uint64, dec bool) {
	name, ok := x.Lookup(v)
	number := func() {
		if dec {
			c.Int(int64(v))
		} else {
			c.Hex(v)
		}
	}
	switch {
	case c.xlat == XlatRaw:
		number()
	case !ok:
		number()
		if x.Unknown != "" {
			c.Str(" /* ")
			c.Str(x.Unknown)
			c.Str(" */")
		}
	case c.xlat == XlatVerbose:
		number()
		c.Str(" /* ")
		c.Str(name)
		c.Str(" */")
	default:
		c.Str(name)
	}
}

// Flags appends v as NAME|NAME|0xrest. A zero value prints the name of
// the table's zero entry if it has one, else "0".
func (c *Ctx) Flags(x *Xlat, v uint64) {
	if c.xlat == XlatRaw {
		c.Hex(v)
		return
	}
	if c.xlat == XlatVerbose {
		c.Hex(v)
		if v == 0 {
			if name, ok := x.Lookup(0); ok {
				c.Str(" /* ")
				c.Str(name)
				c.Str(" */")
			}
			return
		}
		if !x.anyBit(v) {
			// Nothing to name: the comment says only that.
			if x.Unknown != "" {
				c.Str(" /* ")
				c.Str(x.Unknown)
				c.Str(" */")
			}
			return
		}
		c.Str(" /* ")
		c.flagNames(x, v)
		c.Str(" */")
		return
	}
	c.flagNames(x, v)
}

// anyBit reports whether a named flag of x is set in v.
func (x *Xlat) anyBit(v uint64) bool {
	for _, k := range x.Vals {
		if k.Val != 0 && v&k.Val == k.Val {
			return true
		}
	}
	return false
}

func (c *Ctx) flagNames(x *Xlat, v uint64) {
	if v == 0 {
		if name, ok := x.Lookup(0); ok {
			c.Str(name)
		} else {
			c.Out = append(c.Out, '0')
		}
		return
	}
	n := 0
	for _, k := range x.Vals {
		if k.Val != 0 && v&k.Val == k.Val {
			if n > 0 {
				c.Out = append(c.Out, '|')
			}
			c.Str(k.Name)
			v &^= k.Val
			n++
		}
	}
	if v != 0 {
		if n > 0 {
			c.Out = append(c.Out, '|')
		}
		c.Hex(v)
		if n == 0 && x.Unknown != "" {
			c.Str(" /* ")
			c.Str(x.Unknown)
			c.Str(" */")
		}
	}
}

// bit is shorthand for table entries.
func bit(v uint64, name string) Const { return Const{v, name} }

// itoa is a tiny helper for building names.
func itoa(v int) string { return strconv.Itoa(v) }

// Composite prints a value whose abbreviated form f builds from several
// tables, honouring -X: the number alone (raw), or the number with f's
// text in a comment (verbose).
func (c *Ctx) Composite(v uint64, f func()) {
	switch c.xlat {
	case XlatRaw:
		c.Hex(v)
	case XlatVerbose:
		c.Hex(v)
		c.Str(" /* ")
		c.xlat = XlatAbbrev
		f()
		c.xlat = XlatVerbose
		c.Str(" */")
	default:
		f()
	}
}
