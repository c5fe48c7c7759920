#include <signal.h>
#include <unistd.h>
#include <stdlib.h>
#include <stdio.h>
#include <time.h>
static void h(int s){}
int main(int argc,char**argv){
  struct sigaction sa={0}; sa.sa_handler=h; sigemptyset(&sa.sa_mask); sigaddset(&sa.sa_mask,SIGUSR2); sa.sa_flags=SA_RESTART|SA_SIGINFO;
  sigaction(SIGUSR1,&sa,0); sigaction(SIGUSR1,0,&sa); signal(SIGPIPE,SIG_IGN); signal(SIGHUP,SIG_DFL);
  union sigval v={.sival_int=42}; sigqueue(getpid(),SIGUSR1,v);
  sigset_t m; sigfillset(&m); sigprocmask(SIG_BLOCK,&m,0); sigemptyset(&m); sigprocmask(SIG_SETMASK,&m,0);
  sigaddset(&m,SIGRTMIN); sigaddset(&m,SIGRTMIN+3); sigaddset(&m,SIGRTMAX);sigprocmask(SIG_UNBLOCK,&m,0);
  struct timespec ts={0,1000}; nanosleep(&ts,0); clock_gettime(CLOCK_MONOTONIC,&ts);
  *(volatile int*)0 = 1;
}
