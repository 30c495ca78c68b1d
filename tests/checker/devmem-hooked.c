// SPDX-License-Identifier: GPL-2.0
/*
 * Device attributes through helpers that announce: the caller that
 * calls the hook after the helper, and a helper that calls the hook
 * itself, map nothing unannounced. Normal memory through the same
 * helper needs no hook.
 */
#include "kernel.h"

static void __attribute__((noinline)) set_slot(int idx, phys_addr_t phys, pgprot_t prot)
{
	__set_fixmap(idx, phys, prot);
}

static void __attribute__((noinline)) set_slot_announced(int idx, phys_addr_t phys, pgprot_t prot)
{
	unsigned long va = fix_to_virt(idx);

	__set_fixmap(idx, phys, prot);
	ioremap_page_range_hook(va, va + PAGE_SIZE, phys, prot);
}

void __iomem *caller_announces(phys_addr_t phys)
{
	unsigned long va = fix_to_virt(FIX_EARLYCON_MEM_BASE);

	set_slot(FIX_EARLYCON_MEM_BASE, phys, FIXMAP_PAGE_IO);
	ioremap_page_range_hook(va, va + PAGE_SIZE, phys, FIXMAP_PAGE_IO);
	return (void __iomem *)va;
}

void __iomem *helper_announces(phys_addr_t phys)
{
	set_slot_announced(FIX_EARLYCON_MEM_BASE, phys, pgprot_device(PAGE_KERNEL));
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

void *normal(phys_addr_t phys)
{
	set_slot(FIX_EARLYCON_MEM_BASE, phys, PAGE_KERNEL);
	return (void *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

/*
 * check-name: device attributes through an announcing chain: no finding
 *
 * check-error-start
 * check-error-end
 */
