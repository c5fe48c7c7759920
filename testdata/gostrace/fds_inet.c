/* TCP and UDP over loopback for -yy: IPv4 and IPv6 listen, connect and
   accept, an IPv4-mapped IPv6 connection, UDP bound, connected and
   unbound, and sockets that never get an address. Ports are fixed and
   connections are reset on close (SO_LINGER 0) so that no TIME_WAIT
   state survives a run. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void reset_close(int fd)
{
	struct linger l = {1, 0};
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
	close(fd);
}

static struct sockaddr_in v4(const char *ip, int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
	inet_pton(AF_INET, ip, &a.sin_addr);
	return a;
}

static struct sockaddr_in6 v6(const char *ip, int port)
{
	struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons(port)};
	inet_pton(AF_INET6, ip, &a.sin6_addr);
	return a;
}

static void tcp_pair(int family, const void *srv, const void *cli, socklen_t len)
{
	int one = 1;
	char b[8];
	int l = socket(family, SOCK_STREAM, 0);
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	bind(l, srv, len);
	listen(l, 4);
	int c = socket(family, SOCK_STREAM, 0);
	setsockopt(c, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	bind(c, cli, len);
	connect(c, srv, len);
	int a = accept(l, NULL, NULL);
	write(c, "hi", 2);
	read(a, b, sizeof b);
	reset_close(a);
	read(c, b, sizeof b);
	reset_close(c);
	close(l);
}

int main(void)
{
	struct sockaddr_in s4 = v4("127.0.0.1", 47311), c4 = v4("127.0.0.1", 47312);
	tcp_pair(AF_INET, &s4, &c4, sizeof s4);

	struct sockaddr_in6 s6 = v6("::1", 47313), c6 = v6("::1", 47314);
	tcp_pair(AF_INET6, &s6, &c6, sizeof s6);

	struct sockaddr_in6 sm = v6("::ffff:127.0.0.1", 47315), cm = v6("::ffff:127.0.0.1", 47316);
	tcp_pair(AF_INET6, &sm, &cm, sizeof sm);

	struct sockaddr_in6 any6 = v6("::", 47317);
	int w = socket(AF_INET6, SOCK_STREAM, 0);
	bind(w, (struct sockaddr *)&any6, sizeof any6);
	listen(w, 1);
	close(w);

	char b[8];
	struct sockaddr_in us = v4("127.0.0.1", 47318), uc = v4("127.0.0.1", 47319);
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	bind(u, (struct sockaddr *)&us, sizeof us);
	int v = socket(AF_INET, SOCK_DGRAM, 0);
	bind(v, (struct sockaddr *)&uc, sizeof uc);
	sendto(v, "a", 1, 0, (struct sockaddr *)&us, sizeof us);
	recv(u, b, sizeof b, 0);
	connect(u, (struct sockaddr *)&uc, sizeof uc);
	send(u, "b", 1, 0);
	close(u);
	close(v);

	struct sockaddr_in6 u6s = v6("::1", 47320), u6b = v6("::1", 47321);
	int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	int u6c = socket(AF_INET6, SOCK_DGRAM, 0);
	bind(u6c, (struct sockaddr *)&u6b, sizeof u6b);
	connect(u6c, (struct sockaddr *)&u6s, sizeof u6s);
	bind(u6, (struct sockaddr *)&u6s, sizeof u6s);
	send(u6c, "c", 1, 0);
	recv(u6, b, sizeof b, 0);
	close(u6);
	close(u6c);

	int t = socket(AF_INET, SOCK_STREAM, 0);
	int t6 = socket(AF_INET6, SOCK_DGRAM, 0);
	shutdown(t, SHUT_RDWR);
	shutdown(t6, SHUT_RDWR);
	close(t);
	close(t6);
	return 0;
}
