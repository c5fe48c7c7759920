/* A child that calls the library and exits with a status; the parent
 * waits for it. The child sleeps first so that the parent is already
 * waiting when the child's SIGCHLD comes. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	fflush(stdout);
	if (fork() == 0) {
		usleep(100000);
		puts("child");
		exit(5);
	}
	int st;
	wait(&st);
	printf("%d\n", WEXITSTATUS(st));
	return 0;
}
