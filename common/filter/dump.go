package filter

import (
	"bufio"
	"fmt"
	"io"

	"golang.org/x/net/bpf"
)

// Dump writes the program as tcpdump -d (level 1), -dd (2) or -ddd (3).
func (p *Program) Dump(w io.Writer, level int) error {
	bw := bufio.NewWriter(w)
	switch {
	case level > 2:
		fmt.Fprintf(bw, "%d\n", len(p.insns))
		for _, ins := range p.insns {
			fmt.Fprintf(bw, "%d %d %d %d\n", ins.Op, ins.Jt, ins.Jf, ins.K)
		}
	case level > 1:
		for _, ins := range p.insns {
			fmt.Fprintf(bw, "{ 0x%x, %d, %d, 0x%08x },\n", ins.Op, ins.Jt, ins.Jf, ins.K)
		}
	default:
		for i, ins := range p.insns {
			bw.WriteString(Image(ins, i))
			bw.WriteByte('\n')
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("filter: writing program: %w", err)
	}
	return nil
}

// ancillary names the Linux SKF_AD_* load offsets.
var ancillary = map[uint32]string{
	0: "proto", 4: "type", 8: "ifidx", 12: "nla", 16: "nlan", 20: "mark",
	24: "queue", 28: "hatype", 32: "rxhash", 36: "cpu", 40: "xor_x",
	44: "vlan_tci", 48: "vlanp", 52: "poff", 56: "random", 60: "vlan_tpid",
}

// opNames gives the mnemonic and operand format of each opcode; the
// operand verb is applied to k ("" means no operand).
var opNames = map[uint16][2]string{
	clsRET | retK: {"ret", "#%d"}, clsRET | retA: {"ret", ""},
	clsLD | szW | modeABS: {"ld", "abs"}, clsLD | szH | modeABS: {"ldh", "abs"}, clsLD | szB | modeABS: {"ldb", "abs"},
	clsLD | szW | modeLEN: {"ld", "#pktlen"},
	clsLD | szW | modeIND: {"ld", "[x + %d]"}, clsLD | szH | modeIND: {"ldh", "[x + %d]"}, clsLD | szB | modeIND: {"ldb", "[x + %d]"},
	clsLD | modeIMM: {"ld", "#0x%x"}, clsLDX | modeIMM: {"ldx", "#0x%x"},
	clsLDX | modeMSH | szB: {"ldxb", "4*([%d]&0xf)"},
	clsLD | modeMEM:        {"ld", "M[%d]"}, clsLDX | modeMEM: {"ldx", "M[%d]"},
	clsST: {"st", "M[%d]"}, clsSTX: {"stx", "M[%d]"},
	clsJMP | jmpJA:         {"ja", "ja"},
	clsJMP | jmpJGT | srcK: {"jgt", "#0x%x"}, clsJMP | jmpJGE | srcK: {"jge", "#0x%x"},
	clsJMP | jmpJEQ | srcK: {"jeq", "#0x%x"}, clsJMP | jmpJSET | srcK: {"jset", "#0x%x"},
	clsJMP | jmpJGT | srcX: {"jgt", "x"}, clsJMP | jmpJGE | srcX: {"jge", "x"},
	clsJMP | jmpJEQ | srcX: {"jeq", "x"}, clsJMP | jmpJSET | srcX: {"jset", "x"},
	clsALU | aluADD | srcX: {"add", "x"}, clsALU | aluSUB | srcX: {"sub", "x"},
	clsALU | aluMUL | srcX: {"mul", "x"}, clsALU | aluDIV | srcX: {"div", "x"},
	clsALU | aluMOD | srcX: {"mod", "x"}, clsALU | aluAND | srcX: {"and", "x"},
	clsALU | aluOR | srcX: {"or", "x"}, clsALU | aluXOR | srcX: {"xor", "x"},
	clsALU | aluLSH | srcX: {"lsh", "x"}, clsALU | aluRSH | srcX: {"rsh", "x"},
	clsALU | aluADD | srcK: {"add", "#%d"}, clsALU | aluSUB | srcK: {"sub", "#%d"},
	clsALU | aluMUL | srcK: {"mul", "#%d"}, clsALU | aluDIV | srcK: {"div", "#%d"},
	clsALU | aluMOD | srcK: {"mod", "#%d"}, clsALU | aluAND | srcK: {"and", "#0x%x"},
	clsALU | aluOR | srcK: {"or", "#0x%x"}, clsALU | aluXOR | srcK: {"xor", "#0x%x"},
	clsALU | aluLSH | srcK: {"lsh", "#%d"}, clsALU | aluRSH | srcK: {"rsh", "#%d"},
	clsALU | aluNEG: {"neg", ""}, clsMISC | miscTAX: {"tax", ""}, clsMISC | miscTXA: {"txa", ""},
}

// Image formats one instruction as libpcap's bpf_image does.
func Image(ins bpf.RawInstruction, n int) string {
	op, operand := "unimp", fmt.Sprintf("0x%x", ins.Op)
	if f, ok := opNames[ins.Op]; ok {
		op = f[0]
		switch f[1] {
		case "":
			operand = ""
		case "x", "#pktlen":
			operand = f[1]
		case "abs":
			if name, ok := ancillary[ins.K-skfAdOff]; ok && ins.K >= skfAdOff {
				operand = "[" + name + "]"
			} else {
				operand = fmt.Sprintf("[%d]", int32(ins.K))
			}
		case "ja":
			operand = fmt.Sprintf("%d", n+1+int(int32(ins.K)))
		default:
			if f[1][1] == '%' && f[1][2] == 'd' || f[1] == "[x + %d]" || f[1] == "M[%d]" || f[1] == "4*([%d]&0xf)" {
				operand = fmt.Sprintf(f[1], int32(ins.K))
			} else {
				operand = fmt.Sprintf(f[1], ins.K)
			}
		}
	}
	if ins.Op&0x07 == clsJMP && ins.Op&0xf0 != jmpJA {
		return fmt.Sprintf("(%03d) %-8s %-16s jt %d\tjf %d", n, op, operand, n+1+int(ins.Jt), n+1+int(ins.Jf))
	}
	return fmt.Sprintf("(%03d) %-8s %s", n, op, operand)
}
