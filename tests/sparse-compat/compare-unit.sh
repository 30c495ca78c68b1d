#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# One unit: run plain sparse and "ioguard-sparse --ioguard-warn-only"
# with the command line kbuild gave its checker, and compare stdout,
# stderr without the [ioguard-...] lines, and exit status. Prints
# "ok   NAME" or "FAIL NAME" and the difference; leaves both outputs in
# TMP/NAME.{sparse,ioguard}.* for the caller's counts.
#
# usage: compare-unit.sh TMP SPARSE CHECKER BUILD_DIR RECORD NAME
set -u
tmp=$1 sparse=$2 checker=$3 dir=$4 rec=$5 name=$6
here=$(cd "$(dirname "$0")" && pwd)
o=$tmp/$(printf '%s' "$name" | tr / %)

sh "$here/run-unit.sh" "$dir" "$rec" "$sparse" >"$o.sparse.out" 2>"$o.sparse.err"
echo "exit $?" >>"$o.sparse.out"
sh "$here/run-unit.sh" "$dir" "$rec" "$checker" --ioguard-warn-only \
	>"$o.ioguard.out" 2>"$o.ioguard.all"
echo "exit $?" >>"$o.ioguard.out"
grep -v '\[ioguard-[a-z-]*\]$' "$o.ioguard.all" >"$o.ioguard.err"

if cmp -s "$o.sparse.out" "$o.ioguard.out" && cmp -s "$o.sparse.err" "$o.ioguard.err"; then
	echo "ok   $name"
else
	echo "FAIL $name"
	cat "$o.sparse.out" "$o.sparse.err" >"$o.a"
	cat "$o.ioguard.out" "$o.ioguard.err" >"$o.b"
	diff -u "$o.a" "$o.b" | sed -n '3,23p'
fi
