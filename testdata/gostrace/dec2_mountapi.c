/* The new mount API: open_tree, move_mount, fsopen, fsconfig, fsmount,
 * fspick, mount_setattr. Most calls fail (no such file system, bad
 * descriptors); strace decodes their arguments all the same. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/mount.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif

int main(void)
{
	struct mount_attr attr = {.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID,
				  .attr_clr = MOUNT_ATTR__ATIME, .propagation = 0x40000 /* MS_PRIVATE */,
				  .userns_fd = 7};
	static const char blob[] = "abc\0def";

	syscall(SYS_open_tree, AT_FDCWD, "/tmp", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
	syscall(SYS_open_tree, -100, "", AT_EMPTY_PATH | 0x1000000);
	syscall(SYS_move_mount, -1, "", AT_FDCWD, "/nonexistent", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_SYMLINKS);
	syscall(SYS_move_mount, 5, "a", 6, "b", 0x100);
	syscall(SYS_fsopen, "nosuchfs", FSOPEN_CLOEXEC);
	syscall(SYS_fsopen, "tmpfs", 2);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_FLAG, "ro", NULL, 0);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_STRING, "source", "none", 0);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_BINARY, "key", blob, sizeof blob);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_PATH, "p", "/etc", AT_FDCWD);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_PATH_EMPTY, "p", "", 3);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_FD, "fd", NULL, 4);
	syscall(SYS_fsconfig, -1, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
	syscall(SYS_fsconfig, -1, FSCONFIG_CMD_RECONFIGURE, NULL, NULL, 0);
	syscall(SYS_fsconfig, -1, 42, "x", "y", 9);
	syscall(SYS_fsmount, -1, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
	syscall(SYS_fsmount, -1, 2, MOUNT_ATTR_RELATIME | 0x1000000);
	syscall(SYS_fspick, AT_FDCWD, "/nonexistent", FSPICK_CLOEXEC | FSPICK_NO_AUTOMOUNT);
	syscall(SYS_fspick, 3, "", 0x10);
	syscall(SYS_mount_setattr, -1, "", AT_EMPTY_PATH, &attr, sizeof attr);
	syscall(SYS_mount_setattr, AT_FDCWD, "/nonexistent", AT_RECURSIVE | AT_SYMLINK_NOFOLLOW, &attr, 8);
	syscall(SYS_mount_setattr, AT_FDCWD, "/x", 0, NULL, 32);
	return 0;
}
