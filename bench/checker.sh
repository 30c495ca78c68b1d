#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Time ioguard-sparse against plain sparse (built from the same Debian
# source) through kbuild on the same files with the same flags: C=2 over
# mm/ drivers/pci/ arch/<arch>/mm/ of a prepared tree whose objects are
# already built, so only the checker runs. Uses hyperfine when present,
# /usr/bin/time otherwise (one run each). "kbuild alone" runs CHECK=true:
# what kbuild itself costs, to subtract from both.
#
# usage: bench/checker.sh [VERSION [ARCH]]   (default: 6.1 arm64)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
sh=$top/src/sh
ver=${1:-6.1} arch=${2:-arm64}
export IOGUARD="${IOGUARD:-$top/build/ioguard}"
. "$sh/arch-env.sh"
tree=$("$sh/fetch-kernel.sh" "$ver")
out=$("$sh/prepare-kernel.sh" "$ver" "$arch")
sparse=$("$sh/fetch-sparse.sh")/sparse
dirs="mm/ drivers/pci/ arch/$srcarch/mm/"
kargs="-C $tree O=$out ARCH=$karch CROSS_COMPILE=$cross -j1 C=2"
kmake="make -s $kargs"

# Build the objects once so that both timed runs only check.
$kmake CHECK=true $dirs >/dev/null 2>&1 </dev/null
# (not silent: kbuild's -s hides what CHECK prints on stdout)
nfiles=$(make $kargs CHECK="echo IOGUARD-BENCH" $dirs 2>/dev/null </dev/null | grep -c IOGUARD-BENCH || true)
echo "bench: $ver/$arch, $nfiles files checked by kbuild C=2 over $dirs (-j1)"

if command -v hyperfine >/dev/null 2>&1; then
	hyperfine --warmup 1 --runs 3 \
		-n "kbuild alone (CHECK=true)" "$kmake CHECK=true $dirs >/dev/null 2>&1" \
		-n sparse "$kmake CHECK=$sparse $dirs >/dev/null 2>&1" \
		-n ioguard-sparse "$kmake CHECK='$top/build/ioguard-sparse --ioguard-warn-only' $dirs >/dev/null 2>&1"
else
	for c in true "$sparse" "$top/build/ioguard-sparse --ioguard-warn-only"; do
		/usr/bin/time -f "%e s elapsed, %M KB max RSS (largest process): $c" \
			$kmake CHECK="$c" $dirs >/dev/null 2>/tmp/ioguard-bench.$$ </dev/null || true
		tail -n 1 /tmp/ioguard-bench.$$
	done
	rm -f /tmp/ioguard-bench.$$
fi
