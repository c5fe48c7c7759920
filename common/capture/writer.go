package capture

import (
	"bufio"
	"encoding/binary"
	"io"
)

// PcapWriter writes a pcap file byte for byte as libpcap's pcap_dump
// does: native (little-endian) byte order, version 2.4, the microsecond or
// nanosecond magic.
type PcapWriter struct {
	w    *bufio.Writer
	nano bool
	hdr  [16]byte
}

// NewPcapWriter writes the file header and returns the writer.
func NewPcapWriter(w io.Writer, linkType, snaplen int, prec Precision) (*PcapWriter, error) {
	pw := &PcapWriter{w: bufio.NewWriterSize(w, 1<<16), nano: prec == Nano}
	var h [24]byte
	magic := uint32(magicMicro)
	if pw.nano {
		magic = magicNano
	}
	binary.LittleEndian.PutUint32(h[0:], magic)
	binary.LittleEndian.PutUint16(h[4:], 2)
	binary.LittleEndian.PutUint16(h[6:], 4)
	binary.LittleEndian.PutUint32(h[16:], uint32(snaplen))
	binary.LittleEndian.PutUint32(h[20:], uint32(DLTToLinkType(linkType)))
	if _, err := pw.w.Write(h[:]); err != nil {
		return nil, err
	}
	return pw, nil
}

// WritePacket appends one packet record; frac is in the writer's precision.
func (pw *PcapWriter) WritePacket(p *Packet) error {
	binary.LittleEndian.PutUint32(pw.hdr[0:], uint32(p.Sec))
	binary.LittleEndian.PutUint32(pw.hdr[4:], uint32(p.Frac))
	binary.LittleEndian.PutUint32(pw.hdr[8:], uint32(len(p.Data)))
	binary.LittleEndian.PutUint32(pw.hdr[12:], p.Len)
	if _, err := pw.w.Write(pw.hdr[:]); err != nil {
		return err
	}
	_, err := pw.w.Write(p.Data)
	return err
}

// Flush writes buffered records to the underlying writer.
func (pw *PcapWriter) Flush() error { return pw.w.Flush() }
