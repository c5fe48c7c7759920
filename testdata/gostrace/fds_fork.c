/* Sockets shared across fork for -f -yy: the child writes on an
   inherited socketpair end and connects to the parent's listener; the
   parent waits for it before accepting, so that every print happens in
   one order whatever the scheduling. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	char b[8];
	int sp[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
	struct sockaddr_in srv = {.sin_family = AF_INET, .sin_port = htons(47340)};
	struct sockaddr_in cli = {.sin_family = AF_INET, .sin_port = htons(47341)};
	srv.sin_addr.s_addr = cli.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int one = 1;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	bind(l, (struct sockaddr *)&srv, sizeof srv);
	listen(l, 1);
	pid_t pid = fork();
	if (pid == 0) {
		write(sp[1], "c", 1);
		int c = socket(AF_INET, SOCK_STREAM, 0);
		setsockopt(c, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		bind(c, (struct sockaddr *)&cli, sizeof cli);
		connect(c, (struct sockaddr *)&srv, sizeof srv);
		write(c, "t", 1);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	int a = accept(l, NULL, NULL);
	read(a, b, sizeof b);
	read(sp[0], b, sizeof b);
	struct linger lg = {1, 0};
	setsockopt(a, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	close(a);
	close(l);
	return 0;
}
