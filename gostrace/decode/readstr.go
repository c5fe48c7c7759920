package decode

import "github.com/goclues/goclues/common/ptrace"

// readStringBuf reads the string at addr looking at most max bytes for
// its NUL, reusing *buf. It reports false with max-1 bytes when no NUL
// came within max bytes (the string is longer than shown).
func readStringBuf(pid int, addr uint64, max int, buf *[]byte) ([]byte, bool, error) {
	s, found, err := ptrace.ReadString(pid, addr, max, *buf)
	if cap(s) > cap(*buf) {
		*buf = s[:0]
	}
	if found {
		return s, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	return s[:max-1], false, nil
}
