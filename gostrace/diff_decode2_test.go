package main

// Differential cases of the second decoder pass: asynchronous I/O, the
// new mount API, landlock, LDT entries, quotas, kexec, page migration,
// perf events, bpf commands and io_uring registration.

func init() {
	diffCases = append(diffCases,
		diffCase{name: "dec2-aio", cmd: []string{"@dec2_aio"}},
		diffCase{name: "dec2-aio-X-verbose", flags: []string{"-X", "verbose"}, cmd: []string{"@dec2_aio"}},
		diffCase{name: "dec2-aio-v-s2", flags: []string{"-v", "-s", "2"}, cmd: []string{"@dec2_aio"}},
		diffCase{name: "dec2-mountapi", cmd: []string{"@dec2_mountapi"}},
		diffCase{name: "dec2-mountapi-y-s4", flags: []string{"-y", "-s", "4"}, cmd: []string{"@dec2_mountapi"}},
		diffCase{name: "dec2-mountapi-X-verbose", flags: []string{"-X", "verbose"}, cmd: []string{"@dec2_mountapi"}},
		diffCase{name: "dec2-misc", cmd: []string{"@dec2_misc"}},
		diffCase{name: "dec2-misc-X-verbose", flags: []string{"-X", "verbose"}, cmd: []string{"@dec2_misc"}},
		diffCase{name: "dec2-misc-X-raw", flags: []string{"-X", "raw"}, cmd: []string{"@dec2_misc"}},
		diffCase{name: "dec2-misc-v-s1-y", flags: []string{"-v", "-s", "1", "-y"}, cmd: []string{"@dec2_misc"}},
		diffCase{name: "dec2-uring", cmd: []string{"@dec2_uring"}},
		diffCase{name: "dec2-uring-y-X-verbose-s1", flags: []string{"-y", "-X", "verbose", "-s", "1"}, cmd: []string{"@dec2_uring"}},
		diffCase{name: "dec2-perf", cmd: []string{"@dec2_perf"}},
		diffCase{name: "dec2-perf-v", flags: []string{"-v"}, cmd: []string{"@dec2_perf"}},
		diffCase{name: "dec2-perf-v-X-verbose", flags: []string{"-v", "-X", "verbose"}, cmd: []string{"@dec2_perf"}},
		diffCase{name: "dec2-perf-v-X-raw", flags: []string{"-v", "-X", "raw"}, cmd: []string{"@dec2_perf"}},
		diffCase{name: "dec2-bpf", cmd: []string{"@dec2_bpf"}},
		diffCase{name: "dec2-bpf-v-X-verbose", flags: []string{"-v", "-X", "verbose"}, cmd: []string{"@dec2_bpf"}},
		diffCase{name: "dec2-bpf-X-raw-s3", flags: []string{"-X", "raw", "-s", "3"}, cmd: []string{"@dec2_bpf"}},
		diffCase{name: "dec2-old", cmd: []string{"@dec2_old"}},
		diffCase{name: "dec2-old-X-verbose", flags: []string{"-X", "verbose"}, cmd: []string{"@dec2_old"}},
		diffCase{name: "dec2-uring2", cmd: []string{"@dec2_uring2"}},
		diffCase{name: "dec2-uring2-X-verbose-s2", flags: []string{"-X", "verbose", "-s", "2"}, cmd: []string{"@dec2_uring2"}},
		diffCase{name: "dec2-uring2-v-s1", flags: []string{"-v", "-s", "1"}, cmd: []string{"@dec2_uring2"}},
		diffCase{name: "dec2-uring2-verbose-none", flags: []string{"-e", "verbose=none"}, cmd: []string{"@dec2_uring2"}},
		diffCase{name: "dec2-bpf-verbose-none", flags: []string{"-e", "verbose=none"}, cmd: []string{"@dec2_bpf"}},
		diffCase{name: "dec2-perf-verbose-none", flags: []string{"-e", "verbose=none"}, cmd: []string{"@dec2_perf"}},
		diffCase{name: "dec2-misc-verbose-none", flags: []string{"-e", "verbose=none"}, cmd: []string{"@dec2_misc"}},
		diffCase{name: "dec2-aio-yy", flags: []string{"-yy"}, cmd: []string{"@dec2_aio"}},
		diffCase{name: "dec2-aio-X-raw", flags: []string{"-X", "raw"}, cmd: []string{"@dec2_aio"}},
		diffCase{name: "dec2-quota", cmd: []string{"@dec2_quota"}},
		diffCase{name: "dec2-quota-v-X-verbose", flags: []string{"-v", "-X", "verbose"}, cmd: []string{"@dec2_quota"}},
	)
}
