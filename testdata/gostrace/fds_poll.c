/* Descriptors inside select, pselect6, poll, ppoll and epoll arguments
   for -y: the arguments show their paths, the ready sets of the results
   only numbers. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	int sp[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
	int null = open("/dev/null", O_RDONLY);
	write(sp[1], "x", 1);
	fd_set rd, wr;
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(sp[0], &rd);
	FD_SET(null, &rd);
	FD_SET(sp[1], &wr);
	struct timeval tv = {0, 0};
	select(null + 1, &rd, &wr, NULL, &tv);
	FD_ZERO(&rd);
	FD_SET(sp[0], &rd);
	struct timespec ts = {0, 0};
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pselect(sp[0] + 1, &rd, NULL, NULL, &ts, NULL);
	pselect(sp[0] + 1, &rd, NULL, NULL, &ts, &usr1);
	struct pollfd pf[3] = {{sp[0], POLLIN, 0}, {null, POLLIN, 0}, {-1, POLLIN, 0}};
	poll(pf, 3, 0);
	ppoll(pf, 2, &ts, NULL);
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = sp[0]};
	epoll_ctl(ep, EPOLL_CTL_ADD, sp[0], &ev);
	struct epoll_event out[2];
	epoll_wait(ep, out, 2, 0);
	close(ep);
	return 0;
}
