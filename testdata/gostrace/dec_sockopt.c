/* Socket option values with structures: SO_PEERCRED, SO_LINGER,
 * SO_RCVTIMEO/SO_SNDTIMEO, IP_ADD_MEMBERSHIP, IPV6_JOIN_GROUP, and the
 * integer options of IP, IPv6 and TCP. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int main(void)
{
	getpid(); /* names this process's pid for the test's normalizer */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	struct ucred cr;
	socklen_t l = sizeof(cr);
	getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &l);
	struct linger lg;
	l = sizeof(lg);
	getsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, &l);
	struct timeval tv = { 5, 250000 };
	setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(sv[0], SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	l = sizeof(tv);
	getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, &l);

	int u = socket(AF_INET, SOCK_DGRAM, 0);
	struct ip_mreq mr;
	mr.imr_multiaddr.s_addr = inet_addr("239.1.2.3");
	mr.imr_interface.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(u, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr));
	int v = 64;
	setsockopt(u, IPPROTO_IP, IP_MULTICAST_TTL, &v, sizeof(v));
	setsockopt(u, IPPROTO_IP, IP_PKTINFO, &v, sizeof(v));
	setsockopt(u, IPPROTO_IP, IP_RECVTTL, &v, sizeof(v));

	int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	struct ipv6_mreq m6;
	inet_pton(AF_INET6, "ff02::1:3", &m6.ipv6mr_multiaddr);
	m6.ipv6mr_interface = 1;
	setsockopt(u6, IPPROTO_IPV6, IPV6_JOIN_GROUP, &m6, sizeof(m6));
	setsockopt(u6, IPPROTO_IPV6, IPV6_V6ONLY, &v, sizeof(v));
	setsockopt(u6, IPPROTO_IPV6, IPV6_RECVPKTINFO, &v, sizeof(v));
	setsockopt(u6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &v, sizeof(v));

	int t = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(t, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof(v));
	setsockopt(t, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &v, sizeof(v));
	setsockopt(t, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v));
	l = sizeof(v);
	getsockopt(t, SOL_SOCKET, SO_ERROR, &v, &l);
	getsockopt(t, SOL_SOCKET, SO_SNDBUF, &v, &l);
	return 0;
}
