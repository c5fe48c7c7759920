/* kcmp compares descriptors of two processes (its own and a child's,
   each shown as its process sees it); process_madvise and
   process_mrelease take a pidfd. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/kcmp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	int ready[2];
	pipe(ready);
	pid_t self = syscall(SYS_getpid);
	int null = open("/dev/null", O_RDONLY);
	pid_t child = fork();
	if (child == 0) {
		/* The same open file as the parent's, under a number the
		   parent does not use. */
		dup2(null, 20);
		write(ready[1], "r", 1);
		for (;;)
			pause();
	}
	char c;
	close(ready[1]);
	read(ready[0], &c, 1);
	syscall(SYS_kcmp, self, child, KCMP_FILE, null, 20);
	syscall(SYS_kcmp, self, self, KCMP_FILES, 0, 0);
	syscall(SYS_kcmp, self, self, 99, 1, 2);
	int ep = epoll_create1(0);
	struct epoll_event ev = {.events = EPOLLIN};
	epoll_ctl(ep, EPOLL_CTL_ADD, null, &ev);
	struct kcmp_epoll_slot slot = {.efd = ep, .tfd = null, .toff = 0};
	syscall(SYS_kcmp, self, self, KCMP_EPOLL_TFD, null, &slot);
	syscall(SYS_kcmp, self, self, KCMP_EPOLL_TFD, null, NULL);
	int pfd = syscall(SYS_pidfd_open, child, 0);
	void *page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec iov[2] = {{page, 4096}, {NULL, 0}};
	syscall(SYS_process_madvise, pfd, iov, 2, MADV_COLD, 0);
	syscall(SYS_process_mrelease, pfd, 0);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	return 0;
}
