#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# CI gate for a kernel tree: run ioguard-sparse through kbuild over the
# directories that map MMIO and fail on findings that are not in the
# baseline. Findings are compared as "file check function", so a
# baseline survives unrelated line shifts (the 0-day "new warnings" idea).
#
# usage: ioguard-gate.sh -C KERNEL_TREE -O BUILD_DIR [-a ARCH] [-b BASELINE]
#                        [-w (write the baseline)] [DIR...]
# Environment: IOGUARD_SPARSE (default: ioguard-sparse on PATH),
#              CROSS_COMPILE, MAKEFLAGS as usual.
# Exit: 0 no new findings, 1 new findings, 2 usage or build error.
set -eu

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
[ -f "$tree/Makefile" ] && [ -d "$tree/mm" ] || { echo "ioguard-gate: '$tree' is not a kernel tree" >&2; exit 2; }
case $arch in aarch64) arch=arm64 ;; x86|amd64) arch=x86_64 ;; riscv64) arch=riscv ;; esac
srcarch=$arch; [ "$arch" = x86_64 ] && srcarch=x86
[ $# -gt 0 ] || set -- mm/ drivers/pci/ "arch/$srcarch/mm/"
checker=${IOGUARD_SPARSE:-ioguard-sparse}

log=$(mktemp)
trap 'rm -f "$log" "$log.now"' EXIT
if ! make -s -C "$tree" O="$out" ARCH="$arch" C=2 \
	CHECK="$checker --ioguard-warn-only" "$@" >"$log" 2>&1 </dev/null; then
	tail -n 20 "$log" >&2
	echo "ioguard-gate: kbuild failed" >&2
	exit 2
fi
grep '\[ioguard-' "$log" | sed "s|^$tree/||" | tee /dev/stderr |
	sed -n "s/^\([^:]*\):[0-9]*:[0-9]*: warning: '\([^']*\)'.*\[ioguard-\([a-z-]*\)\]$/\1 \3 \2/p" |
	sort -u > "$log.now"

if [ -n "$write" ]; then
	[ -n "$baseline" ] || { echo "ioguard-gate: -w needs -b FILE" >&2; exit 2; }
	cp "$log.now" "$baseline"
	echo "ioguard-gate: baseline of $(wc -l < "$baseline") findings written to $baseline" >&2
	exit 0
fi
if [ -n "$baseline" ]; then
	[ -r "$baseline" ] || { echo "ioguard-gate: cannot read baseline '$baseline'" >&2; exit 2; }
	new=$(sort -u "$baseline" | comm -13 - "$log.now")
else
	new=$(cat "$log.now")
fi
if [ -n "$new" ]; then
	echo "ioguard-gate: new findings (file check function):" >&2
	printf '%s\n' "$new" >&2
	exit 1
fi
echo "ioguard-gate: no new findings" >&2
