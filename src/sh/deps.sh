#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages ioguard needs, if any is missing.
# usage: deps.sh [--check]   (--check: only say what is missing; exit 1 if any)
set -eu

pkgs="gcc make git perl patch python3 flex bison bc libelf-dev libssl-dev
coccinelle libclang-14-dev gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu
xz-utils ca-certificates hyperfine valgrind clang-14 libclang-rt-14-dev"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -n "$missing" ] || exit 0
if [ "${1:-}" = --check ]; then
	echo "ioguard: missing Debian packages:$missing" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		as_root=sudo
	else
		echo "ioguard: needs these Debian packages:$missing" >&2
		echo "ioguard: run as root: apt-get install$missing" >&2
		exit 2
	fi
else
	as_root=
fi
echo "ioguard: installing$missing" >&2
$as_root apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq \
	--no-install-recommends $missing >&2
