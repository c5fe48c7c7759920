package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestJSONMatchesText checks that --json carries the same calls as the
// text trace: every syscall event, rebuilt as "name(args) = return",
// equals the text line with its column padding squeezed, and signals
// and the exit are events of their own.
func TestJSONMatchesText(t *testing.T) {
	gostrace, progs := diffEnv(t)
	flags := []string{"-e", "trace=openat,close,read,write,kill,exit_group"}
	run := func(extra ...string) string {
		args := append(append(append([]string{}, extra...), flags...), filepath.Join(progs, "signals"))
		cmd := exec.Command(gostrace, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		_ = cmd.Run()
		return stderr.String()
	}
	squeeze := regexp.MustCompile(`\) +=`)
	var want []string
	for _, l := range strings.Split(run(), "\n") {
		if strings.HasPrefix(l, "---") || strings.HasPrefix(l, "+++") || strings.Contains(l, "Process ") || l == "" {
			continue
		}
		want = append(want, squeeze.ReplaceAllString(l, ") ="))
	}
	var got []string
	kinds := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(run("--json")))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "{") {
			continue // notices such as "Process N attached"
		}
		var ev struct {
			Type, Syscall, Return string
			Args                  []string
		}
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		kinds[ev.Type]++
		if ev.Type == "syscall" {
			got = append(got, ev.Syscall+"("+strings.Join(ev.Args, ", ")+") = "+ev.Return)
		}
	}
	pids := regexp.MustCompile(`\b\d{3,}\b`)
	if g, w := pids.ReplaceAllString(strings.Join(got, "\n"), "N"), pids.ReplaceAllString(strings.Join(want, "\n"), "N"); g != w {
		t.Errorf("json calls differ from the text trace:\njson:\n%s\ntext:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if kinds["signal"] == 0 || kinds["exited"] != 1 {
		t.Errorf("event kinds %v: want signals and one exit", kinds)
	}
}
