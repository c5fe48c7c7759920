/* A non-leader thread execs while the leader and another thread sleep: strace prints "+++ superseded by execve in pid N +++". */
#include <pthread.h>
#include <unistd.h>
static void*g(void*a){ pause(); return 0;}
static void*f(void*a){ usleep(100000); char*argv[]={"/bin/true",0}; execv("/bin/true",argv); return 0;}
int main(){ pthread_t t,u; pthread_create(&u,0,g,0); pthread_create(&t,0,f,0); pause(); return 0;}
