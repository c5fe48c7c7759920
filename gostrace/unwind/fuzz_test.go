package unwind

import (
	"encoding/binary"
	"os"
	"testing"
)

// sectionAt serves sec as if it were loaded at address 0x1000.
func sectionAt(sec []byte) func(addr, n uint64) []byte {
	return func(addr, n uint64) []byte {
		if addr < 0x1000 || addr-0x1000 >= uint64(len(sec)) {
			return nil
		}
		off := addr - 0x1000
		if n > uint64(len(sec))-off {
			n = uint64(len(sec)) - off
		}
		return sec[off : off+n]
	}
}

// FuzzCFI feeds arbitrary .eh_frame bytes to the CIE/FDE parser, the
// CFA program interpreter and the expression evaluator. The first two
// bytes give the offset of the FDE in the rest.
func FuzzCFI(f *testing.F) {
	at, fdeAddr := cfiImage()
	sec := at(0x1000, 1<<20)
	seed := binary.LittleEndian.AppendUint16(nil, uint16(fdeAddr-0x1000))
	f.Add(append(seed, sec...))
	if im, err := openImage("/usr/lib/x86_64-linux-gnu/libc.so.6"); err == nil && len(im.table) > 0 {
		// Real FDEs with their CIEs: the page-aligned window of
		// .eh_frame around a few of them.
		for _, i := range []int{0, len(im.table) / 2, len(im.table) - 1} {
			e := im.table[i]
			base := e.fde &^ 0xfff
			win := im.bytesAt(base, 0x2000)
			if len(win) > 0 {
				f.Add(append(binary.LittleEndian.AppendUint16(nil, uint16(e.fde-base)), win...))
			}
		}
	}
	f.Add([]byte{0, 0, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7, 8})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		off := uint64(binary.LittleEndian.Uint16(data))
		sec := data[2:]
		var fd fde
		if err := parseFDEInto(&fd, sectionAt(sec), 0x1000+off); err == nil {
			var m cfiMachine
			_ = m.run(&fd, fd.start+uint64(len(sec)%64))
			_ = m.run(&fd, fd.end-1)
		}
		_, _ = evalExpr(sec, fakeEnv{7: 0x7000, 16: 0x401000}, 0x7010)
	})
}

// FuzzImage parses arbitrary bytes as an ELF file: headers, section
// table, symbols, the .eh_frame_hdr table and the FDEs it points to.
func FuzzImage(f *testing.F) {
	for _, p := range []string{"/usr/bin/true", "/usr/lib/x86_64-linux-gnu/libc.so.6"} {
		if b, err := os.ReadFile(p); err == nil {
			if len(b) > 64<<10 {
				b = b[:64<<10]
			}
			f.Add(b)
		}
	}
	f.Add([]byte("\x7fELF\x02\x01\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := parseImage(data)
		if err != nil {
			return
		}
		st := loadSymbols(data)
		st.lookup(0x1234, 0)
		_ = im.section(".gnu_debuglink")
		var m cfiMachine
		for i, e := range im.table {
			if i == 64 {
				break
			}
			if fd := im.fde(e.fde); fd != nil {
				_ = m.run(fd, e.pc+4)
			}
			im.lookupFDE(e.pc)
		}
		im.loadBias(0x555555554000, 0x1000)
	})
}

// FuzzDemangle: any symbol name demangles or is refused, never panics.
func FuzzDemangle(f *testing.F) {
	for _, s := range []string{
		"_ZN3foo3barEic", "_Z5twiceIdET_S0_", "_Z4workv.part.0",
		"_ZNSt8_Rb_treeIiiSt9_IdentityIiESt4lessIiESaIiEE16_M_insert_uniqueIRKiEESt4pairISt17_Rb_tree_iteratorIiEbEOT_",
		"_ZZNSt8__detail18__to_chars_10_implIjEEvPcjT_E8__digits", "_ZThn8_N3foo3barEv",
		"_ZNSt8ios_base7failureB5cxx11C1EPKcRKSt10error_code", "_Z2cbPFviEm", "_ZStlsIcSt11char_traitsIcEERSt13basic_ostreamIT_T0_ES6_PKc",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		demangle(s)
	})
}

// FuzzMaps: /proc/PID/maps parsing of arbitrary text.
func FuzzMaps(f *testing.F) {
	f.Add([]byte("555555554000-555555556000 r-xp 00001000 08:01 1234 /usr/bin/true\n"))
	f.Add([]byte("7ffff7fc5000-7ffff7fc7000 r-xp 00000000 00:00 0 [vdso]\nffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0 [vsyscall]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		maps := parseMaps(data)
		for i := 1; i < len(maps); i++ {
			if maps[i].Start < maps[i-1].End {
				t.Fatalf("mappings overlap or descend: %+v", maps)
			}
		}
		find(maps, 0x555555555000)
	})
}
