#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# verify --run: build a KUnit kernel of a tree with the series applied,
# with the tree's own tools/testing/kunit/kunit.py for the arch, run the
# series' KUnit suite ("mmio-guard") in QEMU, and print one line:
#   "N tests, N passed, N failed (SECONDS s, build cached|built)"
# exit 0 when every test passed, 1 when one failed or none ran, 2 when
# the kernel could not be built or booted (its log is named).
#
# The applied tree and the build directory live in the cache, one pair
# per arch and tree version, at a fixed path so that kbuild's dependency
# files stay valid: a rerun of the same series (the same diffs, whatever
# their dates) rebuilds nothing; another series is applied to a fresh
# hard-linked copy, so only the files it touches, and what depends on
# them, are rebuilt.
#
# usage: kunit-run.sh PRISTINE ARCH SERIES OPTION...
set -u
me=kunit
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -ge 3 ] || die "usage: kunit-run.sh PRISTINE ARCH SERIES OPTION..."
pristine=$1 arch=$2 series=$3
shift 3
. "$here/arch-env.sh"
command -v "qemu-system-$(case $karch in arm64) echo aarch64 ;; riscv) echo riscv64 ;; *) echo "$karch" ;; esac)" \
	>/dev/null 2>&1 || die "QEMU for $karch not found (run 'make deps')"
patches=$(ls "$series"/[0-9][0-9][0-9][0-9]-*.patch | grep -v '/0000-cover-letter.patch$')
version=$(sed -n 's/^\(VERSION\|PATCHLEVEL\|SUBLEVEL\) = //p' "$pristine/Makefile" | paste -sd.)
key=$( { grep -hv '^From [0-9a-f]\{40\} \|^Date: ' $patches; echo "$arch $*"; } |
	sha256sum | cut -c1-16)
dir=$cache/kunit/$arch-$version
mkdir -p "$dir" || die "cannot create $dir"

start=$(date +%s)
# The applied tree, once per series: a hard-linked copy whose touched
# files are copied (base-commit.sh), then git am.
if [ "$(cat "$dir/applied" 2>/dev/null)" != "$key" ]; then
	rm -rf "$dir/tree.old" "$dir/applied"
	[ ! -d "$dir/tree" ] || mv "$dir/tree" "$dir/tree.old"
	touched=$(sed -n 's|^diff --git a/\([^ ]*\) b/.*|\1|p' $patches | sort -u)
	cp -al "$pristine" "$dir/tree" || die "cannot copy $pristine"
	{ "$here/base-commit.sh" "$pristine" "$dir/tree" $touched >/dev/null &&
	  (cd "$dir/tree" && scratch_git am -q $patches); } >"$dir/apply.log" 2>&1 ||
		{ echo "git am failed (see $dir/apply.log)"; exit 2; }
	# a touched file the last series left the same keeps its time, so
	# that kbuild rebuilds only what changed (<linux/io.h> is in every
	# series)
	for f in $touched; do
		cmp -s "$dir/tree.old/$f" "$dir/tree/$f" 2>/dev/null &&
			touch -r "$dir/tree.old/$f" "$dir/tree/$f"
	done
	rm -rf "$dir/tree.old"
	echo "$key" >"$dir/applied"
fi
cached=built
[ -f "$dir/build/.config" ] && cached="build cached"

# rewritten only when it changes: kunit.py reconfigures on a newer one
{
	echo CONFIG_KUNIT=y
	for o; do echo "CONFIG_$o=y"; done
} >"$dir/kunitconfig.new"
if cmp -s "$dir/kunitconfig.new" "$dir/kunitconfig"; then
	rm -f "$dir/kunitconfig.new"
else
	mv "$dir/kunitconfig.new" "$dir/kunitconfig"
fi
(cd "$dir/tree" && python3 tools/testing/kunit/kunit.py run --arch="$karch" \
	${cross:+--cross_compile="$cross"} --build_dir="$dir/build" \
	--kunitconfig="$dir/kunitconfig" --jobs="${IOGUARD_JOBS:-$(nproc)}" \
	--timeout=600 'mmio-guard') >"$dir/kunit.log" 2>&1
rc=$?
secs=$(($(date +%s) - start))
# kunit.py's summary: "Testing complete. Ran N tests: passed: P[, failed: F]..."
summary=$(sed -n 's/.*Testing complete\. Ran \([0-9]*\) tests*: *\(.*\)/\1 \2/p' "$dir/kunit.log" | tail -n 1)
if [ -z "$summary" ]; then
	echo "no KUnit results: the kernel did not build or boot (see $dir/kunit.log)"
	exit 2
fi
ran=${summary%% *}
passed=$(echo "$summary" | sed -n 's/.*passed: \([0-9]*\).*/\1/p')
failed=$(echo "$summary" | sed -n 's/.*failed: \([0-9]*\).*/\1/p')
echo "$ran tests, ${passed:-0} passed, ${failed:-0} failed ($secs s, $cached; log $dir/kunit.log)"
[ "$rc" -eq 0 ] && [ "${failed:-0}" -eq 0 ] && [ "$ran" -gt 0 ] || exit 1
