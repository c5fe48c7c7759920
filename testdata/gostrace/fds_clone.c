/* pidfds returned by clone and clone3 (CLONE_PIDFD): clone stores it
   where parent_tid points, clone3 in its pidfd field; failing calls
   show the addresses. */
#define _GNU_SOURCE
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int pidfd = -1;
	long pid = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &pidfd, 0, 0);
	if (pid == 0)
		_exit(0);
	struct clone_args ca;
	memset(&ca, 0, sizeof ca);
	int pfd2 = -1, ptid = 0;
	ca.flags = CLONE_PIDFD | CLONE_PARENT_SETTID;
	ca.pidfd = (unsigned long)&pfd2;
	ca.parent_tid = (unsigned long)&ptid;
	ca.exit_signal = SIGCHLD;
	long p2 = syscall(SYS_clone3, &ca, sizeof ca);
	if (p2 == 0)
		_exit(0);
	ca.flags = CLONE_PIDFD | CLONE_THREAD;
	syscall(SYS_clone3, &ca, sizeof ca);
	syscall(SYS_clone, CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, 0, &pidfd, 0, 0);
	waitpid(pid, NULL, 0);
	waitpid(p2, NULL, 0);
	return 0;
}
