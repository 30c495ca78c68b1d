// SPDX-License-Identifier: GPL-2.0
/*
 * Device attributes spelled as a compound literal and as a bare number:
 * only the AttrIndx bits (4:2) decide, whatever else is set.
 */
#include "kernel.h"

void map_uart(phys_addr_t phys)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys,
		     (pgprot_t){ PTE_ATTRINDX(MT_DEVICE_nGnRE) | PROT_DEFAULT });
}

void map_uart_number(phys_addr_t phys)
{
	/* 0x...70f: AttrIndx 3, Device-nGnRnE */
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys, __pgprot(0x006800000000070fUL));
}

void map_normal_number(phys_addr_t phys)
{
	/* 0x...70b: AttrIndx 2, Normal non-cacheable: not device */
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys, __pgprot(0x006800000000070bUL));
}

/*
 * check-name: device attributes as a compound literal and as a number
 *
 * check-error-start
devmem-literal.c:10:21: warning: 'map_uart' maps MMIO with '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-literal.c:17:21: warning: 'map_uart_number' maps MMIO with '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRnE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
