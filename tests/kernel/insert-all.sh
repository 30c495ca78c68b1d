#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kernel/insert.sh for 6.1 and 6.12, arm64 and x86_64.
# Ends with "kernel-insert: N passed, N failed".
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
for c in "6.1 arm64" "6.12 arm64" "6.1 x86_64" "6.12 x86_64"; do
	out=$(sh "$here/insert.sh" $c 2>&1)
	printf '%s\n' "$out"
	line=$(printf '%s\n' "$out" | grep -E '^insert-[^ ]*: [0-9]+ passed, [0-9]+ failed$')
	if [ -z "$line" ]; then fail=$((fail + 1)); continue; fi
	p=$(echo "$line" | sed 's/.*: \([0-9]*\) passed.*/\1/')
	f=$(echo "$line" | sed 's/.* \([0-9]*\) failed$/\1/')
	pass=$((pass + p)) fail=$((fail + f))
done
echo "kernel-insert: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
