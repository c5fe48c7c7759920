/* POSIX message queues for the decoders (in a fresh IPC namespace, so
 * the queue name is free). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	unshare(CLONE_NEWIPC);
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 16 };
	mqd_t q = mq_open("/dec-mq", O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	mq_send(q, "hello", 5, 3);
	char buf[16];
	unsigned prio;
	mq_receive(q, buf, sizeof(buf), &prio);
	struct timespec ts = { 0, 0 };
	mq_timedreceive(q, buf, sizeof(buf), &prio, &ts);
	struct mq_attr old, nonblock = { .mq_flags = O_NONBLOCK };
	mq_getattr(q, &old);
	mq_setattr(q, &nonblock, &old);
	struct sigevent sev = { .sigev_notify = SIGEV_NONE };
	mq_notify(q, &sev);
	mq_notify(q, NULL);
	mq_close(q);
	mq_unlink("/dec-mq");
	mq_open("/nonexistent", O_RDONLY);
	return 0;
}
