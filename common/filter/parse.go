package filter

// The parser follows libpcap's yacc grammar (grammar.y) and calls the
// generators in the same order the LALR parser reduces, because the
// generators carry state (scratch registers, vlan/mpls offsets).
//
// Qualifier inheritance: a bare id after "and"/"or" takes the qualifiers
// of the primitive before it ("host a or b"); a parenthesised list of
// bare ids takes those before the parenthesis ("host (a or b)").

type parser struct {
	lex lexer
	cur token
	c   *compiler
}

const syntaxError = "can't parse filter expression: syntax error"

func (p *parser) advance() { p.cur = p.lex.next() }

func (p *parser) syntax() {
	if p.cur.kind == tLexError && p.cur.err != "" {
		fail("%s", p.cur.err)
	}
	fail(syntaxError)
}

func (p *parser) isPunct(ch byte) bool { return p.cur.kind == tPunct && p.cur.punct == ch }

func (p *parser) expectPunct(ch byte) {
	if !p.isPunct(ch) {
		p.syntax()
	}
	p.advance()
}

func (p *parser) expectNum() uint32 {
	if p.cur.kind != tNUM {
		p.syntax()
	}
	v := p.cur.num
	p.advance()
	return v
}

// program parses the whole expression; nil means "accept everything".
func (p *parser) program() *block {
	p.advance()
	if p.cur.kind == tEOF {
		return nil
	}
	b, _ := p.expr(qerr)
	if p.cur.kind != tEOF {
		p.syntax()
	}
	return b
}

// expr: term { (and|or) (id|term) }.
func (p *parser) expr(q qual) (*block, qual) {
	b, q := p.term(q)
	return p.exprRest(b, q)
}

func (p *parser) exprRest(b *block, q qual) (*block, qual) {
	for p.cur.kind == tAND || p.cur.kind == tOR {
		isAnd := p.cur.kind == tAND
		p.advance()
		b2, q2 := p.idOrTerm(q)
		if isAnd {
			and(b, b2)
		} else {
			or(b, b2)
		}
		b, q = b2, q2
	}
	return b, q
}

func isIDToken(k tokKind) bool {
	return k == tID || k == tHID || k == tHID6 || k == tEID || k == tAID
}

// idOrTerm parses what may follow "and"/"or".
func (p *parser) idOrTerm(q qual) (*block, qual) {
	switch {
	case isIDToken(p.cur.kind):
		return p.nid(q), q
	case p.isPunct('!'):
		p.advance()
		b, q2 := p.idOrTerm(q)
		not(b)
		return b, q2
	case p.cur.kind == tNUM:
		v := p.cur.num
		p.advance()
		if p.arithFollows() {
			return p.relationFrom(p.c.loadI(v)), qerr
		}
		return p.c.ncode("", v, q), q
	case p.isPunct('('):
		return p.parenIn(q, ctxIDOrTerm)
	}
	return p.term(q)
}

// id parses what may follow a qualifier head.
func (p *parser) id(q qual) *block {
	switch {
	case isIDToken(p.cur.kind):
		return p.nid(q)
	case p.isPunct('!'):
		p.advance()
		b := p.id(q)
		not(b)
		return b
	case p.cur.kind == tNUM:
		v := p.cur.num
		p.advance()
		return p.c.ncode("", v, q)
	case p.isPunct('('):
		b, _ := p.parenIn(q, ctxID)
		return b
	}
	p.syntax()
	return nil
}

// nid parses a name, address or network.
func (p *parser) nid(q qual) *block {
	t := p.cur
	p.advance()
	switch t.kind {
	case tID:
		return p.c.scode(t.text, q)
	case tHID:
		if p.isPunct('/') {
			p.advance()
			return p.c.mcode(t.text, "", p.expectNum(), q)
		}
		if p.cur.kind == tNETMASK {
			p.advance()
			if p.cur.kind != tHID {
				p.syntax()
			}
			m := p.cur.text
			p.advance()
			return p.c.mcode(t.text, m, 0, q)
		}
		switch q.addr {
		case aPort:
			fail("'port' modifier applied to ip host")
		case aPortrange:
			fail("'portrange' modifier applied to ip host")
		case aProto:
			fail("'proto' modifier applied to ip host")
		case aProtochain:
			fail("'protochain' modifier applied to ip host")
		}
		return p.c.ncode(t.text, 0, q)
	case tHID6:
		if p.isPunct('/') {
			p.advance()
			return p.c.mcode6(t.text, p.expectNum(), q)
		}
		return p.c.mcode6(t.text, 128, q)
	case tEID:
		return p.c.ecode(etherAton(t.text), q)
	case tAID:
		if !isARCnet(p.c.linktype) {
			fail("aid supported only on ARCnet")
		}
		if (q.addr == aHost || q.addr == aDefault) && q.proto == pLink {
			return p.c.lanHostOp(etherAton(t.text), q.dir)
		}
		fail("ARCnet address used in non-arc expression")
	}
	p.syntax()
	return nil
}

type parenCtx int

const (
	ctxTerm parenCtx = iota
	ctxIDOrTerm
	ctxID
)

// inner is what a parenthesis held: a boolean expression (term), a list
// of bare ids (id), a number or an arithmetic value.
type inner struct {
	b    *block
	q    qual
	isID bool
	num  *uint32
	a    *arth
}

// parenIn parses a parenthesised item in the given context and returns
// the resulting boolean (numbers and arithmetic are resolved into ids or
// relations as their context demands).
func (p *parser) parenIn(q qual, ctx parenCtx) (*block, qual) {
	if ctx == ctxTerm && p.parenOpensWithID() {
		// Where no qualifier came before, libpcap's grammar has no
		// rule for a bare id: the parser stops at the id, before any
		// name is looked up.
		p.syntax()
	}
	r := p.paren(q)
	switch {
	case r.num != nil:
		if ctx != ctxID && p.arithFollows() {
			return p.relationFrom(p.c.loadI(*r.num)), qerr
		}
		if ctx == ctxTerm {
			p.syntax()
		}
		return p.c.ncode("", *r.num, q), q
	case r.a != nil:
		if ctx == ctxID {
			p.syntax()
		}
		return p.relationFrom(r.a), qerr
	case r.isID:
		if ctx == ctxTerm {
			p.syntax()
		}
		return r.b, q
	}
	if ctx == ctxID {
		p.syntax()
	}
	return r.b, q
}

// paren parses "( ... )" whose meaning is settled by its first element.
func (p *parser) paren(q qual) inner {
	p.expectPunct('(')
	r := p.parenFirst(q)
	if r.num != nil || r.a != nil {
		if p.isPunct(')') {
			p.advance()
			return r
		}
		if r = p.finishValue(r, q); r.a != nil {
			p.expectPunct(')')
			return r
		}
	}
	if r.isID {
		for p.cur.kind == tAND || p.cur.kind == tOR {
			isAnd := p.cur.kind == tAND
			p.advance()
			b2 := p.id(q)
			if isAnd {
				and(r.b, b2)
			} else {
				or(r.b, b2)
			}
			r.b = b2
		}
	} else {
		r.b, _ = p.exprRest(r.b, r.q)
	}
	p.expectPunct(')')
	return r
}

// finishValue continues a number or arithmetic value that opened a
// parenthesis: into more arithmetic (left in r.a when ')' follows), a
// relation, or, for a number followed by and/or, the first bare id.
func (p *parser) finishValue(r inner, q qual) inner {
	if r.num != nil && !p.arithFollows() {
		return inner{b: p.c.ncode("", *r.num, q), isID: true, q: q}
	}
	a := r.a
	if r.num != nil {
		a = p.c.loadI(*r.num)
	}
	a = p.arthClimb(p.arthPostfix(a), 1)
	if p.isPunct(')') {
		return inner{a: a}
	}
	return inner{b: p.relation(a), q: qerr}
}

// parenFirst parses the first element inside a parenthesis.
func (p *parser) parenFirst(q qual) inner {
	switch {
	case isIDToken(p.cur.kind):
		return inner{b: p.nid(q), isID: true, q: q}
	case p.isPunct('!'):
		p.advance()
		r := p.parenFirst(q)
		switch {
		case r.num != nil:
			r = inner{b: p.c.ncode("", *r.num, q), isID: true, q: q}
		case r.a != nil:
			p.syntax()
		}
		not(r.b)
		return r
	case p.cur.kind == tNUM:
		v := p.cur.num
		p.advance()
		return inner{num: &v}
	case p.isPunct('('):
		r := p.paren(q)
		if r.b != nil && !r.isID {
			// "((expr) …": the inner expression is a term of this one.
			return inner{b: r.b, q: q}
		}
		if r.isID {
			p.syntax()
		}
		return r
	case p.isPunct('-') || p.cur.kind == tLEN || (p.cur.kind == tPNAME && p.peekIsBracket()):
		return inner{a: p.arthPrimary()}
	}
	b, q2 := p.term(q)
	return inner{b: b, q: q2}
}

// parenOpensWithID reports whether the parenthesis at the current token
// starts, after any further '(' and '!', with a name or address.
func (p *parser) parenOpensWithID() bool {
	l := p.lex
	for {
		t := l.next()
		if t.kind == tPunct && (t.punct == '(' || t.punct == '!') {
			continue
		}
		return isIDToken(t.kind)
	}
}

// peekIsBracket reports whether the token after the current one is '['.
func (p *parser) peekIsBracket() bool {
	save := p.lex
	t := save.next()
	return t.kind == tPunct && t.punct == '['
}

// term parses a primitive that cannot be a bare id.
func (p *parser) term(q qual) (*block, qual) {
	c := p.c
	t := p.cur
	switch t.kind {
	case tPunct:
		switch t.punct {
		case '!':
			p.advance()
			b, q2 := p.term(q)
			not(b)
			return b, q2
		case '(':
			return p.parenIn(q, ctxTerm)
		case '-':
			return p.relationFrom(p.arthPrimary()), qerr
		}
	case tPNAME:
		return p.pnameTerm()
	case tSRC, tDST, tDQUAL, tHOST, tNET, tPORT, tPORTRANGE, tPROTO, tPROTOCHAIN, tGATEWAY:
		hq, ok := p.head(pDefault)
		if !ok {
			p.syntax()
		}
		return p.id(hq), hq
	case tBROADCAST:
		p.advance()
		return c.broadcast(pDefault), qerr
	case tMULTICAST:
		p.advance()
		return c.multicast(pDefault), qerr
	case tNUM, tLEN:
		return p.relationFrom(p.arthPrimary()), qerr
	case tLESS, tGREATER:
		p.advance()
		n := p.expectNum()
		if t.kind == tLESS {
			return c.less(n), qerr
		}
		return c.greater(n), qerr
	case tCBYTE:
		p.advance()
		idx := p.expectNum()
		if p.cur.kind != tPunct || !byteOpChar(p.cur.punct) {
			p.syntax()
		}
		op := p.cur.punct
		p.advance()
		return c.byteOp(op, idx, p.expectNum()), qerr
	case tINBOUND, tOUTBOUND:
		p.advance()
		return c.inbound(t.kind == tOUTBOUND), qerr
	case tIFINDEX:
		p.advance()
		return c.ifindex(p.expectNum()), qerr
	case tVLAN, tMPLS, tPPPOES, tGENEVE:
		p.advance()
		n, has := p.optPnum()
		switch t.kind {
		case tVLAN:
			return c.vlan(n, has), qerr
		case tMPLS:
			return c.mpls(n, has), qerr
		case tPPPOES:
			return c.pppoes(n, has), qerr
		}
		return c.geneve(n, has), qerr
	case tPPPOED:
		p.advance()
		return c.linktypeTest(ethertypePPPOED), qerr
	case tLLC:
		p.advance()
		switch {
		case p.cur.kind == tID:
			kind := p.cur.text
			p.advance()
			return c.llc(kind), qerr
		case p.cur.kind == tOTHERKW && p.cur.text == "rnr":
			p.advance()
			return c.llc("rnr"), qerr
		}
		return c.llc(""), qerr
	case tOTHERKW:
		if t := p.cur.text; t == "type" || t == "subtype" || t == "dir" || t == "direction" {
			return p.p80211(), qerr
		}
		if b, ok := p.c.atmKeyword(p.cur.text); ok {
			p.advance()
			return b, qerr
		}
		if t := p.cur.text; (t == "vpi" || t == "vci") && p.c.isATM() {
			p.advance()
			f := atmVPI
			if t == "vci" {
				f = atmVCI
			}
			return p.fieldValue(func(v uint32, jtype uint16, rev bool) *block {
				return p.c.atmFieldCode(f, v, jtype, rev)
			}), qerr
		}
		if b, ok := p.pfPrimitive(); ok {
			return b, qerr
		}
		if b, ok := p.c.mtp2Type(p.cur.text); ok {
			p.advance()
			return b, qerr
		}
		if _, isSS7 := p.c.ss7(); isSS7 && fieldKeywords[p.cur.text] != "" && p.cur.text[0] != 'v' {
			word := p.cur.text
			p.advance()
			return p.fieldValue(func(v uint32, jtype uint16, rev bool) *block {
				return p.c.mtp3Field(word, v, jtype, rev)
			}), qerr
		}
		p.otherKeyword()
	}
	p.syntax()
	return nil, qerr
}

func byteOpChar(ch byte) bool { return ch == '&' || ch == '|' || ch == '<' || ch == '>' || ch == '=' }

// linkOnlyKeywords are primitives of link types this package does not
// generate code for (raw ATM, MTP2, SS7), with libpcap's complaint.
var linkOnlyKeywords = map[string]string{
	"lane": "'lane' supported only on raw ATM", "metac": "'metac' supported only on raw ATM",
	"bcc": "'bcc' supported only on raw ATM", "oam": "'oam' supported only on raw ATM",
	"oamf4": "'oamf4' supported only on raw ATM", "oamf4ec": "'oam4ec' supported only on raw ATM",
	"oamf4sc": "'oam4sc' supported only on raw ATM", "sc": "'sc' supported only on raw ATM",
	"ilmic": "'ilmic' supported only on raw ATM", "connectmsg": "'connectmsg' supported only on raw ATM",
	"metaconnect": "'metaconnect' supported only on raw ATM",
	"fisu":        "'fisu' supported only on MTP2", "lssu": "'lssu' supported only on MTP2",
	"lsu": "'lssu' supported only on MTP2", "msu": "'msu' supported only on MTP2",
	"hfisu": "'hfisu' supported only on MTP2_HSL", "hlssu": "'hlssu' supported only on MTP2_HSL",
	"hmsu": "'hmsu' supported only on MTP2_HSL",
}

// fieldKeywords compare a link-specific field with a number.
var fieldKeywords = map[string]string{
	"vpi": "'vpi' supported only on raw ATM", "vci": "'vci' supported only on raw ATM",
	"sio": "'sio' supported only on SS7", "opc": "'opc' supported only on SS7",
	"dpc": "'dpc' supported only on SS7", "sls": "'sls' supported only on SS7",
	"hsio": "'sio' supported only on SS7", "hopc": "'opc' supported only on SS7",
	"hdpc": "'dpc' supported only on SS7", "hsls": "'sls' supported only on SS7",
}

// otherKeyword reports the error libpcap gives for primitives that need
// a link type this package does not handle.
func (p *parser) otherKeyword() {
	if msg, ok := linkOnlyKeywords[p.cur.text]; ok {
		fail("%s", msg)
	}
	if msg, ok := fieldKeywords[p.cur.text]; ok {
		if p.c.isATM() && (p.cur.text == "vpi" || p.cur.text == "vci") {
			return
		}
		p.advance()
		if _, _, rel := p.relop(); rel || p.cur.kind == tNUM || p.isPunct('(') {
			fail("%s", msg)
		}
		p.syntax()
	}
}

// optPnum parses the optional number after vlan/mpls/pppoes/geneve.
func (p *parser) optPnum() (uint32, bool) {
	if p.cur.kind == tNUM {
		return p.expectNum(), true
	}
	if p.isPunct('(') {
		return p.pnum(), true
	}
	return 0, false
}

func (p *parser) pnum() uint32 {
	if p.isPunct('(') {
		p.advance()
		v := p.pnum()
		p.expectPunct(')')
		return v
	}
	return p.expectNum()
}

// head parses protocol/direction/address qualifiers after an optional
// protocol name; ok is false when nothing follows the protocol name.
func (p *parser) head(proto protoQual) (qual, bool) {
	q := qual{proto: proto}
	switch p.cur.kind {
	case tSRC, tDST:
		first := p.cur.kind
		q.dir = dSrc
		if first == tDST {
			q.dir = dDst
		}
		p.advance()
		if p.cur.kind == tOR || p.cur.kind == tAND {
			if p.cur.kind == tOR {
				q.dir = dOr
			} else {
				q.dir = dAnd
			}
			p.advance()
			want := tDST
			if first == tDST {
				want = tSRC
			}
			if p.cur.kind != want {
				p.syntax()
			}
			p.advance()
		}
		q.addr = p.optAqual()
		return q, true
	case tDQUAL:
		q.dir = p.cur.dir
		p.advance()
		q.addr = p.optAqual()
		return q, true
	case tHOST, tNET, tPORT, tPORTRANGE:
		q.addr = p.optAqual()
		return q, true
	case tPROTO:
		q.addr = aProto
	case tPROTOCHAIN:
		q.addr = aProtochain
	case tGATEWAY:
		q.addr = aGateway
	default:
		return q, false
	}
	p.advance()
	return q, true
}

func (p *parser) optAqual() addrQual {
	kinds := map[tokKind]addrQual{tHOST: aHost, tNET: aNet, tPORT: aPort, tPORTRANGE: aPortrange}
	if a, ok := kinds[p.cur.kind]; ok {
		p.advance()
		return a
	}
	return aDefault
}

// pnameTerm parses a term starting with a protocol name: a qualified
// primitive, "proto[…]" arithmetic, broadcast/multicast, or the bare
// protocol test.
func (p *parser) pnameTerm() (*block, qual) {
	proto := p.cur.proto
	if p.peekIsBracket() {
		return p.relationFrom(p.arthPrimary()), qerr
	}
	p.advance()
	if hq, ok := p.head(proto); ok {
		return p.id(hq), hq
	}
	switch p.cur.kind {
	case tBROADCAST:
		p.advance()
		return p.c.broadcast(proto), qerr
	case tMULTICAST:
		p.advance()
		return p.c.multicast(proto), qerr
	case tOTHERKW:
		if t := p.cur.text; t == "type" || t == "subtype" || t == "dir" || t == "direction" {
			return p.p80211(), qerr
		}
	}
	return p.c.protoAbbrev(proto), qerr
}

// Arithmetic. Binding, loosest first: | & (<< >>) (+ -) (* /); unary
// minus binds tightest. '%' and '^' have no precedence in libpcap's
// grammar, so yacc always shifts them: they take the operand just before
// them and everything arithmetic after.

func (p *parser) binop() (uint16, int) {
	switch p.cur.kind {
	case tLSH:
		return aluLSH, 3
	case tRSH:
		return aluRSH, 3
	case tPunct:
		switch p.cur.punct {
		case '|':
			return aluOR, 1
		case '&':
			return aluAND, 2
		case '+':
			return aluADD, 4
		case '-':
			return aluSUB, 4
		case '*':
			return aluMUL, 5
		case '/':
			return aluDIV, 5
		}
	}
	return 0, 0
}

func (p *parser) isModXor() bool { return p.isPunct('%') || p.isPunct('^') }

func (p *parser) relop() (uint16, bool, bool) {
	switch p.cur.kind {
	case tGEQ:
		return jmpJGE, false, true
	case tLEQ:
		return jmpJGT, true, true
	case tNEQ:
		return jmpJEQ, true, true
	case tPunct:
		switch p.cur.punct {
		case '>':
			return jmpJGT, false, true
		case '=':
			return jmpJEQ, false, true
		case '<':
			return jmpJGE, true, true
		}
	}
	return 0, false, false
}

// arithFollows reports whether the current token continues an
// arithmetic expression or starts a relation.
func (p *parser) arithFollows() bool {
	if _, prec := p.binop(); prec > 0 {
		return true
	}
	if _, _, ok := p.relop(); ok {
		return true
	}
	return p.isModXor()
}

// relationFrom finishes "arth relop arth" given the first primary.
func (p *parser) relationFrom(a *arth) *block {
	return p.relation(p.arthClimb(p.arthPostfix(a), 1))
}

func (p *parser) relation(a *arth) *block {
	code, rev, ok := p.relop()
	if !ok {
		p.syntax()
	}
	p.advance()
	b := p.arthFull()
	return p.c.relation(code, a, b, rev)
}

func (p *parser) arthFull() *arth { return p.arthClimb(p.arthPrimary(), 1) }

func (p *parser) arthClimb(left *arth, minPrec int) *arth {
	for {
		op, prec := p.binop()
		if prec == 0 || prec < minPrec {
			return left
		}
		p.advance()
		right := p.arthPrimary()
		for {
			_, p2 := p.binop()
			if p2 <= prec {
				break
			}
			right = p.arthClimb(right, p2)
		}
		left = p.c.arith(op, left, right)
	}
}

func (p *parser) arthPostfix(a *arth) *arth {
	if p.isModXor() {
		op := uint16(aluMOD)
		if p.cur.punct == '^' {
			op = aluXOR
		}
		p.advance()
		return p.c.arith(op, a, p.arthFull())
	}
	return a
}

// arthPrimary parses one operand (with a trailing % or ^ chain).
func (p *parser) arthPrimary() *arth {
	var a *arth
	switch {
	case p.cur.kind == tNUM:
		a = p.c.loadI(p.cur.num)
		p.advance()
	case p.cur.kind == tLEN:
		p.advance()
		a = p.c.loadLen()
	case p.isPunct('-'):
		p.advance()
		return p.c.neg(p.arthPrimary())
	case p.isPunct('('):
		p.advance()
		a = p.arthFull()
		p.expectPunct(')')
	case p.cur.kind == tPNAME:
		proto := p.cur.proto
		p.advance()
		p.expectPunct('[')
		idx := p.arthFull()
		size := uint32(1)
		if p.isPunct(':') {
			p.advance()
			size = p.expectNum()
		}
		p.expectPunct(']')
		a = p.c.load(proto, idx, size)
	default:
		p.syntax()
	}
	return p.arthPostfix(a)
}
