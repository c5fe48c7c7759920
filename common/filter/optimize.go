package filter

import "math/bits"

// The optimizer reproduces libpcap's (optimize.c): data-flow analysis
// over the block graph (levels, dominators, edge dominators, use/def),
// value numbering with constant folding inside blocks, peephole rules,
// jump threading along dominating edges, and/or pull-ups, then merging of
// identical blocks. It runs in the same order with the same tie-breaks so
// that optimized listings come out as tcpdump -d prints them.

// nopCode marks a statement the optimizer deleted.
const nopCode = 0xffff

// Atoms are the values the analysis tracks: the 16 scratch registers,
// then A and X; axAtom stands for "both A and X".
const (
	aAtom  = memWords
	xAtom  = memWords + 1
	nAtoms = memWords + 2
	axAtom = nAtoms
)

// edge is a branch of a block (true or false), with the set of edges that
// dominate it.
type edge struct {
	id   int
	code int // branch opcode, negated for the false edge
	edom []uint32
	succ *block
	pred *block
	next *edge // next incoming edge of succ
}

// optBlock holds the optimizer's per-block state.
type optBlock struct {
	id      int
	level   int
	et, ef  edge
	link    *block
	dom     []uint32
	inEdges *edge
	def     uint32
	kill    uint32
	inUse   uint32
	outUse  uint32
	oval    uint32
	val     [nAtoms]uint32
	optMark int
}

type vmapInfo struct {
	isConst  bool
	constVal uint32
}

type valKey struct {
	code   int
	v0, v1 uint32
}

type optimizer struct {
	done         bool
	nonBranchMov bool
	blocks       []*block
	edges        []*edge
	nodewords    int
	edgewords    int
	levels       []*block
	mark         int
	root         *block

	values map[valKey]uint32
	curval uint32
	vmap   []vmapInfo
}

func setMember(s []uint32, a int) bool { return s[a/32]&(1<<(a%32)) != 0 }
func setInsert(s []uint32, a int)      { s[a/32] |= 1 << (a % 32) }
func setIntersect(a, b []uint32) {
	for i := range a {
		a[i] &= b[i]
	}
}

func jt(b *block) *block { return b.opt.et.succ }
func jf(b *block) *block { return b.opt.ef.succ }

// optimize runs libpcap's optimizer on the graph rooted at root and
// returns the new root.
func optimize(root *block) *block {
	o := &optimizer{root: root}
	o.init()
	o.loop(false)
	o.loop(true)
	o.internBlocks()
	o.optRoot()
	for _, b := range o.blocks {
		b.jt, b.jf = jt(b), jf(b)
	}
	return o.root
}

func (o *optimizer) unmarkAll() { o.mark++ }
func (o *optimizer) marked(b *block) bool {
	return b.opt.optMark == o.mark
}

func (o *optimizer) init() {
	// Attach optimizer state and copy the successors into the edges.
	var attach func(b *block)
	seen := map[*block]bool{}
	attach = func(b *block) {
		if b == nil || seen[b] {
			return
		}
		seen[b] = true
		b.opt = &optBlock{}
		b.opt.et.succ, b.opt.ef.succ = b.jt, b.jf
		attach(b.jt)
		attach(b.jf)
	}
	attach(o.root)
	o.unmarkAll()
	var number func(b *block)
	number = func(b *block) {
		if b == nil || o.marked(b) {
			return
		}
		b.opt.optMark = o.mark
		b.opt.id = len(o.blocks)
		o.blocks = append(o.blocks, b)
		number(jt(b))
		number(jf(b))
	}
	number(o.root)
	n := len(o.blocks)
	o.edges = make([]*edge, 2*n)
	o.levels = make([]*block, n)
	o.edgewords = 2*n/32 + 1
	o.nodewords = n/32 + 1
	for i, b := range o.blocks {
		b.opt.dom = make([]uint32, o.nodewords)
		b.opt.et.edom = make([]uint32, o.edgewords)
		b.opt.ef.edom = make([]uint32, o.edgewords)
		b.opt.et.id = i
		o.edges[i] = &b.opt.et
		b.opt.ef.id = n + i
		o.edges[n+i] = &b.opt.ef
		b.opt.et.pred = b
		b.opt.ef.pred = b
	}
}

func (o *optimizer) findLevels() {
	for i := range o.levels {
		o.levels[i] = nil
	}
	o.unmarkAll()
	var walk func(b *block)
	walk = func(b *block) {
		if o.marked(b) {
			return
		}
		b.opt.optMark = o.mark
		b.opt.link = nil
		level := 0
		if jt(b) != nil {
			walk(jt(b))
			walk(jf(b))
			level = max(jt(b).opt.level, jf(b).opt.level) + 1
		}
		b.opt.level = level
		b.opt.link = o.levels[level]
		o.levels[level] = b
	}
	walk(o.root)
}

// eachLevelDown visits blocks from the root's level down to the leaves.
func (o *optimizer) eachLevelDown(fn func(b *block)) {
	for level := o.root.opt.level; level >= 0; level-- {
		for b := o.levels[level]; b != nil; b = b.opt.link {
			fn(b)
		}
	}
}

// eachLevelUp visits the non-leaf levels from the bottom up.
func (o *optimizer) eachLevelUp(fn func(b *block)) {
	for level := 1; level <= o.root.opt.level; level++ {
		for b := o.levels[level]; b != nil; b = b.opt.link {
			fn(b)
		}
	}
}

func (o *optimizer) findDom() {
	for _, b := range o.blocks {
		for i := range b.opt.dom {
			b.opt.dom[i] = 0xffffffff
		}
	}
	for i := range o.root.opt.dom {
		o.root.opt.dom[i] = 0
	}
	o.eachLevelDown(func(b *block) {
		setInsert(b.opt.dom, b.opt.id)
		if jt(b) == nil {
			return
		}
		setIntersect(jt(b).opt.dom, b.opt.dom)
		setIntersect(jf(b).opt.dom, b.opt.dom)
	})
}

func propEdom(ep *edge) {
	setInsert(ep.edom, ep.id)
	if ep.succ != nil {
		setIntersect(ep.succ.opt.et.edom, ep.edom)
		setIntersect(ep.succ.opt.ef.edom, ep.edom)
	}
}

func (o *optimizer) findEdom() {
	for _, e := range o.edges {
		for i := range e.edom {
			e.edom[i] = 0xffffffff
		}
	}
	for i := range o.root.opt.et.edom {
		o.root.opt.et.edom[i] = 0
		o.root.opt.ef.edom[i] = 0
	}
	o.eachLevelDown(func(b *block) {
		propEdom(&b.opt.et)
		propEdom(&b.opt.ef)
	})
}

func atomUse(code uint16, k uint32) int {
	if code == nopCode {
		return -1
	}
	switch code & 0x07 {
	case clsRET:
		switch code & 0x18 {
		case retA:
			return aAtom
		case srcX:
			return xAtom
		}
		return -1
	case clsLD, clsLDX:
		switch code & 0xe0 {
		case modeIND:
			return xAtom
		case modeMEM:
			return int(k)
		}
		return -1
	case clsST:
		return aAtom
	case clsSTX:
		return xAtom
	case clsJMP, clsALU:
		if code&srcX != 0 {
			return axAtom
		}
		return aAtom
	case clsMISC:
		if code&0xf8 == miscTXA {
			return xAtom
		}
		return aAtom
	}
	return -1
}

func atomDef(code uint16, k uint32) int {
	if code == nopCode {
		return -1
	}
	switch code & 0x07 {
	case clsLD, clsALU:
		return aAtom
	case clsLDX:
		return xAtom
	case clsST, clsSTX:
		return int(k)
	case clsMISC:
		if code&0xf8 == miscTAX {
			return xAtom
		}
		return aAtom
	}
	return -1
}

func addUse(use *uint32, def uint32, atom int) {
	if atom < 0 {
		return
	}
	if atom == axAtom {
		if def&(1<<xAtom) == 0 {
			*use |= 1 << xAtom
		}
		if def&(1<<aAtom) == 0 {
			*use |= 1 << aAtom
		}
		return
	}
	if def&(1<<atom) == 0 {
		*use |= 1 << atom
	}
}

func computeLocalUD(b *block) {
	var def, use, killed uint32
	for s := b.stmts; s != nil; s = s.next {
		if s.code == nopCode {
			continue
		}
		addUse(&use, def, atomUse(s.code, s.k))
		if atom := atomDef(s.code, s.k); atom >= 0 {
			if use&(1<<atom) == 0 {
				killed |= 1 << atom
			}
			def |= 1 << atom
		}
	}
	if b.code&0x07 == clsJMP {
		addUse(&use, def, atomUse(b.code, b.k))
	}
	b.opt.def, b.opt.kill, b.opt.inUse = def, killed, use
}

func (o *optimizer) findUD() {
	o.eachLevelDown(func(b *block) {
		computeLocalUD(b)
		b.opt.outUse = 0
	})
	o.eachLevelUp(func(p *block) {
		p.opt.outUse |= jt(p).opt.inUse | jf(p).opt.inUse
		p.opt.inUse |= p.opt.outUse &^ p.opt.kill
	})
}

func (o *optimizer) initVal() {
	o.curval = 0
	o.values = map[valKey]uint32{}
	o.vmap = o.vmap[:0]
	o.vmap = append(o.vmap, vmapInfo{})
}

// value is libpcap's F: the value number of code applied to v0, v1.
func (o *optimizer) value(code int, v0, v1 uint32) uint32 {
	key := valKey{code, v0, v1}
	if v, ok := o.values[key]; ok {
		return v
	}
	o.curval++
	val := o.curval
	o.values[key] = val
	info := vmapInfo{}
	if code&0xe0 == modeIMM && (code&0x07 == clsLD || code&0x07 == clsLDX) {
		info = vmapInfo{isConst: true, constVal: v0}
	}
	o.vmap = append(o.vmap, info)
	return val
}

func (o *optimizer) konst(k uint32) uint32 { return o.value(clsLD|modeIMM|szW, k, 0) }

func (o *optimizer) isConst(v uint32) bool   { return o.vmap[v].isConst }
func (o *optimizer) constOf(v uint32) uint32 { return o.vmap[v].constVal }

func (o *optimizer) changed() {
	o.nonBranchMov = true
	o.done = false
}

func vstore(s *stmt, valp *uint32, newval uint32, alter bool) {
	if alter && newval != 0 && *valp == newval {
		s.code = nopCode
	} else {
		*valp = newval
	}
}

func (o *optimizer) foldOp(s *stmt, v0, v1 uint32) {
	a, b := o.constOf(v0), o.constOf(v1)
	switch s.code & 0xf0 {
	case aluADD:
		a += b
	case aluSUB:
		a -= b
	case aluMUL:
		a *= b
	case aluDIV:
		if b == 0 {
			fail("division by zero")
		}
		a /= b
	case aluMOD:
		if b == 0 {
			fail("modulus by zero")
		}
		a %= b
	case aluAND:
		a &= b
	case aluOR:
		a |= b
	case aluXOR:
		a ^= b
	case aluLSH:
		a = shl(a, b)
	case aluRSH:
		a = shr(a, b)
	}
	s.k = a
	s.code = clsLD | modeIMM
	o.changed()
}

func thisOp(s *stmt) *stmt {
	for s != nil && s.code == nopCode {
		s = s.next
	}
	return s
}

func optNot(b *block) { b.opt.et.succ, b.opt.ef.succ = b.opt.ef.succ, b.opt.et.succ }

func (o *optimizer) peep(b *block) {
	s := b.stmts
	if s == nil {
		return
	}
	last := s
	for ; ; s = s.next {
		s = thisOp(s)
		if s == nil {
			break
		}
		next := thisOp(s.next)
		if next == nil {
			break
		}
		last = next
		if s.code == clsST && next.code == clsLDX|modeMEM && s.k == next.k {
			o.changed()
			next.code = clsMISC | miscTAX
		}
		if s.code == clsLD|modeIMM && next.code == clsMISC|miscTAX {
			s.code = clsLDX | modeIMM
			next.code = clsMISC | miscTXA
			o.changed()
		}
		if s.code == clsLD|modeIMM {
			if b.opt.outUse&(1<<xAtom) != 0 {
				continue
			}
			add := next
			if next.code == clsLDX|modeMSH|szB {
				add = thisOp(next.next)
			}
			if add == nil || add.code != clsALU|aluADD|srcX {
				continue
			}
			tax := thisOp(add.next)
			if tax == nil || tax.code != clsMISC|miscTAX {
				continue
			}
			ild := thisOp(tax.next)
			if ild == nil || ild.code&0x07 != clsLD || ild.code&0xe0 != modeIND {
				continue
			}
			ild.k += s.k
			s.code, add.code, tax.code = nopCode, nopCode, nopCode
			o.changed()
		}
	}
	if b.code == clsJMP|jmpJEQ|srcK && b.opt.outUse&(1<<aAtom) == 0 {
		switch {
		case last.code == clsALU|aluSUB|srcX:
			val := b.opt.val[xAtom]
			if o.isConst(val) {
				b.k += o.constOf(val)
				last.code = nopCode
				o.changed()
			} else if b.k == 0 {
				last.code = nopCode
				b.code = clsJMP | jmpJEQ | srcX
				o.changed()
			}
		case last.code == clsALU|aluSUB|srcK:
			last.code = nopCode
			b.k += last.k
			o.changed()
		case last.code == clsALU|aluAND|srcK && b.k == 0:
			b.k = last.k
			b.code = clsJMP | jmpJSET | srcK
			last.code = nopCode
			o.changed()
			optNot(b)
		}
	}
	if b.code == clsJMP|jmpJSET|srcK {
		if b.k == 0 {
			b.opt.et.succ = b.opt.ef.succ
		}
		if b.k == 0xffffffff {
			b.opt.ef.succ = b.opt.et.succ
		}
	}
	if val := b.opt.val[xAtom]; o.isConst(val) && b.code&srcX != 0 {
		b.code &^= srcX
		b.k = o.constOf(val)
	}
	if val := b.opt.val[aAtom]; o.isConst(val) && b.code&srcX == 0 {
		v := o.constOf(val)
		var taken bool
		switch b.code & 0xf0 {
		case jmpJEQ:
			taken = v == b.k
		case jmpJGT:
			taken = v > b.k
		case jmpJGE:
			taken = v >= b.k
		case jmpJSET:
			taken = v&b.k != 0
		}
		if jf(b) != jt(b) {
			o.changed()
		}
		if taken {
			b.opt.ef.succ = b.opt.et.succ
		} else {
			b.opt.et.succ = b.opt.ef.succ
		}
	}
}

func (o *optimizer) optStmt(s *stmt, val *[nAtoms]uint32, alter bool) {
	switch s.code {
	case clsLD | modeABS | szW, clsLD | modeABS | szH, clsLD | modeABS | szB:
		vstore(s, &val[aAtom], o.value(int(s.code), s.k, 0), alter)
	case clsLD | modeIND | szW, clsLD | modeIND | szH, clsLD | modeIND | szB:
		v := val[xAtom]
		if alter && o.isConst(v) {
			s.code = clsLD | modeABS | s.code&0x18
			s.k += o.constOf(v)
			v = o.value(int(s.code), s.k, 0)
			o.changed()
		} else {
			v = o.value(int(s.code), s.k, v)
		}
		vstore(s, &val[aAtom], v, alter)
	case clsLD | modeLEN | szW:
		vstore(s, &val[aAtom], o.value(int(s.code), 0, 0), alter)
	case clsLD | modeIMM:
		vstore(s, &val[aAtom], o.konst(s.k), alter)
	case clsLDX | modeIMM:
		vstore(s, &val[xAtom], o.konst(s.k), alter)
	case clsLDX | modeMSH | szB:
		vstore(s, &val[xAtom], o.value(int(s.code), s.k, 0), alter)
	case clsALU | aluNEG:
		if alter && o.isConst(val[aAtom]) {
			s.code = clsLD | modeIMM
			s.k = -o.constOf(val[aAtom])
			val[aAtom] = o.konst(s.k)
		} else {
			val[aAtom] = o.value(int(s.code), val[aAtom], 0)
		}
	case clsALU | aluADD | srcK, clsALU | aluSUB | srcK, clsALU | aluMUL | srcK,
		clsALU | aluDIV | srcK, clsALU | aluMOD | srcK, clsALU | aluAND | srcK,
		clsALU | aluOR | srcK, clsALU | aluXOR | srcK, clsALU | aluLSH | srcK,
		clsALU | aluRSH | srcK:
		op := s.code & 0xf0
		if alter {
			if s.k == 0 {
				switch op {
				case aluADD, aluLSH, aluRSH, aluOR, aluXOR:
					s.code = nopCode
					return
				case aluMUL, aluAND:
					s.code = clsLD | modeIMM
					val[aAtom] = o.konst(s.k)
					return
				case aluDIV:
					fail("division by zero")
				case aluMOD:
					fail("modulus by zero")
				}
			}
			if o.isConst(val[aAtom]) {
				o.foldOp(s, val[aAtom], o.konst(s.k))
				val[aAtom] = o.konst(s.k)
				return
			}
		}
		val[aAtom] = o.value(int(s.code), val[aAtom], o.konst(s.k))
	case clsALU | aluADD | srcX, clsALU | aluSUB | srcX, clsALU | aluMUL | srcX,
		clsALU | aluDIV | srcX, clsALU | aluMOD | srcX, clsALU | aluAND | srcX,
		clsALU | aluOR | srcX, clsALU | aluXOR | srcX, clsALU | aluLSH | srcX,
		clsALU | aluRSH | srcX:
		op := s.code & 0xf0
		if alter && o.isConst(val[xAtom]) {
			if o.isConst(val[aAtom]) {
				o.foldOp(s, val[aAtom], val[xAtom])
				val[aAtom] = o.konst(s.k)
			} else {
				s.code = clsALU | srcK | op
				s.k = o.constOf(val[xAtom])
				if (op == aluLSH || op == aluRSH) && s.k > 31 {
					fail("shift by more than 31 bits")
				}
				o.changed()
				val[aAtom] = o.value(int(s.code), val[aAtom], o.konst(s.k))
			}
			return
		}
		if alter && o.isConst(val[aAtom]) && o.constOf(val[aAtom]) == 0 {
			switch op {
			case aluADD, aluOR, aluXOR:
				s.code = clsMISC | miscTXA
				vstore(s, &val[aAtom], val[xAtom], alter)
				return
			case aluMUL, aluDIV, aluMOD, aluAND, aluLSH, aluRSH:
				s.code = clsLD | modeIMM
				s.k = 0
				vstore(s, &val[aAtom], o.konst(s.k), alter)
				return
			}
		}
		val[aAtom] = o.value(int(s.code), val[aAtom], val[xAtom])
	case clsMISC | miscTXA:
		vstore(s, &val[aAtom], val[xAtom], alter)
	case clsLD | modeMEM:
		v := val[s.k]
		if alter && o.isConst(v) {
			s.code = clsLD | modeIMM
			s.k = o.constOf(v)
			o.changed()
		}
		vstore(s, &val[aAtom], v, alter)
	case clsMISC | miscTAX:
		vstore(s, &val[xAtom], val[aAtom], alter)
	case clsLDX | modeMEM:
		v := val[s.k]
		if alter && o.isConst(v) {
			s.code = clsLDX | modeIMM
			s.k = o.constOf(v)
			o.changed()
		}
		vstore(s, &val[xAtom], v, alter)
	case clsST:
		vstore(s, &val[s.k], val[aAtom], alter)
	case clsSTX:
		vstore(s, &val[s.k], val[xAtom], alter)
	}
}

// deadStmt tracks, per atom, the last definition not yet used.
func (o *optimizer) deadStmt(code *uint16, k uint32, last *[nAtoms]*uint16) {
	if atom := atomUse(*code, k); atom >= 0 {
		if atom == axAtom {
			last[xAtom], last[aAtom] = nil, nil
		} else {
			last[atom] = nil
		}
	}
	if atom := atomDef(*code, k); atom >= 0 {
		if last[atom] != nil {
			o.changed()
			*last[atom] = nopCode
		}
		last[atom] = code
	}
}

func (o *optimizer) deadStores(b *block) {
	var last [nAtoms]*uint16
	for s := b.stmts; s != nil; s = s.next {
		o.deadStmt(&s.code, s.k, &last)
	}
	o.deadStmt(&b.code, b.k, &last)
	for atom := 0; atom < nAtoms; atom++ {
		if last[atom] != nil && b.opt.outUse&(1<<atom) == 0 {
			*last[atom] = nopCode
			o.changed()
		}
	}
}

func (o *optimizer) optBlk(b *block, doStmts bool) {
	p := b.opt.inEdges
	if p == nil {
		b.opt.val = [nAtoms]uint32{}
	} else {
		b.opt.val = p.pred.opt.val
		for p = p.next; p != nil; p = p.next {
			for i := range b.opt.val {
				if b.opt.val[i] != p.pred.opt.val[i] {
					b.opt.val[i] = 0
				}
			}
		}
	}
	aval, xval := b.opt.val[aAtom], b.opt.val[xAtom]
	for s := b.stmts; s != nil; s = s.next {
		o.optStmt(s, &b.opt.val, doStmts)
	}
	if doStmts && ((b.opt.outUse == 0 && aval != 0 && b.opt.val[aAtom] == aval &&
		xval != 0 && b.opt.val[xAtom] == xval) || b.code&0x07 == clsRET) {
		if b.stmts != nil {
			b.stmts = nil
			o.changed()
		}
	} else {
		o.peep(b)
		o.deadStores(b)
	}
	if b.code&srcX == 0 {
		b.opt.oval = o.konst(b.k)
	} else {
		b.opt.oval = b.opt.val[xAtom]
	}
	b.opt.et.code = int(b.code)
	b.opt.ef.code = -int(b.code)
}

func useConflict(b, succ *block) bool {
	use := succ.opt.outUse
	if use == 0 {
		return false
	}
	for atom := 0; atom < nAtoms; atom++ {
		if use&(1<<atom) != 0 && b.opt.val[atom] != succ.opt.val[atom] {
			return true
		}
	}
	return false
}

func foldEdge(child *block, ep *edge) *block {
	code, sense := ep.code, true
	if code < 0 {
		code, sense = -code, false
	}
	if int(child.code) != code {
		return nil
	}
	if child.opt.val[aAtom] != ep.pred.opt.val[aAtom] {
		return nil
	}
	if child.opt.oval == ep.pred.opt.oval {
		if sense {
			return jt(child)
		}
		return jf(child)
	}
	if sense && code == clsJMP|jmpJEQ|srcK {
		return jf(child)
	}
	return nil
}

func (o *optimizer) optJ(ep *edge) {
	if jt(ep.succ) == nil {
		return
	}
	if jt(ep.succ) == jf(ep.succ) && !useConflict(ep.pred, jt(ep.succ)) {
		o.changed()
		ep.succ = jt(ep.succ)
	}
top:
	for i := 0; i < o.edgewords; i++ {
		x := ep.edom[i]
		for x != 0 {
			k := bits.TrailingZeros32(x)
			x &^= 1 << k
			target := foldEdge(ep.succ, o.edges[i*32+k])
			if target != nil && !useConflict(ep.pred, target) {
				o.done = false
				ep.succ = target
				if jt(target) != nil {
					goto top
				}
				return
			}
		}
	}
}

// succRef returns a pointer to b's true or false successor.
func succRef(b *block, trueEdge bool) **block {
	if trueEdge {
		return &b.opt.et.succ
	}
	return &b.opt.ef.succ
}

// pullup is libpcap's or_pullup (isOr) and and_pullup: it moves a test
// of the same value ahead in a chain of tests sharing a successor.
func (o *optimizer) pullup(b *block, isOr bool) {
	ep := b.opt.inEdges
	if ep == nil {
		return
	}
	val := ep.pred.opt.val[aAtom]
	for ep = ep.next; ep != nil; ep = ep.next {
		if val != ep.pred.opt.val[aAtom] {
			return
		}
	}
	pred := b.opt.inEdges.pred
	diffp := succRef(pred, jt(pred) == b)
	// For "or" the chain runs along false edges sharing the true
	// successor; for "and" the reverse.
	shared := func(x *block) *block {
		if isOr {
			return jt(x)
		}
		return jf(x)
	}
	along := func(x *block) **block { return succRef(x, !isOr) }
	atTop := true
	for {
		if *diffp == nil || shared(*diffp) != shared(b) || !setMember((*diffp).opt.dom, b.opt.id) {
			return
		}
		if (*diffp).opt.val[aAtom] != val {
			break
		}
		diffp = along(*diffp)
		atTop = false
	}
	samep := along(*diffp)
	for {
		if *samep == nil || shared(*samep) != shared(b) || !setMember((*samep).opt.dom, b.opt.id) {
			return
		}
		if (*samep).opt.val[aAtom] == val {
			break
		}
		samep = along(*samep)
	}
	pull := *samep
	*samep = *along(pull)
	*along(pull) = *diffp
	if atTop {
		for ep := b.opt.inEdges; ep != nil; ep = ep.next {
			if jt(ep.pred) == b {
				ep.pred.opt.et.succ = pull
			} else {
				ep.pred.opt.ef.succ = pull
			}
		}
	} else {
		*diffp = pull
	}
	o.done = false
}

func (o *optimizer) findInedges() {
	for _, b := range o.blocks {
		b.opt.inEdges = nil
	}
	for level := o.root.opt.level; level > 0; level-- {
		for b := o.levels[level]; b != nil; b = b.opt.link {
			b.opt.et.next = jt(b).opt.inEdges
			jt(b).opt.inEdges = &b.opt.et
			b.opt.ef.next = jf(b).opt.inEdges
			jf(b).opt.inEdges = &b.opt.ef
		}
	}
}

func (o *optimizer) optBlks(doStmts bool) {
	o.initVal()
	o.findInedges()
	o.eachLevelDown(func(b *block) { o.optBlk(b, doStmts) })
	if doStmts {
		return
	}
	o.eachLevelUp(func(p *block) {
		o.optJ(&p.opt.et)
		o.optJ(&p.opt.ef)
	})
	o.findInedges()
	o.eachLevelUp(func(p *block) {
		o.pullup(p, true)
		o.pullup(p, false)
	})
}

func (o *optimizer) loop(doStmts bool) {
	loopCount := 0
	for {
		o.done = true
		o.nonBranchMov = false
		o.findLevels()
		o.findDom()
		o.findUD()
		o.findEdom()
		o.optBlks(doStmts)
		if o.done {
			return
		}
		if o.nonBranchMov {
			loopCount = 0
		} else if loopCount++; loopCount >= 100 {
			return
		}
	}
}

func eqSlist(x, y *stmt) bool {
	for {
		for x != nil && x.code == nopCode {
			x = x.next
		}
		for y != nil && y.code == nopCode {
			y = y.next
		}
		if x == nil {
			return y == nil
		}
		if y == nil {
			return false
		}
		if x.code != y.code || x.k != y.k {
			return false
		}
		x, y = x.next, y.next
	}
}

func eqBlk(b0, b1 *block) bool {
	return b0.code == b1.code && b0.k == b1.k && jt(b0) == jt(b1) && jf(b0) == jf(b1) && eqSlist(b0.stmts, b1.stmts)
}

func (o *optimizer) internBlocks() {
	n := len(o.blocks)
	for {
		done := true
		for _, b := range o.blocks {
			b.opt.link = nil
		}
		o.unmarkAll()
		var mark func(b *block)
		mark = func(b *block) {
			if o.marked(b) {
				return
			}
			b.opt.optMark = o.mark
			if b.code&0x07 != clsRET {
				mark(jt(b))
				mark(jf(b))
			}
		}
		mark(o.root)
		for i := n - 2; i >= 0; i-- {
			bi := o.blocks[i]
			if !o.marked(bi) {
				continue
			}
			for j := i + 1; j < n; j++ {
				bj := o.blocks[j]
				if !o.marked(bj) {
					continue
				}
				if eqBlk(bi, bj) {
					if bj.opt.link != nil {
						bi.opt.link = bj.opt.link
					} else {
						bi.opt.link = bj
					}
					break
				}
			}
		}
		for _, p := range o.blocks {
			if jt(p) == nil {
				continue
			}
			if l := jt(p).opt.link; l != nil {
				done = false
				p.opt.et.succ = l
			}
			if l := jf(p).opt.link; l != nil {
				done = false
				p.opt.ef.succ = l
			}
		}
		if done {
			return
		}
	}
}

func (o *optimizer) optRoot() {
	b := o.root
	s := b.stmts
	b.stmts = nil
	for b.code&0x07 == clsJMP && jt(b) == jf(b) {
		b = jt(b)
	}
	if tmp := b.stmts; tmp != nil {
		if s == nil {
			s = tmp
		} else {
			appendStmts(s, tmp)
		}
	}
	b.stmts = s
	if b.code&0x07 == clsRET {
		b.stmts = nil
	}
	o.root = b
}
