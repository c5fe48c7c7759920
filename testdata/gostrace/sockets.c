#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <unistd.h>
#include <string.h>
int main(void){
  int sv[2]; socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  send(sv[0], "ping", 4, 0); char b[16]; recv(sv[1], b, sizeof b, 0);
  struct pollfd pf = {sv[1], POLLIN, 0}; poll(&pf, 1, 0);
  int s = socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP);
  int one = 1; setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {0}; a.sin_family = AF_INET; a.sin_port = htons(1); a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  connect(s, (struct sockaddr*)&a, sizeof a);
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  a.sin_port = htons(9); sendto(u, "x", 1, 0, (struct sockaddr*)&a, sizeof a);
  int l = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 a6 = {0}; a6.sin6_family = AF_INET6; a6.sin6_addr = in6addr_loopback; a6.sin6_port = htons(47123);
  bind(l, (struct sockaddr*)&a6, sizeof a6); listen(l, 5);
  socklen_t len = sizeof a6; getsockname(l, (struct sockaddr*)&a6, &len);
  int un = socket(AF_UNIX, SOCK_DGRAM, 0);
  struct sockaddr_un sa = {AF_UNIX, "/nonexistent/sock"}; connect(un, (struct sockaddr*)&sa, sizeof sa);
  struct iovec iov[2] = {{"ab", 2}, {"cde", 3}}; struct msghdr m = {0}; m.msg_iov = iov; m.msg_iovlen = 2;
  sendmsg(sv[0], &m, 0); shutdown(sv[0], SHUT_WR);
  close(s); close(u); close(l);
  return 0;
}
