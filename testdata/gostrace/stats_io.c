/* I/O on a pipe, a file and a socket pair for -e read=/write= dumps. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	int p[2], s[2];
	char buf[300];
	char a[20], b[40];
	const char *text = "hello world\tthis is a longer line with bytes \001\002\377 end\n";

	for (int i = 0; i < (int)sizeof(buf); i++)
		buf[i] = (char)(i * 7);
	if (pipe(p) < 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, s) < 0)
		return 1;
	/* The pipe ends are 3 and 4, the socket pair 5 and 6. */
	write(p[1], text, strlen(text));
	read(p[0], buf + 100, sizeof(buf) - 100);
	write(p[1], buf, sizeof(buf));
	read(p[0], buf, 17);
	read(p[0], buf, sizeof(buf));

	struct iovec wv[3] = {{(void *)"first", 5}, {(void *)"", 0}, {(void *)"third part\n", 11}};
	writev(p[1], wv, 3);
	struct iovec rv[2] = {{a, 7}, {b, sizeof(b)}};
	readv(p[0], rv, 2);

	sendto(s[0], "datagram-ish", 12, 0, NULL, 0);
	recvfrom(s[1], buf, sizeof(buf), 0, NULL, NULL);

	struct msghdr mh = {0};
	struct iovec mv[2] = {{(void *)"msg one ", 8}, {(void *)"msg two", 7}};
	mh.msg_iov = mv;
	mh.msg_iovlen = 2;
	sendmsg(s[0], &mh, 0);
	struct iovec rmv[2] = {{a, 4}, {b, sizeof(b)}};
	mh.msg_iov = rmv;
	recvmsg(s[1], &mh, 0);

	int fd = open("/etc/hostname", O_RDONLY);
	pread(fd, buf, 10, 2);
	write(fd, "denied", 6);
	read(-1, buf, 4);
	close(fd);

	/* Datagrams through sendmmsg/recvmmsg on descriptors 7 and 8. */
	int d[2];
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, d) < 0)
		return 1;
	struct iovec v1[2] = {{(void *)"ab", 2}, {(void *)"cde", 3}}, v2[1] = {{(void *)"second", 6}};
	struct mmsghdr mm[2];
	memset(mm, 0, sizeof(mm));
	mm[0].msg_hdr.msg_iov = v1;
	mm[0].msg_hdr.msg_iovlen = 2;
	mm[1].msg_hdr.msg_iov = v2;
	mm[1].msg_hdr.msg_iovlen = 1;
	sendmmsg(d[0], mm, 2, 0);
	struct iovec r1[2] = {{a, 4}, {b, 10}}, r2[1] = {{b + 10, 10}};
	memset(mm, 0, sizeof(mm));
	mm[0].msg_hdr.msg_iov = r1;
	mm[0].msg_hdr.msg_iovlen = 2;
	mm[1].msg_hdr.msg_iov = r2;
	mm[1].msg_hdr.msg_iovlen = 1;
	recvmmsg(d[1], mm, 2, 0, NULL);

	/* Positioned and vectored file I/O on a memfd, descriptor 9. */
	int m = memfd_create("stats_io", 0);
	pwrite(m, "positioned", 10, 4);
	struct iovec pv[2] = {{(void *)"vec", 3}, {(void *)"tor", 3}};
	pwritev(m, pv, 2, 20);
	pwritev2(m, pv, 1, 30, 0);
	struct iovec qv[2] = {{a, 5}, {b, 20}};
	preadv(m, qv, 2, 0);
	preadv2(m, qv, 1, 20, 0);
	pwrite(p[0], "to the read end", 15, 0);
	return 0;
}
