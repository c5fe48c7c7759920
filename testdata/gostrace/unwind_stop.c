/* Stack traces (-k) after signal lines: a child stops itself (signal
 * delivery and group stop), the parent resumes it. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		raise(SIGSTOP);
		_exit(0);
	}
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGCONT);
	waitpid(pid, &status, 0);
	return 0;
}
