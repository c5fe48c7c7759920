package format

import "testing"

func TestAppendCString(t *testing.T) {
	mixed := "a\tb\n\"\\\x011\x019\x1bx\x7f\x80\xff "
	tests := []struct {
		in   string
		esc  Escape
		want string
	}{
		{mixed, EscapeOctal, `"a\tb\n\"\\\0011\19\33x\177\200\377 "`},
		{mixed, EscapeHexIfAny, `"\x61\x09\x62\x0a\x22\x5c\x01\x31\x01\x39\x1b\x78\x7f\x80\xff\x20"`},
		{"plain text\n", EscapeHexIfAny, `"plain text\n"`},
		{"ab", EscapeHexAll, `"\x61\x62"`},
		{"\x00", EscapeOctal, `"\0"`},
		{"", EscapeOctal, `""`},
	}
	for _, tt := range tests {
		if got := string(AppendCString(nil, []byte(tt.in), tt.esc)); got != tt.want {
			t.Errorf("AppendCString(%q, %d) = %s, want %s", tt.in, tt.esc, got, tt.want)
		}
	}
}

func FuzzAppendCString(f *testing.F) {
	f.Add([]byte("a\x00\x019\xff"), 0)
	f.Fuzz(func(t *testing.T, s []byte, esc int) {
		out := AppendCString(nil, s, Escape(esc&3))
		if len(out) < 2 || out[0] != '"' || out[len(out)-1] != '"' {
			t.Fatalf("unquoted output %q", out)
		}
	})
}
