#include <pthread.h>
#include <unistd.h>
static void *run(void *a){ write(1, "thread\n", 7); return a; }
int main(void){
  pthread_t t; pthread_create(&t, 0, run, 0); pthread_join(t, 0);
  write(1, "main\n", 5);
  return 0;
}
