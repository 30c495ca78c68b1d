// SPDX-License-Identifier: GPL-2.0
/* Where FIXMAP_PAGE_IO is a constant, it is recognised by value. */
#include "kernel.h"
#undef FIXMAP_PAGE_IO
#define FIXMAP_PAGE_IO	__pgprot(0x0068000000000713UL)  /* AttrIndx 4: device */

void __iomem *early_uart_map(phys_addr_t paddr)
{
	set_fixmap_io(FIX_EARLYCON_MEM_BASE, paddr & PAGE_MASK);
	__set_fixmap(FIX_HOLE, paddr, __pgprot(0x0068000000000703UL)); /* normal */
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

/*
 * check-name: a constant FIXMAP_PAGE_IO is matched by value, nothing else
 *
 * check-error-start
bypass-fixmap-io-constant.c:9:9: warning: 'early_uart_map' maps MMIO with '__set_fixmap' (FIXMAP_PAGE_IO) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
