// SPDX-License-Identifier: GPL-2.0
/* earlycon's map_fixmap shape: set_fixmap_io() is a macro, reported
 * where it is used. */
#include "kernel.h"

void __iomem *earlycon_map(phys_addr_t paddr, size_t size)
{
	void __iomem *base;

	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	base = (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
	base += paddr & ~PAGE_MASK;
	return base;
}

/*
 * check-name: set_fixmap_io() is a bypass, reported at the macro
 *
 * check-error-start
bypass-set-fixmap-io.c:10:9: warning: 'earlycon_map' maps MMIO with '__set_fixmap' (FIXMAP_PAGE_IO) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
