package main

import (
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// dropUser is the account Debian's ngrep switches to (its
// --with-dropprivs-user default).
const dropUser = "nobody"

// dropPrivileges does what ngrep does once its capture and files are
// open: a process running as root (real and effective), unless -R, gives
// up root for dropUser's user and group.
func dropPrivileges(c *config) error {
	if os.Getuid() != 0 || os.Geteuid() != 0 || c.keepPrivs {
		return nil
	}
	u, err := user.Lookup(dropUser)
	if err != nil {
		return &setupError{msg: "attempt to drop privileges failed: getpwnam failed: " + staleErrno + "\n"}
	}
	uid, err1 := strconv.Atoi(u.Uid)
	gid, err2 := strconv.Atoi(u.Gid)
	if err1 != nil || err2 != nil {
		return &setupError{msg: "attempt to drop privileges failed: getpwnam failed: " + staleErrno + "\n"}
	}
	fail := func(err error) error {
		return &setupError{msg: "attempt to drop privileges failed: " + errnoText(err) + "\n"}
	}
	if groups, _ := syscall.Getgroups(); len(groups) > 0 {
		if err := syscall.Setgroups([]int{gid}); err != nil {
			return fail(err)
		}
	}
	// Setgid and Setuid set the real, effective and saved ids of every
	// thread, as ngrep's setgid/setegid/setuid/seteuid calls do for root.
	if err := syscall.Setgid(gid); err != nil {
		return fail(err)
	}
	if err := syscall.Setuid(uid); err != nil {
		return fail(err)
	}
	return nil
}
