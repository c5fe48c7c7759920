/* Zero through the hex and octal lenses. */
#include <arpa/inet.h>
#include <sys/stat.h>

int main(void)
{
	inet_addr("0.0.0.0");
	umask(0);
	umask(022);
	return 0;
}
