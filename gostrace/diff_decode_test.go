package main

// Differential cases for the system call decoders of gostrace/decode:
// real workloads and the testdata/gostrace/dec_*.c programs.
func init() {
	diffCases = append(diffCases,
		diffCase{name: "dec-ip-addr", cmd: []string{"ip", "addr"}},
		diffCase{name: "dec-ip-link", cmd: []string{"ip", "-s", "link"}},
		diffCase{name: "dec-netlink", cmd: []string{"@dec_netlink"}},
		diffCase{name: "dec-netlink-s8", flags: []string{"-s", "8", "-e", "trace=%network,getpid"}, cmd: []string{"@dec_netlink"}},
		diffCase{name: "dec-fds", cmd: []string{"@dec_fds"}},
		diffCase{name: "dec-fds-X-verbose", flags: []string{"-X", "verbose", "-e", "trace=!mmap,mprotect,openat,newfstatat,close,read,pread64"}, cmd: []string{"@dec_fds"}},
		diffCase{name: "dec-proc", cmd: []string{"@dec_proc"}},
		diffCase{name: "dec-proc-v", flags: []string{"-v", "-e", "trace=getrusage,capget,capset,timer_create,mount,prctl"}, cmd: []string{"@dec_proc"}},
		diffCase{name: "dec-proc-X-raw", flags: []string{"-X", "raw", "-e", "trace=!mmap,mprotect,openat,newfstatat,close,read,pread64"}, cmd: []string{"@dec_proc"}},
		diffCase{name: "dec-proc-X-verbose", flags: []string{"-X", "verbose", "-e", "trace=!mmap,mprotect,openat,newfstatat,close,read,pread64"}, cmd: []string{"@dec_proc"}},
		diffCase{name: "dec-net", cmd: []string{"@dec_net"}},
		diffCase{name: "dec-net-y", flags: []string{"-y", "-e", "trace=%network,getpid"}, cmd: []string{"@dec_net"}},
		diffCase{name: "dec-net-s2", flags: []string{"-s", "2", "-e", "trace=%network,getpid"}, cmd: []string{"@dec_net"}},
		diffCase{name: "dec-ioctl", cmd: []string{"@dec_ioctl"}},
		diffCase{name: "dec-ioctl-v", flags: []string{"-v", "-e", "trace=ioctl"}, cmd: []string{"@dec_ioctl"}},
		diffCase{name: "dec-ioctl-X-raw", flags: []string{"-X", "raw", "-e", "trace=ioctl"}, cmd: []string{"@dec_ioctl"}},
		diffCase{name: "dec-ioctl-X-verbose", flags: []string{"-X", "verbose", "-e", "trace=ioctl"}, cmd: []string{"@dec_ioctl"}},
		diffCase{name: "dec-misc", cmd: []string{"@dec_misc"}},
		diffCase{name: "dec-misc-X-verbose", flags: []string{"-X", "verbose", "-e", "trace=io_uring_setup,membarrier,syslog,sendfile,copy_file_range"}, cmd: []string{"@dec_misc"}},
		diffCase{name: "dec-file", cmd: []string{"@dec_file"}},
		diffCase{name: "dec-file-X-verbose", flags: []string{"-X", "verbose", "-e", "trace=!mmap,mprotect,openat,newfstatat,close,read,pread64,statx"}, cmd: []string{"@dec_file"}},
		diffCase{name: "dec-file-X-raw", flags: []string{"-X", "raw", "-e", "trace=!mmap,mprotect,openat,newfstatat,close,read,pread64"}, cmd: []string{"@dec_file"}},
		diffCase{name: "dec-ip-rule", cmd: []string{"ip", "rule"}},
		diffCase{name: "dec-ip6-rule", cmd: []string{"ip", "-6", "rule"}},
		diffCase{name: "dec-ip-netconf", cmd: []string{"ip", "netconf"}},
		diffCase{name: "dec-ip-addrlabel", cmd: []string{"ip", "addrlabel"}},
		// A new network namespace has only a quiet loopback device: its
		// counters do not move between the two runs.
		diffCase{name: "dec-ip-link-v", flags: []string{"-v"}, cmd: []string{"unshare", "-n", "ip", "link"}},
		diffCase{name: "dec-ip-addr-v", flags: []string{"-v"}, cmd: []string{"unshare", "-n", "ip", "addr"}},
		diffCase{name: "dec-nlreq", cmd: []string{"@dec_nlreq"}},
		diffCase{name: "dec-nlreq-v", flags: []string{"-v", "-e", "trace=%network,getpid"}, cmd: []string{"@dec_nlreq"}},
		diffCase{name: "dec-nlreq-s4", flags: []string{"-s", "4", "-e", "trace=%network,getpid"}, cmd: []string{"@dec_nlreq"}},
		diffCase{name: "dec-nlreq-X-raw", flags: []string{"-X", "raw", "-e", "trace=%network,getpid"}, cmd: []string{"@dec_nlreq"}},
		diffCase{name: "dec-nlreq-X-verbose", flags: []string{"-X", "verbose", "-e", "trace=%network,getpid"}, cmd: []string{"@dec_nlreq"}},
		diffCase{name: "dec-packet", cmd: []string{"@dec_packet"}},
		diffCase{name: "dec-packet-v", flags: []string{"-v", "-e", "trace=%network"}, cmd: []string{"@dec_packet"}},
		diffCase{name: "dec-packet-X-raw", flags: []string{"-X", "raw", "-e", "trace=%network"}, cmd: []string{"@dec_packet"}},
		diffCase{name: "dec-packet-X-verbose", flags: []string{"-v", "-X", "verbose", "-e", "trace=%network"}, cmd: []string{"@dec_packet"}},
		diffCase{name: "dec-seccomp-v", flags: []string{"-v", "-e", "trace=seccomp,prctl"}, cmd: []string{"@dec_seccomp"}},
	)
}
