package unwind

import (
	"encoding/binary"
	"testing"
)

func TestParseMaps(t *testing.T) {
	const text = `555555554000-555555556000 r--p 00000000 08:01 1234 /usr/bin/true
555555556000-55555555a000 r-xp 00002000 08:01 1234 /usr/bin/true
55555555e000-55555557f000 rw-p 00000000 00:00 0 
7ffff7fc1000-7ffff7fc5000 r--p 00000000 00:00 0                          [vvar]
7ffff7fc5000-7ffff7fc7000 r-xp 00000000 00:00 0                          [vdso]
7ffff7fc6000-7ffff7fc8000 r-xp 00000000 00:00 0                          [overlap]
7ffff7fd0000-7ffff7fd1000 r-xp 00001000 08:01 99 /tmp/a file (deleted)
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
garbage line
7ffff8000000-7ffff8001000 r?xp 00000000 00:00 0 [bad perms]
`
	maps := parseMaps([]byte(text))
	want := []Mapping{
		{Start: 0x555555554000, End: 0x555555556000, Dev: "08:01", Inode: 1234, Path: "/usr/bin/true"},
		{Start: 0x555555556000, End: 0x55555555a000, Offset: 0x2000, Dev: "08:01", Inode: 1234, Exec: true, Path: "/usr/bin/true"},
		{Start: 0x7ffff7fc1000, End: 0x7ffff7fc5000, Dev: "00:00", Path: "[vvar]"},
		{Start: 0x7ffff7fc5000, End: 0x7ffff7fc7000, Dev: "00:00", Exec: true, Path: "[vdso]"},
		{Start: 0x7ffff7fd0000, End: 0x7ffff7fd1000, Offset: 0x1000, Dev: "08:01", Inode: 99, Exec: true, Path: "/tmp/a file (deleted)"},
		{Start: 0xffffffffff600000, End: 0xffffffffff601000, Dev: "00:00", Exec: true, Path: "[vsyscall]"},
	}
	if len(maps) != len(want) {
		t.Fatalf("got %d mappings %+v, want %d", len(maps), maps, len(want))
	}
	for i := range want {
		if maps[i] != want[i] {
			t.Errorf("mapping %d = %+v, want %+v", i, maps[i], want[i])
		}
	}
	if m := find(maps, 0x555555556123); m == nil || m.Offset != 0x2000 {
		t.Errorf("find in text mapping = %+v", m)
	}
	if m := find(maps, 0x55555555e000); m != nil {
		t.Errorf("anonymous mapping found: %+v", m)
	}
}

// cfiImage assembles a little .eh_frame at address 0x1000: a gcc-style
// CIE (zR, code 1, data -8, return column 16, CFA rsp+8, rip at CFA-8)
// and an FDE for 0x2000..0x2040 covering "push %rbp; mov %rsp,%rbp; …;
// leave" with remember/restore state around an early return.
func cfiImage() (func(addr, n uint64) []byte, uint64) {
	var b []byte
	u32 := func(v uint32) { b = binary.LittleEndian.AppendUint32(b, v) }
	cie := []byte{0, 0, 0, 0, 1, 'z', 'R', 0, 1, 0x78, 16, 1, 0x1b,
		cfaDefCfa, 7, 8, cfaOffset | 16, 1, 0, 0}
	u32(uint32(len(cie)))
	b = append(b, cie...)
	fdeAt := uint64(len(b))
	body := []byte{}
	body = binary.LittleEndian.AppendUint32(body, uint32(fdeAt+4)) // CIE pointer
	// pc_begin (pcrel sdata4) is filled below; pc_range 0x40; no aug data.
	body = append(body, 0, 0, 0, 0)
	body = binary.LittleEndian.AppendUint32(body, 0x40)
	body = append(body, 0,
		cfaAdvanceLoc|1, cfaDefCfaOffset, 16, cfaOffset|6, 2,
		cfaAdvanceLoc|3, cfaDefCfaRegister, 6,
		cfaAdvanceLoc|8, cfaRememberState, cfaDefCfa, 7, 8,
		cfaAdvanceLoc|1, cfaRestoreState,
		0, 0)
	pcField := 0x1000 + fdeAt + 4 + 4
	binary.LittleEndian.PutUint32(body[4:], uint32(int32(0x2000-int64(pcField))))
	u32(uint32(len(body)))
	b = append(b, body...)
	at := func(addr, n uint64) []byte {
		if addr < 0x1000 || addr-0x1000 >= uint64(len(b)) {
			return nil
		}
		off := addr - 0x1000
		if n > uint64(len(b))-off {
			n = uint64(len(b)) - off
		}
		return b[off : off+n]
	}
	return at, 0x1000 + fdeAt
}

func TestCFIRows(t *testing.T) {
	at, fdeAddr := cfiImage()
	var f fde
	if err := parseFDEInto(&f, at, fdeAddr); err != nil {
		t.Fatal(err)
	}
	if f.start != 0x2000 || f.end != 0x2040 || f.retCol != 16 || f.dataAlign != -8 {
		t.Fatalf("fde = %#x..%#x ret %d data %d", f.start, f.end, f.retCol, f.dataAlign)
	}
	tests := []struct {
		pc     uint64
		cfaReg uint64
		cfaOff int64
		rbp    rule
	}{
		{0x2000, 7, 8, rule{}},
		{0x2001, 7, 16, rule{kind: ruleOffset, off: -16}},
		{0x2004, 6, 16, rule{kind: ruleOffset, off: -16}},
		{0x200c, 7, 8, rule{kind: ruleOffset, off: -16}},
		{0x200d, 6, 16, rule{kind: ruleOffset, off: -16}},
		{0x203f, 6, 16, rule{kind: ruleOffset, off: -16}},
	}
	var m cfiMachine
	for _, tt := range tests {
		if err := m.run(&f, tt.pc); err != nil {
			t.Fatalf("pc %#x: %v", tt.pc, err)
		}
		r := m.cur
		if r.cfaReg != tt.cfaReg || r.cfaOff != tt.cfaOff || r.regs[regRBP].kind != tt.rbp.kind || r.regs[regRBP].off != tt.rbp.off {
			t.Errorf("pc %#x: cfa r%d%+d rbp %+v, want r%d%+d rbp %+v", tt.pc, r.cfaReg, r.cfaOff, r.regs[regRBP], tt.cfaReg, tt.cfaOff, tt.rbp)
		}
		if ra := r.regs[regRIP]; ra.kind != ruleOffset || ra.off != -8 {
			t.Errorf("pc %#x: return address rule %+v", tt.pc, ra)
		}
	}
}

type fakeEnv map[int]uint64

func (e fakeEnv) reg(n int) (uint64, error)       { return e[n], nil }
func (e fakeEnv) mem(addr uint64) (uint64, error) { return addr * 2, nil }

func TestEvalExpr(t *testing.T) {
	// The CFA expression of a lazy-binding PLT entry:
	// rsp + 8 + ((rip & 15) >= 11 ? 8 : 0).
	plt := []byte{opBreg0 + 7, 8, opBreg0 + 16, 0, opLit0 + 15, opAnd, opLit0 + 11, opGe, opLit0 + 3, opShl, opPlus}
	for _, tt := range []struct{ rip, want uint64 }{{0x1000, 0x7008}, {0x100b, 0x7010}} {
		got, err := evalExpr(plt, fakeEnv{7: 0x7000, 16: tt.rip})
		if err != nil || got != tt.want {
			t.Errorf("rip %#x: %#x, %v; want %#x", tt.rip, got, err, tt.want)
		}
	}
	// Signal frame style: CFA pushed, then offset and deref.
	got, err := evalExpr([]byte{opBreg0 + 7, 0x20, opDeref}, fakeEnv{7: 0x100})
	if err != nil || got != 0x240 {
		t.Errorf("deref: %#x, %v", got, err)
	}
	for _, bad := range [][]byte{{opDrop}, {opPlus}, {0xff}, {opSkip, 0xff, 0x7f}, {opConst4u, 1}} {
		if _, err := evalExpr(bad, fakeEnv{}); err == nil {
			t.Errorf("%x: no error", bad)
		}
	}
}

func TestSymbolLookup(t *testing.T) {
	st := &symtab{size: 0x10000, syms: []symbol{
		{value: 0x1000, order: 3, name: "later"},
		{value: 0x1000, order: 1, name: "first"},
		{value: 0x2000, order: 2, name: "b"},
	}}
	sortSyms(st)
	for _, tt := range []struct {
		addr, bias uint64
		name       string
		off        uint64
		ok         bool
	}{
		{0x1010, 0, "first", 0x10, true},
		{0x2000, 0, "b", 0, true},
		{0x5555_0000_2005, 0x5555_0000_0000, "b", 5, true},
		{0x0fff, 0, "", 0, false},
		{0x20000, 0, "", 0, false}, // farther than the file is long
	} {
		name, off, ok := st.lookup(tt.addr, tt.bias)
		if name != tt.name || off != tt.off || ok != tt.ok {
			t.Errorf("lookup(%#x) = %q+%#x %v, want %q+%#x %v", tt.addr, name, off, ok, tt.name, tt.off, tt.ok)
		}
	}
}

// TestSystemLibrary parses the C library: every FDE its .eh_frame_hdr
// lists must parse and cover its table address, and an exported
// function must be found by address.
func TestSystemLibrary(t *testing.T) {
	const lib = "/usr/lib/x86_64-linux-gnu/libc.so.6"
	im, err := openImage(lib)
	if err != nil {
		t.Skipf("%s: %v", lib, err)
	}
	if len(im.table) < 100 {
		t.Fatalf("eh_frame_hdr table has %d entries", len(im.table))
	}
	var m cfiMachine
	for _, e := range im.table {
		f := im.fde(e.fde)
		if f == nil {
			t.Fatalf("FDE at %#x does not parse", e.fde)
		}
		if f.start != e.pc {
			t.Fatalf("FDE at %#x starts at %#x, table says %#x", e.fde, f.start, e.pc)
		}
		if err := m.run(f, f.end-1); err != nil {
			t.Fatalf("FDE at %#x: %v", e.fde, err)
		}
	}
	st := loadSymbols(im.symData)
	var addr uint64
	for _, s := range st.syms {
		if s.name == "__libc_start_main" {
			addr = s.value
		}
	}
	if addr == 0 {
		t.Fatal("__libc_start_main not among the function symbols")
	}
	if name, off, ok := st.lookup(addr+5, 0); !ok || off != 5 || name == "" {
		t.Errorf("lookup(__libc_start_main+5) = %q+%d %v", name, off, ok)
	}
}
