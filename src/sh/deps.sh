#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages ioguard needs, if any is missing, then the
# one npm tool the tests use (Microsoft's SARIF validator, cached by
# sarif-multitool.sh; a rerun needs no network).
# usage: deps.sh [--check]   (--check: only say what is missing; exit 1 if any)
set -eu
here=$(cd "$(dirname "$0")" && pwd)

# graphviz draws the HTML report's call graphs, chromium (with a font)
# renders the page in tests, python3-yaml reads ci/'s jobs in tests;
# npm only where no npm is installed already
pkgs="gcc make git perl patch python3 flex bison bc libelf-dev libssl-dev
coccinelle libclang-14-dev gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu
xz-utils ca-certificates hyperfine valgrind clang-14 libclang-rt-14-dev
libsqlite3-dev sqlite3 graphviz chromium fonts-dejavu-core python3-yaml
qemu-system-arm qemu-system-misc qemu-system-x86"
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
if [ "${1:-}" = --check ]; then
	rc=0
	[ -z "$missing" ] || { echo "ioguard: missing Debian packages:$missing" >&2; rc=1; }
	"$here/sarif-multitool.sh" --check >/dev/null || {
		echo "ioguard: missing npm tool: @microsoft/sarif-multitool" >&2; rc=1; }
	exit $rc
fi
if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		as_root=
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		as_root=sudo
	else
		echo "ioguard: needs these Debian packages:$missing" >&2
		echo "ioguard: run as root: apt-get install$missing" >&2
		exit 2
	fi
	echo "ioguard: installing$missing" >&2
	$as_root apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq \
		--no-install-recommends $missing >&2
fi
"$here/sarif-multitool.sh" >/dev/null
