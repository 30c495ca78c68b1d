// SPDX-License-Identifier: GPL-2.0
/*
 * earlycon_map() prints paddr with %pa, so paddr lives in memory: the
 * load after __set_fixmap() is still the value that was mapped.
 */
#include "kernel.h"

int pr_phys(const char *fmt, const phys_addr_t *p);

void __iomem *earlycon_map(phys_addr_t paddr)
{
	unsigned long vaddr = fix_to_virt(FIX_EARLYCON_MEM_BASE);

	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	ioremap_page_range_hook(vaddr, vaddr + PAGE_SIZE, paddr & PAGE_MASK,
				FIXMAP_PAGE_IO);
	pr_phys("earlycon at %pa\n", &paddr);
	return (void __iomem *)vaddr;
}

void __iomem *earlycon_map_other(phys_addr_t paddr, phys_addr_t other)
{
	unsigned long vaddr = fix_to_virt(FIX_EARLYCON_MEM_BASE);

	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	ioremap_page_range_hook(vaddr, vaddr + PAGE_SIZE, other & PAGE_MASK,
				FIXMAP_PAGE_IO);
	pr_phys("earlycon at %pa\n", &paddr);
	pr_phys("other at %pa\n", &other);
	return (void __iomem *)vaddr;
}

/*
 * check-name: a reload of an address-taken local is the value stored in it
 *
 * check-error-start
args-address-taken.c:26:32: warning: 'earlycon_map_other' passes 'ioremap_page_range_hook' a value as phys that is not derived from the phys given to '__set_fixmap' [ioguard-hook-args]
 * check-error-end
 */
