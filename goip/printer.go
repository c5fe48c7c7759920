package main

import (
	"strconv"

	"github.com/goclues/goclues/goip/jsonw"
)

// printer is iproute2's print_* layer: every field goes either to the text
// line (with its own format) or to the JSON document (under its key).
type printer struct {
	j       *jsonw.Writer
	buf     []byte
	scratch [80]byte // one formatted value (a prefix) at a time
}

var pr printer

func (p *printer) json() bool { return p.j != nil }

// begin starts a listing; in JSON mode it opens the top-level array.
func (p *printer) begin() {
	if opt.json > 0 {
		p.j = jsonw.New(stdout, opt.pretty > 0)
		p.j.StartArray()
	}
}

// end finishes a listing started with begin.
func (p *printer) end() {
	if p.j != nil {
		p.j.EndArray()
		p.j.Finish()
		p.j = nil
	}
}

func (p *printer) text(s string) {
	if p.j == nil {
		stdout.WriteString(s)
	}
}

// str prints pre+val+post as text, or "key":"val" as JSON.
func (p *printer) str(key, pre, val, post string) {
	if p.j != nil {
		if key != "" {
			p.j.Name(key)
		}
		p.j.String(val)
		return
	}
	stdout.WriteString(pre)
	stdout.WriteString(val)
	stdout.WriteString(post)
}

// strBytes is str for a value held in a byte slice.
func (p *printer) strBytes(key, pre string, val []byte, post string) {
	if p.j != nil {
		if key != "" {
			p.j.Name(key)
		}
		p.j.Bytes(val)
		return
	}
	stdout.WriteString(pre)
	stdout.Write(val)
	stdout.WriteString(post)
}

// uint prints pre+v+post as text, or "key":v as JSON.
func (p *printer) uint(key, pre string, v uint64, post string) {
	if p.j != nil {
		if key != "" {
			p.j.Name(key)
		}
		p.j.Uint(v)
		return
	}
	stdout.WriteString(pre)
	p.buf = strconv.AppendUint(p.buf[:0], v, 10)
	stdout.Write(p.buf)
	stdout.WriteString(post)
}

// int is uint for signed values.
func (p *printer) int(key, pre string, v int64, post string) {
	if p.j != nil {
		if key != "" {
			p.j.Name(key)
		}
		p.j.Int(v)
		return
	}
	stdout.WriteString(pre)
	p.buf = strconv.AppendInt(p.buf[:0], v, 10)
	stdout.Write(p.buf)
	stdout.WriteString(post)
}

// null prints text as text, or "key":null as JSON.
func (p *printer) null(key, text string) {
	if p.j != nil {
		p.j.Name(key)
		p.j.Null()
		return
	}
	stdout.WriteString(text)
}

// jsonStr, jsonUint and jsonBool write JSON-only members.
func (p *printer) jsonStr(key, v string) {
	if p.j != nil {
		p.j.Name(key)
		p.j.String(v)
	}
}

func (p *printer) jsonUint(key string, v uint64) {
	if p.j != nil {
		p.j.Name(key)
		p.j.Uint(v)
	}
}

func (p *printer) jsonBool(key string, v bool) {
	if p.j != nil {
		p.j.Name(key)
		p.j.Bool(v)
	}
}

// openObj/closeObj and openArr/closeArr structure the JSON document.
func (p *printer) openObj(key string) {
	if p.j != nil {
		if key != "" {
			p.j.Name(key)
		}
		p.j.StartObject()
	}
}

func (p *printer) closeObj() {
	if p.j != nil {
		p.j.EndObject()
	}
}

func (p *printer) openArr(key string) {
	if p.j != nil {
		if key != "" {
			p.j.Name(key)
		}
		p.j.StartArray()
	}
}

func (p *printer) closeArr() {
	if p.j != nil {
		p.j.EndArray()
	}
}

// colorAttr names what a coloured field shows (iproute2's enum color_attr).
type colorAttr int

const (
	colorNone colorAttr = iota
	colorIfname
	colorMAC
	colorInet
	colorInet6
	colorOperUp
	colorOperDown
)

// colorCodes are the light- and dark-background palettes, by colorAttr.
var colorCodes = [2][7]string{
	{"", "\x1b[36m", "\x1b[33m", "\x1b[35m", "\x1b[34m", "\x1b[32m", "\x1b[31m"},
	{"", "\x1b[1;36m", "\x1b[1;33m", "\x1b[1;35m", "\x1b[1;34m", "\x1b[1;32m", "\x1b[1;31m"},
}

const colorClear = "\x1b[0m"

// colorPalette selects the palette while colours are on (-c): 0 for light
// backgrounds, 1 for dark ones (from COLORFGBG); -1 means colours are off.
var colorPalette = -1

// enableColor turns colours on as check_enable_color does.
func enableColor(darkBG bool) {
	colorPalette = 0
	if darkBG {
		colorPalette = 1
	}
}

// familyColor is ifa_family_color.
func familyColor(family int) colorAttr {
	switch family {
	case 2:
		return colorInet
	case 10:
		return colorInet6
	}
	return colorNone
}

// cstr is str with the value (and its post text) coloured in text mode.
func (p *printer) cstr(c colorAttr, key, pre, val, post string) {
	if p.j != nil || colorPalette < 0 || c == colorNone {
		p.str(key, pre, val, post)
		return
	}
	stdout.WriteString(pre)
	stdout.WriteString(colorCodes[colorPalette][c])
	stdout.WriteString(val)
	stdout.WriteString(post)
	stdout.WriteString(colorClear)
}

// cstrBytes is cstr for a value held in a byte slice.
func (p *printer) cstrBytes(c colorAttr, key, pre string, val []byte, post string) {
	if p.j != nil || colorPalette < 0 || c == colorNone {
		p.strBytes(key, pre, val, post)
		return
	}
	stdout.WriteString(pre)
	stdout.WriteString(colorCodes[colorPalette][c])
	stdout.Write(val)
	stdout.WriteString(post)
	stdout.WriteString(colorClear)
}
