package unwind

import (
	"encoding/binary"
	"sort"
)

// symbol is a defined function symbol from .symtab or .dynsym.
type symbol struct {
	value uint64
	order uint32 // position in section-then-symbol order: ties go to the first
	abs   bool   // SHN_ABS: not moved by the load bias
	name  string
}

// symtab holds the function symbols of one file sorted by value, so that
// the nearest symbol at or below an address is one binary search away.
type symtab struct {
	syms []symbol // relocatable ones, by value then order
	abs  []symbol
	size uint64 // file size: a match farther away than this is no match
}

// loadSymbols collects STT_FUNC symbols of every SHT_SYMTAB and
// SHT_DYNSYM section, in section order.
func loadSymbols(data []byte) *symtab {
	st := &symtab{size: uint64(len(data))}
	secs := sections(data)
	le := binary.LittleEndian
	var order uint32
	for i := range secs {
		s := &secs[i]
		if s.typ != shtSymtab && s.typ != shtDynsym {
			continue
		}
		if s.entsize < 24 || uint64(s.link) >= uint64(len(secs)) {
			continue
		}
		body := s.contents(data)
		strs := secs[s.link].contents(data)
		if body == nil || strs == nil {
			continue
		}
		for off := uint64(0); off+24 <= uint64(len(body)); off += s.entsize {
			e := body[off:]
			info := e[4]
			shndx := le.Uint16(e[6:])
			if info&0xf != sttFunc || shndx == shnUndef {
				continue
			}
			sym := symbol{
				value: le.Uint64(e[8:]),
				order: order,
				abs:   shndx == shnAbs,
				name:  cString(strs, uint64(le.Uint32(e))),
			}
			order++
			if sym.abs {
				st.abs = append(st.abs, sym)
			} else {
				st.syms = append(st.syms, sym)
			}
		}
	}
	sortSyms(st)
	return st
}

// sortSyms orders the relocatable symbols by value, then file order.
func sortSyms(st *symtab) {
	sort.Slice(st.syms, func(i, j int) bool {
		a, b := &st.syms[i], &st.syms[j]
		if a.value != b.value {
			return a.value < b.value
		}
		return a.order < b.order
	})
}

// lookup finds the symbol nearest at or below addr (a run-time address;
// bias is the load bias of relocatable symbols) and the distance to it.
// Among symbols at the same distance the first in file order wins.
func (st *symtab) lookup(addr, bias uint64) (string, uint64, bool) {
	best, bestOrder, found := ^uint64(0), uint32(0), false
	var name string
	consider := func(s *symbol, val uint64) {
		d := addr - val
		if d < best || (d == best && found && s.order < bestOrder) {
			best, bestOrder, name, found = d, s.order, s.name, true
		}
	}
	// Relocatable symbols: the largest value <= addr-bias is the nearest.
	rel := addr - bias
	i := sort.Search(len(st.syms), func(i int) bool { return st.syms[i].value > rel })
	if i > 0 {
		v := st.syms[i-1].value
		j := i - 1
		for j > 0 && st.syms[j-1].value == v {
			j--
		}
		consider(&st.syms[j], v+bias)
	}
	for k := range st.abs {
		consider(&st.abs[k], st.abs[k].value)
	}
	if !found || best >= st.size {
		return "", 0, false
	}
	return name, best, true
}
