/* fcntl commands with structures and flags: record locks (classic and
 * open file description), owners, leases, notifications, pipe sizes,
 * read/write hints. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/tmp", O_RDONLY | O_DIRECTORY);
	int f = open("/etc/hostname", O_RDONLY);
	struct flock lk = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	fcntl(f, F_SETLK, &lk);
	fcntl(f, F_GETLK, &lk);
	lk.l_type = F_UNLCK;
	fcntl(f, F_SETLKW, &lk);
	lk.l_type = F_RDLCK;
	lk.l_pid = 0;
	fcntl(f, F_OFD_SETLK, &lk);
	fcntl(f, F_OFD_GETLK, &lk);
	struct f_owner_ex own = { F_OWNER_PID, 0 };
	fcntl(f, F_GETOWN_EX, &own);
	fcntl(f, F_SETOWN, 0);
	fcntl(f, F_GETOWN);
	fcntl(f, F_SETSIG, SIGIO);
	fcntl(f, F_GETSIG);
	fcntl(f, F_GETLEASE);
	fcntl(fd, F_NOTIFY, DN_CREATE | DN_DELETE | DN_MULTISHOT);
	int p[2];
	pipe(p);
	fcntl(p[0], F_SETPIPE_SZ, 65536);
	fcntl(p[0], F_GETPIPE_SZ);
	uint64_t hint = RWH_WRITE_LIFE_SHORT;
	fcntl(f, F_SET_RW_HINT, &hint);
	fcntl(f, F_GET_RW_HINT, &hint);
	fcntl(f, F_DUPFD_CLOEXEC, 10);
	fcntl(f, F_SETFL, O_NONBLOCK | O_APPEND);
	fcntl(f, F_GETFL);
	fcntl(f, F_SETFD, FD_CLOEXEC);
	fcntl(f, F_GETFD);
	return 0;
}
