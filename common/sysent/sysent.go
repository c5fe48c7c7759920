// Package sysent holds the x86_64 Linux system call table: numbers, names,
// argument counts and the strace trace classes (%file, %network, …) each
// call belongs to. gostrace filters and decodes by it; goltrace -S names
// system calls with it.
package sysent

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// Class is a set of strace trace classes.
type Class uint32

// Trace classes, as accepted by strace's -e trace=%class.
const (
	File       Class = 1 << iota // %file: takes a file name
	Desc                         // %desc: takes or returns a file descriptor
	Network                      // %network
	Process                      // %process: process lifecycle
	Signal                       // %signal
	IPC                          // %ipc: SysV IPC
	Memory                       // %memory: address-space mapping
	Creds                        // %creds: user/group ids and capabilities
	Clock                        // %clock: reads or changes clocks
	Stat                         // %stat: stat variants taking a path
	LStat                        // %lstat: lstat variants
	FStat                        // %fstat: fstat variants and *at forms
	StatLike                     // %%stat: every stat variant
	StatFS                       // %statfs
	FStatFS                      // %fstatfs
	StatFSLike                   // %%statfs: every statfs variant
	Pure                         // %pure: no arguments, never fails
)

// classLetters maps the letters of syscalls.tab to classes.
var classLetters = map[byte]Class{
	'F': File, 'D': Desc, 'N': Network, 'P': Process, 'S': Signal,
	'I': IPC, 'M': Memory, 'C': Creds, 'K': Clock, 'T': Stat, 'L': LStat,
	'X': FStat, 'A': StatLike, 'Y': StatFS, 'Z': FStatFS, 'B': StatFSLike,
	'U': Pure,
}

// ClassNames maps the strace spelling of each class (without the leading
// '%') to the class.
var ClassNames = map[string]Class{
	"file": File, "desc": Desc, "network": Network, "net": Network,
	"process": Process, "signal": Signal, "ipc": IPC, "memory": Memory,
	"creds": Creds, "clock": Clock, "stat": Stat, "lstat": LStat,
	"fstat": FStat, "%stat": StatLike, "statfs": StatFS, "fstatfs": FStatFS,
	"%statfs": StatFSLike, "pure": Pure,
}

// Entry describes one system call.
type Entry struct {
	Name  string
	NArgs int
	Class Class
}

// Max is one past the highest system call number in the table.
const Max = 451

//go:embed syscalls.tab
var tableText string

var (
	table  [Max]Entry
	byName = make(map[string]int, Max)
)

func init() {
	if err := load(tableText); err != nil {
		panic(err)
	}
}

func load(text string) error {
	for i, line := range strings.Split(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 4 {
			return fmt.Errorf("sysent: syscalls.tab line %d: want 4 fields, got %d", i+1, len(f))
		}
		nr, err := strconv.Atoi(f[0])
		if err != nil || nr < 0 || nr >= Max {
			return fmt.Errorf("sysent: syscalls.tab line %d: bad number %q", i+1, f[0])
		}
		nargs, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("sysent: syscalls.tab line %d: bad argument count: %w", i+1, err)
		}
		var c Class
		for j := 0; j < len(f[3]); j++ {
			if f[3][j] != '-' {
				c |= classLetters[f[3][j]]
			}
		}
		table[nr] = Entry{Name: f[1], NArgs: nargs, Class: c}
		byName[f[1]] = nr
	}
	return nil
}

// Lookup returns the entry for system call number nr; ok is false for
// numbers the table does not know.
func Lookup(nr int) (e Entry, ok bool) {
	if nr < 0 || nr >= Max || table[nr].Name == "" {
		return Entry{}, false
	}
	return table[nr], true
}

// Number returns the number of the system call called name.
func Number(name string) (int, bool) {
	nr, ok := byName[name]
	return nr, ok
}

// Name returns the name strace prints for nr: the table name, or
// "syscall_0x…" for unknown numbers.
func Name(nr int) string {
	if e, ok := Lookup(nr); ok {
		return e.Name
	}
	return fmt.Sprintf("syscall_%#x", nr)
}

// Each calls f for every known system call in number order.
func Each(f func(nr int, e Entry)) {
	for nr, e := range table {
		if e.Name != "" {
			f(nr, e)
		}
	}
}
