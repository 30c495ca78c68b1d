#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run every ioguard test suite and close with the total as
# "N passed, N failed". Each suite ends with "SUITE: N passed, N failed".
# usage: tests/run.sh [SUITE...]   (default: all, in this order)
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
suites=${*:-"checker cli cocci kernel/checker-facts kernel/gate kernel/insert-all gen"}
pass=0 fail=0 broken=

for s in $suites; do
	script=$top/tests/$s.sh
	[ -f "$script" ] || script=$top/tests/$s/run.sh
	echo "=== $s"
	start=$(date +%s)
	out=$(sh "$script" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	line=$(printf '%s\n' "$out" | grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -z "$line" ]; then
		echo "=== $s: no result line (exit $rc)"
		broken="$broken $s"
		fail=$((fail + 1))
		continue
	fi
	p=$(echo "$line" | sed 's/.*: \([0-9]*\) passed.*/\1/')
	f=$(echo "$line" | sed 's/.* \([0-9]*\) failed$/\1/')
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		broken="$broken $s"
		fail=$((fail + 1))
	fi
	echo "=== $s: $(($(date +%s) - start)) s"
done
[ -z "$broken" ] || echo "suites that did not finish cleanly:$broken"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
