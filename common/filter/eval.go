package filter

import "golang.org/x/net/bpf"

// The evaluator runs a pre-decoded form of the program: opcodes are
// mapped to a dense enum (one jump table in the dispatch switch), jump
// offsets become absolute indexes, and the dominant "load packet field;
// compare with constant" pair is fused into one step. Loads outside the
// captured bytes reject the packet, as bpf_filter does.

type evalOp uint8

const (
	opRetK evalOp = iota
	opRetA
	opLdW
	opLdH
	opLdB
	opLdIndW
	opLdIndH
	opLdIndB
	opLdLen
	opLdImm
	opLdMem
	opLdxImm
	opLdxMem
	opLdxLen
	opLdxMsh
	opSt
	opStx
	opAddK
	opSubK
	opMulK
	opDivK
	opModK
	opAndK
	opOrK
	opXorK
	opLshK
	opRshK
	opAddX
	opSubX
	opMulX
	opDivX
	opModX
	opAndX
	opOrX
	opXorX
	opLshX
	opRshX
	opNeg
	opJa
	opJeqK
	opJgtK
	opJgeK
	opJsetK
	opJeqX
	opJgtX
	opJgeX
	opJsetX
	opTax
	opTxa
	// Fused absolute load + compare with constant.
	opLdHJeq
	opLdBJeq
	opLdWJeq
	opLdHJgt
	opLdBJgt
	opLdBJset
	opLdHJset
	opInvalid
)

type evalInsn struct {
	op     evalOp
	jt, jf uint32
	k      uint32
	k2     uint32 // compare constant of a fused instruction
}

// maxBackJumps bounds the iterations of protochain's header loop.
const maxBackJumps = 4096

type evaluator struct {
	code []evalInsn
}

var opcodeMap = map[uint16]evalOp{
	clsRET | retK: opRetK, clsRET | retA: opRetA,
	clsLD | modeABS | szW: opLdW, clsLD | modeABS | szH: opLdH, clsLD | modeABS | szB: opLdB,
	clsLD | modeIND | szW: opLdIndW, clsLD | modeIND | szH: opLdIndH, clsLD | modeIND | szB: opLdIndB,
	clsLD | modeLEN | szW: opLdLen, clsLD | modeIMM: opLdImm, clsLD | modeMEM: opLdMem,
	clsLDX | modeIMM: opLdxImm, clsLDX | modeMEM: opLdxMem, clsLDX | modeLEN | szW: opLdxLen,
	clsLDX | modeMSH | szB: opLdxMsh, clsST: opSt, clsSTX: opStx,
	clsALU | aluADD | srcK: opAddK, clsALU | aluSUB | srcK: opSubK, clsALU | aluMUL | srcK: opMulK,
	clsALU | aluDIV | srcK: opDivK, clsALU | aluMOD | srcK: opModK, clsALU | aluAND | srcK: opAndK,
	clsALU | aluOR | srcK: opOrK, clsALU | aluXOR | srcK: opXorK, clsALU | aluLSH | srcK: opLshK,
	clsALU | aluRSH | srcK: opRshK,
	clsALU | aluADD | srcX: opAddX, clsALU | aluSUB | srcX: opSubX, clsALU | aluMUL | srcX: opMulX,
	clsALU | aluDIV | srcX: opDivX, clsALU | aluMOD | srcX: opModX, clsALU | aluAND | srcX: opAndX,
	clsALU | aluOR | srcX: opOrX, clsALU | aluXOR | srcX: opXorX, clsALU | aluLSH | srcX: opLshX,
	clsALU | aluRSH | srcX: opRshX, clsALU | aluNEG: opNeg,
	clsJMP | jmpJA:         opJa,
	clsJMP | jmpJEQ | srcK: opJeqK, clsJMP | jmpJGT | srcK: opJgtK, clsJMP | jmpJGE | srcK: opJgeK,
	clsJMP | jmpJSET | srcK: opJsetK,
	clsJMP | jmpJEQ | srcX:  opJeqX, clsJMP | jmpJGT | srcX: opJgtX, clsJMP | jmpJGE | srcX: opJgeX,
	clsJMP | jmpJSET | srcX: opJsetX,
	clsMISC | miscTAX:       opTax, clsMISC | miscTXA: opTxa,
}

// fusions maps (load, jump) pairs to their fused step.
var fusions = map[[2]evalOp]evalOp{
	{opLdH, opJeqK}: opLdHJeq, {opLdB, opJeqK}: opLdBJeq, {opLdW, opJeqK}: opLdWJeq,
	{opLdH, opJgtK}: opLdHJgt, {opLdB, opJgtK}: opLdBJgt,
	{opLdB, opJsetK}: opLdBJset, {opLdH, opJsetK}: opLdHJset,
}

// compileEvaluator decodes insns. Jumps past the end, unknown opcodes and
// bad scratch indexes decode to opInvalid, which rejects the packet.
func compileEvaluator(insns []bpf.RawInstruction) evaluator {
	n := uint32(len(insns))
	code := make([]evalInsn, n+1)
	for i, ins := range insns {
		op, ok := opcodeMap[ins.Op]
		e := evalInsn{op: op, k: ins.K}
		next := uint32(i) + 1
		switch {
		case !ok:
			e.op = opInvalid
		case op == opJa:
			// Sign-extended, as libpcap's bpf_filter does: protochain
			// loops with a backward jump.
			target := int64(next) + int64(int32(ins.K))
			e.jt = uint32(target)
			if target < 0 || target >= int64(n) {
				e.op = opInvalid
			}
		case op >= opJeqK && op <= opJsetX:
			e.jt, e.jf = next+uint32(ins.Jt), next+uint32(ins.Jf)
			if e.jt >= n || e.jf >= n {
				e.op = opInvalid
			}
		case op == opLdMem || op == opLdxMem || op == opSt || op == opStx:
			if ins.K >= memWords {
				e.op = opInvalid
			}
		case (op == opDivK || op == opModK) && ins.K == 0:
			e.op = opInvalid
		}
		code[i] = e
	}
	// Falling off the end rejects.
	code[n] = evalInsn{op: opInvalid}
	for i := 0; i+1 < int(n); i++ {
		if f, ok := fusions[[2]evalOp{code[i].op, code[i+1].op}]; ok {
			j := code[i+1]
			code[i] = evalInsn{op: f, k: code[i].k, k2: j.k, jt: j.jt, jf: j.jf}
		}
	}
	return evaluator{code: code}
}

func load32(p []byte, off uint32) (uint32, bool) {
	if uint64(off)+4 > uint64(len(p)) {
		return 0, false
	}
	return uint32(p[off])<<24 | uint32(p[off+1])<<16 | uint32(p[off+2])<<8 | uint32(p[off+3]), true
}

func load16(p []byte, off uint32) (uint32, bool) {
	if uint64(off)+2 > uint64(len(p)) {
		return 0, false
	}
	return uint32(p[off])<<8 | uint32(p[off+1]), true
}

func load8(p []byte, off uint32) (uint32, bool) {
	if uint64(off) >= uint64(len(p)) {
		return 0, false
	}
	return uint32(p[off]), true
}

func jump(e *evalInsn, cond bool) uint32 {
	if cond {
		return e.jt
	}
	return e.jf
}

// run executes the program; it never allocates.
func (ev *evaluator) run(p []byte, wirelen uint32) uint32 {
	var a, x uint32
	var mem [memWords]uint32
	code := ev.code
	pc := uint32(0)
	backJumps := 0
	for int(pc) < len(code) {
		e := &code[pc]
		pc++
		var ok = true
		switch e.op {
		case opRetK:
			return e.k
		case opRetA:
			return a
		case opLdW:
			a, ok = load32(p, e.k)
		case opLdH:
			a, ok = load16(p, e.k)
		case opLdB:
			a, ok = load8(p, e.k)
		case opLdIndW:
			a, ok = loadInd(p, e.k, x, 4)
		case opLdIndH:
			a, ok = loadInd(p, e.k, x, 2)
		case opLdIndB:
			a, ok = loadInd(p, e.k, x, 1)
		case opLdLen:
			a = wirelen
		case opLdImm:
			a = e.k
		case opLdMem:
			a = mem[e.k&(memWords-1)]
		case opLdxImm:
			x = e.k
		case opLdxMem:
			x = mem[e.k&(memWords-1)]
		case opLdxLen:
			x = wirelen
		case opLdxMsh:
			var v uint32
			v, ok = load8(p, e.k)
			x = (v & 0xf) << 2
		case opSt:
			mem[e.k&(memWords-1)] = a
		case opStx:
			mem[e.k&(memWords-1)] = x
		case opAddK:
			a += e.k
		case opSubK:
			a -= e.k
		case opMulK:
			a *= e.k
		case opDivK:
			a /= e.k
		case opModK:
			a %= e.k
		case opAndK:
			a &= e.k
		case opOrK:
			a |= e.k
		case opXorK:
			a ^= e.k
		case opLshK:
			a = shl(a, e.k)
		case opRshK:
			a = shr(a, e.k)
		case opAddX:
			a += x
		case opSubX:
			a -= x
		case opMulX:
			a *= x
		case opDivX:
			if x == 0 {
				return 0
			}
			a /= x
		case opModX:
			if x == 0 {
				return 0
			}
			a %= x
		case opAndX:
			a &= x
		case opOrX:
			a |= x
		case opXorX:
			a ^= x
		case opLshX:
			a = shl(a, x)
		case opRshX:
			a = shr(a, x)
		case opNeg:
			a = -a
		case opJa:
			if e.jt < pc {
				// Only protochain jumps backwards; bound its loop so
				// a crafted header chain cannot spin forever (libpcap
				// itself would).
				if backJumps++; backJumps > maxBackJumps {
					return 0
				}
			}
			pc = e.jt
		case opJeqK:
			pc = jump(e, a == e.k)
		case opJgtK:
			pc = jump(e, a > e.k)
		case opJgeK:
			pc = jump(e, a >= e.k)
		case opJsetK:
			pc = jump(e, a&e.k != 0)
		case opJeqX:
			pc = jump(e, a == x)
		case opJgtX:
			pc = jump(e, a > x)
		case opJgeX:
			pc = jump(e, a >= x)
		case opJsetX:
			pc = jump(e, a&x != 0)
		case opTax:
			x = a
		case opTxa:
			a = x
		case opLdHJeq:
			a, ok = load16(p, e.k)
			pc = jump(e, a == e.k2)
		case opLdBJeq:
			a, ok = load8(p, e.k)
			pc = jump(e, a == e.k2)
		case opLdWJeq:
			a, ok = load32(p, e.k)
			pc = jump(e, a == e.k2)
		case opLdHJgt:
			a, ok = load16(p, e.k)
			pc = jump(e, a > e.k2)
		case opLdBJgt:
			a, ok = load8(p, e.k)
			pc = jump(e, a > e.k2)
		case opLdBJset:
			a, ok = load8(p, e.k)
			pc = jump(e, a&e.k2 != 0)
		case opLdHJset:
			a, ok = load16(p, e.k)
			pc = jump(e, a&e.k2 != 0)
		default:
			return 0
		}
		if !ok {
			return 0
		}
	}
	return 0
}

func loadInd(p []byte, k, x uint32, size uint64) (uint32, bool) {
	off := uint64(k) + uint64(x)
	if off+size > uint64(len(p)) {
		return 0, false
	}
	switch size {
	case 4:
		return load32(p, uint32(off))
	case 2:
		return load16(p, uint32(off))
	}
	return load8(p, uint32(off))
}

func shl(a, n uint32) uint32 {
	if n >= 32 {
		return 0
	}
	return a << n
}

func shr(a, n uint32) uint32 {
	if n >= 32 {
		return 0
	}
	return a >> n
}
