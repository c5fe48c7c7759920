/* Socket calls with ancillary data and message vectors: SCM_RIGHTS and
 * SCM_CREDENTIALS over a unix socket pair, sendmmsg/recvmmsg over UDP
 * pair, getsockopt/setsockopt values. */
#define _GNU_SOURCE
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	int one = 1;
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));

	char cbuf[CMSG_SPACE(sizeof(int) * 2) + CMSG_SPACE(sizeof(struct ucred))];
	memset(cbuf, 0, sizeof(cbuf));
	struct iovec iov = { "fd", 2 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
		.msg_controllen = CMSG_SPACE(sizeof(int) * 2) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int) * 2);
	int fds[2] = { 0, 1 };
	memcpy(CMSG_DATA(cm), fds, sizeof(fds));
	sendmsg(sv[0], &m, 0);

	char rbuf[16];
	struct iovec riov = { rbuf, sizeof(rbuf) };
	char rc[256];
	struct msghdr r = { .msg_iov = &riov, .msg_iovlen = 1, .msg_control = rc, .msg_controllen = sizeof(rc) };
	recvmsg(sv[1], &r, MSG_CMSG_CLOEXEC);

	m.msg_controllen = CMSG_SPACE(sizeof(struct ucred));
	cm = CMSG_FIRSTHDR(&m);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_CREDENTIALS;
	cm->cmsg_len = CMSG_LEN(sizeof(struct ucred));
	struct ucred cr = { getpid(), 0, 0 };
	memcpy(CMSG_DATA(cm), &cr, sizeof(cr));
	sendmsg(sv[0], &m, MSG_NOSIGNAL);
	r.msg_controllen = sizeof(rc);
	recvmsg(sv[1], &r, 0);

	int dg[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, dg);
	int u = dg[0];
	struct iovec v[2] = { { "one", 3 }, { "two", 3 } };
	struct mmsghdr mm[2];
	memset(mm, 0, sizeof(mm));
	mm[0].msg_hdr.msg_iov = &v[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &v[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	sendmmsg(u, mm, 2, 0);
	char b1[8], b2[8];
	struct iovec w[2] = { { b1, sizeof(b1) }, { b2, sizeof(b2) } };
	mm[0].msg_hdr.msg_iov = &w[0];
	mm[1].msg_hdr.msg_iov = &w[1];
	recvmmsg(dg[1], mm, 2, MSG_DONTWAIT, NULL);
	recvmmsg(dg[1], mm, 2, MSG_DONTWAIT, NULL);

	int t = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
	setsockopt(t, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	struct linger lg = { 1, 5 };
	setsockopt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	int val;
	socklen_t vl = sizeof(val);
	getsockopt(t, SOL_SOCKET, SO_TYPE, &val, &vl);
	char cong[16];
	vl = sizeof(cong);
	getsockopt(t, IPPROTO_TCP, TCP_CONGESTION, cong, &vl);

	int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons(9),
		.sin6_flowinfo = htonl(7), .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	sendto(u6, "x", 1, MSG_DONTWAIT, (struct sockaddr *)&a6, sizeof(a6));
	struct sockaddr_in a4 = { .sin_family = AF_INET, .sin_port = htons(9),
		.sin_addr = { htonl(INADDR_LOOPBACK) } };
	int u4 = socket(AF_INET, SOCK_DGRAM, 0);
	sendto(u4, "x", 1, MSG_DONTWAIT, (struct sockaddr *)&a4, sizeof(a4));
	return 0;
}
