#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# CI gate for a kernel tree: `ioguard check` (ioguard-sparse through
# kbuild) over the directories that map MMIO, failing on findings that
# are not in the baseline. Findings are compared as "file check
# function", so a baseline survives unrelated line shifts (the 0-day
# "new warnings" idea).
#
# usage: ioguard-gate.sh -C KERNEL_TREE -O BUILD_DIR [-a ARCH] [-b BASELINE]
#                        [-w (write the baseline)] [DIR...]
# DIR: default what `ioguard check` checks (mm/ drivers/pci/
# arch/ARCH/mm/ and earlycon). BUILD_DIR without a .config gets
# defconfig + prepare first.
# Environment: IOGUARD (default: build/ioguard of this checkout),
#              IOGUARD_SPARSE (default: the checker built beside it),
#              CROSS_COMPILE (default: the arch's Debian cross compiler).
# Exit: 0 no new findings, 1 new findings, 2 usage or build error.
set -u

tree= out= arch=$(uname -m) baseline= write=
while getopts C:O:a:b:w opt; do
	case $opt in
	C) tree=$OPTARG ;;
	O) out=$OPTARG ;;
	a) arch=$OPTARG ;;
	b) baseline=$OPTARG ;;
	w) write=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$tree" ] && [ -n "$out" ] || { echo "ioguard-gate: -C TREE and -O BUILD are required" >&2; exit 2; }
[ -z "$write" ] || [ -n "$baseline" ] || { echo "ioguard-gate: -w needs -b FILE" >&2; exit 2; }
ioguard=${IOGUARD:-$(cd "$(dirname "$0")/.." && pwd)/build/ioguard}

now=$(mktemp) || exit 2
trap 'rm -f "$now" "$now.found"' EXIT
"$ioguard" check --tree "$tree" --arch "$arch" --build "$out" "$@" >"$now.found"
[ $? -le 1 ] || exit 2
# file:line:col: warning: 'function' ... [ioguard-check] -> file check function
tee /dev/stderr <"$now.found" |
	sed -n "s/^\([^:]*\):[0-9]*:[0-9]*: warning: '\([^']*\)'.*\[ioguard-\([a-z-]*\)\]$/\1 \3 \2/p" |
	sort -u >"$now"

if [ -n "$write" ]; then
	# whole or not at all: a temporary beside it, renamed
	tmpb=$(dirname "$baseline")/.$(basename "$baseline").ioguard-$$
	cp "$now" "$tmpb" && mv -f "$tmpb" "$baseline" ||
		{ rm -f "$tmpb"; echo "ioguard-gate: cannot write $baseline" >&2; exit 2; }
	echo "ioguard-gate: baseline of $(wc -l < "$baseline") findings written to $baseline" >&2
	exit 0
fi
if [ -n "$baseline" ]; then
	[ -r "$baseline" ] || { echo "ioguard-gate: cannot read baseline '$baseline'" >&2; exit 2; }
	new=$(sort -u "$baseline" | comm -13 - "$now")
else
	new=$(cat "$now")
fi
if [ -n "$new" ]; then
	echo "ioguard-gate: new findings (file check function):" >&2
	printf '%s\n' "$new" >&2
	exit 1
fi
echo "ioguard-gate: no new findings" >&2
