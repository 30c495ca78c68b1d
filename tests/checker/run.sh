#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run the ioguard-sparse fixtures. Each fixture carries, in a comment
# block in sparse's validation/ style:
#
#	check-name: what it shows
#	check-command: ioguard-sparse [options] $file	(optional)
#	check-exit-value: N				(optional)
#	check-error-start
#	expected output lines (stderr), in any order
#	check-error-end
#
# The default command is "ioguard-sparse -Wno-decl $file"; the default
# exit value is 1 when an ioguard finding is expected, else 0.
# Prints one line per fixture and a closing "N passed, N failed".
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# IOGUARD_SPARSE: another build of the checker (tests/sanitize: the ASan one)
checker=${IOGUARD_SPARSE:-$top/build/ioguard-sparse}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# sparse's frontend builds with sparse's include path: no file of checkers/fe-sparse/ may
# share a name with one of sparse's (it had flow.c, ir.c and ir.h).
sparse_dir=${IOGUARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ioguard}/sparse
if [ -z "${1:-}" ] && [ -d "$sparse_dir" ]; then
	clash=$(cd "$top/checkers/fe-sparse" && for f in *; do
		[ -e "$sparse_dir/$f" ] && printf ' %s' "$f"; done)
	if [ -n "$clash" ]; then
		echo "FAIL checkers/fe-sparse/: sparse has files of the same name:$clash"
		fail=$((fail + 1))
	else
		echo "ok   checkers/fe-sparse/: no file name that sparse has too"
		pass=$((pass + 1))
	fi
fi

cd "$here"
for f in ${1:-*.c}; do
	name=$(sed -n 's/^ \* check-name: //p' "$f")
	cmd=$(sed -n 's/^ \* check-command: //p' "$f")
	want_exit=$(sed -n 's/^ \* check-exit-value: //p' "$f")
	sed -n '/check-error-start/,/check-error-end/p' "$f" |
		sed '1d;$d' | sort > "$tmp/want"
	[ -n "$cmd" ] || cmd='ioguard-sparse -Wno-decl $file'
	if [ -z "$want_exit" ]; then
		if grep -q '\[ioguard-' "$tmp/want"; then want_exit=1; else want_exit=0; fi
	fi
	cmd=$(printf '%s' "$cmd" | sed -e "s|ioguard-sparse|$checker -Iinclude|" \
		-e "s|\\\$file|$f|g" -e "s|\\\$dir|$here|g")
	sh -c "$cmd" > "$tmp/out" 2>&1
	got_exit=$?
	sort "$tmp/out" > "$tmp/got"
	if [ -z "$name" ]; then
		echo "FAIL $f: no check-name"
		fail=$((fail + 1))
	elif [ "$got_exit" != "$want_exit" ] || ! cmp -s "$tmp/want" "$tmp/got"; then
		echo "FAIL $f: $name (exit $got_exit, expected $want_exit)"
		diff -u "$tmp/want" "$tmp/got" | sed -n '3,$p'
		fail=$((fail + 1))
	else
		echo "ok   $f: $name"
		pass=$((pass + 1))
	fi
done
echo "checker: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
