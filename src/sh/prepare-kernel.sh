#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prepare (once, cached) an out-of-tree kbuild directory for a fetched
# Debian kernel and an arch: defconfig plus `make prepare`, so that the
# checker can run through kbuild (C=1/C=2) with the tree's own flags.
# Prints the build directory.
#
# usage: prepare-kernel.sh VERSION ARCH
set -eu

me=prepare-kernel
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

[ $# -eq 2 ] || die "usage: prepare-kernel VERSION ARCH (VERSION: a Debian linux-source series, 6.1 or 6.12)"
ver=$1 arch=$2
. "$here/arch-env.sh"

tree=$("$here/fetch-kernel.sh" "$ver")
out=$cache/build/$ver-$arch
# one preparation at a time (runs sharing the cache): a second waits, then
# finds the directory prepared
mkdir -p "$cache/build" && exec 7<"$cache/build" && flock 7 ||
	die "cannot lock $cache/build"
if [ -f "$out/.ioguard-prepared" ]; then
	echo "$out"
	exit 0
fi

need_cc
rm -rf "$out"
echo "ioguard: preparing $ver for $arch in $out" >&2
kprepare || or_die $? "make defconfig prepare failed for $ver/$arch"
touch "$out/.ioguard-prepared"
echo "$out"
