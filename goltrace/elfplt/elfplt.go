// Package elfplt finds the procedure linkage table entries of an x86_64
// ELF executable: for each function the program imports through
// .rela.plt, the address of the PLT stub that calls go through, which is
// where ltrace puts its breakpoints.
package elfplt

import (
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
)

// Entry is one imported function and its PLT stub (an address in the
// file's own address space: add the load bias for PIE executables).
type Entry struct {
	Name string
	Addr uint64
}

// Image is what the tracer needs to know about an executable.
type Image struct {
	Entry   uint64 // e_entry
	PIE     bool   // ET_DYN: addresses move by the load bias
	Symbols []Entry
}

// ErrNoDynsym is returned for executables without dynamic symbols
// (static binaries).
var ErrNoDynsym = errors.New("no .dynsym or .dynstr")

const (
	pltEntrySize    = 16
	rX8664JumpSlot  = 7
	rX8664Irelative = 37
)

// Open reads the PLT entries of the executable at path.
func Open(path string) (*Image, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f)
}

// Read reads the PLT entries of an opened ELF file.
func Read(f *elf.File) (*Image, error) {
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 {
		return nil, fmt.Errorf("not an x86_64 ELF64 file")
	}
	img := &Image{Entry: f.Entry, PIE: f.Type == elf.ET_DYN}
	if f.Section(".dynsym") == nil || f.Section(".dynstr") == nil {
		return img, ErrNoDynsym
	}
	syms, err := f.DynamicSymbols()
	if err != nil {
		return img, fmt.Errorf("dynamic symbols: %w", err)
	}
	rela := f.Section(".rela.plt")
	// With IBT the calls go through .plt.sec; ltrace 0.7.3 still places
	// its breakpoints in .plt, where such calls never pass.
	plt := f.Section(".plt")
	if rela == nil || plt == nil {
		return img, nil
	}
	data, err := rela.Data()
	if err != nil {
		return img, fmt.Errorf("read .rela.plt: %w", err)
	}
	for i := 0; i+24 <= len(data); i += 24 {
		info := binary.LittleEndian.Uint64(data[i+8:])
		typ, sym := uint32(info), int(info>>32)
		if typ != rX8664JumpSlot || sym == 0 || sym > len(syms) {
			continue
		}
		img.Symbols = append(img.Symbols, Entry{
			Name: syms[sym-1].Name,
			Addr: plt.Addr + uint64(i/24+1)*pltEntrySize,
		})
	}
	return img, nil
}

// Functions returns the defined function symbols of the executable's
// symbol table (.symtab, falling back to .dynsym), for -x.
func Functions(path string) ([]Entry, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		syms, err = f.DynamicSymbols()
		if err != nil {
			return nil, fmt.Errorf("symbols of %s: %w", path, err)
		}
	}
	var out []Entry
	for _, s := range syms {
		if elf.ST_TYPE(s.Info) == elf.STT_FUNC && s.Section != elf.SHN_UNDEF && s.Value != 0 {
			out = append(out, Entry{Name: s.Name, Addr: s.Value})
		}
	}
	return out, nil
}

// libDirs are searched for a DT_NEEDED library, after LD_LIBRARY_PATH.
var libDirs = []string{"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"}

// Library is a shared library the executable needs.
type Library struct {
	Soname string
	Path   string // "" when it was not found
}

// Needed lists the DT_NEEDED libraries of the executable at path, with
// where they are found (extra directories first).
func Needed(path string, extra []string) ([]Library, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.ImportedLibraries()
	if err != nil {
		return nil, fmt.Errorf("DT_NEEDED of %s: %w", path, err)
	}
	dirs := append(append([]string(nil), extra...), libDirs...)
	libs := make([]Library, 0, len(names))
	for _, n := range names {
		lib := Library{Soname: n}
		for _, d := range dirs {
			p := d + "/" + n
			if g, err := elf.Open(p); err == nil {
				ok := g.Class == elf.ELFCLASS64 && g.Machine == elf.EM_X86_64
				g.Close()
				if ok {
					lib.Path = p
					break
				}
			}
		}
		libs = append(libs, lib)
	}
	return libs, nil
}

// Exports returns the names of the functions a shared library defines
// (STT_FUNC only: ltrace 0.7.3 does not count IFUNC symbols).
func Exports(path string) (map[string]bool, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	syms, err := f.DynamicSymbols()
	if err != nil {
		return nil, fmt.Errorf("dynamic symbols of %s: %w", path, err)
	}
	out := make(map[string]bool, len(syms))
	for _, s := range syms {
		if elf.ST_TYPE(s.Info) == elf.STT_FUNC && s.Section != elf.SHN_UNDEF {
			out[s.Name] = true
		}
	}
	return out, nil
}
