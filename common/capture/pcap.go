package capture

import (
	"encoding/binary"
	"io"
)

// pcap magic numbers, as read in the file's own byte order.
const (
	magicMicro = 0xa1b2c3d4
	magicNano  = 0xa1b23c4d
)

type pcapReader struct {
	br       *byteReader
	order    binary.ByteOrder
	fileNano bool
	prec     Precision
	snaplen  uint32
	linkType int
	pkt      Packet
	data     []byte
	hdr      [16]byte
}

// newPcapReader recognises the pcap magic; ok is false when magic is not
// pcap's, so the next format can try.
func newPcapReader(br *byteReader, magic []byte, prec Precision) (Source, bool, error) {
	r := &pcapReader{br: br, prec: prec}
	switch {
	case binary.LittleEndian.Uint32(magic) == magicMicro:
		r.order = binary.LittleEndian
	case binary.BigEndian.Uint32(magic) == magicMicro:
		r.order = binary.BigEndian
	case binary.LittleEndian.Uint32(magic) == magicNano:
		r.order, r.fileNano = binary.LittleEndian, true
	case binary.BigEndian.Uint32(magic) == magicNano:
		r.order, r.fileNano = binary.BigEndian, true
	default:
		return nil, false, nil
	}
	h, n, err := br.read(20)
	if err != nil {
		return nil, true, formatErr("error reading dump file: %s", errnoText(err))
	}
	if n < 20 {
		return nil, true, formatErr("truncated dump file; tried to read 20 file header bytes, only got %d", n)
	}
	major := r.order.Uint16(h[0:])
	minor := r.order.Uint16(h[2:])
	if major < 2 {
		return nil, true, formatErr("archaic pcap savefile format")
	}
	_ = minor
	r.snaplen = r.order.Uint32(h[12:])
	lt := r.order.Uint32(h[16:])
	// The upper bits of the link-type field hold the FCS length and other
	// flags; the link type itself is the low 16 bits (LT_LINKTYPE).
	r.linkType = FileLinkTypeToDLT(int(lt & 0x03ffffff & 0xffff))
	if r.snaplen == 0 || r.snaplen > MaxSnaplen {
		// libpcap clamps a bogus snapshot length to the maximum for the link type.
		r.snaplen = MaxSnaplen
	}
	return r, true, nil
}

func (r *pcapReader) LinkType() int { return r.linkType }

// Swapped reports whether the file's byte order is not this host's
// (little-endian: the architectures Go supports here).
func (r *pcapReader) Swapped() bool { return r.order == binary.BigEndian }
func (r *pcapReader) Snaplen() int  { return int(r.snaplen) }

func (r *pcapReader) Next() (*Packet, error) {
	n, err := r.br.readInto(r.hdr[:])
	if err != nil {
		return nil, formatErr("error reading dump file: %s", errnoText(err))
	}
	if n == 0 {
		return nil, io.EOF
	}
	if n < 16 {
		return nil, formatErr("truncated dump file; tried to read 16 header bytes, only got %d", n)
	}
	p := &r.pkt
	p.Sec = int64(int32(r.order.Uint32(r.hdr[0:])))
	frac := int64(int32(r.order.Uint32(r.hdr[4:])))
	switch {
	case r.fileNano && r.prec == Micro:
		frac /= 1000
	case !r.fileNano && r.prec == Nano:
		frac *= 1000
	}
	p.Frac = frac
	p.Caplen = r.order.Uint32(r.hdr[8:])
	p.Len = r.order.Uint32(r.hdr[12:])

	if p.Caplen > MaxSnaplen {
		return nil, formatErr("invalid packet capture length %d, bigger than maximum of %d", p.Caplen, MaxSnaplen)
	}
	want := p.Caplen
	if want > r.snaplen {
		// libpcap reads at most snaplen bytes and skips the rest.
		want = r.snaplen
	}
	if cap(r.data) < int(want) {
		r.data = make([]byte, want, max(int(want), 2048))
	}
	p.Data = r.data[:want]
	got, err := r.br.readInto(p.Data)
	if err != nil {
		return nil, formatErr("error reading dump file: %s", errnoText(err))
	}
	if got < int(want) {
		return nil, formatErr("truncated dump file; tried to read %d captured bytes, only got %d", p.Caplen, got)
	}
	if want < p.Caplen {
		skipped, err := r.br.discard(int(p.Caplen - want))
		if err != nil {
			return nil, formatErr("error reading dump file: %s", errnoText(err))
		}
		if skipped < int(p.Caplen-want) {
			return nil, formatErr("truncated dump file; tried to read %d captured bytes, only got %d", p.Caplen, int(want)+skipped)
		}
		p.Caplen = want
	}
	return p, nil
}
