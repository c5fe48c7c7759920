#!/bin/sh
# Overhead of gostrace next to Debian's strace on the same workloads.
# Usage: gostrace/bench.sh [RUNS]   (needs hyperfine, strace, root)
# Prints hyperfine's summary for each workload and tracer flag set; the
# "times faster" line gives the ratio (gostrace/strace <= 1.0 is the goal).
set -eu
export LC_ALL=C
runs=${1:-10}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$(dirname "$0")"
go build -o "$dir/strace" .
gostrace="$dir/strace"

forkloop='i=0; while [ $i -lt 200 ]; do /bin/true; i=$((i+1)); done'
for flags in "" "-f" "-c" "-e trace=openat"; do
	for work in "dd if=/dev/zero of=/dev/null bs=1 count=20000" \
		"sh -c '$forkloop'" \
		"python3 -c pass"; do
		echo "== flags [$flags] workload [$work]"
		hyperfine -N -w 2 -r "$runs" \
			-n strace "strace $flags -o /dev/null $work" \
			-n gostrace "$gostrace $flags -o /dev/null $work" 2>&1 |
			grep -E '^ +Time|times faster|^ +[0-9.]+ ± ' || true
	done
done
