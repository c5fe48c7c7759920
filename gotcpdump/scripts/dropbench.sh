#!/usr/bin/env bash
# Drop benchmark: blasts a fixed number of frames over a veth pair inside
# two network namespaces this script makes, at rising rates, while
# tcpdump and then gotcpdump capture on the receiving end, once writing
# a file (-w on tmpfs) and once printing (-n to /dev/null). For each rate
# it reports the frames each tool lost (sent minus captured: kernel drops
# and anything not delivered before the capture stopped), then the
# highest rate each tool sustained with zero loss.
#
#   gotcpdump/scripts/dropbench.sh [FRAMES] [RATES...]
#       (default 200000 frames; rates 50000 100000 200000 400000 800000 0,
#        0 meaning as fast as the blaster can send)
#
# Needs root. The traffic never leaves the namespaces.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "dropbench: needs root (namespaces, AF_PACKET)"; exit 1; }
top=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-200000}
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(50000 100000 200000 400000 800000 0)
TCPDUMP=${TCPDUMP:-tcpdump}
command -v "$TCPDUMP" >/dev/null || { echo "dropbench: tcpdump is not installed"; exit 1; }

work=$(mktemp -d /tmp/dropbench.XXXXXX)
chmod 777 "$work"
(cd "$top" && CGO_ENABLED=0 go build -o "$work/gotcpdump" ./gotcpdump &&
	CGO_ENABLED=0 go build -o "$work/blast" ./gotcpdump/internal/blast)

id=$$
nsA=dbA$id nsB=dbB$id ifA=dba$id ifB=dbb$id
cleanup() {
	ip netns del "$nsA" 2>/dev/null || true
	ip netns del "$nsB" 2>/dev/null || true
	rm -rf "$work"
	rm -f /dev/shm/dropbench-$id.pcap
}
trap cleanup EXIT
ip netns add "$nsA"
ip netns add "$nsB"
for ns in "$nsA" "$nsB"; do
	ip netns exec "$ns" sh -c 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6'
done
ip -n "$nsA" link add "$ifA" type veth peer name "$ifB" netns "$nsB"
ip -n "$nsA" link set "$ifA" up
ip -n "$nsB" link set "$ifB" up

# run TOOL MODE RATE: prints "lost achieved_pps"
run() {
	local tool=$1 mode=$2 rate=$3 out err
	out=/dev/shm/dropbench-$id.pcap
	err=$work/err
	rm -f "$out"
	local args=(-i "$ifA")
	if [ "$mode" = write ]; then args+=(-w "$out"); else args+=(-n); fi
	ip netns exec "$nsA" "$tool" "${args[@]}" >/dev/null 2>"$err" &
	local pid=$!
	for _ in $(seq 100); do grep -q 'listening on' "$err" && break; sleep 0.05; done
	local sent
	sent=$(ip netns exec "$nsB" "$work/blast" -i "$ifB" -n "$n" -r "$rate")
	sleep 1.5 # tcpdump hands a ring block over after at most 1 s
	kill -INT "$pid"
	wait "$pid" || true
	local captured
	captured=$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$err")
	local lost=$((n - captured))
	[ $lost -lt 0 ] && lost=0
	echo "$lost $(echo "$sent" | sed 's/.*(\([0-9]*\) pps)/\1/')"
}

echo "frames per run: $n (128-byte UDP frames over veth)"
printf '%-6s %10s %12s %14s %14s\n' mode rate achieved tcpdump-lost gotcpdump-lost
declare -A best
for mode in write print; do
	best[$mode,t]=0 best[$mode,g]=0
	for rate in "${rates[@]}"; do
		read -r tl ta < <(run "$TCPDUMP" $mode "$rate")
		read -r gl ga < <(run "$work/gotcpdump" $mode "$rate")
		label=$rate
		[ "$rate" = 0 ] && label=max
		printf '%-6s %10s %12s %14s %14s\n' $mode "$label" "$ta/$ga" "$tl" "$gl"
		[ "$tl" = 0 ] && [ "$ta" -gt "${best[$mode,t]}" ] && best[$mode,t]=$ta
		[ "$gl" = 0 ] && [ "$ga" -gt "${best[$mode,g]}" ] && best[$mode,g]=$ga
	done
done
echo
for mode in write print; do
	echo "$mode: highest zero-loss rate: tcpdump ${best[$mode,t]} pps, gotcpdump ${best[$mode,g]} pps"
done
