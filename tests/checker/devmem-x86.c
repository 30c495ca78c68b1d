// SPDX-License-Identifier: GPL-2.0
/*
 * x86's APIC and IOAPIC fixmaps (arch/x86/kernel/apic/): uncached by
 * FIXMAP_PAGE_NOCACHE, whose cache bits come from cachemode2protval(UC)
 * and are then masked with a variable. set_fixmap_io() is found by its
 * name as before (x86's FIXMAP_PAGE_IO is write-back in the PTE); a
 * write-combining or cached fixmap is not device memory.
 */
#include "x86.h"

void apic_map(phys_addr_t phys)
{
	set_fixmap_nocache(FIX_APIC_BASE, phys);
}

void io_apic_map(phys_addr_t phys)
{
	__set_fixmap(FIX_IO_APIC_BASE_0, phys, FIXMAP_PAGE_NOCACHE);
}

void uc_minus_map(phys_addr_t phys, pgprot_t prot)
{
	__set_fixmap(FIX_IO_APIC_BASE_0, phys, pgprot_noncached(prot));
}

void io_map(phys_addr_t phys)
{
	set_fixmap_io(FIX_IO_APIC_BASE_0, phys);
}

void wc_map(phys_addr_t phys, pgprot_t prot)
{
	__set_fixmap(FIX_IO_APIC_BASE_0, phys, pgprot_writecombine(prot));
	set_fixmap(FIX_HOLE, phys);
}

/*
 * check-name: x86 uncached fixmaps by their cache bits
 *
 * check-error-start
devmem-x86.c:13:9: warning: 'apic_map' maps MMIO with '__set_fixmap' (device memory: _PAGE_NOCACHE) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-x86.c:18:21: warning: 'io_apic_map' maps MMIO with '__set_fixmap' (device memory: _PAGE_NOCACHE) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-x86.c:23:21: warning: 'uc_minus_map' maps MMIO with '__set_fixmap' (device memory: cachemode2protval(_PAGE_CACHE_MODE_UC_MINUS)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-x86.c:28:9: warning: 'io_map' maps MMIO with '__set_fixmap' (FIXMAP_PAGE_IO) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
