package unwind

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// verbose expands the std:: abbreviations the way c++filt (which asks
// libiberty for DMGL_VERBOSE) prints them; strace does not ask for it.
var (
	reAbbrev = regexp.MustCompile(`std::(string|istream|ostream|iostream)\b`)
	reCloser = regexp.MustCompile(`([^r])>>`)
	verbose  = map[string]string{
		"std::string":   "std::basic_string<char, std::char_traits<char>, std::allocator<char> >",
		"std::istream":  "std::basic_istream<char, std::char_traits<char> >",
		"std::ostream":  "std::basic_ostream<char, std::char_traits<char> >",
		"std::iostream": "std::basic_iostream<char, std::char_traits<char> >",
	}
)

// TestDemangleVsCxxfilt checks every C++ symbol exported by a few
// libraries against c++filt: a name demangled here must read exactly as
// libiberty prints it. Names left mangled are counted, not failed.
func TestDemangleVsCxxfilt(t *testing.T) {
	if _, err := exec.LookPath("c++filt"); err != nil {
		t.Skip("c++filt (binutils) not installed")
	}
	libs := []string{
		"/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
		"/usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0",
		"/usr/lib/x86_64-linux-gnu/libboost_program_options.so.1.74.0",
		"/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1",
	}
	for _, lib := range libs {
		if _, err := os.Stat(lib); err != nil {
			continue
		}
		out, err := exec.Command("sh", "-c", "nm -D --defined-only "+lib+" | awk '{print $3}' | grep '^_Z' | sed 's/@.*//' | sort -u").Output()
		if err != nil || len(out) == 0 {
			continue
		}
		names := strings.Split(strings.TrimSpace(string(out)), "\n")
		filt := exec.Command("c++filt")
		filt.Stdin = strings.NewReader(strings.Join(names, "\n") + "\n")
		res, err := filt.Output()
		if err != nil {
			t.Fatalf("c++filt: %v", err)
		}
		want := strings.Split(strings.TrimSpace(string(res)), "\n")
		if len(want) != len(names) {
			t.Fatalf("c++filt returned %d lines for %d names", len(want), len(names))
		}
		done, wrong := 0, 0
		for i, n := range names {
			got, ok := demangle(n)
			if !ok {
				continue
			}
			done++
			long := reAbbrev.ReplaceAllStringFunc(got, func(m string) string { return verbose[m] })
			if long != got {
				// Expanded names end in '>': template argument lists
				// closing after them get libiberty's "> >".
				long = reCloser.ReplaceAllString(reCloser.ReplaceAllString(long, "$1> >"), "$1> >")
			}
			if long != want[i] {
				if wrong++; wrong <= 10 {
					t.Errorf("%s\n  got  %s\n  want %s", n, got, want[i])
				}
			}
		}
		t.Logf("%s: %d of %d names demangled, %d differ from c++filt", lib, done, len(names), wrong)
	}
}
