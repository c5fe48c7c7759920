#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <stdio.h>
#include <string.h>
#include <dirent.h>
int main(){
  int fd = open("/etc/hostname", O_RDONLY|O_CLOEXEC);
  char buf[64]; read(fd, buf, sizeof buf); struct stat st; fstat(fd,&st); close(fd);
  open("/nonexistent", O_RDONLY);
  fd = openat(AT_FDCWD, "/tmp/gostrace-x", O_WRONLY|O_CREAT|O_TRUNC, 0644); write(fd,"hello\n",6); close(fd);
  stat("/tmp", &st); lstat("/tmp/gostrace-x",&st); access("/tmp", R_OK|W_OK); unlink("/tmp/gostrace-x");
  void *p = mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0); mprotect(p, 4096, PROT_READ); munmap(p, 8192);
  char l[100]; readlink("/proc/self/exe", l, sizeof l); getcwd(l, sizeof l); dup2(1, 5); fcntl(5, F_GETFL); fcntl(5, F_SETFD, FD_CLOEXEC);
  lseek(5, 0, SEEK_CUR); pipe2((int[2]){0}, O_CLOEXEC);
  DIR *d = opendir("/var/empty"); if(d){while(readdir(d));closedir(d);} 
  return 3;
}
