#!/usr/bin/env bash
# Times gotcpdump against tcpdump side by side on a large capture of mixed
# traffic (bulk TCP, short HTTP exchanges, DNS, ICMP, IPv6), after checking
# that both print identical bytes. Prints the ratio gotcpdump/tcpdump
# (below 1.0: gotcpdump is faster).
#
#   gotcpdump/scripts/bench.sh [PACKETS]      (default 1000000)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-1000000}
work=${BENCH_DIR:-/tmp/gotcpdump-bench}
mkdir -p "$work"
cap=$work/mixed-$n.pcap
TCPDUMP=${TCPDUMP:-tcpdump}
command -v "$TCPDUMP" >/dev/null || { echo "bench: tcpdump is not installed"; exit 1; }
[ -x "$top/bin/gotcpdump" ] || (cd "$top" && make bin/gotcpdump >/dev/null)
[ -f "$cap" ] || (cd "$top" && go run ./gotcpdump/internal/gencap/cmd/gencap -n "$n" -o "$cap")
echo "capture: $cap ($(du -h "$cap" | cut -f1), $("$TCPDUMP" -r "$cap" -n --count 2>/dev/null))"

export TZ=GMT0
for flags in "-n" "-n -v" "-n -e"; do
	"$TCPDUMP" $flags -r "$cap" >"$work/want.txt" 2>/dev/null
	"$top/bin/gotcpdump" $flags -r "$cap" >"$work/got.txt" 2>/dev/null
	if cmp -s "$work/want.txt" "$work/got.txt"; then
		echo "output $flags: identical ($(wc -l <"$work/want.txt") lines)"
	else
		echo "output $flags: DIFFERS: $(diff "$work/want.txt" "$work/got.txt" | grep -c '^[<>]') lines"
	fi
done

# cputime prints the best user+system CPU seconds of 3 runs: steadier than
# wall-clock time on a loaded machine.
cputime() {
	local best=""
	for _ in 1 2 3; do
		local t
		/usr/bin/time -f "%U %S" -o "$work/time.txt" "$@" >/dev/null 2>&1
		t=$(awk '{print $1 + $2}' "$work/time.txt")
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
	done
	echo "$best"
}
for flags in "-n" "-n -v" "-n -e"; do
	t1=$(cputime "$TCPDUMP" $flags -r "$cap")
	t2=$(cputime "$top/bin/gotcpdump" $flags -r "$cap")
	printf 'read %-6s CPU seconds: tcpdump %.2f  gotcpdump %.2f  ratio %.2f\n' "$flags" "$t1" "$t2" "$(echo "$t2 / $t1" | bc -l)"
done
# Filtered reading (issue: the filter compiler's evaluator against libpcap's).
filt="tcp port 80 and host 192.0.2.80"
cmp -s <("$TCPDUMP" -n -r "$cap" $filt 2>/dev/null) <("$top/bin/gotcpdump" -n -r "$cap" $filt 2>/dev/null) &&
	echo "output -n '$filt': identical" || echo "output -n '$filt': DIFFERS"
t1=$(cputime "$TCPDUMP" -n -r "$cap" $filt)
t2=$(cputime "$top/bin/gotcpdump" -n -r "$cap" $filt)
printf 'filter -n %-34s CPU seconds: tcpdump %.2f  gotcpdump %.2f  ratio %.2f\n' "'$filt'" "$t1" "$t2" "$(echo "$t2 / $t1" | bc -l)"
for expr in "udp port 53" "icmp or ip6"; do
	t1=$(cputime "$TCPDUMP" -r "$cap" -w /dev/null $expr)
	t2=$(cputime "$top/bin/gotcpdump" -r "$cap" -w /dev/null $expr)
	printf 'filter -w /dev/null %-24s CPU seconds: tcpdump %.2f  gotcpdump %.2f  ratio %.2f\n' "'$expr'" "$t1" "$t2" "$(echo "$t2 / $t1" | bc -l)"
done
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
if [ -x /usr/bin/time ]; then
	echo "max RSS (KiB): tcpdump $(rss "$TCPDUMP" -n -r "$cap") gotcpdump $(rss "$top/bin/gotcpdump" -n -r "$cap")"
fi
if command -v hyperfine >/dev/null; then
	hyperfine -N -w 1 -r 3 "$TCPDUMP -n -r $cap" "$top/bin/gotcpdump -n -r $cap" --export-markdown "$work/hyperfine.md" >/dev/null 2>&1 &&
		cat "$work/hyperfine.md"
fi
