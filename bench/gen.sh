#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Time `ioguard gen` (the series alone, --no-verify: insert, backend,
# git format-patch) and `ioguard verify` on 6.12 for each arch, with
# hyperfine when present, /usr/bin/time otherwise. verify builds a fresh
# O= directory each time, so its time includes kbuild's prepare.
#
# usage: bench/gen.sh [ARCH...]   (default: arm64 riscv x86_64)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d) && trap 'rm -rf "$out"' EXIT
tree=$("$top/src/sh/fetch-kernel.sh" 6.12)
signoff="ioguard bench <bench@ioguard.invalid>"
for arch in ${*:-arm64 riscv x86_64}; do
	"$top/build/ioguard" gen --tree "$tree" --arch "$arch" --no-verify \
		--signoff "$signoff" -o "$out/$arch" >/dev/null 2>&1
	gen="rm -rf $out/g; $top/build/ioguard gen --tree $tree --arch $arch --no-verify --signoff '$signoff' -o $out/g"
	verify="$top/build/ioguard verify --tree $tree --arch $arch --series $out/$arch"
	if command -v hyperfine >/dev/null; then
		hyperfine --runs 3 -n "gen 6.12 $arch" "$gen >/dev/null 2>&1" \
			-n "verify 6.12 $arch" "$verify >/dev/null 2>&1"
	else
		/usr/bin/time -f "gen 6.12 $arch: %e s" sh -c "$gen >/dev/null 2>&1"
		/usr/bin/time -f "verify 6.12 $arch: %e s" sh -c "$verify >/dev/null 2>&1"
	fi
done
