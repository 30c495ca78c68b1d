// SPDX-License-Identifier: GPL-2.0
/* An earlycon-style fixmap IO mapping, spelled out. */
#include "kernel.h"

void __iomem *early_uart_map(phys_addr_t paddr)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK, FIXMAP_PAGE_IO);
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

/*
 * check-name: __set_fixmap(.., FIXMAP_PAGE_IO) is a bypass
 *
 * check-error-start
bypass-fixmap-io.c:7:21: warning: 'early_uart_map' maps MMIO with '__set_fixmap' (FIXMAP_PAGE_IO) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
