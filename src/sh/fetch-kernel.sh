#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Download Debian's linux-source-VERSION package through the private apt
# configuration, unpack it once into the cache and print the tree's path.
#
# usage: fetch-kernel.sh 6.1|6.12
set -eu

me=fetch-kernel
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

[ $# -eq 1 ] || die "usage: fetch-kernel VERSION (a Debian linux-source series, 6.1 or 6.12)"
ver=$1
case $ver in
[0-9]*.[0-9]*) ;;
*) die "'$ver' is not a kernel series such as 6.1 or 6.12" ;;
esac

tree=$cache/kernels/linux-source-$ver

if [ -f "$tree/.ioguard-unpacked" ]; then
	echo "$tree"
	exit 0
fi

mkdir -p "$cache/kernels" "$cache/debs"
work=$(mktemp -d "$cache/kernels/.fetch-$ver.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! ls "$cache/debs"/linux-source-"$ver"_*_all.deb >/dev/null 2>&1; then
	[ -d "$cache/apt/lists" ] && ls "$cache/apt/lists"/*Packages* >/dev/null 2>&1 ||
		bounded APT "apt-get update" "$here/private-apt.sh" -qq update >&2 ||
		or_die $? "apt update failed"
	(cd "$work" && bounded APT "apt-get download linux-source-$ver" \
		"$here/private-apt.sh" -q download "linux-source-$ver") >&2 ||
		or_die $? "cannot download linux-source-$ver from Debian"
	mv "$work"/linux-source-"$ver"_*_all.deb "$cache/debs/"
fi
deb=$(ls "$cache/debs"/linux-source-"$ver"_*_all.deb | tail -n 1)

echo "ioguard: unpacking $(basename "$deb")" >&2
bounded OTHER "unpacking $(basename "$deb")" \
	sh -c 'dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2" ./usr/src/' sh "$deb" "$work" ||
	or_die $? "cannot unpack $deb"
tarball=$(ls "$work"/usr/src/linux-source-"$ver".tar.*)
bounded OTHER "unpacking $(basename "$tarball")" tar -x -C "$work" -f "$tarball" ||
	or_die $? "cannot unpack $tarball"
rm -rf "$tree"
mv "$work/linux-source-$ver" "$tree"
basename "$deb" > "$tree/.ioguard-unpacked"
echo "$tree"
