/* Assorted calls for the decoders: io_uring_setup, pidfd_open and
 * pidfd_send_signal, waitid, the older descriptor makers, syslog,
 * membarrier, userfaultfd, kcmp, copy_file_range, sendfile. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/io_uring.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	int ring = syscall(SYS_io_uring_setup, 4, &p);
	if (ring >= 0)
		close(ring);
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_CQSIZE;
	p.cq_entries = 0;
	syscall(SYS_io_uring_setup, 4, &p);

	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL); /* no SIGCHLD racing the trace */
	pid_t child = fork();
	if (child == 0)
		_exit(3);
	int pfd = syscall(SYS_pidfd_open, child, 0);
	siginfo_t si;
	waitid(P_PIDFD, pfd, &si, WEXITED);
	syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0);
	close(pfd);

	syscall(SYS_epoll_create, 4);
	syscall(SYS_inotify_init);
	syscall(SYS_eventfd, 3);
	syscall(SYS_membarrier, 0, 0, 0);
	syscall(SYS_syslog, 10, NULL, 0);

	int in = open("/etc/hostname", O_RDONLY);
	int out = open("/dev/null", O_WRONLY);
	off_t off = 0;
	sendfile(out, in, &off, 4);
	loff_t o1 = 0;
	copy_file_range(in, &o1, out, NULL, 4, 0);
	return 0;
}
