#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Real-tree facts for ioguard-sparse, through kbuild (C=2 CHECK=) on
# Debian's pristine 6.1 and 6.12 trees, arm64 and x86_64, over mm/,
# drivers/pci/, arch/<arch>/mm/ and drivers/tty/serial/earlycon.c. Each
# combination must report exactly
# the expected set of (file, check, function) findings, read off the
# kernel sources:
#
# - ioremap_page_range() has no hook in either version: 6.1 maps with
#   vmap_range_noflush(), 6.12 returns vmap_page_range() (unhooked-map).
# - 6.12's pci_remap_iospace() calls vmap_page_range() directly where
#   PCI_IOBASE is defined (arm64): bypass. Its x86 body is a stub.
#   6.1's calls ioremap_page_range(), an entry point: no finding.
# - the generic iounmap() (6.1) / generic_iounmap() (6.12) call vunmap(),
#   x86's iounmap() calls remove_vm_area(), pci_unmap_iospace() (arm64
#   only) calls vunmap_range(): unhooked-unmap. mm/ioremap.c is not built
#   on x86 (no GENERIC_IOREMAP).
# - earlycon_map() maps the console with set_fixmap_io() when
#   CONFIG_FIX_EARLYCON_MEM=y (all four defconfigs): bypass. On arm64
#   FIXMAP_PAGE_IO is not a constant (PTE_MAYBE_NG reads a variable; 6.12
#   also reads TCR_EL1), on x86 __set_fixmap() is a static inline.
# - early_ioremap() passes FIXMAP_PAGE_IO to __early_ioremap(), which
#   maps it with __set_fixmap(): on arm64 that is device memory
#   (AttrIndx Device-nGnRE), found by its attributes through the helper
#   (docs/devmem.md); on x86 FIXMAP_PAGE_IO is write-back, no finding.
#
# Line numbers are left out on purpose: they move with Debian's stable
# updates; the functions and files do not.
set -u

here=$(cd "$(dirname "$0")" && pwd)
ioguard=$here/../../build/ioguard
pass=0 fail=0

# `ioguard check` over its default directories; the whole kbuild log is
# kept in the build directory for kernel/insert.sh to compare with.
expect() {
	ver=$1 arch=$2
	shift 2
	tree=$("$ioguard" fetch-kernel "$ver") && out=$("$ioguard" prepare-kernel "$ver" "$arch") &&
	got=$("$ioguard" check --tree "$tree" --arch "$arch" --build "$out" \
		--log "$out/ioguard-kbuild.log")
	if [ $? -gt 1 ]; then
		echo "FAIL $ver/$arch: kbuild run failed"
		fail=$((fail + 1))
		return
	fi
	# file:line:col: warning: 'function' ... [ioguard-check]
	got=$(printf '%s\n' "$got" | sed -n \
		"s/^\([^:]*\):[0-9]*:[0-9]*: warning: '\([^']*\)'.*\[ioguard-\([a-z-]*\)\]$/\1 \3 \2/p" | sort -u)
	want=$(printf '%s\n' "$@" | sort -u)
	if [ "$got" = "$want" ]; then
		echo "ok   $ver/$arch: $(printf '%s\n' "$@" | wc -l) expected findings, nothing else"
		pass=$((pass + 1))
	else
		echo "FAIL $ver/$arch"
		printf '%s\n' "$want" > /tmp/ioguard-want.$$
		printf '%s\n' "$got" | diff -u /tmp/ioguard-want.$$ - | sed -n '3,$p'
		rm -f /tmp/ioguard-want.$$
		fail=$((fail + 1))
	fi
}

expect 6.1 arm64 \
	"drivers/tty/serial/earlycon.c bypass earlycon_map" \
	"mm/early_ioremap.c bypass early_ioremap" \
	"mm/vmalloc.c unhooked-map ioremap_page_range" \
	"mm/ioremap.c unhooked-unmap iounmap" \
	"drivers/pci/pci.c unhooked-unmap pci_unmap_iospace"

expect 6.12 arm64 \
	"drivers/tty/serial/earlycon.c bypass earlycon_map" \
	"mm/early_ioremap.c bypass early_ioremap" \
	"mm/vmalloc.c unhooked-map ioremap_page_range" \
	"mm/ioremap.c unhooked-unmap generic_iounmap" \
	"drivers/pci/pci.c bypass pci_remap_iospace" \
	"drivers/pci/pci.c unhooked-unmap pci_unmap_iospace"

expect 6.1 x86_64 \
	"drivers/tty/serial/earlycon.c bypass earlycon_map" \
	"mm/vmalloc.c unhooked-map ioremap_page_range" \
	"arch/x86/mm/ioremap.c unhooked-unmap iounmap"

expect 6.12 x86_64 \
	"drivers/tty/serial/earlycon.c bypass earlycon_map" \
	"mm/vmalloc.c unhooked-map ioremap_page_range" \
	"arch/x86/mm/ioremap.c unhooked-unmap iounmap"

# C=1 checks only what kbuild recompiles: drop one object and rebuild it.
c1() {
	top=$(cd "$here/../.." && pwd)
	tree=$("$top/src/sh/fetch-kernel.sh" 6.12)
	out=$("$top/src/sh/prepare-kernel.sh" 6.12 arm64)
	# under the build directory's lock, as ioguard's own kbuild runs
	got=$(flock "$out" sh -c 'rm -f "$1/mm/vmalloc.o" && shift && exec "$@"' - "$out" \
		make -s -C "$tree" O="$out" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
		C=1 CHECK="$top/build/ioguard-sparse --ioguard-warn-only" \
		mm/vmalloc.o mm/ioremap.o 2>&1 </dev/null | grep '\[ioguard-')
	# mm/ioremap.o was not rebuilt, so it is not checked
	if printf '%s\n' "$got" | grep -q "mm/vmalloc.c:.*'ioremap_page_range'.*\[ioguard-unhooked-map\]" &&
	   ! printf '%s\n' "$got" | grep -q "mm/ioremap.c"; then
		echo "ok   6.12/arm64 C=1: checks the rebuilt object only"
		pass=$((pass + 1))
	else
		echo "FAIL 6.12/arm64 C=1"
		printf '%s\n' "$got"
		fail=$((fail + 1))
	fi
}
c1

echo "checker-kernel: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
