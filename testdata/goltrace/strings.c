/* Argument decoding: escapes, length-limited strings, chars, output
 * parameters, printf formats, enums, bit vectors and NULL pointers. */
#include <ctype.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char s[40], d[64];
	for (int i = 0; i < 32; i++)
		s[i] = (char)i;
	s[32] = 127;
	s[33] = '\'';
	s[34] = '"';
	s[35] = '0';
	s[36] = 0;
	memcpy(d, s, 36);
	memcpy(d, "abc\0def", 7);
	volatile int c = '\'';
	c = toupper(c);
	c = toupper('\n');
	c = toupper(200);
	c = tolower(0);
	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR1);
	sigaddset(&ss, SIGHUP);
	sigprocmask(SIG_BLOCK, &ss, 0);
	sigfillset(&ss);
	sigdelset(&ss, SIGTRAP);
	sprintf(d, "%d-%s-%c-%5.2f-%lu-%x-%p-%lld-%hhd", 42, "str", 'c', 3.5, 7UL, 255, (void *)0, -5LL, 7);
	setlocale(LC_ALL, "C");
	int fd = open("/etc/passwd", O_RDONLY);
	read(fd, d, 10);
	close(fd);
	fputs("\303\251\001\177\3777\n", stdout);
	puts("tab\there\"q\\");
	if (getenv("GOLTRACE_SURELY_UNSET") == NULL)
		puts("0123456789012345678901234567890123456789");
	FILE *f = fopen("/nonexistent/file", "r");
	printf("%s %d %c %f %e %g %ld %hd %zu %5s|%-5d|%*d %%\n", "s", -3, 'x', 1.5, 2.5, 3.5, 1L << 40, (short)8, (size_t)9, "ab", 3, 4, 5);
	return f != NULL;
}
