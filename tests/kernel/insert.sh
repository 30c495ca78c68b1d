#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `ioguard insert` on a real Debian tree, for one version and arch:
#  - the pristine tree is left untouched, the patch is non-empty, applies
#    (git apply --check, patch -p1) and is checkpatch --strict clean;
#  - on a patched copy the touched objects that the arch builds compile
#    (x86_64 defconfig has CONFIG_WERROR=y) and ioguard-sparse, run by
#    kbuild on them (C=1), reports nothing: no unhooked-map, unhooked-unmap,
#    hook-on-failure, hook-args or bypass;
#  - a second insert on the patched copy changes nothing;
#  - report mode on the pristine tree names the functions ioguard-sparse
#    names in the same directories (from kernel/checker-facts' kbuild log).
# usage: insert.sh VERSION ARCH. Ends with "insert-VER-ARCH: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
ver=$1 arch=$2
export IOGUARD="${IOGUARD:-$top/build/ioguard}"
. "$top/src/sh/arch-env.sh"
ioguard=$top/build/ioguard checker=$top/build/ioguard-sparse
name=insert-$ver-$arch pass=0 fail=0
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok   $name: $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $name: $1"; fail=$((fail + 1)); }
finish() { echo "$name: $pass passed, $fail failed"; exit $([ $fail -eq 0 ]); }

tree=$("$top/src/sh/fetch-kernel.sh" "$ver") || { ko "fetch"; finish; }
bdir=$("$top/src/sh/prepare-kernel.sh" "$ver" "$arch") || { ko "prepare"; finish; }

(cd "$tree" && find mm drivers/pci include/linux/io.h "arch/$srcarch/mm" -type f -newer Makefile | sort) > "$tmp/newer.before"
sums() { (cd "$tree" && md5sum mm/vmalloc.c mm/ioremap.c drivers/pci/pci.c include/linux/io.h drivers/tty/serial/earlycon.c "arch/$srcarch/mm/ioremap.c"); }
sums > "$tmp/sums.before"
if "$ioguard" insert --tree "$tree" --arch "$arch" -o "$tmp/insert.diff" 2>"$tmp/insert.err"; then
	ok "insert exits 0"
else
	ko "insert failed: $(tail -n 3 "$tmp/insert.err")"; finish
fi
sums | cmp -s - "$tmp/sums.before" && ok "the pristine tree is untouched" || ko "insert modified the tree"
grep -q 'files scanned, [0-9]* with parse failures' "$tmp/insert.err" &&
	ok "the run counts the files it could not parse" || ko "no parse-failure count"

# What the patch touches, per version: both shapes of ioremap_page_range.
files=$(grep '^+++ b/' "$tmp/insert.diff" | sed 's|^+++ b/||' | sort | tr '\n' ' ')
want="drivers/pci/pci.c drivers/tty/serial/earlycon.c include/linux/io.h mm/ioremap.c mm/vmalloc.c "
[ "$arch" = x86_64 ] && want="arch/x86/mm/ioremap.c $want"
[ "$files" = "$want" ] && ok "patch touches $files" || ko "patch touches '$files', want '$want'"
# the map hook's result is used: assigned, or tested
grep -q '^+	*\(err = \|if (\)ioremap_page_range_hook(' "$tmp/insert.diff" &&
	ok "map hook inserted, its result used" || ko "no map hook call using its result in the patch"

(cd "$tree" && git apply --check "$tmp/insert.diff") 2>"$tmp/apply.err" &&
	ok "git apply --check accepts it" || ko "git apply --check: $(head -n 2 "$tmp/apply.err")"
(cd "$tree" && perl scripts/checkpatch.pl --strict --no-signoff --no-tree "$tmp/insert.diff") >"$tmp/cp.out" 2>&1
grep -q '^total: 0 errors, 0 warnings, 0 checks' "$tmp/cp.out" &&
	ok "checkpatch --strict clean" || ko "checkpatch: $(grep '^total' "$tmp/cp.out")"

# A patched copy (hard links; patch replaces the files it edits).
cp -al "$tree" "$tmp/src" && (cd "$tmp/src" && patch -p1 -s --no-backup-if-mismatch) < "$tmp/insert.diff" &&
	ok "patch -p1 applies it" || { ko "patch -p1 failed"; finish; }
sums | cmp -s - "$tmp/sums.before" || ko "patching the copy changed the pristine tree"

# Idempotence: a second run on the patched copy changes nothing.
"$ioguard" insert --tree "$tmp/src" --arch "$arch" -o "$tmp/again.diff" 2>/dev/null
[ -f "$tmp/again.diff" ] && [ ! -s "$tmp/again.diff" ] && ok "second insert changes nothing" ||
	ko "second insert: $(grep -c '^+++' "$tmp/again.diff" 2>/dev/null) files changed again"

# Compile what the arch builds (the objects the pristine build has), with
# the checker run by kbuild on each rebuilt object.
cp -a "$bdir" "$tmp/build"
objs=
for f in $files; do
	case $f in *.c) o=${f%.c}.o; [ -f "$bdir/$o" ] && objs="$objs $o" ;; esac
done
if make -s -C "$tmp/src" O="$tmp/build" ARCH="$karch" CROSS_COMPILE="$cross" -j"$(nproc)" \
	C=1 CHECK="$checker --ioguard-warn-only" $objs </dev/null >"$tmp/make.log" 2>&1; then
	ok "compiles:$objs"
else
	ko "compile of$objs failed"; grep -E 'error|warning' "$tmp/make.log" | head -n 10
fi
n=$(grep -c '\[ioguard-' "$tmp/make.log")
[ "$n" -eq 0 ] && ok "ioguard-sparse reports nothing on the patched objects" ||
	{ ko "ioguard-sparse still reports $n findings"; grep '\[ioguard-' "$tmp/make.log" | sed "s|^$tmp/src/||"; }

# Report mode agrees with ioguard-sparse on the pristine tree, function by
# function, in the directories kernel/checker-facts checks.
"$ioguard" insert --tree "$tree" --arch "$arch" --mode report >"$tmp/report" 2>/dev/null
in_dirs() { grep -E "^(mm/|drivers/pci/|arch/$srcarch/mm/|drivers/tty/serial/earlycon)"; }
in_dirs < "$tmp/report" | sed -n 's/.*WARNING: \([a-z_0-9]*\)() .*\[\(ioguard-[a-z-]*\)\]$/\1 \2/p' | sort -u > "$tmp/cocci.set"
log=$bdir/ioguard-kbuild.log
if [ -f "$log" ]; then
	# device mappings found by their attributes (docs/devmem.md) are
	# beyond the Coccinelle scripts, which know the spec's names
	grep '\[ioguard-' "$log" | grep -v "(device memory: " | sed "s|^$tree/||" | in_dirs |
		sed -n "s/.*warning: '\([a-z_0-9]*\)' .*\[\(ioguard-[a-z-]*\)\]$/\1 \2/p" | sort -u > "$tmp/sparse.set"
	# Where they differ, the checker is right for the configuration: it
	# sees the code the arch compiles, Coccinelle sees every #if branch.
	# x86_64 compiles neither mm/ioremap.c (no GENERIC_IOREMAP) nor the
	# PCI_IOBASE bodies of pci_remap_iospace()/pci_unmap_iospace().
	: > "$tmp/uncompiled"
	if [ "$arch" = x86_64 ]; then
		printf '%s\n' "generic_iounmap ioguard-unhooked-unmap" \
			"pci_remap_iospace ioguard-bypass" \
			"pci_unmap_iospace ioguard-unhooked-unmap" | sort > "$tmp/uncompiled"
	fi
	comm -23 "$tmp/cocci.set" "$tmp/uncompiled" > "$tmp/cocci.compiled"
	if [ -s "$tmp/sparse.set" ] && cmp -s "$tmp/cocci.compiled" "$tmp/sparse.set"; then
		ok "report mode finds what ioguard-sparse finds: $(tr '\n' ';' < "$tmp/sparse.set")"
	else
		ko "report mode and ioguard-sparse disagree"; diff "$tmp/cocci.compiled" "$tmp/sparse.set" | sed 's/^/	/'
	fi
	extra=$(comm -12 "$tmp/cocci.set" "$tmp/uncompiled" | tr '\n' ';')
	[ -z "$extra" ] || echo "     (report mode also names, in code $arch does not compile: $extra)"
else
	ko "no kbuild log of ioguard-sparse in $bdir (run kernel/checker-facts first)"
fi
# The kernel's own coccicheck runs the same script (report mode writes
# nothing into the tree).
if [ "$ver" = 6.12 ] && [ "$arch" = arm64 ]; then
	make -s -C "$tree" coccicheck COCCI="$top/build/cocci/map_hook.cocci" MODE=report \
		M="$tree/drivers/pci" SPFLAGS="--python /usr/bin/python3" >"$tmp/coccicheck" 2>&1
	grep -q 'pci.c:[0-9:-]*: WARNING: pci_remap_iospace() maps MMIO with vmap_page_range() .*\[ioguard-bypass\]' "$tmp/coccicheck" &&
		ok "make coccicheck MODE=report M=drivers/pci finds pci_remap_iospace()" ||
		{ ko "make coccicheck did not report pci_remap_iospace()"; tail -n 5 "$tmp/coccicheck"; }
fi
finish
