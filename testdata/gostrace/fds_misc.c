/* Descriptors other than inet and unix sockets for -yy and
   --decode-fds: netlink sockets of several protocols, a pidfd, anon
   inodes (eventfd, timerfd, signalfd, epoll, inotify), character
   devices (/dev/ptmx among them), a pipe, a memfd, a directory and a path with characters
   that strace escapes. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/netlink.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	syscall(SYS_getpid);
	int rt = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
	bind(rt, (struct sockaddr *)&nl, sizeof nl);
	fcntl(rt, F_GETFD);
	int ge = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_GENERIC);
	fcntl(ge, F_GETFD);
	int au = socket(AF_NETLINK, SOCK_RAW, NETLINK_KOBJECT_UEVENT);
	fcntl(au, F_GETFD);
	close(rt);
	close(ge);
	close(au);

	pid_t child = fork();
	if (child == 0)
		_exit(0);
	int pfd = syscall(SYS_pidfd_open, child, 0);
	fcntl(pfd, F_GETFD);
	waitid(P_PIDFD, pfd, NULL, WEXITED);
	fcntl(pfd, F_GETFD);
	close(pfd);

	int ev = eventfd(3, EFD_CLOEXEC);
	int tf = timerfd_create(CLOCK_MONOTONIC, 0);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	int sf = signalfd(-1, &set, 0);
	int ep = epoll_create1(0);
	struct epoll_event e = {.events = EPOLLIN};
	epoll_ctl(ep, EPOLL_CTL_ADD, ev, &e);
	int in = inotify_init1(0);
	int p[2];
	pipe(p);
	write(p[1], "x", 1);
	close(p[1]);
	int null = open("/dev/null", O_RDWR);
	int zero = open("/dev/zero", O_RDONLY);
	int mem = memfd_create("gostrace<fds>", 0);
	int dir = open("/tmp", O_RDONLY | O_DIRECTORY);
	int odd = open("/tmp/gostrace fds<odd>\n", O_RDWR | O_CREAT, 0600);
	unlink("/tmp/gostrace fds<odd>\n");
	int ptmx = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	int fds[] = {ev, tf, sf, ep, in, p[0], null, zero, mem, dir, odd, ptmx};
	for (unsigned i = 0; i < sizeof fds / sizeof fds[0]; i++)
		fcntl(fds[i], F_GETFD);
	dup2(null, 100);
	fcntl(100, F_GETFD);
	return 0;
}
