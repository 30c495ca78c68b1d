// SPDX-License-Identifier: GPL-2.0
/*
 * No spec mapping function at all: device attributes built into a PTE
 * and stored with a sink (set_pte(), a static inline the checker keeps
 * as a call). A normal PTE through the same sink is nothing.
 */
#include "kernel.h"

void map_io_page(unsigned long addr, unsigned long pfn)
{
	set_pte(fixmap_pte(addr), pfn_pte(pfn, pgprot_device(PAGE_KERNEL)));
}

void map_ram_page(unsigned long addr, unsigned long pfn)
{
	set_pte(fixmap_pte(addr), pfn_pte(pfn, PAGE_KERNEL));
}

/*
 * check-name: a device PTE stored with a sink is a bypass
 *
 * check-error-start
devmem-sink.c:11:16: warning: 'map_io_page' maps MMIO with 'set_pte' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
