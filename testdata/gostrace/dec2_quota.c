/* Quota commands whose data is read at entry (dqblk, dqinfo, XFS limits
 * and flags), unknown commands and types, and mount_setattr with an
 * extended mount_attr (trailing bytes) and an ID-mapping user namespace. */
#define _GNU_SOURCE
#include <stdint.h>
#include <string.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/dqblk_xfs.h>
#include <linux/mount.h>
struct if_dqinfo2 { uint64_t bg, ig; uint32_t fl, va; };
int main(void)
{
	struct dqblk dq = {1,2,3,4,5,6,7,8,QIF_ALL};
	struct if_dqinfo2 di = {10, 20, 0x10001, 7};
	fs_disk_quota_t fq; memset(&fq, 0, sizeof fq); fq.d_version=1; fq.d_flags=FS_USER_QUOTA; fq.d_fieldmask=0x3; fq.d_id=5; fq.d_blk_hardlimit=9; fq.d_itimer=-1; fq.d_rtbwarns=3;
	uint32_t fl = FS_QUOTA_UDQ_ACCT|FS_QUOTA_GDQ_ENFD|0x100;
	syscall(SYS_quotactl, QCMD(Q_SETQUOTA, USRQUOTA), "/dev/null", 1000, &dq);
	syscall(SYS_quotactl, QCMD(Q_SETINFO, GRPQUOTA), "/dev/null", 0, &di);
	syscall(SYS_quotactl, QCMD(Q_XSETQLIM, USRQUOTA), "/dev/null", -1, &fq);
	syscall(SYS_quotactl, QCMD(Q_XQUOTAON, USRQUOTA), "/dev/null", 0, &fl);
	syscall(SYS_quotactl, QCMD(Q_XQUOTARM, USRQUOTA), "/dev/null", 0, &fl);
	syscall(SYS_quotactl, QCMD(Q_XGETQSTAT, USRQUOTA), "/dev/null", 0, &fq);
	syscall(SYS_quotactl, QCMD(Q_GETNEXTQUOTA, PRJQUOTA), "/dev/null", 7, &dq);
	syscall(SYS_quotactl, QCMD(0x42, 7), "/dev/null", 7, &dq);
	syscall(SYS_quotactl_fd, 0, QCMD(Q_SETQUOTA, USRQUOTA), 3, &dq);
	struct mount_attr ma[2]; memset(ma, 0, sizeof ma);
	ma[0].attr_set = MOUNT_ATTR_IDMAP; ma[0].userns_fd = 0; ((char*)ma)[40] = 5;
	syscall(SYS_mount_setattr, -1, "", 0x1000, ma, 48);
	ma[0].attr_set = 0; ma[0].propagation = 3;
	syscall(SYS_mount_setattr, -1, "", 0x1000, ma, 32);
	return 0;
}
