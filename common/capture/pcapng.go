package capture

import (
	"encoding/binary"
	"io"
)

// pcapng block types.
const (
	blockSHB = 0x0a0d0d0a
	blockIDB = 0x00000001
	blockPB  = 0x00000002 // obsolete Packet Block
	blockSPB = 0x00000003
	blockEPB = 0x00000006

	byteOrderMagic = 0x1a2b3c4d
	// shbInsaneMax is libpcap's BT_SHB_INSANE_MAX.
	shbInsaneMax = 1024 * 1024
	// maxBlockSize is libpcap's MAX_BLOCKSIZE for the largest snapshot length.
	maxBlockSize = 16 * 1024 * 1024
)

type ngInterface struct {
	linkType int
	snaplen  uint32
	// time stamps are ticks of 1/unitsPerSec seconds; pow10 says whether
	// the resolution was given as a power of ten (else of two).
	unitsPerSec uint64
	offset      int64
}

type pcapngReader struct {
	br         *byteReader
	order      binary.ByteOrder
	prec       Precision
	interfaces []ngInterface
	pkt        Packet
	block      []byte
}

func newPcapngReader(br *byteReader, magic []byte, prec Precision) (Source, bool, error) {
	if binary.LittleEndian.Uint32(magic) != blockSHB {
		return nil, false, nil
	}
	r := &pcapngReader{br: br, prec: prec}
	// The SHB's length can only be read once the byte order is known.
	rest, n, err := br.read(8)
	if err != nil {
		return nil, true, formatErr("error reading dump file: %s", errnoText(err))
	}
	if n < 8 {
		// libpcap: too short to be pcapng, so not pcapng at all.
		return nil, true, ErrUnknownFormat
	}
	switch {
	case binary.LittleEndian.Uint32(rest[4:]) == byteOrderMagic:
		r.order = binary.LittleEndian
	case binary.BigEndian.Uint32(rest[4:]) == byteOrderMagic:
		r.order = binary.BigEndian
	default:
		// libpcap: not a pcapng file after all.
		return nil, true, ErrUnknownFormat
	}
	total := r.order.Uint32(rest[0:])
	if total < 28 || total > shbInsaneMax {
		return nil, true, formatErr("Section Header Block in pcapng dump file has invalid length %d < _%d_ < %d (BT_SHB_INSANE_MAX)", 28, total, shbInsaneMax)
	}
	body, n, err := br.read(int(total) - 12)
	if err != nil {
		return nil, true, formatErr("error reading dump file: %s", errnoText(err))
	}
	if n < int(total)-12 {
		return nil, true, formatErr("truncated pcapng dump file; tried to read %d bytes, only got %d", int(total)-12, n)
	}
	major, minor := r.order.Uint16(body[0:]), r.order.Uint16(body[2:])
	if major != 1 || minor > 0 && minor != 2 {
		return nil, true, formatErr("unsupported pcapng savefile version %d.%d", major, minor)
	}
	// Read blocks until the first IDB, which gives the link type.
	for len(r.interfaces) == 0 {
		typ, body, err := r.readBlock()
		if err == io.EOF {
			return nil, true, formatErr("the capture file has no Interface Description Blocks")
		}
		if err != nil {
			return nil, true, err
		}
		switch typ {
		case blockIDB:
			if err := r.addInterface(body); err != nil {
				return nil, true, err
			}
		case blockEPB, blockSPB, blockPB:
			return nil, true, formatErr("the capture file has no Interface Description Blocks")
		}
	}
	return r, true, nil
}

func (r *pcapngReader) LinkType() int { return r.interfaces[0].linkType }

// Swapped reports whether the section's byte order is not this host's.
func (r *pcapngReader) Swapped() bool { return r.order == binary.BigEndian }
func (r *pcapngReader) Snaplen() int  { return int(r.interfaces[0].snaplen) }

// readBlock reads one block and returns its type and body (without the
// type, the lengths and the padding of the trailer).
func (r *pcapngReader) readBlock() (uint32, []byte, error) {
	hdr, n, err := r.br.read(8)
	if err != nil {
		return 0, nil, formatErr("error reading dump file: %s", errnoText(err))
	}
	if n == 0 {
		return 0, nil, io.EOF
	}
	if n < 8 {
		return 0, nil, formatErr("truncated pcapng dump file; tried to read 8 bytes, only got %d", n)
	}
	typ := r.order.Uint32(hdr[0:])
	total := r.order.Uint32(hdr[4:])
	if total < 12 {
		return 0, nil, formatErr("block in pcapng dump file has a length of %d < 12", total)
	}
	if total%4 != 0 {
		return 0, nil, formatErr("block in pcapng dump file has a length of %d that is not a multiple of 4", total)
	}
	if total > maxBlockSize {
		return 0, nil, formatErr("pcapng block size %d > maximum %d", total, maxBlockSize)
	}
	if typ == blockSHB {
		return 0, nil, formatErr("section headers after the first are not supported")
	}
	need := int(total) - 8
	if cap(r.block) < need {
		r.block = make([]byte, need, max(need, 4096))
	}
	body := r.block[:need]
	got, err := r.br.readInto(body)
	if err != nil {
		return 0, nil, formatErr("error reading dump file: %s", errnoText(err))
	}
	if got < need {
		return 0, nil, formatErr("truncated pcapng dump file; tried to read %d bytes, only got %d", need, got)
	}
	return typ, body[:need-4], nil
}

func (r *pcapngReader) addInterface(body []byte) error {
	if len(body) < 8 {
		return formatErr("block in pcapng dump file has a length of %d < %d", len(body)+12, 20)
	}
	ifc := ngInterface{
		linkType:    FileLinkTypeToDLT(int(r.order.Uint16(body[0:]))),
		snaplen:     r.order.Uint32(body[4:]),
		unitsPerSec: 1000000,
	}
	if ifc.snaplen == 0 || ifc.snaplen > MaxSnaplen {
		ifc.snaplen = MaxSnaplen
	}
	opts := body[8:]
	for len(opts) >= 4 {
		code, olen := r.order.Uint16(opts[0:]), int(r.order.Uint16(opts[2:]))
		if code == 0 {
			break
		}
		if 4+olen > len(opts) {
			return formatErr("option in Interface Description Block goes past the end of the block")
		}
		val := opts[4 : 4+olen]
		switch code {
		case 9: // if_tsresol
			if olen != 1 {
				return formatErr("Interface Description Block has if_tsresol option with length %d != 1", olen)
			}
			exp := uint(val[0] & 0x7f)
			if val[0]&0x80 != 0 {
				if exp > 63 {
					return formatErr("Interface Description Block if_tsresol option resolution 2^-%d is too high", exp)
				}
				ifc.unitsPerSec = 1 << exp
			} else {
				if exp > 19 {
					return formatErr("Interface Description Block if_tsresol option resolution 10^-%d is too high", exp)
				}
				ifc.unitsPerSec = 1
				for range exp {
					ifc.unitsPerSec *= 10
				}
			}
		case 14: // if_tsoffset
			if olen != 8 {
				return formatErr("Interface Description Block has if_tsoffset option with length %d != 8", olen)
			}
			ifc.offset = int64(r.order.Uint64(val))
		}
		opts = opts[4+(olen+3)&^3:]
	}
	if len(r.interfaces) > 0 && ifc.linkType != r.interfaces[0].linkType {
		return formatErr("an interface has a type %d different from the type of the first interface", ifc.linkType)
	}
	r.interfaces = append(r.interfaces, ifc)
	return nil
}

func (r *pcapngReader) Next() (*Packet, error) {
	for {
		typ, body, err := r.readBlock()
		if err != nil {
			return nil, err
		}
		p := &r.pkt
		switch typ {
		case blockIDB:
			if err := r.addInterface(body); err != nil {
				return nil, err
			}
			continue
		case blockEPB, blockPB:
			if len(body) < 20 {
				return nil, formatErr("block in pcapng dump file has a length of %d < %d", len(body)+12, 32)
			}
			var ifIndex uint32
			if typ == blockEPB {
				ifIndex = r.order.Uint32(body[0:])
			} else {
				ifIndex = uint32(r.order.Uint16(body[0:]))
			}
			ts := uint64(r.order.Uint32(body[4:]))<<32 | uint64(r.order.Uint32(body[8:]))
			p.Caplen = r.order.Uint32(body[12:])
			p.Len = r.order.Uint32(body[16:])
			if int(ifIndex) >= len(r.interfaces) {
				return nil, formatErr("a packet arrived on interface %d, but there's no Interface Description Block for that interface", ifIndex)
			}
			data := body[20:]
			if uint64(p.Caplen) > uint64(len(data)) {
				return nil, formatErr("block in pcapng dump file has a length of %d < %d", len(body)+12, 32+uint64(p.Caplen))
			}
			ifc := &r.interfaces[ifIndex]
			if p.Caplen > ifc.snaplen {
				p.Caplen = ifc.snaplen
			}
			p.Data = data[:p.Caplen]
			p.Interface = int(ifIndex)
			r.setTime(p, ifc, ts)
			return p, nil
		case blockSPB:
			if len(body) < 4 {
				return nil, formatErr("block in pcapng dump file has a length of %d < %d", len(body)+12, 16)
			}
			ifc := &r.interfaces[0]
			p.Len = r.order.Uint32(body[0:])
			data := body[4:]
			p.Caplen = min(p.Len, ifc.snaplen, uint32(len(data)))
			p.Data = data[:p.Caplen]
			p.Interface = 0
			p.Sec, p.Frac = 0, 0
			return p, nil
		}
	}
}

// setTime converts a pcapng time stamp to seconds and a fraction in the
// reader's precision, as libpcap does.
func (r *pcapngReader) setTime(p *Packet, ifc *ngInterface, ts uint64) {
	ups := ifc.unitsPerSec
	sec := ts / ups
	frac := ts % ups
	want := uint64(1000000)
	if r.prec == Nano {
		want = 1000000000
	}
	switch {
	case ups == want:
	case ups > want && ups%want == 0:
		frac /= ups / want
	case ups < want && want%ups == 0:
		frac *= want / ups
	default:
		// binary or odd resolutions: scale through a wide multiply.
		hi, lo := mul64(frac, want)
		frac = div128(hi, lo, ups)
	}
	p.Sec = int64(sec) + ifc.offset
	p.Frac = int64(frac)
}
