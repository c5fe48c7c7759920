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

// cached returns the details remembered for inode ino.
func (s *sockCache) cached(ino uint64) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	slot := &s.slots[ino&uint64(len(s.slots)-1)]
	return slot.details, slot.ino == ino && slot.details != ""
}

// resolve asks sock_diag about inode ino, whose sockprotoname xattr is
// protoName (empty when unreadable), and remembers a found answer. It
// returns what -yy prints: the details, PROTO:[inode] for a protocol
// strace knows but sock_diag did not answer for, or "" when strace
// prints the descriptor's path instead.
func (s *sockCache) resolve(ino uint64, protoName string, esc format.Escape) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := protoByName(protoName)
	if out, ok := lookupSocket(s.scratch[:0], p, ino, esc); ok {
		s.scratch = out
		slot := &s.slots[ino&uint64(len(s.slots)-1)]
		slot.ino, slot.details = ino, string(out)
		return slot.details
	}
	if p == nil {
		return ""
	}
	return p.name + ":[" + strconv.FormatUint(ino, 10) + "]"
}
