package decode

import (
	"strconv"
	"sync"

	"github.com/goclues/goclues/common/format"
)

// sockCache remembers the details found for socket inodes, shared by
// every traced process like strace's: a direct-mapped table of 1024
// slots indexed by the inode's low bits, where a newer inode evicts the
// one in its slot. Only answers from sock_diag are kept; a socket that
// had none is asked about again on its next print.
type sockCache struct {
	mu    sync.Mutex
	slots [1024]struct {
		ino     uint64
		details string
	}
	scratch []byte
}

var sockets sockCache

// details returns what -yy prints for socket inode ino whose
// sockprotoname xattr is protoName (empty when unreadable), or "" when
// strace would print the descriptor's path instead.
func (s *sockCache) details(ino uint64, protoName string, esc format.Escape) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	slot := &s.slots[ino&uint64(len(s.slots)-1)]
	if slot.ino == ino && slot.details != "" {
		return slot.details
	}
	p := protoByName(protoName)
	if out, ok := lookupSocket(s.scratch[:0], p, ino, esc); ok {
		s.scratch = out
		slot.ino, slot.details = ino, string(out)
		return slot.details
	}
	if p == nil {
		return ""
	}
	return p.name + ":[" + strconv.FormatUint(ino, 10) + "]"
}
