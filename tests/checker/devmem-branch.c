// SPDX-License-Identifier: GPL-2.0
/*
 * ghes_map()'s shape on arm64: the protection comes from firmware, and
 * a branch chooses between normal and device memory
 * (__acpi_get_mem_attribute()). The mapping may be MMIO: reported with
 * the place where the device value is chosen.
 */
#include "kernel.h"

#define EFI_MEMORY_WC	0x1
#define EFI_MEMORY_WB	0x8
unsigned long long efi_mem_attributes(phys_addr_t phys);

static pgprot_t __attribute__((noinline)) mem_attribute(phys_addr_t phys)
{
	unsigned long long attr = efi_mem_attributes(phys);

	if (attr & EFI_MEMORY_WB)
		return PAGE_KERNEL;
	if (attr & EFI_MEMORY_WC)
		return __pgprot(PROT_NORMAL_NC);
	return __pgprot(PROT_DEVICE_nGnRnE);
}

void __iomem *firmware_map(unsigned long pfn, int idx)
{
	phys_addr_t paddr = (phys_addr_t)pfn << PAGE_SHIFT;

	__set_fixmap(idx, paddr, mem_attribute(paddr));
	return (void __iomem *)fix_to_virt(idx);
}

void __iomem *choose_here(phys_addr_t paddr, bool io)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, paddr, io ? FIXMAP_PAGE_IO : PAGE_KERNEL);
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

/*
 * check-name: a device value chosen by a branch: may map MMIO
 *
 * check-error-start
devmem-branch.c:29:21: warning: 'firmware_map' may map MMIO with '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRnE), chosen on line 22) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-branch.c:35:21: warning: 'choose_here' may map MMIO with '__set_fixmap' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE), chosen on line 35) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
 * check-error-end
 */
