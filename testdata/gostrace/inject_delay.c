/* The main thread's close is delayed by an inject rule while a second
 * thread makes calls: a tracer that holds only the delayed thread lets
 * the second thread's calls finish first. */
#include <pthread.h>
#include <unistd.h>
static volatile int go;
static void *worker(void *a) { while (!go) ; for (int i = 0; i < 5; i++) getppid(); return 0; }
int main(void) { pthread_t t; pthread_create(&t, 0, worker, 0); go = 1; close(-1); pthread_join(t, 0); return 0; }
