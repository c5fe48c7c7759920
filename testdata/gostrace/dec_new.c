/* Newer and rarer calls for the decoders: openat2, utime/utimes/
 * futimesat, sched_setattr/sched_getattr, pivot_root, io_uring_enter,
 * userfaultfd, pkey_alloc/pkey_free, fanotify_init, name_to_handle_at,
 * memfd_secret, landlock_create_ruleset, settimeofday. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/sched/types.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

int main(void)
{
	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH };
	int fd = syscall(SYS_openat2, AT_FDCWD, "/etc/hostname", &how, sizeof(how));
	struct open_how how2 = { .flags = O_WRONLY | O_CREAT, .mode = 0600 };
	syscall(SYS_openat2, AT_FDCWD, "/nonexistent/x", &how2, sizeof(how2));
	close(fd);

	struct { long actime, modtime; } ub = { 1700000000, 1700000001 };
	syscall(SYS_utime, "/nonexistent", &ub);
	syscall(SYS_utime, "/nonexistent", NULL);
	struct timeval tv[2] = { { 1700000000, 5 }, { 1700000001, 6 } };
	syscall(SYS_utimes, "/nonexistent", tv);
	syscall(SYS_futimesat, AT_FDCWD, "/nonexistent", tv);

	struct sched_attr attr;
	memset(&attr, 0, sizeof(attr));
	syscall(SYS_sched_getattr, 0, &attr, sizeof(attr), 0);
	attr.size = sizeof(attr);
	attr.sched_policy = 0;
	attr.sched_nice = 0;
	syscall(SYS_sched_setattr, 0, &attr, 0);

	syscall(SYS_pivot_root, "/nonexistent", "/nonexistent/old");
	syscall(SYS_io_uring_enter, -1, 1, 1, 1, NULL, 8);
	syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	int k = syscall(SYS_pkey_alloc, 0, 0);
	if (k >= 0)
		syscall(SYS_pkey_free, k);
	syscall(SYS_fanotify_init, 0x3, O_RDONLY);
	syscall(SYS_memfd_secret, 0);
	syscall(SYS_landlock_create_ruleset, NULL, 0, 1);
	struct timeval now = { 1, 0 };
	syscall(SYS_settimeofday, NULL, NULL);
	(void) now;
	return 0;
}
