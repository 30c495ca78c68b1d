// SPDX-License-Identifier: GPL-2.0
/*
 * mm/early_ioremap.c's shape: the protection is a parameter of the
 * helper that maps, and its callers choose it. The finding is at the
 * caller that chooses device memory, through one helper and through
 * two; the helper itself maps whatever it is given, and a caller
 * passing normal memory through the same helpers maps no MMIO.
 */
#include "kernel.h"

static void __attribute__((noinline)) set_slot(int idx, phys_addr_t phys, pgprot_t prot)
{
	__set_fixmap(idx, phys, prot);
}

static void __iomem *__attribute__((noinline))
remap_slots(phys_addr_t phys, unsigned long size, pgprot_t prot)
{
	int i;

	for (i = 0; i < size >> PAGE_SHIFT; i++)
		set_slot(FIX_EARLYCON_MEM_BASE + i, phys + (i << PAGE_SHIFT), pgprot_nx(prot));
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

void __iomem *one_level(phys_addr_t phys)
{
	set_slot(FIX_EARLYCON_MEM_BASE, phys, FIXMAP_PAGE_IO);
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

void __iomem *two_levels(phys_addr_t phys, unsigned long size)
{
	return remap_slots(phys, size, FIXMAP_PAGE_IO);
}

void *normal_memory(phys_addr_t phys, unsigned long size)
{
	return (void *)remap_slots(phys, size, FIXMAP_PAGE_NORMAL);
}

/*
 * check-name: device attributes through one and two helper levels
 *
 * check-error-start
devmem-helpers.c:28:17: warning: 'one_level' maps MMIO with 'set_slot' -> '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-helpers.c:34:27: warning: 'two_levels' maps MMIO with 'remap_slots' -> 'set_slot' -> '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
