/* Process, scheduling, timer, capability and namespace calls for the
 * decoders. Run as root: unshare gives private UTS and mount spaces. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	/* times() and RUSAGE_SELF differ from run to run: only a
	 * childless process's children usage is stable. */
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);

	struct sched_param sp = { 0 };
	sched_getparam(0, &sp);
	sched_setscheduler(0, SCHED_OTHER, &sp);
	sched_getscheduler(0);
	sched_get_priority_max(SCHED_FIFO);
	sched_get_priority_min(SCHED_RR);
	struct timespec ts;
	sched_rr_get_interval(0, &ts);

	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	syscall(SYS_capget, &h, d);
	syscall(SYS_capset, &h, d);
	h.version = 0;
	syscall(SYS_capget, &h, NULL);

	prctl(PR_SET_NAME, "dec-proc");
	char name[16];
	prctl(PR_GET_NAME, name);
	prctl(PR_SET_DUMPABLE, 1);
	prctl(PR_GET_DUMPABLE);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	prctl(PR_GET_SECCOMP);
	prctl(PR_SET_TIMERSLACK, 50000);
	prctl(PR_GET_TIMERSLACK);
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_ADMIN, 0, 0);
	prctl(PR_SET_CHILD_SUBREAPER, 1);

	timer_t tid;
	struct sigevent sev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR2 };
	timer_create(CLOCK_MONOTONIC, &sev, &tid);
	struct itimerspec its = { { 1, 0 }, { 10, 0 } }, old;
	timer_settime(tid, 0, &its, &old);
	memset(&its, 0, sizeof(its));
	timer_settime(tid, TIMER_ABSTIME, &its, NULL);
	timer_gettime(tid, &old);
	timer_getoverrun(tid);
	timer_delete(tid);

	struct itimerval itv = { { 0, 0 }, { 0, 0 } }, oitv;
	setitimer(ITIMER_REAL, &itv, &oitv);
	getitimer(ITIMER_VIRTUAL, &oitv);
	alarm(0);

	personality(0xffffffff);
	setpriority(PRIO_PROCESS, 0, 0);
	getpriority(PRIO_PROCESS, 0);
	syscall(SYS_ioprio_get, 1, 0);

	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char vec[2];
	p[0] = 1;
	mincore(p, 8192, vec);
	msync(p, 4096, MS_SYNC | MS_INVALIDATE);
	p = mremap(p, 8192, 16384, MREMAP_MAYMOVE);
	munmap(p, 16384);

	if (unshare(CLONE_NEWUTS | CLONE_NEWNS) == 0) {
		sethostname("dec-host", 8);
		setdomainname("dec-domain", 10);
		mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
		mount("none", "/mnt", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755");
		umount2("/mnt", MNT_DETACH);
		umount2("/nonexistent", 0);
	}
	int nfd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
	setns(nfd, CLONE_NEWUTS);
	close(nfd);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	struct timespec zero = { 0, 0 };
	siginfo_t si;
	sigtimedwait(&set, &si, &zero);

	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &(unsigned){ SECCOMP_RET_LOG });
	return 0;
}
