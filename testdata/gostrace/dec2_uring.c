/* io_uring_register on a real ring: buffers, files, an eventfd, a
 * files update, personalities and unknown opcodes. */
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdint.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	struct io_uring_params p;
	static char buf[2][64];
	struct iovec iov[2] = {{buf[0], 64}, {buf[1], 64}};
	int null = open("/dev/null", O_RDONLY), efd = eventfd(0, 0);
	int fds[3] = {null, null, -1}, newfds[1] = {efd};
	struct io_uring_files_update up = {.offset = 1, .fds = (uintptr_t)newfds};
	int ring;

	memset(&p, 0, sizeof p);
	ring = syscall(SYS_io_uring_setup, 4, &p);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_BUFFERS, iov, 2);
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_BUFFERS, NULL, 0);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES, fds, 3);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES_UPDATE, &up, 1);
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_FILES, NULL, 0);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_EVENTFD, &efd, 1);
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_EVENTFD, NULL, 0);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_EVENTFD_ASYNC, &efd, 1);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_PERSONALITY, NULL, 0);
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_PERSONALITY, NULL, 1);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_ENABLE_RINGS, NULL, 0);
	syscall(SYS_io_uring_register, ring, 0xdead, NULL, 0);
	syscall(SYS_io_uring_register, -1, IORING_REGISTER_FILES, NULL, 3);
	return 0;
}
