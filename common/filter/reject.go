package filter

import "golang.org/x/net/bpf"

// rejectsAll reports whether no path through the program can accept a
// packet. It is the part of libpcap's optimizer that turns such filters
// into the "expression rejects all packets" error, approximated by
// following branches while remembering which constant each absolute
// packet load was found equal (or unequal) to on the current path.
func rejectsAll(insns []bpf.RawInstruction) bool {
	type fact struct {
		eq  map[uint64]uint32
		neq map[uint64][]uint32
	}
	budget := 1 << 16
	var walk func(pc int, acc uint64, known bool, f fact) bool
	walk = func(pc int, acc uint64, known bool, f fact) bool {
		for pc < len(insns) {
			budget--
			if budget < 0 {
				return true
			}
			ins := insns[pc]
			switch {
			case ins.Op == clsRET|retK:
				return ins.K != 0
			case ins.Op == clsRET|retA:
				return true
			case ins.Op&0x07 == clsLD && ins.Op&0xe0 == modeABS:
				acc, known = uint64(ins.Op)<<32|uint64(ins.K), true
			case ins.Op == clsLD|modeIMM:
				// A constant: keyed so that it is "equal" to itself only.
				acc, known = 1<<63|uint64(ins.K), true
				f = fact{eq: copyEq(f.eq), neq: f.neq}
				f.eq[acc] = ins.K
			case ins.Op&0x07 == clsJMP && ins.Op&0xf0 == jmpJA:
				pc += int(ins.K)
			case ins.Op == clsJMP|jmpJEQ|srcK && known:
				v, isEq := f.eq[acc]
				refuted := false
				for _, n := range f.neq[acc] {
					if n == ins.K {
						refuted = true
					}
				}
				tOK := !(isEq && v != ins.K) && !refuted
				fOK := !(isEq && v == ins.K)
				if tOK {
					nf := fact{eq: copyEq(f.eq), neq: f.neq}
					nf.eq[acc] = ins.K
					if walk(pc+1+int(ins.Jt), acc, known, nf) {
						return true
					}
				}
				if !fOK {
					return false
				}
				nf := fact{eq: f.eq, neq: copyNeq(f.neq)}
				nf.neq[acc] = append(nf.neq[acc], ins.K)
				pc += 1 + int(ins.Jf)
				continue
			case ins.Op&0x07 == clsJMP:
				if walk(pc+1+int(ins.Jt), 0, false, f) {
					return true
				}
				pc += 1 + int(ins.Jf)
				known = false
				continue
			default:
				// Stores and X loads leave A alone; anything else
				// changes it.
				switch ins.Op & 0x07 {
				case clsST, clsSTX, clsLDX:
				default:
					known = false
				}
			}
			pc++
		}
		return false
	}
	return !walk(0, 0, false, fact{eq: map[uint64]uint32{}, neq: map[uint64][]uint32{}})
}

func copyEq(m map[uint64]uint32) map[uint64]uint32 {
	n := make(map[uint64]uint32, len(m)+1)
	for k, v := range m {
		n[k] = v
	}
	return n
}

func copyNeq(m map[uint64][]uint32) map[uint64][]uint32 {
	n := make(map[uint64][]uint32, len(m)+1)
	for k, v := range m {
		n[k] = append([]uint32(nil), v...)
	}
	return n
}
