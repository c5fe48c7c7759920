package decode

// RefersTo reports whether the call in c names one of paths through a
// file name argument or a descriptor argument (strace -P).
func RefersTo(c *Ctx, paths []string) bool {
	s := lookup(c.Nr)
	if s == nil {
		return false
	}
	for i, a := range s.Args {
		var name string
		switch a.Kind {
		case KindPath:
			b, ok, err := readStringBuf(c.Pid, c.Args[i], PathMax, &c.scratch)
			if !ok || err != nil {
				continue
			}
			name = string(b)
		case KindFD:
			// An unlinked file matches by its name without " (deleted)".
			target, ok := fdPathOf(c.Pid, int32(c.Args[i]))
			if !ok {
				continue
			}
			name = target
		default:
			continue
		}
		for _, p := range paths {
			if p == name {
				return true
			}
		}
	}
	return false
}
