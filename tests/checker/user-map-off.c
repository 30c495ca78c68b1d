// SPDX-License-Identifier: GPL-2.0
/* The same user mappings without --ioguard-user-map: CI gates stay as they were. */
#include "kernel.h"

int mmio_mmap(struct vm_area_struct *vma, unsigned long pfn)
{
	return remap_pfn_range(vma, vma->vm_start, pfn, vma->vm_end - vma->vm_start,
			       pgprot_noncached(vma->vm_page_prot));
}

int window_mmap(struct vm_area_struct *vma, phys_addr_t start)
{
	return vm_iomap_memory(vma, start, PAGE_SIZE);
}

/*
 * check-name: user-map is off by default
 *
 * check-error-start
 * check-error-end
 */
