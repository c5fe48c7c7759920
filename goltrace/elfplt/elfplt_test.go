package elfplt

import (
	"bytes"
	"debug/elf"
	"os"
	"testing"
)

func TestTrue(t *testing.T) {
	img, err := Open("/bin/true")
	if err != nil {
		t.Skipf("/bin/true: %v", err)
	}
	if !img.PIE || len(img.Symbols) == 0 {
		t.Fatalf("PIE %v, %d PLT entries", img.PIE, len(img.Symbols))
	}
	seen := map[string]bool{}
	for _, s := range img.Symbols {
		if s.Name == "" || s.Addr == 0 || seen[s.Name] {
			t.Errorf("bad entry %+v", s)
		}
		seen[s.Name] = true
	}
}

func FuzzRead(f *testing.F) {
	if b, err := os.ReadFile("/bin/true"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("\x7fELF\x02\x01\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ef, err := elf.NewFile(bytes.NewReader(b))
		if err != nil {
			return
		}
		_, _ = Read(ef)
	})
}
