/* Assorted calls strace decodes: landlock rules, LDT and TLS entries,
 * page remapping and migration, kexec, quotas, futex_waitv and
 * set_mempolicy_home_node. Most fail; the arguments still decode. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <asm/ldt.h>
#include <linux/futex.h>
#include <linux/kexec.h>
#include <linux/landlock.h>

#ifndef FUTEX2_SIZE_U32
#define FUTEX2_SIZE_U32 0x02
#endif
#ifndef FUTEX2_PRIVATE
#define FUTEX2_PRIVATE 128
#endif

struct waitv {
	uint64_t val, uaddr;
	uint32_t flags, reserved;
};

int main(void)
{
	struct landlock_path_beneath_attr pb = {.allowed_access = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR, .parent_fd = 3};
	struct user_desc ud;
	char ldt[16];
	unsigned long nodes[2] = {1, 0}, nodes2[1] = {3};
	void *pages[3];
	int nodeslist[3] = {0, 0, 1}, status[3] = {-1, -1, -1};
	struct kexec_segment seg[2] = {{(void *)0x1000, 16, (void *)0x100000, 4096}, {NULL, 0, (void *)0x200000, 8192}};
	static uint32_t fut = 5;
	struct waitv wv[2] = {{5, (uintptr_t)&fut, FUTEX2_SIZE_U32 | FUTEX2_PRIVATE, 0}, {1, 0, 0, 0}};
	struct timespec ts = {0, 1000};
	struct dqblk dq;
	char *map = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	syscall(SYS_landlock_add_rule, -1, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	syscall(SYS_landlock_add_rule, -1, 2, &pb, 1);
	syscall(SYS_landlock_add_rule, 5, LANDLOCK_RULE_PATH_BENEATH, NULL, 0);
	syscall(SYS_landlock_restrict_self, -1, 0);
	syscall(SYS_landlock_restrict_self, 7, 3);

	memset(&ud, 0, sizeof ud);
	ud.entry_number = 0;
	ud.base_addr = 0x1000;
	ud.limit = 0xfff;
	ud.seg_32bit = 1;
	ud.useable = 1;
	syscall(SYS_modify_ldt, 0, ldt, sizeof ldt);
	syscall(SYS_modify_ldt, 1, &ud, sizeof ud);
	syscall(SYS_modify_ldt, 0x11, &ud, sizeof ud);
	syscall(SYS_modify_ldt, 2, NULL, 0);
	syscall(SYS_modify_ldt, 0, ldt, sizeof ldt);
	ud.entry_number = -1;
	syscall(SYS_set_thread_area, &ud);
	ud.entry_number = 12;
	syscall(SYS_get_thread_area, &ud);
	syscall(SYS_get_thread_area, NULL);

	syscall(SYS_remap_file_pages, map, 4096, 0, 2, MAP_NONBLOCK);
	syscall(SYS_remap_file_pages, map, 4096, PROT_READ, 0, 0);
	syscall(SYS_migrate_pages, 0, 65, nodes, nodes2);
	syscall(SYS_migrate_pages, 0, 0, NULL, NULL);
	pages[0] = map;
	pages[1] = map + 4096;
	pages[2] = map + 8192;
	map[0] = map[4096] = 1;
	syscall(SYS_move_pages, 0, 3, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 3, pages, nodeslist, status, 2 /* MPOL_MF_MOVE */);
	syscall(SYS_move_pages, 0, 0, NULL, NULL, NULL, 4 | 8);
	syscall(SYS_set_mempolicy_home_node, map, 4096, 0, 0);
	syscall(SYS_set_mempolicy_home_node, 0, 0, 3, 1);

	syscall(SYS_kexec_load, 0x100000, 2, seg, KEXEC_ON_CRASH | KEXEC_ARCH_X86_64);
	syscall(SYS_kexec_load, 0, 0, NULL, KEXEC_PRESERVE_CONTEXT | 0x70000);
	syscall(SYS_kexec_load, 0x100000, 17, seg, 0);
	syscall(SYS_kexec_load, 0x100000, 2, seg, KEXEC_ARCH_386 | 0x10);
	syscall(SYS_kexec_file_load, 3, -1, 12, "console=ttyS0", KEXEC_FILE_UNLOAD | KEXEC_FILE_NO_INITRAMFS);
	syscall(SYS_kexec_file_load, -1, 4, 0, NULL, 0x40);

	syscall(SYS_quotactl, QCMD(Q_GETQUOTA, USRQUOTA), "/dev/nonexistent", 0, &dq);
	syscall(SYS_quotactl, QCMD(Q_SYNC, GRPQUOTA), NULL, 0, NULL);
	syscall(SYS_quotactl, QCMD(Q_QUOTAON, PRJQUOTA), "/dev/null", QFMT_VFS_V1, "/aquota.user");
	syscall(SYS_quotactl, QCMD(Q_GETFMT, USRQUOTA), "/dev/null", 0, &dq);
	syscall(SYS_quotactl_fd, 3, QCMD(Q_GETINFO, USRQUOTA), 0, &dq);
	syscall(SYS_quotactl_fd, -1, QCMD(Q_QUOTAOFF, GRPQUOTA), 0, NULL);

	syscall(SYS_futex_waitv, wv, 2, 0, &ts, CLOCK_MONOTONIC);
	syscall(SYS_futex_waitv, wv, 1, 0, &ts, CLOCK_REALTIME);
	syscall(SYS_futex_waitv, NULL, 0, 1, NULL, 5);
	return 0;
}
