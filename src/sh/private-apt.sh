#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run apt-get against a private configuration under $IOGUARD_CACHE/apt:
# its own sources list (the system's Debian mirrors, with deb-src lines and
# the extra suites ioguard needs), its own lists and archives directories.
# The system's apt configuration and state are never touched.
#
# usage: private-apt.sh APT-GET-ARGS...
set -eu

me=private-apt
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$cache/apt
mkdir -p "$root/lists/partial" "$root/archives/partial" "$root/etc"

# Mirrors the system uses for Debian (one-line and deb822 formats alike).
mirrors() {
	{
		cat /etc/apt/sources.list 2>/dev/null | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }'
		cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i }'
		cat /etc/apt/sources.list.d/*.list 2>/dev/null | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }'
	} | grep -E '/debian/?$' | sed 's,/*$,,' | sort -u
}

list=$root/etc/sources.list
if [ ! -s "$list" ]; then
	m=$(mirrors | head -n 1)
	[ -n "$m" ] || m=http://deb.debian.org/debian
	# bookworm carries sparse 0.6.4 and linux-source-6.1; trixie carries
	# linux-source-6.12. Only sources and downloads are taken from here.
	cat > "$list.tmp" <<EOL
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $m bookworm main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $m bookworm main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $m trixie main
EOL
	mv "$list.tmp" "$list"
fi

: > "$root/status"
set -- -o Dir::Etc::SourceList="$list" \
	-o Dir::Etc::SourceParts=/nonexistent \
	-o Dir::State::Lists="$root/lists" \
	-o Dir::State::status="$root/status" \
	-o Dir::Cache="$root" \
	-o Dir::Cache::archives="$root/archives" \
	-o APT::Get::List-Cleanup=0 \
	-o Debug::NoLocking=1 \
	-o APT::Sandbox::User=root \
	"$@"
exec apt-get "$@"
