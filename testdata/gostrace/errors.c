#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <sys/stat.h>
int main(void){
  open("/nonexistent/x", O_RDONLY); close(999); read(-1, 0, 1);
  mkdir("/", 0755); rmdir("/proc"); unlink("/proc/self"); chdir("/etc/passwd");
  access("/etc/shadow", X_OK); write(999, "x", 1);
  char buf[8]; readlink("/etc/passwd", buf, sizeof buf);
  return 1;
}
