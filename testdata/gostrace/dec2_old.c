/* Obsolete and unimplemented system calls: uselib, ustat, sysfs,
 * _sysctl, lookup_dcookie and the never-implemented entries. */
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char buf[64];
	int name[2] = {1, 2};
	struct {
		int *name;
		int nlen;
		void *oldval;
		size_t *oldlenp;
		void *newval;
		size_t newlen;
		unsigned long unused[4];
	} args = {name, 2, buf, NULL, NULL, 0, {0}};

	syscall(SYS_uselib, "/nonexistent/lib.so");
	syscall(SYS_ustat, 0x801, buf);
	syscall(SYS_sysfs, 1, "ext4");
	syscall(SYS_sysfs, 2, 0, buf);
	syscall(SYS_sysfs, 3);
	syscall(SYS_sysfs, 9, 1, 2);
	syscall(SYS__sysctl, &args);
	syscall(SYS_lookup_dcookie, 0x1234, buf, sizeof buf);
	syscall(SYS_create_module, "m", 100);
	syscall(SYS_get_kernel_syms, buf);
	syscall(SYS_query_module, "m", 1, buf, sizeof buf, NULL);
	syscall(SYS_nfsservctl, 1, buf, buf);
	syscall(SYS_getpmsg, 1, 2, 3, 4, 5);
	syscall(SYS_putpmsg, 1, 2, 3, 4, 5);
	syscall(SYS_afs_syscall, 1, 2, 3, 4, 5);
	syscall(SYS_tuxcall, 1, 2, 3);
	syscall(SYS_security, 1, 2, 3);
	syscall(SYS_epoll_ctl_old, 1, 2, 3, 4);
	syscall(SYS_epoll_wait_old, 1, 2, 3);
	syscall(SYS_vserver, 1, 2, 3, 4, 5);
	return 0;
}
