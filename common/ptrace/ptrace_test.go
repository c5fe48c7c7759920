package ptrace

import (
	"os"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		ws   unix.WaitStatus
		kind StopKind
		sig  int
	}{
		{0x0300, KindExited, 0},                                 // exit(3)
		{0x0009, KindKilled, 9},                                 // SIGKILL
		{0x857f, KindSyscall, 0},                                // SIGTRAP|0x80
		{0x117f, KindSignal, 17},                                // SIGCHLD delivery
		{0x1057f, KindFork, 5},                                  // PTRACE_EVENT_FORK
		{0x4057f, KindExec, 5},                                  // PTRACE_EVENT_EXEC
		{unix.WaitStatus(0x80<<16 | 0x137f), KindGroupStop, 19}, // EVENT_STOP, SIGSTOP
		{unix.WaitStatus(0x80<<16 | 0x057f), KindEventStop, 5},  // EVENT_STOP, SIGTRAP
	}
	for _, tt := range tests {
		s := Classify(1, tt.ws)
		if s.Kind != tt.kind || (tt.kind != KindExited && s.Sig != tt.sig) {
			t.Errorf("Classify(%#x) = kind %d sig %d, want kind %d sig %d", uint32(tt.ws), s.Kind, s.Sig, tt.kind, tt.sig)
		}
	}
	if s := Classify(1, 0x0300); s.Status != 3 {
		t.Errorf("exit status %d", s.Status)
	}
}

func TestReadString(t *testing.T) {
	buf := []byte("hello\x00world")
	addr := uint64(uintptr(unsafe.Pointer(&buf[0])))
	s, found, err := ReadString(os.Getpid(), addr, 64, nil)
	if err != nil || !found || string(s) != "hello" {
		t.Errorf("ReadString = %q %v %v", s, found, err)
	}
	s, found, _ = ReadString(os.Getpid(), addr, 3, nil)
	if found || string(s) != "hel" {
		t.Errorf("limited ReadString = %q %v", s, found)
	}
	if _, err := ReadMem(os.Getpid(), 0, make([]byte, 4)); err == nil {
		t.Error("reading address 0 succeeded")
	}
}
