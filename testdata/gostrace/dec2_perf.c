/* perf_event_open with software, hardware, cache, breakpoint and
 * tracepoint events, unknown types and configs, every optional field,
 * an oversized attribute the kernel answers with E2BIG, a short one. */
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof a);
	a.type = PERF_TYPE_SOFTWARE;
	a.size = sizeof a;
	a.config = PERF_COUNT_SW_TASK_CLOCK;
	a.disabled = 1;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	a.read_format = PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_ID;
	syscall(SYS_perf_event_open, &a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);

	memset(&a, 0, sizeof a);
	a.type = PERF_TYPE_HW_CACHE;
	a.size = PERF_ATTR_SIZE_VER5;
	a.config = PERF_COUNT_HW_CACHE_L1D | (PERF_COUNT_HW_CACHE_OP_READ << 8) | (PERF_COUNT_HW_CACHE_RESULT_MISS << 16);
	a.sample_period = 1000;
	a.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_CALLCHAIN;
	a.inherit = 1;
	a.freq = 0;
	a.wakeup_events = 4;
	a.bp_type = 0;
	syscall(SYS_perf_event_open, &a, -1, 0, -1, PERF_FLAG_FD_NO_GROUP | PERF_FLAG_FD_OUTPUT);

	memset(&a, 0, sizeof a);
	a.type = PERF_TYPE_HARDWARE;
	a.size = 0;
	a.config = PERF_COUNT_HW_INSTRUCTIONS;
	a.freq = 1;
	a.sample_freq = 4000;
	a.precise_ip = 2;
	a.mmap = 1;
	a.comm = 1;
	a.watermark = 1;
	a.wakeup_watermark = 100;
	syscall(SYS_perf_event_open, &a, 1, 0, 5, 0x10);

	memset(&a, 0, sizeof a);
	a.type = PERF_TYPE_BREAKPOINT;
	a.size = 64;
	a.bp_type = HW_BREAKPOINT_W;
	a.bp_addr = 0x1000;
	a.bp_len = 8;
	syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);

	memset(&a, 0, sizeof a);
	a.type = 99;
	a.size = sizeof a;
	a.config = 0x1234;
	a.mmap_data = 1;
	a.sigtrap = 1;
	a.build_id = 1;
	a.use_clockid = 1;
	a.clockid = 1;
	a.sample_type = PERF_SAMPLE_BRANCH_STACK | PERF_SAMPLE_STACK_USER;
	a.branch_sample_type = 1;
	a.sample_stack_user = 8;
	a.sig_data = 5;
	a.aux_sample_size = 3;
	syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
	a.size = 200;
	syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
	a.type = PERF_TYPE_HW_CACHE;
	a.config = 0x7f0203ff;
	a.size = 72;
	syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
	a.type = PERF_TYPE_TRACEPOINT;
	a.config = 77;
	a.size = 96;
	a.bp_type = 1;
	syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
	a.type = PERF_TYPE_BREAKPOINT;
	a.bp_type = 6;
	a.size = 112;
	syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);

	a.type = 42;
	a.size = 7;
	syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
	syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0);
	return 0;
}
