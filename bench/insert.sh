#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Time `ioguard insert` (patch mode, whole tree, one arch) on Debian's
# 6.1 and 6.12 trees, with hyperfine when present, /usr/bin/time otherwise.
#
# usage: bench/insert.sh [ARCH]   (default: arm64)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
arch=${1:-arm64}
out=$(mktemp -d) && trap 'rm -rf "$out"' EXIT
for ver in 6.1 6.12; do
	tree=$("$top/src/sh/fetch-kernel.sh" "$ver")
	cmd="$top/build/ioguard insert --tree $tree --arch $arch -o $out/$ver.patch"
	if command -v hyperfine >/dev/null; then
		hyperfine --warmup 1 --runs 5 -n "insert $ver $arch" "$cmd 2>/dev/null"
	else
		/usr/bin/time -f "insert $ver $arch: %e s" sh -c "$cmd 2>/dev/null"
	fi
done
