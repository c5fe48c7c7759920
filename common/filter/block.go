package filter

import "golang.org/x/net/bpf"

// Classic BPF opcode pieces, named as in <linux/filter.h>.
const (
	clsLD   = 0x00
	clsLDX  = 0x01
	clsST   = 0x02
	clsSTX  = 0x03
	clsALU  = 0x04
	clsJMP  = 0x05
	clsRET  = 0x06
	clsMISC = 0x07

	szW = 0x00
	szH = 0x08
	szB = 0x10

	modeIMM = 0x00
	modeABS = 0x20
	modeIND = 0x40
	modeMEM = 0x60
	modeLEN = 0x80
	modeMSH = 0xa0

	aluADD = 0x00
	aluSUB = 0x10
	aluMUL = 0x20
	aluDIV = 0x30
	aluOR  = 0x40
	aluAND = 0x50
	aluLSH = 0x60
	aluRSH = 0x70
	aluNEG = 0x80
	aluMOD = 0x90
	aluXOR = 0xa0

	jmpJA   = 0x00
	jmpJEQ  = 0x10
	jmpJGT  = 0x20
	jmpJGE  = 0x30
	jmpJSET = 0x40

	srcK = 0x00
	srcX = 0x08

	retK = 0x00
	retA = 0x10

	miscTAX = 0x00
	miscTXA = 0x80

	memWords = 16
)

// stmt is one straight-line instruction inside a block. jt/jf are only
// used by the few generators (protochain, geneve) that emit jumps inside a
// block; they point at later statements of the same list.
type stmt struct {
	code   uint16
	k      uint32
	jt, jf *stmt
	next   *stmt
}

// block is a node of the control-flow graph the generators build: a list
// of statements ending in a conditional branch (or a return). While an
// expression is being assembled, the unresolved exits of a sub-graph are
// chained through the jt/jf fields, selected by sense, exactly as libpcap
// threads them, so that and/or/not compose with the same shapes.
type block struct {
	stmts  *stmt
	code   uint16
	k      uint32
	jt, jf *block
	head   *block
	sense  bool

	mark           int
	offset         int
	longjt, longjf int

	opt *optBlock // optimizer state, nil unless optimizing
}

func newStmt(code uint16, k uint32) *stmt { return &stmt{code: code, k: k} }

func newBlock(code uint16, k uint32) *block {
	b := &block{code: code, k: k}
	b.head = b
	return b
}

func retBlock(v uint32) *block { return newBlock(clsRET|retK, v) }

// appendStmts links s1 after the last statement of s0.
func appendStmts(s0, s1 *stmt) {
	for s0.next != nil {
		s0 = s0.next
	}
	s0.next = s1
}

// chain builds a statement list from its arguments.
func chain(ss ...*stmt) *stmt {
	for i := 0; i+1 < len(ss); i++ {
		ss[i].next = ss[i+1]
	}
	return ss[0]
}

// backpatch points every pending exit on list at target.
func backpatch(list, target *block) {
	for list != nil {
		var next *block
		if !list.sense {
			next = list.jt
			list.jt = target
		} else {
			next = list.jf
			list.jf = target
		}
		list = next
	}
}

// merge appends the pending-exit list b1 to the end of list b0.
func merge(b0, b1 *block) {
	p := &b0
	for *p != nil {
		if !(*p).sense {
			p = &(*p).jt
		} else {
			p = &(*p).jf
		}
	}
	*p = b1
}

// and makes b1 the conjunction "b0 and b1"; b1 stays the handle.
func and(b0, b1 *block) {
	backpatch(b0, b1.head)
	b0.sense = !b0.sense
	b1.sense = !b1.sense
	merge(b1, b0)
	b1.sense = !b1.sense
	b1.head = b0.head
}

// or makes b1 the disjunction "b0 or b1"; b1 stays the handle.
func or(b0, b1 *block) {
	b0.sense = !b0.sense
	backpatch(b0, b1.head)
	b0.sense = !b0.sense
	merge(b1, b0)
	b1.head = b0.head
}

// not negates b in place.
func not(b *block) { b.sense = !b.sense }

// finish closes the graph: true exits return snaplen, false exits 0.
func finish(p *block, snaplen uint32) *block {
	backpatch(p, retBlock(snaplen))
	p.sense = !p.sense
	backpatch(p, retBlock(0))
	return p.head
}

// linearize lays the graph out as libpcap's icode_to_fcode does: a
// depth-first walk (false branch first) filling the program from its end,
// so that each block precedes its successors. Branches too far for an
// 8-bit offset get an extra "ja" and the layout is redone.
func linearize(root *block) []bpf.RawInstruction {
	for pass := 1; ; pass++ {
		n := countInsns(root, pass*2)
		out := make([]bpf.RawInstruction, n)
		tail := n
		if emitBlock(root, out, &tail, pass*2+1) {
			return out
		}
	}
}

func countInsns(b *block, mark int) int {
	if b == nil || b.mark == mark {
		return 0
	}
	b.mark = mark
	n := countInsns(b.jt, mark) + countInsns(b.jf, mark)
	return stmtLen(b.stmts) + n + 1 + b.longjt + b.longjf
}

// stmtLen counts the statements the optimizer did not delete.
func stmtLen(s *stmt) int {
	n := 0
	for ; s != nil; s = s.next {
		if s.code != nopCode {
			n++
		}
	}
	return n
}

func emitBlock(b *block, out []bpf.RawInstruction, tail *int, mark int) bool {
	if b == nil || b.mark == mark {
		return true
	}
	b.mark = mark
	if !emitBlock(b.jf, out, tail, mark) || !emitBlock(b.jt, out, tail, mark) {
		return false
	}
	slen := stmtLen(b.stmts)
	*tail -= slen + 1 + b.longjt + b.longjf
	b.offset = *tail
	dst := b.offset
	// In-block jump targets are found among the first slen list nodes,
	// deleted ones included, as libpcap does.
	index := make(map[*stmt]int, slen)
	i := 0
	for s := b.stmts; s != nil && i < slen; s = s.next {
		index[s] = i
		i++
	}
	off := 0
	for s := b.stmts; s != nil; s = s.next {
		if s.code == nopCode {
			continue
		}
		ins := bpf.RawInstruction{Op: s.code, K: s.k}
		if s.code&0x07 == clsJMP && s.code != clsJMP|jmpJA && off != slen-2 {
			if t, ok := index[s.jt]; ok {
				ins.Jt = uint8(t - off - 1)
			}
			if f, ok := index[s.jf]; ok {
				ins.Jf = uint8(f - off - 1)
			}
		}
		out[dst] = ins
		dst++
		off++
	}
	out[dst] = bpf.RawInstruction{Op: b.code, K: b.k}
	if b.jt == nil {
		return true
	}
	extra := 0
	jt := b.jt.offset - (b.offset + slen) - 1
	if jt >= 256 {
		if b.longjt == 0 {
			b.longjt++
			return false
		}
		out[dst].Jt = uint8(extra)
		extra++
		out[dst+extra] = bpf.RawInstruction{Op: clsJMP | jmpJA, K: uint32(jt - extra)}
	} else {
		out[dst].Jt = uint8(jt)
	}
	jf := b.jf.offset - (b.offset + slen) - 1
	if jf >= 256 {
		if b.longjf == 0 {
			b.longjf++
			return false
		}
		out[dst].Jf = uint8(extra)
		extra++
		out[dst+extra] = bpf.RawInstruction{Op: clsJMP | jmpJA, K: uint32(jf - extra)}
	} else {
		out[dst].Jf = uint8(jf)
	}
	return true
}
