package sysent

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		nr    int
		name  string
		nargs int
		class Class
	}{
		{0, "read", 3, Desc},
		{59, "execve", 3, File | Process},
		{262, "newfstatat", 4, Desc | File | FStat | StatLike},
		{435, "clone3", 2, Process},
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.nr)
		if !ok || e.Name != tt.name || e.NArgs != tt.nargs || e.Class != tt.class {
			t.Errorf("Lookup(%d) = %+v, %v; want %s/%d/%b", tt.nr, e, ok, tt.name, tt.nargs, tt.class)
		}
		if nr, ok := Number(tt.name); !ok || nr != tt.nr {
			t.Errorf("Number(%q) = %d, %v", tt.name, nr, ok)
		}
	}
	if _, ok := Lookup(400); ok {
		t.Error("Lookup(400) found an entry in the reserved range")
	}
	if got := Name(1000); got != "syscall_0x3e8" {
		t.Errorf("Name(1000) = %q", got)
	}
}

func TestLoadRejectsBadLines(t *testing.T) {
	for _, text := range []string{"1 x 1\n", "999 x 1 D\n", "1 x y D\n"} {
		if err := load(text); err == nil {
			t.Errorf("load(%q) succeeded", text)
		}
	}
}

func TestErrno(t *testing.T) {
	tests := []struct {
		e          int
		name, text string
	}{
		{2, "ENOENT", "No such file or directory"},
		{11, "EAGAIN", "Resource temporarily unavailable"},
		{512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
	}
	for _, tt := range tests {
		name, ok := ErrnoName(tt.e)
		if !ok || name != tt.name || ErrnoText(tt.e) != tt.text {
			t.Errorf("errno %d: %q %v %q", tt.e, name, ok, ErrnoText(tt.e))
		}
	}
	if _, ok := ErrnoName(41); ok {
		t.Error("errno 41 has a name")
	}
}
