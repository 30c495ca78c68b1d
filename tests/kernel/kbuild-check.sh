#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run ioguard-sparse through kbuild (C=2 CHECK=) over the directories that
# map MMIO, on a Debian kernel prepared for an arch. Prints the findings
# (and writes the whole log next to the build directory).
#
# usage: kbuild-check.sh 6.1|6.12 arm64|x86_64|riscv [DIR...]
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
sh=$top/src/sh
[ $# -ge 2 ] || { echo "usage: kbuild-check.sh VERSION ARCH [DIR...]" >&2; exit 2; }
ver=$1 arch=$2
shift 2
export IOGUARD="${IOGUARD:-$top/build/ioguard}"
. "$sh/arch-env.sh"
[ $# -gt 0 ] || set -- mm/ drivers/pci/ "arch/$srcarch/mm/" drivers/tty/serial/earlycon.o

tree=$("$sh/fetch-kernel.sh" "$ver")
out=$("$sh/prepare-kernel.sh" "$ver" "$arch")
log=$out/ioguard-kbuild.log
checker=$top/build/ioguard-sparse
[ -x "$checker" ] || { echo "ioguard: build the checker first (make)" >&2; exit 2; }

echo "ioguard: checking $* in linux-source-$ver for $arch (C=2, kbuild)" >&2
# --ioguard-warn-only: kbuild stops at the first checker that exits
# non-zero; findings are counted from the log instead.
if ! make -s -C "$tree" O="$out" ARCH="$karch" CROSS_COMPILE="$cross" \
	-j"$(nproc)" C=2 CHECK="$checker --ioguard-warn-only" "$@" \
	</dev/null >"$log" 2>&1; then
	tail -n 20 "$log" >&2
	echo "ioguard: kbuild failed for $ver/$arch (log: $log)" >&2
	exit 2
fi
# Paths relative to the kernel tree, so results read the same everywhere.
grep '\[ioguard-' "$log" | sed "s|^$tree/||" | sort -u
