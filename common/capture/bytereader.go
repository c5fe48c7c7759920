package capture

import (
	"bufio"
	"io"
)

// byteReader is a buffered reader that reports short reads the way
// libpcap's fread-based readers see them: how many bytes arrived before
// EOF.
type byteReader struct {
	r   *bufio.Reader
	buf []byte
}

func newByteReader(r io.Reader) *byteReader {
	return &byteReader{r: bufio.NewReaderSize(r, 1<<20)}
}

// read returns the next n bytes in a buffer valid until the next call.
// A short count with a nil error means EOF came first.
func (b *byteReader) read(n int) ([]byte, int, error) {
	if cap(b.buf) < n {
		b.buf = make([]byte, n, max(n, 2*cap(b.buf)))
	}
	buf := b.buf[:n]
	got, err := io.ReadFull(b.r, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return buf[:got], got, err
}

// readInto fills dst, returning how many bytes arrived before EOF.
func (b *byteReader) readInto(dst []byte) (int, error) {
	got, err := io.ReadFull(b.r, dst)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return got, err
}

// discard skips n bytes, returning how many were skipped before EOF.
func (b *byteReader) discard(n int) (int, error) {
	got, err := b.r.Discard(n)
	if err == io.EOF {
		err = nil
	}
	return got, err
}
