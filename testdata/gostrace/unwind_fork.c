/* Stack traces (-k -f): a child that writes and execs, a parent that
 * waits for it (so the order of lines does not depend on scheduling). */
#include <sys/wait.h>
#include <unistd.h>

__attribute__((noinline)) static void child(void)
{
	write(1, "child\n", 6);
	execl("/bin/true", "true", (char *)0);
	_exit(3);
}

int main(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		child();
	waitpid(pid, &status, 0);
	write(1, "parent\n", 7);
	return 0;
}
