package unwind

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
)

// Mapping is one line of /proc/PID/maps that names a file (or a pseudo
// file such as [vdso]).
type Mapping struct {
	Start, End uint64
	Offset     uint64
	Dev        string // "major:minor" of the file's device
	Inode      uint64
	Exec       bool
	Path       string
}

// parseMaps reads a /proc/PID/maps text the way strace's mmap cache does:
// lines without a path are skipped, as are lines with unknown protection
// letters, exact duplicates of the previous range and ranges that do not
// ascend.
func parseMaps(data []byte) []Mapping {
	var out []Mapping
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		m, ok := parseMapsLine(line)
		if !ok {
			continue
		}
		if n := len(out); n > 0 {
			prev := out[n-1]
			if prev.Start == m.Start && prev.End == m.End {
				continue
			}
			if m.Start <= prev.Start || m.Start < prev.End {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// parseMapsLine splits "start-end perms offset major:minor inode path".
func parseMapsLine(line []byte) (Mapping, bool) {
	var m Mapping
	field := func() []byte {
		for len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			line = line[1:]
		}
		i := bytes.IndexAny(line, " \t")
		if i < 0 {
			i = len(line)
		}
		f := line[:i]
		line = line[i:]
		return f
	}
	rng := field()
	dash := bytes.IndexByte(rng, '-')
	if dash < 0 {
		return m, false
	}
	var err error
	if m.Start, err = strconv.ParseUint(string(rng[:dash]), 16, 64); err != nil {
		return m, false
	}
	if m.End, err = strconv.ParseUint(string(rng[dash+1:]), 16, 64); err != nil {
		return m, false
	}
	perms := field()
	if len(perms) < 4 ||
		(perms[0] != 'r' && perms[0] != '-') || (perms[1] != 'w' && perms[1] != '-') ||
		(perms[2] != 'x' && perms[2] != '-') || (perms[3] != 'p' && perms[3] != 's') {
		return m, false
	}
	m.Exec = perms[2] == 'x'
	if m.Offset, err = strconv.ParseUint(string(field()), 16, 64); err != nil {
		return m, false
	}
	dev := field()
	if bytes.IndexByte(dev, ':') < 0 {
		return m, false
	}
	m.Dev = string(dev)
	if m.Inode, err = strconv.ParseUint(string(field()), 10, 64); err != nil {
		return m, false
	}
	for len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
		line = line[1:]
	}
	if len(line) == 0 || m.End < m.Start {
		return m, false
	}
	m.Path = string(line)
	return m, true
}

// readMaps loads the mappings of pid.
func readMaps(pid int) ([]Mapping, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/maps")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(bufio.NewReader(f)); err != nil {
		return nil, err
	}
	return parseMaps(buf.Bytes()), nil
}

// find returns the mapping holding addr.
func find(maps []Mapping, addr uint64) *Mapping {
	lo, hi := 0, len(maps)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		m := &maps[mid]
		switch {
		case addr >= m.Start && addr < m.End:
			return m
		case addr < m.Start:
			hi = mid - 1
		default:
			lo = mid + 1
		}
	}
	return nil
}
