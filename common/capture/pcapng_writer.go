package capture

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
)

// pcapng block types and option codes (draft-ietf-opsawg-pcapng).
const (
	ngBlockSHB = 0x0A0D0D0A
	ngBlockIDB = 0x00000001
	ngBlockEPB = 0x00000006

	ngByteOrderMagic = 0x1A2B3C4D

	ngOptEnd      = 0
	ngOptUserAppl = 4 // shb_userappl
	ngOptIfName   = 2 // if_name
	ngOptTsResol  = 9 // if_tsresol
	ngOptEPBFlags = 2 // epb_flags
)

// EPB flag bits: direction in bits 0-1, reception type in bits 2-4.
const (
	EPBInbound   uint32 = 1
	EPBOutbound  uint32 = 2
	EPBUnicast   uint32 = 1 << 2
	EPBMulticast uint32 = 2 << 2
	EPBBroadcast uint32 = 3 << 2
	EPBPromisc   uint32 = 4 << 2
)

// PcapngWriter writes a pcapng section: one Interface Description Block
// per interface added, Enhanced Packet Blocks carrying the interface and
// the packet's direction.
type PcapngWriter struct {
	w    *bufio.Writer
	nano bool
	ifs  int
	buf  []byte
	size int64
}

// NewPcapngWriter writes the Section Header Block naming appl as the
// writing application.
func NewPcapngWriter(w io.Writer, appl string, prec Precision) (*PcapngWriter, error) {
	nw := &PcapngWriter{w: bufio.NewWriterSize(w, 1<<16), nano: prec == Nano}
	body := make([]byte, 16)
	binary.LittleEndian.PutUint32(body[0:], ngByteOrderMagic)
	binary.LittleEndian.PutUint16(body[4:], 1)
	binary.LittleEndian.PutUint16(body[6:], 0)
	binary.LittleEndian.PutUint64(body[8:], ^uint64(0)) // section length unknown
	body = appendOption(body, ngOptUserAppl, []byte(appl))
	body = appendOption(body, ngOptEnd, nil)
	if err := nw.block(ngBlockSHB, body); err != nil {
		return nil, fmt.Errorf("writing pcapng section header: %w", err)
	}
	return nw, nil
}

// AddInterface describes an interface and returns the ID packets on it
// are written with.
func (nw *PcapngWriter) AddInterface(name string, linkType, snaplen int) (int, error) {
	body := make([]byte, 8)
	binary.LittleEndian.PutUint16(body[0:], uint16(DLTToLinkType(linkType)))
	binary.LittleEndian.PutUint32(body[4:], uint32(snaplen))
	if name != "" {
		body = appendOption(body, ngOptIfName, []byte(name))
	}
	if nw.nano {
		body = appendOption(body, ngOptTsResol, []byte{9})
	}
	body = appendOption(body, ngOptEnd, nil)
	if err := nw.block(ngBlockIDB, body); err != nil {
		return 0, fmt.Errorf("writing pcapng interface description: %w", err)
	}
	nw.ifs++
	return nw.ifs - 1, nil
}

// WritePacket appends an Enhanced Packet Block; flags (EPB*) are written
// as epb_flags when non-zero.
func (nw *PcapngWriter) WritePacket(iface int, p *Packet, flags uint32) error {
	b := nw.buf[:0]
	var ts uint64
	if nw.nano {
		ts = uint64(p.Sec)*1e9 + uint64(p.Frac)
	} else {
		ts = uint64(p.Sec)*1e6 + uint64(p.Frac)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(iface))
	b = binary.LittleEndian.AppendUint32(b, uint32(ts>>32))
	b = binary.LittleEndian.AppendUint32(b, uint32(ts))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(p.Data)))
	b = binary.LittleEndian.AppendUint32(b, p.Len)
	nw.buf = b
	if flags == 0 {
		return nw.packetBlock(p.Data, nil)
	}
	// epb_flags, then the end-of-options marker (four zero bytes).
	var o [12]byte
	binary.LittleEndian.PutUint16(o[0:], ngOptEPBFlags)
	binary.LittleEndian.PutUint16(o[2:], 4)
	binary.LittleEndian.PutUint32(o[4:], flags)
	return nw.packetBlock(p.Data, o[:])
}

// packetBlock writes the EPB whose fixed part is in nw.buf, followed by
// the padded packet data and opts (with their end-of-options marker).
func (nw *PcapngWriter) packetBlock(data, opts []byte) error {
	pad := (4 - len(data)%4) % 4
	total := 12 + len(nw.buf) + len(data) + pad + len(opts)
	var hdr [8]byte
	binary.LittleEndian.PutUint32(hdr[0:], ngBlockEPB)
	binary.LittleEndian.PutUint32(hdr[4:], uint32(total))
	nw.w.Write(hdr[:])
	nw.w.Write(nw.buf)
	nw.w.Write(data)
	var zero [4]byte
	nw.w.Write(zero[:pad])
	nw.w.Write(opts)
	_, err := nw.w.Write(hdr[4:8])
	nw.size += int64(total)
	return err
}

// block writes a whole block whose body is already padded.
func (nw *PcapngWriter) block(typ uint32, body []byte) error {
	var hdr [8]byte
	binary.LittleEndian.PutUint32(hdr[0:], typ)
	binary.LittleEndian.PutUint32(hdr[4:], uint32(12+len(body)))
	nw.w.Write(hdr[:])
	nw.w.Write(body)
	_, err := nw.w.Write(hdr[4:8])
	nw.size += int64(12 + len(body))
	return err
}

// Size is the number of bytes written so far, buffered or not.
func (nw *PcapngWriter) Size() int64 { return nw.size }

// Flush writes buffered blocks to the underlying writer.
func (nw *PcapngWriter) Flush() error { return nw.w.Flush() }

// appendOption appends one option, padded to 32 bits.
func appendOption(b []byte, code uint16, val []byte) []byte {
	b = binary.LittleEndian.AppendUint16(b, code)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(val)))
	b = append(b, val...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}
