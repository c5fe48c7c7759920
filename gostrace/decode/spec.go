package decode

import (
	"github.com/goclues/goclues/common/sysent"
)

// Printer appends argument i of the call in c.
type Printer func(c *Ctx, i int)

// Arg is one printed argument; Out marks arguments the kernel fills in,
// which strace prints at system call exit.
type Arg struct {
	P    Printer
	Out  bool
	Kind ArgKind
	// If, when set, decides whether the argument is printed at all
	// (open's mode only with O_CREAT).
	If func(c *Ctx) bool
	// Update marks an argument printed at entry whose printer is called
	// again at exit, failed or not, to append what the kernel changed
	// (clone3's " => {parent_tid=[N]}").
	Update bool
	// Exit marks an argument printed at exit by its printer whether or
	// not the call failed (prctl's option-dependent arguments).
	Exit bool
}

// atExit reports whether the argument is printed at system call exit.
func (a Arg) atExit() bool { return a.Out || a.Exit }

// covered stands for an argument another printer already showed.
var covered = Arg{If: func(*Ctx) bool { return false }}

// Upd builds an argument printed at entry and completed at exit.
func Upd(p Printer) Arg { return Arg{P: p, Update: true} }

// ArgKind marks arguments that name files, for -P.
type ArgKind int

// Argument kinds.
const (
	KindOther ArgKind = iota
	KindPath
	KindFD
)

// PathArg and FDArg are the file-naming arguments.
var (
	PathArg = Arg{P: Path, Kind: KindPath}
	FDArg   = Arg{P: FD, Kind: KindFD}
	DirArg  = Arg{P: DirFD, Kind: KindFD}
)

// RetPrinter appends a successful return value.
type RetPrinter func(c *Ctx)

// Spec describes how a system call is printed.
type Spec struct {
	Args []Arg
	Ret  RetPrinter
	// NoReturn marks calls that do not return on success (exit, execve
	// never returning is handled by the tracer).
	NoReturn bool
	// Entry, when set, runs at system call entry to keep what the exit
	// printers compare with (the socklen a call received).
	Entry func(c *Ctx)
}

// In and Out build arguments.
func In(p Printer) Arg { return Arg{P: p} }

// Out marks an argument printed at exit.
func Out(p Printer) Arg { return Arg{P: p, Out: true} }

var specs [sysent.Max]*Spec

// register adds a subsystem table to the spec index.
func register(table map[string]*Spec) {
	for name, s := range table {
		nr, ok := sysent.Number(name)
		if !ok {
			panic("decode: unknown system call " + name)
		}
		if specs[nr] != nil {
			panic("decode: system call " + name + " registered twice")
		}
		specs[nr] = s
	}
}

// lookup returns the Spec of nr, or nil for calls printed raw.
func lookup(nr int) *Spec {
	if nr < 0 || nr >= len(specs) {
		return nil
	}
	return specs[nr]
}

// EntryArgs appends "name(" and the arguments printed at entry and
// returns how many arguments were printed. raw forces hex arguments.
func EntryArgs(c *Ctx, raw bool) int {
	c.Exiting = false
	c.xlat = c.Cfg.XlatStyle
	c.Str(sysent.Name(c.Nr))
	c.Out = append(c.Out, '(')
	s := lookup(c.Nr)
	if s == nil || raw {
		n := 6
		if e, ok := sysent.Lookup(c.Nr); ok {
			n = e.NArgs
		}
		for i := 0; i < n; i++ {
			if i > 0 {
				c.Str(", ")
			}
			c.Hex(c.Args[i])
		}
		return n
	}
	if s.Entry != nil {
		s.Entry(c)
	}
	for i, a := range s.Args {
		if a.If != nil && !a.If(c) {
			continue
		}
		if i > 0 {
			c.Str(", ")
		}
		if a.atExit() {
			return i
		}
		a.P(c, i)
		if a.Update {
			return i
		}
	}
	return len(s.Args)
}

// ExitArgs appends the arguments from index from on and the closing
// parenthesis.
func ExitArgs(c *Ctx, from int, raw bool) {
	c.Exiting = true
	c.xlat = c.Cfg.XlatStyle
	s := lookup(c.Nr)
	if s == nil || raw {
		c.Out = append(c.Out, ')')
		return
	}
	for i := from; i < len(s.Args); i++ {
		a := s.Args[i]
		if a.If != nil && !a.If(c) {
			continue
		}
		if i == from && a.Update {
			a.P(c, i) // it sees c.Failed and decides what a failure shows
			continue
		}
		if i > from {
			c.Str(", ")
		}
		if a.Out && c.Failed {
			c.Addr(c.Args[i])
			continue
		}
		a.P(c, i)
	}
	c.Out = append(c.Out, ')')
}

// Return appends the successful return value (without "= ").
func Return(c *Ctx, raw bool) {
	c.xlat = c.Cfg.XlatStyle
	s := lookup(c.Nr)
	switch {
	case raw:
		c.Hex(uint64(c.Ret))
	case s == nil || s.Ret == nil:
		c.Int(c.Ret)
	default:
		s.Ret(c)
	}
}

// Pending reports whether arguments from index from on were still to be
// printed at exit.
func Pending(c *Ctx, from int) bool {
	s := lookup(c.Nr)
	return s != nil && from < len(s.Args)
}
