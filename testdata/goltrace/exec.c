/* Calls the library, then replaces itself with /bin/true. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	puts("before");
	fflush(stdout);
	execl("/bin/true", "true", (char *)NULL);
	return 1;
}
