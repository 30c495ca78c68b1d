#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Record, once, the command line kbuild gives its checker for each unit
# of LIST (source paths, one a line, # comments) in a Debian kernel
# prepared for ARCH: kbuild runs C=2 with record.sh as CHECK on those
# objects (compiling those not built yet). Records live in the build
# directory and are redone when its .config changes. Prints the build
# directory and the record directory.
#
# usage: record-units.sh VERSION ARCH LIST
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
sh=$top/src/sh
[ $# -eq 3 ] || { echo "usage: record-units.sh VERSION ARCH LIST" >&2; exit 2; }
ver=$1 arch=$2 list=$3
IOGUARD=${IOGUARD:-$top/build/ioguard}
export IOGUARD
. "$sh/arch-env.sh"
tree=$("$sh/fetch-kernel.sh" "$ver")
out=$("$sh/prepare-kernel.sh" "$ver" "$arch")
rec=$out/ioguard-check-records
mkdir -p "$rec"
[ "$out/.config" -nt "$rec/.stamp" ] && rm -f "$rec"/* && touch "$rec/.stamp"

objs=
for u in $(grep -v '^#' "$list"); do
	[ -f "$rec/$(printf '%s' "$tree/$u" | tr / %)" ] || objs="$objs ${u%.c}.o"
done
if [ -n "$objs" ]; then
	echo "ioguard: recording kbuild's checker command for $(echo $objs | wc -w) units of $ver/$arch" >&2
	# -k: a unit that does not build is reported by the caller, unrecorded
	IOGUARD_RECORD=$rec flock "$out" make -s -k -C "$tree" O="$out" ARCH="$karch" \
		CROSS_COMPILE="$cross" -j"$(nproc)" C=2 CHECK="$here/record.sh" \
		$objs </dev/null >"$out/ioguard-record.log" 2>&1 ||
		echo "ioguard: some units did not build (see $out/ioguard-record.log)" >&2
fi
echo "$out $rec $tree"
