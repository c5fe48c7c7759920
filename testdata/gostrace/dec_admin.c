/* Administration calls the kernel refuses or that change nothing here:
 * accounting, swap, reboot with bad magic, modules (ENOSYS on this
 * kernel), I/O privileges, fanotify marks, file handles. (No vhangup:
 * it would hang up the terminal of whoever runs the tests.) */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/syscall.h>
#include <stdlib.h>
#include <unistd.h>
int main(void)
{
	syscall(SYS_acct, "/nonexistent");
	syscall(SYS_swapon, "/nonexistent", 0x8000 | 1);
	syscall(SYS_swapoff, "/nonexistent");
	syscall(SYS_reboot, 0, 0, 0, 0);
	syscall(SYS_delete_module, "nonexistent_mod", O_NONBLOCK | O_TRUNC);
	syscall(SYS_finit_module, -1, "x=1", 0);
	syscall(SYS_init_module, NULL, 0, "");
	syscall(SYS_iopl, 0);
	syscall(SYS_ioperm, 0x80, 1, 0);
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	syscall(SYS_rt_tgsigqueueinfo, getpid(), gettid(), 0, &si);
	struct { unsigned int b; int t; unsigned char h[8]; } fh = { 0, 0 };
	int mnt;
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/etc", &fh, &mnt, 0);
	int fan = syscall(SYS_fanotify_init, 0, 0);
	syscall(SYS_fanotify_mark, fan, FAN_MARK_ADD, FAN_OPEN | FAN_CLOSE_WRITE, AT_FDCWD, "/tmp");
	struct file_handle *h = malloc(sizeof(*h) + 128);
	h->handle_bytes = 128;
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/etc/hostname", h, &mnt, 0);
	syscall(SYS_open_by_handle_at, AT_FDCWD, h, O_RDONLY);
	return 0;
}
