// SPDX-License-Identifier: GPL-2.0
/*
 * pgprot_device() and pgprot_noncached() set the memory-type field of
 * whatever they are given; pgprot_writecombine() makes Normal-NC, which
 * is not device memory.
 */
#include "kernel.h"

void map_device(phys_addr_t phys)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys, pgprot_device(PAGE_KERNEL));
}

void map_noncached(phys_addr_t phys, pgprot_t prot)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys, pgprot_noncached(prot));
}

void map_wc(phys_addr_t phys)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys, pgprot_writecombine(PAGE_KERNEL));
}

/*
 * check-name: pgprot_device() and pgprot_noncached() are device, writecombine is not
 *
 * check-error-start
devmem-pgprot-helpers.c:11:21: warning: 'map_device' maps MMIO with '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-pgprot-helpers.c:16:21: warning: 'map_noncached' maps MMIO with '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRnE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
