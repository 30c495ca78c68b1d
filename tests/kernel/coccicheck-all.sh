#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kernel/coccicheck.sh for each VERSION:ARCH of IOGUARD_COCCICHECK_TARGETS
# (make check: 6.12:arm64; make check-full: 6.1 and 6.12, arm64 and
# x86_64, with context and org modes too).
# Ends with "kernel-coccicheck: N passed, N failed".
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../result.sh"
pass=0 fail=0
for t in ${IOGUARD_COCCICHECK_TARGETS:-6.12:arm64}; do
	out=$(sh "$here/coccicheck.sh" "${t%%:*}" "${t#*:}" 2>&1)
	printf '%s\n' "$out"
	add_result 'coccicheck-[^ ]*' "$out" || fail=$((fail + 1))
done
echo "kernel-coccicheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
