package main

import (
	"path"
	"regexp"
	"strings"
)

// A filter expression (-e) is a chain of rules "[+-!]SYMBOL[@LIBRARY]";
// each '+' rule adds the symbols it matches and each '-' or '!' rule
// takes them away. An expression that starts by taking away starts from
// every symbol. Only the main program's PLT is traced here, so rules
// naming another library match nothing.

// matchRules applies expression expr to a symbol of the main program.
func matchRules(expr, name string) bool {
	rules := splitRules(expr)
	in := len(rules) > 0 && rules[0].neg
	for _, r := range rules {
		if r.lib != "" && r.lib != "MAIN" {
			continue
		}
		if matchPattern(r.sym, name) {
			in = !r.neg
		}
	}
	return in
}

type rule struct {
	neg      bool
	sym, lib string
}

func splitRules(expr string) []rule {
	var rules []rule
	neg := false
	start := 0
	flush := func(end int) {
		text := expr[start:end]
		if strings.HasPrefix(text, "!") {
			neg, text = true, text[1:]
		}
		if text != "" {
			r := rule{neg: neg, sym: text}
			if i := strings.LastIndexByte(text, '@'); i >= 0 {
				r.sym, r.lib = text[:i], text[i+1:]
			}
			if r.sym == "" {
				r.sym = "*"
			}
			rules = append(rules, r)
		}
	}
	inRegex := false
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '/':
			inRegex = !inRegex
		case (c == '+' || c == '-') && !inRegex:
			flush(i)
			neg, start = c == '-', i+1
		}
	}
	flush(len(expr))
	return rules
}

// matchPattern matches a glob, or a /regular expression/.
func matchPattern(pat, name string) bool {
	if len(pat) >= 2 && pat[0] == '/' && pat[len(pat)-1] == '/' {
		re, err := regexp.Compile(pat[1 : len(pat)-1])
		return err == nil && re.MatchString(name)
	}
	ok, err := path.Match(pat, name)
	return err == nil && ok
}

// matchAny reports whether any -x expression selects name.
func matchAny(exprs []string, name string) bool {
	for _, e := range exprs {
		if matchRules(e, name) {
			return true
		}
	}
	return false
}
