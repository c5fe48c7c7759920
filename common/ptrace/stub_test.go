package ptrace

import (
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestStubMatchesAssembler checks stubCode against its source.
func TestStubMatchesAssembler(t *testing.T) {
	for _, tool := range []string{"as", "objcopy"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s (binutils) not installed", tool)
		}
	}
	dir := t.TempDir()
	obj, bin := filepath.Join(dir, "stub.o"), filepath.Join(dir, "stub.bin")
	if out, err := exec.Command("as", "-o", obj, "testdata/stub.S").CombinedOutput(); err != nil {
		t.Fatalf("as: %v\n%s", err, out)
	}
	if out, err := exec.Command("objcopy", "-O", "binary", "-j", ".text", obj, bin).CombinedOutput(); err != nil {
		t.Fatalf("objcopy: %v\n%s", err, out)
	}
	want, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, stubCode) {
		t.Errorf("stubCode differs from testdata/stub.S:\n got % x\nwant % x", stubCode, want)
	}
}

// TestStubELF checks that the image is an executable the ELF reader
// accepts, with its entry point at the code.
func TestStubELF(t *testing.T) {
	img := stubELF(stubCode)
	if !bytes.Equal(stubImage(nil, 5)[len(img)-8:len(img)], []byte{5, 0, 0, 0, 0, 0, 0, 0}) {
		t.Errorf("ignore mask not at the end of the code")
	}
	f, err := elf.NewFile(bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	if f.Type != elf.ET_EXEC || f.Machine != elf.EM_X86_64 || len(f.Progs) != 1 {
		t.Fatalf("type %v machine %v progs %d", f.Type, f.Machine, len(f.Progs))
	}
	off := f.Entry - f.Progs[0].Vaddr
	if !bytes.Equal(img[off:], stubCode) {
		t.Errorf("entry %#x does not point at the code", f.Entry)
	}
}
