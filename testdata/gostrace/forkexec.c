#include <unistd.h>
#include <sys/wait.h>
int main(void){
  pid_t p = fork();
  if (p == 0) { execl("/bin/echo", "echo", "hi from child", (char*)0); _exit(127); }
  int st; waitpid(p, &st, 0);
  p = vfork();
  if (p == 0) { _exit(3); }
  waitpid(p, &st, 0);
  return WEXITSTATUS(st);
}
