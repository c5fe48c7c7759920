/* System V IPC and assorted older calls for the decoders: shared
 * memory, semaphores, message queues, utime/utimes, readahead,
 * sync_file_range, mlock2, signalfd, vmsplice, process_vm_readv,
 * get_robust_list, getdents. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>
#include <utime.h>

int main(void)
{
	unshare(CLONE_NEWIPC); /* identifiers start afresh in a new namespace */
	int shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	void *p = shmat(shm, NULL, SHM_RDONLY);
	shmdt(p);
	shmctl(shm, IPC_RMID, NULL);

	int sem = semget(IPC_PRIVATE, 2, IPC_CREAT | IPC_EXCL | 0600);
	struct sembuf ops[2] = { { 0, 1, 0 }, { 1, 1, IPC_NOWAIT | SEM_UNDO } };
	semop(sem, ops, 2);
	semctl(sem, 0, GETVAL);
	semctl(sem, 0, IPC_RMID);

	int mq = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	struct { long type; char text[16]; } m = { 1, "hello" };
	msgsnd(mq, &m, 5, 0);
	msgrcv(mq, &m, sizeof(m.text), 0, IPC_NOWAIT);
	msgrcv(mq, &m, sizeof(m.text), 0, IPC_NOWAIT);
	msgctl(mq, IPC_RMID, NULL);

	struct utimbuf ub = { 1700000000, 1700000001 };
	utime("/nonexistent", &ub);
	struct timeval tv[2] = { { 1700000000, 5 }, { 1700000001, 6 } };
	utimes("/nonexistent", tv);
	int fd = open("/etc/hostname", O_RDONLY);
	readahead(fd, 0, 4096);
	sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE);
	char *mem = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_mlock2, mem, 4096, MLOCK_ONFAULT);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	int sfd = syscall(SYS_signalfd, -1, &set, 8);
	close(sfd);
	int pp[2];
	pipe(pp);
	struct iovec iv = { "vmsplice", 8 };
	vmsplice(pp[1], &iv, 1, SPLICE_F_NONBLOCK);
	char buf[8];
	struct iovec local = { buf, 4 }, remote = { "remote", 4 };
	process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
	void *head;
	size_t len;
	syscall(SYS_get_robust_list, 0, &head, &len);
	int d = open("/etc/ssl", O_RDONLY | O_DIRECTORY);
	char dents[4096];
	syscall(SYS_getdents, d, dents, sizeof(dents));
	return 0;
}
