#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Real-tree compatibility: over a fixed list of units of Debian's 6.12
# (units-6.12-ARCH: defconfig, arm64 and x86_64), each with the exact
# command line kbuild gives its checker, everything ioguard-sparse
# --ioguard-warn-only prints apart from its [ioguard-...] findings, and
# its exit status, must equal plain sparse's, line for line. One unit is
# one result; two more check that the comparison saw something: sparse
# warned somewhere, and printed sparse.c's own lock-context warnings
# (fs/proc/proc_sysctl.c has one), which libsparse alone does not.
#
# usage: tests/sparse-compat/run.sh [ARCH...]   (default: arm64 x86_64)
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
checker=$top/build/ioguard-sparse
[ -x "$checker" ] || { echo "sparse-compat: build the checker first (make)" >&2; exit 2; }
sparse=$("$top/src/sh/fetch-sparse.sh")/sparse || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

: >"$tmp/jobs"
for arch in ${*:-arm64 x86_64}; do
	list=$here/units-6.12-$arch
	set -- $(sh "$here/record-units.sh" 6.12 "$arch" "$list") || {
		echo "FAIL 6.12/$arch: no kbuild records"
		fail=$((fail + 1))
		continue
	}
	out=$1 rec=$2 tree=$3
	for u in $(grep -v '^#' "$list"); do
		r=$rec/$(printf '%s' "$tree/$u" | tr / %)
		if [ -f "$r" ]; then
			echo "$out $r $arch/$u" >>"$tmp/jobs"
		else
			echo "FAIL $arch/$u: kbuild did not run the checker on it"
			fail=$((fail + 1))
		fi
	done
done

mkdir "$tmp/out"
# shellcheck disable=SC2016
xargs -P "$(nproc)" -L 1 sh -c 'sh "$0" "$@"' "$here/compare-unit.sh" \
	"$tmp/out" "$sparse" "$checker" <"$tmp/jobs" >"$tmp/log"
cat "$tmp/log"
pass=$((pass + $(grep -c '^ok ' "$tmp/log")))
fail=$((fail + $(grep -c '^FAIL ' "$tmp/log")))

# expect NAME COUNT: COUNT must not be 0
expect() {
	if [ "$2" -gt 0 ]; then
		echo "ok   $1 ($2)"
		pass=$((pass + 1))
	else
		echo "FAIL $1 (none)"
		fail=$((fail + 1))
	fi
}
nunits=$(wc -l <"$tmp/jobs")
expect "sparse warnings over $nunits units" "$(cat "$tmp"/out/*.sparse.err /dev/null | grep -c ': warning: ')"
expect "lock-context warnings from ioguard-sparse" "$(cat "$tmp"/out/*.ioguard.err /dev/null | grep -c 'context imbalance')"
echo "ioguard findings (not compared): $(cat "$tmp"/out/*.ioguard.all /dev/null | grep -c '\[ioguard-')"
echo "sparse-compat: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
