package decode

import (
	"encoding/binary"
	"testing"
)

func cmsg(level, typ uint32, data []byte) []byte {
	b := make([]byte, 16, 16+len(data)+8)
	binary.LittleEndian.PutUint64(b, uint64(16+len(data)))
	binary.LittleEndian.PutUint32(b[8:], level)
	binary.LittleEndian.PutUint32(b[12:], typ)
	b = append(b, data...)
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

func TestCmsgList(t *testing.T) {
	rights := cmsg(1, 1, []byte{0, 0, 0, 0, 1, 0, 0, 0})
	creds := cmsg(1, 2, []byte{7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	c := &Ctx{Cfg: &Config{StrLen: 32}}
	c.cmsgList(append(creds, rights...), 0x1000)
	want := `[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=7, uid=0, gid=0}}, ` +
		`{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}]`
	if got := string(c.Out); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// FuzzCmsgList feeds arbitrary control buffers to the cmsghdr walker.
func FuzzCmsgList(f *testing.F) {
	f.Add(cmsg(1, 1, []byte{3, 0, 0, 0}))
	f.Add(append(cmsg(1, 2, make([]byte, 12)), cmsg(0, 8, make([]byte, 12))...))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 0, 0, 0, 1, 0, 0, 0, 5})
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, verbose := range []bool{false, true} {
			c := &Ctx{Cfg: &Config{StrLen: 4}, Verbose: verbose}
			c.cmsgList(b, 0x1000)
		}
	})
}
