/* Descriptor-making and I/O calls for the decoders: signalfd, timerfd,
 * inotify, memfd, splice/tee, fallocate, flock, ppoll, epoll_pwait2. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	sigaddset(&mask, SIGCHLD);
	int sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);

	int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	struct itimerspec its = { { 0, 0 }, { 5, 500 } }, old;
	timerfd_settime(tfd, 0, &its, &old);
	its.it_value.tv_sec = 0;
	its.it_value.tv_nsec = 0;
	timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL);
	timerfd_gettime(tfd, &old); /* disarmed: zeros, unlike a running timer */

	int ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	int wd = inotify_add_watch(ifd, "/tmp", IN_CREATE | IN_DELETE | IN_MOVED_TO);
	inotify_add_watch(ifd, "/nonexistent", IN_ALL_EVENTS);
	inotify_rm_watch(ifd, wd);

	int mfd = memfd_create("dec-memfd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	write(mfd, "0123456789", 10);
	fallocate(mfd, 0, 0, 8192);
	fallocate(mfd, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 4096);
	fcntl(mfd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
	fcntl(mfd, F_GET_SEALS);
	flock(mfd, LOCK_EX | LOCK_NB);
	flock(mfd, LOCK_UN);

	int p[2], q[2];
	pipe2(p, O_CLOEXEC | O_NONBLOCK);
	pipe2(q, O_CLOEXEC);
	write(p[1], "splice me", 9);
	tee(p[0], q[1], 4, SPLICE_F_NONBLOCK);
	loff_t off = 0;
	splice(p[0], NULL, mfd, &off, 9, SPLICE_F_MOVE | SPLICE_F_MORE);
	lseek(mfd, 0, SEEK_SET);
	splice(mfd, NULL, q[1], NULL, 3, 0);

	struct pollfd fds[2] = { { q[0], POLLIN, 0 }, { p[1], POLLOUT | POLLPRI, 0 } };
	struct timespec ts = { 0, 1000 };
	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	ppoll(fds, 2, &ts, &block);
	ppoll(fds, 1, NULL, NULL);
	fds[0].fd = p[0];
	ppoll(fds, 1, &ts, NULL);

	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 7 };
	epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &ev);
	struct epoll_event out[4];
	epoll_pwait2(ep, out, 4, &ts, &block);
	epoll_pwait(ep, out, 4, 0, &block);
	return 0;
}
