/* Asynchronous I/O calls: io_setup, io_submit with iocbs of several
 * opcodes, io_getevents/io_pgetevents with results, io_cancel, io_destroy. */
#include <linux/aio_abi.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	aio_context_t ctx = 0;
	static char buf[64] = "hello aio";
	struct iocb cb[3], *cbs[3] = {&cb[0], &cb[1], &cb[2]};
	struct io_event ev[4];
	struct timespec ts = {1, 0};
	struct iovec iov[2] = {{buf, 5}, {buf + 5, 4}};
	int fd = open("/dev/null", O_RDWR);

	syscall(SYS_io_setup, 4, &ctx);
	memset(cb, 0, sizeof cb);
	cb[0].aio_data = 0x1234;
	cb[0].aio_lio_opcode = IOCB_CMD_PWRITE;
	cb[0].aio_fildes = fd;
	cb[0].aio_buf = (unsigned long)buf;
	cb[0].aio_nbytes = 9;
	cb[0].aio_offset = 0;
	cb[1].aio_lio_opcode = IOCB_CMD_PREADV;
	cb[1].aio_fildes = fd;
	cb[1].aio_buf = (unsigned long)iov;
	cb[1].aio_nbytes = 2;
	cb[1].aio_reqprio = 1;
	cb[2].aio_lio_opcode = IOCB_CMD_FSYNC;
	cb[2].aio_fildes = fd;
	cb[2].aio_flags = IOCB_FLAG_RESFD;
	cb[2].aio_resfd = 99;
	syscall(SYS_io_submit, ctx, 2, cbs);
	syscall(SYS_io_submit, ctx, 1, &cbs[2]);
	syscall(SYS_io_getevents, ctx, 2, 4, ev, &ts);
	syscall(SYS_io_getevents, ctx, 0, 4, ev, NULL);
	syscall(SYS_io_cancel, ctx, &cb[0], &ev[0]);
	syscall(SYS_io_pgetevents, ctx, 0, 1, ev, &ts, NULL);
	/* vectored write with strings, poll, flags and unknown opcodes */
	memset(cb, 0, sizeof cb);
	cb[0].aio_lio_opcode = IOCB_CMD_PWRITEV;
	cb[0].aio_fildes = fd;
	cb[0].aio_buf = (unsigned long)iov;
	cb[0].aio_nbytes = 2;
	cb[0].aio_offset = -1;
	cb[0].aio_rw_flags = 2 /* RWF_DSYNC */;
	cb[0].aio_flags = IOCB_FLAG_RESFD | IOCB_FLAG_IOPRIO | 4;
	cb[0].aio_resfd = fd;
	cb[0].aio_reqprio = (2 << 13) | 4;
	cb[1].aio_lio_opcode = IOCB_CMD_POLL;
	cb[1].aio_fildes = fd;
	cb[1].aio_buf = 0x41;
	cb[1].aio_resfd = 7;
	cb[1].aio_key = 3;
	cb[2].aio_lio_opcode = 42;
	cb[2].aio_fildes = -1;
	cb[2].aio_data = ~0ULL;
	syscall(SYS_io_submit, ctx, 3, cbs);
	syscall(SYS_io_submit, ctx, 2, NULL);
	cbs[1] = NULL;
	syscall(SYS_io_submit, ctx, 2, cbs);
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_setup, 1, NULL);
	syscall(SYS_io_submit, 0, -1, NULL);
	return 0;
}
