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
# Each kbuild step is bounded (lib.sh's kmake: IOGUARD_TIMEOUT_KBUILD);
# one that times out or fails is named in one line, exit 2, and OUT is
# left as it was (the new list is written beside it and renamed).
set -u
me=audit
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -eq 5 ] || die "usage: audit-units.sh TREE ARCH BUILD CONFIG OUT"
config=$4 list=$5
kbuild_target "$1" "$2" "$3"

if [ ! -f "$out/.config" ]; then
	echo "ioguard: audit: preparing $out ($config, prepare)" >&2
	rc=0
	case $config in
	defconfig|allmodconfig|allyesconfig|tinyconfig)
		kstep="make $config prepare in $out" kmake -s "$config" prepare >&2 || rc=$? ;;
	*)
		# a half-prepared directory must not look prepared next time
		cp "$config" "$out/.config" &&
			kstep="make olddefconfig prepare in $out" kmake -s olddefconfig prepare >&2 ||
			{ rc=$?; rm -f "$out/.config"; } ;;
	esac
	[ $rc -eq 0 ] || or_die $rc "make $config prepare failed in $out"
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
# (lib.sh's traps make SIGINT, SIGTERM and SIGHUP an exit: this runs then)
trap 'rm -f "$tmp" "$tmp.n"' EXIT
# -k: without built objects the final link steps fail; the per-object
# commands before them are all printed (so make's own status says
# nothing; a time limit's 124 does). One job: parallel sub-makes
# interleave what they print mid-line (-Oline does not help under -n).
# Not in a pipe: a dry run cut short by its limit must not be a list.
rc=0
IOGUARD_JOBS=1 kstep="the dry run (make -n C=2 all)" \
	kmake -n -k C=2 CHECK=@IOGUARD_CHECK@ all >"$tmp.n" 2>/dev/null || rc=$?
[ $rc -ne 124 ] || exit 2
{
	echo "$format"
	sed -n 's/^.*@IOGUARD_CHECK@ \(.*\) \([^ ]*\)$/\2\t\1/p' "$tmp.n" | sort -u -k1,1
} >"$tmp" || die "cannot write $tmp"
[ "$(wc -l < "$tmp")" -gt 1 ] || die "kbuild listed no unit for $arch in $out (make -n exited $rc)"
mv "$tmp" "$list" || die "cannot write $list"
