/* Unix-domain sockets for -yy: socketpairs of every type, a bound
   stream server with a connected client and the accepted end, an
   abstract name, a bound datagram socket, unconnected sockets and a
   descriptor used after close. */
#include <sys/socket.h>
#include <sys/un.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

static socklen_t abstract(struct sockaddr_un *a, const char *name)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	memcpy(a->sun_path + 1, name, strlen(name));
	return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name);
}

int main(void)
{
	char b[16];
	int sp[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
	write(sp[0], "ping", 4);
	read(sp[1], b, sizeof b);
	close(sp[0]);
	read(sp[1], b, sizeof b);
	close(sp[1]);

	int dp[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, dp);
	send(dp[0], "d", 1, 0);
	recv(dp[1], b, sizeof b, 0);
	int qp[2];
	socketpair(AF_UNIX, SOCK_SEQPACKET, 0, qp);
	send(qp[1], "q", 1, 0);
	recv(qp[0], b, sizeof b, 0);

	const char *path = "/tmp/gostrace-fds-unix.sock";
	unlink(path);
	int srv = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	strcpy(sa.sun_path, path);
	bind(srv, (struct sockaddr *)&sa, sizeof sa);
	listen(srv, 4);
	int cli = socket(AF_UNIX, SOCK_STREAM, 0);
	connect(cli, (struct sockaddr *)&sa, sizeof sa);
	int acc = accept(srv, NULL, NULL);
	write(cli, "hello", 5);
	read(acc, b, sizeof b);
	shutdown(cli, SHUT_WR);
	close(acc);
	close(cli);
	close(srv);
	unlink(path);

	struct sockaddr_un ab;
	int as = socket(AF_UNIX, SOCK_STREAM, 0);
	socklen_t al = abstract(&ab, "gostrace-fds\tabs");
	bind(as, (struct sockaddr *)&ab, al);
	listen(as, 1);
	int ac = socket(AF_UNIX, SOCK_STREAM, 0);
	connect(ac, (struct sockaddr *)&ab, al);
	int aa = accept(as, NULL, NULL);
	write(aa, "x", 1);
	read(ac, b, 1);
	close(aa);
	close(ac);
	close(as);

	int ds = socket(AF_UNIX, SOCK_DGRAM, 0);
	socklen_t dl = abstract(&ab, "gostrace-fds-dgram");
	bind(ds, (struct sockaddr *)&ab, dl);
	int dc = socket(AF_UNIX, SOCK_DGRAM, 0);
	sendto(dc, "u", 1, 0, (struct sockaddr *)&ab, dl);
	recv(ds, b, sizeof b, 0);
	connect(dc, (struct sockaddr *)&ab, dl);
	send(dc, "v", 1, 0);
	close(ds);
	send(dc, "w", 1, 0);
	close(dc);

	/* An abstract name with a NUL inside, a path with characters
	   that are escaped, and a path filling all of sun_path. */
	static const char hidden[] = "gostrace-fds\0hidden";
	memset(&ab, 0, sizeof ab);
	ab.sun_family = AF_UNIX;
	memcpy(ab.sun_path + 1, hidden, sizeof hidden - 1);
	int hs = socket(AF_UNIX, SOCK_DGRAM, 0);
	bind(hs, (struct sockaddr *)&ab, offsetof(struct sockaddr_un, sun_path) + sizeof hidden);
	getsockname(hs, NULL, NULL);
	close(hs);

	const char *odd = "/tmp/gostrace \"fds\\<odd>";
	unlink(odd);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, odd);
	int os = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(os, (struct sockaddr *)&sa, sizeof sa);
	listen(os, 1);
	close(os);
	unlink(odd);

	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, "/tmp/", 5);
	memset(sa.sun_path + 5, 'L', sizeof sa.sun_path - 5);
	char full[sizeof sa.sun_path + 1] = {0};
	memcpy(full, sa.sun_path, sizeof sa.sun_path);
	unlink(full);
	int fs = socket(AF_UNIX, SOCK_DGRAM, 0);
	bind(fs, (struct sockaddr *)&sa, sizeof sa);
	getsockname(fs, NULL, NULL);
	close(fs);
	unlink(full);

	int lone = socket(AF_UNIX, SOCK_STREAM, 0);
	listen(lone, 1);
	close(lone);
	write(lone, "z", 1);
	return 0;
}
