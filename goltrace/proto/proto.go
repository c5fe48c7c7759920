// Package proto parses ltrace's prototype configuration (ltrace.conf(5)):
// function declarations such as "int puts(string);", typedefs, and the
// type language they use (integers with hex/octal lenses, strings with
// length expressions, arrays, structs, enums, bit vectors, pointers and
// output parameters marked with '+').
//
// The files are read from disk and may be edited by anyone, so the parser
// treats them as untrusted: malformed lines are reported as errors and
// never cause a panic.
package proto

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Kind is the shape of a value.
type Kind uint8

// Kinds of types.
const (
	Void Kind = iota
	Int
	Uint
	Long
	Ulong
	Short
	Ushort
	Char
	Float
	Double
	Addr
	File
	Format // printf format: the string, then the arguments it describes
	String // NUL-terminated or length-limited character data
	Array
	Struct
	Enum
	Bitvec
	Pointer
)

// Lens says how an integer is shown.
type Lens uint8

// Lenses.
const (
	Plain Lens = iota
	Hex
	Octal
)

// ExprKind is the kind of a length expression.
type ExprKind uint8

// Length expressions: none, a constant, argument N (1-based), the return
// value, or "until a zero element".
const (
	NoExpr ExprKind = iota
	Const
	Arg
	Retval
	Zero
)

// Expr is a length expression as in array(char, arg3).
type Expr struct {
	Kind ExprKind
	N    int64
	// NulStop ends the data early at a NUL byte (the legacy stringN
	// spelling, ltrace's zero(argN)).
	NulStop bool
}

// EnumValue is one name of an enum.
type EnumValue struct {
	Name  string
	Value int64
}

// Type is a parsed type.
type Type struct {
	Kind   Kind
	Lens   Lens
	Elem   *Type // Pointer, Array, String over array, Bitvec/Enum base
	Len    Expr  // Array length; String length limit
	Fields []*Type
	Enum   []EnumValue
}

// Param is a function parameter.
type Param struct {
	Type *Type
	Out  bool // '+': printed when the call returns
}

// Func is one prototype.
type Func struct {
	Name   string
	Ret    *Type
	Params []Param
}

// Config is a set of prototypes.
type Config struct {
	Funcs    map[string]*Func
	typedefs map[string]*Type
}

// New returns an empty configuration.
func New() *Config {
	return &Config{Funcs: map[string]*Func{}, typedefs: map[string]*Type{}}
}

// Lookup returns the prototype of name.
func (c *Config) Lookup(name string) (*Func, bool) {
	f, ok := c.Funcs[name]
	return f, ok
}

// LoadFile parses the file at path into c.
func (c *Config) LoadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return c.Load(f, path)
}

// LineError is a parse error with its position.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Load parses declarations from r. Lines that do not parse are skipped
// and the first such error is returned once everything else is loaded,
// as ltrace warns and goes on.
func (c *Config) Load(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var first error
	for n := 1; sc.Scan(); n++ {
		if err := c.ParseLine(sc.Text()); err != nil && first == nil {
			first = &LineError{File: name, Line: n, Msg: err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return first
}

// ParseLine parses one line: a comment, a blank line, a typedef or a
// function declaration.
func (c *Config) ParseLine(line string) error {
	p := &parser{s: line, cfg: c}
	p.ws()
	if p.eof() || p.peek() == ';' {
		return nil
	}
	if p.keyword("typedef") {
		name := p.ident()
		if name == "" {
			return fmt.Errorf("typedef without a name")
		}
		p.ws()
		if !p.eat('=') {
			return fmt.Errorf("typedef %s: expected '='", name)
		}
		t, err := p.typ()
		if err != nil {
			return fmt.Errorf("typedef %s: %w", name, err)
		}
		if !p.eat(';') {
			return fmt.Errorf("typedef %s: expected ';'", name)
		}
		c.typedefs[name] = t
		return nil
	}
	ret, err := p.typ()
	if err != nil {
		return fmt.Errorf("return type: %w", err)
	}
	name := p.ident()
	if name == "" {
		return fmt.Errorf("expected a function name")
	}
	p.ws()
	if !p.eat('(') {
		return fmt.Errorf("%s: expected '('", name)
	}
	f := &Func{Name: name, Ret: ret}
	p.ws()
	if !p.eat(')') {
		for {
			p.ws()
			out := p.eat('+')
			t, err := p.typ()
			if err != nil {
				return fmt.Errorf("%s: parameter %d: %w", name, len(f.Params)+1, err)
			}
			if t.Kind != Void {
				f.Params = append(f.Params, Param{Type: t, Out: out})
			}
			p.ws()
			if p.eat(')') {
				break
			}
			if !p.eat(',') {
				return fmt.Errorf("%s: expected ',' or ')'", name)
			}
		}
	}
	p.ws()
	if !p.eat(';') {
		return fmt.Errorf("%s: expected ';'", name)
	}
	c.Funcs[name] = f
	return nil
}

type parser struct {
	s   string
	i   int
	cfg *Config
	// depth bounds nesting so hostile input cannot exhaust the stack.
	depth int
}

const maxDepth = 64

func (p *parser) eof() bool  { return p.i >= len(p.s) }
func (p *parser) peek() byte { return p.s[p.i] }

func (p *parser) ws() {
	for !p.eof() && (p.peek() == ' ' || p.peek() == '\t' || p.peek() == '\r') {
		p.i++
	}
}

func (p *parser) eat(b byte) bool {
	p.ws()
	if !p.eof() && p.peek() == b {
		p.i++
		return true
	}
	return false
}

func isIdent(b byte, first bool) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || !first && b >= '0' && b <= '9'
}

func (p *parser) ident() string {
	p.ws()
	start := p.i
	for !p.eof() && isIdent(p.peek(), p.i == start) {
		p.i++
	}
	return p.s[start:p.i]
}

// keyword consumes word when it stands alone at the cursor.
func (p *parser) keyword(word string) bool {
	p.ws()
	if strings.HasPrefix(p.s[p.i:], word) {
		end := p.i + len(word)
		if end == len(p.s) || !isIdent(p.s[end], false) {
			p.i = end
			return true
		}
	}
	return false
}

func (p *parser) number() (int64, bool) {
	p.ws()
	start := p.i
	if !p.eof() && p.peek() == '-' {
		p.i++
	}
	for !p.eof() && (isIdent(p.peek(), false)) {
		p.i++
	}
	v, err := strconv.ParseInt(p.s[start:p.i], 0, 64)
	if err != nil {
		p.i = start
		return 0, false
	}
	return v, true
}

// simple names the types spelled by one word.
var simple = map[string]Kind{
	"void": Void, "int": Int, "uint": Uint, "long": Long, "ulong": Ulong,
	"short": Short, "ushort": Ushort, "char": Char, "float": Float,
	"double": Double, "addr": Addr, "file": File, "format": Format,
	"string": String, "bool": Int,
}

func (p *parser) typ() (*Type, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return nil, fmt.Errorf("types nested too deeply")
	}
	t, err := p.base()
	if err != nil {
		return nil, err
	}
	for p.eat('*') {
		t = &Type{Kind: Pointer, Elem: t}
	}
	return t, nil
}

func (p *parser) base() (*Type, error) {
	name := p.ident()
	switch name {
	case "":
		return nil, fmt.Errorf("expected a type at column %d", p.i+1)
	case "hex", "octal":
		lens := Hex
		if name == "octal" {
			lens = Octal
		}
		if !p.eat('(') {
			if lens == Octal {
				return &Type{Kind: Int, Lens: Octal}, nil
			}
			return nil, fmt.Errorf("hex needs a type")
		}
		inner, err := p.typ()
		if err != nil {
			return nil, err
		}
		if !p.eat(')') {
			return nil, fmt.Errorf("%s(: expected ')'", name)
		}
		cp := *inner
		cp.Lens = lens
		return &cp, nil
	case "string":
		return p.stringType()
	case "array":
		if !p.eat('(') {
			return nil, fmt.Errorf("array: expected '('")
		}
		elem, err := p.typ()
		if err != nil {
			return nil, err
		}
		if !p.eat(',') {
			return nil, fmt.Errorf("array: expected ','")
		}
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		if !p.eat(')') {
			return nil, fmt.Errorf("array: expected ')'")
		}
		return &Type{Kind: Array, Elem: elem, Len: e}, nil
	case "struct":
		if !p.eat('(') {
			return nil, fmt.Errorf("struct: expected '('")
		}
		t := &Type{Kind: Struct}
		if p.eat(')') {
			return t, nil
		}
		for {
			f, err := p.typ()
			if err != nil {
				return nil, err
			}
			t.Fields = append(t.Fields, f)
			if p.eat(')') {
				return t, nil
			}
			if !p.eat(',') {
				return nil, fmt.Errorf("struct: expected ',' or ')'")
			}
		}
	case "enum":
		return p.enumType()
	case "bitvec":
		if !p.eat('(') {
			return nil, fmt.Errorf("bitvec: expected '('")
		}
		inner, err := p.typ()
		if err != nil {
			return nil, err
		}
		if !p.eat(')') {
			return nil, fmt.Errorf("bitvec: expected ')'")
		}
		return &Type{Kind: Bitvec, Elem: inner}, nil
	}
	if k, ok := simple[name]; ok {
		return &Type{Kind: k}, nil
	}
	if strings.HasPrefix(name, "string") {
		if n, err := strconv.Atoi(name[len("string"):]); err == nil && n >= 0 {
			if n == 0 {
				return &Type{Kind: String, Len: Expr{Kind: Retval, NulStop: true}}, nil
			}
			return &Type{Kind: String, Len: Expr{Kind: Arg, N: int64(n), NulStop: true}}, nil
		}
	}
	if t, ok := p.cfg.typedefs[name]; ok {
		return t, nil
	}
	return nil, fmt.Errorf("unknown type %q", name)
}

// stringType parses what follows "string": nothing, [EXPR] or (TYPE).
func (p *parser) stringType() (*Type, error) {
	switch {
	case p.eat('['):
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		if !p.eat(']') {
			return nil, fmt.Errorf("string[: expected ']'")
		}
		return &Type{Kind: String, Len: e}, nil
	case p.eat('('):
		inner, err := p.typ()
		if err != nil {
			return nil, err
		}
		if !p.eat(')') {
			return nil, fmt.Errorf("string(: expected ')'")
		}
		t := &Type{Kind: String}
		// string(array(char, N)*) limits the string to N characters.
		if inner.Kind == Pointer && inner.Elem.Kind == Array {
			t.Len = inner.Elem.Len
		}
		return t, nil
	}
	return &Type{Kind: String}, nil
}

func (p *parser) enumType() (*Type, error) {
	t := &Type{Kind: Enum, Elem: &Type{Kind: Int}}
	if p.eat('[') {
		inner, err := p.typ()
		if err != nil {
			return nil, err
		}
		if !p.eat(']') {
			return nil, fmt.Errorf("enum[: expected ']'")
		}
		t.Elem = inner
	}
	if !p.eat('(') {
		return nil, fmt.Errorf("enum: expected '('")
	}
	next := int64(0)
	for {
		name := p.ident()
		if name == "" {
			return nil, fmt.Errorf("enum: expected a name")
		}
		if p.eat('=') {
			v, ok := p.number()
			if !ok {
				return nil, fmt.Errorf("enum %s: bad value", name)
			}
			next = v
		}
		t.Enum = append(t.Enum, EnumValue{Name: name, Value: next})
		next++
		if p.eat(')') {
			return t, nil
		}
		if !p.eat(',') {
			return nil, fmt.Errorf("enum: expected ',' or ')'")
		}
	}
}

func (p *parser) expr() (Expr, error) {
	if v, ok := p.number(); ok {
		return Expr{Kind: Const, N: v}, nil
	}
	name := p.ident()
	switch {
	case name == "retval":
		return Expr{Kind: Retval}, nil
	case name == "zero":
		if p.eat('(') {
			v, ok := p.number()
			if !ok || !p.eat(')') {
				return Expr{}, fmt.Errorf("zero(: expected a number and ')'")
			}
			return Expr{Kind: Zero, N: v}, nil
		}
		return Expr{Kind: Zero, N: -1}, nil
	case strings.HasPrefix(name, "arg"):
		n, err := strconv.Atoi(name[3:])
		if err == nil && n > 0 {
			return Expr{Kind: Arg, N: int64(n)}, nil
		}
	}
	return Expr{}, fmt.Errorf("bad length expression %q", name)
}
