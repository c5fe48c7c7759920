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
	w       *bufio.Writer
	pretty  bool
	depth   int
	sep     byte
	scratch [24]byte
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
	quote(j.w, name)
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
	quote(j.w, s)
}

// Bytes writes a string value held in a byte slice.
func (j *Writer) Bytes(b []byte) {
	j.eor()
	quoteBytes(j.w, b)
}

// Uint writes an unsigned number.
func (j *Writer) Uint(v uint64) {
	j.eor()
	j.w.Write(strconv.AppendUint(j.scratch[:0], v, 10))
}

// Int writes a signed number.
func (j *Writer) Int(v int64) {
	j.eor()
	j.w.Write(strconv.AppendInt(j.scratch[:0], v, 10))
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

// quote writes s as a JSON string with iproute2's escapes; other control
// bytes become \u00XX so the output stays valid JSON.
func quote(w *bufio.Writer, s string) {
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; needsEscape(c) {
			w.WriteString(s[start:i])
			writeEscape(w, c)
			start = i + 1
		}
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// quoteBytes is quote for a byte slice, without converting it to a string.
func quoteBytes(w *bufio.Writer, s []byte) {
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; needsEscape(c) {
			w.Write(s[start:i])
			writeEscape(w, c)
			start = i + 1
		}
	}
	w.Write(s[start:])
	w.WriteByte('"')
}

func needsEscape(c byte) bool { return c < 0x20 || c == '"' || c == '\\' || c == 0x7f }

func writeEscape(w *bufio.Writer, c byte) {
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
