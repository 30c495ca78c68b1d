#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kernel/insert.sh for 6.1 and 6.12, arm64 and x86_64.
# Ends with "kernel-insert: N passed, N failed".
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../result.sh"
pass=0 fail=0
for c in "6.1 arm64" "6.12 arm64" "6.1 x86_64" "6.12 x86_64"; do
	out=$(sh "$here/insert.sh" $c 2>&1)
	printf '%s\n' "$out"
	add_result 'insert-[^ ]*' "$out" || fail=$((fail + 1))
done
echo "kernel-insert: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
