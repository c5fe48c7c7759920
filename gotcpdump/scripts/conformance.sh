#!/usr/bin/env bash
# Runs tcpdump's upstream test suite (../shared/conformance/tcpdump) on
# bin/gotcpdump and enforces the ratchet: every test named in
# testdata/conformance/tcpdump-pass.txt must pass. Tests not on the list
# may fail. With -update, newly passing tests are added to the list (it
# only grows).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
suite=${SUITE:-$top/../shared/conformance/tcpdump}
list=$top/testdata/conformance/tcpdump-pass.txt
results=${RESULTS:-$top/results/conformance}
if [ ! -x "$suite/run" ]; then
	echo "conformance: $suite not present; skipping"
	exit 0
fi
RESULTS=$results "$suite/run" "$top/bin/gotcpdump" | tail -n 4
summary=$results/summary.tsv
[ -f "$summary" ] || { echo "conformance: no summary"; exit 1; }

regressions=$(awk -F'\t' 'NR == FNR { pass[$1] = ($2 == "PASS"); next }
	$1 != "" && !pass[$1] { print $1 }' "$summary" "$list")
if [ "${1:-}" = "-update" ]; then
	awk -F'\t' '$2 == "PASS" { print $1 }' "$summary" | cat - "$list" | sort -u >"$list.new"
	mv "$list.new" "$list"
	echo "conformance: $(wc -l <"$list") tests on the ratchet list"
fi
if [ -n "$regressions" ]; then
	echo "conformance: FAIL: tests on the ratchet list no longer pass:"
	echo "$regressions" | sed 's/^/    /'
	exit 1
fi
echo "conformance: ratchet holds ($(grep -c . "$list") tests must pass)"
