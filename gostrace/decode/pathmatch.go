package decode

import "github.com/goclues/goclues/common/sysent"

// -P: which calls a traced path selects. strace 6.1 looks at arguments
// 0 only (a path for a call of the %file class, else a descriptor for
// one of %desc or %network), except for the calls listed in pathArgs;
// calls of no such class never match.

// pathMatch says where a call names descriptors and paths: argument
// indexes, or a function for descriptors held in memory.
type pathMatch struct {
	fds, paths []int
	mem        func(c *Ctx, paths []string) bool
}

var (
	fdFd       = pathMatch{fds: []int{0, 1}}
	fdPath     = pathMatch{fds: []int{0}, paths: []int{1}}
	pathPath   = pathMatch{paths: []int{0, 1}}
	secondPath = pathMatch{paths: []int{1}}
	twoFdPath  = pathMatch{fds: []int{0, 2}, paths: []int{1, 3}}
	fdXFd      = pathMatch{fds: []int{0, 2}}
	noneToTest = pathMatch{}
)

var pathMatchByName = map[string]pathMatch{
	"dup2": fdFd, "dup3": fdFd, "kexec_file_load": fdFd, "sendfile": fdFd, "tee": fdFd,

	"execveat": fdPath, "faccessat": fdPath, "faccessat2": fdPath, "fchmodat": fdPath,
	"fchownat": fdPath, "fspick": fdPath, "futimesat": fdPath, "inotify_add_watch": fdPath,
	"mkdirat": fdPath, "mknodat": fdPath, "mount_setattr": fdPath, "name_to_handle_at": fdPath,
	"newfstatat": fdPath, "open_tree": fdPath, "openat": fdPath, "openat2": fdPath,
	"readlinkat": fdPath, "statx": fdPath, "unlinkat": fdPath, "utimensat": fdPath,

	"link": pathPath, "mount": pathPath, "pivot_root": pathPath,
	"quotactl": secondPath, "symlink": secondPath,
	"linkat": twoFdPath, "move_mount": twoFdPath, "renameat": twoFdPath, "renameat2": twoFdPath,
	"mmap":            {fds: []int{4}},
	"symlinkat":       {fds: []int{1}, paths: []int{2}},
	"copy_file_range": fdXFd, "splice": fdXFd,
	"epoll_ctl":     {fds: []int{2}},
	"fanotify_mark": {fds: []int{3}, paths: []int{4}},
	"fsconfig":      {mem: fsconfigRefersTo},
	"select":        {mem: fdSetsReferTo}, "pselect6": {mem: fdSetsReferTo},
	"poll": {mem: pollfdsReferTo}, "ppoll": {mem: pollfdsReferTo},

	// Descriptor or file calls with nothing to compare.
	"bpf": noneToTest, "epoll_create": noneToTest, "epoll_create1": noneToTest,
	"eventfd": noneToTest, "eventfd2": noneToTest, "fanotify_init": noneToTest,
	"fsopen": noneToTest, "inotify_init": noneToTest, "inotify_init1": noneToTest,
	"io_uring_setup": noneToTest, "landlock_create_ruleset": noneToTest,
	"memfd_create": noneToTest, "memfd_secret": noneToTest, "mq_open": noneToTest,
	"perf_event_open": noneToTest, "pidfd_open": noneToTest, "pipe": noneToTest,
	"pipe2": noneToTest, "socket": noneToTest, "socketpair": noneToTest,
	"timerfd_create": noneToTest, "timerfd_gettime": noneToTest,
	"timerfd_settime": noneToTest, "userfaultfd": noneToTest,
}

// pathMatches is pathMatchByName indexed by system call number.
var pathMatches = func() map[int]pathMatch {
	m := make(map[int]pathMatch, len(pathMatchByName))
	for name, pm := range pathMatchByName {
		if nr, ok := sysent.Number(name); ok {
			m[nr] = pm
		}
	}
	return m
}()

var (
	fallbackPath = pathMatch{paths: []int{0}}
	fallbackFD   = pathMatch{fds: []int{0}}
)

// RefersTo reports whether the call in c names one of paths (strace
// -P). A descriptor names the file its /proc link shows, an unlinked
// file by its name without " (deleted)".
func RefersTo(c *Ctx, paths []string) bool {
	e, ok := sysent.Lookup(c.Nr)
	if !ok || e.Class&(sysent.File|sysent.Desc|sysent.Network) == 0 {
		return false
	}
	pm, special := pathMatches[c.Nr]
	switch {
	case special:
	case e.Class&sysent.File != 0:
		pm = fallbackPath
	default:
		pm = fallbackFD
	}
	for _, i := range pm.fds {
		if fdRefersTo(c, int32(c.Args[i]), paths) {
			return true
		}
	}
	for _, i := range pm.paths {
		if pathRefersTo(c, c.Args[i], paths) {
			return true
		}
	}
	return pm.mem != nil && pm.mem(c, paths)
}

// fdRefersTo reports whether descriptor fd is one of paths.
func fdRefersTo(c *Ctx, fd int32, paths []string) bool {
	target, ok := fdPathOf(c.Pid, fd)
	return ok && isOneOf(target, paths)
}

// pathRefersTo reports whether the string at addr is one of paths.
func pathRefersTo(c *Ctx, addr uint64, paths []string) bool {
	b, ok, err := readStringBuf(c.Pid, addr, PathMax, &c.scratch)
	return ok && err == nil && isOneOf(string(b), paths)
}

func isOneOf(name string, paths []string) bool {
	for _, p := range paths {
		if p == name {
			return true
		}
	}
	return false
}

// fsconfig names a path (argument 3) and a descriptor (argument 4)
// for FSCONFIG_SET_PATH and FSCONFIG_SET_PATH_EMPTY, a descriptor for
// FSCONFIG_SET_FD.
func fsconfigRefersTo(c *Ctx, paths []string) bool {
	switch uint32(c.Args[1]) {
	case 3, 4:
		return fdRefersTo(c, int32(c.Args[4]), paths) || pathRefersTo(c, c.Args[3], paths)
	case 5:
		return fdRefersTo(c, int32(c.Args[4]), paths)
	}
	return false
}

// fdSetsReferTo looks through select's three fd sets (arguments 1 to
// 3, nfds bits each).
func fdSetsReferTo(c *Ctx, paths []string) bool {
	nfds := int(int32(c.Args[0]))
	if nfds <= 0 {
		return false
	}
	nfds = min(nfds, 1<<20)
	for i := 1; i <= 3; i++ {
		b, ok := c.read(c.Args[i], (nfds+63)/64*8)
		if !ok {
			continue
		}
		for fd := 0; fd < nfds; fd++ {
			if b[fd/8]&(1<<(fd%8)) != 0 && fdRefersTo(c, int32(fd), paths) {
				return true
			}
		}
	}
	return false
}

// pollfdsReferTo looks through poll's array of struct pollfd
// (argument 0, argument 1 entries, at most 1<<20 as strace reads).
func pollfdsReferTo(c *Ctx, paths []string) bool {
	n := min(c.Args[1]&0xffffffff, 1<<20)
	var b [8]byte
	for k := uint64(0); k < n; k++ {
		if !c.readInto(c.Args[0]+k*8, b[:]) {
			break
		}
		if fdRefersTo(c, int32(le32(b[:])), paths) {
			return true
		}
	}
	return false
}
