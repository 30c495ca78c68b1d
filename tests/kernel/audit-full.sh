#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The prefilter on a whole tree (make check-full; CI checks the
# directories the chains cross in kernel/audit.sh): 6.12 arm64 defconfig
# audited with and without it gives the same findings and chains. Every
# unit through the checker takes about half an hour on two cores.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
ioguard=$top/build/ioguard
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tree=$("$ioguard" fetch-kernel 6.12) && build=$("$ioguard" prepare-kernel 6.12 arm64) || exit 2
pass=0 fail=0

audit() {
	"$ioguard" audit --tree "$tree" --arch arm64 --build "$build" -j"$(nproc)" --format json "$@"
}
findings() {
	python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["findings"], indent=1))' "$1"
}

audit --index "$tmp/pf.db" -o "$tmp/pf.json" 2>/dev/null
audit --index "$tmp/all.db" --no-prefilter -o "$tmp/all.json" 2>"$tmp/all.err"
units=$(python3 -c 'import json,sys; u=json.load(open(sys.argv[1]))["units"]; print(u["checked"], "of", u["listed"])' "$tmp/all.json")
if [ "$(findings "$tmp/pf.json")" = "$(findings "$tmp/all.json")" ] &&
   [ "$(grep -c '"check":' "$tmp/pf.json")" -ge 5 ]; then
	echo "ok   whole tree: the prefilter's report equals every unit's ($units units checked without it)"
	pass=$((pass + 1))
else
	echo "FAIL whole tree: the prefilter changes the report"
	diff "$tmp/pf.json" "$tmp/all.json" | head -40
	fail=$((fail + 1))
fi
cp "$tmp/all.json" "${IOGUARD_AUDIT_FULL_KEEP:-/dev/null}" 2>/dev/null

echo "audit-full: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
