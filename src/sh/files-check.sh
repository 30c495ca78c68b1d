#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ioguard check FILE...: a checker (ioguard-sparse or ioguard-clang) on
# files, without kbuild. The findings are printed sorted and once each on
# stdout, as the kbuild mode prints them (kbuild-check.sh); everything
# else the checker prints (sparse's warnings, clang's errors) goes to
# stderr as it came.
#
# usage: files-check.sh CHECKER ARG...
# Exit: the checker's: 0 no finding, 1 findings, 2 usage or input error.
set -u
checker=$1
shift
out=$(mktemp) || exit 2
trap 'rm -f "$out"' EXIT
"$checker" "$@" 2>"$out"
rc=$?
grep -v '\[ioguard-[a-z-]*\]$' "$out" >&2
grep '\[ioguard-[a-z-]*\]$' "$out" | sort -u
[ "$rc" -le 2 ] || rc=2
exit "$rc"
