#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The translation units a config compiles, with kbuild's exact checker
# arguments, found without compiling anything: kbuild's own dry run
# (make -n) with C=2 prints the checker command of every object of
# vmlinux and the modules, and this keeps the part after the checker's
# name. BUILD is prepared first when it has no .config (CONFIG:
# defconfig, allmodconfig or a config file).
#
# usage: audit-units.sh TREE ARCH BUILD CONFIG OUT
# OUT gets one line per unit: "SOURCE<TAB>ARGS" (ARGS shell-quoted as
# kbuild wrote them, relative to BUILD), after a first line naming the
# format. OUT is kept as a cache until .config or a Makefile/Kbuild of
# the tree is newer than it, or its format line is not this one.
set -u
me=audit
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -eq 5 ] || die "usage: audit-units.sh TREE ARCH BUILD CONFIG OUT"
config=$4 list=$5
kbuild_target "$1" "$2" "$3"

if [ ! -f "$out/.config" ]; then
	echo "ioguard: audit: preparing $out ($config, prepare)" >&2
	case $config in
	defconfig|allmodconfig|allyesconfig|tinyconfig)
		kmake -s "$config" prepare >&2 ;;
	*)
		cp "$config" "$out/.config" && kmake -s olddefconfig prepare >&2 ;;
	esac || die "make $config prepare failed in $out"
fi

# The cached list stands while no input of kbuild's object lists moved.
format="# ioguard audit units 2 (make -n -j1)"
if [ -s "$list" ] && [ ! "$out/.config" -nt "$list" ] &&
   [ "$(head -n 1 "$list")" = "$format" ] &&
   [ -z "$(find "$tree" \( -name Makefile -o -name Kbuild -o -name 'Makefile.*' \) \
	-newer "$list" -print -quit 2>/dev/null)" ]; then
	exit 0
fi

echo "ioguard: audit: listing the units of $out (make -n)" >&2
tmp=$list.tmp.$$
trap 'rm -f "$tmp"' EXIT INT TERM
# -k: without built objects the final link steps fail; the per-object
# commands before them are all printed. One job: parallel sub-makes
# interleave what they print mid-line (-Oline does not help under -n).
{
	echo "$format"
	IOGUARD_JOBS=1 kmake -n -k C=2 CHECK=@IOGUARD_CHECK@ all 2>/dev/null |
		sed -n 's/^.*@IOGUARD_CHECK@ \(.*\) \([^ ]*\)$/\2\t\1/p' |
		sort -u -k1,1
} >"$tmp"
[ "$(wc -l < "$tmp")" -gt 1 ] || die "kbuild listed no unit for $arch in $out"
mv "$tmp" "$list"
