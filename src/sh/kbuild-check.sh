#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ioguard check: ioguard-sparse through kbuild (C=2 CHECK=) over PATHs of
# a kernel tree, out of tree in BUILD (defconfig + prepare first when it
# has no .config). Prints the findings sorted, once each, with paths
# relative to the tree, and a count on stderr. `make run`,
# ci/ioguard-gate.sh, verify.sh and tests/kernel all check through here.
#
# usage: kbuild-check.sh TREE ARCH BUILD CHECKER LOG|- [PATH...]
#   PATH  directories (mm/) and objects (mm/vmalloc.o); default: what maps
#         MMIO, mm/ drivers/pci/ arch/SRCARCH/mm/ and earlycon
#   LOG   kbuild's whole output ("-": a temporary file, removed)
# CROSS_COMPILE from the environment wins over the arch's Debian prefix.
# Exit: 0 no finding, 1 findings, 2 kbuild failed or a unit not checked
# (a timeout or a crash of the checker: listed, the others still are).
set -u
me=check
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -ge 5 ] || die "usage: kbuild-check.sh TREE ARCH BUILD CHECKER LOG|- [PATH...]"
checker=$4 log=$5
kbuild_target "$1" "$2" "$3"
shift 5
[ $# -gt 0 ] || set -- mm/ drivers/pci/ "arch/$srcarch/mm/" drivers/tty/serial/earlycon.o

# The log appears whole or not at all (a temporary beside it, renamed);
# without --log it is a temporary, kept only when kbuild fails.
if [ "$log" = - ]; then
	logtmp=$(mktemp "${TMPDIR:-/tmp}/ioguard-check.XXXXXX") || die "cannot create a temporary file in ${TMPDIR:-/tmp}"
	keep=
else
	[ ! -d "$log" ] || die "cannot write $log: Is a directory"
	logtmp=$(mktemp "$(dirname "$log")/.$(basename "$log").ioguard-XXXXXX" 2>&1) ||
		die "cannot write $log: ${logtmp##*: }"
	keep=$log
	# mktemp made it 0600; a log is as readable as any new file
	chmod "$(printf '%o' $((0666 & ~0$(umask))))" "$logtmp"
fi
trap 'rm -f "$logtmp"' EXIT
if [ ! -f "$out/.config" ]; then
	echo "ioguard: check: preparing $out (defconfig, prepare)" >&2
	rc=0
	kprepare || rc=$?
	[ $rc -eq 0 ] || or_die $rc "make defconfig prepare failed in $out"
fi

step_limit UNIT
echo "ioguard: check: $* for $arch (kbuild C=2)" >&2
# --ioguard-warn-only: kbuild stops at the first checker that exits
# non-zero; findings are read from the log instead. check-unit.sh bounds
# each unit and lists the ones not checked.
rc=0
kstep="kbuild C=2 $*" kmake C=2 CHECK="sh $here/check-unit.sh $limit $checker --ioguard-warn-only" \
	"$@" >"$logtmp" 2>&1 || rc=$?
if [ -n "$keep" ]; then
	mv -f "$logtmp" "$keep" || die "cannot write $keep"
	trap - EXIT
	logtmp=$keep
fi
[ $rc -ne 124 ] || exit 2
if [ $rc -ne 0 ]; then
	# the first failing target and the first error: one line
	target=$(sed -n 's/^make\[[0-9]*\]: \*\*\* \[[^]]*: \([^]]*\)\] Error [0-9]*$/\1/p' "$logtmp" | head -n 1)
	error=$(grep -m 1 -E 'error:|Error [0-9]|not found|No rule' "$logtmp")
	[ -n "$keep" ] || trap - EXIT	# the log is all there is to read
	die "kbuild failed${target:+ on $target} for $arch: ${error:-see the log} (log: $logtmp)"
fi
findings=$(grep '\[ioguard-' "$logtmp" | sed "s|^$tree/||" | sort -u)
n=$(printf '%s' "$findings" | grep -c .)
# units the checker crashed on (its own line, crash.c, comes first in
# the log, check-unit.sh's after: a unit's first line is kept), or that
# check-unit.sh could not finish
unchecked=$(grep -E '^ioguard(: check|-sparse): not checked: ' "$logtmp" |
	sed -e 's/^ioguard-sparse:/ioguard: check:/' -e "s|: $tree/|: |" |
	awk -F': ' '!seen[$4]++' | sort)
nu=$(printf '%s' "$unchecked" | grep -c .)
echo "ioguard: check: $(($(grep -c '^  CHECK ' "$logtmp") - nu)) files checked, $n findings${unchecked:+, $nu not checked}" >&2
[ -z "$unchecked" ] || printf '%s\n' "$unchecked" >&2
[ "$n" -eq 0 ] || printf '%s\n' "$findings" || die "cannot write standard output"
[ -z "$unchecked" ] || exit 2
[ "$n" -eq 0 ] && exit 0
exit 1
