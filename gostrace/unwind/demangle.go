package unwind

import (
	"strconv"
	"strings"
)

// demangle decodes the subset of the Itanium C++ ABI mangling that
// ordinary code produces: nested, local and template names (with
// argument packs), constructors and destructors, operators, ABI tags,
// builtin, qualified, pointer, reference and function-pointer types,
// substitutions, special names and clone suffixes. Output
// follows libiberty's cplus_demangle with DMGL_PARAMS ("char const*",
// "> >").
func demangle(name string) (string, bool) {
	if !strings.HasPrefix(name, "_Z") || len(name) > 8192 {
		return "", false
	}
	d := demangler{s: name[2:]}
	out, ok := d.special()
	if !ok {
		return "", false
	}
	for d.s != "" {
		sfx, ok := d.cloneSuffix()
		if !ok {
			return "", false
		}
		out += " [clone " + sfx + "]"
	}
	return strings.ReplaceAll(out, declMark, ""), true
}

type demangler struct {
	s      string
	subs   []string  // substitution candidates
	tmpl   []tmplArg // template arguments of the last template name
	fnArgs []tmplArg // template arguments of the function being decoded
	// Pack expansion (Dp): template parameters that are packs yield
	// their element packIdx; sawPack records the pack's length.
	expanding bool
	packIdx   int
	sawPack   int
	inType    int  // nesting of <type> being parsed
	local     bool // the encoding being parsed encloses a local name
	depth     int
	isCtor    bool // the last unqualified name was a constructor or destructor
	isTmpl    bool // the last name ended in template arguments
	methodQ   string
}

const maxDemangleDepth = 64

func (d *demangler) peek() byte {
	if d.s == "" {
		return 0
	}
	return d.s[0]
}

func (d *demangler) eat(p string) bool {
	if strings.HasPrefix(d.s, p) {
		d.s = d.s[len(p):]
		return true
	}
	return false
}

// special parses <special-name> (thunks, vtables, typeinfo, guard
// variables, transaction clones) or else an <encoding>.
func (d *demangler) special() (string, bool) {
	for _, sp := range specialNames {
		if !d.eat(sp.code) {
			continue
		}
		switch sp.arg {
		case 't':
			t, ok := d.typ()
			return sp.text + t, ok
		case 'n':
			n, ok := d.name()
			return sp.text + n, ok
		}
		for i := 0; i < int(sp.arg-'0'); i++ { // call offsets: [n]<number>_
			d.eat("n")
			if _, ok := d.number(); !ok || !d.eat("_") {
				return "", false
			}
		}
		e, ok := d.encoding(false)
		return sp.text + e, ok
	}
	return d.encoding(true)
}

// specialNames: arg 't' takes a type, 'n' a name, a digit that many
// call offsets and then an encoding.
var specialNames = []struct {
	code, text string
	arg        byte
}{
	{"TV", "vtable for ", 't'}, {"TT", "VTT for ", 't'}, {"TI", "typeinfo for ", 't'},
	{"TS", "typeinfo name for ", 't'}, {"Th", "non-virtual thunk to ", '1'},
	{"Tv", "virtual thunk to ", '2'}, {"GV", "guard variable for ", 'n'},
	{"GTt", "transaction clone for ", '0'},
}

// encoding parses <name> [<bare-function-type>].
func (d *demangler) encoding(top bool) (string, bool) {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > maxDemangleDepth {
		return "", false
	}
	d.methodQ = ""
	local := d.local // the function enclosing a local name: no return type
	d.local = false
	name, ok := d.name()
	if !ok {
		return "", false
	}
	if d.s == "" || d.peek() == 'E' || d.peek() == '.' {
		return name, true
	}
	quals := d.methodQ
	ret := ""
	fnArgs := d.tmpl
	if d.isTmpl && !d.isCtor {
		r, ok := d.typ()
		if !ok {
			return "", false
		}
		if !local {
			ret = r + " "
		}
	}
	d.fnArgs = fnArgs
	params, ok := d.params(func() bool { return d.s == "" || d.peek() == 'E' || d.peek() == '.' })
	if !ok {
		return "", false
	}
	return ret + name + params + quals, true
}

// params parses types until end() and formats "(a, b)".
func (d *demangler) params(end func() bool) (string, bool) {
	var ps []string
	for !end() {
		d.tmpl = d.fnArgs
		t, ok := d.typ()
		if !ok {
			return "", false
		}
		if t != "" { // an empty pack expansion
			ps = append(ps, t)
		}
	}
	if len(ps) == 1 && ps[0] == "void" {
		ps = nil
	}
	return "(" + strings.Join(ps, ", ") + ")", true
}

// name parses <name>: nested, local, substituted or unscoped.
func (d *demangler) name() (string, bool) {
	d.isTmpl, d.isCtor = false, false
	switch {
	case d.peek() == 'N':
		return d.nested()
	case d.peek() == 'Z':
		d.s = d.s[1:]
		d.local = true
		enc, ok := d.encoding(false)
		if !ok || !d.eat("E") {
			return "", false
		}
		if d.eat("s") {
			return enc + "::string literal", true
		}
		n, ok := d.name()
		if !ok {
			return "", false
		}
		if d.eat("_") {
			d.number()
		}
		return enc + "::" + n, true
	}
	std := d.eat("St")
	var n string
	var ok bool
	fromSub := !std && d.peek() == 'S'
	if fromSub {
		// A substituted name is only a template name here.
		n, ok = d.substitution()
		if !ok || d.peek() != 'I' {
			return "", false
		}
	} else {
		n, ok = d.unqualified("")
		if !ok {
			return "", false
		}
		if std {
			n = "std::" + n
		}
	}
	if d.peek() == 'I' {
		if !fromSub {
			d.subs = append(d.subs, n)
		}
		args, ok := d.templateArgs()
		if !ok {
			return "", false
		}
		if strings.HasSuffix(n, "<") {
			n += " "
		}
		n += args
		d.isTmpl = true
	}
	return n, true
}

// nested parses N [CV] <prefix>... E.
func (d *demangler) nested() (string, bool) {
	d.s = d.s[1:]
	var q string
	for {
		switch {
		case d.eat("r"):
			q = " restrict" + q
		case d.eat("V"):
			q = " volatile" + q
		case d.eat("K"):
			q = " const" + q
		default:
			goto done
		}
	}
done:
	switch {
	case d.eat("R"):
		q += " &"
	case d.eat("O"):
		q += " &&"
	}
	var cur string
	last := ""
	fromSub := false // cur came from a substitution: already a candidate
	for !d.eat("E") {
		if d.s == "" {
			return "", false
		}
		prevSub := fromSub
		fromSub = false
		if cur != "" && !prevSub && d.peek() != 'I' && d.peek() != 'E' {
			d.subs = append(d.subs, cur)
		}
		d.isTmpl = false
		switch {
		case d.peek() == 'S' && cur == "" && !strings.HasPrefix(d.s, "St"):
			s, ok := d.substitution()
			if !ok {
				return "", false
			}
			cur, fromSub, last = s, true, lastComponent(s)
			continue
		case d.eat("St") && cur == "":
			n, ok := d.unqualified("")
			if !ok {
				return "", false
			}
			cur, last = "std::"+n, n
			continue
		case d.peek() == 'I':
			if cur == "" {
				return "", false
			}
			if !prevSub {
				d.subs = append(d.subs, cur)
			}
			args, ok := d.templateArgs()
			if !ok {
				return "", false
			}
			if strings.HasSuffix(cur, "<") {
				cur += " " // operator< <T>
			}
			cur += args
			d.isTmpl = true
			continue
		case d.peek() == 'T':
			t, ok := d.templateParam()
			if !ok {
				return "", false
			}
			cur, last = t, t
			continue
		}
		n, ok := d.unqualified(last)
		if !ok {
			return "", false
		}
		if cur != "" {
			cur += "::"
		}
		cur += n
		if !d.isCtor {
			last = n
		}
	}
	d.methodQ = q
	return cur, cur != ""
}

// unqualified parses a source name, operator name or ctor/dtor name;
// class is the enclosing class's name for constructors.
func (d *demangler) unqualified(class string) (string, bool) {
	d.isCtor = false
	c := d.peek()
	switch {
	case c >= '0' && c <= '9':
		n, ok := d.sourceName()
		for ok && d.eat("B") {
			var tag string
			tag, ok = d.sourceName()
			n += "[abi:" + tag + "]"
		}
		return n, ok
	case c == 'C' && len(d.s) >= 2 && d.s[1] >= '1' && d.s[1] <= '5':
		d.s = d.s[2:]
		d.isCtor = true
		return baseName(class), class != ""
	case c == 'D' && len(d.s) >= 2 && d.s[1] >= '0' && d.s[1] <= '5':
		d.s = d.s[2:]
		d.isCtor = true
		return "~" + baseName(class), class != ""
	case c == 'L':
		d.s = d.s[1:]
		return d.sourceName()
	case strings.HasPrefix(d.s, "Ul"):
		d.s = d.s[2:]
		params, ok := d.params(func() bool { return d.s == "" || d.peek() == 'E' })
		if !ok || !d.eat("E") {
			return "", false
		}
		n, ok := d.discriminator()
		return "{lambda" + params + "#" + n + "}", ok
	case strings.HasPrefix(d.s, "Ut"):
		d.s = d.s[2:]
		n, ok := d.discriminator()
		return "{unnamed type#" + n + "}", ok
	case c >= 'a' && c <= 'z':
		if d.eat("cv") {
			t, ok := d.typ()
			return "operator " + t, ok
		}
		if len(d.s) >= 2 {
			if op, ok := operators[d.s[:2]]; ok {
				d.s = d.s[2:]
				return "operator" + op, true
			}
		}
	}
	return "", false
}

// lastComponent is the innermost name of a qualified name, for the
// constructors of a substituted class.
func lastComponent(s string) string {
	if full, ok := stdLastNames[s]; ok {
		return full
	}
	depth := 0
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			depth++
		case '>':
			depth--
		case ':':
			if depth == 0 && i+1 < len(s) && s[i+1] == ':' {
				start = i + 2
			}
		}
	}
	return baseName(s[start:])
}

// stdLastNames are the class names behind the std:: abbreviations.
var stdLastNames = map[string]string{
	"std::string": "basic_string", "std::istream": "basic_istream",
	"std::ostream": "basic_ostream", "std::iostream": "basic_iostream",
}

// discriminator parses the [<number>] _ that numbers closure and
// unnamed types: none is #1, n is #n+2.
func (d *demangler) discriminator() (string, bool) {
	if d.eat("_") {
		return "1", true
	}
	n, ok := d.number()
	if !ok || !d.eat("_") {
		return "", false
	}
	return strconv.Itoa(n + 2), true
}

// baseName strips template arguments from a class name for its
// constructor's name.
func baseName(class string) string {
	if i := strings.IndexAny(class, "<["); i > 0 {
		return class[:i]
	}
	return class
}

var operators = map[string]string{
	"nw": " new", "na": " new[]", "dl": " delete", "da": " delete[]", "ps": "+", "ng": "-",
	"ad": "&", "de": "*", "co": "~", "pl": "+", "mi": "-", "ml": "*", "dv": "/", "rm": "%",
	"an": "&", "or": "|", "eo": "^", "aS": "=", "pL": "+=", "mI": "-=", "mL": "*=", "dV": "/=",
	"rM": "%=", "aN": "&=", "oR": "|=", "eO": "^=", "ls": "<<", "rs": ">>", "lS": "<<=",
	"rS": ">>=", "eq": "==", "ne": "!=", "lt": "<", "gt": ">", "le": "<=", "ge": ">=",
	"nt": "!", "aa": "&&", "oo": "||", "pp": "++", "mm": "--", "cm": ",", "pm": "->*",
	"pt": "->", "cl": "()", "ix": "[]", "ss": "<=>",
}

// sourceName parses <length><identifier>.
func (d *demangler) sourceName() (string, bool) {
	n, ok := d.number()
	if !ok || n <= 0 || n > len(d.s) {
		return "", false
	}
	id := d.s[:n]
	d.s = d.s[n:]
	if strings.HasPrefix(id, "_GLOBAL_") && len(id) > 9 && (id[8] == '.' || id[8] == '_' || id[8] == '$') && id[9] == 'N' {
		return "(anonymous namespace)", true
	}
	return id, true
}

func (d *demangler) number() (int, bool) {
	i := 0
	for i < len(d.s) && d.s[i] >= '0' && d.s[i] <= '9' {
		i++
	}
	if i == 0 || i > 6 {
		return 0, false
	}
	n, _ := strconv.Atoi(d.s[:i])
	d.s = d.s[i:]
	return n, true
}

// seqID parses the base-36 index of S<seq>_ and T<seq>_.
func (d *demangler) seqID() (int, bool) {
	if d.eat("_") {
		return 0, true
	}
	n := 0
	for i := 0; i < len(d.s) && i < 6; i++ {
		c := d.s[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*36 + int(c-'0')
		case c >= 'A' && c <= 'Z':
			n = n*36 + int(c-'A') + 10
		case c == '_':
			d.s = d.s[i+1:]
			return n + 1, true
		default:
			return 0, false
		}
	}
	return 0, false
}

var stdSubs = map[byte]string{
	'a': "std::allocator", 'b': "std::basic_string", 's': "std::string",
	'i': "std::istream", 'o': "std::ostream", 'd': "std::iostream",
}

// substitution parses S_, S<seq>_ and the std:: abbreviations.
func (d *demangler) substitution() (string, bool) {
	d.s = d.s[1:]
	if s, ok := stdSubs[d.peek()]; ok {
		d.s = d.s[1:]
		return s, true
	}
	i, ok := d.seqID()
	if !ok || i >= len(d.subs) {
		return "", false
	}
	return d.subs[i], true
}

// tmplArg is one template argument; a pack (J…E) has elements.
type tmplArg struct {
	s      string
	isPack bool
	pack   []string
}

// templateParam parses T_ / T<n>_.
func (d *demangler) templateParam() (string, bool) {
	d.s = d.s[1:]
	i, ok := d.seqID()
	if !ok || i >= len(d.tmpl) {
		return "", false
	}
	a := d.tmpl[i]
	if a.isPack && d.expanding {
		d.sawPack = len(a.pack)
		if d.packIdx < len(a.pack) {
			return a.pack[d.packIdx], true
		}
		return "", true
	}
	return a.s, true
}

// packExpansion parses Dp <type>: the type once per element of the pack
// it refers to, joined by commas (nothing for an empty pack).
func (d *demangler) packExpansion() (string, bool) {
	d.s = d.s[2:]
	s0 := d.s
	saveExp, saveIdx, saveSaw := d.expanding, d.packIdx, d.sawPack
	defer func() { d.expanding, d.packIdx, d.sawPack = saveExp, saveIdx, saveSaw }()
	d.expanding, d.packIdx, d.sawPack = true, 0, -1
	first, ok := d.typ()
	if !ok {
		return "", false
	}
	parts := []string{first}
	switch n := d.sawPack; {
	case n == 0:
		parts = nil
	case n > 1:
		end, subs := d.s, len(d.subs)
		for k := 1; k < n; k++ {
			d.s, d.packIdx = s0, k
			t, ok := d.typ()
			if !ok {
				return "", false
			}
			parts = append(parts, t)
		}
		d.s, d.subs = end, d.subs[:subs]
	}
	t := strings.Join(parts, ", ")
	d.subs = append(d.subs, t)
	return t, true
}

// templateArgs parses I <arg>+ E into "<a, b>".
func (d *demangler) templateArgs() (string, bool) {
	d.s = d.s[1:]
	var args []tmplArg
	var shown []string
	for !d.eat("E") {
		if d.s == "" {
			return "", false
		}
		if d.eat("J") {
			var pack []string
			for !d.eat("E") {
				a, ok := d.templateArg()
				if !ok {
					return "", false
				}
				if a != "" { // an empty pack expanded inside the pack
					pack = append(pack, a)
				}
			}
			args = append(args, tmplArg{s: strings.Join(pack, ", "), isPack: true, pack: pack})
			shown = append(shown, pack...)
			continue
		}
		a, ok := d.templateArg()
		if !ok {
			return "", false
		}
		args = append(args, tmplArg{s: a})
		if a != "" {
			shown = append(shown, a)
		}
	}
	if d.inType == 0 {
		// The arguments of the name being encoded are what T_
		// refers to; those inside types are not.
		d.tmpl = args
	}
	s := "<" + strings.Join(shown, ", ")
	// libiberty separates ">>" with a space, unless the list ends in an
	// empty pack after other arguments: it then remembers the ", " it
	// wrote and took back as the last character.
	trailingEmpty := len(args) > 1 && args[len(args)-1].isPack && len(args[len(args)-1].pack) == 0
	if strings.HasSuffix(s, ">") && !trailingEmpty {
		s += " "
	}
	return s + ">", true
}

// templateArg parses one argument: a literal or a type.
func (d *demangler) templateArg() (string, bool) {
	if d.s == "" {
		return "", false
	}
	switch d.peek() {
	case 'L':
		return d.literal()
	case 'X':
		return d.expression()
	}
	return d.typ()
}

// expression parses X <expression> E for the one form common in
// signatures: a template (variable) name with its arguments.
func (d *demangler) expression() (string, bool) {
	d.s = d.s[1:]
	d.inType++
	defer func() { d.inType-- }()
	n, ok := d.sourceName()
	if !ok {
		return "", false
	}
	if d.peek() == 'I' {
		args, ok := d.templateArgs()
		if !ok {
			return "", false
		}
		n += args
	}
	return n, d.eat("E")
}

var literalSuffix = map[byte]string{'i': "", 'j': "u", 'l': "l", 'm': "ul", 'x': "ll", 'y': "ull"}

// literal parses L <type> <value> E for integer, bool and enum
// arguments.
func (d *demangler) literal() (string, bool) {
	d.s = d.s[1:]
	if d.s == "" {
		return "", false
	}
	t := d.s[0]
	sfx, plain := literalSuffix[t]
	cast := ""
	if plain || t == 'b' {
		d.s = d.s[1:]
	} else {
		ty, ok := d.typ()
		if !ok {
			return "", false
		}
		cast = "(" + ty + ")"
	}
	neg := d.eat("n")
	i := 0
	for i < len(d.s) && i < 20 && d.s[i] >= '0' && d.s[i] <= '9' {
		i++
	}
	v := d.s[:i]
	d.s = d.s[i:]
	if i == 0 || !d.eat("E") {
		return "", false
	}
	if neg {
		v = "-" + v
	}
	if t == 'b' {
		switch v {
		case "0":
			return "false", true
		case "1":
			return "true", true
		}
		return "(bool)" + v, true
	}
	return cast + v + sfx, true
}

var builtinTypes = map[byte]string{
	'v': "void", 'w': "wchar_t", 'b': "bool", 'c': "char", 'a': "signed char",
	'h': "unsigned char", 's': "short", 't': "unsigned short", 'i': "int",
	'j': "unsigned int", 'l': "long", 'm': "unsigned long", 'x': "long long",
	'y': "unsigned long long", 'n': "__int128", 'o': "unsigned __int128",
	'f': "float", 'd': "double", 'e': "long double", 'g': "__float128", 'z': "...",
}

var dTypes = map[byte]string{'n': "decltype(nullptr)", 's': "char16_t", 'i': "char32_t", 'u': "char8_t"}

// typ parses a <type>.
func (d *demangler) typ() (string, bool) {
	d.depth++
	d.inType++
	defer func() { d.depth--; d.inType-- }()
	if d.depth > maxDemangleDepth || d.s == "" {
		return "", false
	}
	c := d.s[0]
	if b, ok := builtinTypes[c]; ok {
		d.s = d.s[1:]
		return b, true
	}
	switch c {
	case 'D':
		if strings.HasPrefix(d.s, "Dp") {
			return d.packExpansion()
		}
		if len(d.s) >= 2 {
			if b, ok := dTypes[d.s[1]]; ok {
				d.s = d.s[2:]
				return b, true
			}
		}
		return "", false
	case 'P', 'R', 'O':
		d.s = d.s[1:]
		if d.peek() == 'F' {
			ret, params, ok := d.function()
			if !ok {
				return "", false
			}
			d.subs = append(d.subs, ret+" "+params) // the function type
			// The declarator mark is where later pointers, references
			// and qualifiers of this type go: "int (* const&)(char)".
			t := ret + " (" + map[byte]string{'P': "*", 'R': "&", 'O': "&&"}[c] + declMark + ")" + params
			d.subs = append(d.subs, t)
			return t, true
		}
		inner, ok := d.typ()
		if !ok {
			return "", false
		}
		op := map[byte]string{'P': "*", 'R': "&", 'O': "&&"}[c]
		t := addDeclarator(inner, op)
		// References to references collapse (a substituted
		// template parameter can be one).
		if head := declHead(inner); c != 'P' && strings.HasSuffix(head, "&") {
			t = inner
			if c == 'R' && strings.HasSuffix(head, "&&") {
				t = addDeclarator(head[:len(head)-2], "&") + inner[len(head):]
			}
		}
		d.subs = append(d.subs, t)
		return t, true
	case 'K', 'V', 'r':
		d.s = d.s[1:]
		inner, ok := d.typ()
		if !ok {
			return "", false
		}
		q := map[byte]string{'K': " const", 'V': " volatile", 'r': " restrict"}[c]
		t := addDeclarator(inner, q)
		if strings.HasSuffix(declHead(inner), q) {
			t = inner // a qualified template parameter qualified again
		}
		d.subs = append(d.subs, t)
		return t, true
	case 'F':
		ret, params, ok := d.function()
		if !ok {
			return "", false
		}
		t := ret + " " + params
		d.subs = append(d.subs, t)
		return t, true
	case 'T':
		t, ok := d.templateParam()
		if !ok {
			return "", false
		}
		d.subs = append(d.subs, t)
		if d.peek() == 'I' {
			args, ok := d.templateArgs()
			if !ok {
				return "", false
			}
			t += args
			d.subs = append(d.subs, t)
		}
		return t, true
	case 'S':
		if !strings.HasPrefix(d.s, "St") {
			s, ok := d.substitution()
			if !ok {
				return "", false
			}
			if d.peek() == 'I' {
				args, ok := d.templateArgs()
				if !ok {
					return "", false
				}
				s += args
				d.subs = append(d.subs, s)
			}
			return s, true
		}
	}
	// A class or enum name.
	saveT, saveC := d.isTmpl, d.isCtor
	n, ok := d.name()
	d.isTmpl, d.isCtor = saveT, saveC
	if !ok {
		return "", false
	}
	d.subs = append(d.subs, n)
	return n, true
}

// declMark marks, inside a function pointer or reference type, where
// the declarator continues; it is removed from the final output.
const declMark = "\x00"

// topMark finds the declarator mark of t itself (not one inside its
// template arguments), or -1.
func topMark(t string) int {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '<':
			depth++
		case '>':
			depth--
		case 0:
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// addDeclarator appends a pointer, reference or qualifier to type t,
// inside the parentheses of a function declarator when t has one.
func addDeclarator(t, q string) string {
	if i := topMark(t); i >= 0 {
		return t[:i] + q + t[i:]
	}
	return t + q
}

// declHead is t up to its declarator mark: what the last pointer,
// reference or qualifier added ends.
func declHead(t string) string {
	if i := topMark(t); i >= 0 {
		return t[:i]
	}
	return t
}

// function parses F <return type> <params> E.
func (d *demangler) function() (string, string, bool) {
	d.s = d.s[1:]
	d.eat("Y")
	ret, ok := d.typ()
	if !ok {
		return "", "", false
	}
	params, ok := d.params(func() bool { return d.s == "" || d.peek() == 'E' })
	if !ok || !d.eat("E") {
		return "", "", false
	}
	return ret, params, true
}

// cloneSuffix parses ".name" or ".name.N" GCC appends to clones.
func (d *demangler) cloneSuffix() (string, bool) {
	if d.peek() != '.' || len(d.s) < 2 {
		return "", false
	}
	i := 1
	c := d.s[1]
	if c >= 'a' && c <= 'z' || c == '_' {
		for i < len(d.s) && (d.s[i] >= 'a' && d.s[i] <= 'z' || d.s[i] == '_') {
			i++
		}
	}
	for i+1 < len(d.s) && d.s[i] == '.' && d.s[i+1] >= '0' && d.s[i+1] <= '9' {
		i++
		for i < len(d.s) && d.s[i] >= '0' && d.s[i] <= '9' {
			i++
		}
	}
	if i == 1 {
		return "", false
	}
	sfx := d.s[:i]
	d.s = d.s[i:]
	return sfx, true
}
