/* Netlink route requests and replies for the netlink decoder:
 * a link query by index, an error reply with extended ack, a route
 * dump, over sendto/recvfrom and sendmsg/recvmsg. */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct req {
	struct nlmsghdr h;
	union {
		struct ifinfomsg ifi;
		struct rtmsg rt;
		struct ifaddrmsg ifa;
	};
	char attrs[64];
};

static char buf[32768];

static void drain(int fd)
{
	for (;;) {
		struct iovec iov = { buf, sizeof(buf) };
		struct sockaddr_nl sa;
		struct msghdr m = { &sa, sizeof(sa), &iov, 1, NULL, 0, 0 };
		ssize_t n = recvmsg(fd, &m, 0);
		if (n <= 0)
			return;
		struct nlmsghdr *h = (struct nlmsghdr *) buf;
		for (; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n))
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				return;
	}
}

int main(void)
{
	getpid(); /* names this process's pid for the test's normalizer */
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	int one = 1;
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	bind(fd, (struct sockaddr *) &sa, sizeof(sa));

	struct req r;
	memset(&r, 0, sizeof(r));
	r.h.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	r.h.nlmsg_type = RTM_GETLINK;
	r.h.nlmsg_flags = NLM_F_REQUEST;
	r.h.nlmsg_seq = 1;
	r.ifi.ifi_index = 1;
	sendto(fd, &r, r.h.nlmsg_len, 0, NULL, 0);
	recvfrom(fd, buf, sizeof(buf), 0, NULL, NULL);

	r.h.nlmsg_seq = 2;
	r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	r.ifi.ifi_index = 99999;
	sendto(fd, &r, r.h.nlmsg_len, 0, NULL, 0);
	recvfrom(fd, buf, sizeof(buf), 0, NULL, NULL);

	memset(&r, 0, sizeof(r));
	r.h.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg));
	r.h.nlmsg_type = RTM_GETROUTE;
	r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	r.h.nlmsg_seq = 3;
	r.rt.rtm_family = AF_INET;
	struct iovec iov = { &r, r.h.nlmsg_len };
	struct msghdr m = { &sa, sizeof(sa), &iov, 1, NULL, 0, 0 };
	sendmsg(fd, &m, 0);
	drain(fd);

	memset(&r, 0, sizeof(r));
	r.h.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifaddrmsg));
	r.h.nlmsg_type = RTM_GETADDR;
	r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	r.h.nlmsg_seq = 4;
	r.ifa.ifa_family = AF_INET;
	sendto(fd, &r, sizeof(r), 0, NULL, 0);
	drain(fd);
	close(fd);
	return 0;
}
