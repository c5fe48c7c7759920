package ptrace

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"syscall"

	"golang.org/x/sys/unix"
)

// The stub is the light trampoline: a 256-byte static x86-64 program
// that stops itself, ignores the signals the tracer was started with
// ignored, installs the seccomp filter stored after its code and execs
// the command. Starting it costs one execve of a tiny image
// instead of a second Go runtime start-up, which is most of a tracer's
// fixed cost on short commands. Dropping privileges (-u) needs the Go
// trampoline.
//
// Its argv is [prog, path, argv...] and its environment is the
// command's. The code, from testdata/stub.S (assembled with GNU as, see
// TestStubMatchesAssembler):
//
//	getpid; kill(pid, SIGSTOP)
//	for each bit of the ignore mask: rt_sigaction(sig, SIG_IGN)
//	if fprog.len != 0:
//	    seccomp(SECCOMP_SET_MODE_FILTER, 0, &fprog), again after
//	    prctl(PR_SET_NO_NEW_PRIVS) if the kernel wants it (EACCES);
//	    on failure exit_group(errno)
//	execve(argv[1], &argv[2], envp)
//	exit_group(1)
//
// The code ends with the ignore mask (its last 8 bytes); it is followed
// by a struct sock_fprog and the filter. It prints
// nothing when execve fails: the tracer, which traces that execve,
// reports the error.
var stubCode = []byte{
	0x48, 0x8b, 0x1c, 0x24, 0x4c, 0x8d, 0x64, 0x24, 0x08, 0x4c, 0x8d, 0x6c,
	0xdc, 0x10, 0xb8, 0x27, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x89, 0xc7, 0xbe,
	0x13, 0x00, 0x00, 0x00, 0xb8, 0x3e, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x4c,
	0x8b, 0x3d, 0xce, 0x00, 0x00, 0x00, 0x31, 0xed, 0x83, 0xfd, 0x40, 0x74,
	0x23, 0x49, 0x0f, 0xa3, 0xef, 0x73, 0x19, 0xb8, 0x0d, 0x00, 0x00, 0x00,
	0x8d, 0x7d, 0x01, 0x48, 0x8d, 0x35, 0x92, 0x00, 0x00, 0x00, 0x31, 0xd2,
	0x41, 0xba, 0x08, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xff, 0xc5, 0xeb, 0xd8,
	0x4c, 0x8d, 0x35, 0xa5, 0x00, 0x00, 0x00, 0x66, 0x41, 0x83, 0x3e, 0x00,
	0x74, 0x46, 0xb8, 0x3d, 0x01, 0x00, 0x00, 0xbf, 0x01, 0x00, 0x00, 0x00,
	0x31, 0xf6, 0x4c, 0x89, 0xf2, 0x0f, 0x05, 0x48, 0x83, 0xf8, 0xf3, 0x75,
	0x2a, 0xb8, 0x9d, 0x00, 0x00, 0x00, 0xbf, 0x26, 0x00, 0x00, 0x00, 0xbe,
	0x01, 0x00, 0x00, 0x00, 0x31, 0xd2, 0x45, 0x31, 0xd2, 0x45, 0x31, 0xc0,
	0x0f, 0x05, 0xb8, 0x3d, 0x01, 0x00, 0x00, 0xbf, 0x01, 0x00, 0x00, 0x00,
	0x31, 0xf6, 0x4c, 0x89, 0xf2, 0x0f, 0x05, 0x48, 0x85, 0xc0, 0x75, 0x20,
	0x49, 0x8b, 0x7c, 0x24, 0x08, 0x49, 0x8d, 0x74, 0x24, 0x10, 0x4c, 0x89,
	0xea, 0xb8, 0x3b, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xbf, 0x01, 0x00, 0x00,
	0x00, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xf7, 0xd8, 0x89, 0xc7,
	0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x0f, 0x1f, 0x44, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,
}

// stubBase is where the stub's single segment is loaded.
const stubBase = 0x400000

// stubELF wraps code in a minimal ELF64 executable: the file header, one
// PT_LOAD program header covering the whole file, then the code.
func stubELF(code []byte) []byte {
	const ehsize, phsize = 64, 56
	img := make([]byte, ehsize+phsize, ehsize+phsize+len(code))
	le := binary.LittleEndian
	copy(img, "\x7fELF")
	img[4] = 2                                     // ELFCLASS64
	img[5] = 1                                     // ELFDATA2LSB
	img[6] = 1                                     // EV_CURRENT
	le.PutUint16(img[16:], 2)                      // ET_EXEC
	le.PutUint16(img[18:], 62)                     // EM_X86_64
	le.PutUint32(img[20:], 1)                      // EV_CURRENT
	le.PutUint64(img[24:], stubBase+ehsize+phsize) // e_entry
	le.PutUint64(img[32:], ehsize)                 // e_phoff
	le.PutUint16(img[52:], ehsize)                 // e_ehsize
	le.PutUint16(img[54:], phsize)                 // e_phentsize
	le.PutUint16(img[56:], 1)                      // e_phnum
	ph := img[ehsize:]
	le.PutUint32(ph[0:], 1)                                // PT_LOAD
	le.PutUint32(ph[4:], 5)                                // PF_R|PF_X
	le.PutUint64(ph[16:], stubBase)                        // p_vaddr
	le.PutUint64(ph[24:], stubBase)                        // p_paddr
	le.PutUint64(ph[32:], uint64(ehsize+phsize+len(code))) // p_filesz
	le.PutUint64(ph[40:], uint64(ehsize+phsize+len(code))) // p_memsz
	le.PutUint64(ph[48:], 0x1000)                          // p_align
	return append(img, code...)
}

// stubImage is the stub's ELF image with the ignore mask in place and
// filter (possibly empty) after the code: a struct sock_fprog {len, pad,
// filter pointer}, then the instructions.
func stubImage(filter []unix.SockFilter, ignore uint64) []byte {
	const ehsize, phsize, fprogSize = 64, 56, 16
	code := make([]byte, 0, len(stubCode)+fprogSize+8*len(filter))
	code = append(code, stubCode...)
	binary.LittleEndian.PutUint64(code[len(code)-8:], ignore)
	var fprog [fprogSize]byte
	binary.LittleEndian.PutUint16(fprog[0:], uint16(len(filter)))
	binary.LittleEndian.PutUint64(fprog[8:], stubBase+ehsize+phsize+uint64(len(stubCode))+fprogSize)
	code = append(code, fprog[:]...)
	for _, f := range filter {
		code = binary.LittleEndian.AppendUint16(code, f.Code)
		code = append(code, f.Jt, f.Jf)
		code = binary.LittleEndian.AppendUint32(code, f.K)
	}
	return stubELF(code)
}

// stubFile writes the stub for filter to a sealed close-on-exec memfd and
// returns the memfd and a path that execs it.
func stubFile(filter []unix.SockFilter, ignore uint64) (int, string, error) {
	fd, err := unix.MemfdCreate("goclues-trampoline", unix.MFD_CLOEXEC|unix.MFD_ALLOW_SEALING)
	if err != nil {
		return -1, "", fmt.Errorf("memfd_create: %w", err)
	}
	img := stubImage(filter, ignore)
	if n, err := unix.Write(fd, img); err != nil || n != len(img) {
		_ = unix.Close(fd)
		return -1, "", fmt.Errorf("write trampoline: %v", err)
	}
	_, _ = unix.FcntlInt(uintptr(fd), unix.F_ADD_SEALS, unix.F_SEAL_SEAL|unix.F_SEAL_SHRINK|unix.F_SEAL_GROW|unix.F_SEAL_WRITE)
	return fd, "/proc/self/fd/" + strconv.Itoa(fd), nil
}

// Light reports whether Spawn starts cfg through the stub. A light
// trampoline prints nothing: when the command's execve fails it exits
// with status 1 and the tracer, which sees the execve, reports it; when
// the seccomp filter can't be installed it exits with the errno as its
// status before any execve (see SeccompError).
func (cfg *SpawnConfig) Light() bool {
	return cfg.UID < 0
}

// SeccompError describes the failure a light trampoline's exit status
// reports when it ended before its execve.
func SeccompError(status int) string {
	return "seccomp(SECCOMP_SET_MODE_FILTER): " + ErrnoText(syscall.Errno(status))
}
