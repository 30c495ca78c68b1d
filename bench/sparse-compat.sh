#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Time ioguard-sparse --ioguard-warn-only against plain sparse (built from
# the same Debian source) on the units of tests/sparse-compat (Debian
# 6.12 defconfig, arm64 and x86_64), each run with the command line
# kbuild gives its checker, one process per unit and one unit at a time,
# as kbuild -j1 would. Prints each round and the ratio ioguard-sparse /
# sparse of wall time and of CPU time (user + system: steadier on a
# shared machine).
#
# usage: bench/sparse-compat.sh [ROUNDS]   (default: 3)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
compat=$top/tests/sparse-compat
rounds=${1:-3}
sparse=$("$top/src/sh/fetch-sparse.sh")/sparse
checker=$top/build/ioguard-sparse
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for arch in arm64 x86_64; do
	list=$compat/units-6.12-$arch
	set -- $(sh "$compat/record-units.sh" 6.12 "$arch" "$list")
	for u in $(grep -v '^#' "$list"); do
		r=$2/$(printf '%s' "$3/$u" | tr / %)
		[ -f "$r" ] || continue
		echo "$1 $r $sparse" >>"$tmp/jobs.sparse"
		echo "$1 $r $checker --ioguard-warn-only" >>"$tmp/jobs.ioguard-sparse"
	done
done
echo "bench: $(wc -l <"$tmp/jobs.sparse") units of 6.12 (arm64 and x86_64 defconfig), kbuild's checker flags, one at a time"

# Rounds alternate the two: hyperfine would time all runs of one and
# then the other, and on a shared machine the load drifts between them.
i=1
while [ "$i" -le "$rounds" ]; do
	for c in sparse ioguard-sparse; do
		/usr/bin/time -o "$tmp/t" -f "%e %U %S" \
			xargs -L 1 sh "$compat/run-unit.sh" <"$tmp/jobs.$c" >/dev/null 2>&1 || true
		read -r wall user sys <"$tmp/t"
		echo "round $i $c: $wall s wall, $user s user, $sys s system"
		echo "$c $wall $user $sys" >>"$tmp/times"
	done
	i=$((i + 1))
done
awk '{ w[$1] += $2; c[$1] += $3 + $4; n[$1]++ }
END {
	s = "sparse"; g = "ioguard-sparse"
	printf "ioguard-sparse / sparse over %d rounds: wall %.3fx (%.1f s / %.1f s), cpu %.3fx (%.1f s / %.1f s)\n",
		n[s], w[g] / w[s], w[g] / n[g], w[s] / n[s], c[g] / c[s], c[g] / n[g], c[s] / n[s]
}' "$tmp/times"
