#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ci/ioguard-gate.sh on Debian's pristine 6.1 arm64 tree, mm/ only:
# without a baseline the two known mm/ findings fail the gate; a written
# baseline makes it pass; a baseline missing one finding fails it again
# and names that finding.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
sh=$top/src/sh
tree=$("$sh/fetch-kernel.sh" 6.1) || exit 2
out=$("$sh/prepare-kernel.sh" 6.1 arm64) || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

gate() {
	CROSS_COMPILE=aarch64-linux-gnu- IOGUARD_SPARSE=$top/build/ioguard-sparse \
		"$top/ci/ioguard-gate.sh" -C "$tree" -O "$out" -a arm64 "$@" mm/ \
		> "$tmp/out" 2>&1
}

check() {
	if [ "$2" = "$3" ] && { [ -z "$4" ] || grep -q -- "$4" "$tmp/out"; }; then
		echo "ok   $1"
		pass=$((pass + 1))
	else
		echo "FAIL $1: exit $2 (expected $3)"
		sed 's/^/	/' "$tmp/out"
		fail=$((fail + 1))
	fi
}

gate; check "no baseline: findings fail the gate" $? 1 "mm/vmalloc.c unhooked-map ioremap_page_range"
gate -b "$tmp/base" -w; check "baseline written" $? 0 "baseline of 2 findings"
gate -b "$tmp/base"; check "with the baseline: no new findings" $? 0 "no new findings"
grep -v vmalloc "$tmp/base" > "$tmp/base1"
gate -b "$tmp/base1"; check "baseline without one finding: it is new" $? 1 "mm/vmalloc.c unhooked-map ioremap_page_range"
CROSS_COMPILE= "$top/ci/ioguard-gate.sh" -C "$tmp" -O "$out" > "$tmp/out" 2>&1
check "not a kernel tree: exit 2" $? 2 "is not a kernel tree"

echo "gate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
