#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Time ioguard-sparse --ioguard-warn-only against plain sparse (built from
# the same Debian source) on the units of tests/sparse-compat (Debian
# 6.12 defconfig, arm64 and x86_64), each run with the command line
# kbuild gives its checker, one process per unit and one unit at a time,
# as kbuild -j1 would. Prints hyperfine's table (or /usr/bin/time's lines)
# and the ratio ioguard-sparse / sparse, of wall time and of CPU time
# (user + system; steadier on a shared machine).
#
# usage: bench/sparse-compat.sh [RUNS]   (default: 3)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
compat=$top/tests/sparse-compat
runs=${1:-3}
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
		echo "$1 $r $checker --ioguard-warn-only" >>"$tmp/jobs.ioguard"
	done
done
n=$(wc -l <"$tmp/jobs.sparse")
echo "bench: $n units of 6.12 (arm64 and x86_64 defconfig), kbuild's checker flags, one at a time"
run() { echo "xargs -L 1 sh $compat/run-unit.sh <$tmp/jobs.$1 >/dev/null 2>&1"; }

if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -i --runs "$runs" --export-json "$tmp/t.json" \
		-n sparse "$(run sparse)" -n ioguard-sparse "$(run ioguard)"
	python3 - "$tmp/t.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
s, i = r["sparse"], r["ioguard-sparse"]
cpu = lambda x: x["user"] + x["system"]
print("ioguard-sparse / sparse: wall %.3fx (%.1f s / %.1f s), cpu %.3fx (%.1f s / %.1f s)"
      % (i["mean"] / s["mean"], i["mean"], s["mean"], cpu(i) / cpu(s), cpu(i), cpu(s)))
PY
else
	for c in sparse ioguard; do
		/usr/bin/time -f "$c: %e s elapsed, %U s user, %S s system" sh -c "$(run $c)"
	done
fi
