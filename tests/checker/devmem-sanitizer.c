// SPDX-License-Identifier: GPL-2.0
/*
 * A spec sanitizer: a function that announces what it maps (here a
 * runtime's own fixmap wrapper, whose body the spec vouches for).
 * Device attributes passed to it are covered; the same attributes
 * passed to a helper that is not one are a bypass.
 */
#include "kernel.h"

void guard_map_fixmap(int idx, phys_addr_t phys, pgprot_t prot)
{
	__set_fixmap(idx, phys, prot);
}

static void __attribute__((noinline)) plain_map_fixmap(int idx, phys_addr_t phys, pgprot_t prot)
{
	__set_fixmap(idx, phys, prot);
}

void covered(phys_addr_t phys)
{
	guard_map_fixmap(FIX_EARLYCON_MEM_BASE, phys, pgprot_device(PAGE_KERNEL));
}

void uncovered(phys_addr_t phys)
{
	plain_map_fixmap(FIX_EARLYCON_MEM_BASE, phys, pgprot_device(PAGE_KERNEL));
}

/*
 * check-name: device attributes through a spec sanitizer are covered
 * check-command: ioguard-sparse -Wno-decl --ioguard-spec=$dir/specs/sanitizer.spec $file
 *
 * check-error-start
devmem-sanitizer.c:27:25: warning: 'uncovered' maps MMIO with 'plain_map_fixmap' -> '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
