/* bpf(2): a map created, filled, read, walked and deleted from, a
 * socket filter program loaded, objects pinned, and commands with
 * bad attributes. */
#include <linux/bpf.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long bpf(int cmd, union bpf_attr *a, unsigned int size)
{
	return syscall(SYS_bpf, cmd, a, size);
}

int main(void)
{
	union bpf_attr a;
	uint32_t key = 1, next;
	uint64_t val = 42;
	struct bpf_insn prog[2] = {
		{.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0},
		{.code = BPF_JMP | BPF_EXIT},
	};
	static const char license[] = "GPL";
	static char log[64];
	int map;

	memset(&a, 0, sizeof a);
	a.map_type = BPF_MAP_TYPE_HASH;
	a.key_size = 4;
	a.value_size = 8;
	a.max_entries = 16;
	a.map_flags = BPF_F_NO_PREALLOC;
	strcpy(a.map_name, "dec2map");
	map = bpf(BPF_MAP_CREATE, &a, sizeof a);

	memset(&a, 0, sizeof a);
	a.map_fd = map;
	a.key = (uintptr_t)&key;
	a.value = (uintptr_t)&val;
	a.flags = BPF_ANY;
	bpf(BPF_MAP_UPDATE_ELEM, &a, sizeof a);
	bpf(BPF_MAP_LOOKUP_ELEM, &a, sizeof a);
	a.next_key = (uintptr_t)&next;
	bpf(BPF_MAP_GET_NEXT_KEY, &a, sizeof a);
	bpf(BPF_MAP_DELETE_ELEM, &a, sizeof a);

	memset(&a, 0, sizeof a);
	a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a.insn_cnt = 2;
	a.insns = (uintptr_t)prog;
	a.license = (uintptr_t)license;
	a.log_level = 1;
	a.log_size = sizeof log;
	a.log_buf = (uintptr_t)log;
	strcpy(a.prog_name, "dec2prog");
	bpf(BPF_PROG_LOAD, &a, sizeof a);

	memset(&a, 0, sizeof a);
	a.pathname = (uintptr_t)"/sys/fs/bpf/nonexistent";
	a.bpf_fd = map;
	bpf(BPF_OBJ_PIN, &a, sizeof a);
	bpf(BPF_OBJ_GET, &a, sizeof a);

	memset(&a, 0, sizeof a);
	a.target_fd = 0;
	a.attach_bpf_fd = map;
	a.attach_type = BPF_CGROUP_INET_INGRESS;
	a.attach_flags = BPF_F_ALLOW_MULTI;
	bpf(BPF_PROG_ATTACH, &a, sizeof a);
	bpf(BPF_PROG_DETACH, &a, sizeof a);

	/* Every other command, once zeroed with the full size and once
	 * filled with ones and a short size. */
	for (int cmd = BPF_PROG_TEST_RUN; cmd <= BPF_PROG_BIND_MAP + 1; cmd++) {
		if (cmd == BPF_MAP_LOOKUP_AND_DELETE_ELEM || cmd == BPF_MAP_FREEZE)
			continue;
		memset(&a, 0, sizeof a);
		/* map and link ids grow from run to run: ask past them */
		if (cmd == BPF_MAP_GET_NEXT_ID || cmd == BPF_PROG_GET_NEXT_ID || cmd == BPF_LINK_GET_NEXT_ID)
			a.start_id = 0x7fffffff;
		bpf(cmd, &a, sizeof a);
		memset(&a, 0xff, sizeof a);
		bpf(cmd, &a, 64);
	}
	memset(&a, 0, sizeof a);
	a.map_fd = map;
	a.key = (uintptr_t)&key;
	bpf(BPF_MAP_LOOKUP_AND_DELETE_ELEM, &a, sizeof a);
	bpf(BPF_MAP_FREEZE, &a, sizeof a);

	bpf(BPF_MAP_CREATE, NULL, 0);
	bpf(BPF_PROG_LOAD, &a, 4);
	bpf(999, &a, sizeof a);
	return 0;
}
