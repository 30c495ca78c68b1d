// SPDX-License-Identifier: GPL-2.0
/* Fixmap IO announced: __set_fixmap() cannot fail. */
#include "kernel.h"

void __iomem *earlycon_map(phys_addr_t paddr)
{
	unsigned long vaddr = fix_to_virt(FIX_EARLYCON_MEM_BASE);

	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	ioremap_page_range_hook(vaddr, vaddr + PAGE_SIZE, paddr & PAGE_MASK,
				FIXMAP_PAGE_IO);
	return (void __iomem *)vaddr;
}

/*
 * check-name: fixmap IO followed by the hook is clean
 *
 * check-error-start
 * check-error-end
 */
