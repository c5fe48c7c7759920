#!/usr/bin/env bash
# Times gongrep against ngrep side by side on a large capture of mixed
# traffic, after checking that both print identical bytes, and prints the
# CPU-time ratio gongrep/ngrep (below 1.0: gongrep is faster).
#
#   gongrep/scripts/bench.sh [PACKETS]      (default 100000)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-100000}
work=${BENCH_DIR:-/tmp/gongrep-bench}
mkdir -p "$work"
cap=$work/mixed-$n.pcap
NGREP=${NGREP:-ngrep}
command -v "$NGREP" >/dev/null || { echo "bench: ngrep is not installed"; exit 1; }
(cd "$top" && CGO_ENABLED=0 go build -o "$work/gongrep" ./gongrep)
# The capture comes from gotcpdump's generator, run as a command.
[ -f "$cap" ] || (cd "$top" && go run ./gotcpdump/internal/gencap/cmd/gencap -n "$n" -o "$cap")
echo "capture: $cap ($(du -h "$cap" | cut -f1))"

export TZ=GMT0
flagsets=("" "-q GET" "-q -x" "-q -W byline -i host" "-q -t -X 0d0a port 80")
for flags in "${flagsets[@]}"; do
	"$NGREP" $flags -I "$cap" </dev/null >"$work/want.txt" 2>&1 || true
	"$work/gongrep" $flags -I "$cap" </dev/null >"$work/got.txt" 2>&1 || true
	if cmp -s "$work/want.txt" "$work/got.txt"; then
		echo "output '$flags': identical ($(wc -l <"$work/want.txt") lines)"
	else
		echo "output '$flags': DIFFERS"
	fi
done

# cputime prints the best user+system CPU seconds of 3 runs.
cputime() {
	local best=""
	for _ in 1 2 3; do
		local t
		/usr/bin/time -f "%U %S" -o "$work/time.txt" "$@" </dev/null >/dev/null 2>&1 || true
		t=$(awk '{print $1 + $2}' "$work/time.txt")
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
	done
	echo "$best"
}
for flags in "${flagsets[@]}"; do
	t1=$(cputime "$NGREP" $flags -I "$cap")
	t2=$(cputime "$work/gongrep" $flags -I "$cap")
	printf '%-28s CPU seconds: ngrep %.2f  gongrep %.2f  ratio %.2f\n' "'$flags'" "$t1" "$t2" "$(echo "$t2 / $t1" | bc -l)"
done
if command -v hyperfine >/dev/null; then
	hyperfine -N -w 1 -r 5 "$NGREP -q -I $cap GET" "$work/gongrep -q -I $cap GET"
fi
