/* Calls that take or return process ids, for -Y/--decode-pids=comm. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	pid_t me = getpid();
	getppid();
	syscall(SYS_gettid);
	kill(me, 0);
	syscall(SYS_tkill, me, 0);
	syscall(SYS_tgkill, me, me, 0);
	getpgid(0);
	getpgid(me);
	getsid(me);
	getpgrp();
	setpgid(me, me);
	struct rlimit rl;
	prlimit(me, RLIMIT_NOFILE, NULL, &rl);
	cpu_set_t set;
	sched_getaffinity(me, sizeof(set), &set);
	pid_t child = fork();
	if (child == 0)
		_exit(3);
	int st;
	waitpid(child, &st, 0);
	waitpid(child, &st, WNOHANG);
	child = fork();
	if (child == 0)
		_exit(0);
	siginfo_t si;
	waitid(P_PID, child, &si, WEXITED);
	syscall(SYS_pidfd_open, me, 0);
	getpriority(PRIO_PROCESS, me);
	getpriority(PRIO_PGRP, 0);
	kill(1, 0);
	return 0;
}
