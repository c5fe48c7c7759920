package ptrace

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"sync"

	"golang.org/x/sys/unix"
)

// The stub is the light trampoline: a 67-byte static x86-64 program that
// stops itself and execs the command. Starting it costs one execve of a
// tiny image instead of a second Go runtime start-up, which is most of
// a tracer's fixed cost on short commands. It serves the common case;
// dropping privileges (-u) and installing a seccomp filter need the Go
// trampoline.
//
// Its argv is [prog, path, argv...] and its environment is the
// command's. The code, from testdata/stub.S (assembled with GNU as, see
// TestStubMatchesAssembler):
//
//	mov  (%rsp), %rbx           argc
//	lea  8(%rsp), %r12          argv
//	lea  16(%rsp,%rbx,8), %r13  envp
//	getpid; kill(pid, SIGSTOP)
//	execve(argv[1], &argv[2], envp)
//	exit_group(1)
//
// It prints nothing when execve fails: the tracer, which traces that
// execve, reports the error.
var stubCode = []byte{
	0x48, 0x8b, 0x1c, 0x24, 0x4c, 0x8d, 0x64, 0x24, 0x08, 0x4c, 0x8d, 0x6c,
	0xdc, 0x10, 0xb8, 0x27, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x89, 0xc7, 0xbe,
	0x13, 0x00, 0x00, 0x00, 0xb8, 0x3e, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x49,
	0x8b, 0x7c, 0x24, 0x08, 0x49, 0x8d, 0x74, 0x24, 0x10, 0x4c, 0x89, 0xea,
	0xb8, 0x3b, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xbf, 0x01, 0x00, 0x00, 0x00,
	0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05,
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

var stub struct {
	once sync.Once
	path string
	err  error
}

// stubPath returns a path that execs the stub: a sealed close-on-exec
// memfd of this process, made once.
func stubPath() (string, error) {
	stub.once.Do(func() {
		fd, err := unix.MemfdCreate("goclues-trampoline", unix.MFD_CLOEXEC|unix.MFD_ALLOW_SEALING)
		if err != nil {
			stub.err = fmt.Errorf("memfd_create: %w", err)
			return
		}
		img := stubELF(stubCode)
		if n, err := unix.Write(fd, img); err != nil || n != len(img) {
			_ = unix.Close(fd)
			stub.err = fmt.Errorf("write trampoline: %v", err)
			return
		}
		_, _ = unix.FcntlInt(uintptr(fd), unix.F_ADD_SEALS, unix.F_SEAL_SEAL|unix.F_SEAL_SHRINK|unix.F_SEAL_GROW|unix.F_SEAL_WRITE)
		stub.path = "/proc/self/fd/" + strconv.Itoa(fd)
	})
	return stub.path, stub.err
}

// Light reports whether Spawn starts cfg through the stub. A light
// trampoline exits with status 1 and prints nothing when the command's
// execve fails; the tracer reports it.
func (cfg *SpawnConfig) Light() bool {
	return cfg.UID < 0 && len(cfg.Seccomp) == 0
}
