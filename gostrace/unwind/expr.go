package unwind

import "errors"

var errExpr = errors.New("unsupported or malformed DWARF expression")

// exprEnv gives an expression access to registers and memory of the
// frame being unwound.
type exprEnv interface {
	reg(n int) (uint64, error)
	mem(addr uint64) (uint64, error)
}

// DW_OP opcodes used in .eh_frame expressions.
const (
	opAddr       = 0x03
	opDeref      = 0x06
	opConst1u    = 0x08
	opConst1s    = 0x09
	opConst2u    = 0x0a
	opConst2s    = 0x0b
	opConst4u    = 0x0c
	opConst4s    = 0x0d
	opConst8u    = 0x0e
	opConst8s    = 0x0f
	opConstu     = 0x10
	opConsts     = 0x11
	opDup        = 0x12
	opDrop       = 0x13
	opOver       = 0x14
	opPick       = 0x15
	opSwap       = 0x16
	opRot        = 0x17
	opAbs        = 0x19
	opAnd        = 0x1a
	opDiv        = 0x1b
	opMinus      = 0x1c
	opMod        = 0x1d
	opMul        = 0x1e
	opNeg        = 0x1f
	opNot        = 0x20
	opOr         = 0x21
	opPlus       = 0x22
	opPlusUconst = 0x23
	opShl        = 0x24
	opShr        = 0x25
	opShra       = 0x26
	opXor        = 0x27
	opBra        = 0x28
	opEq         = 0x29
	opGe         = 0x2a
	opGt         = 0x2b
	opLe         = 0x2c
	opLt         = 0x2d
	opNe         = 0x2e
	opSkip       = 0x2f
	opLit0       = 0x30
	opLit31      = 0x4f
	opBreg0      = 0x70
	opBreg31     = 0x8f
	opBregx      = 0x92
	opNop        = 0x96
	opDerefSize  = 0x94
)

// maxExprStack and maxExprSteps bound evaluation of untrusted input.
const (
	maxExprStack = 64
	maxExprSteps = 1024
)

// evalExpr runs a DWARF expression with initial values pushed and
// returns the top of the stack.
func evalExpr(code []byte, env exprEnv, initial ...uint64) (uint64, error) {
	var st [maxExprStack]uint64
	sp := 0
	push := func(v uint64) bool {
		if sp == maxExprStack {
			return false
		}
		st[sp] = v
		sp++
		return true
	}
	for _, v := range initial {
		push(v)
	}
	r := reader{buf: code}
	for steps := 0; r.left() > 0; steps++ {
		if steps == maxExprSteps {
			return 0, errExpr
		}
		op := r.u8()
		need := func(n int) bool { return sp >= n }
		switch {
		case op >= opLit0 && op <= opLit31:
			if !push(uint64(op - opLit0)) {
				return 0, errExpr
			}
			continue
		case op >= opBreg0 && op <= opBreg31 || op == opBregx:
			n := uint64(op - opBreg0)
			if op == opBregx {
				n = r.uleb()
			}
			off := r.sleb()
			if n >= numRegs {
				return 0, errBadReg
			}
			v, err := env.reg(int(n))
			if err != nil {
				return 0, err
			}
			if !push(v + uint64(off)) {
				return 0, errExpr
			}
			continue
		}
		var ok = true
		switch op {
		case opNop:
		case opAddr, opConst8u, opConst8s:
			ok = push(r.u64())
		case opConst1u:
			ok = push(uint64(r.u8()))
		case opConst1s:
			ok = push(uint64(int64(int8(r.u8()))))
		case opConst2u:
			ok = push(uint64(r.u16()))
		case opConst2s:
			ok = push(uint64(int64(int16(r.u16()))))
		case opConst4u:
			ok = push(uint64(r.u32()))
		case opConst4s:
			ok = push(uint64(int64(int32(r.u32()))))
		case opConstu:
			ok = push(r.uleb())
		case opConsts:
			ok = push(uint64(r.sleb()))
		case opDup:
			ok = need(1) && push(st[sp-1])
		case opDrop:
			if ok = need(1); ok {
				sp--
			}
		case opOver:
			ok = need(2) && push(st[sp-2])
		case opPick:
			i := int(r.u8())
			ok = need(i+1) && push(st[sp-1-i])
		case opSwap:
			if ok = need(2); ok {
				st[sp-1], st[sp-2] = st[sp-2], st[sp-1]
			}
		case opRot:
			if ok = need(3); ok {
				st[sp-1], st[sp-2], st[sp-3] = st[sp-2], st[sp-3], st[sp-1]
			}
		case opDeref, opDerefSize:
			size := uint8(8)
			if op == opDerefSize {
				size = r.u8()
			}
			if ok = need(1) && size >= 1 && size <= 8; ok {
				v, err := env.mem(st[sp-1])
				if err != nil {
					return 0, err
				}
				if size < 8 {
					v &= 1<<(8*size) - 1
				}
				st[sp-1] = v
			}
		case opAbs, opNeg, opNot:
			if ok = need(1); ok {
				v := int64(st[sp-1])
				switch op {
				case opAbs:
					if v < 0 {
						v = -v
					}
				case opNeg:
					v = -v
				default:
					v = ^v
				}
				st[sp-1] = uint64(v)
			}
		case opPlusUconst:
			if ok = need(1); ok {
				st[sp-1] += r.uleb()
			}
		case opAnd, opDiv, opMinus, opMod, opMul, opOr, opPlus, opShl, opShr, opShra, opXor,
			opEq, opGe, opGt, opLe, opLt, opNe:
			if ok = need(2); ok {
				b, a := st[sp-1], st[sp-2]
				sp--
				v, good := binaryOp(op, a, b)
				if !good {
					return 0, errExpr
				}
				st[sp-1] = v
			}
		case opSkip, opBra:
			off := int(int16(r.u16()))
			take := true
			if op == opBra {
				if ok = need(1); ok {
					take = st[sp-1] != 0
					sp--
				}
			}
			if ok && take {
				pos := r.pos + off
				if pos < 0 || pos > len(code) {
					return 0, errExpr
				}
				r.pos = pos
			}
		default:
			return 0, errExpr
		}
		if !ok || r.bad {
			return 0, errExpr
		}
	}
	if sp == 0 {
		return 0, errExpr
	}
	return st[sp-1], nil
}

// binaryOp applies a two-operand DW_OP to a (deeper) and b (top).
func binaryOp(op uint8, a, b uint64) (uint64, bool) {
	bool2 := func(c bool) uint64 {
		if c {
			return 1
		}
		return 0
	}
	switch op {
	case opAnd:
		return a & b, true
	case opDiv:
		if b == 0 {
			return 0, false
		}
		return uint64(int64(a) / int64(b)), true
	case opMinus:
		return a - b, true
	case opMod:
		if b == 0 {
			return 0, false
		}
		return a % b, true
	case opMul:
		return a * b, true
	case opOr:
		return a | b, true
	case opPlus:
		return a + b, true
	case opShl:
		return a << (b & 63), true
	case opShr:
		return a >> (b & 63), true
	case opShra:
		return uint64(int64(a) >> (b & 63)), true
	case opXor:
		return a ^ b, true
	case opEq:
		return bool2(int64(a) == int64(b)), true
	case opGe:
		return bool2(int64(a) >= int64(b)), true
	case opGt:
		return bool2(int64(a) > int64(b)), true
	case opLe:
		return bool2(int64(a) <= int64(b)), true
	case opLt:
		return bool2(int64(a) < int64(b)), true
	case opNe:
		return bool2(int64(a) != int64(b)), true
	}
	return 0, false
}
