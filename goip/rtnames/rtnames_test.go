package rtnames

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDatabaseFilesAndDirectory(t *testing.T) {
	dir := t.TempDir()
	saved := ConfDir
	ConfDir = dir
	defer func() { ConfDir = saved }()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "rt_tables"), []byte("# comment\n255\tlocal\n 0x64 hundred # trailing\n"), 0o644))
	must(os.MkdirAll(filepath.Join(dir, "rt_tables.d"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "rt_tables.d", "vpn.conf"), []byte("1000 vpn\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "rt_tables.d", "ignored.txt"), []byte("7 nope\n"), 0o644))
	db := NewDB("rt_tables", 0xffffffff, map[uint32]string{254: "main"})
	for name, want := range map[string]uint32{"main": 254, "local": 255, "hundred": 100, "vpn": 1000, "0x10": 16, "010": 8, "42": 42} {
		if id, ok := db.ID(name); !ok || id != want {
			t.Errorf("ID(%q) = %d, %v; want %d", name, id, ok, want)
		}
	}
	for _, bad := range []string{"nope", "mai", "", "-1", "1x", "4294967296"} {
		if _, ok := db.ID(bad); ok {
			t.Errorf("ID(%q) accepted", bad)
		}
	}
	for id, want := range map[uint32]string{100: "hundred", 1000: "vpn", 7: "7", 254: "main"} {
		if got := db.Name(id); got != want {
			t.Errorf("Name(%d) = %q, want %q", id, got, want)
		}
	}
}

func TestParseUintIsStrtoul(t *testing.T) {
	for s, want := range map[string]uint64{"0": 0, "255": 255, "0xff": 255, "0377": 255, "+7": 7} {
		if v, ok := ParseUint(s, 255); !ok || v != want {
			t.Errorf("%q: %d %v", s, v, ok)
		}
	}
	for _, s := range []string{"256", "0x", "08", "1.5", " "} {
		if _, ok := ParseUint(s, 255); ok {
			t.Errorf("%q accepted", s)
		}
	}
}
