#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Replay one command line kbuild gave its checker (saved by record.sh)
# with another checker, in the build directory, as kbuild runs it.
#
# usage: run-unit.sh BUILD_DIR RECORD CHECKER [OPTION...]
set -u
dir=$1 rec=$2
shift 2
while IFS= read -r a; do
	set -- "$@" "$a"
done < "$rec"
cd "$dir" || exit 2
exec "$@"
