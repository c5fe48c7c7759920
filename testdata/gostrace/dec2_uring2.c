/* io_uring_register's structured opcodes on a ring created disabled:
 * probes (zeroed: filled at exit), restrictions, tagged files and
 * buffers, worker affinity and limits, ring fds, buffer rings, and
 * opcodes strace 6.1 does not name; each with zeroed, all-ones and
 * all-0x01 arguments of growing counts. */
#include <linux/io_uring.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct io_uring_params p;
	static unsigned char buf[4096];
	struct io_uring_restriction r[8];
	int fds[2] = {0, -1};
	uint64_t tags[2] = {5, 6};
	struct io_uring_rsrc_register rr = {.nr = 2, .data = (uintptr_t)fds, .tags = (uintptr_t)tags};
	struct io_uring_rsrc_update2 up = {.offset = 0, .data = (uintptr_t)fds, .tags = (uintptr_t)tags, .nr = 2};
	unsigned workers[40];
	int ring;

	memset(&p, 0, sizeof p);
	p.flags = IORING_SETUP_R_DISABLED;
	ring = syscall(SYS_io_uring_setup, 4, &p);
	for (int op = IORING_REGISTER_PROBE; op <= 26; op++) {
		if (op == IORING_REGISTER_PERSONALITY || op == IORING_UNREGISTER_PERSONALITY ||
		    op == IORING_REGISTER_ENABLE_RINGS || op == IORING_UNREGISTER_IOWQ_AFF)
			continue;
		memset(buf, 0, sizeof buf);
		syscall(SYS_io_uring_register, ring, op, buf, 1);
		memset(buf, 0xff, sizeof buf);
		syscall(SYS_io_uring_register, ring, op, buf, 2);
		memset(buf, 0x01, sizeof buf);
		syscall(SYS_io_uring_register, ring, op, buf, 32);
	}

	memset(r, 0, sizeof r);
	for (int i = 0; i < 6; i++) {
		r[i].opcode = IORING_RESTRICTION_SQE_OP;
		r[i].sqe_op = 44 + i;
	}
	r[6].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
	r[6].sqe_flags = 0xff;
	r[7].opcode = IORING_RESTRICTION_REGISTER_OP;
	r[7].register_op = 25;
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_RESTRICTIONS, r, 8);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES2, &rr, sizeof rr);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES_UPDATE2, &up, sizeof up);
	memset(buf, 0xff, 8);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_AFF, buf, 8);
	memset(workers, 0, sizeof workers);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 40);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2);
	return 0;
}
