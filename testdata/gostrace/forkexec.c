#include <unistd.h>
#include <sys/wait.h>
#include <time.h>
int main(void){
  pid_t p = fork();
  if (p == 0) { execl("/bin/echo", "echo", "hi from child", (char*)0); _exit(127); }
  int st; struct timespec ts = {0, 50000000}; for (volatile long spin = 0; spin < 100000000; spin++) ; waitpid(p, &st, 0);
  p = vfork();
  if (p == 0) { _exit(3); }
  for (volatile long spin = 0; spin < 100000000; spin++) ;
  waitpid(p, &st, 0);
  return WEXITSTATUS(st);
}
