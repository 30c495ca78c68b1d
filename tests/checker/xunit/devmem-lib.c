// SPDX-License-Identifier: GPL-2.0
/*
 * The other unit of devmem-xunit.c: the arch's __set_fixmap() (as
 * arm64's, down to the sink), a helper that passes its protection to
 * it, and functions that return a protection chosen by a branch
 * (__acpi_get_mem_attribute(), phys_mem_access_prot()).
 */
#include "../include/kernel.h"

#define EFI_MEMORY_WB	0x8
unsigned long long efi_mem_attributes(phys_addr_t phys);
bool pfn_is_map_memory(unsigned long pfn);

void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t flags)
{
	unsigned long addr = fix_to_virt(idx);

	__set_pte(fixmap_pte(addr), pfn_pte(phys >> PAGE_SHIFT, flags));
}

void map_slots(phys_addr_t phys, unsigned long size, pgprot_t prot)
{
	unsigned long i;

	for (i = 0; i < size >> PAGE_SHIFT; i++)
		__set_fixmap(FIX_EARLYCON_MEM_BASE + i, phys + (i << PAGE_SHIFT), prot);
}

pgprot_t mem_attribute(phys_addr_t phys)
{
	if (efi_mem_attributes(phys) & EFI_MEMORY_WB)
		return PAGE_KERNEL;
	return __pgprot(PROT_DEVICE_nGnRnE);
}

pgprot_t access_prot(unsigned long pfn, pgprot_t vma_prot)
{
	if (!pfn_is_map_memory(pfn))
		return pgprot_noncached(vma_prot);
	return vma_prot;
}
