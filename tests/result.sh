# SPDX-License-Identifier: GPL-2.0
# Sourced by the drivers that run other test programs and add up their
# results. add_result NAME_RE OUTPUT: the last "NAME: N passed, N failed"
# line of OUTPUT (NAME matching the extended regex NAME_RE) sets p and f
# to its counts and adds them to pass and fail; without such a line it
# adds nothing and returns 1.
add_result() {
	line=$(printf '%s\n' "$2" | grep -E "^$1: [0-9]+ passed, [0-9]+ failed\$" | tail -n 1)
	[ -n "$line" ] || return 1
	p=$(echo "$line" | sed 's/.*: \([0-9]*\) passed.*/\1/')
	f=$(echo "$line" | sed 's/.* \([0-9]*\) failed$/\1/')
	pass=$((pass + p)) fail=$((fail + f))
}
