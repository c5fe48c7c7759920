/* strace remembers socket details in 1024 slots indexed by inode: a
   UDP socket printed while only bound keeps that text until enough
   other sockets have been printed to take its slot, then shows its
   connected state. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(47350)};
	struct sockaddr_in b = {.sin_family = AF_INET, .sin_port = htons(47351)};
	a.sin_addr.s_addr = b.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	bind(u, (struct sockaddr *)&a, sizeof a);
	fcntl(u, F_GETFD);
	connect(u, (struct sockaddr *)&b, sizeof b);
	fcntl(u, F_GETFD);
	/* Each traced socketpair takes two inodes and the tracer one per
	   lookup; an untraced socket every other turn varies the step so
	   that every slot is reached. */
	for (int i = 0; i < 3000; i++) {
		int sp[2];
		socketpair(AF_UNIX, SOCK_DGRAM, 0, sp);
		close(sp[0]);
		close(sp[1]);
		if (i % 2)
			close(socket(AF_UNIX, SOCK_DGRAM, 0));
	}
	fcntl(u, F_GETFD);
	return 0;
}
