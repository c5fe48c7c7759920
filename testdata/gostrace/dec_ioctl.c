/* Terminal ioctls on a pseudo-terminal pair, descriptor ioctls and
 * network interface ioctls on a datagram socket. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	grantpt(m);
	unlockpt(m);
	int n;
	ioctl(m, TIOCGPTN, &n);
	int s = open(ptsname(m), O_RDWR | O_NOCTTY);

	struct termios t;
	ioctl(s, TCGETS, &t);
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	ioctl(s, TCSETS, &t);
	ioctl(s, TCSETSW, &t);
	ioctl(s, TCSETSF, &t);
	struct winsize ws = { 24, 80, 0, 0 };
	ioctl(m, TIOCSWINSZ, &ws);
	ioctl(s, TIOCGWINSZ, &ws);
	pid_t pg;
	ioctl(s, TIOCGPGRP, &pg);
	int p[2];
	pipe(p);
	write(p[1], "abc", 3);
	int avail;
	ioctl(p[0], FIONREAD, &avail); /* a pty delivers data asynchronously, a pipe does not */
	ioctl(s, TIOCOUTQ, &avail);
	int on = 1;
	ioctl(s, FIONBIO, &on);
	ioctl(s, FIOCLEX);
	ioctl(s, FIONCLEX);
	ioctl(s, TCFLSH, TCIOFLUSH);
	ioctl(s, TCXONC, TCOON);
	ioctl(s, TCSBRK, 1);
	ioctl(0, TCGETS, &t);

	int u = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = 1;
	ioctl(u, SIOCGIFNAME, &ifr);
	ioctl(u, SIOCGIFINDEX, &ifr);
	ioctl(u, SIOCGIFFLAGS, &ifr);
	ioctl(u, SIOCGIFMTU, &ifr);
	ioctl(u, SIOCGIFHWADDR, &ifr);
	ioctl(u, SIOCGIFADDR, &ifr);
	ioctl(u, SIOCGIFNETMASK, &ifr);
	strcpy(ifr.ifr_name, "nonexistent0");
	ioctl(u, SIOCGIFINDEX, &ifr);
	struct ifconf ifc = { 0, { NULL } };
	ioctl(u, SIOCGIFCONF, &ifc);
	struct ifreq reqs[8];
	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = reqs;
	ioctl(u, SIOCGIFCONF, &ifc);

	/* namespace descriptors (nsfs): returned descriptors, the type and
	 * the owner's uid */
	int ns = open("/proc/self/ns/net", O_RDONLY);
	int us = open("/proc/self/ns/user", O_RDONLY);
	unsigned int uid = 5;
	int got = ioctl(ns, 0xb701); /* NS_GET_USERNS */
	ioctl(ns, 0xb702); /* NS_GET_PARENT */
	ioctl(ns, 0xb703); /* NS_GET_NSTYPE */
	ioctl(us, 0xb703);
	ioctl(us, 0xb704, &uid); /* NS_GET_OWNER_UID */
	ioctl(ns, 0xb704, &uid);
	ioctl(us, 0xb704, NULL);
	close(got);

	/* requests nobody names: _IOC(direction, type, number, size), and
	 * an argument printed as a number */
	ioctl(ns, 0x1234, 0);
	ioctl(ns, 0xc0101234, 5);
	ioctl(ns, 0x40081234, 5);
	ioctl(ns, 0x80081234, 0);
	ioctl(ns, 0x3fff0000, 0);
	ioctl(ns, FIOQSIZE, 0);
	return 0;
}
