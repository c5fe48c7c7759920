// Package jsonw writes JSON the way iproute2's json_writer does: the same
// separators, the same pretty layout ("[ {", four spaces per level, "},{",
// "} ]"), numbers printed as given. Strings are escaped so that the output is
// always valid JSON.
package jsonw

import (
	"bufio"
	"strconv"
)

// Writer emits one JSON document to w.
type Writer struct {
	w      *bufio.Writer
	pretty bool
	depth  int
	sep    byte
}

// New returns a writer; pretty selects iproute2's -p layout.
func New(w *bufio.Writer, pretty bool) *Writer { return &Writer{w: w, pretty: pretty} }

func (j *Writer) indent() {
	for i := 0; i < j.depth; i++ {
		j.w.WriteString("    ")
	}
}

func (j *Writer) eol() {
	if !j.pretty {
		return
	}
	j.w.WriteByte('\n')
	j.indent()
}

func (j *Writer) eor() {
	if j.sep != 0 {
		j.w.WriteByte(j.sep)
	}
	j.sep = ','
}

func (j *Writer) begin(c byte) {
	j.eor()
	j.w.WriteByte(c)
	j.depth++
	j.sep = 0
}

func (j *Writer) end(c byte) {
	j.depth--
	if j.sep != 0 {
		j.eol()
	}
	j.w.WriteByte(c)
	j.sep = ','
}

// Name starts an object member.
func (j *Writer) Name(name string) {
	j.eor()
	j.eol()
	j.sep = 0
	j.quote(name)
	j.w.WriteByte(':')
	if j.pretty {
		j.w.WriteByte(' ')
	}
}

// StartObject opens '{'.
func (j *Writer) StartObject() { j.begin('{') }

// EndObject closes '}'.
func (j *Writer) EndObject() { j.end('}') }

// StartArray opens '['.
func (j *Writer) StartArray() {
	j.begin('[')
	if j.pretty {
		j.w.WriteByte(' ')
	}
}

// EndArray closes ']'.
func (j *Writer) EndArray() {
	if j.pretty && j.sep != 0 {
		j.w.WriteByte(' ')
	}
	j.sep = 0
	j.end(']')
}

// String writes a string value.
func (j *Writer) String(s string) {
	j.eor()
	j.quote(s)
}

// Uint writes an unsigned number.
func (j *Writer) Uint(v uint64) {
	j.eor()
	var b [24]byte
	j.w.Write(strconv.AppendUint(b[:0], v, 10))
}

// Int writes a signed number.
func (j *Writer) Int(v int64) {
	j.eor()
	var b [24]byte
	j.w.Write(strconv.AppendInt(b[:0], v, 10))
}

// Raw writes a preformatted value (numbers, true/false, null).
func (j *Writer) Raw(s string) {
	j.eor()
	j.w.WriteString(s)
}

// Bool writes true or false.
func (j *Writer) Bool(v bool) {
	if v {
		j.Raw("true")
	} else {
		j.Raw("false")
	}
}

// Null writes null.
func (j *Writer) Null() { j.Raw("null") }

// Finish ends the document with the newline iproute2 prints.
func (j *Writer) Finish() { j.w.WriteByte('\n') }

const hexdigits = "0123456789abcdef"

func (j *Writer) quote(s string) {
	w := j.w
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			continue
		}
		w.WriteString(s[start:i])
		start = i + 1
		switch c {
		case '\t':
			w.WriteString(`\t`)
		case '\n':
			w.WriteString(`\n`)
		case '\r':
			w.WriteString(`\r`)
		case '\f':
			w.WriteString(`\f`)
		case '\b':
			w.WriteString(`\b`)
		case '\\':
			w.WriteString(`\\`)
		case '"':
			w.WriteString(`\"`)
		default:
			w.WriteString(`\u00`)
			w.WriteByte(hexdigits[c>>4])
			w.WriteByte(hexdigits[c&15])
		}
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
