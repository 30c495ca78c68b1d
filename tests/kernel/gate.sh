#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ci/ioguard-gate.sh (on ioguard audit) on Debian's pristine 6.1 arm64
# tree: without a baseline its findings fail the gate; a written
# baseline makes it pass and -r writes the reports CI uploads; a
# baseline missing one finding fails it again and names that finding;
# DIR arguments keep the units under them; an old gate's list and a
# tree that is not a kernel are refused with exit 2. The CI jobs in ci/ parse and use the names
# the gate writes (tests/kernel/ci-files-check.py).
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
		"$top/ci/ioguard-gate.sh" -C "$tree" -O "$out" -a arm64 -j 2 "$@" \
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

vmalloc="^mm/vmalloc.c:[0-9]*:[0-9]*: warning: 'ioremap_page_range' .*\[ioguard-unhooked-map\]"
gate; check "no baseline: findings fail the gate" $? 1 "$vmalloc"
n=$(grep -c ': warning: .*\[ioguard-' "$tmp/out")
gate -b "$tmp/base" -w; check "baseline written" $? 0 "baseline of $n findings"
gate -b "$tmp/base" -r "$tmp/reports"; check "with the baseline: no new findings" $? 0 "no new findings"
for f in ioguard.json ioguard.sarif gl-code-quality-report.json ioguard.html; do
	[ -s "$tmp/reports/$f" ]; check "-r wrote $f" $? 0 ""
done
[ "$(grep -c '"ioguard/fingerprint/v1"' "$tmp/reports/ioguard.sarif")" -eq "$n" ]
check "the SARIF has the $n findings" $? 0 ""
# the vmalloc finding's fingerprint replaced: it is new again
sed '/"file": "mm\/vmalloc.c"/s/"fingerprint": "[0-9a-f]*"/"fingerprint": "0000000000000000"/' \
	"$tmp/base" > "$tmp/base1"
gate -b "$tmp/base1"; check "baseline without one finding: it is new" $? 1 "$vmalloc"
[ "$(grep -c ': warning: .*\[ioguard-' "$tmp/out")" -eq 1 ]; check "only that finding is shown" $? 0 ""
echo "mm/vmalloc.c unhooked-map ioremap_page_range" > "$tmp/old"
gate -b "$tmp/old"; check "an old gate's baseline: exit 2" $? 2 "not a JSON or SARIF report"
# DIRs keep the units under them (an index of its own: the shared one
# would forget the rest of the tree)
gate -i "$tmp/mm.db" mm/; check "mm/ only: its findings fail the gate" $? 1 "$vmalloc"
! grep -q '^drivers/.*: warning: ' "$tmp/out"; check "mm/ only: no finding outside mm/" $? 0 ""
CROSS_COMPILE= "$top/ci/ioguard-gate.sh" -C "$tmp" -O "$out" > "$tmp/out" 2>&1
check "not a kernel tree: exit 2" $? 2 "is not a kernel tree"

python3 "$top/tests/kernel/ci-files-check.py" "$top/ci" > "$tmp/ci" 2>&1
cat "$tmp/ci"
pass=$((pass + $(grep -c '^ok ' "$tmp/ci"))) fail=$((fail + $(grep -c '^FAIL ' "$tmp/ci")))
grep -q '^ok ' "$tmp/ci" || { echo "FAIL ci-files-check.py ran no check"; fail=$((fail + 1)); }

echo "gate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
