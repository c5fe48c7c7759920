package filter

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// record is one packet of a capture file.
type record struct {
	sec, frac uint32
	wirelen   int
	data      []byte
}

// parsePcap reads a classic pcap file (either byte order, micro- or
// nanosecond magic); it returns the link type and the records. Like
// libpcap, it cuts records longer than the file's snapshot length.
func parsePcap(b []byte) (int, []record, error) {
	if len(b) < 24 {
		return 0, nil, errors.New("short pcap header")
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0xa1b2c3d4, 0xa1b23c4d:
		bo = binary.LittleEndian
	case 0xd4c3b2a1, 0x4d3cb2a1:
		bo = binary.BigEndian
	default:
		return 0, nil, errors.New("not a pcap file")
	}
	lt := int(bo.Uint32(b[20:]) & 0x03ffffff) // without the FCS-length bits
	snaplen := int(bo.Uint32(b[16:]))
	if snaplen <= 0 || snaplen > 262144 {
		snaplen = 262144
	}
	var recs []record
	for off := 24; off+16 <= len(b); {
		capLen := int(bo.Uint32(b[off+8:]))
		if off+16+capLen > len(b) {
			return lt, recs, fmt.Errorf("truncated record at %d", off)
		}
		data := b[off+16 : off+16+capLen]
		if len(data) > snaplen {
			data = data[:snaplen]
		}
		recs = append(recs, record{
			sec: bo.Uint32(b[off:]), frac: bo.Uint32(b[off+4:]),
			wirelen: int(bo.Uint32(b[off+12:])),
			data:    data,
		})
		off += 16 + capLen
	}
	return lt, recs, nil
}

func readPcap(path string) (int, []record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, nil, fmt.Errorf("reading capture: %w", err)
	}
	return parsePcap(b)
}

// pcapBigEndian reports whether a capture file was written big-endian
// (byte-swapped for this little-endian host).
func pcapBigEndian(path string) bool {
	b, err := os.ReadFile(path)
	return err == nil && len(b) >= 4 && (b[0] == 0xa1 && b[1] == 0xb2)
}
