// SPDX-License-Identifier: GPL-2.0
/*
 * User mappings of device memory (drivers' mmap handlers): uncached
 * attributes through remap_pfn_range(), io_remap_pfn_range() and
 * vm_iomap_memory() by name. Write-combining and the vma's own
 * protection are not reported.
 */
#include "kernel.h"

int mmio_mmap(struct vm_area_struct *vma, unsigned long pfn)
{
	return remap_pfn_range(vma, vma->vm_start, pfn, vma->vm_end - vma->vm_start,
			       pgprot_noncached(vma->vm_page_prot));
}

int bar_mmap(struct vm_area_struct *vma, unsigned long pfn)
{
	return io_remap_pfn_range(vma, vma->vm_start, pfn, PAGE_SIZE, vma->vm_page_prot);
}

int window_mmap(struct vm_area_struct *vma, phys_addr_t start)
{
	return vm_iomap_memory(vma, start, PAGE_SIZE);
}

int fb_mmap(struct vm_area_struct *vma, unsigned long pfn)
{
	remap_pfn_range(vma, vma->vm_start, pfn, PAGE_SIZE,
			pgprot_writecombine(vma->vm_page_prot));
	return remap_pfn_range(vma, vma->vm_start, pfn, PAGE_SIZE, vma->vm_page_prot);
}

/*
 * check-name: user-map with --ioguard-user-map
 * check-command: ioguard-sparse -Wno-decl --ioguard-user-map $file
 *
 * check-error-start
user-map.c:12:31: warning: 'mmio_mmap' maps device memory into user space with 'remap_pfn_range' (PTE_ATTRINDX(MT_DEVICE_nGnRnE)) [ioguard-user-map]
user-map.c:18:34: warning: 'bar_mmap' maps I/O memory into user space with 'io_remap_pfn_range' [ioguard-user-map]
user-map.c:23:31: warning: 'window_mmap' maps I/O memory into user space with 'vm_iomap_memory' [ioguard-user-map]
 * check-error-end
 */
