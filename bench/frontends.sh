#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Time the two frontends on the same units (docs/frontends.md):
# ioguard-sparse and ioguard-clang, both --ioguard-warn-only --ioguard-user-map
# --ioguard-facts (what the audit runs), on the units of tests/sparse-compat
# (Debian 6.12 defconfig, arm64 and x86_64), each with the command line
# kbuild gives its checker, one process per unit and one unit at a time.
# Rounds alternate the two (the machine's load drifts); prints each round
# and the ratio clang / sparse of wall and of CPU time (user + system).
#
# usage: bench/frontends.sh [ROUNDS]   (default: 3)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
compat=$top/tests/sparse-compat
rounds=${1:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for arch in arm64 x86_64; do
	list=$compat/units-6.12-$arch
	set -- $(sh "$compat/record-units.sh" 6.12 "$arch" "$list")
	tree=$(cd -P "$3" && pwd)	# kbuild names units by the real path
	for u in $(grep -v '^#' "$list"); do
		r=$2/$(printf '%s' "$tree/$u" | tr / %)
		[ -f "$r" ] || continue
		for fe in sparse clang; do
			echo "$1 $r $top/build/ioguard-$fe --ioguard-warn-only --ioguard-user-map --ioguard-facts=$tmp/facts" \
				>>"$tmp/jobs.$fe"
		done
	done
done
echo "bench: $(wc -l <"$tmp/jobs.sparse") units of 6.12 (arm64 and x86_64 defconfig), kbuild's checker flags, one at a time"

i=1
while [ "$i" -le "$rounds" ]; do
	for fe in sparse clang; do
		/usr/bin/time -o "$tmp/t" -f "%e %U %S" \
			xargs -L 1 sh "$compat/run-unit.sh" <"$tmp/jobs.$fe" >/dev/null 2>&1 || true
		read -r wall user sys <"$tmp/t"
		echo "round $i ioguard-$fe: $wall s wall, $user s user, $sys s system"
		echo "$fe $wall $user $sys" >>"$tmp/times"
	done
	i=$((i + 1))
done
awk '{ w[$1] += $2; c[$1] += $3 + $4; n[$1]++ }
END {
	printf "ioguard-clang / ioguard-sparse over %d rounds: wall %.2fx (%.1f s / %.1f s), cpu %.2fx (%.1f s / %.1f s)\n",
		n["sparse"], w["clang"] / w["sparse"], w["clang"] / n["clang"], w["sparse"] / n["sparse"],
		c["clang"] / c["sparse"], c["clang"] / n["clang"], c["sparse"] / n["sparse"]
}' "$tmp/times"
