#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kbuild's CHECK= for `ioguard check` (kbuild-check.sh): one unit through
# the checker within a time limit. A unit the checker does not finish
# (a timeout, a crash, sparse dying) is listed as not checked, in one
# line the caller finds in kbuild's log, and the build goes on: one bad
# unit neither stops the others nor makes kbuild delete its object.
#
# usage: check-unit.sh LIMIT CHECKER [ARGS...]   (kbuild appends its
# flags and the unit's source file last)
set -u
limit=$1
shift
# --foreground: stay in make's process group, which is what a stopped
# `ioguard check` signals; the checker starts nothing of its own.
timeout --foreground -k 10 "$limit" "$@"
rc=$?
[ $rc -eq 0 ] && exit 0
for unit; do :; done
case $rc in
124 | 137) why="the checker timed out after $limit s (IOGUARD_TIMEOUT_UNIT)" ;;
12[89] | 1[3-9][0-9]) why="the checker died of signal $((rc - 128))" ;;
*) why="the checker exited $rc" ;;
esac
echo "ioguard: check: not checked: $unit: $why" >&2
exit 0
