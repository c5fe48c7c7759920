/* pidfds for -yy and --decode-fds=pidfd: pidfd_open with and without
   flags, pidfd_getfd, signals sent through a pidfd, and waitid on it,
   before and after the child is reaped. The child says when it is
   ready, so that every line comes in one order. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
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
	pid_t child = fork();
	if (child == 0) {
		close(ready[0]);
		open("/dev/null", O_RDONLY);
		write(ready[1], "r", 1);
		for (;;)
			pause();
	}
	char c;
	close(ready[1]);
	read(ready[0], &c, 1);
	int pfd = syscall(SYS_pidfd_open, child, 0);
	int nb = syscall(SYS_pidfd_open, child, O_NONBLOCK);
	syscall(SYS_pidfd_open, child, 0x1);
	syscall(SYS_pidfd_open, -1, 0);
	int got = syscall(SYS_pidfd_getfd, pfd, 3, 0);
	syscall(SYS_pidfd_getfd, pfd, 99, 0);
	syscall(SYS_pidfd_getfd, pfd, 3, 1);
	fcntl(got, F_GETFD);
	siginfo_t info;
	memset(&info, 0, sizeof info);
	info.si_signo = SIGUSR2;
	info.si_code = SI_QUEUE;
	info.si_pid = getpid();
	info.si_value.sival_int = 5;
	syscall(SYS_pidfd_send_signal, pfd, SIGUSR2, &info, 0);
	syscall(SYS_pidfd_send_signal, pfd, SIGTERM, NULL, 1);
	syscall(SYS_pidfd_send_signal, pfd, SIGTERM, NULL, 0);
	siginfo_t si;
	waitid(P_PIDFD, pfd, &si, WEXITED);
	fcntl(nb, F_GETFD);
	syscall(SYS_pidfd_send_signal, nb, 0, NULL, 0);
	close(nb);
	close(pfd);
	return 0;
}
