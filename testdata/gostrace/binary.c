#include <unistd.h>
#include <fcntl.h>
int main(void){
  unsigned char b[300]; for (int i = 0; i < 300; i++) b[i] = i * 7;
  int fd = open("/dev/null", O_WRONLY); write(fd, b, 300); write(fd, b, 20);
  write(fd, "long string that goes on and on past the thirty-two byte default limit", 71);
  write(fd, "\0\0\0", 3); write(fd, "tab\there\r\n", 10);
  close(fd); return 0;
}
