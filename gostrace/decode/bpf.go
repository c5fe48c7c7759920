package decode

import "encoding/binary"

// Classic BPF programs (struct sock_fprog) as seccomp filters and
// SO_ATTACH_FILTER carry them: {len=N, filter=ADDR}, and with -v the
// instructions as BPF_STMT/BPF_JUMP macros.

var (
	bpfClasses = &Xlat{Vals: seq("BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX", "BPF_ALU", "BPF_JMP", "BPF_RET", "BPF_MISC"), Unknown: "BPF_???"}
	bpfSizes   = &Xlat{Vals: []Const{{0, "BPF_W"}, {0x08, "BPF_H"}, {0x10, "BPF_B"}}, Unknown: "BPF_???"}
	bpfModes   = &Xlat{Vals: []Const{{0, "BPF_IMM"}, {0x20, "BPF_ABS"}, {0x40, "BPF_IND"}, {0x60, "BPF_MEM"}, {0x80, "BPF_LEN"}, {0xa0, "BPF_MSH"}}, Unknown: "BPF_???"}
	bpfSrcs    = &Xlat{Vals: []Const{{0, "BPF_K"}, {0x08, "BPF_X"}}, Unknown: "BPF_???"}
	bpfALUOps  = &Xlat{Vals: []Const{
		{0, "BPF_ADD"}, {0x10, "BPF_SUB"}, {0x20, "BPF_MUL"}, {0x30, "BPF_DIV"}, {0x40, "BPF_OR"}, {0x50, "BPF_AND"},
		{0x60, "BPF_LSH"}, {0x70, "BPF_RSH"}, {0x80, "BPF_NEG"}, {0x90, "BPF_MOD"}, {0xa0, "BPF_XOR"},
	}, Unknown: "BPF_???"}
	bpfJmpOps  = &Xlat{Vals: []Const{{0, "BPF_JA"}, {0x10, "BPF_JEQ"}, {0x20, "BPF_JGT"}, {0x30, "BPF_JGE"}, {0x40, "BPF_JSET"}}, Unknown: "BPF_???"}
	bpfRvals   = &Xlat{Vals: []Const{{0, "BPF_K"}, {0x08, "BPF_X"}, {0x10, "BPF_A"}}, Unknown: "BPF_???"}
	bpfMiscOps = &Xlat{Vals: []Const{{0, "BPF_TAX"}, {0x80, "BPF_TXA"}}, Unknown: "BPF_???"}
)

// bpfMaxInsns bounds how many instructions are printed.
const bpfMaxInsns = 4096

// bpfCode appends an instruction's opcode as its class and fields.
func (c *Ctx) bpfCode(code uint16) {
	class := uint64(code & 7)
	rest := uint64(code &^ 7)
	c.Value(bpfClasses, class)
	extra := func() {
		if rest != 0 {
			c.Str("|")
			c.Hex(rest)
			c.Str(" /* BPF_??? */")
		}
	}
	switch class {
	case 0, 1: // LD, LDX
		c.Out = append(c.Out, '|')
		c.Value(bpfSizes, uint64(code&0x18))
		c.Out = append(c.Out, '|')
		c.Value(bpfModes, uint64(code&0xe0))
	case 2, 3: // ST, STX
		extra()
	case 7: // MISC
		c.Out = append(c.Out, '|')
		c.Value(bpfMiscOps, uint64(code&0xf8))
		rest &^= uint64(code & 0xf8)
		extra()
	case 4, 5: // ALU, JMP
		c.Out = append(c.Out, '|')
		c.Value(bpfSrcs, uint64(code&0x08))
		c.Out = append(c.Out, '|')
		if class == 4 {
			c.Value(bpfALUOps, uint64(code&0xf0))
		} else {
			c.Value(bpfJmpOps, uint64(code&0xf0))
		}
	case 6: // RET
		c.Out = append(c.Out, '|')
		c.Value(bpfRvals, uint64(code&0x18))
		rest &^= uint64(code & 0x18)
		extra()
	}
}

// fprog prints struct sock_fprog; seccomp names RET actions.
func (c *Ctx) fprog(addr uint64, seccomp bool) {
	var b [16]byte
	if addr == 0 || !c.readInto(addr, b[:]) {
		c.Addr(addr)
		return
	}
	n := int(binary.LittleEndian.Uint16(b[:]))
	filter := binary.LittleEndian.Uint64(b[8:])
	c.Str("{len=")
	c.Int(int64(n))
	c.Str(", filter=")
	if !c.Verbose || filter == 0 {
		c.Addr(filter)
		c.Out = append(c.Out, '}')
		return
	}
	var ins [8]byte
	c.Out = append(c.Out, '[')
	for k := 0; k < n; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if k >= bpfMaxInsns {
			c.Str("...")
			break
		}
		if !c.readInto(filter+uint64(k)*8, ins[:]) {
			if k == 0 {
				c.Out = c.Out[:len(c.Out)-1]
				c.Hex(filter)
				c.Out = append(c.Out, '}')
				return
			}
			c.Str("...")
			break
		}
		c.bpfInsn(ins[:], seccomp)
	}
	c.Str("]}")
}

var seccompRetActions = &Xlat{Vals: seccompActions.Vals, Unknown: "SECCOMP_RET_???"}

// bpfInsn appends one instruction: a jump when it has jump offsets,
// else a statement.
func (c *Ctx) bpfInsn(b []byte, seccomp bool) {
	code := binary.LittleEndian.Uint16(b)
	jt, jf := uint64(b[2]), uint64(b[3])
	k := uint64(binary.LittleEndian.Uint32(b[4:]))
	if jt != 0 || jf != 0 {
		c.Str("BPF_JUMP(")
		c.bpfCode(code)
		c.Str(", ")
		c.Hex(k)
		c.Str(", ")
		c.Hex(jt)
		c.Str(", ")
		c.Hex(jf)
		c.Out = append(c.Out, ')')
		return
	}
	c.Str("BPF_STMT(")
	c.bpfCode(code)
	c.Str(", ")
	if seccomp && code&7 == 6 {
		action := k & 0xffff0000
		c.Value(seccompRetActions, action)
		if data := k &^ action; data != 0 {
			c.Out = append(c.Out, '|')
			c.Hex(data)
		}
	} else {
		c.Hex(k)
	}
	c.Out = append(c.Out, ')')
}
