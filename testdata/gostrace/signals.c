#include <signal.h>
#include <unistd.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <stdio.h>
#include <time.h>
static void h(int s){}
int main(int argc,char**argv){
  struct sigaction sa={0}; sa.sa_handler=h; sigemptyset(&sa.sa_mask); sigaddset(&sa.sa_mask,SIGUSR2); sa.sa_flags=SA_RESTART;
  sigaction(SIGUSR1,&sa,0); kill(getpid(),SIGUSR1);
  sigset_t m; sigemptyset(&m); sigaddset(&m,SIGINT); sigaddset(&m,SIGTERM); sigprocmask(SIG_BLOCK,&m,0); sigprocmask(SIG_SETMASK,&m,0);
  pid_t p=fork(); if(p==0){ write(1,"child\n",6); _exit(7);} int st; struct timespec ts = {0, 50000000}; for (volatile long spin = 0; spin < 100000000; spin++) ; wait4(p,&st,0,0);
  p=fork(); if(p==0){ pause(); _exit(0);} nanosleep(&ts, 0); kill(p,SIGKILL); for (volatile long spin = 0; spin < 100000000; spin++) ; waitpid(p,&st,0);
  if(argc>1) abort();
  return 0;
}
