package unwind

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"sort"

	"golang.org/x/sys/unix"
)

// ELF constants used here (x86_64, little endian, ELFCLASS64).
const (
	ptLoad       = 1
	ptGNUEHFrame = 0x6474e550
	pfX          = 1
	shtSymtab    = 2
	shtDynsym    = 11
	sttFunc      = 2
	shnUndef     = 0
	shnAbs       = 0xfff1
	ehdrSize     = 64
	phdrSize     = 56
	shdrSize     = 64
)

var errNotELF = errors.New("not an x86_64 ELF64 file")

// segment is a PT_LOAD program header.
type segment struct {
	offset, vaddr, filesz, memsz uint64
	exec                         bool
}

// image is one ELF file, mapped read-only for the life of the tracer,
// with the parts the unwinder and the symbolizer use. Every offset taken
// from the file is checked against its size before use.
type image struct {
	data     []byte
	segs     []segment
	ehHdr    uint64 // vaddr of .eh_frame_hdr (PT_GNU_EH_FRAME), 0 if none
	ehHdrLen uint64
	table    []hdrEntry      // sorted eh_frame_hdr search table (vaddrs)
	fdes     map[uint64]*fde // parsed FDEs by address (nil: malformed)
	syms     *symtab         // loaded on first name lookup
	symData  []byte          // image whose symbols are used (a debuglink target or data)
	path     string
}

// hdrEntry is one row of the .eh_frame_hdr binary search table.
type hdrEntry struct {
	pc, fde uint64
}

// openImage maps path and parses its headers.
func openImage(path string) (*image, error) {
	data, err := mapFile(path)
	if err != nil {
		return nil, err
	}
	im, err := parseImage(data)
	if err != nil {
		_ = unix.Munmap(data)
		return nil, err
	}
	im.path = path
	return im, nil
}

func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() < ehdrSize {
		return nil, errNotELF
	}
	return unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ, unix.MAP_PRIVATE)
}

// parseImage reads the ELF header, the program headers and the
// .eh_frame_hdr search table of an ELF64 little-endian file.
func parseImage(data []byte) (*image, error) {
	if !validELF(data) {
		return nil, errNotELF
	}
	im := &image{data: data, symData: data}
	le := binary.LittleEndian
	phoff := le.Uint64(data[32:])
	phentsize := uint64(le.Uint16(data[54:]))
	phnum := uint64(le.Uint16(data[56:]))
	if phentsize < phdrSize {
		phnum = 0
	}
	for i := uint64(0); i < phnum; i++ {
		off := phoff + i*phentsize
		if off+phdrSize < off || off+phdrSize > uint64(len(data)) {
			break
		}
		ph := data[off:]
		typ, flags := le.Uint32(ph), le.Uint32(ph[4:])
		switch typ {
		case ptLoad:
			im.segs = append(im.segs, segment{
				offset: le.Uint64(ph[8:]), vaddr: le.Uint64(ph[16:]),
				filesz: le.Uint64(ph[32:]), memsz: le.Uint64(ph[40:]),
				exec: flags&pfX != 0,
			})
		case ptGNUEHFrame:
			im.ehHdr, im.ehHdrLen = le.Uint64(ph[16:]), le.Uint64(ph[32:])
		}
	}
	im.table = im.parseHdrTable()
	return im, nil
}

func validELF(data []byte) bool {
	return len(data) >= ehdrSize && string(data[:4]) == "\x7fELF" &&
		data[4] == 2 && data[5] == 1 && data[6] == 1
}

// bytesAt returns the file bytes backing the n bytes at vaddr, or nil.
func (im *image) bytesAt(vaddr, n uint64) []byte {
	for _, s := range im.segs {
		if vaddr >= s.vaddr && vaddr-s.vaddr < s.filesz {
			off := s.offset + (vaddr - s.vaddr)
			if off < s.offset || off > uint64(len(im.data)) {
				return nil
			}
			rest := uint64(len(im.data)) - off
			if end := s.filesz - (vaddr - s.vaddr); rest > end {
				rest = end
			}
			if n > rest {
				n = rest
			}
			return im.data[off : off+n]
		}
	}
	return nil
}

// DW_EH_PE pointer encodings.
const (
	pePtr     = 0x00
	peUleb128 = 0x01
	peUdata2  = 0x02
	peUdata4  = 0x03
	peUdata8  = 0x04
	peSleb128 = 0x09
	peSdata2  = 0x0a
	peSdata4  = 0x0b
	peSdata8  = 0x0c
	pePcrel   = 0x10
	peDatarel = 0x30
	peOmit    = 0xff
)

// parseHdrTable reads the sorted (initial location, FDE address) table
// that .eh_frame_hdr carries when its entries are datarel sdata4, the
// only table layout the reference unwinder searches.
func (im *image) parseHdrTable() []hdrEntry {
	if im.ehHdr == 0 || im.ehHdrLen < 4 {
		return nil
	}
	b := im.bytesAt(im.ehHdr, im.ehHdrLen)
	if len(b) < 4 || b[0] != 1 {
		return nil
	}
	r := reader{buf: b, pos: 4, base: im.ehHdr}
	if _, ok := r.pointer(b[1], im.ehHdr); !ok { // eh_frame_ptr
		return nil
	}
	count, ok := r.pointer(b[2], im.ehHdr)
	if !ok || b[3] != peDatarel|peSdata4 {
		return nil
	}
	avail := uint64(len(b)-r.pos) / 8
	if count > avail {
		count = avail
	}
	table := make([]hdrEntry, 0, count)
	le := binary.LittleEndian
	for i := uint64(0); i < count; i++ {
		p := r.pos + int(i)*8
		pc := im.ehHdr + uint64(int64(int32(le.Uint32(b[p:]))))
		fde := im.ehHdr + uint64(int64(int32(le.Uint32(b[p+4:]))))
		table = append(table, hdrEntry{pc, fde})
	}
	return table
}

// lookupFDE returns the FDE address for the file-relative address pc
// by binary search of the .eh_frame_hdr table.
func (im *image) lookupFDE(pc uint64) (uint64, bool) {
	t := im.table
	i := sort.Search(len(t), func(i int) bool { return t[i].pc > pc })
	if i == 0 {
		return 0, false
	}
	return t[i-1].fde, true
}

// loadBias is the difference between run-time and file addresses for
// an image mapped at start from file offset off: the PT_LOAD whose
// p_offset equals off decides, and without one the bias is 0.
func (im *image) loadBias(start, off uint64) (uint64, *segment) {
	for i := range im.segs {
		if im.segs[i].offset == off {
			return start - im.segs[i].vaddr, &im.segs[i]
		}
	}
	return 0, nil
}

// useDebugLink follows .gnu_debuglink to a separate file with symbols,
// looked for beside the file, in its .debug directory and under
// /usr/lib/debug, as the reference unwinder does.
func (im *image) useDebugLink() {
	link := im.section(".gnu_debuglink")
	if link == nil {
		return
	}
	n := 0
	for n < len(link) && link[n] != 0 {
		n++
	}
	if n == len(link) || n == 0 {
		return
	}
	name := string(link[:n])
	dir := filepath.Dir(im.path)
	for _, cand := range []string{dir + "/" + name, dir + "/.debug/" + name, "/usr/lib/debug" + dir + "/" + name} {
		d, err := mapFile(cand)
		if err != nil {
			continue
		}
		if !validELF(d) {
			_ = unix.Munmap(d)
			continue
		}
		im.symData = d
		return
	}
}

// section returns the contents of the named section of the image.
func (im *image) section(name string) []byte {
	for _, sh := range sections(im.data) {
		if sh.name(im.data) == name {
			return sh.contents(im.data)
		}
	}
	return nil
}

// shdr is a section header.
type shdr struct {
	nameOff uint32
	typ     uint32
	offset  uint64
	size    uint64
	link    uint32
	entsize uint64
	strtab  *shdr // section name string table
}

func (s *shdr) contents(data []byte) []byte {
	if s.offset > uint64(len(data)) || s.size > uint64(len(data))-s.offset {
		return nil
	}
	return data[s.offset : s.offset+s.size]
}

func (s *shdr) name(data []byte) string {
	if s.strtab == nil {
		return ""
	}
	return cString(s.strtab.contents(data), uint64(s.nameOff))
}

// sections parses the section header table.
func sections(data []byte) []shdr {
	if !validELF(data) {
		return nil
	}
	le := binary.LittleEndian
	shoff := le.Uint64(data[40:])
	entsize := uint64(le.Uint16(data[58:]))
	num := uint64(le.Uint16(data[60:]))
	strndx := uint64(le.Uint16(data[62:]))
	if entsize < shdrSize || shoff > uint64(len(data)) || num > (uint64(len(data))-shoff)/entsize {
		return nil
	}
	out := make([]shdr, num)
	for i := range out {
		h := data[shoff+uint64(i)*entsize:]
		out[i] = shdr{
			nameOff: le.Uint32(h), typ: le.Uint32(h[4:]),
			offset: le.Uint64(h[24:]), size: le.Uint64(h[32:]),
			link: le.Uint32(h[40:]), entsize: le.Uint64(h[56:]),
		}
	}
	if strndx < num {
		for i := range out {
			out[i].strtab = &out[strndx]
		}
	}
	return out
}

// cString reads the NUL-terminated string at off of tab.
func cString(tab []byte, off uint64) string {
	if off >= uint64(len(tab)) {
		return ""
	}
	s := tab[off:]
	for i, c := range s {
		if c == 0 {
			return string(s[:i])
		}
	}
	return string(s)
}
