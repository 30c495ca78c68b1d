#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Fetch Debian's sparse source package through the private apt
# configuration, apply Debian's patches and build libsparse.a, plain
# sparse (its sparse.o is linked into ioguard-sparse, the binary is the
# reference for tests and benchmarks) and the programs sparse's own
# validation suite runs, in the cache. Prints the source directory.
#
# usage: fetch-sparse.sh
set -eu

me=fetch-sparse
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
dir=$cache/sparse
# validation/test-suite runs these besides sparse (the rest it skips).
programs="sparse test-linearize test-parsing test-show-type"

if [ -f "$dir/.ioguard-built" ] && [ -f "$dir/libsparse.a" ]; then
	# caches built before the validation suite was run lack its programs
	missing=
	for p in $programs; do
		[ -x "$dir/$p" ] || missing="$missing $p"
	done
	[ -z "$missing" ] || bounded KBUILD "building$missing" make -C "$dir" -s $missing >&2 ||
		or_die $? "building$missing failed"
	echo "$dir"
	exit 0
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/.sparse.XXXXXX")
trap 'rm -rf "$work"' EXIT

ls "$cache/apt/lists"/*Sources* >/dev/null 2>&1 ||
	bounded APT "apt-get update" "$here/private-apt.sh" -qq update >&2 ||
	or_die $? "apt update failed"
(cd "$work" && bounded APT "apt-get source sparse" \
	"$here/private-apt.sh" -q source --download-only sparse) >&2 ||
	or_die $? "cannot download Debian's sparse source package"

orig=$(ls "$work"/sparse_*.orig.tar.* | head -n 1)
debian=$(ls "$work"/sparse_*.debian.tar.* | head -n 1)
mkdir "$work/src"
tar -x -C "$work/src" --strip-components=1 -f "$orig" || die "cannot unpack $orig"
tar -x -C "$work/src" -f "$debian" || die "cannot unpack $debian"
if [ -f "$work/src/debian/patches/series" ]; then
	grep -v '^#' "$work/src/debian/patches/series" | while read -r p _; do
		[ -n "$p" ] || continue
		patch -d "$work/src" -p1 -s < "$work/src/debian/patches/$p" ||
			die "Debian patch $p does not apply"
	done
fi

echo "ioguard: building libsparse.a" >&2
bounded KBUILD "building libsparse" make -C "$work/src" -s -j"$(nproc)" libsparse.a $programs >&2 ||
	or_die $? "building libsparse failed"
rm -rf "$dir"
mv "$work/src" "$dir"
touch "$dir/.ioguard-built"
echo "$dir"
