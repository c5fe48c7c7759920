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

timeit() { # best of 3 wall-clock seconds
	local best=""
	for _ in 1 2 3; do
		local s e t
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc -l)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
	done
	echo "$best"
}
for flags in "-n" "-n -v"; do
	t1=$(timeit "$TCPDUMP" $flags -r "$cap")
	t2=$(timeit "$top/bin/gotcpdump" $flags -r "$cap")
	printf 'read %-6s tcpdump %.3fs  gotcpdump %.3fs  ratio %.2f\n' "$flags" "$t1" "$t2" "$(echo "$t2 / $t1" | bc -l)"
done
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
if [ -x /usr/bin/time ]; then
	echo "max RSS (KiB): tcpdump $(rss "$TCPDUMP" -n -r "$cap") gotcpdump $(rss "$top/bin/gotcpdump" -n -r "$cap")"
fi
if command -v hyperfine >/dev/null; then
	hyperfine -N -w 1 -r 5 "$TCPDUMP -n -r $cap" "$top/bin/gotcpdump -n -r $cap" --export-markdown "$work/hyperfine.md" >/dev/null 2>&1 &&
		cat "$work/hyperfine.md"
fi
