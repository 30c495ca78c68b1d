#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The Coccinelle scripts, rendered for the built-in spec (build/cocci/,
# written by make), on small kernel-style inputs: for each NAME.c,
# patch mode (map_hook.cocci then unmap_hook.cocci; hook_decls.cocci,
# which needs a tree's io.h and vmalloc.c, is tested on the real trees by
# kernel/insert) must produce NAME.expected.c; a second run on that output
# must change nothing; and report mode on NAME.c must print one
# [ioguard-...] line per function the expected output changes.
# Ends with "cocci: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cocci=$top/build/cocci
pass=0 fail=0
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok   $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; fail=$((fail + 1)); }

spatch_all() {	# MODE FILE: run the scripts on FILE (in place in patch mode)
	for s in map_hook unmap_hook; do
		spatch --python /usr/bin/python3 --sp-file "$cocci/$s.cocci" -D "$1" \
			--no-includes --very-quiet $( [ "$1" = patch ] && echo --in-place ) "$2" 2>&1
	done
}

for input in "$here"/*.c; do
	case $input in *.expected.c) continue ;; esac
	name=$(basename "$input" .c)
	cp "$input" "$tmp/$name.c"
	spatch_all patch "$tmp/$name.c" >"$tmp/log"
	if diff -u "$here/$name.expected.c" "$tmp/$name.c" >"$tmp/diff"; then
		ok "$name: patch mode gives the expected code"
	else
		ko "$name: patch mode differs from $name.expected.c"; sed 's/^/	/' "$tmp/diff" | head -n 30
	fi
	cp "$tmp/$name.c" "$tmp/$name.again.c"
	spatch_all patch "$tmp/$name.again.c" >/dev/null
	cmp -s "$tmp/$name.c" "$tmp/$name.again.c" && ok "$name: a second run changes nothing" ||
		ko "$name: a second run changed the output"
	# One finding per function the patch changes (hook-decl lines aside).
	want=$(diff "$input" "$here/$name.expected.c" | grep -c '^>.*_hook(')
	got=$(spatch_all report "$input" | grep -v 'ioguard-hook-decl' | grep -c '\[ioguard-')
	[ "$got" -eq "$want" ] && ok "$name: report mode names the $want unhooked places" ||
		ko "$name: report mode gave $got findings, want $want"
done
echo "cocci: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
