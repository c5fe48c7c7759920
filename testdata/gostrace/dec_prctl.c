/* prctl options for the decoders: values stored through arg2 at exit
 * (or the address on failure), options printed with all four hex
 * arguments, named arguments of the PR_SET_* options and the results
 * PR_GET_SECUREBITS, PR_MCE_KILL_GET and PR_GET_SPECULATION_CTRL name. */
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static void pr(long opt, long a, long b, long c, long d)
{
	syscall(SYS_prctl, opt, a, b, c, d);
}

int main(void)
{
	static const int gets[] = { 2, 3, 5, 7, 9, 11, 13, 19, 21, 25, 27, 30, 34,
		37, 39, 42, 43, 44, 46, 51, 56, 58, 64 };
	int v = 0;
	pr(PR_SET_PDEATHSIG, SIGHUP, 0, 0, 0);
	for (unsigned i = 0; i < sizeof(gets) / sizeof(gets[0]); i++) {
		pr(gets[i], (long)&v, 0, 0, 0);
		pr(gets[i], 0, 0, 0, 0);
		pr(gets[i], 1, 2, 3, 4);
	}
	pr(PR_GET_TID_ADDRESS, 0, 0, 0, 0);
	pr(PR_GET_SPECULATION_CTRL, 0, 0, 0, 0);
	pr(PR_GET_SPECULATION_CTRL, 7, 0, 0, 0);
	pr(PR_SET_SECUREBITS, 0x10, 0, 0, 0);
	pr(PR_GET_SECUREBITS, 0, 0, 0, 0);
	pr(PR_SET_TIMERSLACK, 60000, 0, 0, 0);
	pr(PR_MCE_KILL, 1, 1, 0, 0);
	pr(PR_MCE_KILL, 0, 0, 0, 0);
	pr(PR_MCE_KILL_GET, 0, 0, 0, 0);
	pr(PR_SET_THP_DISABLE, 1, 0, 0, 0);
	pr(PR_GET_THP_DISABLE, 0, 0, 0, 0);
	pr(PR_SET_TSC, 1, 0, 0, 0);
	pr(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	pr(PR_SET_IO_FLUSHER, 1, 0, 0, 0);
	pr(PR_SET_SPECULATION_CTRL, 0, 4, 0, 0);
	pr(PR_SET_SPECULATION_CTRL, 9, 4, 0, 0);
	pr(PR_SET_FP_MODE, 1, 0, 0, 0);
	pr(PR_SET_KEEPCAPS, 1, 0, 0, 0);
	pr(PR_SET_TIMING, 0, 0, 0, 0);
	pr(PR_SET_ENDIAN, 0, 0, 0, 0);
	pr(PR_SET_UNALIGN, 1, 0, 0, 0);
	pr(PR_SET_FPEMU, 1, 0, 0, 0);
	pr(PR_SET_FPEXC, 1, 0, 0, 0);
	pr(PR_SET_MM, PR_SET_MM_START_CODE, 0, 0, 0);
	pr(PR_SET_MM, 99, 0, 0, 0);
	pr(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0, 0, (long)"x");
	pr(PR_SET_PTRACER, 0, 0, 0, 0);
	pr(PR_SET_PTRACER, -1, 0, 0, 0);
	pr(PR_SET_DUMPABLE, 1, 0, 0, 0);
	return 0;
}
