// SPDX-License-Identifier: GPL-2.0
#include "kernel.h"

void generic_iounmap(volatile void __iomem *addr)
{
	void *vaddr = (void *)((unsigned long)addr & PAGE_MASK);
	struct vm_struct *area;

	area = find_vm_area(vaddr);
	if (!area)
		return;
	iounmap_page_range_hook(area->phys_addr, get_vm_area_size(area));
	vunmap(vaddr);
}

/*
 * check-name: the unmap hook before vunmap() is clean
 *
 * check-error-start
 * check-error-end
 */
