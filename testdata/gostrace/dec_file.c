/* File and descriptor calls for the decoders: pselect6, utimensat,
 * renameat2, preadv/pwritev, umask, getcwd, sysinfo, uname, statx,
 * chown/chmod variants, mknodat, linkat, readlinkat, access modes,
 * st_rdev, PROT_NONE, SIG_IGN/SIG_DFL. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
	char dir[64];
	snprintf(dir, sizeof(dir), "/tmp/dec-file-%d", getpid()); /* the pid is normalized */
	mkdir(dir, 0700);
	chdir(dir);
	umask(027);
	char cwd[256];
	getcwd(cwd, sizeof(cwd));
	int fd = openat(AT_FDCWD, "a", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	struct iovec iov[2] = { { "hello ", 6 }, { "world\n", 6 } };
	pwritev(fd, iov, 2, 0);
	char b1[4], b2[16];
	struct iovec rv[2] = { { b1, sizeof(b1) }, { b2, sizeof(b2) } };
	preadv(fd, rv, 2, 0);
	preadv2(fd, rv, 2, 1, 0);
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { 1700000000, 5 } };
	utimensat(AT_FDCWD, "a", ts, AT_SYMLINK_NOFOLLOW);
	utimensat(fd, NULL, NULL, 0);
	renameat2(AT_FDCWD, "a", AT_FDCWD, "b", RENAME_NOREPLACE);
	linkat(AT_FDCWD, "b", AT_FDCWD, "c", 0);
	symlinkat("b", AT_FDCWD, "d");
	char lb[16];
	readlinkat(AT_FDCWD, "d", lb, sizeof(lb));
	mknodat(AT_FDCWD, "f", S_IFIFO | 0600, 0);
	fchmodat(AT_FDCWD, "b", 0600, 0);
	fchownat(AT_FDCWD, "b", 0, 0, AT_SYMLINK_NOFOLLOW);
	struct statx stx;
	statx(AT_FDCWD, "b", AT_SYMLINK_NOFOLLOW, STATX_TYPE | STATX_MODE | STATX_SIZE, &stx);
	fd_set r;
	FD_ZERO(&r);
	FD_SET(fd, &r);
	struct timespec t = { 0, 100 };
	sigset_t mask;
	sigemptyset(&mask);
	pselect(fd + 1, &r, NULL, NULL, &t, &mask);
	struct utsname u;
	uname(&u);
	unlinkat(AT_FDCWD, "b", 0);
	unlinkat(AT_FDCWD, "c", 0);
	unlinkat(AT_FDCWD, "d", 0);
	unlinkat(AT_FDCWD, "f", 0);
	chdir("/");
	rmdir(dir);

	/* values with a name for zero, device numbers and signal handlers,
	 * which -X raw and -X verbose print as numbers */
	access("/nonexistent-gostrace", F_OK);
	faccessat(AT_FDCWD, "/", R_OK | X_OK, 0);
	struct stat st;
	syscall(SYS_stat, "/dev/null", &st);
	void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_pkey_mprotect, p, 4096, PROT_NONE, -1);
	struct sigaction sa = { .sa_handler = SIG_IGN }, old;
	sigaction(SIGUSR1, &sa, &old);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGUSR1, &sa, &old);
	return 0;
}
