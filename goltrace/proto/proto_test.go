package proto

import (
	"os"
	"strings"
	"testing"
)

func TestParseLine(t *testing.T) {
	cfg := New()
	for _, line := range []string{
		"typedef in_addr = struct(hex(uint));",
		"typedef sigset_t = bitvec(ulong);",
		"int puts(string);",
		"addr memcpy(addr,string(array(char, arg3)*),ulong);",
		"long read(int, +string[retval], ulong);",
		"long  SYS_read(int,+string0,ulong);",
		"int open(string,int,octal);		; WARNING: 3rd argument may not be there",
		"int sigprocmask(enum(SIG_BLOCK=1, SIG_UNBLOCK, SIG_SETMASK=3), sigset_t*, +sigset_t*);",
		"hex(uint) inet_addr(string);",
		"void sync();",
		"int fprintf(file,format);",
		"; a comment",
		"",
	} {
		if err := cfg.ParseLine(line); err != nil {
			t.Errorf("%q: %v", line, err)
		}
	}
	tests := []struct {
		name   string
		params int
		check  func(f *Func) bool
	}{
		{"puts", 1, func(f *Func) bool { return f.Ret.Kind == Int && f.Params[0].Type.Kind == String }},
		{"memcpy", 3, func(f *Func) bool { return f.Params[1].Type.Len == Expr{Kind: Arg, N: 3} }},
		{"read", 3, func(f *Func) bool { return f.Params[1].Out && f.Params[1].Type.Len.Kind == Retval }},
		{"SYS_read", 3, func(f *Func) bool { return f.Params[1].Type.Len == Expr{Kind: Retval, NulStop: true} }},
		{"open", 3, func(f *Func) bool { return f.Params[2].Type.Lens == Octal }},
		{"sigprocmask", 3, func(f *Func) bool {
			e := f.Params[0].Type.Enum
			return len(e) == 3 && e[1] == EnumValue{"SIG_UNBLOCK", 2} && f.Params[1].Type.Kind == Pointer && f.Params[1].Type.Elem.Kind == Bitvec
		}},
		{"inet_addr", 1, func(f *Func) bool { return f.Ret.Kind == Uint && f.Ret.Lens == Hex }},
		{"sync", 0, func(f *Func) bool { return f.Ret.Kind == Void }},
		{"fprintf", 2, func(f *Func) bool { return f.Params[1].Type.Kind == Format }},
	}
	for _, tc := range tests {
		f, ok := cfg.Lookup(tc.name)
		if !ok {
			t.Errorf("%s: not declared", tc.name)
			continue
		}
		if len(f.Params) != tc.params || !tc.check(f) {
			t.Errorf("%s: parsed as %+v", tc.name, f)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, line := range []string{
		"int puts(string)",
		"int (string);",
		"nosuchtype f(int);",
		"int f(array(char, bogus));",
		"typedef x struct();",
		"int f(enum(A=x));",
		"int f(" + strings.Repeat("struct(", 100) + "int" + strings.Repeat(")", 100) + ");",
	} {
		if err := New().ParseLine(line); err == nil {
			t.Errorf("%q: accepted", line)
		}
	}
}

// TestSystemConfig parses the installed ltrace.conf without errors.
func TestSystemConfig(t *testing.T) {
	f, err := os.Open("/etc/ltrace.conf")
	if err != nil {
		t.Skip("/etc/ltrace.conf is not installed")
	}
	defer f.Close()
	cfg := New()
	if err := cfg.Load(f, "/etc/ltrace.conf"); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Funcs) < 400 {
		t.Errorf("only %d prototypes", len(cfg.Funcs))
	}
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		"int puts(string);",
		"typedef in_addr = struct(hex(uint));",
		"addr memcpy(addr,string(array(char, arg3)*),ulong);",
		"long read(int, +string[retval], ulong);",
		"int f(enum[uint](A=1,B), bitvec(ulong)*, string(array(char, zero(4))*));",
		"long  SYS_read(int,+string0,ulong);",
		"int sigaction(signum, sigaction*, +sigaction*);",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		cfg := New()
		_ = cfg.ParseLine("typedef signum = enum(SIGHUP=1);")
		_ = cfg.ParseLine(line)
	})
}
