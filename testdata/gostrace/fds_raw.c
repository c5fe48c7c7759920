/* Sockets whose protocol strace looks up in turn or cannot resolve for
   -yy: raw IPv4 and IPv6 sockets, UDP-Lite (its sockprotoname is not
   one strace knows for IPv4), packet sockets and a bound netlink uevent socket. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	syscall(SYS_getpid);
	int raw = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	fcntl(raw, F_GETFD);
	int raw6 = socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	fcntl(raw6, F_GETFD);

	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(47330)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int lite = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDPLITE);
	fcntl(lite, F_GETFD);
	bind(lite, (struct sockaddr *)&a, sizeof a);
	fcntl(lite, F_GETFD);

	struct sockaddr_in6 a6 = {.sin6_family = AF_INET6, .sin6_port = htons(47331)};
	inet_pton(AF_INET6, "::1", &a6.sin6_addr);
	int lite6 = socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDPLITE);
	fcntl(lite6, F_GETFD);
	bind(lite6, (struct sockaddr *)&a6, sizeof a6);
	fcntl(lite6, F_GETFD);

	int pk = socket(AF_PACKET, SOCK_DGRAM, 0);
	fcntl(pk, F_GETFD);

	int ue = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_KOBJECT_UEVENT);
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK, .nl_pid = 0};
	bind(ue, (struct sockaddr *)&nl, sizeof nl);
	fcntl(ue, F_GETFD);

	close(raw);
	close(raw6);
	close(lite);
	close(lite6);
	close(pk);
	close(ue);
	return 0;
}
