#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Microsoft's SARIF validator, npm's @microsoft/sarif-multitool at a
# pinned version, installed once into the cache (later runs need no
# network); prints the path of its native binary. The package's own
# bin.js hands the arguments to a shell, which splits "Sarif;Gh" and
# paths with spaces: run the binary it wraps, resolved through the
# package (it names one per platform), directly.
# usage: sarif-multitool.sh [--check]   (--check: exit 1 if not installed)
set -eu

me=sarif-multitool
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

version=5.7.0
dir=$cache/npm/sarif-multitool-$version

resolve() {
	(cd "$dir" 2>/dev/null && node -p "require('@microsoft/sarif-multitool')" 2>/dev/null)
}

bin=$(resolve) || bin=
if [ -z "$bin" ] || [ ! -f "$bin" ]; then
	[ "${1:-}" != --check ] || exit 1
	command -v npm >/dev/null 2>&1 || die "npm not found (run 'make deps')"
	echo "ioguard: installing @microsoft/sarif-multitool@$version into $dir" >&2
	mkdir -p "$dir"
	npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
		"@microsoft/sarif-multitool@$version" >&2 ||
		die "cannot install @microsoft/sarif-multitool@$version from npm (offline?)"
	bin=$(resolve) || die "@microsoft/sarif-multitool installed, but node cannot resolve it"
fi
# its postinstall (chmod) does not run where npm holds back install scripts
[ -x "$bin" ] || chmod u+x "$bin"
echo "$bin"
