// SPDX-License-Identifier: GPL-2.0
/*
 * samsung_tty.c's apple_s5l_early_console_setup() shape: __set_fixmap()
 * with a device protection that is not FIXMAP_PAGE_IO, spelled with the
 * arch's macro. The memory type, not the name, makes it MMIO.
 */
#include "kernel.h"

void __iomem *early_console_map(phys_addr_t mapbase)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, mapbase, __pgprot(PROT_DEVICE_nGnRnE));
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

/*
 * check-name: __set_fixmap() with PROT_DEVICE_nGnRnE is a bypass
 *
 * check-error-start
devmem-macro.c:11:21: warning: 'early_console_map' maps MMIO with '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRnE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
