#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ioguard check: ioguard-sparse through kbuild (C=2 CHECK=) over PATHs of
# a kernel tree, out of tree in BUILD (defconfig + prepare first when it
# has no .config). Prints the findings sorted, once each, with paths
# relative to the tree, and a count on stderr. `make run`,
# ci/ioguard-gate.sh, verify.sh and tests/kernel all check through here.
#
# usage: kbuild-check.sh TREE ARCH BUILD CHECKER LOG|- [PATH...]
#   PATH  directories (mm/) and objects (mm/vmalloc.o); default: what maps
#         MMIO, mm/ drivers/pci/ arch/SRCARCH/mm/ and earlycon
#   LOG   kbuild's whole output ("-": a temporary file, removed)
# CROSS_COMPILE from the environment wins over the arch's Debian prefix.
# Exit: 0 no finding, 1 findings, 2 kbuild failed.
set -u
me=check
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -ge 5 ] || die "usage: kbuild-check.sh TREE ARCH BUILD CHECKER LOG|- [PATH...]"
checker=$4 log=$5
kbuild_target "$1" "$2" "$3"
shift 5
[ $# -gt 0 ] || set -- mm/ drivers/pci/ "arch/$srcarch/mm/" drivers/tty/serial/earlycon.o

if [ "$log" = - ]; then
	log=$(mktemp) || exit 2
	trap 'rm -f "$log"' EXIT
fi
if [ ! -f "$out/.config" ]; then
	echo "ioguard: check: preparing $out (defconfig, prepare)" >&2
	kprepare || die "make defconfig prepare failed in $out"
fi

echo "ioguard: check: $* for $arch (kbuild C=2)" >&2
# --ioguard-warn-only: kbuild stops at the first checker that exits
# non-zero; findings are read from the log instead.
if ! kmake C=2 CHECK="$checker --ioguard-warn-only" "$@" >"$log" 2>&1; then
	tail -n 20 "$log" >&2
	die "kbuild failed for $arch in $out"
fi
findings=$(grep '\[ioguard-' "$log" | sed "s|^$tree/||" | sort -u)
n=$(printf '%s' "$findings" | grep -c .)
echo "ioguard: check: $(grep -c '^  CHECK ' "$log") files checked, $n findings" >&2
[ "$n" -eq 0 ] && exit 0
printf '%s\n' "$findings"
exit 1
