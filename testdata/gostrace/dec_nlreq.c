/* Netlink requests the kernel refuses (unknown interface index, missing
 * rule or socket): their bodies and the error replies quoting them are
 * the same on every run, so the attribute decoders can be compared
 * with strace's without depending on the machine's state. */
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/inet_diag.h>
#include <linux/fib_rules.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char msg[4096];
static int len;

static void *put(const void *data, int n)
{
	void *p = msg + len;
	memcpy(p, data, n);
	len += (n + 3) & ~3;
	return p;
}

static struct nlattr *nest_start(int type)
{
	struct nlattr a = { 0, type };
	return put(&a, sizeof(a));
}

static void nest_end(struct nlattr *a)
{
	a->nla_len = msg + len - (char *) a;
}

static void attr(int type, const void *data, int n)
{
	struct nlattr a = { NLA_HDRLEN + n, type };
	put(&a, sizeof(a));
	put(data, n);
}

static void u32attr(int type, unsigned v) { attr(type, &v, 4); }

static void begin(int type, int flags, const void *body, int n)
{
	struct nlmsghdr h = { 0, type, flags, 0, 0 };
	memset(msg, 0, sizeof(msg));
	len = 0;
	put(&h, sizeof(h));
	put(body, n);
}

static void exchange(int fd)
{
	static char reply[8192];
	((struct nlmsghdr *) msg)->nlmsg_len = len;
	sendto(fd, msg, len, 0, NULL, 0);
	recv(fd, reply, sizeof(reply), 0);
}

int main(void)
{
	getpid(); /* names this process's pid for the test's normalizer */
	int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	bind(fd, (struct sockaddr *) &sa, sizeof(sa)); /* unbound sockets are not listed */
	int one = 1;
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));

	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 999999, .ifi_flags = IFF_UP, .ifi_change = IFF_UP };
	begin(RTM_SETLINK, NLM_F_REQUEST | NLM_F_ACK, &ifi, sizeof(ifi));
	attr(IFLA_IFNAME, "nosuch0", 8);
	u32attr(IFLA_MTU, 1500);
	u32attr(IFLA_TXQLEN, 1000);
	unsigned char mac[6] = { 2, 0, 0, 0, 0, 1 };
	attr(IFLA_ADDRESS, mac, 6);
	struct rtnl_link_ifmap map = { 0x1000, 0x2000, 0x300, 9, 1, 2 };
	attr(IFLA_MAP, &map, sizeof(map));
	struct nlattr *af = nest_start(IFLA_AF_SPEC);
	struct nlattr *in = nest_start(AF_INET);
	int conf[4] = { 1, 0, -1, 7 };
	attr(IFLA_INET_CONF, conf, sizeof(conf));
	nest_end(in);
	struct nlattr *in6 = nest_start(AF_INET6);
	unsigned char mode = 1;
	attr(IFLA_INET6_ADDR_GEN_MODE, &mode, 1);
	struct in6_addr tok = IN6ADDR_LOOPBACK_INIT;
	attr(IFLA_INET6_TOKEN, &tok, sizeof(tok));
	nest_end(in6);
	nest_end(af);
	struct nlattr *xdp = nest_start(IFLA_XDP);
	u32attr(IFLA_XDP_FD, -1);
	u32attr(IFLA_XDP_FLAGS, XDP_FLAGS_SKB_MODE);
	nest_end(xdp);
	struct nlattr *li = nest_start(IFLA_LINKINFO);
	attr(IFLA_INFO_KIND, "dummy", 6);
	nest_end(li);
	struct nlattr *pl = nest_start(IFLA_PROP_LIST | NLA_F_NESTED);
	attr(IFLA_ALT_IFNAME, "alt0", 5);
	nest_end(pl);
	u32attr(IFLA_EXT_MASK, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);
	exchange(fd);

	struct ifaddrmsg ifa = { AF_INET6, 64, IFA_F_NODAD, RT_SCOPE_LINK, 999999 };
	begin(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof(ifa));
	attr(IFA_LOCAL, &tok, sizeof(tok));
	attr(IFA_LABEL, "nosuch0:1", 10);
	struct ifa_cacheinfo ci = { 300, 600, 0, 0 };
	attr(IFA_CACHEINFO, &ci, sizeof(ci));
	u32attr(IFA_FLAGS, IFA_F_NODAD | IFA_F_NOPREFIXROUTE);
	u32attr(IFA_RT_PRIORITY, 100);
	exchange(fd);

	struct rtmsg rt = { AF_INET, 24, 0, 0, 100, RTPROT_STATIC, RT_SCOPE_LINK, RTN_UNICAST, 0 };
	begin(RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK, &rt, sizeof(rt));
	unsigned char dst[4] = { 198, 51, 100, 0 };
	attr(RTA_DST, dst, 4);
	u32attr(RTA_OIF, 999999);
	u32attr(RTA_PRIORITY, 10);
	struct nlattr *mx = nest_start(RTA_METRICS);
	u32attr(RTAX_MTU, 1400);
	u32attr(RTAX_ADVMSS, 1360);
	nest_end(mx);
	unsigned char pref = 1;
	attr(RTA_PREF, &pref, 1);
	exchange(fd);

	struct ndmsg nd = { .ndm_family = AF_INET, .ndm_ifindex = 999999, .ndm_state = NUD_PERMANENT, .ndm_flags = NTF_USE, .ndm_type = RTN_UNICAST };
	begin(RTM_NEWNEIGH, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE, &nd, sizeof(nd));
	unsigned char ip[4] = { 198, 51, 100, 7 };
	attr(NDA_DST, ip, 4);
	attr(NDA_LLADDR, mac, 6);
	unsigned short port = htons(4789);
	attr(NDA_PORT, &port, 2);
	exchange(fd);

	struct fib_rule_hdr fr = { .family = AF_INET, .table = 100, .action = FR_ACT_TO_TBL };
	begin(RTM_DELRULE, NLM_F_REQUEST | NLM_F_ACK, &fr, sizeof(fr));
	u32attr(FRA_PRIORITY, 12345);
	attr(FRA_IIFNAME, "nosuch0", 8);
	struct fib_rule_uid_range ur = { 1000, 2000 };
	attr(FRA_UID_RANGE, &ur, sizeof(ur));
	struct fib_rule_port_range pr = { 1024, 2048 };
	attr(FRA_SPORT_RANGE, &pr, sizeof(pr));
	exchange(fd);

	/* neighbour tables: struct ndtmsg, NDTA_* and nested NDTPA_* */
	struct ndtmsg ndt = { .ndtm_family = AF_INET };
	begin(RTM_SETNEIGHTBL, NLM_F_REQUEST | NLM_F_ACK, &ndt, sizeof(ndt));
	attr(NDTA_NAME, "no_such_table", 14);
	u32attr(NDTA_THRESH1, 128);
	struct nlattr *parms = nest_start(NDTA_PARMS);
	u32attr(NDTPA_IFINDEX, 1);
	u32attr(NDTPA_QUEUE_LEN, 101);
	unsigned long long ms = 30000;
	attr(NDTPA_BASE_REACHABLE_TIME, &ms, 8);
	nest_end(parms);
	attr(NDTA_GC_INTERVAL, &ms, 8);
	exchange(fd);

	struct tcmsg tc = { .tcm_family = AF_UNSPEC, .tcm_ifindex = 999999, .tcm_handle = 0x10000, .tcm_parent = 0xffffffff };
	begin(RTM_NEWQDISC, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE, &tc, sizeof(tc));
	attr(TCA_KIND, "pfifo", 6);
	unsigned limit = 100;
	attr(TCA_OPTIONS, &limit, 4);
	exchange(fd);
	close(fd);

	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
	bind(fd, (struct sockaddr *) &sa, sizeof(sa));
	struct inet_diag_req_v2 req = { .sdiag_family = AF_INET, .sdiag_protocol = IPPROTO_TCP,
		.idiag_ext = 1 << (INET_DIAG_INFO - 1), .idiag_states = 1 << 10 };
	req.id.idiag_sport = htons(1);
	req.id.idiag_dport = htons(2);
	req.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
	req.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &req, sizeof(req));
	exchange(fd);

	/* the older request (struct inet_diag_req) of TCPDIAG_GETSOCK */
	struct inet_diag_req old = { .idiag_family = AF_INET, .idiag_ext = 1 << (INET_DIAG_SKMEMINFO - 1),
		.idiag_states = 1 << 1, .idiag_dbs = 3 };
	old.id = req.id;
	begin(TCPDIAG_GETSOCK, NLM_F_REQUEST, &old, sizeof(old));
	exchange(fd);

	/* netlink_diag and packet_diag requests (not dumps, so that the
	 * kernel refuses them), and a family nobody decodes */
	struct { unsigned char family, protocol; unsigned short pad; unsigned ino, show, cookie[2]; } ndr = {
		AF_NETLINK, 255, 0, 0, 3, { 0, 0 } }, pd = { AF_PACKET, 0, 0, 0, 0x3d, { 0, 0 } };
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ndr, sizeof(ndr));
	exchange(fd);
	ndr.protocol = NETLINK_ROUTE;
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ndr, sizeof(ndr));
	exchange(fd);
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &pd, sizeof(pd));
	exchange(fd);
	pd.family = 40; /* AF_VSOCK */
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &pd, sizeof(pd));
	exchange(fd);
	close(fd);

	/* NETLINK_XFRM: message names and flags, bodies in hex */
	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_XFRM);
	char sa_id[40] = { 0 };
	begin(0x12 /* XFRM_MSG_GETSA */, NLM_F_REQUEST | NLM_F_DUMP, sa_id, sizeof(sa_id));
	exchange(fd);
	begin(0x23 /* XFRM_MSG_GETSADINFO */, NLM_F_REQUEST, sa_id, 4);
	exchange(fd);
	close(fd);
	socket(AF_NETLINK, SOCK_RAW, 23);
	socket(AF_INET6, SOCK_RAW, IPPROTO_DCCP);
	return 0;
}
