package decode

import "encoding/binary"

// POSIX message queues: mq_open, mq_timedsend, mq_timedreceive,
// mq_getsetattr, mq_notify, mq_unlink.

// mqAttr prints struct mq_attr.
func (c *Ctx) mqAttr(addr uint64) {
	var b [32]byte
	if addr == 0 || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	c.Str("{mq_flags=")
	c.Flags(openFlags, binary.LittleEndian.Uint64(b[:]))
	for k, name := range [...]string{"mq_maxmsg", "mq_msgsize", "mq_curmsgs"} {
		c.Str(", ")
		c.Str(name)
		c.Out = append(c.Out, '=')
		c.Int(int64(binary.LittleEndian.Uint64(b[8+8*k:])))
	}
	c.Out = append(c.Out, '}')
}

// mqOpenCreates reports whether mq_open's mode and attributes follow.
func mqOpenCreates(c *Ctx) bool { return c.Args[1]&0100 != 0 }

// mqPrio prints the priority mq_timedreceive stores: [N].
var mqPrio Printer = func(c *Ctx, i int) {
	var b [4]byte
	if c.Args[i] == 0 || c.Failed || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Out = append(c.Out, '[')
	c.Uint(uint64(binary.LittleEndian.Uint32(b[:])))
	c.Out = append(c.Out, ']')
}

func init() {
	register(map[string]*Spec{
		"mq_open": {Args: []Arg{PathArg, In(OpenFlags),
			{P: ModeArg, If: mqOpenCreates},
			{P: func(c *Ctx, i int) { c.mqAttr(c.Args[i]) }, If: mqOpenCreates}}, Ret: RetFD},
		"mq_unlink":       {Args: []Arg{PathArg}},
		"mq_timedsend":    {Args: []Arg{FDArg, In(Buf(2)), In(Ulong), In(Uint), In(Timespec)}},
		"mq_timedreceive": {Args: []Arg{FDArg, Out(BufRet), In(Ulong), Out(mqPrio), In(Timespec)}},
		"mq_getsetattr": {Args: []Arg{FDArg, In(func(c *Ctx, i int) { c.mqAttr(c.Args[i]) }),
			Out(func(c *Ctx, i int) { c.mqAttr(c.Args[i]) })}},
		"mq_notify": {Args: []Arg{FDArg, In(Sigevent)}},
	})
}
