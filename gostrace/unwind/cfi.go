package unwind

import "errors"

// numRegs is how many DWARF registers the unwinder tracks on x86_64:
// rax rdx rcx rbx rsi rdi rbp rsp r8-r15 and the return address column.
const numRegs = 17

// DWARF register numbers with a role in unwinding.
const (
	regRBP = 6
	regRSP = 7
	regRIP = 16
)

var (
	errCFI    = errors.New("malformed call frame information")
	errNoInfo = errors.New("no unwind information")
	errBadReg = errors.New("register out of range")
)

// ruleKind says where a register of the caller is found.
type ruleKind uint8

const (
	ruleSame      ruleKind = iota // unchanged from the callee
	ruleUndef                     // not recoverable
	ruleOffset                    // saved at CFA+off
	ruleValOffset                 // is CFA+off
	ruleRegister                  // in register reg of the callee
	ruleExpr                      // saved at the address expr computes
	ruleValExpr                   // is the value expr computes
)

type rule struct {
	kind ruleKind
	reg  uint8
	off  int64
	expr []byte
}

// regRules is one row of the CFI table: the CFA rule and a rule for
// every tracked register.
type regRules struct {
	cfaExpr []byte // DW_CFA_def_cfa_expression, or nil
	cfaReg  uint64
	cfaOff  int64
	regs    [numRegs]rule
}

// cie is what an FDE takes from its Common Information Entry.
type cie struct {
	codeAlign uint64
	dataAlign int64
	retCol    uint64
	fdeEnc    uint8
	hasAug    bool // 'z': FDEs carry augmentation data
	signal    bool // 'S': frames of this CIE are signal frames
	insns     []byte
}

// fde is one parsed Frame Description Entry.
type fde struct {
	cie
	start, end uint64 // covered file addresses
	insns      []byte
}

// maxRemember bounds DW_CFA_remember_state nesting.
const maxRemember = 16

// parseFDE reads the FDE at address addr of im. The section data are
// taken from the file through the program headers; nothing is trusted.
func parseFDE(im *image, addr uint64) (*fde, error) {
	var f fde
	if err := parseFDEInto(&f, im.bytesAt, addr); err != nil {
		return nil, err
	}
	return &f, nil
}

// parseFDEInto parses the FDE at addr using at to fetch file bytes.
func parseFDEInto(f *fde, at func(addr, n uint64) []byte, addr uint64) error {
	body, bodyAddr, err := entry(at, addr)
	if err != nil {
		return err
	}
	r := reader{buf: body, base: bodyAddr}
	ciePtr := r.u32()
	if r.bad || ciePtr == 0 {
		return errCFI // a CIE where an FDE was expected
	}
	cieAddr := bodyAddr - uint64(ciePtr)
	if err := parseCIE(&f.cie, at, cieAddr); err != nil {
		return err
	}
	start, ok := r.pointer(f.fdeEnc, 0)
	if !ok {
		return errCFI
	}
	rng, ok := r.pointer(f.fdeEnc&0x0f, 0)
	if !ok {
		return errCFI
	}
	if f.hasAug {
		r.skip(r.uleb())
	}
	if r.bad {
		return errCFI
	}
	f.start, f.end = start, start+rng
	f.insns = body[r.pos:]
	return nil
}

// entry returns the body of the CIE or FDE at addr (after its length)
// and the address of that body.
func entry(at func(addr, n uint64) []byte, addr uint64) ([]byte, uint64, error) {
	head := at(addr, 12)
	r := reader{buf: head}
	n := uint64(r.u32())
	if r.bad || n == 0 {
		return nil, 0, errCFI
	}
	hdr := uint64(4)
	if n == 0xffffffff {
		n = r.u64()
		hdr = 12
		if r.bad {
			return nil, 0, errCFI
		}
	}
	if n > 1<<24 {
		return nil, 0, errCFI
	}
	body := at(addr+hdr, n)
	if uint64(len(body)) != n {
		return nil, 0, errCFI
	}
	return body, addr + hdr, nil
}

// parseCIE reads the CIE at addr.
func parseCIE(c *cie, at func(addr, n uint64) []byte, addr uint64) error {
	body, bodyAddr, err := entry(at, addr)
	if err != nil {
		return err
	}
	r := reader{buf: body, base: bodyAddr}
	if r.u32() != 0 {
		return errCFI
	}
	version := r.u8()
	if version != 1 && version != 3 && version != 4 {
		return errCFI
	}
	augStart := r.pos
	for r.u8() != 0 {
	}
	if r.bad {
		return errCFI // unterminated augmentation string
	}
	aug := body[augStart : r.pos-1]
	if len(aug) >= 2 && aug[0] == 'e' && aug[1] == 'h' {
		r.u64()
		aug = aug[2:]
	}
	if version == 4 {
		r.u8() // address size
		r.u8() // segment size
	}
	c.codeAlign = r.uleb()
	c.dataAlign = r.sleb()
	if version == 1 {
		c.retCol = uint64(r.u8())
	} else {
		c.retCol = r.uleb()
	}
	c.fdeEnc = pePtr
	if len(aug) > 0 && aug[0] == 'z' {
		c.hasAug = true
		n := r.uleb()
		end := r.pos + int(n)
		if n > uint64(r.left()) {
			return errCFI
		}
		for _, a := range aug[1:] {
			switch a {
			case 'R':
				c.fdeEnc = r.u8()
			case 'L':
				r.u8()
			case 'P':
				enc := r.u8()
				if _, ok := r.pointer(enc&^0x80, 0); !ok {
					return errCFI
				}
			case 'S':
				c.signal = true
			}
		}
		if r.bad || r.pos > end {
			return errCFI
		}
		r.pos = end
	} else if len(aug) > 0 {
		return errCFI // unknown augmentation without a length
	}
	if r.bad || c.retCol >= numRegs {
		return errCFI
	}
	c.insns = body[r.pos:]
	return nil
}

// DW_CFA opcodes.
const (
	cfaAdvanceLoc        = 0x40
	cfaOffset            = 0x80
	cfaRestore           = 0xc0
	cfaNop               = 0x00
	cfaSetLoc            = 0x01
	cfaAdvanceLoc1       = 0x02
	cfaAdvanceLoc2       = 0x03
	cfaAdvanceLoc4       = 0x04
	cfaOffsetExtended    = 0x05
	cfaRestoreExtended   = 0x06
	cfaUndefined         = 0x07
	cfaSameValue         = 0x08
	cfaRegister          = 0x09
	cfaRememberState     = 0x0a
	cfaRestoreState      = 0x0b
	cfaDefCfa            = 0x0c
	cfaDefCfaRegister    = 0x0d
	cfaDefCfaOffset      = 0x0e
	cfaDefCfaExpression  = 0x0f
	cfaExpression        = 0x10
	cfaOffsetExtendedSf  = 0x11
	cfaDefCfaSf          = 0x12
	cfaDefCfaOffsetSf    = 0x13
	cfaValOffset         = 0x14
	cfaValOffsetSf       = 0x15
	cfaValExpression     = 0x16
	cfaGNUArgsSize       = 0x2e
	cfaGNUNegOffsetExtSf = 0x2f
)

// cfiMachine executes CFA programs into a row of rules.
type cfiMachine struct {
	cur, initial regRules
	stack        [maxRemember]regRules
	depth        int
}

// run executes the CIE's program, then the FDE's up to and including
// the instructions at address target (a file address).
func (m *cfiMachine) run(f *fde, target uint64) error {
	m.cur = regRules{}
	m.depth = 0
	if err := m.exec(&f.cie, f.cie.insns, f.start, ^uint64(0)); err != nil {
		return err
	}
	m.initial = m.cur
	return m.exec(&f.cie, f.insns, f.start, target)
}

func (m *cfiMachine) exec(c *cie, prog []byte, loc, target uint64) error {
	r := reader{buf: prog}
	regno := func(v uint64) (int, error) {
		if v >= numRegs {
			return 0, errBadReg
		}
		return int(v), nil
	}
	for loc <= target && r.left() > 0 {
		op := r.u8()
		var arg uint64
		switch op & 0xc0 {
		case cfaAdvanceLoc:
			loc += uint64(op&0x3f) * c.codeAlign
			continue
		case cfaOffset, cfaRestore:
			arg = uint64(op & 0x3f)
			op &= 0xc0
		}
		switch op {
		case cfaNop, cfaGNUArgsSize:
			if op == cfaGNUArgsSize {
				r.uleb()
			}
		case cfaSetLoc:
			v, ok := r.pointer(c.fdeEnc, 0)
			if !ok {
				return errCFI
			}
			loc = v
		case cfaAdvanceLoc1:
			loc += uint64(r.u8()) * c.codeAlign
		case cfaAdvanceLoc2:
			loc += uint64(r.u16()) * c.codeAlign
		case cfaAdvanceLoc4:
			loc += uint64(r.u32()) * c.codeAlign
		case cfaOffset, cfaOffsetExtended, cfaOffsetExtendedSf, cfaGNUNegOffsetExtSf,
			cfaValOffset, cfaValOffsetSf:
			if op != cfaOffset {
				arg = r.uleb()
			}
			reg, err := regno(arg)
			if err != nil {
				return err
			}
			var off int64
			switch op {
			case cfaOffset, cfaOffsetExtended, cfaValOffset:
				off = int64(r.uleb()) * c.dataAlign
			case cfaGNUNegOffsetExtSf:
				off = -int64(r.uleb()) * c.dataAlign
			default:
				off = r.sleb() * c.dataAlign
			}
			kind := ruleOffset
			if op == cfaValOffset || op == cfaValOffsetSf {
				kind = ruleValOffset
			}
			m.cur.regs[reg] = rule{kind: kind, off: off}
		case cfaRestore, cfaRestoreExtended:
			if op != cfaRestore {
				arg = r.uleb()
			}
			reg, err := regno(arg)
			if err != nil {
				return err
			}
			m.cur.regs[reg] = m.initial.regs[reg]
		case cfaUndefined, cfaSameValue:
			reg, err := regno(r.uleb())
			if err != nil {
				return err
			}
			kind := ruleUndef
			if op == cfaSameValue {
				kind = ruleSame
			}
			m.cur.regs[reg] = rule{kind: kind}
		case cfaRegister:
			reg, err := regno(r.uleb())
			if err != nil {
				return err
			}
			from, err := regno(r.uleb())
			if err != nil {
				return err
			}
			m.cur.regs[reg] = rule{kind: ruleRegister, reg: uint8(from)}
		case cfaRememberState:
			if m.depth == maxRemember {
				return errCFI
			}
			m.stack[m.depth] = m.cur
			m.depth++
		case cfaRestoreState:
			if m.depth == 0 {
				return errCFI
			}
			m.depth--
			m.cur = m.stack[m.depth]
		case cfaDefCfa, cfaDefCfaSf:
			reg, err := regno(r.uleb())
			if err != nil {
				return err
			}
			m.cur.cfaReg, m.cur.cfaExpr = uint64(reg), nil
			if op == cfaDefCfa {
				m.cur.cfaOff = int64(r.uleb())
			} else {
				m.cur.cfaOff = r.sleb() * c.dataAlign
			}
		case cfaDefCfaRegister:
			reg, err := regno(r.uleb())
			if err != nil {
				return err
			}
			m.cur.cfaReg, m.cur.cfaExpr = uint64(reg), nil
		case cfaDefCfaOffset:
			m.cur.cfaOff = int64(r.uleb())
		case cfaDefCfaOffsetSf:
			m.cur.cfaOff = r.sleb() * c.dataAlign
		case cfaDefCfaExpression:
			n := r.uleb()
			if n > uint64(r.left()) {
				return errCFI
			}
			m.cur.cfaExpr = prog[r.pos : r.pos+int(n)]
			r.skip(n)
		case cfaExpression, cfaValExpression:
			reg, err := regno(r.uleb())
			if err != nil {
				return err
			}
			n := r.uleb()
			if n > uint64(r.left()) {
				return errCFI
			}
			kind := ruleExpr
			if op == cfaValExpression {
				kind = ruleValExpr
			}
			m.cur.regs[reg] = rule{kind: kind, expr: prog[r.pos : r.pos+int(n)]}
			r.skip(n)
		default:
			return errCFI
		}
		if r.bad {
			return errCFI
		}
	}
	return nil
}
