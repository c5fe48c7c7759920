package decode

import "github.com/goclues/goclues/common/sysent"

// RefersTo reports whether the call in c names one of paths through a
// file name argument or a descriptor argument (strace -P), including
// the descriptors in select's fd sets and poll's pollfd arrays.
func RefersTo(c *Ctx, paths []string) bool {
	s := lookup(c.Nr)
	if s == nil {
		return false
	}
	for i, a := range s.Args {
		switch a.Kind {
		case KindPath:
			b, ok, err := readStringBuf(c.Pid, c.Args[i], PathMax, &c.scratch)
			if ok && err == nil && isOneOf(string(b), paths) {
				return true
			}
		case KindFD:
			if fdRefersTo(c, int32(c.Args[i]), paths) {
				return true
			}
		}
	}
	if m := fdListMatchers[c.Nr]; m != nil {
		return m(c, paths)
	}
	return false
}

// fdRefersTo reports whether descriptor fd is one of paths; an
// unlinked file matches by its name without " (deleted)".
func fdRefersTo(c *Ctx, fd int32, paths []string) bool {
	target, ok := fdPathOf(c.Pid, fd)
	return ok && isOneOf(target, paths)
}

func isOneOf(name string, paths []string) bool {
	for _, p := range paths {
		if p == name {
			return true
		}
	}
	return false
}

// fdListMatchers look at the descriptors a call passes in memory.
var fdListMatchers = func() map[int]func(*Ctx, []string) bool {
	m := map[int]func(*Ctx, []string) bool{}
	for name, f := range map[string]func(*Ctx, []string) bool{
		"select": fdSetsReferTo, "pselect6": fdSetsReferTo,
		"poll": pollfdsReferTo, "ppoll": pollfdsReferTo,
	} {
		if nr, ok := sysent.Number(name); ok {
			m[nr] = f
		}
	}
	return m
}()

// fdSetsReferTo looks through select's three fd sets (arguments 1 to
// 3, nfds bits each).
func fdSetsReferTo(c *Ctx, paths []string) bool {
	nfds := int(int32(c.Args[0]))
	if nfds <= 0 || nfds > 1<<16 {
		return false
	}
	for i := 1; i <= 3; i++ {
		b, ok := c.read(c.Args[i], (nfds+63)/64*8)
		if !ok {
			continue
		}
		for fd := 0; fd < nfds; fd++ {
			if b[fd/8]&(1<<(fd%8)) != 0 && fdRefersTo(c, int32(fd), paths) {
				return true
			}
		}
	}
	return false
}

// pollfdsReferTo looks through poll's array of struct pollfd
// (argument 0, argument 1 entries, at most 1<<20 as strace reads).
func pollfdsReferTo(c *Ctx, paths []string) bool {
	n := min(c.Args[1]&0xffffffff, 1<<20)
	var b [8]byte
	for k := uint64(0); k < n; k++ {
		if !c.readInto(c.Args[0]+k*8, b[:]) {
			break
		}
		if fdRefersTo(c, int32(le32(b[:])), paths) {
			return true
		}
	}
	return false
}
