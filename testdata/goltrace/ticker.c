/* Runs until killed, calling the library every 20 ms: a target for -p. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	for (;;) {
		usleep(20000);
		puts("x");
		fflush(stdout);
	}
}
