package main

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// defaultUser is the account Debian's tcpdump switches to after opening
// the capture when run as root (its WITH_USER build option).
const defaultUser = "tcpdump"

// dropPrivileges gives up root as Debian's tcpdump does once the capture
// is open: to -Z's user, or by default to "tcpdump" when that account
// exists. Go's Setgroups/Setgid/Setuid apply to every thread.
func dropPrivileges(name string) error {
	if os.Getuid() != 0 && os.Geteuid() != 0 {
		return nil
	}
	if name == "" {
		if _, err := user.Lookup(defaultUser); err != nil {
			return nil
		}
		name = defaultUser
	}
	u, err := user.Lookup(name)
	if err != nil {
		return privError(fmt.Sprintf("Couldn't find user '%.32s'", name))
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	groups := []int{gid}
	if ids, err := u.GroupIds(); err == nil {
		for _, g := range ids {
			if n, err := strconv.Atoi(g); err == nil && n != gid {
				groups = append(groups, n)
			}
		}
	}
	err = syscall.Setgroups(groups)
	if err == nil {
		err = syscall.Setgid(gid)
	}
	if err == nil {
		err = syscall.Setuid(uid)
	}
	if err == nil {
		return nil
	}
	return privError(fmt.Sprintf("Couldn't change to '%.32s' uid=%d gid=%d: %s", name, uid, gid, capitalize(err.Error())))
}

// privError is an error worded as tcpdump words it.
type privError string

func (e privError) Error() string { return string(e) }
