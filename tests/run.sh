#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run every ioguard test suite and close with the total as
# "N passed, N failed". Each suite ends with "SUITE: N passed, N failed".
# usage: tests/run.sh [SUITE...]   (default: all, in this order)
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/result.sh"
suites=${*:-"checker cli sanitize sparse-suite sparse-compat frontends cocci kernel/checker-facts kernel/audit kernel/devmem kernel/gate kernel/audit-reports kernel/insert-all kernel/coccicheck-all gen reliability"}
pass=0 fail=0 broken=

for s in $suites; do
	script=$top/tests/$s.sh
	[ -f "$script" ] || script=$top/tests/$s/run.sh
	echo "=== $s"
	start=$(date +%s)
	out=$(sh "$script" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	if ! add_result '[a-z-]+' "$out"; then
		echo "=== $s: no result line (exit $rc)"
		broken="$broken $s"
		fail=$((fail + 1))
		continue
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		broken="$broken $s"
		fail=$((fail + 1))
	fi
	echo "=== $s: $(($(date +%s) - start)) s"
done
[ -z "$broken" ] || echo "suites that did not finish cleanly:$broken"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
