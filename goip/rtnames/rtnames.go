// Package rtnames maps routing numbers to names and back as iproute2 does:
// built-in names first, then /etc/iproute2/<db> and <db>.d/*.conf.
package rtnames

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// ConfDir is where the databases live.
var ConfDir = "/etc/iproute2"

// DB is one name database (rt_protos, rt_tables, …).
type DB struct {
	file    string
	max     uint64
	dflt    map[uint32]string
	once    sync.Once
	names   map[uint32]string
	numbers map[uint32]string // decimal spellings already made for unnamed ids
	order   []entry
}

type entry struct {
	id   uint32
	name string
}

// NewDB describes a database file with its built-in names and largest id.
func NewDB(file string, max uint64, dflt map[uint32]string) *DB {
	return &DB{file: file, max: max, dflt: dflt}
}

// The databases ip consults.
var (
	Protocols = NewDB("rt_protos", 255, map[uint32]string{
		0: "unspec", 1: "redirect", 2: "kernel", 3: "boot", 4: "static",
		8: "gated", 9: "ra", 10: "mrt", 11: "zebra", 12: "bird", 13: "dnrouted",
		14: "xorp", 15: "ntk", 16: "dhcp", 18: "keepalived", 42: "babel",
		186: "bgp", 187: "isis", 188: "ospf", 189: "rip", 192: "eigrp",
	})
	Tables = NewDB("rt_tables", 0xffffffff, map[uint32]string{
		253: "default", 254: "main", 255: "local",
	})
	Scopes = NewDB("rt_scopes", 255, map[uint32]string{
		0: "global", 255: "nowhere", 254: "host", 253: "link", 200: "site",
	})
	Realms  = NewDB("rt_realms", 255, map[uint32]string{0: "unknown"})
	DSField = NewDB("rt_dsfield", 255, map[uint32]string{})
)

func (d *DB) load() {
	d.names = make(map[uint32]string, len(d.dflt)+8)
	for id, n := range d.dflt {
		d.names[id] = n
		d.order = append(d.order, entry{id, n})
	}
	sort.Slice(d.order, func(i, j int) bool { return d.order[i].id < d.order[j].id })
	d.readFile(filepath.Join(ConfDir, d.file))
	dir := filepath.Join(ConfDir, d.file+".d")
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".conf") && !e.IsDir() {
			d.readFile(filepath.Join(dir, e.Name()))
		}
	}
}

// readFile adds "NUMBER NAME" lines; like iproute2 it stops at the first
// malformed line with a warning.
func (d *DB) readFile(path string) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimLeft(sc.Text(), " \t")
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			fmt.Fprintf(os.Stderr, "Database %s is corrupted at %s\n", path, sc.Text())
			return
		}
		id, err := strconv.ParseUint(fields[0], 0, 32)
		if err != nil || id > d.max || (len(fields) > 2 && fields[2][0] != '#') {
			fmt.Fprintf(os.Stderr, "Database %s is corrupted at %s\n", path, sc.Text())
			return
		}
		d.names[uint32(id)] = fields[1]
		d.order = append(d.order, entry{uint32(id), fields[1]})
	}
}

// Name returns the name for id, or the number in decimal.
func (d *DB) Name(id uint32) string {
	d.once.Do(d.load)
	if n, ok := d.names[id]; ok {
		return n
	}
	if n, ok := d.numbers[id]; ok {
		return n
	}
	n := strconv.FormatUint(uint64(id), 10)
	if d.numbers == nil {
		d.numbers = map[uint32]string{}
	}
	d.numbers[id] = n
	return n
}

// Lookup returns the name for id if it has one.
func (d *DB) Lookup(id uint32) (string, bool) {
	d.once.Do(d.load)
	n, ok := d.names[id]
	return n, ok
}

// ID parses a name or a number (C strtoul base 0) bounded by the database.
func (d *DB) ID(s string) (uint32, bool) {
	d.once.Do(d.load)
	for _, e := range d.order {
		if e.name == s {
			if n := d.names[e.id]; n == s {
				return e.id, true
			}
		}
	}
	v, ok := ParseUint(s, d.max)
	return uint32(v), ok
}

// ParseUint parses like C strtoul(s, &end, 0) requiring the whole string and
// v <= max.
func ParseUint(s string, max uint64) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	t := s
	if t[0] == '+' {
		t = t[1:]
	}
	base := 10
	switch {
	case len(t) > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X'):
		base, t = 16, t[2:]
	case len(t) > 1 && t[0] == '0':
		base, t = 8, t[1:]
	}
	if t == "" || t[0] == '+' || t[0] == '-' {
		return 0, false
	}
	v, err := strconv.ParseUint(t, base, 64)
	if err != nil || v > max {
		return 0, false
	}
	return v, true
}
