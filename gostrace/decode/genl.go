package decode

import (
	"encoding/binary"
	"sync"

	"golang.org/x/sys/unix"
)

// Generic netlink (NETLINK_GENERIC) message types are family ids the
// kernel hands out at run time; like strace, the tracer asks its own
// kernel for the id-to-name table once (a CTRL_CMD_GETFAMILY dump) and
// names types with it.

const (
	genlIDCtrl         = 16 // GENL_ID_CTRL, the nlctrl family
	ctrlCmdGetFamily   = 3
	ctrlAttrFamilyID   = 1
	ctrlAttrFamilyName = 2
)

var genlFamilies struct {
	once  sync.Once
	names *Xlat
}

// genlFamilyTable returns the generic netlink family names, fetching
// them on first use.
func genlFamilyTable() *Xlat {
	genlFamilies.once.Do(func() {
		genlFamilies.names = &Xlat{Unknown: "GENERIC_FAMILY_???"}
		genlFamilies.names.Vals = fetchGenlFamilies()
	})
	return genlFamilies.names
}

// fetchGenlFamilies dumps the kernel's generic netlink families; an
// error leaves the table empty (types then print as numbers).
func fetchGenlFamilies() []Const {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_GENERIC)
	if err != nil {
		return nil
	}
	defer unix.Close(fd)
	req := make([]byte, nlHdrLen+4)
	binary.LittleEndian.PutUint32(req, uint32(len(req)))
	binary.LittleEndian.PutUint16(req[4:], genlIDCtrl)
	binary.LittleEndian.PutUint16(req[6:], 0x301) // NLM_F_REQUEST|NLM_F_DUMP
	req[nlHdrLen] = ctrlCmdGetFamily
	req[nlHdrLen+1] = 1
	if err := unix.Sendto(fd, req, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return nil
	}
	var out []Const
	buf := make([]byte, 1<<16)
	for {
		n, _, err := unix.Recvfrom(fd, buf, 0)
		if err != nil || n <= 0 {
			return out
		}
		msgs := buf[:n]
		for len(msgs) >= nlHdrLen {
			l := int(binary.LittleEndian.Uint32(msgs))
			typ := binary.LittleEndian.Uint16(msgs[4:])
			if l < nlHdrLen || l > len(msgs) {
				return out
			}
			switch typ {
			case nlmsgDone, nlmsgError:
				return out
			case genlIDCtrl:
				if c, ok := genlFamilyOf(msgs[nlHdrLen+4 : l]); ok {
					out = append(out, c)
				}
			}
			msgs = msgs[(l+3)&^3:]
		}
	}
}

// genlFamilyOf reads a family's id and name from CTRL attributes.
func genlFamilyOf(attrs []byte) (Const, bool) {
	var c Const
	var haveID, haveName bool
	for len(attrs) >= nlaHdrLen {
		l := int(binary.LittleEndian.Uint16(attrs))
		typ := binary.LittleEndian.Uint16(attrs[2:]) &^ (nlaFNested | nlaFNetByteorder)
		if l < nlaHdrLen || l > len(attrs) {
			break
		}
		data := attrs[nlaHdrLen:l]
		switch {
		case typ == ctrlAttrFamilyID && len(data) >= 2:
			c.Val, haveID = uint64(binary.LittleEndian.Uint16(data)), true
		case typ == ctrlAttrFamilyName:
			c.Name, haveName = string(cutNUL(data)), true
		}
		attrs = attrs[min((l+3)&^3, len(attrs)):]
	}
	return c, haveID && haveName
}
