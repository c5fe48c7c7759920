package getopt

import "strings"

// long handles word (argv[optind] after prefix, possibly "name=value") as a
// long option when it cannot fall back to short options.
func (p *Parser) long(word, prefix string, longOnly bool) result {
	r, _ := p.tryLong(word, prefix, longOnly)
	return r
}

// tryLong handles word as a long option written with prefix ("--", "-" in
// long-only mode, "-W "). handled is false only in long-only mode when the
// word matches no long option but its first letter is a short option: the
// caller then reads the word as short options, and nothing has changed.
func (p *Parser) tryLong(word, prefix string, longOnly bool) (r result, handled bool) {
	name, value, hasValue := strings.Cut(word, "=")

	found, ambiguous := p.lookupLong(name, longOnly)
	if ambiguous != nil {
		p.nextchar = ""
		p.optind++
		p.optopt = 0
		var msg strings.Builder
		msg.WriteString("option '" + prefix + word + "' is ambiguous; possibilities:")
		for _, i := range ambiguous {
			msg.WriteString(" '" + prefix + p.longopts[i].Name + "'")
		}
		return p.fail('?', msg.String()), true
	}

	if found < 0 {
		if !longOnly || p.argv[p.optind][1] == '-' || !p.inOptstring(word[0]) {
			p.nextchar = ""
			p.optind++
			p.optopt = 0
			return p.fail('?', "unrecognized option '"+prefix+word+"'"), true
		}
		return result{}, false
	}

	opt := p.longopts[found]
	p.optind++
	p.nextchar = ""
	r = result{opt: opt.Val}
	switch {
	case hasValue:
		if opt.HasArg == NoArgument {
			p.optopt = opt.Val
			return p.fail('?', "option '"+prefix+opt.Name+"' doesn't allow an argument"), true
		}
		r.arg, r.hasArg = value, true
	case opt.HasArg == RequiredArgument:
		if p.optind >= len(p.argv) {
			p.optopt = opt.Val
			return p.fail(p.missingArgOpt(), "option '"+prefix+opt.Name+"' requires an argument"), true
		}
		r.arg, r.hasArg = p.argv[p.optind], true
		p.optind++
	}
	p.longIndex = found
	return r, true
}

// lookupLong finds name in the long-option table: an exact match, else the
// only option name it is a prefix of. Several prefix matches are not
// ambiguous when they all equal the first in HasArg and Val (aliases), except
// in long-only mode. found is the table index or -1; ambiguous, when not
// nil, lists in table order the first match and every match differing from
// it, as glibc's message does.
func (p *Parser) lookupLong(name string, longOnly bool) (found int, ambiguous []int) {
	for i, o := range p.longopts {
		if o.Name == name {
			return i, nil
		}
	}
	found = -1
	for i, o := range p.longopts {
		if !strings.HasPrefix(o.Name, name) {
			continue
		}
		if found < 0 {
			found = i
			continue
		}
		first := p.longopts[found]
		if longOnly || first.HasArg != o.HasArg || first.Val != o.Val {
			if ambiguous == nil {
				ambiguous = append(ambiguous, found)
			}
			ambiguous = append(ambiguous, i)
		}
	}
	return found, ambiguous
}
