package dissect

import "testing"

func TestFormatUnknownLikeC(t *testing.T) {
	for _, c := range []struct {
		f    string
		v    uint32
		want string
	}{
		{"#%d", 5, "#5"}, {"#%d", 0xffffffff, "#-1"}, {"%u", 0xffffffff, "4294967295"},
		{"unknown (%lu)", 7, "unknown (7)"}, {"#%08x", 0xab, "#000000ab"}, {"none", 3, "none"},
		{"Unknown Ethertype (0x%04x)", 0x1234, "Unknown Ethertype (0x1234)"},
	} {
		if got := formatUnknown(c.f, c.v); got != c.want {
			t.Errorf("formatUnknown(%q, %d) = %q, want %q", c.f, c.v, got, c.want)
		}
	}
}
