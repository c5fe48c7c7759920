package main

import (
	"slices"
	"testing"

	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/gostrace/decode"
)

func nr(t *testing.T, name string) int {
	t.Helper()
	n, ok := sysent.Number(name)
	if !ok {
		t.Fatalf("no syscall %s", name)
	}
	return n
}

func TestSyscallSets(t *testing.T) {
	tests := []struct {
		expr    string
		in, out []string
		wantErr bool
	}{
		{expr: "open,close", in: []string{"open", "close"}, out: []string{"read"}},
		{expr: "!open", in: []string{"read"}, out: []string{"open"}},
		{expr: "%file", in: []string{"open", "execve", "newfstatat"}, out: []string{"read", "close"}},
		{expr: "%net", in: []string{"socket", "connect"}, out: []string{"open"}},
		{expr: "%%stat", in: []string{"stat", "fstat", "newfstatat", "statx"}, out: []string{"statfs"}},
		{expr: "/^get.*id$", in: []string{"getpid", "getuid"}, out: []string{"gettimeofday"}},
		{expr: "?nosuch,read", in: []string{"read"}},
		{expr: "none", out: []string{"read"}},
		{expr: "nosuch", wantErr: true},
		{expr: "%nosuch", wantErr: true},
	}
	for _, tt := range tests {
		var s syscallSet
		err := parseSyscallSet(tt.expr, &s)
		if (err != nil) != tt.wantErr {
			t.Errorf("%q: err %v", tt.expr, err)
			continue
		}
		for _, name := range tt.in {
			if n, ok := sysent.Number(name); ok && !s[n] {
				t.Errorf("%q: %s not in set", tt.expr, name)
			}
		}
		for _, name := range tt.out {
			if n, ok := sysent.Number(name); ok && s[n] {
				t.Errorf("%q: %s in set", tt.expr, name)
			}
		}
	}
}

func TestParseOptions(t *testing.T) {
	o, err := parseOptions([]string{"strace", "-f", "-f", "-s", "64", "-e", "trace=open", "-yy", "-tt", "-o", "x", "ls", "-l"})
	if err != nil {
		t.Fatal(err)
	}
	if o.follow != 2 || o.strLen != 64 || o.decodeFDs != decode.FDAll || o.timestamps != 2 || o.outName != "x" {
		t.Errorf("parsed %+v", o)
	}
	if len(o.args) != 2 || o.args[0] != "ls" || o.args[1] != "-l" {
		t.Errorf("operands %q (options must stop at the command)", o.args)
	}
	if !o.trace[nr(t, "open")] || o.trace[nr(t, "read")] {
		t.Error("trace set wrong")
	}
	for _, bad := range [][]string{{"strace"}, {"strace", "-s", "x", "ls"}, {"strace", "-K", "ls"}, {"strace", "-e", "signal=FOO", "ls"}} {
		if _, err := parseOptions(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestInjectionWhen(t *testing.T) {
	inj, err := parseInjection("read:error=ENOENT:when=2..4+2", false)
	if err != nil {
		t.Fatal(err)
	}
	r := nr(t, "read")
	var fired []int
	for k := 1; k <= 6; k++ {
		if inj.fires(r) {
			fired = append(fired, k)
		}
	}
	if len(fired) != 2 || fired[0] != 2 || fired[1] != 4 {
		t.Errorf("fired on %v, want [2 4]", fired)
	}
	if inj.errno != 2 {
		t.Errorf("errno %d", inj.errno)
	}
}

func TestSplitArgs(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"0", []string{"0"}},
		{`AT_FDCWD, "/a, b", O_RDONLY|O_CLOEXEC`, []string{"AT_FDCWD", `"/a, b"`, "O_RDONLY|O_CLOEXEC"}},
		{`3, "\"x,\\", 5`, []string{"3", `"\"x,\\"`, "5"}},
		{`{st_mode=S_IFREG|0644, st_size=3, ...}, [{fd=0, events=POLLIN}], 1`, []string{"{st_mode=S_IFREG|0644, st_size=3, ...}", "[{fd=0, events=POLLIN}]", "1"}},
		{`NULL, 8, htons(0 /* ETH_P_??? */)`, []string{"NULL", "8", "htons(0 /* ETH_P_??? */)"}},
	} {
		if got := splitArgs(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("splitArgs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
