#!/bin/bash
# bench.sh: time goip against iproute2's ip on a large table.
#
# Creates a network namespace holding 100k IPv4 routes and 10k permanent
# neighbours, then runs hyperfine on "route show", "-j route show" and
# "neigh show" for both tools and prints goip/ip mean-time ratios.
# Needs root, hyperfine and Debian's ip. Usage: goip/bench.sh [ROUTES] [NEIGHS]
set -euo pipefail
routes=${1:-100000}
neighs=${2:-10000}
here=$(cd "$(dirname "$0")" && pwd)
ns=goipbench$$
work=$(mktemp -d)
trap 'ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"' EXIT

CGO_ENABLED=0 go build -o "$work/goip" "$here"
ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" link add v0 type veth peer name v1
ip -n "$ns" link set v0 up
ip -n "$ns" link set v1 up
ip -n "$ns" addr add 10.0.0.1/8 dev v0
python3 - "$routes" "$neighs" > "$work/batch" <<'PY'
import sys
routes, neighs = int(sys.argv[1]), int(sys.argv[2])
for i in range(routes):
    print("route add %d.%d.%d.0/24 via 10.0.0.2 proto static" % (100 + (i >> 16), (i >> 8) & 255, i & 255))
for i in range(neighs):
    print("neigh add 10.1.%d.%d lladdr 02:00:00:%02x:%02x:01 dev v0 nud permanent" % (i >> 8, i & 255, i >> 8, i & 255))
PY
ip -n "$ns" -batch "$work/batch"

run() {
	local name=$1; shift
	hyperfine -N --warmup 3 --min-runs 10 --export-json "$work/$name.json" \
		-n "ip $*" "ip netns exec $ns ip $*" \
		-n "goip $*" "ip netns exec $ns $work/goip $*" >&2
	python3 - "$work/$name.json" "$*" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
ip, go = r[0]["mean"], r[1]["mean"]
print("%-16s ip %7.1f ms  goip %7.1f ms  ratio %.2f" % (sys.argv[2], ip * 1e3, go * 1e3, go / ip))
PY
}
# Same bytes first: a fast wrong answer is no answer.
for args in "route show" "-j route show" "neigh show"; do
	cmp <(ip netns exec "$ns" ip $args) <(ip netns exec "$ns" "$work/goip" $args) ||
		{ echo "outputs differ for: $args" >&2; exit 1; }
done
echo "$routes routes, $neighs neighbours"
run route route show
run json -j route show
run neigh neigh show
