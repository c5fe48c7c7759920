/* A packet socket set up the way capture tools do it: a drop-all
 * filter first, then the ring and membership options, a classic BPF
 * program, and the statistics (zero, as nothing passes the filter). */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
	struct sock_filter drop[] = { BPF_STMT(BPF_RET | BPF_K, 0) };
	struct sock_fprog p = { 1, drop };
	setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &p, sizeof(p));
	struct packet_mreq mr = { .mr_ifindex = 1, .mr_type = PACKET_MR_PROMISC };
	setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr));
	setsockopt(fd, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &mr, sizeof(mr));
	int v = 1;
	setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &v, sizeof(v));
	v = TPACKET_V2;
	setsockopt(fd, SOL_PACKET, PACKET_VERSION, &v, sizeof(v));
	socklen_t l = sizeof(v);
	getsockopt(fd, SOL_SOCKET, SO_BPF_EXTENSIONS, &v, &l);
	struct tpacket_req req;
	memset(&req, 0, sizeof(req));
	setsockopt(fd, SOL_PACKET, PACKET_RX_RING, &req, sizeof(req));
	struct tpacket_req3 req3;
	memset(&req3, 0, sizeof(req3));
	setsockopt(fd, SOL_PACKET, PACKET_RX_RING, &req3, sizeof(req3));
	struct sock_filter udp9[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 12),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETH_P_IP, 0, 5),
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 23),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 17, 0, 3),
		BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 14),
		BPF_STMT(BPF_LD | BPF_H | BPF_IND, 16),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 9, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, 0),
		BPF_STMT(BPF_MISC | BPF_TXA, 0),
		BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_A, 0),
	};
	struct sock_fprog q = { sizeof(udp9) / sizeof(udp9[0]), udp9 };
	setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &q, sizeof(q));
	struct tpacket_stats st;
	l = sizeof(st);
	getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &st, &l);
	close(fd);
	return 0;
}
