#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Bad input, unwritable output, interruption and hung subprocesses: each
# row of the table in docs/reliability.md is a case here. Every failure
# is one line naming the cause and exit 2, leaves no partial output and
# no temporary, and leaves the trees as they were: the small fixture is
# hashed after every case, Debian's 6.1 tree (used read-only) byte for
# byte before and after the suite. Ends with
# "reliability: N passed, N failed".
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
ioguard=$top/build/ioguard
checker=$top/build/ioguard-sparse
tmp=$(mktemp -d)
mounts=
cleanup() {
	for m in $mounts; do umount "$m" 2>/dev/null; done
	chmod -R u+rwX "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
. "$here/lib.sh"

t61=$("$top/src/sh/fetch-kernel.sh" 6.1) &&
	build61=$("$top/src/sh/prepare-kernel.sh" 6.1 x86_64) || {
	echo "reliability: 0 passed, 1 failed"
	exit 1
}
# check runs kbuild in a copy of the prepared build directory
b61=$tmp/b61
cp -a "$build61" "$b61"
fx=$tmp/fixture fxspec=$top/tests/cocci/custom/custom.spec
cp -r "$top/tests/cocci/custom/tree" "$fx"
fx_state=$(tree_state "$fx")
t61_bytes=$(cd "$t61" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
mkdir -p "$tmp/o"
# as_other CMD...: ioguard CMD as an unprivileged user (root reads and
# writes through any permission), from a copy it can read
home=$tmp/home
mkdir -p "$home/build" "$home/src" "$home/spec"
cp "$ioguard" "$home/build/" && cp -r "$top/src/sh" "$home/src/" &&
	cp "$top/spec/arches" "$home/spec/" && cp -r "$top/cocci" "$home/"
chmod 755 "$tmp" && chmod 1777 "$tmp/o"
as_other() {
	if [ "$(id -u)" -eq 0 ]; then
		env HOME="$home" IOGUARD_HOME="$home" setpriv --reuid=65534 --regid=65534 \
			--clear-groups "$home/build/ioguard" "$@"
	else
		"$ioguard" "$@"
	fi
}

# A series for verify's cases, and the proof that gen writes one whole.
if "$ioguard" gen --tree "$t61" --arch arm64 --signoff "tests <t@ioguard.invalid>" --no-verify \
	-o "$tmp/series" > /dev/null 2>&1 && [ "$(ls "$tmp/series" | grep -c '\.patch$')" -ge 3 ] &&
   [ -z "$(ls -a "$tmp" | grep 'ioguard-')" ]; then
	ok "gen -o: a whole series, no temporary beside it"
else
	ko "gen -o did not write a series"
fi

. "$here/inputs.sh"
. "$here/outputs.sh"
. "$here/stops.sh"
. "$here/audit.sh"
. "$here/fuzz.sh"

if [ "$(cd "$t61" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)" = "$t61_bytes" ]; then
	ok "Debian's 6.1 tree is byte for byte what it was"
else
	ko "Debian's 6.1 tree changed"
fi
echo "reliability: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
