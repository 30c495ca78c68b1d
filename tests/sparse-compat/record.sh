#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A CHECK= for kbuild that checks nothing: it writes the command line
# kbuild gave the checker, one argument a line, to
# $IOGUARD_RECORD/<source path with / as %>, to be replayed by
# run-unit.sh with the build directory as working directory.
set -eu
for last; do :; done
printf '%s\n' "$@" > "$IOGUARD_RECORD/$(printf '%s' "$last" | tr / %)"
