/* Signals: a handler that calls a library function while the call that
 * raised the signal is pending, and an ignored signal. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static void handler(int sig)
{
	(void)sig;
	write(1, "sig\n", 4);
}

int main(void)
{
	signal(SIGUSR1, handler);
	raise(SIGUSR1);
	signal(SIGUSR2, SIG_IGN);
	raise(SIGUSR2);
	puts("done");
	return 0;
}
