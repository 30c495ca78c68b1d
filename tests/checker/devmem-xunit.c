// SPDX-License-Identifier: GPL-2.0
/*
 * Device attributes that reach the page tables only across units: this
 * file passes them to xunit/devmem-lib.c's helper, or maps what that
 * unit's functions return; only the audit's derivation (here `ioguard
 * derive` over both units' facts) sees the flow. Normal memory through
 * the same helper, and a caller that announces, are not findings; the
 * derived list names each function that can write device attributes.
 */
#include "kernel.h"

void map_slots(phys_addr_t phys, unsigned long size, pgprot_t prot);
pgprot_t mem_attribute(phys_addr_t phys);
pgprot_t access_prot(unsigned long pfn, pgprot_t vma_prot);

void __iomem *early_map(phys_addr_t phys, unsigned long size)
{
	map_slots(phys, size, FIXMAP_PAGE_IO);
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

void __iomem *firmware_map(phys_addr_t phys)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, phys, mem_attribute(phys));
	return (void __iomem *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

void *normal_map(phys_addr_t phys, unsigned long size)
{
	map_slots(phys, size, PAGE_KERNEL);
	return (void *)fix_to_virt(FIX_EARLYCON_MEM_BASE);
}

void __iomem *announced_map(phys_addr_t phys)
{
	unsigned long va = fix_to_virt(FIX_EARLYCON_MEM_BASE);

	map_slots(phys, PAGE_SIZE, FIXMAP_PAGE_IO);
	ioremap_page_range_hook(va, va + PAGE_SIZE, phys, FIXMAP_PAGE_IO);
	return (void __iomem *)va;
}

int mem_mmap(struct vm_area_struct *vma, unsigned long pfn)
{
	return remap_pfn_range(vma, vma->vm_start, pfn, PAGE_SIZE,
			       access_prot(pfn, vma->vm_page_prot));
}

/*
 * check-name: device attributes across two units (ioguard derive)
 * check-command: sh $dir/derive.sh ioguard-sparse -Wno-decl -- $file xunit/devmem-lib.c
 *
 * check-error-start
# functions that can write device attributes into page tables: 6
devmem-xunit.c:16: early_map: writes device memory (PTE_ATTRINDX(MT_DEVICE_nGnRE)): 'map_slots' -> '__set_fixmap' -> '__set_pte' [bypass]
devmem-xunit.c:22: firmware_map: may write device memory (PTE_ATTRINDX(MT_DEVICE_nGnRnE) returned by 'mem_attribute', chosen at xunit/devmem-lib.c:33): '__set_fixmap' -> '__set_pte' [bypass]
devmem-xunit.c:34: announced_map: writes device memory (PTE_ATTRINDX(MT_DEVICE_nGnRE)): 'map_slots' -> '__set_fixmap' -> '__set_pte' [announced]
devmem-xunit.c:43: mem_mmap: may write device memory (PTE_ATTRINDX(MT_DEVICE_nGnRnE) returned by 'access_prot', chosen at xunit/devmem-lib.c:39): 'remap_pfn_range' [user-map]
xunit/devmem-lib.c:14: __set_fixmap: passes parameter 3 to the page tables: '__set_pte' [spec fixmap]
xunit/devmem-lib.c:21: map_slots: passes parameter 3 to the page tables: '__set_fixmap' -> '__set_pte'
spec primitive vmap_page_range: no function body in the index (a macro here, or not built)
spec primitive vmap_range_noflush: no function body in the index (a macro here, or not built)
spec fixmap __set_fixmap: derived
spec fixmap set_fixmap_io: no function body in the index (a macro here, or not built)
spec fixmap set_fixmap_nocache: no function body in the index (a macro here, or not built)
devmem-xunit.c:18:1: warning: 'early_map' maps MMIO with 'map_slots' -> '__set_fixmap' -> '__set_pte' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRE)) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-xunit.c:24:1: warning: 'firmware_map' may map MMIO with '__set_fixmap' -> '__set_pte' (device memory: PTE_ATTRINDX(MT_DEVICE_nGnRnE) returned by 'mem_attribute', chosen at xunit/devmem-lib.c:33) outside a map entry point and returns without calling 'ioremap_page_range_hook' [ioguard-bypass]
devmem-xunit.c:45:1: warning: 'mem_mmap' may map device memory into user space with 'remap_pfn_range' (PTE_ATTRINDX(MT_DEVICE_nGnRnE) returned by 'access_prot', chosen at xunit/devmem-lib.c:39) [ioguard-user-map]
 * check-error-end
 */
