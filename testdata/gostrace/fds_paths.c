/* Calls strace -P selects by some arguments only: rename by its old
   name, symlink by the link, epoll_ctl by the watched descriptor, dup2
   by either descriptor, timerfd_settime never; link, inotify_add_watch
   and the *at calls by both kinds of arguments. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <unistd.h>

#define OLD "/tmp/gostrace-fds-old"
#define NEW "/tmp/gostrace-fds-new"
#define SYM "/tmp/gostrace-fds-sym"
#define LNK "/tmp/gostrace-fds-lnk"

int main(void)
{
	unlink(NEW);
	unlink(SYM);
	unlink(LNK);
	int t = timerfd_create(CLOCK_MONOTONIC, 0);
	struct itimerspec its = {0};
	timerfd_settime(t, 0, &its, NULL);
	timerfd_gettime(t, &its);
	int ep = epoll_create1(0);
	struct epoll_event ev = {.events = EPOLLIN};
	epoll_ctl(ep, EPOLL_CTL_ADD, t, &ev);
	int f = open(OLD, O_CREAT | O_RDWR, 0600);
	rename(OLD, NEW);
	symlink(NEW, SYM);
	link(NEW, LNK);
	unlink(LNK);
	int in = inotify_init1(0);
	inotify_add_watch(in, NEW, IN_OPEN);
	int dir = open("/tmp", O_RDONLY | O_DIRECTORY);
	struct stat st;
	fstatat(dir, "gostrace-fds-new", &st, 0);
	renameat(dir, "gostrace-fds-new", dir, "gostrace-fds-old");
	renameat(dir, "gostrace-fds-old", AT_FDCWD, NEW);
	dup2(f, 50);
	dup3(t, 51, 0);
	close(f);
	unlink(SYM);
	unlink(NEW);
	return 0;
}
