#!/bin/sh
# Overhead of gostrace next to Debian's strace on the same workloads.
# Usage: gostrace/bench.sh [RUNS]   (needs hyperfine, strace, root)
# For each workload and flag set hyperfine times both tracers (output to
# /dev/null) and the untraced command; the last column is the ratio of
# mean wall times gostrace/strace (<= 1.0 is the goal).
set -eu
export LC_ALL=C
runs=${1:-10}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$(dirname "$0")"
go build -o "$dir/strace" .
gostrace="$dir/strace"
# The distribution's interpreter, not a version manager's shim script.
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3

forkloop='i=0; while [ $i -lt 200 ]; do /bin/true; i=$((i+1)); done'
printf '%-18s %-34s %10s %10s %10s %6s\n' flags workload untraced strace gostrace ratio
for flags in "" "-f" "-c" "-e trace=openat" "-f -e trace=openat"; do
	for work in "dd if=/dev/zero of=/dev/null bs=1 count=20000" \
		"sh -c '$forkloop'" \
		"$py -c pass"; do
		hyperfine -N -w 2 -r "$runs" --export-csv "$dir/t.csv" \
			-n untraced "$work" \
			-n strace "strace $flags -o /dev/null $work" \
			-n gostrace "$gostrace $flags -o /dev/null $work" >/dev/null 2>&1 || continue
		awk -F, -v f="[$flags]" -v w="$work" 'NR>1 { m[NR-1] = $2 }
			END { printf "%-18s %-34.34s %9.1fms %9.1fms %9.1fms %6.2f\n", f, w, m[1]*1000, m[2]*1000, m[3]*1000, m[3]/m[2] }' "$dir/t.csv"
	done
done
