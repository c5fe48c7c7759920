package capture

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxSnaplen is libpcap's MAXIMUM_SNAPLEN.
const MaxSnaplen = 262144

// Precision of the time-stamp fraction a Source reports.
type Precision int

// The two precisions libpcap offers.
const (
	Micro Precision = iota
	Nano
)

// Packet is one captured packet. Data is only valid until the next call
// to the Source's Next.
type Packet struct {
	Sec    int64  // seconds since the epoch (sign-extended for pcap, whose field is 32 bits)
	Frac   int64  // fraction in the Source's precision (may be out of range in corrupt files)
	Caplen uint32 // bytes captured (len(Data), unless the header lied)
	Len    uint32 // bytes on the wire
	Data   []byte
	// Interface is the pcapng interface index (0 for pcap).
	Interface int
}

// Source is a stream of packets.
type Source interface {
	// Next returns the next packet, io.EOF at the end, or an error whose
	// text is libpcap's (what tcpdump prints after "pcap_loop: ").
	Next() (*Packet, error)
	// LinkType is the DLT_ number of the capture.
	LinkType() int
	// Snaplen is the snapshot length the file (or device) declares.
	Snaplen() int
}

// Swapper is implemented by file sources: whether the file was written
// in the other byte order (libpcap's "swapped" savefiles, which change how
// filters match DLT_NULL address families).
type Swapper interface {
	Swapped() bool
}

// FormatError is a libpcap error on a capture file; Error() is libpcap's
// text.
type FormatError struct{ msg string }

func (e *FormatError) Error() string { return e.msg }

func formatErr(format string, args ...any) error {
	return &FormatError{msg: fmt.Sprintf(format, args...)}
}

// ErrUnknownFormat is what libpcap says of a file that is neither pcap nor
// pcapng.
var ErrUnknownFormat = &FormatError{msg: "unknown file format"}

// OpenFile opens a pcap or pcapng file ("-" is standard input) for
// reading with the given time-stamp precision. Errors carry libpcap's
// texts ("NAME: No such file or directory", "truncated dump file; …",
// "unknown file format").
func OpenFile(name string, prec Precision) (Source, io.Closer, error) {
	var f *os.File
	if name == "-" {
		f = os.Stdin
	} else {
		var err error
		f, err = os.Open(name)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				return nil, nil, formatErr("%s: %s", name, errnoText(pe.Err))
			}
			return nil, nil, err
		}
	}
	src, err := NewReader(f, prec)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return src, f, nil
}

// NewReader detects the file format from the first four bytes and returns
// a Source for it.
func NewReader(r io.Reader, prec Precision) (Source, error) {
	br := newByteReader(r)
	magic, n, err := br.read(4)
	if err != nil {
		return nil, formatErr("error reading dump file: %s", errnoText(err))
	}
	if n < 4 {
		return nil, formatErr("truncated dump file; tried to read 4 file header bytes, only got %d", n)
	}
	if src, ok, err := newPcapReader(br, magic, prec); ok {
		return src, err
	}
	if src, ok, err := newPcapngReader(br, magic, prec); ok {
		return src, err
	}
	return nil, ErrUnknownFormat
}

// errnoText renders an OS error as strerror does (Go's texts are
// strerror's with a lowercase first letter).
func errnoText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	s := err.Error()
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
