#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prepare (once, cached) an out-of-tree kbuild directory for a fetched
# Debian kernel and an arch: defconfig plus `make prepare`, so that the
# checker can run through kbuild (C=1/C=2) with the tree's own flags.
# Prints the build directory.
#
# usage: prepare-kernel.sh 6.1|6.12 arm64|x86_64|riscv
set -eu

die() { echo "ioguard: prepare-kernel: $*" >&2; exit 2; }

[ $# -eq 2 ] || die "usage: prepare-kernel 6.1|6.12 arm64|x86_64|riscv"
ver=$1 arch=$2
here=$(cd "$(dirname "$0")" && pwd)
: "${IOGUARD:=$here/../../build/ioguard}"	# run by hand or by a test
. "$here/arch-env.sh"
cache=${IOGUARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ioguard}

tree=$("$here/fetch-kernel.sh" "$ver")
out=$cache/build/$ver-$arch
if [ -f "$out/.ioguard-prepared" ]; then
	echo "$out"
	exit 0
fi

command -v "${cross}gcc" >/dev/null 2>&1 ||
	die "${cross}gcc not found (run 'make deps')"
rm -rf "$out"
mkdir -p "$out"
echo "ioguard: preparing $ver for $arch in $out" >&2
make -s -C "$tree" O="$out" ARCH="$karch" CROSS_COMPILE="$cross" \
	-j"$(nproc)" defconfig prepare >&2 </dev/null ||
	die "make defconfig prepare failed for $ver/$arch"
touch "$out/.ioguard-prepared"
echo "$out"
